# check.py EXPORT INTROS K: measure mingle's introductions on a neutral
# yardstick (abstracts.sh): TF-IDF of the abstracts, raw term frequency x
# log IDF, no stemming, no stop words, cosine.  Prints "conflicts N",
# "short N" (people with fewer than K) and, when scipy is there, "ratio
# R": mingle's mean yardstick similarity over that of an LP-based
# b-matcher (each person at most K, conflicts excluded) that maximizes
# the overlap of title keywords, a matcher with a weaker similarity.
import collections
import csv
import math
import re
import sys

rows = list(csv.DictReader(open(sys.argv[1], newline="")))
intros = list(csv.DictReader(open(sys.argv[2], newline="")))
k = int(sys.argv[3])
n = len(rows)
idx = {r["Email"]: i for i, r in enumerate(rows)}
by_name = {r["Last"] + ", " + r["First"]: i for i, r in enumerate(rows)}
conf = set()
for i, r in enumerate(rows):
    for name in filter(None, (x.strip() for x in r["Conflicts"].split(";"))):
        if by_name.get(name, i) != i:
            conf.add(frozenset((i, by_name[name])))


def words(s):
    return re.findall(r"\w+", s.lower())


docs = [collections.Counter(words(r["Abstract"])) for r in rows]
df = collections.Counter(w for d in docs for w in d)
vecs = []
for d in docs:
    v = {w: c * math.log(n / df[w]) for w, c in d.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    vecs.append({w: x / norm for w, x in v.items()})


def yard(i, j):
    a, b = (vecs[i], vecs[j]) if len(vecs[i]) < len(vecs[j]) else \
        (vecs[j], vecs[i])
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def mean(pairs):
    return sum(yard(i, j) for i, j in pairs) / max(len(pairs), 1)


pairs = [(idx[r["a_id"]], idx[r["b_id"]]) for r in intros]
deg = collections.Counter(v for p in pairs for v in p)
print("conflicts", sum(frozenset(p) in conf for p in pairs))
print("short", sum(1 for i in range(n) if deg[i] < k))
try:
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix
except ImportError:
    sys.exit(0)
titles = [set(words(r["Title"])) - {"for"} for r in rows]
cand = [(i, j) for i in range(n) for j in range(i + 1, n)
        if frozenset((i, j)) not in conf]
c = -np.array([len(titles[i] & titles[j]) / len(titles[i] | titles[j])
               for i, j in cand])
a = coo_matrix((np.ones(2 * len(cand)),
                ([i for i, _ in cand] + [j for _, j in cand],
                 list(range(len(cand))) * 2)), shape=(n, len(cand)))
res = milp(c, constraints=LinearConstraint(a.tocsr(), 0, k),
           integrality=np.ones(len(cand)), bounds=Bounds(0, 1))
lp = [cand[t] for t in range(len(cand)) if res.x[t] > 0.5]
print("ratio %.3f" % (mean(pairs) / mean(lp)))
print("means %.4f %.4f" % (mean(pairs), mean(lp)))
