/*
 * assign_tables.c -- the modes with tables, groups being rounds with one
 * round.
 *
 * `mode = groups`: one round of tables of group_size (default 4), as even
 * as possible, with no vetoed pair at a table and the sum of the pair
 * scores at each table as high as the local search finds.
 *
 * `mode = rounds`: `rounds` rounds of tables of group_size (default 2 =
 * pairs) in which no two people meet twice and no vetoed pair shares a
 * table, with the total score as high as the search finds.  Impossible
 * requests are refused by counting before any search (each round
 * everyone meets group_size - 1 new people); a request that passes the
 * count but is not solved within the step budget is refused with the
 * number of steps searched, never by hanging.
 *
 * Scores come from the candidate graph (pairs that are not candidates
 * count 0 while searching); the oracle is asked only whether a seated
 * pair is vetoed, and for the score written out for a seated pair that
 * is not a candidate.  See seating.c for the search.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ctx.h"
#include "assign_modes.h"
#include "rounds_max.h"
#include "seating.h"
#include "util.h"

static int	assign_tables_vetoed(struct assign_ctx *,
		    struct assignment *, int64_t, char **);
static int	assign_tables_seat(const struct graph *,
		    const struct config_match *, const struct pair_oracle *,
		    uint32_t, uint32_t, struct assignment *, char **);

/*
 * best_effort: the seated pairs a veto forbids, into OUT->vetoed; they are
 * proven the fewest when there are LEAST of them.  Returns 0, or nonzero
 * with *cause set (the oracle failed).
 */
static int
assign_tables_vetoed(struct assign_ctx *c, struct assignment *out,
    int64_t least, char **cause)
{
	size_t i;
	int veto;

	out->vetoed = xcalloc(out->nintros + 1, sizeof *out->vetoed);
	for (i = 0; i < out->nintros; i++) {
		if (assign_ctx_vetoed(c, out->intros[i].a, out->intros[i].b,
		    &veto, cause) != 0)
			return -1;
		if (veto)
			out->vetoed[out->nvetoed++] = out->intros[i];
	}
	out->vetoed_fewest = (int64_t)out->nvetoed == least;
	return 0;
}

/*
 * Seat the active attendees in ROUNDS rounds of tables of GS and introduce
 * everyone seated together.
 */
static int
assign_tables_seat(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, uint32_t gs, uint32_t rounds,
    struct assignment *out, char **cause)
{
	struct assign_ctx c;
	struct seating s;
	uint32_t *act, p, r;
	size_t nact;
	int rc;

	assign_ctx_init(&c, g, m, oracle);
	nact = graph_active_by_rank(g, &act);

	memset(&s, 0, sizeof s);
	rc = 0;
	if (m->mode == MATCH_ROUNDS && m->rounds_max)
		rc = rounds_max_find(&c, act, (uint32_t)nact, gs, m->seed,
		    &rounds, &out->rounds_bound, cause);
	if (rc == 0)
		rc = seating_run(&s, &c, act, (uint32_t)nact, gs, rounds,
		    m->seed, cause);
	if (rc == 0) {
		out->has_tables = 1;
		out->has_rounds = m->mode == MATCH_ROUNDS;
		out->seats = xcalloc(nact * rounds + 1, sizeof *out->seats);
		for (r = 0; r < rounds; r++) {
			for (p = 0; p < nact; p++) {
				out->seats[out->nseats++] = (struct seat){
					.attendee = act[p],
					.round = (int32_t)r + 1,
					.table = (int32_t)s.tab[r * nact + p] + 1,
				};
			}
		}
		rc = assign_ctx_introduce_seated(&c, out, cause);
		if (rc == 0 && m->best_effort)
			rc = assign_tables_vetoed(&c, out, s.least, cause);
	}
	seating_free(&s);
	free(act);
	assign_ctx_free(&c);
	return rc;
}

int
assign_tables(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause)
{
	if (m->mode == MATCH_GROUPS)
		return assign_tables_seat(g, m, oracle,
		    m->group_size >= 2 ? (uint32_t)m->group_size : 4, 1, out,
		    cause);
	return assign_tables_seat(g, m, oracle,
	    m->group_size >= 2 ? (uint32_t)m->group_size : 2,
	    m->rounds >= 1 ? (uint32_t)m->rounds : 1, out, cause);
}
