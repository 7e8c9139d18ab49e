#!/bin/sh
# candidates.sh -- the candidate stage gives the output of scoring every
# pair ([match] exhaustive = yes), byte for byte: a generated event of
# 5,000 attendees (Zipf tags) with shared_tags, and of 2,000 (Zipf words
# and skills too) with each strategy that lists partners and three
# together; a small `candidates` (so that rows ask again for more),
# min_shared, min_score, the pairs mode, and 1 or 2 threads.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"
. "$top_srcdir/tests/lib_cand.sh"

/usr/bin/python3 "$top_srcdir/bench/make_event.py" 5000 "$TMP/event.csv"
/usr/bin/python3 "$top_srcdir/bench/make_event.py" 2000 "$TMP/small.csv"
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

[field offering]
column = Offers
type = text

[field seeking]
column = Seeks
type = text

[field offers]
column = Offers
type = tags

[field seeks]
column = Seeks
type = tags
INI

config "[strategy interests]" "plugin = shared_tags" "field = interests" \
    "[match]" "per_attendee = 10"
same "shared_tags, 10 each" --threads 1
same "shared_tags, 10 each, 2 threads" --threads 2
config "[strategy interests]" "plugin = shared_tags" "field = interests" \
    "[match]" "per_attendee = 3" "candidates = 3"
same "shared_tags, 3 candidates"
config "[strategy interests]" "plugin = shared_tags" "field = interests" \
    "min_shared = 2" "weight = 2.5" "[match]" "min_score = 0.3"
same "shared_tags, min_shared 2, min_score 0.3"
config "[strategy interests]" "plugin = shared_tags" "field = interests" \
    "[match]" "mode = pairs"
same "shared_tags, pairs"
# The text plugins' corpora take longer: 2,000 attendees.
sed 's/^file = event.csv$/file = small.csv/' "$TMP/head.ini" > "$TMP/h"
mv "$TMP/h" "$TMP/head.ini"
config "[strategy work]" "plugin = text_similarity" "field = working" \
    "[match]" "per_attendee = 10"
same "text_similarity, 10 each" --threads 2
config "[strategy work]" "plugin = text_similarity" \
    "fields = offering, seeking" "[match]" "candidates = 5"
same "text_similarity crosswise, 5 candidates"
config "[strategy interests]" "plugin = shared_tags" "field = interests" \
    "[strategy work]" "plugin = text_similarity" "field = working" \
    "weight = 2" "[match]" "per_attendee = 10"
same "shared_tags and text_similarity"
config "[strategy help]" "plugin = offer_seek" "offers = offers" \
    "seeks = seeks" "[match]" "per_attendee = 10"
same "offer_seek, tags"
config "[strategy help]" "plugin = offer_seek" "offers = offering" \
    "seeks = seeking" "[match]" "per_attendee = 10"
same "offer_seek, text"
config "[strategy interests]" "plugin = shared_tags" "field = interests" \
    "[strategy help]" "plugin = offer_seek" "offers = offers" \
    "seeks = seeks" "[strategy work]" "plugin = text_similarity" \
    "field = working" "[match]" "per_attendee = 10"
same "shared_tags, offer_seek and text_similarity" --threads 2

# A plugin that lists nobody with a bound of 0 while scoring every pair 1
# (one candidate each, else 3 people are all scored anyway)
# -- a broken promise, on purpose: the candidate stage is used, so nobody
# is introduced, and exhaustive = yes scores every pair.  A list that is
# not ascending is not trusted: A is scored with everyone.
printf 'Email,Name\na@x.org,Ann\nb@x.org,Bob\nc@x.org,Cy\n' > "$TMP/few.csv"
# few LIST: $TMP/event.ini with lists_none's option list = LIST.
few() {
	printf '[input]\nfile = few.csv\nid = Email\nname = Name\n' > \
	    "$TMP/event.ini"
	printf '[strategy s]\nplugin = lists_none\nlist = %s\n' "$1" >> \
	    "$TMP/event.ini"
	printf '[plugins]\npath = %s\n[match]\n' \
	    "$top_builddir/tests/plugins/.libs" >> "$TMP/event.ini"
	echo "candidates = 1" >> "$TMP/event.ini"
}
few none
"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/none.csv" 2>/dev/null
echo "exhaustive = yes" >> "$TMP/event.ini"
"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/all.csv" 2>/dev/null
if [ "$(wc -l < "$TMP/none.csv")" -eq 1 ] &&
    [ "$(wc -l < "$TMP/all.csv")" -gt 1 ]; then
	t_ok "only listed pairs are scored; exhaustive = yes scores all"
else
	t_fail "a plugin listing nobody: $(wc -l < "$TMP/none.csv") lines," \
	    "exhaustive: $(wc -l < "$TMP/all.csv")"
fi
few unsorted
"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/unsorted.csv" 2>/dev/null
t_same "a list not ascending: everyone scored" "$TMP/all.csv" \
    "$TMP/unsorted.csv"

# A plugin with terms (ABI 1.4), on 2,000 (each term held by half: long,
# probed): rows whose terms fail, or carry a negative gain the host
# refuses, fall back on the plugin's candidates, which cannot list (every
# pair of theirs scored); with shared_tags beside it.  Terms with a gain
# of 0 break the promise: the host trusts them, and the output differs.
# bits TERMS [STRATEGY...]: $TMP/event.ini with terms_bits.
bits() {
	_terms=$1
	shift
	config "[strategy b]" "plugin = terms_bits" "terms = $_terms" "$@" \
	    "[plugins]" "path = $top_builddir/tests/plugins/.libs" \
	    "[match]" "per_attendee = 5"
}
bits good
same "terms, some rows failing"
bits good "[strategy interests]" "plugin = shared_tags" "field = interests"
same "terms with shared_tags, some rows failing" --threads 2
bits lie
"$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/lie.csv" 2>/dev/null
{ cat "$TMP/event.ini"; echo "exhaustive = yes"; } > "$TMP/all.ini"
"$MINGLE" run -q -c "$TMP/all.ini" -o "$TMP/all.csv" 2>/dev/null
if [ -s "$TMP/lie.csv" ] && ! cmp -s "$TMP/lie.csv" "$TMP/all.csv"; then
	t_ok "terms of gain 0 are trusted: the walk is used"
else
	t_fail "terms of gain 0 change nothing: is the walk used?"
fi

# Progress: the candidate stage counts attendees, every pair pairs.
ex="$top_srcdir/examples/barcamp.ini"
t_run "--progress, candidates" 0 "$MINGLE" run --progress -c "$ex" \
    -o "$TMP/x.csv"
t_contains "--progress: attendees counted" "$TMP/err" \
    "scoring candidates: 100% (55) in"
sed -e "s|^file = |file = $top_srcdir/examples/|" -e 's/^\[match\]$/&\
exhaustive = yes/' "$ex" > "$TMP/all.ini"
t_run "--progress, exhaustive" 0 "$MINGLE" run --progress -c \
    "$TMP/all.ini" -o "$TMP/x.csv"
t_contains "--progress: pairs counted" "$TMP/err" \
    "scoring pairs: 100% (1485) in"
t_done
