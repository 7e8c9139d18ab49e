/*
 * assign_ctx.c -- pair weights, vetoes and scores for the modes, the
 * oracle asked at most once a pair; intros from seats (see assign_ctx.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ctx.h"
#include "util.h"

static int	assign_ctx_ask(struct assign_ctx *, uint32_t, uint32_t,
		    struct pairmap_entry **, char **);
static int	assign_ctx_listed(const struct graph *, uint32_t, uint32_t);
static int	assign_ctx_ask_veto(struct assign_ctx *, uint32_t, uint32_t,
		    int *, char **);

void
assign_ctx_init(struct assign_ctx *c, const struct graph *g,
    const struct config_match *m, const struct pair_oracle *oracle)
{
	size_t i;

	memset(c, 0, sizeof *c);
	c->g = g;
	c->m = m;
	c->oracle = oracle != NULL && oracle->pair != NULL ? oracle : NULL;
	pairmap_init(&c->asked, 0);
	pairmap_init(&c->veto_asked, 0);
	pairmap_init(&c->quota_asked, 0);
	c->limited = xcalloc(g->n + 1, 1);
	for (i = 0; g->quota_max != NULL && i < (size_t)g->nquota * g->n;
	    i++)
		if (g->quota_max[i] != UINT32_MAX)
			c->limited[i % g->n] = 1;
}

void
assign_ctx_free(struct assign_ctx *c)
{
	pairmap_free(&c->asked);
	pairmap_free(&c->veto_asked);
	pairmap_free(&c->quota_asked);
	free(c->limited);
}

double
assign_ctx_weight(const struct assign_ctx *c, uint32_t a, uint32_t b)
{
	long k = graph_find_edge(c->g, a, b);

	return k >= 0 ? c->g->edges[k].w : 0;
}

int
assign_ctx_pinned(const struct assign_ctx *c, uint32_t a, uint32_t b)
{
	long k;

	if (c->g->pinned == NULL)
		return 0;
	k = graph_find_edge(c->g, a, b);
	return k >= 0 && c->g->pinned[k];
}

int
assign_ctx_quota(struct assign_ctx *c, uint32_t a, uint32_t b,
    unsigned *bits, char **cause)
{
	struct pairmap_entry *e;
	long k;
	int added;

	*bits = 0;
	if (c->g->quota == NULL)
		return 0;
	if ((k = graph_find_edge(c->g, a, b)) >= 0) {
		*bits = c->g->quota[k];
		return 0;
	}
	if (c->g->quota_of == NULL || (!c->limited[a] && !c->limited[b]))
		return 0;
	e = pairmap_get(&c->quota_asked, a, b, &added);
	if (added) {
		if (c->g->quota_of(c->g->quota_ctx, a, b, bits, cause) != 0) {
			pairmap_find(&c->quota_asked, a, b)->veto = -1;
			return -1;
		}
		e = pairmap_find(&c->quota_asked, a, b);
		e->count = (int32_t)*bits;
	} else if (e->veto < 0) {
		*cause = xstrdup("pair oracle failed before");
		return -1;
	}
	*bits = (unsigned)e->count;
	return 0;
}

/* The oracle's cached answer about non-edge {a, b}. */
static int
assign_ctx_ask(struct assign_ctx *c, uint32_t a, uint32_t b,
    struct pairmap_entry **out, char **cause)
{
	struct pairmap_entry *e;
	double score;
	int added, veto;

	e = pairmap_get(&c->asked, a, b, &added);
	if (added) {
		score = 0;
		veto = 0;
		c->ncalls++;
		if (c->oracle->pair(c->oracle->ctx, a, b, &score, &veto,
		    cause) != 0) {
			/* Forget the half-made entry: find it again. */
			e = pairmap_find(&c->asked, a, b);
			e->veto = -1;
			return -1;
		}
		e = pairmap_find(&c->asked, a, b);
		e->score = score;
		e->veto = veto != 0;
	} else if (e->veto < 0) {
		*cause = xstrdup("pair oracle failed before");
		return -1;
	}
	*out = e;
	return 0;
}

int
assign_ctx_vetoed(struct assign_ctx *c, uint32_t a, uint32_t b, int *veto,
    char **cause)
{
	const struct node_stats *st = c->g->stats;
	struct pairmap_entry *e;

	*veto = 0;
	if (c->oracle == NULL || a == b || st[a].vetoed == 0 ||
	    st[b].vetoed == 0 || graph_find_edge(c->g, a, b) >= 0)
		return 0;
	if (c->g->vetoes_complete) {
		*veto = assign_ctx_listed(c->g, a, b);
		return 0;
	}
	if (c->oracle->veto != NULL && pairmap_find(&c->asked, a, b) == NULL)
		return assign_ctx_ask_veto(c, a, b, veto, cause);
	if (assign_ctx_ask(c, a, b, &e, cause) != 0)
		return -1;
	*veto = e->veto;
	return 0;
}

/* The oracle's cached veto of non-edge {a, b}, asked of its veto
 * function: only the strategies that can veto. */
static int
assign_ctx_ask_veto(struct assign_ctx *c, uint32_t a, uint32_t b, int *veto,
    char **cause)
{
	struct pairmap_entry *e;
	int added;

	e = pairmap_get(&c->veto_asked, a, b, &added);
	if (added) {
		*veto = 0;
		c->nveto_calls++;
		if (c->oracle->veto(c->oracle->ctx, a, b, veto, cause) != 0) {
			pairmap_find(&c->veto_asked, a, b)->veto = -1;
			return -1;
		}
		pairmap_find(&c->veto_asked, a, b)->veto = *veto != 0;
	} else if (e->veto < 0) {
		*cause = xstrdup("pair oracle failed before");
		return -1;
	}
	*veto = pairmap_find(&c->veto_asked, a, b)->veto;
	return 0;
}

/* Is {a, b} among the graph's vetoed pairs?  A binary search: they are
 * sorted by (a, b), a < b. */
static int
assign_ctx_listed(const struct graph *g, uint32_t a, uint32_t b)
{
	uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
	size_t l = 0, r = g->nvetoes, mid;
	const struct edge *v;

	while (l < r) {
		mid = l + (r - l) / 2;
		v = &g->vetoes[mid];
		if (v->a == lo && v->b == hi)
			return 1;
		if (v->a < lo || (v->a == lo && v->b < hi))
			l = mid + 1;
		else
			r = mid;
	}
	return 0;
}

void
assign_ctx_veto_reason(const struct assign_ctx *c, uint32_t a, uint32_t b,
    char *buf, size_t len)
{
	buf[0] = '\0';
	if (c->oracle != NULL && c->oracle->veto_reason != NULL)
		c->oracle->veto_reason(c->oracle->ctx, a, b, buf, len);
}

const char *
assign_ctx_label(const struct assign_ctx *c, uint32_t a, char *buf,
    size_t len)
{
	if (c->oracle != NULL && c->oracle->label != NULL)
		return c->oracle->label(c->oracle->ctx, a);
	snprintf(buf, len, "attendee %u", a);
	return buf;
}

int
assign_ctx_score(struct assign_ctx *c, uint32_t a, uint32_t b,
    double *score, char **cause)
{
	struct pairmap_entry *e;
	long k;

	if ((k = graph_find_edge(c->g, a, b)) >= 0) {
		*score = c->g->edges[k].w;
		return 0;
	}
	*score = 0;
	if (c->oracle == NULL)
		return 0;
	if (assign_ctx_ask(c, a, b, &e, cause) != 0)
		return -1;
	*score = e->score;
	return 0;
}

int
assign_ctx_introduce_seated(struct assign_ctx *c, struct assignment *out,
    char **cause)
{
	const struct graph *g = c->g;
	struct seat *s;
	size_t i, j, k, end, cap = 0;
	double score;

	assignment_sort(out, g);
	for (i = 0; i < out->nseats; i = end) {
		s = &out->seats[i];
		for (end = i + 1; end < out->nseats &&
		    out->seats[end].round == s->round &&
		    out->seats[end].table == s->table; end++)
			;
		if (s->table == 0)
			continue;	/* left out this round */
		for (j = i; j < end; j++) {
			for (k = j + 1; k < end; k++) {
				if (assign_ctx_score(c, out->seats[j].attendee,
				    out->seats[k].attendee, &score,
				    cause) != 0)
					return -1;
				assignment_add_intro(out, &cap, g,
				    out->seats[j].attendee,
				    out->seats[k].attendee, score,
				    out->has_rounds ? s->round : 0, s->table);
			}
		}
	}
	assignment_sort(out, g);
	return 0;
}
