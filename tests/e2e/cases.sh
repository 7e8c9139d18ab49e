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

# The built-in strategies' example, run in the copy as written: its files
# of pairs are found, and each rule shows in what it writes.
c="$TMP/copied"
t_run "builtins example: run" 0 "$MINGLE" run -c "$c/barcamp-builtins.ini"
intros="$c/introductions-builtins.csv"
for f in "$intros" "$c/per-person-builtins.csv" "$c/report-builtins.html"; do
	if [ -s "$f" ]; then t_ok "builtins example: wrote $(basename "$f")"
	else t_fail "builtins example: no $(basename "$f")"; fi
done
t_contains "builtins example: the must_meet pair is introduced" "$intros" \
    "must_meet: must meet (barcamp-must-meet.csv line 2)"
t_contains "builtins example: buddy gives first-timers veterans" "$intros" \
    "buddy: first-timer"
# pair NAME A B: the run never introduces A and B.
pair() {
	if grep -F "$2" "$intros" | grep -qF "$3"; then
		t_fail "builtins example: $1: $2 and $3 introduced"
	else
		t_ok "builtins example: $1: $2 and $3 not introduced"
	fi
}
pair "do_not_match" marta.krueger@mail.example anna.dubois@mail.example
pair "history" anna.gross@uni-bonn.example ines.nowak@datenwerk.example
pair "same domain" ayse.weiss@uni-bonn.example fatma.weiss@uni-bonn.example
# Each of those pairs would be introduced without the rule: the rule is
# what keeps them apart, as explain says.
t_run "builtins example: explain the do-not-match pair" 0 "$MINGLE" explain \
    -c "$c/barcamp-builtins.ini" "Marta Krüger" "Anna Dubois"
t_contains "builtins example: vetoed by the file" "$TMP/out" \
    "do-not-match (barcamp-do-not-match.csv line 2)"
t_run "builtins example: explain last year's pair" 0 "$MINGLE" explain \
    -c "$c/barcamp-builtins.ini" anna.gross@uni-bonn.example ines.nowak@datenwerk.example
t_contains "builtins example: met before" "$TMP/out" "met before (barcamp-2025.csv line 2)"
for ex_pair in "marta.krueger@mail.example anna.dubois@mail.example" \
    "anna.gross@uni-bonn.example ines.nowak@datenwerk.example"; do
	set -- $ex_pair
	if grep -F "$1" "$TMP/barcamp.csv" | grep -qF "$2"; then
		t_ok "builtins example: barcamp.ini introduces $1 and $2"
	else
		t_fail "builtins example: barcamp.ini does not introduce $1 and $2"
	fi
done
t_done
