/*
 * assign_suggestions.c -- `mode = suggestions`: a fair degree-bounded
 * selection of introductions (a b-matching, bmatch.c): at most
 * max_per_attendee each, as few below max(min_per_attendee, 1) as the
 * graph allows, then the best total score.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign_modes.h"
#include "assignment.h"
#include "bmatch.h"
#include "util.h"

struct suggest {
	const struct graph *g;
	uint32_t floor;		/* max(min_per_attendee, 1) */
	unsigned char *sel;	/* per edge: chosen */
	uint32_t *deg;		/* chosen edges per node */
};

static void	suggest_coverage(struct suggest *, struct assignment *);

/* Everyone below the floor, and why. */
static void
suggest_coverage(struct suggest *s, struct assignment *out)
{
	const struct graph *g = s->g;
	const struct node_stats *st;
	uint32_t v, i, unused;
	size_t cap = 0;
	enum shortfall why;

	for (v = 0; v < g->n; v++) {
		if (!g->active[v] || s->deg[v] >= s->floor)
			continue;
		st = &g->stats[v];
		unused = 0;
		for (i = g->adj_off[v]; i < g->adj_off[v + 1]; i++)
			if (!s->sel[g->adj[i]])
				unused++;
		if (unused > 0)
			why = SHORTFALL_CAPACITY;
		else if (st->positive == 0 && st->vetoed > 0)
			why = SHORTFALL_ALL_VETOED;
		else
			why = SHORTFALL_NO_PARTNER;
		assignment_add_short(out, &cap, v, s->deg[v], s->floor, why);
	}
}

int
assign_suggestions(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause)
{
	struct suggest s;
	size_t i, cap = 0, n = g->n ? g->n : 1;
	uint32_t *caps, *floors, most;
	const struct edge *e;

	memset(&s, 0, sizeof s);
	s.g = g;
	most = m->max_per_attendee > 0 ? (uint32_t)m->max_per_attendee :
	    (m->per_attendee > 0 ? (uint32_t)m->per_attendee : 1);
	s.floor = m->min_per_attendee > 1 ? (uint32_t)m->min_per_attendee : 1;
	if (s.floor > most)
		s.floor = most;
	s.sel = xcalloc(g->nedges ? g->nedges : 1, 1);
	s.deg = xcalloc(n, sizeof *s.deg);
	caps = xcalloc(n, sizeof *caps);
	floors = xcalloc(n, sizeof *floors);
	for (i = 0; i < g->n; i++) {
		caps[i] = most;
		floors[i] = s.floor;
	}
	bmatch_run(g, caps, floors, s.sel, s.deg);

	for (i = 0; i < g->nedges; i++) {
		if (!s.sel[i])
			continue;
		e = &g->edges[i];
		assignment_add_intro(out, &cap, g, e->a, e->b, e->w, 0, 0);
	}
	suggest_coverage(&s, out);
	assignment_sort(out, g);

	free(s.sel);
	free(s.deg);
	free(caps);
	free(floors);
	(void)cause;
	return 0;
}
