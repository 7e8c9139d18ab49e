#!/bin/sh
# bench/fair_ratio.sh: how close `mode = suggestions` comes to the
# fairest b-matching.  For random sparse graphs with ties and vetoed
# pairs (min = max = k, the sizes of issue 11), the exact optimum
# (tests/oracle/fair.py: scipy's MILP, fewest missing first, then most
# weight) beside mingle's result from tests/unit/suggest_dump (build it
# with `make check` or `make tests/unit/suggest_dump`).
# FAIR_SEEDS (default 1 2 3) and FAIR_SIZES (n:k, default the issue's)
# choose the graphs.  "nan": the solver ran out of time on that graph.
set -eu
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
py=${PYTHON3_SCIPY:-/usr/bin/python3}
dump=$top_builddir/tests/unit/suggest_dump
oracle=$top_srcdir/tests/oracle/fair.py
if ! "$py" -c 'import scipy.optimize; scipy.optimize.milp' 2>/dev/null; then
	echo "fair_ratio: needs python3-scipy" >&2
	exit 1
fi
if [ ! -x "$dump" ]; then
	echo "fair_ratio: build $dump first (make check)" >&2
	exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/mingle-fair.XXXXXX")
trap 'rm -rf "$dir"' EXIT

printf '%5s %3s %5s %6s %12s %12s %7s %8s %8s\n' \
    seed n k edges mingle optimum ratio missing optimum
for seed in ${FAIR_SEEDS:-1 2 3}; do
	for size in ${FAIR_SIZES:-120:3 300:5 500:6 400:3}; do
		"$py" "$oracle" graphs "$seed" "$size:1" >"$dir/g"
		"$py" "$oracle" solve <"$dir/g" >"$dir/want" 2>/dev/null
		"$dump" <"$dir/g" >"$dir/got"
		read -r n m lo hi <"$dir/g"
		read -r ww wm <"$dir/want"
		read -r gw gm <"$dir/got"
		awk -v s="$seed" -v n="$n" -v k="$hi" -v m="$m" -v gw="$gw" \
		    -v ww="$ww" -v gm="$gm" -v wm="$wm" 'BEGIN {
			r = (ww + 0 > 0) ? sprintf("%.4f", gw / ww) : "nan"
			printf "%5d %3d %5d %6d %12.3f %12s %7s %8d %8d\n",
			    s, n, k, m, gw, ww, r, gm, wm }'
	done
done
