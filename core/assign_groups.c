/*
 * assign_groups.c -- `mode = groups`: one round of tables of group_size,
 * as even as possible, with no vetoed pair at a table and the sum of the
 * pair scores at each table as high as the local search finds.
 *
 * Scores come from the candidate graph (pairs that are not candidates
 * count 0 while searching); the oracle is asked only whether a seated
 * pair is vetoed, and for the score written out for a seated pair that
 * is not a candidate.  See seating.c for the search.
 */
#include "autoconf.h"

#include <stdint.h>

#include "assign.h"
#include "assign_internal.h"

int
assign_groups(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause)
{
	return assign_tables(g, m, oracle,
	    m->group_size >= 2 ? (uint32_t)m->group_size : 4, 1, out, cause);
}
