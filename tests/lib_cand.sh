# lib_cand.sh -- helpers for the e2e tests that hold the candidate stage
# to scoring every pair (candidates.sh, candidates_bound.sh); sourced
# after tests/lib.sh.  Both write $TMP/event.ini from $TMP/head.ini;
# tests/lua/max_score.sh uses same() and stage() with its own config().

# same NAME [OPTIONS...]: $TMP/event.ini with and without exhaustive.
same() {
	_name=$1
	shift
	cp "$TMP/event.ini" "$TMP/cand.ini"
	{ cat "$TMP/event.ini"; echo "exhaustive = yes"; } > "$TMP/all.ini"
	for _c in cand all; do
		rm -f "$TMP/out.$_c" "$TMP/report.$_c"
		"$MINGLE" run -q -c "$TMP/$_c.ini" "$@" -o "$TMP/out.$_c" \
		    --report "$TMP/report.$_c" 2>"$TMP/err.$_c"
		echo $? >> "$TMP/err.$_c"
	done
	for _f in err out report; do
		if ! cmp -s "$TMP/$_f.all" "$TMP/$_f.cand"; then
			t_fail "$_name: the candidate stage changes the $_f" \
			    "$(diff "$TMP/$_f.all" "$TMP/$_f.cand" | head -5)"
			return
		fi
	done
	t_ok "$_name: the same as every pair scored ($(wc -l < \
	    "$TMP/out.all") lines)"
}

# strategy SECTION...: the config with these strategies and [match].
config() {
	{ cat "$TMP/head.ini"; printf '%s\n' "$@"; } > "$TMP/event.ini"
}

# stage NAME WHAT: $TMP/event.ini scores "candidates" (the stage) or
# "pairs" (every pair), as --progress says.
stage() {
	"$MINGLE" run --progress -c "$TMP/event.ini" -o "$TMP/stage.csv" \
	    2>"$TMP/stage.err"
	if grep -q "scoring $2: 100%" "$TMP/stage.err"; then
		t_ok "$1: scores $2"
	else
		t_fail "$1: does not score $2" "$(grep scoring \
		    "$TMP/stage.err" | tail -1)"
	fi
}
