/*
 * graph.h -- the scored candidate graph the engine hands to assigners.
 *
 * Sparse: per attendee at most `candidates` best partners are kept (an edge
 * is kept if it is among the best of either end).  No N x N matrix, ever.
 * Edge weights are combined pair scores, always > min_score; vetoed pairs
 * are never edges.  Every counted attendee is a node, 0..n-1, the same
 * numbering as the attendee table; attendees without consent have no edges
 * and active[i] == 0.
 */
#ifndef MINGLE_GRAPH_H
#define MINGLE_GRAPH_H

#include <stddef.h>
#include <stdint.h>

struct edge {
	uint32_t a, b;		/* a < b */
	double w;
};

/* Why an attendee may have no partner: counted over all pairs scored. */
/* Over every pair; with the candidate stage (graph.stats_scored), over
 * the pairs a's row scored, every other pair counted low. */
struct node_stats {
	uint32_t positive;	/* partners scoring above min_score */
	uint32_t vetoed;	/* partners vetoed */
	uint32_t low;		/* partners scoring at or below min_score */
};

struct graph {
	size_t n;
	unsigned char *active;	/* 1 if the attendee takes part */
	struct edge *edges;	/* sorted by (a, b) */
	size_t nedges;
	/* adjacency: node i's edges are adj[adj_off[i] .. adj_off[i+1]),
	 * indices into edges, sorted by weight desc then other end's rank */
	uint32_t *adj_off;
	uint32_t *adj;
	struct node_stats *stats;
	/* rank[i]: tie-break order of attendee i (by id); lower first.  A
	 * permutation of 0..n-1: no two attendees share a rank. */
	uint32_t *rank;
	/* Vetoed pairs (a < b, w = 0), as the engine met them, or NULL:
	 * all of them unless vetoes_partial (then the first ones only).
	 * Owned by the graph; graph_finish() leaves them alone. */
	struct edge *vetoes;
	size_t nvetoes;
	int vetoes_partial;
	int stats_scored;	/* stats count the pairs the candidate stage
				 * scored (engine.c) */
};

/*
 * Build adjacency and order edges; takes ownership of EDGES.  Set n, and
 * optionally active, stats and rank (all malloc'ed, owned by the graph)
 * first; any left NULL is filled in: everyone active, rank[i] = i, stats
 * positive = degree.  Edges are oriented a < b; loops, duplicate pairs
 * (the heavier is kept) and edges touching an inactive node are dropped.
 * graph_free() frees every array and zeroes G.
 */
void graph_finish(struct graph *g, struct edge *edges, size_t nedges);
void graph_free(struct graph *g);

/* The active nodes in rank order, in *NODES (malloc'ed, room for g->n,
 * the caller frees it); returns how many there are. */
size_t graph_active_by_rank(const struct graph *g, uint32_t **nodes);

/* The other end of edge E seen from node V. */
static inline uint32_t
graph_other(const struct edge *e, uint32_t v)
{
	return e->a == v ? e->b : e->a;
}

#endif
