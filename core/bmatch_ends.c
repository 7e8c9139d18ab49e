/*
 * bmatch_ends.c -- where the shortfall search may end (bmatch.c, pass 2):
 * per node, its unused edges to someone with room (room), its chosen
 * ones to someone above the floor (above), and its chosen ones to
 * someone whose room is not 0 (room2).  A state whose count is 0 has no
 * end one edge on (two, by room2), so the search scans a level at the
 * states that may end a path first (bmatch_may_end, bmatch_reaches).
 *
 * The counts are kept by every flip while the pass runs.  A node's count
 * changes when an edge of it flips, or when a neighbour gains or loses
 * room or goes above its floor or back: then the neighbour's edges are
 * walked.  room2 follows room where a room count leaves 0 or comes to it.
 * The edges of a path being flipped are left out of every walk until
 * the path is done, and counted again then (bmatch_ends_path_out,
 * bmatch_ends_path_in).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bmatch_int.h"
#include "util.h"

static inline int	bmatch_on_path(const struct bmatch *, uint32_t);
static void	bmatch_room2_walk(struct bmatch *, uint32_t, uint32_t);
static inline void	bmatch_room_add(struct bmatch *, uint32_t, uint32_t);
static inline void	bmatch_room2_edge(struct bmatch *, uint32_t,
		    uint32_t, int);
static inline void	bmatch_ends_edge(struct bmatch *, uint32_t, uint32_t,
		    int);
static void	bmatch_ends_node(struct bmatch *, uint32_t, uint32_t,
		    uint32_t);

/* Whether adjacency entry J is of the path being flipped. */
static inline int
bmatch_on_path(const struct bmatch *bm, uint32_t j)
{
	return (bm->sbits[j / 64] >> (j % 64)) & 1;
}

/* Add D to the room2 counts of the other ends of X's chosen edges (but
 * those of a path being flipped). */
static void
bmatch_room2_walk(struct bmatch *bm, uint32_t x, uint32_t d)
{
	uint32_t j, end = bm->g->adj_off[x + 1];

	for (j = bmatch_chosen_from(bm, bm->g->adj_off[x], end); j < end;
	    j = bmatch_chosen_from(bm, j + 1, end))
		if (!bmatch_on_path(bm, j))
			bm->room2[bm->nbr[j]] += d;
}

/* X's room count changes by D (1 or -1 as uint32_t): if it goes from 0
 * or to 0, so do the room2 counts of its chosen edges' other ends. */
static inline void
bmatch_room_add(struct bmatch *bm, uint32_t x, uint32_t d)
{
	uint32_t was = bm->room[x];

	bm->room[x] += d;
	if ((was == 0) != (bm->room[x] == 0))
		bmatch_room2_walk(bm, x, was == 0 ? 1 : UINT32_MAX);
}

/* The edge at adjacency entry J of node X, chosen, counted (D = 1) or
 * not (D = -1) in the room2 counts of its ends. */
static inline void
bmatch_room2_edge(struct bmatch *bm, uint32_t x, uint32_t j, int d)
{
	uint32_t y = bm->nbr[j];

	bm->room2[x] += (uint32_t)(d * (bm->room[y] != 0));
	bm->room2[y] += (uint32_t)(d * (bm->room[x] != 0));
}

/* The edge at adjacency entry J of node X, counted (D = 1) or not
 * (D = -1) at both ends: unused, to a node with room; chosen (not
 * pinned), to a node above its floor. */
static inline void
bmatch_ends_edge(struct bmatch *bm, uint32_t x, uint32_t j, int d)
{
	uint32_t ends[2] = { x, bm->nbr[j] }, i, y;

	for (i = 0; i < 2; i++) {
		y = ends[1 - i];
		if (bm->asel[j] == BMATCH_UNUSED) {
			if (bm->deg[y] < bm->cap[y])
				bmatch_room_add(bm, ends[i], (uint32_t)d);
		} else if (bm->asel[j] == BMATCH_CHOSEN &&
		    bm->deg[y] > bm->floor[y])
			bm->above[ends[i]] += (uint32_t)d;
	}
}

/* X's degree was OLD: if X gained or lost room, or went above its floor
 * or back to it, the counts of its neighbours follow, but through entry
 * SKIP (the edge just flipped, counted apart). */
static void
bmatch_ends_node(struct bmatch *bm, uint32_t x, uint32_t old, uint32_t skip)
{
	const struct graph *g = bm->g;
	uint32_t j, end = g->adj_off[x + 1], droom, dabove;

	droom = (uint32_t)(bm->deg[x] < bm->cap[x]) - (old < bm->cap[x]);
	dabove = (uint32_t)(bm->deg[x] > bm->floor[x]) - (old > bm->floor[x]);
	if (droom == 0 && dabove == 0)
		return;
	if (droom == 0) {
		/* only above: the chosen edges, by the bitmap */
		for (j = bmatch_chosen_from(bm, g->adj_off[x], end); j < end;
		    j = bmatch_chosen_from(bm, j + 1, end))
			if (j != skip && !bmatch_on_path(bm, j))
				bm->above[bm->nbr[j]] += dabove;
		return;
	}
	for (j = g->adj_off[x]; j < end; j++) {
		if (j == skip || bmatch_on_path(bm, j))
			continue;
		if (bm->asel[j] == BMATCH_UNUSED)
			bmatch_room_add(bm, bm->nbr[j], droom);
		else if (bm->asel[j] == BMATCH_CHOSEN)
			bm->above[bm->nbr[j]] += dabove;
	}
}

/* The edge at adjacency entry J of node X is about to flip: it leaves
 * the counts (bmatch_ends_after() puts it back). */
void
bmatch_ends_before(struct bmatch *bm, uint32_t x, uint32_t j)
{
	if (bm->asel[j] == BMATCH_CHOSEN)
		bmatch_room2_edge(bm, x, j, -1);
	bmatch_ends_edge(bm, x, j, -1);
}

/* The edge at adjacency entry J of node X has flipped; DX and DY were
 * the degrees of its ends before. */
void
bmatch_ends_after(struct bmatch *bm, uint32_t x, uint32_t j, uint32_t dx,
    uint32_t dy)
{
	bmatch_ends_node(bm, x, dx, j);
	bmatch_ends_node(bm, bm->nbr[j], dy, bm->mir[j]);
	bmatch_ends_edge(bm, x, j, 1);
	if (bm->asel[j] == BMATCH_CHOSEN)
		bmatch_room2_edge(bm, x, j, 1);
}

/* The shortfall pass begins: count every node's ends (bm->room). */
void
bmatch_ends_start(struct bmatch *bm)
{
	const struct graph *g = bm->g;
	size_t n = g->n ? g->n : 1;
	uint32_t x, j, y;

	bm->room = xcalloc(n, sizeof *bm->room);
	bm->above = xcalloc(n, sizeof *bm->above);
	bm->room2 = xcalloc(n, sizeof *bm->room2);
	bm->sbits = xcalloc(((size_t)g->adj_off[g->n] + 63) / 64 + 1,
	    sizeof *bm->sbits);
	bm->was = xmalloc(n * sizeof *bm->was);
	memset(bm->was, 0xff, n * sizeof *bm->was);
	bm->pnodes = xcalloc(n, sizeof *bm->pnodes);
	bm->near = xcalloc(n, sizeof *bm->near);
	bm->nsearch = 0;
	bm->counting = 1;
	for (x = 0; x < g->n; x++) {
		for (j = g->adj_off[x]; j < g->adj_off[x + 1]; j++) {
			y = bm->nbr[j];
			if (bm->asel[j] == BMATCH_UNUSED)
				bm->room[x] += bm->deg[y] < bm->cap[y];
			else if (bm->asel[j] == BMATCH_CHOSEN)
				bm->above[x] += bm->deg[y] > bm->floor[y];
		}
	}
	for (x = 0; x < g->n; x++)
		if (bm->room[x] != 0)
			bmatch_room2_walk(bm, x, 1);
}

/* The shortfall pass is over: the flips count no more. */
void
bmatch_ends_stop(struct bmatch *bm)
{
	free(bm->room);
	free(bm->above);
	free(bm->room2);
	free(bm->sbits);
	free(bm->was);
	free(bm->pnodes);
	free(bm->near);
	bm->room = bm->above = bm->room2 = bm->near = NULL;
	bm->counting = 0;
	bm->sbits = NULL;
	bm->was = bm->pnodes = NULL;
}

/* A search for V begins: if V has room for one more edge only (the one
 * it starts with), mark the nodes with an unused edge to V, whose count
 * it is in (bmatch_may_end); returns their mark, or 0. */
uint32_t
bmatch_ends_near(struct bmatch *bm, uint32_t v)
{
	const struct graph *g = bm->g;
	uint32_t j;

	if (bm->deg[v] + 2 <= bm->cap[v])
		return 0;
	if (++bm->nsearch == 0) {
		memset(bm->near, 0, g->n * sizeof *bm->near);
		bm->nsearch = 1;
	}
	for (j = g->adj_off[v]; j < g->adj_off[v + 1]; j++)
		if (bm->asel[j] == BMATCH_UNUSED)
			bm->near[bm->nbr[j]] = bm->nsearch;
	return bm->nsearch;
}

/* The path the search found from state START to END is about to be
 * flipped: its edges leave the counts and every walk, and its nodes'
 * degrees are noted.  bmatch_ends_path_in() once it is. */
void
bmatch_ends_path_out(struct bmatch *bm, uint32_t start, uint32_t end)
{
	uint32_t t, x, j, u, i, e[2];

	bm->npnodes = 0;
	for (t = end; t != start; t = bm->prev[t]) {
		x = bm->prev[t] / 2;
		j = bm->via[t];
		e[0] = x;
		e[1] = bm->nbr[j];
		for (i = 0; i < 2; i++) {
			u = e[i];
			if (bm->was[u] == UINT32_MAX) {
				bm->was[u] = bm->deg[u];
				bm->pnodes[bm->npnodes++] = u;
			}
		}
		bmatch_bits_edge(bm->sbits, bm->mir, j, 1);
		if (bm->asel[j] == BMATCH_CHOSEN)
			bmatch_room2_edge(bm, x, j, -1);
	}
	for (t = end; t != start; t = bm->prev[t])
		bmatch_ends_edge(bm, bm->prev[t] / 2, bm->via[t], -1);
}

/* The path is flipped (flip by flip, uncounted): its nodes whose room
 * or floor changed are recounted, and its edges counted again. */
void
bmatch_ends_path_in(struct bmatch *bm, uint32_t start, uint32_t end)
{
	uint32_t t, u, i;

	for (i = 0; i < bm->npnodes; i++) {
		u = bm->pnodes[i];
		bmatch_ends_node(bm, u, bm->was[u], UINT32_MAX);
		bm->was[u] = UINT32_MAX;
	}
	for (t = end; t != start; t = bm->prev[t])
		bmatch_ends_edge(bm, bm->prev[t] / 2, bm->via[t], 1);
	for (t = end; t != start; t = bm->prev[t])
		bmatch_bits_edge(bm->sbits, bm->mir, bm->via[t], 0);
	for (t = end; t != start; t = bm->prev[t])
		if (bm->asel[bm->via[t]] == BMATCH_CHOSEN)
			bmatch_room2_edge(bm, bm->prev[t] / 2, bm->via[t], 1);
}

#ifdef BMATCH_CHECK_COUNTS
size_t bmatch_ends_checks, bmatch_ends_wrong;

/* Recount every node's counts and compare. */
void
bmatch_ends_check(const struct bmatch *bm)
{
	const struct graph *g = bm->g;
	uint32_t x, j, y, room, above, room2;

	bmatch_ends_checks++;
	for (x = 0; x < g->n; x++) {
		room = above = room2 = 0;
		for (j = g->adj_off[x]; j < g->adj_off[x + 1]; j++) {
			y = bm->nbr[j];
			if (bm->asel[j] == BMATCH_UNUSED)
				room += bm->deg[y] < bm->cap[y];
			else if (bm->asel[j] == BMATCH_CHOSEN)
				above += bm->deg[y] > bm->floor[y];
			if ((bm->asel[j] == BMATCH_CHOSEN) !=
			    (int)((bm->cbits[j / 64] >> (j % 64)) & 1))
				bmatch_ends_wrong++;
		}
		if (room != bm->room[x] || above != bm->above[x])
			bmatch_ends_wrong++;
	}
	for (x = 0; x < g->n; x++) {
		room2 = 0;
		for (j = g->adj_off[x]; j < g->adj_off[x + 1]; j++)
			if (bm->asel[j] == BMATCH_CHOSEN)
				room2 += bm->room[bm->nbr[j]] != 0;
		if (room2 != bm->room2[x])
			bmatch_ends_wrong++;
	}
}
#endif
