#!/bin/sh
# csv_spectrum.sh -- the CSV reader against csv-spectrum's conformance files.
#
# For every csvs/NAME.csv, tests/unit/csv_dump prints the records as JSON
# and python3 compares the parsed structure with json/NAME.json (so key
# order and whitespace do not matter, values must match exactly).
. "$(dirname "$0")/../lib.sh"

: "${CSV_SPECTRUM_DIR:=/usr/share/nodejs/csv-spectrum}"
DUMP=$top_builddir/tests/unit/csv_dump
PYTHON=/usr/bin/python3

if [ ! -d "$CSV_SPECTRUM_DIR/csvs" ] || [ ! -x "$PYTHON" ]; then
	echo "1..0 # SKIP csv-spectrum or $PYTHON not installed"
	exit 0
fi
if [ ! -x "$DUMP" ]; then
	t_fail "csv_dump is built" "missing: $DUMP"
	t_done
	exit 1
fi

# compare NAME WANT GOT: exit 0 if the JSON files hold the same records.
compare() {
	"$PYTHON" - "$@" <<'EOF'
import json, sys

name, want_path, got_path = sys.argv[1:4]
with open(want_path, encoding="utf-8") as f:
    want = json.load(f)
with open(got_path, encoding="utf-8") as f:
    got = json.load(f)

if name == "location_coordinates":
    # csv-spectrum's expectation for this case is known to be wrong
    # (upstream issues #20 and #22): the JSON is a bare object instead of
    # an array of records, and its "Contact Phone Number" is 1234567890
    # while the CSV holds 2095257564.  A reader returning 1234567890 would
    # be inventing data, so assert what the file really says.  Should
    # upstream fix the JSON, it is compared unchanged.
    if isinstance(want, dict):
        want = [want]
    for rec in want:
        if rec.get("Contact Phone Number") == "1234567890":
            rec["Contact Phone Number"] = "2095257564"

if got != want:
    print("want: " + json.dumps(want, ensure_ascii=False))
    print("got:  " + json.dumps(got, ensure_ascii=False))
    sys.exit(1)
EOF
}

n=0
for csv in "$CSV_SPECTRUM_DIR"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	want=$CSV_SPECTRUM_DIR/json/$name.json
	n=$((n + 1))
	if ! "$DUMP" "$csv" >"$TMP/$name.json" 2>"$TMP/err"; then
		t_fail "$name: csv_dump failed" "$(cat "$TMP/err")"
	elif [ ! -f "$want" ]; then
		t_fail "$name: no json/$name.json to compare with"
	elif compare "$name" "$want" "$TMP/$name.json" >"$TMP/diff" 2>&1; then
		t_ok "$name"
	else
		t_fail "$name: records differ" "$(cat "$TMP/diff")"
	fi
done
if [ "$n" -eq 0 ]; then
	t_fail "csv-spectrum has CSV files" "none in $CSV_SPECTRUM_DIR/csvs"
fi

t_done
