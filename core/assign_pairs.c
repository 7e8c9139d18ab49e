/*
 * assign_pairs.c -- `mode = pairs`: a maximum-weight matching of the
 * candidate graph, one table per pair.
 *
 * Scores are scaled to integers below 2^40 for blossom.c (exact integer
 * duals), so the matching is optimal for the rounded scores: any better
 * matching for the real scores beats it by less than n * 2^-40 of the
 * best score.  Vertices are numbered in rank order, so the result does
 * not depend on the order of the input file.
 *
 * Whoever the matching leaves alone (an odd count, or nobody above the
 * threshold), with `odd = trio`, joins the pair where they fit best:
 * first pairs holding one of their candidates, then any pair (scored by
 * the oracle; a zero fit is fine), never one with a veto.  With
 * `odd = leave-out`, or when no pair can take them, they are reported
 * as left out.
 *
 * Pinned pairs (graph.h) get the first tables, and the matching pairs
 * the others; bounds.c saw that nobody is in two pins.  A quota of 1
 * (a quota of 0 is a veto) matters only in a trio: nobody joins a pair
 * where someone would then have two table-mates on edges of one quota.
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ctx.h"
#include "assign_modes.h"
#include "blossom.h"
#include "util.h"

/* Scores are scaled so that the best one becomes this. */
#define PAIRS_SCALE	((double)((int64_t)1 << 40))

/* Pairs tried per leftover person beyond those with a candidate. */
#define PAIRS_TRIO_SCAN	64

struct pairs {
	struct assign_ctx *c;
	uint32_t *member;	/* per table: 3 slots, UINT32_MAX if empty */
	uint32_t ntables;
	uint32_t *table_of;	/* per node: 1-based table, 0 = none */
};

static void	pairs_table(struct pairs *, uint32_t, uint32_t);
static void	pairs_pinned(struct pairs *);
static void	pairs_match(struct pairs *, const uint32_t *, size_t);
static int	pairs_quota_ok(struct pairs *, uint32_t, uint32_t, int *,
		    char **);
static int	pairs_fit(struct pairs *, uint32_t, uint32_t, double *, int *,
		    char **);
static int	pairs_place(struct pairs *, uint32_t, char **);
static int	pairs_pair_up(struct pairs *, const uint32_t *, size_t, size_t,
		    char **);

/* Open a table for A and B. */
static void
pairs_table(struct pairs *p, uint32_t a, uint32_t b)
{
	p->member[3 * p->ntables] = a;
	p->member[3 * p->ntables + 1] = b;
	p->member[3 * p->ntables + 2] = UINT32_MAX;
	p->ntables++;
	p->table_of[a] = p->table_of[b] = p->ntables;
}

/* A table for every pinned pair, in edge order. */
static void
pairs_pinned(struct pairs *p)
{
	const struct graph *g = p->c->g;
	size_t k;

	for (k = 0; g->pinned != NULL && k < g->nedges; k++)
		if (g->pinned[k] && !p->table_of[g->edges[k].a] &&
		    !p->table_of[g->edges[k].b])
			pairs_table(p, g->edges[k].a, g->edges[k].b);
}

/* Match the active nodes (ACT, in rank order) that have no table yet
 * and open a table per pair. */
static void
pairs_match(struct pairs *p, const uint32_t *act, size_t nact)
{
	const struct graph *g = p->c->g;
	struct blossom_edge *be;
	struct progress pr;
	uint32_t *pos, *mate, i;
	size_t k, nbe = 0;
	double maxw = 0, scale;
	int64_t w;

	pos = xcalloc(g->n ? g->n : 1, sizeof *pos);
	for (i = 0; i < nact; i++)
		pos[act[i]] = i;
	for (k = 0; k < g->nedges; k++)
		if (g->edges[k].w > maxw)
			maxw = g->edges[k].w;
	scale = maxw > 0 ? PAIRS_SCALE / maxw : 1;

	be = xcalloc(g->nedges ? g->nedges : 1, sizeof *be);
	for (k = 0; k < g->nedges; k++) {
		const struct edge *e = &g->edges[k];

		if (e->w <= 0 || !g->active[e->a] || !g->active[e->b] ||
		    p->table_of[e->a] || p->table_of[e->b])
			continue;
		w = llround(e->w * scale);
		be[nbe].a = pos[e->a];
		be[nbe].b = pos[e->b];
		be[nbe].w = w > 0 ? w : 1;
		nbe++;
	}
	mate = xcalloc(nact ? nact : 1, sizeof *mate);
	progress_start(&pr, g->progress, "matching pairs", BLOSSOM_PROGRESS);
	blossom_match_progress((uint32_t)nact, be, nbe, mate, &pr);
	progress_end(&pr);

	for (i = 0; i < nact; i++) {
		if (mate[i] == BLOSSOM_NONE || mate[i] < i)
			continue;
		pairs_table(p, act[i], act[mate[i]]);
	}
	free(mate);
	free(be);
	free(pos);
}

/* Would everyone at pair table T (1-based) stay within their quotas if
 * U joined?  Sets *OK; returns 0, or nonzero with *cause set. */
static int
pairs_quota_ok(struct pairs *p, uint32_t u, uint32_t t, int *ok,
    char **cause)
{
	const struct graph *g = p->c->g;
	uint32_t who[3], i, j, q, count[GRAPH_MAX_QUOTA];
	unsigned bits;

	*ok = 1;
	if (g->quota == NULL)
		return 0;
	who[0] = p->member[3 * (t - 1)];
	who[1] = p->member[3 * (t - 1) + 1];
	who[2] = u;
	for (i = 0; i < 3; i++) {
		memset(count, 0, sizeof count);
		for (j = 0; j < 3; j++) {
			if (j == i)
				continue;
			if (assign_ctx_quota(p->c, who[i], who[j], &bits,
			    cause) != 0)
				return -1;
			for (q = 0; q < g->nquota; q++)
				count[q] += (bits >> q) & 1;
		}
		for (q = 0; q < g->nquota; q++)
			if (count[q] > g->quota_max[q * g->n + who[i]])
				*ok = 0;
	}
	return 0;
}

/* How well U fits at pair table T (1-based); *ok = 0 on a veto, or if a
 * quota would not hold. */
static int
pairs_fit(struct pairs *p, uint32_t u, uint32_t t, double *fit, int *ok,
    char **cause)
{
	double s;
	int veto, i;
	uint32_t x;

	*fit = 0;
	if (pairs_quota_ok(p, u, t, ok, cause) != 0)
		return -1;
	for (i = 0; *ok && i < 2; i++) {
		x = p->member[3 * (t - 1) + i];
		if (assign_ctx_vetoed(p->c, u, x, &veto, cause) != 0)
			return -1;
		if (veto) {
			*ok = 0;
			return 0;
		}
		if (assign_ctx_score(p->c, u, x, &s, cause) != 0)
			return -1;
		*fit += s;
	}
	return 0;
}

/* Seat leftover U at the pair it fits best.  Returns 0 (placed or not:
 * see p->table_of), or nonzero with *cause set. */
static int
pairs_place(struct pairs *p, uint32_t u, char **cause)
{
	const struct graph *g = p->c->g;
	uint32_t i, t, best = 0, tried = 0;
	double fit, bestfit = 0;
	int ok;

	/* Pairs holding one of U's candidates. */
	for (i = g->adj_off[u]; i < g->adj_off[u + 1]; i++) {
		t = p->table_of[graph_other(&g->edges[g->adj[i]], u)];
		if (t == 0 || p->member[3 * (t - 1) + 2] != UINT32_MAX)
			continue;
		if (pairs_fit(p, u, t, &fit, &ok, cause) != 0)
			return -1;
		if (ok && (best == 0 || fit > bestfit ||
		    (fit == bestfit && t < best))) {
			best = t;
			bestfit = fit;
		}
	}
	/* Else any pair: a zero fit is fine, a veto is not. */
	for (t = 1; best == 0 && t <= p->ntables && tried < PAIRS_TRIO_SCAN;
	    t++) {
		if (p->member[3 * (t - 1) + 2] != UINT32_MAX)
			continue;
		tried++;
		if (pairs_fit(p, u, t, &fit, &ok, cause) != 0)
			return -1;
		if (ok && (best == 0 || fit > bestfit)) {
			best = t;
			bestfit = fit;
		}
	}
	if (best != 0) {
		p->member[3 * (best - 1) + 2] = u;
		p->table_of[u] = best;
	}
	return 0;
}

/* Open a table for leftover ACT[I] and the next leftover it may meet. */
static int
pairs_pair_up(struct pairs *p, const uint32_t *act, size_t nact, size_t i,
    char **cause)
{
	uint32_t u = act[i], x;
	size_t j;
	int veto;

	for (j = i + 1; j < nact; j++) {
		x = act[j];
		if (p->table_of[x] != 0)
			continue;
		if (assign_ctx_vetoed(p->c, u, x, &veto, cause) != 0)
			return -1;
		if (veto)
			continue;
		pairs_table(p, u, x);
		return 0;
	}
	return 0;
}

int
assign_pairs(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause)
{
	struct assign_ctx c;
	struct pairs p;
	uint32_t *act, u;
	size_t i, nact;
	int rc = -1;

	assign_ctx_init(&c, g, m, oracle);
	memset(&p, 0, sizeof p);
	p.c = &c;
	p.member = xcalloc(3 * (g->n / 2 + 1), sizeof *p.member);
	p.table_of = xcalloc(g->n ? g->n : 1, sizeof *p.table_of);

	nact = graph_active_by_rank(g, &act);
	pairs_pinned(&p);
	pairs_match(&p, act, nact);

	if (m->odd == MATCH_ODD_TRIO) {
		for (i = 0; i < nact; i++) {
			if (p.table_of[act[i]] == 0 &&
			    pairs_place(&p, act[i], cause) != 0)
				goto out;
		}
		/* No pair could take them: pair them with each other. */
		for (i = 0; i < nact; i++) {
			if (p.table_of[act[i]] != 0)
				continue;
			if (pairs_pair_up(&p, act, nact, i, cause) != 0)
				goto out;
		}
		for (i = 0; i < nact; i++) {
			if (p.table_of[act[i]] == 0 &&
			    pairs_place(&p, act[i], cause) != 0)
				goto out;
		}
	}

	out->has_tables = 1;
	out->thirds = xcalloc(p.ntables + 1, sizeof *out->thirds);
	for (u = 0; u < p.ntables; u++)
		if (p.member[3 * u + 2] != UINT32_MAX)
			out->thirds[out->nthirds++] = p.member[3 * u + 2];
	out->seats = xcalloc(nact ? nact : 1, sizeof *out->seats);
	for (i = 0; i < nact; i++) {
		u = act[i];
		out->seats[out->nseats++] = (struct seat){
			.attendee = u,
			.round = 1,
			.table = (int32_t)p.table_of[u],
		};
	}
	rc = assign_ctx_introduce_seated(&c, out, cause);
out:
	free(act);
	free(p.member);
	free(p.table_of);
	assign_ctx_free(&c);
	return rc;
}
