/*
 * rule_strategy.c -- a Lua rule script as a struct strategy.
 *
 * The script returns a table (see docs/lua.md):
 *   name, version    strings, optional
 *   symmetric        true if score(a, b) == score(b, a) always
 *   options          the section's keys it takes (rule_options.c)
 *   init(options)    once, with the checked options (optional)
 *   prepare(all)     once, with every attendee's view (optional)
 *   score(a, b, explain)  -> finite number [, reason string]
 *   veto(a, b, explain)   -> boolean [, reason string]
 *   max_score        the most score returns, or a function giving it per
 *                    attendee (rule_bound.c): the rule joins the
 *                    candidate stage
 * and at least one of score and veto.  Any other key is an error, since a
 * misspelt `veto` would otherwise drop the rule without a word.
 *
 * Each worker thread gets its own sandbox (struct rule_worker) that loads
 * the script and runs init and prepare itself; nothing is shared between
 * them.  Worker 0 opens with the strategy; the engine asks for the others
 * (ls_workers) before its threads start, and they open from the same
 * text, so a script edited meanwhile cannot differ between them.
 */
#include "autoconf.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

#include "rule_internal.h"
#include "rule_options.h"
#include "sandbox.h"
#include "strategy.h"
#include "util.h"

/* Stack slots every worker's state keeps. */
enum {
	SLOT_HANDLER = SANDBOX_HANDLER,
	SLOT_VIEWS,		/* attendee index + 1 -> view */
	SLOT_MODULE,		/* the table the script returned */
	SLOT_SCORE,		/* score or nil */
	SLOT_VETO		/* veto or nil */
};

/* ls_score fetches the partner this many calls ahead (each is about a
 * microsecond at 100,000 attendees, mostly waiting for memory). */
#define LS_AHEAD	4

/* prepare may use the instruction limit once per this many attendees. */
#define PREPARE_PER	1000

/* math.random keys for the calls that are not about a pair. */
#define KEY_LOAD	0xfffffffffffffff0ULL
#define KEY_INIT	0xfffffffffffffff1ULL
#define KEY_PREPARE	0xfffffffffffffff2ULL
#define KEY_MAX		0xfffffffffffffff3ULL
#define KEY_VETO	0x8000000000000000ULL

struct rule_worker {
	struct sandbox *sb;
	const void **heads;	/* per attendee: rule_view_heads() */
};

struct rule_strategy {
	const struct attendee_table *t;
	char *path;
	int has_score;
	int has_veto;
	int score_line;		/* where score and veto are defined */
	int veto_line;
	struct rule_bound bound;	/* its max_score (rule_bound.c) */
	char *version;		/* the script's, or "script" */
	int symmetric;
	struct rule_worker *workers;
	size_t nworkers;
	const struct mingle_config *config;	/* to open more workers */
	const struct config_strategy *cs;
	char *text;		/* the script, as worker 0 read it */
	size_t len;
	struct strategy_options declared;	/* the script's `options` */
	struct strategy_value *values;	/* what init gets */
	size_t nvalues;
	int probe;		/* stop before init: rule_strategy_probe */
};

static int	ls_score(void *, size_t, uint32_t, const uint32_t *, size_t,
		    double *, unsigned char *, char **);
static int	ls_workers(void *, size_t, char **);
static void	ls_reason(void *, size_t, uint32_t, uint32_t, char *, size_t);
static void	ls_free(void *);
static int	ls_candidates(void *, uint32_t, size_t, uint32_t *, size_t,
		    size_t *, double *);
static struct rule_worker *ls_worker(struct rule_strategy *, size_t, char **);
static int	ls_worker_open(struct rule_strategy *, int,
		    const struct mingle_config *,
		    const struct config_strategy *, struct rule_worker *,
		    const char *, size_t, char **);
static int	ls_module(struct rule_strategy *, int, lua_State *, char **);
static int	ls_options(struct rule_strategy *, lua_State *,
		    const struct config_strategy *, char **);
static int	ls_call_pair(struct rule_strategy *, struct rule_worker *, int,
		    uint32_t, uint32_t, int, char **);
static int	ls_check(struct rule_strategy *, lua_State *, int, uint32_t,
		    uint32_t, char **);
static void	ls_copy_reason(lua_State *, int, char *, size_t);

static const struct strategy_ops rule_strategy_ops = {
	.score = ls_score,
	.reason = ls_reason,
	.free = ls_free,
	.workers = ls_workers,
	.candidates = ls_candidates,
};

static const char *const module_keys[] = {
	"name", "version", "symmetric", "options", "init", "prepare", "score",
	"veto", "max_score"
};
/* LUA_TNONE: more than one type, checked where it is read. */
static const int module_types[] = {
	LUA_TSTRING, LUA_TSTRING, LUA_TBOOLEAN, LUA_TTABLE, LUA_TFUNCTION,
	LUA_TFUNCTION, LUA_TFUNCTION, LUA_TFUNCTION, LUA_TNONE
};

/* Names a view answers itself; a field may not take them. */
static const char *const view_keys[] = { "id", "name", "column" };

int
rule_strategy_open(const struct mingle_config *config,
    const struct config_strategy *cs, const struct attendee_table *t,
    struct strategy *s, char **cause)
{
	struct rule_strategy *ls;
	const char *slash;
	size_t len, f, k;
	char *text;

	if (cs->script == NULL) {
		*cause = xasprintf("%s:%d: [strategy %s] has no script",
		    cs->file, cs->line, cs->name);
		return -1;
	}
	for (f = 0; f < t->nfields; f++) {
		for (k = 0; k < sizeof view_keys / sizeof view_keys[0]; k++) {
			if (strcmp(t->fields[f].name, view_keys[k]) != 0)
				continue;
			*cause = xasprintf("%s:%d: [strategy %s]: a Lua script "
			    "sees the attendee's own '%s', so no field may be "
			    "called that; rename [field %s]", cs->file,
			    cs->line, cs->name, view_keys[k], view_keys[k]);
			return -1;
		}
	}
	if (access(cs->script, F_OK) != 0 && errno == ENOENT) {
		char *hint = script_suggest(cs->script);

		slash = strrchr(cs->script, '/');
		*cause = xasprintf("%s:%d: [strategy %s]: no script %s, nor one "
		    "shipped with mingle called %s%s", cs->file, cs->line,
		    cs->name, cs->script, slash ? slash + 1 : cs->script, hint);
		free(hint);
		return -1;
	}
	if ((text = read_file(cs->script, &len, cause)) == NULL)
		return -1;

	ls = xcalloc(1, sizeof *ls);
	ls->bound.max = -1;
	ls->t = t;
	ls->path = xstrdup(cs->script);
	ls->nworkers = 1;
	ls->workers = xcalloc(ls->nworkers, sizeof *ls->workers);
	ls->config = config;
	ls->cs = cs;
	ls->text = text;
	ls->len = len;
	if (ls_worker_open(ls, 1, config, cs, &ls->workers[0], text, len,
	    cause) != 0 || rule_bound_read(ls->workers[0].sb, SLOT_MODULE,
	    SLOT_VIEWS, t, ls->path, KEY_MAX, &ls->bound, cause) != 0) {
		ls_free(ls);
		return -1;
	}

	slash = strrchr(cs->script, '/');
	s->kind = xstrdup("lua");
	s->impl = xstrdup(slash != NULL ? slash + 1 : cs->script);
	s->path = xstrdup(cs->script);
	s->version = ls->version;
	ls->version = NULL;
	s->symmetric = ls->symmetric;
	s->never_vetoes = !ls->has_veto;
	/* A veto of a pair nobody lists would go unseen: the table modes
	 * ask about a seated pair only when both have a veto counted over
	 * the pairs their rows scored.  So a rule that vetoes scores every
	 * pair. */
	s->lists = s->lists_nobody = ls->bound.max >= 0 && !ls->has_veto;
	s->group_bonus = s->lists_nobody;
	s->max_score = ls->bound.max;
	s->ops = &rule_strategy_ops;
	s->self = ls;
	return 0;
}

/* Give worker W its own state: views, the script, init, prepare.  Only
 * the FIRST (worker 0) sets what the workers share (ls_module, the
 * options): the others open in their own threads, as they start. */
static int
ls_worker_open(struct rule_strategy *ls, int first,
    const struct mingle_config *config, const struct config_strategy *cs,
    struct rule_worker *w, const char *text, size_t len, char **cause)
{
	lua_State *L;
	long limit;
	size_t i;

	w->sb = sandbox_new(cs->script, cs->memory_limit,
	    cs->instruction_limit, config->match.seed);
	L = sandbox_state(w->sb);			/* handler */
	sandbox_env_open(L);
	rule_lib_push(L);				/* handler mingle */
	sandbox_env_library(L, "mingle");		/* handler */
	rule_view_build(L, ls->t);			/* handler views */
	sandbox_seal(w->sb);

	if (sandbox_load(w->sb, text, len, cause) != 0)
		return -1;			/* handler views chunk */
	if (sandbox_call(w->sb, KEY_LOAD, 0, 1, cause, "running the "
	    "script") != 0)
		return -1;			/* handler views module */
	if (ls_module(ls, first, L, cause) != 0)
		return -1;	/* handler views module score veto */
	if (first && ls_options(ls, L, cs, cause) != 0)
		return -1;
	if (ls->probe)
		return 0;
	w->heads = xreallocarray(w->heads, ls->t->n + 1, sizeof *w->heads);
	rule_view_heads(L, SLOT_VIEWS, ls->t->n, w->heads);

	lua_pushliteral(L, "init");			/* ... "init" */
	if (lua_rawget(L, SLOT_MODULE) == LUA_TNIL)	/* ... init */
		lua_pop(L, 1);				/* ... */
	else {
		rule_options_push(L, ls->values, ls->nvalues);
							/* ... init opts */
		if (sandbox_call(w->sb, KEY_INIT, 1, 0, cause,
		    "in init") != 0)
			return -1;
	}

	lua_pushliteral(L, "prepare");			/* ... "prepare" */
	if (lua_rawget(L, SLOT_MODULE) == LUA_TNIL)	/* ... prepare */
		lua_pop(L, 1);				/* ... */
	else {
		/* A copy: the script may do as it likes with it. */
		lua_createtable(L, (int)ls->t->n, 0);	/* ... prepare all */
		for (i = 1; i <= ls->t->n; i++) {
			lua_rawgeti(L, SLOT_VIEWS, (lua_Integer)i);
			lua_rawseti(L, -2, (lua_Integer)i);
		}
		/* Its work grows with the event: the limit per started
		 * PREPARE_PER attendees. */
		limit = cs->instruction_limit > 0 ? cs->instruction_limit :
		    SANDBOX_INSTRUCTIONS_DEFAULT;
		sandbox_budget(w->sb, (long long)limit *
		    (long long)(1 + ls->t->n / PREPARE_PER));
		if (sandbox_call(w->sb, KEY_PREPARE, 1, 0, cause,
		    "in prepare") != 0)
			return -1;
	}
	return 0;
}

/*
 * Check the table at SLOT_MODULE and push score and veto (or nil) into
 * their slots.  Reads are raw: a metatable on the script's table must not
 * run code outside a call's limits.
 */
static int
ls_module(struct rule_strategy *ls, int first, lua_State *L, char **cause)
{
	const char *key, *near, *bad = NULL, *other = NULL;
	size_t k, nkeys = sizeof module_keys / sizeof module_keys[0];
	lua_Debug ar;
	int type;

	if (!lua_istable(L, SLOT_MODULE)) {
		*cause = xasprintf("%s: the script must return a table with a "
		    "score or veto function, not %s", ls->path,
		    luaL_typename(L, SLOT_MODULE));
		return -1;
	}
	/*
	 * Unknown keys first, then the known keys' types, each in a fixed
	 * order (the first unknown string by bytes, or the first other type
	 * by name): Lua's own order of keys, and with it the message, would
	 * change from run to run.  Keys stay in the table, so their strings
	 * stay valid.
	 */
	lua_pushnil(L);					/* ... nil */
	while (lua_next(L, SLOT_MODULE)) {		/* ... key value */
		lua_pop(L, 1);				/* ... key */
		if (lua_type(L, -1) != LUA_TSTRING) {
			key = luaL_typename(L, -1);
			if (other == NULL || strcmp(key, other) < 0)
				other = key;
			continue;
		}
		key = lua_tostring(L, -1);
		for (k = 0; k < nkeys; k++)
			if (strcmp(key, module_keys[k]) == 0)
				break;
		if (k == nkeys && (bad == NULL || strcmp(key, bad) < 0))
			bad = key;
	}
	if (bad != NULL || other != NULL) {
		near = bad != NULL ? closest_match(bad, module_keys, nkeys) :
		    NULL;
		*cause = xasprintf("%s: the returned table has an unknown key "
		    "'%s'%s%s%s (known: name, version, symmetric, options, "
		    "init, prepare, score, veto, max_score)", ls->path,
		    bad != NULL ? bad : other,
		    near != NULL ? "; did you mean '" : "",
		    near != NULL ? near : "", near != NULL ? "'?" : "");
		return -1;
	}
	for (k = 0; k < nkeys; k++) {
		lua_pushstring(L, module_keys[k]);	/* ... key */
		type = lua_rawget(L, SLOT_MODULE);	/* ... value */
		lua_pop(L, 1);				/* ... */
		if (type == LUA_TNIL || type == module_types[k] ||
		    module_types[k] == LUA_TNONE)
			continue;
		*cause = xasprintf("%s: '%s' must be a %s, not %s", ls->path,
		    module_keys[k], lua_typename(L, module_types[k]),
		    lua_typename(L, type));
		return -1;
	}

	if (first && ls->version == NULL) {
		lua_pushliteral(L, "version");
		lua_rawget(L, SLOT_MODULE);		/* ... version */
		ls->version = xstrdup(lua_isstring(L, -1) ?
		    lua_tostring(L, -1) : "script");
		lua_pop(L, 1);
		lua_pushliteral(L, "symmetric");
		lua_rawget(L, SLOT_MODULE);		/* ... symmetric */
		ls->symmetric = lua_toboolean(L, -1);
		lua_pop(L, 1);				/* ... */
	}

	lua_pushliteral(L, "score");
	lua_rawget(L, SLOT_MODULE);			/* ... score */
	lua_pushliteral(L, "veto");
	lua_rawget(L, SLOT_MODULE);			/* ... score veto */
	if (!first) {
		/* the same text: the same table (what worker 0 read is
		 * shared, and read by the other threads meanwhile) */
		if (lua_isfunction(L, SLOT_SCORE) == ls->has_score &&
		    lua_isfunction(L, SLOT_VETO) == ls->has_veto)
			return 0;
		*cause = xasprintf("%s: the script returned another table "
		    "for another thread (a score or veto function missing)",
		    ls->path);
		return -1;
	}
	ls->has_score = lua_isfunction(L, SLOT_SCORE);
	ls->has_veto = lua_isfunction(L, SLOT_VETO);
	if (!ls->has_score && !ls->has_veto) {
		*cause = xasprintf("%s: the returned table has neither a score "
		    "nor a veto function", ls->path);
		return -1;
	}
	if (ls->has_score) {
		lua_pushvalue(L, SLOT_SCORE);
		lua_getinfo(L, ">S", &ar);
		ls->score_line = ar.linedefined;
	}
	if (ls->has_veto) {
		lua_pushvalue(L, SLOT_VETO);
		lua_getinfo(L, ">S", &ar);
		ls->veto_line = ar.linedefined;
	}
	return 0;
}

/*
 * Read the options the script declares and check the section against
 * them, the way plugins' are checked; the values init gets go to
 * ls->values.  Once, for the first worker: every worker runs the same
 * script.
 */
static int
ls_options(struct rule_strategy *ls, lua_State *L,
    const struct config_strategy *cs, char **cause)
{
	const char *slash = strrchr(ls->path, '/');
	char *label;
	int rc;

	if (ls->values != NULL)
		return 0;
	if (rule_options_read(L, SLOT_MODULE, ls->path, &ls->declared,
	    cause) != 0)
		return -1;
	label = xasprintf("strategy '%s' (script %s %s)", cs->name,
	    slash != NULL ? slash + 1 : ls->path, ls->version);
	rc = strategy_options_check(cs, &ls->declared, label, "script, "
	    "weight, memory_limit, instruction_limit", &ls->values,
	    &ls->nvalues, cause);
	free(label);
	return rc;
}

/*
 * Call score (SLOT_SCORE) or veto (SLOT_VETO) for A -> B, leaving two
 * results on the stack.  EXPLAIN, the third argument, tells the script
 * whether its reason will be shown (in the scoring loop it is thrown
 * away).  math.random is seeded from the pair, so the same pair draws the
 * same numbers in scoring and in reasons.
 */
static int
ls_call_pair(struct rule_strategy *ls, struct rule_worker *w, int slot,
    uint32_t a, uint32_t b, int explain, char **cause)
{
	lua_State *L = sandbox_state(w->sb);
	uint64_t key = ((uint64_t)a << 32 | b) ^ (slot == SLOT_VETO ?
	    KEY_VETO : 0);

	lua_pushvalue(L, slot);				/* ... fn */
	lua_rawgeti(L, SLOT_VIEWS, (lua_Integer)a + 1);	/* ... fn va */
	lua_rawgeti(L, SLOT_VIEWS, (lua_Integer)b + 1);	/* ... fn va vb */
	lua_pushboolean(L, explain);			/* ... fn va vb ex */
	return sandbox_call(w->sb, key, 3, 2, cause, "scoring %s -> %s",
	    ls->t->id[a], ls->t->id[b]);		/* ... r1 r2 */
}

/* Check what score or veto (SLOT) returned for A -> B: top two values. */
static int
ls_check(struct rule_strategy *ls, lua_State *L, int slot, uint32_t a,
    uint32_t b, char **cause)
{
	const char *what = slot == SLOT_SCORE ? "score" : "veto";
	int line = slot == SLOT_SCORE ? ls->score_line : ls->veto_line;
	int t1 = lua_type(L, -2), t2 = lua_type(L, -1);
	const char *bad = NULL;
	char shown[64];
	double v = 0;

	if (slot == SLOT_SCORE) {
		if (t1 != LUA_TNUMBER)
			bad = lua_typename(L, t1);
		else if (!isfinite(v = lua_tonumber(L, -2))) {
			snprintf(shown, sizeof shown, "%g", v);
			bad = shown;
		}
	} else if (t1 != LUA_TBOOLEAN && t1 != LUA_TNIL)
		bad = lua_typename(L, t1);
	if (bad != NULL) {
		*cause = xasprintf("%s:%d: %s returned %s; it must return %s "
		    "(scoring %s -> %s)", ls->path, line, what, bad,
		    slot == SLOT_SCORE ? "a finite number" :
		    "true or false", ls->t->id[a], ls->t->id[b]);
		return -1;
	}
	if (slot == SLOT_SCORE && rule_bound_check(&ls->bound, ls->path, line,
	    v, ls->t, a, b, cause) != 0)
		return -1;
	if (t2 != LUA_TNIL && t2 != LUA_TSTRING) {
		*cause = xasprintf("%s:%d: %s returned a %s as its reason; a "
		    "reason must be a string (scoring %s -> %s)", ls->path,
		    line, what, lua_typename(L, t2), ls->t->id[a],
		    ls->t->id[b]);
		return -1;
	}
	return 0;
}

/*
 * Room for workers up to N, each to get its own state with the script,
 * init and prepare: opened by ls_score in the worker's own thread, so
 * the states (at 100,000 attendees a second or more each) open while
 * worker 0 scores.  A script must not let its scores depend on the
 * pairs a state scored before: each state sees only some of them.
 */
static int
ls_workers(void *self, size_t n, char **cause)
{
	struct rule_strategy *ls = self;

	(void)cause;
	if (n <= ls->nworkers)
		return 0;
	ls->workers = xreallocarray(ls->workers, n, sizeof *ls->workers);
	memset(ls->workers + ls->nworkers, 0, (n - ls->nworkers) *
	    sizeof *ls->workers);
	ls->nworkers = n;
	return 0;
}

/* What the call for partner B reads at random, fetched ahead: its view,
 * and what max_score said of it.  (Where its view is comes from a read at
 * random too: that is fetched twice as far ahead.) */
static inline void
ls_fetch(const struct rule_strategy *ls, const struct rule_worker *w,
    uint32_t b)
{
	__builtin_prefetch(w->heads[b]);
	if (ls->bound.in != NULL)
		__builtin_prefetch(&ls->bound.in[b]);
}

/* WORKER's state, opened in the calling thread on its first call; NULL
 * with *cause set if it cannot be. */
static struct rule_worker *
ls_worker(struct rule_strategy *ls, size_t worker, char **cause)
{
	struct rule_worker *w = &ls->workers[worker];

	if (w->sb == NULL && ls_worker_open(ls, 0, ls->config, ls->cs, w,
	    ls->text, ls->len, cause) != 0) {
		sandbox_free(w->sb);
		w->sb = NULL;
		return NULL;
	}
	return w;
}

static int
ls_score(void *self, size_t worker, uint32_t a, const uint32_t *cand,
    size_t n, double *scores, unsigned char *veto, char **cause)
{
	struct rule_strategy *ls = self;
	struct rule_worker *w;
	lua_State *L;
	size_t i;

	if ((w = ls_worker(ls, worker, cause)) == NULL)
		return -1;
	L = sandbox_state(w->sb);
	for (i = 0; i < n; i++) {
		if (i + 2 * LS_AHEAD < n)
			__builtin_prefetch(&w->heads[cand[i + 2 * LS_AHEAD]]);
		if (i + LS_AHEAD < n)
			ls_fetch(ls, w, cand[i + LS_AHEAD]);
		if (ls->has_veto) {
			if (ls_call_pair(ls, w, SLOT_VETO, a, cand[i], 0, cause)
			    != 0)
				return -1;
			if (ls_check(ls, L, SLOT_VETO, a, cand[i], cause)
			    != 0) {
				lua_pop(L, 2);
				return -1;
			}
			veto[i] = (unsigned char)lua_toboolean(L, -2);
			lua_pop(L, 2);
			if (veto[i])
				continue;
		}
		if (ls->has_score) {
			if (ls_call_pair(ls, w, SLOT_SCORE, a, cand[i], 0,
			    cause)
			    != 0)
				return -1;
			if (ls_check(ls, L, SLOT_SCORE, a, cand[i], cause)
			    != 0) {
				lua_pop(L, 2);
				return -1;
			}
			scores[i] = lua_tonumber(L, -2);
			lua_pop(L, 2);
		}
	}
	return 0;
}

/*
 * The candidate stage's question: whom A is likely to meet.  A rule cannot
 * say, so nobody; but max_score bounds what any pair of A's gets from it.
 */
static int
ls_candidates(void *self, uint32_t a, size_t k, uint32_t *out, size_t cap,
    size_t *n, double *bound)
{
	struct rule_strategy *ls = self;

	(void)k;
	(void)out;
	(void)cap;
	*n = 0;
	*bound = rule_bound_row(&ls->bound, a);
	return ls->bound.max >= 0 ? 0 : -1;
}

/*
 * The reason for A -> B: the veto's if it vetoes, else the score's, in
 * WORKER's state.  Only shown pairs get here, after scoring them
 * succeeded; if the script fails now, the reason is left empty.
 */
static void
ls_reason(void *self, size_t worker, uint32_t a, uint32_t b, char *buf,
    size_t cap)
{
	struct rule_strategy *ls = self;
	struct rule_worker *w;
	lua_State *L;
	char *cause = NULL;
	int vetoed;

	if (cap > 0)
		buf[0] = '\0';
	if ((w = ls_worker(ls, worker, &cause)) == NULL) {
		free(cause);
		return;
	}
	L = sandbox_state(w->sb);
	if (ls->has_veto) {
		if (ls_call_pair(ls, w, SLOT_VETO, a, b, 1, &cause) != 0) {
			free(cause);
			return;
		}
		vetoed = lua_toboolean(L, -2);
		if (vetoed)
			ls_copy_reason(L, -1, buf, cap);
		lua_pop(L, 2);
		if (vetoed)
			return;
	}
	if (ls->has_score) {
		if (ls_call_pair(ls, w, SLOT_SCORE, a, b, 1, &cause) != 0) {
			free(cause);
			return;
		}
		ls_copy_reason(L, -1, buf, cap);
		lua_pop(L, 2);
	}
}

/* Copy the string at IDX into BUF, cut at a UTF-8 character boundary. */
static void
ls_copy_reason(lua_State *L, int idx, char *buf, size_t cap)
{
	const char *r;
	size_t len;

	if (cap == 0 || lua_type(L, idx) != LUA_TSTRING)
		return;
	r = lua_tolstring(L, idx, &len);
	if (len >= cap) {
		len = cap - 1;
		while (len > 0 && ((unsigned char)r[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(buf, r, len);
	buf[len] = '\0';
}

static void
ls_free(void *self)
{
	struct rule_strategy *ls = self;
	size_t i;

	if (ls == NULL)
		return;
	for (i = 0; i < ls->nworkers; i++) {
		sandbox_free(ls->workers[i].sb);
		free(ls->workers[i].heads);
	}
	free(ls->workers);
	rule_bound_free(&ls->bound);
	free(ls->text);
	free(ls->version);
	free(ls->path);
	strategy_options_free(&ls->declared);
	free(ls->values);
	free(ls);
}

void
rule_strategy_probe(const char *path, struct strategy_info *info)
{
	struct mingle_config config = { 0 };
	struct config_strategy cs = { 0 };
	struct attendee_table t = { 0 };
	struct rule_strategy *ls;
	const char *slash = strrchr(path, '/');
	lua_State *L;
	size_t len;
	char *text;

	memset(info, 0, sizeof *info);
	info->path = xstrdup(path);
	info->name = xstrdup(slash != NULL ? slash + 1 : path);
	if ((text = read_file(path, &len, &info->error)) == NULL)
		return;
	cs.name = info->name;
	cs.script = info->path;
	cs.file = info->path;
	ls = xcalloc(1, sizeof *ls);
	ls->bound.max = -1;
	ls->t = &t;
	ls->path = xstrdup(path);
	ls->probe = 1;
	ls->nworkers = 1;
	ls->workers = xcalloc(ls->nworkers, sizeof *ls->workers);
	if (ls_worker_open(ls, 1, &config, &cs, &ls->workers[0], text, len,
	    &info->error) == 0) {
		L = sandbox_state(ls->workers[0].sb);
		lua_pushliteral(L, "name");
		lua_rawget(L, SLOT_MODULE);		/* ... name */
		info->description = xstrdup(lua_isstring(L, -1) ?
		    lua_tostring(L, -1) : "");
		lua_pop(L, 1);				/* ... */
		info->version = xstrdup(ls->version);
		if (rule_bound_probe(L, SLOT_MODULE, path, &info->max_score,
		    &info->error) != 0) {
			free(text);
			ls_free(ls);
			return;
		}
		info->options = ls->declared;
		memset(&ls->declared, 0, sizeof ls->declared);
	}
	free(text);
	ls_free(ls);
}
