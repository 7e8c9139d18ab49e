/*
 * sandbox_guard.c -- safe replacements for standard library functions.
 *
 * Each guard closes one gap the allow-list alone leaves open:
 *   - pcall, xpcall, coroutine.resume and coroutine.close catch errors, so
 *     after they return the sandbox checks whether the caught error was a
 *     limit and raises it again;
 *   - tostring and string.format never show addresses, and math.random
 *     is seeded by mingle per call (next and pairs, in a fixed order, are
 *     in sandbox_order.c);
 *   - print writes to stderr, naming the script and line: stdout may be
 *     the host's output;
 *   - functions whose work grows with their arguments (string.rep, upper,
 *     format, tonumber, the utf8 scans, ...) charge that work to the
 *     instruction budget before they run: the count hook cannot interrupt
 *     C code;
 *   - setmetatable refuses __gc: finalizers would run script code at times
 *     no call accounts for; and __mode: weak tables lose entries when the
 *     collector runs, which differs from run to run.
 * A guard's upvalue 1 is the stock function it wraps (or nil).  The table
 * library has a file of its own, sandbox_table.c.
 */
#include "autoconf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "sandbox_internal.h"
#include "sandbox.h"

/* Units per byte string.format("%q") writes: snprintf for a control
 * character takes about what 8 VM instructions do. */
#define GUARD_QUOTE_UNITS	8

/* Log lines per script before the rest are dropped. */
#define LOG_MAX		1000
#define LOG_COUNT	"mingle.logged"

static int	guard_catch_k(lua_State *, int, lua_KContext);
static int	guard_codes_next(lua_State *);

/*
 * Call the stock function with the arguments as they are.  An error it
 * raises names no place (its caller is this C function), so add the
 * script's line, as the stock function called from Lua would have.
 */
int
sandbox_guard_stock(lua_State *L)
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
sandbox_guard_catch(lua_State *L)
{
	lua_KContext refusals = (lua_KContext)sandbox_refusals(L);
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

	sandbox_recheck(L, (unsigned long)refusals,
	    failed && lua_gettop(L) >= 2 ? 2 : 0);
	return lua_gettop(L);
}

const char *
sandbox_guard_tolstring(lua_State *L, int idx, size_t *len)
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
sandbox_guard_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	sandbox_guard_tolstring(L, 1, NULL);
	return 1;
}

/*
 * print(...): the arguments, as tostring shows them, on one line of
 * stderr: "mingle: SCRIPT:LINE: text".  Never stdout, which may be the
 * output file.
 */
int
sandbox_guard_print(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);
	int n = lua_gettop(L), i, line = 0;
	lua_Integer count;
	lua_Debug ar;
	luaL_Buffer b;
	size_t len;
	const char *s;

	lua_getfield(L, LUA_REGISTRYINDEX, LOG_COUNT);	/* ... count */
	count = lua_tointeger(L, -1);
	lua_pop(L, 1);					/* ... */
	lua_pushinteger(L, count + 1);
	lua_setfield(L, LUA_REGISTRYINDEX, LOG_COUNT);
	if (count >= LOG_MAX) {
		if (count == LOG_MAX)
			fprintf(stderr, "mingle: %s: more than %d log lines; "
			    "the rest are left out\n", sandbox_name(sb),
			    LOG_MAX);
		return 0;
	}

	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
		line = ar.currentline;
	luaL_buffinit(L, &b);
	lua_pushfstring(L, "mingle: %s:%d: ", sandbox_name(sb), line);
	luaL_addvalue(&b);
	for (i = 1; i <= n; i++) {
		if (i > 1)
			luaL_addchar(&b, ' ');
		sandbox_guard_tolstring(L, i, NULL);
		luaL_addvalue(&b);
	}
	luaL_addchar(&b, '\n');
	luaL_pushresult(&b);				/* ... line */
	s = lua_tolstring(L, -1, &len);
	sandbox_charge(L, len / SANDBOX_BYTES_PER_UNIT);
	fwrite(s, 1, len, stderr);
	return 0;
}

int
sandbox_guard_setmetatable(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TTABLE) {
		lua_pushliteral(L, "__gc");		/* t mt "__gc" */
		if (lua_rawget(L, 2) != LUA_TNIL)	/* t mt gc */
			return luaL_error(L, "setmetatable: __gc is not "
			    "available in mingle scripts");
		lua_pop(L, 1);				/* t mt */
		lua_pushliteral(L, "__mode");		/* t mt "__mode" */
		if (lua_rawget(L, 2) != LUA_TNIL)	/* t mt mode */
			return luaL_error(L, "setmetatable: __mode is not "
			    "available in mingle scripts (weak tables lose "
			    "entries at times that differ from run to run)");
		lua_pop(L, 1);				/* t mt */
	}
	return sandbox_guard_stock(L);
}

/*
 * string.format: no %p, no addresses through %s.  The format is read
 * twice, here and by the stock function; %s copies its argument, %q
 * writes each byte, a control character through snprintf.
 */
int
sandbox_guard_format(lua_State *L)
{
	size_t len, alen, units;
	const char *p = luaL_checklstring(L, 1, &len), *end = p + len;
	int arg = 1;

	units = len;
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
			sandbox_guard_tolstring(L, arg, NULL);	/* ... str */
			lua_replace(L, arg);		/* ... */
		}
		if ((*p == 's' || *p == 'q') && arg <= lua_gettop(L) &&
		    lua_type(L, arg) == LUA_TSTRING) {
			lua_tolstring(L, arg, &alen);
			units += *p == 's' ? alen / SANDBOX_BYTES_PER_UNIT :
			    alen * GUARD_QUOTE_UNITS;
		}
		p++;
	}
	sandbox_charge(L, units);
	return sandbox_guard_stock(L);
}

void
sandbox_guard_span(lua_State *L, lua_Integer from, lua_Integer to)
{
	lua_Unsigned n;

	if (to < from)
		return;
	n = (lua_Unsigned)to - (lua_Unsigned)from;
	sandbox_charge(L, n >= (lua_Unsigned)SIZE_MAX ? SIZE_MAX :
	    (size_t)n + 1);
}

lua_Integer
sandbox_guard_opt(lua_State *L, int arg, lua_Integer def)
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
sandbox_guard_rep(lua_State *L)
{
	sandbox_guard_span(L, 1, sandbox_guard_opt(L, 2, 0));
	return sandbox_guard_stock(L);
}

int
sandbox_guard_byte(lua_State *L)
{
	size_t len = 0;
	lua_Integer i, j;

	if (lua_type(L, 1) == LUA_TSTRING) {
		lua_tolstring(L, 1, &len);
		i = guard_pos(sandbox_guard_opt(L, 2, 1), len);
		j = guard_pos(sandbox_guard_opt(L, 3, i), len);
		if (i < 1)
			i = 1;
		if (j > (lua_Integer)len)
			j = (lua_Integer)len;
		sandbox_guard_span(L, i, j);
	}
	return sandbox_guard_stock(L);
}

/* string.lower, upper, reverse, tonumber, utf8.len and offset: a loop
 * over each byte of argument 1. */
int
sandbox_guard_scan(lua_State *L)
{
	size_t len = 0;

	if (lua_type(L, 1) == LUA_TSTRING)
		lua_tolstring(L, 1, &len);
	sandbox_charge(L, len / SANDBOX_CHARS_PER_UNIT);
	return sandbox_guard_stock(L);
}

/* string.pack, packsize and unpack: each byte of the format may be an
 * option with work of its own ("x" pads, "i" converts, ...). */
int
sandbox_guard_pack(lua_State *L)
{
	size_t len = 0;

	if (lua_type(L, 1) == LUA_TSTRING)
		lua_tolstring(L, 1, &len);
	sandbox_charge(L, len);
	return sandbox_guard_stock(L);
}

/*
 * utf8.codes(s [, lax]) returns the stock iterator wrapped: called with
 * (s, i) it skips the continuation bytes after i, all of them, however
 * far, and a script may call it itself, with any i, as often as it likes.
 */
int
sandbox_guard_codes(lua_State *L)
{
	int n = sandbox_guard_stock(L);			/* iter s 0 */

	if (n >= 1 && lua_isfunction(L, -n)) {
		lua_pushvalue(L, -n);			/* iter s 0 iter */
		lua_pushcclosure(L, guard_codes_next, 1);
		lua_replace(L, -n - 1);			/* next s 0 */
	}
	return n;
}

static int
guard_codes_next(lua_State *L)
{
	const char *s;
	size_t len = 0, i;
	lua_Integer at;
	int ok;

	if (lua_type(L, 1) == LUA_TSTRING) {
		s = lua_tolstring(L, 1, &len);
		at = lua_tointegerx(L, 2, &ok);
		if (ok && at >= 0 && (lua_Unsigned)at < len) {
			for (i = (size_t)at + 1; i < len &&
			    ((unsigned char)s[i] & 0xc0) == 0x80; i++)
				;
			sandbox_charge(L, (i - (size_t)at) /
			    SANDBOX_CHARS_PER_UNIT);
		}
	}
	return sandbox_guard_stock(L);
}

int
sandbox_guard_codepoint(lua_State *L)
{
	size_t len = 0;
	lua_Integer i;

	if (lua_type(L, 1) == LUA_TSTRING) {
		lua_tolstring(L, 1, &len);
		i = guard_pos(sandbox_guard_opt(L, 2, 1), len);
		sandbox_guard_span(L, i, guard_pos(sandbox_guard_opt(L, 3, i),
		    len));
	}
	return sandbox_guard_stock(L);
}

/*
 * math.random([m [, n]]) as in Lua 5.4, from the generator mingle seeds
 * before every call (sandbox_call).
 */
int
sandbox_guard_random(lua_State *L)
{
	uint64_t r = sandbox_random(L), m, limit;
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
			r = sandbox_random(L);
		r %= m;
	}
	lua_pushinteger(L, (lua_Integer)((uint64_t)low + r));
	return 1;
}

size_t
sandbox_guard_log2(size_t n)
{
	size_t b = 0;

	while (n > 1) {
		n >>= 1;
		b++;
	}
	return b;
}
