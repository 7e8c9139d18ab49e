#!/bin/sh
# tests/sandbox/escape.sh -- rule scripts trying to leave the sandbox.
#
# Each attempt must end in a clear error (the message is checked), exit
# status 1 (not a signal: the process lived to report it), and no output:
# a file that already exists keeps its content, a new one never appears.
# It must end soon (within $SECONDS_MAX s; killed at $SECONDS_KILL) and,
# where /usr/bin/time can tell, its peak memory stays near the limit.
. "$top_srcdir/tests/lib.sh"

DIR="$top_srcdir/tests/sandbox"
SMALL="instruction_limit = 100000"
SECONDS_MAX=20
SECONDS_KILL=60
# Peak RSS in KiB: the 64 MiB default limit, the state's own data and the
# program (at most 73 MiB measured).  AddressSanitizer's shadow memory
# comes on top (at most 124 MiB measured).
RSS_MAX=$((160 * 1024))
if ldd "$MINGLE" 2>/dev/null | grep -q libasan; then
	RSS_MAX=$((320 * 1024))
fi
TIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	TIME=/usr/bin/time
fi
cd "$TMP" || exit 1

# escape SCRIPT EXTRA_KEYS WANT [COMMAND]: run COMMAND (default run) on a
# config whose one strategy is SCRIPT.
escape() {
	script=$1 extra=$2 want=$3 cmd=${4:-run}
	name=$(basename "$script" .lua)
	cat >"$TMP/escape.ini" <<EOF
[input]
file = $top_srcdir/tests/lua/event.csv
id = Email
name = Name

[field company]
column = Company
type = text

[strategy escape]
script = $script
$extra
EOF
	echo sentinel >"$TMP/kept.csv"
	rm -f "$TMP/new.csv"
	case $cmd in
	run)	set -- run -c "$TMP/escape.ini" -o "$TMP/kept.csv" ;;
	new)	set -- run -c "$TMP/escape.ini" -o "$TMP/new.csv" ;;
	check)	set -- check -c "$TMP/escape.ini" ;;
	esac
	start=$(date +%s)
	if [ -n "$TIME" ]; then
		$TIME -f %M -o "$TMP/rss" timeout "$SECONDS_KILL" "$MINGLE" "$@" \
		    >"$TMP/out" 2>"$TMP/err"
		rc=$?
	else
		timeout "$SECONDS_KILL" "$MINGLE" "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
	fi
	secs=$(($(date +%s) - start))
	if [ "$rc" -eq 1 ]; then
		t_ok "$name: exit 1"
	elif [ "$rc" -ge 128 ]; then
		t_fail "$name: killed by signal $((rc - 128))" "$(head -c 2000 "$TMP/err")"
	else
		t_fail "$name: exit $rc, want 1" "$(head -c 2000 "$TMP/err")"
	fi
	t_contains "$name: says why" "$TMP/err" "$want"
	if [ "$secs" -le "$SECONDS_MAX" ]; then
		t_ok "$name: ends soon ($secs s)"
	else
		t_fail "$name: ran $secs s"
	fi
	if [ -n "$TIME" ]; then
		rss=$(tail -n 1 "$TMP/rss")
		if [ "$rss" -le "$RSS_MAX" ]; then
			t_ok "$name: peak memory $rss KiB"
		else
			t_fail "$name: peak memory $rss KiB, over $RSS_MAX"
		fi
	fi
	if [ "$(cat "$TMP/kept.csv")" = sentinel ] && [ ! -e "$TMP/new.csv" ]
	then
		t_ok "$name: nothing written"
	else
		t_fail "$name: output written"
	fi
}

escape "$DIR/io_open.lua" "" \
    "io_open.lua:4: attempt to index a nil value (global 'io') (scoring "
escape "$DIR/os_execute.lua" "" \
    "os_execute.lua:4: attempt to index a nil value (global 'os')"
if ls "$TMP" | grep -q PWNED; then t_fail "os_execute: a program ran"
else t_ok "os_execute: no program ran"
fi
escape "$DIR/require.lua" "" \
    "require.lua:4: attempt to call a nil value (global 'require')"
escape "$DIR/load_bytecode.lua" "" \
    "load_bytecode.lua:6: attempt to call a nil value (global 'load')"
escape "$DIR/string_dump.lua" "" \
    "string_dump.lua:4: attempt to call a nil value (field 'dump')"
escape "$DIR/debug.lua" "" \
    "debug.lua:4: attempt to index a nil value (global 'debug')"
escape "$DIR/string_metatable.lua" "" \
    "string_metatable.lua:4: attempt to index a boolean value"
escape "$DIR/string_library.lua" "" \
    "string_library.lua:2: the string library is read-only (tried to set 'rep') (running the script)" \
    check
escape "$DIR/write_view.lua" "" \
    "write_view.lua:4: attendee views are read-only (tried to set 'name')"
escape "$DIR/rawset_view.lua" "" \
    "rawset_view.lua:4: bad argument #1 to 'rawset' (table expected, got attendee view)"
escape "$DIR/memory_bomb.lua" "memory_limit = 8M" \
    "memory_bomb.lua:6: memory limit of 8 MiB exceeded (scoring "
escape "$DIR/memory_bomb_pcall.lua" "memory_limit = 8M" \
    "memory_bomb_pcall.lua:7: memory limit of 8 MiB exceeded (scoring "
escape "$DIR/endless_loop.lua" "$SMALL" \
    "endless_loop.lua:4: instruction limit of 100000 per call exceeded (scoring "
escape "$DIR/endless_loop_pcall.lua" "$SMALL" \
    "instruction limit of 100000 per call exceeded (scoring "
escape "$DIR/deep_recursion.lua" "" \
    "deep_recursion.lua:3: stack overflow"
escape "$DIR/endless_coroutines.lua" "$SMALL" \
    "instruction limit of 100000 per call exceeded (scoring "
escape "$DIR/coroutine_loop.lua" "$SMALL" \
    "coroutine_loop.lua:5: instruction limit of 100000 per call exceeded"
escape "$DIR/pattern_bomb.lua" "$SMALL" \
    "pattern_bomb.lua:6: instruction limit of 100000 per call exceeded"
escape "$DIR/normalize_bomb.lua" "" \
    "normalize_bomb.lua:6: instruction limit of 10000000 per call exceeded (scoring "
escape "$DIR/normalize_bomb.lua" "instruction_limit = 1000000000" \
    "normalize_bomb.lua:6: memory limit of 64 MiB exceeded (scoring "
escape "$DIR/normalize_loop.lua" "" \
    "normalize_loop.lua:7: instruction limit of 10000000 per call exceeded (scoring "
escape "$DIR/table_len_bomb.lua" "" \
    "table_len_bomb.lua:6: instruction limit of 10000000 per call exceeded (scoring "
escape "$DIR/finalizer.lua" "" \
    "finalizer.lua:4: setmetatable: __gc is not available in mingle scripts"
escape "$DIR/top_level_loop.lua" "$SMALL" \
    "top_level_loop.lua:2: instruction limit of 100000 per call exceeded (running the script)" \
    check
escape "$DIR/endless_loop.lua" "$SMALL" \
    "endless_loop.lua:4: instruction limit of 100000 per call exceeded (scoring " \
    new

# A script file that is bytecode, not text.
printf '\033LuaT\000\031\223\r\n\032\n\004\010\010xV\000\000' \
    >"$TMP/bytecode.lua"
escape "$TMP/bytecode.lua" "" \
    "bytecode.lua: attempt to load a binary chunk (mode is 't')" check

t_done
