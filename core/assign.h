/*
 * assign.h -- turn the scored graph into introductions.
 *
 * Assigners know nothing of CSV, plugins or Lua: they read a graph (and, for
 * modes that seat people who share no edge, a pair oracle) and return an
 * assignment (assignment.h).  Every assigner is deterministic for a given
 * graph and seed: ties are broken by graph->rank (the attendees' ids).
 */
#ifndef MINGLE_ASSIGN_H
#define MINGLE_ASSIGN_H

#include <stddef.h>
#include <stdint.h>

#include "assignment.h"
#include "config.h"
#include "graph.h"

/*
 * Score of any pair, edge or not: returns 0 and sets *score / *veto, or
 * nonzero with *cause set (a Lua rule failed).  Used by pairs (trios),
 * groups and rounds, and may be NULL (then non-edges score 0 and are
 * never vetoed).  It is asked about a pair that is not an edge only
 *  - whether it is vetoed, when both ends have stats.vetoed > 0 (a veto
 *    counts for both ends, so one without vetoes cannot be in one), and
 *  - for its score, when the pair ends up at one table (for the output).
 * While searching, non-edges score 0.  Each pair is asked at most once.
 */
struct pair_oracle {
	int (*pair)(void *ctx, uint32_t a, uint32_t b, double *score,
	    int *veto, char **cause);
	void *ctx;
	/* For messages, each may be NULL: why A and B are vetoed, e.g.
	 * "strategy colleagues: same domain x.de", into BUF ("" if unknown);
	 * what to call attendee A (lives as long as CTX). */
	void (*veto_reason)(void *ctx, uint32_t a, uint32_t b, char *buf,
	    size_t len);
	const char *(*label)(void *ctx, uint32_t a);
};

/*
 * Run the mode in MATCH (see assign_*.c).  *OUT is zeroed first and
 * freed again on failure; on success the caller frees it with
 * assignment_free().  The same graph, match and oracle answers give
 * the same assignment: ties go by rank, randomness comes from match->seed
 * and searches stop after step budgets, never the clock.  Returns 0, or
 * nonzero with *cause set: the oracle failed, a rounds schedule cannot
 * exist ("no schedule exists: ...", by counting) or was not found
 * ("no schedule found: 36 people in tables of 6 for 4 rounds without
 * anyone meeting twice (searched N steps)"), or vetoes leave no seating
 * ("no seating found: ...").
 */
int assign_run(const struct graph *g, const struct config_match *match,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);

#endif
