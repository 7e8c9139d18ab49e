#!/usr/bin/env python3
"""networkx's max_weight_matching on the pair graph mingle builds for
`mode = pairs` with shared_tags alone, for bench/run.sh:
nx_pairs.py EVENT.csv CANDIDATES.  The graph is rebuilt here as mingle
builds it: every pair scored by the tags both hold, each weighing
log(N / holders) / log(N / 2); each attendee keeps their CANDIDATES best
partners (ties by id); the graph is the union.  Prints: nodes edges
seconds weight, the seconds for the matching alone."""
import csv
import heapq
import math
import sys
import time

import networkx as nx

path, cap = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8", newline="") as fh:
    rows = list(csv.DictReader(fh))
n = len(rows)
ids = [r["Email"] for r in rows]
tags = [frozenset(r["Interests"].lower().split()) for r in rows]
freq = {}
for ts in tags:
    for t in ts:
        freq[t] = freq.get(t, 0) + 1
norm = math.log(n / 2) if n > 2 else 1.0
idf = {t: (math.log(n / f) / norm if 0 < f < n else 0.0)
       for t, f in freq.items()}
rank = {i: r for r, i in enumerate(sorted(range(n), key=lambda i: ids[i]))}
best = [[] for _ in range(n)]  # min-heaps of (w, -rank, other)


def offer(h, item):
    if len(h) < cap:
        heapq.heappush(h, item)
    elif item > h[0]:
        heapq.heapreplace(h, item)


for a in range(n):
    ta = tags[a]
    for b in range(a + 1, n):
        shared = ta & tags[b]
        if not shared:
            continue
        # in a fixed order: a set's order changes with the hash seed,
        # and with it the last bit of a sum and so a tie
        w = sum(idf[t] for t in sorted(shared))
        if w <= 0:
            continue
        offer(best[a], (w, -rank[b], b))
        offer(best[b], (w, -rank[a], a))
g = nx.Graph()
g.add_nodes_from(range(n))
for a in range(n):
    for w, _, b in best[a]:
        g.add_edge(min(a, b), max(a, b), weight=w)
start = time.monotonic()
m = nx.max_weight_matching(g)
seconds = time.monotonic() - start
total = sum(g[a][b]["weight"] for a, b in m)
print(n, g.number_of_edges(), "%.3f" % seconds, "%.3f" % total)
