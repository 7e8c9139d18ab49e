/*
 * rule_options.h -- a Lua rule's `options`: the declaration read from the
 * table the rule returns, and the table its init gets.  The check between
 * the two is the host's, the same as for plugins (strategy_options.h).
 */
#ifndef MINGLE_RULE_OPTIONS_H
#define MINGLE_RULE_OPTIONS_H

#include <stddef.h>

#include <lua.h>

#include "strategy_options.h"

/*
 * Read the `options` field of the rule's table at IDX (an absolute index;
 * a table, or absent) into DECL, which stays undeclared if it is absent.
 * Each entry is NAME = { type = ..., default = ..., doc = ... }, every key
 * optional; options are declared in the order of their names.  Reads are
 * raw and run no script code.  PATH names the script in messages.
 * Returns 0, or nonzero with *cause "PATH: options.NAME: ..." set.
 */
int rule_options_read(lua_State *L, int idx, const char *path,
    struct strategy_options *decl, char **cause);

/*
 * Push the table init gets: each of the N VALUES by name, strings as
 * strings, numbers as numbers (whole ones as integers, as views show
 * them), booleans as booleans.
 */
void rule_options_push(lua_State *L, const struct strategy_value *values,
    size_t n);

#endif
