#!/bin/sh
# tests/lua/max_score.sh -- a rule that declares max_score joins the
# candidate stage: the same output as [match] exhaustive = yes, byte for
# byte; the rule is asked about the pairs the other strategies list and
# not about the others; every score is held to max_score, and a bad
# max_score is an error; a rule without one gets a note when the event
# is large.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/lib_cand.sh"

SCRIPTS="$top_srcdir/scripts"

# ------------------------------------------------------------ exact
/usr/bin/python3 "$top_srcdir/bench/make_event.py" 1000 "$TMP/event.csv"
. "$top_srcdir/bench/event.sh"
# config SECTION...: the generated event, shared_tags and text_similarity,
# then the lines given.
config() {
	{ event_fields; event_tags; printf '%s\n' "" "[strategy work]" \
	    "plugin = text_similarity" "field = working" "$@"; } \
	    > "$TMP/event.ini"
}

# exact NAME [OPTIONS...]: $TMP/event.ini runs the candidate stage, and
# gives what every pair scored gives (tests/lib_cand.sh).
exact() {
	stage "$1" candidates
	same "$@"
}

buddy="script = $SCRIPTS/first_timer_buddy.lua"
config "[strategy buddy]" "$buddy" "field = first" "[match]" \
    "per_attendee = 10" "candidates = 12"
exact "buddy, suggestions, 2 threads" --threads 2
# As many candidates as introductions: the heaps' last partners count.
config "[strategy buddy]" "$buddy" "field = first" "[match]" \
    "per_attendee = 3" "candidates = 3"
exact "buddy, 3 candidates for 3"
config "[strategy buddy]" "$buddy" "field = first" "[match]" \
    "mode = pairs" "candidates = 5"
exact "buddy, pairs, 2 threads" --threads 2
# Its bonus dominates: most rows ask again, up to everyone.
config "[strategy buddy]" "$buddy" "field = first" "score = 3" \
    "weight = 4" "[match]" "per_attendee = 5"
exact "buddy's bonus dominating" --threads 2
# A constant max_score that holds with room to spare, and a veto rule.
cat > "$TMP/loose.lua" <<'LUA'
return {
  symmetric = true,
  max_score = 1.5,
  score = function(a, b)
    return (#a.name + #b.name) % 4 == 0 and 1 or 0
  end,
}
LUA
config "[strategy loose]" "script = $TMP/loose.lua" "[match]" \
    "per_attendee = 4"
exact "a constant max_score" --threads 2
# A rule with a veto function scores every pair, max_score or not: a
# veto of a pair nobody lists would escape the table modes' questions.
config "[strategy loose]" "script = $TMP/loose.lua" \
    "[strategy colleagues]" "script = $SCRIPTS/avoid_colleagues.lua" \
    "company =" "[match]" "mode = groups"
stage "a rule with a veto function" pairs

# ------------------------------------------------------------ asked
# Four groups of ten, each sharing four tags within the group and none
# outside it: shared_tags lists each one's group, and the rule is asked
# about those pairs only (it logs each), in both directions; its bonus
# for g1m1 -> g1m6 decides g1m1's one introduction, which without the
# rule would be g1m2 (ties go by order).
{
	echo "Email,Name,Tags"
	for g in 1 2 3 4; do
		for m in 0 1 2 3 4 5 6 7 8 9; do
			echo "g${g}m$m@x.example,G$g M$m,\"t$g, u$g, v$g, w$g\""
		done
	done
} > "$TMP/groups.csv"
cat > "$TMP/asked.lua" <<'LUA'
return {
  max_score = 1,
  score = function(a, b)
    print("asked " .. a.id .. " " .. b.id)
    if a.id == "g1m1@x.example" and b.id == "g1m6@x.example" then
      return 1
    end
    return 0
  end,
}
LUA
cat > "$TMP/groups.ini" <<INI
[input]
file = groups.csv
id = Email
name = Name
[field tags]
column = Tags
type = tags
[strategy tags]
plugin = shared_tags
field = tags
[strategy asked]
script = asked.lua
[match]
per_attendee = 1
candidates = 9
INI
t_run "asked: runs" 0 "$MINGLE" run -q -c "$TMP/groups.ini" \
    -o "$TMP/groups.out"
t_contains "asked: the rule is asked about listed pairs" "$TMP/err" \
    "asked g1m1@x.example g1m6@x.example"
t_contains "asked: ... and its score counts" "$TMP/groups.out" \
    "g1m1@x.example,G1 M1,g1m6@x.example,G1 M6"
if awk '/ asked / { n++; if (substr($4, 1, 2) != substr($5, 1, 2)) bad++ }
    END { exit !(n > 0 && bad == 0) }' "$TMP/err"
then t_ok "asked: ... and about no pair across groups"
else t_fail "asked: pairs across groups asked" "$(grep -v ' g\(.\)m.* g\1m' \
    "$TMP/err" | head -5)"
fi

# ------------------------------------------------------------ held to it
# rule BODY: $TMP/rule.ini with a rule returning BODY's table.
rule() {
	printf 'return {\n%s\n}\n' "$1" > "$TMP/rule.lua"
	cat > "$TMP/rule.ini" <<INI
[input]
file = groups.csv
id = Email
name = Name
[strategy rule]
script = rule.lua
instruction_limit = 100000
INI
}
rule '  max_score = 2,
  score = function(a, b)
    if a.id == "g2m3@x.example" and b.id == "g2m4@x.example" then
      return 2.5
    end
    return 2
  end,'
t_run "over: a score above max_score stops the run" 1 "$MINGLE" run -q \
    -c "$TMP/rule.ini" -o "$TMP/over.csv"
t_contains "over: ... naming the script, line, pair and both numbers" \
    "$TMP/err" "rule.lua:3: score returned 2.5 for g2m3@x.example -> g2m4@x.example, above max_score (2); make max_score the most score can return"
t_absent "over: ... and nothing is written" "$TMP/over.csv"
rule '  max_score = function(a)
    if a.id == "g1m0@x.example" then return 1, 0.5 end
    return 3
  end,
  score = function(a, b) return 1 end,'
t_run "over: per attendee" 1 "$MINGLE" run -q -c "$TMP/rule.ini" \
    -o "$TMP/over.csv"
t_contains "over: ... held to the second value, the most others gain" \
    "$TMP/err" "rule.lua:6: score returned 1 for g1m1@x.example -> g1m0@x.example, above the second value max_score returned for g1m0@x.example (0.5)"
t_run "check: per attendee, the most shown" 0 "$MINGLE" check \
    -c "$TMP/rule.ini"
t_contains "check: ... after the weight" "$TMP/out" \
    "strategy rule: lua rule.lua script, weight 1, max_score 3 ("
rule '  max_score = function(a) return 0 end,
  score = function(a, b) return 0 end,'
t_run "zero: 0 everywhere is fine" 0 "$MINGLE" run --progress \
    -c "$TMP/rule.ini" -o "$TMP/zero.csv"
# Alone, a rule lists nobody: each row would score everyone, every pair
# twice.  So every pair is scored once.
t_contains "alone: a rule with max_score scores every pair" "$TMP/err" \
    "scoring pairs: 100% (780) in"

# bad TEXT MAX_SCORE WANT: loading fails with WANT in the message.
bad() {
	rule "  max_score = $2,
  score = function(a, b) return 0 end,"
	t_run "bad: $1" 1 "$MINGLE" check -c "$TMP/rule.ini"
	t_contains "bad: $1, said" "$TMP/err" "$3"
}
bad "a string" '"2"' \
    "rule.lua: max_score must be a number or a function, not string (a finite number, 0 or more: the most score returns for one direction)"
bad "a table" '{}' "max_score must be a number or a function, not table"
bad "below 0" '-1' \
    "rule.lua: max_score is -1; it must be a finite number, 0 or more"
bad "infinite" 'math.huge' "rule.lua: max_score is inf; it must be"
bad "NaN" '0/0' "rule.lua: max_score is nan; it must be"
bad "a function returning nil" 'function(a) end' \
    "rule.lua:2: max_score returned nil for g1m0@x.example; it must be"
bad "a second value below 0" 'function(a) return 1, -2 end' \
    "rule.lua:2: max_score returned as its second value -2 for g1m0@x.example;"
bad "a function failing" 'function(a) error("no bound") end' \
    "rule.lua:2: no bound (in max_score for g1m0@x.example)"
bad "a function out of budget" 'function(a) while true do end end' \
    "instruction limit of 100000 per call exceeded (in max_score for g1m0@x.example)"

# ------------------------------------------------------------ the note
# 2,000 attendees, a rule without max_score (it stops the run at its
# first pair: the note comes before scoring).
awk 'BEGIN { print "Email,Name,Tags"
    for (i = 0; i < 2000; i++) printf "p%d@x,P %d,t%d\n", i, i, i % 7 }' \
    > "$TMP/many.csv"
# many ROWS MAX_SCORE: $TMP/many.ini on the first ROWS.
many() {
	head -n "$(($1 + 1))" "$TMP/many.csv" > "$TMP/rows.csv"
	printf 'return { %s score = function() error("stop") end }\n' \
	    "$2" > "$TMP/slow.lua"
	printf '[input]\nfile = rows.csv\nid = Email\nname = Name\n%s\n' \
	    "[field tags]" > "$TMP/many.ini"
	printf '%s\n' "column = Tags" "type = tags" "[strategy tags]" \
	    "plugin = shared_tags" "field = tags" "[strategy slow]" \
	    "script = slow.lua" >> "$TMP/many.ini"
}
note="mingle: note: strategy slow (slow.lua) declares no max_score, so all 2000 attendees' pairs are scored;"
many 2000 ""
t_run "note: a rule without max_score, 2000 attendees" 1 "$MINGLE" run \
    -c "$TMP/many.ini" -o "$TMP/many.out"
t_contains "note: ... says so, with the hint" "$TMP/err" "$note"
t_run "note: not under -q" 1 "$MINGLE" run -q -c "$TMP/many.ini" \
    -o "$TMP/many.out"
if grep -q "note:" "$TMP/err"; then t_fail "note: -q shows it"
else t_ok "note: ... none"
fi
many 1999 ""
"$MINGLE" run -c "$TMP/many.ini" -o "$TMP/many.out" 2>"$TMP/err"
if grep -q "note:" "$TMP/err"; then t_fail "note: 1999 attendees get it"
else t_ok "note: none for 1999 attendees"
fi
many 2000 "max_score = 0,"
"$MINGLE" run -c "$TMP/many.ini" -o "$TMP/many.out" 2>"$TMP/err"
if grep -q "note:" "$TMP/err"; then t_fail "note: with max_score"
else t_ok "note: none with max_score"
fi
t_done
