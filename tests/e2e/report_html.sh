#!/bin/sh
# report_html.sh -- the HTML report (--html, [output] html): written with
# the other files, all or none; self-contained (no URL, no remote source);
# names from the export escaped; its numbers the run's (attendees, merged
# and dropped rows, introductions, coverage buckets, newcomers); the same
# bytes on a second run; the seating plan for tables; bounded for many
# people; and rendered by headless Chromium into a picture that is not
# blank (skipped only where chromium is not installed).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

# people N: an export of N people (id pNNN), with a name that is markup,
# one person registered twice, three cancelled tickets, four people who
# do not consent, tags from a small set and a first-time flag.
people() {
	awk -v n="$1" 'BEGIN {
		split("lua python c go rust chess music data", tag, " ")
		print "Email,Name,Status,Consent,Tags,First"
		for (i = 1; i <= n; i++) {
			name = sprintf("Person %03d", i)
			if (i == 7)
				name = "<script>alert(1)</script> & Sons"
			printf "p%03d@mail.example,%s,%s,%s,%s;%s,%s\n", i, name,
			    i % 13 == 0 ? "cancelled" : "paid",
			    i % 11 == 0 ? "no" : "yes", tag[i % 8 + 1],
			    tag[(i * 3) % 8 + 1], i % 3 == 0 ? "yes" : "no"
			if (i == 5)
				printf "p%03d@mail.example,%s,paid,yes,lua;go,no\n",
				    i, name
		}
	}'
}

# config NAME MODE-LINES: $TMP/NAME.ini over $TMP/NAME.csv.
config() {
	cat > "$TMP/$1.ini" <<EOT
[input]
file = $1.csv
id = Email
name = Name
consent = Consent
exclude = Status: cancelled

[field tags]
column = Tags
type = tags
separator = semicolon

[field first]
column = First
type = bool

[strategy tags]
plugin = shared_tags
field = tags

[strategy buddy]
script = $top_srcdir/scripts/first_timer_buddy.lua
field = first

[match]
seed = 7
$2
EOT
}

people 40 > "$TMP/ev.csv"
config ev "mode = suggestions
per_attendee = 3"
h=$TMP/ev.html
t_run "run with --html" 0 "$MINGLE" run -c "$TMP/ev.ini" -o "$TMP/ev.out" \
    --html "$h"
cp "$TMP/err" "$TMP/ev.err"

# ---------------------------------------------------------------- self-contained
if [ ! -s "$h" ]; then
	t_fail "self-contained: no URL, source, link or import" "no report"
elif grep -Eiq 'https?:|//[a-z0-9.-]+\.[a-z]|src=|<link|@import|url\(' "$h"; then
	t_fail "self-contained: no URL, source, link or import" \
	    "$(grep -Eio '.{30}(https?:|src=|<link|@import|url\().{30}' "$h" | head -5)"
else
	t_ok "self-contained: no URL, source, link or import"
fi
t_contains "inline SVG" "$h" "<svg viewBox="
t_contains "a print style sheet" "$h" "@media print"

# ---------------------------------------------------------------- escaped
if [ ! -s "$h" ] || grep -q '<script' "$h"; then
	t_fail "a name that is markup is not markup" "$(grep -n '<script' "$h" | head -3)"
else
	t_ok "a name that is markup is not markup"
fi
t_contains "... but shows as its text" "$h" \
    '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons'

# ---------------------------------------------------------------- numbers
# row TH N: the report's table row "TH" holds N.
row() {
	t_contains "numbers: $1 = $2" "$h" "<tr><th>$1</th><td class=\"n\">$2</td></tr>"
}
intros=$(($(wc -l < "$TMP/ev.out") - 1))
attendees=$(sed -n 's/^mingle: \([0-9]*\) attendees (\([0-9]*\) may.*/\1/p' "$TMP/ev.err")
consenting=$(sed -n 's/^mingle: \([0-9]*\) attendees (\([0-9]*\) may.*/\2/p' "$TMP/ev.err")
merged=$(grep -c 'are one person' "$TMP/ev.err")
"$MINGLE" check -c "$TMP/ev.ini" > "$TMP/check" 2>&1
dropped=$(sed -n 's/^.*exclude = Status: cancelled.*: \([0-9]*\) rows* dropped.*/\1/p' "$TMP/check")
row "introductions" "$intros"
row "attendees" "$attendees"
row "may be introduced" "$consenting"
row "merged duplicates (one person once)" "$merged"
row "dropped by exclude = Status: cancelled" "$dropped"
row "rows in the export" "$(($(wc -l < "$TMP/ev.csv") - 1))"
[ "$merged" -ge 1 ] && [ "${dropped:-0}" -ge 1 ] && [ "$intros" -ge 1 ] &&
	t_ok "the fixture merges, drops and introduces" ||
	t_fail "the fixture merges, drops and introduces" "merged $merged dropped $dropped intros $intros"

# Coverage: people who may be introduced by their number of introductions,
# counted from the introductions CSV.
"$MINGLE" attendees -c "$TMP/ev.ini" > "$TMP/ev.att" 2>/dev/null
awk -F, '
	FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	FILENAME == ARGV[1] { n[$col["a_id"]]++; n[$col["b_id"]]++; next }
	$col["mingle_consent"] == "yes" { k = n[$col["mingle_id"]] + 0
		got[k]++; if (k > max) max = k }
	END { printf "<tr><th>introductions</th>"
		for (k = 0; k <= max; k++) printf "<td class=\"n\">%d</td>", k
		printf "</tr>\n<tr><th>people</th>"
		for (k = 0; k <= max; k++) printf "<td class=\"n\">%d</td>", got[k]
		printf "</tr></table>\n" }' "$TMP/ev.out" "$TMP/ev.att" > "$TMP/want.cov"
sed -n '/<table class="coverage">/,/<\/table>/p' "$h" |
	sed 's/^<table class="coverage">//' > "$TMP/got.cov"
if [ -s "$TMP/ev.out" ]; then
	t_same "coverage buckets match the introductions" "$TMP/want.cov" "$TMP/got.cov"
else
	t_fail "coverage buckets match the introductions" "no introductions"
fi

# Newcomers (first = yes) among the people who may be introduced.
newcomers=$(awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["mingle_consent"] == "yes" && $col["mingle_first"] == "yes"' "$TMP/ev.att" | wc -l)
row "newcomers" "$newcomers"

# Each strategy's share: its weighted scores summed over the introductions,
# as `mingle explain` shows them pair by pair.
awk -F, 'NR > 1 { print $1, $3 }' "$TMP/ev.out" | while read -r a b; do
	"$MINGLE" explain -c "$TMP/ev.ini" "$a" "$b" 2>/dev/null
done | awk '$2 == "plugin" || $2 == "lua" { sum[$1] += $6 }
	END { for (s in sum) printf "%s %.3f\n", s, sum[s] }' | sort > "$TMP/want.share"
sed -n 's|^<tr><td>\([a-z]*\)</td><td>[a-z]* [a-z_.]*</td><td class="n">[^<]*</td><td class="n">\([-0-9.]*\)</td>.*|\1 \2|p' \
    "$h" | sort > "$TMP/got.share"
if [ "$(wc -l < "$TMP/got.share")" -eq 2 ] && awk 'NR == FNR { want[$1] = $2; next }
	{ d = $2 - want[$1]; if (!($1 in want) || d > 0.01 || d < -0.01) bad = 1 }
	END { exit bad }' "$TMP/want.share" "$TMP/got.share"; then
	t_ok "each strategy's share is what explain adds up"
else
	t_fail "each strategy's share is what explain adds up" \
	    "want: $(cat "$TMP/want.share")" "got: $(cat "$TMP/got.share")"
fi

# ---------------------------------------------------------------- deterministic
"$MINGLE" run -q -c "$TMP/ev.ini" -o "$TMP/ev2.out" --html "$TMP/ev2.html"
t_same "the same bytes on a second run" "$h" "$TMP/ev2.html"

# [output] html in the config, relative to it.
printf '[output]\nhtml = from-config.html\n' >> "$TMP/ev.ini"
"$MINGLE" run -q -c "$TMP/ev.ini" -o "$TMP/ev3.out" 2>/dev/null
t_same "[output] html writes the same report" "$h" "$TMP/from-config.html"

# ---------------------------------------------------------------- atomic
echo old > "$TMP/old.html"
echo old > "$TMP/old.csv"
t_run "a failing schedule fails the run" 1 "$MINGLE" run -q -c "$TMP/ev.ini" \
    -o "$TMP/old.csv" --html "$TMP/old.html" --schedule "$TMP/no/such/dir/s.csv"
t_same "... and leaves the old report" "$TMP/old.csv" "$TMP/old.html"
t_run "an HTML report that cannot be written fails the run" 1 "$MINGLE" run \
    -q -c "$TMP/ev.ini" -o "$TMP/old.csv" --html "$TMP/no/such/dir/r.html"
t_contains "... naming it" "$TMP/err" "no/such/dir/r.html"
t_same "... and leaves the introductions" "$TMP/old.html" "$TMP/old.csv"
if ls -A "$TMP" | grep -qF '.tmp-'; then t_fail "no temporary file left" "$(ls -A "$TMP")"
else t_ok "no temporary file left"; fi

# ---------------------------------------------------------------- tables
people 24 > "$TMP/gr.csv"
config gr "mode = rounds
group_size = 4
rounds = 2"
t_run "rounds with --html" 0 "$MINGLE" run -q -c "$TMP/gr.ini" \
    -o "$TMP/gr.out" --schedule "$TMP/gr.sched" --html "$TMP/gr.html"
t_contains "a seating plan" "$TMP/gr.html" "<h2>Seating plan</h2>"
t_contains "... by round" "$TMP/gr.html" "<h3>Round 2</h3>"
want=$(awk -F, 'NR > 1 && $2 != "" { print $1 "," $2 }' "$TMP/gr.sched" | sort -u | wc -l)
got=$(sed -n '/<h2>Seating plan/,/<\/section>/p' "$TMP/gr.html" | grep -c '^<tr><td class="n">')
if [ "$want" = "$got" ] && [ "$want" -gt 0 ]; then t_ok "one row per table and round ($got)"
else t_fail "one row per table and round" "schedule: $want, report: $got"; fi

# ---------------------------------------------------------------- bounded
people 400 > "$TMP/big.csv"
config big "mode = suggestions"
t_run "400 people with --html" 0 "$MINGLE" run -q -c "$TMP/big.ini" \
    -o "$TMP/big.out" --html "$TMP/big.html"
t_contains "the network says what it leaves out" "$TMP/big.html" \
    "Showing 300 of"
nodes=$(grep -c '<circle' "$TMP/big.html")
[ "$nodes" -eq 300 ] && t_ok "300 people drawn" || t_fail "300 people drawn" "got $nodes"

# ---------------------------------------------------------------- chromium
# png_check PNG W H: a PNG of W x H pixels, with some ink and some of the
# bars' blue (#3b6ea5): reads the PNG with zlib alone.
png_check() {
	python3 - "$@" <<'EOT'
import struct, sys, zlib
path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
	sys.exit("not a PNG")
pos, idat, w = 8, b"", 0
while pos < len(data):
	n, kind = struct.unpack(">I4s", data[pos:pos + 8])
	body = data[pos + 8:pos + 8 + n]
	if kind == b"IHDR":
		w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
	elif kind == b"IDAT":
		idat += body
	pos += 12 + n
if (w, h) != (want_w, want_h):
	sys.exit("size %dx%d, want %dx%d" % (w, h, want_w, want_h))
if depth != 8 or ctype not in (2, 6):
	sys.exit("unexpected PNG type %d/%d" % (depth, ctype))
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, ink, blue, i = bytearray(stride), 0, 0, 0
for y in range(h):
	f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
	i += 1 + stride
	if f == 2 and line.count(0) == stride:
		line = bytearray(prev)		# the row above, repeated
	elif f != 0:
		for x in range(stride):
			a = line[x - bpp] if x >= bpp else 0
			b = prev[x]
			c = prev[x - bpp] if x >= bpp else 0
			if f == 1: line[x] = (line[x] + a) & 255
			elif f == 2: line[x] = (line[x] + b) & 255
			elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
			elif f == 4:
				p = a + b - c
				pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
				pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
				line[x] = (line[x] + pr) & 255
	ink += stride - line.count(255)
	blue += line.count(b"\x3b\x6e\xa5")
	prev = line
print("%d of %d bytes not white, %d pixels of the bars' blue" %
    (ink, w * h * bpp, blue))
if ink < w * h * bpp // 100 or blue < 1000:
	sys.exit("blank: %d bytes not white, %d blue pixels" % (ink, blue))
EOT
}

chromium=$(command -v chromium || command -v chromium-browser)
if [ -z "$chromium" ]; then
	echo "ok $((t_n + 1)) # SKIP chromium is not installed"
	t_n=$((t_n + 1))
else
	png=$TMP/report.png
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$TMP/chromium" --screenshot="$png" \
	    --window-size=1200,2000 "file://$h" >"$TMP/chromium.log" 2>&1
	if out=$(png_check "$png" 1200 2000 2>&1); then
		t_ok "chromium renders the report: $out"
	else
		t_fail "chromium renders the report" "$out" "$(tail -5 "$TMP/chromium.log")"
	fi
fi

t_done
