/*
 * sandbox.c -- a Lua state fit for untrusted rule scripts.
 *
 * Three mechanisms, each closing one way out:
 *   - an allow-list: a new state has no globals at all, and the host
 *     gives it only the functions sandbox_env.c lists (with the reason for
 *     each omission), some replaced by guards (sandbox_guard.c,
 *     sandbox_pattern.c ...);
 *   - a lua_Alloc that counts every byte and refuses to grow the state
 *     beyond the host's baseline plus the memory limit;
 *   - a count hook that stops a call after its instruction budget.  New
 *     coroutines inherit the hook (lua_newthread copies it), and library
 *     functions whose work grows with their input charge the same budget.
 *
 * Limit errors are fatal: once one is raised, sb->fatal is set and every
 * guarded function that could catch it (pcall, xpcall, coroutine.resume,
 * coroutine.close) raises it again, and so does the hook, so it reaches
 * the host however the script wraps its code.
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>

#include "sandbox_internal.h"
#include "sandbox.h"
#include "rng.h"
#include "util.h"

/* Instructions between two runs of the count hook. */
#define HOOK_GRANULARITY	1000

/* Bytes of allocation that cost one unit of the instruction budget. */
#define ALLOC_BYTES_PER_UNIT	64

/*
 * A safety net behind the instruction limit, for work the count cannot
 * see (a single instruction copying a huge vararg list): a call may run
 * this long per instruction of its budget, and never less than a second.
 * Scripts within their instruction limit finish far sooner.
 */
#define TIME_NS_PER_INSTRUCTION	1000
#define TIME_MIN_NS		1000000000LL

enum fatal {
	FATAL_NONE = 0,
	FATAL_INSTRUCTIONS,
	FATAL_MEMORY,
	FATAL_TIME
};

struct sandbox {
	lua_State *L;
	char *path;		/* the script, for messages */
	const char *name;	/* its last component */
	char short_src[LUA_IDSIZE];	/* how Lua abbreviates the path */

	/* Memory. */
	size_t bytes;		/* held by the state */
	size_t cap;		/* growth beyond this is refused */
	size_t memory_limit;	/* on top of the sealed baseline */
	unsigned long refusals;	/* allocations refused so far */
	int host;		/* > 0: the host allocates, no limit */
	sandbox_place_fn place;	/* the host's ordered userdata, or NULL */
	struct sandbox_serial serial;	/* tables, functions, coroutines */

	/* Work, per call. */
	long limit;		/* instruction budget */
	long long budget;	/* this call's: limit, or as set for it */
	long long next_budget;	/* 0, or the next call's */
	long long used;
	int granularity;	/* hook period */
	long long time_limit_ns;
	long long clock_at;	/* charge reads the clock when used gets here */
	struct timespec start;	/* taken at the first reading of the clock */
	int started;
	int in_call;
	int last_line;		/* seen by the hook, for messages */

	enum fatal fatal;
	char *fatal_msg;	/* "FILE:LINE: ..." once fatal is set */
	char *traceback;	/* from the message handler */

	uint64_t seed;
	uint64_t key;		/* the call's; seeds rng at its first use */
	int seeded;
	struct rng rng;
};

static void	*sandbox_alloc(void *, void *, size_t, size_t);
static void	 sandbox_hook(lua_State *, lua_Debug *);
static int	 sandbox_late(struct sandbox *);
static int	 sandbox_msghandler(lua_State *);
static void	 sandbox_fatal(struct sandbox *, enum fatal, int);
static void	 sandbox_raise(lua_State *, struct sandbox *);
static void	 sandbox_put(struct strbuf *, struct sandbox *,
		     const char *);
static void	 sandbox_size(char *, size_t, size_t);
static int	 sandbox_line(lua_State *, int);

struct sandbox *
sandbox_new(const char *path, size_t memory_limit,
    long instruction_limit, uint64_t seed)
{
	struct sandbox *sb;
	const char *slash;
	char *chunkname;
	lua_Debug ar;

	sb = xcalloc(1, sizeof *sb);
	sb->path = xstrdup(path);
	slash = strrchr(sb->path, '/');
	sb->name = slash != NULL ? slash + 1 : sb->path;
	sb->memory_limit = memory_limit > 0 ? memory_limit :
	    SANDBOX_MEMORY_DEFAULT;
	sb->cap = (size_t)-1;
	sb->limit = instruction_limit > 0 ? instruction_limit :
	    SANDBOX_INSTRUCTIONS_DEFAULT;
	sb->granularity = sb->limit < HOOK_GRANULARITY ? (int)sb->limit :
	    HOOK_GRANULARITY;
	sb->budget = sb->limit;
	sb->seed = seed;

	sb->L = lua_newstate(sandbox_alloc, sb);
	if (sb->L == NULL) {
		fputs("mingle: out of memory\n", stderr);
		exit(1);
	}
	lua_sethook(sb->L, sandbox_hook, LUA_MASKCOUNT, sb->granularity);

	/* Learn how Lua abbreviates the path in its messages. */
	chunkname = xasprintf("@%s", sb->path);
	if (luaL_loadbufferx(sb->L, "", 0, chunkname, "t") == LUA_OK) {
		lua_getinfo(sb->L, ">S", &ar);		/* */
		memcpy(sb->short_src, ar.short_src, sizeof sb->short_src);
	} else
		lua_pop(sb->L, 1);			/* */
	free(chunkname);

	lua_settop(sb->L, 0);
	lua_pushcfunction(sb->L, sandbox_msghandler);	/* handler */
	return sb;
}

void
sandbox_free(struct sandbox *sb)
{
	if (sb == NULL)
		return;
	sb->in_call = 0;
	sb->host = 1;
	lua_close(sb->L);
	sandbox_serial_free(&sb->serial);
	free(sb->traceback);
	free(sb->fatal_msg);
	free(sb->path);
	free(sb);
}

lua_State *
sandbox_state(struct sandbox *sb)
{
	return sb->L;
}

struct sandbox *
sandbox_of(lua_State *L)
{
	void *ud;

	lua_getallocf(L, &ud);
	return ud;
}

const char *
sandbox_name(struct sandbox *sb)
{
	return sb->name;
}

void
sandbox_seal(struct sandbox *sb)
{
	lua_gc(sb->L, LUA_GCCOLLECT);
	sb->cap = sb->bytes + sb->memory_limit;
	if (sb->cap < sb->bytes)
		sb->cap = (size_t)-1;
}

int
sandbox_load(struct sandbox *sb, const char *text, size_t len,
    char **cause)
{
	lua_State *L = sb->L;
	struct strbuf sb_msg = { 0 };
	char *chunkname, size[32];
	int status;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	chunkname = xasprintf("@%s", sb->path);
	status = luaL_loadbufferx(L, text, len, chunkname, "t");
	free(chunkname);
	if (status == LUA_OK)
		return 0;

	if (status == LUA_ERRMEM) {
		sandbox_size(size, sizeof size, sb->memory_limit);
		strbuf_printf(&sb_msg, "%s: memory limit of %s exceeded while "
		    "compiling", sb->path, size);
	} else {
		/* Syntax errors carry "FILE:LINE:"; the binary chunk refusal
		 * carries no place at all. */
		if (strncmp(lua_tostring(L, -1), sb->short_src,
		    strlen(sb->short_src)) != 0)
			strbuf_printf(&sb_msg, "%s: ", sb->path);
		sandbox_put(&sb_msg, sb, lua_tostring(L, -1));
	}
	lua_pop(L, 1);					/* */
	*cause = strbuf_detach(&sb_msg);
	return -1;
}

int
sandbox_call(struct sandbox *sb, uint64_t key, int nargs,
    int nresults, char **cause, const char *fmt, ...)
{
	lua_State *L = sb->L;
	struct strbuf msg = { 0 };
	unsigned long refusals = sb->refusals;
	int base = lua_gettop(L) - nargs - 1, status;
	const char *err;
	char *ctx;
	va_list ap;

	sb->budget = sb->next_budget > 0 ? sb->next_budget : sb->limit;
	sb->next_budget = 0;
	sb->time_limit_ns = sb->budget > TIME_MIN_NS / TIME_NS_PER_INSTRUCTION ?
	    sb->budget * TIME_NS_PER_INSTRUCTION : TIME_MIN_NS;
	sb->used = 0;
	sb->clock_at = sb->granularity;
	sb->fatal = FATAL_NONE;
	sb->host = 0;
	sb->last_line = 0;
	if (sb->traceback != NULL) {
		free(sb->traceback);
		sb->traceback = NULL;
	}
	sb->key = key;
	sb->seeded = 0;
	sb->started = 0;
	lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, sb->granularity);

	sb->in_call = 1;
	status = lua_pcall(L, nargs, nresults, SANDBOX_HANDLER);
	sb->in_call = 0;
	if (status == LUA_OK && sb->fatal == FATAL_NONE)
		return 0;

	/* A memory error, whether or not a wrapper turned it into a plain
	 * error on the way out. */
	err = status != LUA_OK ? lua_tostring(L, -1) : NULL;
	if (sb->fatal == FATAL_NONE && (status == LUA_ERRMEM ||
	    (sb->refusals != refusals && err != NULL &&
	    strcmp(err, "not enough memory") == 0)))
		sandbox_fatal(sb, FATAL_MEMORY, sb->last_line);

	if (sb->fatal != FATAL_NONE)
		strbuf_puts(&msg, sb->fatal_msg);
	else if (err != NULL)
		sandbox_put(&msg, sb, err);
	else
		strbuf_printf(&msg, "%s: error", sb->path);
	va_start(ap, fmt);
	ctx = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_printf(&msg, " (%s)", ctx);
	free(ctx);
	if (sb->traceback != NULL) {
		strbuf_putc(&msg, '\n');
		sandbox_put(&msg, sb, sb->traceback);
	} else if (sb->fatal == FATAL_MEMORY)
		strbuf_puts(&msg, "\n(no traceback: the stack unwinds before "
		    "a memory error can be traced)");
	*cause = strbuf_detach(&msg);
	lua_settop(L, base);
	return -1;
}

void
sandbox_charge(lua_State *L, size_t n)
{
	struct sandbox *sb = sandbox_of(L);

	if (!sb->in_call || sb->host > 0)
		return;
	if (n > (size_t)sb->budget)
		n = (size_t)sb->budget + 1;
	sb->used += (long long)n;
	if (sb->fatal == FATAL_NONE) {
		if (sb->used > sb->budget)
			sandbox_fatal(sb, FATAL_INSTRUCTIONS,
			    sandbox_line(L, 1));
		else if (sb->used < sb->clock_at)
			return;
		else {
			/* C code charging as it goes, with hardly a VM
			 * instruction between: the hook may never run, so the
			 * time net is checked here too, as often. */
			sb->clock_at = sb->used + sb->granularity;
			if (!sandbox_late(sb))
				return;
			sandbox_fatal(sb, FATAL_TIME, sandbox_line(L, 1));
		}
	}
	sandbox_raise(L, sb);
}

void
sandbox_budget(struct sandbox *sb, long long units)
{
	sb->next_budget = units;
}

size_t
sandbox_memory_limit(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);

	if (!sb->in_call || sb->host > 0)
		return (size_t)-1;
	return sb->memory_limit;
}

uint64_t
sandbox_random(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);

	if (!sb->seeded) {
		rng_seed(&sb->rng,
		    sb->seed ^ (sb->key * 0x9e3779b97f4a7c15ULL));
		sb->seeded = 1;
	}
	return rng_next(&sb->rng);
}

void
sandbox_host_enter(lua_State *L)
{
	sandbox_of(L)->host++;
}

void
sandbox_host_leave(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);

	if (sb->host > 0)
		sb->host--;
}

uint64_t
sandbox_created(lua_State *L, const void *p)
{
	return sandbox_serial_find(&sandbox_of(L)->serial, p);
}

uint64_t
sandbox_stamp(lua_State *L)
{
	return sandbox_serial_stamp(&sandbox_of(L)->serial);
}

void
sandbox_set_places(lua_State *L, sandbox_place_fn place)
{
	sandbox_of(L)->place = place;
}

long
sandbox_place(lua_State *L, int idx)
{
	struct sandbox *sb = sandbox_of(L);

	return sb->place != NULL ? sb->place(L, idx) : -1;
}

unsigned long
sandbox_refusals(lua_State *L)
{
	return sandbox_of(L)->refusals;
}

void
sandbox_recheck(lua_State *L, unsigned long refusals, int erridx)
{
	struct sandbox *sb = sandbox_of(L);
	const char *err;

	if (sb->fatal == FATAL_NONE && erridx != 0 &&
	    sb->refusals != refusals) {
		err = lua_tostring(L, erridx);
		if (err != NULL && strcmp(err, "not enough memory") == 0)
			sandbox_fatal(sb, FATAL_MEMORY, sb->last_line);
	}
	if (sb->fatal != FATAL_NONE)
		sandbox_raise(L, sb);
}

/*
 * The allocator: frees always succeed; growth is refused past the cap,
 * and during calls it also costs instruction budget, so that a loop of
 * cheap instructions each copying megabytes still runs out.  A new
 * table, function or coroutine (Lua passes its type as OSIZE) gets the
 * next creation number, which orders keys in sandbox_order.c; the map that
 * keeps the numbers counts as the state's memory.
 */
static void *
sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct sandbox *sb = ud;
	size_t old = ptr != NULL ? osize : 0, extra = 0, grow;
	int made;
	void *p;

	if (nsize == 0) {
		if (ptr != NULL)
			sb->bytes -= sandbox_serial_drop(&sb->serial, ptr,
			    osize);
		free(ptr);
		sb->bytes -= old;
		return NULL;
	}
	made = ptr == NULL && (osize == LUA_TTABLE || osize == LUA_TFUNCTION ||
	    osize == LUA_TTHREAD);
	if (made)
		extra = sandbox_serial_growth(&sb->serial);
	if (nsize + extra > old && sb->host == 0) {
		grow = nsize + extra - old;
		if (grow > sb->cap || sb->bytes > sb->cap - grow) {
			sb->refusals++;
			if (sb->in_call)
				sb->last_line = sandbox_line(sb->L, 0);
			return NULL;
		}
		if (sb->in_call) {
			sb->used += (long long)(grow / ALLOC_BYTES_PER_UNIT);
			if (sb->used > sb->budget) {
				if (sb->fatal == FATAL_NONE)
					sandbox_fatal(sb, FATAL_INSTRUCTIONS,
					    sb->last_line);
				sb->refusals++;
				return NULL;
			}
		}
	}
	p = realloc(ptr, nsize);
	if (p == NULL)
		return NULL;
	sb->bytes = sb->bytes - old + nsize;
	if (made)
		sb->bytes += sandbox_serial_add(&sb->serial, p, nsize);
	return p;
}

static void
sandbox_hook(lua_State *L, lua_Debug *ar)
{
	struct sandbox *sb = sandbox_of(L);

	if (!sb->in_call)
		return;
	sb->used += sb->granularity;
	if (lua_getinfo(L, "l", ar) && ar->currentline > 0)
		sb->last_line = ar->currentline;
	if (sb->fatal == FATAL_NONE) {
		if (sb->used > sb->budget)
			sandbox_fatal(sb, FATAL_INSTRUCTIONS, sb->last_line);
		else if (sandbox_late(sb))
			sandbox_fatal(sb, FATAL_TIME, sb->last_line);
		else
			return;
	}
	sandbox_raise(L, sb);
}

/*
 * Has the call run longer than its time limit?  Most calls end before the
 * first hook or charge that reads the clock, so the clock starts at the
 * first reading, not at every call's start.
 */
static int
sandbox_late(struct sandbox *sb)
{
	struct timespec now;
	long long ns;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!sb->started) {
		sb->start = now;
		sb->started = 1;
		return 0;
	}
	ns = (long long)(now.tv_sec - sb->start.tv_sec) * 1000000000LL +
	    (now.tv_nsec - sb->start.tv_nsec);
	return ns > sb->time_limit_ns;
}

/*
 * The handler of every host call: a string message plus a traceback kept
 * aside.  It runs no script code (no __tostring), so a fatal error cannot
 * trip it, and it allocates outside the limit.
 */
static int
sandbox_msghandler(lua_State *L)
{
	struct sandbox *sb = sandbox_of(L);
	const char *msg;

	sb->host++;
	msg = lua_tostring(L, 1);
	if (msg == NULL)
		lua_pushfstring(L, "(error object is a %s value)",
		    luaL_typename(L, 1));		/* err msg */
	else
		lua_pushvalue(L, 1);			/* err msg */
	luaL_traceback(L, L, NULL, 1);			/* err msg tb */
	free(sb->traceback);
	sb->traceback = xstrdup(lua_tostring(L, -1));
	lua_pop(L, 1);					/* err msg */
	sb->host--;
	return 1;
}

static void
sandbox_fatal(struct sandbox *sb, enum fatal kind, int line)
{
	char where[32] = "", size[32];

	if (line > 0)
		snprintf(where, sizeof where, ":%d", line);
	free(sb->fatal_msg);
	switch (kind) {
	case FATAL_INSTRUCTIONS:
		sb->fatal_msg = xasprintf("%s%s: instruction limit of %lld per "
		    "call exceeded", sb->path, where, sb->budget);
		break;
	case FATAL_MEMORY:
		sandbox_size(size, sizeof size, sb->memory_limit);
		sb->fatal_msg = xasprintf("%s%s: memory limit of %s exceeded",
		    sb->path, where, size);
		break;
	case FATAL_TIME:
		sb->fatal_msg = xasprintf("%s%s: time limit of %lld s per call "
		    "exceeded (work the instruction count does not see)",
		    sb->path, where, sb->time_limit_ns / 1000000000LL);
		break;
	case FATAL_NONE:
		sb->fatal_msg = NULL;
		return;
	}
	sb->fatal = kind;
}

static void
sandbox_raise(lua_State *L, struct sandbox *sb)
{
	sb->host++;
	lua_pushstring(L, sb->fatal_msg);
	sb->host--;
	lua_error(L);
}

/* Append S with Lua's abbreviation of the script's path spelled out. */
static void
sandbox_put(struct strbuf *out, struct sandbox *sb, const char *s)
{
	size_t n = strlen(sb->short_src);
	const char *hit;

	if (n == 0 || strcmp(sb->short_src, sb->path) == 0) {
		strbuf_puts(out, s);
		return;
	}
	while ((hit = strstr(s, sb->short_src)) != NULL) {
		strbuf_add(out, s, (size_t)(hit - s));
		strbuf_puts(out, sb->path);
		s = hit + n;
	}
	strbuf_puts(out, s);
}

/*
 * The line the nearest Lua function on L's stack, from LEVEL up, is at; 0
 * if none.  Only reads the call records, so the allocator may call it:
 * a refused allocation names the line (of the main thread: a coroutine's
 * memory error is blamed on the resume).
 */
static int
sandbox_line(lua_State *L, int level)
{
	lua_Debug ar;

	for (; lua_getstack(L, level, &ar); level++) {
		if (lua_getinfo(L, "l", &ar) && ar.currentline > 0)
			return ar.currentline;
	}
	return 0;
}

static void
sandbox_size(char *buf, size_t len, size_t bytes)
{
	if (bytes % (1024 * 1024) == 0)
		snprintf(buf, len, "%zu MiB", bytes / (1024 * 1024));
	else if (bytes % 1024 == 0)
		snprintf(buf, len, "%zu KiB", bytes / 1024);
	else
		snprintf(buf, len, "%zu bytes", bytes);
}
