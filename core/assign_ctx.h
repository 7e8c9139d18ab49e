/*
 * assign_ctx.h -- what the modes (assign_*.c, seating*.c) know about any
 * pair: edge weights, vetoes and scores, with the oracle's answers
 * cached.  Not for the rest of mingle; see assign.h for the interface.
 *
 * Layering: assign.c calls the modes, the modes call this, and this
 * calls nothing above it.
 */
#ifndef MINGLE_ASSIGN_CTX_H
#define MINGLE_ASSIGN_CTX_H

#include <stddef.h>
#include <stdint.h>

#include "assign.h"
#include "assignment.h"
#include "pairmap.h"

struct assign_ctx {
	const struct graph *g;
	const struct config_match *m;
	const struct pair_oracle *oracle;	/* may be NULL */
	struct pairmap asked;	/* the oracle's answers about non-edges */
	struct pairmap veto_asked;	/* oracle.veto's: veto 1, 0 or -1 if
					   it failed */
	struct pairmap quota_asked;	/* graph.quota_of's answers: count
					   = bits, veto = -1 if it failed */
	unsigned char *limited;	/* per node: some quota is finite */
	size_t ncalls;		/* oracle calls made */
	size_t nveto_calls;	/* and of its veto function */
};

/* G, M and ORACLE must outlive C; an ORACLE without a pair function
 * counts as none.  assign_ctx_free() releases C. */
void assign_ctx_init(struct assign_ctx *c, const struct graph *g,
    const struct config_match *m, const struct pair_oracle *oracle);
void assign_ctx_free(struct assign_ctx *c);

/* The weight of edge {a, b}, or 0 if it is not an edge. */
double assign_ctx_weight(const struct assign_ctx *c, uint32_t a, uint32_t b);

/* 1 if {a, b} is a pinned edge (graph.h), else 0. */
int assign_ctx_pinned(const struct assign_ctx *c, uint32_t a, uint32_t b);

/*
 * The quota bits (graph.h) of any pair {a, b}: an edge's own; for a
 * non-edge graph.quota_of's (asked once), or 0 without it or when
 * neither end has a finite quota.  Returns 0, or nonzero with *cause
 * set.
 */
int assign_ctx_quota(struct assign_ctx *c, uint32_t a, uint32_t b,
    unsigned *bits, char **cause);

/*
 * May A and B sit together?  Edges never carry a veto.  For a non-edge
 * the oracle is asked (once) only when both have stats.vetoed > 0, since
 * a vetoed pair counts for both ends, and the graph's list of vetoed
 * pairs is not complete (graph.vetoes_complete: then it answers, and
 * the oracle is never asked); its veto function, where it has one, is
 * asked rather than the whole pair; without an oracle nothing is vetoed.
 * Returns 0 and sets *veto, or nonzero with *cause set.
 */
int assign_ctx_vetoed(struct assign_ctx *c, uint32_t a, uint32_t b,
    int *veto, char **cause);

/* For messages: why A and B are vetoed ("strategy colleagues: same
 * domain x.de"), or "" where the oracle cannot say, into BUF. */
void assign_ctx_veto_reason(const struct assign_ctx *c, uint32_t a,
    uint32_t b, char *buf, size_t len);

/* For messages: what to call A, the oracle's label (its id), else
 * "attendee N" written into BUF. */
const char *assign_ctx_label(const struct assign_ctx *c, uint32_t a,
    char *buf, size_t len);

/* The score to write out for A and B seated together: the edge weight,
 * else the oracle's score (asked once), else 0.  Returns 0, or nonzero
 * with *cause set. */
int assign_ctx_score(struct assign_ctx *c, uint32_t a, uint32_t b,
    double *score, char **cause);

/*
 * For modes with tables, once OUT->seats is filled: one intro for every
 * pair seated at the same table in the same round (round 0 unless
 * out->has_rounds), scored with assign_ctx_score(); a seat with table 0
 * introduces nobody (coverage.c reports it).  Sorts seats and intros.
 * Returns 0, or nonzero with *cause set.
 */
int assign_ctx_introduce_seated(struct assign_ctx *c, struct assignment *out,
    char **cause);

#endif
