/*
 * engine.c -- the pair loop: score, combine, keep the best candidates.
 *
 * For each attendee a (in file order) the engine scores the later attendees
 * in batches of BATCH, one strategy at a time, so a plugin pays its per-call
 * cost once per batch.  Symmetric strategies are asked once per pair,
 * directional ones in both directions.  Every pair that survives (no veto,
 * score above min_score) is offered to both ends' bounded heaps of the best
 * `candidates` partners; the graph is the union of those heaps.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util.h"

#define BATCH 512

/* Vetoed pairs kept for the modes' messages (graph.h), at most. */
#define VETOES_MAX (1u << 20)

struct cand {
	double w;
	uint32_t other;
};

/* Per attendee: a min-heap of its best partners so far (worst on top). */
struct heap {
	struct cand *items;
	uint32_t len;
};

struct scratch {
	uint32_t cand[BATCH];
	uint32_t live[BATCH];		/* indices of candidates not vetoed */
	uint32_t live_cand[BATCH];
	double total[BATCH];
	unsigned char veto[BATCH];
	double fwd[BATCH];
	unsigned char fveto[BATCH];
};

/* Is x a better partner than y?  Higher score, then lower rank. */
static int
better(const struct cand *x, const struct cand *y, const uint32_t *rank)
{
	if (x->w != y->w)
		return x->w > y->w;
	return rank[x->other] < rank[y->other];
}

static void
heap_offer(struct heap *h, uint32_t cap, struct cand c, const uint32_t *rank)
{
	uint32_t i, child;

	if (h->len < cap) {
		/* sift up */
		i = h->len++;
		while (i > 0 && better(&h->items[(i - 1) / 2], &c, rank)) {
			h->items[i] = h->items[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		h->items[i] = c;
		return;
	}
	if (!better(&c, &h->items[0], rank))
		return;
	/* replace the worst and sift down */
	i = 0;
	for (;;) {
		child = 2 * i + 1;
		if (child >= h->len)
			break;
		if (child + 1 < h->len &&
		    better(&h->items[child], &h->items[child + 1], rank))
			child++;
		if (!better(&c, &h->items[child], rank))
			break;
		h->items[i] = h->items[child];
		i = child;
	}
	h->items[i] = c;
}

/* Attendee indices by id (CTX: the id array). */
static int
by_id(const void *p, const void *q, void *ctx)
{
	const char *const *ids = ctx;

	return strcmp(ids[*(const uint32_t *)p], ids[*(const uint32_t *)q]);
}

static uint32_t *
make_rank(const struct attendee_table *t)
{
	uint32_t *order = xcalloc(t->n, sizeof *order);
	uint32_t *rank = xcalloc(t->n, sizeof *rank);
	size_t i;

	for (i = 0; i < t->n; i++)
		order[i] = (uint32_t)i;
	qsort_r(order, t->n, sizeof *order, by_id, (void *)t->id);
	for (i = 0; i < t->n; i++)
		rank[order[i]] = (uint32_t)i;
	free(order);
	return rank;
}

static int
check_finite(struct engine *e, const struct strategy *s, uint32_t a,
    uint32_t b, double v, char **cause)
{
	if (isfinite(v))
		return 0;
	*cause = xasprintf("strategy '%s' (%s %s) returned %g for %s -> %s; "
	    "scores must be finite numbers", s->name, s->kind, s->impl, v,
	    e->t->id[a], e->t->id[b]);
	return -1;
}

/*
 * One strategy's share of a pair's score: weight * (f + r) / 2, halved
 * first so that two scores near DBL_MAX do not overflow on their own.
 */
static double
weighted(const struct strategy *s, double f, double r)
{
	return s->weight * (f / 2 + r / 2);
}

/* The pair's score so far, TOTAL, must stay finite after S's share. */
static int
check_total(struct engine *e, const struct strategy *s, uint32_t a,
    uint32_t b, double total, char **cause)
{
	if (isfinite(total))
		return 0;
	*cause = xasprintf("strategy '%s' (%s %s) brings the score of %s and "
	    "%s to %g; a pair's score must be a finite number: lower the "
	    "strategy's scores or its weight (%g)", s->name, s->kind, s->impl,
	    e->t->id[a], e->t->id[b], total, s->weight);
	return -1;
}

/* A quota of 0 at either end (struct strategy's quota) vetoes a pair
 * that S scores above zero. */
static int
quota_veto(const struct strategy *s, uint32_t a, uint32_t b, double f,
    double r)
{
	return s->quota != NULL && f / 2 + r / 2 > 0 &&
	    (s->quota[a] == 0 || s->quota[b] == 0);
}

/*
 * Score A against the N candidates in SC->cand into SC->total/veto.  A pair
 * one strategy vetoes is not offered to the later ones: with veto rules in
 * Lua that saves most of their calls.
 */
static int
score_batch(struct engine *e, uint32_t a, size_t n, struct scratch *sc,
    char **cause)
{
	size_t k, i, j, m;

	memset(sc->total, 0, n * sizeof *sc->total);
	memset(sc->veto, 0, n);
	for (k = 0; k < e->nstrategies; k++) {
		struct strategy *s = &e->strategies[k];

		for (i = m = 0; i < n; i++) {
			if (!sc->veto[i]) {
				sc->live[m] = (uint32_t)i;
				sc->live_cand[m++] = sc->cand[i];
			}
		}
		if (m == 0)
			break;
		memset(sc->fwd, 0, m * sizeof *sc->fwd);
		memset(sc->fveto, 0, m);
		if (s->ops->score(s->self, a, sc->live_cand, m, sc->fwd,
		    sc->fveto, cause) != 0)
			return -1;
		for (j = 0; j < m; j++) {
			uint32_t b = sc->live_cand[j];
			double back = sc->fwd[j];
			unsigned char bveto = 0;

			i = sc->live[j];
			if (check_finite(e, s, a, b, sc->fwd[j], cause) != 0)
				return -1;
			if (!s->symmetric && !sc->fveto[j]) {
				back = 0;
				if (s->ops->score(s->self, b, &a, 1, &back,
				    &bveto, cause) != 0)
					return -1;
				if (check_finite(e, s, b, a, back, cause) != 0)
					return -1;
			}
			sc->total[i] += weighted(s, sc->fwd[j], back);
			if (check_total(e, s, a, b, sc->total[i], cause) != 0)
				return -1;
			sc->veto[i] |= sc->fveto[j] | bveto |
			    quota_veto(s, a, b, sc->fwd[j], back);
		}
	}
	return 0;
}

/* Every heap's partners as edges.  A pair both ends keep comes twice, with
 * the same weight: graph_finish() orients, sorts and keeps it once. */
static struct edge *
collect_edges(struct heap *heaps, size_t n, size_t *nedges)
{
	struct edge *edges;
	size_t i, k, total = 0, m = 0;

	for (i = 0; i < n; i++)
		total += heaps[i].len;
	edges = xcalloc(total + 1, sizeof *edges);
	for (i = 0; i < n; i++) {
		for (k = 0; k < heaps[i].len; k++) {
			edges[m].a = (uint32_t)i;
			edges[m].b = heaps[i].items[k].other;
			edges[m].w = heaps[i].items[k].w;
			m++;
		}
	}
	*nedges = m;
	return edges;
}

/* Keep the vetoed pair A, B in G, up to VETOES_MAX (CAP: its room). */
static void
keep_veto(struct graph *g, size_t *cap, uint32_t a, uint32_t b)
{
	if (g->nvetoes == VETOES_MAX) {
		g->vetoes_partial = 1;
		return;
	}
	if (g->nvetoes == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		g->vetoes = xreallocarray(g->vetoes, *cap, sizeof *g->vetoes);
	}
	g->vetoes[g->nvetoes++] = (struct edge){ a < b ? a : b,
	    a < b ? b : a, 0 };
}

static void
progress(struct engine *e, size_t done, size_t total, int *last)
{
	int pct;

	if (!e->progress || total == 0)
		return;
	pct = (int)(100.0 * (double)done / (double)total);
	if (pct / 10 != *last / 10 || done == total) {
		fprintf(stderr, "mingle: scoring pairs: %d%%\n", pct);
		*last = pct;
	}
}

int
engine_build_graph(struct engine *e, struct graph *g, char **cause)
{
	const struct attendee_table *t = e->t;
	uint32_t *act, cap = (uint32_t)e->match->candidates;
	struct heap *heaps;
	struct scratch *sc;
	struct edge *edges;
	size_t nact = 0, i, j, k, nedges, pairs_total, pairs_done = 0;
	size_t vcap = 0;
	int rc = -1, last = -1;

	memset(g, 0, sizeof *g);
	g->n = t->n;
	g->active = xcalloc(t->n, 1);
	g->stats = xcalloc(t->n, sizeof *g->stats);
	g->rank = make_rank(t);
	act = xcalloc(t->n, sizeof *act);
	for (i = 0; i < t->n; i++) {
		/* per_attendee_column 0: opted out */
		g->active[i] = t->consent[i] &&
		    (t->wants == NULL || t->wants[i] != 0);
		if (g->active[i])
			act[nact++] = (uint32_t)i;
	}
	heaps = xcalloc(t->n, sizeof *heaps);
	for (i = 0; i < nact; i++)
		heaps[act[i]].items = xcalloc(cap, sizeof(struct cand));
	sc = xmalloc(sizeof *sc);
	pairs_total = nact * (nact > 0 ? nact - 1 : 0) / 2;

	for (i = 0; i < nact; i++) {
		uint32_t a = act[i];

		for (j = i + 1; j < nact; j += BATCH) {
			size_t n = nact - j < BATCH ? nact - j : BATCH;

			memcpy(sc->cand, act + j, n * sizeof *act);
			if (score_batch(e, a, n, sc, cause) != 0)
				goto out;
			for (k = 0; k < n; k++) {
				uint32_t b = sc->cand[k];
				struct cand ca = { sc->total[k], b };
				struct cand cb = { sc->total[k], a };

				if (sc->veto[k]) {
					g->stats[a].vetoed++;
					g->stats[b].vetoed++;
					keep_veto(g, &vcap, a, b);
				} else if (!(sc->total[k] > e->match->min_score)) {
					g->stats[a].low++;
					g->stats[b].low++;
				} else {
					g->stats[a].positive++;
					g->stats[b].positive++;
					heap_offer(&heaps[a], cap, ca, g->rank);
					heap_offer(&heaps[b], cap, cb, g->rank);
				}
			}
			pairs_done += n;
		}
		progress(e, pairs_done, pairs_total, &last);
	}
	edges = collect_edges(heaps, t->n, &nedges);
	graph_finish(g, edges, nedges);
	rc = 0;
out:
	for (i = 0; i < t->n; i++)
		free(heaps[i].items);
	free(heaps);
	free(sc);
	free(act);
	if (rc != 0)
		graph_free(g);
	return rc;
}

int
engine_score_pair(struct engine *e, uint32_t a, uint32_t b, double *total,
    int *veto, struct pair_part *parts, char **cause)
{
	size_t k;

	*total = 0;
	*veto = 0;
	for (k = 0; k < e->nstrategies; k++) {
		struct strategy *s = &e->strategies[k];
		double f = 0, r = 0;
		unsigned char fv = 0, rv = 0;

		if (s->ops->score(s->self, a, &b, 1, &f, &fv, cause) != 0 ||
		    check_finite(e, s, a, b, f, cause) != 0)
			return -1;
		if (s->symmetric)
			r = f;
		else if (s->ops->score(s->self, b, &a, 1, &r, &rv, cause) != 0
		    || check_finite(e, s, b, a, r, cause) != 0)
			return -1;
		*total += weighted(s, f, r);
		if (check_total(e, s, a, b, *total, cause) != 0)
			return -1;
		rv |= quota_veto(s, a, b, f, r);
		*veto |= fv || rv;
		if (parts != NULL) {
			struct pair_part *p = &parts[k];

			p->forward = f;
			p->backward = r;
			p->weighted = weighted(s, f, r);
			p->veto = fv || rv;
			s->ops->reason(s->self, a, b, p->reason,
			    sizeof p->reason);
			if (p->reason[0] == '\0')
				s->ops->reason(s->self, b, a, p->reason,
				    sizeof p->reason);
		}
	}
	return 0;
}

char *
engine_reasons(struct engine *e, uint32_t a, uint32_t b)
{
	struct strbuf sb = { 0 };
	char buf[256];
	size_t k;

	for (k = 0; k < e->nstrategies; k++) {
		struct strategy *s = &e->strategies[k];

		s->ops->reason(s->self, a, b, buf, sizeof buf);
		if (buf[0] == '\0')
			s->ops->reason(s->self, b, a, buf, sizeof buf);
		if (buf[0] == '\0')
			continue;
		if (sb.len > 0)
			strbuf_puts(&sb, "; ");
		strbuf_printf(&sb, "%s: %s", s->name, buf);
	}
	return strbuf_detach(&sb);
}

int
engine_pair_oracle(void *ctx, uint32_t a, uint32_t b, double *score,
    int *veto, char **cause)
{
	return engine_score_pair(ctx, a, b, score, veto, NULL, cause);
}

void
engine_veto_reason(void *ctx, uint32_t a, uint32_t b, char *buf, size_t len)
{
	struct engine *e = ctx;
	struct pair_part *parts;
	struct strbuf sb = { 0 };
	char *cause = NULL, *text;
	double total;
	size_t k;
	int veto;

	parts = xcalloc(e->nstrategies + 1, sizeof *parts);
	if (engine_score_pair(e, a, b, &total, &veto, parts, &cause) != 0)
		veto = 0;	/* a strategy failed: no reason to give */
	for (k = 0; veto && k < e->nstrategies; k++) {
		if (!parts[k].veto)
			continue;
		if (sb.len > 0)
			strbuf_puts(&sb, "; ");
		strbuf_printf(&sb, "strategy %s%s%s", e->strategies[k].name,
		    parts[k].reason[0] != '\0' ? ": " : "", parts[k].reason);
	}
	text = strbuf_detach(&sb);
	snprintf(buf, len, "%s", text);
	free(text);
	free(cause);
	free(parts);
}

const char *
engine_label(void *ctx, uint32_t a)
{
	const struct engine *e = ctx;

	return e->t->id[a];
}
