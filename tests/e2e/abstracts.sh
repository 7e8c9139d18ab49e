#!/bin/sh
# abstracts.sh -- the issue's second hidden case rehearsed: 150 made-up
# conference submissions (tests/e2e/abstracts/gen.py: abstracts of 250
# words, one of 3000, quotes and line breaks in cells, co-authors as
# "Last, First; ..." conflicts), text_similarity + conflicts, three
# introductions each.  check.py measures the result on a neutral TF-IDF
# yardstick: no conflict introduced, at most 1% of people short, and,
# with scipy, a mean similarity at least 1.2 times that of an LP
# b-matcher on title keywords (on this fixture about 1.34).  Skipped
# without a python3; the ratio is left out without scipy.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/abstracts
PY=${PYTHON3_SCIPY:-/usr/bin/python3}
if ! "$PY" -c 'import csv' 2>/dev/null; then
	echo "1..0 # SKIP no python3 for the fixture"
	exit 0
fi
"$PY" "$dir/gen.py" 150 "$TMP/abstracts.csv"
cp "$dir/run.ini" "$TMP/"

t_run "run" 0 "$MINGLE" run -c "$TMP/run.ini" -o "$TMP/intros.csv"
t_contains "all 150 read, the long and the quoted abstracts too" "$TMP/err" \
    "150 attendees (150 may be introduced)"
"$PY" "$dir/check.py" "$TMP/abstracts.csv" "$TMP/intros.csv" 3 \
    >"$TMP/check" 2>&1
t_contains "no conflict of interest introduced" "$TMP/check" "conflicts 0"
short=$(sed -n 's/^short //p' "$TMP/check")
if [ -n "$short" ] && [ "$short" -le 1 ]; then
	t_ok "$short of 150 short of three introductions (at most 1%)"
else t_fail "$short of 150 short of three (more than 1%)" "$(cat "$TMP/check")"
fi
ratio=$(sed -n 's/^ratio //p' "$TMP/check")
if [ -z "$ratio" ]; then
	t_ok "# SKIP no scipy for the LP matcher"
elif awk -v r="$ratio" 'BEGIN { exit !(r >= 1.2) }'; then
	t_ok "mean similarity $ratio times the title-keyword LP matcher's"
else t_fail "mean similarity only $ratio times the LP matcher's" \
    "$(cat "$TMP/check")"
fi

t_done
