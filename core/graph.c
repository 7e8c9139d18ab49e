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
static size_t	graph_canonical(struct graph *, struct edge *, size_t);
static void	graph_order(struct graph *);

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
		if (!g->active[e[i].a] || !g->active[e[i].b])
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
	uint32_t ra, rb;
	size_t k;

	key = xcalloc(g->nedges + 1, sizeof *key);
	for (k = 0; k < g->nedges; k++) {
		ra = g->rank[g->edges[k].a];
		rb = g->rank[g->edges[k].b];
		key[k].hi = ~keysort_double(g->edges[k].w);
		key[k].lo = ra < rb ? (uint64_t)ra << 32 | rb :
		    (uint64_t)rb << 32 | ra;
		key[k].id = (uint32_t)k;
	}
	keysort(key, g->nedges);
	g->order = xcalloc(g->nedges + 1, sizeof *g->order);
	for (k = 0; k < g->nedges; k++)
		g->order[k] = key[k].id;
	free(key);
}

void
graph_finish(struct graph *g, struct edge *edges, size_t nedges)
{
	struct progress pr;
	char what[80];
	uint32_t *fill, v, k;
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

	g->adj_off = xcalloc(g->n + 1, sizeof *g->adj_off);
	for (i = 0; i < nedges; i++) {
		g->adj_off[edges[i].a + 1]++;
		g->adj_off[edges[i].b + 1]++;
	}
	for (i = 0; i < g->n; i++)
		g->adj_off[i + 1] += g->adj_off[i];
	/* Each list best first, as the order is. */
	g->adj = xcalloc(2 * nedges, sizeof *g->adj);
	fill = xcalloc(g->n, sizeof *fill);
	for (i = 0; i < nedges; i++) {
		k = g->order[i];
		v = edges[k].a;
		g->adj[g->adj_off[v] + fill[v]++] = k;
		v = edges[k].b;
		g->adj[g->adj_off[v] + fill[v]++] = k;
	}
	free(fill);
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

void
graph_add_edges(struct graph *g, const struct edge *extra, size_t n)
{
	struct edge *all;

	all = xcalloc(g->nedges + n + 1, sizeof *all);
	if (g->nedges > 0)
		memcpy(all, g->edges, g->nedges * sizeof *all);
	if (n > 0)
		memcpy(all + g->nedges, extra, n * sizeof *all);
	free(g->edges);
	free(g->order);
	free(g->adj_off);
	free(g->adj);
	g->edges = NULL;
	g->order = g->adj_off = g->adj = NULL;
	graph_finish(g, all, g->nedges + n);
}

long
graph_find_edge(const struct graph *g, uint32_t a, uint32_t b)
{
	size_t lo = 0, hi = g->nedges, mid;
	uint32_t t;

	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (g->edges[mid].a < a || (g->edges[mid].a == a &&
		    g->edges[mid].b < b))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->nedges && g->edges[lo].a == a && g->edges[lo].b == b)
		return (long)lo;
	return -1;
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
