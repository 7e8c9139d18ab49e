/*
 * suggest_dump.c -- read graphs on stdin, print what `mode = suggestions`
 * picks for each: the check program behind tests/e2e/fair_oracle.sh and
 * bench/fair_ratio.sh.
 *
 * Input, repeated to EOF:   n m min max \n  a b w \n ... (m edge lines)
 * Output, one line a graph: the total weight (%.6f) and the missing
 * introductions (the sum of max(0, max(min, 1) - got) over everyone
 * with an edge), or "invalid: why".
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "graph.h"
#include "graph_read.h"

static int
dump_one(FILE *f, unsigned long n, unsigned long m, long lo, long hi)
{
	struct graph g;
	struct config_match match;
	struct assignment out;
	uint32_t *got;
	unsigned char *has;
	unsigned long i, missing = 0, floor;
	char *cause = NULL;
	double total = 0;

	if (graph_read(f, n, m, "suggest_dump", &g) != 0)
		return -1;

	memset(&match, 0, sizeof match);
	match.mode = MATCH_SUGGESTIONS;
	match.per_attendee = hi;
	match.min_per_attendee = lo;
	match.max_per_attendee = hi;
	match.seed = 1;
	if (assign_run(&g, &match, NULL, &out, &cause) != 0) {
		printf("invalid: %s\n", cause);
		free(cause);
		graph_free(&g);
		return 0;
	}
	got = calloc(n + 1, sizeof *got);
	has = calloc(n + 1, 1);
	for (i = 0; i < out.nintros; i++) {
		got[out.intros[i].a]++;
		got[out.intros[i].b]++;
		total += out.intros[i].score;
	}
	for (i = 0; i < g.nedges; i++)
		has[g.edges[i].a] = has[g.edges[i].b] = 1;
	floor = lo > 1 ? (unsigned long)lo : 1;
	if (floor > (unsigned long)hi)
		floor = (unsigned long)hi;
	for (i = 0; i < n; i++) {
		if (got[i] > (unsigned long)hi)
			break;
		if (has[i] && got[i] < floor)
			missing += floor - got[i];
	}
	if (i < n)
		printf("invalid: %lu has %u introductions\n", i, got[i]);
	else
		printf("%.6f %lu\n", total, missing);
	free(got);
	free(has);
	assignment_free(&out);
	graph_free(&g);
	return 0;
}

int
main(void)
{
	unsigned long n, m;
	long lo, hi;

	while (scanf("%lu %lu %ld %ld", &n, &m, &lo, &hi) == 4)
		if (dump_one(stdin, n, m, lo, hi) != 0)
			return 1;
	return 0;
}
