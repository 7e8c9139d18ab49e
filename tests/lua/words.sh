#!/bin/sh
# tests/lua/words.sh -- mingle.words(s) in rule scripts: Unicode words,
# case folded, where Lua's %a (ASCII only) breaks "Öffentlicher" apart;
# its errors; and its work charged to the limits like any other.
. "$top_srcdir/tests/lib.sh"

cd "$TMP" || exit 1
cat >event.csv <<'EOF'
Email,Name,About
a@x.example,Ann,"Öffentlicher Nahverkehr, E-Mail & Datenschutz-Grundverordnung; don’t 3.5 1,000 COVID-19 STRASSE Straße ﬁsh x²"
b@x.example,Ben,"öffentlicher Verkehr und E-MAIL"
EOF

# rule BODY [EXTRA_KEYS]: a rule whose score(a, b) is BODY, in a config
# of its own; prints the config's path.
rule() {
	cat >rule.lua <<EOF
return {
  score = function(a, b)
$1
  end,
}
EOF
	cat >event.ini <<EOF
[input]
file = event.csv
id = Email
name = Name

[field about]
column = About
type = text

[strategy w]
script = rule.lua
${2:-}
EOF
	echo "$TMP/event.ini"
}

# reason CONFIG: the rule's reason for Ann and Ben.
reason() {
	"$MINGLE" explain -c "$1" a@x.example b@x.example 2>"$TMP/err" |
	    awk '$1 == "w" { r = $0; for (i = 1; i <= 7; i++)
		sub(/^[^ ]+ +/, "", r); print r }'
}

# is NAME GOT WANT
is() {
	if [ "$2" = "$3" ]; then t_ok "$1"
	else t_fail "$1" "got:  $2" "want: $3"; fi
}

c=$(rule '    return 1, table.concat(mingle.words(a.about), "|")')
is "words: Unicode words, folded" "$(reason "$c")" \
    "öffentlicher|nahverkehr|e-mail|datenschutz-grundverordnung|don't|3.5|1,000|covid-19|strasse|strasse|fish|x2"

# The words two texts share, as a rule would score them.
c=$(rule '    local mine, both = {}, {}
    for _, w in ipairs(mingle.words(a.about)) do mine[w] = true end
    for _, w in ipairs(mingle.words(b.about)) do
      if mine[w] then both[#both + 1] = w end
    end
    return #both, table.concat(both, ", ")')
is "words: shared words across case, umlauts included" "$(reason "$c")" \
    "öffentlicher, e-mail"
c=$(rule '    local ascii = {}
    for w in string.gmatch(b.about, "%a+") do ascii[#ascii + 1] = w end
    return 1, table.concat(ascii, "|") .. " / " ..
      table.concat(mingle.words(b.about), "|")')
is "words: where %a+ falls apart on non-ASCII letters" "$(reason "$c")" \
    "ffentlicher|Verkehr|und|E|MAIL / öffentlicher|verkehr|und|e-mail"
c=$(rule '    return 1, #mingle.words("") .. " " .. #mingle.words(" ,;- ")')
is "words: no words in empty text or separators" "$(reason "$c")" "0 0"

# fails NAME CONFIG NEEDLE: the run stops with exit 1, saying NEEDLE.
fails() {
	t_run "$1: run fails" 1 "$MINGLE" run -c "$2" -o "$TMP/out.csv"
	t_contains "$1: says why" "$TMP/err" "$3"
}

fails "bad UTF-8" "$(rule '    return #mingle.words("ok \255")')" \
    "bad argument #1 to 'words' (not valid UTF-8 text)"
fails "not a string" "$(rule '    return #mingle.words({})')" \
    "bad argument #1 to 'words' (string expected, got table)"
# 1 MB of text: string.rep costs some 20000 units, the split far more,
# charged before it starts.
fails "instruction limit" "$(rule '    local s = string.rep(string.rep("Wort ", 2000), 100)
    return #mingle.words(s)' 'instruction_limit = 200000')" \
    "rule.lua:4: instruction limit of 200000 per call exceeded"
# Few bytes, much folding: U+FDFA (3 bytes) decomposes into 18 code
# points.  The scan of 90 KB costs 180000 units, the folding 3 million.
fails "instruction limit, folding" "$(rule '    local s = string.rep("\u{FDFA}", 30000)
    return #mingle.words(s)' 'instruction_limit = 1000000')" \
    "rule.lua:4: instruction limit of 1000000 per call exceeded"
# 300000 words: the array alone needs more than 4 MiB of the state.
fails "memory limit" "$(rule '    local s = string.rep("ab ", 300000)
    return #mingle.words(s)' 'memory_limit = 4M')" \
    "rule.lua:4: memory limit of 4 MiB exceeded"
t_done
