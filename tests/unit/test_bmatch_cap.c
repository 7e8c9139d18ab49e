/*
 * test_bmatch_cap.c -- the budget of the shortfall searches
 * (BMATCH_FAILED_TIMES in bmatch.c), built so tight that it bites on a
 * small graph: any failed search first (BMATCH_FAILED_TIMES 0), then no
 * search scans more than 16 states (BMATCH_CAP_TIMES 1, BMATCH_CAP_MIN
 * 16).  Also built with BMATCH_CHECK_COUNTS, so that the counts of ends
 * are recounted after every path, and the searches that gave up counted.
 *
 * The graph: a star that leaves someone short for good (the failed
 * search), then a chain whose two ends are short and whose only path
 * runs its whole length, then a chain of four.  The breadth-first search
 * must give up on the long chain, still fill the short one (a path
 * flipped after a search gave up), and the deeper search (trails) must
 * fill the long chain anyway.
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

struct result {
	size_t missing;		/* introductions below the floors */
	size_t over;		/* nodes over their cap */
	int chain_filled;	/* the ends of the chains got their edge */
};

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

/*
 * Run bmatch, every cap and floor 1, on a chain of 2 * HALF + 2 nodes
 * and one of 4, preceded (in rank order) by a star of three nodes if
 * STAR.
 */
static struct result
run(int star, uint32_t half)
{
	struct graph g;
	struct edge *e;
	struct result r = { 0, 0, 0 };
	uint32_t *caps, *floors, *d, n, c, i;
	unsigned char *sel;
	size_t m = 0;

	c = star ? 3 : 0;		/* the chain's first node */
	n = c + 2 * half + 2 + 4;
	e = calloc(n, sizeof *e);
	if (star) {
		/* greedy takes 0-1; 2's search drops it and finds no end */
		e[m++] = (struct edge){ .a = 0, .b = 1, .w = 2 };
		e[m++] = (struct edge){ .a = 0, .b = 2, .w = 1 };
	}
	chain(e, &m, c, half);
	chain(e, &m, n - 4, 1);
	memset(&g, 0, sizeof g);
	g.n = n;
	graph_finish(&g, e, m);
	caps = calloc(n, sizeof *caps);
	floors = calloc(n, sizeof *floors);
	d = calloc(n, sizeof *d);
	sel = calloc(g.nedges + 1, 1);
	for (i = 0; i < n; i++)
		caps[i] = floors[i] = 1;
	bmatch_ends_checks = bmatch_ends_wrong = bmatch_gave_up = 0;
	bmatch_run(&g, caps, floors, sel, d);
	for (i = 0; i < n; i++) {
		r.over += d[i] > caps[i];
		r.missing += d[i] < floors[i];
	}
	r.chain_filled = d[c] == 1 && d[n - 5] == 1 && d[n - 4] == 1 &&
	    d[n - 1] == 1;
	free(caps);
	free(floors);
	free(d);
	free(sel);
	graph_free(&g);
	return r;
}

int
main(void)
{
	struct result r;
	char what[160];

	r = run(1, 12);
	snprintf(what, sizeof what, "after a failed search, the search "
	    "along the long chain gives up (%zu gave up)", bmatch_gave_up);
	ok(bmatch_gave_up > 0, what);
	snprintf(what, sizeof what, "the chains are filled anyway; only "
	    "the star's third stays short (%zu missing)",
	    r.missing);
	ok(r.chain_filled && r.missing == 1 && r.over == 0, what);
	snprintf(what, sizeof what, "the counts of ends hold after a search "
	    "gave up (%zu recounts)", bmatch_ends_checks);
	ok(bmatch_ends_wrong == 0 && bmatch_ends_checks > 1, what);

	r = run(1, 2);
	ok(bmatch_gave_up == 0 && r.chain_filled && r.missing == 1,
	    "a short chain is within the budget: nobody gives up");

	r = run(0, 12);
	ok(bmatch_gave_up == 0 && r.chain_filled && r.missing == 0,
	    "without a failed search first, the long chain is searched whole");
	return tap_done();
}
