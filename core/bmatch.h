/*
 * bmatch.h -- a fair degree-bounded selection of a graph's edges (a
 * b-matching): at most cap[v] edges at every node v, as few missing
 * below floor[v] as can be found, then the most total weight.
 */
#ifndef MINGLE_BMATCH_H
#define MINGLE_BMATCH_H

#include <stdint.h>

#include "graph.h"

/* What an entry of bmatch_run()'s SEL says on entry (0: nothing). */
#define BMATCH_PIN	1
#define BMATCH_START	3

/*
 * Choose edges of G.  The objective is lexicographic: first the least
 * total shortfall, the sum over active nodes of max(0, floor[v] - deg),
 * then the greatest total weight.  CAP and FLOOR have g->n entries,
 * floor[v] <= cap[v]; nodes that are not active are ignored.
 *
 * SEL has g->nedges entries.  On entry BMATCH_PIN marks an edge chosen
 * beforehand (pinned): it stays chosen and counts against both ends'
 * caps.  BMATCH_START marks one to begin from, as an earlier selection
 * chose it (those that fit the limits are taken, and the searches may
 * drop them): then the weight search starts only from the nodes whose
 * edges changed.  On return sel[k] is nonzero for every chosen edge,
 * and DEG (g->n entries) holds each node's number of chosen edges.
 *
 * Quotas: if g->quota is set, no node gets more chosen edges with bit q
 * of quota[] than g->quota_max[q * g->n + v]; the pinned edges must fit
 * them (bounds.c sees to that).
 *
 * Deterministic: ties are broken by the nodes' ranks.  Near-linear in
 * the edges: every search is bounded (see bmatch.c).
 */
void bmatch_run(const struct graph *g, const uint32_t *cap,
    const uint32_t *floor, unsigned char *sel, uint32_t *deg);

#endif
