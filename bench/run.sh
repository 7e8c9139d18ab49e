#!/bin/sh
# make bench: time `mingle run` on synthetic events (bench/make_event.py)
# of 1,000 and 10,000 attendees (and 100,000 with BENCH_FULL=1; or the
# sizes in BENCH_SIZES), one row per configuration, each against
# reference points measured in the same run:
#   floor   a bare C loop: every pair's shared tags by popcount over
#           dense bitsets, top 10 each (bench/floor.c)
#   lua     a bare lua_pcall loop (bench/lua_floor.c): the floor for the
#           Lua rule's calls
#   nx      networkx's max_weight_matching on the pair graph at 2,000
#           attendees (bench/nx_pairs.py), against `mode = pairs` there
#   fair    the exact fairest b-matching (bench/fair_ratio.sh, scipy's
#           MILP), against `mode = suggestions`; BENCH_FAIR=0 skips it
# Machines here are noisy (2 shared cores): compare ratios from one run,
# never absolute times across runs.  Rows:
#   tags      shared_tags alone
#   builtin   shared_tags + offer_seek + text_similarity + exclude_same
#   +lua      builtin and scripts/first_timer_buddy.lua
#   pairs     builtin, mode = pairs
#   rounds    builtin, mode = rounds (3 rounds of tables of 4)
#   cand      shared_tags + offer_seek + text_similarity: every strategy
#             lists candidates, so the candidate stage runs
#   cand-all  cand with exhaustive = yes (up to 10,000 attendees), and
#             the recall of cand's introductions among its own
#   tags-all  tags with exhaustive = yes (up to 10,000)
# The tags row runs the candidate stage too, and so do builtin, pairs and
# rounds (exclude_same lists whom it vetoes); lua does not (Lua rules
# list no candidates).
# BENCH_THREADS, if set, is passed as --threads.
set -eu
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
MINGLE=${MINGLE:-./mingle}
FLOOR=${FLOOR:-./bench/floor}
LUA_FLOOR=${LUA_FLOOR:-./bench/lua_floor}
py=$(command -v /usr/bin/python3 || command -v python3)
dir=$(mktemp -d "${TMPDIR:-/tmp}/mingle-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
sizes=${BENCH_SIZES:-1000 10000}
[ "${BENCH_FULL:-0}" = 1 ] && sizes="$sizes 100000"
threads=${BENCH_THREADS:+--threads $BENCH_THREADS}
. "$top_srcdir/bench/event.sh"

# config ROWS MATCH: the event's INI for the strategies of a row.
config() {
	event_fields
	cat <<INI

[field company]
column = Company
type = category
INI
	event_tags
	case $1 in
	tags|tags-all) ;;
	cand|cand-all) event_help_work
		;;
	*) event_help_work
		cat <<INI

[strategy colleagues]
plugin = exclude_same
field = company
INI
	esac
	case $1 in
	lua) cat <<INI

[strategy buddy]
script = first_timer_buddy.lua
field = first
INI
	esac
	# per_attendee is an error in the modes with tables or pairs
	case $2 in
	*mode*) printf '\n[match]\n%s\n' "$2" ;;
	*) printf '\n[match]\nper_attendee = 10\n%s\n' "$2" ;;
	esac
}

# run NAME N PAIRS MATCH: one row of the table; sets $secs.
run() {
	config "$1" "$4" > "$dir/event.ini"
	if ! /usr/bin/time -f '%e %M' -o "$dir/time" "$MINGLE" run -q \
	    $threads -c "$dir/event.ini" -o "$dir/out.csv" 2>"$dir/err"; then
		cat "$dir/err" >&2
		exit 1
	fi
	read -r secs kib < "$dir/time"
	awk -v r="$1" -v n="$2" -v p="$3" -v s="$secs" -v k="$kib" \
	    -v f="$floor" 'BEGIN {
		printf "%-8s %8d %12d %8.2f %12.0f %8.1f %7.1f\n", r, n, p, s,
		    p / (s > 0 ? s : 0.01), k / 1024, s / (f > 0 ? f : 0.001) }'
}

printf '%-8s %8s %12s %8s %12s %8s %7s\n' row attendees pairs seconds \
    pairs/s 'MiB' '/floor'
for n in $sizes; do
	"$py" "$top_srcdir/bench/make_event.py" "$n" "$dir/event.csv" \
	    "$dir/event.tags"
	read -r pairs floor sum <<EOF2
$("$FLOOR" "$dir/event.tags")
EOF2
	printf '%-8s %8d %12d %8.2f %12.0f %8s %7s\n' floor "$n" "$pairs" \
	    "$floor" "$(awk -v p="$pairs" -v s="$floor" 'BEGIN { printf "%.0f",
	    p / (s > 0 ? s : 0.001) }')" - 1.0
	run tags "$n" "$pairs" ""
	run builtin "$n" "$pairs" ""
	tbuiltin=$secs
	run lua "$n" "$pairs" ""
	tlua=$secs
	read -r calls lsecs <<EOF2
$("$LUA_FLOOR" "$pairs")
EOF2
	awk -v c="$calls" -v s="$lsecs" -v b="$tbuiltin" -v l="$tlua" 'BEGIN {
		printf "%-8s %8s %12d %8.2f %12.0f %8s %7s   rule costs %.2f s, %.1f x the bare calls\n",
		    "luacall", "-", c, s, c / (s > 0 ? s : 0.001), "-", "-",
		    l - b, (l - b) / (s > 0 ? s : 0.001) }'
	run pairs "$n" "$pairs" "mode = pairs"
	run rounds "$n" "$pairs" "mode = rounds
rounds = 3
group_size = 4"
	run cand "$n" "$pairs" ""
	cp "$dir/out.csv" "$dir/cand.csv"
	[ "$n" -le 10000 ] || continue
	run cand-all "$n" "$pairs" "exhaustive = yes"
	# recall: the share of every-pair introductions the stage also makes
	awk -F, 'FNR == 1 { f++; next } f == 1 { c[$1 "," $3] = 1; next }
	    { n++; if (($1 "," $3) in c) k++ }
	    END { printf "%-8s recall of cand against cand-all: %.4f (%d of %d)\n",
		"", n ? k / n : 1, k, n }' "$dir/cand.csv" "$dir/out.csv"
	run tags-all "$n" "$pairs" "exhaustive = yes"
done

# networkx at 2,000, on the graph `mode = pairs` with shared_tags and 10
# candidates each builds (networkx takes minutes on more edges); odd =
# leave-out, so that both weigh a matching alone, without a trio.
if "$py" -c 'import networkx' 2>/dev/null && [ "${BENCH_NX:-1}" = 1 ]; then
	n=2000
	"$py" "$top_srcdir/bench/make_event.py" "$n" "$dir/event.csv"
	config tags "mode = pairs
odd = leave-out
candidates = 10" > "$dir/event.ini"
	/usr/bin/time -f '%e %M' -o "$dir/time" "$MINGLE" run -q $threads \
	    -c "$dir/event.ini" -o "$dir/out.csv"
	read -r secs kib < "$dir/time"
	read -r mw rows <<EOF2
$(awk -F, 'NR > 1 { s += $5; n++ } END { printf "%.3f %d", s, n }' \
    "$dir/out.csv")
EOF2
	read -r nn edges nxsecs nxw <<EOF2
$("$py" "$top_srcdir/bench/nx_pairs.py" "$dir/event.csv" 10)
EOF2
	printf '\nmode = pairs at %d attendees, %d edges: mingle %.2f s (whole run), weight %s;\n' \
	    "$n" "$edges" "$secs" "$mw"
	awk -v s="$secs" -v x="$nxsecs" -v w="$nxw" -v m="$mw" -v r="$rows" \
	    'BEGIN {
		d = m - w; if (d < 0) d = -d
		printf "networkx max_weight_matching %.2f s (matching alone), weight %s: %.0f x mingle;\n",
		    x, w, x / (s > 0 ? s : 0.01)
		# mingle writes each score to 3 decimals
		printf "the same total weight: %s (%d pairs, difference %.3f)\n",
		    d <= r * 0.0005 + 1e-9 ? "yes" : "NO", r, d }'
fi

# mode = suggestions against the exact fairest b-matching (scipy's MILP):
# the weight ratio and the missing introductions (bench/fair_ratio.sh).
if "$py" -c 'import scipy.optimize; scipy.optimize.milp' 2>/dev/null && \
    [ "${BENCH_FAIR:-1}" = 1 ]; then
	printf '\nmode = suggestions against the exact optimum (bench/fair_ratio.sh):\n'
	PYTHON3_SCIPY=$py top_builddir=${top_builddir:-.} \
	    sh "$top_srcdir/bench/fair_ratio.sh"
fi
