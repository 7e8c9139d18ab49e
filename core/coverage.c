/*
 * coverage.c -- who got fewer introductions than wanted, and why, from a
 * finished assignment and the graph's node stats (see coverage.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assignment.h"
#include "coverage.h"
#include "util.h"

static uint32_t	coverage_wanted(const struct config_match *);
static uint32_t	coverage_cap(const struct graph *, uint32_t, uint32_t);
static enum shortfall coverage_why(const struct node_stats *, uint32_t);
static void	coverage_unplaced(const struct assignment *, uint32_t *,
		    enum shortfall *);
static void	coverage_suggestions(struct assignment *,
		    const struct graph *, const struct config_match *);
static void	coverage_left_out(struct assignment *, const struct graph *);
static size_t	coverage_opted_out(struct assignment *, const struct graph *);

/* Suggestions: min(per_attendee, max_per_attendee), at least 1. */
static uint32_t
coverage_wanted(const struct config_match *m)
{
	long w = m->per_attendee;

	if (m->max_per_attendee > 0 && m->max_per_attendee < w)
		w = m->max_per_attendee;
	return w > 1 ? (uint32_t)w : 1;
}

/* What node V wants: WANTED, or less if its own capacity says so. */
static uint32_t
coverage_cap(const struct graph *g, uint32_t v, uint32_t wanted)
{
	if (g->cap != NULL && g->cap[v] < wanted)
		return g->cap[v];
	return wanted;
}

/*
 * Why someone with stats ST got only GOT: partners above the threshold
 * they did not get were taken by others; else, if every other attendee
 * was vetoed, the vetoes; else there were too few partners.
 */
static enum shortfall
coverage_why(const struct node_stats *st, uint32_t got)
{
	if (st->positive > got)
		return SHORTFALL_CAPACITY;
	if (st->vetoed > 0 && st->low == 0)
		return SHORTFALL_ALL_VETOED;
	return SHORTFALL_NO_PARTNER;
}

/*
 * Meetings: count each meeting chosen but not placed in CHOSEN, and give
 * both its people the reason of their best one in WHY (unplaced come
 * best first).
 */
static void
coverage_unplaced(const struct assignment *out, uint32_t *chosen,
    enum shortfall *why)
{
	const struct unplaced *u;
	size_t i;

	for (i = 0; i < out->nunplaced; i++) {
		u = &out->unplaced[i];
		chosen[u->a]++;
		chosen[u->b]++;
		if (why[u->a] == SHORTFALL_NONE)
			why[u->a] = u->why;
		if (why[u->b] == SHORTFALL_NONE)
			why[u->b] = u->why;
	}
}

/*
 * Everyone active below what the config wants, or (meetings) below the
 * meetings chosen for them, by rank.
 */
static void
coverage_suggestions(struct assignment *out, const struct graph *g,
    const struct config_match *m)
{
	uint32_t *got, *chosen, *act, wanted, v;
	enum shortfall *why;
	size_t i, nact, cap = 0;

	got = xcalloc(g->n + 1, sizeof *got);
	chosen = xcalloc(g->n + 1, sizeof *chosen);
	why = xcalloc(g->n + 1, sizeof *why);
	for (i = 0; i < out->nintros; i++) {
		got[out->intros[i].a]++;
		got[out->intros[i].b]++;
	}
	memcpy(chosen, got, g->n * sizeof *chosen);
	coverage_unplaced(out, chosen, why);
	nact = graph_active_by_rank(g, &act);
	for (i = 0; i < nact; i++) {
		v = act[i];
		wanted = coverage_cap(g, v, coverage_wanted(m));
		if (chosen[v] > wanted)
			wanted = chosen[v];
		if (got[v] >= wanted)
			continue;
		if (why[v] == SHORTFALL_NONE)
			why[v] = coverage_why(&g->stats[v], chosen[v]);
		assignment_add_short(out, &cap, v, got[v], wanted, why[v]);
	}
	free(act);
	free(why);
	free(chosen);
	free(got);
}

/* Modes with tables: every seat without a table, by rank. */
static void
coverage_left_out(struct assignment *out, const struct graph *g)
{
	size_t i, cap = 0;

	for (i = 0; i < out->nseats; i++)
		if (out->seats[i].table == 0)
			assignment_add_short(out, &cap,
			    out->seats[i].attendee, 0, 1, SHORTFALL_LEFT_OUT);
}

/* Every mode: whoever opted out (graph cap 0), got and wanted 0.
 * Returns how many. */
static size_t
coverage_opted_out(struct assignment *out, const struct graph *g)
{
	size_t cap = out->nshort, v, n = 0;

	for (v = 0; g->cap != NULL && v < g->n; v++) {
		if (g->cap[v] == 0) {
			assignment_add_short(out, &cap, (uint32_t)v, 0, 0,
			    SHORTFALL_OPTED_OUT);
			n++;
		}
	}
	return n;
}

void
coverage_fill(struct assignment *out, const struct graph *g,
    const struct config_match *m)
{
	free(out->short_of);
	out->short_of = NULL;
	out->nshort = 0;
	if (out->seats == NULL)
		coverage_suggestions(out, g, m);
	else
		coverage_left_out(out, g);
	if (coverage_opted_out(out, g) > 0 || out->seats != NULL)
		assignment_sort(out, g);
}
