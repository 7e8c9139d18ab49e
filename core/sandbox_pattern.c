/*
 * sandbox_pattern.c -- string.find, match, gmatch and gsub with a step budget.
 *
 * Lua's own matcher backtracks in C, where the count hook never runs:
 * string.find(("a"):rep(40), ("a?"):rep(40) .. ("a"):rep(40)) would run
 * for ages inside one instruction.  This matcher implements the same
 * pattern language (Lua 5.4 manual, section 6.4.1) but counts its steps
 * and charges them to the call's instruction budget, so a pathological
 * pattern ends in the usual limit error.  Character classes are ASCII,
 * as in the C locale, whatever the process's locale is.  The unit test
 * runs a corpus through both matchers and compares every result.
 */
#include "autoconf.h"

#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "sandbox_internal.h"
#include "sandbox.h"

#define PAT_MAXCAPTURES	32
#define PAT_MAXDEPTH	200	/* nested match() calls */
#define PAT_CHARGE	1024	/* steps charged at once */
#define PAT_ESC		'%'
#define PAT_SPECIALS	"^$*+?.([%-"

#define CAP_UNFINISHED	(-1)
#define CAP_POSITION	(-2)

struct pat {
	lua_State *L;
	const char *src, *src_end;
	const char *p_end;
	int depth;
	size_t steps;
	int level;
	struct {
		const char *init;
		ptrdiff_t len;
	} cap[PAT_MAXCAPTURES];
};

static void	 pat_init(struct pat *, lua_State *, const char *, size_t,
		     const char *, size_t);
static void	 pat_step(struct pat *, size_t);
static void	 pat_flush(struct pat *);
static const char *pat_match(struct pat *, const char *, const char *);
static const char *pat_class_end(struct pat *, const char *);
static int	 pat_class(int, int);
static int	 pat_set(int, const char *, const char *);
static int	 pat_single(struct pat *, const char *, const char *,
		     const char *);
static const char *pat_max_expand(struct pat *, const char *, const char *,
		     const char *);
static const char *pat_min_expand(struct pat *, const char *, const char *,
		     const char *);
static const char *pat_start_capture(struct pat *, const char *,
		     const char *, ptrdiff_t);
static const char *pat_end_capture(struct pat *, const char *,
		     const char *);
static const char *pat_balance(struct pat *, const char *, const char *);
static const char *pat_backref(struct pat *, const char *, int);
static void	 pat_push_one(struct pat *, int, const char *, const char *);
static int	 pat_push_all(struct pat *, const char *, const char *);
static int	 pat_find_aux(lua_State *, int);
static int	 pat_gmatch_next(lua_State *);
static void	 pat_add_value(struct pat *, luaL_Buffer *, const char *,
		     const char *, int);
static size_t	 pat_start(lua_Integer, size_t);
static int	 pat_plain(const char *, size_t);

static void
pat_init(struct pat *ms, lua_State *L, const char *s, size_t ls,
    const char *p, size_t lp)
{
	ms->L = L;
	ms->src = s;
	ms->src_end = s + ls;
	ms->p_end = p + lp;
	ms->depth = PAT_MAXDEPTH;
	ms->steps = 0;
	ms->level = 0;
}

static void
pat_step(struct pat *ms, size_t n)
{
	ms->steps += n;
	if (ms->steps >= PAT_CHARGE)
		pat_flush(ms);
}

static void
pat_flush(struct pat *ms)
{
	size_t n = ms->steps;

	ms->steps = 0;
	sandbox_charge(ms->L, n);
}

/* ASCII classes, the C locale's: %a %c %d %g %l %p %s %u %w %x. */
static int
pat_class(int c, int cl)
{
	int r;

	switch (cl | 0x20) {
	case 'a':
		r = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		break;
	case 'c':
		r = c < 32 || c == 127;
		break;
	case 'd':
		r = c >= '0' && c <= '9';
		break;
	case 'g':
		r = c > 32 && c < 127;
		break;
	case 'l':
		r = c >= 'a' && c <= 'z';
		break;
	case 'p':
		r = c > 32 && c < 127 && !((c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
		break;
	case 's':
		r = c == ' ' || (c >= '\t' && c <= '\r');
		break;
	case 'u':
		r = c >= 'A' && c <= 'Z';
		break;
	case 'w':
		r = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
		break;
	case 'x':
		r = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F');
		break;
	case 'z':	/* deprecated in Lua 5.2, still understood */
		r = c == 0;
		break;
	default:
		return cl == c;
	}
	if (cl >= 'A' && cl <= 'Z')
		r = !r;
	return r;
}

/* Is C in the set [...] from P (at '[') to EC (at its ']')? */
static int
pat_set(int c, const char *p, const char *ec)
{
	int yes = 1;

	p++;
	if (*p == '^') {
		yes = 0;
		p++;
	}
	while (p < ec) {
		if (*p == PAT_ESC && p + 1 < ec) {
			if (pat_class(c, (unsigned char)p[1]))
				return yes;
			p += 2;
		} else if (p + 2 < ec && p[1] == '-') {
			if ((unsigned char)p[0] <= c &&
			    c <= (unsigned char)p[2])
				return yes;
			p += 3;
		} else {
			if ((unsigned char)*p == c)
				return yes;
			p++;
		}
	}
	return !yes;
}

/* The end of the single-character class at P. */
static const char *
pat_class_end(struct pat *ms, const char *p)
{
	int first = 1;

	if (*p == PAT_ESC) {
		if (p + 1 >= ms->p_end)
			luaL_error(ms->L, "malformed pattern (ends with '%%')");
		return p + 2;
	}
	if (*p != '[')
		return p + 1;
	p++;
	if (p < ms->p_end && *p == '^')
		p++;
	/* The first character is part of the set, even a ']'. */
	for (;; first = 0) {
		if (p >= ms->p_end)
			luaL_error(ms->L, "malformed pattern (missing ']')");
		if (*p == ']' && !first)
			return p + 1;
		if (*p == PAT_ESC && p + 1 < ms->p_end)
			p++;
		p++;
	}
}

/* Does the class at P..EP match the character at S? */
static int
pat_single(struct pat *ms, const char *s, const char *p, const char *ep)
{
	int c;

	if (s >= ms->src_end)
		return 0;
	c = (unsigned char)*s;
	switch (*p) {
	case '.':
		return 1;
	case PAT_ESC:
		return pat_class(c, (unsigned char)p[1]);
	case '[':
		return pat_set(c, p, ep - 1);
	default:
		return (unsigned char)*p == c;
	}
}

/* Match the pattern at P against S; the end of the match, or NULL. */
static const char *
pat_match(struct pat *ms, const char *s, const char *p)
{
	const char *ep, *r;
	int prev, cur;

	if (ms->depth-- == 0)
		luaL_error(ms->L, "pattern too complex");
	for (;;) {
		pat_step(ms, 1);
		if (p >= ms->p_end) {
			r = s;
			break;
		}
		if (*p == '(') {
			if (p + 1 < ms->p_end && p[1] == ')')
				r = pat_start_capture(ms, s, p + 2,
				    CAP_POSITION);
			else
				r = pat_start_capture(ms, s, p + 1,
				    CAP_UNFINISHED);
			break;
		}
		if (*p == ')') {
			r = pat_end_capture(ms, s, p + 1);
			break;
		}
		if (*p == '$' && p + 1 == ms->p_end) {
			r = s == ms->src_end ? s : NULL;
			break;
		}
		if (*p == PAT_ESC && p + 1 < ms->p_end && p[1] == 'b') {
			s = pat_balance(ms, s, p + 2);
			if (s == NULL) {
				r = NULL;
				break;
			}
			p += 4;
			continue;
		}
		if (*p == PAT_ESC && p + 1 < ms->p_end && p[1] == 'f') {
			p += 2;
			if (p >= ms->p_end || *p != '[')
				luaL_error(ms->L, "missing '[' after '%%f' in "
				    "pattern");
			ep = pat_class_end(ms, p);
			prev = s == ms->src ? 0 : (unsigned char)s[-1];
			cur = s < ms->src_end ? (unsigned char)*s : 0;
			if (!pat_set(prev, p, ep - 1) &&
			    pat_set(cur, p, ep - 1)) {
				p = ep;
				continue;
			}
			r = NULL;
			break;
		}
		if (*p == PAT_ESC && p + 1 < ms->p_end &&
		    p[1] >= '0' && p[1] <= '9') {
			s = pat_backref(ms, s, (unsigned char)p[1]);
			if (s == NULL) {
				r = NULL;
				break;
			}
			p += 2;
			continue;
		}

		/* A single-character class, perhaps with a quantifier. */
		ep = pat_class_end(ms, p);
		if (!pat_single(ms, s, p, ep)) {
			if (ep < ms->p_end && (*ep == '*' || *ep == '?' ||
			    *ep == '-')) {
				p = ep + 1;	/* zero repetitions */
				continue;
			}
			r = NULL;
			break;
		}
		if (ep < ms->p_end && *ep == '?') {
			r = pat_match(ms, s + 1, ep + 1);
			if (r != NULL)
				break;
			p = ep + 1;
			continue;
		}
		if (ep < ms->p_end && *ep == '+') {
			r = pat_max_expand(ms, s + 1, p, ep);
			break;
		}
		if (ep < ms->p_end && *ep == '*') {
			r = pat_max_expand(ms, s, p, ep);
			break;
		}
		if (ep < ms->p_end && *ep == '-') {
			r = pat_min_expand(ms, s, p, ep);
			break;
		}
		s++;
		p = ep;
	}
	ms->depth++;
	return r;
}

/* As many as possible, then give back one at a time. */
static const char *
pat_max_expand(struct pat *ms, const char *s, const char *p, const char *ep)
{
	ptrdiff_t i = 0;
	const char *r;

	while (pat_single(ms, s + i, p, ep)) {
		pat_step(ms, 1);
		i++;
	}
	for (; i >= 0; i--) {
		r = pat_match(ms, s + i, ep + 1);
		if (r != NULL)
			return r;
	}
	return NULL;
}

/* As few as possible, then take one more at a time. */
static const char *
pat_min_expand(struct pat *ms, const char *s, const char *p, const char *ep)
{
	const char *r;

	for (;;) {
		r = pat_match(ms, s, ep + 1);
		if (r != NULL)
			return r;
		if (!pat_single(ms, s, p, ep))
			return NULL;
		s++;
	}
}

static const char *
pat_start_capture(struct pat *ms, const char *s, const char *p,
    ptrdiff_t what)
{
	const char *r;

	if (ms->level >= PAT_MAXCAPTURES)
		luaL_error(ms->L, "too many captures");
	ms->cap[ms->level].init = s;
	ms->cap[ms->level].len = what;
	ms->level++;
	r = pat_match(ms, s, p);
	if (r == NULL)
		ms->level--;
	return r;
}

static const char *
pat_end_capture(struct pat *ms, const char *s, const char *p)
{
	const char *r;
	int l;

	for (l = ms->level - 1; l >= 0; l--)
		if (ms->cap[l].len == CAP_UNFINISHED)
			break;
	if (l < 0)
		luaL_error(ms->L, "invalid pattern capture");
	ms->cap[l].len = s - ms->cap[l].init;
	r = pat_match(ms, s, p);
	if (r == NULL)
		ms->cap[l].len = CAP_UNFINISHED;
	return r;
}

/* %bxy: from an x to its balancing y. */
static const char *
pat_balance(struct pat *ms, const char *s, const char *p)
{
	int open, close, depth = 1;

	if (p + 1 >= ms->p_end)
		luaL_error(ms->L, "malformed pattern (missing arguments to "
		    "'%%b')");
	if (s >= ms->src_end || *s != *p)
		return NULL;
	open = (unsigned char)p[0];
	close = (unsigned char)p[1];
	while (++s < ms->src_end) {
		pat_step(ms, 1);
		if ((unsigned char)*s == close) {
			if (--depth == 0)
				return s + 1;
		} else if ((unsigned char)*s == open)
			depth++;
	}
	return NULL;
}

/* %1-%9: the text of an earlier capture again. */
static const char *
pat_backref(struct pat *ms, const char *s, int digit)
{
	int l = digit - '1';
	size_t len;

	if (l < 0 || l >= ms->level || ms->cap[l].len == CAP_UNFINISHED)
		luaL_error(ms->L, "invalid capture index %%%d", l + 1);
	if (ms->cap[l].len < 0)
		return NULL;
	len = (size_t)ms->cap[l].len;
	pat_step(ms, len / SANDBOX_BYTES_PER_UNIT);
	if ((size_t)(ms->src_end - s) >= len &&
	    memcmp(ms->cap[l].init, s, len) == 0)
		return s + len;
	return NULL;
}

/* Push capture I; with no captures at all, capture 0 is the match S..E. */
static void
pat_push_one(struct pat *ms, int i, const char *s, const char *e)
{
	ptrdiff_t len;

	if (i >= ms->level) {
		if (i != 0)
			luaL_error(ms->L, "invalid capture index %%%d", i + 1);
		lua_pushlstring(ms->L, s, (size_t)(e - s));
		return;
	}
	len = ms->cap[i].len;
	if (len == CAP_UNFINISHED)
		luaL_error(ms->L, "unfinished capture");
	if (len == CAP_POSITION)
		lua_pushinteger(ms->L, ms->cap[i].init - ms->src + 1);
	else
		lua_pushlstring(ms->L, ms->cap[i].init, (size_t)len);
}

/* Push every capture, or the whole match if there are none and S is set. */
static int
pat_push_all(struct pat *ms, const char *s, const char *e)
{
	int i, n = ms->level == 0 && s != NULL ? 1 : ms->level;

	luaL_checkstack(ms->L, n, "too many captures");
	for (i = 0; i < n; i++)
		pat_push_one(ms, i, s, e);
	return n;
}

/* string.find and string.match take a start position like this. */
static size_t
pat_start(lua_Integer pos, size_t len)
{
	if (pos > 0)
		return (size_t)pos;
	if (pos == 0)
		return 1;
	if (pos < -(lua_Integer)len)
		return 1;
	return len + (size_t)pos + 1;
}

/* No special characters at all (the pattern may hold NUL bytes). */
static int
pat_plain(const char *p, size_t lp)
{
	size_t i;

	for (i = 0; i < lp; i++)
		if (p[i] != '\0' && strchr(PAT_SPECIALS, p[i]) != NULL)
			return 0;
	return 1;
}

static int
pat_find_aux(lua_State *L, int find)
{
	size_t ls, lp, init;
	const char *s = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	const char *s1, *e, *hit;
	struct pat ms;
	int anchor, n;

	init = pat_start(luaL_optinteger(L, 3, 1), ls) - 1;
	if (init > ls) {
		lua_pushnil(L);
		return 1;
	}
	if (find && (lua_toboolean(L, 4) || pat_plain(p, lp))) {
		/* A plain search: memmem is linear. */
		sandbox_charge(L, (ls - init) / SANDBOX_BYTES_PER_UNIT);
		hit = lp == 0 ? s + init :
		    memmem(s + init, ls - init, p, lp);
		if (hit == NULL) {
			lua_pushnil(L);
			return 1;
		}
		lua_pushinteger(L, hit - s + 1);
		lua_pushinteger(L, (lua_Integer)(hit - s + lp));
		return 2;
	}

	anchor = lp > 0 && *p == '^';
	if (anchor) {
		p++;
		lp--;
	}
	pat_init(&ms, L, s, ls, p, lp);
	s1 = s + init;
	do {
		ms.level = 0;
		ms.depth = PAT_MAXDEPTH;
		pat_step(&ms, 1);
		e = pat_match(&ms, s1, p);
		if (e != NULL) {
			pat_flush(&ms);
			if (find) {
				lua_pushinteger(L, s1 - s + 1);
				lua_pushinteger(L, e - s);
				n = pat_push_all(&ms, NULL, NULL);
				return n + 2;
			}
			return pat_push_all(&ms, s1, e);
		}
	} while (s1++ < ms.src_end && !anchor);
	pat_flush(&ms);
	lua_pushnil(L);
	return 1;
}

int
sandbox_pattern_find(lua_State *L)
{
	return pat_find_aux(L, 1);
}

int
sandbox_pattern_match(lua_State *L)
{
	return pat_find_aux(L, 0);
}

/*
 * string.gmatch(s, pattern [, init]): the iterator keeps its place in a
 * userdata; the subject and pattern stay alive as upvalues, so pointers
 * into them stay valid.  A '^' is an ordinary character here, as in Lua.
 */
struct pat_gmatch {
	size_t pos;		/* next start, as an offset */
	size_t last;		/* end of the last match + 1, or 0 */
};

int
sandbox_pattern_gmatch(lua_State *L)
{
	size_t ls, init;
	struct pat_gmatch *gm;

	luaL_checklstring(L, 1, &ls);
	luaL_checkstring(L, 2);
	init = pat_start(luaL_optinteger(L, 3, 1), ls) - 1;
	if (init > ls)
		init = ls + 1;
	lua_settop(L, 2);				/* s p */
	gm = lua_newuserdatauv(L, sizeof *gm, 0);	/* s p gm */
	gm->pos = init;
	gm->last = 0;
	lua_pushcclosure(L, pat_gmatch_next, 3);	/* iter */
	return 1;
}

static int
pat_gmatch_next(lua_State *L)
{
	size_t ls, lp;
	const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
	const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
	struct pat_gmatch *gm = lua_touserdata(L, lua_upvalueindex(3));
	const char *src, *e;
	struct pat ms;

	pat_init(&ms, L, s, ls, p, lp);
	for (src = s + gm->pos; src <= ms.src_end; src++) {
		ms.level = 0;
		ms.depth = PAT_MAXDEPTH;
		pat_step(&ms, 1);
		e = pat_match(&ms, src, p);
		if (e != NULL && (gm->last == 0 ||
		    (size_t)(e - s) + 1 != gm->last)) {
			gm->pos = (size_t)(e - s);
			gm->last = gm->pos + 1;
			pat_flush(&ms);
			return pat_push_all(&ms, src, e);
		}
	}
	gm->pos = ls + 1;
	pat_flush(&ms);
	return 0;
}

/* Append the replacement for the match S..E (REPL is at 3, of type TR). */
static void
pat_add_value(struct pat *ms, luaL_Buffer *b, const char *s, const char *e,
    int tr)
{
	lua_State *L = ms->L;
	size_t l, i, cl;
	const char *r;

	switch (tr) {
	case LUA_TFUNCTION:
		lua_pushvalue(L, 3);			/* ... f */
		lua_call(L, pat_push_all(ms, s, e), 1);	/* ... v */
		break;
	case LUA_TTABLE:
		pat_push_one(ms, 0, s, e);		/* ... key */
		lua_gettable(L, 3);			/* ... v */
		break;
	default:
		/* A string with %0-%9 and %%, copied a byte at a time; the
		 * captures it names are charged as they are added. */
		r = lua_tolstring(L, 3, &l);
		pat_step(ms, l / SANDBOX_CHARS_PER_UNIT);
		for (i = 0; i < l; i++) {
			if (r[i] != PAT_ESC) {
				luaL_addchar(b, r[i]);
				continue;
			}
			i++;
			if (i < l && r[i] == PAT_ESC)
				luaL_addchar(b, PAT_ESC);
			else if (i < l && r[i] == '0') {
				pat_step(ms, (size_t)(e - s) /
				    SANDBOX_BYTES_PER_UNIT);
				luaL_addlstring(b, s, (size_t)(e - s));
			} else if (i < l && r[i] >= '1' && r[i] <= '9') {
				pat_push_one(ms, r[i] - '1', s, e);
							/* ... cap */
				luaL_tolstring(L, -1, &cl);
							/* ... cap str */
				pat_step(ms, cl / SANDBOX_BYTES_PER_UNIT);
				lua_remove(L, -2);	/* ... str */
				luaL_addvalue(b);	/* ... */
			} else
				luaL_error(L, "invalid use of '%c' in "
				    "replacement string", PAT_ESC);
		}
		return;
	}
	if (!lua_toboolean(L, -1)) {			/* ... v */
		lua_pop(L, 1);				/* ... */
		luaL_addlstring(b, s, (size_t)(e - s));	/* keep the match */
	} else if (!lua_isstring(L, -1))
		luaL_error(L, "invalid replacement value (a %s)",
		    luaL_typename(L, -1));
	else
		luaL_addvalue(b);			/* ... */
}

int
sandbox_pattern_gsub(lua_State *L)
{
	size_t ls, lp;
	const char *src = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	const char *lastmatch = NULL, *e;
	int tr = lua_type(L, 3), anchor;
	lua_Integer max_s = luaL_optinteger(L, 4, (lua_Integer)ls + 1), n = 0;
	struct pat ms;
	luaL_Buffer b;

	luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING ||
	    tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
	    "string/function/table");
	anchor = lp > 0 && *p == '^';
	if (anchor) {
		p++;
		lp--;
	}
	luaL_buffinit(L, &b);
	pat_init(&ms, L, src, ls, p, lp);
	while (n < max_s) {
		ms.level = 0;
		ms.depth = PAT_MAXDEPTH;
		pat_step(&ms, 1);
		e = pat_match(&ms, src, p);
		if (e != NULL && e != lastmatch) {
			n++;
			pat_add_value(&ms, &b, src, e, tr);
			src = lastmatch = e;
		} else if (src < ms.src_end)
			luaL_addchar(&b, *src++);
		else
			break;
		if (anchor)
			break;
	}
	pat_flush(&ms);
	luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
	luaL_pushresult(&b);				/* result */
	lua_pushinteger(L, n);				/* result n */
	return 2;
}
