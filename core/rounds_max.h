/*
 * rounds_max.h -- `rounds = max`: the most rounds without a repeated
 * meeting that a bounded search finds (see rounds_max.c).  For
 * assign_tables.c.
 */
#ifndef MINGLE_ROUNDS_MAX_H
#define MINGLE_ROUNDS_MAX_H

#include <stdint.h>

#include "assign_ctx.h"

/*
 * How many rounds N people (graph nodes NODE, in rank order) at tables of
 * GROUP_SIZE can have without anyone meeting twice or a vetoed pair at a
 * table, as far as the search finds: *ROUNDS (at least 1), and in *BOUND
 * the most that counting allows (seating_rounds_bound()).  The same
 * arguments give the same answer.  Returns 0, or nonzero with *cause set
 * when the oracle failed.
 */
int rounds_max_find(struct assign_ctx *c, const uint32_t *node, uint32_t n,
    uint32_t group_size, uint64_t seed, uint32_t *rounds, uint32_t *bound,
    char **cause);

#endif
