/*
 * lua_floor.c -- the floor for Lua rules, for bench/run.sh: a bare
 * lua_pcall loop calling a rule-like function on two attendee tables,
 * without mingle's sandbox, budget or checks.
 *
 * Usage: lua_floor CALLS.   Prints: calls seconds
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static const char script[] =
    "return function(a, b)\n"
    "  if a.first == true and b.first == false then return 1, 'x' end\n"
    "  return 0\n"
    "end\n";

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	lua_State *L;
	long calls, i;

	calls = argc == 2 ? atol(argv[1]) : 0;
	if (calls <= 0) {
		fprintf(stderr, "usage: lua_floor CALLS\n");
		return 1;
	}
	L = luaL_newstate();
	luaL_openlibs(L);
	if (luaL_loadstring(L, script) != LUA_OK ||
	    lua_pcall(L, 0, 1, 0) != LUA_OK)
		return 1;				/* fn */
	lua_createtable(L, 0, 2);			/* fn a */
	lua_pushboolean(L, 1);
	lua_setfield(L, -2, "first");
	lua_createtable(L, 0, 2);			/* fn a b */
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "first");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < calls; i++) {
		lua_pushvalue(L, 1);			/* fn a b fn */
		lua_pushvalue(L, (int)(2 + (i & 1)));	/* ... x */
		lua_pushvalue(L, (int)(3 - (i & 1)));	/* ... x y */
		if (lua_pcall(L, 2, 2, 0) != LUA_OK)	/* ... r1 r2 */
			return 1;
		lua_pop(L, 2);				/* fn a b */
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%ld %.3f\n", calls, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	lua_close(L);
	return 0;
}
