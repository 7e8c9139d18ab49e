#!/bin/sh
# Answers as forms write them: consent and bool fields read "Ja, stellt
# mich gerne vor" and "No thanks", take `yes = ...` / `no = ...` patterns,
# and an answer they cannot read stops the run with every answer counted
# and the line to add.
. "$top_srcdir/tests/lib.sh"

D="$TMP/ev"
mkdir -p "$D"

# A Google Forms responses sheet, German consent answers.
cat > "$D/responses.csv" <<'CSV'
Timestamp,Email Address,Name,Dürfen wir dich anderen vorstellen?,Deine Interessen,Zum ersten Mal hier?
15.01.2024 10:23:45,ann@x.org,Ann,"Ja, stellt mich gerne vor","#lua, #datenschutz","Ja, zum ersten Mal"
15.01.2024 10:24:01,bob@x.org,Bob,"Nein, danke","#lua, #datenschutz",Nein
15.01.2024 10:25:13,cem@x.org,Cem,"Ja, stellt mich gerne vor","#lua, #datenschutz",Nein
15.01.2024 10:26:40,dan@x.org,Dan,"Yes, please introduce me","#lua",No thanks
15.01.2024 10:27:02,eve@x.org,Eve,No thanks,#datenschutz,Yes
CSV

# event LINES...: the event, [input] extended by LINES.
event() {
	{
		printf '[input]\nfile = responses.csv\nid = Email Address\n'
		printf 'name = Name\nconsent = Dürfen wir dich anderen vorstellen?\n'
		for _e_line in "$@"; do printf '%s\n' "$_e_line"; done
		printf '\n[field interests]\ncolumn = Deine Interessen\ntype = tags\n'
		printf '\n[strategy interests]\nplugin = shared_tags\nfield = interests\n'
	} > "$D/event.ini"
}

event
t_run "Google Forms answers: run" 0 "$MINGLE" run -c "$D/event.ini" -o "$D/out.csv"
t_contains "Google Forms answers: Ann and Cem said Ja, Dan Yes" "$TMP/err" \
    "5 attendees (3 may be introduced)"
t_contains "Google Forms answers: Ann meets Cem" "$D/out.csv" "ann@x.org,Ann,cem@x.org,Cem"
for who in bob@x.org eve@x.org; do
	if grep -q "$who" "$D/out.csv"; then t_fail "Google Forms answers: $who said no but appears"
	else t_ok "Google Forms answers: $who said no and is absent"; fi
done

# -- an answer nobody can read: every answer counted, the line proposed
sed -i 's/^15.01.2024 10:26:40,dan@x.org,Dan,"Yes, please introduce me"/15.01.2024 10:26:40,dan@x.org,Dan,Vielleicht/' "$D/responses.csv"
sed -i 's/^15.01.2024 10:24:01,bob@x.org,Bob,"Nein, danke"/15.01.2024 10:24:01,bob@x.org,Bob,"Gerne, aber später"/' "$D/responses.csv"
event
t_run "unknown answers" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/out.csv"
t_contains "unknown answers: counted, with the first line of each" "$TMP/err" \
    "responses.csv:3: consent column 'Dürfen wir dich anderen vorstellen?' holds 2 answers that are neither yes nor no; each answer, and the rows holding it:"
t_contains "unknown answers: the list" "$TMP/err" \
    "  'Ja, stellt mich gerne vor' 2 (yes), 'Gerne, aber später' 1 (unknown, first on line 3), 'Vielleicht' 1 (unknown, first on line 5), 'No thanks' 1 (no)"
t_contains "unknown answers: the line to add" "$TMP/err" \
    "  add what they mean to [input], e.g.: consent_no = \"Gerne, aber später\", Vielleicht"

event 'consent_yes = Gerne*' 'consent_no = Vielleicht'
t_run "consent_yes = Gerne*, consent_no = Vielleicht" 0 "$MINGLE" check -c "$D/event.ini"
t_contains "consent_yes and consent_no: Bob is in, Dan is not" "$TMP/out" \
    "attendees: 5 (3 agreed to introductions"

# -- a bool field with its own patterns
event 'consent_yes = Gerne*' 'consent_no = Vielleicht'
printf '\n[field first]\ncolumn = Zum ersten Mal hier?\ntype = bool\n' >> "$D/event.ini"
t_run "bool: the first words say it" 0 "$MINGLE" check -c "$D/event.ini"
t_contains "bool: 'Ja, zum ersten Mal' and Yes, three noes" "$TMP/out" \
    "field first: bool, column 'Zum ersten Mal hier?': 2 yes, 3 no, 0 empty"
printf 'no = ja*\n' >> "$D/event.ini"
t_run "bool: no = ja*" 0 "$MINGLE" check -c "$D/event.ini"
t_contains "bool: a pattern before the first word" "$TMP/out" \
    "field first: bool, column 'Zum ersten Mal hier?': 1 yes, 4 no, 0 empty"

# -- misplaced keys
event 'consent_yes = Gerne*'
sed -i '/^consent = /d' "$D/event.ini"
t_run "consent_yes without consent" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "consent_yes without consent: says so" "$TMP/err" \
    "event.ini:5: consent_yes and consent_no read the consent column: name it with 'consent = COLUMN'"
event
sed -i 's/^type = tags$/type = tags\nyes = Ja*/' "$D/event.ini"
t_run "yes on a tags field" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "yes on a tags field: refused" "$TMP/err" \
    "[field interests]: 'yes' and 'no' apply to bool fields only"
event 'consent_yes = "Ja, gerne'
t_run "an open quote" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "an open quote: placed" "$TMP/err" \
    "event.ini:6: consent_yes a quoted answer is never closed"

t_done
