/*
 * seating_start.h -- starting schedules for seating.c (see
 * seating_start.c for how each works).  Each fills slots through
 * seating_state.h, so the counts are up to date afterwards, and draws
 * only from s->rng.  For seating*.c only.
 */
#ifndef MINGLE_SEATING_START_H
#define MINGLE_SEATING_START_H

#include <stdint.h>

#include "seating_state.h"

/* Fill round r greedily: fewest repeat meetings and vetoes first, then
 * the highest scores. */
void seating_start_greedy(struct seating *s, uint32_t r);

/* Fill round r keeping the most people free to join each table (tight
 * schedules); falls back to the greedy start for large n. */
void seating_start_freedom(struct seating *s, uint32_t r);

/* Fill every round with an exact finite-field schedule.  Returns 0, or
 * -1 (nothing changed) when the sizes allow none. */
int seating_start_field(struct seating *s);

#endif
