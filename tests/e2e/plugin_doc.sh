#!/bin/sh
# plugin_doc.sh -- the plugin docs/plugins.md shows is a real one: its C
# block compiles against include/ with strict warnings, as a shared object
# the way the doc builds it, and mingle loads and runs it with the doc's
# config block.  Blocks are marked in the doc by a comment line
#     <!-- tests/e2e/plugin_doc.sh compiles this block as FILE -->
# (or "runs this block as FILE") right above the fence.
. "$top_srcdir/tests/lib.sh"

DOC="$top_srcdir/docs/plugins.md"
P="$TMP/plugin"
mkdir -p "$P"
CC=${CC:-cc}

# doc_block FILE: the fenced block of docs/plugins.md marked as FILE.
doc_block() {
	awk -v file="$1" '
	    /^<!-- tests\/e2e\/plugin_doc.sh .* this block as / {
		marked = ($(NF - 1) == file); next }
	    marked && /^```/ { if (inside) exit; inside = 1; next }
	    inside { print; next }
	    { marked = 0 }' "$DOC"
}

doc_block my_strategy.c > "$P/my_strategy.c"
doc_block strategy.ini > "$TMP/strategy.ini"
if [ -s "$P/my_strategy.c" ] && [ -s "$TMP/strategy.ini" ]; then
	t_ok "docs/plugins.md marks its C block and its config block"
else
	t_fail "docs/plugins.md marks no C block or no config block" \
	    "$(grep -n 'plugin_doc.sh' "$DOC")"
fi

# Every C block is a tested one: a new example needs its mark.
c_blocks=$(grep -c '^```c' "$DOC")
marked=$(grep -A 1 '^<!-- tests/e2e/plugin_doc.sh compiles' "$DOC" |
    grep -c '^```c')
if [ "$c_blocks" = "$marked" ]; then
	t_ok "every C block of docs/plugins.md is compiled ($c_blocks)"
else
	t_fail "docs/plugins.md has $c_blocks C blocks, $marked marked to compile"
fi

# The doc builds with `cc -shared -fPIC $(pkg-config --cflags
# mingle-plugin)`; the header is include/ here.
t_run "the doc's plugin compiles with -Wall -Wextra -Werror" 0 \
    $CC -std=c11 -Wall -Wextra -Wpedantic -Wmissing-prototypes \
    -Wstrict-prototypes -Werror -shared -fPIC -I"$top_srcdir/include" \
    -o "$P/my_strategy.so" "$P/my_strategy.c"

t_run "mingle plugins lists it" 0 env MINGLE_PLUGIN_PATH="$P" "$MINGLE" plugins
t_contains "mingle plugins: its file" "$TMP/out" "$P/my_strategy.so"
t_contains "mingle plugins: its option, with its doc" "$TMP/out" \
    "      field  a bool field: yes for newcomers, no for veterans"

# An event with the doc's bool field; the doc's [strategy] block as it is.
printf 'Email,Name,First,City\n%s\n%s\n%s\n%s\n%s\n' \
    'ann@x.org,Ann,yes,Bonn' 'bob@x.org,Bob,no,Köln' 'cy@x.org,Cy,ja,Köln' \
    'di@x.org,Di,nein,Bonn' 'ed@x.org,Ed,,Bonn' > "$TMP/attendees.csv"
cat > "$TMP/event.ini" <<'EOF'
[input]
file = attendees.csv
id = Email
name = Name

[field first_barcamp]
column = First
type = bool

[field city]
column = City
type = text

EOF
cat "$TMP/strategy.ini" >> "$TMP/event.ini"

t_run "mingle check loads it with the doc's config" 0 \
    env MINGLE_PLUGIN_PATH="$P" "$MINGLE" check -c "$TMP/event.ini"
t_contains "check names it" "$TMP/out" \
    "strategy buddies: plugin my_strategy 0.1.0, weight 1 ($P/my_strategy.so)"

# As the doc says: a newcomer (Ann, Cy) gains 1 from a veteran (Bob, Di),
# the pair scores the mean of both directions, 0.5; Ed said neither.
t_run "mingle run with it" 0 env MINGLE_PLUGIN_PATH="$P" \
    "$MINGLE" run -q -c "$TMP/event.ini" -o "$TMP/intro.csv"
cat > "$TMP/want.csv" <<'EOF'
a_id,a_name,b_id,b_name,score,reasons
ann@x.org,Ann,bob@x.org,Bob,0.500,buddies: Ann is new here; Bob knows the ropes
ann@x.org,Ann,di@x.org,Di,0.500,buddies: Ann is new here; Di knows the ropes
bob@x.org,Bob,cy@x.org,Cy,0.500,buddies: Cy is new here; Bob knows the ropes
cy@x.org,Cy,di@x.org,Di,0.500,buddies: Cy is new here; Di knows the ropes
EOF
t_same "newcomers meet veterans, with the plugin's reasons" \
    "$TMP/want.csv" "$TMP/intro.csv"

# Its init refuses a field that is not a bool, in its own words.
sed 's/^field = first_barcamp$/field = city/' "$TMP/event.ini" > "$TMP/bad.ini"
t_run "a text field is refused" 1 \
    env MINGLE_PLUGIN_PATH="$P" "$MINGLE" check -c "$TMP/bad.ini"
t_contains "the refusal is the plugin's" "$TMP/err" "needs 'field', a bool field"
t_done
