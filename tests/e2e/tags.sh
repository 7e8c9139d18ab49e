#!/bin/sh
# Tags as attendees write them: the separator a config names, the
# spelling reasons show, and `squash` for tags written several ways.
. "$top_srcdir/tests/lib.sh"

D="$TMP/ev"
mkdir -p "$D"

# event TAGS_FIELD_LINES...: attendees.csv with Email,Name,Tags and an
# event.ini whose [field tags] gets the lines given.
event() {
	{
		printf '[input]\nfile = attendees.csv\nid = Email\nname = Name\n'
		printf '\n[field tags]\ncolumn = Tags\ntype = tags\n'
		for _e_line in "$@"; do printf '%s\n' "$_e_line"; done
		printf '\n[strategy tags]\nplugin = shared_tags\nfield = tags\n'
	} > "$D/event.ini"
}

# -- the separator cases of issue 7, verbatim
printf 'Email,Name,Tags\na@x.org,Ann,#datenschutz #fundraising #lua\nb@x.org,Bob,#lua\n' \
    > "$D/attendees.csv"
# Ann's row of `mingle attendees`: the columns read, then id, name,
# consent and the tags field.
row='a@x.org,Ann,#datenschutz #fundraising #lua,a@x.org,Ann,yes,#datenschutz #fundraising #lua'

event 'separator = space'
t_run "separator = space" 0 "$MINGLE" attendees -c "$D/event.ini"
t_contains "separator = space: three tags, split at the spaces" \
    "$TMP/out" "$row"

event 'separator = semicolon'
t_run "separator = semicolon" 0 "$MINGLE" attendees -c "$D/event.ini"
t_contains "separator = semicolon: no split on its letters" \
    "$TMP/out" "$row"

event 'separator = ;'
t_run "separator = ;" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "separator = ;: the hint delimiter gives" "$TMP/err" \
    "event.ini:9: separator is empty; in INI a ';' after a space starts a comment: write 'semicolon'"

event 'separator = spaces'
t_run "separator = spaces" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "separator = spaces: a letter is an error with a hint" \
    "$TMP/err" "event.ini:9: separator: 'spaces' is no name of a separator; did you mean 'space'?"

# -- reasons show a tag as most attendees wrote it
cat > "$D/attendees.csv" <<'CSV'
Email,Name,Tags
a@x.org,Ann,"#OpenData, #Straße"
b@x.org,Bob,"#opendata, STRASSE"
c@x.org,Cem,"#OpenData, #Straße, #lua"
d@x.org,Dan,#lua
e@x.org,Eve,Open Data
f@x.org,Fay,"open-data, #open_data"
CSV
event
t_run "reasons: explain Ann and Bob" 0 "$MINGLE" explain -c "$D/event.ini" a@x.org b@x.org
t_contains "reasons: #OpenData and #Straße, as most wrote them" "$TMP/out" \
    "both: #OpenData, #Straße"
t_run "reasons: run" 0 "$MINGLE" run -q -c "$D/event.ini" -o "$D/out.csv"
t_contains "reasons: the output too" "$D/out.csv" \
    "a@x.org,Ann,b@x.org,Bob,1.262,\"tags: both: #OpenData, #Straße\""
t_run "squash = no: Eve and Fay" 0 "$MINGLE" explain -c "$D/event.ini" e@x.org f@x.org
t_contains "squash = no: 'Open Data' and 'open-data' differ" "$TMP/out" "total: 0.000"

event 'squash = yes'
t_run "squash = yes: Eve and Fay" 0 "$MINGLE" explain -c "$D/event.ini" e@x.org f@x.org
t_contains "squash = yes: 'Open Data', 'open-data', 'open_data' are #OpenData" \
    "$TMP/out" "both: #OpenData"
t_run "squash = yes: attendees" 0 "$MINGLE" attendees -c "$D/event.ini"
t_contains "squash = yes: one tag for Fay's two spellings" "$TMP/out" \
    'f@x.org,Fay,"open-data, #open_data",f@x.org,Fay,yes,#opendata'

event 'squash = yes'
sed -i 's/^type = tags$/type = text/' "$D/event.ini"
t_run "squash on a text field" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "squash on a text field: refused" "$TMP/err" \
    "[field tags]: 'squash' applies to tags fields only"

t_done
