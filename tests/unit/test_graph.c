/*
 * test_graph.c -- unit tests for core/graph.c: graph_add_edges() builds
 * the graph graph_finish() builds from the union of the edges, array for
 * array (edges, order, adjacency), on random graphs with what the
 * merge must get right: pairs in both (heavier, lighter, as heavy),
 * pairs twice among the new ones, loops, ends past the nodes, nodes no
 * longer active, equal weights (ties by rank), ranks not the identity
 * or shared (ties by edge), and nothing to add.  graph_find_edge()
 * against a scan of the edges, for every pair of a small graph.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "rng.h"
#include "tap.h"
#include "util.h"

/* A graph of N nodes, ranks shuffled (each SHARED times), none of it
 * finished. */
static void
graph_new(struct graph *g, size_t n, size_t shared, uint64_t seed)
{
	struct rng r;
	size_t i;

	memset(g, 0, sizeof *g);
	g->n = n;
	g->active = xmalloc(n);
	memset(g->active, 1, n);
	g->rank = xcalloc(n, sizeof *g->rank);
	for (i = 0; i < n; i++)
		g->rank[i] = (uint32_t)(i / shared);
	rng_seed(&r, seed);
	rng_shuffle32(&r, g->rank, n);
}

/* M random edges among N nodes, weights from a few values (ties), some
 * loops and some ends past N. */
static struct edge *
random_edges(struct rng *r, size_t n, size_t m)
{
	struct edge *e = xcalloc(m + 1, sizeof *e);
	size_t i;

	for (i = 0; i < m; i++) {
		e[i].a = (uint32_t)rng_below(r, n);
		e[i].b = rng_below(r, 50) == 0 ? (uint32_t)n :
		    rng_below(r, 40) == 0 ? e[i].a : (uint32_t)rng_below(r, n);
		e[i].w = (double)rng_below(r, 7) / 4;
	}
	return e;
}

/* How many entries of the arrays of A and B differ (or 1 + the
 * difference in size). */
static size_t
graph_differ(const struct graph *a, const struct graph *b)
{
	size_t i, bad = 0;

	if (a->nedges != b->nedges)
		return 1 + (a->nedges > b->nedges ? a->nedges - b->nedges :
		    b->nedges - a->nedges);
	for (i = 0; i < a->nedges; i++) {
		bad += a->edges[i].a != b->edges[i].a ||
		    a->edges[i].b != b->edges[i].b ||
		    memcmp(&a->edges[i].w, &b->edges[i].w, sizeof a->edges[i].w)
		    != 0;
		bad += a->order[i] != b->order[i];
	}
	for (i = 0; i <= a->n; i++)
		bad += a->adj_off[i] != b->adj_off[i] ||
		    a->edge_off[i] != b->edge_off[i];
	for (i = 0; i < 2 * a->nedges; i++)
		bad += a->adj[i] != b->adj[i];
	return bad;
}

/*
 * N nodes, M edges finished, then K more added; every INACTIVE-th node
 * (0: none) made inactive between the two; ranks each SHARED times.  Returns how many entries
 * differ from the union finished at once; *EDGES gets its edge count.
 */
static size_t
add_vs_union(size_t n, size_t m, size_t k, size_t inactive, size_t shared,
    uint64_t seed, size_t *edges)
{
	struct graph inc, all;
	struct edge *base, *more, *both;
	struct rng r;
	size_t i, bad;

	rng_seed(&r, seed);
	base = random_edges(&r, n, m);
	more = random_edges(&r, n, k);
	/* pairs already there: as heavy, heavier, lighter */
	for (i = 0; i < k && i < m; i += 3) {
		more[i].a = base[i].b < n ? base[i].b : base[i].a;
		more[i].b = base[i].a;
		more[i].w = base[i].w + (double)(i % 9) / 4 - 0.75;
	}
	both = xcalloc(m + k + 1, sizeof *both);
	memcpy(both, base, m * sizeof *base);
	memcpy(both + m, more, k * sizeof *more);

	graph_new(&inc, n, shared, seed);
	graph_finish(&inc, base, m);
	graph_new(&all, n, shared, seed);
	for (i = 0; inactive > 0 && i < n; i += inactive)
		inc.active[i] = all.active[i] = 0;
	graph_add_edges(&inc, more, k);
	graph_finish(&all, both, m + k);
	bad = graph_differ(&inc, &all);
	*edges = all.nedges;
	free(more);
	graph_free(&inc);
	graph_free(&all);
	return bad;
}

static void
test_random(void)
{
	static const struct {
		size_t n, m, k, inactive, shared;
	} c[] = {
		{ 2, 1, 1, 0, 1 },
		{ 10, 20, 0, 0, 1 },	/* nothing added */
		{ 10, 0, 20, 0, 1 },	/* nothing before */
		{ 30, 200, 40, 0, 1 },	/* dense: most pairs twice */
		{ 1000, 5000, 800, 0, 1 },
		{ 1000, 5000, 800, 7, 1 },
		/* equal keys, in the order of the edges */
		{ 300, 5000, 800, 0, 3 },
		{ 5000, 40000, 40000, 0, 1 },
	};
	char what[128];
	size_t i, seed, bad, edges, total;

	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		for (seed = 1, bad = total = 0; seed <= 5; seed++) {
			bad += add_vs_union(c[i].n, c[i].m, c[i].k,
			    c[i].inactive, c[i].shared, seed * 7919 + i,
			    &edges);
			total += edges;
		}
		snprintf(what, sizeof what, "%zu nodes, %zu edges and %zu "
		    "added%s%s: as the union built at once (%zu edges in 5)",
		    c[i].n, c[i].m, c[i].k, c[i].inactive ? ", some inactive" :
		    "", c[i].shared > 1 ? ", ranks shared" : "", total);
		is_int(bad, 0, what);
	}
}

/* A pair added heavier moves in the order; lighter, it keeps its place
 * and weight. */
static void
test_moves(void)
{
	struct graph g;
	struct edge *e = xcalloc(3, sizeof *e);
	struct edge more[2] = { { 2, 1, 5 }, { 0, 1, 0.5 } };

	graph_new(&g, 3, 1, 1);
	e[0] = (struct edge){ 0, 1, 1 };
	e[1] = (struct edge){ 1, 2, 2 };
	graph_finish(&g, e, 2);
	is_int(g.edges[g.order[0]].b, 2, "before: 1-2 first");
	graph_add_edges(&g, more, 1);
	is_num(g.edges[g.order[0]].w, 5, 0, "heavier: first, at 5");
	graph_add_edges(&g, more + 1, 1);
	is_num(g.edges[graph_find_edge(&g, 0, 1)].w, 1, 0,
	    "lighter: the weight kept");
	is_int(g.nedges, 2, "no new pair");
	graph_free(&g);
}

/* Every pair of N nodes, both orders, and ends past them: where
 * graph_find_edge() and a scan of the edges disagree, on a graph finished
 * and then added to. */
static size_t
find_vs_scan(const struct graph *g)
{
	size_t bad = 0, k;
	uint32_t a, b;
	long want;

	for (a = 0; a <= g->n; a++)
		for (b = 0; b <= g->n; b++) {
			want = -1;
			for (k = 0; k < g->nedges; k++)
				if ((g->edges[k].a == a && g->edges[k].b == b) ||
				    (g->edges[k].a == b && g->edges[k].b == a))
					want = (long)k;
			bad += graph_find_edge(g, a, b) != want;
		}
	return bad;
}

static void
test_find(void)
{
	struct graph g;
	struct edge *more;
	struct rng r;
	size_t bad = 0, seed;

	for (seed = 1; seed <= 5; seed++) {
		rng_seed(&r, seed);
		graph_new(&g, 40, 1, seed);
		/* dense and sparse: nodes with 0 to about 30 edges */
		graph_finish(&g, random_edges(&r, 40, seed * 60), seed * 60);
		bad += find_vs_scan(&g);
		more = random_edges(&r, 40, 30);
		graph_add_edges(&g, more, 30);
		free(more);
		bad += find_vs_scan(&g);
		graph_free(&g);
	}
	is_int(bad, 0, "graph_find_edge: every pair of 41 ids as a scan "
	    "finds it, built and added to");
}

int
main(void)
{
	test_random();
	test_find();
	test_moves();
	return tap_done();
}
