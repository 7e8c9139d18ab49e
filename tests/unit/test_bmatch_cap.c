/*
 * test_bmatch_cap.c -- the budget of the shortfall searches
 * (BMATCH_FAILED_TIMES in bmatch.c), built so tight that it bites on a
 * small graph: any failed search first (BMATCH_FAILED_TIMES 0), then no
 * search scans more than 16 states (BMATCH_CAP_TIMES 1, BMATCH_CAP_MIN
 * 16); and the trails' (BMATCH_TRAIL_DRY), which stop after 50 steps
 * that found nothing.  Also built with BMATCH_CHECK_COUNTS, so that the counts of ends
 * are recounted after every path, and the searches that gave up counted.
 *
 * Each graph begins with a star that leaves someone short for good (the
 * failed search that starts the budget), every cap 1.
 * - Chains: one whose two ends are short and whose only path runs its
 *   whole length, then one of four.  The breadth-first search must give
 *   up on the long chain, still fill the short one (a path flipped after
 *   a search gave up), and the deeper search (trails) must fill the long
 *   chain anyway.
 * - A fan: someone short whose first end is met within the cap, but
 *   the rest of that level, where better ends are, goes past it.  A
 *   search that has met an end takes it: it does not give up.
 * - A lane: P's only path runs too far for the cap, and Q's, which is
 *   short, joins it in the part P's search scanned before it gave up.
 *   A search that gave up leaves no marks: Q's search finds its path,
 *   not the trails.  (Who is filled in the end does not tell: Q's path
 *   is the lighter loss, and the weight pass moves E to Q either way.)
 * - Dry trails: with a quota on (so nobody is proved stuck and the trails
 *   search for everyone short), a bush whose centre nothing can fill
 *   costs the trails more than 50 steps; after it they stop, and the
 *   long chain stays short.  After the star alone (a few steps) they
 *   fill it.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmatch.h"
#include "bmatch_int.h"
#include "graph.h"
#include "tap.h"

/* The star: greedy takes 0-1, and 2's search drops it and finds no end.
 * Its nodes are 0 to 2; returns the edges it added to E. */
static size_t
star(struct edge *e)
{
	e[0] = (struct edge){ .a = 0, .b = 1, .w = 2 };
	e[1] = (struct edge){ .a = 0, .b = 2, .w = 1 };
	return 2;
}

/* A chain of 2 * HALF + 2 nodes from node C into E (*M edges so far),
 * whose inner edges greedy takes first: its two ends are left short. */
static void
chain(struct edge *e, size_t *m, uint32_t c, uint32_t half)
{
	uint32_t i;

	for (i = 0; i + 1 < 2 * half + 2; i++)
		e[(*m)++] = (struct edge){ .a = c + i, .b = c + i + 1,
		    .w = i % 2 ? 2 : 1 };
}

/* Whether assign() puts a quota on, which limits nothing: then no
 * shortfall is proved (bmatch_stuck), and the trails search for all. */
static int quota_on;

/*
 * Run bmatch on the M edges E (freed) among N nodes, every cap 1, every
 * floor 1 but FLOOR0's nodes (floor 0; NULL: none).  Returns the
 * degrees (malloc'ed); *MISSING gets the introductions below the floors,
 * *OVER the nodes over their cap.
 */
static uint32_t *
assign(struct edge *e, size_t m, uint32_t n, const unsigned char *floor0,
    size_t *missing, size_t *over)
{
	struct graph g;
	uint32_t *caps, *floors, *d, i;
	unsigned char *sel;

	memset(&g, 0, sizeof g);
	g.n = n;
	graph_finish(&g, e, m);
	if (quota_on) {
		g.nquota = 1;
		g.quota = calloc(g.nedges + 1, 1);
		g.quota_max = calloc(n, sizeof *g.quota_max);
		for (i = 0; i < n; i++)
			g.quota_max[i] = UINT32_MAX;
	}
	caps = calloc(n, sizeof *caps);
	floors = calloc(n, sizeof *floors);
	d = calloc(n, sizeof *d);
	sel = calloc(g.nedges + 1, 1);
	for (i = 0; i < n; i++) {
		caps[i] = 1;
		floors[i] = floor0 != NULL && floor0[i] ? 0 : 1;
	}
	bmatch_ends_checks = bmatch_ends_wrong = bmatch_gave_up = 0;
	bmatch_deepened = 0;
	bmatch_run(&g, caps, floors, sel, d);
	*missing = *over = 0;
	for (i = 0; i < n; i++) {
		*over += d[i] > caps[i];
		*missing += d[i] < floors[i];
	}
	free(caps);
	free(floors);
	free(sel);
	graph_free(&g);
	return d;
}

/* Whether, with the star if STAR, a chain of 2 * HALF + 2 nodes and one
 * of 4 are filled; *MISSING and *OVER as assign() gives them. */
static int
chains(int star_first, uint32_t half, size_t *missing, size_t *over)
{
	struct edge *e;
	uint32_t *d, n, c = star_first ? 3 : 0;
	size_t m = 0;
	int filled;

	n = c + 2 * half + 2 + 4;
	e = calloc(n, sizeof *e);
	if (star_first)
		m = star(e);
	chain(e, &m, c, half);
	chain(e, &m, n - 4, 1);
	d = assign(e, m, n, NULL, missing, over);
	filled = d[c] == 1 && d[n - 5] == 1 && d[n - 4] == 1 && d[n - 1] == 1;
	free(d);
	return filled;
}

/*
 * The fan: after the star, W (node 3) is short; it has an unused edge
 * to each of A_1 .. A_K, the heavier the later, each chosen with its
 * B_i, and each B_i has an unused edge to Z_i, who has room and no
 * floor, the lighter the later, and a heavier one to Q, who is full
 * (with R): so every B_i looks as if it might end a better path.  W's
 * search scans A_K first and meets Z_K, the worst end, within the cap,
 * then every B_i in the rest of the level, past it; Z_1's is the best.
 * Returns which Z W's path took (0: none, or W not filled).
 */
static uint32_t
fan(uint32_t k, size_t *missing, size_t *over)
{
	struct edge *e;
	unsigned char *floor0;
	uint32_t *d, n = 4 + 3 * k + 2, q = n - 2, i, a, b, z, took = 0;
	size_t m;

	e = calloc(4 * k + 3, sizeof *e);
	floor0 = calloc(n, 1);
	m = star(e);
	e[m++] = (struct edge){ .a = q, .b = q + 1, .w = 20 };
	for (i = 0; i < k; i++) {
		a = 4 + i;
		b = 4 + k + i;
		z = 4 + 2 * k + i;
		floor0[z] = 1;
		e[m++] = (struct edge){ .a = 3, .b = a, .w = 1 + 0.01 * i };
		e[m++] = (struct edge){ .a = a, .b = b, .w = 10 };
		e[m++] = (struct edge){ .a = b, .b = z, .w = 2 + 0.1 * (k - i) };
		e[m++] = (struct edge){ .a = b, .b = q, .w = 9 };
	}
	d = assign(e, m, n, floor0, missing, over);
	for (i = 0; i < k; i++)
		if (d[3] == 1 && d[4 + 2 * k + i] == 1)
			took = took ? UINT32_MAX : i + 1;
	free(d);
	free(floor0);
	return took;
}

/*
 * The lane: after the star, P (node 3), short, has an unused edge to
 * the chain C_1 .. C_2L (nodes 4 ..), whose inner edges greedy takes,
 * and C_2L one to E, who has room and no floor: P's path to E is 4L + 1
 * edges.  Q (the last node) has one unused edge, to C_J (J odd), from
 * where the path to E is 2 (2L - J) + 3 edges.  Returns Q's degree and
 * in *P_DEG P's.
 */
static uint32_t
lane(uint32_t l, uint32_t j, uint32_t *p_deg, size_t *missing,
    size_t *over)
{
	struct edge *e;
	unsigned char *floor0;
	uint32_t *d, n = 4 + 2 * l + 2, c = 4, e_node = n - 2, q = n - 1, i;
	uint32_t q_deg;
	size_t m;

	e = calloc(2 * l + 5, sizeof *e);
	floor0 = calloc(n, 1);
	floor0[e_node] = 1;
	m = star(e);
	e[m++] = (struct edge){ .a = 3, .b = c, .w = 1 };
	for (i = 0; i + 1 < 2 * l; i++)
		e[m++] = (struct edge){ .a = c + i, .b = c + i + 1,
		    .w = i % 2 ? 1 : 10 };
	e[m++] = (struct edge){ .a = c + 2 * l - 1, .b = e_node, .w = 1 };
	e[m++] = (struct edge){ .a = q, .b = c + j - 1, .w = 1 };
	d = assign(e, m, n, floor0, missing, over);
	*p_deg = d[3];
	q_deg = d[q];
	free(d);
	free(floor0);
	return q_deg;
}

/*
 * With the quota on: the star, a bush of K (0: none) after it, then a
 * chain of 26 nodes.  The bush: its centre S has an unused edge to each
 * of A_1 .. A_K, each chosen with its B_i, who has no other edge.
 * Returns whether the chain is filled; *MISSING and *OVER as assign().
 */
static int
dry(uint32_t k, size_t *missing, size_t *over)
{
	struct edge *e;
	uint32_t *d, n, c, i;
	size_t m;
	int filled;

	c = 3 + (k > 0 ? 1 + 2 * k : 0);
	n = c + 26;
	e = calloc(n + 2 * k + 3, sizeof *e);
	m = star(e);
	for (i = 0; i < k; i++) {
		e[m++] = (struct edge){ .a = 3, .b = 4 + i, .w = 1 };
		e[m++] = (struct edge){ .a = 4 + i, .b = 4 + k + i, .w = 5 };
	}
	chain(e, &m, c, 12);
	quota_on = 1;
	d = assign(e, m, n, NULL, missing, over);
	quota_on = 0;
	filled = d[c] == 1 && d[n - 1] == 1;
	free(d);
	return filled;
}

int
main(void)
{
	size_t missing, over;
	uint32_t took;
	int filled;
	char what[160];

	filled = chains(1, 12, &missing, &over);
	snprintf(what, sizeof what, "after a failed search, the search "
	    "along the long chain gives up (%zu gave up)", bmatch_gave_up);
	ok(bmatch_gave_up > 0, what);
	snprintf(what, sizeof what, "the chains are filled anyway; only "
	    "the star's third stays short (%zu missing)", missing);
	ok(filled && missing == 1 && over == 0, what);
	snprintf(what, sizeof what, "the counts of ends hold after a search "
	    "gave up (%zu recounts)", bmatch_ends_checks);
	ok(bmatch_ends_wrong == 0 && bmatch_ends_checks > 1, what);

	filled = chains(1, 2, &missing, &over);
	ok(bmatch_gave_up == 0 && filled && missing == 1,
	    "a short chain is within the budget: nobody gives up");

	filled = chains(0, 12, &missing, &over);
	ok(bmatch_gave_up == 0 && filled && missing == 0,
	    "without a failed search first, the long chain is searched whole");

	took = fan(12, &missing, &over);
	ok(bmatch_gave_up == 0, "a search that has met an end does not "
	    "give up in the rest of its level");
	snprintf(what, sizeof what, "the fan's best end is taken (Z %u, "
	    "the best 1), only the star's third short", took);
	ok(took == 1 && missing == 1 && over == 0, what);

	{
		uint32_t p_deg, q_deg;

		q_deg = lane(12, 13, &p_deg, &missing, &over);
		snprintf(what, sizeof what, "the lane: P's search gives up "
		    "(%zu gave up)", bmatch_gave_up);
		ok(bmatch_gave_up == 1, what);
		snprintf(what, sizeof what, "a search that gave up leaves no "
		    "marks: Q's search, after P's, finds the path through what "
		    "P scanned (%zu found by trails)", bmatch_deepened);
		ok(bmatch_deepened == 0, what);
		snprintf(what, sizeof what, "the lane: Q filled, P short "
		    "(Q %u, P %u, %zu missing)", q_deg, p_deg, missing);
		ok(q_deg == 1 && p_deg == 0 && missing == 2 && over == 0,
		    what);
	}

	filled = dry(0, &missing, &over);
	snprintf(what, sizeof what, "with a quota on, after the star the "
	    "trails fill the long chain (%zu found by trails, %zu missing)",
	    bmatch_deepened, missing);
	ok(filled && bmatch_deepened == 1 && missing == 1 && over == 0, what);
	filled = dry(20, &missing, &over);
	snprintf(what, sizeof what, "after a bush that costs them more than "
	    "50 steps, the trails stop: the chain stays short (%zu found by "
	    "trails, %zu missing)", bmatch_deepened, missing);
	ok(!filled && bmatch_deepened == 0 && missing == 4 && over == 0,
	    what);
	return tap_done();
}
