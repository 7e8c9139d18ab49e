# tests/lib.sh -- shared helpers for mingle's shell tests (TAP output).
# Source it; it expects $MINGLE, $top_srcdir, $top_builddir from `make check`.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${MINGLE:=$top_builddir/mingle}"
t_n=0
t_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mingle-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

t_ok() { t_n=$((t_n + 1)); echo "ok $t_n - $1"; }
t_fail() {
	t_n=$((t_n + 1)); t_failed=$((t_failed + 1))
	echo "not ok $t_n - $1"
	shift
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}

# t_run NAME EXPECTED_STATUS CMD...: run, keep stdout in $TMP/out and
# stderr in $TMP/err, check the exit status.  (Helpers use _t_ names only,
# so they never clobber a caller's variables.)
t_run() {
	_t_name=$1 _t_want=$2; shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	_t_got=$?
	if [ "$_t_got" = "$_t_want" ]; then t_ok "$_t_name (exit $_t_got)"
	else t_fail "$_t_name: exit $_t_got, want $_t_want" "stderr: $(head -c 2000 "$TMP/err")"
	fi
}

# t_contains NAME FILE TEXT: FILE contains the fixed string TEXT.
t_contains() {
	if grep -qF -- "$3" "$2"; then t_ok "$1"
	else t_fail "$1: '$3' not in $(basename "$2")" "$(head -c 2000 "$2")"
	fi
}

# t_lacks NAME FILE TEXT: FILE does not contain the fixed string TEXT.
t_lacks() {
	if grep -qF -- "$3" "$2"; then
		t_fail "$1: '$3' in $(basename "$2")" "$(grep -F -- "$3" "$2")"
	else
		t_ok "$1"
	fi
}

# t_same NAME WANT GOT: two files are byte-identical.
t_same() {
	if cmp -s "$2" "$3"; then t_ok "$1"
	else t_fail "$1: output differs" "$(diff -u "$2" "$3" | head -40)"
	fi
}

# t_absent NAME FILE: FILE does not exist.
t_absent() {
	if [ ! -e "$2" ]; then t_ok "$1"; else t_fail "$1: $2 exists"; fi
}

t_done() {
	echo "1..$t_n"
	[ "$t_failed" -eq 0 ]
}

# t_core_objects: "NAME OBJECT" for each built object of core/NAME.c, once
# each: libmingle's (libtool names them libmingle_la-NAME.o, the PIC ones
# in .libs) and the mingle program's (NAME.o).  Per-target copies built
# for tests (tests_unit_*-NAME.o) are not the program's, and an object
# left from a file since renamed is no longer built.
t_core_objects() {
	_t_seen=" "
	for _t_o in "$top_builddir"/core/.libs/*.o "$top_builddir"/core/*.o; do
		[ -f "$_t_o" ] || continue
		_t_name=$(basename "$_t_o" .o)
		case $_t_name in tests_*) continue ;; esac
		_t_name=${_t_name#libmingle_la-}
		[ -f "$top_srcdir/core/$_t_name.c" ] || continue
		case $_t_seen in *" $_t_name "*) continue ;; esac
		_t_seen="$_t_seen$_t_name "
		echo "$_t_name $_t_o"
	done
}
