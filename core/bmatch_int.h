/*
 * bmatch_int.h -- what bmatch.c and bmatch_ends.c share: the state of
 * one bmatch_run() and the shortfall search's counts of ends.  Not
 * installed, not for the rest of the library: bmatch.h is the interface.
 */
#ifndef MINGLE_BMATCH_INT_H
#define MINGLE_BMATCH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "graph.h"

/* sel[] values: unused, chosen here, chosen beforehand (never dropped). */
#define BMATCH_UNUSED	0
#define BMATCH_CHOSEN	1
#define BMATCH_PINNED	2

/* A search state: node v reached by an added (IN) or dropped (OUT) edge. */
#define BMATCH_OUT(v)	(2 * (v))
#define BMATCH_IN(v)	(2 * (v) + 1)

/* A state of the shortfall search still to scan, and the most gain a path
 * through it can end with. */
struct bmatch_pending {
	double bound;
	uint32_t s;
};

struct bmatch {
	const struct graph *g;
	const uint32_t *cap;
	const uint32_t *floor;
	unsigned char *sel;
	uint32_t *deg;
	double eps;		/* weight gains below this are none */
	/* Per adjacency entry (g->adj): the other end and the weight, so
	 * the searches scan in order and read no edge they skip. */
	uint32_t *nbr;
	double *adjw;
	/* Per adjacency entry, the same edge's entry at its other end;
	 * per edge, its entry at its a. */
	uint32_t *mir;
	/* Per adjacency entry, its edge's sel[]: scanned in order with the
	 * entries, where sel[] by edge is a read at random. */
	unsigned char *asel;
	/* Per adjacency entry, a bit: chosen (not pinned).  A node's chosen
	 * edges are a few among many unused ones: the searches that drop an
	 * edge find them in a word or two. */
	uint64_t *cbits;
	uint32_t *pos;
	/* Per node: an adjacency index past which none of its edges is
	 * chosen (they are the heaviest, at the front: a hub's chosen
	 * edges are found without its hundreds of unused ones). */
	uint32_t *top;

	/* Quotas: qdeg[q * n + v] chosen edges of V with bit Q, and the
	 * number of (q, v) over quota_max; all 0 without quotas. */
	uint32_t *qdeg;
	size_t qover;

	/* Shortfall search, per state (2 a node). */
	uint32_t *prev;		/* state it was reached from */
	uint32_t *via;		/* adjacency entry (of prev's node) taken */
	uint32_t *dist;		/* edges from the start */
	double *gain;		/* weight gained on the way */
	unsigned char *seen;
	uint32_t *touched;	/* states marked since the last reset */
	size_t ntouched;
	uint32_t *queue;
	/* The rest of the level where the first end was met, the most
	 * promising first (bmatch_level): a max-heap by bound. */
	struct bmatch_pending *level;
	size_t nlevel;
	unsigned char *mark;	/* per edge: on the path at hand */
	/* During the shortfall pass (else NULL), kept by every flip: per
	 * node, its unused edges to someone with room and its chosen edges
	 * to someone above the floor.  A state whose node has neither (as
	 * its parity asks) has no end one edge on (bmatch_may_end). */
	uint32_t *room;
	uint32_t *above;
	/* and its chosen edges to someone whose room count is not 0: a
	 * state IN with neither this nor above has no end two edges on. */
	uint32_t *room2;
	/* While a path is flipped: per adjacency entry, a bit for those of
	 * the path, which the counts leave out until it is done; per node,
	 * its degree before (UINT32_MAX: not on the path), and the path's
	 * nodes. */
	uint64_t *sbits;
	uint32_t *was;
	uint32_t *pnodes;
	uint32_t npnodes;
	int counting;		/* the flips keep the counts */
	/* Per node: the search (near) whose start it has an unused edge to,
	 * where that start has room for one more edge only. */
	uint32_t *near;
	uint32_t nsearch;
	/* The states the pass's failed searches scanned, and the most any
	 * search that found a path scanned: how far the next may go before
	 * it gives up (bmatch_state_cap). */
	size_t failed;
	size_t most_found;
	/* Proofs that someone cannot be filled (bmatch_stuck()), per state:
	 * the search that met it, and the selection (gen, one more at each
	 * trail flipped) in which no end can be reached from it. */
	uint32_t *stamp;
	uint32_t nstamp;
	uint32_t *dead;
	uint32_t gen;

	/* Weight search. */
	uint32_t *path;		/* edges flipped so far */
	size_t npath;
	uint32_t *best;		/* the best improving path found */
	size_t nbest;
	int best_cov;
	double best_w;
	size_t work;		/* steps left from this start */
	size_t start_work;	/* steps each start gets */
	size_t budget;		/* steps left for all the starts */
	unsigned char *dirty;	/* per node: search from it again */
	double gained;		/* weight the flipped paths gained */
	int covered;		/* and whether one lowered the shortfall */

	/* Introductions missing below the floors, kept by every flip from
	 * the start of a shortfall pass, for its progress (graph.progress):
	 * how many were missing when it began. */
	size_t missing;
	size_t missing_start;
};

/* bmatch_ends.c: the counts of ends (bm->room and those beside it),
 * kept from bmatch_ends_start() to bmatch_ends_stop() by every flip:
 * bmatch_ends_before() and bmatch_ends_after() around one, or
 * bmatch_ends_path_out() and bmatch_ends_path_in() around a path's
 * (bm->counting off between). */
void	bmatch_ends_start(struct bmatch *);
void	bmatch_ends_stop(struct bmatch *);
void	bmatch_ends_before(struct bmatch *, uint32_t, uint32_t);
void	bmatch_ends_after(struct bmatch *, uint32_t, uint32_t, uint32_t,
	    uint32_t);
void	bmatch_ends_path_out(struct bmatch *, uint32_t, uint32_t);
void	bmatch_ends_path_in(struct bmatch *, uint32_t, uint32_t);
uint32_t	bmatch_ends_near(struct bmatch *, uint32_t);

#ifdef BMATCH_CHECK_COUNTS
/* Built so (tests/unit/test_bmatch_ends.c): every count recounted from
 * the selection after each path, and how often, and how many differed. */
extern size_t bmatch_ends_checks, bmatch_ends_wrong;
void	bmatch_ends_check(const struct bmatch *);
/* and how many shortfall searches gave up (BMATCH_FAILED_TIMES), and
 * how many paths the trails found (bmatch_deepen) */
extern size_t bmatch_gave_up, bmatch_deepened;
#endif

/* Set (ON) or clear the bit of adjacency entry J in BITS, and the bit of
 * the same edge's entry at its other end (MIR). */
static inline void
bmatch_bits_edge(uint64_t *bits, const uint32_t *mir, uint32_t j, int on)
{
	uint32_t e[2] = { j, mir[j] };
	int i;

	for (i = 0; i < 2; i++) {
		if (on)
			bits[e[i] / 64] |= UINT64_C(1) << (e[i] % 64);
		else
			bits[e[i] / 64] &= ~(UINT64_C(1) << (e[i] % 64));
	}
}

/* The first chosen adjacency entry at or after J and before END, or END:
 * how the searches walk a node's chosen edges. */
static inline uint32_t
bmatch_chosen_from(const struct bmatch *bm, uint32_t j, uint32_t end)
{
	size_t i = j / 64;
	uint64_t w;

	if (j >= end)
		return end;
	w = bm->cbits[i] & (~UINT64_C(0) << (j % 64));
	while (w == 0) {
		if (++i * 64 >= end)
			return end;
		w = bm->cbits[i];
	}
	j = (uint32_t)(i * 64) + (uint32_t)__builtin_ctzll(w);
	return j < end ? j : end;
}

/*
 * Whether a search for V may meet an end one edge on from state S: from
 * OUT an unused edge to someone with room, from IN a chosen one to
 * someone above the floor, counted (bmatch_ends_edge).  NEAR (nonzero,
 * bmatch_ends_near()) marks the nodes whose count holds an edge to V that
 * cannot end V's path, V having room for one edge only.  Never 0 where
 * the search would meet an end: the counts may hold more, as edges that
 * a quota bars or the path took already.
 */
static inline int
bmatch_may_end(const struct bmatch *bm, uint32_t s, uint32_t near)
{
	uint32_t x = s / 2;

	if (s & 1)
		return bm->above[x] > 0;
	return bm->room[x] > (uint32_t)(near != 0 && bm->near[x] == near);
}

/* Whether a search for V may meet an end within LEFT edges of state S
 * (1 or 2; NEAR as for bmatch_may_end): from IN, within two, by the
 * room2 counts. */
static inline int
bmatch_reaches(const struct bmatch *bm, uint32_t s, unsigned left,
    uint32_t near)
{
	if (left == 1 || !(s & 1))
		return bmatch_may_end(bm, s, near);
	return bm->above[s / 2] > 0 || bm->room2[s / 2] > 0;
}

#endif
