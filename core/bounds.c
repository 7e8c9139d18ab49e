/*
 * bounds.c -- capacities, quotas and pins on the graph (see bounds.h).
 *
 * 1. Capacity: min(max_per_attendee, the per_attendee_column cell), the
 *    cell's 0 an opt-out (the engine left those nodes inactive).
 * 2. Pins: every strategy's pinned pairs, each once, checked (nobody
 *    pinned who may not be introduced, no pinned pair vetoed, nobody
 *    pinned to more people than the mode lets them meet) and added to
 *    the graph as edges with their real score.
 * 3. Quotas: each strategy that set one gets a bit; each edge holds the
 *    bits of the quota strategies that score it above zero.  A quota of
 *    0 is the engine's business: it vetoes such pairs.  Pins alone must
 *    fit every quota.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "util.h"

/* One pinned pair and the strategy that pinned it. */
struct bounds_pin {
	uint32_t a, b;		/* a < b */
	size_t strategy;
};

static void	bounds_cap(struct engine *, struct graph *);
static uint32_t	bounds_room(const struct engine *, const struct graph *,
		    uint32_t, const char **);
static int	bounds_pin_cmp(const void *, const void *);
static struct bounds_pin *bounds_collect(const struct engine *, size_t *);
static int	bounds_check_pin(struct engine *, const struct graph *,
		    const struct bounds_pin *, struct problems *, double *,
		    char **);
static void	bounds_check_counts(const struct engine *,
		    const struct graph *, const struct bounds_pin *, size_t,
		    struct problems *);
static int	bounds_pins(struct engine *, struct graph *, char **);
static int	bounds_quota(struct engine *, struct graph *, char **);
static const char *bounds_quota_name(const struct engine *, uint32_t);
static int	bounds_pin_quota(const struct engine *, const struct graph *,
		    char **);

static void
bounds_cap(struct engine *e, struct graph *g)
{
	const uint32_t *wants = e->t->wants;
	uint32_t max = (uint32_t)e->match->max_per_attendee;
	size_t i;

	if (wants == NULL)
		return;
	g->cap = xcalloc(g->n ? g->n : 1, sizeof *g->cap);
	for (i = 0; i < g->n; i++)
		g->cap[i] = wants[i] < max && e->t->consent[i] ? wants[i] :
		    max;
}

/* How many people node V may be pinned to in this mode; *WHY names the
 * limit. */
static uint32_t
bounds_room(const struct engine *e, const struct graph *g, uint32_t v,
    const char **why)
{
	const struct config_match *m = e->match;

	switch (m->mode) {
	case MATCH_SUGGESTIONS:
		if (g->cap != NULL && g->cap[v] < (uint32_t)m->max_per_attendee) {
			*why = "as their per_attendee_column asks";
			return g->cap[v];
		}
		*why = "max_per_attendee";
		return (uint32_t)m->max_per_attendee;
	case MATCH_PAIRS:
		*why = "mode = pairs introduces everyone to one person";
		return 1;
	default:
		*why = "group_size - 1: pinned pairs share a table";
		return (uint32_t)m->group_size - 1;
	}
}

static int
bounds_pin_cmp(const void *x, const void *y)
{
	const struct bounds_pin *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return (p->strategy > q->strategy) - (p->strategy < q->strategy);
}

/* Every strategy's pins, oriented, sorted and each pair once (the first
 * strategy's). */
static struct bounds_pin *
bounds_collect(const struct engine *e, size_t *npins)
{
	struct bounds_pin *pins;
	size_t k, i, n = 0, m;

	for (k = 0; k < e->nstrategies; k++)
		n += e->strategies[k].npins;
	pins = xcalloc(n + 1, sizeof *pins);
	n = 0;
	for (k = 0; k < e->nstrategies; k++) {
		const struct strategy *s = &e->strategies[k];

		for (i = 0; i < s->npins; i++) {
			uint32_t a = s->pins[2 * i], b = s->pins[2 * i + 1];

			pins[n].a = a < b ? a : b;
			pins[n].b = a < b ? b : a;
			pins[n].strategy = k;
			n++;
		}
	}
	if (n > 1)
		qsort(pins, n, sizeof *pins, bounds_pin_cmp);
	for (i = m = 0; i < n; i++)
		if (m == 0 || pins[m - 1].a != pins[i].a ||
		    pins[m - 1].b != pins[i].b)
			pins[m++] = pins[i];
	*npins = m;
	return pins;
}

/* Is pin P possible at all?  A problem line if not; its score in *W. */
static int
bounds_check_pin(struct engine *e, const struct graph *g,
    const struct bounds_pin *p, struct problems *bad, double *w,
    char **cause)
{
	const struct attendee_table *t = e->t;
	const char *who = e->strategies[p->strategy].name;
	struct pair_part *parts;
	uint32_t ends[2] = { p->a, p->b }, v;
	size_t i, k;
	int veto;

	for (i = 0; i < 2; i++) {
		v = ends[i];
		if (g->active[v])
			continue;
		problems_add(bad, "%s pins %s and %s, but %s %s", who,
		    t->name[p->a], t->name[p->b], t->name[v],
		    !t->consent[v] ? "may not be introduced (the consent "
		    "column)" : "opted out (per_attendee_column is 0)");
		return 0;
	}
	parts = xcalloc(e->nstrategies + 1, sizeof *parts);
	if (engine_score_pair(e, p->a, p->b, w, &veto, parts, cause) != 0) {
		free(parts);
		return -1;
	}
	for (k = 0; veto && k < e->nstrategies; k++) {
		if (!parts[k].veto)
			continue;
		problems_add(bad, "%s pins %s and %s, but %s vetoes them%s%s",
		    who, t->name[p->a], t->name[p->b],
		    e->strategies[k].name, parts[k].reason[0] ? ": " : "",
		    parts[k].reason);
		break;
	}
	free(parts);
	return 0;
}

/* Nobody pinned to more people than the mode lets them meet. */
static void
bounds_check_counts(const struct engine *e, const struct graph *g,
    const struct bounds_pin *pins, size_t npins, struct problems *bad)
{
	const struct attendee_table *t = e->t;
	uint32_t *count, room;
	const char *why;
	size_t i, v;

	count = xcalloc(g->n ? g->n : 1, sizeof *count);
	for (i = 0; i < npins; i++) {
		count[pins[i].a]++;
		count[pins[i].b]++;
	}
	for (v = 0; v < g->n; v++) {
		if (count[v] == 0 || !g->active[v])
			continue;
		room = bounds_room(e, g, (uint32_t)v, &why);
		if (count[v] <= room)
			continue;
		problems_add(bad, "%s (%s) is pinned to %u people but may "
		    "meet at most %u (%s); pin fewer pairs", t->name[v],
		    t->id[v], count[v], room, why);
	}
	free(count);
}

static int
bounds_pins(struct engine *e, struct graph *g, char **cause)
{
	struct problems bad = { { NULL, 0, 0 }, 0 };
	struct bounds_pin *pins;
	struct edge *extra;
	size_t npins, i;
	long k;
	int rc = -1;

	pins = bounds_collect(e, &npins);
	if (npins == 0) {
		free(pins);
		return 0;
	}
	extra = xcalloc(npins, sizeof *extra);
	for (i = 0; i < npins; i++) {
		extra[i].a = pins[i].a;
		extra[i].b = pins[i].b;
		if (bounds_check_pin(e, g, &pins[i], &bad, &extra[i].w,
		    cause) != 0)
			goto out;
	}
	bounds_check_counts(e, g, pins, npins, &bad);
	*cause = problems_message(&bad, "problems with pinned pairs");
	if (*cause != NULL)
		goto out;

	graph_add_edges(g, extra, npins);
	g->pinned = xcalloc(g->nedges + 1, 1);
	for (i = 0; i < npins; i++) {
		k = graph_find_edge(g, pins[i].a, pins[i].b);
		if (k >= 0)
			g->pinned[k] = 1;
	}
	rc = 0;
out:
	free(extra);
	free(pins);
	return rc;
}

static int
bounds_quota(struct engine *e, struct graph *g, char **cause)
{
	struct strbuf names = { 0 };
	const struct strategy *s;
	size_t k, q = 0, i, v;
	unsigned bits;

	for (k = 0; k < e->nstrategies; k++) {
		if (e->strategies[k].quota == NULL)
			continue;
		strbuf_printf(&names, "%s%s", q ? ", " : "",
		    e->strategies[k].name);
		q++;
	}
	if (q > GRAPH_MAX_QUOTA) {
		*cause = xasprintf("%zu strategies set quotas (%s), but at "
		    "most %d may: remove some of them or their quota "
		    "options", q, names.buf, GRAPH_MAX_QUOTA);
		strbuf_free(&names);
		return -1;
	}
	strbuf_free(&names);
	if (q == 0)
		return 0;
	g->nquota = (uint32_t)q;
	g->quota_max = xcalloc(q * g->n + 1, sizeof *g->quota_max);
	g->quota = xcalloc(g->nedges + 1, 1);
	for (k = q = 0; k < e->nstrategies; k++) {
		s = &e->strategies[k];
		if (s->quota == NULL)
			continue;
		for (v = 0; v < g->n; v++)
			g->quota_max[q * g->n + v] = s->quota[v];
		q++;
	}
	for (i = 0; i < g->nedges; i++) {
		if (bounds_pair_quota(e, g->edges[i].a, g->edges[i].b, &bits,
		    cause) != 0)
			return -1;
		g->quota[i] = (uint8_t)bits;
	}
	g->quota_of = bounds_pair_quota;
	g->quota_ctx = e;
	return 0;
}

int
bounds_pair_quota(void *ctx, uint32_t a, uint32_t b, unsigned *bits,
    char **cause)
{
	struct engine *e = ctx;
	const struct strategy *s;
	unsigned char fv, rv;
	unsigned q = 0;
	double f, r;
	size_t k;

	*bits = 0;
	for (k = 0; k < e->nstrategies; k++) {
		s = &e->strategies[k];
		if (s->quota == NULL)
			continue;
		f = r = 0;
		fv = rv = 0;
		if (s->ops->score(s->self, 0, a, &b, 1, &f, &fv, cause) != 0)
			return -1;
		if (s->symmetric)
			r = f;
		else if (s->ops->score(s->self, 0, b, &a, 1, &r, &rv,
		    cause) != 0)
			return -1;
		if (f / 2 + r / 2 > 0)
			*bits |= 1u << q;
		q++;
	}
	return 0;
}

/* The name of the strategy with quota bit Q. */
static const char *
bounds_quota_name(const struct engine *e, uint32_t q)
{
	size_t k;

	for (k = 0; k < e->nstrategies; k++)
		if (e->strategies[k].quota != NULL && q-- == 0)
			return e->strategies[k].name;
	return "?";
}

/* Pins come first, so they alone must fit every quota. */
static int
bounds_pin_quota(const struct engine *e, const struct graph *g,
    char **cause)
{
	struct problems bad = { { NULL, 0, 0 }, 0 };
	uint32_t *count, q, v, max;
	size_t k;

	if (g->pinned == NULL || g->quota == NULL)
		return 0;
	count = xcalloc((size_t)g->nquota * g->n + 1, sizeof *count);
	for (k = 0; k < g->nedges; k++)
		for (q = 0; g->pinned[k] && q < g->nquota; q++)
			if (g->quota[k] & (1u << q)) {
				count[q * g->n + g->edges[k].a]++;
				count[q * g->n + g->edges[k].b]++;
			}
	for (q = 0; q < g->nquota; q++)
		for (v = 0; v < g->n; v++) {
			max = g->quota_max[q * g->n + v];
			if (count[q * g->n + v] <= max)
				continue;
			problems_add(&bad, "%s (%s) is pinned to %u people "
			    "that %s scores above zero, but its quota for "
			    "them is %u; pin fewer pairs or raise the quota",
			    e->t->name[v], e->t->id[v], count[q * g->n + v],
			    bounds_quota_name(e, q), max);
		}
	free(count);
	*cause = problems_message(&bad, "pins over a quota");
	return *cause != NULL ? -1 : 0;
}

int
bounds_apply(struct engine *e, struct graph *g, char **cause)
{
	bounds_cap(e, g);
	if (bounds_pins(e, g, cause) != 0 ||
	    bounds_quota(e, g, cause) != 0)
		return -1;
	return bounds_pin_quota(e, g, cause);
}
