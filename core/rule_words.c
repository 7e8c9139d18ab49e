/*
 * rule_words.c -- mingle.words(s) for rule scripts: the words of a text,
 * case folded, found by Unicode categories (Lua's %a knows only ASCII, so
 * "Öffentlicher" would fall apart).  The rules are words.h's.
 *
 * Its work is charged to the instruction budget before it is done where
 * the cost is known (the scan, per byte; each word's folding, per code
 * point), and everything it builds lives in the state, under its memory
 * limit: the work buffer and the words.
 */
#include "autoconf.h"

#include <stdint.h>

#include <lua.h>
#include <lauxlib.h>

#include "rule_internal.h"
#include "sandbox.h"
#include "words.h"

/*
 * Units of the instruction budget, about what the same time buys in VM
 * instructions: per byte the scan reads, and per code point a word's
 * folding produces (decomposed, composed and encoded again).
 */
#define WORDS_SCAN_UNITS	2
#define WORDS_FOLD_UNITS	6

/* Code points of work space to start with; most words need fewer. */
#define WORDS_BUF	64

int
rule_words_split(lua_State *L)
{
	size_t len, pos = 0, start, wlen, need, cap = WORDS_BUF;
	const char *s = luaL_checklstring(L, 1, &len);
	lua_Integer n = 0;
	int32_t *buf;
	long folded = 0;
	int r;

	sandbox_charge(L, len * WORDS_SCAN_UNITS + 1);
	lua_newtable(L);				/* s words */
	buf = lua_newuserdatauv(L, cap * sizeof *buf, 0);
							/* s words buf */
	while ((r = words_next(s, len, &pos, &start, &wlen)) == 1) {
		folded = words_fold(s + start, wlen, buf, cap, &need);
		if (folded == WORDS_SHORT) {
			/* A long word: pay for it before the work. */
			sandbox_charge(L, need * WORDS_FOLD_UNITS);
			cap = need + 1;
			buf = lua_newuserdatauv(L, cap * sizeof *buf, 0);
			lua_replace(L, -2);		/* s words buf */
			folded = words_fold(s + start, wlen, buf, cap, &need);
		} else
			sandbox_charge(L, need * WORDS_FOLD_UNITS);
		if (folded < 0)
			break;
		lua_pushlstring(L, (const char *)buf, (size_t)folded);
							/* s words buf word */
		lua_rawseti(L, -3, ++n);		/* s words buf */
	}
	if (r < 0 || folded < 0)
		return luaL_argerror(L, 1, "not valid UTF-8 text");
	lua_pop(L, 1);					/* s words */
	return 1;
}
