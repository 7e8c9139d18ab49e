/*
 * graph.c -- finish the engine's candidate graph: canonical edges and
 * per-node adjacency in preference order (see graph.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "keysort.h"
#include "progress.h"
#include "util.h"

static void	graph_defaults(struct graph *);
static void	graph_sort_by(const struct edge *, struct edge *, size_t,
		    size_t, int);
static int	graph_edge_active(const struct graph *, const struct edge *);
static size_t	graph_canonical(struct graph *, struct edge *, size_t);
static struct keysort_item	graph_key(const struct graph *, uint32_t);
static void	graph_order(struct graph *);
static void	graph_adjacency(struct graph *);
static int	graph_before(const struct keysort_item *,
		    const struct keysort_item *);
static size_t	graph_merge(const struct graph *, const struct edge *,
		    size_t, struct edge *, uint32_t *, uint32_t *, size_t *);
static void	graph_order_merge(struct graph *, const uint32_t *, size_t,
		    const uint32_t *, const uint32_t *, size_t);

/* Fill what the caller left NULL: everyone active, rank = index, and
 * stats counted from the edges alone. */
static void
graph_defaults(struct graph *g)
{
	size_t i;

	if (g->active == NULL) {
		g->active = xmalloc(g->n ? g->n : 1);
		memset(g->active, 1, g->n);
	}
	if (g->rank == NULL) {
		g->rank = xcalloc(g->n, sizeof *g->rank);
		for (i = 0; i < g->n; i++)
			g->rank[i] = (uint32_t)i;
	}
}

/* Stable counting sort of the N edges FROM into TO by end A (END 0) or B,
 * for nodes below NODES. */
static void
graph_sort_by(const struct edge *from, struct edge *to, size_t n,
    size_t nodes, int end)
{
	size_t *at = xcalloc(nodes + 1, sizeof *at), i, v;

	for (i = 0; i < n; i++)
		at[(end == 0 ? from[i].a : from[i].b) + 1]++;
	for (v = 0; v < nodes; v++)
		at[v + 1] += at[v];
	for (i = 0; i < n; i++)
		to[at[end == 0 ? from[i].a : from[i].b]++] = from[i];
	free(at);
}

/* Whether both ends of E are active. */
static int
graph_edge_active(const struct graph *g, const struct edge *e)
{
	return g->active[e->a] && g->active[e->b];
}

/* Orient every edge a < b, drop loops, edges touching an inactive or
 * unknown node, and duplicate pairs, keeping the heaviest; sort by (a, b)
 * in two counting passes.  Returns the count. */
static size_t
graph_canonical(struct graph *g, struct edge *e, size_t ne)
{
	struct edge *tmp;
	size_t i, k = 0;
	uint32_t t;

	for (i = 0; i < ne; i++) {
		if (e[i].a > e[i].b) {
			t = e[i].a;
			e[i].a = e[i].b;
			e[i].b = t;
		}
		if (e[i].a == e[i].b || e[i].b >= g->n)
			continue;
		if (!graph_edge_active(g, &e[i]))
			continue;
		e[k++] = e[i];
	}
	if (k > 1) {
		tmp = xcalloc(k, sizeof *tmp);
		graph_sort_by(e, tmp, k, g->n, 1);
		graph_sort_by(tmp, e, k, g->n, 0);
		free(tmp);
	}
	ne = k;
	for (i = k = 0; i < ne; i++) {
		if (k > 0 && e[k - 1].a == e[i].a && e[k - 1].b == e[i].b) {
			if (e[i].w > e[k - 1].w)
				e[k - 1].w = e[i].w;
			continue;
		}
		e[k++] = e[i];
	}
	return k;
}

/* Edge K's key in G->order: heavier first, then the lower pair of its
 * ends' ranks. */
static struct keysort_item
graph_key(const struct graph *g, uint32_t k)
{
	uint32_t ra = g->rank[g->edges[k].a], rb = g->rank[g->edges[k].b];

	return (struct keysort_item){ ~keysort_double(g->edges[k].w),
	    ra < rb ? (uint64_t)ra << 32 | rb : (uint64_t)rb << 32 | ra, k };
}

/*
 * G->order (graph.h), by a key per edge (keysort.h).  Restricted to one
 * node's edges it is the node's preference order: of two edges of equal
 * weight, the one whose other end has the lower rank has the lower pair
 * of ranks, whichever rank the node itself has.
 */
static void
graph_order(struct graph *g)
{
	struct keysort_item *key;
	size_t k;

	key = xcalloc(g->nedges + 1, sizeof *key);
	for (k = 0; k < g->nedges; k++)
		key[k] = graph_key(g, (uint32_t)k);
	keysort(key, g->nedges);
	g->order = xcalloc(g->nedges + 1, sizeof *g->order);
	for (k = 0; k < g->nedges; k++)
		g->order[k] = key[k].id;
	free(key);
}

/* G->adj_off and G->adj from G's edges and order: each node's list best
 * first, as the order is; and G->edge_off, where each node's edges as
 * their lower end begin. */
static void
graph_adjacency(struct graph *g)
{
	const struct edge *e = g->edges;
	uint32_t *fill, v, k;
	size_t i;

	g->adj_off = xcalloc(g->n + 1, sizeof *g->adj_off);
	g->edge_off = xcalloc(g->n + 1, sizeof *g->edge_off);
	for (i = 0; i < g->nedges; i++) {
		g->adj_off[e[i].a + 1]++;
		g->adj_off[e[i].b + 1]++;
		g->edge_off[e[i].a + 1]++;
	}
	for (i = 0; i < g->n; i++) {
		g->adj_off[i + 1] += g->adj_off[i];
		g->edge_off[i + 1] += g->edge_off[i];
	}
	g->adj = xcalloc(2 * g->nedges + 1, sizeof *g->adj);
	fill = xcalloc(g->n + 1, sizeof *fill);
	for (i = 0; i < g->nedges; i++) {
		k = g->order[i];
		v = e[k].a;
		g->adj[g->adj_off[v] + fill[v]++] = k;
		v = e[k].b;
		g->adj[g->adj_off[v] + fill[v]++] = k;
	}
	free(fill);
}

void
graph_finish(struct graph *g, struct edge *edges, size_t nedges)
{
	struct progress pr;
	char what[80];
	size_t i;

	/* three passes over the pairs; about 2 s at 100,000 attendees */
	snprintf(what, sizeof what, "building the graph (%zu partners kept)",
	    nedges);
	progress_start(&pr, g->progress, what, 3);
	graph_defaults(g);
	nedges = graph_canonical(g, edges, nedges);
	g->edges = edges;
	g->nedges = nedges;
	progress_update(&pr, 1);
	graph_order(g);
	progress_update(&pr, 2);

	graph_adjacency(g);
	progress_end(&pr);

	if (g->stats == NULL) {
		g->stats = xcalloc(g->n, sizeof *g->stats);
		for (i = 0; i < g->n; i++)
			g->stats[i].positive = g->adj_off[i + 1] - g->adj_off[i];
	}
}

void
graph_free(struct graph *g)
{
	free(g->active);
	free(g->edges);
	free(g->order);
	free(g->adj_off);
	free(g->adj);
	free(g->edge_off);
	free(g->stats);
	free(g->rank);
	free(g->free_slots);
	free(g->vetoes);
	free(g->cap);
	free(g->quota);
	free(g->quota_max);
	free(g->pinned);
	free(g->start);
	memset(g, 0, sizeof *g);
}

/* Whether key X comes before key Y in G->order: by (hi, lo), then the
 * edges' indices, as keysort keeps equal keys. */
static int
graph_before(const struct keysort_item *x, const struct keysort_item *y)
{
	if (x->hi != y->hi)
		return x->hi < y->hi;
	if (x->lo != y->lo)
		return x->lo < y->lo;
	return x->id < y->id;
}

/*
 * Merge G's edges (canonical) with the canonical EXTRA (N) into ALL, as
 * graph_canonical() would the union: by (a, b), a pair in both with the
 * heavier weight.  MAP[k] gets old edge k's index, or UINT32_MAX if it
 * is gone (an end no longer active) or heavier now; FRESH the indices
 * of the edges whose place in the order is not known (new or heavier).
 * Returns how many edges ALL has; *NFRESH how many are fresh.
 */
static size_t
graph_merge(const struct graph *g, const struct edge *extra, size_t n,
    struct edge *all, uint32_t *map, uint32_t *fresh, size_t *nfresh)
{
	const struct edge *old = g->edges;
	size_t i = 0, j = 0, k = 0;
	int c;

	*nfresh = 0;
	while (i < g->nedges || j < n) {
		if (i < g->nedges && !graph_edge_active(g, &old[i])) {
			map[i++] = UINT32_MAX;
			continue;
		}
		c = i == g->nedges ? 1 : j == n ? -1 :
		    old[i].a != extra[j].a ? (old[i].a < extra[j].a ? -1 : 1) :
		    old[i].b != extra[j].b ? (old[i].b < extra[j].b ? -1 : 1) :
		    0;
		if (c < 0 || (c == 0 && !(extra[j].w > old[i].w))) {
			map[i] = (uint32_t)k;
			all[k++] = old[i++];
			j += c == 0;
			continue;
		}
		if (c == 0)
			map[i++] = UINT32_MAX;
		fresh[(*nfresh)++] = (uint32_t)k;
		all[k++] = extra[j++];
	}
	return k;
}

/*
 * G->order for its merged edges: the old order, mapped (MAP), merged
 * with the NFRESH FRESH ones sorted by their keys.  Linear in the edges
 * but for the sort of the fresh ones.
 */
static void
graph_order_merge(struct graph *g, const uint32_t *old_order, size_t nold,
    const uint32_t *map, const uint32_t *fresh, size_t nfresh)
{
	struct keysort_item *key, old;
	size_t i = 0, j = 0, k = 0;

	key = xcalloc(nfresh + 1, sizeof *key);
	for (j = 0; j < nfresh; j++)
		key[j] = graph_key(g, fresh[j]);
	keysort(key, nfresh);
	g->order = xcalloc(g->nedges + 1, sizeof *g->order);
	for (j = 0; i < nold; i++) {
		if (map[old_order[i]] == UINT32_MAX)
			continue;
		/* the old edge's key, made once; the fresh ones' are sorted */
		old = graph_key(g, map[old_order[i]]);
		while (j < nfresh && graph_before(&key[j], &old))
			g->order[k++] = key[j++].id;
		g->order[k++] = old.id;
	}
	while (j < nfresh)
		g->order[k++] = key[j++].id;
	free(key);
}

/*
 * The union's graph as graph_finish() would build it, but the edges and
 * the order merged rather than sorted again: topup.c adds a few hundred
 * thousand pairs to millions (issue 10's shared_tags run at 100,000:
 * 1.1 to 2.0 s a pass to build it anew).
 */
void
graph_add_edges(struct graph *g, const struct edge *extra, size_t n)
{
	struct progress pr;
	struct edge *more, *all;
	uint32_t *map, *fresh, *old_order = g->order;
	size_t nmore, nfresh, nold = g->nedges;
	char what[80];

	snprintf(what, sizeof what, "building the graph (%zu partners kept)",
	    g->nedges + n);
	progress_start(&pr, g->progress, what, 3);
	more = xcalloc(n + 1, sizeof *more);
	if (n > 0)
		memcpy(more, extra, n * sizeof *more);
	nmore = graph_canonical(g, more, n);
	all = xcalloc(g->nedges + nmore + 1, sizeof *all);
	map = xcalloc(g->nedges + 1, sizeof *map);
	fresh = xcalloc(nmore + 1, sizeof *fresh);
	nmore = graph_merge(g, more, nmore, all, map, fresh, &nfresh);
	free(more);
	free(g->edges);
	g->edges = all;
	g->nedges = nmore;
	progress_update(&pr, 1);
	graph_order_merge(g, old_order, nold, map, fresh, nfresh);
	free(old_order);
	free(map);
	free(fresh);
	progress_update(&pr, 2);
	free(g->adj_off);
	free(g->adj);
	free(g->edge_off);
	graph_adjacency(g);
	progress_end(&pr);
}

/* Without branches in the search: the modes with tables ask mostly
 * about pairs that are no edge, and a branch on each step would be a
 * guess. */
long
graph_find_edge(const struct graph *g, uint32_t a, uint32_t b)
{
	uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
	const struct edge *e;
	size_t n, half;

	if (lo == hi || hi >= g->n)
		return -1;
	e = g->edges + g->edge_off[lo];
	if ((n = g->edge_off[lo + 1] - g->edge_off[lo]) == 0)
		return -1;
	/* the last edge of LO's below HI, or its first */
	while (n > 1) {
		half = n / 2;
		e = e[half - 1].b < hi ? e + half : e;
		n -= half;
	}
	return e->b == hi ? (long)(e - g->edges) : -1;
}

size_t
graph_active_by_rank(const struct graph *g, uint32_t **nodes)
{
	uint32_t *v;
	size_t i, n = 0;

	/* rank is a permutation: its inverse is the order */
	v = xcalloc(g->n ? g->n : 1, sizeof *v);
	for (i = 0; i < g->n; i++)
		v[g->rank[i]] = (uint32_t)i;
	for (i = 0; i < g->n; i++)
		if (g->active[v[i]])
			v[n++] = v[i];
	*nodes = v;
	return n;
}
