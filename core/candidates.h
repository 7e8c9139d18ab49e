/*
 * candidates.h -- the candidate stage: whom the engine scores an attendee
 * with, when every strategy can list likely partners (the descriptor's
 * `candidates`, include/mingle/plugin.h).
 *
 * An attendee's candidates are the union of the strategies' lists; the
 * bound is the sum of their bounds, each times the strategy's weight: no
 * pair left out scores above it.  The engine scores the union and checks
 * that its best partners are sure (engine.c).
 */
#ifndef MINGLE_CANDIDATES_H
#define MINGLE_CANDIDATES_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "strategy.h"

/* One worker's lists, room for every attendee in each. */
struct candidates {
	uint32_t *list;		/* the union, ascending */
	size_t n;
	uint32_t *one;		/* one strategy's list */
	uint32_t *merged;	/* where the next union is made */
	size_t cap;
	/* Per strategy, as last asked: the K, the bound times the weight,
	 * and whether it listed anybody. */
	size_t *k;
	double *bound;
	unsigned char *listed;
	int walked;		/* leave out the strategies with terms: the
				   walk (walk.h) covers them */
};

/*
 * May the engine use the candidate stage with the NS strategies S and M?
 * Only if [match] exhaustive is not set, min_score is 0 or more, and
 * every strategy lists partners with a weight of 0 or more and sets no
 * quota of 0 for any of the N attendees: then a pair nobody lists scores
 * at most the bound, and nobody vetoes it.  And only if one of them may
 * list somebody (not all are `lists_nobody`).
 */
int candidates_usable(const struct strategy *s, size_t ns,
    const struct config_match *m, size_t n);

/* Room for N attendees and NS strategies; candidates_free() frees it. */
void candidates_init(struct candidates *c, size_t n, size_t ns);
void candidates_free(struct candidates *c);

/*
 * A's candidates from every strategy, K wanted, the ACTIVE ones only, into
 * C->list and C->n; *BOUND the most a pair left out scores, weights
 * applied.  Returns 0, or -1 if a strategy cannot list A's partners: then
 * A is to be scored with everyone.
 */
int candidates_gather(struct candidates *c, const struct strategy *s,
    size_t ns, const unsigned char *active, uint32_t a, size_t k,
    double *bound);

/*
 * Ask again, after candidates_gather() for A: the strategy whose bound
 * weighs most (of those that listed anybody: the others cannot lower
 * theirs) for 4 times its last K, its list joined to C->list (the others'
 * lists and bounds still hold, and are not asked for again); *BOUND the
 * new sum.  Returns 0, or -1 if no strategy can go deeper, its K would
 * reach the NACT attendees, or it cannot list A's partners: then A is to
 * be scored with everyone.
 */
int candidates_deepen(struct candidates *c, const struct strategy *s,
    size_t ns, const unsigned char *active, uint32_t a, size_t nact,
    double *bound);

#endif
