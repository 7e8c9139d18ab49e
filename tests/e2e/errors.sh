#!/bin/sh
# Every error path an organizer can hit through the CLI: the message names
# the file and line, the exit status is 1 (2 for usage), and nothing is
# written -- an output file that existed before stays as it was.
. "$top_srcdir/tests/lib.sh"

D="$TMP/ev"
mkdir -p "$D"

# A valid event to break one piece at a time.
reset_event() {
	printf 'Email,Name,Tags,First\na@x.org,Ann,lua,yes\nb@x.org,Bob,lua,no\n' > "$D/attendees.csv"
	cat > "$D/event.ini" <<INI
[input]
file = attendees.csv
id = Email
name = Name

[field tags]
column = Tags
type = tags

[field first]
column = First
type = bool

[strategy tags]
plugin = shared_tags
field = tags
INI
	printf 'OLD\n' > "$D/out.csv"
}

# expect_error NAME NEEDLE...: `mingle run` fails with exit 1, every NEEDLE
# is in the message, and out.csv is untouched with no temporary file left.
expect_error() {
	name=$1; shift
	t_run "$name" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/out.csv"
	for needle in "$@"; do
		t_contains "$name: says '$needle'" "$TMP/err" "$needle"
	done
	if [ "$(cat "$D/out.csv")" = OLD ]; then t_ok "$name: output untouched"
	else t_fail "$name: output file was changed"; fi
	leftovers=$(ls -A "$D" | grep -c 'tmp-' || true)
	if [ "$leftovers" -eq 0 ]; then t_ok "$name: no temporary file left"
	else t_fail "$name: temporary files left: $(ls "$D")"; fi
}

# -- the config
reset_event
t_run "missing config" 1 "$MINGLE" run -c "$D/nope.ini"
t_contains "missing config: names it" "$TMP/err" "nope.ini: cannot open"

reset_event
t_run "the export given as -c" 1 "$MINGLE" run -c "$D/attendees.csv"
t_contains "the export given as -c: -c wants the INI" "$TMP/err" \
	"attendees.csv: this looks like a registration export (CSV), not a config: -c wants the event's INI file; name the export in it, as in '[input] file = attendees.csv'"

reset_event; printf '\n[match]\nper_atendee = 2\n' >> "$D/event.ini"
expect_error "unknown key" "event.ini:19: unknown key 'per_atendee' in [match]" "did you mean 'per_attendee'?"

reset_event; printf '\n[matchh]\nmode = pairs\n' >> "$D/event.ini"
expect_error "unknown section" "event.ini:18: unknown section [matchh]" "did you mean 'match'?"

reset_event; printf '\n[match]\nmode = pears\n' >> "$D/event.ini"
expect_error "bad mode" "event.ini:19: mode must be one of suggestions, pairs, groups, rounds, meetings, not 'pears'" "did you mean 'pairs'?"

reset_event; printf '\n[match]\nper_attendee = three\n' >> "$D/event.ini"
expect_error "not a number" "event.ini:19: per_attendee must be a whole number"

reset_event; printf '\n[input]\nid = Name\n' >> "$D/event.ini"
expect_error "repeated section" "event.ini:18: section [input] appears twice (first on line 1)"

reset_event; sed -i 's/^id = Email/id = Email\nid = Name/' "$D/event.ini"
expect_error "repeated key" "event.ini:4: 'id' is set twice in [input] (first on line 3)"

reset_event; sed -i '/^id = Email/d' "$D/event.ini"
expect_error "missing id" "event.ini:1: [input] needs 'id'"

reset_event; sed -i 's/^plugin = shared_tags/plugin = shared_tags\nscript = x.lua/' "$D/event.ini"
expect_error "plugin and script" "[strategy tags] needs exactly one of 'plugin'"

reset_event; printf 'this is not ini\n' >> "$D/event.ini"
expect_error "line without =" "event.ini:17: cannot parse this line"

reset_event; printf 'consent = %s\n' "$(head -c 70000 /dev/zero | tr '\0' x)" >> "$D/event.ini"
expect_error "line over 64 KiB" "event.ini:17: this line is 70010 bytes long; a config line may have at most 65536 bytes" "split a long list"

reset_event; printf 'weight = 1e308\n' >> "$D/event.ini"
expect_error "weight = 1e308" "event.ini:17: weight must be a number from 0 to 1000000, not '1e308'"

reset_event; printf 'weight = 1e7\n' >> "$D/event.ini"
expect_error "weight = 1e7" "event.ini:17: weight must be a number from 0 to 1000000, not '1e7'"

# -- scores: a Lua rule returning 1.7e308 at weight 2 overflows the pair
reset_event
printf 'return { score = function(a, b) return 1.7e308 end }\n' > "$D/huge.lua"
printf '\n[strategy huge]\nscript = huge.lua\nweight = 2\n' >> "$D/event.ini"
expect_error "Lua score 1.7e308 at weight 2" \
	"strategy 'huge' (lua huge.lua) brings the score of a@x.org and b@x.org to inf; a pair's score must be a finite number: lower the strategy's scores or its weight (2)"

# -- a shipped script by its bare name, or close to it
reset_event; printf '\n[strategy buddy]\nscript = first_timer_buddy\nfield = first\n' >> "$D/event.ini"
t_run "script = first_timer_buddy" 0 "$MINGLE" check -c "$D/event.ini"
t_contains "script = first_timer_buddy: the shipped one" "$TMP/out" "scripts/first_timer_buddy.lua)"
reset_event; printf '\n[strategy buddy]\nscript = first_timr_buddy.lua\nfield = first\n' >> "$D/event.ini"
expect_error "a script name with a typo" \
	"event.ini:18: [strategy buddy]: no script $D/first_timr_buddy.lua, nor one shipped with mingle called first_timr_buddy.lua; did you mean 'first_timer_buddy'? (shipped: avoid_colleagues, common_language, first_timer_buddy, same_city)"

# -- the columns
reset_event; sed -i 's/^id = Email/id = Emial/' "$D/event.ini"
expect_error "id column missing" "[input] id: no column \"Emial\"" "did you mean \"Email\"?" "Email, Name, Tags, First"

reset_event; sed -i 's/^name = Name/name = Name, Tags/' "$D/event.ini"
expect_error "name with a comma" "[input] name: no column \"Name, Tags\"" "to join columns write '+': name = Name + Tags"

reset_event; sed -i 's/^column = Tags/column = Tgas/' "$D/event.ini"
expect_error "field column missing" "event.ini:6: [field tags] column: no column \"Tgas\"" "did you mean \"Tags\"?"

# -- the export
reset_event; : > "$D/attendees.csv"
expect_error "empty file" "attendees.csv: the file is empty"

reset_event; printf 'Email,Name,Tags,First\r\n' > "$D/attendees.csv"
expect_error "header only" "attendees.csv:1: has a header but no attendee rows"

reset_event; printf 'Email,Name,Tags,First\na@x.org,"Ann,lua,yes\nb@x.org,Bob,lua,no\n' > "$D/attendees.csv"
expect_error "unterminated quote" "attendees.csv:2:" "quote"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann,lua,yes\nb@x.org,Bob,lua\n' > "$D/attendees.csv"
expect_error "too few fields" "attendees.csv:3: 3 fields, the header has 4"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann,lua,yes,extra\nb@x.org,Bob,lua,no\n' > "$D/attendees.csv"
expect_error "too many fields" "attendees.csv:2: 5 fields, the header has 4"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann,lua\nb@x.org,Bob,lua,no,x\nc@x.org,"Cy\nC",lua,no\nd@x.org,Dee\n' > "$D/attendees.csv"
expect_error "every row with the wrong count, in one run" \
	"attendees.csv:2: 3 fields, the header has 4" \
	"attendees.csv:3: 5 fields, the header has 4; is a delimiter inside a field missing its quotes?" \
	"attendees.csv:6: (spreadsheet row 5) 2 fields, the header has 4"

reset_event; printf 'Attendee list Barcamp 2026\nEmail;Name;Tags;First\na@x.org;Ann;lua;yes\n' > "$D/attendees.csv"
expect_error "a title line above the header" \
	"attendees.csv:2: 4 fields, the header has 1: line 1 holds no ';' (semicolon, the delimiter); if a title line comes before the header, delete it, else set delimiter in [input]"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann,l\000ua,yes\nb@x.org,Bob,lua,no\n' > "$D/attendees.csv"
expect_error "NUL byte" "attendees.csv:2:" "NUL"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann\377,lua,yes\nb@x.org,Bob,lua,no\n' > "$D/attendees.csv"
sed -i 's/^name = Name/name = Name\nencoding = utf-8/' "$D/event.ini"
expect_error "invalid UTF-8 when declared" "attendees.csv:2:" "UTF-8"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann,lua,yes\nA@x.org,Ann,lua,no\n' > "$D/attendees.csv"
sed -i 's/^name = Name/name = Name\nduplicates = error/' "$D/event.ini"
expect_error "same person twice" "attendees.csv:3: record 2 is the same person as record 1 (line 2), Ann <a@x.org>; duplicates = error"

reset_event; sed -i 's/^name = Name/name = Name\ninclude = Stauts: paid/' "$D/event.ini"
expect_error "filter on no column" "event.ini:5: [input] include: no column \"Stauts\"" "did you mean \"Tags\"?"

reset_event; sed -i 's/^name = Name/name = Name\npreset = evenbrite/' "$D/event.ini"
expect_error "unknown preset" "event.ini:5: preset must be one of auto, eventbrite," "did you mean 'eventbrite'?"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann,lua,yes\n ,Bob,lua,no\n' > "$D/attendees.csv"
expect_error "empty id" "attendees.csv:3: attendee without an id"

reset_event; printf 'Email,Name,Tags,First\na@x.org,Ann,lua,maybe\nb@x.org,Bob,lua,no\n' > "$D/attendees.csv"
expect_error "bad bool" "attendees.csv:2: field 'first' (column 'First') holds 1 answer that is neither yes nor no" \
	"'maybe' 1 (unknown, first on line 2), 'no' 1 (no)" \
	"add what they mean to [field first], e.g.: no = maybe"

# -- the output
reset_event
t_run "output over the input" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/attendees.csv"
t_contains "output over the input: refused" "$TMP/err" "refusing to write"
t_contains "output over the input: export intact" "$D/attendees.csv" "a@x.org,Ann,lua,yes"

reset_event
t_run "output into a missing folder" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/no/such/dir/out.csv"
t_contains "output into a missing folder: says so" "$TMP/err" "no/such/dir/out.csv: cannot create"

# -- usage: exit 2
t_run "no command" 2 "$MINGLE"
t_run "unknown command" 2 "$MINGLE" frobnicate
t_contains "unknown command: named" "$TMP/err" "no command 'frobnicate'"
t_run "run without -c" 2 "$MINGLE" run
t_contains "run without -c: says so" "$TMP/err" "missing -c CONFIG"
t_run "unknown option" 2 "$MINGLE" run -c "$D/event.ini" --frob
t_contains "unknown option: named" "$TMP/err" "--frob"
t_run "explain with one id" 2 "$MINGLE" explain -c "$D/event.ini" a@x.org

reset_event
t_run "explain unknown id" 1 "$MINGLE" explain -c "$D/event.ini" a@x.org b@x.orgg
t_contains "explain unknown id: suggests" "$TMP/err" "no attendee with id or name 'b@x.orgg'"
t_contains "explain unknown id: closest" "$TMP/err" "did you mean 'b@x.org'?"
t_done
