/*
 * test_blossom.c -- blossom.c against exhaustive optima on graphs made to
 * trouble its dual bookkeeping: small graphs (up to 16 vertices) of
 * every density with tied, equal, dominant, huge and power-of-two
 * weights; odd cycles with chords and pendants, and triangles of
 * triangles (nested blossoms); and large graphs made of hundreds of such
 * components with interleaved vertex numbers, whose optimum is the sum of
 * the components' (many trees at once, dissolved one pair at a time); and
 * large connected graphs with a planted optimum.
 * Every answer is checked for a real, mutual matching of the weight
 * returned, and for the same mates when run twice.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blossom.h"
#include "rng.h"
#include "tap.h"

#define BT_MAXN		16
#define BT_MAXE		(BT_MAXN * (BT_MAXN - 1) / 2)

/* One small graph: its edges and weights as a matrix for brute force. */
struct bt_graph {
	uint32_t n;
	struct blossom_edge e[BT_MAXE];
	size_t m;
	int64_t w[BT_MAXN][BT_MAXN];
};

static int64_t bt_memo[1 << BT_MAXN];
static unsigned char bt_have[1 << BT_MAXN];

static void	bt_edge(struct bt_graph *, uint32_t, uint32_t, int64_t);
static int64_t	bt_brute(const struct bt_graph *, unsigned);
static int64_t	bt_optimum(const struct bt_graph *);
static int64_t	bt_weight(struct rng *, int);
static void	bt_random(struct rng *, struct bt_graph *, int);
static void	bt_cycle(struct rng *, struct bt_graph *, int);
static void	bt_flower(struct rng *, struct bt_graph *, int);
static void	bt_make(struct rng *, struct bt_graph *, int);
static int	bt_check(uint32_t, const struct blossom_edge *, size_t,
		    int64_t, const uint32_t *, int64_t);

/* Edge A-B of weight W (A != B, not there yet). */
static void
bt_edge(struct bt_graph *g, uint32_t a, uint32_t b, int64_t w)
{
	g->e[g->m].a = a;
	g->e[g->m].b = b;
	g->e[g->m].w = w;
	g->m++;
	g->w[a][b] = g->w[b][a] = w;
}

/* The best matching of the vertices in MASK: the lowest is left alone or
 * matched to one of the others. */
static int64_t
bt_brute(const struct bt_graph *g, unsigned mask)
{
	unsigned rest;
	uint32_t i, j;
	int64_t best, x;

	if (mask == 0)
		return 0;
	if (bt_have[mask])
		return bt_memo[mask];
	i = (uint32_t)__builtin_ctz(mask);
	rest = mask & ~(1u << i);
	best = bt_brute(g, rest);
	for (j = i + 1; j < g->n; j++) {
		if (!(rest >> j & 1) || g->w[i][j] <= 0)
			continue;
		x = g->w[i][j] + bt_brute(g, rest & ~(1u << j));
		if (x > best)
			best = x;
	}
	bt_have[mask] = 1;
	bt_memo[mask] = best;
	return best;
}

static int64_t
bt_optimum(const struct bt_graph *g)
{
	memset(bt_have, 0, (size_t)1 << g->n);
	return bt_brute(g, (1u << g->n) - 1);
}

/* A weight of KIND: 0 ties (1 or 2), 1 all equal, 2 up to 1000, 3 near
 * the largest accepted, 4 powers of two. */
static int64_t
bt_weight(struct rng *r, int kind)
{
	switch (kind) {
	case 0:
		return 1 + (int64_t)rng_below(r, 2);
	case 1:
		return 7;
	case 2:
		return 1 + (int64_t)rng_below(r, 1000);
	case 3:
		return BLOSSOM_MAX_WEIGHT - (int64_t)rng_below(r, 3);
	default:
		return (int64_t)1 << rng_below(r, 40);
	}
}

/* Any density, weights of KIND; now and then one edge outweighs all. */
static void
bt_random(struct rng *r, struct bt_graph *g, int kind)
{
	unsigned dens = 5 + (unsigned)rng_below(r, 96);
	struct blossom_edge *x;
	uint32_t a, b;

	g->n = 2 + (uint32_t)rng_below(r, BT_MAXN - 1);
	for (a = 0; a < g->n; a++)
		for (b = a + 1; b < g->n; b++)
			if (rng_below(r, 100) < dens)
				bt_edge(g, a, b, bt_weight(r, kind));
	if (g->m > 0 && rng_below(r, 4) == 0) {
		x = &g->e[rng_below(r, g->m)];
		x->w = g->w[x->a][x->b] = g->w[x->b][x->a] =
		    BLOSSOM_MAX_WEIGHT;
	}
}

/* An odd cycle, some chords, and pendants hanging from it. */
static void
bt_cycle(struct rng *r, struct bt_graph *g, int kind)
{
	uint32_t len = 3 + 2 * (uint32_t)rng_below(r, 5), a, b, i;

	g->n = len + (uint32_t)rng_below(r, BT_MAXN - len + 1);
	for (i = 0; i < len; i++)
		bt_edge(g, i, (i + 1) % len, bt_weight(r, kind));
	for (i = rng_below(r, 4); i > 0; i--) {
		a = (uint32_t)rng_below(r, len);
		b = (uint32_t)rng_below(r, len);
		if (a != b && g->w[a][b] == 0)
			bt_edge(g, a, b, bt_weight(r, kind));
	}
	for (i = len; i < g->n; i++)
		bt_edge(g, i, (uint32_t)rng_below(r, i), bt_weight(r, kind));
}

/* Triangles joined in a triangle (or a ring of five), each with a tail:
 * blossoms inside blossoms. */
static void
bt_flower(struct rng *r, struct bt_graph *g, int kind)
{
	uint32_t k = rng_below(r, 2) ? 3 : 5, i, t;

	g->n = 3 * k;
	for (t = 0; t < k; t++) {
		bt_edge(g, 3 * t, 3 * t + 1, bt_weight(r, kind));
		bt_edge(g, 3 * t + 1, 3 * t + 2, bt_weight(r, kind));
		bt_edge(g, 3 * t, 3 * t + 2, bt_weight(r, kind));
		bt_edge(g, 3 * t, 3 * ((t + 1) % k) + 1, bt_weight(r, kind));
	}
	for (i = g->n; i < BT_MAXN && rng_below(r, 2); i++) {
		bt_edge(g, i, (uint32_t)rng_below(r, i), bt_weight(r, kind));
		g->n++;
	}
}

/* A graph of one of the shapes, its edges in any order and direction. */
static void
bt_make(struct rng *r, struct bt_graph *g, int it)
{
	struct blossom_edge x;
	size_t k, j;
	uint32_t t;
	int kind = (int)rng_below(r, 5);

	memset(g, 0, sizeof *g);
	switch (it % 3) {
	case 0:
		bt_random(r, g, kind);
		break;
	case 1:
		bt_cycle(r, g, kind);
		break;
	default:
		bt_flower(r, g, kind);
		break;
	}
	for (k = g->m; k > 1; k--) {
		j = rng_below(r, k);
		x = g->e[k - 1];
		g->e[k - 1] = g->e[j];
		g->e[j] = x;
	}
	for (k = 0; k < g->m; k++)
		if (rng_below(r, 2)) {
			t = g->e[k].a;
			g->e[k].a = g->e[k].b;
			g->e[k].b = t;
		}
}

/* 0 if MATE is a matching of E's edges weighing GOT == WANT, the same
 * when run again. */
static int
bt_check(uint32_t n, const struct blossom_edge *e, size_t m, int64_t got,
    const uint32_t *mate, int64_t want)
{
	uint32_t *again, v;
	size_t k;
	int64_t sum = 0;
	int bad = got != want;

	for (v = 0; v < n; v++)
		if (mate[v] != BLOSSOM_NONE &&
		    (mate[v] >= n || mate[mate[v]] != v))
			bad = 1;
	for (k = 0; k < m && !bad; k++)
		if (mate[e[k].a] == e[k].b)
			sum += e[k].w;
	if (sum != got)
		bad = 1;
	again = calloc(n ? n : 1, sizeof *again);
	if (blossom_match(n, e, m, again) != got ||
	    memcmp(again, mate, n * sizeof *mate) != 0)
		bad = 1;
	free(again);
	return bad;
}

static void
test_small(void)
{
	struct rng r;
	struct bt_graph g;
	uint32_t mate[BT_MAXN];
	int64_t got;
	int it, bad[3] = { 0, 0, 0 };

	rng_seed(&r, 20261203);
	for (it = 0; it < 3000; it++) {
		bt_make(&r, &g, it);
		got = blossom_match(g.n, g.e, g.m, mate);
		bad[it % 3] += bt_check(g.n, g.e, g.m, got, mate,
		    bt_optimum(&g));
	}
	is_int(bad[0], 0, "blossom: 1000 random graphs (n <= 16; ties, "
	    "equal, dominant, huge weights) at their optimum");
	is_int(bad[1], 0, "blossom: 1000 odd cycles with chords and pendants "
	    "at their optimum");
	is_int(bad[2], 0, "blossom: 1000 triangles of triangles (nested "
	    "blossoms) at their optimum");
}

/* Hundreds of small graphs as one, their vertices numbered at random:
 * its optimum is the sum of theirs. */
static void
test_components(void)
{
	struct rng r;
	struct bt_graph g;
	struct blossom_edge *e;
	uint32_t *perm, *mate, n, i, base;
	size_t m, k, cap = 400 * BT_MAXE;
	int64_t want, got;
	int round, c, bad = 0;

	rng_seed(&r, 4242);
	e = calloc(cap, sizeof *e);
	perm = calloc(400 * BT_MAXN, sizeof *perm);
	mate = calloc(400 * BT_MAXN, sizeof *mate);
	for (round = 0; round < 12; round++) {
		n = 0;
		m = 0;
		want = 0;
		for (c = 0; c < 100 + 25 * round; c++) {
			bt_make(&r, &g, c);
			if (round % 4 == 3 && g.n > 12)
				continue;	/* some rounds many small ones */
			want += bt_optimum(&g);
			for (k = 0; k < g.m; k++) {
				e[m] = g.e[k];
				e[m].a += n;
				e[m].b += n;
				m++;
			}
			n += g.n;
		}
		for (i = 0; i < n; i++)
			perm[i] = i;
		rng_shuffle32(&r, perm, n);
		for (k = 0; k < m; k++) {
			e[k].a = perm[e[k].a];
			e[k].b = perm[e[k].b];
		}
		base = (uint32_t)rng_below(&r, 3);	/* isolated vertices */
		got = blossom_match(n + base, e, m, mate);
		bad += bt_check(n + base, e, m, got, mate, want);
	}
	is_int(bad, 0, "blossom: 12 graphs of 100 to 375 components "
	    "(interleaved) at the sum of their optima");
	free(e);
	free(perm);
	free(mate);
}

/*
 * A perfect matching planted among thousands of vertices, of weights 900
 * to 1000, and 8 more edges a vertex (to the vertices 8 offsets away) of
 * weights up to 899 (ties, or any): the planted one is the only optimum,
 * as every other edge weighs less than its ends' planted edges' halves.
 */
static void
test_planted(void)
{
	struct rng r;
	struct blossom_edge *e;
	uint32_t *perm, *pos, *mate, off[8], n, i, a, b, j;
	size_t m, cap;
	int64_t want, got;
	int round, bad = 0, wrong = 0;

	rng_seed(&r, 777);
	for (round = 0; round < 4; round++) {
		n = 2000 + 1000 * (uint32_t)round;
		cap = (size_t)n / 2 + 8 * (size_t)n;
		e = calloc(cap, sizeof *e);
		perm = calloc(n, sizeof *perm);
		pos = calloc(n, sizeof *pos);
		mate = calloc(n, sizeof *mate);
		for (i = 0; i < n; i++)
			perm[i] = i;
		rng_shuffle32(&r, perm, n);
		for (i = 0; i < n; i++)
			pos[perm[i]] = i;
		for (j = 0; j < 8;) {	/* distinct, below n / 2 */
			off[j] = 1 + (uint32_t)rng_below(&r, n / 2 - 1);
			for (i = 0; i < j && off[i] != off[j]; i++)
				;
			if (i == j)
				j++;
		}
		m = 0;
		want = 0;
		for (i = 0; i < n; i += 2) {
			e[m].a = perm[i];
			e[m].b = perm[i + 1];
			e[m].w = round & 1 ? 900 : 900 + (int64_t)rng_below(&r,
			    101);
			want += e[m].w;
			m++;
		}
		for (a = 0; a < n; a++)
			for (j = 0; j < 8; j++) {
				b = (a + off[j]) % n;
				if ((pos[a] ^ 1) == pos[b])
					continue;	/* planted */
				e[m].a = a;
				e[m].b = b;
				e[m].w = round & 1 ?
				    899 - (int64_t)rng_below(&r, 2) :
				    1 + (int64_t)rng_below(&r, 899);
				m++;
			}
		got = blossom_match(n, e, m, mate);
		bad += bt_check(n, e, m, got, mate, want);
		for (i = 0; i < n; i += 2)
			if (mate[perm[i]] != perm[i + 1])
				wrong++;
		free(e);
		free(perm);
		free(pos);
		free(mate);
	}
	is_int(bad, 0, "blossom: 4 graphs of 2,000 to 5,000 vertices at "
	    "their planted optimum");
	is_int(wrong, 0, "blossom: ... and it is the planted matching");
}

int
main(void)
{
	test_small();
	test_components();
	test_planted();
	return tap_done();
}
