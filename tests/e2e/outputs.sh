#!/bin/sh
# outputs.sh -- what mingle does to the files it writes: devices, FIFOs and
# standard output are written in place and stay what they are; a symbolic
# link stays a link and its target is replaced; the files of one run are
# put in place all together or not at all (a full disk is simulated with
# `ulimit -f`); SIGTERM, SIGINT and SIGHUP remove the temporary files; and
# every command fails when its standard output cannot be written.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

# The shipped example, with the export named absolutely.
ini=$TMP/event.ini
sed "s|^file = barcamp.csv|file = $top_srcdir/examples/barcamp.csv|" \
    "$top_srcdir/examples/barcamp.ini" > "$ini"
"$MINGLE" run -q -c "$ini" -o "$TMP/ref.csv" --report "$TMP/ref.report" \
    --per-person "$TMP/ref.person" ||
    echo "Bail out! the example does not run"

# fresh NAME: an empty folder $TMP/NAME, in $D.
fresh() {
	D=$TMP/$1
	rm -rf "$D"
	mkdir -p "$D"
}

# no_temps NAME FOLDER: no temporary file of mingle's is left in FOLDER.
no_temps() {
	_left=$(ls -A "$2" | grep -F '.tmp-')
	if [ -z "$_left" ]; then t_ok "$1: no temporary file left"
	else t_fail "$1: temporary files left" "$_left"; fi
}

# is_true NAME TEST-ARGS...: `test TEST-ARGS` holds.
is_true() {
	_name=$1; shift
	if test "$@"; then t_ok "$_name"
	else t_fail "$_name: not true: test $*" "$(ls -lA "$D")"; fi
}

# same_text NAME TEXT FILE: FILE holds exactly the line TEXT.
same_text() {
	if [ "$(cat "$3")" = "$2" ]; then t_ok "$1"
	else t_fail "$1: $(basename "$3") changed" "$(head -c 300 "$3")"; fi
}

# wait_for NAME PID FILE-PATTERN FOLDER: wait (10 s at most) until a file
# matching FILE-PATTERN exists in FOLDER while PID still runs.
wait_for() {
	_i=0
	while [ $_i -lt 100 ]; do
		if ls -A "$4" | grep -qF -- "$3"; then return 0; fi
		kill -0 "$2" 2>/dev/null || break
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# reap PID: wait for PID, its exit status in $status; a watchdog kills it
# (status 137) if it has not ended within 10 s.
reap() {
	(
		_i=0
		while [ $_i -lt 100 ] && kill -0 "$1" 2>/dev/null; do
			sleep 0.1
			_i=$((_i + 1))
		done
		kill -KILL "$1" 2>/dev/null
	) >/dev/null 2>&1 &
	wait "$1"
	status=$?
}

# -- character devices: written in place, never replaced.
fresh device
if [ "$(id -u)" = 0 ] && mknod "$D/null" c 1 3 2>/dev/null; then
	t_run "-o a null device" 0 "$MINGLE" run -q -c "$ini" -o "$D/null"
	is_true "the null device is still a character device" -c "$D/null"
	no_temps "-o a null device" "$D"
else
	t_n=$((t_n + 1)); echo "ok $t_n - # SKIP mknod needs root"
fi

# A full device: mknod'ed as root, the real /dev/full otherwise (where a
# user cannot create files, so nothing can be replaced either).
full=/dev/full
if [ "$(id -u)" = 0 ] && mknod "$D/full" c 1 7 2>/dev/null; then
	full=$D/full
fi
t_run "-o a full device" 1 "$MINGLE" run -q -c "$ini" -o "$full"
t_contains "-o a full device: says why" "$TMP/err" \
    "mingle: $full: cannot write: No space left on device"
is_true "the full device is still a character device" -c "$full"
no_temps "-o a full device" "$(dirname "$full")"

# -- a FIFO with a reader gets the introductions and stays a FIFO.
fresh fifo
mkfifo "$D/pipe"
cat "$D/pipe" > "$TMP/from-pipe" &
reader=$!
t_run "-o a FIFO" 0 timeout 20 "$MINGLE" run -q -c "$ini" -o "$D/pipe"
is_true "the FIFO is still a FIFO" -p "$D/pipe"
if [ -p "$D/pipe" ]; then
	wait $reader
	t_same "the reader got the introductions" "$TMP/ref.csv" \
	    "$TMP/from-pipe"
else
	kill $reader 2>/dev/null
	t_fail "the reader got nothing: the FIFO was replaced"
fi
no_temps "-o a FIFO" "$D"

# -- a link to our standard output (what /dev/stdout is) writes to it.
fresh stdout
ln -s /proc/self/fd/1 "$D/stdout"
"$MINGLE" run -q -c "$ini" -o "$D/stdout" | cat > "$TMP/piped"
t_same "-o a link to standard output (a pipe)" "$TMP/ref.csv" "$TMP/piped"
is_true "the link to standard output is still a link" -L "$D/stdout"
printf 'LOG\n' > "$TMP/log"
t_run "-o a link to standard output (a file)" 0 sh -c \
    '"$1" run -q -c "$2" -o "$3" >> "$4"' sh "$MINGLE" "$ini" \
    "$D/stdout" "$TMP/log"
{ echo LOG; cat "$TMP/ref.csv"; } > "$TMP/log.want"
t_same "appended to the file standard output is" "$TMP/log.want" \
    "$TMP/log"
no_temps "-o a link to standard output" "$D"

# -- a symbolic link to a file: the link stays, its target is replaced.
fresh symlink
printf 'OLD\n' > "$D/real.csv"
ln -s real.csv "$D/link.csv"
t_run "-o a symbolic link" 0 "$MINGLE" run -q -c "$ini" -o "$D/link.csv"
is_true "the link is still a link" -L "$D/link.csv"
if [ "$(readlink "$D/link.csv")" = real.csv ]; then
	t_ok "to the same target"
else t_fail "the link now points to '$(readlink "$D/link.csv")'"; fi
t_same "the target holds the introductions" "$TMP/ref.csv" "$D/real.csv"
if [ "$(ls -A "$D" | tr '\n' ' ')" = "link.csv real.csv " ]; then
	t_ok "nothing else in the folder"
else t_fail "the folder holds: $(ls -A "$D" | tr '\n' ' ')"; fi

# A link to a link in another folder, relative at each step.
mkdir "$D/sub"
printf 'OLD\n' > "$D/sub/deep.csv"
ln -s deep.csv "$D/sub/hop.csv"
ln -s sub/hop.csv "$D/chain.csv"
t_run "-o a chain of links" 0 "$MINGLE" run -q -c "$ini" -o "$D/chain.csv"
is_true "both links stay links" -L "$D/chain.csv" -a -L "$D/sub/hop.csv"
t_same "the last target holds the introductions" "$TMP/ref.csv" \
    "$D/sub/deep.csv"
no_temps "-o a chain of links" "$D"
no_temps "-o a chain of links, in the target's folder" "$D/sub"

# A dangling link: its target is created.
fresh dangling
ln -s new.csv "$D/link.csv"
t_run "-o a dangling link" 0 "$MINGLE" run -q -c "$ini" -o "$D/link.csv"
is_true "the dangling link is still a link" -L "$D/link.csv"
t_same "its target was created" "$TMP/ref.csv" "$D/new.csv"
no_temps "-o a dangling link" "$D"

# A link to the export is refused like the export itself.
fresh to-input
ln -s "$top_srcdir/examples/barcamp.csv" "$D/link.csv"
t_run "-o a link to the export" 1 "$MINGLE" run -q -c "$ini" \
    -o "$D/link.csv"
t_contains "-o a link to the export: refused" "$TMP/err" "refusing to write"
is_true "the link to the export is still a link" -L "$D/link.csv"

# -- all or nothing: a full disk while writing the introductions leaves
# the old report and the old introductions as they were.  `ulimit -f 1`
# lets a file grow to 512 or 1024 bytes: the report (a header) fits, the
# introductions (12 kB) do not.
fresh full-disk
printf 'OLD INTRODUCTIONS\n' > "$D/out.csv"
printf 'OLD REPORT\n' > "$D/report.csv"
printf 'OLD PER PERSON\n' > "$D/person.csv"
t_run "a full disk" 1 sh -c 'trap "" XFSZ; ulimit -f 1 &&
    exec "$1" run -q -c "$2" -o "$3/out.csv" --report "$3/report.csv" \
    --per-person "$3/person.csv"' sh "$MINGLE" "$ini" "$D"
t_contains "a full disk: says which file" "$TMP/err" \
    "mingle: $D/out.csv: cannot write: File too large"
same_text "a full disk: the introductions are untouched" \
    "OLD INTRODUCTIONS" "$D/out.csv"
same_text "a full disk: the report is untouched" "OLD REPORT" \
    "$D/report.csv"
same_text "a full disk: the per-person file is untouched" \
    "OLD PER PERSON" "$D/person.csv"
no_temps "a full disk" "$D"

# Standard output full: the report is not written either.
printf 'OLD REPORT\n' > "$D/report.csv"
t_run "run -o - --report, stdout full" 1 sh -c \
    '"$1" run -q -c "$2" -o - --report "$3" > /dev/full' sh "$MINGLE" \
    "$ini" "$D/report.csv"
t_contains "stdout full: says so" "$TMP/err" \
    "mingle: cannot write to standard output: No space left on device"
same_text "stdout full: the report is untouched" "OLD REPORT" \
    "$D/report.csv"
no_temps "stdout full" "$D"

# -- signals while writing: the run blocks opening a FIFO nobody reads
# (the per-person file, opened after the introductions and the report), with
# the other two temporary files in place; the signal removes them and the
# exit status says the signal ended mingle.
for sig in TERM:15 INT:2 HUP:1; do
	num=${sig#*:} sig=${sig%:*}
	# A background command of a script starts with SIGINT ignored.
	reset=env
	if [ "$sig" = INT ]; then
		reset="env --default-signal=INT"
		if ! $reset true 2>/dev/null; then
			t_n=$((t_n + 1))
			echo "ok $t_n - # SKIP env cannot reset SIGINT"
			continue
		fi
	fi
	fresh "signal-$sig"
	printf 'OLD\n' > "$D/out.csv"
	mkfifo "$D/person.fifo"
	$reset "$MINGLE" run -q -c "$ini" \
	    -o "$D/out.csv" --report "$D/report.csv" \
	    --per-person "$D/person.fifo" 2>"$TMP/err" &
	pid=$!
	if wait_for "SIG$sig" $pid 'report.csv.tmp-' "$D"; then
		t_ok "SIG$sig: mingle waits for the FIFO with its temporary files"
	else
		t_fail "SIG$sig: no temporary report while mingle waits" \
		    "$(ls -A "$D")"
	fi
	kill -"$sig" $pid
	reap $pid
	want=$((128 + num))
	if [ "$status" = "$want" ]; then t_ok "SIG$sig: exit status $status"
	else t_fail "SIG$sig: exit status $status, want $want" \
	    "$(cat "$TMP/err")"; fi
	no_temps "SIG$sig" "$D"
	same_text "SIG$sig: the introductions are untouched" OLD "$D/out.csv"
	t_absent "SIG$sig: no report" "$D/report.csv"
done

# -- every command fails when its standard output cannot be written.
a=$(awk -F';' 'NR == 2 { print $5 }' "$top_srcdir/examples/barcamp.csv")
b=$(awk -F';' 'NR == 3 { print $5 }' "$top_srcdir/examples/barcamp.csv")
full_stdout() {
	_name=$1; shift
	t_run "$_name > /dev/full" 1 sh -c '"$@" > /dev/full' sh "$@"
	t_contains "$_name > /dev/full: says so" "$TMP/err" \
	    "mingle: cannot write to standard output: No space left on device"
}
full_stdout "check" "$MINGLE" check -c "$ini"
full_stdout "explain" "$MINGLE" explain -c "$ini" "$a" "$b"
full_stdout "plugins" "$MINGLE" plugins
full_stdout "attendees" "$MINGLE" attendees -c "$ini"
full_stdout "attendees -o -" "$MINGLE" attendees -c "$ini" -o -
full_stdout "--help" "$MINGLE" --help
full_stdout "--version" "$MINGLE" --version
full_stdout "run --help" "$MINGLE" run --help
full_stdout "help check" "$MINGLE" help check
full_stdout "run -o -" "$MINGLE" run -q -c "$ini" -o -

# check's report of 100 more fields (about 10 KB) is written whole at the
# end, so the reason is known: not an unnamed error from a write midway.
mid=$TMP/mid.ini
cp "$ini" "$mid"
i=0
while [ $i -lt 100 ]; do
	printf '[field f%d]\ncolumn = Stadt\ntype = category\n' $i
	i=$((i + 1))
done >> "$mid"
full_stdout "check of 100 fields" "$MINGLE" check -c "$mid"

# check's report of a config with many fields: 2,000 lines (over 150 KB),
# past any stdio buffer, so a write fails while the command still runs.
wide=$TMP/wide.ini
cp "$ini" "$wide"
i=0
while [ $i -lt 2000 ]; do
	printf '[field f%d]\ncolumn = Stadt\ntype = category\n' $i
	i=$((i + 1))
done >> "$wide"
t_run "check of 2000 fields > /dev/full" 1 sh -c \
    '"$1" check -c "$2" > /dev/full' sh "$MINGLE" "$wide"
t_contains "check of 2000 fields > /dev/full: says so" "$TMP/err" \
    "mingle: cannot write to standard output"

# A closed standard output is no error when nothing goes there.
t_run "run -o FILE with stdout closed" 0 sh -c \
    '"$1" run -q -c "$2" -o "$3" >&-' sh "$MINGLE" "$ini" "$TMP/closed.csv"

t_done
