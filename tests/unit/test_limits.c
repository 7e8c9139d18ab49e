/*
 * test_limits.c -- the graph's limits (graph.h: cap, quota, quota_max,
 * pinned) as every mode honours them, on seeded random graphs: nobody
 * above their cap or a quota, every pinned pair introduced (in rounds at
 * one table in round 1), and graph_add_edges / graph_find_edge.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "graph.h"
#include "rng.h"
#include "tap.h"

#define N	30

static struct config_match
match_for(enum match_mode mode)
{
	struct config_match m = {
		.mode = mode,
		.per_attendee = 3,
		.max_per_attendee = 3,
		.candidates = 50,
		.seed = 1,
		.odd = MATCH_ODD_TRIO,
		.group_size = mode == MATCH_GROUPS ? 4 : 2,
		.rounds = mode == MATCH_ROUNDS ? 3 : 1,
	};
	return m;
}

/* A random graph of N nodes, each pair an edge with probability 1/3. */
static void
random_graph(struct rng *r, struct graph *g)
{
	struct edge *e = calloc(N * N, sizeof *e);
	size_t k = 0;
	uint32_t a, b;

	memset(g, 0, sizeof *g);
	g->n = N;
	for (a = 0; a < N; a++)
		for (b = a + 1; b < N; b++)
			if (rng_below(r, 3) == 0) {
				e[k].a = a;
				e[k].b = b;
				e[k].w = (double)(1 + rng_below(r, 9));
				k++;
			}
	graph_finish(g, e, k);
}

/* The limits of one case, drawn whatever the graph uses of them. */
struct limits_case {
	uint32_t cap[N];	/* 0 = opted out */
	uint32_t qmax[2 * N];	/* two quotas */
	uint32_t pin[N];	/* pairs */
	uint32_t npins;
};

/* Quota bits of edge {a, b}: a fixed function, the same in every run. */
static uint8_t
edge_bits(uint32_t a, uint32_t b)
{
	return (uint8_t)((a * 7 + b * 13) % 4);
}

/* Pin up to 4 random pairs among the active, nobody twice. */
static void
draw_pins(struct rng *r, const unsigned char *active, struct limits_case *lc)
{
	unsigned char used[N] = { 0 };
	uint32_t a, b, i;

	lc->npins = 0;
	for (i = 0; i < 16 && lc->npins < 4; i++) {
		a = (uint32_t)rng_below(r, N);
		b = (uint32_t)rng_below(r, N);
		if (a == b || used[a] || used[b] || !active[a] || !active[b])
			continue;
		used[a] = used[b] = 1;
		lc->pin[2 * lc->npins] = a;
		lc->pin[2 * lc->npins + 1] = b;
		lc->npins++;
	}
}

/*
 * The graph of case SEED in *G and its limits in *LC.  With LIMITS they
 * are on the graph as bounds.c puts them (caps, opt-outs inactive, pins
 * as edges of weight 0.01, quotas); without, only the quota bits, with
 * no limit, so that the same edges can be counted.
 */
static void
case_graph(unsigned seed, int limits, struct graph *g,
    struct limits_case *lc)
{
	struct edge extra[N / 2];
	struct rng r;
	uint32_t v, i;
	size_t k;
	long e;

	rng_seed(&r, seed);
	random_graph(&r, g);
	for (v = 0; v < N; v++)
		lc->cap[v] = (uint32_t)rng_below(&r, 4);
	for (v = 0; v < 2 * N; v++)
		lc->qmax[v] = (uint32_t)rng_below(&r, 3);
	for (v = 0; v < N; v++)
		g->active[v] = lc->cap[v] > 0;
	draw_pins(&r, g->active, lc);
	if (!limits)
		memset(g->active, 1, N);
	g->nquota = 2;
	g->quota_max = calloc(2 * N, sizeof *g->quota_max);
	for (v = 0; v < 2 * N; v++)
		g->quota_max[v] = limits ? lc->qmax[v] : UINT32_MAX;
	if (limits) {
		g->cap = calloc(N, sizeof *g->cap);
		memcpy(g->cap, lc->cap, sizeof lc->cap);
		for (i = 0; i < lc->npins; i++)
			extra[i] = (struct edge){ lc->pin[2 * i],
			    lc->pin[2 * i + 1], 0.01 };
		graph_add_edges(g, extra, lc->npins);
		g->pinned = calloc(g->nedges + 1, 1);
		for (i = 0; i < lc->npins; i++) {
			e = graph_find_edge(g, extra[i].a, extra[i].b);
			if (e >= 0)
				g->pinned[e] = 1;
		}
	}
	g->quota = calloc(g->nedges + 1, 1);
	for (k = 0; k < g->nedges; k++)
		if (g->pinned == NULL || !g->pinned[k])
			g->quota[k] = edge_bits(g->edges[k].a, g->edges[k].b);
}

/* Is {a, b} among OUT's intros (in round ROUND, or any if 0)? */
static int
introduced(const struct assignment *out, uint32_t a, uint32_t b,
    int32_t round)
{
	size_t i;

	for (i = 0; i < out->nintros; i++)
		if (((out->intros[i].a == a && out->intros[i].b == b) ||
		    (out->intros[i].a == b && out->intros[i].b == a)) &&
		    (round == 0 || out->intros[i].round == round))
			return 1;
	return 0;
}

/* How many of LC's pins OUT does not introduce (in ROUND, 0 any). */
static unsigned
pins_missed(const struct limits_case *lc, const struct assignment *out,
    int32_t round)
{
	unsigned missed = 0;
	uint32_t i;

	for (i = 0; i < lc->npins; i++)
		missed += !introduced(out, lc->pin[2 * i],
		    lc->pin[2 * i + 1], round);
	return missed;
}

/* Over LC's caps (*CAP: how many nodes) and quotas (*QUOTA); and how
 * many with cap 0 OUT introduces (*OUTS). */
static void
count_over(const struct graph *g, const struct limits_case *lc,
    const struct assignment *out, unsigned *cap, unsigned *quota,
    unsigned *outs)
{
	uint32_t deg[N] = { 0 }, qdeg[2][N], v, q, ends[2];
	uint8_t bits;
	size_t i, j;

	memset(qdeg, 0, sizeof qdeg);
	for (i = 0; i < out->nintros; i++) {
		ends[0] = out->intros[i].a;
		ends[1] = out->intros[i].b;
		bits = graph_find_edge(g, ends[0], ends[1]) < 0 ? 0 :
		    edge_bits(ends[0] < ends[1] ? ends[0] : ends[1],
		    ends[0] < ends[1] ? ends[1] : ends[0]);
		for (j = 0; g->pinned != NULL && j < lc->npins; j++)
			if ((lc->pin[2 * j] == ends[0] &&
			    lc->pin[2 * j + 1] == ends[1]) ||
			    (lc->pin[2 * j] == ends[1] &&
			    lc->pin[2 * j + 1] == ends[0]))
				bits = 0;	/* pins carry no bits */
		for (j = 0; j < 2; j++) {
			deg[ends[j]]++;
			for (q = 0; q < 2; q++)
				qdeg[q][ends[j]] += (bits >> q) & 1;
		}
	}
	for (v = 0; v < N; v++) {
		*cap += deg[v] > lc->cap[v];
		*outs += lc->cap[v] == 0 && deg[v] > 0;
		for (q = 0; q < 2; q++)
			*quota += qdeg[q][v] > lc->qmax[q * N + v];
	}
}

static void
test_graph_edges(void)
{
	struct graph g;
	struct edge *e = calloc(2, sizeof *e);
	struct edge extra[2] = { { 3, 1, 0.5 }, { 0, 1, 9 } };

	memset(&g, 0, sizeof g);
	g.n = 4;
	e[0] = (struct edge){ 0, 1, 2 };
	e[1] = (struct edge){ 2, 3, 1 };
	graph_finish(&g, e, 2);
	ok(graph_find_edge(&g, 1, 3) < 0, "find: no edge 1-3 yet");
	graph_add_edges(&g, extra, 2);
	is_int(g.nedges, 3, "add: one new edge, one duplicate");
	ok(graph_find_edge(&g, 1, 3) >= 0 && graph_find_edge(&g, 3, 1) ==
	    graph_find_edge(&g, 1, 3), "find: either order");
	is_num(g.edges[graph_find_edge(&g, 0, 1)].w, 9, 0,
	    "add: a duplicate keeps the heavier weight");
	is_int(g.adj_off[1 + 1] - g.adj_off[1], 2, "add: adjacency redone");
	ok(graph_find_edge(&g, 0, 3) < 0, "find: a non-edge is -1");
	graph_free(&g);
}

/*
 * Suggestions on random graphs with caps (0 = out), two quotas and
 * pins: nobody above cap or quota, every pin chosen.  The same graphs
 * without the limits break each bound somewhere.
 */
static void
test_suggestions(void)
{
	struct config_match m = match_for(MATCH_SUGGESTIONS);
	struct limits_case lc;
	struct assignment out;
	struct graph g;
	unsigned seed, cap[2] = { 0, 0 }, quota[2] = { 0, 0 };
	unsigned outs[2] = { 0, 0 }, missed[2] = { 0, 0 }, opted = 0;
	char *cause = NULL;
	size_t i;
	int limits;

	for (seed = 1; seed <= 20; seed++) {
		for (limits = 0; limits < 2; limits++) {
			case_graph(seed, limits, &g, &lc);
			if (assign_run(&g, &m, NULL, &out, &cause) != 0) {
				ok(0, cause);
				free(cause);
				graph_free(&g);
				return;
			}
			count_over(&g, &lc, &out, &cap[limits],
			    &quota[limits], &outs[limits]);
			missed[limits] += pins_missed(&lc, &out, 0);
			for (i = 0; limits && i < out.nshort; i++)
				opted += out.short_of[i].why ==
				    SHORTFALL_OPTED_OUT;
			assignment_free(&out);
			graph_free(&g);
		}
	}
	is_int(cap[1], 0, "suggestions: nobody above their cap");
	is_int(quota[1], 0, "suggestions: nobody above a quota");
	is_int(outs[1], 0, "suggestions: nobody with cap 0 introduced");
	is_int(missed[1], 0, "suggestions: every pinned pair chosen");
	ok(opted > 0, "suggestions: cap 0 reported as opted-out");
	ok(cap[0] > 0 && quota[0] > 0 && outs[0] > 0 && missed[0] > 0,
	    "suggestions: without the limits each is broken");
}

/*
 * Pairs, groups and rounds with caps, pins and quotas of 1 or 2 (0 is
 * the engine's veto): every pin at one table (rounds: in round 1), no
 * one with cap 0 seated, nobody with more table-mates on a quota's
 * edges than it allows, over all rounds.  Without the limits pins are
 * missed and, at tables of 4 or over rounds, quotas broken.
 */
static void
test_tables(enum match_mode mode, const char *name)
{
	struct config_match m = match_for(mode);
	struct limits_case lc;
	struct assignment out;
	struct graph g;
	unsigned seed, cap = 0, quota[2] = { 0, 0 }, outs[2] = { 0, 0 };
	unsigned missed[2] = { 0, 0 };
	char *cause = NULL, what[128];
	uint32_t v;
	int limits;

	for (seed = 1; seed <= 10; seed++) {
		for (limits = 0; limits < 2; limits++) {
			case_graph(seed, limits, &g, &lc);
			for (v = 0; v < 2 * N; v++) {
				if (lc.qmax[v] == 0)
					lc.qmax[v] = 1;
				if (limits)
					g.quota_max[v] = lc.qmax[v];
			}
			if (assign_run(&g, &m, NULL, &out, &cause) != 0) {
				ok(0, cause);
				free(cause);
				graph_free(&g);
				return;
			}
			count_over(&g, &lc, &out, &cap, &quota[limits],
			    &outs[limits]);
			missed[limits] += pins_missed(&lc, &out,
			    mode == MATCH_ROUNDS ? 1 : 0);
			assignment_free(&out);
			graph_free(&g);
		}
	}
	snprintf(what, sizeof what, "%s: every pinned pair at one table%s",
	    name, mode == MATCH_ROUNDS ? " in round 1" : "");
	is_int(missed[1], 0, what);
	snprintf(what, sizeof what, "%s: nobody with cap 0 seated", name);
	is_int(outs[1], 0, what);
	snprintf(what, sizeof what, "%s: nobody over a quota", name);
	is_int(quota[1], 0, what);
	if (mode != MATCH_PAIRS) {
		snprintf(what, sizeof what, "%s: without the limits quotas "
		    "are broken", name);
		ok(quota[0] > 0, what);
	}
	snprintf(what, sizeof what, "%s: without the limits pins are missed "
	    "and cap 0 seated", name);
	ok(missed[0] > 0 && outs[0] > 0, what);
}

/*
 * A repair path that drops a quota edge frees its place: node 0 gets
 * its one introduction by the path 0-1 (take), 1-2 (drop, quota bit),
 * 2-3 (take), 3-4 (drop); node 2's quota of 1 is then free again, so
 * node 5 can have 2-5, the one edge it has.
 */
static void
test_suggestions_path(void)
{
	struct config_match m = match_for(MATCH_SUGGESTIONS);
	static const uint32_t caps[7] = { 1, 1, 2, 1, 2, 1, 1 };
	struct assignment out;
	struct graph g;
	struct edge *e = calloc(6, sizeof *e);
	char *cause = NULL;
	uint32_t v;
	long k;

	e[0] = (struct edge){ 1, 2, 10 };
	e[1] = (struct edge){ 3, 4, 9 };
	e[2] = (struct edge){ 4, 6, 8 };
	e[3] = (struct edge){ 2, 5, 3 };
	e[4] = (struct edge){ 2, 3, 2 };
	e[5] = (struct edge){ 0, 1, 1 };
	memset(&g, 0, sizeof g);
	g.n = 7;
	graph_finish(&g, e, 6);
	g.cap = calloc(7, sizeof *g.cap);
	memcpy(g.cap, caps, sizeof caps);
	g.nquota = 1;
	g.quota_max = calloc(7, sizeof *g.quota_max);
	for (v = 0; v < 7; v++)
		g.quota_max[v] = v == 2 ? 1 : UINT32_MAX;
	g.quota = calloc(g.nedges, 1);
	if ((k = graph_find_edge(&g, 1, 2)) >= 0)
		g.quota[k] = 1;
	if ((k = graph_find_edge(&g, 2, 5)) >= 0)
		g.quota[k] = 1;
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0, "path: runs");
	ok(introduced(&out, 0, 1, 0), "path: 0 is introduced by the path");
	ok(!introduced(&out, 1, 2, 0), "path: 1-2 was dropped");
	ok(introduced(&out, 2, 5, 0), "path: 2-5 takes the quota 1-2 freed");
	for (v = 0, k = 0; v < out.nshort; v++)
		k += out.short_of[v].got < 1;
	is_int(k, 0, "path: nobody below the floor of 1");
	assignment_free(&out);
	graph_free(&g);
}

int
main(void)
{
	test_graph_edges();
	test_suggestions();
	test_suggestions_path();
	test_tables(MATCH_PAIRS, "pairs");
	test_tables(MATCH_GROUPS, "groups");
	test_tables(MATCH_ROUNDS, "rounds");
	return tap_done();
}
