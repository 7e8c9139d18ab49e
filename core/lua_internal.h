/*
 * lua_internal.h -- what the lua_*.c files share; nothing outside them
 * includes it.
 *
 *   lua_sandbox.c   the state: allocator, count hook, calls
 *   lua_env.c       the allow-list of globals
 *   lua_guard.c     safe replacements for library functions
 *   lua_pattern.c   string.find/match/gmatch/gsub with a step budget
 *   lua_view.c      read-only attendee views and tag sets
 *   lua_lib.c       the `mingle` library
 *   lua_words.c     mingle.words
 *   lua_strategy.c  a script as a struct strategy
 */
#ifndef MINGLE_LUA_INTERNAL_H
#define MINGLE_LUA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>
#include <lauxlib.h>

#include "attendees.h"

/* Units of work charged per byte a library function scans. */
#define LUA_BYTES_PER_UNIT	16

/* lua_env.c: replace the globals of L with the allow-listed ones. */
void lua_env_open(lua_State *L);

/*
 * lua_sandbox.c, for the guards that catch errors: the allocator's count
 * of refused requests before the guarded call, and the check after it.
 * lua_sandbox_recheck raises again if a limit was hit (or if the error at
 * ERRIDX, 0 for none, is a memory error), else returns.
 */
unsigned long lua_sandbox_refusals(lua_State *L);
void lua_sandbox_recheck(lua_State *L, unsigned long refusals, int erridx);

/*
 * lua_guard.c.  Each guard is a C closure whose upvalue 1 is the stock
 * function it replaces (nil where it replaces nothing).
 */
int lua_guard_catch(lua_State *);	/* pcall, xpcall, resume, close */
int lua_guard_pairs(lua_State *);	/* keys in a fixed order */
int lua_guard_tostring(lua_State *);	/* no addresses */
int lua_guard_setmetatable(lua_State *);	/* no __gc */
int lua_guard_format(lua_State *);	/* no %p, %s without addresses */
int lua_guard_rep(lua_State *);
int lua_guard_byte(lua_State *);
int lua_guard_concat(lua_State *);
int lua_guard_insert(lua_State *);
int lua_guard_remove(lua_State *);
int lua_guard_move(lua_State *);
int lua_guard_unpack(lua_State *);
int lua_guard_sort(lua_State *);	/* stable merge sort */
int lua_guard_utf8_scan(lua_State *);	/* utf8.len, utf8.offset */
int lua_guard_codepoint(lua_State *);
int lua_guard_random(lua_State *);	/* seeded per call by mingle */

/* Like luaL_tolstring but never shows an address: a table without
 * __tostring is "table".  Pushes the string. */
const char *lua_guard_tolstring(lua_State *L, int idx, size_t *len);

/* lua_pattern.c: string.find, match, gmatch, gsub. */
int lua_pattern_find(lua_State *);
int lua_pattern_match(lua_State *);
int lua_pattern_gmatch(lua_State *);
int lua_pattern_gsub(lua_State *);

/*
 * lua_view.c.  lua_view_build pushes a table mapping attendee index + 1
 * to that attendee's view (built once, the same object on every call).
 * T must outlive the state.
 */
void lua_view_build(lua_State *L, const struct attendee_table *t);

/* The attendee index of the view at IDX, or -1 if it is not a view. */
long lua_view_index(lua_State *L, int idx);

/*
 * A tag set: one attendee's tags in one tags field, stored as ranks in
 * the field's alphabetical order (so merging two sets of the same field
 * yields common tags already sorted).
 */
struct lua_tagfield {
	const struct field *f;
	uint32_t ntags;
	const char **name_of_rank;	/* rank -> tag text */
	uint32_t *rank_of_id;	/* interned id -> rank */
	uint32_t *ranks;	/* per attendee (f->tag_off), ascending */
};

struct lua_tagset {
	const struct lua_tagfield *tf;
	const uint32_t *ranks;	/* ascending */
	uint32_t n;
};

/* The tag set at IDX, or NULL. */
const struct lua_tagset *lua_view_tagset(lua_State *L, int idx);

/* The rank of TAG (normalized text, LEN bytes) in TF, or -1. */
long lua_view_tag_rank(const struct lua_tagfield *tf, const char *tag,
    size_t len);

/* lua_lib.c: push the `mingle` table; log is also the script's print. */
void lua_lib_push(lua_State *L);
int lua_lib_log(lua_State *);

/* lua_words.c: mingle.words(s). */
int lua_words_split(lua_State *);

#endif
