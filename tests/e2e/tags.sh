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

t_done
