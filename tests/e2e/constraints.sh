#!/bin/sh
# constraints.sh -- a property of the constraint plugins: no pair they veto
# ever sits together, in any mode.  On 61 people generated here from a
# fixed seed (companies spelt several ways, e-mail addresses at company
# domains, subdomains and free-mail providers, five ticket types, interests
# shared within a company so that colleagues attract, and some who leave
# their company blank), every mode runs with
#     exclude_same field = company, ignore = Freelancer
#     exclude_same domain_of = email, ignore_domains = home.example
#     between field = ticket, allow = Attendee-*, Mentor-Mentee, Sponsor-Press
# and, naming people in files and a column, with
#     do_not_match file = dnm.csv          (names and e-mail addresses)
#     history file = earlier.csv           (mingle's own earlier output)
#     conflicts field = conflicts          (names, ';'-separated)
# whose pairs are a third each of an unconstrained run's introductions;
# every introduction, and every pair at a table of the schedule, is
# checked here against the rules, computed from the export with awk.
# The same modes without the constraints must break each rule somewhere:
# the data does put the rules to the test.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

# The export: Email,Name,Company,Ticket,Interests (tags split at '/').
# Park-Miller's generator, exact in awk's doubles, so every awk makes the
# same people.
awk 'function rnd(n) { seed = (seed * 16807) % 2147483647; return seed % n }
BEGIN {
	seed = 20260
	nc = split("Acme,Globex,Initech,Umbrella,Hooli,Stark Industries," \
	    "Wayne Enterprises,Tyrell Corp", co, ",")
	split("acme,globex,initech,umbrella,hooli,stark,wayne,tyrell", dom, ",")
	nt = split("lua,rust,go,sql,ux,podcast,opendata,privacy,gis,kafka," \
	    "music,chess,design,ml,devops,security", topic, ",")
	nf = split("gmail.com,gmx.de,web.de", free, ",")
	print "Email,Name,Company,Ticket,Interests"
	for (i = 1; i <= 61; i++) {
		r = rnd(100)
		k = 0
		if (r < 15) { c = "Freelancer"; d = "" }
		else if (r < 25) { c = ""; d = "" }
		else { k = 1 + rnd(nc); c = co[k]; d = dom[k] ".example" }
		# A quarter of them leave the company blank: only the
		# e-mail domain says where they work.
		v = rnd(5)
		if (k && rnd(4) == 0) c = ""
		else if (c != "" && v == 1) c = toupper(c)
		else if (c != "" && v == 2) c = tolower(c) " "
		else if (c != "" && v == 3) sub(/ /, "  ", c)
		r = rnd(100)
		if (d != "" && r < 60) mail = "p" i "@" d
		else if (d != "" && r < 70) mail = "p" i "@mail." d
		else if (d != "" && r < 80)
			mail = "p" i "@lab." toupper(substr(d, 1, 1)) substr(d, 2)
		else if (r < 90) mail = "p" i "@" free[1 + rnd(nf)]
		else if (r < 95) mail = "p" i "@home.example"
		else mail = "p" i "@own" i ".example"
		r = rnd(100)
		t = r < 62 ? "Attendee" : r < 71 ? "Mentor" : r < 80 ? "Mentee" : \
		    r < 90 ? "Sponsor" : "Press"
		tags = k ? topic[k] "/" topic[k + 8] : topic[1 + rnd(nt)]
		tags = tags "/" topic[1 + rnd(nt)]
		if (rnd(2)) tags = tags "/" topic[1 + rnd(nt)]
		printf "%s,Person %d,%s,%s,%s\n", mail, i, c, t, tags
	}
}' >"$TMP/people.csv"

cat >"$TMP/base.ini" <<'INI'
[input]
file = people.csv
id = Email
name = Name

[field interests]
column = Interests
type = tags
separator = /

[field company]
column = Company
type = text

[field email]
column = Email
type = text

[field ticket]
column = Ticket
type = category

[strategy interests]
plugin = shared_tags
field = interests
INI

cat >"$TMP/constraints.ini" <<'INI'

[strategy colleagues]
plugin = exclude_same
field = company
ignore = Freelancer

[strategy domains]
plugin = exclude_same
domain_of = email
ignore_domains = home.example

[strategy tickets]
plugin = between
field = ticket
allow = Attendee-*, Mentor-Mentee, Sponsor-Press

[strategy dnm]
plugin = do_not_match
file = dnm.csv

[strategy earlier]
plugin = history
file = earlier.csv

[field conflicts]
column = Conflicts
type = text

[strategy conflicts]
plugin = conflicts
field = conflicts
INI

# violations PAIRS: "rows colleagues domains tickets" -- how many pairs
# ("a b" a line) are in PAIRS, and how many break each rule; an id not in
# the export counts against every rule.
violations() {
	awk '
	function fold(s) {
		s = tolower(s)
		gsub(/^ +| +$/, "", s)
		gsub(/  +/, " ", s)
		return s
	}
	# The organization domain of an address, or "" for free mail and
	# the ignored home.example.
	function org(m,   d) {
		d = tolower(substr(m, index(m, "@") + 1))
		if (d == "gmail.com" || d == "gmx.de" || d == "web.de" ||
		    d == "home.example")
			return ""
		return d
	}
	function within(d, p) {
		return d == p || (length(d) > length(p) &&
		    substr(d, length(d) - length(p)) == "." p)
	}
	BEGIN { allowed["Mentor-Mentee"]; allowed["Mentee-Mentor"]
		allowed["Sponsor-Press"]; allowed["Press-Sponsor"] }
	NR == FNR {
		if (FNR > 1) { co[$1] = fold($3); dm[$1] = org($1); tk[$1] = $4 }
		next
	}
	{
		a = $1; b = $2; n++
		if (!(a in co) || !(b in co)) { c++; d++; t++; next }
		c += co[a] != "" && co[a] != "freelancer" && co[a] == co[b]
		d += dm[a] != "" && dm[b] != "" &&
		    (within(dm[a], dm[b]) || within(dm[b], dm[a]))
		t += !(tk[a] == "Attendee" || tk[b] == "Attendee" ||
		    (tk[a] "-" tk[b]) in allowed)
	}
	END { print n + 0, c + 0, d + 0, t + 0 }
	' FS=, "$TMP/people.csv" FS=' ' "$1"
}

# Every pair of the export, to show the rules forbid some.
awk -F, 'NR > 1 { id[n++] = $1 }
    END { for (i = 0; i < n; i++) for (j = i + 1; j < n; j++)
	print id[i], id[j] }' "$TMP/people.csv" >"$TMP/all.pairs"
set -- $(violations "$TMP/all.pairs")
if [ "$2" -gt 0 ] && [ "$3" -gt 0 ] && [ "$4" -gt 0 ]; then
	t_ok "of $1 pairs, $2 are colleagues, $3 share a domain, $4 have tickets not allowed"
else t_fail "the export forbids too little: $*"
fi

# The files that name people: the introductions of a run without
# constraints, dealt in turn to do_not_match (by name and e-mail address),
# history (the output's own lines) and conflicts (a column of names the
# first of the two lists, added to the export).
t_run "earlier: run" 0 "$MINGLE" run -q -c "$TMP/base.ini" -o "$TMP/earlier.csv"
awk -F, -v dir="$TMP" 'NR == 1 { print > (dir "/earlier.part"); next }
    NR % 3 == 2 { print $2 "," toupper($3) > (dir "/dnm.csv") }
    NR % 3 == 0 { print > (dir "/earlier.part") }
    NR % 3 == 1 { coi[$1] = coi[$1] (coi[$1] == "" ? "" : "; ") $4 }
    { print $1, $3 > (dir "/forbid.pairs") }
    END { for (a in coi) print a "," coi[a] > (dir "/coi.list") }' \
    "$TMP/earlier.csv"
sed -i '1i person,other' "$TMP/dnm.csv"
mv "$TMP/earlier.part" "$TMP/earlier.csv"
awk -F, 'NR == FNR { coi[$1] = $2; next }
    FNR == 1 { print $0 ",Conflicts"; next }
    { print $0 "," coi[$1] }' "$TMP/coi.list" "$TMP/people.csv" \
    >"$TMP/people.coi" && mv "$TMP/people.coi" "$TMP/people.csv"
if [ "$(wc -l <"$TMP/forbid.pairs")" -ge 9 ]; then
	t_ok "$(wc -l <"$TMP/forbid.pairs") pairs named in files and the column"
else t_fail "too few pairs named" "$(cat "$TMP/forbid.pairs")"
fi

# forbidden PAIRS: how many pairs of PAIRS the files and column name.
forbidden() {
	awk 'NR == FNR { f[$1 " " $2]; f[$2 " " $1]; next }
	    ($1 " " $2) in f { n++ } END { print n + 0 }' \
	    "$TMP/forbid.pairs" "$1"
}

# pairs_of NAME: the pairs of $TMP/NAME.csv and, if there is one, of the
# schedule $TMP/NAME.sched (everyone at one round's table), into
# $TMP/NAME.pairs.
pairs_of() {
	cut -d, -f1,3 "$TMP/$1.csv" | sed 1d | tr , ' ' >"$TMP/$1.pairs"
	[ -f "$TMP/$1.sched" ] || return 0
	awk -F, 'NR > 1 && $2 != "" { t = $1 "/" $2
		for (i = 0; i < n[t]; i++) print m[t, i], $3
		m[t, n[t]++] = $3 }' "$TMP/$1.sched" >>"$TMP/$1.pairs"
}

# run_mode NAME CONSTRAINED MATCH_LINES: run the event with [match]
# MATCH_LINES, with the constraints if CONSTRAINED is yes; sets $rows and
# the violations $col $dom $tix.
run_mode() {
	cat "$TMP/base.ini" >"$TMP/$1.ini"
	[ "$2" = yes ] && cat "$TMP/constraints.ini" >>"$TMP/$1.ini"
	printf '\n[match]\n%s\n' "$3" >>"$TMP/$1.ini"
	rm -f "$TMP/$1.sched"
	case $3 in
	*suggestions*) sched= ;;
	*) sched="--schedule $TMP/$1.sched" ;;
	esac
	t_run "$1: run" 0 "$MINGLE" run -q -c "$TMP/$1.ini" \
	    -o "$TMP/$1.csv" $sched
	pairs_of "$1"
	named=$(forbidden "$TMP/$1.pairs")
	set -- $(violations "$TMP/$1.pairs")
	rows=$1 col=$2 dom=$3 tix=$4
}

base_col=0 base_dom=0 base_tix=0 base_named=0
for mode in "suggestions:mode = suggestions
per_attendee = 3" \
    "pairs:mode = pairs" \
    "pairs-leave-out:mode = pairs
odd = leave-out" \
    "groups:mode = groups
group_size = 4" \
    "rounds:mode = rounds
group_size = 4
rounds = 3" \
    "rounds-pairs:mode = rounds
group_size = 2
rounds = 3"; do
	name=${mode%%:*}
	lines=${mode#*:}
	run_mode "$name" yes "$lines"
	if [ "$rows" -gt 0 ] && [ "$col" -eq 0 ] && [ "$dom" -eq 0 ] &&
	    [ "$tix" -eq 0 ]; then
		t_ok "$name: none of $rows pairs is vetoed"
	else
		t_fail "$name: of $rows pairs, $col colleagues, $dom at one domain, $tix tickets not allowed" \
		    "$(head -20 "$TMP/$name.csv")"
	fi
	if [ "$rows" -gt 0 ] && [ "$named" -eq 0 ]; then
		t_ok "$name: none of $rows pairs is named in the files or the column"
	else
		t_fail "$name: $named of $rows pairs named in the files or the column"
	fi
	run_mode "$name-free" no "$lines"
	base_col=$((base_col + col)) base_dom=$((base_dom + dom))
	base_tix=$((base_tix + tix)) base_named=$((base_named + named))
done
if [ "$base_named" -gt 0 ]; then
	t_ok "without the constraints: $base_named pairs named in the files or the column"
else
	t_fail "without the constraints no pair named in the files or the column is made"
fi
if [ "$base_col" -gt 0 ] && [ "$base_dom" -gt 0 ] && [ "$base_tix" -gt 0 ]
then
	t_ok "without the constraints: $base_col colleagues, $base_dom at one domain, $base_tix tickets not allowed"
else
	t_fail "without the constraints some rule is never broken: $base_col colleagues, $base_dom at one domain, $base_tix tickets"
fi
t_done
