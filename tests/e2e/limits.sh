#!/bin/sh
# limits.sh -- what bounds introductions besides scores, in every mode:
# [match] per_attendee_column (a capacity, 0 = opted out), the quota a
# strategy sets (buddy's per_veteran) and pinned pairs (the test plugin
# pin_pairs, through api->pin).  Properties, checked here with awk on
# every mode's output and schedule: every pinned pair is introduced (in
# rounds: at one table in round 1), nobody gets more than they asked for
# or than a quota allows, whoever opted out is nowhere; and the errors for
# what cannot be done.  Each property is also shown to fail without the
# limit, so the fixture puts it to the test.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

PLUG="$top_builddir/tests/plugins/.libs"

# 16 people: p1..p8 first-timers (0 events), p9..p16 veterans.  Tags
# keep the two groups apart: no first-timer shares a tag with a veteran,
# so without buddy or a pin no pair across the groups scores at all.
# p1 wants one introduction, p2 none (opted out), p3 left the cell empty.
{
	echo "Email,Name,Wants,Events,Company,Interests"
	i=1
	while [ $i -le 16 ]; do
		if [ $i -le 8 ]; then ev=0 tags="newbie/t$((i % 3))"
		else ev=$((i - 6)) tags="old/u$((i % 3))"
		fi
		case $i in 1) w=1 ;; 2) w=0 ;; 3) w= ;; *) w=3 ;; esac
		case $i in 5|13) co=Acme ;; *) co="Co$i" ;; esac
		echo "p$i@x.example,Person $i,$w,$ev,$co,$tags"
		i=$((i + 1))
	done
} >"$TMP/people.csv"

base() {
	cat <<INI
[input]
file = people.csv
id = Email
name = Name

[field interests]
column = Interests
type = tags
separator = /

[field events]
column = Events
type = number

[field company]
column = Company
type = text

[plugins]
path = $PLUG

[strategy interests]
plugin = shared_tags
field = interests
INI
}

# run NAME EXTRA_INI MATCH_LINES: run with the extra sections and [match]
# lines; the pairs introduced go to $TMP/NAME.pairs ("a b" a line), and
# for modes with tables the round-1 pairs to $TMP/NAME.r1.
run() {
	{ base; printf '%s\n\n[match]\n%s\n' "$2" "$3"; } >"$TMP/$1.ini"
	# suggestions seat nobody: no schedule (an error to ask for one)
	: >"$TMP/$1.sched"
	case $3 in
	*"mode = pairs"* | *"mode = groups"* | *"mode = rounds"*)
		set -- "$1" "$2" "$3" --schedule "$TMP/$1.sched" ;;
	esac
	t_run "$1: run" 0 "$MINGLE" run -c "$TMP/$1.ini" -o "$TMP/$1.csv" \
	    --report "$TMP/$1.report" ${4+"$4"} ${5+"$5"}
	cp "$TMP/err" "$TMP/$1.err"
	cut -d, -f1,3 "$TMP/$1.csv" | sed 1d | tr , ' ' >"$TMP/$1.pairs"
	awk -F, 'NR > 1 && $1 == 1 && $2 != "" { t = $2
		for (i = 0; i < n[t]; i++) print m[t, i], $3
		m[t, n[t]++] = $3 }' "$TMP/$1.sched" >"$TMP/$1.r1"
}

# has PAIRS A B: is {A, B} among the pairs of file PAIRS?
has() {
	awk -v a="$2" -v b="$3" '($1 == a && $2 == b) || ($1 == b && $2 == a) \
	    { f = 1 } END { exit !f }' "$1"
}

# degree PAIRS ID: how many pairs of file PAIRS hold ID.
degree() {
	awk -v p="$2" '$1 == p || $2 == p { n++ } END { print n + 0 }' "$1"
}

# cross PAIRS: the most first-timers any veteran meets, and how many
# first-timers meet no veteran ("MAX LONELY").
cross() {
	awk 'function num(s) { sub(/^p/, "", s); sub(/@.*/, "", s)
		return s + 0 }
	{ a = num($1); b = num($2)
	  if ((a <= 8) != (b <= 8)) {
		v = a > 8 ? a : b; f = a > 8 ? b : a
		if (++k[v] > max) max = k[v]; met[f] = 1 } }
	END { for (f = 1; f <= 8; f++) if (f != 2 && !met[f]) lonely++
	      print max + 0, lonely + 0 }' "$1"
}

PIN='[strategy organizers]
plugin = pin_pairs
pairs = p5@x.example-p14@x.example, p7@x.example-p15@x.example'
CAP='per_attendee_column = Wants'

for mode in "suggestions:mode = suggestions
per_attendee = 3" \
    "pairs:mode = pairs" \
    "groups:mode = groups
group_size = 4" \
    "rounds:mode = rounds
group_size = 2
rounds = 3" \
    "rounds4:mode = rounds
group_size = 4
rounds = 2"; do
	name=${mode%%:*}
	lines=${mode#*:}

	# Without pins the pinned pairs never meet in this mode.
	run "$name-free" "" "$lines"
	if has "$TMP/$name-free.pairs" p5@x.example p14@x.example ||
	    has "$TMP/$name-free.pairs" p7@x.example p15@x.example; then
		t_fail "$name: a pinned pair meets even without its pin"
	else
		t_ok "$name: without pins, p5-p14 and p7-p15 do not meet"
	fi

	run "$name" "$PIN" "$lines
$CAP"
	for pin in "p5@x.example p14@x.example" "p7@x.example p15@x.example"
	do
		set -- $pin
		if has "$TMP/$name.pairs" "$1" "$2"; then
			t_ok "$name: pinned $1 and $2 are introduced"
		else
			t_fail "$name: pinned $1 and $2 are not introduced" \
			    "$(cat "$TMP/$name.csv")"
		fi
		case $name in rounds*)
			if has "$TMP/$name.r1" "$1" "$2"; then
				t_ok "$name: $1 and $2 share a table in round 1"
			else
				t_fail "$name: $1 and $2 apart in round 1" \
				    "$(cat "$TMP/$name.sched")"
			fi ;;
		esac
		if grep -e "$1.*$2.*pinned by the organizers" \
		    -e "$2.*$1.*pinned by the organizers" \
		    "$TMP/$name.csv" >/dev/null; then
			t_ok "$name: $1 and $2 with the pinning reason"
		else
			t_fail "$name: no pinning reason for $1 and $2" \
			    "$(cat "$TMP/$name.csv")"
		fi
	done

	# p2 opted out: in no pair, no schedule, reported as opted-out.
	if [ "$(degree "$TMP/$name.pairs" p2@x.example)" -eq 0 ] &&
	    ! grep -q p2@x.example "$TMP/$name.sched"; then
		t_ok "$name: p2 (0 wanted) is nowhere"
	else
		t_fail "$name: p2 opted out but appears" "$(cat "$TMP/$name.csv")"
	fi
	t_contains "$name: p2 in the report as opted-out" "$TMP/$name.report" \
	    "p2@x.example,Person 2,0,0,opted-out"
	t_contains "$name: the summary counts the opt-out" "$TMP/$name.err" \
	    "1 attendee opted out (per_attendee_column 'Wants' is 0)"
	if [ "$(degree "$TMP/$name-free.pairs" p2@x.example)" -gt 0 ]; then
		t_ok "$name: without the column p2 is introduced"
	else
		t_fail "$name: p2 meets nobody even without the column"
	fi
done

# Suggestions: p1 asked for 1 and gets 1, though 3 are on offer.
d=$(degree "$TMP/suggestions.pairs" p1@x.example)
f=$(degree "$TMP/suggestions-free.pairs" p1@x.example)
if [ "$d" -eq 1 ] && [ "$f" -gt 1 ]; then
	t_ok "suggestions: p1 asked for 1, gets $d (without the column $f)"
else
	t_fail "suggestions: p1 gets $d (without the column $f), asked for 1"
fi
# p3's empty cell is the default: 3.
d=$(degree "$TMP/suggestions.pairs" p3@x.example)
if [ "$d" -eq 3 ]; then t_ok "suggestions: p3's empty cell means per_attendee"
else t_fail "suggestions: p3 gets $d, want 3"
fi

# ------------------------------------------------------------ buddy
BUDDY='[strategy buddy]
plugin = buddy
field = events
newcomer_below = 1
bonus = 5'

run buddy-none "" "per_attendee = 3"
run buddy "$BUDDY" "per_attendee = 3"
set -- $(cross "$TMP/buddy-none.pairs")
none_lonely=$2
set -- $(cross "$TMP/buddy.pairs")
if [ "$2" -eq 0 ] && [ "$none_lonely" -gt 0 ]; then
	t_ok "buddy: every first-timer meets a veteran (without: $none_lonely do not)"
else
	t_fail "buddy: $2 first-timers meet no veteran (without buddy: $none_lonely)"
fi
t_contains "buddy: the reason names both and the events" "$TMP/buddy.csv" \
    "first-timer Person 1 meets veteran Person"
t_contains "buddy: the veteran's events" "$TMP/buddy.csv" "(4 events)"
veteran_max=$1

# per_veteran: a quota, honoured by the suggestions.
run buddy-quota "$BUDDY
per_veteran = 1" "per_attendee = 3"
set -- $(cross "$TMP/buddy-quota.pairs")
if [ "$1" -eq 1 ] && [ "$veteran_max" -gt 1 ]; then
	t_ok "per_veteran = 1: no veteran meets more than 1 first-timer (without: $veteran_max)"
else
	t_fail "per_veteran = 1: a veteran meets $1 first-timers (without: $veteran_max)" \
	    "$(cat "$TMP/buddy-quota.csv")"
fi
# One each, and everyone one: every first-timer meets their veteran.
run buddy-one "$BUDDY
per_veteran = 1" "per_attendee = 1"
set -- $(cross "$TMP/buddy-one.pairs")
if [ "$1" -eq 1 ] && [ "$2" -eq 0 ]; then
	t_ok "per_veteran = 1, per_attendee = 1: each first-timer meets one veteran"
else
	t_fail "per_veteran = 1, per_attendee = 1: max $1, lonely $2"
fi

# Groups and rounds count a veteran's first-timers over all rounds, and
# table-mates who are not among the candidates too (candidates = 1).
for mode in "groups:mode = groups" "rounds:mode = rounds
group_size = 2
rounds = 3" "groups-few:mode = groups
candidates = 1" "rounds-few:mode = rounds
group_size = 2
rounds = 3
candidates = 1"; do
	name=${mode%%:*}
	run "one-$name-free" "$BUDDY" "${mode#*:}"
	run "one-$name" "$BUDDY
per_veteran = 1" "${mode#*:}"
	set -- $(cross "$TMP/one-$name-free.pairs")
	free=$1
	set -- $(cross "$TMP/one-$name.pairs")
	if [ "$1" -le 1 ] && [ "$free" -gt 1 ]; then
		t_ok "$name: per_veteran = 1 holds over all rounds (without: $free)"
	else
		t_fail "$name: per_veteran = 1, a veteran meets $1 first-timers (without: $free)" \
		    "$(cat "$TMP/one-$name.csv")"
	fi
done

# per_veteran = 0: no veteran meets a first-timer, in any mode.
for mode in "suggestions:per_attendee = 3" "pairs:mode = pairs" \
    "groups:mode = groups" "rounds:mode = rounds
group_size = 2
rounds = 3"; do
	name=${mode%%:*}
	run "zero-$name" "$BUDDY
per_veteran = 0" "${mode#*:}"
	set -- $(cross "$TMP/zero-$name.pairs")
	if [ "$1" -eq 0 ]; then
		t_ok "$name: per_veteran = 0 keeps veterans from first-timers"
	else
		t_fail "$name: per_veteran = 0, yet a veteran meets $1 first-timers" \
		    "$(cat "$TMP/zero-$name.csv")"
	fi
done

# ------------------------------------------------------------ errors
fails() {	# NAME EXTRA MATCH TEXT
	{ base; printf '%s\n\n[match]\n%s\n' "$2" "$3"; } >"$TMP/e.ini"
	rm -f "$TMP/e.csv"
	t_run "$1: refused" 1 "$MINGLE" run -q -c "$TMP/e.ini" -o "$TMP/e.csv"
	t_contains "$1: says why" "$TMP/err" "$4"
	t_absent "$1: nothing written" "$TMP/e.csv"
}

fails "pinned and vetoed" "$PIN

[strategy colleagues]
plugin = exclude_same
field = company
[strategy organizers2]
plugin = pin_pairs
pairs = p5@x.example-p13@x.example" "per_attendee = 3" \
    "organizers2 pins Person 5 and Person 13, but colleagues vetoes them: same company: Acme"
fails "pinned twice in pairs" "[strategy organizers]
plugin = pin_pairs
pairs = p5@x.example-p14@x.example, p5@x.example-p15@x.example" \
    "mode = pairs" \
    "Person 5 (p5@x.example) is pinned to 2 people but may meet at most 1"
fails "more pins than wanted" "[strategy organizers]
plugin = pin_pairs
pairs = p1@x.example-p14@x.example, p1@x.example-p15@x.example" \
    "per_attendee = 3
$CAP" "Person 1 (p1@x.example) is pinned to 2 people but may meet at most 1 (as their per_attendee_column asks)"
fails "pinned to an opt-out" "[strategy organizers]
plugin = pin_pairs
pairs = p2@x.example-p14@x.example" "$CAP" \
    "organizers pins Person 2 and Person 14, but Person 2 opted out"
fails "pinned to oneself" "[strategy organizers]
plugin = pin_pairs
pairs = p4@x.example-p4@x.example" "" \
    "pin(p4@x.example, p4@x.example): an attendee cannot meet themselves"
fails "pins over a quota" "$BUDDY
per_veteran = 1
[strategy organizers]
plugin = pin_pairs
pairs = p1@x.example-p14@x.example, p3@x.example-p14@x.example" "" \
    "Person 14 (p14@x.example) is pinned to 2 people that buddy scores above zero, but its quota for them is 1"
q=""
for i in 1 2 3 4 5 6 7 8 9; do
	q="$q
[strategy b$i]
plugin = buddy
field = events
newcomer_below = 1
per_veteran = $i"
done
fails "nine quota strategies" "$q" "" \
    "9 strategies set quotas (b1, b2, b3, b4, b5, b6, b7, b8, b9), but at most 8 may"
sed 's/^p4@x.example,Person 4,3,/p4@x.example,Person 4,lots,/' \
    "$TMP/people.csv" >"$TMP/p.csv" && mv "$TMP/p.csv" "$TMP/people.csv"
fails "a bad per_attendee_column cell" "" "$CAP" \
    "column 'Wants': 'lots' is not a number of introductions"
t_done
