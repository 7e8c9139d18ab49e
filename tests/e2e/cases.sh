#!/bin/sh
# End-to-end, data-driven: each folder under tests/e2e/cases/ holds an
# export, an event.ini and expected.csv (and optionally
# expected-attendees.csv).  `mingle run` must reproduce expected.csv byte
# for byte, twice in a row (determinism).
. "$top_srcdir/tests/lib.sh"

for dir in "$top_srcdir"/tests/e2e/cases/*/; do
	name=$(basename "$dir")
	t_run "$name: run" 0 "$MINGLE" run -q -c "$dir/event.ini" -o "$TMP/$name.csv"
	t_same "$name: introductions as expected" "$dir/expected.csv" "$TMP/$name.csv"
	"$MINGLE" run -q -c "$dir/event.ini" -o "$TMP/$name.again.csv" 2>/dev/null
	t_same "$name: same output on a second run" "$TMP/$name.csv" "$TMP/$name.again.csv"
	if [ -f "$dir/expected-attendees.csv" ]; then
		t_run "$name: attendees" 0 "$MINGLE" attendees -c "$dir/event.ini" -o "$TMP/$name.att.csv"
		t_same "$name: attendee table as expected" "$dir/expected-attendees.csv" "$TMP/$name.att.csv"
	fi
done

# The example event from the README runs and writes a full file.
ex="$top_srcdir/examples"
t_run "example: check" 0 "$MINGLE" check -c "$ex/barcamp.ini"
t_contains "example: check sees 60 rows" "$TMP/out" "60 rows"
t_contains "example: check sees the semicolons" "$TMP/out" "semicolon"
t_run "example: run" 0 "$MINGLE" run -c "$ex/barcamp.ini" -o "$TMP/barcamp.csv"
t_contains "example: summary names the output" "$TMP/err" "introductions written to $TMP/barcamp.csv"
lines=$(wc -l < "$TMP/barcamp.csv")
if [ "$lines" -gt 40 ]; then t_ok "example: $lines lines of introductions"
else t_fail "example: only $lines lines of introductions"; fi
# Attendees who said no ("Nein") never appear.
for id in $(awk -F';' 'NR > 1 && $22 == "Nein" { print $5 }' "$ex/barcamp.csv"); do
	if grep -qF "$id" "$TMP/barcamp.csv"; then
		t_fail "example: $id declined but appears"
	else
		t_ok "example: $id declined and is absent"
	fi
done

# The examples work from a copy of the folder anywhere: shipped scripts
# go by their bare names.
cp -R "$ex" "$TMP/copied"
for ini in "$TMP"/copied/*.ini; do
	t_run "example copied elsewhere: check $(basename "$ini")" 0 "$MINGLE" check -c "$ini"
done
t_done
