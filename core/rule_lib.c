/*
 * rule_lib.c -- the `mingle` library for rule scripts, in C for speed.
 *
 *   mingle.overlap(x, y)    the common tags, an array sorted by byte order
 *   mingle.jaccard(x, y)    |x and y| / |x or y|, 0 when both are empty
 *   mingle.has_tag(set, t)  t normalized like tags are, then looked up
 *   mingle.normalize(s)     NFKC, case folded, '#' and spaces trimmed
 *   mingle.words(s)         the words of s, case folded (rule_words.c)
 *   mingle.log(...)         print: a line on stderr naming the script and
 *                           line (sandbox_guard.c)
 *
 * A set is a tag set from a view, an array of strings, or a set-like table
 * (string keys with true values).  Two tag sets of the same field are
 * merged on their ranks without touching a string.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "normalize.h"
#include "rule_internal.h"
#include "sandbox.h"

/*
 * What mingle.normalize and has_tag charge, in units of the instruction
 * limit: about what the same time buys in VM instructions.  Per character
 * and per code point of its decomposition (U+FDFA has 18), and per swap
 * the reordering of a run of combining marks may make (up to the square
 * of the run's length).  The text is scanned in parts, each charged
 * before the next, so a huge one stops early.
 */
#define NORMALIZE_UNITS		6
#define NORMALIZE_SWAP_UNITS	2
#define NORMALIZE_PART		4096

struct lib_str {
	const char *s;
	size_t len;
};

static int	lib_overlap(lua_State *);
static int	lib_jaccard(lua_State *);
static int	lib_has_tag(lua_State *);
static int	lib_normalize(lua_State *);
static size_t	lib_common(lua_State *, int, size_t *, size_t *);
static size_t	lib_merge(lua_State *, const struct rule_tagset *,
		    const struct rule_tagset *, int);
static struct lib_str *lib_collect(lua_State *, int, size_t *);
static int	lib_str_cmp(const void *, const void *);
static const char *lib_normalize_arg(lua_State *, int, size_t *);

static const luaL_Reg lib_funcs[] = {
	{ "overlap", lib_overlap },
	{ "jaccard", lib_jaccard },
	{ "has_tag", lib_has_tag },
	{ "normalize", lib_normalize },
	{ "words", rule_words_split },
	{ "log", sandbox_guard_print },
	{ NULL, NULL }
};

void
rule_lib_push(lua_State *L)
{
	const luaL_Reg *r;

	luaL_newlib(L, lib_funcs);			/* mingle */
	for (r = lib_funcs; r->name != NULL; r++) {
		lua_getfield(L, -1, r->name);		/* mingle fn */
		sandbox_order_remember(L, -1);
		lua_pop(L, 1);				/* mingle */
	}
}

static int
lib_overlap(lua_State *L)
{
	size_t nx, ny;

	lib_common(L, 1, &nx, &ny);			/* ... common */
	return 1;
}

static int
lib_jaccard(lua_State *L)
{
	size_t nx, ny, both;

	both = lib_common(L, 0, &nx, &ny);
	if (nx + ny == both)
		lua_pushnumber(L, both == 0 ? 0.0 : 1.0);
	else
		lua_pushnumber(L, (double)both / (double)(nx + ny - both));
	return 1;
}

/*
 * The tags sets 1 and 2 share: how many, and if PUSH, an array of them
 * pushed; *NX and *NY get the sizes of the two sets.  Same-field tag
 * sets merge their ranks; anything else is
 * collected as strings, sorted and merged.
 */
static size_t
lib_common(lua_State *L, int push, size_t *nx, size_t *ny)
{
	const struct rule_tagset *x = rule_view_tagset(L, 1);
	const struct rule_tagset *y = x != NULL ? rule_view_tagset(L, 2) : NULL;
	struct lib_str *a, *b;
	size_t i = 0, j = 0, na, nb, n = 0;
	int c, out;

	if (push)
		lua_newtable(L);			/* x y common */
	out = lua_gettop(L);
	if (x != NULL && y != NULL && x->tf == y->tf) {
		*nx = x->n;
		*ny = y->n;
		return lib_merge(L, x, y, push ? out : 0);
	}
	a = lib_collect(L, 1, &na);			/* ... ua */
	b = lib_collect(L, 2, &nb);			/* ... ua ub */
	*nx = na;
	*ny = nb;
	while (i < na && j < nb) {
		c = lib_str_cmp(&a[i], &b[j]);
		if (c < 0)
			i++;
		else if (c > 0)
			j++;
		else {
			if (push) {
				lua_pushlstring(L, a[i].s, a[i].len);
				lua_rawseti(L, out, (lua_Integer)++n);
			} else
				n++;
			i++;
			j++;
		}
	}
	lua_settop(L, out);				/* ... [common] */
	return n;
}

/* Two tag sets of one field, merged on ranks; common tags into the table
 * at OUT unless it is 0. */
static size_t
lib_merge(lua_State *L, const struct rule_tagset *x,
    const struct rule_tagset *y, int out)
{
	size_t i = 0, j = 0, n = 0;

	sandbox_charge(L, x->n + y->n);
	while (i < x->n && j < y->n) {
		if (x->ranks[i] < y->ranks[j])
			i++;
		else if (x->ranks[i] > y->ranks[j])
			j++;
		else {
			n++;
			if (out != 0) {
				lua_pushstring(L,
				    x->tf->name_of_rank[x->ranks[i]]);
				lua_rawseti(L, out, (lua_Integer)n);
			}
			i++;
			j++;
		}
	}
	return n;
}

/*
 * The set at IDX as a sorted array of distinct strings, in a userdata
 * pushed on the stack; the strings stay anchored by the argument.
 */
static struct lib_str *
lib_collect(lua_State *L, int idx, size_t *np)
{
	const struct rule_tagset *ts = rule_view_tagset(L, idx);
	struct lib_str *v;
	lua_Integer len, i;
	size_t n = 0, k, cap, bytes = 0;

	if (ts != NULL) {
		v = lua_newuserdatauv(L, (ts->n + 1) * sizeof *v, 0);
		for (k = 0; k < ts->n; k++) {
			v[k].s = ts->tf->name_of_rank[ts->ranks[k]];
			v[k].len = strlen(v[k].s);
		}
		*np = ts->n;
		return v;			/* already sorted */
	}
	luaL_argexpected(L, lua_type(L, idx) == LUA_TTABLE, idx, "tag set");
	len = (lua_Integer)lua_rawlen(L, idx);
	if (len > 0) {
		v = lua_newuserdatauv(L, ((size_t)len + 1) * sizeof *v, 0);
		for (i = 1; i <= len; i++) {
			if (lua_rawgeti(L, idx, i) != LUA_TSTRING)
				luaL_argerror(L, idx, "tags must be strings");
			v[n].s = lua_tolstring(L, -1, &v[n].len);
			n++;
			lua_pop(L, 1);
		}
	} else {
		cap = 0;
		lua_pushnil(L);
		while (lua_next(L, idx)) {
			cap++;
			lua_pop(L, 1);
		}
		v = lua_newuserdatauv(L, (cap + 1) * sizeof *v, 0);
		lua_pushnil(L);
		while (lua_next(L, idx)) {		/* ... ud key value */
			if (lua_type(L, -2) != LUA_TSTRING)
				luaL_argerror(L, idx, "tags must be strings");
			if (lua_toboolean(L, -1)) {
				v[n].s = lua_tolstring(L, -2, &v[n].len);
				n++;
			}
			lua_pop(L, 1);			/* ... ud key */
		}
	}
	/* Sorting compares strings, each up to its length. */
	for (k = 0; k < n; k++)
		bytes += v[k].len;
	sandbox_charge(L, (n + bytes / SANDBOX_BYTES_PER_UNIT) *
	    (2 + sandbox_guard_log2(n)));
	qsort(v, n, sizeof *v, lib_str_cmp);
	for (k = 0, i = 0; (size_t)i < n; i++)
		if (k == 0 || lib_str_cmp(&v[k - 1], &v[i]) != 0)
			v[k++] = v[i];
	*np = k;
	return v;
}

static int
lib_str_cmp(const void *va, const void *vb)
{
	const struct lib_str *a = va, *b = vb;
	int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);

	if (c != 0)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

static int
lib_has_tag(lua_State *L)
{
	const struct rule_tagset *ts = rule_view_tagset(L, 1);
	size_t len, lo, hi, mid;
	lua_Integer n, i;
	const char *tag;
	long r;
	int found = 0;

	luaL_checkstring(L, 2);
	if (ts == NULL)
		luaL_argexpected(L, lua_type(L, 1) == LUA_TTABLE, 1, "tag set");
	tag = lib_normalize_arg(L, 2, &len);		/* set tag norm */
	if (ts != NULL) {
		r = rule_view_tag_rank(ts->tf, tag, len);
		for (lo = 0, hi = ts->n; r >= 0 && lo < hi && !found;) {
			mid = lo + (hi - lo) / 2;
			if (ts->ranks[mid] == (uint32_t)r)
				found = 1;
			else if (ts->ranks[mid] < (uint32_t)r)
				lo = mid + 1;
			else
				hi = mid;
		}
	} else if ((n = (lua_Integer)lua_rawlen(L, 1)) > 0) {
		/* Each comparison reads up to the tag's length. */
		sandbox_charge(L, (size_t)n * (1 + len /
		    SANDBOX_BYTES_PER_UNIT));
		for (i = 1; i <= n && !found; i++) {
			if (lua_rawgeti(L, 1, i) == LUA_TSTRING &&
			    strcmp(lua_tostring(L, -1), tag) == 0)
				found = 1;
			lua_pop(L, 1);
		}
	} else {
		lua_pushvalue(L, -1);			/* set tag norm norm */
		found = lua_rawget(L, 1) != LUA_TNIL && lua_toboolean(L, -1);
		lua_pop(L, 1);				/* set tag norm */
	}
	lua_pushboolean(L, found);
	return 1;
}

static int
lib_normalize(lua_State *L)
{
	size_t len;

	luaL_checkstring(L, 1);
	lib_normalize_arg(L, 1, &len);			/* s norm */
	return 1;
}

/*
 * Push the string at IDX normalized and return it (*LEN bytes).  Its work
 * is charged as the text is scanned, before the normalization proper, and
 * its buffer and result live in the state's memory, under its limit.
 */
static const char *
lib_normalize_arg(lua_State *L, int idx, size_t *lenp)
{
	struct normalize_cost c;
	size_t len, units, done = 0, swaps = 0, room;
	const char *s = lua_tolstring(L, idx, &len);
	void *buf;
	long n;
	int r = 0;

	if (memchr(s, '\0', len) != NULL)
		luaL_argerror(L, idx, "not valid UTF-8 text");
	room = sandbox_memory_limit(L) / sizeof(int32_t);
	memset(&c, 0, sizeof c);
	while (r == 0) {
		r = normalize_cost(s, len, &c, NORMALIZE_PART);
		units = c.chars + c.cps - done;
		done = c.chars + c.cps;
		sandbox_charge(L, units * NORMALIZE_UNITS +
		    (c.swaps - swaps) * NORMALIZE_SWAP_UNITS);
		swaps = c.swaps;
		if (r == 0 && c.cps >= room) {
			/* The buffer will not fit: stop here, with the memory
			 * error this allocation raises. */
			lua_newuserdatauv(L, c.cps * sizeof(int32_t) + 1, 0);
			lua_pop(L, 1);
			room = (size_t)-1;
		}
	}
	if (r < 0)
		luaL_argerror(L, idx, "not valid UTF-8 text");
	buf = lua_newuserdatauv(L, c.cps * sizeof(int32_t) + 1, 0);
							/* ... buf */
	if ((n = normalize_tag_into(s, len, buf, c.cps)) < 0)
		luaL_argerror(L, idx, "not valid UTF-8 text");
	lua_pushlstring(L, buf, (size_t)n);		/* ... buf norm */
	lua_remove(L, -2);				/* ... norm */
	*lenp = (size_t)n;
	return lua_tostring(L, -1);
}
