/*
 * sandbox_internal.h -- what the sandbox*.c files share; nothing outside
 * them includes it (their users see sandbox.h).
 *
 *   sandbox.c          the state: allocator, count hook, calls
 *   sandbox_serial.c   the order the state's objects were made in
 *   sandbox_guard.c    safe replacements for library functions
 *   sandbox_table.c    the table library, charged
 *   sandbox_order.c    next and pairs in a fixed order
 *   sandbox_pattern.c  string.find/match/gmatch/gsub with a step budget
 *   sandbox_env.c      the allow-list of globals
 */
#ifndef MINGLE_SANDBOX_INTERNAL_H
#define MINGLE_SANDBOX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>
#include <lauxlib.h>

#include "sandbox.h"

/* Bytes a library function may handle one at a time (upper, tonumber)
 * for one unit of work. */
#define SANDBOX_CHARS_PER_UNIT	4

/*
 * sandbox_serial.c: creation numbers of a state's tables, functions and
 * coroutines, by the address of their block.  sandbox_serial_add numbers
 * the block at P (of SIZE bytes), sandbox_serial_drop forgets it when it
 * is freed (a cheap no-op for blocks of sizes no object had); both return
 * how many bytes the map itself grew or shrank by, and
 * sandbox_serial_growth what the next add will grow it by.
 * sandbox_serial_find returns P's number, 0 if P is unknown;
 * sandbox_serial_stamp hands out the next number for something the
 * allocator never sees made (a light C function).  Numbers start at 1 and
 * only grow.
 */
#define SANDBOX_SERIAL_SIZES	16	/* words of sizes seen, to 8 KiB */

struct sandbox_serial_slot {
	uintptr_t p;		/* 0: empty */
	uint64_t serial;
};

struct sandbox_serial {
	uint64_t next;		/* the last number handed out */
	struct sandbox_serial_slot *slots;
	size_t nslots;		/* 0 or a power of two */
	size_t count;
	int shift;		/* 64 - log2(nslots) */
	int big;		/* an object of 8 KiB or more was seen */
	int odd;		/* one whose size is no multiple of 8 */
	uint64_t sizes[SANDBOX_SERIAL_SIZES];	/* by 8 bytes */
};

size_t sandbox_serial_growth(const struct sandbox_serial *);
size_t sandbox_serial_add(struct sandbox_serial *, const void *p,
    size_t size);
size_t sandbox_serial_drop(struct sandbox_serial *, const void *p,
    size_t size);
uint64_t sandbox_serial_find(const struct sandbox_serial *, const void *p);
uint64_t sandbox_serial_stamp(struct sandbox_serial *);
size_t sandbox_serial_bytes(const struct sandbox_serial *);
void sandbox_serial_free(struct sandbox_serial *);

/*
 * sandbox.c, for the guards that catch errors: the allocator's count
 * of refused requests before the guarded call, and the check after it.
 * sandbox_recheck raises again if a limit was hit (or if the error at
 * ERRIDX, 0 for none, is a memory error), else returns.
 */
unsigned long sandbox_refusals(lua_State *L);
void sandbox_recheck(lua_State *L, unsigned long refusals, int erridx);

/*
 * sandbox.c, for sandbox_order.c: the creation number of the table,
 * function or coroutine whose memory starts at P (lua_topointer; for a
 * coroutine, lua_getextraspace), 0 if none; a new number, for a value the
 * allocator does not see made (a light C function, a userdata); the
 * host's place for the value at IDX (sandbox_set_places), -1 if none.
 */
uint64_t sandbox_created(lua_State *L, const void *p);
uint64_t sandbox_stamp(lua_State *L);
long sandbox_place(lua_State *L, int idx);

/* sandbox.c, for math.random: a 64-bit pseudo-random number from the
 * call's generator. */
uint64_t sandbox_random(lua_State *L);

/*
 * sandbox_guard.c.  Each guard is a C closure whose upvalue 1 is the stock
 * function it replaces (nil where it replaces nothing).
 */
int sandbox_guard_catch(lua_State *);	/* pcall, xpcall, resume, close */
int sandbox_guard_tostring(lua_State *);	/* no addresses */
int sandbox_guard_setmetatable(lua_State *);	/* no __gc, no __mode */
int sandbox_guard_format(lua_State *);	/* no %p, %s without addresses */
int sandbox_guard_rep(lua_State *);
int sandbox_guard_byte(lua_State *);
int sandbox_guard_scan(lua_State *);	/* charges argument 1's bytes */
int sandbox_guard_pack(lua_State *);	/* charges the format's options */
int sandbox_guard_codes(lua_State *);	/* utf8.codes */
int sandbox_guard_codepoint(lua_State *);
int sandbox_guard_random(lua_State *);	/* seeded per call by mingle */

/*
 * For guards: call the stock function (upvalue 1) with the arguments as
 * they are, adding the script's place to its errors; charge the elements
 * FROM..TO, if any; argument ARG as an integer, DEF if absent or not one
 * (the stock function reports a bad one).
 */
int sandbox_guard_stock(lua_State *);
void sandbox_guard_span(lua_State *L, lua_Integer from, lua_Integer to);
lua_Integer sandbox_guard_opt(lua_State *L, int arg, lua_Integer def);

/*
 * sandbox_order.c: next and pairs visit keys in a fixed order (see
 * there).  sandbox_order_open makes the registry tables they use.
 */
void sandbox_order_open(lua_State *L);
int sandbox_order_next(lua_State *);
int sandbox_order_pairs(lua_State *);

/* sandbox_table.c: the table library (charged, #t taken once). */
int sandbox_table_concat(lua_State *);
int sandbox_table_insert(lua_State *);
int sandbox_table_move(lua_State *);
int sandbox_table_remove(lua_State *);
int sandbox_table_sort(lua_State *);	/* stable merge sort */
int sandbox_table_unpack(lua_State *);

/* sandbox_pattern.c: string.find, match, gmatch, gsub. */
int sandbox_pattern_find(lua_State *);
int sandbox_pattern_match(lua_State *);
int sandbox_pattern_gmatch(lua_State *);
int sandbox_pattern_gsub(lua_State *);

#endif
