#!/bin/sh
# must_meet.sh -- the strategy must_meet on tests/e2e/must_meet/: the
# pairs of friends.csv (by e-mail, "Last, First", a name in capitals)
# are introduced in every mode, and without must_meet they are not, so
# the fixture puts the property to the test; each pinned pair carries
# the reason "must meet (friends.csv line N)"; a name that matches nobody,
# a line naming one person twice and a name two people have are warned
# about; a pin that another rule vetoes (do_not_match, exclude_same) is an
# error naming both, and so is a person pinned to more people than they
# may meet.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/must_meet
cp "$dir"/*.csv "$dir/base.ini" "$TMP/"

# The pinned pairs of friends.csv, with their lines.
PINS="p1 p9 2
p8 p15 3
p12 p3 4
p7 p16 7"

MM='[strategy friends]
plugin = must_meet
file = friends.csv'

. "$top_srcdir/tests/lib_pairs.sh"

for mode in "suggestions:mode = suggestions
per_attendee = 3" \
    "pairs:mode = pairs" \
    "groups:mode = groups
group_size = 4" \
    "rounds:mode = rounds
group_size = 2
rounds = 3"; do
	name=${mode%%:*}
	lines="[match]
seed = 1
${mode#*:}"

	config "$name-free" "$lines"
	run "$name-free"
	config "$name" "$MM

$lines"
	run "$name"
	while read -r a b line; do
		if has "$name-free" "$a" "$b"; then
			t_fail "$name: without must_meet $a and $b meet" \
			    "$(cat "$TMP/$name-free.pairs")"
		else
			t_ok "$name: without must_meet $a and $b do not meet"
		fi
		if has "$name" "$a" "$b"; then
			t_ok "$name: pinned $a and $b are introduced"
		else
			t_fail "$name: pinned $a and $b are not introduced" \
			    "$(cat "$TMP/$name.pairs")"
		fi
		if grep -q -e "^$a@[^,]*,[^,]*,$b@.*must meet (friends.csv line $line)" \
		    -e "^$b@[^,]*,[^,]*,$a@.*must meet (friends.csv line $line)" \
		    "$TMP/$name.out"; then
			t_ok "$name: $a and $b: reason names line $line"
		else
			t_fail "$name: $a and $b: no 'must meet (friends.csv" \
			    "line $line)'" "$(cat "$TMP/$name.out")"
		fi
	done <<PINS
$PINS
PINS
	t_contains "$name: the name that matches nobody, with its line" \
	    "$TMP/$name.err" "friends.csv: 1 name matches no attendee: 'Zoe Zander' (friends.csv line 5)"
	t_contains "$name: a line naming one person twice" "$TMP/$name.err" \
	    "friends.csv line 6: both sides are p6@x.example (Finn Fuchs)"
	t_contains "$name: a name that fits two pins nobody" "$TMP/$name.err" \
	    "'Anna Berg' (friends.csv line 8) fits several attendees: p1@x.example (Anna Berg), p17@x.example (Anna Berg); nobody is pinned for it"
done

t_run "explain: the reason of a pinned pair" 0 "$MINGLE" explain \
    -c "$TMP/suggestions.ini" p12@x.example "Cem Celik"
t_contains "explain: must_meet's reason" "$TMP/out" \
    "must meet (friends.csv line 4)"

# fails NAME MATCH_LINES EXTRA TEXT: the run stops, stderr holds TEXT.
fails() {
	config "$1" "$MM

$3

[match]
$2"
	t_run "$1: refused" 1 "$MINGLE" run -c "$TMP/$1.ini" -o "$TMP/$1.out"
	t_contains "$1: the error" "$TMP/err" "$4"
}

printf 'a,b\np1@x.example,p9@x.example\n' >"$TMP/dnm.csv"
fails dnm "mode = pairs" "[strategy dnm]
plugin = do_not_match
file = dnm.csv" \
    "friends pins Anna Berg and Ivo Iske, but dnm vetoes them: do-not-match (dnm.csv line 2)"

printf 'a,b\np5@x.example,p14@x.example\n' >"$TMP/acme.csv"
config acme "[strategy friends]
plugin = must_meet
file = acme.csv

[strategy colleagues]
plugin = exclude_same
field = company

[match]
mode = groups
group_size = 4"
t_run "acme: refused" 1 "$MINGLE" run -c "$TMP/acme.ini" -o "$TMP/acme.out"
t_contains "acme: the error names both rules" "$TMP/err" \
    "friends pins Eva Engel and Mia Moser, but colleagues vetoes them"

printf 'a,b\np1@x.example,p9@x.example\np1@x.example,p10@x.example\n' \
    >"$TMP/two.csv"
config two "[strategy friends]
plugin = must_meet
file = two.csv

[match]
mode = pairs"
t_run "two pins in pairs: refused" 1 "$MINGLE" run -c "$TMP/two.ini" \
    -o "$TMP/two.out"
t_contains "two pins in pairs: the error" "$TMP/err" \
    "Anna Berg (p1@x.example) is pinned to 2 people but may meet at most 1"

# Dora wants one introduction (the Wants column) but is pinned to two.
printf 'a,b\np4@x.example,p9@x.example\np4@x.example,p10@x.example\n' \
    >"$TMP/wants.csv"
config wants "[strategy friends]
plugin = must_meet
file = wants.csv

[match]
per_attendee = 3
per_attendee_column = Wants"
t_run "capacity: refused" 1 "$MINGLE" run -c "$TMP/wants.ini" \
    -o "$TMP/wants.out"
t_contains "capacity: the error" "$TMP/err" \
    "Dora Diehl (p4@x.example) is pinned to 2 people but may meet at most 1"

config nofile "[strategy friends]
plugin = must_meet"
t_run "no file: refused" 1 "$MINGLE" run -c "$TMP/nofile.ini" \
    -o "$TMP/nofile.out"
t_contains "no file: the error" "$TMP/err" "needs 'file'"

t_done
