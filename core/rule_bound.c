/*
 * rule_bound.c -- a rule's max_score: the most its score returns for one
 * direction, declared in the table it returns (rule_internal.h).
 *
 *   max_score = 2                  score(a, b) <= 2 for every a and b
 *   max_score = function(a) ...    called for each attendee after
 *                                  prepare: the most score(a, b) returns
 *                                  for any b, and optionally second the
 *                                  most score(b, a) returns for any b
 *
 * With it the rule joins the candidate stage (candidates.h) as a strategy
 * that lists nobody: a pair a's row does not score gets at most
 * (out(a) + in(a)) / 2 from it.  A score above its bound would silently
 * change whom the stage finds, so every score is held to it.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "rule_internal.h"
#include "sandbox.h"
#include "util.h"

/* What a max_score must be, for every message about one. */
#define RULE_BOUND_WHAT	"a finite number, 0 or more: the most score " \
	"returns for one direction"

static int	rule_bound_field(lua_State *, int, const char *, double *,
		    char **);
static int	rule_bound_number(lua_State *, int, const char *, int,
		    const char *, const char *, double *, char **);
static int	rule_bound_call(struct sandbox *, int,
		    const struct attendee_table *, const char *, uint64_t,
		    struct rule_bound *, char **);

/*
 * The value at IDX as *MAX, if it is a number max_score may be; else an
 * error "PATH[:LINE]: WHO VALUE[ for ID]; it must be ...", LINE 0 if
 * unknown, ID NULL if none.
 */
static int
rule_bound_number(lua_State *L, int idx, const char *path, int line,
    const char *who, const char *id, double *max, char **cause)
{
	char text[NUMBER_TEXT_LEN], where[32] = "";
	const char *shown;
	double v = 0;

	if (lua_type(L, idx) != LUA_TNUMBER)
		shown = luaL_typename(L, idx);
	else if (!isfinite(v = lua_tonumber(L, idx)) || v < 0)
		shown = isnan(v) ? "nan" : format_double(v, text);
	else {
		*max = v;
		return 0;
	}
	if (line > 0)
		snprintf(where, sizeof where, ":%d", line);
	*cause = xasprintf("%s%s: %s %s%s%s; it must be %s", path, where, who,
	    shown, id != NULL ? " for " : "", id != NULL ? id : "",
	    RULE_BOUND_WHAT);
	return -1;
}

/*
 * Push the table's max_score (at MODULE).  Returns its type (nil, number
 * or function; a number checked into *MAX), or -1 with *cause set and
 * nothing pushed.
 */
static int
rule_bound_field(lua_State *L, int module, const char *path, double *max,
    char **cause)
{
	int type;

	lua_pushliteral(L, "max_score");		/* ... "max_score" */
	type = lua_rawget(L, module);			/* ... max */
	if (type == LUA_TNIL || type == LUA_TFUNCTION)
		return type;
	if (type != LUA_TNUMBER) {
		*cause = xasprintf("%s: max_score must be a number or a "
		    "function, not %s (%s)", path, lua_typename(L, type),
		    RULE_BOUND_WHAT);
		lua_pop(L, 1);				/* ... */
		return -1;
	}
	if (rule_bound_number(L, -1, path, 0, "max_score is", NULL, max,
	    cause) != 0) {
		lua_pop(L, 1);				/* ... */
		return -1;
	}
	return type;
}

int
rule_bound_probe(lua_State *L, int module, const char *path, char **shown,
    char **cause)
{
	char text[NUMBER_TEXT_LEN];
	double max = -1;
	int type;

	*shown = NULL;
	if ((type = rule_bound_field(L, module, path, &max, cause)) < 0)
		return -1;
	lua_pop(L, 1);					/* ... */
	if (type == LUA_TFUNCTION)
		*shown = xstrdup("per attendee (a function, called after "
		    "prepare)");
	else if (type == LUA_TNUMBER)
		*shown = xstrdup(format_double(max, text));
	return 0;
}

/*
 * Call the function on top of the stack for each attendee's view (VIEWS:
 * index + 1 -> view) into B->out and B->in, and pop it.
 */
static int
rule_bound_call(struct sandbox *sb, int views, const struct attendee_table *t,
    const char *path, uint64_t key, struct rule_bound *b, char **cause)
{
	lua_State *L = sandbox_state(sb);
	double most_out = 0;
	lua_Debug ar;
	size_t i;
	int bad = 0;

	lua_pushvalue(L, -1);				/* ... fn fn */
	lua_getinfo(L, ">S", &ar);			/* ... fn */
	b->out = xcalloc(t->n + 1, sizeof *b->out);
	b->in = xcalloc(t->n + 1, sizeof *b->in);
	for (i = 0; i < t->n && !bad; i++) {
		lua_pushvalue(L, -1);			/* ... fn fn */
		lua_rawgeti(L, views, (lua_Integer)i + 1); /* ... fn fn v */
		if (sandbox_call(sb, key, 1, 2, cause, "in max_score for %s",
		    t->id[i]) != 0) {
			bad = 1;			/* ... fn */
			break;
		}					/* ... fn out in */
		b->in[i] = -1;
		bad = rule_bound_number(L, -2, path, ar.linedefined,
		    "max_score returned", t->id[i], &b->out[i], cause) != 0 ||
		    (!lua_isnil(L, -1) && rule_bound_number(L, -1, path,
		    ar.linedefined, "max_score returned as its second value",
		    t->id[i], &b->in[i], cause) != 0);
		lua_pop(L, 2);				/* ... fn */
		if (b->out[i] > most_out)
			most_out = b->out[i];
	}
	lua_pop(L, 1);					/* ... */
	if (bad)
		return -1;
	/* Without a second value: whoever b is, score(b, a) <= out(b). */
	b->max = most_out;
	for (i = 0; i < t->n; i++) {
		if (b->in[i] < 0)
			b->in[i] = most_out;
		if (b->in[i] > b->max)
			b->max = b->in[i];
	}
	return 0;
}

int
rule_bound_read(struct sandbox *sb, int module, int views,
    const struct attendee_table *t, const char *path, uint64_t key,
    struct rule_bound *b, char **cause)
{
	lua_State *L = sandbox_state(sb);
	int type;

	memset(b, 0, sizeof *b);
	b->max = -1;
	if ((type = rule_bound_field(L, module, path, &b->max, cause)) < 0)
		return -1;
	if (type != LUA_TFUNCTION) {
		lua_pop(L, 1);				/* ... */
		return 0;
	}
	if (rule_bound_call(sb, views, t, path, key, b, cause) != 0) {
		rule_bound_free(b);
		return -1;
	}
	return 0;
}

double
rule_bound_row(const struct rule_bound *b, uint32_t a)
{
	if (b->out == NULL)
		return b->max;
	return b->out[a] / 2 + b->in[a] / 2;
}

int
rule_bound_check(const struct rule_bound *b, const char *path, int line,
    double score, const struct attendee_table *t, uint32_t a, uint32_t o,
    char **cause)
{
	char s[NUMBER_TEXT_LEN], m[NUMBER_TEXT_LEN];
	const char *what = "max_score";
	double max = b->max;

	/* every bound is 0 or more: no need to look one up (at 100,000
	 * each is a cache miss, and most scores are 0) */
	if (b->max < 0 || score <= 0)
		return 0;
	if (b->out != NULL && b->in[o] < b->out[a]) {
		max = b->in[o];
		what = "the second value max_score returned for";
	} else if (b->out != NULL) {
		max = b->out[a];
		what = "max_score for";
	}
	if (score <= max)
		return 0;
	*cause = xasprintf("%s:%d: score returned %s for %s -> %s, above %s%s%s "
	    "(%s); make max_score the most score can return (pairs no "
	    "strategy lists are not scored, as none may score above it), or "
	    "remove it to score every pair", path, line,
	    format_double(score, s), t->id[a], t->id[o], what,
	    b->out != NULL ? " " : "", b->out == NULL ? "" :
	    b->in[o] < b->out[a] ? t->id[o] : t->id[a],
	    format_double(max, m));
	return -1;
}

void
rule_bound_free(struct rule_bound *b)
{
	free(b->out);
	free(b->in);
	b->out = b->in = NULL;
}
