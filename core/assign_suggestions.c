/*
 * assign_suggestions.c -- `mode = suggestions`: a fair degree-bounded
 * selection of introductions (a b-matching).
 *
 * 1. Greedy: edges best first (ties by the ends' ranks), taken while both
 *    ends are below max_per_attendee.  This is what b-Suitor computes, in
 *    O(m log m); it is within half of the best total weight.
 * 2. Repair: everyone below the floor, max(min_per_attendee, 1), who has
 *    an unused edge looks for a short alternating path (take an unused
 *    edge to a full partner, drop one of that partner's edges whose other
 *    end stays at or above the floor, ...) ending at someone with room or
 *    someone above the floor.  The cheapest one-swap change is preferred;
 *    longer paths are searched breadth first within a budget.
 * 3. Fill: the greedy pass again, for room the repair opened.
 *
 * Limits (graph.h): pinned edges are taken before the greedy and never
 * dropped; a node's cap lowers its max_per_attendee (and its floor);
 * an edge is taken only while both ends stay within every quota its
 * bits name.  The repair's longer paths take only edges without quota
 * bits, so they never break a quota.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign_modes.h"
#include "assignment.h"
#include "util.h"

/* Longest path (edges added) and work per attendee in the repair. */
#define SUGGEST_MAX_DEPTH	4
#define SUGGEST_MAX_VISIT	4096

struct suggest {
	const struct graph *g;
	uint32_t cap;		/* max_per_attendee */
	uint32_t floor;		/* max(min_per_attendee, 1) */
	unsigned char *sel;	/* per edge: chosen */
	uint32_t *deg;		/* chosen edges per node */
	uint32_t *order;	/* edges, best first */

	/* Breadth-first search state, reset per search via the list. */
	uint32_t *from_edge;	/* per node: edge taken into it */
	uint32_t *from_node;	/* per node: previous needy-side node */
	unsigned char *seen;
	uint32_t *visited;
	size_t nvisited;
	uint32_t *queue;

	uint32_t *qdeg;		/* qdeg[q * n + v]: chosen quota-q edges */
};

static uint32_t	suggest_cap(const struct suggest *, uint32_t);
static uint32_t	suggest_floor(const struct suggest *, uint32_t);
static void	suggest_quota(struct suggest *, uint32_t, int);
static void	suggest_set(struct suggest *, uint32_t, int);
static int	suggest_fits(const struct suggest *, uint32_t, uint32_t);
static int	suggest_edge_cmp(const void *, const void *, void *);
static void	suggest_greedy(struct suggest *);
static int	suggest_one_swap(struct suggest *, uint32_t);
static int	suggest_path(struct suggest *, uint32_t);

/* The most introductions V may get: max_per_attendee, or less if its
 * graph cap says so. */
static uint32_t
suggest_cap(const struct suggest *s, uint32_t v)
{
	const struct graph *g = s->g;

	return g->cap != NULL && g->cap[v] < s->cap ? g->cap[v] : s->cap;
}

static uint32_t
suggest_floor(const struct suggest *s, uint32_t v)
{
	uint32_t cap = suggest_cap(s, v);

	return s->floor < cap ? s->floor : cap;
}

/* Edge K is chosen (D = 1) or dropped (D = -1): its quota counts. */
static void
suggest_quota(struct suggest *s, uint32_t k, int d)
{
	const struct graph *g = s->g;
	const struct edge *e = &g->edges[k];
	uint32_t q;

	for (q = 0; g->quota != NULL && q < g->nquota; q++) {
		if (!(g->quota[k] & (1u << q)))
			continue;
		s->qdeg[q * g->n + e->a] += (uint32_t)d;
		s->qdeg[q * g->n + e->b] += (uint32_t)d;
	}
}

/* Choose edge K (ON = 1) or drop it (ON = 0), with every count. */
static void
suggest_set(struct suggest *s, uint32_t k, int on)
{
	const struct edge *e = &s->g->edges[k];
	uint32_t d = on ? 1 : (uint32_t)-1;

	s->sel[k] = (unsigned char)on;
	s->deg[e->a] += d;
	s->deg[e->b] += d;
	suggest_quota(s, k, on ? 1 : -1);
}

/* May unused edge K be chosen, once edge DROP (UINT32_MAX for none) is
 * dropped?  Both ends within their caps and quotas. */
static int
suggest_fits(const struct suggest *s, uint32_t k, uint32_t drop)
{
	const struct graph *g = s->g;
	const struct edge *e = &g->edges[k];
	uint32_t ends[2] = { e->a, e->b }, v, q, used, i;
	const struct edge *de = drop != UINT32_MAX ? &g->edges[drop] : NULL;

	for (i = 0; i < 2; i++) {
		v = ends[i];
		used = s->deg[v] - (de != NULL && (de->a == v || de->b == v));
		if (used >= suggest_cap(s, v))
			return 0;
		for (q = 0; g->quota != NULL && q < g->nquota; q++) {
			if (!(g->quota[k] & (1u << q)))
				continue;
			used = s->qdeg[q * g->n + v];
			if (de != NULL && (de->a == v || de->b == v) &&
			    (g->quota[drop] & (1u << q)))
				used--;
			if (used >= g->quota_max[q * g->n + v])
				return 0;
		}
	}
	return 1;
}

/* Edge indices, best first (CTX: the graph). */
static int
suggest_edge_cmp(const void *x, const void *y, void *ctx)
{
	const struct graph *g = ctx;
	const struct edge *a = &g->edges[*(const uint32_t *)x];
	const struct edge *b = &g->edges[*(const uint32_t *)y];
	uint32_t a0, a1, b0, b1;

	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	a0 = g->rank[a->a] < g->rank[a->b] ? g->rank[a->a] : g->rank[a->b];
	a1 = g->rank[a->a] < g->rank[a->b] ? g->rank[a->b] : g->rank[a->a];
	b0 = g->rank[b->a] < g->rank[b->b] ? g->rank[b->a] : g->rank[b->b];
	b1 = g->rank[b->a] < g->rank[b->b] ? g->rank[b->b] : g->rank[b->a];
	if (a0 != b0)
		return a0 < b0 ? -1 : 1;
	if (a1 != b1)
		return a1 < b1 ? -1 : 1;
	return 0;
}

/* Take every unused edge, best first, while both ends have room. */
static void
suggest_greedy(struct suggest *s)
{
	size_t i;
	uint32_t k;

	for (i = 0; i < s->g->nedges; i++) {
		k = s->order[i];
		if (s->sel[k] || !suggest_fits(s, k, UINT32_MAX))
			continue;
		suggest_set(s, k, 1);
	}
}

/*
 * Give V one more introduction by the cheapest single change: an unused
 * edge to someone with room, or to a full partner U who drops an edge to
 * X where X stays at or above the floor.  Returns 1 if done.
 */
static int
suggest_one_swap(struct suggest *s, uint32_t v)
{
	const struct graph *g = s->g;
	uint32_t i, j, k, kk, u, x, best_add = UINT32_MAX;
	uint32_t best_drop = UINT32_MAX;
	double gain, best = 0;

	for (i = g->adj_off[v]; i < g->adj_off[v + 1]; i++) {
		k = g->adj[i];
		if (s->sel[k])
			continue;
		u = graph_other(&g->edges[k], v);
		if (suggest_fits(s, k, UINT32_MAX)) {
			gain = g->edges[k].w;
			if (best_add == UINT32_MAX || gain > best) {
				best = gain;
				best_add = k;
				best_drop = UINT32_MAX;
			}
			continue;
		}
		/* U is full: the weakest edge it can spare comes last. */
		for (j = g->adj_off[u + 1]; j-- > g->adj_off[u];) {
			kk = g->adj[j];
			if (!s->sel[kk] || (g->pinned != NULL && g->pinned[kk]))
				continue;
			x = graph_other(&g->edges[kk], u);
			if (x == v || s->deg[x] <= suggest_floor(s, x) ||
			    !suggest_fits(s, k, kk))
				continue;
			gain = g->edges[k].w - g->edges[kk].w;
			if (best_add == UINT32_MAX || gain > best) {
				best = gain;
				best_add = k;
				best_drop = kk;
			}
			break;
		}
	}
	if (best_add == UINT32_MAX)
		return 0;
	if (best_drop != UINT32_MAX)
		suggest_set(s, best_drop, 0);
	suggest_set(s, best_add, 1);
	return 1;
}

/*
 * Breadth-first search for an alternating path from V: unused edge to a
 * full U, used edge from U to X, unused edge from X, ...; it ends at a U
 * with room or an X above the floor.  Flips it and returns 1 if found.
 */
static int
suggest_path(struct suggest *s, uint32_t v)
{
	const struct graph *g = s->g;
	size_t qh = 0, qt = 0, i, layer_end, depth = 0, limit;
	uint32_t y, u, x, k, kk, j, jj, end = UINT32_MAX, via;

	limit = g->n < SUGGEST_MAX_VISIT ? g->n : SUGGEST_MAX_VISIT;
	s->nvisited = 0;
	s->seen[v] = 1;
	s->visited[s->nvisited++] = v;
	s->queue[qt++] = v;
	while (qh < qt && end == UINT32_MAX && depth++ < SUGGEST_MAX_DEPTH) {
		for (layer_end = qt; qh < layer_end && end == UINT32_MAX;) {
			y = s->queue[qh++];
			for (j = g->adj_off[y]; j < g->adj_off[y + 1] &&
			    end == UINT32_MAX && s->nvisited < limit; j++) {
				k = g->adj[j];
				u = graph_other(&g->edges[k], y);
				if (s->sel[k] || s->seen[u] ||
				    (g->quota != NULL && g->quota[k]))
					continue;
				s->seen[u] = 1;
				s->visited[s->nvisited++] = u;
				s->from_edge[u] = k;
				s->from_node[u] = y;
				if (s->deg[u] < suggest_cap(s, u)) {
					end = u;
					break;
				}
				for (jj = g->adj_off[u]; jj < g->adj_off[u + 1] &&
				    s->nvisited < limit; jj++) {
					kk = g->adj[jj];
					x = graph_other(&g->edges[kk], u);
					if (!s->sel[kk] || s->seen[x] ||
					    (g->pinned != NULL &&
					    g->pinned[kk]))
						continue;
					s->seen[x] = 1;
					s->visited[s->nvisited++] = x;
					s->from_edge[x] = kk;
					s->from_node[x] = u;
					if (s->deg[x] > suggest_floor(s, x)) {
						end = x;
						break;
					}
					s->queue[qt++] = x;
				}
			}
		}
	}
	for (i = 0; i < s->nvisited; i++)
		s->seen[s->visited[i]] = 0;
	if (end == UINT32_MAX)
		return 0;

	/* Flip each edge back to V; only the two ends change degree.  Only
	 * dropped edges may have quota bits. */
	for (x = end; x != v; x = via) {
		k = s->from_edge[x];
		via = s->from_node[x];
		s->sel[k] = !s->sel[k];
		suggest_quota(s, k, s->sel[k] ? 1 : -1);
	}
	if (s->sel[s->from_edge[end]])
		s->deg[end]++;		/* ended by taking an edge */
	else
		s->deg[end]--;		/* ended by dropping one */
	s->deg[v]++;
	return 1;
}

int
assign_suggestions(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause)
{
	struct suggest s;
	size_t i, nact, cap = 0, n = g->n ? g->n : 1;
	uint32_t *act, v;
	const struct edge *e;

	memset(&s, 0, sizeof s);
	s.g = g;
	s.cap = m->max_per_attendee > 0 ? (uint32_t)m->max_per_attendee :
	    (m->per_attendee > 0 ? (uint32_t)m->per_attendee : 1);
	s.floor = m->min_per_attendee > 1 ? (uint32_t)m->min_per_attendee : 1;
	if (s.floor > s.cap)
		s.floor = s.cap;
	s.sel = xcalloc(g->nedges ? g->nedges : 1, 1);
	s.deg = xcalloc(n, sizeof *s.deg);
	s.order = xcalloc(g->nedges ? g->nedges : 1, sizeof *s.order);
	s.from_edge = xcalloc(n, sizeof *s.from_edge);
	s.from_node = xcalloc(n, sizeof *s.from_node);
	s.seen = xcalloc(n, 1);
	s.visited = xcalloc(n, sizeof *s.visited);
	s.queue = xcalloc(n, sizeof *s.queue);
	s.qdeg = xcalloc((size_t)g->nquota * n + 1, sizeof *s.qdeg);

	for (i = 0; i < g->nedges; i++)
		s.order[i] = (uint32_t)i;
	qsort_r(s.order, g->nedges, sizeof *s.order, suggest_edge_cmp,
	    (void *)g);
	/* Pinned pairs first: bounds.c saw that they fit. */
	for (i = 0; g->pinned != NULL && i < g->nedges; i++)
		if (g->pinned[i])
			suggest_set(&s, (uint32_t)i, 1);
	suggest_greedy(&s);

	/* Repair those below the floor, in rank order. */
	nact = graph_active_by_rank(g, &act);
	for (i = 0; i < nact; i++) {
		v = act[i];
		while (s.deg[v] < suggest_floor(&s, v)) {
			if (!suggest_one_swap(&s, v) && !suggest_path(&s, v))
				break;
		}
	}
	free(act);
	suggest_greedy(&s);

	for (i = 0; i < g->nedges; i++) {
		if (!s.sel[i])
			continue;
		e = &g->edges[i];
		assignment_add_intro(out, &cap, g, e->a, e->b, e->w, 0, 0);
	}
	assignment_sort(out, g);

	free(s.sel);
	free(s.deg);
	free(s.order);
	free(s.from_edge);
	free(s.from_node);
	free(s.seen);
	free(s.visited);
	free(s.queue);
	free(s.qdeg);
	(void)cause;
	return 0;
}
