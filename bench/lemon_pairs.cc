/*
 * lemon_pairs.cc -- LEMON's maximum-weight matching on a graph that
 * bench/pairs_graph wrote ("n m", then m lines "a b w"), for
 * bench/run.sh.  Not built by make: run.sh compiles it where
 * /usr/include/lemon exists (Debian liblemon-dev).
 *
 * Usage: lemon_pairs GRAPH
 * Prints: nodes edges seconds weight -- the CPU seconds of the matching
 * alone (not reading the file) and its total weight.
 */
#include <cstdio>
#include <ctime>

#include <lemon/matching.h>
#include <lemon/smart_graph.h>

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	typedef lemon::SmartGraph Graph;
	Graph g;
	Graph::EdgeMap<double> weight(g);
	unsigned long n, m, i, a, b;
	double w, t0, t1;
	FILE *f;

	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: lemon_pairs GRAPH\n");
		return 1;
	}
	if (fscanf(f, "%lu %lu", &n, &m) != 2) {
		fprintf(stderr, "lemon_pairs: %s: bad header\n", argv[1]);
		return 1;
	}
	g.reserveNode((int)n);
	g.reserveEdge((int)m);
	for (i = 0; i < n; i++)
		g.addNode();
	for (i = 0; i < m; i++) {
		if (fscanf(f, "%lu %lu %lf", &a, &b, &w) != 3 || a >= n ||
		    b >= n) {
			fprintf(stderr, "lemon_pairs: %s: bad edge line %lu\n",
			    argv[1], i + 2);
			return 1;
		}
		weight[g.addEdge(g.nodeFromId((int)a), g.nodeFromId((int)b))] =
		    w;
	}
	fclose(f);

	lemon::MaxWeightedMatching<Graph, Graph::EdgeMap<double> > mwm(g,
	    weight);
	t0 = cpu_seconds();
	mwm.run();
	t1 = cpu_seconds();
	printf("%lu %lu %.3f %.6f\n", n, m, t1 - t0, mwm.matchingWeight());
	return 0;
}
