#!/bin/sh
# progress.sh -- every phase that can run long reports on stderr with
# --progress (one line per tenth after a second, and a last line with its
# count): reading and preparing, the scoring, the graph, each mode's
# search, the reasons; none changes the output, --quiet silences all,
# and a search with nothing to do says nothing.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

/usr/bin/python3 "$top_srcdir/bench/make_event.py" 400 "$TMP/event.csv"
. "$top_srcdir/bench/event.sh"
{ event_fields; event_tags; event_help_work; cat <<'INI'

[strategy buddy]
plugin = buddy
field = first

[match]
INI
} > "$TMP/base.ini"

# tenths NAME PHASE: with MINGLE_PROGRESS_AFTER=0 (a line each tenth), the
# lines of PHASE in $TMP/progress: at least three before the last, each
# percentage the tenth its counts make, the counts rising, below the
# total, and the total that of the last line.
tenths() {
	if awk -v phase="mingle: $2: " '
	    index($0, phase) != 1 { next }
	    {
		rest = substr($0, length(phase) + 1)
		pct = rest + 0
		if (rest ~ /^100% \([0-9]+\) in /) {
			split(rest, f, /[()]/)
			last = f[2] + 0
			next
		}
		split(rest, f, /[( )]/)
		d = f[3] + 0; t = f[5] + 0
		if (total == "") total = t
		if (t != total || d <= prev || d >= t ||
		    int(10 * d / t) * 10 != pct) bad = bad " " $0
		prev = d; n++
	    }
	    END { exit !(n >= 3 && bad == "" && last == total) }
	    ' "$TMP/progress"; then
		t_ok "$1: a line each tenth, the counts rising to the total"
	else
		t_fail "$1: a line each tenth, the counts rising to the total" \
		    "$(grep -F "$2" "$TMP/progress")"
	fi
}

# run NAME MODE-LINES...: INI is the base and the lines; with --progress
# into out.csv and err, quietly into quiet.csv; both must agree.
run() {
	_name=$1
	shift
	{ cat "$TMP/base.ini"; printf '%s\n' "$@"; } > "$TMP/event.ini"
	t_run "$_name: --progress" 0 env MINGLE_PROGRESS_AFTER=0 \
	    "$MINGLE" run --progress -c "$TMP/event.ini" -o "$TMP/out.csv"
	cp "$TMP/err" "$TMP/progress"
	t_run "$_name: --quiet --progress" 0 "$MINGLE" run -q --progress \
	    -c "$TMP/event.ini" -o "$TMP/quiet.csv"
	if [ -s "$TMP/err" ]; then
		t_fail "$_name: --quiet silences progress" "$(cat "$TMP/err")"
	else
		t_ok "$_name: --quiet silences progress"
	fi
	t_same "$_name: progress changes no introduction" "$TMP/out.csv" \
	    "$TMP/quiet.csv"
	_rows=$(($(wc -l < "$TMP/out.csv") - 1))
	t_contains "$_name: reasons counted, one an introduction" \
	    "$TMP/progress" "giving reasons: 100% ($_rows) in"
}

# Suggestions: greedy leaves some short of 6; the paths that fill them
# count the introductions that were missing.
run "suggestions" "per_attendee = 6"
t_contains "suggestions: the shortfall search" "$TMP/progress" \
    "introducing those left short: 100% ("
missing=$(sed -n 's/.*introducing those left short: 100% (\([0-9]*\)).*/\1/p' \
    "$TMP/progress")
if [ "${missing:-0}" -gt 0 ]; then
	t_ok "suggestions: some were missing ($missing)"
else
	t_fail "suggestions: some were missing" "$(cat "$TMP/progress")"
fi
tenths "suggestions, the shortfall" "introducing those left short"
# Before the scoring: the export, the attendee table and each of the 4
# strategies (their init builds their indexes); after it, the graph.
tenths "suggestions, reading and preparing" \
    "reading the export and preparing the strategies"
t_contains "suggestions: preparing counts the export, the table and 4 strategies" \
    "$TMP/progress" "reading the export and preparing the strategies: 100% (6) in"
kept=$(sed -n 's/.*building the graph (\([0-9]*\) partners kept): 100% (3) in .*/\1/p' \
    "$TMP/progress")
pairs=$(sed -n 's/.*choosing introductions ([a-z]*, \([0-9]*\) candidate pairs).*/\1/p' \
    "$TMP/progress")
if [ -n "$kept" ] && [ -n "$pairs" ] && [ "$pairs" -gt 0 ] &&
    [ "$pairs" -le "$kept" ]; then
	t_ok "suggestions: the graph, its three passes over $kept partners kept ($pairs pairs)"
else
	t_fail "suggestions: the graph's progress" "$(grep -e graph -e \
	    choosing "$TMP/progress")"
fi
tenths "suggestions, the reasons" "giving reasons"
# The search for deeper paths runs only for those still short: here
# nobody is, and it says nothing.
t_lacks "suggestions: no deeper search when nobody is short" \
    "$TMP/progress" "searching deeper"

# One introduction each, from a graph where everyone's best is free:
# nobody is short after greedy, and the search says nothing.
{ cat "$TMP/base.ini"; echo "per_attendee = 1"; } > "$TMP/event.ini"
head -3 "$TMP/event.csv" > "$TMP/two.csv"
sed -i "s|^file = event.csv$|file = $TMP/two.csv|" "$TMP/event.ini"
t_run "two people: --progress" 0 "$MINGLE" run --progress \
    -c "$TMP/event.ini" -o "$TMP/out.csv"
t_lacks "two people: nobody short, no shortfall line" "$TMP/err" \
    "introducing those left short"

# Pairs: the matching, in thousandths of the way.
run "pairs" "mode = pairs"
t_contains "pairs: the matching" "$TMP/progress" \
    "matching pairs: 100% (1000) in"
tenths "pairs, the matching" "matching pairs"

# Rounds: the search for more score, in steps of its budget (here it
# stops early, when no swap gains: its last line alone).
run "rounds" "mode = rounds" "rounds = 2" "group_size = 4"
t_contains "rounds: the seating search" "$TMP/progress" \
    "seating for more score: 100% ("
t_done
