/*
 * match_dump.c -- read graphs on stdin, print the weight of the matching
 * that `mode = pairs` (odd = leave-out) picks for each: the check program
 * behind tests/e2e/matching_oracle.sh.
 *
 * Input, repeated to EOF:   n m \n  a b w \n ... (m edge lines)
 * Output, one line a graph: the total weight (%.6f), or "invalid: why".
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "graph.h"

static int
dump_one(FILE *f, unsigned long n, unsigned long m)
{
	struct graph g;
	struct edge *e;
	struct config_match match;
	struct assignment out;
	unsigned char *used;
	unsigned long i, a, b;
	char *cause = NULL;
	double w, total = 0;

	memset(&g, 0, sizeof g);
	g.n = n;
	e = calloc(m + 1, sizeof *e);
	for (i = 0; i < m; i++) {
		if (fscanf(f, "%lu %lu %lf", &a, &b, &w) != 3 || a >= n ||
		    b >= n) {
			fprintf(stderr, "match_dump: bad edge line\n");
			free(e);
			return -1;
		}
		e[i].a = (uint32_t)a;
		e[i].b = (uint32_t)b;
		e[i].w = w;
	}
	graph_finish(&g, e, m);

	memset(&match, 0, sizeof match);
	match.mode = MATCH_PAIRS;
	match.odd = MATCH_ODD_LEAVE_OUT;
	match.seed = 1;
	if (assign_run(&g, &match, NULL, &out, &cause) != 0) {
		printf("invalid: %s\n", cause);
		free(cause);
		graph_free(&g);
		return 0;
	}
	used = calloc(n + 1, 1);
	for (i = 0; i < out.nintros; i++) {
		if (used[out.intros[i].a]++ || used[out.intros[i].b]++)
			break;
		total += out.intros[i].score;
	}
	if (i < out.nintros)
		printf("invalid: someone is in two pairs\n");
	else
		printf("%.6f\n", total);
	free(used);
	assignment_free(&out);
	graph_free(&g);
	return 0;
}

int
main(void)
{
	unsigned long n, m;

	while (scanf("%lu %lu", &n, &m) == 2)
		if (dump_one(stdin, n, m) != 0)
			return 1;
	return 0;
}
