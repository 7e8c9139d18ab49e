/*
 * seating_state.h -- the state of a seating search (seating.c) and the
 * operations that keep it consistent: every change of the schedule goes
 * through seating_state_relate() (directly, by seating_state_swap(), or
 * by seating_state_rebuild()), which updates the meeting counts, the bad
 * relations, the conflict count, the score and, when kept, the O(1) swap
 * counts.  For seating*.c only.
 */
#ifndef MINGLE_SEATING_STATE_H
#define MINGLE_SEATING_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "assign_ctx.h"
#include "pairmap.h"
#include "rng.h"

struct seating {
	struct assign_ctx *c;
	struct rng rng;
	uint32_t n;		/* people: local numbers 0..n-1 */
	uint32_t *node;		/* local -> graph node, in rank order */
	uint32_t *local;	/* graph node -> local, or UINT32_MAX */
	uint32_t rounds;
	uint32_t tables;
	uint32_t *size;		/* per table, the same every round */
	uint32_t *start;	/* per table: first slot of a round */

	/* Round r: slot[r * n + i] is who sits in slot i; tables hold
	 * slots start[t] .. start[t] + size[t].  tab/pos invert it. */
	uint32_t *slot;
	uint32_t *tab;		/* tab[r * n + p], UINT32_MAX if unseated */
	uint32_t *pos;		/* pos[r * n + p] */

	/* How often each pair met: dense for small n, else a map. */
	uint8_t *meet_dense;
	struct pairmap meet_map;

	/* Pinned pairs (graph.h) must share a table in the first round:
	 * each pinned pair apart there is one bad relation for both. */
	uint32_t *pins;		/* per person: pinned partners, or NULL */
	uint32_t npins;		/* pinned pairs among the people */

	/* Quotas (graph.h), NULL without: qcount[q * n + p] counts p's
	 * table-mates over all rounds on edges with quota bit q, qmax[q *
	 * n + p] the most allowed.  Each one over a quota is a conflict,
	 * and who is over any is bad in every round. */
	uint32_t nquota;
	uint32_t *qcount;
	uint32_t *qmax;
	uint16_t *qbits_dense;	/* small n: bits + 1 of {p, q}, 0 not asked */

	unsigned char *may_veto;	/* per person: stats.vetoed > 0 */
	uint8_t *veto_dense;	/* small n: 0 not asked, 1 no, 2 vetoed */
	int any_veto;

	/* Bad relations (repeat meetings, vetoes) of p in round r, and
	 * the set of (r, p) that have any. */
	uint32_t *bad;		/* bad[r * n + p] */
	uint32_t *conf;		/* list of r * n + p */
	uint32_t *conf_at;	/* index into conf, or UINT32_MAX */
	uint32_t nconf;
	int64_t conflicts;	/* repeat meetings + co-seated vetoes */
	double score;		/* sum of scores of co-seated pairs */

	/* Small instances without vetoes: rep[(r * n + p) * tables + t]
	 * counts those at table t in round r whom p meets in another
	 * round, so a swap is judged in O(1). */
	uint32_t *rep;

	int64_t least;		/* vetoed pairs no seating avoids, where
				 * best_effort may stop (seating_veto.h) */
	uint64_t steps;		/* moves evaluated so far */
	int failed;		/* an oracle call failed: see cause */
	char *cause;
};

/* How often p and q met, over all rounds. */
uint32_t seating_state_meet(const struct seating *s, uint32_t p, uint32_t q);

/*
 * Is {p, q} vetoed?  Asks the context (assign_ctx_vetoed()) once a pair
 * and caches the answer for small n.  If the oracle fails, sets s->failed
 * and s->cause (the search stops and seating_run() reports it) and says
 * no from then on.
 */
int seating_state_veto(struct seating *s, uint32_t p, uint32_t q);

/* Must p and q share a table in round 0? */
int seating_state_pinned(const struct seating *s, uint32_t p, uint32_t q);

/* Count every pinned pair as apart: the state of empty tables. */
void seating_state_pins_apart(struct seating *s);

/* The change in conflicts over quotas if p and q (at different tables)
 * swap in round r.  Quota bits come from assign_ctx_quota(); if the
 * oracle fails, as for seating_state_veto(). */
int32_t seating_state_quota_swap(struct seating *s, uint32_t r,
    uint32_t p, uint32_t q);

/* The edge weight of p and q, 0 for a non-edge. */
double seating_state_weight(const struct seating *s, uint32_t p,
    uint32_t q);

/*
 * p and x start (D = 1) or stop (D = -1) sharing a table in round r; the
 * caller updates slot, tab and pos.
 */
void seating_state_relate(struct seating *s, uint32_t r, uint32_t p,
    uint32_t x, int d);

/* Swap p and q, seated at different tables, in round r. */
void seating_state_swap(struct seating *s, uint32_t r, uint32_t p,
    uint32_t q);

/* Recount everything (tab, pos and the counts) from slot, e.g. after a
 * start filled all rounds at once or a restart copied a schedule back. */
void seating_state_rebuild(struct seating *s);

/* Count s->rep (allocated by the caller) from scratch. */
void seating_state_count_rep(struct seating *s);

#endif
