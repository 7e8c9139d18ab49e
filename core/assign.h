/*
 * assign.h -- turn the scored graph into introductions.
 *
 * Assigners know nothing of CSV, plugins or Lua: they read a graph (and, for
 * modes that seat people who share no edge, a pair oracle) and return an
 * assignment.  Every assigner is deterministic for a given graph and seed:
 * ties are broken by graph->rank (the attendees' ids).
 */
#ifndef MINGLE_ASSIGN_H
#define MINGLE_ASSIGN_H

#include <stddef.h>
#include <stdint.h>

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
};

/*
 * One introduction: a meets b (a's rank < b's rank).  assignment.intros
 * is sorted by round, table, a's rank, score (best first), b's rank; for
 * suggestions round = table = 0, so that is a's rank, score, b's rank.
 * Modes with tables introduce every pair seated at one table.
 */
struct intro {
	uint32_t a, b;
	double score;
	int32_t round;		/* 1-based, or 0 where modes have no rounds */
	int32_t table;		/* 1-based, or 0 where modes have no tables */
};

/* One seat: where an attendee is in a round (pairs, groups, rounds). */
struct seat {
	uint32_t attendee;
	int32_t round;		/* 1-based; 1 for single-round modes */
	int32_t table;		/* 1-based; 0 = left out this round */
};

/*
 * Why an attendee got fewer introductions than wanted.  Suggestions want
 * max(min_per_attendee, 1) for every active attendee, capped by
 * max_per_attendee; anyone below is listed:
 *   CAPACITY   some candidate edge of theirs is unused: its other end
 *              was full (and no swap could free a place);
 *   ALL_VETOED every candidate was used or there were none, nobody
 *              scored above the threshold and someone was vetoed;
 *   NO_PARTNER every candidate was used or there were none (too few
 *              partners above the threshold).
 * Modes with tables list whoever has no table (table 0), wanted 1, as
 * LEFT_OUT.
 */
enum shortfall {
	SHORTFALL_NONE = 0,
	SHORTFALL_NO_PARTNER,	/* too few scored above the threshold */
	SHORTFALL_ALL_VETOED,	/* every partner was vetoed */
	SHORTFALL_CAPACITY,	/* partners existed but were full */
	SHORTFALL_LEFT_OUT	/* pairs: odd one out with odd = leave-out */
};

struct coverage {
	uint32_t attendee;
	uint32_t got;
	uint32_t wanted;
	enum shortfall why;
};

struct assignment {
	struct intro *intros;	/* sorted for output */
	size_t nintros;
	struct seat *seats;	/* by round, table, rank; NULL for suggestions */
	size_t nseats;
	struct coverage *short_of;	/* attendees below it, by rank */
	size_t nshort;
	int has_rounds;		/* output adds a round column */
	int has_tables;		/* output adds a table column */
};

/*
 * Run the mode in MATCH (see assign_*.c).  *OUT is zeroed first and
 * freed again on failure.  The same graph, match and oracle answers give
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
void assignment_free(struct assignment *a);

const char *shortfall_name(enum shortfall why);

/* Each mode, called by assign_run. */
int assign_suggestions(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause);
int assign_pairs(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);
/* Groups and rounds (assign_tables.c). */
int assign_tables(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);

#endif
