#!/bin/sh
# rounds_max.sh -- `rounds = max` through the CLI: 32 people in tables of
# 4 get at least 9 rounds (best known 10), with every pair checked from
# the written introductions and schedule, and the counting bound (10) on
# standard error.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

{
	echo "Email,Name,Interests"
	i=1
	while [ "$i" -le 32 ]; do
		echo "p$i@example.org,Person $i,topic$((i % 5))"
		i=$((i + 1))
	done
} >"$TMP/people.csv"
cat >"$TMP/event.ini" <<'INI'
[input]
file = people.csv
id = Email
name = Name

[field interests]
column = Interests
type = tags

[strategy interests]
plugin = shared_tags
field = interests

[match]
mode = rounds
group_size = 4
rounds = max
INI

t_run "32 in tables of 4, rounds = max" 0 "$MINGLE" run -c "$TMP/event.ini" \
    -o "$TMP/intros.csv" --schedule "$TMP/sched.csv"
t_contains "the counting bound on stderr" "$TMP/err" \
    "counting allows at most 10"

rounds=$(awk -F, 'NR > 1 && $1 > r { r = $1 } END { print r + 0 }' \
    "$TMP/sched.csv")
if [ "$rounds" -ge 9 ]; then t_ok "at least 9 rounds ($rounds)"
else t_fail "at least 9 rounds" "got $rounds"
fi

# Every pair once: a_id,b_id of each introduction, either order.
dups=$(awk -F, 'NR > 1 { k = ($1 < $3) ? $1 "," $3 : $3 "," $1;
    if (seen[k]++) print k }' "$TMP/intros.csv")
if [ -z "$dups" ]; then t_ok "no pair meets twice"
else t_fail "no pair meets twice" "$dups"
fi

# The introductions are the pairs at each table of each round: 6 a table,
# 8 tables a round.
rows=$(awk 'END { print NR - 1 }' "$TMP/intros.csv")
if [ "$rows" -eq $((rounds * 48)) ]; then
	t_ok "every table's 6 pairs introduced ($rows)"
else t_fail "pairs introduced" "got $rows, want $((rounds * 48))"
fi
# And the schedule agrees: pairs from the tables, none twice.
dups=$(awk -F, 'NR > 1 { t = $1 "/" $2; for (i = 1; i <= n[t]; i++) {
    a = m[t, i]; b = $3; k = (a < b) ? a "," b : b "," a;
    if (seen[k]++) print k } m[t, ++n[t]] = $3 }' "$TMP/sched.csv")
if [ -z "$dups" ]; then t_ok "schedule: no pair at one table twice"
else t_fail "schedule: repeated pairs" "$dups"
fi
bad=$(awk -F, 'NR > 1 { c[$1 "/" $3]++; p[$3] = 1; r[$1] = 1 }
    END { for (x in p) for (y in r) if (c[y "/" x] != 1) print y "/" x }' \
    "$TMP/sched.csv")
if [ -z "$bad" ]; then t_ok "schedule: everyone once a round"
else t_fail "schedule: not once a round" "$bad"
fi

"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/again.csv" 2>/dev/null
t_same "the same rounds on a second run" "$TMP/intros.csv" "$TMP/again.csv"

t_done
