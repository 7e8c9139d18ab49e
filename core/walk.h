/*
 * walk.h -- the walk over every strategy's terms at once: an attendee's
 * likely partners by the sum of the strategies' scores (MaxScore over
 * the descriptor's `terms`, include/mingle/plugin.h).
 *
 * Each strategy with terms gives A's terms: the attendees holding each,
 * and what each of them gains from it.  The walk adds up what each
 * partner gains from A's short terms (a rare tag, a rare word), dense by
 * attendee.  A's long terms (a tag half the event holds, "first-timers
 * with veterans") are not walked but probed: a bitmap of their holders,
 * made once per worker and kept, tells whether a partner holds one, and
 * then it adds its upper.  So the upper bound (UB) of a partner met is
 * its sum plus the uppers of the long terms it holds; where that does not
 * rule it out, a long term with weights adds what it gains instead (its
 * place among the holders, kept per bitmap, finds its weight).  One not
 * met holds none of the short terms: it scores at most the rest, what the
 * long terms add up to (for a strategy's unit vectors at most the length
 * of their gains, Cauchy-Schwarz).  When the rest could reach the partners
 * found, the bitmaps themselves tell who not met could (walk_reach,
 * walk_reach.c), or else the long terms are walked too, the most telling
 * per holder first (walk_more).
 *
 * Sums may be upper bounds only (a strategy's terms bound its score);
 * the engine scores whom the walk picks with every strategy, and the
 * bounds tell it when nobody left out can reach A's best.  Group bonuses
 * (a strategy's group_bonus) are kept apart too, for the best partners by
 * fit (engine.c).
 *
 * One per worker: walks of different attendees run in different threads.
 */
#ifndef MINGLE_WALK_H
#define MINGLE_WALK_H

#include <stddef.h>
#include <stdint.h>

#include "strategy.h"

struct walk_term;
struct walk_bits;
struct walk_probe;
struct walk_long;
struct walk_step;

struct walk {
	size_t n;		/* attendees: ids are below it */
	size_t long_min;	/* terms with this many holders are probed */
	double *part;		/* per entry of met: its sum */
	double *bonus;		/* ... of it, what group bonuses add */
	uint64_t *seen;		/* a bit per attendee met */
	uint32_t *met;		/* those met, in the order met */
	size_t nmet;
	uint32_t *at;		/* per attendee met: where in met */
	double *ub, *fit;	/* per entry of met below nub: its UB, and
				   without group bonuses */
	size_t nub;
	struct walk_term *terms;	/* A's: walked, then probed */
	size_t nterms, tcap;
	size_t next;		/* terms[0 .. next) are walked */
	struct walk_probe *probe;	/* per term from the first long one:
					   what probing it takes */
	size_t first_long;
	struct walk_long *sorted;	/* walk_reach's: the long terms */
	double *suf;		/* ... what they add from each on */
	void *masks;		/* ... a block's, by the plan's depth */
	size_t rcap;		/* ... room in each for terms */
	struct walk_step *steps;	/* ... its plan (walk_reach.c) */
	size_t nsteps;
	int reached;		/* walk_reach ran: those left out score */
	double reach_ub, reach_fit;	/* ... at most these */
	uint32_t ngroups;	/* the terms' groups (walk_rest) */
	double *group;		/* room for walk_rest, 2 per group */
	struct walk_bits *bits;	/* the long terms' bitmaps, kept */
	size_t nbits;
	int sharp;		/* a long term has weights (walk_sharpen) */
	int popcnt;		/* the CPU has a popcount instruction */
	struct mingle_term *buf;	/* one strategy's, as it gives them */
	size_t bcap;
};

/* One of those met: its UB (or fit), and who. */
struct walk_top {
	double v;
	double fit;		/* walk_pick's: its UB without group bonuses */
	uint32_t id;
};

/* Room for N attendees; walk_free() frees it. */
void walk_init(struct walk *w, size_t n);
void walk_free(struct walk *w);

/*
 * A's walk: the terms of the NS strategies S that have them, each times
 * its strategy's weight; the short ones walked.  Returns 0, or -1 if one
 * of them cannot give A's terms (then the caller asks `candidates`).
 */
int walk_start(struct walk *w, const struct strategy *s, size_t ns,
    uint32_t a);

/* Walk the next long term, the most it adds per holder first.  Returns
 * 0, or -1 if every term is walked. */
int walk_more(struct walk *w);

/*
 * Meet, by the bitmaps of the long terms not walked, everyone not met
 * whom they could take to FLOOR, or to FLOOR_FIT without group bonuses:
 * those left out score less (walk_rest tells how much at most).  Both
 * floors above 0.  Returns 0, or -1 if it cannot (then walk_more).
 */
int walk_reach(struct walk *w, double floor, double floor_fit);

/* The most a partner not met scores, by the long terms not walked;
 * without group bonuses if FIT. */
double walk_rest(const struct walk *w, int fit);

/*
 * The K best of those met by UB into TOP (*N of them, at most K), and
 * the KFIT best by UB without group bonuses into FIT (*NFIT): A and those
 * not marked in ACTIVE left out.
 */
void walk_best(struct walk *w, uint32_t a, const unsigned char *active,
    struct walk_top *top, size_t *n, size_t k, struct walk_top *fit,
    size_t *nfit, size_t kfit);

/*
 * Those met from the FROM-th on (but A and those not in ACTIVE) whose UB
 * is at least FLOOR or, without group bonuses, at least FLOOR_FIT, into
 * OUT (*M); *DROP and *DROP_FIT raised to the highest UBs of the others.
 * A UB the uppers put over a floor is sharpened first: the long terms
 * with weights by what the partner gains.  Walking more only lowers UBs:
 * those left out stay out.
 */
void walk_pick(struct walk *w, size_t from, uint32_t a,
    const unsigned char *active, double floor, double floor_fit,
    struct walk_top *out, size_t *m, double *drop, double *drop_fit);

/* Forget A's walk: the next walk_start() starts afresh. */
void walk_clear(struct walk *w);

#endif
