/*
 * rule_options.c -- read the `options` a Lua rule declares; push the
 * table its init gets.
 *
 *   options = {
 *     field = { default = "city", doc = "the field with the city" },
 *     score = { type = "number", default = 1, doc = "the bonus" },
 *   }
 *
 * Only the Lua side is here: what a declaration means, and the check of a
 * [strategy] section against it, are strategy_options.c's, shared with
 * plugins.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "config.h"
#include "rule_options.h"
#include "util.h"

static const char *const spec_keys[] = { "type", "default", "doc" };
#define NSPEC	(sizeof spec_keys / sizeof spec_keys[0])

static int	option_read(lua_State *, const char *, const char *,
		    struct strategy_options *, char **);
static int	option_check_spec(lua_State *, const char *, const char *,
		    char **);
static int	option_name_cmp(const void *, const void *);
static void	number_text(lua_State *, int, char *, size_t);

int
rule_options_read(lua_State *L, int idx, const char *path,
    struct strategy_options *decl, char **cause)
{
	const char *const *own = config_strategy_host_keys();
	const char **names = NULL;
	size_t n = 0, i, k;
	int rc = 0;

	lua_pushliteral(L, "options");			/* ... "options" */
	if (lua_rawget(L, idx) == LUA_TNIL) {		/* ... opts */
		lua_pop(L, 1);				/* ... */
		return 0;
	}
	decl->declared = 1;
	/* Names first, then in their order: a table's own is not fixed. */
	lua_pushnil(L);					/* ... opts nil */
	while (lua_next(L, -2)) {			/* ... opts name spec */
		if (lua_type(L, -2) != LUA_TSTRING) {
			*cause = xasprintf("%s: options: each key must be an "
			    "option's name, not a %s (write NAME = { doc = "
			    "\"...\" })", path, luaL_typename(L, -2));
			rc = -1;
		} else if (lua_type(L, -1) != LUA_TTABLE) {
			*cause = xasprintf("%s: options.%s must be a table "
			    "such as { default = ..., doc = \"...\" }, not %s",
			    path, lua_tostring(L, -2), luaL_typename(L, -1));
			rc = -1;
		}
		if (rc != 0) {
			lua_pop(L, 3);				/* ... */
			free(names);
			return -1;
		}
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = lua_tostring(L, -2);	/* the table keeps it */
		lua_pop(L, 1);				/* ... opts name */
	}							/* ... opts */
	if (n > 0)
		qsort(names, n, sizeof *names, option_name_cmp);
	for (i = 0; i < n && rc == 0; i++) {
		for (k = 0; own[k] != NULL; k++)
			if (strcmp(names[i], own[k]) == 0)
				break;
		if (own[k] != NULL) {
			*cause = xasprintf("%s: options.%s: '%s' is a key "
			    "mingle reads itself; give the option another "
			    "name", path, names[i], names[i]);
			rc = -1;
			break;
		}
		lua_pushstring(L, names[i]);		/* ... opts name */
		lua_rawget(L, -2);			/* ... opts spec */
		rc = option_read(L, path, names[i], decl, cause);
		lua_pop(L, 1);				/* ... opts */
	}
	lua_pop(L, 1);					/* ... */
	free(names);
	return rc;
}

/* Declare option NAME from the spec table on top of the stack. */
static int
option_read(lua_State *L, const char *path, const char *name,
    struct strategy_options *decl, char **cause)
{
	const char *type, *doc, *def = NULL;
	char num[64], *inner = NULL;
	int dtype;

	if (option_check_spec(L, path, name, cause) != 0)
		return -1;
	lua_pushliteral(L, "type");
	lua_rawget(L, -2);				/* ... spec type */
	lua_pushliteral(L, "doc");
	lua_rawget(L, -3);				/* ... spec type doc */
	lua_pushliteral(L, "default");
	dtype = lua_rawget(L, -4);		/* ... spec type doc default */
	type = lua_tostring(L, -3);
	doc = lua_tostring(L, -2);
	if (dtype == LUA_TSTRING)
		def = lua_tostring(L, -1);
	else if (dtype == LUA_TNUMBER) {
		number_text(L, -1, num, sizeof num);
		def = num;
	} else if (dtype == LUA_TBOOLEAN)
		def = lua_toboolean(L, -1) ? "true" : "false";
	else if (dtype != LUA_TNIL) {
		*cause = xasprintf("%s: options.%s.default must be a string, "
		    "number or boolean, not %s", path, name,
		    lua_typename(L, dtype));
		lua_pop(L, 3);				/* ... spec */
		return -1;
	}
	/* A string option with a number for default is a forgotten type:
	 * the rule would get "1", not 1. */
	if ((type == NULL || strcmp(type, "string") == 0) &&
	    dtype != LUA_TNIL && dtype != LUA_TSTRING) {
		*cause = xasprintf("%s: options.%s.default is a %s, so the "
		    "option needs type = \"%s\" (or a default in quotes)",
		    path, name, lua_typename(L, dtype),
		    dtype == LUA_TNUMBER ? "number" : "boolean");
		lua_pop(L, 3);				/* ... spec */
		return -1;
	}
	if (strategy_options_declare(decl, name, type, def, doc, &inner) != 0) {
		*cause = xasprintf("%s: options.%s: %s", path, name, inner);
		free(inner);
		lua_pop(L, 3);				/* ... spec */
		return -1;
	}
	lua_pop(L, 3);					/* ... spec */
	return 0;
}

/* The spec on top of the stack holds only known keys; type and doc are
 * strings. */
static int
option_check_spec(lua_State *L, const char *path, const char *name,
    char **cause)
{
	const char *key, *near;
	size_t k;

	lua_pushnil(L);					/* ... spec nil */
	while (lua_next(L, -2)) {			/* ... spec key value */
		key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) :
		    NULL;
		for (k = 0; key != NULL && k < NSPEC; k++)
			if (strcmp(key, spec_keys[k]) == 0)
				break;
		if (key == NULL || k == NSPEC) {
			near = key != NULL ? closest_match(key, spec_keys,
			    NSPEC) : NULL;
			*cause = xasprintf("%s: options.%s has an unknown key "
			    "'%s'%s%s%s (known: type, default, doc)", path,
			    name, key != NULL ? key : luaL_typename(L, -2),
			    near != NULL ? "; did you mean '" : "",
			    near != NULL ? near : "", near != NULL ? "'?" : "");
			lua_pop(L, 2);				/* ... spec */
			return -1;
		}
		if (strcmp(key, "default") != 0 &&
		    lua_type(L, -1) != LUA_TSTRING) {
			*cause = xasprintf("%s: options.%s.%s must be a "
			    "string, not %s", path, name, key,
			    luaL_typename(L, -1));
			lua_pop(L, 2);				/* ... spec */
			return -1;
		}
		lua_pop(L, 1);				/* ... spec key */
	}						/* ... spec */
	return 0;
}

static int
option_name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The number at IDX as a config would say it, without touching the
 * stack (lua_tostring would convert the slot, and allocate). */
static void
number_text(lua_State *L, int idx, char *buf, size_t cap)
{
	char text[NUMBER_TEXT_LEN];

	if (lua_isinteger(L, idx)) {
		snprintf(buf, cap, "%lld", (long long)lua_tointeger(L, idx));
		return;
	}
	snprintf(buf, cap, "%s", format_double((double)lua_tonumber(L, idx),
	    text));
}

void
rule_options_push(lua_State *L, const struct strategy_value *values,
    size_t n)
{
	lua_Integer i;
	size_t k;
	int whole;

	lua_createtable(L, 0, (int)n);			/* opts */
	for (k = 0; k < n; k++) {
		switch (values[k].type) {
		case STRATEGY_OPTION_NUMBER:
			lua_pushnumber(L, values[k].number);
			/* Whole numbers as integers: "2", not "2.0". */
			i = lua_tointegerx(L, -1, &whole);
			if (whole) {
				lua_pop(L, 1);
				lua_pushinteger(L, i);
			}
			break;				/* opts value */
		case STRATEGY_OPTION_INTEGER:
			lua_pushinteger(L, values[k].integer);
			break;
		case STRATEGY_OPTION_BOOLEAN:
			lua_pushboolean(L, values[k].boolean);
			break;
		default:
			lua_pushstring(L, values[k].text);
		}
		lua_setfield(L, -2, values[k].name);	/* opts */
	}
}
