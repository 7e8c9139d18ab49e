/*
 * rule_internal.h -- what the rule_*.c files share: mingle's rules on top
 * of the sandbox (sandbox.h).  Nothing outside them includes it.
 *
 *   rule_view.c      read-only attendee views and tag sets
 *   rule_lib.c       the `mingle` library
 *   rule_bound.c     a script's max_score
 *   rule_strategy.c  a script as a struct strategy
 */
#ifndef MINGLE_RULE_INTERNAL_H
#define MINGLE_RULE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#include "attendees.h"

/*
 * rule_view.c.  rule_view_build pushes a table mapping attendee index + 1
 * to that attendee's view (built once, the same object on every call),
 * and has next and pairs visit views in file order.  T must outlive the
 * state.
 */
void rule_view_build(lua_State *L, const struct attendee_table *t);

/* Per view of the views table at VIEWS (N of them), into OUT: where in
 * memory a read of its fields starts (its userdata's header, which holds
 * its metatable), to fetch it ahead of a call.  A hint only: never read
 * through it. */
void rule_view_heads(lua_State *L, int views, size_t n, const void **out);

/*
 * A tag set: one attendee's tags in one tags field, stored as ranks in
 * the field's alphabetical order (so merging two sets of the same field
 * yields common tags already sorted).
 */
struct rule_tagfield {
	const struct field *f;
	uint32_t ntags;
	const char **name_of_rank;	/* rank -> tag text */
	uint32_t *rank_of_id;	/* interned id -> rank */
	uint32_t *ranks;	/* per attendee (f->tag_off), ascending */
};

struct rule_tagset {
	const struct rule_tagfield *tf;
	const uint32_t *ranks;	/* ascending */
	uint32_t n;
};

/* The tag set at IDX, or NULL. */
const struct rule_tagset *rule_view_tagset(lua_State *L, int idx);

/* The rank of TAG (normalized text, LEN bytes) in TF, or -1. */
long rule_view_tag_rank(const struct rule_tagfield *tf, const char *tag,
    size_t len);

/* rule_lib.c: push the `mingle` table (its log is the script's print). */
void rule_lib_push(lua_State *L);

/* rule_words.c: mingle.words(s). */
int rule_words_split(lua_State *);

/*
 * rule_bound.c: the max_score of the script's table at MODULE (an absolute
 * index), the most score returns for one direction.  Reads are raw; PATH
 * names the script in messages.
 *
 * rule_bound_probe sets *SHOWN to what `mingle plugins` shows of it
 * ("2", or that a function gives it; NULL if none; the caller frees it)
 * without calling it.  rule_bound_read fills *B: MAX -1 if there is none;
 * a function is called in SB for each of T's attendees (VIEWS: the slot
 * of the views; math.random keyed by KEY).  Both return 0, or nonzero
 * with *cause set: a max_score that is not a number or a function, or is
 * not finite and 0 or more, a function that failed or returned no such
 * number.
 *
 * rule_bound_row is the most a pair of A's that A's row does not score
 * gets: the candidate stage's bound.  rule_bound_check holds SCORE, which
 * score (defined at LINE) returned for A -> O, to B: 0, or nonzero with
 * *cause set.
 */
struct sandbox;
struct rule_bound {
	double max;		/* the most score returns; -1: no max_score */
	double *out;		/* per attendee a: the most score(a, .)
				   returns, or NULL: MAX for everyone */
	double *in;		/* ... and the most score(., a) returns */
};
int rule_bound_probe(lua_State *L, int module, const char *path,
    char **shown, char **cause);
int rule_bound_read(struct sandbox *sb, int module, int views,
    const struct attendee_table *t, const char *path, uint64_t key,
    struct rule_bound *b, char **cause);
double rule_bound_row(const struct rule_bound *b, uint32_t a);
int rule_bound_check(const struct rule_bound *b, const char *path, int line,
    double score, const struct attendee_table *t, uint32_t a, uint32_t o,
    char **cause);
void rule_bound_free(struct rule_bound *b);

#endif
