#!/bin/sh
# german.sh -- the issue's first hidden case rehearsed on
# tests/e2e/german/: a German free-text export (offers and seeks as
# sentences, "Wie oft warst du schon dabei?" a number, company e-mail
# domains and free-mail ones).  Configuration alone: offer_seek changes
# the introductions, buddy (defaults, per_veteran = 2) then has every
# first-timer meet a veteran although the first-timers all wrote the same
# text (without buddy most meet only each other), and exclude_same
# domain_of, do_not_match, history (the first run's output) and must_meet
# bring back no earlier pair, no colleague, no listed pair, and introduce
# the must-meet pair.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/german
cp "$dir"/*.csv "$dir/base.ini" "$TMP/"

OS='[strategy help]
plugin = offer_seek
offers = offers
seeks = seeks
weight = 2'
BUDDY='[strategy buddy]
plugin = buddy
field = events
newcomer_below = 1
per_veteran = 2'
RULES='[strategy colleagues]
plugin = exclude_same
domain_of = email

[strategy dnm]
plugin = do_not_match
file = dnm.csv

[strategy earlier]
plugin = history
file = old.csv

[strategy friends]
plugin = must_meet
file = friends.csv'
MATCH='[match]
mode = suggestions
per_attendee = 3
seed = 1'

# run NAME SECTIONS...: base.ini, the sections, [match]; the pairs ("a b"
# a line, sorted) into $TMP/NAME.pairs.
run() {
	_n=$1
	shift
	{ cat "$TMP/base.ini"; printf '\n%s\n' "$@" "$MATCH"; } >"$TMP/$_n.ini"
	t_run "$_n: run" 0 "$MINGLE" run -c "$TMP/$_n.ini" -o "$TMP/$_n.csv"
	cut -d, -f1,3 "$TMP/$_n.csv" | sed 1d | tr , ' ' | sort >"$TMP/$_n.pairs"
}

# lonely NAME: how many introduced first-timers meet no veteran.
lonely() {
	awk -F, 'NR == FNR { if (FNR > 1 && $5 == "0") new[$2] = 1; next }
	{ seen[$1] = seen[$2] = 1
	  if (!(($1 in new) && ($2 in new))) vet[$1] = vet[$2] = 1 }
	END { for (p in new) if ((p in seen) && !(p in vet)) n++
	      print n + 0 }' "$TMP/anmeldungen.csv" FS=' ' "$TMP/$1.pairs"
}

run plain
cp "$TMP/plain.csv" "$TMP/old.csv"
run help "$OS"
run buddy "$OS" "$BUDDY"
run all "$OS" "$BUDDY" "$RULES"

if cmp -s "$TMP/plain.pairs" "$TMP/help.pairs"; then
	t_fail "offer_seek changes nothing"
else t_ok "offer_seek changes the introductions"
fi
if cmp -s "$TMP/help.pairs" "$TMP/buddy.pairs"; then
	t_fail "buddy changes nothing"
else t_ok "buddy changes the introductions"
fi
n=$(lonely help)
if [ "$n" -ge 10 ]; then t_ok "without buddy $n first-timers meet no veteran"
else t_fail "without buddy only $n first-timers meet no veteran: the" \
    "fixture no longer tests buddy"
fi
for name in buddy all; do
	n=$(lonely $name)
	if [ "$n" = 0 ]; then t_ok "$name: every first-timer meets a veteran"
	else t_fail "$name: $n first-timers meet no veteran" \
	    "$(cat "$TMP/$name.pairs")"
	fi
done

n=$(comm -12 "$TMP/plain.pairs" "$TMP/all.pairs" | wc -l)
if [ "$n" -eq 0 ]; then t_ok "history: no earlier pair again"
else t_fail "history: $n earlier pairs again"
fi
n=$(awk '{ split($1, a, "@"); split($2, b, "@")
	if (a[2] == b[2] && a[2] !~ /^(gmail\.com|web\.de|posteo\.de|gmx\.de)$/)
		n++ } END { print n + 0 }' "$TMP/all.pairs")
if [ "$n" -eq 0 ]; then t_ok "exclude_same: no colleagues"
else t_fail "exclude_same: $n pairs of colleagues"
fi
if grep -q 'anna.berg@rheinpixel.de david.gross@uni-x.de' "$TMP/all.pairs"
then t_fail "do_not_match: Anna Berg meets David Groß"
else t_ok "do_not_match: Anna Berg does not meet David Groß"
fi
t_contains "must_meet: Ben Ott meets Clara Kühn" "$TMP/all.csv" \
    "must meet (friends.csv line 2)"
if grep -q 'ben.ott@stadtwerke-nord.de clara.kuehn@kulturbuero.org' \
    "$TMP/all.pairs"; then t_ok "must_meet: the pair is introduced"
else t_fail "must_meet: the pair is not introduced"
fi

t_done
