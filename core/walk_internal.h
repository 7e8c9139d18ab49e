/*
 * walk_internal.h -- what walk.c and walk_reach.c share of the walk
 * (walk.h): A's terms as the walk keeps them, and the bitmaps' layout.
 */
#ifndef MINGLE_WALK_INTERNAL_H
#define MINGLE_WALK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* walk_reach takes the bitmaps this many words at a time: each bitmap
 * (and the walk's own of those met) holds whole blocks. */
#define WALK_BLOCK	4

/* Words in a bitmap of N attendees. */
static inline size_t
walk_words(size_t n)
{
	return (n / 64 / WALK_BLOCK + 1) * WALK_BLOCK;
}

/* One of A's terms, as a strategy gave it, times its weight. */
struct walk_term {
	const uint32_t *ids;
	const float *weight;
	uint32_t n;
	uint32_t group;		/* its vector's, or its strategy's */
	int unit;		/* the group is a unit vector */
	int bonus;		/* its strategy gives group bonuses */
	double gain, upper;
	const uint64_t *bits;	/* a long term's holders; NULL: short */
	size_t order;		/* as given: the last tie-break */
};

/* A long term as walk_ub() probes it. */
struct walk_probe {
	const uint64_t *bits;
	double upper;		/* what a holder adds */
	double fit;		/* ... without group bonuses */
};

#endif
