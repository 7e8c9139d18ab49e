/*
 * assign_suggestions.c -- `mode = suggestions`: a fair degree-bounded
 * selection of introductions (a b-matching, bmatch.c): at most
 * max_per_attendee each, as few below max(min_per_attendee, 1) as the
 * graph allows, then the best total score.
 *
 * Limits (graph.h): a node's cap lowers its max_per_attendee (and its
 * floor); pinned edges are chosen before the search and never dropped;
 * the edges of the graph's start (topup.c) are where it begins;
 * bmatch.c keeps both ends of every chosen edge within every quota its
 * bits name, in each of its searches.  Who falls short, and why, is
 * coverage.c's to say.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign_modes.h"
#include "assignment.h"
#include "bmatch.h"
#include "util.h"

void
assign_suggestions_limits(const struct graph *g, const struct config_match *m,
    size_t i, uint32_t *cap, uint32_t *floor)
{
	uint32_t most, least;

	most = m->max_per_attendee > 0 ? (uint32_t)m->max_per_attendee :
	    (m->per_attendee > 0 ? (uint32_t)m->per_attendee : 1);
	least = m->min_per_attendee > 1 ? (uint32_t)m->min_per_attendee : 1;
	*cap = g->cap != NULL && g->cap[i] < most ? g->cap[i] : most;
	*floor = least < *cap ? least : *cap;
}

int
assign_suggestions(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause)
{
	size_t i, cap = 0, n = g->n ? g->n : 1;
	uint32_t *caps, *floors, *deg;
	unsigned char *sel;
	const struct edge *e;

	sel = xcalloc(g->nedges ? g->nedges : 1, 1);
	deg = xcalloc(n, sizeof *deg);
	caps = xcalloc(n, sizeof *caps);
	floors = xcalloc(n, sizeof *floors);
	for (i = 0; i < g->n; i++)
		assign_suggestions_limits(g, m, i, &caps[i], &floors[i]);
	/* Pinned pairs are chosen beforehand: bounds.c saw that they fit;
	 * the search begins from the pairs of the graph before it grew. */
	for (i = 0; i < g->nedges; i++) {
		if (g->pinned != NULL && g->pinned[i])
			sel[i] = BMATCH_PIN;
		else if (g->start != NULL && g->start[i])
			sel[i] = BMATCH_START;
	}
	bmatch_run(g, caps, floors, sel, deg);

	for (i = 0; i < g->nedges; i++) {
		if (!sel[i])
			continue;
		e = &g->edges[i];
		assignment_add_intro(out, &cap, g, e->a, e->b, e->w, 0, 0);
	}
	assignment_sort(out, g);

	free(sel);
	free(deg);
	free(caps);
	free(floors);
	(void)cause;
	return 0;
}
