/*
 * edge_colour.c -- a proper edge colouring under availability and a cap
 * per colour (see edge_colour.h).
 *
 * Vizing: a graph whose busiest vertex has d edges can be coloured with
 * d + 1 colours; d are needed.  Here vertices may lack colours and
 * colours may fill up, so no bound holds, and the order of the edges
 * (best first) says which to keep.
 *
 * 1. First fit: each edge in order takes the lowest colour free at both
 *    ends (bit sets, a word at a time) that has room.
 * 2. Repair, each edge left in order, over again while that places any: for a colour both ends may take,
 *    move the one or two edges that hold it at an end to another colour
 *    (first fit again) and take it; else, for a full colour both ends
 *    are free in, move another edge of it to a colour with room and take
 *    its place; else, for a colour a free at one end
 *    u and b free at the other end v, swap a and b along the path from v
 *    that alternates a and b edges (a Kempe chain) -- afterwards v is
 *    free in a too -- when everyone on the path may take the swapped
 *    colours and the caps hold.  Nothing placed is ever dropped, so the
 *    result places at least what first fit places.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edge_colour.h"
#include "util.h"

#define EC_NONE		SIZE_MAX

/* Repair budget: steps (colours tried, path edges walked). */
#define EC_BUDGET_BASE	20000000ULL
#define EC_BUDGET_PER	200ULL

struct ec {
	const struct edge_colour_problem *p;
	size_t words;		/* words of a colour set */
	uint32_t *off;		/* vertex x's edges: inc[off[x] .. off[x+1]) */
	size_t *inc;
	uint64_t *busy;		/* colours taken at x: busy[x * words ...] */
	uint64_t *full;		/* colours at their cap */
	uint32_t *used;		/* edges per colour, 1-based */
	uint32_t *colour;
	size_t *path;		/* a Kempe chain's edges */
	uint64_t steps, budget;
};

static int	ec_bit(const uint64_t *, uint32_t);
static int	ec_free(const struct ec *, uint32_t, uint32_t);
static size_t	ec_at(const struct ec *, uint32_t, uint32_t);
static void	ec_set(struct ec *, size_t, uint32_t);
static uint32_t	ec_first_fit(const struct ec *, size_t, uint32_t);
static int	ec_move(struct ec *, size_t, uint32_t);
static int	ec_kempe(struct ec *, size_t, uint32_t, uint32_t, uint32_t,
		    uint32_t);
static int	ec_make_room(struct ec *, size_t);
static int	ec_chains(struct ec *, size_t);
static unsigned char ec_why(const struct ec *, size_t);
static void	ec_init(struct ec *, const struct edge_colour_problem *,
		    uint32_t *);
static void	ec_free_all(struct ec *);

/* Is colour C (1-based) in SET? */
static int
ec_bit(const uint64_t *set, uint32_t c)
{
	return (set[(c - 1) / 64] >> ((c - 1) % 64)) & 1;
}

/* May vertex X take colour C at all? */
static int
ec_free(const struct ec *e, uint32_t x, uint32_t c)
{
	return e->p->free == NULL ||
	    ec_bit(e->p->free + (size_t)x * e->p->words, c);
}

/* X's edge of colour C, or EC_NONE. */
static size_t
ec_at(const struct ec *e, uint32_t x, uint32_t c)
{
	uint32_t j;

	if (!ec_bit(e->busy + (size_t)x * e->words, c))
		return EC_NONE;
	for (j = e->off[x]; j < e->off[x + 1]; j++)
		if (e->colour[e->inc[j]] == c)
			return e->inc[j];
	return EC_NONE;
}

/* Give edge I colour C (0: none), keeping the sets and counts. */
static void
ec_set(struct ec *e, size_t i, uint32_t c)
{
	const uint32_t *end = e->p->end + 2 * i;
	uint32_t old = e->colour[i], k;
	uint64_t bit;

	for (k = 0; k < 2 && old != 0; k++) {
		bit = (uint64_t)1 << ((old - 1) % 64);
		e->busy[(size_t)end[k] * e->words + (old - 1) / 64] &= ~bit;
	}
	if (old != 0) {
		e->used[old]--;
		e->full[(old - 1) / 64] &= ~((uint64_t)1 << ((old - 1) % 64));
	}
	e->colour[i] = c;
	if (c == 0)
		return;
	bit = (uint64_t)1 << ((c - 1) % 64);
	for (k = 0; k < 2; k++)
		e->busy[(size_t)end[k] * e->words + (c - 1) / 64] |= bit;
	if (++e->used[c] == e->p->cap && e->p->cap != 0)
		e->full[(c - 1) / 64] |= bit;
}

/* The lowest colour but SKIP free at both ends of edge I, with room, or
 * 0. */
static uint32_t
ec_first_fit(const struct ec *e, size_t i, uint32_t skip)
{
	const struct edge_colour_problem *p = e->p;
	uint32_t u = p->end[2 * i], v = p->end[2 * i + 1], c;
	uint64_t w;
	size_t k;

	for (k = 0; k < e->words; k++) {
		w = ~e->busy[(size_t)u * e->words + k] &
		    ~e->busy[(size_t)v * e->words + k] & ~e->full[k];
		if (p->free != NULL)
			w &= p->free[(size_t)u * p->words + k] &
			    p->free[(size_t)v * p->words + k];
		if (skip != 0 && (skip - 1) / 64 == k)
			w &= ~((uint64_t)1 << ((skip - 1) % 64));
		if (k == e->words - 1 && p->colours % 64 != 0)
			w &= ((uint64_t)1 << (p->colours % 64)) - 1;
		if (w != 0) {
			c = (uint32_t)(k * 64) + (uint32_t)__builtin_ctzll(w) + 1;
			return c;
		}
	}
	return 0;
}

/*
 * Place edge I in colour C, free at both its ends, by moving the edges
 * that hold C at its ends to other colours.  Returns 1 if done, else 0
 * with nothing changed.
 */
static int
ec_move(struct ec *e, size_t i, uint32_t c)
{
	uint32_t u = e->p->end[2 * i], v = e->p->end[2 * i + 1];
	size_t block[2];
	uint32_t to, k, nb = 0;

	block[0] = ec_at(e, u, c);
	block[1] = ec_at(e, v, c);
	for (k = 0; k < 2; k++) {
		if (block[k] == EC_NONE)
			continue;
		e->steps++;
		if ((to = ec_first_fit(e, block[k], c)) == 0)
			break;
		ec_set(e, block[k], to);
		nb = k + 1;
	}
	if (k == 2 && !ec_bit(e->busy + (size_t)u * e->words, c) &&
	    !ec_bit(e->busy + (size_t)v * e->words, c) &&
	    !ec_bit(e->full, c)) {
		ec_set(e, i, c);
		return 1;
	}
	while (nb-- > 0)		/* undo, last move first */
		if (block[nb] != EC_NONE)
			ec_set(e, block[nb], c);
	return 0;
}

/*
 * Edge I joins u (free in A) and v (free in B, busy in A): swap A and B
 * along the chain from v that starts with v's A edge, then give I colour
 * A.  Only when nobody on the chain lacks the colour they would get, the
 * chain does not reach u, and the caps hold.  Returns 1 if done.
 */
static int
ec_kempe(struct ec *e, size_t i, uint32_t u, uint32_t v, uint32_t a,
    uint32_t b)
{
	const struct edge_colour_problem *p = e->p;
	uint32_t x = v, want = a, other, y;
	size_t len = 0, j, edge;
	int64_t na = 0, nb = 0;

	while ((edge = ec_at(e, x, want)) != EC_NONE && len < p->m) {
		e->steps++;
		y = p->end[2 * edge] == x ? p->end[2 * edge + 1] :
		    p->end[2 * edge];
		other = want == a ? b : a;
		if (y == u || !ec_free(e, x, other) || !ec_free(e, y, other))
			return 0;
		e->path[len++] = edge;
		if (want == a)
			na++;
		else
			nb++;
		x = y;
		want = other;
	}
	if (p->cap != 0 && (e->used[a] - na + nb + 1 > p->cap ||
	    e->used[b] - nb + na > p->cap))
		return 0;
	for (j = 0; j < len; j++)	/* clear first: no double booking */
		ec_set(e, e->path[j], 0);
	for (j = 0; j < len; j++)
		ec_set(e, e->path[j], j % 2 == 0 ? b : a);
	ec_set(e, i, a);
	return 1;
}

/*
 * Edge I's ends are both free in a colour that is full: move another
 * edge of that colour to a colour with room, and take its place.
 * Returns 1 if done.
 */
static int
ec_make_room(struct ec *e, size_t i)
{
	const struct edge_colour_problem *p = e->p;
	uint32_t u = p->end[2 * i], v = p->end[2 * i + 1], a, to;
	size_t j;

	for (a = 1; a <= p->colours && e->steps < e->budget; a++) {
		e->steps++;
		if (!ec_bit(e->full, a) || !ec_free(e, u, a) ||
		    !ec_free(e, v, a) || ec_at(e, u, a) != EC_NONE ||
		    ec_at(e, v, a) != EC_NONE)
			continue;
		for (j = 0; j < p->m && e->steps < e->budget; j++) {
			e->steps++;
			if (e->colour[j] != a ||
			    (to = ec_first_fit(e, j, a)) == 0)
				continue;
			ec_set(e, j, to);
			ec_set(e, i, a);
			return 1;
		}
	}
	return 0;
}

/* Try edge I by moves, by making room, then by chains from either end.
 * Returns 1 if it was placed. */
static int
ec_chains(struct ec *e, size_t i)
{
	const struct edge_colour_problem *p = e->p;
	uint32_t end[2] = { p->end[2 * i], p->end[2 * i + 1] }, a, b, k;

	for (a = 1; a <= p->colours && e->steps < e->budget; a++) {
		e->steps++;
		if (ec_free(e, end[0], a) && ec_free(e, end[1], a) &&
		    ec_move(e, i, a))
			return 1;
	}
	if (p->cap != 0 && ec_make_room(e, i))
		return 1;
	for (k = 0; k < 2; k++) {
		uint32_t u = end[k], v = end[1 - k];

		for (a = 1; a <= p->colours && e->steps < e->budget; a++) {
			if (!ec_free(e, u, a) || !ec_free(e, v, a) ||
			    ec_at(e, u, a) != EC_NONE)
				continue;
			for (b = 1; b <= p->colours && e->steps < e->budget;
			    b++) {
				e->steps++;
				if (b == a || !ec_free(e, v, b) ||
				    ec_at(e, v, b) != EC_NONE)
					continue;
				if (ec_kempe(e, i, u, v, a, b))
					return 1;
			}
		}
	}
	return 0;
}

/* Why edge I, unplaced, has no colour. */
static unsigned char
ec_why(const struct ec *e, size_t i)
{
	uint32_t u = e->p->end[2 * i], v = e->p->end[2 * i + 1], c;
	int common = 0;

	for (c = 1; c <= e->p->colours; c++) {
		if (!ec_free(e, u, c) || !ec_free(e, v, c))
			continue;
		common = 1;
		if (ec_at(e, u, c) == EC_NONE && ec_at(e, v, c) == EC_NONE)
			return EDGE_COLOUR_FULL;
	}
	return common ? EDGE_COLOUR_BUSY : EDGE_COLOUR_NO_COMMON;
}

static void
ec_init(struct ec *e, const struct edge_colour_problem *p, uint32_t *colour)
{
	uint32_t *fill, x;
	size_t i, k;

	memset(e, 0, sizeof *e);
	e->p = p;
	e->words = ((size_t)p->colours + 63) / 64;
	e->colour = colour;
	e->off = xcalloc((size_t)p->n + 2, sizeof *e->off);
	e->inc = xcalloc(2 * p->m + 1, sizeof *e->inc);
	for (i = 0; i < 2 * p->m; i++)
		e->off[p->end[i] + 1]++;
	for (x = 0; x < p->n; x++)
		e->off[x + 1] += e->off[x];
	fill = xcalloc((size_t)p->n + 1, sizeof *fill);
	memcpy(fill, e->off, (size_t)p->n * sizeof *fill);
	for (i = 0; i < p->m; i++)
		for (k = 0; k < 2; k++)
			e->inc[fill[p->end[2 * i + k]]++] = i;
	free(fill);
	e->busy = xcalloc((size_t)p->n * e->words + 1, sizeof *e->busy);
	e->full = xcalloc(e->words + 1, sizeof *e->full);
	e->used = xcalloc((size_t)p->colours + 1, sizeof *e->used);
	e->path = xcalloc(p->m + 1, sizeof *e->path);
	e->budget = EC_BUDGET_BASE + EC_BUDGET_PER * p->m;
}

static void
ec_free_all(struct ec *e)
{
	free(e->off);
	free(e->inc);
	free(e->busy);
	free(e->full);
	free(e->used);
	free(e->path);
}

size_t
edge_colour_run(const struct edge_colour_problem *p, uint32_t *colour,
    unsigned char *why)
{
	struct ec e;
	size_t i, placed = 0;
	uint32_t c;
	int progress;

	memset(colour, 0, p->m * sizeof *colour);
	ec_init(&e, p, colour);
	for (i = 0; i < p->m; i++)
		if ((c = ec_first_fit(&e, i, 0)) != 0)
			ec_set(&e, i, c);
	/* A repair changes what the edges tried before it see: again
	 * while one places anything. */
	do {
		progress = 0;
		for (i = 0; i < p->m; i++) {
			if (colour[i] != 0)
				continue;
			if ((c = ec_first_fit(&e, i, 0)) != 0)
				ec_set(&e, i, c);
			else if (e.steps >= e.budget || !ec_chains(&e, i))
				continue;
			progress = 1;
		}
	} while (progress);
	for (i = 0; i < p->m; i++) {
		why[i] = colour[i] != 0 ? EDGE_COLOUR_PLACED : ec_why(&e, i);
		placed += colour[i] != 0;
	}
	ec_free_all(&e);
	return placed;
}
