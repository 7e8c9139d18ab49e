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
 * nonzero with *cause set (a Lua rule failed).  Used by groups and rounds.
 */
struct pair_oracle {
	int (*pair)(void *ctx, uint32_t a, uint32_t b, double *score,
	    int *veto, char **cause);
	void *ctx;
};

/* One introduction: a meets b (a's rank < b's rank). */
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

/* Why an attendee got fewer introductions than the minimum. */
enum shortfall {
	SHORTFALL_NONE = 0,
	SHORTFALL_NO_PARTNER,	/* nobody scored above the threshold */
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
	struct coverage *short_of;	/* attendees below the minimum */
	size_t nshort;
	int has_rounds;		/* output adds a round column */
	int has_tables;		/* output adds a table column */
};

/* Run the mode in MATCH.  Returns 0, or nonzero with *cause set (for example
 * "no schedule of 6 tables x 6 x 4 rounds exists"). */
int assign_run(const struct graph *g, const struct config_match *match,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);
void assignment_free(struct assignment *a);

const char *shortfall_name(enum shortfall why);

/* Each mode, called by assign_run. */
int assign_suggestions(const struct graph *g, const struct config_match *m,
    struct assignment *out, char **cause);
int assign_pairs(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);
int assign_groups(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);
int assign_rounds(const struct graph *g, const struct config_match *m,
    const struct pair_oracle *oracle, struct assignment *out, char **cause);

#endif
