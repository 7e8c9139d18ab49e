#!/bin/sh
# tables.sh -- the outputs as tables, rendered by writers: the excel CSV
# dialect holds the standard CSV's cells; an .xlsx workbook holds every
# sheet of the mode with typed cells (read back with python3's zipfile);
# the per-person file lists every introduction in both people's rows;
# [output] columns are carried into every output; the tables roster
# agrees with the schedule; keys and options that do not fit the mode
# are errors that write nothing; a trio's third has a reason.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

PY=${PYTHON3_NETWORKX:-python3}
if ! "$PY" -c 'import csv, zipfile, xml.etree.ElementTree' 2>/dev/null; then
	echo "1..0 # SKIP python3 not found"
	exit 0
fi
dump=$top_srcdir/tests/e2e/tables/xlsx_dump.py
modes=$top_srcdir/tests/e2e/modes

# event NAME [MATCH] [OUTPUT]: the barcamp example as $TMP/NAME.ini, with
# its [match] and [output] replaced.
event() {
	sed -e "s|^file = barcamp.csv|file = $top_srcdir/examples/barcamp.csv|" \
	    -e '/^\[match\]/,$d' "$top_srcdir/examples/barcamp.ini" \
	    >"$TMP/$1.ini"
	printf '[match]\n%s\n[output]\n%s\n' "${2:-mode = suggestions}" \
	    "${3:-}" >>"$TMP/$1.ini"
}

# mode NAME FILE [MATCH]: a tests/e2e/modes config as $TMP/NAME.ini, with
# the export named absolutely and MATCH lines after [match]'s mode.
mode() {
	sed -e "s|^file = |file = $modes/|" \
	    -e "s|^script = ../../../|script = $top_srcdir/|" \
	    "$modes/$2" >"$TMP/$1.ini"
	printf '%s\n' "${3:-}" >>"$TMP/$1.ini"
}

# py NAME SCRIPT ARGS...: a python check; it prints nothing when it holds,
# else what is wrong.
py() {
	_name=$1 _script=$2; shift 2
	_out=$("$PY" -c "$_script" "$@" 2>&1)
	if [ -z "$_out" ]; then t_ok "$_name"
	else t_fail "$_name" "$_out"; fi
}

# -- excel dialect: the same cells as the standard CSV.
event std
event excel "mode = suggestions" "dialect = excel"
t_run "standard CSV" 0 "$MINGLE" run -q -c "$TMP/std.ini" -o "$TMP/std.csv"
t_run "excel CSV" 0 "$MINGLE" run -q -c "$TMP/excel.ini" \
    -o "$TMP/excel.csv"
py "excel: a byte order mark, ';', CRLF; the standard one has none" '
import sys
e = open(sys.argv[1], "rb").read(); s = open(sys.argv[2], "rb").read()
if not e.startswith(b"\xef\xbb\xbf"): print("no BOM")
if e.count(b"\r\n") != e.count(b"\n"): print("a line without CR")
if not e[3:].startswith(b"a_id;a_name;b_id;b_name;score;reasons\r\n"): print(e[:60])
if s.startswith(b"\xef\xbb\xbf") or b"\r" in s: print("standard changed")
' "$TMP/excel.csv" "$TMP/std.csv"
py "excel: the same cells, a decimal comma, reasons always quoted" '
import csv, sys
ex = open(sys.argv[1], encoding="utf-8-sig", newline="").read()
st = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
rows = list(csv.reader(ex.splitlines(), delimiter=";"))
if len(rows) != len(st): print("rows", len(rows), len(st))
for e, s in zip(rows[1:], st[1:]):
    if e[4] != s[4].replace(".", ","): print("score", e[4], s[4])
    if e[:4] + e[5:] != s[:4] + s[5:]: print("cells", e, s)
for line in ex.splitlines()[1:]:
    body = line.split(";", 5)[5]
    if not (body.startswith("\"") and body.endswith("\"")): print("unquoted", line)
' "$TMP/excel.csv" "$TMP/std.csv"
t_contains "excel: a decimal comma" "$TMP/excel.csv" ";2,214;"

# -- .xlsx: every sheet of the mode, typed cells, umlauts intact.
t_run "an .xlsx workbook" 0 "$MINGLE" run -q -c "$TMP/std.ini" \
    -o "$TMP/intros.xlsx" --report "$TMP/report.csv"
"$PY" "$dump" "$TMP/intros.xlsx" >"$TMP/xlsx.txt" 2>&1
py "xlsx: sheets Introductions, Per person, Coverage (suggestions)" '
import sys
names = [l[6:] for l in open(sys.argv[1]).read().splitlines() if l.startswith("sheet ")]
if names != ["Introductions", "Per person", "Coverage"]: print(names)
' "$TMP/xlsx.txt"
py "xlsx: frozen header, autofilter, widths; the CSV row by row" '
import csv, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\nsheet ")[0].splitlines()
if lines[1] != "frozen 1": print(lines[1])
st = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
if lines[2] != "autofilter A1:F%d" % len(st): print(lines[2], len(st))
widths = [float(w) for w in lines[3][7:].split(",")]
if len(widths) != 6 or min(widths) < 8 or widths[5] <= widths[1]: print(widths)
rows = [r.split("\t") for r in lines[4:]]
if len(rows) != len(st): print("rows", len(rows), len(st))
if rows[0] != ["s:" + h for h in st[0]]: print(rows[0])
for x, s in zip(rows[1:], st[1:]):
    if not x[4].startswith("n:") or "%.3f" % float(x[4][2:]) != s[4]: print("score", x[4], s[4])
    if [c[2:] for c in x[:4] + x[5:]] != s[:4] + s[5:] or any(not c.startswith("s:") for c in x[:4]): print(x, s)
' "$TMP/xlsx.txt" "$TMP/std.csv"
t_contains "xlsx: umlauts intact" "$TMP/xlsx.txt" "s:Marta Krüger"
t_contains "xlsx: a count is a number" "$TMP/xlsx.txt" "	n:3	s:"

# The same workbook through a spreadsheet library (Debian python3-openpyxl),
# where one is installed: it opens, umlauts intact, a row per introduction.
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	_out=$(/usr/bin/python3 -c '
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
st = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
if wb.sheetnames != ["Introductions", "Per person", "Coverage"]: print(wb.sheetnames)
rows = list(wb["Introductions"].iter_rows(values_only=True))
if len(rows) != len(st): print("rows", len(rows), len(st))
for x, s in zip(rows[1:], st[1:]):
    if not isinstance(x[4], (int, float)) or "%.3f" % x[4] != s[4]: print("score", x[4], s[4])
    if [c or "" for c in x[:4] + x[5:]] != s[:4] + s[5:]: print(x, s)
if not any("Krüger" in (c or "") for r in rows for c in r if isinstance(c, str)): print("no umlaut")
' "$TMP/intros.xlsx" "$TMP/std.csv" 2>&1)
	if [ -z "$_out" ]; then t_ok "xlsx: openpyxl opens it, a row per introduction"
	else t_fail "xlsx: openpyxl opens it, a row per introduction" "$_out"; fi
else
	t_n=$((t_n + 1))
	echo "ok $t_n - # SKIP xlsx: openpyxl opens it (no python3-openpyxl)"
fi

mode groups-x groups.ini "[output]
columns = Company"
t_run "groups: an .xlsx workbook" 0 "$MINGLE" run -q -c "$TMP/groups-x.ini" \
    -o "$TMP/groups.xlsx"
"$PY" "$dump" "$TMP/groups.xlsx" >"$TMP/groups-xlsx.txt" 2>&1
t_contains "groups xlsx: a Schedule sheet" "$TMP/groups-xlsx.txt" \
    "sheet Schedule"
t_contains "groups xlsx: a Tables sheet" "$TMP/groups-xlsx.txt" \
    "sheet Tables"
t_contains "groups xlsx: round and table are numbers" \
    "$TMP/groups-xlsx.txt" "n:1	n:1	s:"
t_contains "groups xlsx: columns carried" "$TMP/groups-xlsx.txt" \
    "s:a_Company"

# An .xlsx file is written whole or not at all: a full disk leaves the
# old one.
printf 'OLD\n' >"$TMP/old.xlsx"
t_run "xlsx: a full disk" 1 sh -c 'trap "" XFSZ; ulimit -f 4 &&
    exec "$1" run -q -c "$2" -o "$3"' sh "$MINGLE" "$TMP/std.ini" \
    "$TMP/old.xlsx"
t_contains "xlsx: a full disk, named" "$TMP/err" \
    "mingle: $TMP/old.xlsx: cannot write: File too large"
if [ "$(cat "$TMP/old.xlsx")" = OLD ]; then t_ok "xlsx: the old file stays"
else t_fail "xlsx: the old file was replaced"; fi
if ls -A "$TMP" | grep -qF '.tmp-'; then t_fail "xlsx: temporary files left"
else t_ok "xlsx: no temporary file left"; fi

# -- per person: every introduction in both people's rows, nothing else.
event person "mode = suggestions" "columns = Firma, Stadt@2"
t_run "per person" 0 "$MINGLE" run -q -c "$TMP/person.ini" \
    -o "$TMP/p-intros.csv" --per-person "$TMP/person.csv"
py "per person: header id,name,columns,introductions,partner_N_..." '
import csv, sys
h = next(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
if h[:5] != ["id", "name", "Firma", "Stadt@2", "introductions"]: print(h[:5])
if h[5:10] != ["partner_1_id", "partner_1_name", "partner_1_Firma", "partner_1_Stadt@2", "reason_1"]: print(h[5:10])
if (len(h) - 5) % 5: print(len(h))
' "$TMP/person.csv"
py "per person: each person lists exactly their partners, both directions" '
import csv, sys
intros = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
want = {}
for r in intros:
    want.setdefault(r["a_id"], []).append((r["b_id"], r["b_name"], r["b_Firma"], r["reasons"]))
    want.setdefault(r["b_id"], []).append((r["a_id"], r["a_name"], r["a_Firma"], r["reasons"]))
seen = set()
for r in rows[1:]:
    pid, n = r[0], int(r[4])
    got = [tuple(r[5 + 5 * k: 10 + 5 * k]) for k in range(n)]
    got = [(g[0], g[1], g[2], g[4]) for g in got]
    if sorted(got) != sorted(want.get(pid, [])): print(pid, got, want.get(pid))
    if any(c != "" for c in r[5 + 5 * n:]): print(pid, "cells beyond", n)
    seen.add(pid)
if set(want) - seen: print("missing", set(want) - seen)
if len(intros) * 2 != sum(int(r[4]) for r in rows[1:]): print("count")
' "$TMP/p-intros.csv" "$TMP/person.csv"
py "per person: everyone who may be introduced, once" '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
ids = [r[0] for r in rows[1:]]
if len(ids) != 55 or len(set(ids)) != 55: print(len(ids), len(set(ids)))
' "$TMP/person.csv"

# -- columns: carried into the introductions as a_X and b_X, from the
# export's row of each person.
py "columns: a_Firma and b_Firma are each person's Firma" '
import csv, sys
exp = {r[4]: (r[13], r[26]) for r in csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline=""), delimiter=";")}
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
if list(rows[0])[:8] != ["a_id", "a_name", "a_Firma", "a_Stadt@2", "b_id", "b_name", "b_Firma", "b_Stadt@2"]: print(list(rows[0]))
for r in rows:
    if (r["a_Firma"], r["a_Stadt@2"]) != exp[r["a_id"]] or (r["b_Firma"], r["b_Stadt@2"]) != exp[r["b_id"]]: print(r)
' "$TMP/p-intros.csv" "$top_srcdir/examples/barcamp.csv"
event badcol "mode = suggestions" "columns = Firma, Telefon"
t_run "columns: an unknown column" 1 "$MINGLE" run -q -c "$TMP/badcol.ini" \
    -o "$TMP/badcol.csv"
t_contains "columns: the unknown column named, with its line" "$TMP/err" \
    "badcol.ini:50: columns: no column \"Telefon\""
t_contains "columns: a suggestion" "$TMP/err" 'did you mean "Telefonnummer"?'
t_absent "columns: nothing written" "$TMP/badcol.csv"

# -- tables roster: who sits where, agreeing with the schedule.
mode rounds-t rounds.ini "[output]
columns = Company"
t_run "rounds: tables and schedule" 0 "$MINGLE" run -q \
    -c "$TMP/rounds-t.ini" -o "$TMP/rounds.csv" --schedule "$TMP/rounds.sched" \
    --tables "$TMP/rounds.tables"
t_contains "rounds: schedule with the columns" "$TMP/rounds.sched" \
    "round,table,id,name,Company"
py "tables: a row per round and table, the same seats as the schedule" '
import csv, sys
t = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
s = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
if t[0][:7] != ["round", "table", "seats", "seat_1_id", "seat_1_name", "seat_1_Company", "seat_2_id"]: print(t[0])
got = set()
for r in t[1:]:
    n = int(r[2])
    for k in range(n):
        got.add((r[0], r[1], r[3 + 3 * k], r[5 + 3 * k]))
    if any(c for c in r[3 + 3 * n:]): print("beyond", r)
want = {(r["round"], r["table"], r["id"], r["Company"]) for r in s}
if got != want: print(sorted(got ^ want)[:5])
keys = [(int(r[0]), int(r[1])) for r in t[1:]]
if keys != sorted(keys) or len(keys) != len(set(keys)): print(keys)
' "$TMP/rounds.tables" "$TMP/rounds.sched"

# -- keys and options that do not fit the mode.
printf 'GOOD SCHEDULE\n' >"$TMP/good.sched"
t_run "--schedule in suggestions" 1 "$MINGLE" run -q -c "$TMP/std.ini" \
    -o "$TMP/none.csv" --schedule "$TMP/good.sched"
t_contains "--schedule in suggestions: says why" "$TMP/err" \
    "--schedule: mode = suggestions seats nobody"
if [ "$(cat "$TMP/good.sched")" = "GOOD SCHEDULE" ]; then
	t_ok "--schedule in suggestions: the old schedule stays"
else t_fail "--schedule in suggestions: the schedule was replaced"; fi
t_absent "--schedule in suggestions: no introductions" "$TMP/none.csv"
t_run "--tables in suggestions" 1 "$MINGLE" run -q -c "$TMP/std.ini" \
    -o "$TMP/none.csv" --tables "$TMP/none.tables"
t_contains "--tables in suggestions: says why" "$TMP/err" \
    "--tables: mode = suggestions seats nobody"
event gs "mode = suggestions
group_size = 4"
t_run "group_size in suggestions" 1 "$MINGLE" run -q -c "$TMP/gs.ini" \
    -o "$TMP/none.csv"
t_contains "group_size in suggestions: an error with a hint" "$TMP/err" \
    "gs.ini:49: group_size does nothing in mode = suggestions (line 48): remove it; for tables of more than two, use mode = groups or rounds"
mode pa rounds.ini "per_attendee = 3"
t_run "per_attendee in rounds" 1 "$MINGLE" run -q -c "$TMP/pa.ini" \
    -o "$TMP/none.csv"
t_contains "per_attendee in rounds: an error" "$TMP/err" \
    "per_attendee does nothing in mode = rounds"

# -- trios: the third joins with a reason.
t_run "pairs, odd = trio" 0 "$MINGLE" run -q -c "$modes/pairs-trio.ini" \
    -o "$TMP/trio.csv" --schedule "$TMP/trio.sched"
py "trio: each row of the third says it joined, with a reason" '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
tables = {}
for r in rows: tables.setdefault(r["table"], []).append(r)
trios = [t for t in tables.values() if len(t) == 3]
if len(trios) != 1: print("trios", len(trios))
for t in trios:
    third = [r for r in t if r["reasons"].startswith("joins as the third")]
    if len(third) != 2: print(t)
    for r in third:
        if r["reasons"] == "joins as the third" : print("no reason", r)
' "$TMP/trio.csv"

t_done
