/*
 * lua_guard.c -- safe replacements for standard library functions.
 *
 * Each guard closes one gap the allow-list alone leaves open:
 *   - pcall, xpcall, coroutine.resume and coroutine.close catch errors, so
 *     after they return the sandbox checks whether the caught error was a
 *     limit and raises it again;
 *   - pairs visits keys in a fixed order (Lua's hash order changes from
 *     run to run), tostring and string.format never show addresses,
 *     table.sort is a stable merge sort (the stock quicksort picks pivots
 *     from the clock), and math.random is seeded by mingle per call;
 *   - functions whose work grows with their arguments (string.rep,
 *     table.concat, ...) charge that work to the instruction budget before
 *     they run: the count hook cannot interrupt C code;
 *   - setmetatable refuses __gc: finalizers would run script code at times
 *     no call accounts for.
 * A guard's upvalue 1 is the stock function it wraps (or nil).
 */
#include "autoconf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "lua_internal.h"
#include "lua_sandbox.h"

/* One key of a table, for ordering them in pairs(). */
struct guard_key {
	int rank;		/* number, string, boolean, view, other */
	int isint;
	lua_Integer i;
	lua_Number d;
	const char *s;
	size_t len;
	long view;
	size_t pos;		/* in traversal order: the last tiebreak */
};

static int	guard_stock(lua_State *);
static int	guard_catch_k(lua_State *, int, lua_KContext);
static int	guard_key_cmp(const void *, const void *);
static int	guard_pairs_next(lua_State *);
static void	guard_span(lua_State *, lua_Integer, lua_Integer);
static lua_Integer guard_opt(lua_State *, int, lua_Integer);
static int	guard_less(lua_State *, int, uint32_t, uint32_t);
static size_t	guard_log2(size_t);

/*
 * Call the stock function with the arguments as they are.  An error it
 * raises names no place (its caller is this C function), so add the
 * script's line, as the stock function called from Lua would have.
 */
static int
guard_stock(lua_State *L)
{
	const char *msg, *where, *colon;
	int n = lua_gettop(L), status;

	lua_pushvalue(L, lua_upvalueindex(1));		/* args... fn */
	lua_insert(L, 1);				/* fn args... */
	status = lua_pcall(L, n, LUA_MULTRET, 0);	/* results... */
	if (status == LUA_OK)
		return lua_gettop(L);
	msg = lua_tostring(L, -1);			/* err */
	if (status == LUA_ERRRUN && msg != NULL &&
	    lua_type(L, -1) == LUA_TSTRING) {
		luaL_where(L, 1);			/* err where */
		where = lua_tostring(L, -1);
		colon = strchr(where, ':');
		if (colon != NULL && strncmp(msg, where,
		    (size_t)(colon - where) + 1) != 0) {
			lua_insert(L, -2);		/* where err */
			lua_concat(L, 2);		/* msg */
		} else
			lua_pop(L, 1);			/* err */
	}
	return lua_error(L);
}

int
lua_guard_catch(lua_State *L)
{
	lua_KContext refusals = (lua_KContext)lua_sandbox_refusals(L);
	int n = lua_gettop(L);

	lua_pushvalue(L, lua_upvalueindex(1));		/* args... fn */
	lua_insert(L, 1);				/* fn args... */
	lua_callk(L, n, LUA_MULTRET, refusals, guard_catch_k);
	return guard_catch_k(L, LUA_OK, refusals);	/* results... */
}

/* After pcall & co: (true, ...) or (false, err). */
static int
guard_catch_k(lua_State *L, int status, lua_KContext refusals)
{
	int failed = lua_gettop(L) >= 1 && !lua_toboolean(L, 1);

	lua_sandbox_recheck(L, (unsigned long)refusals,
	    failed && lua_gettop(L) >= 2 ? 2 : 0);
	return lua_gettop(L);
}

int
lua_guard_pairs(lua_State *L)
{
	struct guard_key *k;
	lua_Integer n = 0, i;

	luaL_checkany(L, 1);
	if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {	/* t mm */
		lua_pushvalue(L, 1);			/* t mm t */
		lua_call(L, 1, 3);			/* t iter st ctl */
		return 3;
	}
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);				/* t */
	lua_newtable(L);				/* t keys */
	lua_pushnil(L);					/* t keys nil */
	while (lua_next(L, 1)) {			/* t keys k v */
		lua_pop(L, 1);				/* t keys k */
		lua_pushvalue(L, -1);			/* t keys k k */
		lua_rawseti(L, 2, ++n);			/* t keys k */
	}						/* t keys */
	lua_sandbox_charge(L, (size_t)n * (1 + guard_log2((size_t)n)));

	k = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof *k, 0);
							/* t keys ud */
	for (i = 0; i < n; i++) {
		memset(&k[i], 0, sizeof k[i]);
		k[i].pos = (size_t)i;
		lua_rawgeti(L, 2, i + 1);		/* t keys ud key */
		switch (lua_type(L, -1)) {
		case LUA_TNUMBER:
			k[i].rank = 0;
			k[i].isint = lua_isinteger(L, -1);
			k[i].i = lua_tointeger(L, -1);
			k[i].d = lua_tonumber(L, -1);
			break;
		case LUA_TSTRING:
			/* Anchored in keys: the pointer stays valid. */
			k[i].rank = 1;
			k[i].s = lua_tolstring(L, -1, &k[i].len);
			break;
		case LUA_TBOOLEAN:
			k[i].rank = 2;
			k[i].i = lua_toboolean(L, -1);
			break;
		default:
			k[i].view = lua_view_index(L, -1);
			k[i].rank = k[i].view >= 0 ? 3 : 4;
			break;
		}
		lua_pop(L, 1);				/* t keys ud */
	}
	qsort(k, (size_t)n, sizeof *k, guard_key_cmp);

	lua_createtable(L, (int)n, 0);			/* t keys ud order */
	for (i = 0; i < n; i++) {
		lua_rawgeti(L, 2, (lua_Integer)k[i].pos + 1);
							/* ... order key */
		lua_rawseti(L, 4, i + 1);		/* t keys ud order */
	}
	lua_pushvalue(L, 1);				/* ... order t */
	lua_pushvalue(L, 4);				/* ... order t order */
	lua_pushinteger(L, 0);				/* ... t order 0 */
	lua_pushcclosure(L, guard_pairs_next, 3);	/* ... order iter */
	lua_pushvalue(L, 1);				/* ... iter t */
	lua_pushnil(L);					/* ... iter t nil */
	return 3;
}

static int
guard_key_cmp(const void *va, const void *vb)
{
	const struct guard_key *a = va, *b = vb;
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	switch (a->rank) {
	case 0:
		if (a->isint && b->isint)
			return a->i < b->i ? -1 : a->i > b->i;
		if (a->d != b->d)
			return a->d < b->d ? -1 : 1;
		if (a->isint != b->isint)
			return a->isint ? -1 : 1;
		break;
	case 1:
		c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
		if (c != 0)
			return c;
		if (a->len != b->len)
			return a->len < b->len ? -1 : 1;
		break;
	case 2:
		return (int)(a->i - b->i);
	case 3:
		return a->view < b->view ? -1 : a->view > b->view;
	}
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Upvalues: the table, the ordered keys, the position. */
static int
guard_pairs_next(lua_State *L)
{
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));

	for (;;) {
		if (lua_rawgeti(L, lua_upvalueindex(2), ++i) == LUA_TNIL)
			return 1;			/* nil */
		lua_pushinteger(L, i);			/* key i */
		lua_replace(L, lua_upvalueindex(3));	/* key */
		lua_pushvalue(L, -1);			/* key key */
		if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
			return 2;			/* key value */
		lua_pop(L, 2);		/* removed while iterating: skip */
	}
}

const char *
lua_guard_tolstring(lua_State *L, int idx, size_t *len)
{
	int t = lua_type(L, idx);

	idx = lua_absindex(L, idx);
	switch (t) {
	case LUA_TTABLE:
	case LUA_TFUNCTION:
	case LUA_TTHREAD:
	case LUA_TUSERDATA:
	case LUA_TLIGHTUSERDATA:
		if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
			lua_pop(L, 1);
			return luaL_tolstring(L, idx, len);
		}
		if (luaL_getmetafield(L, idx, "__name") != LUA_TNIL) {
			if (lua_type(L, -1) == LUA_TSTRING)
				return lua_tolstring(L, -1, len);
			lua_pop(L, 1);
		}
		lua_pushstring(L, lua_typename(L, t));
		return lua_tolstring(L, -1, len);
	default:
		return luaL_tolstring(L, idx, len);
	}
}

int
lua_guard_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	lua_guard_tolstring(L, 1, NULL);
	return 1;
}

int
lua_guard_setmetatable(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TTABLE) {
		lua_pushliteral(L, "__gc");		/* t mt "__gc" */
		if (lua_rawget(L, 2) != LUA_TNIL)	/* t mt gc */
			return luaL_error(L, "setmetatable: __gc is not "
			    "available in mingle scripts");
		lua_pop(L, 1);				/* t mt */
	}
	return guard_stock(L);
}

int
lua_guard_format(lua_State *L)
{
	size_t len;
	const char *p = luaL_checklstring(L, 1, &len), *end = p + len;
	int arg = 1;

	while (p < end) {
		if (*p++ != '%')
			continue;
		if (p < end && *p == '%') {
			p++;
			continue;
		}
		arg++;
		while (p < end && *p != '\0' && strchr("-+ #0", *p) != NULL)
			p++;
		while (p < end && ((*p >= '0' && *p <= '9') || *p == '.'))
			p++;
		if (p >= end)
			break;
		if (*p == 'p')
			return luaL_error(L, "string.format: '%%p' is not "
			    "available (addresses differ from run to run)");
		if (*p == 's' && arg <= lua_gettop(L) &&
		    lua_type(L, arg) != LUA_TSTRING &&
		    lua_type(L, arg) != LUA_TNUMBER) {
			lua_guard_tolstring(L, arg, NULL);	/* ... str */
			lua_replace(L, arg);		/* ... */
		}
		p++;
	}
	return guard_stock(L);
}

/* Charge for the elements FROM..TO, if any. */
static void
guard_span(lua_State *L, lua_Integer from, lua_Integer to)
{
	lua_Unsigned n;

	if (to < from)
		return;
	n = (lua_Unsigned)to - (lua_Unsigned)from;
	lua_sandbox_charge(L, n >= (lua_Unsigned)SIZE_MAX ? SIZE_MAX :
	    (size_t)n + 1);
}

/* Argument ARG as an integer, DEF if absent; a bad one is left for the
 * stock function to report. */
static lua_Integer
guard_opt(lua_State *L, int arg, lua_Integer def)
{
	lua_Integer v;
	int ok;

	if (lua_isnoneornil(L, arg))
		return def;
	v = lua_tointegerx(L, arg, &ok);
	return ok ? v : def;
}

/* A position in a string of LEN bytes, as string.byte reads it. */
static lua_Integer
guard_pos(lua_Integer pos, size_t len)
{
	if (pos >= 0)
		return pos;
	if (pos < -(lua_Integer)len)
		return 0;
	return (lua_Integer)len + pos + 1;
}

int
lua_guard_rep(lua_State *L)
{
	guard_span(L, 1, guard_opt(L, 2, 0));
	return guard_stock(L);
}

int
lua_guard_byte(lua_State *L)
{
	size_t len = 0;
	lua_Integer i, j;

	if (lua_type(L, 1) == LUA_TSTRING) {
		lua_tolstring(L, 1, &len);
		i = guard_pos(guard_opt(L, 2, 1), len);
		j = guard_pos(guard_opt(L, 3, i), len);
		if (i < 1)
			i = 1;
		if (j > (lua_Integer)len)
			j = (lua_Integer)len;
		guard_span(L, i, j);
	}
	return guard_stock(L);
}

int
lua_guard_concat(lua_State *L)
{
	if (lua_type(L, 1) == LUA_TTABLE)
		guard_span(L, guard_opt(L, 3, 1),
		    guard_opt(L, 4, (lua_Integer)lua_rawlen(L, 1)));
	return guard_stock(L);
}

int
lua_guard_insert(lua_State *L)
{
	if (lua_type(L, 1) == LUA_TTABLE && lua_gettop(L) == 3)
		guard_span(L, guard_opt(L, 2, 1),
		    (lua_Integer)lua_rawlen(L, 1));
	return guard_stock(L);
}

int
lua_guard_remove(lua_State *L)
{
	lua_Integer size;

	if (lua_type(L, 1) == LUA_TTABLE) {
		size = (lua_Integer)lua_rawlen(L, 1);
		guard_span(L, guard_opt(L, 2, size), size);
	}
	return guard_stock(L);
}

int
lua_guard_move(lua_State *L)
{
	guard_span(L, guard_opt(L, 2, 1), guard_opt(L, 3, 0));
	return guard_stock(L);
}

int
lua_guard_unpack(lua_State *L)
{
	lua_Integer len = lua_type(L, 1) == LUA_TTABLE ?
	    (lua_Integer)lua_rawlen(L, 1) : 0;

	guard_span(L, guard_opt(L, 2, 1), guard_opt(L, 3, len));
	return guard_stock(L);
}

int
lua_guard_utf8_scan(lua_State *L)
{
	size_t len = 0;

	if (lua_type(L, 1) == LUA_TSTRING)
		lua_tolstring(L, 1, &len);
	lua_sandbox_charge(L, len / LUA_BYTES_PER_UNIT);
	return guard_stock(L);
}

int
lua_guard_codepoint(lua_State *L)
{
	size_t len = 0;
	lua_Integer i;

	if (lua_type(L, 1) == LUA_TSTRING) {
		lua_tolstring(L, 1, &len);
		i = guard_pos(guard_opt(L, 2, 1), len);
		guard_span(L, i, guard_pos(guard_opt(L, 3, i), len));
	}
	return guard_stock(L);
}

/*
 * table.sort(t [, less]): a bottom-up merge sort over a snapshot of
 * t[1..#t], stable and independent of the clock.  The permutation lives
 * in a userdata, so an error in the comparator leaks nothing.
 */
int
lua_guard_sort(lua_State *L)
{
	uint32_t *perm, *tmp, *swap;
	size_t n, i, width, lo, mid, hi, a, b, k;
	lua_Integer len;
	int cmp;

	luaL_checktype(L, 1, LUA_TTABLE);
	len = luaL_len(L, 1);
	if (len < 2)
		return 0;
	luaL_argcheck(L, len < INT_MAX, 1, "array too big");
	cmp = !lua_isnoneornil(L, 2);
	if (cmp)
		luaL_checktype(L, 2, LUA_TFUNCTION);
	n = (size_t)len;
	lua_sandbox_charge(L, n * (1 + guard_log2(n)));

	lua_settop(L, 2);				/* t less */
	lua_createtable(L, (int)n, 0);			/* t less vals */
	for (i = 0; i < n; i++) {
		lua_geti(L, 1, (lua_Integer)i + 1);	/* t less vals v */
		lua_rawseti(L, 3, (lua_Integer)i + 1);	/* t less vals */
	}
	perm = lua_newuserdatauv(L, 2 * n * sizeof *perm, 0);
							/* t less vals perm */
	tmp = perm + n;
	for (i = 0; i < n; i++)
		perm[i] = (uint32_t)i + 1;

	for (width = 1; width < n; width *= 2) {
		for (lo = 0; lo < n; lo += 2 * width) {
			mid = lo + width < n ? lo + width : n;
			hi = lo + 2 * width < n ? lo + 2 * width : n;
			a = lo;
			b = mid;
			k = lo;
			while (a < mid && b < hi) {
				/* Take the right one only if strictly less. */
				if (guard_less(L, cmp, perm[b], perm[a]))
					tmp[k++] = perm[b++];
				else
					tmp[k++] = perm[a++];
			}
			while (a < mid)
				tmp[k++] = perm[a++];
			while (b < hi)
				tmp[k++] = perm[b++];
		}
		swap = perm;
		perm = tmp;
		tmp = swap;
	}

	for (i = 0; i < n; i++) {
		lua_rawgeti(L, 3, perm[i]);		/* t less vals perm v */
		lua_seti(L, 1, (lua_Integer)i + 1);	/* t less vals perm */
	}
	return 0;
}

/* vals[X] < vals[Y], by the comparator at 2 or by `<`. */
static int
guard_less(lua_State *L, int cmp, uint32_t x, uint32_t y)
{
	int r;

	if (cmp) {
		lua_pushvalue(L, 2);			/* ... less */
		lua_rawgeti(L, 3, x);			/* ... less vx */
		lua_rawgeti(L, 3, y);			/* ... less vx vy */
		lua_call(L, 2, 1);			/* ... r */
		r = lua_toboolean(L, -1);
		lua_pop(L, 1);				/* ... */
		return r;
	}
	lua_rawgeti(L, 3, x);				/* ... vx */
	lua_rawgeti(L, 3, y);				/* ... vx vy */
	r = lua_compare(L, -2, -1, LUA_OPLT);
	lua_pop(L, 2);					/* ... */
	return r;
}

/*
 * math.random([m [, n]]) as in Lua 5.4, from the generator mingle seeds
 * before every call (lua_sandbox_call).
 */
int
lua_guard_random(lua_State *L)
{
	uint64_t r = lua_sandbox_random(L), m, limit;
	lua_Integer low, up;

	switch (lua_gettop(L)) {
	case 0:
		lua_pushnumber(L, (lua_Number)(r >> 11) * 0x1.0p-53);
		return 1;
	case 1:
		low = 1;
		up = luaL_checkinteger(L, 1);
		if (up == 0) {
			lua_pushinteger(L, (lua_Integer)r);
			return 1;
		}
		break;
	case 2:
		low = luaL_checkinteger(L, 1);
		up = luaL_checkinteger(L, 2);
		break;
	default:
		return luaL_error(L, "wrong number of arguments");
	}
	luaL_argcheck(L, low <= up, lua_gettop(L), "interval is empty");
	m = (uint64_t)up - (uint64_t)low;
	if (m != UINT64_MAX) {
		m++;
		limit = UINT64_MAX - UINT64_MAX % m;
		while (r >= limit)
			r = lua_sandbox_random(L);
		r %= m;
	}
	lua_pushinteger(L, (lua_Integer)((uint64_t)low + r));
	return 1;
}

static size_t
guard_log2(size_t n)
{
	size_t b = 0;

	while (n > 1) {
		n >>= 1;
		b++;
	}
	return b;
}
