/*
 * sandbox.h -- one Lua state that runs untrusted scripts: what its users
 * (mingle's rules, rule_*.c) may call.  It knows nothing of attendees.
 *
 * A sandbox is a lua_State that starts with no globals at all; the host
 * gives it the allow-listed ones (sandbox_env_open) and libraries of its
 * own (sandbox_env_library).  Scripts load as text only, and two limits
 * hold for every call the host makes into it:
 *
 *   memory        a custom allocator refuses to grow the state beyond
 *                 what the host itself put into it (libraries, its own
 *                 values) plus MEMORY_LIMIT bytes;
 *   instructions  a count hook stops a call after INSTRUCTION_LIMIT units
 *                 of work: VM instructions, plus what library functions
 *                 and allocations cost (see sandbox_charge).
 *
 * Hitting a limit is fatal for the call: the script cannot catch it with
 * pcall, xpcall or coroutine.resume (their replacements re-raise it).
 *
 * A sandbox is used by one thread at a time; a strategy keeps one per
 * worker thread.  Lifetimes: strings passed in are copied.
 */
#ifndef MINGLE_SANDBOX_H
#define MINGLE_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

struct sandbox;

/* Bytes a function may scan (memchr, memcmp, memcpy) for one unit of
 * work. */
#define SANDBOX_BYTES_PER_UNIT	16

/* Defaults for a limit given as 0. */
#define SANDBOX_MEMORY_DEFAULT	((size_t)64 << 20)
#define SANDBOX_INSTRUCTIONS_DEFAULT	10000000L

/* The stack slot of the message handler every call uses; callers keep
 * their own values above it. */
#define SANDBOX_HANDLER	1

/*
 * A new sandbox for the script at PATH (used in messages and as the chunk
 * name).  SEED seeds math.random, which is reseeded on every call from
 * SEED and the call's key, so results never depend on call order.  The
 * stack holds the message handler at SANDBOX_HANDLER.  The state has no
 * globals: give it sandbox_env_open's before it runs a script.  Never
 * NULL.
 */
struct sandbox *sandbox_new(const char *path, size_t memory_limit,
    long instruction_limit, uint64_t seed);
void sandbox_free(struct sandbox *sb);

lua_State *sandbox_state(struct sandbox *sb);

/* The sandbox running L (any of its threads). */
struct sandbox *sandbox_of(lua_State *L);

/* The script's file name without folders, for log lines. */
const char *sandbox_name(struct sandbox *sb);

/*
 * Start counting memory against the limit from here: everything the host
 * has put into the state so far is free for the script.
 */
void sandbox_seal(struct sandbox *sb);

/*
 * Compile TEXT (LEN bytes; a UTF-8 byte order mark is skipped) as a text
 * chunk and push it.  Binary chunks are refused.  Returns 0, or nonzero
 * with *cause "FILE:LINE: message" (nothing pushed).
 */
int sandbox_load(struct sandbox *sb, const char *text, size_t len,
    char **cause);

/*
 * Call the function below NARGS arguments on the stack with fresh limits,
 * math.random seeded from KEY.  Returns 0 with NRESULTS results pushed, or
 * nonzero with the function and arguments popped and *cause set to
 * "FILE:LINE: message (CONTEXT)" followed by a stack traceback, CONTEXT
 * being the printf-style FMT (formatted only on error).
 */
int sandbox_call(struct sandbox *sb, uint64_t key, int nargs,
    int nresults, char **cause, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Give the next call UNITS of work instead of the instruction limit. */
void sandbox_budget(struct sandbox *sb, long long units);

/*
 * For C functions running inside a call: count N units of work against
 * the instruction limit; raises the limit error when it is exceeded, or
 * the time limit's when the call has run too long (checked every so many
 * units, as the count hook does).  Charge before the work where its cost
 * is known, as it goes where it is not.  Does nothing outside calls.
 */
void sandbox_charge(lua_State *L, size_t n);

/*
 * For C functions about to allocate much: the memory limit, which the
 * state can never grow past (SIZE_MAX where there is none: outside calls,
 * while the host allocates).  What the state holds already is not taken
 * off: the collector may free some of it.
 */
size_t sandbox_memory_limit(lua_State *L);

/*
 * Let the host allocate without the memory limit (to push a string it has
 * already built, say) until the matching sandbox_host_leave.  A Lua
 * error in between is fine: every call starts with the count at zero.
 */
void sandbox_host_enter(lua_State *L);
void sandbox_host_leave(lua_State *L);

/*
 * Userdata the host orders itself (mingle's attendee views, say): PLACE
 * returns the place of the value at IDX among them, or -1 for any other
 * value, and must not raise errors.  next and pairs visit them after the
 * booleans, by place.
 */
typedef long (*sandbox_place_fn)(lua_State *L, int idx);
void sandbox_set_places(lua_State *L, sandbox_place_fn place);

/*
 * sandbox_env.c.  sandbox_env_open gives the state the allow-listed
 * globals; sandbox_env_library pops the table on top and makes it the
 * global NAME, read-only like the libraries.
 */
void sandbox_env_open(lua_State *L);
void sandbox_env_library(lua_State *L, const char *name);

/*
 * sandbox_guard.c.  sandbox_guard_tolstring is like luaL_tolstring but
 * never shows an address: a table without __tostring is "table" (pushes
 * the string).  sandbox_guard_print is the script's print: its arguments
 * on one line of stderr, "mingle: SCRIPT:LINE: text".  sandbox_guard_log2
 * is floor(log2(N)), 0 for N < 2, for charging sorts.
 */
const char *sandbox_guard_tolstring(lua_State *L, int idx, size_t *len);
int sandbox_guard_print(lua_State *);
size_t sandbox_guard_log2(size_t n);

/*
 * sandbox_order.c.  sandbox_order_remember numbers the value at IDX, for
 * values the allocator does not see made (light C functions, userdata),
 * in the order it is called: next and pairs visit them in that order.
 * sandbox_order_walk pushes the iterator of a generic for over the table
 * at T that visits the keys of the array at KEYS, in the array's order,
 * skipping those whose value in T is nil.
 */
void sandbox_order_remember(lua_State *L, int idx);
void sandbox_order_walk(lua_State *L, int t, int keys);

#endif
