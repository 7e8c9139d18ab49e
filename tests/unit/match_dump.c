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
#include "graph_read.h"

static int
dump_one(FILE *f, unsigned long n, unsigned long m)
{
	struct graph g;
	struct config_match match;
	struct assignment out;
	unsigned char *used;
	unsigned long i;
	char *cause = NULL;
	double total = 0;

	if (graph_read(f, n, m, "match_dump", &g) != 0)
		return -1;

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
