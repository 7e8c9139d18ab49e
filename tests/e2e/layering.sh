#!/bin/sh
# layering.sh -- calls between core files go one way (docs/architecture.md).
# The graph comes from the built objects: core/A.c depends on core/B.c when
# A's object leaves undefined a symbol that B's object defines (nm).  The
# check fails
#   - on any cycle between files, except inside the groups below;
#   - on any global symbol of mingle's in Lua's namespace, so that a
#     reader can tell mingle's code from Lua's API;
#   - where docs/architecture.md's tables and the calls disagree: each
#     file has one row, its last cell lists exactly the files it calls
#     (util.c, which all may call, aside), and they all stand in earlier
#     rows, so the tables read top down are the layering.
# A self-test first plants cycles, Lua names and wrong rows in objects
# compiled on the fly and proves they are caught.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

# Files that may call each other, a group a line: the files, then why.
groups() {
	cat <<'EOF'
blossom blossom_tree: Edmonds' blossom matching is one algorithm; the tree walks and the main loop call each other
EOF
}

# Findings expected until a change under way lands, a line each: the
# files of today (* for any letters) => the files the change brings, then
# why.  Findings that involve such a file are reported as TODO (XFAIL,
# not a failure).  The line fails once no file of today is left: delete it
# when the change has landed, and its new files are checked like all others.
pending() {
	cat <<'EOF'
EOF
}

# Lua's namespace: lua_*, luaL_* and the other luaX_* (Lua's own internal
# modules: luaV_, luaD_ ...), luai_*, luaopen_*, LUA_*, LUAI_*, LUAL_*.
LUA_NAMES='^(lua[A-Za-z]?_|luaopen_|LUA[A-Z]?_)'

if ! command -v nm >/dev/null 2>&1; then
	echo "1..0 # SKIP nm not installed"
	exit 0
fi

# t_todo NAME REASON [LINE...]: a known failure, expected until REASON
# goes away.
t_todo() {
	t_n=$((t_n + 1))
	echo "not ok $t_n - $1 # TODO $2"
	shift 2
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}

# symbols OBJECTS: "D NAME SYMBOL" for every global symbol the object of
# core/NAME.c defines, then "U NAME SYMBOL" for every one it leaves
# undefined.  OBJECTS holds lines "NAME OBJECT", as t_core_objects writes
# them.  One nm for all objects: nm -A starts each line with the object's
# path and a colon, and no symbol holds a colon.
symbols() {
	_list=$1
	set --
	while read -r _n _o; do set -- "$@" "$_o"; done < "$_list"
	nm -g -A "$@" | awk '
	    FNR == NR { n = $1; sub(/^[^ ]* /, ""); name[$0] = n; next }
	    {
		path = $0; sub(/:[^:]*$/, "", path); sub(/.*:/, "")
		if (NF >= 3)
			print "D", name[path], $3
		else if (NF == 2)
			print "U", name[path], $2
	    }' "$_list" - | sort -s -k 1,1
}

# edges SYMBOLS: "FROM TO SYMBOL" for every symbol FROM leaves undefined
# and TO defines.
edges() {
	awk '$1 == "D" { def[$3] = $2; next }
	    ($3 in def) && def[$3] != $2 { print $2, def[$3], $3 }' "$1"
}

# knots EDGES DIR: write DIR/1, DIR/2 ... for each knot, a set of files
# that depend on each other, the groups being one node: first line the
# files, then the shortest cycle through the first of them, with the
# symbols that make each edge, then the knot's other edges.
knots() {
	mkdir -p "$2"
	groups | awk -v dir="$2" '
	function sym(from, to,    n, s, i, out) {
		n = split(syms[from, to], s, " ")
		for (i = 1; i <= n && i <= 4; i++)
			out = out " " s[i]
		if (n > 4)
			out = out " (and " n - 4 " more)"
		return out
	}
	# The edges between files that make the edge U -> V between nodes.
	function detail(u, v, out,    i, j, a, b, na, nb) {
		na = split(files[u], a, " ")
		nb = split(files[v], b, " ")
		for (i = 1; i <= na; i++)
			for (j = 1; j <= nb; j++)
				if ((a[i], b[j]) in syms)
					print "  " a[i] ".c -> " b[j] ".c:" \
					    sym(a[i], b[j]) > out
	}
	function node(f) {
		return (f in group) ? group[f] : f ".c"
	}
	FNR == NR {
		sub(/:.*/, "")
		n = split($0, m, " ")
		label = ""
		for (i = 1; i <= n; i++)
			label = label (i > 1 ? "+" : "") m[i] ".c"
		for (i = 1; i <= n; i++)
			group[m[i]] = label
		files[label] = $0
		next
	}
	{
		u = node($1); v = node($2)
		if (!(u in files))
			files[u] = $1
		if (!(v in files))
			files[v] = $2
		if (($1, $2) in syms)
			syms[$1, $2] = syms[$1, $2] " " $3
		else
			syms[$1, $2] = $3
		if (u == v)
			next
		if (!(u in id)) {
			id[u] = ++n_nodes; name[n_nodes] = u
		}
		if (!(v in id)) {
			id[v] = ++n_nodes; name[n_nodes] = v
		}
		adj[u, v] = 1
	}
	END {
		# Sorted, so the report does not depend on the input order.
		for (i = 2; i <= n_nodes; i++)
			for (j = i; j > 1 && name[j - 1] > name[j]; j--) {
				t = name[j]; name[j] = name[j - 1]; name[j - 1] = t
			}
		for (i = 1; i <= n_nodes; i++)
			id[name[i]] = i
		for (k in adj) {
			split(k, p, SUBSEP)
			a[id[p[1]], id[p[2]]] = 1
		}
		for (i = 1; i <= n_nodes; i++)
			for (j = 1; j <= n_nodes; j++)
				r[i, j] = ((i, j) in a)
		for (k = 1; k <= n_nodes; k++)
			for (i = 1; i <= n_nodes; i++)
				if (r[i, k])
					for (j = 1; j <= n_nodes; j++)
						if (r[k, j])
							r[i, j] = 1
		knot = 0
		for (i = 1; i <= n_nodes; i++) {
			if (done[i] || !r[i, i])
				continue
			out = dir "/" ++knot
			members = ""
			for (j = 1; j <= n_nodes; j++)
				if (r[i, j] && r[j, i]) {
					done[j] = 1; in_knot[knot, j] = 1
					members = members (members == "" ? "" : " ") \
					    files[name[j]]
				}
			print members > out
			# Breadth first from i to a node with an edge back to i.
			head = 1; tail = 1; queue[1] = i
			split("", seen); seen[i] = 1
			while (head <= tail) {
				w = queue[head++]
				if ((w, i) in a)
					break
				for (j = 1; j <= n_nodes; j++)
					if ((w, j) in a && in_knot[knot, j] &&
					    !(j in seen)) {
						seen[j] = 1; parent[j] = w
						queue[++tail] = j
					}
			}
			len = 0
			for (x = w; x != i; x = parent[x])
				path[++len] = x
			path[++len] = i
			line = "cycle:"
			split("", on_cycle)
			for (j = len; j >= 1; j--) {
				line = line " " name[path[j]] " ->"
				nxt = j > 1 ? path[j - 1] : i
				on_cycle[path[j], nxt] = 1
			}
			print line " " name[i] > out
			for (j = len; j >= 1; j--)
				detail(name[path[j]], name[j > 1 ? path[j - 1] : i],
				    out)
			first = 1
			for (x = 1; x <= n_nodes; x++)
				for (y = 1; y <= n_nodes; y++)
					if ((x, y) in a && in_knot[knot, x] &&
					    in_knot[knot, y] && !((x, y) in on_cycle)) {
						if (first)
							print "other edges among these files:" > out
						first = 0
						detail(name[x], name[y], out)
					}
			close(out)
		}
	}' - "$1"
}

# lua_names SYMBOLS: "NAME SYMBOL" for every global symbol core/NAME.c
# defines in Lua's namespace.
lua_names() {
	awk -v re="$LUA_NAMES" '$1 == "D" && $3 ~ re { print $2, $3 }' "$1"
}

# doc_check DOC OBJECTS EDGES: "FILES<tab>what is wrong" for each place
# where DOC's tables and the calls between the files disagree.  A row is a
# line "| `NAME.c` | ... | CALLS |"; CALLS names files as `NAME.c`.
doc_check() {
	groups | awk -v doc="$1" -v objects="$2" '
	function syms(k,    n, s, i, out) {
		n = split(calls[k], s, " ")
		for (i = 1; i <= n && i <= 4; i++)
			out = out (i > 1 ? " " : "") s[i]
		return n > 4 ? out " and " n - 4 " more" : out
	}
	function say(files, what) {
		printf "%s\t%s\n", files, what
	}
	FILENAME == "-" {
		sub(/:.*/, "")
		n = split($0, m, " ")
		for (i = 1; i <= n; i++)
			group[m[i]] = NR
		next
	}
	FILENAME == doc {
		if ($0 !~ /^\| `[a-z0-9_]+\.c` \|/)
			next
		f = $0; sub(/^\| `/, "", f); sub(/\.c`.*/, "", f)
		if (f in row) {
			say(f, f ".c has two rows")
			next
		}
		row[f] = ++nrows
		cell = $0; sub(/ *\| *$/, "", cell); sub(/.*\|/, "", cell)
		while (match(cell, /`[a-z0-9_]+\.c`/)) {
			c = substr(cell, RSTART + 1, RLENGTH - 4)
			if (c != "util")
				lists[f, c] = 1
			cell = substr(cell, RSTART + RLENGTH)
		}
		next
	}
	FILENAME == objects {
		built[$1] = 1
		next
	}
	$2 != "util" {
		k = $1 SUBSEP $2
		calls[k] = (k in calls) ? calls[k] " " $3 : $3
	}
	END {
		for (f in built)
			if (!(f in row))
				say(f, "core/" f ".c has no row: add one to the " \
				    "table of its stage, below the files it calls")
		for (f in row)
			if (!(f in built))
				say(f, "the row of " f ".c names no built file: " \
				    "rename or delete it")
		for (k in calls) {
			split(k, p, SUBSEP)
			if (!(p[1] in row))
				continue
			if (!(k in lists))
				say(p[1] " " p[2], "core/" p[1] ".c calls " p[2] \
				    ".c (" syms(k) "); its row does not say so")
			else if ((p[2] in row) && row[p[2]] > row[p[1]] &&
			    !(p[1] in group && group[p[1]] == group[p[2]]))
				say(p[1] " " p[2], "core/" p[1] ".c calls " p[2] \
				    ".c (" syms(k) "), whose row comes later: " \
				    "a file calls only files above it")
		}
		for (k in lists)
			if (!(k in calls)) {
				split(k, p, SUBSEP)
				say(p[1] " " p[2], "the row of " p[1] ".c lists " \
				    p[2] ".c, which it does not call")
			}
	}' - "$1" "$2" "$3" | LC_ALL=C sort
}

# is_pending FILES: one of FILES (stems) is on a pending() line; prints
# why.
is_pending() {
	pending | awk -v files="$1" '{
		why = $0; sub(/^[^:]*: */, "", why)
		sub(/:.*/, ""); gsub(/=>/, " ")
		n = split($0, m, " ")
		for (i = 1; i <= n; i++) {
			re = m[i]; gsub(/\*/, ".*", re)
			pat[++np] = "^" re "$"; reason[np] = why
		}
	}
	END {
		n = split(files, f, " ")
		for (i = 1; i <= n; i++)
			for (j = 1; j <= np; j++)
				if (f[i] ~ pat[j]) {
					print reason[j]
					exit 0
				}
		exit 1
	}'
}

# ---------------------------------------------------------------- self-test
# Objects compiled on the fly, so the whole way from nm to the report is
# tested, not only the cycle finder.
CC=${CC:-cc}
S="$TMP/self"
mkdir -p "$S"

# compile NAME CODE: compile CODE as $S/NAME.o.
compile() {
	printf '%s\n' "$2" > "$S/$1.c"
	if ! $CC -c -o "$S/$1.o" "$S/$1.c" 2>"$S/cc.err"; then
		echo "Bail out! $CC cannot compile the self-test: $(cat "$S/cc.err")"
		exit 1
	fi
}

# check_knots NAME FILES...: run the check on the objects of FILES; the
# knots found are in $S/NAME/.
check_knots() {
	_k=$S/$1; shift
	for f in "$@"; do echo "$f $S/$f.o"; done > "$_k.objects"
	symbols "$_k.objects" > "$_k.symbols"
	edges "$_k.symbols" > "$_k.edges"
	knots "$_k.edges" "$_k"
}

compile one_way 'int two_way(void); int one_way(void) { return two_way(); }'
compile two_way 'int one_way(void); int two_way(void) { return 2; }'
compile ping 'int pong(void); int ping(void) { return pong(); }'
compile pong 'int ping(void); int pong(void) { return ping(); }'
compile rock 'int paper(void); int rock(void) { return paper(); }'
compile paper 'int scissors(void); int paper(void) { return scissors(); }'
compile scissors 'extern int rock_count; int rock(void);
int scissors(void) { return rock() + rock_count; }'
compile count 'int rock_count = 3;'
compile blossom 'int blossom_tree_walk(void); int x_hop(void);
int blossom_run(void) { return blossom_tree_walk() + x_hop(); }'
compile blossom_tree 'int blossom_run(void);
int blossom_tree_walk(void) { return blossom_run(); }'
compile x 'int blossom_tree_walk(void); int x_hop(void) { return blossom_tree_walk(); }'

check_knots straight one_way two_way
if [ -s "$S/straight.edges" ] && [ ! -e "$S/straight/1" ]; then
	t_ok "self-test: one file calling another is no cycle"
else
	t_fail "self-test: one file calling another is no cycle" \
	    "edges: $(cat "$S/straight.edges")" "$(cat "$S/straight/"* 2>/dev/null)"
fi

check_knots mutual ping pong
printf '%s\n' "ping pong" "cycle: ping.c -> pong.c -> ping.c" \
    "  ping.c -> pong.c: pong" "  pong.c -> ping.c: ping" > "$S/want"
t_same "self-test: two files calling each other are a cycle, with the symbols" \
    "$S/want" "$S/mutual/1"

check_knots triangle rock paper scissors count
printf '%s\n' "paper rock scissors" \
    "cycle: paper.c -> scissors.c -> rock.c -> paper.c" \
    "  paper.c -> scissors.c: scissors" "  scissors.c -> rock.c: rock" \
    "  rock.c -> paper.c: paper" > "$S/want"
t_same "self-test: a cycle of three files, a data symbol outside it" \
    "$S/want" "$S/triangle/1"

check_knots group blossom blossom_tree
if [ -s "$S/group.edges" ] && [ ! -e "$S/group/1" ]; then
	t_ok "self-test: the files of a group may call each other"
else
	t_fail "self-test: the files of a group may call each other" \
	    "$(cat "$S/group/"* 2>/dev/null)"
fi

check_knots through blossom blossom_tree x
printf '%s\n' "blossom blossom_tree x" \
    "cycle: blossom.c+blossom_tree.c -> x.c -> blossom.c+blossom_tree.c" \
    "  blossom.c -> x.c: x_hop" "  x.c -> blossom_tree.c: blossom_tree_walk" \
    > "$S/want"
t_same "self-test: a cycle through a group and another file" \
    "$S/want" "$S/through/1"

compile lua_like 'int lua_mine(void); int luaL_helper(void); int luaopen_x(void);
int LUA_COUNT = 1; int LUAL_BUF = 2; int luaV_run(void) { return 0; }
static int lua_hidden(void) { return 1; } int lua_pushnil(void);
int lua_mine(void) { return lua_hidden(); }
int luaL_helper(void) { return lua_pushnil(); }
int luaopen_x(void) { return 0; } int lunar_mine(void) { return 0; }'
echo "lua_like $S/lua_like.o" > "$S/lua.objects"
symbols "$S/lua.objects" > "$S/lua.symbols"
lua_names "$S/lua.symbols" | sort > "$S/lua.got"
printf 'lua_like %s\n' LUAL_BUF LUA_COUNT luaL_helper luaV_run lua_mine \
    luaopen_x | sort > "$S/lua.want"
t_same "self-test: definitions in Lua's namespace are found, calls into Lua are not" \
    "$S/lua.want" "$S/lua.got"

# doc_selftest NAME OBJECTS... -- ROWS...: doc_check's findings for a
# document of ROWS ("FILE.c CALLS...") and the objects of OBJECTS, in
# $S/NAME.got.
doc_selftest() {
	_d=$S/$1; shift
	: > "$_d.objects"
	while [ "$1" != -- ]; do
		echo "$1 $S/$1.o" >> "$_d.objects"
		shift
	done
	shift
	printf '# a doc\n\n| file | owns | calls |\n|---|---|---|\n' > "$_d.md"
	for r in "$@"; do
		set -- $r
		printf '| `%s` | something |' "$1" >> "$_d.md"
		shift
		[ $# -gt 0 ] || printf ' —' >> "$_d.md"
		for c in "$@"; do printf ' `%s`' "$c" >> "$_d.md"; done
		printf ' |\n' >> "$_d.md"
	done
	symbols "$_d.objects" > "$_d.symbols"
	edges "$_d.symbols" > "$_d.edges"
	doc_check "$_d.md" "$_d.objects" "$_d.edges" > "$_d.got"
}

doc_selftest doc_good one_way two_way -- "two_way.c" "one_way.c two_way.c util.c"
if [ -s "$S/doc_good.edges" ] && [ ! -s "$S/doc_good.got" ]; then
	t_ok "self-test: a table that shows the calls passes"
else
	t_fail "self-test: a table that shows the calls passes" "$(cat "$S/doc_good.got")"
fi

doc_selftest doc_bad one_way two_way -- "one_way.c util.c" \
    "two_way.c one_way.c" "gone.c" "two_way.c"
printf '%s\t%s\n' \
    "gone" "the row of gone.c names no built file: rename or delete it" \
    "one_way two_way" "core/one_way.c calls two_way.c (two_way); its row does not say so" \
    "two_way" "two_way.c has two rows" \
    "two_way one_way" "the row of two_way.c lists one_way.c, which it does not call" \
    | LC_ALL=C sort > "$S/want"
t_same "self-test: a call left out, one that is not made, rows gone and twice" \
    "$S/want" "$S/doc_bad.got"

doc_selftest doc_order one_way two_way blossom blossom_tree x -- \
    "one_way.c two_way.c" "two_way.c" \
    "blossom.c blossom_tree.c x.c" "blossom_tree.c blossom.c"
printf '%s\t%s\n' \
    "one_way two_way" "core/one_way.c calls two_way.c (two_way), whose row comes later: a file calls only files above it" \
    "x" "core/x.c has no row: add one to the table of its stage, below the files it calls" \
    | LC_ALL=C sort > "$S/want"
t_same "self-test: a call to a later row, a file with no row; a group in any order" \
    "$S/want" "$S/doc_order.got"

# ---------------------------------------------------------------- core
t_core_objects > "$TMP/objects"
if [ ! -s "$TMP/objects" ]; then
	echo "Bail out! no objects under $top_builddir/core (run make first)"
	exit 1
fi
symbols "$TMP/objects" > "$TMP/symbols"
edges "$TMP/symbols" > "$TMP/edges"
knots "$TMP/edges" "$TMP/knots"
t_ok "core: $(wc -l < "$TMP/objects") files, $(cut -d' ' -f1,2 "$TMP/edges" |
    sort -u | wc -l) dependencies between them"

failed=0
for k in "$TMP/knots"/*; do
	[ -f "$k" ] || continue
	files=$(head -n 1 "$k")
	what="files that depend on each other: $files"
	if why=$(is_pending "$files"); then
		t_todo "$what" "$why" "$(tail -n +2 "$k")"
	else
		failed=1
		t_fail "$what" "$(tail -n +2 "$k")" \
		    "Calls go one way (docs/architecture.md): move what one edge needs to the file" \
		    "that uses it, or below both, so that the cycle breaks."
	fi
done
[ "$failed" = 1 ] || t_ok "no other cycle between core files"

lua_names "$TMP/symbols" > "$TMP/lua"
failed=0
for f in $(cut -d' ' -f1 "$TMP/lua" | sort -u); do
	names=$(awk -v f="$f" '$1 == f { printf "%s%s", s, $2; s = " " }' "$TMP/lua")
	what="core/$f.c defines names in Lua's namespace: $names"
	if why=$(is_pending "$f"); then
		t_todo "$what" "$why"
	else
		failed=1
		t_fail "$what" "Lua owns lua_*, luaL_*, LUA_*: give them mingle's own prefix."
	fi
done
[ "$failed" = 1 ] || t_ok "no other name of mingle's in Lua's namespace"

doc_check "$top_srcdir/docs/architecture.md" "$TMP/objects" "$TMP/edges" \
    > "$TMP/doc"
: > "$TMP/doc.fail"
: > "$TMP/doc.todo"
tab=$(printf '\t')
while IFS="$tab" read -r files what; do
	if w=$(is_pending "$files"); then
		why=$w
		echo "$what" >> "$TMP/doc.todo"
	else
		echo "$what" >> "$TMP/doc.fail"
	fi
done < "$TMP/doc"
what="docs/architecture.md's tables show the calls between core files"
if [ -s "$TMP/doc.fail" ]; then
	t_fail "$what" "$(cat "$TMP/doc.fail")"
else
	t_ok "$what"
fi
[ ! -s "$TMP/doc.todo" ] ||
    t_todo "$what, for files being renamed" "$why" "$(cat "$TMP/doc.todo")"

# A group's files are all built; a pending line still has a file of today.
groups | while IFS= read -r line; do
	for f in ${line%%:*}; do
		grep -q "^$f " "$TMP/objects" ||
		    echo "groups(): core/$f.c is not built: update or delete the line \"${line%%:*}: ...\""
	done
done > "$TMP/stale"
set -f
pending | while IFS= read -r line; do
	today=${line%%=>*}
	left=
	for pattern in $today; do
		while read -r name o; do
			case $name in $pattern) left=1 ;; esac
		done < "$TMP/objects"
	done
	[ -n "$left" ] ||
	    echo "pending(): no file $today is left: the change has landed; delete the line \"$today=> ...\""
done >> "$TMP/stale"
set +f
if [ -s "$TMP/stale" ]; then
	t_fail "groups() and pending() name files that are built" "$(cat "$TMP/stale")"
else
	t_ok "groups() and pending() name files that are built"
fi
t_done
