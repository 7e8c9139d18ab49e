#!/bin/sh
# meetings.sh -- `mode = meetings` through the CLI on tests/e2e/meetings/:
# the columns, nobody in two meetings of one slot, every meeting in a
# slot both people can attend (read back from the export), at most
# `tables` meetings a slot with tables 1.. in it, the schedule, the
# reasons in the report and on stderr, the same files on a second run,
# and the errors of the new keys and cells.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/meetings

t_run "meetings: run" 0 "$MINGLE" run -c "$dir/event.ini" \
    -o "$TMP/m.csv" --schedule "$TMP/m.sched" --report "$TMP/m.report"
cp "$TMP/err" "$TMP/m.err"

got=$(head -n 1 "$TMP/m.csv")
want="a_id,a_name,b_id,b_name,score,reasons,slot,table"
if [ "$got" = "$want" ]; then t_ok "meetings: header $want"
else t_fail "meetings: header" "got:  $got" "want: $want"
fi
rows=$(awk 'END { print NR - 1 }' "$TMP/m.csv")
if [ "$rows" -gt 0 ]; then t_ok "meetings: $rows meetings placed"
else t_fail "meetings: nothing placed"
fi

# id slot (one line per person and meeting); reasons may hold commas, so
# slot and table are read from the end of the row.
awk -F, 'NR > 1 { print $1, $(NF - 1); print $3, $(NF - 1) }' \
    "$TMP/m.csv" >"$TMP/busy"
twice=$(sort "$TMP/busy" | uniq -d)
if [ -z "$twice" ]; then t_ok "meetings: nobody in two meetings of a slot"
else t_fail "meetings: double-booked" "$twice"
fi

# Each person's free slots from the export ("" = all four), then every
# placed meeting's slot must be free for both.
awk -F, 'NR > 1 { s = $NF; gsub(/"/, "", s)
    if (s ~ /^ *$/) s = "1-4"
    n = split(s, part, /[;, ]+/)
    for (i = 1; i <= n; i++) {
	if (part[i] == "") continue
	if (split(part[i], r, "-") == 2)
	    for (k = r[1]; k <= r[2]; k++) print $1, k
	else print $1, part[i]
    } }' "$dir/people.csv" | sort -u >"$TMP/free"
bad=$(sort -u "$TMP/busy" | comm -23 - "$TMP/free")
if [ -z "$bad" ]; then t_ok "meetings: every meeting in a slot both can attend"
else t_fail "meetings: availability not kept" "$bad"
fi

over=$(awk -F, 'NR > 1 { n[$(NF - 1)]++; if (seen[$(NF - 1) "/" $NF]++)
    print "table " $NF " twice in slot " $(NF - 1); if ($NF < 1 || $NF > 4)
    print "table " $NF } END { for (s in n) if (n[s] > 4)
    print "slot " s ": " n[s] }' "$TMP/m.csv")
if [ -z "$over" ]; then t_ok "meetings: at most 4 tables a slot, each once"
else t_fail "meetings: tables" "$over"
fi

# The schedule: two rows a meeting, each person's in slot order.
got=$(head -n 1 "$TMP/m.sched")
want="slot,table,id,name,with_id,with_name"
if [ "$got" = "$want" ]; then t_ok "meetings: schedule header"
else t_fail "meetings: schedule header" "got:  $got" "want: $want"
fi
awk -F, 'NR > 1 { print $3, $1 }' "$TMP/m.sched" >"$TMP/sched.busy"
sort -k1,1 -k2,2n "$TMP/busy" >"$TMP/busy.sorted"
if cmp -s "$TMP/sched.busy" "$TMP/busy.sorted"; then
	t_ok "meetings: the schedule lists each meeting for both, by id and slot"
else
	t_fail "meetings: schedule" "$(diff "$TMP/busy.sorted" \
	    "$TMP/sched.busy" | head -10)"
fi

# Meetings that found no slot: on stderr with the reason, and both
# people in the report.
for why in no-common-slot slots-full tables-full; do
	t_contains "meetings: report has $why" "$TMP/m.report" ",$why"
done
t_contains "meetings: stderr counts what was not placed" "$TMP/m.err" \
    "meetings not placed: no-common-slot"
t_contains "meetings: stderr gives Vizing's yardstick" "$TMP/m.err" \
    "always suffice without availability or tables (Vizing)"
bad=$(awk -F, 'NR > 1 && $5 !~ /^(no-common-slot|slots-full|tables-full|no-partner|all-vetoed|capacity)$/' \
    "$TMP/m.report")
if [ -z "$bad" ]; then t_ok "meetings: every reason is one of the known"
else t_fail "meetings: unknown reasons" "$bad"
fi

"$MINGLE" run -q -c "$dir/event.ini" -o "$TMP/again.csv" \
    --schedule "$TMP/again.sched" 2>/dev/null
t_same "meetings: same meetings on a second run" "$TMP/m.csv" "$TMP/again.csv"
t_same "meetings: same schedule on a second run" "$TMP/m.sched" \
    "$TMP/again.sched"

# explain says where run put a meeting, and why one found no slot.
line=$(sed -n 2p "$TMP/m.csv")
a=$(echo "$line" | cut -d, -f1) b=$(echo "$line" | cut -d, -f3)
slot=$(echo "$line" | awk -F, '{ print $(NF - 1) }')
table=$(echo "$line" | awk -F, '{ print $NF }')
t_run "meetings: explain a placed meeting" 0 "$MINGLE" explain -c \
    "$dir/event.ini" "$a" "$b"
t_contains "meetings: explain gives its slot and table" "$TMP/out" \
    "assignment: chosen (meetings: slot $slot, table $table)"
t_run "meetings: explain a meeting with no slot" 0 "$MINGLE" explain -c \
    "$dir/event.ini" pia@mail.example wen@mail.example
t_contains "meetings: explain says why" "$TMP/out" \
    "assignment: chosen, but in no slot (meetings: no-common-slot)"

t_run "meetings: check" 0 "$MINGLE" check -c "$dir/event.ini"
t_contains "meetings: check says what it understood" "$TMP/out" \
    "match: meetings, 4 slots, 4 tables, availability in 'Free slots'"

# Errors: a cell naming a slot that does not exist, the missing slots
# key, availability outside meetings mode.
cp "$dir/event.ini" "$TMP/event.ini"
sed 's/^ben@mail.example,\(.*\),1 4$/ben@mail.example,\1,1-5/' \
    "$dir/people.csv" >"$TMP/people.csv"
t_run "meetings: a slot that does not exist" 1 "$MINGLE" run -c \
    "$TMP/event.ini" -o "$TMP/x.csv"
t_contains "meetings: names the line, the cell and the slots" "$TMP/err" \
    "people.csv:3: availability '1-5' of ben@mail.example: slot 5 does not exist: [match] slots = 4 makes slots 1 to 4"
t_run "meetings: check finds it too" 1 "$MINGLE" check -c "$TMP/event.ini"
t_absent "meetings: nothing written on error" "$TMP/x.csv"

grep -v '^slots' "$dir/event.ini" >"$TMP/event.ini"
t_run "meetings: slots are required" 1 "$MINGLE" run -c "$TMP/event.ini"
t_contains "meetings: says so" "$TMP/err" \
    "event.ini:18: mode = meetings needs 'slots'"
sed 's/^mode = meetings/mode = suggestions/' "$dir/event.ini" \
    >"$TMP/event.ini"
t_run "meetings: availability needs meetings mode" 1 "$MINGLE" run -c \
    "$TMP/event.ini"
t_contains "meetings: and says so" "$TMP/err" \
    "event.ini:7: availability names the slots"


# The outputs are tables: the meetings' schedule takes the excel dialect
# and [output] columns like every other file, the per-person file gives
# each partner's slot and table in slot order, an .xlsx workbook has the
# schedule as a sheet but no tables roster, and --tables is refused.
sed -e "s|^file = people.csv|file = $dir/people.csv|" "$dir/event.ini" \
    >"$TMP/tab.ini"
printf '[output]\ndialect = excel\ncolumns = Interests\n' >>"$TMP/tab.ini"
t_run "meetings: excel dialect and columns" 0 "$MINGLE" run -q -c \
    "$TMP/tab.ini" -o "$TMP/tab.csv" --schedule "$TMP/tab.sched"
got=$(head -n 1 "$TMP/tab.sched")
want=$(printf '\357\273\277slot;table;id;name;Interests;with_id;with_name;with_Interests\r')
if [ "$got" = "$want" ]; then t_ok "meetings: excel schedule header"
else t_fail "meetings: excel schedule header" "got:  $got" "want: $want"
fi
got=$(head -n 1 "$TMP/tab.csv" | tr -d '\r')
want=$(printf '\357\273\277a_id;a_name;a_Interests;b_id;b_name;b_Interests;score;reasons;slot;table')
if [ "$got" = "$want" ]; then t_ok "meetings: excel introductions header"
else t_fail "meetings: excel introductions header" "got:  $got" \
    "want: $want"
fi
n=$(awk 'END { print NR - 1 }' "$TMP/m.sched")
got=$(awk 'END { print NR - 1 }' "$TMP/tab.sched")
if [ "$got" = "$n" ]; then t_ok "meetings: excel schedule has all $n rows"
else t_fail "meetings: excel schedule rows" "got $got, want $n"
fi

t_run "meetings: per person" 0 "$MINGLE" run -q -c "$dir/event.ini" \
    -o "$TMP/pp-intros.csv" --per-person "$TMP/pp.csv"
if python3 -c 'import csv' 2>/dev/null; then
	out=$(python3 -c '
import csv, sys
pp = list(csv.reader(open(sys.argv[1])))
sched = list(csv.DictReader(open(sys.argv[2])))
head = pp[0]
if "slot_1" not in head or head.index("slot_1") != head.index("reason_1") + 1 \
        or head[head.index("slot_1") + 1] != "table_1":
    print("header:", head[:12])
want = {}
for r in sched:
    want.setdefault(r["id"], []).append((r["slot"], r["table"], r["with_id"]))
for r in pp[1:]:
    row = dict(zip(head, r))
    got = []
    for k in range(1, int(row["introductions"]) + 1):
        got.append((row["slot_%d" % k], row["table_%d" % k],
            row["partner_%d_id" % k]))
    if got != want.get(row["id"], []):
        print(row["id"], got, want.get(row["id"]))
' "$TMP/pp.csv" "$TMP/m.sched" 2>&1)
	if [ -z "$out" ]; then
		t_ok "meetings: per person, each partner with slot and table in slot order"
	else t_fail "meetings: per person" "$out"
	fi
	t_run "meetings: an .xlsx workbook" 0 "$MINGLE" run -q -c \
	    "$dir/event.ini" -o "$TMP/m.xlsx"
	python3 "$top_srcdir/tests/e2e/tables/xlsx_dump.py" "$TMP/m.xlsx" \
	    >"$TMP/m.xlsx.txt" 2>&1
	got=$(grep '^sheet ' "$TMP/m.xlsx.txt" | tr '\n' '/')
	want="sheet Introductions/sheet Per person/sheet Coverage/sheet Schedule/"
	if [ "$got" = "$want" ]; then t_ok "meetings: the workbook's sheets"
	else t_fail "meetings: the workbook's sheets" "got:  $got" \
	    "want: $want"
	fi
	got=$(awk '/^sheet Schedule/ { on = 1; next } on && /^s:slot/ { print;
	    getline; print; exit }' "$TMP/m.xlsx.txt" | cut -f 1-3)
	want=$(printf 's:slot\ts:table\ts:id\n%s' \
	    "$(awk -F, 'NR == 2 { print "n:" $1 "\tn:" $2 "\ts:" $3 }' \
	    "$TMP/m.sched")")
	if [ "$got" = "$want" ]; then
		t_ok "meetings: the Schedule sheet, slot and table as numbers"
	else t_fail "meetings: the Schedule sheet" "got:  $got" "want: $want"
	fi
fi

t_run "meetings: --tables is refused" 1 "$MINGLE" run -c "$dir/event.ini" \
    -o "$TMP/tr.csv" --tables "$TMP/tr.tables"
t_contains "meetings: --tables says why" "$TMP/err" \
    "--tables: mode = meetings seats nobody at shared tables"
t_absent "meetings: --tables writes nothing" "$TMP/tr.csv"

t_done
