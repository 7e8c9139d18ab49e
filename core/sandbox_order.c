/*
 * sandbox_order.c -- next and pairs in a fixed order.
 *
 * Lua's next visits a table's keys in the order of its hash part, which
 * follows a seed drawn per process and the addresses of tables and
 * functions: a rule iterating a table would answer differently from run
 * to run.  The sandbox's next visits them in this order:
 *   numbers, ascending;
 *   strings, by their bytes;
 *   false, then true;
 *   the host's placed userdata, by place (sandbox_set_places: mingle's
 *   attendee views, in file order);
 *   everything else -- tables, functions, coroutines, other userdata (tag
 *   sets, column accessors) -- in the order they were made: the host's
 *   and the libraries' first, then the script's (sandbox_serial.c numbers
 *   them, sandbox_order_remember what the allocator does not see made).
 *
 * next(t, nil) starts a traversal: it takes a snapshot of t's keys and
 * sorts it, O(n log n) once.  next(t, k) goes on after k: k is found at
 * the snapshot's cursor (the key returned last) or by binary search, so
 * a key cleared during the traversal works as in Lua, and a table changed
 * since the last traversal is seen afresh.  Keys cleared meanwhile are
 * skipped.  The snapshots live in a registry table with weak keys, one
 * per table, and go when the traversal ends or the table is collected.
 * pairs(t), unless t has a __pairs metamethod, takes the snapshot at once
 * and returns an iterator that keeps it (and so skips the lookup).
 *
 * Both walk the snapshot's keys in order, skipping those cleared, as
 * order_walk does; so does the iterator sandbox_order_walk gives the host,
 * over keys in an order of its own (the fields of a view).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "sandbox_internal.h"
#include "sandbox.h"

enum {
	ORDER_NUMBER,
	ORDER_STRING,
	ORDER_BOOLEAN,
	ORDER_PLACED,
	ORDER_OBJECT
};

/* Where one key goes. */
struct order_key {
	int rank;		/* ORDER_* */
	int isint;
	lua_Integer i;		/* an integer; a boolean */
	lua_Number d;		/* a number */
	const char *s;		/* a string, kept alive by the snapshot */
	size_t len;
	uint64_t serial;	/* a place; an object's number */
	size_t pos;		/* before sorting, from 1 */
};

/* A table's keys, sorted; the keys themselves are in its user value, an
 * array, which keeps them alive. */
struct order_snap {
	size_t n;
	size_t cursor;		/* the key returned last, from 1; 0 none */
	struct order_key k[];
};

/* Registry keys, by address: table -> snapshot (weak keys), and value ->
 * number for values the allocator does not see made. */
static const char snaps_key, stamps_key;

static void	order_key_of(lua_State *, int, struct order_key *);
static uint64_t	order_stamped(lua_State *, int);
static int	order_cmp(const struct order_key *, const struct order_key *);
static int	order_qcmp(const void *, const void *);
static struct order_snap *order_snapshot(lua_State *, int);
static void	order_keep(lua_State *);
static struct order_snap *order_current(lua_State *);
static size_t	order_find(lua_State *, struct order_snap *);
static int	order_step(lua_State *, int, int, struct order_snap *, size_t,
		    int);
static int	order_walk(lua_State *, int, int, lua_Integer *);
static int	order_pairs_next(lua_State *);
static int	order_walk_next(lua_State *);

void
sandbox_order_open(lua_State *L)
{
	lua_newtable(L);				/* snaps */
	lua_createtable(L, 0, 1);			/* snaps mt */
	lua_pushliteral(L, "k");			/* snaps mt "k" */
	lua_setfield(L, -2, "__mode");			/* snaps mt */
	lua_setmetatable(L, -2);			/* snaps */
	lua_rawsetp(L, LUA_REGISTRYINDEX, &snaps_key);	/* */
	lua_newtable(L);				/* stamps */
	lua_rawsetp(L, LUA_REGISTRYINDEX, &stamps_key);	/* */
}

void
sandbox_order_remember(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &stamps_key);	/* ... stamps */
	lua_pushvalue(L, idx);				/* ... stamps v */
	lua_pushinteger(L, (lua_Integer)sandbox_stamp(L));
							/* ... stamps v n */
	lua_rawset(L, -3);				/* ... stamps */
	lua_pop(L, 1);					/* ... */
}

int
sandbox_order_pairs(lua_State *L)
{
	luaL_checkany(L, 1);
	if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {	/* t mm */
		lua_pushvalue(L, 1);			/* t mm t */
		lua_call(L, 1, 3);			/* t iter st ctl */
		return 3;
	}
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);				/* t */
	lua_pushvalue(L, 1);				/* t t */
	order_snapshot(L, 1);				/* t t snap */
	lua_pushcclosure(L, order_pairs_next, 2);	/* t iter */
	lua_insert(L, 1);				/* iter t */
	lua_pushnil(L);					/* iter t nil */
	return 3;
}

int
sandbox_order_next(lua_State *L)
{
	struct order_snap *sn;

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 2);				/* t k */
	if (lua_isnil(L, 2)) {
		sn = order_snapshot(L, 1);		/* t nil snap */
		order_keep(L);
		return order_step(L, 1, 3, sn, 0, 1);
	}
	sn = order_current(L);				/* t k snap */
	return order_step(L, 1, 3, sn, order_find(L, sn), 1);
}

void
sandbox_order_walk(lua_State *L, int t, int keys)
{
	t = lua_absindex(L, t);
	keys = lua_absindex(L, keys);
	lua_pushvalue(L, t);				/* ... t */
	lua_pushvalue(L, keys);				/* ... t keys */
	lua_pushinteger(L, 0);				/* ... t keys 0 */
	lua_pushcclosure(L, order_walk_next, 3);	/* ... iter */
}

/* The iterator sandbox_order_walk returns: upvalues the table, the keys
 * and the position of the key returned last. */
static int
order_walk_next(lua_State *L)
{
	lua_Integer at = lua_tointeger(L, lua_upvalueindex(3));

	if (!order_walk(L, lua_upvalueindex(1), lua_upvalueindex(2), &at)) {
		lua_pushnil(L);				/* nil */
		return 1;
	}						/* key v */
	lua_pushinteger(L, at);				/* key v at */
	lua_replace(L, lua_upvalueindex(3));		/* key v */
	return 2;
}

/* The iterator pairs returns: upvalues the table and its snapshot. */
static int
order_pairs_next(lua_State *L)
{
	struct order_snap *sn = lua_touserdata(L, lua_upvalueindex(2));

	return order_step(L, lua_upvalueindex(1), lua_upvalueindex(2), sn,
	    sn->cursor, 0);
}

/* Fill K for the key at IDX. */
static void
order_key_of(lua_State *L, int idx, struct order_key *k)
{
	const void *p = NULL;
	long place;

	memset(k, 0, sizeof *k);
	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
		k->rank = ORDER_NUMBER;
		k->isint = lua_isinteger(L, idx);
		k->i = lua_tointeger(L, idx);
		k->d = lua_tonumber(L, idx);
		return;
	case LUA_TSTRING:
		k->rank = ORDER_STRING;
		k->s = lua_tolstring(L, idx, &k->len);
		return;
	case LUA_TBOOLEAN:
		k->rank = ORDER_BOOLEAN;
		k->i = lua_toboolean(L, idx);
		return;
	case LUA_TTABLE:
		p = lua_topointer(L, idx);
		break;
	case LUA_TFUNCTION:
		/* A C function without upvalues is no object of its own. */
		if (!lua_iscfunction(L, idx))
			p = lua_topointer(L, idx);
		else if (lua_getupvalue(L, idx, 1) != NULL) {
			lua_pop(L, 1);
			p = lua_topointer(L, idx);
		}
		break;
	case LUA_TTHREAD:
		p = lua_getextraspace(lua_tothread(L, idx));
		break;
	case LUA_TUSERDATA:
		if ((place = sandbox_place(L, idx)) >= 0) {
			k->rank = ORDER_PLACED;
			k->serial = (uint64_t)place;
			return;
		}
		break;
	}
	k->rank = ORDER_OBJECT;
	k->serial = p != NULL ? sandbox_created(L, p) : 0;
	if (k->serial == 0)
		k->serial = order_stamped(L, idx);
}

/* The number sandbox_order_remember gave the value at IDX; unknown values
 * (there should be none) go last. */
static uint64_t
order_stamped(lua_State *L, int idx)
{
	uint64_t n;

	idx = lua_absindex(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &stamps_key);	/* ... stamps */
	lua_pushvalue(L, idx);				/* ... stamps v */
	lua_rawget(L, -2);				/* ... stamps n */
	n = lua_isinteger(L, -1) ? (uint64_t)lua_tointeger(L, -1) :
	    UINT64_MAX;
	lua_pop(L, 2);					/* ... */
	return n;
}

static int
order_cmp(const struct order_key *a, const struct order_key *b)
{
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	switch (a->rank) {
	case ORDER_NUMBER:
		if (a->isint && b->isint)
			return (a->i > b->i) - (a->i < b->i);
		/* A float key is not integral or out of the integers'
		 * range, so the comparison in doubles is exact enough. */
		if (a->d != b->d)
			return a->d < b->d ? -1 : 1;
		return b->isint - a->isint;
	case ORDER_STRING:
		c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
		if (c != 0)
			return c < 0 ? -1 : 1;
		return (a->len > b->len) - (a->len < b->len);
	case ORDER_BOOLEAN:
		return (a->i > b->i) - (a->i < b->i);
	default:
		return (a->serial > b->serial) - (a->serial < b->serial);
	}
}

static int
order_qcmp(const void *a, const void *b)
{
	return order_cmp(a, b);
}

/*
 * Snapshot the keys of the table at T, sorted, and push it.  The scan
 * costs a unit per key; the sort one per comparison, strings by their
 * bytes.
 */
static struct order_snap *
order_snapshot(lua_State *L, int t)
{
	struct order_snap *sn;
	size_t n = 0, i, j, from, bytes = 0;

	lua_pushnil(L);					/* ... nil */
	while (lua_next(L, t)) {			/* ... k v */
		lua_pop(L, 1);				/* ... k */
		n++;
	}
	sandbox_charge(L, n);
	sn = lua_newuserdatauv(L, sizeof *sn + n * sizeof sn->k[0], 1);
							/* ... snap */
	sn->n = n;
	sn->cursor = 0;
	lua_createtable(L, (int)n, 0);			/* ... snap keys */
	i = 0;
	lua_pushnil(L);					/* ... snap keys nil */
	while (lua_next(L, t)) {			/* ... snap keys k v */
		lua_pop(L, 1);				/* ... snap keys k */
		order_key_of(L, -1, &sn->k[i]);
		sn->k[i].pos = i + 1;
		bytes += sn->k[i].len;
		lua_pushvalue(L, -1);			/* ... keys k k */
		lua_rawseti(L, -3, (lua_Integer)++i);	/* ... snap keys k */
	}						/* ... snap keys */
	sandbox_charge(L, (n + bytes / SANDBOX_BYTES_PER_UNIT) *
	    (1 + sandbox_guard_log2(n)));
	qsort(sn->k, n, sizeof sn->k[0], order_qcmp);

	/* Put the keys in sorted order, one cycle of the permutation at a
	 * time; pos 0 marks a key in place. */
	for (i = 0; i < n; i++) {
		if (sn->k[i].pos == 0)
			continue;
		lua_rawgeti(L, -1, (lua_Integer)i + 1);	/* ... keys first */
		for (j = i;; j = from) {
			from = sn->k[j].pos - 1;
			sn->k[j].pos = 0;
			if (from == i)
				break;
			lua_rawgeti(L, -2, (lua_Integer)from + 1);
			lua_rawseti(L, -3, (lua_Integer)j + 1);
		}
		lua_rawseti(L, -2, (lua_Integer)j + 1);	/* ... snap keys */
	}
	lua_setiuservalue(L, -2, 1);			/* ... snap */
	return sn;
}

/* Make the snapshot on top the current one of the table at 1. */
static void
order_keep(lua_State *L)
{
	lua_rawgetp(L, LUA_REGISTRYINDEX, &snaps_key);	/* ... snap snaps */
	lua_pushvalue(L, 1);				/* ... snap snaps t */
	lua_pushvalue(L, -3);			/* ... snap snaps t snap */
	lua_rawset(L, -3);				/* ... snap snaps */
	lua_pop(L, 1);					/* ... snap */
}

/* Push the current snapshot of the table at 1, or a new one. */
static struct order_snap *
order_current(lua_State *L)
{
	lua_rawgetp(L, LUA_REGISTRYINDEX, &snaps_key);	/* ... snaps */
	lua_pushvalue(L, 1);				/* ... snaps t */
	if (lua_rawget(L, -2) == LUA_TUSERDATA) {	/* ... snaps snap */
		lua_remove(L, -2);			/* ... snap */
		return lua_touserdata(L, -1);
	}
	lua_pop(L, 2);					/* ... */
	order_snapshot(L, 1);				/* ... snap */
	order_keep(L);
	return lua_touserdata(L, -1);
}

/* How many keys of snapshot SN (at 3) come up to key 2, inclusive. */
static size_t
order_find(lua_State *L, struct order_snap *sn)
{
	struct order_key k;
	size_t lo = 0, hi = sn->n, mid;
	int same;

	if (sn->cursor > 0) {
		lua_getiuservalue(L, 3, 1);		/* t k snap keys */
		lua_rawgeti(L, 4, (lua_Integer)sn->cursor);
							/* t k snap keys key */
		same = lua_rawequal(L, 2, 5);
		lua_pop(L, 2);				/* t k snap */
		if (same)
			return sn->cursor;
	}
	order_key_of(L, 2, &k);
	if (k.rank == ORDER_NUMBER && !k.isint && k.d != k.d)
		luaL_error(L, "invalid key to 'next'");
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (order_cmp(&sn->k[mid], &k) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Return the first key after AT (from 1) still in the table at T, and its
 * value; at the end, nil, and if FORGET the table's current snapshot goes.
 * SN is the snapshot, at S.
 */
static int
order_step(lua_State *L, int t, int s, struct order_snap *sn, size_t at,
    int forget)
{
	lua_Integer i = (lua_Integer)at;

	lua_getiuservalue(L, s, 1);			/* ... keys */
	if (order_walk(L, t, lua_gettop(L), &i)) {	/* ... keys key v */
		sn->cursor = (size_t)i;
		return 2;
	}
	sn->cursor = sn->n;
	if (forget) {
		lua_rawgetp(L, LUA_REGISTRYINDEX, &snaps_key);
							/* ... keys snaps */
		lua_pushvalue(L, t);			/* ... snaps t */
		lua_pushnil(L);				/* ... snaps t nil */
		lua_rawset(L, -3);			/* ... keys snaps */
	}
	lua_pushnil(L);					/* ... nil */
	return 1;
}

/*
 * Push the first key after position *AT of the array at KEYS whose value
 * in the table at T is not nil, and that value, and return 1 with *AT at
 * the key; at the array's end (its first nil), push nothing and return 0.
 */
static int
order_walk(lua_State *L, int t, int keys, lua_Integer *at)
{
	for (;;) {
		if (lua_rawgeti(L, keys, ++*at) == LUA_TNIL) {	/* ... nil */
			lua_pop(L, 1);			/* ... */
			return 0;
		}					/* ... key */
		lua_pushvalue(L, -1);			/* ... key key */
		if (lua_rawget(L, t) != LUA_TNIL)	/* ... key v */
			return 1;
		lua_pop(L, 2);		/* ... (cleared meanwhile: skipped) */
	}
}
