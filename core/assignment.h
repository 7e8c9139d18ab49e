/*
 * assignment.h -- what a mode hands back: introductions, seats and who
 * got fewer introductions than wanted (see assign.h for assign_run).
 *
 * The rest of mingle reads a struct assignment and frees it; the
 * builders below are for the modes (assign_*.c).
 */
#ifndef MINGLE_ASSIGNMENT_H
#define MINGLE_ASSIGNMENT_H

#include <stddef.h>
#include <stdint.h>

#include "graph.h"

/*
 * One introduction: a meets b (a's rank < b's rank).  assignment.intros
 * is sorted by round, table, a's rank, score (best first), b's rank; for
 * suggestions round = table = 0, so that is a's rank, score, b's rank.
 * Modes with tables introduce every pair seated at one table.
 */
struct intro {
	uint32_t a, b;
	double score;
	int32_t round;		/* 1-based, or 0 where modes have no rounds;
				   meetings: the slot */
	int32_t table;		/* 1-based, or 0 where modes have no tables */
};

/* One seat: where an attendee is in a round (pairs, groups, rounds). */
struct seat {
	uint32_t attendee;
	int32_t round;		/* 1-based; 1 for single-round modes */
	int32_t table;		/* 1-based; 0 = left out this round */
};

/*
 * Why an attendee got fewer introductions than wanted: coverage.c judges
 * it once the mode is done (see coverage.h for who is listed and when
 * each applies).
 */
enum shortfall {
	SHORTFALL_NONE = 0,
	SHORTFALL_NO_PARTNER,	/* too few scored above the threshold */
	SHORTFALL_ALL_VETOED,	/* everyone else was vetoed with them */
	SHORTFALL_CAPACITY,	/* partners existed but were full */
	SHORTFALL_LEFT_OUT,	/* pairs: odd one out with odd = leave-out */
	SHORTFALL_VETOED_PAIR,	/* best_effort: seated with a vetoed partner */
	SHORTFALL_NO_COMMON_SLOT,	/* meetings: no slot free for both */
	SHORTFALL_SLOTS_FULL,	/* meetings: each shared slot was taken */
	SHORTFALL_TABLES_FULL,	/* meetings: a shared slot had no table */
	SHORTFALL_OPTED_OUT	/* per_attendee_column 0: wanted none */
};

/* A meeting `mode = meetings` chose but could not place in a slot:
 * why is SHORTFALL_NO_COMMON_SLOT, _SLOTS_FULL or _TABLES_FULL. */
struct unplaced {
	uint32_t a, b;		/* a's rank < b's rank */
	double score;
	enum shortfall why;
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
	struct intro *vetoed;	/* best_effort: seated pairs a veto forbids,
				 * sorted as intros */
	size_t nvetoed;
	int vetoed_fewest;	/* nvetoed is proven the fewest possible */
	uint32_t *thirds;	/* pairs, odd = trio: who joined a pair */
	size_t nthirds;
	int has_rounds;		/* output adds a round column */
	int has_tables;		/* output adds a table column */
	uint32_t rounds_bound;	/* rounds = max: the counting bound, else 0 */
	int has_slots;		/* meetings: the round column is `slot` */
	struct unplaced *unplaced;	/* meetings: best first */
	size_t nunplaced;
};

/* Free A's arrays and zero it; a zeroed A is fine. */
void assignment_free(struct assignment *a);

/* The report's name of WHY ("no-partner", ...); "unknown" if out of
 * range.  A static string. */
const char *assignment_shortfall_name(enum shortfall why);

/*
 * For the modes.  The add functions grow an array whose capacity the
 * caller keeps in *CAP (0 to start); out of memory exits (util.h).
 */

/* Append an introduction, oriented so that a has the lower rank. */
void assignment_add_intro(struct assignment *out, size_t *cap,
    const struct graph *g, uint32_t a, uint32_t b, double score,
    int32_t round, int32_t table);

/* Append a coverage entry. */
void assignment_add_short(struct assignment *out, size_t *cap,
    uint32_t attendee, uint32_t got, uint32_t wanted, enum shortfall why);

/* Sort intros by (round, table, a's rank, score desc, b's rank), seats
 * by (round, table, rank) and coverage entries by rank. */
void assignment_sort(struct assignment *out, const struct graph *g);

#endif
