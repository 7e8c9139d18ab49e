#!/bin/sh
# people_files.sh -- the constraints that name people in files and fields:
# do_not_match, conflicts and history, through the CLI on
# tests/e2e/people_files/ (fourteen people; shared_tags alone seats the
# pairs with two rare interests in common together, so each constraint
# must break some of them).  Every pair the files and the column name is
# checked against the output here; the warnings name the people who match
# nobody (Lea Lang is dropped by [input] include, so she is nobody) and
# those who fit several (two Anna Bergs); explain gives each reason;
# history reads a real earlier output of `mingle run`; with penalty a pair
# scores lower instead of being vetoed; every option error is one.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/people_files
cp "$dir"/*.csv "$dir/base.ini" "$TMP/"

. "$top_srcdir/tests/lib_pairs.sh"

# expect NAME WANT A B...: each pair A B is (WANT=yes) or is not (no)
# introduced in NAME.
expect() {
	_name=$1 _want=$2
	shift 2
	while [ $# -ge 2 ]; do
		if has "$_name" "$1" "$2"; then _got=yes; else _got=no; fi
		if [ "$_got" = "$_want" ]; then
			t_ok "$_name: $1 and $2: introduced $_want"
		else
			t_fail "$_name: $1 and $2: introduced $_got, want $_want" \
			    "$(cat "$TMP/$_name.pairs")"
		fi
		shift 2
	done
}

# reason NAME A B TEXT: explain A B in NAME shows TEXT.
reason() {
	t_run "$1: explain $2 $3" 0 "$MINGLE" explain -c "$TMP/$1.ini" "$2" "$3"
	t_contains "$1: $2 and $3: $4" "$TMP/out" "$4"
}

config plain ""
run plain
expect plain yes ann bob cem dora eva finn gil hana ivo jan

# ---------------------------------------------------------------- do_not_match
config dnm "[strategy dnm]
plugin = do_not_match
file = dnm.csv"
run dnm
# "Acker, Ann" / BOB@ACME..., an e-mail / "dora diehl", "Gil  Gomez" / ...
expect dnm no ann bob cem dora gil hana
expect dnm yes ivo jan
t_contains "dnm: the names that match nobody, with their lines" \
    "$TMP/dnm.err" "dnm.csv: 2 names match no attendee: 'Lea Lang' (dnm.csv line 5), 'Zoe Zander' (dnm.csv line 6)"
t_contains "dnm: a name that fits several, with them" "$TMP/dnm.err" \
    "'Anna Berg' (dnm.csv line 7) fits several attendees: max@home.example (Anna Berg), nina@home.example (Anna Berg); nothing is vetoed for it"
reason dnm ann@acme.example bob@acme.example "do-not-match (dnm.csv line 2)"
reason dnm "Gil Gomez" hana@initech.example "do-not-match (dnm.csv line 4)"
t_run "dnm: explain kai max" 0 "$MINGLE" explain -c "$TMP/dnm.ini" \
    kai@home.example max@home.example
if grep -q '^dnm .* no ' "$TMP/out"; then
	t_ok "dnm: the ambiguous name vetoes nobody"
else t_fail "dnm: the ambiguous name vetoes" "$(cat "$TMP/out")"
fi

# ---------------------------------------------------------------- conflicts
config coi "[strategy coi]
plugin = conflicts
field = conflicts"
run coi
# Bob: "Acker, Ann, Celik, Cem"; Dora: "Cem Celik, Zora Zed";
# Finn: "EVA@gmail.com; Olaf Nobody".
expect coi no ann bob cem dora eva finn bob cem
expect coi yes gil hana ivo jan
t_contains "coi: unmatched names, with who listed them" "$TMP/coi.err" \
    "'field = conflicts': 2 names match no attendee: 'Zora Zed' (listed by dora@globex.example), 'Olaf Nobody' (listed by finn@gmail.com)"
reason coi cem@globex.example bob@acme.example \
    "conflict of interest (listed by Bob Brand)"
reason coi eva@gmail.com finn@gmail.com \
    "conflict of interest (listed by Finn Faber)"

# ---------------------------------------------------------------- history
cp "$TMP/plain.out" "$TMP/2025.csv"
config met "[strategy met]
plugin = history
file = 2025.csv, old.csv"
run met
n=0
while read -r a b; do
	if grep -qx -e "$a $b" -e "$b $a" "$TMP/met.pairs"; then
		n=$((n + 1))
	fi
done <"$TMP/plain.pairs"
if [ "$n" -eq 0 ] && [ -s "$TMP/met.pairs" ]; then
	t_ok "met: none of the $(wc -l <"$TMP/plain.pairs") earlier pairs again"
else t_fail "met: $n earlier pairs again" "$(cat "$TMP/met.pairs")"
fi
t_contains "met: one line counts the earlier people not here" \
    "$TMP/met.err" "2 names in the earlier outputs match no attendee this year"
if grep -q "Otto Old" "$TMP/met.err"; then
	t_fail "met: earlier people are named one by one" "$(cat "$TMP/met.err")"
else t_ok "met: earlier people are not named one by one"
fi
line=$(grep -n '^ann@acme.example,.*,bob@acme.example,' "$TMP/2025.csv" |
    cut -d: -f1)
reason met ann@acme.example bob@acme.example "met before (2025.csv line $line)"
# old.csv line 4: "Jung, Jan" and "Ivo Ilić" by name, their ids unknown.
reason met jan@uni-x.example ivo@uni-x.example "met before (2025.csv line"
config met_old "[strategy met]
plugin = history
file = old.csv"
reason met_old jan@uni-x.example ivo@uni-x.example "met before (old.csv line 4)"

config penalty "[strategy met]
plugin = history
file = 2025.csv
penalty = 0.5"
run penalty
expect penalty yes ann bob cem dora
if grep -q '^ann@acme.example,.*,bob@acme.example,.*,1\.500,' \
    "$TMP/penalty.out"; then
	t_ok "penalty: the pair scores 2 - 0.5"
else t_fail "penalty: the pair does not score 1.5" "$(cat "$TMP/penalty.out")"
fi
t_run "penalty: explain" 0 "$MINGLE" explain -c "$TMP/penalty.ini" \
    ann@acme.example bob@acme.example
if grep -Eq '^met +plugin +-0\.500 +-0\.500 +1 +-0\.500 +no +met before' \
    "$TMP/out"; then
	t_ok "penalty: explain shows -0.5 and no veto"
else t_fail "penalty: explain" "$(cat "$TMP/out")"
fi

# A file of pairs with its header alone (kept ready before anyone asks,
# or an earlier run that introduced nobody) lists no pairs: the run is
# the plain one.
printf 'person,other\n' >"$TMP/none.csv"
printf 'a_id,a_name,b_id,b_name,score,reasons\n' >"$TMP/none-2025.csv"
config header_only "[strategy dnm]
plugin = do_not_match
file = none.csv

[strategy met]
plugin = history
file = none-2025.csv

[strategy friends]
plugin = must_meet
file = none.csv"
run header_only
t_same "header_only: no pairs, the plain run" "$TMP/plain.pairs" \
    "$TMP/header_only.pairs"

# ---------------------------------------------------------------- errors
# err NAME STRATEGY_LINES TEXT: the config fails, naming TEXT.
err() {
	config "$1" "$2"
	t_run "$1: refused" 1 "$MINGLE" run -c "$TMP/$1.ini" -o "$TMP/$1.out"
	t_contains "$1: says why" "$TMP/err" "$3"
}
printf 'only\nx\n' >"$TMP/one.csv"
err dnm_nofile "[strategy d]
plugin = do_not_match" "needs 'file', a CSV file of pairs"
err dnm_missing "[strategy d]
plugin = do_not_match
file = nope.csv" "nope.csv: cannot open"
err dnm_onecol "[strategy d]
plugin = do_not_match
file = one.csv" "one.csv:1: one column; the file needs two columns of people"
err met_nofile "[strategy m]
plugin = history" "needs 'file', mingle's output of an earlier event"
err met_zero "[strategy m]
plugin = history
file = 2025.csv
penalty = 0" "'penalty' must be above 0"
err met_text "[strategy m]
plugin = history
file = 2025.csv
penalty = much" "'penalty' must be a number from 0 to"
err met_missing "[strategy m]
plugin = history
file = 2025.csv, gone.csv" "gone.csv: cannot open"
err coi_nofield "[strategy c]
plugin = conflicts" "needs 'field', a text field"
err coi_unknown "[strategy c]
plugin = conflicts
field = nope" "'field = nope': no such field"
err coi_tags "[strategy c]
plugin = conflicts
field = interests" "'field = interests': not a text field"
t_done
