/*
 * rule_internal.h -- what the rule_*.c files share: mingle's rules on top
 * of the sandbox (sandbox.h).  Nothing outside them includes it.
 *
 *   rule_view.c      read-only attendee views and tag sets
 *   rule_lib.c       the `mingle` library
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

#endif
