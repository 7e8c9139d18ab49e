/*
 * seating.c -- tables for one or more rounds (see seating.h).
 *
 * 1. Start (seating_start.c): an exact finite-field schedule where the
 *    sizes allow one, a "freedom" greedy for tight schedules, else a
 *    greedy by repeat meetings, vetoes and scores.
 * 2. Repair: tabu search over swaps of two people in one round, moving
 *    someone with a bad relation (a repeat meeting or a veto) -- the
 *    approach of Dotu and Van Hentenryck for the social golfer problem.
 *    The best allowed swap is taken (ties at random); a swapped pair may
 *    not swap back for a few iterations unless that beats the best count
 *    so far; after a long stall the search goes back to the best schedule
 *    seen and kicks it with a few random swaps.  Large instances sample
 *    swaps instead of trying them all.
 * 3. Polish: swaps that seat people with their candidates, keeping the
 *    schedule valid, while they raise the total score.
 * Each phase has a step budget (moves evaluated) derived from the sizes.
 * The counts that make a move cheap to judge are kept by seating_state.c.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pairmap.h"
#include "progress.h"
#include "rng.h"
#include "seating.h"
#include "seating_start.h"
#include "seating_state.h"
#include "seating_veto.h"
#include "util.h"

/* Pairs counted in a dense matrix up to this many people. */
#define SEAT_DENSE_MAX		2048

/* O(1) swap judging (seating.rep) up to this many counters. */
#define SEAT_REP_MAX		(4u << 20)

/* Tabu on (round, pair) up to this many people, else (round, person). */
#define SEAT_PAIR_TABU_MAX	256

/* Repair: evaluate every swap while (conflicted people x people) stays
 * below this, else sample this many partners per step. */
#define SEAT_FULL_LIMIT		200000
#define SEAT_SAMPLE		128

/* Repair: tabu tenure is 1 + up to this (short tenures did best on the
 * 10 x 4 x 10 golfers); stall length before a restart from the best
 * schedule, and random swaps then. */
#define SEAT_TENURE		5
#define SEAT_STALL		4000
#define SEAT_KICK		3

/* Repair budget: moves evaluated (judged in O(1), else by looking at
 * both tables). */
#define SEAT_REPAIR_FAST	200000000ULL
#define SEAT_REPAIR_SLOW	20000000ULL
#define SEAT_REPAIR_PER		200

/* Polish: candidates looked at per person and round; budget. */
#define SEAT_POLISH_NEIGH	6
#define SEAT_POLISH_BASE	2000000ULL
#define SEAT_POLISH_PER		20

/* A scored swap of p and q in round r. */
struct seat_move {
	uint32_t r, p, q;
	int32_t dc;		/* change in bad relations */
	double ds;		/* change in score */
};

/* Repair state: tabu marks and the best schedule seen. */
struct seat_tabu {
	uint32_t *mark;		/* iteration until which a move is tabu */
	int pairwise;		/* mark[(r * n + p) * n + q], else [r * n + p] */
	uint32_t *best;		/* slots of the best schedule */
	int64_t best_conf;
};

static void	seat_eval(struct seating *, struct seat_move *);
static int	seat_better(const struct seat_move *, const struct seat_move *);
static int	seat_tabu(const struct seating *, const struct seat_tabu *,
		    uint32_t, uint32_t, uint32_t, uint32_t);
static void	seat_restart(struct seating *, struct seat_tabu *);
static void	seat_tabu_init(const struct seating *, struct seat_tabu *);
static void	seat_tabu_mark(const struct seating *, struct seat_tabu *,
		    const struct seat_move *, uint32_t);
static int	seat_pick(struct seating *, const struct seat_tabu *,
		    uint32_t, int64_t, struct seat_move *);
static int	seat_repair(struct seating *, uint64_t);
static double	seat_gain(struct seating *, uint32_t, uint32_t, uint32_t,
		    const double *);
static void	seat_weights(const struct seating *, uint32_t, double *,
		    int);
static void	seat_polish_table(struct seating *, uint32_t, uint32_t,
		    uint32_t, uint32_t, const double *, struct seat_move *);
static int	seat_polish_one(struct seating *, uint32_t, uint32_t,
		    double *);
static void	seat_polish(struct seating *, uint64_t);
static void	seat_init(struct seating *, struct assign_ctx *,
		    const uint32_t *, uint32_t, uint32_t, uint32_t, uint64_t);
static uint64_t	seat_round_pairs(const struct seating *);
static uint64_t	seat_all_pairs(const struct seating *);
static int	seat_count(const struct seating *, uint32_t, char **);
static void	seat_pins(struct seating *);
static void	seat_quotas(struct seating *);
static void	seat_alloc(struct seating *);
static void	seat_start(struct seating *);
static void	seat_rep_init(struct seating *);
static int	seat_oracle_failed(struct seating *, char **);
static int	seat_solve(struct seating *, uint32_t, uint64_t, char **);
static int	seat_hint_size(const struct seating *, uint32_t, uint32_t,
		    char **);
static int	seat_prepare(struct seating *, struct assign_ctx *,
		    const uint32_t *, uint32_t, uint32_t, uint32_t, uint64_t,
		    char **);

uint32_t
seating_tables(uint32_t n, uint32_t g, uint32_t **size)
{
	uint32_t t, i, base, extra;

	if (g < 2)
		g = 2;
	t = (n + g - 1) / g;
	if (t > 1 && n / t < 2)
		t = n / g;	/* no table of one: g = 2, n odd */
	if (t == 0)
		t = 1;
	*size = xcalloc(t, sizeof **size);
	base = n / t;
	extra = n % t;
	for (i = 0; i < t; i++)
		(*size)[i] = base + (i < extra);
	return t;
}

/* Fill in mv->dc and mv->ds for swapping mv->p and mv->q. */
static void
seat_eval(struct seating *s, struct seat_move *mv)
{
	uint32_t n = s->n, T = s->tables, r = mv->r, p = mv->p, q = mv->q;
	uint32_t a, b, i, x;
	const uint32_t *row = s->slot + (size_t)r * n, *rp, *rq;
	int32_t dc = 0;
	double ds = 0;

	a = s->tab[r * n + p];
	b = s->tab[r * n + q];
	s->steps++;
	if (s->rep != NULL) {
		rp = s->rep + ((size_t)r * n + p) * T;
		rq = s->rep + ((size_t)r * n + q) * T;
		mv->dc = (int32_t)(rp[b] + rq[a]) - (int32_t)(rp[a] + rq[b]) -
		    2 * (seating_state_meet(s, p, q) >= 1);
		mv->ds = 0;
		return;
	}
	for (i = s->start[a]; i < s->start[a] + s->size[a]; i++) {
		if ((x = row[i]) == p)
			continue;
		dc -= seating_state_meet(s, p, x) >= 2;
		dc += seating_state_meet(s, q, x) >= 1;
		if (s->any_veto)
			dc += seating_state_veto(s, q, x) -
			    seating_state_veto(s, p, x);
		if (r == 0 && s->npins > 0)
			dc += seating_state_pinned(s, p, x) -
			    seating_state_pinned(s, q, x);
		ds += seating_state_weight(s, q, x) -
		    seating_state_weight(s, p, x);
	}
	for (i = s->start[b]; i < s->start[b] + s->size[b]; i++) {
		if ((x = row[i]) == q)
			continue;
		dc -= seating_state_meet(s, q, x) >= 2;
		dc += seating_state_meet(s, p, x) >= 1;
		if (s->any_veto)
			dc += seating_state_veto(s, p, x) -
			    seating_state_veto(s, q, x);
		if (r == 0 && s->npins > 0)
			dc += seating_state_pinned(s, q, x) -
			    seating_state_pinned(s, p, x);
		ds += seating_state_weight(s, p, x) -
		    seating_state_weight(s, q, x);
	}
	dc += seating_state_quota_swap(s, r, p, q);
	mv->dc = dc;
	mv->ds = ds;
}

/* Is move A better than B (fewer bad relations, then more score)? */
static int
seat_better(const struct seat_move *a, const struct seat_move *b)
{
	if (a->dc != b->dc)
		return a->dc < b->dc;
	return a->ds > b->ds + 1e-12;
}

/* May p and q swap in round r at iteration IT? */
static int
seat_tabu(const struct seating *s, const struct seat_tabu *tb, uint32_t r,
    uint32_t p, uint32_t q, uint32_t it)
{
	size_t n = s->n;

	if (tb->pairwise)
		return tb->mark[((size_t)r * n + p) * n + q] >= it;
	return tb->mark[r * n + p] >= it || tb->mark[r * n + q] >= it;
}

/* Back to the best schedule seen, then a few random swaps. */
static void
seat_restart(struct seating *s, struct seat_tabu *tb)
{
	uint32_t n = s->n, j, r, p, q;

	memcpy(s->slot, tb->best, (size_t)s->rounds * n * sizeof *s->slot);
	seating_state_rebuild(s);
	for (j = 0; j < SEAT_KICK; j++) {
		r = (uint32_t)rng_below(&s->rng, s->rounds);
		p = s->slot[(size_t)r * n + rng_below(&s->rng, n)];
		q = s->slot[(size_t)r * n + rng_below(&s->rng, n)];
		if (s->tab[r * n + q] != s->tab[r * n + p])
			seating_state_swap(s, r, p, q);
	}
}

/* Empty tabu marks, and the start as the best schedule so far. */
static void
seat_tabu_init(const struct seating *s, struct seat_tabu *tb)
{
	uint32_t n = s->n;

	memset(tb, 0, sizeof *tb);
	tb->pairwise = n <= SEAT_PAIR_TABU_MAX;
	tb->mark = xcalloc(tb->pairwise ? (size_t)s->rounds * n * n + 1 :
	    (size_t)s->rounds * n + 1, sizeof *tb->mark);
	tb->best = xcalloc((size_t)s->rounds * n + 1, sizeof *tb->best);
	memcpy(tb->best, s->slot, (size_t)s->rounds * n * sizeof *s->slot);
	tb->best_conf = s->conflicts;
}

/* Forbid MV's two people to swap back until iteration UNTIL. */
static void
seat_tabu_mark(const struct seating *s, struct seat_tabu *tb,
    const struct seat_move *mv, uint32_t until)
{
	uint32_t n = s->n;

	if (tb->pairwise) {
		tb->mark[((size_t)mv->r * n + mv->p) * n + mv->q] = until;
		tb->mark[((size_t)mv->r * n + mv->q) * n + mv->p] = until;
	} else {
		tb->mark[mv->r * n + mv->p] = until;
		tb->mark[mv->r * n + mv->q] = until;
	}
}

/*
 * The best swap at iteration IT of someone with a bad relation (ties at
 * random): every partner of everyone bad when that is few, else a sample.
 * A tabu swap counts only if it beats LOCAL_BEST.  Sets *best (best->r =
 * UINT32_MAX if there is none) and returns whether any swap was judged.
 */
static int
seat_pick(struct seating *s, const struct seat_tabu *tb, uint32_t it,
    int64_t local_best, struct seat_move *best)
{
	struct seat_move mv;
	uint32_t n = s->n, i, j, k, r, p, q, ci, nci, ties = 0;
	int full, evaluated = 0;

	full = (uint64_t)s->nconf * n <= SEAT_FULL_LIMIT;
	best->r = UINT32_MAX;
	best->dc = 0;
	best->ds = 0;
	nci = full ? s->nconf : 1;
	for (ci = 0; ci < nci; ci++) {
		i = full ? s->conf[ci] : s->conf[rng_below(&s->rng, s->nconf)];
		r = i / n;
		p = i % n;
		for (j = 0; j < (full ? n : SEAT_SAMPLE); j++) {
			k = full ? j : (uint32_t)rng_below(&s->rng, n);
			q = s->slot[(size_t)r * n + k];
			if (s->tab[r * n + q] == s->tab[r * n + p])
				continue;
			mv.r = r;
			mv.p = p;
			mv.q = q;
			seat_eval(s, &mv);
			evaluated = 1;
			if (seat_tabu(s, tb, r, p, q, it) &&
			    s->conflicts + mv.dc >= local_best)
				continue;
			if (best->r == UINT32_MAX || seat_better(&mv, best)) {
				*best = mv;
				ties = 1;
			} else if (!seat_better(best, &mv) &&
			    rng_below(&s->rng, ++ties) == 0)
				*best = mv;
		}
	}
	return evaluated;
}

/* Tabu search until no bad relation is left.  Returns 0 on success, -1
 * when the budget ran out or the oracle failed. */
static int
seat_repair(struct seating *s, uint64_t budget)
{
	struct seat_tabu tb;
	struct seat_move best;
	uint32_t it = 0;
	uint64_t stall = 0;
	int64_t local_best = s->conflicts;
	int evaluated;

	seat_tabu_init(s, &tb);
	while (s->conflicts > s->least && !s->failed && s->steps < budget) {
		it++;
		evaluated = seat_pick(s, &tb, it, local_best, &best);
		s->steps++;	/* an iteration costs a step, moves or not */
		if (best.r == UINT32_MAX) {
			if (!evaluated)
				break;	/* one table: nothing to swap */
			continue;	/* everything tabu: wait it out */
		}
		seating_state_swap(s, best.r, best.p, best.q);
		seat_tabu_mark(s, &tb, &best,
		    it + 1 + (uint32_t)rng_below(&s->rng, SEAT_TENURE));
		if (s->conflicts < tb.best_conf) {
			tb.best_conf = s->conflicts;
			memcpy(tb.best, s->slot,
			    (size_t)s->rounds * s->n * sizeof *s->slot);
		}
		if (s->conflicts < local_best) {
			local_best = s->conflicts;
			stall = 0;
		} else if (++stall > SEAT_STALL) {
			seat_restart(s, &tb);
			local_best = s->conflicts;
			stall = 0;
		}
	}
	if (s->c->m->best_effort && s->conflicts > tb.best_conf) {
		/* Back to the fewest bad relations seen. */
		memcpy(s->slot, tb.best,
		    (size_t)s->rounds * s->n * sizeof *s->slot);
		seating_state_rebuild(s);
	}
	free(tb.mark);
	free(tb.best);
	return s->conflicts > s->least || s->failed ? -1 : 0;
}

/*
 * Score change of swapping p (at table A, weights to p in WP) with q in
 * round r, without the conflict check: the cheap half of seat_eval().
 */
static double
seat_gain(struct seating *s, uint32_t r, uint32_t p, uint32_t q,
    const double *wp)
{
	uint32_t n = s->n, a, b, i, x;
	const uint32_t *row = s->slot + (size_t)r * n;
	double ds = 0;

	a = s->tab[r * n + p];
	b = s->tab[r * n + q];
	for (i = s->start[a]; i < s->start[a] + s->size[a]; i++)
		if ((x = row[i]) != p)
			ds += seating_state_weight(s, q, x) - wp[x];
	for (i = s->start[b]; i < s->start[b] + s->size[b]; i++)
		if ((x = row[i]) != q)
			ds += wp[x] - seating_state_weight(s, q, x);
	return ds;
}

/* For NODE's candidates x among S's people: WP[x] = the edge's weight
 * (ON), or 0 again. */
static void
seat_weights(const struct seating *s, uint32_t node, double *wp, int on)
{
	const struct graph *g = s->c->g;
	uint32_t j, x;

	for (j = g->adj_off[node]; j < g->adj_off[node + 1]; j++) {
		x = s->local[graph_other(&g->edges[g->adj[j]], node)];
		if (x != UINT32_MAX)
			wp[x] = on ? g->edges[g->adj[j]].w : 0;
	}
}

/* Better than *BEST: a swap of p with someone at table T (but not X) in
 * round r that raises the score and turns nothing bad.  The score change
 * is worked out first (weights to p in WP), the conflict check only for
 * a swap that would beat the best so far. */
static void
seat_polish_table(struct seating *s, uint32_t r, uint32_t p, uint32_t x,
    uint32_t t, const double *wp, struct seat_move *best)
{
	struct seat_move mv;
	uint32_t n = s->n, i, q;
	double ds;

	for (i = s->start[t]; i < s->start[t] + s->size[t]; i++) {
		q = s->slot[(size_t)r * n + i];
		if (q == x)
			continue;
		s->steps++;
		ds = seat_gain(s, r, p, q, wp);
		if (ds <= best->ds)
			continue;
		mv.r = r;
		mv.p = p;
		mv.q = q;
		seat_eval(s, &mv);
		if (mv.dc <= 0 && seat_better(&mv, best))
			*best = mv;
	}
}

/* Make the best polishing swap for p in round r that seats p with one of
 * its first candidates.  WP is all 0, and is again on return.  Returns 1
 * if p was moved. */
static int
seat_polish_one(struct seating *s, uint32_t r, uint32_t p, double *wp)
{
	const struct graph *g = s->c->g;
	struct seat_move best = { .r = UINT32_MAX, .ds = 1e-9 };
	uint32_t n = s->n, node = s->node[p], j, nb, x, t;

	seat_weights(s, node, wp, 1);
	for (j = g->adj_off[node], nb = 0; j < g->adj_off[node + 1] &&
	    nb < SEAT_POLISH_NEIGH; j++) {
		x = s->local[graph_other(&g->edges[g->adj[j]], node)];
		if (x == UINT32_MAX)
			continue;
		nb++;
		t = s->tab[r * n + x];
		if (t != s->tab[r * n + p])
			seat_polish_table(s, r, p, x, t, wp, &best);
	}
	seat_weights(s, node, wp, 0);
	if (best.r == UINT32_MAX)
		return 0;
	seating_state_swap(s, best.r, best.p, best.q);
	return 1;
}

/* Swaps that seat people next to their candidates, while the total
 * score rises and nothing turns bad. */
static void
seat_polish(struct seating *s, uint64_t budget)
{
	uint32_t n = s->n, r, p;
	double *wp;
	int improved = 1;
	struct progress pr;
	uint64_t first;

	/* Scores need the full evaluation: drop the O(1) counts. */
	free(s->rep);
	s->rep = NULL;
	wp = xcalloc(n ? n : 1, sizeof *wp);
	first = s->steps;
	progress_start(&pr, s->c->g->progress, "seating for more score",
	    budget > first ? budget - first : 0);
	while (improved && s->steps < budget && !s->failed) {
		improved = 0;
		for (r = 0; r < s->rounds && s->steps < budget; r++) {
			for (p = 0; p < n && s->steps < budget; p++) {
				improved |= seat_polish_one(s, r, p, wp);
				progress_update(&pr, s->steps - first);
			}
		}
	}
	progress_end(&pr);
	free(wp);
}

/* S's fixed part: who the people are, the tables and their slots. */
static void
seat_init(struct seating *s, struct assign_ctx *c, const uint32_t *node,
    uint32_t n, uint32_t group_size, uint32_t rounds, uint64_t seed)
{
	const struct graph *g = c->g;
	uint32_t i, t;

	memset(s, 0, sizeof *s);
	s->c = c;
	s->n = n;
	s->rounds = rounds;
	rng_seed(&s->rng, seed);
	s->node = xcalloc(n ? n : 1, sizeof *s->node);
	memcpy(s->node, node, n * sizeof *node);
	s->local = xcalloc(g->n ? g->n : 1, sizeof *s->local);
	for (i = 0; i < g->n; i++)
		s->local[i] = UINT32_MAX;
	for (i = 0; i < n; i++)
		s->local[node[i]] = i;
	s->tables = seating_tables(n, group_size, &s->size);
	s->start = xcalloc(s->tables, sizeof *s->start);
	for (t = 0; t < s->tables; t++)
		s->start[t] = t ? s->start[t - 1] + s->size[t - 1] : 0;
}

/* Pairs seated together in one round. */
static uint64_t
seat_round_pairs(const struct seating *s)
{
	uint64_t pairs = 0;
	uint32_t t;

	for (t = 0; t < s->tables; t++)
		pairs += (uint64_t)s->size[t] * (s->size[t] - 1) / 2;
	return pairs;
}

/* Pairs among all of S's people. */
static uint64_t
seat_all_pairs(const struct seating *s)
{
	return (uint64_t)s->n * (s->n > 0 ? s->n - 1 : 0) / 2;
}

/*
 * Refuse what counting shows cannot exist: each round everyone meets at
 * least minsize - 1 new people, the rounds cannot use more pairs than
 * there are, and a table of k in one round needs k different tables in
 * another.  Returns 0, or -1 with *cause set.
 */
static int
seat_count(const struct seating *s, uint32_t group_size, char **cause)
{
	uint32_t n = s->n, rounds = s->rounds, t, minsize = s->size[0];
	uint64_t pairs = seat_round_pairs(s), total = seat_all_pairs(s);

	for (t = 0; t < s->tables; t++)
		if (s->size[t] < minsize)
			minsize = s->size[t];
	if (n > 1 && (uint64_t)rounds * (minsize - 1) > n - 1) {
		*cause = xasprintf("no schedule exists: %u people in tables "
		    "of %u for %u rounds would meet someone twice (each "
		    "meets at least %u others a round, %u in all, but there "
		    "are only %u others)", n, group_size, rounds,
		    minsize - 1, rounds * (minsize - 1), n - 1);
		return -1;
	}
	if (n > 1 && rounds * pairs > total) {
		*cause = xasprintf("no schedule exists: %u people in tables "
		    "of %u for %u rounds would meet someone twice (the "
		    "tables seat %llu pairs, but %u people make only %llu)",
		    n, group_size, rounds,
		    (unsigned long long)(rounds * pairs), n,
		    (unsigned long long)total);
		return -1;
	}
	if (rounds > 1 && s->size[0] > s->tables) {
		*cause = xasprintf("no schedule exists: %u people in tables "
		    "of %u for %u rounds would meet someone twice (a table "
		    "of %u needs people from %u different tables of the "
		    "round before, but there are only %u tables)", n,
		    group_size, rounds, s->size[0], s->size[0], s->tables);
		return -1;
	}
	return 0;
}

/* Who is pinned to how many of the people, all apart for now. */
static void
seat_pins(struct seating *s)
{
	const struct graph *g = s->c->g;
	uint32_t a, b;
	size_t k;

	for (k = 0; g->pinned != NULL && k < g->nedges; k++) {
		if (!g->pinned[k])
			continue;
		a = s->local[g->edges[k].a];
		b = s->local[g->edges[k].b];
		if (a == UINT32_MAX || b == UINT32_MAX)
			continue;
		if (s->pins == NULL)
			s->pins = xcalloc(s->n, sizeof *s->pins);
		s->pins[a]++;
		s->pins[b]++;
		s->npins++;
	}
	seating_state_pins_apart(s);
}

/* Each person's quotas, none used yet. */
static void
seat_quotas(struct seating *s)
{
	const struct graph *g = s->c->g;
	uint32_t q, p;

	if (g->nquota == 0 || g->quota == NULL)
		return;
	s->nquota = g->nquota;
	s->qcount = xcalloc((size_t)s->nquota * s->n + 1, sizeof *s->qcount);
	s->qmax = xcalloc((size_t)s->nquota * s->n + 1, sizeof *s->qmax);
	if (s->n <= SEAT_DENSE_MAX)
		s->qbits_dense = xcalloc((size_t)s->n * s->n + 1,
		    sizeof *s->qbits_dense);
	for (q = 0; q < s->nquota; q++)
		for (p = 0; p < s->n; p++)
			s->qmax[q * s->n + p] =
			    g->quota_max[q * g->n + s->node[p]];
}

/* S's changing part, empty: every round unseated, nobody met. */
static void
seat_alloc(struct seating *s)
{
	const struct node_stats *st = s->c->g->stats;
	size_t rn = (size_t)s->rounds * s->n + 1;
	uint32_t i, n = s->n;

	s->slot = xcalloc(rn, sizeof *s->slot);
	s->tab = xcalloc(rn, sizeof *s->tab);
	s->pos = xcalloc(rn, sizeof *s->pos);
	s->bad = xcalloc(rn, sizeof *s->bad);
	s->conf = xcalloc(rn, sizeof *s->conf);
	s->conf_at = xcalloc(rn, sizeof *s->conf_at);
	for (i = 0; i < s->rounds * n; i++) {
		s->tab[i] = UINT32_MAX;
		s->conf_at[i] = UINT32_MAX;
	}
	if (n <= SEAT_DENSE_MAX) {
		s->meet_dense = xcalloc((size_t)n * n + 1, 1);
		s->veto_dense = xcalloc((size_t)n * n + 1, 1);
	} else
		pairmap_init(&s->meet_map, s->rounds * seat_round_pairs(s));
	s->may_veto = xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++) {
		s->may_veto[i] = s->c->oracle != NULL &&
		    st[s->node[i]].vetoed > 0;
		s->any_veto |= s->may_veto[i];
	}
	seat_pins(s);
	seat_quotas(s);
}

/*
 * Fill every round.  Tight schedules (the rounds use at least half of
 * all pairs) try the field construction, else the freedom greedy; the
 * rest take the plain greedy.
 */
static void
seat_start(struct seating *s)
{
	uint32_t r;
	int tight;

	tight = s->rounds > 1 &&
	    2 * s->rounds * seat_round_pairs(s) >= seat_all_pairs(s);
	if (tight && seating_start_field(s) == 0)
		return;
	for (r = 0; r < s->rounds; r++) {
		if (tight)
			seating_start_freedom(s, r);
		else
			seating_start_greedy(s, r);
	}
}

/* Without vetoes, and where they fit, count what judges a swap in O(1)
 * (s->rep). */
static void
seat_rep_init(struct seating *s)
{
	if (s->any_veto || s->npins > 0 || s->qcount != NULL ||
	    (uint64_t)s->rounds * s->n * s->tables > SEAT_REP_MAX)
		return;
	s->rep = xcalloc((size_t)s->rounds * s->n * s->tables + 1,
	    sizeof *s->rep);
	seating_state_count_rep(s);
}

/* If the oracle failed during the search, hand its message to *cause
 * and return -1; else 0. */
static int
seat_oracle_failed(struct seating *s, char **cause)
{
	if (!s->failed)
		return 0;
	*cause = s->cause;
	s->cause = NULL;
	return -1;
}

/* Repair the start until nothing is bad, within BUDGET steps (0: the
 * default for the sizes).  Returns 0, or -1 with *cause set: the oracle
 * failed or the budget ran out. */
static int
seat_solve(struct seating *s, uint32_t group_size, uint64_t budget,
    char **cause)
{
	if (budget == 0)
		budget = (s->rep != NULL ? SEAT_REPAIR_FAST :
		    SEAT_REPAIR_SLOW) +
		    (uint64_t)SEAT_REPAIR_PER * s->n * s->rounds;
	budget += s->steps;
	if (seat_repair(s, budget) == 0)
		return 0;
	if (seat_oracle_failed(s, cause) != 0)
		return -1;
	if (s->c->m->best_effort && s->conflicts == seating_veto_count(s))
		return 0;	/* only vetoed pairs left, as few as found */
	if (s->rounds > 1)
		*cause = xasprintf("no schedule found: %u people in tables "
		    "of %u for %u rounds without anyone meeting twice%s%s%s "
		    "(searched %llu steps)", s->n, group_size, s->rounds,
		    s->any_veto ? " or a vetoed pair together" : "",
		    s->qcount ? " or anyone over a quota" : "",
		    s->npins ? ", with every pinned pair together in "
		    "round 1" : "", (unsigned long long)s->steps);
	else
		*cause = xasprintf("no seating found: %u people in tables "
		    "of %u without a vetoed pair at a table%s%s (searched "
		    "%llu steps)", s->n, group_size, s->qcount ? " or "
		    "anyone over a quota" : "", s->npins ? ", with "
		    "every pinned pair at one" : "",
		    (unsigned long long)s->steps);
	return -1;
}

/* Add to *CAUSE the largest group size below GROUP_SIZE that gives
 * NEED tables, if there is one.  Returns -1. */
static int
seat_hint_size(const struct seating *s, uint32_t group_size, uint32_t need,
    char **cause)
{
	uint32_t g, *size, t;
	char *more;

	for (g = group_size - 1; need > 0 && g >= 2; g--) {
		t = seating_tables(s->n, g, &size);
		free(size);
		if (t < need)
			continue;
		more = xasprintf("%s, or group_size = %u for %u tables",
		    *cause, g, t);
		free(*cause);
		*cause = more;
		break;
	}
	return -1;
}

/* Everything before the repair: S's people and tables, refused by
 * counting or by the vetoes (-1, *cause set) or started (0). */
static int
seat_prepare(struct seating *s, struct assign_ctx *c, const uint32_t *node,
    uint32_t n, uint32_t group_size, uint32_t rounds, uint64_t seed,
    char **cause)
{
	uint32_t need;

	seat_init(s, c, node, n, group_size, rounds, seed);
	if (seat_count(s, group_size, cause) != 0)
		return -1;
	if (seating_veto_check(s, &need, &s->least, cause) != 0) {
		if (!c->m->best_effort)
			return seat_hint_size(s, group_size, need, cause);
		free(*cause);	/* best effort: seat them anyway */
		*cause = NULL;
	}
	seat_alloc(s);
	seat_start(s);
	seat_rep_init(s);
	return 0;
}

uint32_t
seating_rounds_bound(uint32_t n, uint32_t group_size)
{
	uint32_t *size, tables, t, minsize, bound;
	uint64_t pairs = 0, total;

	if (n < 2)
		return 1;
	tables = seating_tables(n, group_size, &size);
	minsize = size[0];
	for (t = 0; t < tables; t++) {
		if (size[t] < minsize)
			minsize = size[t];
		pairs += (uint64_t)size[t] * (size[t] - 1) / 2;
	}
	total = (uint64_t)n * (n - 1) / 2;
	bound = (n - 1) / (minsize - 1);
	if (total / pairs < bound)
		bound = (uint32_t)(total / pairs);
	if (size[0] > tables && bound > 1)
		bound = 1;
	free(size);
	return bound;
}

int
seating_try(struct seating *s, struct assign_ctx *c, const uint32_t *node,
    uint32_t n, uint32_t group_size, uint32_t rounds, uint64_t seed,
    uint64_t budget, char **cause)
{
	if (seat_prepare(s, c, node, n, group_size, rounds, seed, cause) != 0)
		return -1;
	return seat_solve(s, group_size, budget, cause);
}

int
seating_run(struct seating *s, struct assign_ctx *c, const uint32_t *node,
    uint32_t n, uint32_t group_size, uint32_t rounds, uint64_t seed,
    char **cause)
{
	if (seat_prepare(s, c, node, n, group_size, rounds, seed, cause) != 0)
		return -1;
	if (seat_solve(s, group_size, 0, cause) != 0)
		return -1;
	if (c->g->nedges > 0)
		seat_polish(s, s->steps + SEAT_POLISH_BASE +
		    (uint64_t)SEAT_POLISH_PER * n * rounds);
	free(s->rep);		/* only the repair needs it */
	s->rep = NULL;
	return seat_oracle_failed(s, cause);
}

void
seating_free(struct seating *s)
{
	free(s->node);
	free(s->local);
	free(s->size);
	free(s->start);
	free(s->slot);
	free(s->tab);
	free(s->pos);
	free(s->meet_dense);
	free(s->veto_dense);
	if (s->meet_map.slot != NULL)
		pairmap_free(&s->meet_map);
	free(s->may_veto);
	free(s->pins);
	free(s->qcount);
	free(s->qmax);
	free(s->qbits_dense);
	free(s->bad);
	free(s->conf);
	free(s->conf_at);
	free(s->rep);
	free(s->cause);
	memset(s, 0, sizeof *s);
}
