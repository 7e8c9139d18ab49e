/*
 * test_bmatch.c -- bmatch.c on hand-made graphs: per-node caps, pinned
 * edges that stay and count, fairness before weight, floors per node,
 * a larger graph whose fewest missing is known by construction,
 * people nobody can fill before a blossom only a trail gets through, and
 * a shortfall search whose best end comes last in the order met.
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
test_start(void)
{
	/* The path a-b-c-d again, beginning from the heavy middle edge: the
	 * search drops it for the two light ones, where a pin would stay. */
	static const double e[][3] = { { 0, 1, 1 }, { 1, 2, 10 }, { 2, 3, 1 } };
	static const double star[][3] = {
		{ 0, 1, 5 }, { 0, 2, 4 }, { 0, 3, 3 }, { 0, 4, 2 } };
	struct bt t;

	bt_make(&t, 4, e, 3, 1, 1);
	t.sel[bt_edge(&t, 1, 2)] = BMATCH_START;
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	ok(bt_chosen(&t, 0, 1) && bt_chosen(&t, 2, 3) && !bt_chosen(&t, 1, 2),
	    "start: the edge begun from is dropped for fairness");
	graph_free(&t.g);

	/* Beginning from more than a cap allows (the caps changed since):
	 * the first that fit are taken, and the cap holds. */
	bt_make(&t, 5, star, 4, 3, 1);
	t.cap[0] = 2;
	memset(t.sel, BMATCH_START, 4);
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	is_int(t.deg[0], 2, "start: the centre's cap holds");
	ok(t.sel[0] == 1 && t.sel[1] == 1 && t.sel[2] == 0 && t.sel[3] == 0,
	    "start: the edges that fit, 1 for chosen");
	graph_free(&t.g);

	/* A pin beside a start: the pin stays, the start gives way. */
	bt_make(&t, 4, e, 3, 1, 1);
	t.sel[bt_edge(&t, 1, 2)] = BMATCH_PIN;
	t.sel[bt_edge(&t, 0, 1)] = BMATCH_START;
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	ok(bt_chosen(&t, 1, 2) && !bt_chosen(&t, 0, 1),
	    "start: a pin beats an edge begun from");
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

/* A small random generator of its own, the same on every libc. */
static uint32_t
bq_rand(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* Random graph SEED: up to BQ_N nodes, ties in the weights, two quotas
 * on a third of the edges each, caps 1 to 3, floors 1 or 2, and pins
 * that fit.  Fills T's graph and limits. */
#define BQ_N	14
#define BQ_M	(BQ_N * (BQ_N - 1) / 2)
struct bq {
	struct graph g;
	uint32_t cap[BQ_N], floor[BQ_N], deg[BQ_N], qdeg[2][BQ_N];
	unsigned char sel[BQ_M];
};

static void
bq_make(struct bq *t, uint32_t seed, int pins)
{
	struct edge *e = calloc(BQ_M, sizeof *e);
	uint32_t x = seed * 2654435761u + 1, a, b, v, q, n, m = 0, k;

	memset(t, 0, sizeof *t);
	n = 6 + bq_rand(&x) % (BQ_N - 5);
	for (a = 0; a < n; a++)
		for (b = a + 1; b < n; b++)
			if (bq_rand(&x) % 100 < 35)
				e[m++] = (struct edge){ a, b,
				    1 + bq_rand(&x) % 5 };
	t->g.n = n;
	graph_finish(&t->g, e, m);
	t->g.nquota = 2;
	t->g.quota = calloc(t->g.nedges + 1, 1);
	t->g.quota_max = calloc(2 * n, sizeof *t->g.quota_max);
	for (k = 0; k < t->g.nedges; k++)
		for (q = 0; q < 2; q++)
			if (bq_rand(&x) % 3 == 0)
				t->g.quota[k] |= 1u << q;
	for (v = 0; v < n; v++) {
		t->cap[v] = 1 + bq_rand(&x) % 3;
		t->floor[v] = 1 + bq_rand(&x) % 2;
		if (t->floor[v] > t->cap[v])
			t->floor[v] = t->cap[v];
		for (q = 0; q < 2; q++)
			t->g.quota_max[q * n + v] = 1 + bq_rand(&x) % 2;
	}
	for (k = 0; pins && k < t->g.nedges; k++) {
		a = t->g.edges[k].a;
		b = t->g.edges[k].b;
		if (bq_rand(&x) % 10 != 0 || t->deg[a] >= t->cap[a] ||
		    t->deg[b] >= t->cap[b])
			continue;
		for (q = 0; q < 2; q++)
			if ((t->g.quota[k] >> q & 1) &&
			    (t->qdeg[q][a] >= t->g.quota_max[q * n + a] ||
			    t->qdeg[q][b] >= t->g.quota_max[q * n + b]))
				break;
		if (q < 2)
			continue;
		t->sel[k] = 1;
		t->deg[a]++;
		t->deg[b]++;
		for (q = 0; q < 2; q++)
			t->qdeg[q][a] += t->g.quota[k] >> q & 1,
			t->qdeg[q][b] += t->g.quota[k] >> q & 1;
	}
}

/* How many of T's limits the selection breaks: nodes over a cap or a
 * quota, pins dropped (PIN: the pins), DEG unlike the selection. */
static unsigned
bq_broken(struct bq *t, const unsigned char *pin)
{
	uint32_t got[BQ_N], qgot[2][BQ_N], k, v, q, n = (uint32_t)t->g.n;
	unsigned bad = 0;

	memset(got, 0, sizeof got);
	memset(qgot, 0, sizeof qgot);
	for (k = 0; k < t->g.nedges; k++) {
		bad += pin[k] && !t->sel[k];
		if (!t->sel[k])
			continue;
		got[t->g.edges[k].a]++;
		got[t->g.edges[k].b]++;
		for (q = 0; q < 2; q++) {
			qgot[q][t->g.edges[k].a] += t->g.quota[k] >> q & 1;
			qgot[q][t->g.edges[k].b] += t->g.quota[k] >> q & 1;
		}
	}
	for (v = 0; v < n; v++) {
		bad += got[v] > t->cap[v] || got[v] != t->deg[v];
		for (q = 0; q < 2; q++)
			bad += qgot[q][v] > t->g.quota_max[q * n + v];
	}
	return bad;
}

static void
test_quotas(void)
{
	struct bq t;
	unsigned char pin[BQ_M];
	uint32_t seed;
	unsigned bad = 0, quota_edges = 0;

	/* Every search honours the quotas, pins or none: the graphs are
	 * small, so the shortfall paths and the weight chains and cycles
	 * all run, and many a greedy choice is undone by them. */
	for (seed = 1; seed <= 400; seed++) {
		bq_make(&t, seed, seed % 2);
		memcpy(pin, t.sel, sizeof pin);
		bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
		bad += bq_broken(&t, pin);
		for (size_t k = 0; k < t.g.nedges; k++)
			quota_edges += t.sel[k] && t.g.quota[k];
		graph_free(&t.g);
	}
	is_int(bad, 0, "quotas: nobody over a cap or a quota, pins kept");
	ok(quota_edges > 400, "quotas: quota edges are chosen too");
}

static void
test_quota_path(void)
{
	/* Node 2 has a quota of 1, taken by the pinned 2-4; 2-3 is a
	 * quota edge too, the only edge of node 3 and the heaviest: every
	 * search that takes it (greedy, the shortfall paths and trails
	 * for 3, the weight chains) puts node 2 over, so 3 stays short.
	 * Node 0 gets its one by taking 0-1 and dropping 1-2. */
	static const double e[][3] = { { 0, 1, 1 }, { 1, 2, 5 }, { 2, 3, 9 },
		{ 2, 4, 1 } };
	struct bt t;

	bt_make(&t, 5, e, 4, 1, 1);
	t.cap[2] = 3;
	t.g.nquota = 1;
	t.g.quota = calloc(t.g.nedges, 1);
	t.g.quota_max = calloc(5, sizeof *t.g.quota_max);
	memset(t.g.quota_max, 0xff, 5 * sizeof *t.g.quota_max);
	t.g.quota_max[2] = 1;
	t.g.quota[bt_edge(&t, 2, 3)] = 1;
	t.g.quota[bt_edge(&t, 2, 4)] = 1;
	t.sel[bt_edge(&t, 2, 4)] = 1;
	bmatch_run(&t.g, t.cap, t.floor, t.sel, t.deg);
	ok(bt_chosen(&t, 0, 1), "quota path: 0 gets its one");
	ok(!bt_chosen(&t, 2, 3), "quota path: not over node 2's quota");
	ok(bt_chosen(&t, 2, 4), "quota path: the pin stays");
	graph_free(&t.g);
}

/*
 * A larger graph whose fewest missing is known by construction: a ring
 * where everyone meets the K/2 next on either side (so everyone can
 * have K), under hubs whose heavier edges greedy takes first and so
 * leaves hundreds short.  Everyone ends with exactly K, within caps.
 */
#define BL_N	2000
#define BL_K	10
#define BL_HUBS	100
#define BL_HUB_DEG	200
static void
test_large_fair(void)
{
	struct graph g;
	struct edge *e;
	uint32_t *cap, *floor, *deg, *got, x = 12345, v, d, k, m = 0;
	unsigned char *sel;
	unsigned missing = 0, over = 0, wrong = 0;

	memset(&g, 0, sizeof g);
	e = calloc((size_t)BL_N * BL_K / 2 + BL_HUBS * BL_HUB_DEG, sizeof *e);
	for (v = 0; v < BL_N; v++)
		for (d = 1; d <= BL_K / 2; d++)
			e[m++] = (struct edge){ v, (v + d) % BL_N, 1 };
	for (v = 0; v < BL_HUBS; v++)
		for (d = 0; d < BL_HUB_DEG; d++)
			e[m++] = (struct edge){ v * (BL_N / BL_HUBS),
			    bq_rand(&x) % BL_N, 2 + bq_rand(&x) % 8 };
	g.n = BL_N;
	graph_finish(&g, e, m);
	cap = calloc(BL_N, sizeof *cap);
	floor = calloc(BL_N, sizeof *floor);
	deg = calloc(BL_N, sizeof *deg);
	got = calloc(BL_N, sizeof *got);
	sel = calloc(g.nedges, 1);
	for (v = 0; v < BL_N; v++)
		cap[v] = floor[v] = BL_K;
	bmatch_run(&g, cap, floor, sel, deg);
	for (k = 0; k < g.nedges; k++) {
		if (!sel[k])
			continue;
		got[g.edges[k].a]++;
		got[g.edges[k].b]++;
	}
	for (v = 0; v < BL_N; v++) {
		missing += got[v] < BL_K ? BL_K - got[v] : 0;
		over += got[v] > BL_K;
		wrong += got[v] != deg[v];
	}
	is_int(missing, 0, "2,000 people, hubs over a ring: nobody short");
	is_int(over, 0, "2,000 people, hubs over a ring: nobody over the cap");
	is_int(wrong, 0, "2,000 people, hubs over a ring: degrees told");
	free(cap);
	free(floor);
	free(deg);
	free(got);
	free(sel);
	graph_free(&g);
}

/*
 * Someone nobody can fill, the trails' budget, and a blossom.  Each of
 * BS_HOPE people (cap 1) knows every one of a clique whose BS_K members
 * fill their caps of BS_R among themselves: that person stays short
 * whatever is chosen, and the trails from them through the clique are
 * countless.  After them in rank order, a small graph where only a
 * trail finds the fewest missing (a blossom hides the path from the
 * breadth-first search): it must not find the trails' budget spent.
 */
#define BS_HOPE	4
#define BS_K	12
#define BS_R	5
static void
test_stuck(void)
{
	static const double blossom[][3] = { { 0, 1, 3 }, { 0, 6, 5 },
		{ 0, 8, 2 }, { 1, 7, 7 }, { 1, 8, 3 }, { 2, 3, 1 }, { 2, 5, 9 },
		{ 2, 8, 6 }, { 3, 5, 8 }, { 3, 6, 9 }, { 3, 7, 4 }, { 4, 6, 9 },
		{ 4, 8, 4 }, { 5, 7, 8 }, { 5, 8, 2 }, { 6, 8, 6 } };
	static const uint32_t bcap[9] = { 1, 1, 1, 2, 2, 1, 1, 2, 1 };
	struct graph g;
	struct edge *e;
	uint32_t *cap, *deg, n, off, h, a, b, v, m = 0;
	unsigned char *sel;
	unsigned hope = 0, missing = 0;
	size_t i;

	n = BS_HOPE * (BS_K + 1) + 9;
	off = BS_HOPE * (BS_K + 1);
	memset(&g, 0, sizeof g);
	e = calloc((size_t)BS_HOPE * (BS_K * BS_K + BS_K) + 16, sizeof *e);
	cap = calloc(n, sizeof *cap);
	deg = calloc(n, sizeof *deg);
	for (h = 0; h < off; h += BS_K + 1) {
		cap[h] = 1;
		for (a = h + 1; a <= h + BS_K; a++) {
			cap[a] = BS_R;
			e[m++] = (struct edge){ h, a, 1 };
			for (b = a + 1; b <= h + BS_K; b++)
				e[m++] = (struct edge){ a, b, 10 };
		}
	}
	for (i = 0; i < 16; i++)
		e[m++] = (struct edge){ off + (uint32_t)blossom[i][0],
		    off + (uint32_t)blossom[i][1], blossom[i][2] };
	for (v = 0; v < 9; v++)
		cap[off + v] = bcap[v];
	g.n = n;
	graph_finish(&g, e, m);
	sel = calloc(g.nedges, 1);
	bmatch_run(&g, cap, cap, sel, deg);
	for (v = 0; v < off; v++)
		hope += cap[v] - deg[v];
	for (v = off; v < n; v++)
		missing += cap[v] - deg[v];
	is_int(hope, BS_HOPE, "stuck: each hopeless one short by one");
	is_int(missing, 0, "stuck: the blossom after them gets its trail");
	free(cap);
	free(deg);
	free(sel);
	graph_free(&g);
}

/*
 * Gains the weight search finds only late in rank order.  LG_PAIRS
 * couples come first, each with its only edge: nothing to improve.  Then
 * LG_CYCLES 4-cycles (d c a b in rank order, a-b 5, b-c 4, d-a 4, c-d 1,
 * caps and floors 1): greedy takes a-b and c-d (6), the search finds
 * b-c and d-a (8) from c or d.  A large graph's search goes on only if a
 * sample of its starts gains enough: the sample must be spread over the
 * order, not its head, or it would see the couples alone and stop.
 */
#define LG_PAIRS	1024
#define LG_CYCLES	512
static void
test_late_gains(void)
{
	struct graph g;
	struct edge *e;
	uint32_t *cap, *deg, n = 2 * LG_PAIRS + 4 * LG_CYCLES, v, c, m = 0;
	unsigned char *sel;
	double w = 0;
	size_t k;

	memset(&g, 0, sizeof g);
	e = calloc(LG_PAIRS + 4 * LG_CYCLES, sizeof *e);
	for (v = 0; v < LG_PAIRS; v++)
		e[m++] = (struct edge){ 2 * v, 2 * v + 1, 1 };
	for (c = 0; c < LG_CYCLES; c++) {
		v = 2 * LG_PAIRS + 4 * c;	/* d, c, a, b */
		e[m++] = (struct edge){ v + 2, v + 3, 5 };
		e[m++] = (struct edge){ v + 1, v + 3, 4 };
		e[m++] = (struct edge){ v, v + 2, 4 };
		e[m++] = (struct edge){ v, v + 1, 1 };
	}
	g.n = n;
	graph_finish(&g, e, m);
	cap = calloc(n, sizeof *cap);
	deg = calloc(n, sizeof *deg);
	sel = calloc(g.nedges, 1);
	for (v = 0; v < n; v++)
		cap[v] = 1;
	bmatch_run(&g, cap, cap, sel, deg);
	for (k = 0; k < g.nedges; k++)
		if (sel[k])
			w += g.edges[k].w;
	is_num(w, LG_PAIRS + 8.0 * LG_CYCLES, 1e-9,
	    "late gains: every cycle improved");
	free(cap);
	free(deg);
	free(sel);
	graph_free(&g);
}

/*
 * The shortfall search's best end lies late in its level.  V (node 0,
 * cap and floor 1) is left short by greedy; hubs a_i (i = 1 .. BE_HUBS)
 * are each taken by b_i (weight 20); V's edges to them weigh
 * 10 - i / 100, so the search meets a_1 first.  From b_i it may add
 * b_i - c_i (c_i has room) for an end three edges from V: weight 1 for
 * every hub but the last, 19 for the last, whose path gains
 * 9.6 - 20 + 19 where the others lose about 9.  Each b_i also has
 * BE_PAD unused edges of weight 15 to full nodes (taken by weight 100):
 * a scan of b_i costs BE_PAD + 2 entries, so the states met in order use
 * up BMATCH_END_SCAN (even the 8,000 it was) before the last hub.
 * Scanned the most promising first (by b_i's heaviest unused edge), the
 * last hub comes first.  The weight search cannot mend a worse choice:
 * every way to it begins by losing weight.
 */
#define BE_HUBS	40
#define BE_PAD	250

static void
test_best_end(void)
{
	uint32_t n = 1 + 3 * BE_HUBS + 2 * BE_HUBS * BE_PAD, i, p, a, b, c;
	uint32_t d, m = 0, *cap, *floor, *deg;
	struct edge *e = calloc(3 * BE_HUBS + 2 * BE_HUBS * BE_PAD, sizeof *e);
	unsigned char *sel;
	struct graph g;
	size_t k;
	int last = 0, other = 0;

	memset(&g, 0, sizeof g);
	for (i = 0; i < BE_HUBS; i++) {
		a = 1 + 3 * i;
		b = a + 1;
		c = a + 2;
		e[m++] = (struct edge){ 0, a, 10 - (i + 1) / 100.0 };
		e[m++] = (struct edge){ a, b, 20 };
		e[m++] = (struct edge){ b, c, i + 1 == BE_HUBS ? 19 : 1 };
		for (p = 0; p < BE_PAD; p++) {
			d = 1 + 3 * BE_HUBS + 2 * (i * BE_PAD + p);
			e[m++] = (struct edge){ b, d, 15 };
			e[m++] = (struct edge){ d, d + 1, 100 };
		}
	}
	g.n = n;
	graph_finish(&g, e, m);
	cap = calloc(n, sizeof *cap);
	floor = calloc(n, sizeof *floor);
	deg = calloc(n, sizeof *deg);
	sel = calloc(g.nedges, 1);
	for (i = 0; i < n; i++) {
		cap[i] = 1;
		floor[i] = 1;
	}
	for (i = 0; i < BE_HUBS; i++)
		floor[3 + 3 * i] = 0;		/* the c_i: room, no need */
	bmatch_run(&g, cap, floor, sel, deg);
	for (k = 0; k < g.nedges; k++) {
		if (!sel[k] || (g.edges[k].a != 0 && g.edges[k].b != 0))
			continue;
		if (g.edges[k].a + g.edges[k].b == 1 + 3 * (BE_HUBS - 1))
			last = 1;
		else
			other = 1;
	}
	is_int(deg[0], 1, "best end: V gets its one");
	ok(last && !other, "best end: through the last hub, met last");
	free(cap);
	free(floor);
	free(deg);
	free(sel);
	graph_free(&g);
}

int
main(void)
{
	test_fair_first();
	test_caps();
	test_pinned();
	test_start();
	test_floors();
	test_quotas();
	test_quota_path();
	test_large_fair();
	test_stuck();
	test_late_gains();
	test_best_end();
	return tap_done();
}
