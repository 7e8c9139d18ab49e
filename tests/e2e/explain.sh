#!/bin/sh
# mingle explain: attendees by id or by name (case and accents folded,
# a unique match, else the candidates), and whether the pair is chosen
# in the config's own assignment, as `mingle run` makes it.
. "$top_srcdir/tests/lib.sh"

D="$TMP/ev"
mkdir -p "$D"
cat > "$D/attendees.csv" <<'CSV'
Email,Name,Tags
anna@x.org,Anna Schmidt,"lua, rust"
ben@x.org,Ben Müller,"lua, go"
jurgen@x.org,Jürgen Groß,"rust, go"
anna.b@y.org,Anna Becker,"go, lua"
cem@x.org,Cem Çelik,"lua, rust"
dora@x.org,Dora Dörr,"go"
CSV
cat > "$D/event.ini" <<'INI'
[input]
file = attendees.csv
id = Email
name = Name

[field tags]
column = Tags
type = tags

[strategy tags]
plugin = shared_tags
field = tags

[match]
mode = pairs
INI

# -- names
t_run "explain by names" 0 "$MINGLE" explain -c "$D/event.ini" "Ben Müller" "Jürgen Groß"
t_contains "explain by names: the pair" "$TMP/out" "ben@x.org (Ben Müller) and jurgen@x.org (Jürgen Groß)"
t_run "explain by folded names" 0 "$MINGLE" explain -c "$D/event.ini" "ben muller" "JURGEN GROSS"
t_contains "explain by folded names: case and accents" "$TMP/out" "ben@x.org (Ben Müller) and jurgen@x.org (Jürgen Groß)"
t_run "explain by a part of a name" 0 "$MINGLE" explain -c "$D/event.ini" schmidt "Dora"
t_contains "explain by a part of a name: one each" "$TMP/out" "anna@x.org (Anna Schmidt) and dora@x.org (Dora Dörr)"
t_run "explain by id and name" 0 "$MINGLE" explain -c "$D/event.ini" cem@x.org "Dörr"
t_contains "explain by id and name: both found" "$TMP/out" "cem@x.org (Cem Çelik) and dora@x.org (Dora Dörr)"
t_run "explain one person twice" 1 "$MINGLE" explain -c "$D/event.ini" cem@x.org "Celik"
t_contains "explain one person twice: says so" "$TMP/err" "'cem@x.org' and 'Celik' are the same attendee: cem@x.org (Cem Çelik)"
t_run "explain an ambiguous name" 1 "$MINGLE" explain -c "$D/event.ini" Anna ben
t_contains "explain an ambiguous name: the candidates" "$TMP/err" \
    "'Anna' matches 2 attendees: anna@x.org (Anna Schmidt), anna.b@y.org (Anna Becker); name one by its id"
t_run "explain nobody" 1 "$MINGLE" explain -c "$D/event.ini" Zoe ben
t_contains "explain nobody: says so" "$TMP/err" "no attendee with id or name 'Zoe' in $D/attendees.csv"

# -- chosen or not, as `mingle run` decides
t_run "run the pairs" 0 "$MINGLE" run -q -c "$D/event.ini" -o "$D/out.csv"
chosen=0
set -- anna@x.org ben@x.org jurgen@x.org anna.b@y.org cem@x.org dora@x.org
for a in "$@"; do
	shift	# every pair once: b after a
	for b in "$@"; do
		"$MINGLE" explain -c "$D/event.ini" "$a" "$b" > "$TMP/x" 2>&1
		if grep -q "^$a,.*,$b,\|^$b,.*,$a," "$D/out.csv"; then
			table=$(grep "^$a,.*,$b,\|^$b,.*,$a," "$D/out.csv" |
			    awk -F, '{ print $NF }')
			want="assignment: chosen (pairs: table $table)"
			chosen=$((chosen + 1))
		else
			want="assignment: not chosen (pairs)"
		fi
		t_contains "$a and $b: $want" "$TMP/x" "$want"
	done
done
if [ "$chosen" -eq 3 ]; then t_ok "three pairs chosen, as run chose"
else t_fail "chosen $chosen pairs, run chose 3"; fi

sed -i 's/^mode = pairs/mode = rounds\nrounds = 2/' "$D/event.ini"
t_run "run the rounds" 0 "$MINGLE" run -q -c "$D/event.ini" -o "$D/out.csv"
line=$(sed -n 2p "$D/out.csv")
a=$(echo "$line" | cut -d, -f1) b=$(echo "$line" | cut -d, -f3)
round=$(echo "$line" | awk -F, '{ print $(NF - 1) }') table=$(echo "$line" | awk -F, '{ print $NF }')
t_run "explain a pair of the rounds" 0 "$MINGLE" explain -c "$D/event.ini" "$a" "$b"
t_contains "rounds: chosen, with round and table" "$TMP/out" \
    "assignment: chosen (rounds: round $round, table $table)"

t_done
