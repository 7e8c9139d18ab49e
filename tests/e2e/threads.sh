#!/bin/sh
# threads.sh -- the output is the same, byte for byte, for any number of
# scoring threads: every fixture and example with --threads 1, 2 and 3,
# and a generated event of 500 attendees with plugins and a Lua rule (one
# Lua state per thread).  A run that fails fails the same way.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

# same_runs NAME INI [OPTIONS...]: run INI with 1, 2 and 3 threads.
same_runs() {
	_name=$1 _ini=$2
	shift 2
	for _t in 1 2 3; do
		"$MINGLE" run -q --threads "$_t" -c "$_ini" "$@" \
		    -o "$TMP/out.$_t" --report "$TMP/report.$_t" \
		    --schedule "$TMP/schedule.$_t" 2>"$TMP/err.$_t"
		echo $? > "$TMP/rc.$_t"
	done
	for _t in 2 3; do
		for _f in rc err out report schedule; do
			[ -f "$TMP/$_f.1" ] || [ -f "$TMP/$_f.$_t" ] || continue
			if ! cmp -s "$TMP/$_f.1" "$TMP/$_f.$_t"; then
				t_fail "$_name: $_t threads change the $_f" \
				    "$(diff "$TMP/$_f.1" "$TMP/$_f.$_t" | head -5)"
				return
			fi
		done
	done
	t_ok "$_name: the same with 1, 2 and 3 threads (exit $(cat "$TMP/rc.1"))"
	rm -f "$TMP"/out.* "$TMP"/report.* "$TMP"/schedule.* "$TMP"/err.*
}

for ini in "$top_srcdir"/tests/e2e/cases/*/event.ini \
    "$top_srcdir"/tests/e2e/modes/*.ini \
    "$top_srcdir"/tests/e2e/strategies/*.ini \
    "$top_srcdir"/tests/e2e/strategies/text/event.ini \
    "$top_srcdir"/examples/*.ini; do
	same_runs "${ini#"$top_srcdir"/}" "$ini"
done

# Hundreds of rows, so that the threads share the heaps for real: the
# plugins, a Lua rule, and each mode.
/usr/bin/python3 "$top_srcdir/bench/make_event.py" 500 "$TMP/event.csv"
cp "$top_srcdir/scripts/first_timer_buddy.lua" "$TMP/"
. "$top_srcdir/bench/event.sh"
{ event_fields; event_tags; event_help_work; cat <<'INI'

[strategy buddy]
script = first_timer_buddy.lua
field = first
weight = 0.7

[match]
candidates = 6
INI
} > "$TMP/base.ini"
for mode in "per_attendee = 4" "mode = pairs" "mode = rounds
rounds = 2
group_size = 4"; do
	{ cat "$TMP/base.ini"; echo "$mode"; } > "$TMP/event.ini"
	same_runs "500 attendees, Lua, $(echo "$mode" | head -1)" \
	    "$TMP/event.ini"
done

# A failing rule fails the same way in every thread: the first row's.
sed 's/^  score = function(a, b[^)]*)$/&\
    if a.id == "p123@bench.example" or a.id == "p321@bench.example" then error("broke on " .. a.id) end/' \
    "$top_srcdir/scripts/first_timer_buddy.lua" > "$TMP/first_timer_buddy.lua"
{ cat "$TMP/base.ini"; echo "per_attendee = 4"; } > "$TMP/event.ini"
same_runs "500 attendees, a failing Lua rule" "$TMP/event.ini"
t_run "the failing rule: exit 1" 1 "$MINGLE" run -q --threads 3 -c "$TMP/event.ini" -o "$TMP/x.csv"
t_contains "the failing rule: the first failing row" "$TMP/err" "broke on p123@bench.example"

# --threads and [match] threads: what they take.
ex="$top_srcdir/examples/barcamp.ini"
t_run "--threads auto" 0 "$MINGLE" run -q --threads auto -c "$ex" -o "$TMP/x.csv"
t_run "--threads 0: usage error" 2 "$MINGLE" run --threads 0 -c "$ex" -o "$TMP/x.csv"
t_contains "--threads 0: what it takes" "$TMP/err" "--threads must be auto or a whole number from 1 to 256, not '0'"
t_run "--threads many: usage error" 2 "$MINGLE" run --threads many -c "$ex" -o "$TMP/x.csv"
sed -e "s|^file = |file = $top_srcdir/examples/|" -e 's/^\[match\]$/&\
threads = 2/' "$ex" > "$TMP/two.ini"
t_run "[match] threads = 2" 0 "$MINGLE" run -q -c "$TMP/two.ini" -o "$TMP/two.csv"
"$MINGLE" run -q --threads 1 -c "$ex" -o "$TMP/one.csv" 2>/dev/null
t_same "[match] threads = 2: the same introductions" "$TMP/one.csv" "$TMP/two.csv"
sed -e "s|^file = |file = $top_srcdir/examples/|" -e 's/^\[match\]$/&\
threads = lots/' "$ex" > "$TMP/bad.ini"
t_run "[match] threads = lots: refused" 1 "$MINGLE" run -q -c "$TMP/bad.ini" -o "$TMP/x.csv"
t_contains "[match] threads = lots: what it takes" "$TMP/err" "threads must be auto or a whole number from 1 to 256, not 'lots'"

# Progress: counts on stderr, silenced by --quiet.
t_run "--progress with 2 threads" 0 "$MINGLE" run --progress --threads 2 -c "$ex" -o "$TMP/x.csv"
t_contains "--progress: the attendees counted" "$TMP/err" "scoring candidates: 100% (55) in"
t_run "--quiet --progress" 0 "$MINGLE" run -q --progress -c "$ex" -o "$TMP/x.csv"
if [ -s "$TMP/err" ]; then t_fail "--quiet silences progress" "$(cat "$TMP/err")"
else t_ok "--quiet silences progress"; fi
t_done
