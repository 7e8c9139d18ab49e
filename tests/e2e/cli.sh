#!/bin/sh
# The command line itself: help that teaches, version, exit codes, and the
# binary finding its built-in plugins when run from the build tree.
. "$top_srcdir/tests/lib.sh"

t_run "--help" 0 "$MINGLE" --help
for cmd in run check attendees explain plugins; do
	t_contains "--help lists $cmd" "$TMP/out" "  $cmd "
done
t_contains "--help shows where to start" "$TMP/out" "mingle check -c event.ini"
t_contains "--help documents exit codes" "$TMP/out" "0 ok, 1 bad input or config, 2 usage"

t_run "--version" 0 "$MINGLE" --version
t_contains "--version names the ABI" "$TMP/out" "plugin ABI 1."

for cmd in run check attendees explain plugins; do
	t_run "$cmd --help" 0 "$MINGLE" "$cmd" --help
	t_contains "$cmd --help shows usage" "$TMP/out" "usage: mingle $cmd"
	t_contains "$cmd --help lists -h" "$TMP/out" "-h, --help"
	t_run "help $cmd" 0 "$MINGLE" help "$cmd"
done
t_run "help for a missing command" 2 "$MINGLE" help frob

# Uninstalled: the build tree's plugins are found without any setting.
t_run "plugins from the build tree" 0 env MINGLE_PLUGIN_PATH= "$MINGLE" plugins
t_contains "plugins lists shared_tags" "$TMP/out" "shared_tags"
t_contains "plugins shows the ABI" "$TMP/out" "ABI 1.4"
t_contains "plugins shows the build folder" "$TMP/out" "plugins/.libs"

# A bare script name falls back to the shipped scripts.
cat > "$TMP/bare.ini" <<INI
[input]
file = $top_srcdir/examples/barcamp.csv
id = E-Mail
[field city]
column = Stadt
type = category
[strategy city]
script = same_city.lua
INI
t_run "a shipped script by bare name" 0 "$MINGLE" check -c "$TMP/bare.ini"
t_contains "the shipped script is found" "$TMP/out" "scripts/same_city.lua"
sed -i 's/same_city.lua/no_such_rule.lua/' "$TMP/bare.ini"
t_run "a missing script" 1 "$MINGLE" check -c "$TMP/bare.ini"
t_contains "a missing script is named" "$TMP/err" "no_such_rule.lua"

# check prints what it understood.
ex="$top_srcdir/examples/barcamp.ini"
t_run "check the example" 0 "$MINGLE" check -c "$ex"
t_contains "check: delimiter and encoding" "$TMP/out" "(semicolon, utf-8, 60 rows, 28 columns)"
t_contains "check: consent" "$TMP/out" "agreed to introductions"
t_contains "check: a tags field" "$TMP/out" "field interests: tags"
t_contains "check: strategy with version" "$TMP/out" "strategy interests: plugin shared_tags 1.0.0"
t_contains "check: says ok" "$TMP/out" "ok"

# explain shows each strategy's part and the verdict.
a=$(awk -F';' 'NR == 2 { print $5 }' "$top_srcdir/examples/barcamp.csv")
b=$(awk -F';' 'NR == 3 { print $5 }' "$top_srcdir/examples/barcamp.csv")
t_run "explain a pair" 0 "$MINGLE" explain -c "$ex" "$a" "$b"
t_contains "explain: a row per strategy" "$TMP/out" "interests"
t_contains "explain: the total" "$TMP/out" "total: "
t_contains "explain: a verdict" "$TMP/out" "verdict: "

# Standard output as the target; the summary goes to standard error.
t_run "run to stdout" 0 "$MINGLE" run -c "$ex" -o -
t_contains "run to stdout: the header" "$TMP/out" "a_id,a_name,b_id,b_name,score,reasons"
t_contains "run to stdout: summary on stderr" "$TMP/err" "introductions written to standard output"
t_run "run -q is quiet" 0 "$MINGLE" run -q -c "$ex" -o -
if [ -s "$TMP/err" ]; then t_fail "run -q wrote to stderr" "$(cat "$TMP/err")"; else t_ok "run -q: stderr empty"; fi
t_run "--progress reports on stderr" 0 "$MINGLE" run --progress -c "$ex" -o "$TMP/x.csv"
t_contains "--progress: percent lines" "$TMP/err" "scoring candidates: 100%"
t_contains "--progress: the assignment phase" "$TMP/err" "choosing introductions (suggestions,"
t_done
