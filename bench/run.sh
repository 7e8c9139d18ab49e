#!/bin/sh
# make bench: time `mingle run` on synthetic events of growing size and
# report pairs scored per second.  Machines here are noisy (2 cores):
# compare ratios from one run, never absolute times across runs.
# BENCH_STRATEGY=text_similarity scores the free-text column instead of
# the tags (default: shared_tags).
set -eu
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
MINGLE=${MINGLE:-./mingle}
py=$(command -v /usr/bin/python3 || command -v python3)
dir=$(mktemp -d "${TMPDIR:-/tmp}/mingle-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

printf '%8s %12s %9s %14s\n' attendees pairs seconds pairs/second
for n in ${BENCH_SIZES:-1000 2000 4000 8000}; do
	"$py" "$top_srcdir/bench/make_event.py" "$n" "$dir/event.csv"
	cat > "$dir/event.ini" <<INI
[input]
file = event.csv
id = Email
name = First Name + Last Name

[field interests]
column = Interests
type = tags

[field working]
column = Working on
type = text

[strategy interests]
plugin = ${BENCH_STRATEGY:-shared_tags}
field = $(case ${BENCH_STRATEGY:-} in text_*) echo working ;; *) echo interests ;; esac)

[match]
per_attendee = 3
INI
	start=$(date +%s.%N)
	"$MINGLE" run -q -c "$dir/event.ini" -o "$dir/out.csv"
	end=$(date +%s.%N)
	awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN {
		p = n * (n - 1) / 2; t = e - s;
		printf "%8d %12d %9.3f %14.0f\n", n, p, t, p / t }'
done
