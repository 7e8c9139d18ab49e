#!/bin/sh
# bench_graph.sh -- bench/pairs_graph, behind make bench's LEMON row,
# writes the graph `mingle run` matches in `mode = pairs`, with exact
# weights, and its matching weighs what `mingle run`'s pairs weigh.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

GRAPH=$top_builddir/bench/pairs_graph
DUMP=$top_builddir/tests/unit/match_dump
for p in "$GRAPH" "$DUMP"; do
	if [ ! -x "$p" ]; then
		echo "1..0 # SKIP $p not built (make check builds it)"
		exit 0
	fi
done

/usr/bin/python3 "$top_srcdir/bench/make_event.py" 300 "$TMP/event.csv"
. "$top_srcdir/bench/event.sh"
{ event_fields; event_tags; cat <<'INI'

[match]
mode = pairs
odd = leave-out
candidates = 5
INI
} > "$TMP/event.ini"

# pairs_graph is no program of mingle's: it finds the plugins by the path.
MINGLE_PLUGIN_PATH=$top_builddir/plugins/.libs
export MINGLE_PLUGIN_PATH
t_run "pairs_graph builds, writes and matches the graph" 0 \
    "$GRAPH" "$TMP/event.ini" "$TMP/graph.txt"
read -r n m secs weight < "$TMP/out"

# the file: its header as printed, one line an edge, each pair once
if [ "$(head -1 "$TMP/graph.txt")" = "$n $m" ] && [ "$n" = 300 ] &&
    [ "$m" -gt 0 ] && [ "$(sed 1d "$TMP/graph.txt" | wc -l)" = "$m" ] &&
    [ "$(sed 1d "$TMP/graph.txt" | cut -d' ' -f1,2 | sort -u | wc -l)" = "$m" ]
then
	t_ok "the file holds the $n nodes and $m edges printed"
else
	t_fail "the file holds the nodes and edges printed" \
	    "printed: $(cat "$TMP/out")" "file: $(head -3 "$TMP/graph.txt")"
fi

# the same matching read back from the file: the weights are exact
"$DUMP" < "$TMP/graph.txt" > "$TMP/dump" 2>&1
if [ "$(cat "$TMP/dump")" = "$weight" ]; then
	t_ok "match_dump weighs the written graph's matching the same ($weight)"
else
	t_fail "match_dump weighs the written graph's matching the same" \
	    "pairs_graph: $weight" "match_dump: $(cat "$TMP/dump")"
fi

# mingle run's pairs, each score written to 3 decimals, weigh the same
t_run "mingle run with the same config" 0 "$MINGLE" run -q \
    -c "$TMP/event.ini" -o "$TMP/run.csv"
awk -F, -v w="$weight" 'NR > 1 { s += $5; n++ }
    END { d = s - w; if (d < 0) d = -d; exit !(n > 0 && d <= n * 0.0005) }' \
    "$TMP/run.csv"
if [ $? = 0 ]; then
	t_ok "mingle run's pairs weigh what pairs_graph's matching weighs"
else
	t_fail "mingle run's pairs weigh what pairs_graph's matching weighs" \
	    "pairs_graph: $weight" "mingle run: $(awk -F, 'NR > 1 { s += $5 }
	    END { print s }' "$TMP/run.csv")"
fi
t_done
