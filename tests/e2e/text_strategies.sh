#!/bin/sh
# text_strategies.sh -- the built-in text plugins through the real binary,
# on a small German/English export (tests/e2e/strategies/text/):
# text_similarity and offer_seek change the introductions the way they
# should, with the reasons expected; explain shows their part; mingle
# plugins lists them; every option error says what is wrong.
. "$top_srcdir/tests/lib.sh"

DIR="$top_srcdir/tests/e2e/strategies/text"
BUILT="$top_builddir/plugins/.libs"

# config NAME [SECTION_LINES]: the fixture's event.ini (shared interests
# only, in pairs mode) with SECTION_LINES appended; prints its path.
config() {
	{
		sed "s#^file = attendees.csv#file = $DIR/attendees.csv#" \
		    "$DIR/event.ini"
		printf '\n[plugins]\npath = %s\n' "$BUILT"
		[ -n "${2:-}" ] && printf '\n%s\n' "$2"
	} >"$TMP/$1.ini"
	echo "$TMP/$1.ini"
}

# run_case NAME SECTION_LINES: run it, compare with expected-NAME.csv,
# and run it again for the same bytes.
run_case() {
	ini=$(config "$1" "$2")
	t_run "$1: run" 0 "$MINGLE" run -q -c "$ini" -o "$TMP/$1.csv"
	t_same "$1: introductions as expected" "$DIR/expected-$1.csv" \
	    "$TMP/$1.csv"
	"$MINGLE" run -q -c "$ini" -o "$TMP/$1.again.csv" 2>/dev/null
	t_same "$1: the same on a second run" "$TMP/$1.csv" "$TMP/$1.again.csv"
}

# changed NAME: the introductions differ from those on interests alone.
changed() {
	if cmp -s "$TMP/interests.csv" "$TMP/$1.csv"; then
		t_fail "$1: the introductions did not change"
	else
		t_ok "$1: the introductions changed"
	fi
}

# part CONFIG A B STRATEGY: "a->b b->a | reason" from mingle explain.
part() {
	"$MINGLE" explain -c "$1" "$2" "$3" 2>"$TMP/err" | awk -v s="$4" '
	    $1 == s {
		r = $0
		for (i = 1; i <= 7; i++)
			sub(/^[^ ]+ +/, "", r)
		printf "%s %s | %s\n", $3, $4, r
	    }'
}

# is NAME GOT WANT
is() {
	if [ "$2" = "$3" ]; then t_ok "$1"
	else t_fail "$1" "got:  $2" "want: $3"; fi
}

# fails NAME SECTION_LINES NEEDLE...: mingle check exits 1 and says each.
fails() {
	name=$1 ini=$(config err "$2"); shift 2
	t_run "$name: check fails" 1 "$MINGLE" check -c "$ini"
	for needle in "$@"; do
		t_contains "$name: says '$needle'" "$TMP/err" "$needle"
	done
}

SIMILAR='[strategy work]
plugin = text_similarity
field = work'
HELP_TEXT='[strategy help]
plugin = offer_seek
offers = offers
seeks = seeks'
HELP_TAGS='[strategy help]
plugin = offer_seek
offers = offer_tags
seeks = seek_tags'

# -- the outcome: on interests alone, then with each text strategy
run_case interests ""
run_case work "$SIMILAR"
changed work
# Anna and Ben share only #kochen, which three hold; their texts are the
# closest of all (Verkehrswende, Radverkehr, Stadtplanung).
t_contains "work: Anna meets Ben for their work" "$TMP/work.csv" \
    'anna@example.org,Anna Berg,ben@example.org,Ben Ott,0.851,"interests: both: #Kochen; work: similar: Radverkehr, Stadtplanung, Verkehrswende",1'
run_case offers-text "$HELP_TEXT"
changed offers-text
t_contains "offers-text: who can help whom, both ways" "$TMP/offers-text.csv" \
    'help: Anna Berg can help Ben Ott: Datenschutz, DSGVO / Ben Ott can help Anna Berg: Fördermittel'
t_contains "offers-text: English and German texts alike" "$TMP/offers-text.csv" \
    'help: Cem Kaya can help Dora Lind: Learning, Machine / Dora Lind can help Cem Kaya: Open, Data'
run_case offers-tags "$HELP_TAGS"
changed offers-tags
t_contains "offers-tags: tags as written, rarest first" "$TMP/offers-tags.csv" \
    'help: Anna Berg can help Ben Ott: datenschutz, dsgvo / Ben Ott can help Anna Berg: fördermittel'

# -- explain shows each part, in both directions
ini=$(config explain-work "$SIMILAR")
is "explain: text_similarity, symmetric, with its reason" \
    "$(part "$ini" anna@example.org ben@example.org work)" \
    "0.351 0.351 | similar: Radverkehr, Stadtplanung, Verkehrswende"
is "explain: text_similarity, nothing in common: 0, no reason" \
    "$(part "$ini" anna@example.org hugo@example.org work)" "0.000 0.000 | "
# Gina offers dsgvo, Ben seeks it, Anna offers it too: 3 holders of 8,
# log(8/3) / log(8/2) = 0.708; Ben offers nothing Gina seeks.
ini=$(config explain-help "$HELP_TAGS")
is "explain: offer_seek, each direction its own score" \
    "$(part "$ini" gina@example.org ben@example.org help)" \
    "0.708 0.000 | Gina Vogt can help Ben Ott: dsgvo"
is "explain: offer_seek, the other way round" \
    "$(part "$ini" ben@example.org gina@example.org help)" \
    "0.000 0.708 | Gina Vogt can help Ben Ott: dsgvo"

# -- crosswise: a's text in one field against b's in another
ini=$(config cross '[strategy cross]
plugin = text_similarity
fields = work, seeks')
got=$(part "$ini" cem@example.org dora@example.org cross)
case $got in
"0.000 "*|"")	t_fail "fields: Dora's work meets Cem's seek" "got: $got" ;;
*"| similar: "*)	t_ok "fields: Dora's work meets Cem's seek ($got)" ;;
*)		t_fail "fields: no reason" "got: $got" ;;
esac
a=${got%% *} rest=${got#* } b=${rest%% *}
is "fields: one score for both directions" "$a" "$b"

# -- options
ini=$(config stop "$SIMILAR
stop_words = Radverkehr, Stadtplanung, Verkehrswende")
is "stop_words: the words named weigh nothing" \
    "$(part "$ini" anna@example.org ben@example.org work)" "0.000 0.000 | "
ini=$(config lang "$SIMILAR
language = de")
t_run "language = de: accepted" 0 "$MINGLE" check -c "$ini"
t_run "plugins: lists the text plugins" 0 "$MINGLE" plugins -c "$ini"
t_contains "plugins: text_similarity and its options" "$TMP/out" \
    "      fields      A, B: crosswise"
t_contains "plugins: offer_seek and its options" "$TMP/out" \
    "      offers      the field of what each attendee offers"

fails "no field" "[strategy work]
plugin = text_similarity" "needs 'field', the text field to compare, or 'fields = A, B'"
fails "field and fields" "$SIMILAR
fields = work, offers" "takes 'field' or 'fields', not both"
fails "fields with one name" "[strategy work]
plugin = text_similarity
fields = work" "fields must name two fields, 'A, B'" "not 'work'"
fails "unknown field" "[strategy work]
plugin = text_similarity
field = wrok" "field = wrok: no such field; define it in a [field wrok] section"
fails "a tags field" "[strategy work]
plugin = text_similarity
field = interests" "field = interests: a tags field; this strategy compares text or category fields (shared_tags compares tags)"
fails "language" "$SIMILAR
language = fr" "language must be de, en or auto" "not 'fr'"
fails "a typo in an option" "$SIMILAR
stopwords = x" "has no option 'stopwords'; did you mean 'stop_words'?"
fails "offers without seeks" "[strategy help]
plugin = offer_seek
offers = offers" "needs 'offers' and 'seeks'"
fails "offers and seeks of two kinds" "[strategy help]
plugin = offer_seek
offers = offer_tags
seeks = seeks" "offers and seeks must be alike, both tags or both text: 'offer_tags' is a tags field, 'seeks' a text field"
fails "language with tags" "$HELP_TAGS
language = de" "language and stop_words apply to text fields"
t_done
