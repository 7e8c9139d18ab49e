#!/bin/sh
# seating.sh -- vetoes that make a seating impossible are named before any
# search (tests/e2e/seating/): more colleagues than tables, someone who
# may meet nobody; and `best_effort = yes` seats everyone with the fewest
# vetoed pairs together, each listed in the report and on stderr.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/seating

# refused NAME TEXT: NAME.ini fails at once with TEXT, writing nothing.
refused() {
	t_run "$1: refused" 1 "$MINGLE" run -q -c "$dir/$1.ini" \
	    -o "$TMP/$1.csv"
	t_contains "$1: says why" "$TMP/err" "$2"
	t_absent "$1: nothing written" "$TMP/$1.csv"
}

refused colleagues "mingle: no seating exists: 7 attendees may not share a table (strategy colleagues: both have e-mail addresses at rheinpixel.de) but there are only 6 tables: anna@rheinpixel.de, bert@rheinpixel.de,"
t_contains "colleagues: hints best_effort" "$TMP/err" \
    "set [match] best_effort = yes"
t_contains "colleagues: hints a group size with enough tables" "$TMP/err" \
    "or group_size = 3 for 8 tables"
refused colleagues-rounds "mingle: no schedule exists: 7 attendees may not share a table (strategy colleagues: both have e-mail addresses at rheinpixel.de) but there are only 6 tables a round"
refused press "mingle: no seating exists: pia@mail.example fits at no table: vetoed with everyone else (strategy tickets: ticket Press-Attendee is not allowed)"

# vetoed_seated NAME AWK: the pairs at one table of $TMP/NAME.sched that
# AWK (a condition on ids a and b) says are vetoed, as "a b" lines.
vetoed_seated() {
	awk -F, 'NR > 1 { print $2 "," $3 }' "$TMP/$1.sched" | sort |
	    awk -F, "{ if (\$1 == t) for (i = 0; i < n; i++) {
		a = m[i]; b = \$2; if ($2) print (a < b ? a \" \" b : b \" \" a) }
	      if (\$1 != t) { t = \$1; n = 0 } m[n++] = \$2 }" | sort
}

# best NAME AWK WANT: NAME.ini seats everyone with WANT vetoed pairs (as
# AWK finds them in the schedule), said to be the fewest possible, and
# lists exactly those in the report and on stderr.
best() {
	t_run "$1: seats everyone" 0 "$MINGLE" run -c "$dir/$1.ini" \
	    -o "$TMP/$1.csv" --schedule "$TMP/$1.sched" \
	    --report "$TMP/$1.report"
	seated=$(awk -F, 'NR > 1 && $2 != ""' "$TMP/$1.sched" | wc -l)
	all=$(awk 'END { print NR - 1 }' "$dir/${1%-best}.csv")
	if [ "$seated" -eq "$all" ]; then t_ok "$1: all $all at a table"
	else t_fail "$1: $seated of $all at a table"
	fi
	vetoed_seated "$1" "$2" >"$TMP/want"
	n=$(wc -l <"$TMP/want")
	if [ "$n" -eq "$3" ]; then t_ok "$1: $n vetoed pairs at a table"
	else t_fail "$1: $n vetoed pairs at a table, want $3" "$(cat "$TMP/want")"
	fi
	t_contains "$1: the fewest possible, on stderr" "$TMP/err" \
	    "mingle: best effort: $n vetoed pair$([ "$n" -gt 1 ] && echo s) seated together (the fewest possible):"
	sed -n 's/^mingle:   table [0-9]*: \([^ ]*\) ([^)]*) and \([^ ]*\) .*/\1 \2/p' \
	    "$TMP/err" | sort >"$TMP/got"
	t_same "$1: stderr lists each" "$TMP/want" "$TMP/got"
	awk -F, '$5 == "vetoed-pair" { print $1 }' "$TMP/$1.report" |
	    sort >"$TMP/got"
	tr ' ' '\n' <"$TMP/want" | sort >"$TMP/want.ids"
	t_same "$1: the report lists each of each pair" "$TMP/want.ids" \
	    "$TMP/got"
}

best colleagues-best 'a ~ /@rheinpixel\.de$/ && b ~ /@rheinpixel\.de$/' 1
best press-best 'a == "pia@mail.example" || b == "pia@mail.example"' 3

t_done
