/*
 * bmatch.c -- a fair degree-bounded selection of edges (see bmatch.h).
 *
 * The objective, least shortfall first and then most weight, is the
 * weight of a plain b-matching in which each node also owns
 * cap - floor free slots worth more than all edges together: so the
 * classic improvements of a b-matching apply, alternating paths and
 * cycles that flip edges in and out.  Three passes:
 *
 * 1. Greedy: edges best first (ties by the ends' ranks), taken while
 *    both ends have room.  What b-Suitor computes, within half of the
 *    best weight.
 * 2. Shortfall: from everyone below the floor, in rank order, a
 *    breadth-first search for an alternating path (add an unused edge,
 *    drop a chosen one, ...) that ends at someone with room or someone
 *    above the floor; of the shortest such paths, the one that loses
 *    least weight (of those met within BMATCH_END_SCAN adjacency
 *    entries of the first: the rest of a level can cost many times
 *    what reaching the first did, so its states are scanned by the
 *    most an end through them can gain, the highest first, and none
 *    that cannot beat the best end so far, nor a node's lighter edges,
 *    which are not counted either).  Counts that every flip keeps (a
 *    node's unused edges to someone with room, its chosen ones to
 *    someone above the floor, and its chosen ones to someone with such
 *    an unused edge) tell which states may end a path one or two edges
 *    on: a level is scanned first at those alone, which finds the end
 *    the whole level would, and only those are the rest of a level.
 *    Ends are few once most people are full, and the last level is the
 *    largest.  A node is searched at both parities, as the end of an
 *    added edge and of a dropped one, so odd cycles do not hide paths
 *    as they do with one mark per node.  What a failed search reached
 *    stays marked until the next path is flipped: it cannot lead to an
 *    end, so the failures together cost one pass over the graph.  Not
 *    where a failure met its start node, as behind blossoms: then each
 *    crosses the graph again, and a budget (BMATCH_FAILED_TIMES) makes
 *    them give up early.  Where it finds nothing, a depth-first search
 *    over trails (no edge twice, nodes again at will), the short ones
 *    first, within a budget: a blossom can hide a path from the first
 *    search.
 *    Not from those no alternating walk can take to an end: that is
 *    proved first, at the cost of one pass over what they reach, so the
 *    people nobody can fill leave the budget to the others; and once
 *    the budget is spent, nothing is proved (issue 10's third graph at
 *    100,000: 1,235 proofs, each crossing the graph to fail, 81 s).
 *    Measured: the fewest missing on every graph tests/oracle/fair.py
 *    solved.
 * 3. Weight: from every node, a depth-first search for the best
 *    alternating path or cycle that gains weight without adding any
 *    shortfall, Lin-Kernighan style: every prefix must gain (so each
 *    added edge must outweigh what was dropped so far, and adjacency
 *    in weight order ends the scan), few branches, a few edges deep, a
 *    budget of steps.  Found ones are flipped, and the nodes they touch
 *    are searched again, until nothing improves or the passes run out.
 *
 * From an earlier selection (BMATCH_START: the first assignment, before
 * its graph grew), what still fits is taken before the greedy pass, and
 * the weight search starts only from the nodes whose edges changed since.
 *
 * Quotas (graph.h: quota, quota_max): every flip keeps each node's
 * count of chosen edges with each quota bit, and how many (quota, node)
 * pairs are over their most.  Greedy takes only edges that fit.  Every
 * search checks the node it leaves (its added and dropped edge
 * together, so a dropped quota edge frees its place) and ends, or keeps
 * a path, only while nobody is over: none of them ever leaves a node
 * over a quota.  Without quotas nothing of this changes a choice.
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bmatch.h"
#include "bmatch_int.h"
#include "progress.h"
#include "util.h"

/* Weight search: edges added per path, branches per step, steps per
 * start (all the starts of a pass share BMATCH_WORK, each gets between
 * the two bounds: small events are searched deeply, large ones in time),
 * passes over the nodes.  Measured on the graphs of fair_oracle.sh and
 * bench/fair_ratio.sh: more starts searched less deeply find more than
 * fewer searched deeply, so the cap per start is modest. */
#define BMATCH_MAX_ADDS		6
#define BMATCH_BRANCH_ADD	6
#define BMATCH_BRANCH_DROP	3
#define BMATCH_WORK		3000000
#define BMATCH_WORK_MIN		500
#define BMATCH_WORK_MAX		20000
#define BMATCH_PASSES		8
/* With BMATCH_SAMPLE_MIN nodes or more to search from, the search
 * first runs from BMATCH_SAMPLE of them spread over the rank order, and
 * goes on only if that gained at least BMATCH_MIN_GAIN of the weight,
 * scaled to a whole pass (the sample's share of the starts).  Measured on
 * issue 10's graph at 10,000 people (464,513 edges): the whole search,
 * 3.9 million steps and 1.3 s, gained 0.018% of the weight, where it
 * gains 1.7% to 3.3% on the graphs of bench/fair_ratio.sh.  Steps, not
 * seconds, decide: the output stays deterministic. */
#define BMATCH_SAMPLE		512
#define BMATCH_SAMPLE_MIN	(4 * BMATCH_SAMPLE)
#define BMATCH_MIN_GAIN		1e-3
/* Steps of all the passes together: BMATCH_WORK and this many an edge,
 * so the search stays linear in the edges however many passes it takes. */
#define BMATCH_WORK_EDGE	2
/* From an earlier selection (BMATCH_START), each node whose edges
 * changed is searched with this fraction of a start's steps: on issue
 * 10's run at 10,000 (the second graph, 6,346 such nodes) the weight was
 * that of the whole steps to 0.002%, in a sixth of the time. */
#define BMATCH_WARM_DIV		10

/* Trails, where the breadth-first search finds no path: steps per
 * start and depth, all of them together (BMATCH_TRAIL_TOTAL and this
 * many an edge, at most BMATCH_TRAIL_MAX), and the depths tried in turn
 * (short trails first: the search is exponential in the depth). */
#define BMATCH_TRAIL_WORK	200000
#define BMATCH_TRAIL_TOTAL	2000000
#define BMATCH_TRAIL_EDGE	4
#define BMATCH_TRAIL_MAX	50000000
static const unsigned bmatch_trail_depths[] = { 8, 16, 32, 256 };
/* Trails stop once they have spent this many steps since they last found
 * one (or since the pass began): twice BMATCH_TRAIL_TOTAL, so a graph
 * whose whole budget is less (up to about 500,000 edges) is searched as
 * before.  Counted on issue 10's shared_tags events (10,000 to 100,000,
 * 10 to 30 introductions each), the trails found nothing in any graph;
 * at 100,000 each of the later graphs spent its whole budget, about 19
 * million steps and 2.5 s. */
#ifndef BMATCH_TRAIL_DRY
#define BMATCH_TRAIL_DRY	(2 * BMATCH_TRAIL_TOTAL)
#endif

/* Shortfall search: adjacency entries it scans once it has found an
 * end, for a better one at the same depth, the most promising states
 * first.  A whole level costs tens of thousands at 10,000 people and
 * more (a few thousand on the graphs of fair_oracle.sh, which it leaves
 * alone).  Measured on issue 10's graph at 10,000 (464,513 edges), the
 * assignment alone: 1,000 entries 0.31 s and a total weight of
 * 73,165.5; 2,000 0.38 s, 73,249.1; 4,000 0.51 s, 73,277.8; 8,000
 * 0.76 s, 73,280.8.  Scanned in the order met, 8,000 gave 73,116.3 in
 * 0.60 s.  At 30,000: 1.49 s and 221,586 against 2.57 s and 221,158.
 * With only the states that may end a path in the rest of the level
 * (bmatch_level), 2,000 gives 73,281.6. */
#define BMATCH_END_SCAN		2000

/* Shortfall search, where ends hide behind blossoms: a search that
 * fails has crossed all it could reach, and when it met the start node
 * on the way (another search may end there) nothing stays marked, so
 * the next one crosses it all again.  Once the pass's failed searches
 * have scanned BMATCH_FAILED_TIMES the graph's states, a search gives
 * up after BMATCH_CAP_TIMES the states of the longest search that found
 * a path, and at least BMATCH_CAP_MIN; the deeper search (trails) is
 * for those it gives up on.  Counted in states, not seconds: the output
 * stays deterministic.  Measured on the third graph of issue 10's
 * shared_tags run at 100,000 (4.16 million edges): 1,235 failed
 * searches scanned 253 million states, each the whole graph, where the
 * 1,203 that found a path scanned 84,000 together.  With this budget
 * the whole run (seven graphs) wrote the same introductions, and the
 * searches of its last five passes took 27 s instead of 307 s; with a
 * cap of 4 and 16,384 63 s, with 16 and 65,536 144 s.  1 and 4,096 (18
 * s) also wrote the same CSV, there and on the 10,000 and 30,000 runs:
 * 2 and 8,192 keep twice that margin.  With 4, 4 and 4,096 the run
 * left 218 people short instead of 159: the cap cut paths of the first
 * graph, where one search that found a path scanned 182,350 states. */
#ifdef BMATCH_CHECK_COUNTS
size_t bmatch_gave_up, bmatch_deepened;
#endif
#ifndef BMATCH_FAILED_TIMES
#define BMATCH_FAILED_TIMES	16
#endif
#ifndef BMATCH_CAP_TIMES
#define BMATCH_CAP_TIMES	2
#endif
#ifndef BMATCH_CAP_MIN
#define BMATCH_CAP_MIN		8192
#endif

/* The level of the shortfall search at hand: its states are
 * bm->queue[head .. tail); touched, bm->ntouched when it began.  Its
 * window: the levels from it that are scanned only at the states that
 * may end a path within them (depth; 0: the whole level), of which LEFT
 * are left from the one at hand, whose states end at ptail. */
struct bmatch_lvl {
	size_t head;
	size_t tail;
	size_t touched;
	unsigned depth;
	unsigned left;
	size_t ptail;
};

static void	bmatch_index(struct bmatch *);
static void	bmatch_greedy(struct bmatch *);
static void	bmatch_quota(struct bmatch *, uint32_t, int);
static int	bmatch_fits(const struct bmatch *, uint32_t);
static int	bmatch_over(const struct bmatch *, uint32_t);
static inline int	bmatch_swap_ok(const struct bmatch *, uint32_t,
		    uint32_t, uint32_t);
static int	bmatch_swap_quota(const struct bmatch *, uint32_t, uint32_t,
		    uint32_t);
static void	bmatch_flip(struct bmatch *, uint32_t);
static void	bmatch_flip_at(struct bmatch *, uint32_t, uint32_t);
static uint32_t	bmatch_top(struct bmatch *, uint32_t);
static inline uint32_t	bmatch_scan_next(const struct bmatch *, uint32_t,
		    uint32_t, int);
static int	bmatch_alternates(const struct bmatch *, uint32_t, int);
static void	bmatch_unmark(struct bmatch *, size_t);
static int	bmatch_path_ok(struct bmatch *, uint32_t, uint32_t);
static void	bmatch_path_flip(struct bmatch *, uint32_t, uint32_t);
static void	bmatch_path_take(struct bmatch *, uint32_t, uint32_t);
static double	bmatch_reach(const struct bmatch *, uint32_t);
static void	bmatch_level_sift(struct bmatch *, size_t);
static void	bmatch_level(struct bmatch *, size_t, size_t, uint32_t,
		    uint32_t);
static uint32_t	bmatch_level_next(struct bmatch *, double);
static uint32_t	bmatch_next(struct bmatch *, size_t *, size_t *,
		    struct bmatch_lvl *, uint32_t);
static int	bmatch_augment(struct bmatch *, uint32_t);
static size_t	bmatch_state_cap(const struct bmatch *);
static void	bmatch_short_start(struct bmatch *, struct progress *,
		    const uint32_t *, size_t, const char *);
static void	bmatch_short_next(struct bmatch *, struct progress *,
		    uint32_t);
static int	bmatch_step(struct bmatch *, uint32_t);
static int	bmatch_trail(struct bmatch *, uint32_t, int, int, unsigned);
static int	bmatch_deepen(struct bmatch *, uint32_t, size_t *);
static inline int	bmatch_is_end(const struct bmatch *, uint32_t,
		    uint32_t);
static int	bmatch_stuck(struct bmatch *, uint32_t);
static void	bmatch_consider(struct bmatch *, int, double);
static void	bmatch_grow(struct bmatch *, uint32_t, int, double, int);
static int	bmatch_improve(struct bmatch *, uint32_t);
static void	bmatch_polish(struct bmatch *, const uint32_t *, size_t,
		    double);
static double	bmatch_weight(const struct bmatch *);
static void	bmatch_begin(struct bmatch *, const unsigned char *);
static size_t	bmatch_changed(struct bmatch *, const unsigned char *);

/* Fill the per-entry arrays beside g->adj (nbr, adjw, mir), pos and top
 * (nothing chosen yet but the pins, which are never dropped). */
static void
bmatch_index(struct bmatch *bm)
{
	const struct graph *g = bm->g;
	size_t n = g->n ? g->n : 1, m = g->nedges ? g->nedges : 1;
	uint32_t v, j, k;

	bm->nbr = xcalloc(2 * m, sizeof *bm->nbr);
	bm->adjw = xcalloc(2 * m, sizeof *bm->adjw);
	bm->mir = xcalloc(2 * m, sizeof *bm->mir);
	bm->asel = xcalloc(2 * m, 1);
	bm->cbits = xcalloc((2 * m + 63) / 64, sizeof *bm->cbits);
	bm->pos = xcalloc(m, sizeof *bm->pos);
	bm->top = xcalloc(n, sizeof *bm->top);
	/* an edge's entry at its end A comes first (a < b): its mirror is
	 * known when the entry at B is met */
	for (v = 0; v < g->n; v++) {
		bm->top[v] = g->adj_off[v];
		for (j = g->adj_off[v]; j < g->adj_off[v + 1]; j++) {
			k = g->adj[j];
			bm->nbr[j] = graph_other(&g->edges[k], v);
			bm->adjw[j] = g->edges[k].w;
			bm->asel[j] = bm->sel[k];
			if (g->edges[k].a == v) {
				bm->pos[k] = j;
				continue;
			}
			bm->mir[j] = bm->pos[k];
			bm->mir[bm->pos[k]] = j;
		}
	}
}

/* Take every unused edge, best first (the graph's order), while both
 * ends have room. */
static void
bmatch_greedy(struct bmatch *bm)
{
	const struct graph *g = bm->g;
	const struct edge *e;
	size_t i;
	uint32_t k;

	for (i = 0; i < g->nedges; i++) {
		k = g->order[i];
		e = &g->edges[k];
		if (bm->sel[k] != BMATCH_UNUSED ||
		    bm->deg[e->a] >= bm->cap[e->a] ||
		    bm->deg[e->b] >= bm->cap[e->b] ||
		    !bmatch_fits(bm, k))
			continue;
		bmatch_flip(bm, k);
	}
}

/* Edge K is chosen (D = 1) or dropped (D = -1): the quota counts of
 * both ends, and how many are over. */
static void
bmatch_quota(struct bmatch *bm, uint32_t k, int d)
{
	const struct graph *g = bm->g;
	const struct edge *e = &g->edges[k];
	uint32_t ends[2] = { e->a, e->b }, q, i, *c, most;

	if (g->quota == NULL || g->quota[k] == 0)
		return;
	for (q = 0; q < g->nquota; q++) {
		if (!(g->quota[k] & (1u << q)))
			continue;
		for (i = 0; i < 2; i++) {
			c = &bm->qdeg[q * g->n + ends[i]];
			most = g->quota_max[q * g->n + ends[i]];
			if (d > 0) {
				if (++*c == most + 1)
					bm->qover++;
			} else if ((*c)-- == most + 1)
				bm->qover--;
		}
	}
}

/* Whether unused edge K fits both ends' quotas. */
static int
bmatch_fits(const struct bmatch *bm, uint32_t k)
{
	const struct edge *e = &bm->g->edges[k];

	return bmatch_swap_ok(bm, e->a, k, UINT32_MAX) &&
	    bmatch_swap_ok(bm, e->b, k, UINT32_MAX);
}

/* Whether node V is over any quota now. */
static int
bmatch_over(const struct bmatch *bm, uint32_t v)
{
	const struct graph *g = bm->g;
	uint32_t q;

	if (bm->qover == 0)
		return 0;
	for (q = 0; q < g->nquota; q++)
		if (bm->qdeg[q * g->n + v] > g->quota_max[q * g->n + v])
			return 1;
	return 0;
}

/* Whether V stays within every quota if it gains unused edge ADD and
 * loses chosen edge DROP (either UINT32_MAX for none).  Inline: the
 * shortfall search asks for every entry it scans, and most graphs have
 * no quota. */
static inline int
bmatch_swap_ok(const struct bmatch *bm, uint32_t v, uint32_t add,
    uint32_t drop)
{
	return bm->g->quota == NULL || add == UINT32_MAX ||
	    bmatch_swap_quota(bm, v, add, drop);
}

/* bmatch_swap_ok() on a graph with quotas. */
static int
bmatch_swap_quota(const struct bmatch *bm, uint32_t v, uint32_t add,
    uint32_t drop)
{
	const struct graph *g = bm->g;
	uint32_t q, bits, lose, c;

	bits = g->quota[add];
	lose = drop != UINT32_MAX ? g->quota[drop] : 0;
	for (q = 0; bits != 0 && q < g->nquota; q++) {
		if (!(bits & (1u << q)))
			continue;
		c = bm->qdeg[q * g->n + v] - ((lose >> q) & 1);
		if (c >= g->quota_max[q * g->n + v])
			return 0;
	}
	return 1;
}

/* Add edge K if unused, drop it if chosen; both ends' degrees follow. */
static void
bmatch_flip(struct bmatch *bm, uint32_t k)
{
	bmatch_flip_at(bm, bm->g->edges[k].a, bm->pos[k]);
}

/* bmatch_flip() of the edge at adjacency entry J of node X: what the
 * searches scanning X's adjacency call, to read no edge. */
static void
bmatch_flip_at(struct bmatch *bm, uint32_t x, uint32_t j)
{
	uint32_t k = bm->g->adj[j], y = bm->nbr[j], jy = bm->mir[j];
	uint32_t dx = bm->deg[x], dy = bm->deg[y];

	if (bm->counting)
		bmatch_ends_before(bm, x, j);
	if (bm->sel[k] == BMATCH_UNUSED) {
		bm->sel[k] = bm->asel[j] = bm->asel[jy] = BMATCH_CHOSEN;
		bmatch_bits_edge(bm->cbits, bm->mir, j, 1);
		bm->missing -= (bm->deg[x] < bm->floor[x]) +
		    (bm->deg[y] < bm->floor[y]);
		bm->deg[x]++;
		bm->deg[y]++;
		if (bm->top[x] <= j)
			bm->top[x] = j + 1;
		if (bm->top[y] <= jy)
			bm->top[y] = jy + 1;
		if (bm->g->quota != NULL)
			bmatch_quota(bm, k, 1);
	} else {
		bm->sel[k] = bm->asel[j] = bm->asel[jy] = BMATCH_UNUSED;
		bmatch_bits_edge(bm->cbits, bm->mir, j, 0);
		bm->deg[x]--;
		bm->deg[y]--;
		bm->missing += (bm->deg[x] < bm->floor[x]) +
		    (bm->deg[y] < bm->floor[y]);
		if (bm->g->quota != NULL)
			bmatch_quota(bm, k, -1);
	}
	if (bm->counting)
		bmatch_ends_after(bm, x, j, dx, dy);
}

/* The end of V's adjacency entries that may be chosen, made tight. */
static uint32_t
bmatch_top(struct bmatch *bm, uint32_t v)
{
	const struct graph *g = bm->g;
	uint32_t end = bm->top[v], begin = g->adj_off[v], j;
	size_t i;
	uint64_t w;

	/* the last chosen entry below the top, a word at a time */
	for (; end > begin; end = (uint32_t)(i * 64)) {
		i = (end - 1) / 64;
		w = bm->cbits[i] & (~UINT64_C(0) >> (63 - (end - 1) % 64));
		if (w != 0) {
			j = (uint32_t)(i * 64) + 63 - (uint32_t)__builtin_clzll(w);
			end = j >= begin ? j + 1 : begin;
			break;
		}
	}
	if (end < begin)
		end = begin;
	return bm->top[v] = end;
}

/* The entry after J of a scan of node entries up to END, from a state
 * of parity IN: from IN the next chosen one, from OUT the next. */
static inline uint32_t
bmatch_scan_next(const struct bmatch *bm, uint32_t j, uint32_t end, int in)
{
	return in ? bmatch_chosen_from(bm, j + 1, end) : j + 1;
}

/* Whether state T is where a path for V, who is below the floor, may
 * end: Y of T takes an edge (V, who took one already, needs room for
 * two) or drops one it can spare.  Inline: the shortfall search asks it
 * of every state it reaches. */
static inline int
bmatch_is_end(const struct bmatch *bm, uint32_t v, uint32_t t)
{
	uint32_t y = t / 2;

	if (t & 1)
		return bm->deg[y] + (y == v) + 1 <= bm->cap[y];
	return bm->deg[y] > bm->floor[y];
}

/* Whether adjacency entry J goes on an alternating walk from a state of
 * parity IN: from IN (reached by an added edge) a chosen edge to drop,
 * from OUT an unused one to add. */
static int
bmatch_alternates(const struct bmatch *bm, uint32_t j, int in)
{
	return in ? bm->asel[j] == BMATCH_CHOSEN :
	    bm->asel[j] == BMATCH_UNUSED;
}

/* Forget the states the shortfall searches marked, from the FROMth. */
static void
bmatch_unmark(struct bmatch *bm, size_t from)
{
	size_t i;

	for (i = from; i < bm->ntouched; i++)
		bm->seen[bm->touched[i]] = 0;
	bm->ntouched = from;
}

/*
 * Whether the path from state START to state END, found by the search,
 * uses no edge twice (a walk through both states of one node may), and,
 * flipped, leaves nobody over a quota (a node it passes twice may be).
 */
static int
bmatch_path_ok(struct bmatch *bm, uint32_t start, uint32_t end)
{
	uint32_t t;
	int ok = 1;

	for (t = end; t != start; t = bm->prev[t]) {
		if (bm->mark[bm->g->adj[bm->via[t]]])
			ok = 0;
		bm->mark[bm->g->adj[bm->via[t]]] = 1;
	}
	for (t = end; t != start; t = bm->prev[t])
		bm->mark[bm->g->adj[bm->via[t]]] = 0;
	if (!ok || bm->g->quota == NULL)
		return ok;
	bmatch_path_flip(bm, start, end);
	ok = bm->qover == 0;
	bmatch_path_flip(bm, start, end);
	return ok;
}

/* Flip every edge of the path the search found from state START to END. */
static void
bmatch_path_flip(struct bmatch *bm, uint32_t start, uint32_t end)
{
	uint32_t t;

	for (t = end; t != start; t = bm->prev[t])
		bmatch_flip_at(bm, bm->prev[t] / 2, bm->via[t]);
}

/*
 * bmatch_path_flip(), the counts of ends kept once for the whole path
 * (bmatch_ends.c): a node inside it loses an edge and gains one, which
 * flip by flip would take it over its cap or under it and back, each
 * time recounting its neighbours.
 */
static void
bmatch_path_take(struct bmatch *bm, uint32_t start, uint32_t end)
{
	if (!bm->counting) {
		bmatch_path_flip(bm, start, end);
		return;
	}
	bmatch_ends_path_out(bm, start, end);
	bm->counting = 0;
	bmatch_path_flip(bm, start, end);
	bm->counting = 1;
	bmatch_ends_path_in(bm, start, end);
#ifdef BMATCH_CHECK_COUNTS
	bmatch_ends_check(bm);
#endif
}

/* The most gain an end reached from state S can have: from IN it drops
 * an edge, from OUT it adds an unused one, at most its node's heaviest
 * (-inf: none is left to add). */
static double
bmatch_reach(const struct bmatch *bm, uint32_t s)
{
	uint32_t x = s / 2, j, end = bm->g->adj_off[x + 1];

	if (s & 1)
		return bm->gain[s];
	for (j = bm->g->adj_off[x]; j < end; j++)
		if (bm->asel[j] == BMATCH_UNUSED)
			return bm->gain[s] + bm->adjw[j];
	return -HUGE_VAL;
}

/* Restore the heap order of BM->level below entry I. */
static void
bmatch_level_sift(struct bmatch *bm, size_t i)
{
	struct bmatch_pending *h = bm->level, tmp;
	size_t c;

	while ((c = 2 * i + 1) < bm->nlevel) {
		if (c + 1 < bm->nlevel && h[c + 1].bound > h[c].bound)
			c++;
		if (!(h[c].bound > h[i].bound))
			break;
		tmp = h[i];
		h[i] = h[c];
		h[c] = tmp;
		i = c;
	}
}

/* The first end is met: the states QUEUE[QH ..) of depth DIST still to
 * scan that may end a path (bmatch_may_end, NEAR) go into BM->level, to
 * be scanned the most promising first. */
static void
bmatch_level(struct bmatch *bm, size_t qh, size_t qt, uint32_t dist,
    uint32_t near)
{
	size_t i;

	bm->nlevel = 0;
	for (i = qh; i < qt && bm->dist[bm->queue[i]] == dist; i++)
		if (bmatch_may_end(bm, bm->queue[i], near))
			bm->level[bm->nlevel++] = (struct bmatch_pending){
			    bmatch_reach(bm, bm->queue[i]), bm->queue[i] };
	for (i = bm->nlevel / 2; i > 0; i--)
		bmatch_level_sift(bm, i - 1);
}

/* The next state of BM->level to scan, or UINT32_MAX if none can end a
 * path with more gain than GAIN. */
static uint32_t
bmatch_level_next(struct bmatch *bm, double gain)
{
	uint32_t s;

	if (bm->nlevel == 0 || !(bm->level[0].bound > gain))
		return UINT32_MAX;
	s = bm->level[0].s;
	bm->level[0] = bm->level[--bm->nlevel];
	bmatch_level_sift(bm, 0);
	return s;
}

/*
 * The next state for the search at hand to scan, of BM->queue[*QH ..
 * *QT), or UINT32_MAX when none is left; at each level first those that
 * may end a path one edge on (bmatch_augment).
 */
static uint32_t
bmatch_next(struct bmatch *bm, size_t *qh, size_t *qt, struct bmatch_lvl *l,
    uint32_t near)
{
	uint32_t s;

	for (;;) {
		if (l->left == 0) {
			if (*qh < l->tail)
				return bm->queue[(*qh)++];
			if (*qh == *qt)
				return UINT32_MAX;
			/* A level begins: first a window of one level. */
			l->head = *qh;
			l->tail = *qt;
			l->touched = bm->ntouched;
			l->depth = l->left = 1;
			l->ptail = l->tail;
		}
		while (*qh < l->ptail &&
		    !bmatch_reaches(bm, bm->queue[*qh], l->left, near))
			(*qh)++;
		if (*qh < l->ptail)
			return bm->queue[(*qh)++];
		if (l->left > 1 && *qt > l->ptail) {
			l->left--;	/* the window's next level */
			l->ptail = *qt;
			continue;
		}
		/* No end in the window: forget what it marked, and try a
		 * deeper one (from IN: two levels), else the whole level. */
		bmatch_unmark(bm, l->touched);
		*qh = l->head;
		*qt = l->tail;
		s = bm->queue[l->head];
		l->depth = l->depth == 1 && (s & 1) ? 2 : 0;
		l->left = l->depth;
		l->ptail = l->tail;
	}
}

/*
 * One more edge for V, who is below the floor, without anyone else
 * falling below it: breadth first over alternating paths, and of the
 * shortest ones the one that loses least weight.  Returns 1 if a path
 * was flipped.
 *
 * Each level is first scanned only at the states that may end a path
 * one edge on (bmatch_may_end): an end is rare and the last level the
 * largest.  The others are skipped: what they reach is no end, and
 * once an end is met the next level is not scanned.  If the level ends
 * without one, what that scan marked is forgotten and the whole level
 * scanned in order, so the search finds what it would without the
 * counts.
 */
static int
bmatch_augment(struct bmatch *bm, uint32_t v)
{
	const struct graph *g = bm->g;
	size_t qh = 0, qt = 0, scan = 0, stop = SIZE_MAX, nstates = 0, cap;
	struct bmatch_lvl lvl = { 0, 0, 0, 0, 0, 0 };
	uint32_t s, t, x, y, k, j, last, start = BMATCH_OUT(v), end = UINT32_MAX;
	uint32_t from, near;
	int in, forget = 0, leveled = 0;

	if (bm->seen[start])
		return 0;	/* a failed search reached V: no path */
	cap = bmatch_state_cap(bm);
	near = bmatch_ends_near(bm, v);
	bm->seen[start] = 1;
	bm->touched[bm->ntouched++] = start;
	bm->queue[qt++] = start;
	bm->dist[start] = 0;
	bm->gain[start] = 0;
	for (;;) {
		if (end != UINT32_MAX && !leveled) {
			/* the rest of this level, the most promising first */
			bmatch_level(bm, qh, qt, bm->dist[end] - 1, near);
			leveled = 1;
		}
		if (leveled) {
			if (scan > stop ||
			    (s = bmatch_level_next(bm, bm->gain[end])) ==
			    UINT32_MAX)
				break;
		} else if ((s = bmatch_next(bm, &qh, &qt, &lvl, near)) ==
		    UINT32_MAX)
			break;
		if (++nstates > cap && end == UINT32_MAX) {
			/* given up: what it marked may yet reach an end */
#ifdef BMATCH_CHECK_COUNTS
			bmatch_gave_up++;
#endif
			forget = 1;
			break;
		}
		x = s / 2;
		in = s & 1;
		from = g->quota != NULL && s != start ?
		    g->adj[bm->via[s]] : UINT32_MAX;
		last = in ? bmatch_top(bm, x) : g->adj_off[x + 1];
		for (j = in ? bmatch_chosen_from(bm, g->adj_off[x], last) :
		    g->adj_off[x]; j < last; j = bmatch_scan_next(bm, j, last, in)) {
			/* An added edge lighter than this one, the heaviest
			 * first, ends no path better than the best. */
			if (end != UINT32_MAX && !in &&
			    !(bm->gain[s] + bm->adjw[j] > bm->gain[end]))
				break;
			/* From OUT add an unused edge, from IN drop a chosen one;
			 * X, left with both, within its quotas. */
			if (!bmatch_alternates(bm, j, in))
				continue;
			k = g->quota != NULL ? g->adj[j] : UINT32_MAX;
			if (in ? !bmatch_swap_ok(bm, x, from, k) :
			    !bmatch_swap_ok(bm, x, k, from))
				continue;
			y = bm->nbr[j];
			t = in ? BMATCH_OUT(y) : BMATCH_IN(y);
			forget |= y == v && !in;
			if (bm->seen[t])
				continue;
			bm->seen[t] = 1;
			bm->touched[bm->ntouched++] = t;
			bm->prev[t] = s;
			bm->via[t] = j;
			bm->dist[t] = bm->dist[s] + 1;
			bm->gain[t] = bm->gain[s] +
			    (in ? -bm->adjw[j] : bm->adjw[j]);
			bm->queue[qt++] = t;
			if (bmatch_is_end(bm, v, t) &&
			    (end == UINT32_MAX || bm->gain[t] > bm->gain[end]) &&
			    bmatch_path_ok(bm, start, t)) {
				if (end == UINT32_MAX)
					stop = scan + BMATCH_END_SCAN;
				end = t;
			}
		}
		scan += j - g->adj_off[x];
	}
	if (end != UINT32_MAX) {
		bmatch_path_take(bm, start, end);
		bmatch_unmark(bm, 0);
		if (nstates > bm->most_found)
			bm->most_found = nstates;
		return 1;
	}
	/* Dead ends stay marked, unless another search may end at V, or the
	 * search gave up before it knew. */
	if (forget)
		bmatch_unmark(bm, 0);
	bm->failed += nstates;
	return 0;
}

/* The most states the next shortfall search may scan
 * (BMATCH_FAILED_TIMES): none until the failures have cost enough. */
static size_t
bmatch_state_cap(const struct bmatch *bm)
{
	size_t cap;

	if (bm->failed <= BMATCH_FAILED_TIMES * 2 * (size_t)bm->g->n)
		return SIZE_MAX;
	cap = BMATCH_CAP_TIMES * bm->most_found;
	return cap > BMATCH_CAP_MIN ? cap : BMATCH_CAP_MIN;
}

/* Flip edge K and return what that does to the shortfall: +1 for each
 * end that had fewer than its floor and gains, -1 for each that drops
 * to below it. */
static int
bmatch_step(struct bmatch *bm, uint32_t k)
{
	const struct edge *e = &bm->g->edges[k];
	int c;

	if (bm->sel[k] == BMATCH_UNUSED)
		c = (bm->deg[e->a] < bm->floor[e->a]) +
		    (bm->deg[e->b] < bm->floor[e->b]);
	else
		c = -(bm->deg[e->a] <= bm->floor[e->a]) -
		    (bm->deg[e->b] <= bm->floor[e->b]);
	bmatch_flip(bm, k);
	return c;
}

/*
 * Depth first over alternating trails from X (IN: reached by an added
 * edge, so the next is dropped; else the next is added), no edge twice,
 * flipping as it goes: a node may come back at either parity, so a
 * blossom that hides a path from the breadth-first search does not hide
 * it here.  Ends when the shortfall has shrunk (COV > 0) and nobody is
 * over their cap or a quota, and keeps the flips; returns 1 then, else
 * undoes them.  A node it leaves over a quota ends that branch.
 * DEPTH: edges left to the trail.
 */
static int
bmatch_trail(struct bmatch *bm, uint32_t x, int in, int cov, unsigned depth)
{
	const struct graph *g = bm->g;
	uint32_t j, k, y;
	int c;

	if (depth == 0)
		return 0;
	for (j = g->adj_off[x]; j < g->adj_off[x + 1]; j++) {
		k = g->adj[j];
		if (bm->mark[k] || !bmatch_alternates(bm, j, in))
			continue;
		if (bm->work == 0)
			return 0;
		bm->work--;
		y = bm->nbr[j];
		if (!in && bm->deg[y] > bm->cap[y])
			continue;
		c = cov + bmatch_step(bm, k);
		if (bmatch_over(bm, x)) {
			/* X is done with, over a quota: not this way. */
			bmatch_flip(bm, k);
			continue;
		}
		bm->mark[k] = 1;
		if ((in || bm->deg[y] <= bm->cap[y]) && c > 0 &&
		    bm->qover == 0) {
			bm->mark[k] = 0;
			return 1;
		}
		if (bmatch_trail(bm, y, !in, c, depth - 1)) {
			bm->mark[k] = 0;
			return 1;
		}
		bm->mark[k] = 0;
		bmatch_flip(bm, k);
	}
	return 0;
}

/* One more edge for V by a trail, the short ones first, within *LEFT
 * steps (what it used is taken off).  Returns 1 if one was flipped. */
static int
bmatch_deepen(struct bmatch *bm, uint32_t v, size_t *left)
{
	size_t i, start;

	for (i = 0; i < sizeof bmatch_trail_depths /
	    sizeof bmatch_trail_depths[0] && *left > 0; i++) {
		bm->work = *left < BMATCH_TRAIL_WORK ? *left :
		    BMATCH_TRAIL_WORK;
		start = bm->work;
		if (bmatch_trail(bm, v, 0, 0, bmatch_trail_depths[i])) {
#ifdef BMATCH_CHECK_COUNTS
			bmatch_deepened++;
#endif
			*left -= start - bm->work;
			bm->gen++;	/* the proofs were for the old selection */
			return 1;
		}
		*left -= start - bm->work;
	}
	return 0;
}

/*
 * Whether V, below the floor, provably gets no more edges by a trail:
 * no state a trail from V can reach, alternating walks over the
 * selection as it is, is an end.  A trail uses no edge twice, so each
 * edge is in its first state when the trail takes it, and every node it
 * passes through gains one and loses one: whether it ends well hangs on
 * the degrees it found, as here.  With quotas a trail may be cut short
 * by one, so nothing is proved.  What a proof met that cannot reach
 * IN(V) either (an end for everyone else) reaches no end of anyone:
 * it stays dead, and later proofs stop there, until a trail is flipped.
 * So the proofs for all those nobody can fill cost about one pass over
 * the graph, where their trails spent the whole budget.
 */
static int
bmatch_stuck(struct bmatch *bm, uint32_t v)
{
	const struct graph *g = bm->g;
	size_t qh = 0, qt = 0;
	uint32_t s, t, x, j, last;
	int in;

	if (g->quota != NULL)
		return 0;
	if (++bm->nstamp == 0) {
		memset(bm->stamp, 0, 2 * g->n * sizeof *bm->stamp);
		bm->nstamp = 1;
	}
	bm->stamp[BMATCH_OUT(v)] = bm->nstamp;
	bm->queue[qt++] = BMATCH_OUT(v);
	while (qh < qt) {
		s = bm->queue[qh++];
		x = s / 2;
		in = s & 1;
		last = in ? bmatch_top(bm, x) : g->adj_off[x + 1];
		for (j = in ? bmatch_chosen_from(bm, g->adj_off[x], last) :
		    g->adj_off[x]; j < last; j = bmatch_scan_next(bm, j, last, in)) {
			if (!bmatch_alternates(bm, j, in))
				continue;
			t = in ? BMATCH_OUT(bm->nbr[j]) : BMATCH_IN(bm->nbr[j]);
			if (bm->stamp[t] == bm->nstamp || bm->dead[t] == bm->gen)
				continue;
			if (bmatch_is_end(bm, v, t))
				return 0;
			bm->stamp[t] = bm->nstamp;
			bm->queue[qt++] = t;
		}
	}
	if (bm->stamp[BMATCH_IN(v)] != bm->nstamp)
		for (qh = 0; qh < qt; qh++)
			bm->dead[bm->queue[qh]] = bm->gen;
	return 1;
}

/* The path at hand changes shortfall by COV and weight by W: keep it if
 * it is the best so far, and nobody is over a quota. */
static void
bmatch_consider(struct bmatch *bm, int cov, double w)
{
	if (bm->qover != 0)
		return;		/* somebody is over a quota */
	if (cov < bm->best_cov || (cov == bm->best_cov &&
	    w <= bm->best_w + bm->eps))
		return;
	bm->best_cov = cov;
	bm->best_w = w;
	memcpy(bm->best, bm->path, bm->npath * sizeof *bm->path);
	bm->nbest = bm->npath;
}

/*
 * X has room (it is the start, or just dropped an edge): add one of its
 * unused edges, and if the other end overflows, drop one of that end's
 * weakest and go on from there.  COV and W are the gains so far; ADDS
 * the edges added.  Leaves the selection as it found it.
 */
static void
bmatch_grow(struct bmatch *bm, uint32_t x, int cov, double w, int adds)
{
	const struct graph *g = bm->g;
	uint32_t j, jj, k, kk, y, z;
	int tried = 0, dropped, c1, c2;
	double w1;

	if (bm->deg[x] >= bm->cap[x])
		return;
	for (j = g->adj_off[x]; j < g->adj_off[x + 1]; j++) {
		if (!bmatch_alternates(bm, j, 0) || bm->mark[k = g->adj[j]])
			continue;
		/* Every prefix gains: lighter edges cannot, nor any after. */
		if (w + bm->adjw[j] <= bm->eps || tried++ >= BMATCH_BRANCH_ADD ||
		    bm->work == 0)
			break;
		bm->work--;
		y = bm->nbr[j];
		if (bm->deg[y] > bm->cap[y])
			continue;
		c1 = cov + (bm->deg[x] < bm->floor[x]) +
		    (bm->deg[y] < bm->floor[y]);
		w1 = w + bm->adjw[j];
		bmatch_flip_at(bm, x, j);
		if (bmatch_over(bm, x)) {
			bmatch_flip_at(bm, x, j);	/* X over a quota */
			continue;
		}
		bm->mark[k] = 1;
		bm->path[bm->npath++] = k;
		if (bm->deg[y] <= bm->cap[y] && !bmatch_over(bm, y))
			bmatch_consider(bm, c1, w1);
		else {
			/* Y overflows its cap or a quota: drop its weakest
			 * chosen edges in turn, those that mend it. */
			dropped = 0;
			for (jj = bmatch_top(bm, y); jj-- > g->adj_off[y] &&
			    dropped < BMATCH_BRANCH_DROP;) {
				if (!bmatch_alternates(bm, jj, 1) ||
				    bm->mark[kk = g->adj[jj]])
					continue;
				z = bm->nbr[jj];
				c2 = c1 - (bm->deg[z] <= bm->floor[z]);
				bmatch_flip_at(bm, y, jj);
				if (bmatch_over(bm, y)) {
					bmatch_flip_at(bm, y, jj);
					continue;
				}
				dropped++;
				bm->mark[kk] = 1;
				bm->path[bm->npath++] = kk;
				bmatch_consider(bm, c2, w1 - bm->adjw[jj]);
				if (adds + 1 < BMATCH_MAX_ADDS)
					bmatch_grow(bm, z, c2,
					    w1 - bm->adjw[jj], adds + 1);
				bm->npath--;
				bm->mark[kk] = 0;
				bmatch_flip_at(bm, y, jj);
			}
		}
		bm->npath--;
		bm->mark[k] = 0;
		bmatch_flip_at(bm, x, j);
	}
}

/*
 * The best improving path or cycle through S: from S's room, or after
 * dropping one of its chosen edges.  Flips it and marks the nodes it
 * touches dirty; returns 1 if one was found.
 */
static int
bmatch_improve(struct bmatch *bm, uint32_t s)
{
	const struct graph *g = bm->g;
	uint32_t j, k, z;
	size_t i;
	int cov;

	bm->best_cov = 0;
	bm->best_w = 0;
	bm->nbest = 0;
	bm->work = bm->start_work < bm->budget ? bm->start_work : bm->budget;
	bm->npath = 0;
	if (bm->deg[s] < bm->cap[s])
		bmatch_grow(bm, s, 0, 0, 0);
	for (j = g->adj_off[s]; j < bmatch_top(bm, s); j++) {
		if (!bmatch_alternates(bm, j, 1))
			continue;
		k = g->adj[j];
		z = bm->nbr[j];
		cov = -(bm->deg[s] <= bm->floor[s]) -
		    (bm->deg[z] <= bm->floor[z]);
		bmatch_flip_at(bm, s, j);
		bm->mark[k] = 1;
		bm->path[bm->npath++] = k;
		bmatch_grow(bm, z, cov, -bm->adjw[j], 0);
		bm->npath--;
		bm->mark[k] = 0;
		bmatch_flip_at(bm, s, j);
	}
	bm->budget -= (bm->start_work < bm->budget ? bm->start_work :
	    bm->budget) - bm->work;
	if (bm->nbest == 0)
		return 0;
	bm->gained += bm->best_w;
	bm->covered |= bm->best_cov > 0;
	for (i = 0; i < bm->nbest; i++) {
		k = bm->best[i];
		bmatch_flip(bm, k);
		bm->dirty[g->edges[k].a] = 1;
		bm->dirty[g->edges[k].b] = 1;
	}
	return 1;
}

/* Search from the nodes of ACT (NACT, in rank order) marked dirty for
 * improvements, and again from those they touch, until none is left or
 * the passes run out; on a large graph, only if a sample of the starts
 * gains enough of TOTAL, the weight chosen when it began. */
static void
bmatch_polish(struct bmatch *bm, const uint32_t *act, size_t nact,
    double total)
{
	size_t i, s, sampled, ndirty = 0;
	uint32_t v;
	int pass, again;

	for (i = 0; i < nact; i++)
		ndirty += bm->dirty[act[i]];
	if (ndirty >= BMATCH_SAMPLE_MIN) {
		bm->gained = 0;
		bm->covered = 0;
		/* Every (NDIRTY / BMATCH_SAMPLE)th dirty node: S counts
		 * them, SAMPLED those searched. */
		for (i = 0, s = 0, sampled = 0; i < nact; i++) {
			v = act[i];
			if (!bm->dirty[v] || s++ % (ndirty / BMATCH_SAMPLE) != 0)
				continue;
			bm->dirty[v] = 0;
			bmatch_improve(bm, v);
			sampled++;
		}
		if (!bm->covered && bm->gained < total * BMATCH_MIN_GAIN *
		    (double)sampled / (double)ndirty)
			return;
	}
	for (pass = 0, again = 1; again && pass < BMATCH_PASSES &&
	    bm->budget > 0; pass++) {
		again = 0;
		for (i = 0; i < nact; i++) {
			if (!bm->dirty[act[i]])
				continue;
			bm->dirty[act[i]] = 0;
			if (bmatch_improve(bm, act[i]))
				again = 1;
		}
	}
}

/* The weight chosen so far. */
static double
bmatch_weight(const struct bmatch *bm)
{
	double w = 0;
	size_t k;

	for (k = 0; k < bm->g->nedges; k++)
		if (bm->sel[k] != BMATCH_UNUSED)
			w += bm->g->edges[k].w;
	return w;
}

/* Choose the edges FROM flags (an earlier selection) that fit, in their
 * order: the caps and quotas may have changed since. */
static void
bmatch_begin(struct bmatch *bm, const unsigned char *from)
{
	const struct graph *g = bm->g;
	const struct edge *e;
	size_t k;

	for (k = 0; k < g->nedges; k++) {
		e = &g->edges[k];
		if (from[k] && bm->deg[e->a] < bm->cap[e->a] &&
		    bm->deg[e->b] < bm->cap[e->b] && bmatch_fits(bm, (uint32_t)k))
			bmatch_flip(bm, (uint32_t)k);
	}
}

/* Mark dirty the ends of every edge chosen now and not in FROM, or the
 * other way; returns how many nodes are. */
static size_t
bmatch_changed(struct bmatch *bm, const unsigned char *from)
{
	const struct graph *g = bm->g;
	size_t k, n = 0;
	uint32_t ends[2], i;

	for (k = 0; k < g->nedges; k++) {
		if ((bm->sel[k] == BMATCH_CHOSEN) == (from[k] != 0))
			continue;
		ends[0] = g->edges[k].a;
		ends[1] = g->edges[k].b;
		for (i = 0; i < 2; i++) {
			n += !bm->dirty[ends[i]];
			bm->dirty[ends[i]] = 1;
		}
	}
	return n;
}

/* A shortfall pass over ACT (NACT) begins, called WHAT: its progress
 * counts the introductions missing below the floors (graph.progress). */
static void
bmatch_short_start(struct bmatch *bm, struct progress *pr,
    const uint32_t *act, size_t nact, const char *what)
{
	size_t i;
	uint32_t v;

	bm->missing = 0;
	for (i = 0; i < nact; i++) {
		v = act[i];
		if (bm->deg[v] < bm->floor[v])
			bm->missing += bm->floor[v] - bm->deg[v];
	}
	bm->missing_start = bm->missing;
	progress_start(pr, bm->g->progress, what, bm->missing);
}

/* The pass comes to V: the introductions filled so far are done (those
 * it gives up on never count, and the last line says 100% anyway). */
static void
bmatch_short_next(struct bmatch *bm, struct progress *pr, uint32_t v)
{
	if (bm->deg[v] < bm->floor[v])
		progress_update(pr, bm->missing_start - bm->missing);
}

void
bmatch_run(const struct graph *g, const uint32_t *cap, const uint32_t *floor,
    unsigned char *sel, uint32_t *deg)
{
	struct bmatch bm;
	size_t i, nact, n = g->n ? g->n : 1, m = g->nedges ? g->nedges : 1;
	uint32_t *act, v;
	size_t trail, found_at, ndirty;
	unsigned char *from = NULL;
	double maxw = 0;
	struct progress pr;

	memset(&bm, 0, sizeof bm);
	bm.g = g;
	bm.cap = cap;
	bm.floor = floor;
	bm.sel = sel;
	bm.deg = deg;
	memset(deg, 0, g->n * sizeof *deg);
	bm.qdeg = xcalloc((size_t)g->nquota * n + 1, sizeof *bm.qdeg);
	for (i = 0; i < g->nedges; i++) {
		if (sel[i] == BMATCH_START) {
			if (from == NULL)
				from = xcalloc(m, 1);
			from[i] = 1;
			sel[i] = BMATCH_UNUSED;
		} else if (sel[i] != BMATCH_UNUSED) {
			sel[i] = BMATCH_PINNED;
			deg[g->edges[i].a]++;
			deg[g->edges[i].b]++;
			bmatch_quota(&bm, (uint32_t)i, 1);
		}
		if (g->edges[i].w > maxw)
			maxw = g->edges[i].w;
	}
	bm.eps = maxw > 0 ? maxw * 1e-9 : 1e-12;
	bmatch_index(&bm);
	bm.prev = xcalloc(2 * n, sizeof *bm.prev);
	bm.via = xcalloc(2 * n, sizeof *bm.via);
	bm.dist = xcalloc(2 * n, sizeof *bm.dist);
	bm.gain = xcalloc(2 * n, sizeof *bm.gain);
	bm.seen = xcalloc(2 * n, 1);
	bm.touched = xcalloc(2 * n, sizeof *bm.touched);
	bm.queue = xcalloc(2 * n, sizeof *bm.queue);
	bm.level = xcalloc(2 * n, sizeof *bm.level);
	bm.mark = xcalloc(m, 1);
	bm.stamp = xcalloc(2 * n, sizeof *bm.stamp);
	bm.dead = xcalloc(2 * n, sizeof *bm.dead);
	bm.gen = 1;
	bm.path = xcalloc(2 * BMATCH_MAX_ADDS + 2, sizeof *bm.path);
	bm.best = xcalloc(2 * BMATCH_MAX_ADDS + 2, sizeof *bm.best);
	bm.dirty = xcalloc(n, 1);

	if (from != NULL)
		bmatch_begin(&bm, from);
	bmatch_greedy(&bm);
	nact = graph_active_by_rank(g, &act);
	bm.start_work = BMATCH_WORK / (nact ? nact : 1);
	if (bm.start_work < BMATCH_WORK_MIN)
		bm.start_work = BMATCH_WORK_MIN;
	if (bm.start_work > BMATCH_WORK_MAX)
		bm.start_work = BMATCH_WORK_MAX;
	bm.budget = BMATCH_WORK + BMATCH_WORK_EDGE * g->nedges;
	bmatch_ends_start(&bm);
#ifdef BMATCH_CHECK_COUNTS
	bmatch_ends_check(&bm);
#endif
	bmatch_short_start(&bm, &pr, act, nact, "introducing those left short");
	for (i = 0; i < nact; i++) {
		v = act[i];
		bmatch_short_next(&bm, &pr, v);
		while (bm.deg[v] < bm.floor[v] && bmatch_augment(&bm, v))
			;
	}
	progress_end(&pr);
	bmatch_ends_stop(&bm);
	trail = BMATCH_TRAIL_TOTAL + BMATCH_TRAIL_EDGE * g->nedges;
	if (trail > BMATCH_TRAIL_MAX)
		trail = BMATCH_TRAIL_MAX;
	found_at = trail;
	bmatch_short_start(&bm, &pr, act, nact,
	    "searching deeper for those still short");
	for (i = 0; i < nact; i++) {
		v = act[i];
		bmatch_short_next(&bm, &pr, v);
		/* A proof only spares trails: none are left to spare. */
		while (bm.deg[v] < bm.floor[v] && trail > 0 &&
		    !bmatch_stuck(&bm, v) && bmatch_deepen(&bm, v, &trail))
			found_at = trail;
		if (found_at - trail > BMATCH_TRAIL_DRY)
			trail = 0;
	}
	progress_end(&pr);
	/* From scratch, every node is searched; from an earlier selection,
	 * those whose edges changed, within their share of the budget. */
	if (from == NULL) {
		for (i = 0; i < nact; i++)
			bm.dirty[act[i]] = 1;
	} else {
		ndirty = bmatch_changed(&bm, from);
		bm.budget = (size_t)((double)bm.budget * ndirty /
		    (nact ? nact : 1));
		bm.start_work = bm.start_work / BMATCH_WARM_DIV + 1;
	}
	bmatch_polish(&bm, act, nact, bmatch_weight(&bm));
	free(act);
	free(from);

	for (i = 0; i < g->nedges; i++)
		sel[i] = sel[i] != BMATCH_UNUSED;
	free(bm.nbr);
	free(bm.adjw);
	free(bm.mir);
	free(bm.asel);
	free(bm.cbits);
	free(bm.pos);
	free(bm.top);
	free(bm.prev);
	free(bm.via);
	free(bm.dist);
	free(bm.gain);
	free(bm.seen);
	free(bm.touched);
	free(bm.queue);
	free(bm.level);
	free(bm.mark);
	free(bm.stamp);
	free(bm.dead);
	free(bm.path);
	free(bm.best);
	free(bm.dirty);
	free(bm.qdeg);
}
