#!/bin/sh
# Each preset's example export runs end to end, from a copy of examples/
# (the configs name only the preset, the consent and the interests
# question).  tests/e2e/presets/NAME.expect, written with the exports by
# examples/make_presets.py, says who is not coming or said no (never in the
# introductions), who must be in the attendee table exactly once (group
# orders, a person registered twice) and how many duplicates there are
# (one warning each).  `preset = auto` must recognise every tool.
. "$top_srcdir/tests/lib.sh"

csv_dump="$top_builddir/tests/unit/csv_dump"
ex="$TMP/examples"
cp -R "$top_srcdir/examples" "$ex"
tab=$(printf '\t')

# The names of everybody in the introductions CSV $1, one a line.
intro_names() {
	awk -F, 'NR > 1 { print $2; print $4 }' "$1" | sort -u
}

for preset in eventbrite pretix tito luma meetup google-forms; do
	expect="$top_srcdir/tests/e2e/presets/$preset.expect"
	ini="$ex/$preset.ini"

	t_run "$preset: check" 0 "$MINGLE" check -c "$ini"
	t_contains "$preset: check names the tool" "$TMP/out" "preset: $preset ("
	sed 's/^preset = .*/preset = auto/' "$ini" > "$ex/$preset-auto.ini"
	t_run "$preset: check with preset = auto" 0 "$MINGLE" check -c "$ex/$preset-auto.ini"
	t_contains "$preset: auto recognises the tool" "$TMP/out" "preset: $preset ("
	t_contains "$preset: ... from the header" "$TMP/out" "recognised from the header"

	t_run "$preset: run" 0 "$MINGLE" run -c "$ini" -o "$TMP/$preset.csv"
	want=$(awk '$1 == "duplicates" { print $2 }' "$expect")
	got=$(grep -c '^mingle: warning: .* are one person' "$TMP/err")
	if [ "$got" = "$want" ]; then t_ok "$preset: $got warning(s), one per duplicate"
	else t_fail "$preset: $got duplicate warnings, want $want" "$(cat "$TMP/err")"; fi
	pairs=$(($(wc -l < "$TMP/$preset.csv") - 1))
	if [ "$pairs" -ge 15 ]; then t_ok "$preset: $pairs introductions"
	else t_fail "$preset: only $pairs introductions"; fi

	intro_names "$TMP/$preset.csv" > "$TMP/names"
	while IFS= read -r line; do
		case $line in absent\ *) ;; *) continue ;; esac
		name=${line#absent }
		why=${name#*"$tab"}
		name=${name%%"$tab"*}
		if grep -qxF -- "$name" "$TMP/names"; then
			t_fail "$preset: $name ($why) is introduced"
		else
			t_ok "$preset: $name ($why) is not introduced"
		fi
	done < "$expect"

	self=$(awk -F, 'NR > 1 && ($1 == $3 || $2 == $4)' "$TMP/$preset.csv")
	if [ -z "$self" ]; then t_ok "$preset: nobody meets themselves"
	else t_fail "$preset: introduced to themselves" "$self"; fi
	twice=$(awk -F, 'NR > 1 { print ($1 < $3) ? $1 " " $3 : $3 " " $1 }' \
	    "$TMP/$preset.csv" | sort | uniq -d)
	if [ -z "$twice" ]; then t_ok "$preset: no pair twice"
	else t_fail "$preset: pairs twice" "$twice"; fi

	t_run "$preset: attendees" 0 "$MINGLE" attendees -c "$ini" -o "$TMP/$preset.att.csv"
	"$csv_dump" "$TMP/$preset.att.csv" > "$TMP/att.json"
	while IFS= read -r line; do
		case $line in once\ *) ;; *) continue ;; esac
		name=${line#once }
		why=${name#*"$tab"}
		name=${name%%"$tab"*}
		n=$(grep -cF -- "\"mingle_name\": \"$name\"" "$TMP/att.json")
		if [ "$n" -eq 1 ]; then t_ok "$preset: $name ($why) is one attendee"
		else t_fail "$preset: $name ($why) is $n attendees"; fi
	done < "$expect"
done

# The generic preset: nothing recognised, the columns guessed.
printf 'Full Name,E-Mail,Status,Topics\nAnn Arbor,ann@x.org,confirmed,lua\nBob Baker,bob@x.org,cancelled,lua\nCem Çelik,cem@x.org,,lua\nDora Dörr,dora@x.org,confirmed,ux\n' > "$TMP/generic.csv"
printf '[input]\nfile = generic.csv\npreset = auto\n\n[field t]\ncolumn = Topics\ntype = tags\n\n[strategy t]\nplugin = shared_tags\nfield = t\n' > "$TMP/generic.ini"
t_run "generic: check" 0 "$MINGLE" check -c "$TMP/generic.ini"
t_contains "generic: nothing recognised" "$TMP/out" "preset: generic (a generic export): no tool recognised"
t_contains "generic: the e-mail is the id" "$TMP/out" "id: column 'E-Mail' (preset)"
t_contains "generic: the name guessed" "$TMP/out" "name: column 'Full Name' (preset)"
t_contains "generic: cancelled rows dropped" "$TMP/out" "1 row dropped ('cancelled' 1)"
t_run "generic: run" 0 "$MINGLE" run -q -c "$TMP/generic.ini" -o "$TMP/generic.out"
if grep -q Bob "$TMP/generic.out"; then t_fail "generic: Bob cancelled but is introduced"
else t_ok "generic: Bob cancelled and is not introduced"; fi
t_contains "generic: Ann and Cem" "$TMP/generic.out" "ann@x.org,Ann Arbor,cem@x.org,Cem Çelik"

# One person once, without a preset: a person registered twice on two
# tickets (same e-mail and name) is one attendee with one warning, and
# never introduced to themselves.
printf 'Ticket,Name,Email,Topics\nT1,Ann Arbor,ann@x.org,"lua, rust"\nT2,Bob Baker,bob@x.org,ux\nT3,ann arbor,Ann@X.org ,"lua, rust"\nT4,Cem Çelik,cem@x.org,lua\n' > "$TMP/twice.csv"
printf '[input]\nfile = twice.csv\nid = Ticket\nname = Name\n\n[field t]\ncolumn = Topics\ntype = tags\n\n[strategy t]\nplugin = shared_tags\nfield = t\n' > "$TMP/twice.ini"
t_run "registered twice: run" 0 "$MINGLE" run -q -c "$TMP/twice.ini" -o "$TMP/twice.out"
t_contains "registered twice: one warning" "$TMP/err" "records 1 (line 2) and 3 (line 4) are one person, ann arbor <Ann@X.org>; keeping record 3, the later one in the file"
if grep -q 'T1' "$TMP/twice.out"; then t_fail "registered twice: the first ticket is introduced" "$(cat "$TMP/twice.out")"
else t_ok "registered twice: only the later ticket is an attendee"; fi
t_contains "registered twice: Ann meets Cem" "$TMP/twice.out" "T3,ann arbor,T4,Cem Çelik"

# A group order with id = Email: the buyer's e-mail on every ticket,
# different names, is three people; the later ids get #2, #3.
printf 'Email,Name,Topics\nbuyer@x.org,Ann Arbor,lua\nbuyer@x.org,Bob Baker,lua\nbuyer@x.org,Cem Çelik,ux\ndora@x.org,Dora Dörr,ux\n' > "$TMP/group.csv"
printf '[input]\nfile = group.csv\nid = Email\nname = Name\n\n[field t]\ncolumn = Topics\ntype = tags\n\n[strategy t]\nplugin = shared_tags\nfield = t\n' > "$TMP/group.ini"
t_run "group order with id = Email: run" 0 "$MINGLE" run -c "$TMP/group.ini" -o "$TMP/group.out"
t_contains "group order: Ann and Bob" "$TMP/group.out" "buyer@x.org,Ann Arbor,buyer@x.org#2,Bob Baker"
t_contains "group order: Cem and Dora" "$TMP/group.out" "buyer@x.org#3,Cem Çelik,dora@x.org,Dora Dörr"
if grep -q warning "$TMP/err"; then t_fail "group order: a warning" "$(cat "$TMP/err")"
else t_ok "group order: no warning"; fi

t_done
