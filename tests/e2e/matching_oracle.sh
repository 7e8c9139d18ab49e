#!/bin/sh
# matching_oracle.sh -- the pairs mode's matching against networkx's
# max_weight_matching on many random graphs: integer, tie-heavy and real
# weights, up to 60 vertices, with disconnected parts and isolated people.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

PY=${PYTHON3_NETWORKX:-/usr/bin/python3}
DUMP=$top_builddir/tests/unit/match_dump
if ! "$PY" -c 'import networkx' 2>/dev/null; then
	echo "1..0 # SKIP networkx not available (install python3-networkx)"
	exit 0
fi
if [ ! -x "$DUMP" ]; then
	echo "1..0 # SKIP $DUMP not built (make check builds it)"
	exit 0
fi

# Graphs and networkx's answers: $TMP/graphs (match_dump's input) and
# $TMP/want (kind, weight per line).
"$PY" - "$TMP/graphs" "$TMP/want" <<'PY' || { echo "1..0 # SKIP generator failed"; exit 0; }
import random, sys
import networkx as nx

rnd = random.Random(20240601)
graphs, want = open(sys.argv[1], "w"), open(sys.argv[2], "w")
kinds = ["integer", "ties", "real"]
for i in range(200):
    kind = kinds[i % 3]
    g = nx.Graph()
    n = rnd.randint(1, 60)
    g.add_nodes_from(range(n))
    # one to three separate parts, each its own density
    cuts = sorted(rnd.sample(range(1, n), min(n - 1, rnd.randint(0, 2)))) if n > 1 else []
    bounds = [0] + cuts + [n]
    for lo, hi in zip(bounds, bounds[1:]):
        p = rnd.choice([0.05, 0.1, 0.3, 0.7])
        for a in range(lo, hi):
            for b in range(a + 1, hi):
                if rnd.random() < p:
                    if kind == "integer":
                        w = rnd.randint(1, 1000)
                    elif kind == "ties":
                        w = rnd.randint(1, 3)
                    else:
                        w = round(rnd.uniform(0.01, 5.0), 4)
                    g.add_edge(a, b, weight=w)
    m = nx.max_weight_matching(g)
    total = sum(g[a][b]["weight"] for a, b in m)
    graphs.write("%d %d\n" % (n, g.number_of_edges()))
    for a, b, d in g.edges(data=True):
        graphs.write("%d %d %r\n" % (a, b, d["weight"]))
    want.write("%s %.6f %d %d\n" % (kind, total, n, g.number_of_edges()))
PY

if ! "$DUMP" <"$TMP/graphs" >"$TMP/got" 2>"$TMP/err"; then
	t_fail "match_dump runs" "$(cat "$TMP/err")"
	t_done
	exit
fi

i=0
while read -r kind want n m <&3 && read -r got <&4; do
	i=$((i + 1))
	name="graph $i ($kind, $n vertices, $m edges): weight $want"
	# Exact for integers; scores are scaled to 2^40 for real weights.
	if awk -v a="$got" -v b="$want" 'BEGIN {
	    d = a - b; if (d < 0) d = -d; exit !(a == a + 0 && d <= 1e-6 * (b > 1 ? b : 1)) }'
	then t_ok "$name"
	else t_fail "$name" "got: $got"
	fi
done 3<"$TMP/want" 4<"$TMP/got"
[ "$i" -eq 200 ] || t_fail "all 200 graphs answered" "only $i"
t_done
