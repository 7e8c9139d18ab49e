#!/bin/sh
# keep.sh -- `mingle run --keep FILE` on tests/e2e/keep/: a first batch
# (event.ini, people.csv), then the same event later (late.csv: three
# late registrants, Gil cancelled, Hana withdrew consent, Bob wants one
# introduction now, and a do_not_match file vetoes Ann and Dora).  Kept
# pairs stay and count against capacity, late registrants are fitted in
# around them, what is no longer possible is dropped and listed, a
# re-run on its own output changes nothing, the new column and
# --per-person-new; then other modes and the errors.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

cp "$top_srcdir"/tests/e2e/keep/* "$TMP/"
{
	sed 's/^file = people.csv/file = late.csv/' "$TMP/event.ini"
	printf '\n[strategy dnm]\nplugin = do_not_match\nfile = dnm.csv\n'
} >"$TMP/late.ini"

# pairs FILE: the pairs of an introductions CSV, "a b" sorted; with a
# second argument, only the rows whose new column (the last) says it.
pairs() {
	awk -F, -v want="${2-}" 'NR > 1 && (want == "" || $NF == want) {
		print $1, $3 }' "$1" | sort
}

t_run "first batch" 0 "$MINGLE" run -c "$TMP/event.ini" -o "$TMP/b1.csv"
t_absent "no --keep: no new column" "$(grep -l ',new$' "$TMP/b1.csv")"

# ---------------------------------------------------------- a stable re-run
t_run "re-run keeping its own output" 0 "$MINGLE" run -c "$TMP/event.ini" \
    --keep "$TMP/b1.csv" -o "$TMP/b1again.csv"
pairs "$TMP/b1.csv" >"$TMP/b1.pairs"
pairs "$TMP/b1again.csv" >"$TMP/b1again.pairs"
t_same "re-run: the same introductions" "$TMP/b1.pairs" "$TMP/b1again.pairs"
pairs "$TMP/b1again.csv" no >"$TMP/b1again.no"
t_same "re-run: every row new = no" "$TMP/b1.pairs" "$TMP/b1again.no"
sed 's/,no$//' "$TMP/b1again.csv" | sed '1s/,new$//' >"$TMP/b1strip.csv"
t_same "re-run: the rows as before, new column aside" "$TMP/b1.csv" \
    "$TMP/b1strip.csv"
t_contains "re-run: the summary counts them" "$TMP/err" \
    "mingle: --keep: $(wc -l <"$TMP/b1.pairs" | tr -d ' ') introductions kept, 0 new"

# ------------------------------------------------------------- the late run
# The keep file: the first batch's output, plus rows (appended, so the
# batch's line numbers hold) that make sure it holds what the late run
# must drop whatever the assignment chose: Ann with Dora (vetoed now),
# and Bob with two people who may still meet him (he wants one now).
cp "$TMP/b1.csv" "$TMP/k1.csv"
add() {
	grep -q "^$1@x.example,.*,$2@x.example," "$TMP/k1.csv" ||
		printf '%s@x.example,%s,%s@x.example,%s,1.000,added\n' \
		    "$1" "$1" "$2" "$2" >>"$TMP/k1.csv"
}
add ann dora
for p in cem eli fay; do
	[ "$(awk -F, '($1 == "bob@x.example" && $3 !~ /^(gil|hana|dora)@/) ||
	    ($3 == "bob@x.example" && $1 !~ /^(gil|hana|dora)@/)' \
	    "$TMP/k1.csv" | wc -l)" -ge 2 ] && break
	[ "$(cut -d, -f1,3 "$TMP/k1.csv" | grep -v -e gil@ -e hana@ |
	    tr , '\n' | grep -c "^$p@x.example$")" -lt 2 ] && add bob "$p"
done
pairs "$TMP/k1.csv" >"$TMP/k1.pairs"
t_run "late run" 0 "$MINGLE" run -c "$TMP/late.ini" --keep "$TMP/k1.csv" \
    -o "$TMP/late.csv.out" -q
cp "$TMP/err" "$TMP/late.err"
pairs "$TMP/late.csv.out" no >"$TMP/late.no"
# What should drop out, by the fixture: a pair with Gil or Hana, Ann with
# Dora, and Bob's second kept introduction (he wants one now).
awk '$1 != "gil@x.example" && $2 != "gil@x.example" &&
    $1 != "hana@x.example" && $2 != "hana@x.example" &&
    !($1 == "ann@x.example" && $2 == "dora@x.example")' \
    "$TMP/k1.pairs" >"$TMP/still"
bob=$(grep -c bob@x.example "$TMP/still")
awk -v bob="$bob" '/bob@x.example/ && ++seen > 1 { next } { print }' \
    "$TMP/still" >"$TMP/expect.no"
t_same "late: every kept pair still possible stays (new = no)" \
    "$TMP/expect.no" "$TMP/late.no"
pairs "$TMP/late.csv.out" yes >"$TMP/late.yes"
for p in ivo jan kai; do
	if grep -q "$p@x.example" "$TMP/late.yes"; then
		t_ok "late: $p, a late registrant, is introduced (new = yes)"
	else
		t_fail "late: $p got no new introduction" "$(cat "$TMP/late.yes")"
	fi
done
# Capacity: per_attendee 2, Bob and Dora's Wants 1; kept ones count.
bad=$(cut -d, -f1,3 "$TMP/late.csv.out" | sed 1d | tr , '\n' | sort |
    uniq -c | awk '$1 > ($2 ~ /^(bob|dora)@/ ? 1 : 2)')
if [ -z "$bad" ]; then t_ok "late: nobody over capacity, kept ones counted"
else t_fail "late: over capacity" "$bad"
fi
t_absent "late: the cancelled and the unconsenting are nowhere" \
    "$(grep -l -e gil@ -e hana@ "$TMP/late.csv.out")"
n=$(grep -c '^mingle:   .*k1.csv:[0-9]*: ' "$TMP/late.err")
t_contains "late: drops listed, with -q too" "$TMP/late.err" \
    "mingle: --keep: $n kept introductions dropped:"
t_contains "late: a cancellation, with the file and line" "$TMP/late.err" \
    "k1.csv:6: cem@x.example and gil@x.example: gil@x.example is not in the export any more (cancelled, or filtered out)"
t_contains "late: a withdrawn consent" "$TMP/late.err" \
    "hana@x.example (Hana Holm) may not be introduced now (the consent column)"
t_contains "late: a pair vetoed now, with the reason" "$TMP/late.err" \
    "ann@x.example and dora@x.example: vetoed now: strategy dnm: do-not-match (dnm.csv line 2)"
t_contains "late: over capacity now" "$TMP/late.err" \
    "bob@x.example (Bob Brand) already keeps 1 introduction, the most they may have (as their per_attendee_column asks)"

# A second late run on the late output: nothing changes.
t_run "late re-run" 0 "$MINGLE" run -c "$TMP/late.ini" \
    --keep "$TMP/late.csv.out" -o "$TMP/late2.csv" -q
pairs "$TMP/late.csv.out" >"$TMP/late.pairs"
pairs "$TMP/late2.csv" no >"$TMP/late2.no"
t_same "late re-run: the same introductions, all new = no" \
    "$TMP/late.pairs" "$TMP/late2.no"
pairs "$TMP/late2.csv" yes >"$TMP/late2.yes"
if [ ! -s "$TMP/late2.yes" ]; then t_ok "late re-run: nothing new"
else t_fail "late re-run: something new" "$(cat "$TMP/late2.yes")"
fi

# A run that wrote no introductions wrote a header alone: nothing kept.
printf 'a_id,a_name,b_id,b_name,score,reasons\n' >"$TMP/none.csv"
t_run "a keep file with no introductions" 0 "$MINGLE" run \
    -c "$TMP/event.ini" --keep "$TMP/none.csv" -o "$TMP/none.out"
pairs "$TMP/none.out" yes >"$TMP/none.yes"
t_same "no introductions kept: all are new" "$TMP/b1.pairs" "$TMP/none.yes"
t_contains "no introductions kept: the summary" "$TMP/err" \
    "mingle: --keep: 0 introductions kept, "

# ------------------------------------------------ dialects and per person
printf '\n[output]\ndialect = excel\n' >>"$TMP/late.ini"
t_run "excel dialect: written" 0 "$MINGLE" run -c "$TMP/late.ini" \
    --keep "$TMP/b1.csv" -o "$TMP/late.xl.csv" -q
t_contains "excel dialect: the new column" "$TMP/late.xl.csv" ";new"
t_run "excel dialect: read back as the keep file" 0 "$MINGLE" run \
    -c "$TMP/late.ini" --keep "$TMP/late.xl.csv" -o "$TMP/late.xl2.csv" -q
if grep -q ';yes' "$TMP/late.xl2.csv"; then
	t_fail "excel keep file: something new" "$(cat "$TMP/late.xl2.csv")"
else t_ok "excel keep file: nothing new"
fi
t_run "per person, new only" 0 "$MINGLE" run -c "$TMP/event.ini" \
    --keep "$TMP/b1.csv" -o "$TMP/pp.csv" --per-person "$TMP/pp_all.csv" -q
t_contains "per person: a new_N column" "$TMP/pp_all.csv" ",new_1,"
t_run "per person, limited" 0 "$MINGLE" run -c "$TMP/late.ini" \
    --keep "$TMP/b1.csv" -o "$TMP/pp.csv" --per-person "$TMP/pp_new.csv" \
    --per-person-new -q
# (excel dialect now: ';' and CRLF) whoever has only kept introductions
# has no row.
tr -d '\r' <"$TMP/pp_new.csv" | awk -F';' 'NR > 1 {
	for (i = 1; i <= NF; i++) if ($i == "yes") { print $1; next } }' |
    sort >"$TMP/pp_new.have"
cut -d';' -f1 "$TMP/pp_new.csv" | sed 1d | sort >"$TMP/pp_new.rows"
t_same "per person new: only people with a new introduction" \
    "$TMP/pp_new.have" "$TMP/pp_new.rows"
n=$(wc -l <"$TMP/pp_new.rows")
if [ "$n" -gt 0 ]; then t_ok "per person new: someone has something new"
else t_fail "per person new: empty"
fi

# --------------------------------------------------------------- the modes
for mode in pairs groups meetings; do
	case $mode in
	groups) extra="group_size = 3" ;;
	meetings) extra="slots = 4" ;;
	*) extra= ;;
	esac
	sed -e "s/^mode = suggestions/mode = $mode\\
$extra/" -e '/^per_attendee = /d' "$TMP/event.ini" >"$TMP/$mode.ini"
	t_run "$mode: first" 0 "$MINGLE" run -c "$TMP/$mode.ini" \
	    -o "$TMP/$mode.1" -q
	t_run "$mode: keeping it" 0 "$MINGLE" run -c "$TMP/$mode.ini" \
	    --keep "$TMP/$mode.1" -o "$TMP/$mode.2" -q
	pairs "$TMP/$mode.1" >"$TMP/$mode.p1"
	pairs "$TMP/$mode.2" no >"$TMP/$mode.p2"
	t_same "$mode: every kept pair stays" "$TMP/$mode.p1" "$TMP/$mode.p2"
done
# In meetings too a person's kept introductions stop at their capacity
# (Bob wants one now): the room pins have is the capacity, as in
# suggestions.
sed -e 's/^mode = suggestions/mode = meetings\
slots = 4/' -e '/^dialect = /d' "$TMP/late.ini" >"$TMP/late_meet.ini"
t_run "meetings, late" 0 "$MINGLE" run -c "$TMP/late_meet.ini" \
    --keep "$TMP/meetings.1" -o "$TMP/late_meet.csv" -q
n=$(cut -d, -f1,3 "$TMP/late_meet.csv" | grep -c bob@)
if [ "$n" -eq 1 ]; then t_ok "meetings, late: Bob meets one"
else t_fail "meetings, late: Bob meets $n" "$(cat "$TMP/late_meet.csv")"
fi
t_contains "meetings, late: the kept one over capacity is listed" "$TMP/err" \
    "(Bob Brand) already keeps 1 introduction, the most they may have (as their per_attendee_column asks)"

# ------------------------------------------------------------------ errors
# err NAME CONFIG KEEP MESSAGE [OPTION]: the run fails, says MESSAGE and
# writes nothing.
err() {
	t_run "error: $1" 1 "$MINGLE" run -c "$TMP/$2" --keep "$3" \
	    -o "$TMP/err.csv" ${5+"$5"}
	t_contains "error: $1: the message" "$TMP/err" "$4"
	t_absent "error: $1: nothing written" "$TMP/err.csv"
}
sed -e 's/^mode = suggestions/mode = rounds\
rounds = 2\
group_size = 4/' -e '/^per_attendee = /d' "$TMP/event.ini" >"$TMP/rounds.ini"
err rounds rounds.ini "$TMP/b1.csv" \
    "--keep: mode = rounds seats everyone anew each round"
err missing event.ini "$TMP/nope.csv" "nope.csv: cannot open"
err "not an output" event.ini "$TMP/people.csv" \
    "people.csv: not an introductions file of mingle run: no a_id column (expected a_id,a_name,b_id,b_name,score,reasons; found Email, Name, Ticket, OK, Wants, Interests)"
printf 'a_id,a_name,score\nann@x.example,Ann,1\n' >"$TMP/half.csv"
err "no b_id" event.ini "$TMP/half.csv" "half.csv: not an introductions file of mingle run: no b_id column"
: >"$TMP/b1.xlsx"
err xlsx event.ini "$TMP/b1.xlsx" \
    "b1.xlsx: mingle reads the introductions to keep from CSV only"
t_run "error: --per-person-new without --keep" 1 "$MINGLE" run \
    -c "$TMP/event.ini" --per-person-new --per-person "$TMP/x.csv" -o "$TMP/err.csv"
t_contains "error: --per-person-new without --keep: the message" "$TMP/err" \
    "--per-person-new: without --keep FILE every introduction is new"
err "--per-person-new without a per-person file" event.ini "$TMP/b1.csv" \
    "--per-person-new: there is no per-person file to limit" --per-person-new

t_done
