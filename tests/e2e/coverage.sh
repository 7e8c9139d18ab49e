#!/bin/sh
# coverage.sh -- the coverage report (--report) of suggestions lists
# exactly who got fewer than per_attendee, as the introductions written
# show, each with the true reason (fixtures in tests/e2e/coverage/), and
# the summary on stderr counts the same people.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/coverage

# short_of NAME WANT: ids with fewer than WANT introductions in
# $TMP/NAME.csv, of everyone in the export (all consent), sorted.
short_of() {
	awk -F, 'NR > 1 { print $1 }' "$dir/$1.csv" | sort >"$TMP/all"
	cut -d, -f1,3 "$TMP/$1.out" | sed 1d | tr , '\n' | sort | uniq -c |
	    awk -v w="$2" '$1 >= w { print $2 }' >"$TMP/covered"
	comm -23 "$TMP/all" "$TMP/covered"
}

# check_listed NAME WANT: the report lists exactly the short ones, each
# with got as written and wanted WANT, and stderr counts them.
check_listed() {
	t_run "$1: run" 0 "$MINGLE" run -c "$dir/$1.ini" -o "$TMP/$1.out" \
	    --report "$TMP/$1.report"
	short_of "$1" "$2" >"$TMP/want"
	sed 1d "$TMP/$1.report" | cut -d, -f1 | sort >"$TMP/got"
	n=$(wc -l <"$TMP/want")
	t_same "$1: the report lists the $n of $(wc -l <"$TMP/all") short of $2" \
	    "$TMP/want" "$TMP/got"
	bad=$(sed 1d "$TMP/$1.report" | while IFS=, read -r id name got wanted why; do
		have=$(cut -d, -f1,3 "$TMP/$1.out" | tr , '\n' | grep -cxF "$id")
		[ "$got" = "$have" ] && [ "$wanted" = "$2" ] ||
		    echo "$id: got $got wanted $wanted, has $have"
	done)
	if [ -z "$bad" ]; then t_ok "$1: got as written, wanted $2"
	else t_fail "$1: got or wanted wrong" "$bad"
	fi
	if [ "$n" -gt 0 ]; then
		[ "$n" -eq 1 ] && s= || s=s
		t_contains "$1: stderr counts the same $n" "$TMP/err" \
		    "mingle: $n attendee$s got fewer introductions than wanted"
	else
		t_ok "$1: nobody short"
	fi
}

# why NAME ID WHY: ID's row in the report gives WHY.
why() {
	got=$(awk -F, -v id="$2" '$1 == id { print $5 }' "$TMP/$1.report")
	if [ "$got" = "$3" ]; then t_ok "$1: $2 is $3"
	else t_fail "$1: $2 is '$got', want $3"
	fi
}

# 47 people, per_attendee = 3.
check_listed count 3

# Each reason where it is the true one (see why.ini).
check_listed why 2
why why zed@z.example no-partner
why why pia@press.example all-vetoed
why why cy@c.example capacity
why why di@d.example capacity
why why ann@a.example no-partner
why why bo@b.example no-partner

t_done
