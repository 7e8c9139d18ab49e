# lib_pairs.sh -- helpers for the e2e tests that run a base.ini copied
# into $TMP with lines appended and look for pairs in the introductions
# (must_meet.sh, people_files.sh); sourced after tests/lib.sh.

# config NAME LINES: base.ini with LINES appended, as $TMP/NAME.ini.
config() {
	{ cat "$TMP/base.ini"; printf '\n%s\n' "$2"; } >"$TMP/$1.ini"
}

# run NAME: run $TMP/NAME.ini into $TMP/NAME.out, the pairs ("a b" a line)
# into $TMP/NAME.pairs, stderr into $TMP/NAME.err.
run() {
	t_run "$1: run" 0 "$MINGLE" run -c "$TMP/$1.ini" -o "$TMP/$1.out"
	cp "$TMP/err" "$TMP/$1.err"
	cut -d, -f1,3 "$TMP/$1.out" | sed 1d | tr , ' ' >"$TMP/$1.pairs"
}

# has NAME A B: A and B (ids before the '@') are introduced in NAME.
has() {
	grep -qx -e "$2@[^ ]* $3@.*" -e "$3@[^ ]* $2@.*" "$TMP/$1.pairs"
}
