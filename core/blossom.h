/*
 * blossom.h -- maximum-weight matching in a general graph (Edmonds'
 * blossom algorithm with dual variables).
 *
 * Integer weights only: all dual arithmetic is exact, so the result is a
 * true optimum and the same input always gives the same matching.
 * Callers with real-valued scores scale and round them first (see
 * assign_pairs.c).
 */
#ifndef MINGLE_BLOSSOM_H
#define MINGLE_BLOSSOM_H

#include <stddef.h>
#include <stdint.h>

#include "progress.h"

#define BLOSSOM_NONE UINT32_MAX

/* Largest weight accepted; duals stay within a few times this. */
#define BLOSSOM_MAX_WEIGHT ((int64_t)1 << 50)

struct blossom_edge {
	uint32_t a, b;		/* a != b, both < n */
	int64_t w;		/* 0 < w <= BLOSSOM_MAX_WEIGHT; others ignored */
};

/*
 * A matching of maximum total weight (not necessarily of maximum size).
 * MATE has N entries; on return mate[v] is v's partner or BLOSSOM_NONE.
 * Each pair of vertices may appear in at most one edge.  Returns the
 * matching's total weight.  Ties between optimal matchings are broken by
 * the order of vertices and edges, so equal input gives equal output.
 */
int64_t blossom_match(uint32_t n, const struct blossom_edge *edges,
    size_t nedges, uint32_t *mate);

/* The units of a match's progress: thousandths of the way. */
#define BLOSSOM_PROGRESS 1000

/* blossom_match() reporting how far it is to PR (started with a total of
 * BLOSSOM_PROGRESS; may be NULL): the unmatched vertices' duals fall
 * from the heaviest weight to zero at the latest. */
int64_t blossom_match_progress(uint32_t n, const struct blossom_edge *edges,
    size_t nedges, uint32_t *mate, struct progress *pr);

#endif
