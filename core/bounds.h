/*
 * bounds.h -- what bounds an attendee's introductions besides scores:
 * how many they want ([match] per_attendee_column), the strategies'
 * quotas and the pairs they pin (plugin ABI 1.2), checked and put on the
 * graph for the modes (graph.h: cap, quota, quota_max, pinned).
 */
#ifndef MINGLE_BOUNDS_H
#define MINGLE_BOUNDS_H

#include "engine.h"
#include "graph.h"

/*
 * Put E's limits on G, a graph engine_build_graph() made from E.  Every
 * pinned pair becomes an edge.  E must outlive G (G's quota_of asks
 * it).  Returns 0, or nonzero with *cause set:
 * more than GRAPH_MAX_QUOTA strategies set quotas; a pinned pair that a
 * strategy vetoes (naming both), with someone who may not be introduced
 * or opted out, or a person with more pins than the mode lets them
 * meet or a quota allows (every such problem, a line each); a strategy
 * failed.  G stays
 * G's to free either way.
 */
int bounds_apply(struct engine *e, struct graph *g, char **cause);

/*
 * The quota bits (graph.h) of any pair {a, b}: bit q set if the q-th
 * strategy that set quotas scores it above zero.  CTX is the engine;
 * bounds_apply() makes it the graph's quota_of, for the table modes.
 * Returns 0, or nonzero with *cause set if a strategy failed.
 */
int bounds_pair_quota(void *ctx, uint32_t a, uint32_t b, unsigned *bits,
    char **cause);

#endif
