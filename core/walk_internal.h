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
 * (and the walk's own of those met) holds whole blocks.  A step of its
 * plan costs a branch and a copy besides its words, and a block where a
 * step finds nobody skips the steps below it.  Measured at 100,000
 * (perf, walk_reach's samples over those outside the walk): 0.29 with 4
 * words, 0.23 with 8, 0.19 with 16, 0.155 with 32, 0.16 with 64. */
#define WALK_BLOCK	32

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
	w->part[nmet] = w->bonus[nmet] = 0;
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
