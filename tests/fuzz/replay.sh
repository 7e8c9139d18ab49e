#!/bin/sh
# Replay every seed (tests/fuzz/corpus/HARNESS) and every crash the fuzzer
# once found (tests/fuzz/regressions/HARNESS) through the fuzz harnesses,
# built by the normal compiler as tests/fuzz/replay_HARNESS: one test per
# file.  In the ASan + UBSan build this is the fuzzers' check, without
# clang.  See docs/fuzzing.md.
. "$top_srcdir/tests/lib.sh"

F="$top_srcdir/tests/fuzz"
for h in csv config lua plugin_options; do
	dirs="$F/corpus/$h"
	[ -d "$F/regressions/$h" ] && dirs="$dirs $F/regressions/$h"
	# The shipped rules and the escape attempts seed the Lua harness
	# as they are, not as copies that would go stale.
	[ "$h" = lua ] && dirs="$dirs $top_srcdir/scripts $top_srcdir/tests/sandbox"
	# shellcheck disable=SC2086
	"$top_builddir/tests/fuzz/replay_$h" $dirs >"$TMP/ran" 2>"$TMP/err"
	rc=$?
	n=$(wc -l <"$TMP/ran")
	if [ "$n" -eq 0 ]; then
		t_fail "$h: no input replayed (exit $rc)" "$(head -c 2000 "$TMP/err")"
		continue
	fi
	# The replayer names each input before it runs it: when it stops
	# with an error, the last name is the input that failed.
	i=0
	while read -r f; do
		i=$((i + 1))
		name="$h: ${f#"$top_srcdir"/}"
		if [ "$rc" -eq 0 ] || [ "$i" -lt "$n" ]; then
			t_ok "$name"
		else
			t_fail "$name: exit $rc" "$(tail -c 3000 "$TMP/err")"
		fi
	done <"$TMP/ran"
done
t_done
