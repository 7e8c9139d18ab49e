#!/bin/sh
# make bench: time `mingle run` on synthetic events (bench/make_event.py)
# of 1,000 and 10,000 attendees (and 100,000 with BENCH_FULL=1; or the
# sizes in BENCH_SIZES), one row per configuration, each against
# reference points measured in the same run:
#   floor   a bare C loop: every pair's shared tags by popcount over
#           dense bitsets, top 10 each (bench/floor.c)
#   luacall a bare lua_pcall loop (bench/lua_floor.c): the floor for the
#           Lua rule's calls
#   nx      networkx's max_weight_matching on the pair graph at 2,000
#           attendees (bench/nx_pairs.py), against `mode = pairs` there
#   LEMON   LEMON's MaxWeightedMatching (bench/lemon_pairs.cc, where
#           /usr/include/lemon exists) on the K = 25 graph of `mode =
#           pairs` at 10,000, against mingle's matching of the same
#           graph (bench/pairs_graph.c); BENCH_LEMON=0 skips it
#   fair    the exact fairest b-matching (bench/fair_ratio.sh, scipy's
#           MILP), against `mode = suggestions`; BENCH_FAIR=0 skips it
# Machines here are noisy (2 shared cores): compare ratios from one run,
# never absolute times across runs.  Rows, each with 10 suggestions an
# attendee unless a mode says otherwise:
#   tags       shared_tags alone
#   target     the issue's configuration: shared_tags + offer_seek +
#              buddy + text_similarity; its ratio to the floor
#   +lua       target and scripts/first_timer_buddy.lua; its ratio to
#              target, and the rule's cost against the bare calls
#   pairs      target, mode = pairs
#   rounds     target, mode = rounds (3 rounds of tables of 4)
#   target-all target with exhaustive = yes (up to 10,000 attendees), and
#              the recall of target's introductions among its own
#   tags-all   tags with exhaustive = yes (up to 10,000)
# Then target at each size above 10,000 against target at 10,000, and
# its peak memory.  Every row but +lua and the -all rows runs the
# candidate stage (buddy lists nobody, with its bonus as the bound);
# +lua does when the rule declares max_score.
# BENCH_THREADS, if set, is passed as --threads.
set -eu
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
MINGLE=${MINGLE:-./mingle}
FLOOR=${FLOOR:-./bench/floor}
LUA_FLOOR=${LUA_FLOOR:-./bench/lua_floor}
PAIRS_GRAPH=${PAIRS_GRAPH:-./bench/pairs_graph}
py=$(command -v /usr/bin/python3 || command -v python3)
dir=$(mktemp -d "${TMPDIR:-/tmp}/mingle-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
sizes=${BENCH_SIZES:-1000 10000}
[ "${BENCH_FULL:-0}" = 1 ] && sizes="$sizes 100000"
threads=${BENCH_THREADS:+--threads $BENCH_THREADS}
. "$top_srcdir/bench/event.sh"

# config ROW MATCH: the event's INI for the strategies of a row.
config() {
	event_fields
	event_tags
	case $1 in
	tags|tags-all) ;;
	*) event_help_work
		cat <<INI

[strategy buddy]
plugin = buddy
field = first
INI
	esac
	case $1 in
	+lua) cat <<INI

[strategy rule]
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

# run NAME N PAIRS MATCH: one row of the table; sets $secs and $kib.
# (Counts go to awk's printf as %.0f: mawk's %d stops at 2^31 - 1, and
# 100,000 attendees have 4,999,950,000 pairs.)
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
		printf "%-10s %8d %12.0f %8.2f %12.0f %8.1f %7.1f\n", r, n, p, s,
		    p / (s > 0 ? s : 0.01), k / 1024, s / (f > 0 ? f : 0.001) }'
}

# note TEXT...: a summary line under the row it is about.
note() {
	printf '%-10s %s\n' "" "$*"
}

# ratio A B: A / B to one decimal.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 0.01) }'
}

printf '%-10s %8s %12s %8s %12s %8s %7s\n' row attendees pairs seconds \
    pairs/s 'MiB' '/floor'
: > "$dir/target.txt"
for n in $sizes; do
	"$py" "$top_srcdir/bench/make_event.py" "$n" "$dir/event.csv" \
	    "$dir/event.tags"
	read -r pairs floor sum <<EOF2
$("$FLOOR" "$dir/event.tags")
EOF2
	printf '%-10s %8d %12d %8.2f %12.0f %8s %7s\n' floor "$n" "$pairs" \
	    "$floor" "$(awk -v p="$pairs" -v s="$floor" 'BEGIN { printf "%.0f",
	    p / (s > 0 ? s : 0.001) }')" - 1.0
	run tags "$n" "$pairs" ""
	run target "$n" "$pairs" ""
	ttarget=$secs
	echo "$n $secs $kib" >> "$dir/target.txt"
	cp "$dir/out.csv" "$dir/target.csv"
	note "target: $(ratio "$ttarget" "$floor") x the floor" \
	    "(issue: at most 4 x at 10,000)"
	run +lua "$n" "$pairs" ""
	tlua=$secs
	read -r calls lsecs <<EOF2
$("$LUA_FLOOR" "$pairs")
EOF2
	awk -v c="$calls" -v s="$lsecs" 'BEGIN {
		printf "%-10s %8s %12.0f %8.2f %12.0f %8s %7s\n", "luacall", "-",
		    c, s, c / (s > 0 ? s : 0.001), "-", "-" }'
	rule=$(awk -v l="$tlua" -v t="$ttarget" 'BEGIN { printf "%.2f", l - t }')
	note "+lua: $(ratio "$tlua" "$ttarget") x target (issue: at most" \
	    "1.5 x at 100,000); the rule costs $rule s," \
	    "$(ratio "$rule" "$lsecs") x the bare calls"
	run pairs "$n" "$pairs" "mode = pairs"
	run rounds "$n" "$pairs" "mode = rounds
rounds = 3
group_size = 4"
	[ "$n" -le 10000 ] || continue
	run target-all "$n" "$pairs" "exhaustive = yes"
	# recall: the share of every-pair introductions target also makes
	awk -F, 'FNR == 1 { f++; next } f == 1 { c[$1 "," $3] = 1; next }
	    { n++; if (($1 "," $3) in c) k++ }
	    END { printf "%-10s recall of target against target-all: %.4f (%d of %d)\n",
		"", n ? k / n : 1, k, n }' "$dir/target.csv" "$dir/out.csv"
	run tags-all "$n" "$pairs" "exhaustive = yes"
done

# target above 10,000 against target at 10,000 (all pairs would grow
# with the square of the attendees), and its peak memory.
awk '$1 == 10000 { base = $2 } $1 > 10000 { n[++k] = $1; s[k] = $2; m[k] = $3 }
    END { for (i = 1; i <= k; i++) {
	if (base != "")
		printf "\ntarget at %d: %.1f x target at 10000 (issue: at most 15 x at 100,000),",
		    n[i], s[i] / (base > 0 ? base : 0.01)
	else
		printf "\ntarget at %d:", n[i]
	printf " peak %.0f MiB (issue: at most 1024)\n", m[i] / 1024 } }' \
    "$dir/target.txt"

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

# LEMON at 10,000 (the issue's size), on the graph `mode = pairs` with
# shared_tags and 25 candidates each builds: pairs_graph builds it as
# `mingle run` does, writes it and times mingle's matching of it alone;
# lemon_pairs times LEMON's on the same file.  odd = leave-out, so that
# both weigh a matching alone.  Seconds are CPU seconds of the matching.
if [ "${BENCH_LEMON:-1}" = 1 ]; then
	n=10000
	"$py" "$top_srcdir/bench/make_event.py" "$n" "$dir/event.csv"
	config tags "mode = pairs
odd = leave-out
candidates = 25" > "$dir/event.ini"
	read -r nn edges msecs mw <<EOF2
$(MINGLE_PLUGIN_PATH=$top_builddir/plugins/.libs "$PAIRS_GRAPH" \
    "$dir/event.ini" "$dir/graph.txt")
EOF2
	printf '\nmode = pairs at %d attendees, K = 25, %d edges: mingle %.2f s (matching alone), weight %s;\n' \
	    "$n" "$edges" "$msecs" "$mw"
	if [ -d /usr/include/lemon ] && command -v c++ >/dev/null &&
	    c++ -O2 -o "$dir/lemon_pairs" "$top_srcdir/bench/lemon_pairs.cc"; then
		read -r nn edges lsecs lw <<EOF2
$("$dir/lemon_pairs" "$dir/graph.txt")
EOF2
		awk -v s="$msecs" -v l="$lsecs" -v w="$lw" -v m="$mw" 'BEGIN {
			d = m - w; if (d < 0) d = -d
			printf "LEMON MaxWeightedMatching %.2f s, weight %s: mingle %.1f x LEMON (issue: at most 2 x);\n",
			    l, w, s / (l > 0 ? l : 0.01)
			# mingle matches scores scaled to integers below 2^40
			printf "the same total weight: %s (difference %.6f)\n",
			    d <= w * 1e-9 + 1e-6 ? "yes" : "NO", d }'
	else
		printf 'LEMON not installed (Debian liblemon-dev and c++)\n'
	fi
fi

# mode = suggestions against the exact fairest b-matching (scipy's MILP):
# the weight ratio and the missing introductions (bench/fair_ratio.sh).
if "$py" -c 'import scipy.optimize; scipy.optimize.milp' 2>/dev/null && \
    [ "${BENCH_FAIR:-1}" = 1 ]; then
	printf '\nmode = suggestions against the exact optimum (bench/fair_ratio.sh):\n'
	PYTHON3_SCIPY=$py top_builddir=${top_builddir:-.} \
	    sh "$top_srcdir/bench/fair_ratio.sh"
fi
