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
#include <stdlib.h>

#include "assign.h"
#include "assign_internal.h"
#include "seating.h"
#include "util.h"

int
assign_groups(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause)
{
	struct assign_ctx c;
	struct seating s;
	uint32_t *byrank, *act, gs, p;
	size_t i, nact = 0;
	int rc;

	assign_ctx_init(&c, g, m, oracle);
	byrank = assign_by_rank(g);
	act = xcalloc(g->n ? g->n : 1, sizeof *act);
	for (i = 0; i < g->n; i++)
		if (g->active[byrank[i]])
			act[nact++] = byrank[i];
	gs = m->group_size >= 2 ? (uint32_t)m->group_size : 4;

	rc = seating_run(&s, &c, act, (uint32_t)nact, gs, 1, m->seed, cause);
	if (rc == 0) {
		out->has_tables = 1;
		out->seats = xcalloc(nact ? nact : 1, sizeof *out->seats);
		for (p = 0; p < nact; p++) {
			out->seats[out->nseats++] = (struct seat){
				.attendee = act[p],
				.round = 1,
				.table = (int32_t)s.tab[p] + 1,
			};
		}
		rc = assign_from_seats(&c, out, cause);
	}
	seating_free(&s);
	free(act);
	free(byrank);
	assign_ctx_free(&c);
	return rc;
}
