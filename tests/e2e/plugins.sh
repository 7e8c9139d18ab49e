#!/bin/sh
# Loading strategy plugins through the real binary, and every way it fails:
# not found, dlopen failure, no entry symbol, ABI mismatch, newer minor,
# a descriptor too small, init failure, an unknown option, a NaN score.
# Each failure exits 1 with a message naming the cause, and writes nothing.
# The deliberately broken plugins are built from tests/plugins/*.c.
. "$top_srcdir/tests/lib.sh"

PLUG="$top_builddir/tests/plugins/.libs"
BUILT="$top_builddir/plugins/.libs"
D="$TMP/ev"
mkdir -p "$D"

printf 'Email,Name,Tags\na@x.org,Ann,"lua, rust"\nb@x.org,Bob,lua\nc@x.org,Cy,rust\nd@x.org,Di,go\n' > "$D/attendees.csv"

# event PLUGIN [LINE] [PATH]: write $D/event.ini with one strategy using
# PLUGIN, an optional extra LINE in its section (line 12) and [plugins]
# path = PATH (default: the test plugins, then the built-in ones; "none"
# for no [plugins] section).  The strategy section starts on line 10.
event() {
	path=${3:-$PLUG:$BUILT}
	cat > "$D/event.ini" <<INI
[input]
file = attendees.csv
id = Email
name = Name

[field tags]
column = Tags
type = tags

[strategy s]
plugin = $1
${2:-}
INI
	if [ "$path" != none ]; then
		printf '\n[plugins]\npath = %s\n' "$path" >> "$D/event.ini"
	fi
}

# The ABI this mingle speaks, from --version ("... (plugin ABI 1.0)").
abi=$("$MINGLE" --version | sed -n 's/.*plugin ABI \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p')
abi_major=${abi%.*}
abi_minor=${abi#*.}
if [ -n "$abi" ]; then t_ok "--version names the ABI ($abi)"
else t_fail "--version names no ABI" "$("$MINGLE" --version)"; fi

# no_output NAME: out.csv is as it was, fresh.csv was never created, and
# no temporary file is left in $D.
no_output() {
	if [ "$(cat "$D/out.csv")" = OLD ]; then t_ok "$1: existing output untouched"
	else t_fail "$1: existing output was changed"; fi
	t_absent "$1: no new output file" "$D/fresh.csv"
	if ls -A "$D" | grep -q 'tmp-'; then t_fail "$1: temporary file left" "$(ls "$D")"
	else t_ok "$1: no temporary file left"; fi
}

# expect_fail NAME NEEDLE...: `mingle check` and `mingle run` (to an
# existing and to a new file) exit 1, the message holds every NEEDLE, and
# nothing is written.
expect_fail() {
	name=$1; shift
	printf 'OLD\n' > "$D/out.csv"
	rm -f "$D/fresh.csv"
	t_run "$name: check" 1 "$MINGLE" check -c "$D/event.ini"
	for needle in "$@"; do
		t_contains "$name: says '$needle'" "$TMP/err" "$needle"
	done
	t_run "$name: run" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/out.csv"
	t_contains "$name: run says it too" "$TMP/err" "$1"
	t_run "$name: run to a new file" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/fresh.csv"
	no_output "$name"
}

# -- not found: every folder searched is listed, in order
event no_such_plugin "" "$PLUG:$TMP/cfgdir"
export MINGLE_PLUGIN_PATH="$TMP/envdir"
expect_fail "not found" \
	"event.ini:10: [strategy s]: no plugin 'no_such_plugin' (looked for no_such_plugin.so in:" \
	"$PLUG" "$TMP/cfgdir" "$TMP/envdir" "plugins/.libs" \
	"set [plugins] path in the config or MINGLE_PLUGIN_PATH"
order=$(grep -n -e "^  $PLUG\$" -e "^  $TMP/cfgdir\$" -e "^  $TMP/envdir\$" "$TMP/err" | cut -d: -f1 | tr '\n' ' ')
case $order in
	[0-9]*\ [0-9]*\ [0-9]*\ ) set -- $order
		if [ "$1" -lt "$2" ] && [ "$2" -lt "$3" ]; then t_ok "not found: config folders first, then MINGLE_PLUGIN_PATH"
		else t_fail "not found: search order" "$(cat "$TMP/err")"; fi ;;
	*) t_fail "not found: one folder per line" "$(cat "$TMP/err")" ;;
esac
unset MINGLE_PLUGIN_PATH

# -- dlopen fails: its own text
event unresolved
expect_fail "dlopen failure" "event.ini:10: [strategy s]: cannot load $PLUG/unresolved.so:" \
	"undefined symbol: mingle_test_symbol_defined_nowhere"

# -- no entry symbol
event no_entry
expect_fail "missing entry symbol" \
	"$PLUG/no_entry.so is not a mingle plugin: it has no 'mingle_plugin_entry' function"

# -- another major: both versions named
event bad_abi
expect_fail "ABI mismatch" "$PLUG/bad_abi.so was built for plugin ABI 99.7; this mingle speaks ABI $abi"

# -- a newer minor
event newer_minor
expect_fail "newer minor" \
	"$PLUG/newer_minor.so was built for plugin ABI $abi_major.$((abi_minor + 1)), newer than this mingle's ABI $abi (upgrade mingle)"

# -- a descriptor smaller than ABI 1.0's
event too_small
expect_fail "descriptor too small" "$PLUG/too_small.so: descriptor is" \
	"bytes, smaller than any ABI $abi_major.x descriptor"

# -- init fails: the plugin's own message (and fini is not called: it aborts)
event init_fails
expect_fail "init failure" \
	"event.ini:10: strategy 's' (plugin init_fails 0.1): the frobnicator is not configured (code 42)"
event init_fails "frobnicator = on"
expect_fail "init failure with an option" \
	"strategy 's' (plugin init_fails 0.1): the frobnicator is on (code 42)"

# -- an option the plugin does not declare
event shared_tags "feild = tags"
expect_fail "unknown strategy option" \
	"event.ini:12: strategy 's' (plugin shared_tags 1.0.0) has no option 'feild'; did you mean 'field'?" \
	"(options: field, min_shared;"

# -- a plugin given as a path, relative to the config
mkdir -p "$D/lib"
cp "$PLUG/old_small.so" "$D/lib/mine.so"
event ./lib/mine.so
t_run "plugin by path" 0 "$MINGLE" check -c "$D/event.ini"
t_contains "plugin by path: loaded from the config's folder" "$TMP/out" "$D/./lib/mine.so"
event ./lib/missing.so
expect_fail "plugin path missing" "[strategy s]: plugin file $D/./lib/missing.so does not exist"

# -- NaN: check passes (nothing is scored), run stops and names the pair
event nan_score
t_run "NaN: check does not score" 0 "$MINGLE" check -c "$D/event.ini"
printf 'OLD\n' > "$D/out.csv"
rm -f "$D/fresh.csv"
t_run "NaN: run" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/out.csv"
t_contains "NaN: names strategy and pair" "$TMP/err" \
	"strategy 's' (plugin nan_score) returned nan for a@x.org -> b@x.org; scores must be finite numbers"
t_run "NaN: run to a new file" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/fresh.csv"
no_output "NaN"

# -- DBL_MAX both ways: at weight 1 the pair's score is DBL_MAX, written
# with all 309 digits of its exact value; at weight 2 it overflows
max=179769313486231570814527423731704356798070567525844996598917476803157
max=${max}260780028538760589558632766878171540458953514382464234321326889464
max=${max}182768467546703537516986049910576551282076245490090389328944075868
max=${max}508455133942304583236903222948165808559332123348274797826204144723
max=${max}168738177180919299881250404026184124858368.000
event huge_score
t_run "DBL_MAX at weight 1: run" 0 "$MINGLE" run -q -c "$D/event.ini" -o "$D/huge.csv"
t_contains "DBL_MAX at weight 1: the score written whole" "$D/huge.csv" \
	"a@x.org,Ann,b@x.org,Bob,$max,"
event huge_score "weight = 2"
t_run "DBL_MAX at weight 2: check does not score" 0 "$MINGLE" check -c "$D/event.ini"
printf 'OLD\n' > "$D/out.csv"
rm -f "$D/fresh.csv"
t_run "DBL_MAX at weight 2: run" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/out.csv"
t_contains "DBL_MAX at weight 2: names strategy and pair" "$TMP/err" \
	"strategy 's' (plugin huge_score) brings the score of a@x.org and b@x.org to inf; a pair's score must be a finite number"
t_run "DBL_MAX at weight 2: run to a new file" 1 "$MINGLE" run -c "$D/event.ini" -o "$D/fresh.csv"
no_output "DBL_MAX at weight 2"
t_run "DBL_MAX at weight 2: explain" 1 "$MINGLE" explain -c "$D/event.ini" a@x.org c@x.org
t_contains "DBL_MAX at weight 2: explain names the pair" "$TMP/err" \
	"brings the score of a@x.org and c@x.org to inf"

# -- shared_tags: a reason too long for 255 bytes lists whole tags and
# counts the rest, rather than cutting a tag (or a UTF-8 character)
awk 'BEGIN {
	for (i = 0; i < 20; i++)
		t = t (i ? ", " : "") sprintf("\303\234berraschungsthema%02d", i)
	printf "Email,Name,Tags\na@x.org,Ann,\"%s\"\nb@x.org,Bob,\"%s\"\nc@x.org,Cy,x\n", t, t
}' > "$D/long.csv"
sed 's/^file = attendees.csv/file = long.csv/' "$D/event.ini" > "$D/long.ini"
sed -i 's/^plugin = .*/plugin = shared_tags\nfield = tags/' "$D/long.ini"
t_run "shared_tags: 20 long shared tags" 0 "$MINGLE" run -q -c "$D/long.ini" -o "$D/long_out.csv"
reason=$(sed -n 's/^a@x.org,Ann,b@x.org,Bob,[^,]*,"s: \(.*\)"$/\1/p' "$D/long_out.csv")
tag='#[^ ,]*berraschungsthema[0-9][0-9]'
listed=$(printf '%s\n' "$reason" | grep -o "$tag" | wc -l)
more=$(printf '%s\n' "$reason" | sed -n "s/^both: \($tag, \)*$tag (+\([0-9]*\) more)\$/\2/p")
bytes=$(printf '%s' "$reason" | wc -c)
if [ -n "$more" ] && [ $((listed + more)) -eq 20 ] && [ "$bytes" -le 255 ]; then
	t_ok "shared_tags: $listed whole tags and (+$more more), $bytes bytes"
else t_fail "shared_tags: a long reason is cut" "$reason"; fi

# -- a veto beats any score: nobody is introduced
event veto_all
t_run "veto_all: run" 0 "$MINGLE" run -q -c "$D/event.ini" -o "$D/vetoed.csv"
printf 'a_id,a_name,b_id,b_name,score,reasons\n' > "$TMP/header.csv"
t_same "veto_all: only the header" "$TMP/header.csv" "$D/vetoed.csv"

# -- an old, smaller descriptor loads and works
event old_small
t_run "old_small: check" 0 "$MINGLE" check -c "$D/event.ini"
t_contains "old_small: loaded with its version" "$TMP/out" "strategy s: plugin old_small 1.0.0-old"
t_run "old_small: run" 0 "$MINGLE" run -q -c "$D/event.ini" -o "$D/old.csv"
t_contains "old_small: writes introductions" "$D/old.csv" "a_id,a_name,b_id,b_name,score,reasons"
t_contains "old_small: scored and explained" "$D/old.csv" "a@x.org,Ann,b@x.org,Bob,1.000,s: old plugin met b@x.org"

# -- mingle plugins: usable ones with version and ABI, broken ones marked
event old_small
t_run "plugins -c" 0 "$MINGLE" plugins -c "$D/event.ini"
t_contains "plugins: lists the config's folder" "$TMP/out" "# $PLUG"
if grep -Eq "^  shared_tags +1\.0\.0 +ABI $abi_major\.$abi_minor " "$TMP/out"; then
	t_ok "plugins: shared_tags with version and ABI"
else t_fail "plugins: shared_tags with version and ABI" "$(cat "$TMP/out")"; fi
t_contains "plugins: shared_tags's path" "$TMP/out" "$BUILT/shared_tags.so"
if grep -A4 "^  shared_tags " "$TMP/out" | grep -Eqx "      field +the tags field to compare \(required\)"; then
	t_ok "plugins: shared_tags's options, each with its doc"
else t_fail "plugins: shared_tags's options, each with its doc" "$(cat "$TMP/out")"; fi
if grep -Eq "^  old_small +1\.0\.0-old +ABI 1\.0 " "$TMP/out"; then
	t_ok "plugins: old_small is usable"
else t_fail "plugins: old_small is usable" "$(cat "$TMP/out")"; fi
# Without option_docs (ABI 1.0, or 1.1 leaving it NULL) the names alone.
for p in old_small:note init_fails:frobnicator; do
	if grep -A2 "^  ${p%%:*} " "$TMP/out" | grep -qx "    options: ${p#*:}"; then
		t_ok "plugins: ${p%%:*} without docs lists its option's name"
	else t_fail "plugins: ${p%%:*} without docs lists its option's name" \
	    "$(cat "$TMP/out")"; fi
done
for broken in no_entry bad_abi newer_minor unresolved too_small; do
	t_contains "plugins: $broken marked unusable" "$TMP/out" "  (unusable) $PLUG/$broken.so"
done
t_contains "plugins: the reason follows" "$TMP/out" "no 'mingle_plugin_entry' function"
if grep -q "(unusable).*init_fails.so" "$TMP/out"; then
	t_fail "plugins: init_fails is a well-formed plugin (init is not run)"
else t_ok "plugins: init_fails is a well-formed plugin (init is not run)"; fi

# -- MINGLE_PLUGIN_PATH is honoured (and the config's path comes first)
event old_small "" none
t_run "no path: not found" 1 env MINGLE_PLUGIN_PATH= "$MINGLE" check -c "$D/event.ini"
t_contains "no path: not found says so" "$TMP/err" "no plugin 'old_small'"
t_run "MINGLE_PLUGIN_PATH" 0 env MINGLE_PLUGIN_PATH="$TMP/nothing-here:$PLUG" "$MINGLE" check -c "$D/event.ini"
t_contains "MINGLE_PLUGIN_PATH: found there" "$TMP/out" "plugin old_small 1.0.0-old, weight 1 ($PLUG/old_small.so)"
t_run "plugins without -c" 0 env MINGLE_PLUGIN_PATH="$PLUG:$TMP/nothing-here" "$MINGLE" plugins
t_contains "plugins without -c: lists MINGLE_PLUGIN_PATH" "$TMP/out" "# $PLUG"
t_contains "plugins without -c: a missing folder is noted" "$TMP/out" "# $TMP/nothing-here (not there)"
mkdir -p "$TMP/first"
cp "$PLUG/veto_all.so" "$TMP/first/old_small.so"
event old_small "" "$TMP/first"
t_run "config path before MINGLE_PLUGIN_PATH" 0 env MINGLE_PLUGIN_PATH="$PLUG" "$MINGLE" check -c "$D/event.ini"
t_contains "config path wins" "$TMP/out" "plugin veto_all 0.1"
t_done
