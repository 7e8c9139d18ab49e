/*
 * sandbox_table.c -- the table library for rule scripts.
 *
 * Each function charges the instruction budget for the elements it will
 * touch before it touches them: the count hook cannot interrupt C code.
 * The length #t is taken once, since a __len metamethod could answer
 * small to the charge and huge to the work (table.insert would then move
 * 10^15 elements inside one call): insert, remove and concat are written
 * here for that, unpack hands the stock function its bounds.  sort is a
 * stable merge sort (the stock quicksort picks pivots from the clock).
 * The functions behave as the stock ones, errors included; the unit test
 * compares them on a corpus.
 */
#include "autoconf.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "sandbox_internal.h"
#include "sandbox.h"

/* What a table-like argument must support, as the stock library checks. */
#define TABLE_READ	1	/* __index */
#define TABLE_WRITE	2	/* __newindex */
#define TABLE_LENGTH	4	/* __len */

static void	table_check(lua_State *, int);
static void	table_add(lua_State *, luaL_Buffer *, lua_Integer);
static int	table_less(lua_State *, int, uint32_t, uint32_t);

/*
 * Argument 1 must be a table, or something whose metatable has the
 * metamethods WHAT asks for.
 */
static void
table_check(lua_State *L, int what)
{
	static const char *const events[] = {
		"__index", "__newindex", "__len"
	};
	int i;

	if (lua_type(L, 1) == LUA_TTABLE)
		return;
	if (!lua_getmetatable(L, 1))			/* ... mt */
		luaL_checktype(L, 1, LUA_TTABLE);	/* the error */
	for (i = 0; i < 3; i++) {
		if ((what & (1 << i)) == 0)
			continue;
		lua_pushstring(L, events[i]);		/* ... mt event */
		if (lua_rawget(L, -2) == LUA_TNIL)	/* ... mt mm */
			luaL_checktype(L, 1, LUA_TTABLE);
		lua_pop(L, 1);				/* ... mt */
	}
	lua_pop(L, 1);					/* ... */
}

/* table.insert(t, [pos,] value) */
int
sandbox_table_insert(lua_State *L)
{
	lua_Integer end, pos, i;

	table_check(L, TABLE_READ | TABLE_WRITE | TABLE_LENGTH);
	end = (lua_Integer)((lua_Unsigned)luaL_len(L, 1) + 1);
	switch (lua_gettop(L)) {
	case 2:
		pos = end;
		break;
	case 3:
		pos = luaL_checkinteger(L, 2);
		luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)end, 2,
		    "position out of bounds");
		sandbox_guard_span(L, pos, end);
		for (i = end; i > pos; i--) {
			lua_geti(L, 1, i - 1);		/* t pos v t[i-1] */
			lua_seti(L, 1, i);		/* t pos v */
		}
		break;
	default:
		return luaL_error(L, "wrong number of arguments to 'insert'");
	}
	lua_seti(L, 1, pos);				/* t [pos] */
	return 0;
}

/* table.remove(t [, pos]) */
int
sandbox_table_remove(lua_State *L)
{
	lua_Integer size, pos;

	table_check(L, TABLE_READ | TABLE_WRITE | TABLE_LENGTH);
	size = luaL_len(L, 1);
	pos = luaL_optinteger(L, 2, size);
	/* Lua 5.4 blames argument 1 here; so do we. */
	if (pos != size)
		luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size,
		    1, "position out of bounds");
	sandbox_guard_span(L, pos, size);
	lua_geti(L, 1, pos);				/* ... t[pos] */
	for (; pos < size; pos++) {
		lua_geti(L, 1, pos + 1);		/* ... t[pos] next */
		lua_seti(L, 1, pos);			/* ... t[pos] */
	}
	lua_pushnil(L);					/* ... t[pos] nil */
	lua_seti(L, 1, pos);				/* ... t[pos] */
	return 1;
}

/* table.concat(t [, sep [, i [, j]]]) */
int
sandbox_table_concat(lua_State *L)
{
	lua_Integer i, last;
	const char *sep;
	size_t lsep;
	luaL_Buffer b;

	table_check(L, TABLE_READ | TABLE_LENGTH);
	last = luaL_len(L, 1);
	sep = luaL_optlstring(L, 2, "", &lsep);
	i = luaL_optinteger(L, 3, 1);
	last = luaL_optinteger(L, 4, last);
	sandbox_guard_span(L, i, last);
	luaL_buffinit(L, &b);
	for (; i < last; i++) {
		table_add(L, &b, i);
		luaL_addlstring(&b, sep, lsep);
	}
	if (i == last)
		table_add(L, &b, i);
	luaL_pushresult(&b);				/* ... s */
	return 1;
}

/* Add t[I], which must be a string or a number. */
static void
table_add(lua_State *L, luaL_Buffer *b, lua_Integer i)
{
	lua_geti(L, 1, i);				/* ... v */
	if (!lua_isstring(L, -1))
		luaL_error(L, "invalid value (%s) at index %I in table for "
		    "'concat'", luaL_typename(L, -1), (LUAI_UACINT)i);
	luaL_addvalue(b);				/* ... */
}

/* table.move(a1, f, e, t [, a2]): the elements f..e. */
int
sandbox_table_move(lua_State *L)
{
	sandbox_guard_span(L, sandbox_guard_opt(L, 2, 1),
	    sandbox_guard_opt(L, 3, 0));
	return sandbox_guard_stock(L);
}

/* table.unpack(t [, i [, j]]): j is #t, taken here, if not given. */
int
sandbox_table_unpack(lua_State *L)
{
	if (lua_type(L, 1) == LUA_TTABLE && lua_isnoneornil(L, 3)) {
		lua_settop(L, 3);			/* t i nil */
		lua_pushinteger(L, luaL_len(L, 1));	/* t i nil #t */
		lua_replace(L, 3);			/* t i #t */
	}
	sandbox_guard_span(L, sandbox_guard_opt(L, 2, 1),
	    sandbox_guard_opt(L, 3, 0));
	return sandbox_guard_stock(L);
}

/*
 * table.sort(t [, less]): a bottom-up merge sort over a snapshot of
 * t[1..#t], stable and independent of the clock.  The permutation lives
 * in a userdata, so an error in the comparator leaks nothing.  Without a
 * comparator, comparing strings reads their bytes: those are charged too.
 */
int
sandbox_table_sort(lua_State *L)
{
	uint32_t *perm, *tmp, *swap;
	size_t n, i, width, lo, mid, hi, a, b, k, bytes = 0, len;
	lua_Integer total;
	int cmp;

	luaL_checktype(L, 1, LUA_TTABLE);
	total = luaL_len(L, 1);
	if (total < 2)
		return 0;
	luaL_argcheck(L, total < INT_MAX, 1, "array too big");
	cmp = !lua_isnoneornil(L, 2);
	if (cmp)
		luaL_checktype(L, 2, LUA_TFUNCTION);
	n = (size_t)total;
	sandbox_charge(L, n * (1 + sandbox_guard_log2(n)));

	lua_settop(L, 2);				/* t less */
	lua_createtable(L, (int)n, 0);			/* t less vals */
	for (i = 0; i < n; i++) {
		if (lua_geti(L, 1, (lua_Integer)i + 1) == LUA_TSTRING) {
			lua_tolstring(L, -1, &len);	/* t less vals v */
			bytes += len;
		}
		lua_rawseti(L, 3, (lua_Integer)i + 1);	/* t less vals */
	}
	if (!cmp)
		sandbox_charge(L, bytes / SANDBOX_BYTES_PER_UNIT *
		    (1 + sandbox_guard_log2(n)));
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
				if (table_less(L, cmp, perm[b], perm[a]))
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
table_less(lua_State *L, int cmp, uint32_t x, uint32_t y)
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
