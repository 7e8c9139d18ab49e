/*
 * assign_meetings.c -- `mode = meetings`: the introductions suggestions
 * mode chooses, each as a 1:1 meeting in one of `slots` time slots.
 *
 * Nobody has two meetings in one slot, a meeting goes only into a slot
 * both can attend (graph->free_slots, from `[input] availability`), and
 * with `tables = T` a slot holds at most T meetings: a proper edge
 * colouring with the slots as colours (edge_colour.c), best meetings
 * first.  A meeting that finds no slot is kept in out->unplaced with the
 * reason, for coverage.c to list both its people in the report.  The
 * meetings of a slot get tables 1, 2, ... in output order.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>

#include "assign_modes.h"
#include "edge_colour.h"
#include "util.h"

static const enum shortfall meetings_why[] = {
	[EDGE_COLOUR_PLACED] = SHORTFALL_NONE,
	[EDGE_COLOUR_NO_COMMON] = SHORTFALL_NO_COMMON_SLOT,
	[EDGE_COLOUR_BUSY] = SHORTFALL_SLOTS_FULL,
	[EDGE_COLOUR_FULL] = SHORTFALL_TABLES_FULL,
};

static int	meetings_order_cmp(const void *, const void *, void *);
static void	meetings_tables(struct assignment *);

/* Intros by score (best first), then a's and b's rank (CTX: the graph). */
static int
meetings_order_cmp(const void *x, const void *y, void *ctx)
{
	const struct intro *p = x, *q = y;
	const uint32_t *rank = ((const struct graph *)ctx)->rank;

	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	if (rank[p->a] != rank[q->a])
		return rank[p->a] < rank[q->a] ? -1 : 1;
	return (rank[p->b] > rank[q->b]) - (rank[p->b] < rank[q->b]);
}

/* Tables 1, 2, ... within each slot, in the intros' order (sorted). */
static void
meetings_tables(struct assignment *out)
{
	size_t i;
	int32_t table = 0;

	for (i = 0; i < out->nintros; i++) {
		if (i == 0 || out->intros[i].round != out->intros[i - 1].round)
			table = 0;
		out->intros[i].table = ++table;
	}
}

int
assign_meetings(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause)
{
	struct edge_colour_problem p;
	struct intro *in;
	uint32_t *end, *colour;
	unsigned char *why;
	size_t i, n, nplaced = 0, nun = 0;

	if (assign_suggestions(g, m, out, cause) != 0)
		return -1;
	in = out->intros;
	n = out->nintros;
	qsort_r(in, n, sizeof *in, meetings_order_cmp, (void *)g);
	end = xcalloc(2 * n + 1, sizeof *end);
	for (i = 0; i < n; i++) {
		end[2 * i] = in[i].a;
		end[2 * i + 1] = in[i].b;
	}
	p = (struct edge_colour_problem){
		.n = (uint32_t)g->n, .m = n, .end = end,
		.colours = (uint32_t)m->slots, .free = g->free_slots,
		.words = g->slot_words, .cap = (uint32_t)m->tables,
	};
	colour = xcalloc(n + 1, sizeof *colour);
	why = xcalloc(n + 1, 1);
	edge_colour_run(&p, colour, why);

	out->unplaced = xcalloc(n + 1, sizeof *out->unplaced);
	for (i = 0; i < n; i++) {
		if (colour[i] == 0) {
			out->unplaced[nun++] = (struct unplaced){
				.a = in[i].a, .b = in[i].b,
				.score = in[i].score, .why = meetings_why[why[i]],
			};
			continue;
		}
		in[nplaced] = in[i];
		in[nplaced++].round = (int32_t)colour[i];
	}
	out->nintros = nplaced;
	out->nunplaced = nun;
	out->has_slots = out->has_tables = 1;
	assignment_sort(out, g);
	meetings_tables(out);
	free(end);
	free(colour);
	free(why);
	return 0;
}
