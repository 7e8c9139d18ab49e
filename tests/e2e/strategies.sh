#!/bin/sh
# strategies.sh -- the built-in plugins same, diversity, exclude_same and
# between through the CLI, on tests/e2e/strategies/: twelve people in six
# pairs of colleagues who share two rare interests, so that base.ini
# (shared_tags alone, pairs mode) seats each with their colleague.  Each
# other config adds one strategy, and its pairs must change the way it
# means to; each pair is checked against the export here, with awk, not
# against what mingle says.  Then `mingle explain` shows each plugin's part
# and reason, `mingle plugins` their options, and every option error names
# the option and what it may be.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

dir=$top_srcdir/tests/e2e/strategies

# run_pairs NAME: run NAME.ini into $TMP/NAME.csv and its pairs, "a b" a
# line, into $TMP/NAME.pairs.
run_pairs() {
	t_run "$1: run" 0 "$MINGLE" run -q -c "$dir/$1.ini" -o "$TMP/$1.csv"
	cut -d, -f1,3 "$TMP/$1.csv" | sed 1d | tr , ' ' >"$TMP/$1.pairs"
}

# count_pairs NAME AWK_TEST: how many pairs of NAME pass AWK_TEST, where
# a and b are the two people's rows of the export split at commas
# (a[3] company, a[4] city, a[5] ticket; the quoted columns come later),
# and fold() folds case and spaces as mingle folds categories.
count_pairs() {
	awk -v test="$2" '
	function fold(s) {
		s = tolower(s)
		gsub(/Ö/, "ö", s)
		gsub(/^ +| +$/, "", s)
		gsub(/  +/, " ", s)
		return s
	}
	NR == FNR { row[$1] = $0; next }
	{
		split(row[$1], a, ","); split(row[$2], b, ",")
		if (test == "colleagues") ok = fold(a[3]) != "" &&
		    fold(a[3]) != "freelancer" && fold(a[3]) == fold(b[3])
		else if (test == "other-company") ok = fold(a[3]) != "" &&
		    fold(b[3]) != "" && fold(a[3]) != fold(b[3])
		else if (test == "same-city") ok = fold(a[4]) == fold(b[4])
		else if (test == "not-allowed") {
			t = a[5] "-" b[5]
			ok = !(t == "Mentor-Mentee" || t == "Mentee-Mentor" ||
			    t == "Attendee-Attendee" || a[5] == "Sponsor" ||
			    b[5] == "Sponsor")
		} else ok = 0
		n += ok
	}
	END { print n + 0 }' FS=, "$dir/people.csv" FS=' ' "$TMP/$1.pairs"
}

# has_pair NAME A B: A and B are at one table in NAME's output.
has_pair() {
	grep -qx -e "$2 $3" -e "$3 $2" "$TMP/$1.pairs"
}

# expect_count NAME TEST WANT
expect_count() {
	got=$(count_pairs "$1" "$2")
	if [ "$got" = "$3" ]; then t_ok "$1: $3 pairs are $2"
	else t_fail "$1: $got pairs are $2, want $3" "$(cat "$TMP/$1.csv")"
	fi
}

# ------------------------------------------------------------ base
run_pairs base
expect_count base colleagues 4
if has_pair base eva@gmail.com finn@gmail.com &&
    has_pair base kai@home.example lea@home.example; then
	t_ok "base: the freelancers and the two without a company meet"
else t_fail "base: the pairs are not the colleagues" "$(cat "$TMP/base.csv")"
fi
expect_count base same-city 0
expect_count base not-allowed 5

# ------------------------------------------------------------ same
run_pairs same
expect_count same same-city 6
t_contains "same: the reason names the city" "$TMP/same.csv" \
    "city: same city: K"
t_run "same: explain" 0 "$MINGLE" explain -c "$dir/same.ini" \
    ann@acme.example lea@home.example
t_contains "same: explain shows the bonus and the reason" "$TMP/out" \
    "city             plugin     10.000    10.000       1    10.000  no   same city: Köln"
t_run "same: explain a pair from two cities" 0 "$MINGLE" explain \
    -c "$dir/same.ini" ann@acme.example bob@mail.acme.example
if grep -Eq '^city +plugin +0\.000 +0\.000 +1 +0\.000 +no *$' "$TMP/out"
then t_ok "same: no bonus and no reason for two cities"
else t_fail "same: two cities" "$(cat "$TMP/out")"
fi

# ------------------------------------------------------------ diversity
run_pairs diversity
expect_count diversity colleagues 0
base_other=$(count_pairs base other-company)
div_other=$(count_pairs diversity other-company)
if [ "$div_other" -gt "$base_other" ]; then
	t_ok "diversity: $div_other pairs from two organizations, base $base_other"
else t_fail "diversity: $div_other pairs from two organizations, base $base_other"
fi
t_contains "diversity: the reason names both" "$TMP/diversity.csv" \
    "organizations: different company: ACME / Globex"
t_run "diversity: explain" 0 "$MINGLE" explain -c "$dir/diversity.ini" \
    eva@gmail.com hana@initech.example
if grep -Eq '^organizations +plugin +0\.000 +0\.000 +1 +0\.000 +no *$' "$TMP/out"
then t_ok "diversity: a freelancer (ignored) gets no bonus"
else t_fail "diversity: a freelancer" "$(cat "$TMP/out")"
fi
t_run "diversity: explain, missing company" 0 "$MINGLE" explain \
    -c "$dir/diversity.ini" kai@home.example ann@acme.example
if grep -Eq '^organizations +plugin +0\.000 +0\.000 ' "$TMP/out"
then t_ok "diversity: no company, no bonus"
else t_fail "diversity: no company" "$(cat "$TMP/out")"
fi

# On a tags field the bonus shrinks with what they share.
sed -e "s|^file = people.csv|file = $dir/people.csv|" \
    -e 's/^field = company$/field = background/' \
    -e 's/^ignore = Freelancer$//' "$dir/diversity.ini" >"$TMP/background.ini"
t_run "diversity on tags: explain" 0 "$MINGLE" explain \
    -c "$TMP/background.ini" ann@acme.example finn@gmail.com
t_contains "diversity on tags: half the bonus when half is shared" \
    "$TMP/out" "organizations    plugin      5.000     5.000       1     5.000  no   different background: design, research / research"

# ------------------------------------------------------------ exclude_same
run_pairs exclude_same
expect_count exclude_same colleagues 0
if has_pair exclude_same eva@gmail.com finn@gmail.com; then
	t_ok "exclude_same: freelancers (ignored) still meet"
else t_fail "exclude_same: freelancers kept apart" "$(cat "$TMP/exclude_same.csv")"
fi
t_run "exclude_same: explain colleagues" 0 "$MINGLE" explain \
    -c "$dir/exclude_same.ini" bob@mail.acme.example ann@acme.example
t_contains "exclude_same: a veto, with the company" "$TMP/out" \
    "colleagues       plugin      0.000     0.000       1     0.000  yes  same company: acme"
t_contains "exclude_same: explain's verdict" "$TMP/out" \
    "verdict: never suggested: vetoed"
t_run "exclude_same: explain 'Uni X' and 'Uni  X'" 0 "$MINGLE" explain \
    -c "$dir/exclude_same.ini" ivo@uni-x.example jan@cs.uni-x.example
t_contains "exclude_same: spaces are folded" "$TMP/out" "yes  same company: Uni X"

# ------------------------------------------------------------ domain_of
run_pairs exclude_domain
# The four pairs of colleagues share a domain (or a subdomain of it).
expect_count exclude_domain colleagues 0
if has_pair exclude_domain eva@gmail.com finn@gmail.com &&
    has_pair exclude_domain kai@home.example lea@home.example; then
	t_ok "domain_of: gmail.com (free mail) and home.example (ignored) still meet"
else t_fail "domain_of: free mail kept apart" "$(cat "$TMP/exclude_domain.csv")"
fi
for p in "ann@acme.example bob@mail.acme.example acme.example (mail.acme.example)" \
    "cem@globex.example dora@GLOBEX.example globex.example" \
    "jan@cs.uni-x.example ivo@uni-x.example uni-x.example (cs.uni-x.example)"; do
	set -- $p
	a=$1 b=$2; shift 2
	t_run "domain_of: explain $a $b" 0 "$MINGLE" explain \
	    -c "$dir/exclude_domain.ini" "$a" "$b"
	t_contains "domain_of: vetoed, same domain $*" "$TMP/out" \
	    "yes  same domain $*"
done
for p in "eva@gmail.com finn@gmail.com" "kai@home.example lea@home.example"; do
	set -- $p
	t_run "domain_of: explain $1 $2" 0 "$MINGLE" explain \
	    -c "$dir/exclude_domain.ini" "$1" "$2"
	if grep -Eq '^domains +plugin +0\.000 +0\.000 +1 +0\.000 +no *$' "$TMP/out"
	then t_ok "domain_of: $1 and $2 may meet"
	else t_fail "domain_of: $1 and $2 vetoed" "$(cat "$TMP/out")"
	fi
done

# ------------------------------------------------------------ between
run_pairs between
expect_count between not-allowed 0
t_run "between: explain two mentors" 0 "$MINGLE" explain \
    -c "$dir/between.ini" ann@acme.example hana@initech.example
t_contains "between: a veto naming both tickets" "$TMP/out" \
    "yes  ticket Mentor-Mentor is not allowed"
for p in "ann@acme.example cem@globex.example" "dora@GLOBEX.example ann@acme.example" \
    "kai@home.example dora@GLOBEX.example" "kai@home.example lea@home.example"; do
	set -- $p
	t_run "between: explain $1 $2" 0 "$MINGLE" explain \
	    -c "$dir/between.ini" "$1" "$2"
	if grep -Eq '^tickets +plugin +0\.000 +0\.000 +1 +0\.000 +no *$' "$TMP/out"
	then t_ok "between: $1 and $2 may meet"
	else t_fail "between: $1 and $2 vetoed" "$(cat "$TMP/out")"
	fi
done

# ------------------------------------------------------------ mingle plugins
# Every built-in plugin: each option on a line of its own, with its doc.
t_run "plugins" 0 "$MINGLE" plugins
for p in "shared_tags:field min_shared" \
    "text_similarity:field fields language stop_words" \
    "offer_seek:offers seeks language stop_words" \
    "same:field bonus ignore" "diversity:field bonus ignore" \
    "exclude_same:field ignore domain_of ignore_domains" \
    "between:field allow"; do
	name=${p%%:*} missing=
	awk -v n="$name" '$0 ~ "^  " n " " { on = 1; next }
	    on && !/^    / { exit } on' "$TMP/out" > "$TMP/block"
	grep -qx "    options:" "$TMP/block" || missing=" options:"
	for o in ${p#*:}; do
		grep -Eqx "      $o +[^ ].*" "$TMP/block" || missing="$missing $o"
	done
	if [ -z "$missing" ]; then t_ok "plugins: $name, each option with its doc"
	else t_fail "plugins: $name lacks:$missing" "$(cat "$TMP/block")"
	fi
done

# ------------------------------------------------------------ errors
# event NAME PLUGIN OPTION_LINE...: $TMP/NAME.ini, base.ini with one more
# strategy, section [strategy s], using PLUGIN and the lines given.
event() {
	_name=$1 _plugin=$2
	shift 2
	sed -e "s|^file = people.csv|file = $dir/people.csv|" \
	    -e '/^\[match\]/,$d' "$dir/base.ini" >"$TMP/$_name.ini"
	printf '[strategy s]\nplugin = %s\n' "$_plugin" >>"$TMP/$_name.ini"
	for _l in "$@"; do printf '%s\n' "$_l" >>"$TMP/$_name.ini"; done
	printf '\n[match]\nmode = pairs\n' >>"$TMP/$_name.ini"
}

# refused NAME NEEDLE PLUGIN LINE...: with those lines, check exits 1 and
# says NEEDLE.
refused() {
	_name=$1 _needle=$2
	shift 2
	event "$_name" "$@"
	t_run "$_name: refused" 1 "$MINGLE" check -c "$TMP/$_name.ini"
	t_contains "$_name: says why" "$TMP/err" "$_needle"
}

refused same-no-field \
    "strategy 's' (plugin same 1.0.0): needs 'field', a category, text or tags field" \
    same
refused same-unknown-field \
    "'field = town': there is no field 'town'; define it in a [field town] section" \
    same "field = town"
refused same-bonus "'bonus' must be a number from 0 to 1000000, not 'lots'" \
    same "field = city" "bonus = lots"
refused diversity-bonus "'bonus' must be a number from 0 to 1000000, not '-1'" \
    diversity "field = city" "bonus = -1"
refused between-tags \
    "'field = languages': 'languages' is a tags field; 'field' must name a category or text field" \
    between "field = languages" "allow = a-b"
refused exclude-neither \
    "needs one of 'field' (a category, text or tags field: equal values are vetoed) or 'domain_of' (a field with e-mail addresses: addresses at one domain are vetoed)" \
    exclude_same
refused exclude-both "needs either 'field' (a category, text or tags field: equal values are vetoed) or 'domain_of' (a field with e-mail addresses: addresses at one domain are vetoed), not both; use two sections for both" \
    exclude_same "field = company" "domain_of = email"
refused exclude-ignore-domains \
    "'ignore_domains' goes with 'domain_of'; with 'field', values that count as missing are 'ignore'" \
    exclude_same "field = company" "ignore_domains = x.org"
refused exclude-ignore \
    "'ignore' goes with 'field'; with 'domain_of', domains that are nobody's organization are 'ignore_domains'" \
    exclude_same "domain_of = email" "ignore = x"
refused exclude-bad-domain \
    "'ignore_domains': '-' is no domain; write one like 'example.org'" \
    exclude_same "domain_of = email" "ignore_domains = home.example, -"
refused exclude-domain-tags \
    "'domain_of = languages': 'languages' is a tags field; 'domain_of' must name a category or text field" \
    exclude_same "domain_of = languages"
refused between-no-allow \
    "needs 'allow', the combinations of ticket that may meet, such as 'allow = Mentor-Mentee, Sponsor-*'" \
    between "field = ticket"
refused between-empty-allow "'allow' is empty: it would veto every pair" \
    between "field = ticket" "allow = ,"
refused between-no-pair \
    "'allow': 'Sponsor' is no pair of values; write two values of ticket joined by '-', such as 'Mentor-Mentee' or 'Sponsor-*' ('*' is any value)" \
    between "field = ticket" "allow = Mentor-Mentee, Sponsor"
refused between-half "'allow': 'Mentor-' is no pair of values" \
    between "field = ticket" "allow = Mentor-"
refused same-typo "has no option 'feild'; did you mean 'field'?" \
    same "feild = city"

# ------------------------------------------------------------ warnings
# A value nobody holds is logged, and the run goes on.
event between-typo between "field = ticket" \
    "allow = Mentor-Mentee, Attendee-Attendee, Sponsor-*, Mentr-Atendee"
t_run "between: a value nobody holds" 0 "$MINGLE" check -c "$TMP/between-typo.ini"
t_contains "between: logs the first" "$TMP/err" \
    "mingle: strategy 's' (plugin between 1.0.0): 'allow': no attendee has ticket 'Mentr' (they have: "
t_contains "between: logs the second" "$TMP/err" \
    "'allow': no attendee has ticket 'Atendee' (they have: "
for v in Mentor Mentee Attendee Sponsor; do
	t_contains "between: the values they have include $v" "$TMP/err" "$v"
done
event between-lonely between "field = ticket" "allow = mentor - MENTEE"
t_run "between: values nobody may meet" 0 "$MINGLE" check -c "$TMP/between-lonely.ini"
t_contains "between: attendees meet nobody" "$TMP/err" \
    "'allow': nobody may meet the 3 attendees with ticket 'Attendee'"
t_contains "between: sponsors meet nobody" "$TMP/err" \
    "'allow': nobody may meet the 2 attendees with ticket 'Sponsor'"
if grep -q "attendees with ticket 'Ment" "$TMP/err"; then
	t_fail "between: 'mentor - MENTEE' is Mentor-Mentee" "$(cat "$TMP/err")"
else t_ok "between: 'mentor - MENTEE' is Mentor-Mentee, folded and trimmed"
fi
# A list of placeholders may be longer than one event needs.
event same-ignore-more same "field = company" "ignore = Freelancer, n/a, -"
t_run "ignore: values nobody holds" 0 "$MINGLE" check -c "$TMP/same-ignore-more.ini"
if [ -s "$TMP/err" ]; then t_fail "ignore: values nobody holds are logged" "$(cat "$TMP/err")"
else t_ok "ignore: values nobody holds are not logged"
fi
event domain-of-names exclude_same "domain_of = company"
t_run "domain_of: not e-mail addresses" 0 "$MINGLE" check -c "$TMP/domain-of-names.ini"
t_contains "domain_of: logged" "$TMP/err" \
    "'domain_of = company': 10 of 10 values hold no e-mail address (such as 'ACME'); they veto nothing"

# Values that hold '-': split where both sides are values someone holds.
printf 'Email,Ticket\na@x.org,Early-Bird\nb@y.org,Speaker\nc@z.org,Early-Bird\n' >"$TMP/dash.csv"
cat >"$TMP/dash.ini" <<INI
[input]
file = dash.csv
id = Email
[field ticket]
column = Ticket
type = category
[strategy s]
plugin = between
field = ticket
allow = Early-Bird-Speaker
INI
t_run "between: a value with '-'" 0 "$MINGLE" explain -c "$TMP/dash.ini" a@x.org c@z.org
t_contains "between: Early-Bird-Early-Bird is vetoed" "$TMP/out" \
    "yes  ticket Early-Bird-Early-Bird is not allowed"
t_run "between: a value with '-', allowed" 0 "$MINGLE" explain -c "$TMP/dash.ini" a@x.org b@y.org
if grep -Eq '^s +plugin +0\.000 +0\.000 +1 +0\.000 +no *$' "$TMP/out"
then t_ok "between: Early-Bird-Speaker may meet"
else t_fail "between: Early-Bird-Speaker vetoed" "$(cat "$TMP/out")"
fi
printf 'd@w.org,Early\ne@v.org,Bird-Speaker\n' >>"$TMP/dash.csv"
t_run "between: a split that is not clear" 1 "$MINGLE" check -c "$TMP/dash.ini"
t_contains "between: says so" "$TMP/err" \
    "'allow': 'Early-Bird-Speaker' splits into two values of ticket in more than one way at its '-'; name values attendees hold"
t_done
