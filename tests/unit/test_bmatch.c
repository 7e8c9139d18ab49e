/*
 * test_bmatch.c -- bmatch.c on hand-made graphs: per-node caps, pinned
 * edges that stay and count, fairness before weight, floors per node.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bmatch.h"
#include "graph.h"
#include "tap.h"

struct bt {
	struct graph g;
	uint32_t cap[8], floor[8], deg[8];
	unsigned char sel[16];
};

/* A graph of N nodes and the edges "a b w" in E (NE of them); every
 * node's cap CAP and floor FLOOR until a test changes them. */
static void
bt_make(struct bt *t, uint32_t n, const double (*e)[3], size_t ne,
    uint32_t cap, uint32_t floor)
{
	struct edge *edges;
	size_t i;

	memset(t, 0, sizeof *t);
	edges = calloc(ne + 1, sizeof *edges);
	for (i = 0; i < ne; i++) {
		edges[i].a = (uint32_t)e[i][0];
		edges[i].b = (uint32_t)e[i][1];
		edges[i].w = e[i][2];
	}
	t->g.n = n;
	graph_finish(&t->g, edges, ne);
	for (i = 0; i < n; i++) {
		t->cap[i] = cap;
		t->floor[i] = floor;
	}
}

/* Whether the edge between A and B is chosen. */
static int
bt_chosen(const struct bt *t, uint32_t a, uint32_t b)
{
	size_t i;

	for (i = 0; i < t->g.nedges; i++)
		if ((t->g.edges[i].a == a && t->g.edges[i].b == b) ||
		    (t->g.edges[i].a == b && t->g.edges[i].b == a))
			return t->sel[i];
	return 0;
}

/* The index of the edge between A and B. */
static size_t
bt_edge(const struct bt *t, uint32_t a, uint32_t b)
{
	size_t i;

	for (i = 0; i < t->g.nedges; i++)
		if (t->g.edges[i].a == (a < b ? a : b) &&
		    t->g.edges[i].b == (a < b ? b : a))
			break;
	return i;
}

static void
test_fair_first(void)
{
	/* A path a-b-c-d: the heavy middle edge alone leaves a and d
	 * without anyone; the two light ones leave nobody short. */
	static const double e[][3] = { { 0, 1, 1 }, { 1, 2, 10 }, { 2, 3, 1 } };
	struct bt t;

	bt_make(&t, 4, e, 3, 1, 1);
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	ok(bt_chosen(&t, 0, 1) && bt_chosen(&t, 2, 3),
	    "fair first: both light edges");
	ok(!bt_chosen(&t, 1, 2), "fair first: not the heavy one");
	is_int(t.deg[0] + t.deg[1] + t.deg[2] + t.deg[3], 4,
	    "fair first: DEG counts the chosen edges");
	graph_free(&t.g);

	/* Without a floor the weight decides. */
	bt_make(&t, 4, e, 3, 1, 0);
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	ok(bt_chosen(&t, 1, 2), "no floor: the heavy edge");
	graph_free(&t.g);
}

static void
test_caps(void)
{
	/* A star: the centre may take two, so the two best leaves. */
	static const double e[][3] = {
		{ 0, 1, 5 }, { 0, 2, 4 }, { 0, 3, 3 }, { 0, 4, 2 } };
	struct bt t;

	bt_make(&t, 5, e, 4, 3, 1);
	t.cap[0] = 2;
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	is_int(t.deg[0], 2, "caps: the centre's own cap holds");
	ok(bt_chosen(&t, 0, 1) && bt_chosen(&t, 0, 2),
	    "caps: the centre's two best");
	graph_free(&t.g);
}

static void
test_pinned(void)
{
	/* A triangle with caps of 1: the weak pinned edge stays, and its
	 * ends take nothing else. */
	static const double e[][3] = { { 0, 1, 1 }, { 1, 2, 9 }, { 0, 2, 8 },
		{ 2, 3, 2 } };
	struct bt t;

	bt_make(&t, 4, e, 4, 1, 1);
	t.sel[bt_edge(&t, 0, 1)] = 1;
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	ok(bt_chosen(&t, 0, 1), "pinned: the edge stays");
	ok(!bt_chosen(&t, 1, 2) && !bt_chosen(&t, 0, 2),
	    "pinned: it counts against both caps");
	ok(bt_chosen(&t, 2, 3), "pinned: the others fit around it");
	is_int(t.deg[0], 1, "pinned: counted in DEG");
	graph_free(&t.g);
}

static void
test_floors(void)
{
	/* Node 0 wants two (floor 2), the others one; caps of 2. */
	static const double e[][3] = { { 0, 1, 1 }, { 0, 2, 1 }, { 1, 2, 9 },
		{ 1, 3, 9 }, { 2, 3, 9 } };
	struct bt t;

	bt_make(&t, 4, e, 5, 2, 1);
	t.floor[0] = 2;
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	is_int(t.deg[0], 2, "floors: node 0 gets its two");
	ok(t.deg[1] >= 1 && t.deg[2] >= 1 && t.deg[3] >= 1,
	    "floors: nobody else short");
	ok(bt_chosen(&t, 1, 3) && bt_chosen(&t, 2, 3),
	    "floors: the heavy edges that still fit");
	graph_free(&t.g);
}

int
main(void)
{
	test_fair_first();
	test_caps();
	test_pinned();
	test_floors();
	return tap_done();
}
