#!/bin/sh
# topup.sh -- suggestions that leave people short score those among
# themselves and assign again (core/topup.c).  On a generated event of 600
# (a third first-timers), `buddy`'s bonus outweighs the tags, so every
# veteran's 50 best partners are first-timers: without a second graph
# half the attendees could not reach 10 (with per_veteran = 2, 589 of
# 600).  Now everyone gets 10 (with per_veteran = 2 all but a few),
# per_veteran still holds, nobody gets more than 10, and the output is
# the same for 1 and 2 threads and the same as scoring every pair.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

/usr/bin/python3 "$top_srcdir/bench/make_event.py" 600 "$TMP/event.csv"
. "$top_srcdir/bench/event.sh"
# config [BUDDY OPTION...]: shared_tags and buddy (bonus 3), 10 each.
config() {
	{ event_fields; event_tags; printf '%s\n' "" "[strategy buddy]" \
	    "plugin = buddy" "field = first" "bonus = 3" "$@" "" "[match]" \
	    "per_attendee = 10"; } > "$TMP/event.ini"
}

# check NAME MOST SHORT: the run leaves at most SHORT below 10, gives
# nobody more and no veteran more than MOST first-timers (0: any number).
check() {
	t_run "$1" 0 "$MINGLE" run -c "$TMP/event.ini" -o "$TMP/out.csv" \
	    --threads 1
	short=$(sed -n 's/^mingle: \([0-9]*\) attendees\{0,1\} got fewer.*/\1/p' \
	    "$TMP/err")
	if [ "${short:-0}" -le "$3" ]; then
		t_ok "$1: ${short:-0} short, at most $3"
	else
		t_fail "$1: $short short, more than $3" "$(cat "$TMP/err")"
	fi
	bad=$(awk -F, -v most="$2" '
	    FNR == 1 { f++; next }
	    f == 1 { first[$1] = $5; next }
	    { n[$1]++; n[$3]++
	      if (first[$1] != first[$3] && first[$1] != "" && first[$3] != "") {
		v = first[$1] == "no" ? $1 : $3
		ft[v]++ } }
	    END { for (p in first) if (n[p] > 10) print "degree " p " " n[p]
		  for (v in ft) if (most > 0 && ft[v] > most)
			print "veteran " v " " ft[v] }' \
	    "$TMP/event.csv" "$TMP/out.csv" | head -3)
	if [ -z "$bad" ]; then
		t_ok "$1: at most 10 each, first-timers a veteran: at most $2 (0: any)"
	else
		t_fail "$1: limits broken" "$bad"
	fi
}

config
check "buddy" 0 0
cp "$TMP/out.csv" "$TMP/one.csv"
"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/two.csv" --threads 2
t_same "buddy, 2 threads: the same" "$TMP/one.csv" "$TMP/two.csv"
echo "exhaustive = yes" >> "$TMP/event.ini"
"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/all.csv"
t_same "buddy, every pair scored: the same" "$TMP/one.csv" "$TMP/all.csv"

config "per_veteran = 2"
# 34 short when the second assignment began from nothing, 11 from the first
check "buddy, per_veteran = 2" 2 20

# Each attendee also keeps their best by merit, without buddy's group
# bonus (core/engine.c, engine_bonus): so the first graph has pairs of
# two veterans, and nobody is short after it (before: 383 of 600).
config
"$MINGLE" run --progress -c "$TMP/event.ini" -o "$TMP/x.csv" 2>"$TMP/err"
if grep -q "short: scoring them" "$TMP/err"; then
	t_fail "buddy: nobody short after the first graph" \
	    "$(grep short "$TMP/err")"
else
	t_ok "buddy: nobody short after the first graph"
fi
# A strategy that measures fit but lists nobody (lists_none, list =
# bound): the merit heaps ask again, up to everyone, and the graph is
# that of scoring every pair.
config
printf '%s\n' "[strategy fit]" "plugin = lists_none" "list = bound" \
    "[plugins]" "path = $top_builddir/tests/plugins/.libs" >> "$TMP/event.ini"
sed -i 's/^per_attendee = 10$/per_attendee = 2\ncandidates = 4/' \
    "$TMP/event.ini"
"$MINGLE" run -c "$TMP/event.ini" -o "$TMP/stage.csv" 2>"$TMP/err.stage"
sed -i 's/^candidates = 4$/candidates = 4\nexhaustive = yes/' "$TMP/event.ini"
"$MINGLE" run -c "$TMP/event.ini" -o "$TMP/all.csv" 2>"$TMP/err.all"
t_same "merit heaps ask again: the same as every pair" "$TMP/stage.csv" \
    "$TMP/all.csv"
grep -o '[0-9]* candidate pairs' "$TMP/err.stage" > "$TMP/pairs.stage"
grep -o '[0-9]* candidate pairs' "$TMP/err.all" > "$TMP/pairs.all"
t_same "merit heaps ask again: the same graph" "$TMP/pairs.stage" \
    "$TMP/pairs.all"

# A Lua rule with max_score after buddy: asked last, about the pairs that
# can still reach a heap; the merit heaps' best (two veterans) are not
# among those, and are asked apart (engine_lazy_merit).
config "[strategy rule]" "script = $top_srcdir/scripts/first_timer_buddy.lua" \
    "field = first"
sed -i 's/^per_attendee = 10$/per_attendee = 3/' "$TMP/event.ini"
"$MINGLE" run -c "$TMP/event.ini" -o "$TMP/stage.csv" 2>"$TMP/err.stage"
sed -i 's/^per_attendee = 3$/per_attendee = 3\nexhaustive = yes/' \
    "$TMP/event.ini"
"$MINGLE" run -c "$TMP/event.ini" -o "$TMP/all.csv" 2>"$TMP/err.all"
t_same "a Lua rule asked last: the same as every pair" "$TMP/stage.csv" \
    "$TMP/all.csv"
grep -o '[0-9]* candidate pairs' "$TMP/err.stage" > "$TMP/pairs.stage"
grep -o '[0-9]* candidate pairs' "$TMP/err.all" > "$TMP/pairs.all"
t_same "a Lua rule asked last: the same graph" "$TMP/pairs.stage" \
    "$TMP/pairs.all"

# Nobody short: no second graph (--progress says nothing of it).
config
sed -i -e 's/^bonus = 3$/bonus = 0.1/' -e 's/^per_attendee = 10$/per_attendee = 3/' "$TMP/event.ini"
"$MINGLE" run --progress -c "$TMP/event.ini" -o "$TMP/x.csv" 2>"$TMP/err"
if grep -q "short: scoring them" "$TMP/err"; then
	t_fail "nobody short: no second graph" "$(grep short "$TMP/err")"
else
	t_ok "nobody short: no second graph"
fi
t_done
