/*
 * seating_veto.h -- what vetoes make impossible, found before a seating
 * search rather than after a long one: someone who may share a table
 * with too few people, or more people vetoed with each other than there
 * are tables.  Works from the vetoed pairs the engine kept (graph.h), in
 * about O(vetoed pairs).  For seating.c only.
 */
#ifndef MINGLE_SEATING_VETO_H
#define MINGLE_SEATING_VETO_H

#include <stdint.h>

#include "seating_state.h"

/*
 * Before the search (S's tables and people set, seating.h): returns 0 if
 * the vetoes seen leave a seating possible, else -1 with *cause set to
 * the cause, named with the strategies' reasons and a hint, and *least
 * set to the fewest vetoed pairs at a table that any seating must have
 * (where best_effort may stop).  *TABLES is how many tables a round
 * would need for the people vetoed with each other (0 if that is not
 * the cause), for a hint the caller may add.
 */
int seating_veto_check(const struct seating *s, uint32_t *tables,
    int64_t *least, char **cause);

/* Vetoed pairs sharing a table in S, over all rounds. */
int64_t seating_veto_count(struct seating *s);

#endif
