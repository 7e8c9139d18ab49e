#!/bin/sh
# candidates_bound.sh -- strategies that list nobody (or only whom they
# veto) but bound their scores take part in the candidate stage, with the
# output of scoring every pair ([match] exhaustive = yes), byte for byte:
# buddy (with per_veteran, and a bonus that outweighs shared tags),
# exclude_same (by company, by e-mail domain), do_not_match, history (a
# veto, a penalty) and conflicts on the best pairs of a run before, same
# and diversity, each beside strategies that list partners, in
# suggestions, pairs and groups, with 1 or 2 threads.  A quota of 0 turns
# the stage off.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/lib_cand.sh"

/usr/bin/python3 "$top_srcdir/bench/make_event.py" 1000 "$TMP/gen.csv"
# Addresses at 40 organizations, a third at a subdomain, a third free mail;
# each avoids the next two people (conflicts).
awk -F, -v OFS=, '{ sub(/\r$/, "") } NR == 1 { print $0, "Avoid"; next } {
	i = NR - 2
	split($1, at, "@")
	if (i % 3 == 0) d = "org" i % 40 ".example"
	else if (i % 3 == 1) d = "mail.org" i % 40 ".example"
	else d = "gmail.com"
	$1 = at[1] "@" d
	print $0, "Person " i + 1 "; Person " i + 2
}' "$TMP/gen.csv" > "$TMP/event.csv"
cat > "$TMP/head.ini" <<'INI'
[input]
file = event.csv
id = Email
name = First Name + Last Name

[field interests]
column = Interests
type = tags

[field working]
column = Working on
type = text

[field first]
column = First time?
type = bool

[field company]
column = Company
type = category

[field city]
column = City
type = category

[field email]
column = Email
type = text

[field avoid]
column = Avoid
type = text

[strategy interests]
plugin = shared_tags
field = interests
INI

config "[strategy buddy]" "plugin = buddy" "field = first" \
    "[match]" "per_attendee = 10" "candidates = 12"
stage "buddy" candidates
same "buddy, 10 each" --threads 1
same "buddy, 10 each, 2 threads" --threads 2
# a bonus above most pairs' shared tags: first-timers' best are veterans
config "[strategy buddy]" "plugin = buddy" "field = first" "bonus = 4" \
    "[match]" "per_attendee = 5" "candidates = 5"
same "buddy's bonus outweighs the tags" --threads 2
config "[strategy buddy]" "plugin = buddy" "field = first" \
    "per_veteran = 3" "[match]" "per_attendee = 10" "candidates = 12"
stage "buddy, per_veteran 3" candidates
same "buddy, per_veteran 3"
config "[strategy buddy]" "plugin = buddy" "field = first" \
    "per_veteran = 0" "[match]" "per_attendee = 10" "candidates = 12"
stage "buddy, per_veteran 0" pairs
config "[strategy buddy]" "plugin = buddy" "field = first" \
    "[strategy work]" "plugin = text_similarity" "field = working" \
    "[strategy colleagues]" "plugin = exclude_same" "field = company" \
    "[match]" "per_attendee = 10" "candidates = 12"
stage "buddy, text_similarity, exclude_same" candidates
same "buddy, text_similarity, exclude_same" --threads 2
config "[strategy colleagues]" "plugin = exclude_same" "field = company" \
    "[match]" "per_attendee = 3" "candidates = 3"
same "exclude_same by company, 3 candidates"
config "[strategy colleagues]" "plugin = exclude_same" \
    "domain_of = email" "[match]" "per_attendee = 3" "candidates = 3"
stage "exclude_same by domain" candidates
same "exclude_same by domain, 3 candidates" --threads 2
# the best pairs of shared_tags alone, never to meet (again)
config "[match]" "per_attendee = 3"
"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/met.csv"
config "[strategy dnm]" "plugin = do_not_match" "file = met.csv" \
    "[match]" "per_attendee = 3" "candidates = 3"
stage "do_not_match" candidates
same "do_not_match, the best pairs" --threads 2
config "[strategy met]" "plugin = history" "file = met.csv" \
    "[match]" "per_attendee = 3" "candidates = 3"
same "history, the best pairs"
config "[strategy met]" "plugin = history" "file = met.csv" \
    "penalty = 0.5" "[match]" "per_attendee = 3" "candidates = 3"
same "history with a penalty"
config "[strategy avoid]" "plugin = conflicts" "field = avoid" \
    "[match]" "per_attendee = 3" "candidates = 3"
stage "conflicts" candidates
same "conflicts"
config "[strategy city]" "plugin = same" "field = city" "bonus = 0.5" \
    "[strategy work]" "plugin = text_similarity" "field = working" \
    "[match]" "per_attendee = 10" "candidates = 12"
stage "same" candidates
same "same city, text_similarity"
config "[strategy mix]" "plugin = diversity" "field = company" \
    "bonus = 0.3" "[match]" "per_attendee = 10" "candidates = 12"
stage "diversity" candidates
same "diversity of companies"
config "[strategy buddy]" "plugin = buddy" "field = first" \
    "[strategy colleagues]" "plugin = exclude_same" "field = company" \
    "[match]" "mode = pairs"
same "buddy, exclude_same, pairs" --threads 2
# A table mode: the seated pairs that are no edges ask the veto oracle.
head -301 "$TMP/event.csv" > "$TMP/few.csv"
sed 's/^file = event.csv$/file = few.csv/' "$TMP/head.ini" > "$TMP/h"
mv "$TMP/h" "$TMP/head.ini"
config "[strategy buddy]" "plugin = buddy" "field = first" \
    "[strategy colleagues]" "plugin = exclude_same" "field = company" \
    "[match]" "mode = groups" "group_size = 4" "candidates = 4"
stage "buddy, exclude_same, groups" candidates
same "buddy, exclude_same, groups" --threads 2
t_done
