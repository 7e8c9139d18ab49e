#!/bin/sh
# tests/fuzz/run.sh -- what `make fuzz` runs once the harnesses are built.
#
# usage: run.sh HARNESS...   (from the build tree's top folder)
#
# Fuzzes each harness in turn, one process each, for $FUZZ_SECONDS
# seconds, starting from its seed corpus, its regressions and what
# earlier runs found (kept in tests/fuzz/work/HARNESS), with its
# dictionary.  $FUZZ_SRC is the source tree's tests/fuzz; $FUZZ_FLAGS adds
# libFuzzer options.  Prints one line per harness; for a crash, also the
# report, the input and what to do with it.  Exits 1 if any harness
# crashed (or leaked, or timed out).
: "${FUZZ_SECONDS:=60}" "${FUZZ_SRC:?}" "${FUZZ_FLAGS:=}"
# UBSan's reports name only the line without this.
: "${UBSAN_OPTIONS:=print_stacktrace=1}"
export UBSAN_OPTIONS

status=0
for h in "$@"; do
	work=tests/fuzz/work/$h
	mkdir -p "$work" tests/fuzz/crashes
	dirs="$FUZZ_SRC/corpus/$h"
	[ -d "$FUZZ_SRC/regressions/$h" ] && dirs="$dirs $FUZZ_SRC/regressions/$h"
	# The shipped rules and the escape attempts seed the Lua harness.
	[ "$h" = lua ] && dirs="$dirs $FUZZ_SRC/../../scripts $FUZZ_SRC/../sandbox"
	log=tests/fuzz/work/$h.log
	# shellcheck disable=SC2086
	if ./tests/fuzz/fuzz_$h -max_total_time="$FUZZ_SECONDS" -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict="$FUZZ_SRC/$h.dict" -artifact_prefix="tests/fuzz/crashes/$h-" \
	    $FUZZ_FLAGS "$work" $dirs >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
		echo "fuzz $h: ok, $runs inputs in ${FUZZ_SECONDS}s;" \
		    "${done_line#*DONE   }"
		continue
	fi
	status=1
	echo "fuzz $h: FAILED (log: $log)"
	sed -n '/ERROR\|runtime error/,$p' "$log" | head -80
	input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
	if [ -n "$input" ] && [ -f "$input" ]; then
		echo "--- the input ($input), $(wc -c <"$input") bytes:"
		od -An -c "$input" | head -40
		echo "--- minimise it:  tests/fuzz/fuzz_$h -minimize_crash=1" \
		    "-max_total_time=60 -exact_artifact_path=$input.min $input"
		echo "--- when fixed, keep it as a regression test:  cp $input.min" \
		    "$FUZZ_SRC/regressions/$h/WHAT-IT-BROKE  (docs/fuzzing.md)"
	fi
done
exit $status
