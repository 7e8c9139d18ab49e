#!/bin/sh
# tests/lua/scripts.sh -- each shipped Lua rule on fixture pairs, through
# the CLI: `mingle explain` for the scores in both directions, vetoes and
# reasons; `mingle run` for what reaches the output; `mingle check` for
# option errors.  Then the error formats of broken rules.
. "$top_srcdir/tests/lib.sh"

DATA="$top_srcdir/tests/lua"
SCRIPTS="$top_srcdir/scripts"

# ini NAME SECTION_BODY: a config for the fixture event with one Lua
# strategy called NAME; extra sections may follow in the body.
ini() {
	cat >"$TMP/$1.ini" <<EOF
[input]
file = $DATA/event.csv
id = Email
name = Name

[field first_barcamp]
column = First time?
type = bool

[field company]
column = Company
type = text

[field languages]
column = Languages
type = tags

[field city]
column = City
type = category

[field workmail]
column = Work email
type = text

[strategy $1]
$2

[match]
per_attendee = 3
EOF
	echo "$TMP/$1.ini"
}

# pair CONFIG A B STRATEGY: "a->b b->a veto | reason" from mingle explain.
pair() {
	if ! "$MINGLE" explain -c "$1" "$2" "$3" >"$TMP/explain" 2>"$TMP/err"
	then
		echo "explain failed: $(cat "$TMP/err")"
		return
	fi
	awk -v s="$4" '$1 == s {
		r = $0
		for (i = 1; i <= 7; i++)
			sub(/^[^ ]+ +/, "", r)
		printf "%s %s %s | %s\n", $3, $4, $7, r
	}' "$TMP/explain"
}

# t_pair WHAT CONFIG A B STRATEGY WANT
t_pair() {
	got=$(pair "$2" "$3" "$4" "$5")
	if [ "$got" = "$6" ]; then t_ok "$1"
	else t_fail "$1" "got:  $got" "want: $6"
	fi
}

# t_not_contains NAME FILE TEXT
t_not_contains() {
	if grep -qF -- "$3" "$2"; then t_fail "$1: '$3' in $(basename "$2")"
	else t_ok "$1"
	fi
}

# ------------------------------------------------------------ first_timer_buddy
c=$(ini buddy "script = $SCRIPTS/first_timer_buddy.lua
score = 2")
t_run "buddy: check" 0 "$MINGLE" check -c "$c"
t_contains "buddy: check names the script and its version" "$TMP/out" \
    "strategy buddy: lua first_timer_buddy.lua 1.0, weight 1"
t_pair "buddy: a newcomer gains from a veteran" "$c" neu@x.example \
    alt@y.example buddy \
    "2.000 0.000 no | Nele Neu is new here; Otto Alt knows the ropes"
t_pair "buddy: the veteran's direction is 0, reason still shown" "$c" \
    alt@y.example neu@x.example buddy \
    "0.000 2.000 no | Nele Neu is new here; Otto Alt knows the ropes"
t_pair "buddy: two newcomers score nothing" "$c" neu@x.example \
    kai@y.example buddy "0.000 0.000 no | "
t_pair "buddy: an empty answer counts as neither" "$c" neu@x.example \
    mitte@gmail.com buddy "0.000 0.000 no | "
t_pair "buddy: two veterans score nothing" "$c" alt@y.example \
    frei@gmail.com buddy "0.000 0.000 no | "
t_run "buddy: run" 0 "$MINGLE" run -c "$c" -o "$TMP/buddy.csv"
t_contains "buddy: the reason reaches the output" "$TMP/buddy.csv" \
    "buddy: Kai Kollege is new here;"
c=$(ini buddy "script = $SCRIPTS/first_timer_buddy.lua
colour = blue")
t_run "buddy: an unknown option fails check" 1 "$MINGLE" check -c "$c"
t_contains "buddy: ... naming it, its line and the options, as for plugins" \
    "$TMP/err" "buddy.ini:28: strategy 'buddy' (script first_timer_buddy.lua 1.0) has no option 'colour' (options: field, score; and for every strategy: script, weight, memory_limit, instruction_limit)"
c=$(ini buddy "script = $SCRIPTS/first_timer_buddy.lua
scroe = 2")
t_run "buddy: a misspelt option fails check" 1 "$MINGLE" check -c "$c"
t_contains "buddy: ... with a suggestion" "$TMP/err" \
    "has no option 'scroe'; did you mean 'score'?"
c=$(ini buddy "script = $SCRIPTS/first_timer_buddy.lua
score = lots")
t_run "buddy: a score that is no number fails check" 1 "$MINGLE" check -c "$c"
t_contains "buddy: ... checked by mingle, before init" "$TMP/err" \
    "buddy.ini:28: strategy 'buddy' (script first_timer_buddy.lua 1.0): option 'score' must be a number, not 'lots'"
c=$(ini buddy "script = $SCRIPTS/first_timer_buddy.lua
field = company")
t_run "buddy: a field that is not a bool fails check" 1 "$MINGLE" check -c "$c"
t_contains "buddy: ... saying so" "$TMP/err" \
    "field 'company' must be a bool field"
c=$(ini buddy "script = $SCRIPTS/first_timer_buddy.lua
field = frist_barcamp")
t_run "buddy: a misspelt field fails check" 1 "$MINGLE" check -c "$c"
t_contains "buddy: ... with a suggestion" "$TMP/err" \
    "attendee has no field 'frist_barcamp' (did you mean 'first_barcamp'?)"

# ------------------------------------------------------------ avoid_colleagues
c=$(ini colleagues "script = $SCRIPTS/avoid_colleagues.lua")
t_run "colleagues: check" 0 "$MINGLE" check -c "$c"
t_contains "colleagues: declared symmetric" "$TMP/out" \
    "avoid_colleagues.lua 1.0, weight 1, symmetric"
t_pair "colleagues: Acme GmbH and ACME are one organization" "$c" \
    neu@x.example alt@y.example colleagues \
    "0.000 0.000 yes | both work at Acme GmbH"
t_pair "colleagues: Beta e.V. and Beta too" "$c" lou@z.example \
    kai@y.example colleagues "0.000 0.000 yes | both work at Beta"
t_pair "colleagues: the same e-mail domain" "$c" alt@y.example \
    kai@y.example colleagues \
    "0.000 0.000 yes | both have e-mail addresses at y.example"
t_pair "colleagues: two freelancers at gmail.com are not colleagues" "$c" \
    mitte@gmail.com frei@gmail.com colleagues "0.000 0.000 no | "
t_pair "colleagues: strangers pass" "$c" neu@x.example lou@z.example \
    colleagues "0.000 0.000 no | "
t_run "colleagues: run" 0 "$MINGLE" run -c "$c" -o "$TMP/colleagues.csv"
t_not_contains "colleagues: no vetoed pair is suggested" \
    "$TMP/colleagues.csv" "neu@x.example,Nele Neu,alt@y.example"
c=$(ini colleagues "script = $SCRIPTS/avoid_colleagues.lua
ignore_domains = y.example, z.example")
t_pair "colleagues: ignore_domains" "$c" alt@y.example kai@y.example \
    colleagues "0.000 0.000 no | "
c=$(ini colleagues "script = $SCRIPTS/avoid_colleagues.lua
ignore_companies = Beta")
t_pair "colleagues: ignore_companies" "$c" lou@z.example kai@y.example \
    colleagues "0.000 0.000 no | "
c=$(ini colleagues "script = $SCRIPTS/avoid_colleagues.lua
company =
email = workmail")
t_pair "colleagues: email names another field" "$c" neu@x.example \
    alt@y.example colleagues \
    "0.000 0.000 yes | both have e-mail addresses at acme.example"
t_pair "colleagues: ... and the ids no longer count" "$c" alt@y.example \
    kai@y.example colleagues "0.000 0.000 no | "

# ------------------------------------------------------------ common_language
c=$(ini language "script = $SCRIPTS/common_language.lua")
t_run "language: check" 0 "$MINGLE" check -c "$c"
t_pair "language: a shared language passes" "$c" neu@x.example \
    alt@y.example language "0.000 0.000 no | "
t_pair "language: none shared is a veto" "$c" neu@x.example \
    mitte@gmail.com language \
    "0.000 0.000 yes | no common language (Nele Neu: deutsch, english; Mia Mitte: türkçe)"
t_pair "language: '#Türkçe' and 'Türkçe' are one language" "$c" \
    lou@z.example mitte@gmail.com language "0.000 0.000 no | "
t_pair "language: no languages given is no veto" "$c" frei@gmail.com \
    mitte@gmail.com language "0.000 0.000 no | "
c=$(ini language "script = $SCRIPTS/common_language.lua
field = city")
t_run "language: a field that is not tags fails check" 1 "$MINGLE" check -c "$c"
t_contains "language: ... saying so" "$TMP/err" \
    "field 'city' must be a tags field (in prepare)"

# ------------------------------------------------------------ same_city
c=$(ini city "script = $SCRIPTS/same_city.lua")
t_run "city: check" 0 "$MINGLE" check -c "$c"
t_pair "city: Köln and 'köln ' are one city" "$c" neu@x.example \
    alt@y.example city "1.000 1.000 no | both from Köln"
t_pair "city: KÖLN too" "$c" frei@gmail.com alt@y.example city \
    "1.000 1.000 no | both from KÖLN"
t_pair "city: different cities" "$c" neu@x.example kai@y.example city \
    "0.000 0.000 no | "
t_pair "city: a missing city matches nothing" "$c" lou@z.example \
    kai@y.example city "0.000 0.000 no | "
c=$(ini city "script = $SCRIPTS/same_city.lua
city = Essen
score = 3")
t_pair "city: with city set, only its locals count" "$c" neu@x.example \
    alt@y.example city "0.000 0.000 no | "
c=$(ini city "script = $SCRIPTS/same_city.lua
city = KÖLN
score = 3")
t_pair "city: ... compared normalized, scored as configured" "$c" \
    neu@x.example frei@gmail.com city "3.000 3.000 no | both from Köln"
t_run "city: run" 0 "$MINGLE" run -c "$c" -o "$TMP/city.csv"
t_contains "city: the header and a reason" "$TMP/city.csv" \
    "a_id,a_name,b_id,b_name,score,reasons"
t_contains "city: ... the reason reaches the output" "$TMP/city.csv" \
    "city: both from"

# ------------------------------------------------------------ mingle plugins
# The shipped rules with the options they declare; with -c also the rules
# the config names elsewhere, usable or not.
t_run "plugins: lists the rules" 0 "$MINGLE" plugins
t_contains "plugins: the shipped folder" "$TMP/out" "# $SCRIPTS (Lua rules)"
t_contains "plugins: a rule's file, version and name" "$TMP/out" \
    "  same_city.lua          1.0      same city"
t_contains "plugins: ... its path" "$TMP/out" "    $SCRIPTS/same_city.lua"
t_contains "plugins: an option's doc, type and default" "$TMP/out" \
    "      score  the bonus (number, default: 1)"
t_contains "plugins: a string option's doc and default" "$TMP/out" \
    "      field  the bool field \"is this your first time?\" (default: first_barcamp)"
t_contains "plugins: an option without a default" "$TMP/out" \
    "      ignore_domains    more free-mail domains, comma-separated"
t_contains "plugins: counts the rules" "$TMP/out" " and 4 Lua rules found"
cat >"$TMP/mine.lua" <<'LUA'
return {
  name = "mine", version = "0.3",
  options = {
    n = { type = "integer", default = 3, doc = "how many" },
    loud = { type = "boolean" },
    label = {},
  },
  score = function() return 0 end,
}
LUA
printf 'return { score = function() return 0 end }\n' >"$TMP/free.lua"
c=$(ini mine "script = $TMP/mine.lua

[strategy free]
script = $TMP/free.lua

[strategy broken]
script = $DATA/bad_syntax.lua

[strategy city]
script = same_city.lua

[strategy again]
script = $TMP/mine.lua")
t_run "plugins -c: lists the config's rules too" 0 "$MINGLE" plugins -c "$c"
t_contains "plugins -c: under the config's name" "$TMP/out" \
    "# Lua rules in $c"
t_contains "plugins -c: a rule of one's own" "$TMP/out" \
    "  mine.lua               0.3      mine"
if grep -A5 '^  mine.lua ' "$TMP/out" | tail -4 >"$TMP/mine.txt" &&
    printf '    options:\n      label\n      loud   (boolean)\n      n      how many (integer, default: 3)\n' |
    cmp -s - "$TMP/mine.txt"
then t_ok "plugins -c: its options, by name"
else t_fail "plugins -c: its options, by name" "$(cat "$TMP/out")"
fi
t_contains "plugins -c: a rule declaring none" "$TMP/out" \
    "    options: not declared (init gets every key, unchecked)"
t_contains "plugins -c: a broken rule, marked" "$TMP/out" \
    "  (unusable) $DATA/bad_syntax.lua"
t_contains "plugins -c: ... with the reason" "$TMP/out" \
    "    $DATA/bad_syntax.lua:5: unexpected symbol near 'end'"
if [ "$(grep -c -e '^  same_city.lua ' -e '^  mine.lua ' "$TMP/out")" = 2 ]
then t_ok "plugins -c: a rule is listed once"
else t_fail "plugins -c: a rule is listed once" "$(cat "$TMP/out")"
fi
t_contains "plugins -c: counts the usable rules" "$TMP/out" \
    " and 6 Lua rules found"

# ------------------------------------------------------------ all four together
c="$top_srcdir/examples/barcamp-lua.ini"
if [ -f "$top_srcdir/examples/barcamp.csv" ]; then
	t_run "example: barcamp-lua.ini checks" 0 "$MINGLE" check -c "$c"
	t_run "example: barcamp-lua.ini runs" 0 "$MINGLE" run -c "$c" \
	    -o "$TMP/barcamp.csv"
	t_contains "example: a buddy reason" "$TMP/barcamp.csv" \
	    "knows the ropes"
	if awk -F, 'NR > 1 {
		split($1, a, "@"); split($3, b, "@")
		if (a[2] == b[2] && a[2] != "mail.example") bad++
	} END { exit bad > 0 }' "$TMP/barcamp.csv"
	then t_ok "example: no two colleagues are introduced"
	else t_fail "example: colleagues introduced"
	fi
	t_pair "example: explain shows each rule" "$c" \
	    anna.gross@uni-bonn.example ayse.weiss@uni-bonn.example \
	    colleagues "0.000 0.000 yes | both work at Uni Bonn"
fi

# ------------------------------------------------------------ reproducible
# Lua's own table order and addresses change from run to run; a rule that
# iterates a table, prints one, sorts with ties and draws random numbers
# must still give the same output every time.
cat >"$TMP/det.lua" <<'LUA'
local words = {}
return {
  prepare = function(all)
    for _, a in ipairs(all) do
      words[a.name] = #a.name % 3
      words[a] = tostring({}) .. tostring(print)
    end
  end,
  score = function(a, b)
    local keys = {}
    for k, v in pairs(words) do
      if type(k) == "string" then keys[#keys + 1] = k .. "=" .. v end
    end
    table.sort(keys, function(x, y) return false end)  -- all ties
    return math.random(), table.concat(keys, " ") .. " " .. words[a]
  end,
}
LUA
c=$(ini det "script = $TMP/det.lua")
for i in 1 2 3; do
	"$MINGLE" run -c "$c" -o "$TMP/det$i.csv" 2>/dev/null
done
t_same "reproducible: runs of a rule using pairs, sort, random (1, 2)" \
    "$TMP/det1.csv" "$TMP/det2.csv"
t_same "reproducible: ... (1, 3)" "$TMP/det1.csv" "$TMP/det3.csv"
t_contains "reproducible: ... no addresses in reasons" "$TMP/det1.csv" \
    "tablefunction"

# ------------------------------------------------------------ prepare's budget
# prepare may use instruction_limit per started 1000 attendees: with 1500
# attendees and a limit of 100000, 200000.
awk 'BEGIN { print "Email,Name"; for (i = 0; i < 1500; i++) printf "p%d@x,P %d\n", i, i }' \
    >"$TMP/big.csv"
for s in ok:150000 big:250000; do
	printf 'return { score = function() return 0 end,\n  prepare = function(all) for i = 1, %s do end end }\n' \
	    "${s#*:}" >"$TMP/prep_${s%%:*}.lua"
	cat >"$TMP/prep_${s%%:*}.ini" <<INI
[input]
file = $TMP/big.csv
id = Email
name = Name
[strategy prep]
script = $TMP/prep_${s%%:*}.lua
instruction_limit = 100000
INI
done
t_run "prepare: 150000 instructions fit 1500 attendees' budget" 0 \
    "$MINGLE" check -c "$TMP/prep_ok.ini"
t_run "prepare: 250000 do not" 1 "$MINGLE" check -c "$TMP/prep_big.ini"
t_contains "prepare: ... naming the budget" "$TMP/err" \
    "instruction limit of 200000 per call exceeded (in prepare)"

# ------------------------------------------------------------ huge scores
# 1.7e308 both ways is a pair score of 1.7e308 at weight 1, written with
# all its digits, not cut at 63 bytes (at weight 2 it overflows: errors.sh).
# The digits are the double's exact value, as Python's '%.3f' gives it.
printf 'return { score = function(a, b) return 1.7e308 end }\n' \
    >"$TMP/huge.lua"
c=$(ini huge "script = $TMP/huge.lua")
d=169999999999999993883079578865998174333346074304075874502773119193537
d=${d}729178160565864330091787584707988572262467983188919169916105593357
d=${d}174268369962062473635296474636515660464935663040684957844303524367
d=${d}815028553272712298986386310828644513212353921123253311675499856875
d=${d}650512437415429217994623324794855339589632.000
t_run "huge: 1.7e308 at weight 1 runs" 0 "$MINGLE" run -q -c "$c" \
    -o "$TMP/huge.csv"
t_contains "huge: ... the score written whole" "$TMP/huge.csv" ",$d,"
t_run "huge: explain" 0 "$MINGLE" explain -c "$c" neu@x.example \
    alt@y.example
t_contains "huge: ... shows the whole total" "$TMP/out" "total: $d"

# ------------------------------------------------------------ broken rules
c=$(ini broken "script = $DATA/bad_syntax.lua")
t_run "errors: a syntax error fails check" 1 "$MINGLE" check -c "$c"
t_contains "errors: ... as FILE:LINE: message" "$TMP/err" \
    "bad_syntax.lua:5: unexpected symbol near 'end'"
c=$(ini broken "script = $DATA/bad_runtime.lua")
t_run "errors: check runs no pair" 0 "$MINGLE" check -c "$c"
echo sentinel >"$TMP/kept.csv"
t_run "errors: a runtime error stops the run" 1 "$MINGLE" run -c "$c" \
    -o "$TMP/kept.csv"
t_contains "errors: ... FILE:LINE: message (scoring A -> B)" "$TMP/err" \
    "bad_runtime.lua:6: attempt to get length of a nil value (field 'nickname') (scoring "
t_contains "errors: ... with a traceback" "$TMP/err" "stack traceback:"
t_contains "errors: ... whose line is the script's" "$TMP/err" \
    "bad_runtime.lua:6: in "
if [ "$(cat "$TMP/kept.csv")" = sentinel ]; then
	t_ok "errors: the output file is untouched"
else
	t_fail "errors: the output file changed"
fi
t_run "errors: explain fails the same way" 1 "$MINGLE" explain -c "$c" \
    neu@x.example alt@y.example
t_contains "errors: ... naming the pair" "$TMP/err" \
    "(scoring neu@x.example -> alt@y.example)"
c=$(ini broken "script = $DATA/bad_return.lua")
t_run "errors: a bad return value stops the run" 1 "$MINGLE" run -c "$c" \
    -o "$TMP/none.csv"
t_contains "errors: ... naming what came back" "$TMP/err" \
    "bad_return.lua:3: score returned nil; it must return a finite number (scoring "
t_absent "errors: ... and nothing is written" "$TMP/none.csv"

t_done
