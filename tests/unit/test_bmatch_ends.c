/*
 * test_bmatch_ends.c -- the counts of where a shortfall path may end
 * (bmatch_ends.c), built with BMATCH_CHECK_COUNTS: after every path the
 * search flips, every count is recounted from the selection, and none
 * may differ.  The graphs are random and sparse, with caps above the
 * floors, pins, and a floor nobody can meet, so that greedy leaves many
 * short, the paths are long, and every kind of count moves.
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

/* A small deterministic generator (xorshift), so a failure reproduces. */
static uint32_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (uint32_t)(*s >> 11);
}

/*
 * Run bmatch on a random graph of N nodes, each with about DEG edges
 * (weights from a few values, so ties happen), caps CAP (some CAP + 2),
 * floors FLOOR, and every PIN-th edge pinned (0: none).  Returns how
 * many introductions are missing below the floors.
 */
static size_t
run(uint64_t seed, uint32_t n, uint32_t deg, uint32_t cap, uint32_t floor,
    uint32_t pin, size_t *checks, size_t *wrong)
{
	struct graph g;
	struct edge *e;
	uint32_t *caps, *floors, *d, a, b, i;
	unsigned char *sel, *used;
	size_t m = 0, k, missing = 0;

	memset(&g, 0, sizeof g);
	e = calloc((size_t)n * deg + 1, sizeof *e);
	used = calloc((size_t)n * n, 1);
	for (a = 0; a < n; a++) {
		for (i = 0; i < deg / 2 + 1; i++) {
			b = rnd(&seed) % n;
			if (b == a || used[a * n + b])
				continue;
			used[a * n + b] = used[b * n + a] = 1;
			e[m].a = a < b ? a : b;
			e[m].b = a < b ? b : a;
			e[m].w = 0.25 * (1 + rnd(&seed) % 8);
			m++;
		}
	}
	free(used);
	g.n = n;
	graph_finish(&g, e, m);
	caps = calloc(n, sizeof *caps);
	floors = calloc(n, sizeof *floors);
	d = calloc(n, sizeof *d);
	sel = calloc(g.nedges + 1, 1);
	for (a = 0; a < n; a++) {
		caps[a] = a % 5 == 0 ? cap + 2 : cap;
		floors[a] = floor;
	}
	/* Pins only where both ends have room for them. */
	for (k = 0; pin && k < g.nedges; k += pin) {
		a = g.edges[k].a;
		b = g.edges[k].b;
		if (d[a] < caps[a] && d[b] < caps[b]) {
			sel[k] = BMATCH_PIN;
			d[a]++;
			d[b]++;
		}
	}
	bmatch_ends_checks = bmatch_ends_wrong = 0;
	bmatch_run(&g, caps, floors, sel, d);
	*checks = bmatch_ends_checks;
	*wrong = bmatch_ends_wrong;
	for (a = 0; a < n; a++) {
		if (d[a] > caps[a])
			(*wrong)++;
		if (d[a] < floors[a])
			missing += floors[a] - d[a];
	}
	free(caps);
	free(floors);
	free(d);
	free(sel);
	graph_free(&g);
	return missing;
}

int
main(void)
{
	static const struct {
		uint32_t n, deg, cap, floor, pin;
	} cases[] = {
		{ 400, 8, 5, 5, 0 },	/* caps as floors: sparse ends */
		{ 400, 10, 6, 4, 0 },	/* caps above the floors */
		{ 600, 6, 4, 4, 7 },	/* pins */
		{ 300, 5, 6, 6, 0 },	/* floors nobody can meet */
	};
	size_t c, checks, wrong, total = 0;
	uint64_t seed;
	char what[128];

	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		for (seed = 1; seed <= 3; seed++) {
			run(seed * 0x9e3779b97f4a7c15ULL + c, cases[c].n,
			    cases[c].deg, cases[c].cap, cases[c].floor,
			    cases[c].pin, &checks, &wrong);
			snprintf(what, sizeof what, "case %zu, seed %llu: "
			    "%zu recounts, none differs, nobody over a cap",
			    c, (unsigned long long)seed, checks);
			ok(checks > 1 && wrong == 0, what);
			total += checks;
		}
	}
	ok(total > 100, "the searches flipped paths to recount after");
	return tap_done();
}
