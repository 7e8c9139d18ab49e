/*
 * seating.h -- seat people at tables for one or more rounds so that no
 * two meet twice and no vetoed pair shares a table, then raise the sum of
 * the pair scores at each table: the engine behind `mode = groups` (one
 * round) and `mode = rounds`.
 *
 * Everything is driven by a seeded generator and step budgets (never the
 * clock), so the same input and seed give the same seating.
 */
#ifndef MINGLE_SEATING_H
#define MINGLE_SEATING_H

#include <stddef.h>
#include <stdint.h>

#include "assign_ctx.h"
#include "seating_state.h"

/*
 * Seat N people (graph nodes NODE, in rank order) at tables of
 * GROUP_SIZE for ROUNDS rounds.  Returns 0, or nonzero with *cause set:
 * the schedule cannot exist (by counting, or for the vetoes: see
 * seating_veto.h), the search ran out of steps, or the oracle failed.
 * With c->m->best_effort vetoed pairs may share a table: the search
 * stops at s->least of them, else keeps the fewest it found.  On success s->tab[r * n + p] is the table
 * (0-based) of NODE[p] in round r (0-based).  C must outlive S;
 * seating_free() releases S either way.
 */
int seating_run(struct seating *s, struct assign_ctx *c,
    const uint32_t *node, uint32_t n, uint32_t group_size, uint32_t rounds,
    uint64_t seed, char **cause);
void seating_free(struct seating *s);

/*
 * Is there a schedule of ROUNDS rounds, as seating_run() looks for one,
 * within BUDGET repair steps (0: seating_run()'s budget)?  Returns 0 with
 * the schedule in S, unpolished, or nonzero with *cause set (then
 * s->failed says the oracle failed).  The same arguments follow the same
 * path as seating_run(), so a schedule found here is found there too.
 * seating_free() releases S either way.
 */
int seating_try(struct seating *s, struct assign_ctx *c,
    const uint32_t *node, uint32_t n, uint32_t group_size, uint32_t rounds,
    uint64_t seed, uint64_t budget, char **cause);

/* The most rounds N people at tables of GROUP_SIZE can have without
 * anyone meeting twice, by the counting seating_run() refuses with:
 * floor((n - 1) / (g - 1)) for tables of g, or fewer.  1 for n < 2. */
uint32_t seating_rounds_bound(uint32_t n, uint32_t group_size);

/* The table sizes for N people at tables of G: as even as possible,
 * never more than G unless that would leave someone alone (G = 2 and N
 * odd gives one table of 3).  Returns the number of tables. */
uint32_t seating_tables(uint32_t n, uint32_t g, uint32_t **size);

#endif
