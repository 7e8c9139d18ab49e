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

	uint64_t steps;		/* moves evaluated so far */
	int failed;		/* an oracle call failed: see cause */
	char *cause;
};

/*
 * Seat N people (graph nodes NODE, in rank order) at tables of
 * GROUP_SIZE for ROUNDS rounds.  Returns 0, or nonzero with *cause set:
 * the schedule cannot exist (by counting), the search ran out of steps,
 * or the oracle failed.  seating_free() releases S either way.
 */
int seating_run(struct seating *s, struct assign_ctx *c,
    const uint32_t *node, uint32_t n, uint32_t group_size, uint32_t rounds,
    uint64_t seed, char **cause);
void seating_free(struct seating *s);

/* The table sizes for N people at tables of G: as even as possible,
 * never more than G unless that would leave someone alone (G = 2 and N
 * odd gives one table of 3).  Returns the number of tables. */
uint32_t seating_tables(uint32_t n, uint32_t g, uint32_t **size);

/* For seating*.c only. */
uint32_t seating_meet(const struct seating *s, uint32_t p, uint32_t q);
void seating_relate(struct seating *s, uint32_t r, uint32_t p, uint32_t x,
    int d);
int seating_veto(struct seating *s, uint32_t p, uint32_t q);
double seating_w(const struct seating *s, uint32_t p, uint32_t q);
void seating_rebuild(struct seating *s);

/* Starting schedules (seating_start.c): fill every round's slots. */
void seating_start_greedy(struct seating *s, uint32_t r);
void seating_start_freedom(struct seating *s, uint32_t r);
int seating_start_field(struct seating *s);

#endif
