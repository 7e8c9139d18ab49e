/*
 * assign_internal.h -- helpers shared by the assign_*.c modes (not for
 * the rest of mingle; see assign.h for the interface).
 */
#ifndef MINGLE_ASSIGN_INTERNAL_H
#define MINGLE_ASSIGN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "assign.h"
#include "pairmap.h"

/* What a mode needs to know about any pair, with answers cached. */
struct assign_ctx {
	const struct graph *g;
	const struct config_match *m;
	const struct pair_oracle *oracle;	/* may be NULL */
	struct pairmap edges;	/* graph edges: score = weight */
	struct pairmap asked;	/* the oracle's answers about non-edges */
	size_t ncalls;		/* oracle calls made */
};

void assign_ctx_init(struct assign_ctx *c, const struct graph *g,
    const struct config_match *m, const struct pair_oracle *oracle);
void assign_ctx_free(struct assign_ctx *c);

/* The weight of edge {a, b}, or 0 if it is not an edge. */
double assign_weight(const struct assign_ctx *c, uint32_t a, uint32_t b);

/*
 * May A and B sit together?  Edges never carry a veto.  For a non-edge
 * the oracle is asked (once) only when both have stats.vetoed > 0, since
 * a vetoed pair counts for both ends; without an oracle nothing is
 * vetoed.  Returns 0 and sets *veto, or nonzero with *cause set.
 */
int assign_vetoed(struct assign_ctx *c, uint32_t a, uint32_t b, int *veto,
    char **cause);

/* The score to write out for A and B seated together: the edge weight,
 * else the oracle's score (asked once), else 0. */
int assign_score(struct assign_ctx *c, uint32_t a, uint32_t b,
    double *score, char **cause);

/* Append an introduction (oriented so that a has the lower rank). */
void assign_add_intro(struct assignment *out, size_t *cap,
    const struct graph *g, uint32_t a, uint32_t b, double score,
    int32_t round, int32_t table);

/*
 * For modes with tables: one intro for every pair seated at the same
 * table in the same round (round 0 unless out->has_rounds), scored with
 * assign_score(), and a coverage
 * entry (SHORTFALL_LEFT_OUT) for every seat with table 0.  Sorts seats
 * and intros.  Returns 0, or nonzero with *cause set.
 */
int assign_from_seats(struct assign_ctx *c, struct assignment *out,
    char **cause);

/* Sort intros by (round, table, a's rank, score desc, b's rank) and seats
 * by (round, table, rank). */
void assign_sort(const struct graph *g, struct assignment *out);

#endif
