/*
 * walk_internal.h -- what walk.c and walk_reach.c share of the walk
 * (walk.h): the bitmaps' layout, meeting a partner, and the long terms
 * as probed.
 */
#ifndef MINGLE_WALK_INTERNAL_H
#define MINGLE_WALK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "walk.h"

/* walk_reach takes the bitmaps this many words at a time: each bitmap
 * (and the walk's own of those met) holds whole blocks. */
#define WALK_BLOCK	4

/* Words in a bitmap of N attendees. */
static inline size_t
walk_words(size_t n)
{
	return (n / 64 / WALK_BLOCK + 1) * WALK_BLOCK;
}

/* Meet ID, the NMET-th met: nothing added up for it yet.  Returns how
 * many are met now.  (Its bit in W->seen is the caller's.) */
static inline size_t
walk_meet(struct walk *w, size_t nmet, uint32_t id)
{
	w->part[id] = w->bonus[id] = 0;
	w->at[id] = (uint32_t)nmet;
	w->met[nmet] = id;
	return nmet + 1;
}

/* A long term as walk_ub() probes it. */
struct walk_probe {
	const uint64_t *bits;
	double upper;		/* what a holder adds at most */
	double fit;		/* ... without group bonuses */
	/* With weights: per word of BITS the holders before it, so a
	 * holder's place in Q; it adds STEP times its Q, and to its fit
	 * too if FIT_TOO.  RANK NULL: UPPER. */
	const uint32_t *rank;
	const uint8_t *q;
	double step;
	double fit_too;
};

#endif
