/*
 * lua_internal.h -- what the lua_*.c files share; nothing outside them
 * includes it.
 *
 *   lua_sandbox.c   the state: allocator, count hook, calls
 *   lua_serial.c    the order the state's objects were made in
 *   lua_env.c       the allow-list of globals
 *   lua_guard.c     safe replacements for library functions
 *   lua_table.c     the table library, charged
 *   lua_order.c     next and pairs in a fixed order
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

/* Bytes a library function may scan for one unit of work (memchr and
 * memcpy), and bytes it may handle one at a time (upper, tonumber). */
#define LUA_BYTES_PER_UNIT	16
#define LUA_CHARS_PER_UNIT	4

/*
 * lua_serial.c: creation numbers of a state's tables, functions and
 * coroutines, by the address of their block.  lua_serial_add numbers the
 * block at P (of SIZE bytes), lua_serial_drop forgets it when it is freed
 * (a cheap no-op for blocks of sizes no object had); both return how many
 * bytes the map itself grew or shrank by, and lua_serial_growth what the
 * next add will grow it by.  lua_serial_find returns P's number, 0 if P
 * is unknown; lua_serial_stamp hands out the next number for something
 * the allocator never sees made (a light C function).  Numbers start at
 * 1 and only grow.
 */
#define LUA_SERIAL_SIZES	16	/* words of sizes seen, to 8 KiB */

struct lua_serial_slot {
	uintptr_t p;		/* 0: empty */
	uint64_t serial;
};

struct lua_serial {
	uint64_t next;		/* the last number handed out */
	struct lua_serial_slot *slots;
	size_t nslots;		/* 0 or a power of two */
	size_t count;
	int shift;		/* 64 - log2(nslots) */
	int big;		/* an object of 8 KiB or more was seen */
	int odd;		/* one whose size is no multiple of 8 */
	uint64_t sizes[LUA_SERIAL_SIZES];	/* by 8 bytes */
};

size_t lua_serial_growth(const struct lua_serial *);
size_t lua_serial_add(struct lua_serial *, const void *p, size_t size);
size_t lua_serial_drop(struct lua_serial *, const void *p, size_t size);
uint64_t lua_serial_find(const struct lua_serial *, const void *p);
uint64_t lua_serial_stamp(struct lua_serial *);
size_t lua_serial_bytes(const struct lua_serial *);
void lua_serial_free(struct lua_serial *);

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
 * lua_sandbox.c, for lua_order.c: the creation number of the table,
 * function or coroutine whose memory starts at P (lua_topointer; for a
 * coroutine, lua_getextraspace), 0 if none; a new number, for a value the
 * allocator does not see made (a light C function, a view's userdata).
 */
uint64_t lua_sandbox_created(lua_State *L, const void *p);
uint64_t lua_sandbox_stamp(lua_State *L);

/*
 * lua_guard.c.  Each guard is a C closure whose upvalue 1 is the stock
 * function it replaces (nil where it replaces nothing).
 */
int lua_guard_catch(lua_State *);	/* pcall, xpcall, resume, close */
int lua_guard_tostring(lua_State *);	/* no addresses */
int lua_guard_setmetatable(lua_State *);	/* no __gc, no __mode */
int lua_guard_format(lua_State *);	/* no %p, %s without addresses */
int lua_guard_rep(lua_State *);
int lua_guard_byte(lua_State *);
int lua_guard_scan(lua_State *);	/* charges argument 1's bytes */
int lua_guard_pack(lua_State *);	/* charges the format's options */
int lua_guard_codes(lua_State *);	/* utf8.codes */
int lua_guard_codepoint(lua_State *);
int lua_guard_random(lua_State *);	/* seeded per call by mingle */

/*
 * For guards: call the stock function (upvalue 1) with the arguments as
 * they are, adding the script's place to its errors; charge the elements
 * FROM..TO, if any; argument ARG as an integer, DEF if absent or not one
 * (the stock function reports a bad one); floor(log2(N)), 0 for N < 2.
 */
int lua_guard_stock(lua_State *);
void lua_guard_span(lua_State *L, lua_Integer from, lua_Integer to);
lua_Integer lua_guard_opt(lua_State *L, int arg, lua_Integer def);
size_t lua_guard_log2(size_t n);

/*
 * lua_order.c: next and pairs visit keys in a fixed order (see there).
 * lua_order_open makes the registry tables they use; lua_order_remember
 * numbers the value at IDX, for values the allocator does not see made
 * (light C functions, tag sets), in the order it is called.
 */
void lua_order_open(lua_State *L);
void lua_order_remember(lua_State *L, int idx);
int lua_order_next(lua_State *);
int lua_order_pairs(lua_State *);

/* lua_table.c: the table library (charged, #t taken once). */
int lua_table_concat(lua_State *);
int lua_table_insert(lua_State *);
int lua_table_move(lua_State *);
int lua_table_remove(lua_State *);
int lua_table_sort(lua_State *);	/* stable merge sort */
int lua_table_unpack(lua_State *);

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
