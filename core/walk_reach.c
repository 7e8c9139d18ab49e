/*
 * walk_reach.c -- meeting, by the long terms' bitmaps, whom they could
 * still take to a row's best (walk_reach, walk.h).
 *
 * Once the first partners scored have set the heaps' floors, walk_more
 * would walk a long term (an eighth of the event, say) to meet everyone
 * who holds it, though few of them hold enough of the others to reach
 * the floor: a first-timer's bonus (1.0 for two thirds of the event)
 * reaches 1.6 only with two of the popular tags beside it.  The plan
 * finds, from the terms' uppers alone, which sets of long terms one must
 * hold to reach a floor: the terms the highest upper first, a partner
 * holding term j or not, ways that cannot reach left out (what the rest
 * adds up to, as MaxScore bounds it).  Then one pass over the bitmaps,
 * WALK_BLOCK words at a time, ANDs each way's terms: a way is given up
 * in a block as soon as nobody is left on it.  Those found are met, and
 * their UBs probed as any others'; the rest hold too little.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "walk.h"
#include "walk_internal.h"

/* The most steps of a plan; past them, walk_more. */
#define WALK_PLAN_STEPS	1024

/* A long term as the plan takes it. */
struct walk_long {
	const uint64_t *bits;
	double upper, fit;
};

/* A step of the plan: of those the step before it (one less deep)
 * found, those holding BITS; if they REACH a floor, they are met.  Where
 * it finds none, the plan goes on at SKIP (past its deeper ones). */
struct walk_step {
	const uint64_t *bits;
	uint32_t depth, skip;
	int reach;
};

/* The long terms not walked, the highest upper first (then fit).  Any
 * order finds the same partners; this one ends most ways soonest. */
static int
walk_reach_cmp(const void *x, const void *y)
{
	const struct walk_long *p = x, *q = y;

	if (p->upper != q->upper)
		return p->upper > q->upper ? -1 : 1;
	return (p->fit < q->fit) - (p->fit > q->fit);
}

/* walk_reach's plan: what it searched so far. */
struct walk_plan {
	const struct walk_long *p;	/* the long terms, sorted */
	const double *suf, *suf_fit;	/* what P adds from each on */
	double floor, floor_fit;
	double max, max_fit;	/* the most those left out add up to */
};

/* Those holding none of P from the J-th on add up to UB and FIT: the
 * most they could, kept if they cannot reach a floor.  Can they? */
static int
walk_plan_reach(struct walk_plan *pl, size_t j, double ub, double fit)
{
	ub += pl->suf[j];
	fit += pl->suf_fit[j];
	if (ub >= pl->floor || fit >= pl->floor_fit)
		return 1;
	if (ub > pl->max)
		pl->max = ub;
	if (fit > pl->max_fit)
		pl->max_fit = fit;
	return 0;
}

/*
 * The steps (struct walk_step) that find, among those who hold what the
 * steps up to DEPTH hold (UB and FIT added up), who reach a floor by the
 * terms from the J-th on: holding term j is a step one deeper (a step
 * that reaches is the last on its way); not holding it, the next term at
 * this depth.  Ways that cannot reach are left out.  Returns how many
 * steps reach, or -1 past WALK_PLAN_STEPS.
 */
static int
walk_plan(struct walk *w, struct walk_plan *pl, size_t j, double ub,
    double fit, uint32_t depth)
{
	struct walk_step *st;
	size_t at;
	int found = 0, n;

	for (; walk_plan_reach(pl, j, ub, fit); j++) {
		if ((at = w->nsteps) == WALK_PLAN_STEPS)
			return -1;
		st = &w->steps[w->nsteps++];
		*st = (struct walk_step){ pl->p[j].bits, depth + 1, 0, 0 };
		if (ub + pl->p[j].upper >= pl->floor ||
		    fit + pl->p[j].fit >= pl->floor_fit) {
			st->reach = 1;
			n = 1;
		} else if ((n = walk_plan(w, pl, j + 1, ub + pl->p[j].upper,
		    fit + pl->p[j].fit, depth + 1)) < 0)
			return -1;
		if (n == 0)
			w->nsteps = at;
		else
			w->steps[at].skip = (uint32_t)w->nsteps;
		found += n;
	}
	return found;
}

/* Meet those of block WD (WALK_BLOCK words from word WD on) in MASK whom
 * the plan's steps find. */
static void
walk_reach_block(struct walk *w, size_t wd, const uint64_t *mask)
{
	const struct walk_step *st = w->steps;
	uint64_t (*m)[WALK_BLOCK] = w->masks, got[WALK_BLOCK] = { 0 };
	uint64_t x[WALK_BLOCK], any, bit;
	size_t i = 0, k;
	uint32_t id;

	memcpy(m[0], mask, sizeof m[0]);
	while (i < w->nsteps) {
		any = 0;
		for (k = 0; k < WALK_BLOCK; k++) {
			x[k] = m[st[i].depth - 1][k] & st[i].bits[wd + k];
			any |= x[k];
		}
		if (any == 0 || st[i].reach) {
			for (k = 0; k < WALK_BLOCK; k++)
				got[k] |= x[k];
			i = st[i].skip;
			continue;
		}
		memcpy(m[st[i++].depth], x, sizeof x);
	}
	for (k = 0; k < WALK_BLOCK; k++) {
		w->seen[wd + k] |= got[k];
		for (; got[k] != 0; got[k] &= got[k] - 1) {
			bit = (uint64_t)__builtin_ctzll(got[k]);
			id = (uint32_t)((wd + k) * 64 + bit);
			w->nmet = walk_meet(w, w->nmet, id);
		}
	}
}

int
walk_reach(struct walk *w, double floor, double floor_fit)
{
	size_t np = w->nterms - w->next, j, k, wd, words = (w->n + 63) / 64;
	struct walk_long *p;
	const struct walk_probe *q = w->probe + (w->next - w->first_long);
	struct walk_plan pl = { NULL, NULL, NULL, floor, floor_fit, 0, 0 };
	uint64_t mask[WALK_BLOCK], any;

	if (np == 0 || w->reached || !(floor > 0) || !(floor_fit > 0))
		return -1;
	if (np + 2 > w->rcap) {
		w->rcap = 2 * np + 2;
		w->sorted = xreallocarray(w->sorted, w->rcap,
		    sizeof *w->sorted);
		w->suf = xreallocarray(w->suf, 2 * w->rcap, sizeof *w->suf);
		w->masks = xreallocarray(w->masks, w->rcap,
		    sizeof(uint64_t[WALK_BLOCK]));
	}
	if (w->steps == NULL)
		w->steps = xcalloc(WALK_PLAN_STEPS, sizeof *w->steps);
	p = w->sorted;
	pl.p = p;
	pl.suf = w->suf;
	pl.suf_fit = w->suf + np + 1;
	for (j = 0; j < np; j++)
		p[j] = (struct walk_long){ q[j].bits, q[j].upper, q[j].fit };
	qsort(p, np, sizeof *p, walk_reach_cmp);
	w->suf[np] = w->suf[2 * np + 1] = 0;
	for (j = np; j-- > 0;) {
		w->suf[j] = w->suf[j + 1] + p[j].upper;
		w->suf[np + 1 + j] = w->suf[np + 2 + j] + p[j].fit;
	}
	w->nsteps = 0;
	if (walk_plan(w, &pl, 0, 0, 0, 0) < 0)
		return -1;
	for (wd = 0; wd < words; wd += WALK_BLOCK) {
		any = 0;
		for (k = 0; k < WALK_BLOCK; k++) {
			/* those past the event are not */
			mask[k] = wd + k < w->n / 64 ? ~w->seen[wd + k] :
			    wd + k == w->n / 64 ? ~w->seen[wd + k] &
			    (((uint64_t)1 << (w->n % 64)) - 1) : 0;
			any |= mask[k];
		}
		if (any != 0)
			walk_reach_block(w, wd, mask);
	}
	w->reached = 1;
	w->reach_ub = pl.max;
	w->reach_fit = pl.max_fit;
	return 0;
}
