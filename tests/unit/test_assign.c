/*
 * test_assign.c -- the candidate graph, the blossom matcher and every
 * assignment mode: hand-made graphs, seeded random ones, and properties
 * (no vetoed pair together, no repeat meeting, degrees within bounds,
 * everyone seated once per round, determinism).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "assign_ctx.h"
#include "blossom.h"
#include "coverage.h"
#include "graph.h"
#include "pairmap.h"
#include "rng.h"
#include "tap.h"

/* A pair oracle over a dense veto matrix; scores of non-edges are a
 * small deterministic function of the pair. */
struct toracle {
	uint32_t n;
	unsigned char *veto;
	unsigned calls;
	unsigned veto_calls;	/* of toracle_veto_only */
	int fail;		/* answer with an error */
};

struct tedge {
	uint32_t a, b;
	double w;
};

/* The oracle's score of {a, b}. */
static double
toracle_score(uint32_t a, uint32_t b)
{
	uint32_t lo = a < b ? a : b, hi = a < b ? b : a;

	return (double)((lo * 31 + hi * 17) % 7) / 100.0;
}

static int
toracle_pair(void *ctx, uint32_t a, uint32_t b, double *score, int *veto,
    char **cause)
{
	struct toracle *o = ctx;

	o->calls++;
	if (o->fail) {
		*cause = strdup("rule failed");
		return -1;
	}
	*veto = o->veto[(size_t)a * o->n + b];
	*score = toracle_score(a, b);
	return 0;
}

/* The veto alone, as struct pair_oracle's veto asks it. */
static int
toracle_veto_only(void *ctx, uint32_t a, uint32_t b, int *veto, char **cause)
{
	struct toracle *o = ctx;

	(void)cause;
	o->veto_calls++;
	*veto = o->veto[(size_t)a * o->n + b];
	return 0;
}

static void
toracle_init(struct toracle *o, uint32_t n)
{
	memset(o, 0, sizeof *o);
	o->n = n;
	o->veto = calloc((size_t)n * n + 1, 1);
}

static void
toracle_veto(struct toracle *o, uint32_t a, uint32_t b)
{
	o->veto[(size_t)a * o->n + b] = o->veto[(size_t)b * o->n + a] = 1;
}

/* A fresh oracle for N nodes with about N/3 random vetoes. */
static void
random_vetoes(struct rng *r, struct toracle *o, uint32_t n)
{
	uint32_t i, a, b;

	toracle_init(o, n);
	for (i = 0; i < n / 3; i++) {
		a = (uint32_t)rng_below(r, n);
		b = (uint32_t)rng_below(r, n);
		if (a != b)
			toracle_veto(o, a, b);
	}
}

/* A graph of N nodes from NE edges; vetoed pairs (by O) are dropped from
 * the edges and counted in stats; INACTIVE lists nodes without consent;
 * ranks are reversed node order when REVERSE, to catch index/rank mixups. */
static void
build(struct graph *g, uint32_t n, const struct tedge *te, size_t ne,
    const struct toracle *o, const uint32_t *inactive, size_t ninactive,
    int reverse)
{
	struct edge *e;
	size_t i, k = 0;
	uint32_t a, b;

	memset(g, 0, sizeof *g);
	g->n = n;
	g->active = malloc(n + 1);
	memset(g->active, 1, n + 1);
	for (i = 0; i < ninactive; i++)
		g->active[inactive[i]] = 0;
	g->rank = calloc(n + 1, sizeof *g->rank);
	for (i = 0; i < n; i++)
		g->rank[i] = reverse ? n - 1 - (uint32_t)i : (uint32_t)i;
	g->stats = calloc(n + 1, sizeof *g->stats);
	e = calloc(ne + 1, sizeof *e);
	for (i = 0; i < ne; i++) {
		if (o != NULL && o->veto[(size_t)te[i].a * n + te[i].b])
			continue;
		e[k].a = te[i].a;
		e[k].b = te[i].b;
		e[k].w = te[i].w;
		k++;
		g->stats[te[i].a].positive++;
		g->stats[te[i].b].positive++;
	}
	if (o != NULL)
		for (a = 0; a < n; a++)
			for (b = 0; b < n; b++)
				if (a != b && o->veto[(size_t)a * n + b])
					g->stats[a].vetoed++;
	graph_finish(g, e, k);
}

static struct config_match
match_defaults(enum match_mode mode)
{
	struct config_match m = {
		.mode = mode,
		.per_attendee = 3,
		.min_per_attendee = 0,
		.max_per_attendee = 3,
		.candidates = 50,
		.min_score = 0,
		.seed = 1,
		.odd = MATCH_ODD_TRIO,
		.group_size = mode == MATCH_GROUPS ? 4 : 2,
		.rounds = 1,
	};
	return m;
}

/* Random edges: each pair with probability DENS/100, weights 1..MAXW
 * (integers, so ties are common) or real when REAL. */
static size_t
random_edges(struct rng *r, uint32_t n, unsigned dens, unsigned maxw,
    int real, struct tedge *te)
{
	uint32_t a, b;
	size_t k = 0;

	for (a = 0; a < n; a++)
		for (b = a + 1; b < n; b++) {
			if (rng_below(r, 100) >= dens)
				continue;
			te[k].a = a;
			te[k].b = b;
			te[k].w = real ? 0.01 + rng_unit(r) * maxw :
			    (double)(1 + rng_below(r, maxw));
			k++;
		}
	return k;
}

/* ------------------------------------------------------------ checks */

/* Every intro: a < b by rank, both active, pair once per (round). */
static int
check_intros(const struct graph *g, const struct assignment *a)
{
	struct pairmap seen;
	struct pairmap_entry *e;
	size_t i;
	int added, ok = 1;

	pairmap_init(&seen, a->nintros);
	for (i = 0; i < a->nintros; i++) {
		const struct intro *in = &a->intros[i];

		if (in->a == in->b || in->a >= g->n || in->b >= g->n ||
		    !g->active[in->a] || !g->active[in->b] ||
		    g->rank[in->a] > g->rank[in->b])
			ok = 0;
		e = pairmap_get(&seen, in->a, in->b, &added);
		if (!added && e->count == in->round)
			ok = 0;
		e->count = in->round;
		/* sorted by round, table, a's rank, score desc, b's rank */
		if (i > 0) {
			const struct intro *p = &a->intros[i - 1];

			if (p->round > in->round || (p->round == in->round &&
			    p->table > in->table))
				ok = 0;
			if (p->round == in->round && p->table == in->table &&
			    g->rank[p->a] > g->rank[in->a])
				ok = 0;
		}
	}
	pairmap_free(&seen);
	return ok;
}

/* Seats: every active attendee exactly once per round, inactive never;
 * no vetoed pair at a table; tables 1..T. */
static int
check_seats(const struct graph *g, const struct assignment *a,
    int32_t rounds, const struct toracle *o, int allow_left_out)
{
	unsigned *count;
	size_t i, j;
	int ok = 1;
	int32_t r;

	count = calloc((size_t)g->n * (rounds + 1) + 1, sizeof *count);
	for (i = 0; i < a->nseats; i++) {
		const struct seat *s = &a->seats[i];

		if (s->attendee >= g->n || !g->active[s->attendee] ||
		    s->round < 1 || s->round > rounds || s->table < 0 ||
		    (s->table == 0 && !allow_left_out))
			ok = 0;
		else
			count[(size_t)s->round * g->n + s->attendee]++;
	}
	for (r = 1; r <= rounds; r++)
		for (i = 0; i < g->n; i++)
			if (count[(size_t)r * g->n + i] != (g->active[i] ? 1 : 0))
				ok = 0;
	free(count);
	if (o != NULL) {
		for (i = 0; i < a->nseats; i++)
			for (j = i + 1; j < a->nseats &&
			    a->seats[j].round == a->seats[i].round &&
			    a->seats[j].table == a->seats[i].table; j++)
				if (a->seats[i].table != 0 &&
				    o->veto[(size_t)a->seats[i].attendee * o->n +
				    a->seats[j].attendee])
					ok = 0;
	}
	return ok;
}

/* No pair at a table in more than one round. */
static int
check_no_repeat(const struct assignment *a)
{
	struct pairmap met;
	struct pairmap_entry *e;
	size_t i, j;
	int ok = 1;

	pairmap_init(&met, a->nintros);
	for (i = 0; i < a->nseats; i = j) {
		for (j = i + 1; j < a->nseats &&
		    a->seats[j].round == a->seats[i].round &&
		    a->seats[j].table == a->seats[i].table; j++)
			;
		for (size_t x = i; x < j; x++)
			for (size_t y = x + 1; y < j; y++) {
				e = pairmap_get(&met, a->seats[x].attendee,
				    a->seats[y].attendee, NULL);
				if (++e->count > 1)
					ok = 0;
			}
	}
	pairmap_free(&met);
	return ok;
}

static int
same_assignment(const struct assignment *x, const struct assignment *y)
{
	return x->nintros == y->nintros && x->nseats == y->nseats &&
	    x->nshort == y->nshort &&
	    memcmp(x->intros, y->intros, x->nintros * sizeof *x->intros) == 0 &&
	    (x->nseats == 0 || memcmp(x->seats, y->seats,
	    x->nseats * sizeof *x->seats) == 0) &&
	    (x->nshort == 0 || memcmp(x->short_of, y->short_of,
	    x->nshort * sizeof *x->short_of) == 0);
}

/* Does a second run of the same graph and match give the same result? */
static int
same_again(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *po, const struct assignment *out)
{
	struct assignment again;
	char *cause = NULL;
	int same;

	if (assign_run(g, m, po, &again, &cause) != 0) {
		free(cause);
		return 0;
	}
	same = same_assignment(out, &again);
	assignment_free(&again);
	return same;
}

static const struct coverage *
find_short(const struct assignment *a, uint32_t who)
{
	size_t i;

	for (i = 0; i < a->nshort; i++)
		if (a->short_of[i].attendee == who)
			return &a->short_of[i];
	return NULL;
}

/* ------------------------------------------------------------ graph */

static void
test_graph(void)
{
	struct tedge te[] = {
		{ 2, 1, 0.5 }, { 0, 1, 0.9 }, { 1, 2, 0.7 }, { 3, 3, 1 },
		{ 0, 2, 0.5 }, { 1, 3, 0.5 }, { 3, 0, 0.2 },
	};
	uint32_t inactive[] = { 3 };
	struct graph g;
	size_t i;
	int ok = 1;

	build(&g, 4, te, 7, NULL, inactive, 1, 1);
	is_int(g.nedges, 3, "graph: loops, duplicates, inactive ends dropped");
	for (i = 0; i < g.nedges; i++)
		if (g.edges[i].a >= g.edges[i].b)
			ok = 0;
	ok(ok, "graph: edges oriented a < b");
	is_num(g.edges[2].w, 0.7, 1e-12, "graph: the heavier duplicate kept");
	/* node 2: edges to 1 (0.7) and 0 (0.5); node 0: to 1 (0.9), 2 */
	is_int(g.adj_off[3] - g.adj_off[2], 2, "graph: degree of node 2");
	is_int(graph_other(&g.edges[g.adj[g.adj_off[2]]], 2), 1,
	    "graph: adjacency best first");
	is_int(g.adj_off[4] - g.adj_off[3], 0, "graph: inactive node alone");
	graph_free(&g);

	/* equal weights: by the other end's rank (reversed here) */
	{
		struct tedge tie[] = { { 0, 1, 1 }, { 0, 2, 1 }, { 0, 3, 1 } };

		build(&g, 4, tie, 3, NULL, NULL, 0, 1);
		is_int(graph_other(&g.edges[g.adj[g.adj_off[0]]], 0), 3,
		    "graph: ties broken by rank, not index");
		graph_free(&g);
	}
}

/* By (a, b), then the heavier first: graph_finish's edges, and which of
 * a duplicate pair it keeps. */
static int
ref_edge_cmp(const void *x, const void *y)
{
	const struct edge *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return a->w > b->w ? -1 : a->w < b->w;
}

/* Is G's order strictly (weight desc, lower rank, higher rank), and is
 * each node's adjacency (weight desc, other end's rank) in it? */
static int
graph_order_ok(const struct graph *g)
{
	const struct edge *x, *y;
	uint32_t v, p, q;
	size_t i, j;

	for (i = 1; i < g->nedges; i++) {
		x = &g->edges[g->order[i - 1]];
		y = &g->edges[g->order[i]];
		p = g->rank[x->a] < g->rank[x->b] ? g->rank[x->a] :
		    g->rank[x->b];
		q = g->rank[y->a] < g->rank[y->b] ? g->rank[y->a] :
		    g->rank[y->b];
		if (x->w < y->w || (x->w == y->w && (p > q || (p == q &&
		    g->rank[x->a] + g->rank[x->b] > g->rank[y->a] +
		    g->rank[y->b]))))
			return 0;
	}
	for (v = 0; v < g->n; v++) {
		for (j = g->adj_off[v] + 1; j < g->adj_off[v + 1]; j++) {
			x = &g->edges[g->adj[j - 1]];
			y = &g->edges[g->adj[j]];
			p = g->rank[graph_other(x, v)];
			q = g->rank[graph_other(y, v)];
			if (x->w < y->w || (x->w == y->w && p >= q))
				return 0;
		}
	}
	return 1;
}

/* 3,000 random edges on 300 nodes, a fifth of them inactive, many pairs
 * twice or more, in both orientations and either weight first: the same
 * edges as oriented, filtered, sorted and deduplicated by qsort. */
static void
test_graph_random(void)
{
	const uint32_t n = 300;
	const size_t ne = 3000;
	struct graph g;
	struct edge *e = calloc(ne, sizeof *e), *want = calloc(ne, sizeof *e);
	struct rng r;
	uint32_t t;
	size_t i, k = 0, m = 0, bad = 0;

	memset(&g, 0, sizeof g);
	g.n = n;
	g.active = malloc(n);
	g.rank = malloc(n * sizeof *g.rank);
	for (i = 0; i < n; i++) {
		g.active[i] = i % 5 != 3;
		g.rank[i] = (uint32_t)((i * 7919) % n);	/* shuffled */
	}
	rng_seed(&r, 7);
	for (i = 0; i < ne; i++) {
		e[i].a = (uint32_t)rng_below(&r, 60);
		e[i].b = (uint32_t)rng_below(&r, i % 2 ? 60 : n);
		e[i].w = (double)rng_below(&r, 50) / 7;
		want[i] = e[i];
		if (want[i].a > want[i].b) {
			t = want[i].a;
			want[i].a = want[i].b;
			want[i].b = t;
		}
		if (want[i].a != want[i].b && g.active[want[i].a] &&
		    g.active[want[i].b])
			want[k++] = want[i];
	}
	qsort(want, k, sizeof *want, ref_edge_cmp);
	for (i = 0; i < k; i++)
		if (m == 0 || want[m - 1].a != want[i].a ||
		    want[m - 1].b != want[i].b)
			want[m++] = want[i];
	graph_finish(&g, e, ne);
	is_int(g.nedges, m, "graph: random edges, as many as qsort keeps");
	for (i = 0; i < m && i < g.nedges; i++)
		bad += g.edges[i].a != want[i].a || g.edges[i].b != want[i].b ||
		    g.edges[i].w != want[i].w;
	ok(m > 1000 && bad == 0, "graph: random edges, the same edges in the "
	    "same order, the heaviest of each pair");
	ok(graph_order_ok(&g), "graph: random edges, the order best first, "
	    "ties by the ends' ranks, and every node's list in it by weight, "
	    "then the other end's rank");
	free(want);
	graph_free(&g);
}

/* ------------------------------------------------------------ shared layer */

static void
test_active_by_rank(void)
{
	struct tedge te[] = { { 0, 1, 1 } };
	struct graph g;
	uint32_t *v;
	size_t n;

	/* ranks reversed: node 4 first; 1 and 4 inactive */
	build(&g, 5, te, 1, NULL, (uint32_t[]){ 1, 4 }, 2, 1);
	n = graph_active_by_rank(&g, &v);
	ok(n == 3 && v[0] == 3 && v[1] == 2 && v[2] == 0,
	    "graph: active nodes in rank order, inactive left out");
	free(v);
	graph_free(&g);
}

/* The context asks the oracle only what the contract says, and once. */
static void
test_ctx_oracle(void)
{
	/* 0-1 is an edge; 2, 3 and 4 have vetoes (2-3, 3-4), 0 has none */
	struct tedge te[] = { { 0, 1, 0.75 } };
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct config_match m = match_defaults(MATCH_GROUPS);
	struct assign_ctx c;
	struct graph g;
	char *cause = NULL;
	double sc = -1;
	int veto = -1;

	toracle_init(&o, 5);
	toracle_veto(&o, 2, 3);
	toracle_veto(&o, 3, 4);
	build(&g, 5, te, 1, &o, NULL, 0, 0);
	assign_ctx_init(&c, &g, &m, &po);
	is_num(assign_ctx_weight(&c, 1, 0), 0.75, 0, "ctx: an edge's weight");
	is_num(assign_ctx_weight(&c, 0, 2), 0, 0, "ctx: a non-edge weighs 0");
	ok(assign_ctx_vetoed(&c, 0, 2, &veto, &cause) == 0 && veto == 0 &&
	    o.calls == 0, "ctx: no question when one end has no vetoes");
	ok(assign_ctx_vetoed(&c, 2, 3, &veto, &cause) == 0 && veto == 1 &&
	    o.calls == 1, "ctx: a pair of vetoers is asked");
	ok(assign_ctx_vetoed(&c, 3, 2, &veto, &cause) == 0 && veto == 1 &&
	    assign_ctx_score(&c, 2, 3, &sc, &cause) == 0 && o.calls == 1,
	    "ctx: and never again, either order, veto or score");
	ok(assign_ctx_score(&c, 1, 0, &sc, &cause) == 0 && sc == 0.75 &&
	    o.calls == 1, "ctx: an edge scores its weight, unasked");
	ok(assign_ctx_score(&c, 0, 2, &sc, &cause) == 0 &&
	    sc == toracle_score(0, 2) && o.calls == 2,
	    "ctx: a non-edge's score is asked");
	o.fail = 1;
	ok(assign_ctx_score(&c, 0, 3, &sc, &cause) != 0 && cause != NULL &&
	    strcmp(cause, "rule failed") == 0, "ctx: a failure is passed on");
	free(cause);
	cause = NULL;
	ok(assign_ctx_score(&c, 3, 0, &sc, &cause) != 0 && o.calls == 3 &&
	    cause != NULL && strcmp(cause, "pair oracle failed before") == 0,
	    "ctx: a failed pair is not asked again");
	free(cause);
	assign_ctx_free(&c);

	assign_ctx_init(&c, &g, &m, NULL);
	ok(assign_ctx_vetoed(&c, 2, 3, &veto, &cause) == 0 && veto == 0 &&
	    assign_ctx_score(&c, 2, 3, &sc, &cause) == 0 && sc == 0 &&
	    o.calls == 3, "ctx: without an oracle, no vetoes and score 0");
	assign_ctx_free(&c);
	graph_free(&g);
	free(o.veto);
}

/* Seats to intros and coverage; the result sorted and oriented by rank. */
static void
test_ctx_seated(void)
{
	struct tedge te[] = { { 0, 1, 0.75 } };
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct config_match m = match_defaults(MATCH_ROUNDS);
	struct seat seats[] = {
		{ 3, 2, 1 }, { 0, 2, 1 }, { 2, 1, 0 }, { 1, 1, 1 }, { 0, 1, 1 },
	};
	struct assign_ctx c;
	struct assignment out;
	struct graph g;
	char *cause = NULL;

	toracle_init(&o, 4);
	build(&g, 4, te, 1, &o, NULL, 0, 1);	/* ranks reversed */
	assign_ctx_init(&c, &g, &m, &po);
	memset(&out, 0, sizeof out);
	out.has_rounds = out.has_tables = 1;
	out.seats = calloc(5, sizeof *out.seats);
	memcpy(out.seats, seats, sizeof seats);
	out.nseats = 5;
	ok(assign_ctx_introduce_seated(&c, &out, &cause) == 0,
	    "seated: introduces");
	is_int(out.nintros, 2, "seated: one intro per table of two");
	ok(out.nintros == 2 && out.intros[0].round == 1 &&
	    out.intros[0].a == 1 && out.intros[0].b == 0 &&
	    out.intros[0].score == 0.75 && out.intros[1].round == 2 &&
	    out.intros[1].a == 3 && out.intros[1].b == 0 &&
	    out.intros[1].score == toracle_score(0, 3),
	    "seated: by round, a ranked first, edge or oracle score");
	is_int(out.nshort, 0, "seated: no coverage before the coverage pass");
	coverage_fill(&out, &g, &m);
	ok(out.nshort == 1 && out.short_of[0].attendee == 2 &&
	    out.short_of[0].got == 0 && out.short_of[0].wanted == 1 &&
	    out.short_of[0].why == SHORTFALL_LEFT_OUT,
	    "seated: table 0 is left out");
	ok(out.seats[0].attendee == 2 && out.seats[0].table == 0 &&
	    out.seats[1].attendee == 1 && out.seats[2].attendee == 0 &&
	    out.seats[3].attendee == 3 && out.seats[4].round == 2,
	    "seated: seats by round, table, rank");
	assignment_free(&out);
	ok(out.intros == NULL && out.nintros == 0 && out.seats == NULL,
	    "assignment_free zeroes");
	is_str(assignment_shortfall_name(SHORTFALL_CAPACITY), "capacity",
	    "assignment_shortfall_name");
	is_str(assignment_shortfall_name((enum shortfall)99), "unknown",
	    "assignment_shortfall_name: out of range");
	assign_ctx_free(&c);
	graph_free(&g);
	free(o.veto);
}

/* ------------------------------------------------------------ blossom */

static int64_t bf_w[16][16];
static int64_t bf_memo[1 << 16];
static unsigned char bf_have[1 << 16];
static int bf_n;

/* The best matching weight of the vertex set MASK, by dynamic
 * programming over subsets (the lowest vertex is skipped or matched). */
static int64_t
brute(unsigned mask)
{
	unsigned rest;
	int i, j;
	int64_t best, x;

	if (mask == 0)
		return 0;
	if (bf_have[mask])
		return bf_memo[mask];
	i = __builtin_ctz(mask);
	rest = mask & ~(1u << i);
	best = brute(rest);
	for (j = 0; j < bf_n; j++) {
		if (!(rest >> j & 1) || bf_w[i][j] <= 0)
			continue;
		x = bf_w[i][j] + brute(rest & ~(1u << j));
		if (x > best)
			best = x;
	}
	bf_have[mask] = 1;
	bf_memo[mask] = best;
	return best;
}

static void
test_blossom_small(void)
{
	struct blossom_edge path[] = { { 0, 1, 1 }, { 1, 2, 3 }, { 2, 3, 1 } };
	struct blossom_edge tri[] = { { 0, 1, 5 }, { 1, 2, 5 }, { 0, 2, 5 },
		{ 2, 3, 1 } };
	uint32_t mate[8];

	is_int(blossom_match(0, NULL, 0, mate), 0, "blossom: empty graph");
	is_int(blossom_match(4, path, 3, mate), 3,
	    "blossom: weight over size (path 1-3-1)");
	ok(mate[1] == 2 && mate[0] == BLOSSOM_NONE, "blossom: takes the middle");
	is_int(blossom_match(4, tri, 4, mate), 6,
	    "blossom: odd cycle plus pendant");
	ok(mate[3] == 2, "blossom: pendant matched into the triangle");
}

/* Random graphs up to 12 vertices against brute force: integer and
 * tie-heavy weights, sparse (disconnected) and dense. */
static void
test_blossom_random(void)
{
	struct rng r;
	struct blossom_edge e[80];
	uint32_t mate[16], n, a, b, t;
	int it, bad = 0, invalid = 0;
	size_t m, k;
	int64_t got, want, sum;

	rng_seed(&r, 12345);
	for (it = 0; it < 3000; it++) {
		n = 1 + (uint32_t)rng_below(&r, 12);
		unsigned dens = (unsigned)rng_below(&r, 100);
		unsigned maxw = rng_below(&r, 2) ? 3 : 1000;

		memset(bf_w, 0, sizeof bf_w);
		m = 0;
		for (a = 0; a < n; a++)
			for (b = a + 1; b < n; b++) {
				if (rng_below(&r, 100) >= dens)
					continue;
				e[m].a = a;
				e[m].b = b;
				e[m].w = 1 + (int64_t)rng_below(&r, maxw);
				bf_w[a][b] = bf_w[b][a] = e[m].w;
				m++;
			}
		/* any edge order and orientation */
		for (k = m; k > 1; k--) {
			size_t j = rng_below(&r, k);
			struct blossom_edge x = e[k - 1];

			e[k - 1] = e[j];
			e[j] = x;
		}
		for (k = 0; k < m; k++)
			if (rng_below(&r, 2)) {
				t = e[k].a;
				e[k].a = e[k].b;
				e[k].b = t;
			}
		bf_n = (int)n;
		memset(bf_have, 0, (size_t)1 << n);
		want = brute((1u << n) - 1);
		got = blossom_match(n, e, m, mate);
		sum = 0;
		for (a = 0; a < n; a++) {
			if (mate[a] == BLOSSOM_NONE)
				continue;
			if (mate[a] >= n || mate[mate[a]] != a ||
			    bf_w[a][mate[a]] <= 0)
				invalid++;
			else if (a < mate[a])
				sum += bf_w[a][mate[a]];
		}
		if (got != want || sum != got)
			bad++;
	}
	is_int(bad, 0, "blossom: 3000 random graphs (n <= 12) match brute force");
	is_int(invalid, 0, "blossom: every mate is a real, mutual edge");
}

/* Real-valued scores through assign_pairs (leave-out), against brute
 * force on the same rounded weights. */
static void
test_pairs_weight(void)
{
	struct rng r;
	struct tedge te[80];
	struct graph g;
	struct config_match m = match_defaults(MATCH_PAIRS);
	struct assignment out;
	char *cause = NULL;
	double total, want;
	uint32_t n, a, b;
	size_t ne, i;
	int it, bad = 0;

	m.odd = MATCH_ODD_LEAVE_OUT;
	rng_seed(&r, 777);
	for (it = 0; it < 400; it++) {
		n = 2 + (uint32_t)rng_below(&r, 11);
		ne = random_edges(&r, n, 10 + (unsigned)rng_below(&r, 80), 1,
		    (int)rng_below(&r, 2), te);
		build(&g, n, te, ne, NULL, NULL, 0, it % 2);
		memset(bf_w, 0, sizeof bf_w);
		for (i = 0; i < g.nedges; i++) {
			a = g.edges[i].a;
			b = g.edges[i].b;
			bf_w[a][b] = bf_w[b][a] =
			    (int64_t)(g.edges[i].w * 1e6 + 0.5);
		}
		bf_n = (int)n;
		memset(bf_have, 0, (size_t)1 << n);
		want = (double)brute((1u << n) - 1) / 1e6;
		if (assign_run(&g, &m, NULL, &out, &cause) != 0) {
			bad++;
			free(cause);
			graph_free(&g);
			continue;
		}
		total = 0;
		for (i = 0; i < out.nintros; i++)
			total += out.intros[i].score;
		if (total < want - 1e-5 || total > want + 1e-5)
			bad++;
		assignment_free(&out);
		graph_free(&g);
	}
	is_int(bad, 0, "pairs: 400 real-valued graphs reach the best total");
}

/* ------------------------------------------------------------ suggestions */

static void
test_suggestions_basic(void)
{
	/* 0 is everyone's favourite; 1..5 like each other a little. */
	struct tedge te[] = {
		{ 0, 1, 0.9 }, { 0, 2, 0.9 }, { 0, 3, 0.9 }, { 0, 4, 0.9 },
		{ 0, 5, 0.9 }, { 1, 2, 0.2 }, { 3, 4, 0.2 }, { 4, 5, 0.1 },
	};
	struct graph g;
	struct config_match m = match_defaults(MATCH_SUGGESTIONS);
	struct assignment out, again;
	char *cause = NULL;
	unsigned deg[8] = { 0 };
	size_t i, nbelow;
	int ok = 1;

	m.max_per_attendee = 2;
	m.min_per_attendee = 1;
	build(&g, 8, te, 8, NULL, NULL, 0, 0);
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0, "suggestions: runs");
	for (i = 0; i < out.nintros; i++) {
		deg[out.intros[i].a]++;
		deg[out.intros[i].b]++;
		if (out.intros[i].round != 0 || out.intros[i].table != 0)
			ok = 0;
	}
	ok(ok && !out.has_rounds && !out.has_tables && out.seats == NULL,
	    "suggestions: no rounds, tables or seats");
	ok(check_intros(&g, &out), "suggestions: intros valid and sorted");
	ok(deg[0] <= 2, "suggestions: the favourite stays within the cap");
	for (i = 1; i <= 5; i++)
		if (deg[i] < 1 || deg[i] > 2)
			ok = 0;
	ok(ok, "suggestions: everyone with a partner gets at least one");
	for (i = 0, nbelow = 0; i < 8; i++) {
		nbelow += deg[i] < 2;
		if (deg[i] < 2 && find_short(&out, (uint32_t)i) == NULL)
			ok = 0;
	}
	ok(ok, "suggestions: everyone below max_per_attendee is listed");
	is_int(out.nshort, nbelow, "suggestions: and nobody else");
	for (i = 0; i < out.nshort; i++)
		if (out.short_of[i].wanted != 2 ||
		    out.short_of[i].got != deg[out.short_of[i].attendee])
			ok = 0;
	ok(ok, "suggestions: got as given, wanted min(per, max)");
	ok(find_short(&out, 6) != NULL &&
	    find_short(&out, 6)->why == SHORTFALL_NO_PARTNER,
	    "suggestions: no partner reported");
	ok(assign_run(&g, &m, NULL, &again, &cause) == 0 &&
	    same_assignment(&out, &again), "suggestions: deterministic");
	assignment_free(&out);
	assignment_free(&again);
	graph_free(&g);
}

/* Whether OUT introduces A and B (either order). */
static int
has_intro(const struct assignment *out, uint32_t a, uint32_t b)
{
	size_t i;

	for (i = 0; i < out->nintros; i++)
		if ((out->intros[i].a == a && out->intros[i].b == b) ||
		    (out->intros[i].a == b && out->intros[i].b == a))
			return 1;
	return 0;
}

static void
test_suggestions_start(void)
{
	/* A square of equal weights, one each: from nothing 0-1 and 2-3
	 * (ranks break the tie); from the other two (graph.h's start, as
	 * topup.c sets it) those stay, as good as any. */
	struct tedge te[] = {
		{ 0, 1, 1 }, { 1, 2, 1 }, { 2, 3, 1 }, { 0, 3, 1 },
	};
	struct graph g;
	struct config_match m = match_defaults(MATCH_SUGGESTIONS);
	struct assignment out;
	char *cause = NULL;

	m.per_attendee = m.max_per_attendee = m.min_per_attendee = 1;
	build(&g, 4, te, 4, NULL, NULL, 0, 0);
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0 &&
	    has_intro(&out, 0, 1) && has_intro(&out, 2, 3),
	    "suggestions start: from nothing, by rank");
	assignment_free(&out);
	g.start = calloc(g.nedges, 1);
	g.start[graph_find_edge(&g, 1, 2)] = 1;
	g.start[graph_find_edge(&g, 0, 3)] = 1;
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0 &&
	    has_intro(&out, 1, 2) && has_intro(&out, 0, 3) &&
	    out.nintros == 2 && out.nshort == 0,
	    "suggestions start: from the pairs given");
	assignment_free(&out);
	graph_free(&g);
}

static void
test_suggestions_reasons(void)
{
	/* 0 has room for one; 1 and 2 only like 0.  3 vetoed everyone. */
	struct tedge te[] = { { 0, 1, 0.9 }, { 0, 2, 0.8 } };
	struct graph g;
	struct config_match m = match_defaults(MATCH_SUGGESTIONS);
	struct assignment out;
	char *cause = NULL;
	const struct coverage *c;

	m.max_per_attendee = 1;
	build(&g, 4, te, 2, NULL, NULL, 0, 0);
	g.stats[3].positive = 0;
	g.stats[3].vetoed = 2;
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0, "reasons: runs");
	c = find_short(&out, 2);
	ok(c != NULL && c->why == SHORTFALL_CAPACITY && c->got == 0 &&
	    c->wanted == 1, "reasons: capacity taken");
	c = find_short(&out, 3);
	ok(c != NULL && c->why == SHORTFALL_ALL_VETOED, "reasons: all vetoed");
	ok(find_short(&out, 1) == NULL, "reasons: 1 is covered");
	is_str(assignment_shortfall_name(SHORTFALL_CAPACITY), "capacity",
	    "reasons: names");
	is_str(assignment_shortfall_name(SHORTFALL_LEFT_OUT), "left-out",
	    "reasons: names (left out)");
	assignment_free(&out);
	graph_free(&g);
}

/*
 * Coverage judges by the stats over all pairs scored: someone who scores
 * 0 with everyone is no-partner even with one veto; all-vetoed needs
 * everyone else vetoed; wanted is per_attendee, not the floor.
 */
static void
test_coverage_why(void)
{
	/* 0 likes 1, 2 and 3; 4 scores 0 with all but one veto; 5 is
	 * vetoed with everyone. */
	struct tedge te[] = { { 0, 1, 0.9 }, { 0, 2, 0.8 }, { 0, 3, 0.7 } };
	struct graph g;
	struct config_match m = match_defaults(MATCH_SUGGESTIONS);
	struct assignment out;
	char *cause = NULL;
	const struct coverage *c;

	build(&g, 6, te, 3, NULL, NULL, 0, 0);
	g.stats[4].low = 4;
	g.stats[4].vetoed = 1;
	g.stats[5].vetoed = 5;
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0, "coverage: runs");
	c = find_short(&out, 4);
	ok(c != NULL && c->why == SHORTFALL_NO_PARTNER && c->got == 0 &&
	    c->wanted == 3, "coverage: scoring 0 with everyone is no-partner");
	c = find_short(&out, 5);
	ok(c != NULL && c->why == SHORTFALL_ALL_VETOED,
	    "coverage: vetoed with everyone is all-vetoed");
	c = find_short(&out, 1);
	ok(c != NULL && c->got == 1 && c->wanted == 3 &&
	    c->why == SHORTFALL_NO_PARTNER,
	    "coverage: one of per_attendee = 3 is short, of partners");
	ok(find_short(&out, 0) == NULL, "coverage: 0 got all 3");
	is_int(out.nshort, 5, "coverage: all but 0 are listed");
	assignment_free(&out);
	graph_free(&g);
}

/*
 * Capacities (per_attendee_column) in the coverage pass: wanted is the
 * person's own capacity where it is below per_attendee, and whoever
 * opted out (cap 0) is listed as such, got and wanted 0.
 */
static void
test_coverage_caps(void)
{
	struct tedge te[] = { { 0, 1, 0.9 }, { 0, 2, 0.8 }, { 0, 3, 0.7 } };
	struct graph g;
	struct config_match m = match_defaults(MATCH_SUGGESTIONS);
	struct assignment out;
	char *cause = NULL;
	const struct coverage *c;
	uint32_t v;

	build(&g, 5, te, 3, NULL, NULL, 0, 0);
	g.cap = calloc(g.n, sizeof *g.cap);
	for (v = 0; v < g.n; v++)
		g.cap[v] = 3;
	g.cap[1] = 1;		/* asked for one: got it */
	g.cap[2] = 2;		/* asked for two: got one */
	g.cap[4] = 0;		/* opted out */
	g.active[4] = 0;
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0, "caps: runs");
	ok(find_short(&out, 1) == NULL, "caps: one of one is not short");
	c = find_short(&out, 2);
	ok(c != NULL && c->got == 1 && c->wanted == 2,
	    "caps: wanted is the person's own capacity");
	c = find_short(&out, 3);
	ok(c != NULL && c->got == 1 && c->wanted == 3,
	    "caps: per_attendee where the capacity is higher");
	c = find_short(&out, 4);
	ok(c != NULL && c->why == SHORTFALL_OPTED_OUT && c->got == 0 &&
	    c->wanted == 0, "caps: opted out, got and wanted 0");
	is_int(out.nshort, 3, "caps: 2, 3 and 4 are listed");
	ok(out.nshort == 3 && g.rank[out.short_of[0].attendee] <
	    g.rank[out.short_of[1].attendee] &&
	    g.rank[out.short_of[1].attendee] <
	    g.rank[out.short_of[2].attendee], "caps: listed by rank");
	assignment_free(&out);
	graph_free(&g);
}

/* Random graphs: caps hold; nobody below the floor could be helped by
 * one free edge; the minimum is met where a swap allows it. */
static void
test_suggestions_random(void)
{
	struct rng r;
	static struct tedge te[4000];
	struct graph g;
	struct config_match m = match_defaults(MATCH_SUGGESTIONS);
	struct assignment out;
	char *cause = NULL;
	unsigned *deg;
	uint32_t n, inactive[3];
	size_t ne, i;
	int it, capok = 1, intros_ok = 1, maximal = 1, runs = 1;

	rng_seed(&r, 99);
	for (it = 0; it < 60; it++) {
		n = 10 + (uint32_t)rng_below(&r, 80);
		ne = random_edges(&r, n, 3 + (unsigned)rng_below(&r, 20), 5,
		    it % 2, te);
		inactive[0] = 0;
		inactive[1] = n / 2;
		build(&g, n, te, ne, NULL, inactive, 2, it % 3 == 0);
		m.max_per_attendee = 1 + (long)rng_below(&r, 4);
		m.min_per_attendee = (long)rng_below(&r,
		    (uint64_t)m.max_per_attendee + 1);
		if (assign_run(&g, &m, NULL, &out, &cause) != 0) {
			runs = 0;
			free(cause);
			graph_free(&g);
			continue;
		}
		deg = calloc(n, sizeof *deg);
		for (i = 0; i < out.nintros; i++) {
			deg[out.intros[i].a]++;
			deg[out.intros[i].b]++;
		}
		for (i = 0; i < n; i++)
			if (deg[i] > (unsigned)m.max_per_attendee)
				capok = 0;
		if (!check_intros(&g, &out))
			intros_ok = 0;
		/* no unused edge with room at both ends */
		for (i = 0; i < g.nedges; i++) {
			int used = 0;
			size_t j;

			for (j = 0; j < out.nintros; j++)
				if ((out.intros[j].a == g.edges[i].a &&
				    out.intros[j].b == g.edges[i].b) ||
				    (out.intros[j].a == g.edges[i].b &&
				    out.intros[j].b == g.edges[i].a))
					used = 1;
			if (!used && deg[g.edges[i].a] <
			    (unsigned)m.max_per_attendee &&
			    deg[g.edges[i].b] < (unsigned)m.max_per_attendee)
				maximal = 0;
		}
		free(deg);
		assignment_free(&out);
		graph_free(&g);
	}
	ok(runs, "suggestions random: every run succeeds");
	ok(capok, "suggestions random: nobody above max_per_attendee");
	ok(intros_ok, "suggestions random: intros valid, inactive absent");
	ok(maximal, "suggestions random: no usable edge left unused");
}

/* ------------------------------------------------------------ pairs */

static void
test_pairs_modes(void)
{
	/* 5 people: 0-1 and 2-3 strong; 4 likes 0 a bit; 4 vetoes 2. */
	struct tedge te[] = { { 0, 1, 0.9 }, { 2, 3, 0.8 }, { 0, 4, 0.1 } };
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct graph g;
	struct config_match m = match_defaults(MATCH_PAIRS);
	struct assignment out;
	char *cause = NULL;
	size_t i;
	int32_t t4 = -1, t0 = -2, t2 = -3;

	toracle_init(&o, 6);
	toracle_veto(&o, 4, 2);
	toracle_veto(&o, 4, 5);
	build(&g, 6, te, 3, &o, (uint32_t[]){ 5 }, 1, 0);
	ok(assign_run(&g, &m, &po, &out, &cause) == 0, "pairs: trio runs");
	ok(out.has_tables && !out.has_rounds, "pairs: tables, no rounds");
	ok(check_seats(&g, &out, 1, &o, 0), "pairs: everyone seated once, "
	    "no veto, inactive absent");
	for (i = 0; i < out.nseats; i++) {
		if (out.seats[i].attendee == 4)
			t4 = out.seats[i].table;
		if (out.seats[i].attendee == 0)
			t0 = out.seats[i].table;
		if (out.seats[i].attendee == 2)
			t2 = out.seats[i].table;
	}
	ok(t4 == t0 && t4 != t2, "pairs: the odd one joins where they fit");
	is_int(out.nintros, 4, "pairs: a trio gives three intros");
	ok(check_intros(&g, &out), "pairs: intros valid");
	assignment_free(&out);

	m.odd = MATCH_ODD_LEAVE_OUT;
	ok(assign_run(&g, &m, &po, &out, &cause) == 0, "pairs: leave-out runs");
	is_int(out.nshort, 1, "pairs: one left out");
	ok(out.nshort == 1 && out.short_of[0].attendee == 4 &&
	    out.short_of[0].why == SHORTFALL_LEFT_OUT, "pairs: 4 left out");
	ok(check_seats(&g, &out, 1, &o, 1), "pairs: left out has table 0");
	assignment_free(&out);
	graph_free(&g);
	free(o.veto);
}

static void
test_pairs_no_edges(void)
{
	struct graph g;
	struct config_match m = match_defaults(MATCH_PAIRS);
	struct assignment out;
	char *cause = NULL;

	build(&g, 7, NULL, 0, NULL, NULL, 0, 0);
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0, "pairs: no edges");
	ok(check_seats(&g, &out, 1, NULL, 0),
	    "pairs: strangers still get tables (3 tables for 7)");
	is_int(out.nintros, 1 + 1 + 3, "pairs: two pairs and a trio");
	assignment_free(&out);
	graph_free(&g);
}

static void
test_pairs_random(void)
{
	struct rng r;
	static struct tedge te[4000];
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct graph g;
	struct config_match m = match_defaults(MATCH_PAIRS);
	struct assignment out;
	char *cause = NULL;
	uint32_t n;
	size_t ne, i;
	int it, good = 1, det = 1, sizes = 1;

	rng_seed(&r, 4242);
	for (it = 0; it < 40; it++) {
		n = 3 + (uint32_t)rng_below(&r, 60);
		random_vetoes(&r, &o, n);
		ne = random_edges(&r, n, 5 + (unsigned)rng_below(&r, 30), 4,
		    1, te);
		build(&g, n, te, ne, &o, (uint32_t[]){ 1 }, 1, it % 2);
		m.seed = (unsigned long)it;
		if (assign_run(&g, &m, &po, &out, &cause) != 0) {
			good = 0;
			free(cause);
		} else {
			if (!check_seats(&g, &out, 1, &o, 1) ||
			    !check_intros(&g, &out))
				good = 0;
			for (i = 0; i < out.nseats; i++) {
				size_t j, c = 0;

				for (j = 0; j < out.nseats; j++)
					c += out.seats[j].table ==
					    out.seats[i].table;
				if (out.seats[i].table != 0 && (c < 2 || c > 3))
					sizes = 0;
			}
			if (!same_again(&g, &m, &po, &out))
				det = 0;
			assignment_free(&out);
		}
		graph_free(&g);
		free(o.veto);
	}
	ok(good, "pairs random: seated once, no veto at a table");
	ok(sizes, "pairs random: tables of two or three");
	ok(det, "pairs random: same input, same output");
}

/* The vetoed pairs of O as the engine keeps them (graph.h). */
static void
keep_vetoes(struct graph *g, const struct toracle *o)
{
	uint32_t a, b;

	g->vetoes = calloc((size_t)o->n * o->n + 1, sizeof *g->vetoes);
	for (a = 0; a < o->n; a++)
		for (b = a + 1; b < o->n; b++)
			if (o->veto[(size_t)a * o->n + b])
				g->vetoes[g->nvetoes++] = (struct edge){ a, b, 0 };
}

/* Vetoed pairs of O at one table in OUT's seats. */
static size_t
seated_vetoes(const struct assignment *out, const struct toracle *o)
{
	size_t i, j, n = 0;

	for (i = 0; i < out->nseats; i++)
		for (j = i + 1; j < out->nseats; j++)
			if (out->seats[i].round == out->seats[j].round &&
			    out->seats[i].table == out->seats[j].table &&
			    out->seats[i].table != 0 &&
			    o->veto[(size_t)out->seats[i].attendee * o->n +
			    out->seats[j].attendee])
				n++;
	return n;
}

/*
 * With every vetoed pair listed (graph.vetoes_complete, as the engine
 * leaves it after scoring every pair), the modes never ask the oracle
 * whether a pair is vetoed: only the scores of seated non-edges, for the
 * output, once each.  The seating is the one the oracle's answers give.
 */
static void
test_vetoes_listed(void)
{
	struct rng r;
	static struct tedge te[4000];
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct config_match m = match_defaults(MATCH_ROUNDS);
	struct assignment asked, listed;
	struct assign_ctx c;
	struct graph g;
	char *cause = NULL;
	unsigned calls;
	size_t i, nonedges = 0;
	uint32_t n = 60;
	int veto = -1;

	toracle_init(&o, 5);
	toracle_veto(&o, 2, 3);
	toracle_veto(&o, 3, 4);
	build(&g, 5, NULL, 0, &o, NULL, 0, 0);
	keep_vetoes(&g, &o);
	g.vetoes_complete = 1;
	assign_ctx_init(&c, &g, &m, &po);
	ok(assign_ctx_vetoed(&c, 3, 2, &veto, &cause) == 0 && veto == 1 &&
	    assign_ctx_vetoed(&c, 3, 4, &veto, &cause) == 0 && veto == 1 &&
	    assign_ctx_vetoed(&c, 2, 4, &veto, &cause) == 0 && veto == 0 &&
	    o.calls == 0, "listed vetoes: answered without the oracle");
	assign_ctx_free(&c);
	graph_free(&g);
	free(o.veto);

	rng_seed(&r, 4242);
	random_vetoes(&r, &o, n);
	for (i = 0; i < n; i++)
		toracle_veto(&o, (uint32_t)i, (uint32_t)(i + 7) % n);
	build(&g, n, te, random_edges(&r, n, 5, 3, 1, te), &o, NULL, 0, 0);
	keep_vetoes(&g, &o);
	m.group_size = 4;
	m.rounds = 3;
	ok(assign_run(&g, &m, &po, &asked, &cause) == 0, "listed vetoes: "
	    "rounds run asking the oracle");
	calls = o.calls;
	o.calls = 0;
	g.vetoes_complete = 1;
	ok(assign_run(&g, &m, &po, &listed, &cause) == 0, "listed vetoes: "
	    "rounds run with the list");
	for (i = 0; i < listed.nintros; i++)
		if (graph_find_edge(&g, listed.intros[i].a,
		    listed.intros[i].b) < 0)
			nonedges++;
	ok(same_assignment(&asked, &listed) && seated_vetoes(&listed, &o) ==
	    0, "listed vetoes: the same schedule, no vetoed pair together");
	ok(o.calls == nonedges && calls > nonedges, "listed vetoes: the "
	    "oracle asked only for the output's non-edges");
	printf("# oracle calls: %u asking, %u with the list (%zu non-edges "
	    "seated)\n", calls, o.calls, nonedges);
	assignment_free(&listed);

	/* A partial list: the oracle's veto function answers vetoes. */
	g.vetoes_complete = 0;
	o.calls = 0;
	po.veto = toracle_veto_only;
	ok(assign_run(&g, &m, &po, &listed, &cause) == 0 &&
	    same_assignment(&asked, &listed), "veto function: the same "
	    "schedule");
	ok(o.calls == nonedges && o.veto_calls > 0 && o.veto_calls <= calls,
	    "veto function: asked for vetoes, the pair only for the output");
	printf("# veto function: %u veto calls, %u pair calls\n",
	    o.veto_calls, o.calls);
	assignment_free(&asked);
	assignment_free(&listed);
	graph_free(&g);
	free(o.veto);
}

/*
 * More people vetoed with each other than tables: refused at once with
 * the cause; with best_effort, seated with the fewest vetoed pairs that
 * counting proves (a clique of C at T tables: C mod T tables hold
 * C / T + 1 of them), each listed.
 */
static void
test_groups_vetoed_clique(void)
{
	struct rng r;
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct config_match m = match_defaults(MATCH_GROUPS);
	struct assignment out;
	struct graph g;
	char *cause;
	uint32_t n, t, c, i, j, q, rem, *who;
	size_t least;
	int bad_msg = 0, bad_count = 0, bad_best = 0, k;

	rng_seed(&r, 9);
	for (k = 0; k < 20; k++) {
		n = 8 + (uint32_t)rng_below(&r, 20);
		m.group_size = 2 + (long)rng_below(&r, 4);
		t = (n + (uint32_t)m.group_size - 1) / (uint32_t)m.group_size;
		if (t > 1 && n / t < 2)
			t = n / (uint32_t)m.group_size;
		c = t + 1 + (uint32_t)rng_below(&r, 3);
		if (c > n)
			continue;
		toracle_init(&o, n);
		who = calloc(n, sizeof *who);
		for (i = 0; i < n; i++)
			who[i] = i;
		for (i = 0; i < c; i++) {	/* C people at random */
			j = i + (uint32_t)rng_below(&r, n - i);
			q = who[i];
			who[i] = who[j];
			who[j] = q;
		}
		for (i = 0; i < c; i++)
			for (j = i + 1; j < c; j++)
				toracle_veto(&o, who[i], who[j]);
		build(&g, n, NULL, 0, &o, NULL, 0, k % 2);
		keep_vetoes(&g, &o);

		m.best_effort = 0;
		cause = NULL;
		if (assign_run(&g, &m, &po, &out, &cause) == 0 ||
		    cause == NULL || strstr(cause, "may not share a table") ==
		    NULL || strstr(cause, "best_effort = yes") == NULL) {
			bad_msg++;
			printf("# n %u, %u tables, %u vetoed: %s\n", n, t,
			    c, cause ? cause : "(none)");
		}
		free(cause);

		m.best_effort = 1;
		q = c / t;
		rem = c % t;
		least = (size_t)rem * (q + 1) * q / 2 +
		    (size_t)(t - rem) * q * (q - 1) / 2;
		cause = NULL;
		if (assign_run(&g, &m, &po, &out, &cause) != 0) {
			bad_best++;
			printf("# best effort failed: %s\n", cause);
			free(cause);
		} else {
			if (out.nvetoed != seated_vetoes(&out, &o))
				bad_count++;
			if (out.nvetoed != least || !out.vetoed_fewest) {
				bad_best++;
				printf("# n %u, %u tables, %u vetoed: %zu "
				    "pairs, want %zu\n", n, t, c, out.nvetoed,
				    least);
			}
			for (i = 0; i < out.nvetoed; i++)
				if (!o.veto[(size_t)out.vetoed[i].a * n +
				    out.vetoed[i].b])
					bad_count++;
		}
		assignment_free(&out);
		graph_free(&g);
		free(o.veto);
		free(who);
	}
	is_int(bad_msg, 0, "vetoed clique: refused with the cause, no search");
	is_int(bad_best, 0, "vetoed clique: best effort reaches the proven "
	    "fewest");
	is_int(bad_count, 0, "vetoed clique: exactly the seated vetoed pairs "
	    "listed");
}

/* ------------------------------------------------------------ groups */

static void
test_groups(void)
{
	struct rng r;
	static struct tedge te[4000];
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct graph g;
	struct config_match m = match_defaults(MATCH_GROUPS);
	struct assignment out, again;
	char *cause = NULL;
	uint32_t n, sizes[64], a, b;
	size_t ne, i;
	int it, good = 1, even = 1, det = 1;

	rng_seed(&r, 5);
	for (it = 0; it < 30; it++) {
		n = 2 + (uint32_t)rng_below(&r, 60);
		toracle_init(&o, n);
		for (i = 0; i < n / 4; i++) {
			a = (uint32_t)rng_below(&r, n);
			b = (uint32_t)rng_below(&r, n);
			if (a != b)
				toracle_veto(&o, a, b);
		}
		ne = random_edges(&r, n, 10, 3, 1, te);
		build(&g, n, te, ne, &o, NULL, 0, 0);
		m.group_size = 2 + (long)rng_below(&r, 6);
		m.seed = (unsigned long)it;
		if (assign_run(&g, &m, &po, &out, &cause) != 0) {
			good = 0;
			printf("# groups: %s\n", cause);
			free(cause);
			graph_free(&g);
			free(o.veto);
			continue;
		}
		if (!check_seats(&g, &out, 1, &o, 0) || !check_intros(&g, &out))
			good = 0;
		memset(sizes, 0, sizeof sizes);
		for (i = 0; i < out.nseats; i++)
			sizes[out.seats[i].table]++;
		{
			uint32_t lo = UINT32_MAX, hi = 0;

			for (i = 1; i < 64; i++) {
				if (sizes[i] == 0)
					continue;
				lo = sizes[i] < lo ? sizes[i] : lo;
				hi = sizes[i] > hi ? sizes[i] : hi;
			}
			if (hi - lo > 1 || (lo < 2 && n >= 2) ||
			    (hi > (uint32_t)m.group_size &&
			    !(m.group_size == 2 && hi == 3)))
				even = 0;
		}
		if (assign_run(&g, &m, &po, &again, &cause) != 0 ||
		    !same_assignment(&out, &again))
			det = 0;
		else
			assignment_free(&again);
		assignment_free(&out);
		graph_free(&g);
		free(o.veto);
	}
	ok(good, "groups: everyone seated once, no vetoed pair together");
	ok(even, "groups: sizes differ by at most one, never alone");
	ok(det, "groups: deterministic for a seed");

	/* 3 people at one table, two of them vetoed: impossible. */
	toracle_init(&o, 3);
	toracle_veto(&o, 0, 2);
	build(&g, 3, NULL, 0, &o, NULL, 0, 0);
	m.group_size = 4;
	ok(assign_run(&g, &m, &po, &out, &cause) != 0,
	    "groups: an impossible veto is an error");
	like(cause, "no seating exists: attendee 0 fits at no table",
	    "groups: the error says so, before any search");
	free(cause);
	cause = NULL;
	graph_free(&g);
	free(o.veto);

	/* the oracle's failure comes back as the cause */
	toracle_init(&o, 6);
	toracle_veto(&o, 0, 2);
	build(&g, 6, NULL, 0, &o, NULL, 0, 0);
	m.group_size = 3;
	o.fail = 1;
	ok(assign_run(&g, &m, &po, &out, &cause) != 0,
	    "groups: an oracle error stops the run");
	like(cause, "rule failed", "groups: with the oracle's message");
	free(cause);
	graph_free(&g);
	free(o.veto);
}

/* ------------------------------------------------------------ rounds */

static int
run_rounds(uint32_t tables, uint32_t size, uint32_t rounds, uint64_t seed,
    struct assignment *out, char **cause)
{
	struct graph g;
	struct config_match m = match_defaults(MATCH_ROUNDS);
	int rc;

	build(&g, tables * size, NULL, 0, NULL, NULL, 0, 0);
	m.group_size = size;
	m.rounds = rounds;
	m.seed = (unsigned long)seed;
	rc = assign_run(&g, &m, NULL, out, cause);
	if (rc == 0 && (!check_seats(&g, out, (int32_t)rounds, NULL, 0) ||
	    !check_no_repeat(out) || !check_intros(&g, out)))
		rc = 99;
	graph_free(&g);
	return rc;
}

static void
test_rounds_golfers(void)
{
	struct assignment out;
	char *cause = NULL;
	int rc;

	rc = run_rounds(8, 4, 9, 1, &out, &cause);
	is_int(rc, 0, "rounds: 32 golfers, 8 tables of 4, 9 rounds");
	if (rc == 0) {
		is_int(out.nintros, 9 * 8 * 6, "rounds: 8x4x9 meets 432 pairs");
		assignment_free(&out);
	}
	rc = run_rounds(10, 4, 10, 1, &out, &cause);
	is_int(rc, 0, "rounds: 40 golfers, 10 tables of 4, 10 rounds");
	if (rc == 0)
		assignment_free(&out);
	rc = run_rounds(10, 4, 10, 7, &out, &cause);
	is_int(rc, 0, "rounds: 10x4x10 with another seed");
	if (rc == 0)
		assignment_free(&out);
	rc = run_rounds(5, 3, 7, 1, &out, &cause);
	is_int(rc, 0, "rounds: Kirkman's 15 schoolgirls, 7 days");
	if (rc == 0)
		assignment_free(&out);

	rc = run_rounds(6, 6, 4, 1, &out, &cause);
	ok(rc != 0, "rounds: 6 tables of 6 for 4 rounds is impossible");
	like(cause, "no schedule found: 36 people in tables of 6 for 4 "
	    "rounds without anyone meeting twice (searched ",
	    "rounds: says it found no schedule");
	free(cause);
	cause = NULL;

	rc = run_rounds(1, 5, 2, 1, &out, &cause);
	ok(rc != 0, "rounds: one table twice cannot work");
	like(cause, "no schedule exists: 5 people in tables of 5 for 2 rounds",
	    "rounds: refused by counting");
	free(cause);
	cause = NULL;
	rc = run_rounds(4, 4, 6, 1, &out, &cause);
	like(cause, "no schedule exists", "rounds: 16 people, 6 rounds of 4: "
	    "refused by counting");
	free(cause);
	cause = NULL;
	rc = run_rounds(4, 5, 2, 1, &out, &cause);
	like(cause, "a table of 5 needs people from 5 different tables",
	    "rounds: 4 tables of 5 twice: refused by pigeonhole");
	free(cause);
}

static void
test_rounds_properties(void)
{
	struct rng r;
	static struct tedge te[4000];
	struct toracle o;
	struct pair_oracle po = { toracle_pair, &o, NULL, NULL, NULL };
	struct graph g;
	struct config_match m = match_defaults(MATCH_ROUNDS);
	struct assignment out;
	char *cause = NULL;
	uint32_t n;
	size_t ne;
	int it, good = 1, det = 1;

	rng_seed(&r, 31337);
	for (it = 0; it < 25; it++) {
		/* enough tables for a table of g to come from g tables */
		m.group_size = 2 + (long)rng_below(&r, 4);
		m.rounds = 1 + (long)rng_below(&r, 4);
		n = 2 + (uint32_t)(m.group_size * (m.group_size + 1)) +
		    (uint32_t)rng_below(&r, 50);
		random_vetoes(&r, &o, n);
		ne = random_edges(&r, n, 8, 3, 1, te);
		build(&g, n, te, ne, &o, (uint32_t[]){ 2, 3 }, 2, it % 2);
		m.seed = (unsigned long)it;
		if (assign_run(&g, &m, &po, &out, &cause) != 0) {
			printf("# rounds n=%u g=%ld r=%ld: %s\n", n,
			    m.group_size, m.rounds, cause);
			good = 0;
			free(cause);
		} else {
			if (!check_seats(&g, &out, (int32_t)m.rounds, &o, 0) ||
			    !check_no_repeat(&out) || !check_intros(&g, &out) ||
			    !out.has_rounds || !out.has_tables)
				good = 0;
			if (!same_again(&g, &m, &po, &out))
				det = 0;
			assignment_free(&out);
		}
		graph_free(&g);
		free(o.veto);
	}
	ok(good, "rounds random: seated once a round, no repeat, no veto");
	ok(det, "rounds random: same seed, same schedule");

	/* pairs for 3 rounds with an odd count: one trio a round */
	build(&g, 9, NULL, 0, NULL, NULL, 0, 0);
	m.group_size = 2;
	m.rounds = 3;
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0 &&
	    check_seats(&g, &out, 3, NULL, 0) && check_no_repeat(&out),
	    "rounds: pairs with an odd count");
	is_int(out.nintros, 3 * (3 * 1 + 3), "rounds: three pairs and a trio");
	assignment_free(&out);
	graph_free(&g);
}

/* A large event, without and with candidates (runtime is for bench/). */
static void
test_rounds_large(void)
{
	struct rng r;
	struct tedge *te;
	struct graph g;
	struct config_match m = match_defaults(MATCH_ROUNDS);
	struct assignment out;
	char *cause = NULL;
	uint32_t n = 10000, i, k;
	size_t ne = 0;
	double score = 0;

	m.group_size = 8;
	m.rounds = 10;
	build(&g, n, NULL, 0, NULL, NULL, 0, 0);
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0,
	    "rounds: 10,000 people, tables of 8, 10 rounds");
	ok(check_seats(&g, &out, 10, NULL, 0) && check_no_repeat(&out),
	    "rounds: 10,000 x 8 x 10 is valid");
	is_int(out.nintros, 10 * 1250 * 28, "rounds: 350,000 meetings");
	assignment_free(&out);
	graph_free(&g);

	n = 3000;
	rng_seed(&r, 8);
	te = calloc((size_t)n * 10, sizeof *te);
	for (i = 0; i < n; i++)
		for (k = 0; k < 10; k++) {
			te[ne].a = i;
			te[ne].b = (uint32_t)rng_below(&r, n);
			te[ne].w = 0.1 + rng_unit(&r);
			if (te[ne].a != te[ne].b)
				ne++;
		}
	build(&g, n, te, ne, NULL, NULL, 0, 0);
	m.rounds = 3;
	ok(assign_run(&g, &m, NULL, &out, &cause) == 0 &&
	    check_seats(&g, &out, 3, NULL, 0) && check_no_repeat(&out),
	    "rounds: 3,000 people with candidates");
	for (i = 0; i < out.nintros; i++)
		score += out.intros[i].score;
	/* Random tables would seat about 3000 * 20 * 7 / 2999 / 2 = 70
	 * candidate pairs a round, a score near 3 * 70 * 0.6 = 126. */
	ok(score > 1000, "rounds: candidates end up at the same table");
	printf("# 3,000 x 8 x 3: total score %.1f\n", score);
	assignment_free(&out);
	graph_free(&g);
	free(te);
}

int
main(void)
{
	test_graph();
	test_graph_random();
	test_active_by_rank();
	test_ctx_oracle();
	test_ctx_seated();
	test_blossom_small();
	test_blossom_random();
	test_pairs_weight();
	test_suggestions_basic();
	test_suggestions_start();
	test_suggestions_reasons();
	test_coverage_why();
	test_coverage_caps();
	test_suggestions_random();
	test_pairs_modes();
	test_pairs_no_edges();
	test_pairs_random();
	test_groups();
	test_groups_vetoed_clique();
	test_rounds_golfers();
	test_rounds_properties();
	test_rounds_large();
	test_vetoes_listed();
	return tap_done();
}
