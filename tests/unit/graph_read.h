/*
 * graph_read.h -- the check programs' reader of one graph (match_dump.c,
 * suggest_dump.c): M edge lines "a b w" from F into G, with N nodes.
 */
#ifndef MINGLE_GRAPH_READ_H
#define MINGLE_GRAPH_READ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"

/* Read and finish G; 0, or -1 (a message naming PROG on stderr) for a
 * bad line, and then G is untouched. */
static inline int
graph_read(FILE *f, unsigned long n, unsigned long m, const char *prog,
    struct graph *g)
{
	struct edge *e;
	unsigned long i, a, b;
	double w;

	e = calloc(m + 1, sizeof *e);
	for (i = 0; i < m; i++) {
		if (fscanf(f, "%lu %lu %lf", &a, &b, &w) != 3 || a >= n ||
		    b >= n) {
			fprintf(stderr, "%s: bad edge line\n", prog);
			free(e);
			return -1;
		}
		e[i].a = (uint32_t)a;
		e[i].b = (uint32_t)b;
		e[i].w = w;
	}
	memset(g, 0, sizeof *g);
	g->n = n;
	graph_finish(g, e, m);
	return 0;
}

#endif
