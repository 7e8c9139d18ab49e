#!/bin/sh
# modes.sh -- every [match] mode through the CLI on synthetic events in
# tests/e2e/modes/: the CSV header, the schedule (everyone who consented
# seated once a round, nobody else), table sizes, no colleagues (vetoed by
# avoid_colleagues.lua) together, no repeat meetings across rounds, the
# coverage report, and byte-identical output on a second run.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/modes

# Consenting ids of an export (the consent column is the last one).
consenting() {
	awk -F, 'NR > 1 && $NF == "yes" { print $1 }' "$1" | sort
}

# id,company of an export (company is the third column).
companies() {
	awk -F, 'NR > 1 { print $1 "," $3 }' "$1"
}

# run_mode NAME: run tests/e2e/modes/NAME.ini into $TMP/NAME.{csv,sched,
# report}, check the exit status and that a second run is identical.
# Suggestions seat nobody: they have no schedule (--schedule is an error).
run_mode() {
	case $1 in
	suggestions) s1= s2= ;;
	*) s1="--schedule $TMP/$1.sched" s2="--schedule $TMP/$1.again.sched" ;;
	esac
	t_run "$1: run" 0 "$MINGLE" run -q -c "$dir/$1.ini" -o "$TMP/$1.csv" \
	    $s1 --report "$TMP/$1.report"
	"$MINGLE" run -q -c "$dir/$1.ini" -o "$TMP/$1.again.csv" $s2 \
	    --report "$TMP/$1.again.report" 2>/dev/null
	t_same "$1: same introductions on a second run" "$TMP/$1.csv" \
	    "$TMP/$1.again.csv"
	[ -n "$s1" ] && t_same "$1: same schedule on a second run" \
	    "$TMP/$1.sched" "$TMP/$1.again.sched"
}

# check_header NAME HEADER
check_header() {
	got=$(head -n 1 "$TMP/$1.csv")
	if [ "$got" = "$2" ]; then t_ok "$1: header $2"
	else t_fail "$1: header" "got:  $got" "want: $2"
	fi
}

# check_seated NAME EXPORT ROUNDS [LEFT_OUT_OK]: every consenting id is in
# the schedule exactly once per round, nobody else; with LEFT_OUT_OK an
# empty table (left out) counts as seated.
check_seated() {
	consenting "$dir/$2" >"$TMP/want.ids"
	bad=""
	r=1
	while [ "$r" -le "$3" ]; do
		awk -F, -v r="$r" -v lo="${4:-0}" 'NR > 1 && $1 == r &&
		    ($2 != "" || lo) { print $3 }' "$TMP/$1.sched" | sort \
		    >"$TMP/got.ids"
		cmp -s "$TMP/want.ids" "$TMP/got.ids" || bad="$bad $r"
		r=$((r + 1))
	done
	rows=$(awk 'END { print NR - 1 }' "$TMP/$1.sched")
	want=$(( $(wc -l <"$TMP/want.ids") * $3 ))
	if [ -z "$bad" ] && [ "$rows" -eq "$want" ]; then
		t_ok "$1: everyone who consented seated once a round ($rows rows)"
	else
		t_fail "$1: seating" "rounds with wrong people:$bad" \
		    "rows: $rows, want $want" \
		    "$(diff "$TMP/want.ids" "$TMP/got.ids" | head -5)"
	fi
}

# check_sizes NAME MIN MAX: every table of every round has MIN..MAX seats.
check_sizes() {
	out=$(awk -F, -v lo="$2" -v hi="$3" 'NR > 1 && $2 != "" { n[$1 "/" $2]++ }
	    END { for (t in n) if (n[t] < lo || n[t] > hi) print t ": " n[t] }' \
	    "$TMP/$1.sched")
	if [ -z "$out" ]; then t_ok "$1: tables of $2 to $3"
	else t_fail "$1: table sizes" "$out"
	fi
}

# check_colleagues NAME EXPORT: no two people of one company (other than
# Freelancer) at a table in any round.
check_colleagues() {
	companies "$dir/$2" >"$TMP/companies"
	out=$(awk -F, 'NR == FNR { co[$1] = $2; next }
	    FNR > 1 && $2 != "" && co[$3] != "Freelancer" {
		k = $1 "/" $2 "/" co[$3]
		if (k in seen) print $1 "/" $2 ": " seen[k] " and " $3
		seen[k] = $3
	    }' "$TMP/companies" "$TMP/$1.sched")
	if [ -z "$out" ]; then t_ok "$1: no colleagues at a table"
	else t_fail "$1: colleagues seated together" "$out"
	fi
}

# check_no_repeat NAME: no pair shares a table in two rounds.
check_no_repeat() {
	out=$(awk -F, 'NR > 1 && $2 != "" { t = $1 "/" $2
		for (i = 0; i < n[t]; i++) {
		    p = m[t, i] < $3 ? m[t, i] "+" $3 : $3 "+" m[t, i]
		    if (++met[p] > 1) print p
		}
		m[t, n[t]++] = $3 }' "$TMP/$1.sched")
	if [ -z "$out" ]; then t_ok "$1: nobody meets twice"
	else t_fail "$1: repeat meetings" "$(echo "$out" | head -5)"
	fi
}

# The intros match the schedule: one per pair at each table.
check_intros_count() {
	want=$(awk -F, 'NR > 1 && $2 != "" { n[$1 "/" $2]++ }
	    END { for (t in n) s += n[t] * (n[t] - 1) / 2; print s + 0 }' \
	    "$TMP/$1.sched")
	got=$(awk 'END { print NR - 1 }' "$TMP/$1.csv")
	if [ "$got" -eq "$want" ]; then
		t_ok "$1: one introduction per pair at a table ($got)"
	else
		t_fail "$1: $got introductions, want $want"
	fi
}

# ------------------------------------------------------------ suggestions
run_mode suggestions
check_header suggestions "a_id,a_name,b_id,b_name,score,reasons"
out=$(cut -d, -f1,3 "$TMP/suggestions.csv" | tr , '\n' | sed 1,2d |
    sort | uniq -c | awk '$1 > 3')
if [ -z "$out" ]; then t_ok "suggestions: nobody above max_per_attendee"
else t_fail "suggestions: above the cap" "$out"
fi
# Whoever has fewer than min_per_attendee = 2 is in the report, with why.
cut -d, -f1,3 "$TMP/suggestions.csv" | tr , '\n' | sed 1,2d | sort |
    uniq -c | awk '$1 >= 2 { print $2 }' >"$TMP/covered"
consenting "$dir/people.csv" >"$TMP/all"
missing=""
for id in $(comm -23 "$TMP/all" "$TMP/covered"); do
	grep -q "^$id," "$TMP/suggestions.report" || missing="$missing $id"
done
if [ -z "$missing" ]; then t_ok "suggestions: everyone below the minimum is reported"
else t_fail "suggestions: missing from the report:$missing"
fi
t_contains "suggestions: report header" "$TMP/suggestions.report" \
    "id,name,got,wanted,why"
for id in finn.fox@mail.example rae.roth@mail.example; do
	if grep -qF "$id" "$TMP/suggestions.csv"; then
		t_fail "suggestions: $id declined but appears"
	else
		t_ok "suggestions: $id declined and is absent"
	fi
done
# Colleagues are never introduced.
companies "$dir/people.csv" >"$TMP/companies"
out=$(cut -d, -f1,3 "$TMP/suggestions.csv" | awk -F, 'NR == FNR { co[$1] = $2; next }
    FNR > 1 && co[$1] == co[$2] && co[$1] != "Freelancer"' "$TMP/companies" -)
if [ -z "$out" ]; then t_ok "suggestions: no colleagues introduced"
else t_fail "suggestions: colleagues introduced" "$out"
fi

# ------------------------------------------------------------ pairs
run_mode pairs
check_header pairs "a_id,a_name,b_id,b_name,score,reasons,table"
check_seated pairs people.csv 1
check_sizes pairs 2 3
check_colleagues pairs people.csv
check_intros_count pairs

run_mode pairs-trio
check_seated pairs-trio people-odd.csv 1
check_sizes pairs-trio 2 3
check_colleagues pairs-trio people-odd.csv
trios=$(awk -F, 'NR > 1 { n[$2]++ } END { for (t in n) if (n[t] == 3) c++; print c + 0 }' \
    "$TMP/pairs-trio.sched")
if [ "$trios" -ge 1 ]; then t_ok "pairs-trio: 21 people, so a table of three"
else t_fail "pairs-trio: no trio for an odd count"
fi
check_intros_count pairs-trio

run_mode pairs-leave-out
check_seated pairs-leave-out people-odd.csv 1 1
left=$(awk -F, 'NR > 1 && $2 == ""' "$TMP/pairs-leave-out.sched" | wc -l)
if [ "$left" -ge 1 ]; then t_ok "pairs-leave-out: someone left out ($left)"
else t_fail "pairs-leave-out: nobody left out of 21"
fi
t_contains "pairs-leave-out: reported as left out" \
    "$TMP/pairs-leave-out.report" ",left-out"
check_sizes pairs-leave-out 2 2

# ------------------------------------------------------------ groups
run_mode groups
check_header groups "a_id,a_name,b_id,b_name,score,reasons,table"
check_seated groups people.csv 1
check_sizes groups 4 5
check_colleagues groups people.csv
check_intros_count groups

# ------------------------------------------------------------ rounds
run_mode rounds
check_header rounds "a_id,a_name,b_id,b_name,score,reasons,round,table"
check_seated rounds people.csv 3
check_sizes rounds 4 4
check_colleagues rounds people.csv
check_no_repeat rounds
check_intros_count rounds

run_mode rounds-pairs
check_seated rounds-pairs people.csv 5
check_sizes rounds-pairs 2 2
check_colleagues rounds-pairs people.csv
check_no_repeat rounds-pairs

# An impossible schedule: an error, and no file written.
t_run "rounds-impossible: refused" 1 "$MINGLE" run -q \
    -c "$dir/rounds-impossible.ini" -o "$TMP/impossible.csv"
t_contains "rounds-impossible: says why" "$TMP/err" \
    "no schedule exists: 24 people in tables of 6 for 2 rounds"
t_absent "rounds-impossible: nothing written" "$TMP/impossible.csv"

t_done
