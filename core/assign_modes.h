/*
 * assign_modes.h -- the modes assign_run() dispatches to (for assign.c;
 * each mode's file says how it works).  Each reads G and M, asks ORACLE
 * (may be NULL) through an assign_ctx, and fills *OUT, which the caller
 * has zeroed and frees on failure.  Returns 0, or nonzero with *cause set
 * (see assign_run()).
 */
#ifndef MINGLE_ASSIGN_MODES_H
#define MINGLE_ASSIGN_MODES_H

#include "assign.h"

/* Node I's most introductions in suggestions (max_per_attendee, else
 * per_attendee, lowered by its cap) and its floor (min_per_attendee, at
 * least 1, at most the most). */
void assign_suggestions_limits(const struct graph *g,
    const struct config_match *m, size_t i, uint32_t *cap, uint32_t *floor);

/* `mode = suggestions` (assign_suggestions.c); needs no oracle. */
int assign_suggestions(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause);

/* `mode = pairs` (assign_pairs.c). */
int assign_pairs(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);

/* `mode = groups` and `mode = rounds` (assign_tables.c). */
int assign_tables(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);

/* `mode = meetings` (assign_meetings.c): suggestions, then each in a
 * slot; needs no oracle. */
int assign_meetings(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause);

#endif
