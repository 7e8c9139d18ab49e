/*
 * sandbox_env.c -- the globals a script sees: an allow-list.
 *
 * The stock libraries are opened, then a fresh global table is filled with
 * only the names listed here; a listed guard replaces the stock function
 * (and gets it as upvalue 1).  Library tables, the host's own too, are
 * handed out as empty read-only proxies, and string methods look up the
 * table behind the proxy, out of the script's reach, so a script can
 * change neither for later calls.
 */
#include "autoconf.h"

#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "sandbox_internal.h"

/*
 * The allow-list.  Everything a script can reach is named here; a NULL
 * guard keeps the stock function.  Left out, and why:
 *   collectgarbage  stops the collector or reads memory use: neither is a
 *                   rule's business, and the limit counts garbage anyway
 *   dofile, loadfile, require, package, io, os
 *                   files, processes, the clock: a rule reads attendees
 *   load            compiles strings at run time, binary chunks included
 *   warn            writes to stderr without saying who; use mingle.log
 *   debug           reaches every local, upvalue and metatable
 *   string.dump     makes bytecode, the way into the VM's internals
 *   math.randomseed mingle seeds math.random itself, per call, so scores
 *                   do not depend on the order pairs are scored in
 */
struct allowed {
	const char *name;
	lua_CFunction guard;
};

static const struct allowed base_allowed[] = {
	{ "assert", NULL }, { "error", NULL }, { "getmetatable", NULL },
	{ "ipairs", NULL }, { "next", sandbox_order_next },
	{ "pairs", sandbox_order_pairs },
	{ "pcall", sandbox_guard_catch },
	{ "print", sandbox_guard_print },	/* stdout may be the output */
	{ "rawequal", NULL }, { "rawget", NULL }, { "rawlen", NULL },
	{ "rawset", NULL }, { "select", NULL },
	{ "setmetatable", sandbox_guard_setmetatable },
	{ "tonumber", sandbox_guard_scan },
	{ "tostring", sandbox_guard_tostring },
	{ "type", NULL },
	{ "xpcall", sandbox_guard_catch },
	{ "_VERSION", NULL },
	{ NULL, NULL }
};

static const struct allowed string_allowed[] = {
	{ "byte", sandbox_guard_byte }, { "char", NULL },
	{ "find", sandbox_pattern_find },
	{ "format", sandbox_guard_format },
	{ "gmatch", sandbox_pattern_gmatch },
	{ "gsub", sandbox_pattern_gsub },
	{ "len", NULL }, { "lower", sandbox_guard_scan },
	{ "match", sandbox_pattern_match },
	{ "pack", sandbox_guard_pack }, { "packsize", sandbox_guard_pack },
	{ "rep", sandbox_guard_rep },
	{ "reverse", sandbox_guard_scan }, { "sub", NULL },
	{ "unpack", sandbox_guard_pack },
	{ "upper", sandbox_guard_scan },
	{ NULL, NULL }
};

static const struct allowed table_allowed[] = {
	{ "concat", sandbox_table_concat },
	{ "insert", sandbox_table_insert },
	{ "move", sandbox_table_move },
	{ "pack", NULL },
	{ "remove", sandbox_table_remove },
	{ "sort", sandbox_table_sort },
	{ "unpack", sandbox_table_unpack },
	{ NULL, NULL }
};

static const struct allowed math_allowed[] = {
	{ "abs", NULL }, { "acos", NULL }, { "asin", NULL }, { "atan", NULL },
	{ "ceil", NULL }, { "cos", NULL }, { "deg", NULL }, { "exp", NULL },
	{ "floor", NULL }, { "fmod", NULL }, { "huge", NULL }, { "log", NULL },
	{ "max", NULL }, { "maxinteger", NULL }, { "min", NULL },
	{ "mininteger", NULL }, { "modf", NULL }, { "pi", NULL },
	{ "rad", NULL },
	{ "random", sandbox_guard_random },
	{ "sin", NULL }, { "sqrt", NULL }, { "tan", NULL },
	{ "tointeger", NULL }, { "type", NULL }, { "ult", NULL },
	{ NULL, NULL }
};

static const struct allowed utf8_allowed[] = {
	{ "char", NULL }, { "charpattern", NULL },
	{ "codepoint", sandbox_guard_codepoint },
	{ "codes", sandbox_guard_codes },
	{ "len", sandbox_guard_scan },
	{ "offset", sandbox_guard_scan },
	{ NULL, NULL }
};

static const struct allowed coroutine_allowed[] = {
	{ "close", sandbox_guard_catch },
	{ "create", NULL }, { "isyieldable", NULL },
	{ "resume", sandbox_guard_catch },
	{ "running", NULL }, { "status", NULL }, { "wrap", NULL },
	{ "yield", NULL },
	{ NULL, NULL }
};

/*
 * Guards that do the work themselves rather than call the stock function.
 * Lua names a function called from C (by pcall, say) by finding it in the
 * library tables of package.loaded: "bad argument #2 to 'table.insert'".
 * These go there in place of the stock ones, which the other guards call
 * and so leave there.  Those tables are out of the script's reach.
 */
static const lua_CFunction own_work[] = {
	sandbox_order_next, sandbox_order_pairs, sandbox_guard_tostring,
	sandbox_guard_random,
	sandbox_pattern_find, sandbox_pattern_gmatch, sandbox_pattern_gsub,
	sandbox_pattern_match, sandbox_table_concat, sandbox_table_insert,
	sandbox_table_remove, sandbox_table_sort
};

static const struct library {
	const char *name;	/* NULL: base, into the globals */
	const char *modname;
	lua_CFunction open;
	const struct allowed *allowed;
} libraries[] = {
	{ NULL, LUA_GNAME, luaopen_base, base_allowed },
	{ LUA_STRLIBNAME, LUA_STRLIBNAME, luaopen_string, string_allowed },
	{ LUA_TABLIBNAME, LUA_TABLIBNAME, luaopen_table, table_allowed },
	{ LUA_MATHLIBNAME, LUA_MATHLIBNAME, luaopen_math, math_allowed },
	{ LUA_UTF8LIBNAME, LUA_UTF8LIBNAME, luaopen_utf8, utf8_allowed },
	{ LUA_COLIBNAME, LUA_COLIBNAME, luaopen_coroutine,
	    coroutine_allowed },
};

static int	env_own_work(lua_CFunction);
static void	env_freeze(lua_State *, const char *);
static int	env_readonly(lua_State *);
static int	env_frozen_pairs(lua_State *);

/*
 * Build the script's globals from the allow-list and make them the state's
 * global table; the stock one, with load and friends, becomes garbage.
 */
void
sandbox_env_open(lua_State *L)
{
	const struct library *lib;
	const struct allowed *a;
	size_t i;

	sandbox_order_open(L);
	lua_newtable(L);				/* env */
	for (i = 0; i < sizeof libraries / sizeof libraries[0]; i++) {
		lib = &libraries[i];
		luaL_requiref(L, lib->modname, lib->open, 0);	/* env stock */
		if (lib->name == NULL)
			lua_pushvalue(L, -2);		/* env stock env */
		else
			lua_newtable(L);		/* env stock lib */
		for (a = lib->allowed; a->name != NULL; a++) {
			lua_getfield(L, -2, a->name);	/* env stock lib v */
			if (a->guard != NULL)
				lua_pushcclosure(L, a->guard, 1);
			else if (lua_iscfunction(L, -1))
				sandbox_order_remember(L, -1);
			if (env_own_work(a->guard)) {
				lua_pushvalue(L, -1);	/* ... lib g g */
				lua_setfield(L, -4, a->name);	/* ... lib g */
			}
			lua_setfield(L, -2, a->name);	/* env stock lib */
		}
		if (lib->name != NULL &&
		    strcmp(lib->name, LUA_STRLIBNAME) == 0) {
			/* Methods on strings use the table behind the proxy;
			 * the stack is "env stock lib" below. */
			lua_pushliteral(L, "");		/* ... lib "" */
			lua_getmetatable(L, -1);	/* ... lib "" mt */
			lua_pushvalue(L, -3);		/* ... lib "" mt lib */
			lua_setfield(L, -2, "__index");	/* ... lib "" mt */
			lua_pushboolean(L, 0);		/* ... "" mt false */
			lua_setfield(L, -2, "__metatable");	/* ... "" mt */
			lua_pop(L, 2);			/* env stock lib */
		}
		if (lib->name != NULL) {
			env_freeze(L, lib->name);	/* env stock proxy */
			lua_setfield(L, -3, lib->name);	/* env stock */
		} else
			lua_pop(L, 1);			/* env stock */
		lua_pop(L, 1);				/* env */
	}
	/* The C functions the allowed ones return, numbered too: */
	lua_pushcfunction(L, sandbox_order_next);		/* env next */
	sandbox_order_remember(L, -1);
	lua_getfield(L, -2, "ipairs");			/* env next ipairs */
	lua_newtable(L);				/* env next ipairs {} */
	lua_call(L, 1, 1);				/* env next iter */
	sandbox_order_remember(L, -1);
	lua_pop(L, 2);					/* env */
	lua_pushvalue(L, -1);				/* env env */
	lua_setfield(L, -2, LUA_GNAME);			/* env */
	lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);	/* */
	lua_gc(L, LUA_GCCOLLECT);
}

void
sandbox_env_library(lua_State *L, const char *name)
{
	env_freeze(L, name);				/* proxy */
	lua_setglobal(L, name);				/* */
}

static int
env_own_work(lua_CFunction guard)
{
	size_t i;

	for (i = 0; guard != NULL && i < sizeof own_work / sizeof own_work[0];
	    i++)
		if (own_work[i] == guard)
			return 1;
	return 0;
}

/* Replace the table on top with an empty read-only proxy for it. */
static void
env_freeze(lua_State *L, const char *name)
{
	lua_newtable(L);				/* tbl proxy */
	lua_createtable(L, 0, 4);			/* tbl proxy mt */
	lua_pushvalue(L, -3);				/* tbl proxy mt tbl */
	lua_setfield(L, -2, "__index");			/* tbl proxy mt */
	lua_pushstring(L, name);			/* tbl proxy mt name */
	lua_pushcclosure(L, env_readonly, 1);	/* tbl proxy mt fn */
	lua_setfield(L, -2, "__newindex");		/* tbl proxy mt */
	lua_pushvalue(L, -3);				/* tbl proxy mt tbl */
	lua_pushcclosure(L, env_frozen_pairs, 1);	/* tbl proxy mt fn */
	lua_setfield(L, -2, "__pairs");			/* tbl proxy mt */
	lua_pushboolean(L, 0);				/* tbl proxy mt false */
	lua_setfield(L, -2, "__metatable");		/* tbl proxy mt */
	lua_setmetatable(L, -2);			/* tbl proxy */
	lua_remove(L, -2);				/* proxy */
}

static int
env_readonly(lua_State *L)
{
	return luaL_error(L, "the %s library is read-only (tried to set "
	    "'%s')", lua_tostring(L, lua_upvalueindex(1)),
	    sandbox_guard_tolstring(L, 2, NULL));
}

static int
env_frozen_pairs(lua_State *L)
{
	lua_pushcfunction(L, sandbox_order_pairs);	/* proxy pairs */
	lua_pushvalue(L, lua_upvalueindex(1));		/* proxy pairs tbl */
	lua_call(L, 1, 3);				/* proxy iter tbl nil */
	return 3;
}
