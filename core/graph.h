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
	/* order: every edge index, the heaviest first, equal weights by
	 * the lower rank of their ends, then the higher.  adjacency: node
	 * i's edges are adj[adj_off[i] .. adj_off[i+1]), indices into edges
	 * in that order, which for one node is weight desc, then the other
	 * end's rank. */
	uint32_t *order;
	uint32_t *adj_off;
	uint32_t *adj;
	/* edge_off: the edges {a, b} of lower end a are edges[edge_off[a]
	 * .. edge_off[a+1]), by b (graph_find_edge searches there) */
	uint32_t *edge_off;
	struct node_stats *stats;
	/* rank[i]: tie-break order of attendee i (by id); lower first.  A
	 * permutation of 0..n-1: no two attendees share a rank. */
	uint32_t *rank;
	/* mode = meetings: node i may meet in slot s (1-based) if bit s - 1
	 * of free_slots[i * slot_words ...] is set; NULL: in every slot.
	 * Set by the caller (availability.h), freed by graph_free(). */
	uint64_t *free_slots;
	size_t slot_words;
	/* Vetoed pairs (a < b, w = 0), as the engine met them, or NULL:
	 * all of them unless vetoes_partial (then the first ones only).
	 * Owned by the graph; graph_finish() leaves them alone. */
	struct edge *vetoes;
	size_t nvetoes;
	int vetoes_partial;
	/* 1 if every pair of active nodes was scored and vetoes holds each
	 * vetoed one (not partial), sorted by (a, b): then a pair is vetoed
	 * exactly when it is listed, and the modes need not ask. */
	int vetoes_complete;

	/*
	 * Limits (bounds.c); each NULL (nquota 0) when nothing asks for
	 * it, and every mode honours what is set (docs/modes.md).
	 *
	 * cap[i]: the most introductions node i may get in suggestions,
	 * min(max_per_attendee, its per_attendee_column cell); 0 = opted
	 * out, and then active[i] == 0.
	 *
	 * quota_max[q * n + i]: the most of node i's introductions that
	 * may be edges with bit q of quota[] set, UINT32_MAX for no limit;
	 * quota[k]: bit q set if quota strategy q scores edge k above 0.
	 * (A quota of 0 never shows here: the engine vetoes such pairs.)
	 *
	 * pinned[k]: 1 if edge k must be introduced (a strategy's pin);
	 * every pinned pair is an edge, whatever its weight.
	 *
	 * All are per edge index: set them after the last graph_finish()
	 * or graph_add_edges(), which reorder edges.
	 */
	uint32_t *cap;
	uint8_t *quota;
	uint32_t nquota;	/* at most GRAPH_MAX_QUOTA */
	uint32_t *quota_max;
	unsigned char *pinned;
	/* start[k]: 1 if the assignment of this graph before edges were
	 * added to it chose edge k (topup.c): suggestions begin from those,
	 * and may drop them.  NULL: from nothing.  Per edge, as above. */
	unsigned char *start;

	/* The quota bits of a pair that is no edge, for the modes that
	 * seat non-edges together (assign_ctx_quota() asks, once a pair):
	 * returns 0, or nonzero with *cause set.  NULL: such pairs have
	 * none.  QUOTA_CTX (not owned) must outlive the graph. */
	int (*quota_of)(void *quota_ctx, uint32_t a, uint32_t b,
	    unsigned *bits, char **cause);
	void *quota_ctx;

	int stats_scored;	/* stats count the pairs the candidate stage
				 * scored (engine.c) */
	int progress;		/* the modes report long searches on
				 * stderr (progress.h) */
};

/* Quota strategies a graph can tell apart (bits of graph.quota). */
#define GRAPH_MAX_QUOTA	8

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

/* Add N edges (copied) to a finished graph: the graph graph_finish()
 * would build from all of them, in time linear in the edges it has (the
 * new ones sorted).  An edge already there keeps the heavier weight.
 * Per-edge arrays (quota, pinned, start) must not be set yet. */
void graph_add_edges(struct graph *g, const struct edge *extra, size_t n);

/* The index of edge {a, b} (either order), or -1 if it is none: a
 * search among the edges of the lower end only. */
long graph_find_edge(const struct graph *g, uint32_t a, uint32_t b);

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
