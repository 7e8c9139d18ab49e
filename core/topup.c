/*
 * topup.c -- a second graph for the attendees the suggestions left short
 * (topup.h).
 *
 * Each attendee keeps their `candidates` best partners (engine.c), and
 * the graph is the union.  Where one strategy's bonus outweighs the rest
 * for a whole group, that graph can hold too few partners for them, and
 * no assignment can give them their floor: with `buddy`, every veteran's
 * best partners are first-timers, so there is no pair of two veterans,
 * and with `per_veteran` a veteran meets two first-timers and nobody
 * else.  So the run scores those left short among themselves (every
 * pair of them, their best partners kept as in the first graph),
 * adds those pairs to the graph and assigns again, up to TOPUP_PASSES
 * times while fewer are left short (cmd_run.c), beginning from the
 * assignment of the smaller graph (graph.h's start): the edges it chose
 * are as good on the larger one, and only what changed is searched anew.
 * A quota strategy's quotas are lowered for that pass by what the first
 * assignment used, so that its pairs with someone whose quota is spent
 * (a quota of 0 vetoes them, engine.c) leave room for others.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign_modes.h"
#include "bounds.h"
#include "topup.h"
#include "util.h"

size_t
topup_short(const struct graph *g, const struct config_match *m,
    const struct assignment *as, unsigned char **among)
{
	uint32_t *deg, cap, floor;
	size_t i, n = 0;

	deg = xcalloc(g->n + 1, sizeof *deg);
	*among = xcalloc(g->n + 1, 1);
	for (i = 0; i < as->nintros; i++) {
		deg[as->intros[i].a]++;
		deg[as->intros[i].b]++;
	}
	for (i = 0; i < g->n; i++) {
		if (!g->active[i])
			continue;
		assign_suggestions_limits(g, m, i, &cap, &floor);
		if (deg[i] < floor) {
			(*among)[i] = 1;
			n++;
		}
	}
	free(deg);
	return n;
}

/* Drop G's limits, which are per edge: bounds_apply() sets them anew. */
static void
topup_unbound(struct graph *g)
{
	free(g->cap);
	free(g->quota);
	free(g->quota_max);
	free(g->pinned);
	free(g->start);
	g->cap = NULL;
	g->quota = NULL;
	g->quota_max = NULL;
	g->pinned = NULL;
	g->start = NULL;
	g->nquota = 0;
}

/*
 * Swap each quota strategy's quotas in E for what is left of them after
 * AS on G (*SAVED holds the originals); again with *SAVED to swap back.
 */
static void
topup_quotas(struct engine *e, const struct graph *g,
    const struct assignment *as, uint32_t ***saved)
{
	struct strategy *s;
	uint32_t *left, *tmp;
	size_t k, i, q = 0;
	long edge;

	if (*saved != NULL) {
		for (k = 0; k < e->nstrategies; k++) {
			s = &e->strategies[k];
			if (s->quota == NULL)
				continue;
			tmp = s->quota;
			s->quota = (*saved)[q++];
			free(tmp);
		}
		free(*saved);
		*saved = NULL;
		return;
	}
	*saved = xcalloc(e->nstrategies + 1, sizeof **saved);
	for (k = 0; k < e->nstrategies; k++) {
		s = &e->strategies[k];
		if (s->quota == NULL)
			continue;
		left = xcalloc(g->n + 1, sizeof *left);
		memcpy(left, s->quota, g->n * sizeof *left);
		for (i = 0; g->quota != NULL && i < as->nintros; i++) {
			edge = graph_find_edge(g, as->intros[i].a,
			    as->intros[i].b);
			if (edge < 0 || !(g->quota[edge] & (1u << q)))
				continue;
			if (left[as->intros[i].a] > 0)
				left[as->intros[i].a]--;
			if (left[as->intros[i].b] > 0)
				left[as->intros[i].b]--;
		}
		(*saved)[q++] = s->quota;
		s->quota = left;
	}
}

/* G's start (graph.h): the edges AS chose, for the assignment to begin
 * from what the smaller graph gave instead of from nothing. */
static void
topup_start(struct graph *g, const struct assignment *as)
{
	size_t i;
	long edge;

	g->start = xcalloc(g->nedges + 1, 1);
	for (i = 0; i < as->nintros; i++) {
		edge = graph_find_edge(g, as->intros[i].a, as->intros[i].b);
		if (edge >= 0)
			g->start[edge] = 1;
	}
}

int
topup_graph(struct engine *e, struct graph *g, const struct assignment *as,
    const unsigned char *among, size_t *added, char **cause)
{
	struct graph more;
	size_t before = g->nedges;
	uint32_t **saved = NULL;
	const struct config_match *match;
	struct config_match all;
	int rc;

	*added = 0;
	topup_quotas(e, g, as, &saved);
	/* every pair among them: the strategies' bounds are for everyone,
	 * so the candidate stage would ask again up to all of them anyway
	 * (at 10,000 with buddy: 13.6 s for the run, 7.9 s so) */
	all = *e->match;
	all.exhaustive = 1;
	match = e->match;
	e->match = &all;
	e->among = among;
	rc = engine_build_graph(e, &more, cause);
	e->among = NULL;
	e->match = match;
	topup_quotas(e, g, as, &saved);
	if (rc != 0)
		return -1;
	topup_unbound(g);
	graph_add_edges(g, more.edges, more.nedges);
	graph_free(&more);
	*added = g->nedges - before;
	if (bounds_apply(e, g, cause) != 0)
		return -1;
	topup_start(g, as);
	return 0;
}
