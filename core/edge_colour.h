/*
 * edge_colour.h -- colour the edges of a graph so that no vertex has two
 * edges of one colour: meetings into time slots, where nobody can be in
 * two meetings at once (see edge_colour.c for how).  Knows nothing of
 * attendees: vertices and edges are numbers.
 */
#ifndef MINGLE_EDGE_COLOUR_H
#define MINGLE_EDGE_COLOUR_H

#include <stddef.h>
#include <stdint.h>

/* Why an edge got no colour. */
enum edge_colour_why {
	EDGE_COLOUR_PLACED = 0,
	EDGE_COLOUR_NO_COMMON,	/* its ends share no free colour at all */
	EDGE_COLOUR_BUSY,	/* each shared colour is taken at one end */
	EDGE_COLOUR_FULL	/* a shared colour free at both ends is full */
};

struct edge_colour_problem {
	uint32_t n;		/* vertices 0 .. n - 1 */
	size_t m;		/* edges, best first */
	const uint32_t *end;	/* edge i joins end[2 i] and end[2 i + 1] */
	uint32_t colours;	/* colours 1 .. colours */
	/* Vertex x may take colour c if bit c - 1 of free[x * words ...]
	 * is set; NULL: every colour. */
	const uint64_t *free;
	size_t words;
	uint32_t cap;		/* edges of one colour at most; 0: any */
};

/*
 * Colour P's edges: colour[i] is 1 .. p->colours, or 0 when edge i could
 * not be placed, and then why[i] says why (else EDGE_COLOUR_PLACED).  No
 * vertex gets two edges of one colour or a colour it is not free in, no
 * colour more than p->cap edges.  Edges are placed best first (first
 * fit), then each one left is tried again by moving the edges in its way
 * (Kempe chains), so the result places at least as many as first fit in
 * edge order.  Deterministic; the repair has a step budget.  Returns how
 * many were placed.
 */
size_t edge_colour_run(const struct edge_colour_problem *p, uint32_t *colour,
    unsigned char *why);

#endif
