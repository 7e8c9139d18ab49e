#!/bin/sh
# The export as mingle reads it: one unique name per column, limits on what
# it reads (each error naming the file, the line, the limit and the key
# that raises it), inputs that are not regular files, and exports whose
# shape used to crash or stall it.
. "$top_srcdir/tests/lib.sh"

D="$TMP/ev"
mkdir -p "$D"

# config NAME FILE LINES...: an event reading FILE, [input] extended.
config() {
	_c_name=$1 _c_file=$2; shift 2
	{
		printf '[input]\nfile = %s\nid = Email\n' "$_c_file"
		for _c_line in "$@"; do printf '%s\n' "$_c_line"; done
	} > "$D/$_c_name"
}

# in_time NAME SECONDS WANT CMD...: like t_run, and done within SECONDS.
in_time() {
	_i_name=$1 _i_secs=$2 _i_want=$3; shift 3
	t_run "$_i_name" "$_i_want" timeout "$_i_secs" "$@"
}

# -- column names: a header that looks like a generated name
printf 'Email,Company,Company,Company@2\na@x,A1,A2,A3\nb@x,B1,B2,B3\n' \
    > "$D/attendees.csv"
config event.ini attendees.csv '[field second]' 'column = Company@3' \
    'type = text'
t_run "Company,Company,Company@2" 0 "$MINGLE" attendees -c "$D/event.ini"
t_contains "each column has its own name" "$TMP/out" \
    "Email,Company,Company@3,Company@2,mingle_id"
t_contains "Company@3 is the second Company" "$TMP/out" \
    "a@x,A1,A2,A3,a@x,a@x,yes,A2"

# -- an empty first tags cell (the sanitizer build caught a qsort on NULL)
printf 'Email,Name,Tags\na@x,A,\nb@x,B,lua\n' > "$D/attendees.csv"
config event.ini attendees.csv 'name = Name' '[field tags]' \
    'column = Tags' 'type = tags'
t_run "empty first tags cell" 0 "$MINGLE" check -c "$D/event.ini"
t_contains "empty first tags cell: one tag" "$TMP/out" "1 distinct tags"

# -- devices and other files that are no export
config zero.ini /dev/zero
in_time "/dev/zero as input" 10 1 "$MINGLE" check -c "$D/zero.ini"
t_contains "/dev/zero as input: NUL byte" "$TMP/err" \
    "mingle: /dev/zero:1:1: NUL byte; this does not look like a text file"
config random.ini /dev/urandom
in_time "/dev/urandom as input" 10 1 "$MINGLE" check -c "$D/random.ini"
t_contains "/dev/urandom as input: not text" "$TMP/err" "/dev/urandom:"
in_time "/dev/zero as config" 10 1 "$MINGLE" check -c /dev/zero
t_contains "/dev/zero as config: the limit" "$TMP/err" \
    "mingle: /dev/zero: the file is larger than 16M; set MINGLE_MAX_CONFIG_SIZE"
in_time "/dev/urandom as config" 10 1 "$MINGLE" check -c /dev/urandom
t_contains "/dev/urandom as config: the limit" "$TMP/err" "larger than 16M"
in_time "MINGLE_MAX_CONFIG_SIZE" 10 1 \
    env MINGLE_MAX_CONFIG_SIZE=64K "$MINGLE" check -c /dev/zero
t_contains "MINGLE_MAX_CONFIG_SIZE lowers it" "$TMP/err" "larger than 64K"
t_run "MINGLE_MAX_CONFIG_SIZE garbage" 1 \
    env MINGLE_MAX_CONFIG_SIZE=lots "$MINGLE" check -c "$D/event.ini"
t_contains "MINGLE_MAX_CONFIG_SIZE garbage: named" "$TMP/err" \
    "MINGLE_MAX_CONFIG_SIZE is 'lots'; it must be a size such as 16M or 1G"

# A 2 GiB file (sparse, so it costs nothing) is refused before it is read.
if truncate -s 2G "$D/huge.csv" 2>/dev/null; then
	config huge.ini huge.csv
	in_time "a 2 GiB export" 10 1 "$MINGLE" check -c "$D/huge.ini"
	t_contains "a 2 GiB export: the limit and the key" "$TMP/err" \
	    "huge.csv: the file is larger than 1G; raise max_file_size in [input]"
	config huge.ini huge.csv 'max_file_size = 4G'
	in_time "a 2 GiB export, allowed" 10 1 "$MINGLE" check -c "$D/huge.ini"
	t_contains "a 2 GiB export, allowed: stops at the first block" \
	    "$TMP/err" "huge.csv:1:1: NUL byte"
	rm -f "$D/huge.csv"
else
	for _s in 1 2 3 4; do t_ok "# SKIP no sparse files here"; done
fi

# -- the export through a pipe: no size to look at, read with the cap
printf 'Email,Name\na@x,A\nb@x,B\n' > "$D/attendees.csv"
config pipe.ini /dev/stdin
t_run "the export redirected to standard input" 0 \
    sh -c '"$1" check -c "$2" < "$3"' sh "$MINGLE" "$D/pipe.ini" \
    "$D/attendees.csv"
t_contains "the export redirected: read" "$TMP/out" "2 rows"
t_run "the export through a pipe" 0 \
    sh -c 'cat "$3" | "$1" check -c "$2"' sh "$MINGLE" "$D/pipe.ini" \
    "$D/attendees.csv"
t_contains "the export through a pipe: read" "$TMP/out" "2 rows"
config pipe.ini /dev/stdin 'max_file_size = 16'
t_run "a pipe over max_file_size" 1 \
    sh -c 'cat "$3" | "$1" check -c "$2"' sh "$MINGLE" "$D/pipe.ini" \
    "$D/attendees.csv"
t_contains "a pipe over max_file_size: says so" "$TMP/err" \
    "/dev/stdin: the file is larger than 16 bytes; raise max_file_size"

# -- a huge line, a long field, many columns
awk 'BEGIN { printf "Email,Note\na@x,"; for (i = 0; i < 40000; i++)
    printf "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghij";
    printf "\nb@x,short\n" }' > "$D/attendees.csv"
config event.ini attendees.csv
in_time "a line of 2 MiB" 10 1 "$MINGLE" check -c "$D/event.ini"
t_contains "a line of 2 MiB: line, limit, key" "$TMP/err" \
    "attendees.csv:2: a line longer than 1M; raise max_record_size in [input]"
config event.ini attendees.csv 'max_record_size = 4M'
t_run "max_record_size = 4M" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "then the field limit" "$TMP/err" \
    "attendees.csv:2:5: a field longer than 128K; raise max_field_size"
config event.ini attendees.csv 'max_record_size = 4M' \
    'max_field_size = 4M'
t_run "max_field_size = 4M" 0 "$MINGLE" check -c "$D/event.ini"
config event.ini attendees.csv 'max_record_size = lots'
t_run "max_record_size = lots" 1 "$MINGLE" check -c "$D/event.ini"
t_contains "max_record_size = lots: a hint" "$TMP/err" \
    "event.ini:4: max_record_size must be a size such as 64M, 512K or 1G"

awk 'BEGIN { printf "Email"; for (i = 1; i < 40000; i++) printf ",c%d", i;
    printf "\na@x"; for (i = 1; i < 40000; i++) printf ",";
    printf "\n" }' > "$D/attendees.csv"
config event.ini attendees.csv
in_time "40000 columns" 10 1 "$MINGLE" check -c "$D/event.ini"
t_contains "40000 columns: over max_columns" "$TMP/err" \
    "attendees.csv:1: more than 10000 columns; raise max_columns in [input]"
config event.ini attendees.csv 'max_columns = 40000'
in_time "40000 columns allowed" 10 0 "$MINGLE" check -c "$D/event.ini"
t_contains "40000 columns allowed: read" "$TMP/out" "40000 columns"
in_time "40000 columns as a table" 10 0 "$MINGLE" attendees -c "$D/event.ini"
config event.ini attendees.csv 'max_columns = 40000' '[field x]' \
    'column = c39999x' 'type = text'
in_time "40000 columns, a missing one" 10 1 "$MINGLE" check -c "$D/event.ini"
t_contains "40000 columns, a missing one: did you mean" "$TMP/err" \
    'no column "c39999x" in'

t_done
