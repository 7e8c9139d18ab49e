/*
 * pairs_graph.c -- mingle's `mode = pairs` alone, for bench/run.sh's
 * LEMON comparison: the graph of CONFIG, built through the calls `mingle
 * run` makes (session_open, engine_build_graph, bounds_apply), written to
 * GRAPH as "n m" and m lines "a b w" (tests/unit/graph_read.h's format,
 * the weights exact), then the config's mode on it, timed alone.
 *
 * Usage: pairs_graph CONFIG GRAPH
 * Prints: nodes edges seconds weight -- the CPU seconds of assign_run
 * alone and the total score of its introductions.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "assign.h"
#include "bounds.h"
#include "graph.h"
#include "session.h"

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* G's edges to PATH; 0, or -1 with a message on stderr. */
static int
write_graph(const struct graph *g, const char *path)
{
	FILE *f;
	size_t k;

	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		return -1;
	}
	fprintf(f, "%zu %zu\n", g->n, g->nedges);
	for (k = 0; k < g->nedges; k++)
		fprintf(f, "%u %u %.17g\n", g->edges[k].a, g->edges[k].b,
		    g->edges[k].w);
	if (fclose(f) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct session s;
	struct graph g;
	struct assignment as;
	struct pair_oracle oracle = {
		.pair = engine_pair_oracle,
		.veto_reason = engine_veto_reason,
		.label = engine_label,
		.veto = engine_pair_veto
	};
	char *cause = NULL;
	double t0, t1, total = 0;
	size_t i;

	if (argc != 3) {
		fprintf(stderr, "usage: pairs_graph CONFIG GRAPH\n");
		return 1;
	}
	if (session_open(&s, argv[1], SESSION_STRATEGIES, 0, &cause) != 0)
		goto fail;
	if (engine_build_graph(&s.engine, &g, &cause) != 0)
		goto fail_session;
	if (bounds_apply(&s.engine, &g, &cause) != 0)
		goto fail_graph;
	if (write_graph(&g, argv[2]) != 0) {
		graph_free(&g);
		session_close(&s);
		return 1;
	}
	oracle.ctx = &s.engine;
	t0 = cpu_seconds();
	if (assign_run(&g, &s.config->match, &oracle, &as, &cause) != 0)
		goto fail_graph;
	t1 = cpu_seconds();
	for (i = 0; i < as.nintros; i++)
		total += as.intros[i].score;
	printf("%zu %zu %.3f %.6f\n", g.n, g.nedges, t1 - t0, total);
	assignment_free(&as);
	graph_free(&g);
	session_close(&s);
	return 0;

fail_graph:
	graph_free(&g);
fail_session:
	session_close(&s);
fail:
	fprintf(stderr, "pairs_graph: %s\n", cause);
	free(cause);
	return 1;
}
