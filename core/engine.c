/*
 * engine.c -- the pair loop: score, combine, keep the best candidates.
 *
 * For each attendee a (in file order) the engine scores the later attendees
 * in batches of BATCH, one strategy at a time, so a plugin pays its per-call
 * cost once per batch.  Symmetric strategies are asked once per pair,
 * directional ones in both directions.  Every pair that survives (no veto,
 * score above min_score) is offered to both ends' bounded heaps of the best
 * `candidates` partners; the graph is the union of those heaps.
 *
 * Threads: the attendees' rows go to workers one at a time, in order.  A
 * heap keeps the best partners by a total order (score, then rank), so what
 * it holds at the end does not depend on the order of offers: the graph is
 * the same for any number of workers.  Heaps are shared, each behind one of
 * ENGINE_LOCKS locks; an offer below a full heap's worst is turned away
 * without the lock.  A failing row stops the rows after it; the error
 * reported is the first row's, as with one worker.
 *
 * The candidate stage (candidates.h), where the strategies allow it: row
 * a scores a against its candidates only, and only a's heap gets them
 * (pairs listed from both ends are scored twice, and no heap gets a
 * partner twice).  If fewer than `candidates` of them score above the
 * bound of the pairs left out, a asks again, the strategy whose bound
 * weighs most for 4 times as many (candidates_deepen), up to everyone,
 * scoring only those it has not (the heap keeps the best of all it
 * scored): so every heap ends with the partners it gets when every
 * pair is scored, and so does the graph.  A's node stats count the pairs a's
 * row scored, every pair it did not score as low (graph.h).  Strategies
 * that list nobody (a Lua rule's max_score) and come last in the config
 * are asked last, only about the pairs that can still reach a's heap.
 *
 * Where the strategies give terms (ABI 1.4, walk.h), the candidate stage
 * walks them all at once instead (engine_walk_row): the strategies
 * without terms give their lists and bounds as above; the walk's best
 * fill a's heaps, then whoever met can still reach them is scored, in
 * batches that raise the floors as they go; then whom the long terms'
 * bitmaps show could still reach them (or, where they cannot tell, the
 * long terms walked).  Where the bounds cannot show the heaps are those
 * of scoring everyone, a scores everyone.  With lazy rules, each pass
 * hands its pairs to engine_cand_lazy.
 *
 * Where a strategy gives group bonuses (engine_bonus), each attendee
 * also has a second heap, of their best partners by merit: the score
 * without those strategies.  The graph is the union of both.  Both take
 * the same pairs (not vetoed, above min_score), so the candidate stage
 * gets both right with the same lists (engine_cand_row).
 */
#include "autoconf.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "candidates.h"
#include "engine.h"
#include "progress.h"
#include "util.h"
#include "walk.h"

#define BATCH 512

/* Vetoed pairs kept for the modes' messages (graph.h), at most. */
#define VETOES_MAX (1u << 20)
/* Locks shared by the heaps; more threads than this gain nothing anyway. */
#define ENGINE_LOCKS		256
#define ENGINE_MAX_THREADS	256

struct cand {
	double w;		/* what the heap ranks by */
	double total;		/* the pair's score (the second heap's w is
				   its own-merit part) */
	uint32_t other;
};

/* Per attendee: a min-heap of its best partners so far (worst on top). */
struct heap {
	struct cand *items;
	uint32_t len;
	/*
	 * The worst kept once full (else -inf), so that most offers are
	 * turned away without the lock.  The worst only gets better: its
	 * weight grows, or at the same weight its rank falls.  So a lagging
	 * read is never wrong to refuse: floor_rank is written before floor,
	 * and read after it.
	 */
	_Atomic double floor;
	_Atomic uint32_t floor_rank;
};

struct scratch {
	uint32_t cand[BATCH];
	uint32_t live[BATCH];		/* indices of candidates not vetoed */
	uint32_t live_cand[BATCH];
	double total[BATCH];
	double merit[BATCH];		/* without group bonuses (engine_merit) */
	unsigned char veto[BATCH];
	double fwd[BATCH];
	unsigned char fveto[BATCH];
};

/* What the workers share while building a graph. */
struct engine_run {
	struct engine *e;
	const uint32_t *act;	/* the attendees who take part */
	size_t nact;
	struct heap *heaps;
	struct heap *merit;	/* the best by merit (engine_merit), or NULL */
	const uint32_t *rank;
	uint32_t cap;
	uint32_t merit_cap;
	struct graph *g;	/* gets the workers' vetoed pairs */
	int shared;		/* more than one worker: lock the heaps */
	int cand;		/* the candidate stage: rows own their heaps */
	int walk;		/* ... with the walk over the strategies'
				   terms (engine_walk_row) */
	size_t lazy;		/* the strategies from here on list nobody
				   (engine_cand_lazy); nstrategies if none */
	pthread_mutex_t locks[ENGINE_LOCKS];
	atomic_size_t next;	/* the next row to take */
	atomic_size_t stop;	/* rows after it are not started */
	atomic_size_t done;	/* pairs scored */
	struct progress progress;
};

/* One worker: its scratch space, its counts, its error. */
struct engine_worker {
	struct engine_run *r;
	size_t id;
	struct scratch sc;
	struct candidates cand;	/* the candidate stage's lists */
	struct walk walk;	/* with terms: the walk over them */
	uint32_t *wlist;	/* whom the walk picks */
	struct walk_top *wtop, *wtop_fit;	/* walk_best's */
	struct walk_top *wpick;	/* walk_pick's */
	struct cand *part;	/* engine_cand_lazy's pairs, by score */
	unsigned char *scored;	/* scored in this row (with lazy rules, by
				   the strategies before them: memo) */
	uint32_t *scored_ids;	/* ... who they are */
	/* With lazy rules, per attendee scored in this row: what the
	 * strategies before the rules gave (score, merit, veto), for a row
	 * that asks again. */
	double *memo_w, *memo_merit;
	unsigned char *memo_veto;
	size_t nscored;
	struct node_stats *stats;
	size_t failed;		/* the row that failed, or SIZE_MAX */
	char *cause;
	struct edge *vetoes;	/* the vetoed pairs it met (graph.h) */
	size_t nvetoes, vcap;
	int vetoes_partial;
	pthread_t thread;
};

/* Is x a better partner than y?  Higher score, then lower rank. */
static int
better(const struct cand *x, const struct cand *y, const uint32_t *rank)
{
	if (x->w != y->w)
		return x->w > y->w;
	return rank[x->other] < rank[y->other];
}

static void
heap_offer(struct heap *h, uint32_t cap, struct cand c, const uint32_t *rank)
{
	uint32_t i, child;

	if (h->len < cap) {
		/* sift up */
		i = h->len++;
		while (i > 0 && better(&h->items[(i - 1) / 2], &c, rank)) {
			h->items[i] = h->items[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		h->items[i] = c;
		return;
	}
	if (!better(&c, &h->items[0], rank))
		return;
	/* replace the worst and sift down */
	i = 0;
	for (;;) {
		child = 2 * i + 1;
		if (child >= h->len)
			break;
		if (child + 1 < h->len &&
		    better(&h->items[child], &h->items[child + 1], rank))
			child++;
		if (!better(&c, &h->items[child], rank))
			break;
		h->items[i] = h->items[child];
		i = child;
	}
	h->items[i] = c;
}

/* Attendee indices by id (CTX: the id array). */
static int
by_id(const void *p, const void *q, void *ctx)
{
	const char *const *ids = ctx;

	return strcmp(ids[*(const uint32_t *)p], ids[*(const uint32_t *)q]);
}

static uint32_t *
make_rank(const struct attendee_table *t)
{
	uint32_t *order = xcalloc(t->n, sizeof *order);
	uint32_t *rank = xcalloc(t->n, sizeof *rank);
	size_t i;

	for (i = 0; i < t->n; i++)
		order[i] = (uint32_t)i;
	qsort_r(order, t->n, sizeof *order, by_id, (void *)t->id);
	for (i = 0; i < t->n; i++)
		rank[order[i]] = (uint32_t)i;
	free(order);
	return rank;
}

static int
check_finite(struct engine *e, const struct strategy *s, uint32_t a,
    uint32_t b, double v, char **cause)
{
	if (isfinite(v))
		return 0;
	*cause = xasprintf("strategy '%s' (%s %s) returned %g for %s -> %s; "
	    "scores must be finite numbers", s->name, s->kind, s->impl, v,
	    e->t->id[a], e->t->id[b]);
	return -1;
}

/*
 * One strategy's share of a pair's score: weight * (f + r) / 2, halved
 * first so that two scores near DBL_MAX do not overflow on their own.
 */
static double
weighted(const struct strategy *s, double f, double r)
{
	return s->weight * (f / 2 + r / 2);
}

/* The pair's score so far, TOTAL, must stay finite after S's share. */
static int
check_total(struct engine *e, const struct strategy *s, uint32_t a,
    uint32_t b, double total, char **cause)
{
	if (isfinite(total))
		return 0;
	*cause = xasprintf("strategy '%s' (%s %s) brings the score of %s and "
	    "%s to %g; a pair's score must be a finite number: lower the "
	    "strategy's scores or its weight (%g)", s->name, s->kind, s->impl,
	    e->t->id[a], e->t->id[b], total, s->weight);
	return -1;
}

/*
 * Does S's share stay out of a pair's merit?  The second heap of each
 * attendee (struct engine_run's merit) keeps their best partners by the
 * strategies that measure how two people fit, without those that give a
 * bonus to whole groups of partners (first-timers meeting veterans):
 * such a bonus alone can fill every heap of one group with the other
 * group, so that the graph holds no pair of two veterans, and half the
 * event could not get their introductions (docs/modes.md).
 */
static int
engine_bonus(const struct strategy *s)
{
	return s->group_bonus;
}

/* A quota of 0 at either end (struct strategy's quota) vetoes a pair
 * that S scores above zero. */
static int
quota_veto(const struct strategy *s, uint32_t a, uint32_t b, double f,
    double r)
{
	return s->quota != NULL && f / 2 + r / 2 > 0 &&
	    (s->quota[a] == 0 || s->quota[b] == 0);
}

/*
 * Score A against the N candidates in SC->cand into SC->total/veto, with
 * the strategies FROM to TO - 1; from 0, both start at 0, else they hold
 * what the strategies before FROM gave.  A pair one strategy vetoes is
 * not offered to the later ones: with veto rules in Lua that saves most
 * of their calls.
 */
static int
score_batch_from(struct engine *e, size_t worker, uint32_t a, size_t n,
    struct scratch *sc, size_t from, size_t to, char **cause)
{
	size_t k, i, j, m;

	if (from == 0) {
		memset(sc->total, 0, n * sizeof *sc->total);
		memset(sc->merit, 0, n * sizeof *sc->merit);
		memset(sc->veto, 0, n);
	}
	for (k = from; k < to; k++) {
		struct strategy *s = &e->strategies[k];

		for (i = m = 0; i < n; i++) {
			if (!sc->veto[i]) {
				sc->live[m] = (uint32_t)i;
				sc->live_cand[m++] = sc->cand[i];
			}
		}
		if (m == 0)
			break;
		memset(sc->fwd, 0, m * sizeof *sc->fwd);
		memset(sc->fveto, 0, m);
		if (s->ops->score(s->self, worker, a, sc->live_cand, m,
		    sc->fwd, sc->fveto, cause) != 0)
			return -1;
		for (j = 0; j < m; j++) {
			uint32_t b = sc->live_cand[j];
			double back = sc->fwd[j];
			unsigned char bveto = 0;

			i = sc->live[j];
			if (check_finite(e, s, a, b, sc->fwd[j], cause) != 0)
				return -1;
			if (!s->symmetric && !sc->fveto[j]) {
				back = 0;
				if (s->ops->score(s->self, worker, b, &a, 1,
				    &back, &bveto, cause) != 0)
					return -1;
				if (check_finite(e, s, b, a, back, cause) != 0)
					return -1;
			}
			sc->total[i] += weighted(s, sc->fwd[j], back);
			if (check_total(e, s, a, b, sc->total[i], cause) != 0)
				return -1;
			if (!engine_bonus(s))
				sc->merit[i] += weighted(s, sc->fwd[j], back);
			sc->veto[i] |= sc->fveto[j] | bveto |
			    quota_veto(s, a, b, sc->fwd[j], back);
		}
	}
	return 0;
}

/* Score A against the N candidates in SC->cand with every strategy. */
static int
score_batch(struct engine *e, size_t worker, uint32_t a, size_t n,
    struct scratch *sc, char **cause)
{
	return score_batch_from(e, worker, a, n, sc, 0, e->nstrategies,
	    cause);
}

/* Every heap's partners as edges.  A pair both ends keep comes twice, with
 * the same weight: graph_finish() orients, sorts and keeps it once. */
static struct edge *
collect_edges(struct heap *heaps, struct heap *merit, size_t n,
    size_t *nedges)
{
	struct edge *edges;
	struct heap *h;
	size_t i, k, total = 0, m = 0;

	for (i = 0; i < n; i++)
		total += heaps[i].len + (merit != NULL ? merit[i].len : 0);
	edges = xcalloc(total + 1, sizeof *edges);
	for (i = 0; i < 2 * n; i++) {
		h = i < n ? &heaps[i] : merit != NULL ? &merit[i - n] : NULL;
		for (k = 0; h != NULL && k < h->len; k++) {
			edges[m].a = (uint32_t)(i < n ? i : i - n);
			edges[m].b = h->items[k].other;
			edges[m].w = h->items[k].total;
			m++;
		}
	}
	*nedges = m;
	return edges;
}

/* Keep the vetoed pair A, B for W, up to VETOES_MAX (graph.h). */
static void
keep_veto(struct engine_worker *w, uint32_t a, uint32_t b)
{
	if (w->nvetoes == VETOES_MAX) {
		w->vetoes_partial = 1;
		return;
	}
	if (w->nvetoes == w->vcap) {
		w->vcap = w->vcap ? 2 * w->vcap : 64;
		w->vetoes = xreallocarray(w->vetoes, w->vcap,
		    sizeof *w->vetoes);
	}
	w->vetoes[w->nvetoes++] = (struct edge){ a < b ? a : b,
	    a < b ? b : a, 0 };
}

/* By (a, b), so that the kept vetoes do not depend on the threads. */
static int
veto_cmp(const void *p, const void *q)
{
	const struct edge *x = p, *y = q;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

/* Sorted vetoes without the pairs rows of both ends met: how many are
 * left. */
static size_t
engine_unique(struct edge *v, size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (m == 0 || veto_cmp(&v[m - 1], &v[i]) != 0)
			v[m++] = v[i];
	return m;
}

/* Move W's vetoed pairs to G; sorted and cut to VETOES_MAX once all
 * workers are in (engine_build_graph). */
static void
take_vetoes(struct graph *g, struct engine_worker *w)
{
	g->vetoes = xreallocarray(g->vetoes, g->nvetoes + w->nvetoes + 1,
	    sizeof *g->vetoes);
	if (w->nvetoes > 0)
		memcpy(g->vetoes + g->nvetoes, w->vetoes,
		    w->nvetoes * sizeof *w->vetoes);
	g->nvetoes += w->nvetoes;
	g->vetoes_partial |= w->vetoes_partial;
	free(w->vetoes);
	w->vetoes = NULL;
}

/* Offer C to V's heap; see struct heap for the floor. */
static void
engine_offer(struct engine_run *r, struct heap *heaps, uint32_t cap,
    uint32_t v, struct cand c)
{
	struct heap *h = &heaps[v];
	pthread_mutex_t *lock = &r->locks[v % ENGINE_LOCKS];
	double floor = atomic_load_explicit(&h->floor, memory_order_acquire);

	if (c.w < floor || (c.w == floor && r->rank[c.other] >
	    atomic_load_explicit(&h->floor_rank, memory_order_relaxed)))
		return;
	if (r->shared)
		pthread_mutex_lock(lock);
	heap_offer(h, cap, c, r->rank);
	if (h->len == cap) {
		atomic_store_explicit(&h->floor_rank,
		    r->rank[h->items[0].other], memory_order_relaxed);
		atomic_store_explicit(&h->floor, h->items[0].w,
		    memory_order_release);
	}
	if (r->shared)
		pthread_mutex_unlock(lock);
}

/* Row I: the I-th attendee against every later one. */
static int
engine_row(struct engine_worker *w, size_t i)
{
	struct engine_run *r = w->r;
	struct scratch *sc = &w->sc;
	struct node_stats *st = w->stats;
	uint32_t a = r->act[i];
	size_t j, k, n;

	for (j = i + 1; j < r->nact; j += BATCH) {
		n = r->nact - j < BATCH ? r->nact - j : BATCH;
		memcpy(sc->cand, r->act + j, n * sizeof *r->act);
		if (score_batch(r->e, w->id, a, n, sc, &w->cause) != 0)
			return -1;
		for (k = 0; k < n; k++) {
			uint32_t b = sc->cand[k];
			double t = sc->total[k], mt = sc->merit[k];
			struct cand ca = { t, t, b }, cb = { t, t, a };
			struct cand ma = { mt, t, b }, mb = { mt, t, a };

			if (sc->veto[k]) {
				st[a].vetoed++;
				st[b].vetoed++;
				keep_veto(w, a, b);
			} else if (!(sc->total[k] > r->e->match->min_score)) {
				st[a].low++;
				st[b].low++;
			} else {
				st[a].positive++;
				st[b].positive++;
				engine_offer(r, r->heaps, r->cap, a, ca);
				engine_offer(r, r->heaps, r->cap, b, cb);
				if (r->merit != NULL && mt > 0) {
					engine_offer(r, r->merit,
					    r->merit_cap, a, ma);
					engine_offer(r, r->merit,
					    r->merit_cap, b, mb);
				}
			}
		}
	}
	return 0;
}

/* A scored B at TOTAL, MERIT of it without group bonuses: into A's heaps
 * (the candidate stage: its row's alone, no lock). */
static void
engine_keep(struct engine_run *r, uint32_t a, double total, double merit,
    uint32_t b)
{
	heap_offer(&r->heaps[a], r->cap, (struct cand){ total, total, b },
	    r->rank);
	if (r->merit != NULL && merit > 0)
		heap_offer(&r->merit[a], r->merit_cap, (struct cand){ merit,
		    total, b }, r->rank);
}

/*
 * The M pairs of A just scored into W->sc: each vetoed one counted and
 * kept for the messages, each above min_score counted, in *ABOVE if
 * above LIMIT, and kept in A's heaps; with ABOVE NULL in A's merit heap
 * alone (engine_lazy_merit).
 */
static void
engine_keep_batch(struct engine_worker *w, uint32_t a, size_t m,
    struct node_stats *st, size_t *above, double limit)
{
	struct engine_run *r = w->r;
	struct scratch *sc = &w->sc;
	size_t k;

	for (k = 0; k < m; k++) {
		if (sc->veto[k]) {
			st->vetoed++;
			keep_veto(w, a, sc->cand[k]);
		} else if (!(sc->total[k] > r->e->match->min_score))
			continue;
		else if (above == NULL) {
			st->positive++;
			heap_offer(&r->merit[a], r->merit_cap, (struct cand){
			    sc->merit[k], sc->total[k], sc->cand[k] },
			    r->rank);
		} else {
			st->positive++;
			*above += sc->total[k] > limit;
			engine_keep(r, a, sc->total[k], sc->merit[k],
			    sc->cand[k]);
		}
	}
}

/*
 * The candidate stage: A against the N attendees of LIST but A and those
 * the row scored before, into A's heap (its row's alone, no lock) and ST;
 * *ABOVE counts the pairs that score above LIMIT.
 */
static int
engine_cand_pass(struct engine_worker *w, uint32_t a, const uint32_t *list,
    size_t n, double limit, struct node_stats *st, size_t *above)
{
	struct engine_run *r = w->r;
	struct scratch *sc = &w->sc;
	size_t j = 0, m;

	while (j < n) {
		for (m = 0; j < n && m < BATCH; j++) {
			if (list[j] == a || w->scored[list[j]])
				continue;
			w->scored[list[j]] = 1;
			w->scored_ids[w->nscored++] = list[j];
			sc->cand[m++] = list[j];
		}
		if (m > 0 && score_batch(r->e, w->id, a, m, sc,
		    &w->cause) != 0)
			return -1;
		engine_keep_batch(w, a, m, st, above, limit);
	}
	return 0;
}

/*
 * The strategies from R->lazy on for A and the M pairs in W->sc (cand,
 * total and merit so far), then each kept: in A's heaps and counted in
 * *ABOVE if above LIMIT, or with ABOVE NULL in A's merit heap alone.
 */
static int
engine_lazy_ask(struct engine_worker *w, uint32_t a, size_t m,
    struct node_stats *st, size_t *above, double limit)
{
	struct engine_run *r = w->r;
	struct scratch *sc = &w->sc;

	memset(sc->veto, 0, m);
	if (m > 0 && score_batch_from(r->e, w->id, a, m, sc, r->lazy,
	    r->e->nstrategies, &w->cause) != 0)
		return -1;
	engine_keep_batch(w, a, m, st, above, limit);
	return 0;
}

/*
 * The lazy passes take pairs best first and stop early, most often after
 * a few of hundreds or thousands: a heap gives them in order at the cost
 * of what they take (sorting them all was 40% of a run with a rule).
 * P[0 .. N) is a heap when each comes before its children by
 * cand_before(), a total order: the order taken is then the sorted
 * order.  The comparison is inline (through a function pointer it was a
 * tenth of a run with a rule).
 */

/* Does X come before Y?  With RANK NULL, the order of the lazy pass: by
 * score (w), the greater first, then by partner.  Else that of
 * engine_lazy_merit: by merit (total here), then by RANK. */
static inline int
cand_before(const struct cand *x, const struct cand *y, const uint32_t *rank)
{
	if (rank == NULL)
		return x->w != y->w ? x->w > y->w : x->other < y->other;
	return x->total != y->total ? x->total > y->total :
	    rank[x->other] < rank[y->other];
}

static void
cand_sift(struct cand *p, size_t n, size_t i, const uint32_t *rank)
{
	struct cand x = p[i];
	size_t c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && cand_before(&p[c + 1], &p[c], rank))
			c++;
		if (!cand_before(&p[c], &x, rank))
			break;
		p[i] = p[c];
		i = c;
	}
	p[i] = x;
}

static void
cand_heapify(struct cand *p, size_t n, const uint32_t *rank)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		cand_sift(p, n, i, rank);
}

/* The first of the heap P (*N > 0), taken out. */
static struct cand
cand_pop(struct cand *p, size_t *n, const uint32_t *rank)
{
	struct cand top = p[0];

	p[0] = p[--*n];
	cand_sift(p, *n, 0, rank);
	return top;
}

/*
 * A's merit heap from the NP pairs engine_cand_lazy left unasked, W->part
 * (what they scored so far, their merit): best merit first, each asked
 * the rest (its merit is whole already: the strategies that list nobody
 * add none), until none left can enter.
 */
static int
engine_lazy_merit(struct engine_worker *w, uint32_t a, size_t np,
    struct node_stats *st)
{
	struct engine_run *r = w->r;
	struct scratch *sc = &w->sc;
	struct heap *h = &r->merit[a];
	struct cand *p = w->part, c;
	size_t j, m, nm = 0, size;
	int done = 0;

	for (j = 0; j < np; j++)
		if (p[j].total > 0)
			p[nm++] = p[j];
	cand_heapify(p, nm, r->rank);
	size = r->merit_cap < BATCH ? r->merit_cap : BATCH;
	while (!done && nm > 0) {
		for (m = 0; nm > 0 && m < size; m++) {
			c = (struct cand){ p[0].total, p[0].w, p[0].other };
			if (h->len == r->merit_cap &&
			    !better(&c, &h->items[0], r->rank)) {
				done = 1;
				break;
			}
			(void)cand_pop(p, &nm, r->rank);
			sc->cand[m] = c.other;
			sc->total[m] = c.total;
			sc->merit[m] = c.w;
		}
		if (engine_lazy_ask(w, a, m, st, NULL, 0) != 0)
			return -1;
		size = size * 2 < BATCH ? size * 2 : BATCH;
	}
	return 0;
}

/*
 * engine_cand_pass where strategies list nobody (from R->lazy on): the
 * others score A against LIST first; then, best first, the pairs get
 * the rest while their score so far plus LAZY (what the rest add at
 * most) can still reach A's full heap.  A pair left unasked scores below
 * every partner A keeps, so it changes nothing: it counts as low.
 * Sums go in strategy order, as in engine_cand_pass.
 */
static int
engine_cand_lazy(struct engine_worker *w, uint32_t a, const uint32_t *list,
    size_t n, double limit, double lazy, struct node_stats *st,
    size_t *above)
{
	struct engine_run *r = w->r;
	struct scratch *sc = &w->sc;
	struct heap *h = &r->heaps[a];
	struct cand *p = w->part, c;
	size_t j = 0, k, m, np = 0, size;
	uint32_t b;
	double most;
	int done = 0;

	/* The strategies before the rules score whom an earlier pass of the
	 * row did not, into the memo; then every pair comes from it. */
	while (j < n) {
		for (m = 0; j < n && m < BATCH; j++)
			if (list[j] != a && !w->scored[list[j]])
				sc->cand[m++] = list[j];
		if (m > 0 && score_batch_from(r->e, w->id, a, m, sc, 0,
		    r->lazy, &w->cause) != 0)
			return -1;
		for (k = 0; k < m; k++) {
			b = sc->cand[k];
			w->scored[b] = 1;
			w->scored_ids[w->nscored++] = b;
			w->memo_veto[b] = sc->veto[k];
			w->memo_w[b] = sc->total[k];
			w->memo_merit[b] = sc->merit[k];
		}
	}
	for (j = 0; j < n; j++) {
		if ((b = list[j]) == a)
			continue;
		if (w->memo_veto[b]) {
			st->vetoed++;
			keep_veto(w, a, b);
		} else	/* what it scored so far; its merit */
			p[np++] = (struct cand){ w->memo_w[b],
			    w->memo_merit[b], b };
	}
	/* Best first (P[0 .. np) the heap of those not taken yet), in
	 * batches from the heap's size up: the sooner it is full, the sooner
	 * pairs are left unasked. */
	cand_heapify(p, np, NULL);
	size = r->cap < 1 ? 1 : r->cap < BATCH ? r->cap : BATCH;
	while (!done && np > 0) {
		for (m = 0; np > 0 && m < size; m++) {
			/* a hair above, as the bound's */
			most = p[0].w + lazy;
			most += fabs(most) * 1e-9;
			if (h->len == r->cap && most < h->items[0].w) {
				done = 1;
				break;
			}
			c = cand_pop(p, &np, NULL);
			sc->cand[m] = c.other;
			sc->total[m] = c.w;
			sc->merit[m] = c.total;
		}
		if (engine_lazy_ask(w, a, m, st, above, limit) != 0)
			return -1;
		size = size * 2 < BATCH ? size * 2 : BATCH;
	}
	if (r->merit != NULL && np > 0)
		return engine_lazy_merit(w, a, np, st);
	return 0;
}

/* The most the strategies from R->lazy on add to a pair of A's. */
static double
engine_lazy_bound(struct engine_worker *w, uint32_t a)
{
	const struct strategy *s;
	double sum = 0, b;
	size_t k, n;

	for (k = w->r->lazy; k < w->r->e->nstrategies; k++) {
		s = &w->r->e->strategies[k];
		b = 0;
		(void)s->ops->candidates(s->self, a, 0, w->cand.one,
		    w->cand.cap, &n, &b);
		sum += s->weight * b;
	}
	return sum;
}

static int engine_cand_row(struct engine_worker *, size_t);

/* The end of A's row in the candidate stage, RC its result: the row's
 * marks cleared, its counts kept (every pair it did not score is low). */
static int
engine_row_end(struct engine_worker *w, uint32_t a,
    const struct node_stats *st, int rc)
{
	while (w->nscored > 0)
		w->scored[w->scored_ids[--w->nscored]] = 0;
	if (rc != 0)
		return -1;
	w->stats[a].positive += st->positive;
	w->stats[a].vetoed += st->vetoed;
	w->stats[a].low += (uint32_t)(w->r->nact - 1) - st->positive -
	    st->vetoed;
	return 0;
}

/* How many of those the walk met best a row scores first, for a floor to
 * pick the rest by: times the heap's size. */
#define WALK_FIRST	2

/*
 * Score A with the N of LIST (W->wlist or R->act) it has not scored yet.
 * With lazy rules (LAZY, what they add at most), the rules only where the
 * other strategies' score can still reach A's heap (engine_cand_lazy);
 * each pair goes there once, as the row's passes are disjoint.
 */
static int
engine_walk_score(struct engine_worker *w, uint32_t a, const uint32_t *list,
    size_t n, double lazy, struct node_stats *st)
{
	size_t j, m = 0, above = 0;

	if (w->r->lazy == w->r->e->nstrategies)
		return engine_cand_pass(w, a, list, n, 0, st, &above);
	for (j = 0; j < n; j++)
		if (list[j] != a && !w->scored[list[j]])
			w->wlist[m++] = list[j];
	return engine_cand_lazy(w, a, w->wlist, m, 0, lazy, st, &above);
}

/* Score A with the N of TOP. */
static int
engine_walk_top(struct engine_worker *w, uint32_t a,
    const struct walk_top *top, size_t n, double lazy,
    struct node_stats *st)
{
	size_t j;

	for (j = 0; j < n; j++)
		w->wlist[j] = top[j].id;
	return engine_walk_score(w, a, w->wlist, n, lazy, st);
}

/* A hair below X, for sums added in another order. */
static double
below(double x)
{
	return x - fabs(x) * 1e-9 - 1e-12;
}

/* A's heap floor less BESIDE, a hair below; -HUGE_VAL while not full. */
static double
engine_floor(const struct heap *h, uint32_t cap, double beside)
{
	if (h == NULL)
		return HUGE_VAL;
	return h->len == cap ? below(h->items[0].w - beside) : -HUGE_VAL;
}

/*
 * Score A with the M of W->wpick that can still reach its heaps by their
 * UB plus OTHERS (OTHERS_FIT without group bonuses), in batches from the
 * heap's size up, as met: each batch raises the heaps' floors, and those
 * left are picked again by them.  *DROP and *DROP_FIT get the highest UBs
 * of those dropped.  (Taking the highest UB first, by a heap, dropped a
 * few more but cost more: most of those picked are scored either way.)
 */
static int
engine_walk_picked(struct engine_worker *w, uint32_t a, size_t m,
    double others, double others_fit, double lazy, double *drop,
    double *drop_fit, struct node_stats *st)
{
	struct engine_run *r = w->r;
	const struct heap *h = &r->heaps[a];
	const struct heap *hm = r->merit != NULL ? &r->merit[a] : NULL;
	struct walk_top *p = w->wpick;
	size_t j, k, n, size = r->cap;
	double floor, floor_fit;

	for (;;) {
		floor = engine_floor(h, r->cap, others);
		floor_fit = engine_floor(hm, r->merit_cap, others_fit);
		for (j = n = k = 0; j < m; j++) {
			if (p[j].v >= floor || p[j].fit >= floor_fit) {
				if (n < size)
					w->wlist[n++] = p[j].id;
				else
					p[k++] = p[j];
				continue;
			}
			*drop = fmax(*drop, p[j].v);
			*drop_fit = fmax(*drop_fit, p[j].fit);
		}
		m = k;
		if (n == 0)
			return 0;
		if (engine_walk_score(w, a, w->wlist, n, lazy, st) != 0)
			return -1;
		size = size * 2 < BATCH ? size * 2 : BATCH;
	}
}

/*
 * Row I by the walk over the strategies' terms (walk.h).  The others'
 * lists and the best the walk met fill A's heaps; everyone met who can
 * still reach them is scored; then those the long terms could take
 * there are met (walk_reach; where it cannot tell, the long terms are
 * walked as long as a partner not met could reach them), and scored.
 */
static int
engine_walk_row(struct engine_worker *w, size_t i)
{
	struct engine_run *r = w->r;
	struct engine *e = r->e;
	struct walk *wk = &w->walk;
	uint32_t a = r->act[i];
	const struct heap *h = &r->heaps[a];
	const struct heap *hm = r->merit != NULL ? &r->merit[a] : NULL;
	struct node_stats st;
	size_t m, mf, k, from, to;
	double others = 0, others_fit = 0, lazy = 0;
	double drop, drop_fit, bound, bound_fit;
	int rc, all;

	if (walk_start(wk, e->strategies, e->nstrategies, a) != 0) {
		/* a strategy cannot give A's terms: every list, as before */
		w->cand.walked = 0;
		rc = engine_cand_row(w, i);
		w->cand.walked = 1;
		return rc;
	}
	memset(&st, 0, sizeof st);
	all = candidates_gather(&w->cand, e->strategies, e->nstrategies,
	    r->g->active, a, r->cap, &others) != 0;
	for (k = 0; k < e->nstrategies; k++)
		if (!e->strategies[k].group_bonus)
			others_fit += w->cand.bound[k];
	if (r->lazy < e->nstrategies)
		lazy = engine_lazy_bound(w, a);
	rc = 0;
	if (!all) {
		/* the others' lists, and the best met, fill the heaps */
		rc = engine_walk_score(w, a, w->cand.list, w->cand.n, lazy,
		    &st);
		walk_best(wk, a, r->g->active, w->wtop, &m, (size_t)r->cap *
		    WALK_FIRST, w->wtop_fit, &mf, hm != NULL ? r->merit_cap :
		    0);
		if (rc == 0)
			rc = engine_walk_top(w, a, w->wtop, m, lazy, &st);
		if (rc == 0)
			rc = engine_walk_top(w, a, w->wtop_fit, mf, lazy, &st);
	}
	/* then everyone met who can still reach them, in batches: the
	 * heaps' floors rise as they go; then whom the long terms could
	 * take there (or the long terms walked while one not met could reach
	 * them), and whom they meet picked */
	drop = drop_fit = 0;
	for (from = 0; !all && rc == 0; from = to) {
		to = wk->nmet;
		walk_pick(wk, from, a, r->g->active, engine_floor(h, r->cap,
		    others), engine_floor(hm, r->merit_cap, others_fit),
		    w->wpick, &m, &drop, &drop_fit);
		rc = engine_walk_picked(w, a, m, others, others_fit, lazy,
		    &drop, &drop_fit, &st);
		if ((walk_rest(wk, 0) + others < engine_floor(h, r->cap, 0) &&
		    walk_rest(wk, 1) + others_fit < engine_floor(hm,
		    r->merit_cap, 0)) || wk->reached)
			break;
		if (walk_reach(wk, engine_floor(h, r->cap, others),
		    engine_floor(hm, r->merit_cap, others_fit)) != 0 &&
		    walk_more(wk) != 0)
			break;
	}
	if (!all && rc == 0) {
		bound = fmax(drop, walk_rest(wk, 0)) + others;
		bound += fabs(bound) * 1e-9;
		bound_fit = fmax(drop_fit, walk_rest(wk, 1)) + others_fit;
		bound_fit += fabs(bound_fit) * 1e-9;
		all = bound > e->match->min_score &&
		    (!(h->len == r->cap && h->items[0].w > bound) ||
		    (hm != NULL && !(hm->len == r->merit_cap &&
		    hm->items[0].w > bound_fit)));
	}
	if (rc == 0 && all)
		rc = engine_walk_score(w, a, r->act, r->nact, lazy, &st);
	walk_clear(wk);
	return engine_row_end(w, a, &st, rc);
}

/* Row I in the candidate stage: see the top of the file. */
static int
engine_cand_row(struct engine_worker *w, size_t i)
{
	struct engine_run *r = w->r;
	struct engine *e = r->e;
	struct node_stats st;
	uint32_t a = r->act[i];
	const struct heap *h = &r->heaps[a];
	size_t above = 0, mark = w->nvetoes, ask;
	int all, partial = w->vetoes_partial, rc = 0;
	int lazy_rules = r->lazy < e->nstrategies;
	double bound, limit, lazy = 0;

	memset(&st, 0, sizeof st);
	for (ask = 0;; ask++) {
		bound = 0;
		if (ask == 0)
			all = r->cap >= r->nact - 1 ||
			    candidates_gather(&w->cand, e->strategies,
			    e->nstrategies, r->g->active, a, r->cap,
			    &bound) != 0;
		else
			all = candidates_deepen(&w->cand, e->strategies,
			    e->nstrategies, r->g->active, a, r->nact,
			    &bound) != 0;
		/* a hair above, for sums added in another order */
		limit = bound + fabs(bound) * 1e-9;
		if (lazy_rules) {
			/* the rules' batches depend on the union: they are
			 * asked anew (engine_cand_lazy remembers the rest) */
			memset(&st, 0, sizeof st);
			above = 0;
			r->heaps[a].len = 0;
			if (r->merit != NULL)
				r->merit[a].len = 0;
			w->nvetoes = mark;
			w->vetoes_partial = partial;
			if (ask == 0)
				lazy = engine_lazy_bound(w, a);
			rc = engine_cand_lazy(w, a, all ? r->act :
			    w->cand.list, all ? r->nact : w->cand.n, limit,
			    lazy, &st, &above);
		} else {
			/* asked again: only whom the row has not scored; the
			 * heap holds the best of all it scored */
			rc = engine_cand_pass(w, a, all ? r->act :
			    w->cand.list, all ? r->nact : w->cand.n, limit,
			    &st, &above);
			above = h->len == r->cap && h->items[0].w > limit ?
			    r->cap : 0;
		}
		/* The merit heap holds the best of all then too: a pair
		 * left out has a merit of at most the bound without the
		 * group bonuses, and CAP partners score above the bound
		 * with them, so their merits are above it (or none left
		 * out scores above min_score). */
		if (rc != 0 || all || !(limit > e->match->min_score) ||
		    above >= r->cap)
			break;
	}
	return engine_row_end(w, a, &st, rc);
}

/*
 * How many best partners by merit each attendee keeps beside their
 * `candidates` best (engine_bonus): half as many, where a strategy gives
 * group bonuses and another measures fit; else none.  Measured on 10,000
 * (bench/run.sh's target, one thread): with half, nobody is left short
 * and the run takes 6.7 s of CPU; with a fifth 7.8 s (the assignment
 * searches longer); with as many, 6.7 s, more memory and less weight.
 */
static uint32_t
engine_merit_cap(const struct engine *e)
{
	size_t k, bonus = 0;

	for (k = 0; k < e->nstrategies; k++) {
		if (!engine_bonus(&e->strategies[k]))
			continue;
		/* a quota caps the bonus already (per_veteran); and the
		 * assignment's search under quotas leaves more short on
		 * larger graphs (600 attendees, per_veteran = 2: 114 short
		 * with these partners, 158 with every pair, 34 without) */
		if (e->strategies[k].quota != NULL)
			return 0;
		bonus++;
	}
	if (bonus == 0 || bonus == e->nstrategies)
		return 0;
	return e->match->candidates >= 2 ?
	    (uint32_t)(e->match->candidates / 2) : 1;
}

/* A worker: rows in turn until none are left or one failed before. */
static void *
engine_work(void *arg)
{
	struct engine_worker *w = arg;
	struct engine_run *r = w->r;
	size_t i, stop;

	while ((i = atomic_fetch_add(&r->next, 1)) < r->nact &&
	    i <= atomic_load(&r->stop)) {
		if ((r->walk ? engine_walk_row(w, i) : r->cand ?
		    engine_cand_row(w, i) : engine_row(w, i)) != 0) {
			w->failed = i;
			stop = atomic_load(&r->stop);
			while (i < stop && !atomic_compare_exchange_weak(
			    &r->stop, &stop, i))
				;
			break;
		}
		atomic_fetch_add(&r->done, r->cand ? 1 : r->nact - 1 - i);
		if (w->id == 0)
			progress_update(&r->progress, atomic_load(&r->done));
	}
	return NULL;
}

size_t
engine_threads(long wanted, size_t nact)
{
	long n = wanted;

	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > ENGINE_MAX_THREADS)
		n = ENGINE_MAX_THREADS;
	if ((size_t)n > nact)
		n = nact > 0 ? (long)nact : 1;
	return (size_t)n;
}

/*
 * Run NW workers over R's rows, the calling thread as worker 0, and leave
 * their counts in STATS.  Returns 0, or nonzero with *cause set: the first
 * failing row's error.
 */
static int
engine_pool(struct engine_run *r, size_t nw, struct node_stats *stats,
    char **cause)
{
	struct engine_worker *w = xcalloc(nw, sizeof *w);
	size_t i, v, first = SIZE_MAX, started = 1;
	char *first_cause = NULL;

	for (i = 0; i < nw; i++) {
		w[i].r = r;
		w[i].id = i;
		w[i].failed = SIZE_MAX;
		w[i].stats = i == 0 ? stats : xcalloc(r->e->t->n,
		    sizeof *stats);
		if (r->cand)
			candidates_init(&w[i].cand, r->e->t->n,
			    r->e->nstrategies);
		if (r->walk) {
			w[i].cand.walked = 1;
			walk_init(&w[i].walk, r->e->t->n);
			w[i].wlist = xcalloc(r->e->t->n + 1,
			    sizeof *w[i].wlist);
			w[i].wtop = xcalloc((size_t)r->cap * WALK_FIRST + 1,
			    sizeof *w[i].wtop);
			w[i].wtop_fit = xcalloc((size_t)r->merit_cap + 1,
			    sizeof *w[i].wtop_fit);
			w[i].wpick = xcalloc(r->e->t->n + 1,
			    sizeof *w[i].wpick);
		}
		if (r->lazy < r->e->nstrategies) {
			w[i].part = xcalloc(r->nact + 1, sizeof *w[i].part);
			w[i].memo_w = xcalloc(r->e->t->n + 1,
			    sizeof *w[i].memo_w);
			w[i].memo_merit = xcalloc(r->e->t->n + 1,
			    sizeof *w[i].memo_merit);
			w[i].memo_veto = xcalloc(r->e->t->n + 1, 1);
		}
		if (r->cand) {
			w[i].scored = xcalloc(r->e->t->n + 1, 1);
			w[i].scored_ids = xcalloc(r->e->t->n + 1,
			    sizeof *w[i].scored_ids);
		}
	}
	for (i = 1; i < nw; i++, started++)
		if (pthread_create(&w[i].thread, NULL, engine_work, &w[i]) != 0)
			break;		/* fewer workers do the same work */
	engine_work(&w[0]);
	for (i = 1; i < started; i++)
		pthread_join(w[i].thread, NULL);
	for (i = 0; i < nw; i++) {
		if (w[i].failed < first) {
			first = w[i].failed;
			free(first_cause);
			first_cause = w[i].cause;
			w[i].cause = NULL;
		}
		free(w[i].cause);
		free(w[i].part);
		free(w[i].memo_w);
		free(w[i].memo_merit);
		free(w[i].memo_veto);
		free(w[i].scored);
		free(w[i].scored_ids);
		candidates_free(&w[i].cand);
		walk_free(&w[i].walk);
		free(w[i].wlist);
		free(w[i].wtop);
		free(w[i].wtop_fit);
		free(w[i].wpick);
		take_vetoes(r->g, &w[i]);
		if (i == 0)
			continue;
		for (v = 0; v < r->e->t->n; v++) {
			stats[v].positive += w[i].stats[v].positive;
			stats[v].vetoed += w[i].stats[v].vetoed;
			stats[v].low += w[i].stats[v].low;
		}
		free(w[i].stats);
	}
	free(w);
	if (first == SIZE_MAX)
		return 0;
	*cause = first_cause != NULL ? first_cause :
	    xstrdup("scoring failed (the strategy gave no reason)");
	return -1;
}

/* Every strategy ready for NW workers. */
static int
engine_workers(struct engine *e, size_t nw, char **cause)
{
	size_t k;

	for (k = 0; k < e->nstrategies; k++) {
		struct strategy *s = &e->strategies[k];

		if (s->ops->workers != NULL &&
		    s->ops->workers(s->self, nw, cause) != 0)
			return -1;
	}
	e->ready = nw;
	return 0;
}

/* N empty heaps, room for CAP partners each for the NACT in ACT. */
static struct heap *
heaps_new(size_t n, const uint32_t *act, size_t nact, uint32_t cap)
{
	struct heap *h = xcalloc(n, sizeof *h);
	size_t i;

	for (i = 0; i < n; i++) {
		atomic_init(&h[i].floor, -INFINITY);
		atomic_init(&h[i].floor_rank, 0);
	}
	for (i = 0; i < nact; i++)
		h[act[i]].items = xcalloc(cap, sizeof(struct cand));
	return h;
}

/* Free the items of the N heaps (and MERIT's, if any); again is harmless. */
static void
heaps_free(struct heap *heaps, struct heap *merit, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(heaps[i].items);
		heaps[i].items = NULL;
		heaps[i].len = 0;
		if (merit != NULL) {
			free(merit[i].items);
			merit[i].items = NULL;
			merit[i].len = 0;
		}
	}
}

int
engine_build_graph(struct engine *e, struct graph *g, char **cause)
{
	const struct attendee_table *t = e->t;
	struct engine_run *r;
	struct edge *edges;
	uint32_t *act;
	size_t nact = 0, i, nedges, nw;
	int rc = -1;

	memset(g, 0, sizeof *g);
	g->n = t->n;
	g->progress = e->progress;
	g->active = xcalloc(t->n, 1);
	g->stats = xcalloc(t->n, sizeof *g->stats);
	g->rank = make_rank(t);
	act = xcalloc(t->n, sizeof *act);
	for (i = 0; i < t->n; i++) {
		/* per_attendee_column 0: opted out */
		g->active[i] = t->consent[i] &&
		    (t->wants == NULL || t->wants[i] != 0) &&
		    (e->among == NULL || e->among[i]);
		if (g->active[i])
			act[nact++] = (uint32_t)i;
	}
	r = xcalloc(1, sizeof *r);
	r->e = e;
	r->act = act;
	r->nact = nact;
	r->rank = g->rank;
	r->cap = (uint32_t)e->match->candidates;
	r->heaps = heaps_new(t->n, act, nact, r->cap);
	r->merit_cap = engine_merit_cap(e);
	if (r->merit_cap > 0)
		r->merit = heaps_new(t->n, act, nact, r->merit_cap);
	for (i = 0; i < ENGINE_LOCKS; i++)
		pthread_mutex_init(&r->locks[i], NULL);
	atomic_init(&r->next, 0);
	atomic_init(&r->stop, SIZE_MAX);
	atomic_init(&r->done, 0);

	nw = engine_threads(e->threads > 0 ? (long)e->threads :
	    e->match->threads, nact);
	r->cand = candidates_usable(e->strategies, e->nstrategies, e->match,
	    t->n);
	r->lazy = e->nstrategies;
	while (r->cand && r->lazy > 0 &&
	    e->strategies[r->lazy - 1].lists_nobody)
		r->lazy--;
	r->shared = nw > 1 && !r->cand;
	for (i = 0; r->cand && !r->walk && i < e->nstrategies; i++)
		r->walk = e->strategies[i].has_terms;
	g->stats_scored = r->cand;
	if (engine_workers(e, nw, cause) != 0)
		goto out;
	if (r->cand)
		progress_start(&r->progress, e->progress, "scoring candidates",
		    nact);
	else
		progress_start(&r->progress, e->progress, "scoring pairs",
		    nact * (nact > 0 ? nact - 1 : 0) / 2);
	r->g = g;
	if (engine_pool(r, nw, g->stats, cause) != 0)
		goto out;
	progress_end(&r->progress);
	qsort(g->vetoes, g->nvetoes, sizeof *g->vetoes, veto_cmp);
	g->nvetoes = engine_unique(g->vetoes, g->nvetoes);
	if (g->nvetoes > VETOES_MAX) {
		g->nvetoes = VETOES_MAX;
		g->vetoes_partial = 1;
	}
	/* Listed strategies veto nothing unlisted (plugin.h), but only a
	 * pass over every pair proves the list whole. */
	g->vetoes_complete = !g->vetoes_partial && !r->cand;
	edges = collect_edges(r->heaps, r->merit, t->n, &nedges);
	/* the heaps' room back before the graph's sorts take theirs */
	heaps_free(r->heaps, r->merit, t->n);
	graph_finish(g, edges, nedges);
	rc = 0;
out:
	heaps_free(r->heaps, r->merit, t->n);
	free(r->merit);
	for (i = 0; i < ENGINE_LOCKS; i++)
		pthread_mutex_destroy(&r->locks[i]);
	free(r->heaps);
	free(r);
	free(act);
	if (rc != 0)
		graph_free(g);
	return rc;
}

int
engine_score_pair(struct engine *e, uint32_t a, uint32_t b, double *total,
    int *veto, struct pair_part *parts, char **cause)
{
	size_t k;

	*total = 0;
	*veto = 0;
	for (k = 0; k < e->nstrategies; k++) {
		struct strategy *s = &e->strategies[k];
		double f = 0, r = 0;
		unsigned char fv = 0, rv = 0;

		if (s->ops->score(s->self, 0, a, &b, 1, &f, &fv, cause) != 0 ||
		    check_finite(e, s, a, b, f, cause) != 0)
			return -1;
		if (s->symmetric)
			r = f;
		else if (s->ops->score(s->self, 0, b, &a, 1, &r, &rv, cause) != 0
		    || check_finite(e, s, b, a, r, cause) != 0)
			return -1;
		*total += weighted(s, f, r);
		if (check_total(e, s, a, b, *total, cause) != 0)
			return -1;
		rv |= quota_veto(s, a, b, f, r);
		*veto |= fv || rv;
		if (parts != NULL) {
			struct pair_part *p = &parts[k];

			p->forward = f;
			p->backward = r;
			p->weighted = weighted(s, f, r);
			p->veto = fv || rv;
			s->ops->reason(s->self, 0, a, b, p->reason,
			    sizeof p->reason);
			if (p->reason[0] == '\0')
				s->ops->reason(s->self, 0, b, a, p->reason,
				    sizeof p->reason);
		}
	}
	return 0;
}

char *
engine_reasons(struct engine *e, size_t worker, uint32_t a, uint32_t b)
{
	struct strbuf sb = { 0 };
	char buf[256];
	size_t k;

	for (k = 0; k < e->nstrategies; k++) {
		struct strategy *s = &e->strategies[k];

		s->ops->reason(s->self, worker, a, b, buf, sizeof buf);
		if (buf[0] == '\0')
			s->ops->reason(s->self, worker, b, a, buf,
			    sizeof buf);
		if (buf[0] == '\0')
			continue;
		if (sb.len > 0)
			strbuf_puts(&sb, "; ");
		strbuf_printf(&sb, "%s: %s", s->name, buf);
	}
	return strbuf_detach(&sb);
}

int
engine_pair_oracle(void *ctx, uint32_t a, uint32_t b, double *score,
    int *veto, char **cause)
{
	return engine_score_pair(ctx, a, b, score, veto, NULL, cause);
}

int
engine_pair_veto(void *ctx, uint32_t a, uint32_t b, int *veto, char **cause)
{
	struct engine *e = ctx;
	size_t k;

	*veto = 0;
	for (k = 0; k < e->nstrategies && !*veto; k++) {
		struct strategy *s = &e->strategies[k];
		double f = 0, r = 0;
		unsigned char fv = 0, rv = 0;

		if (s->never_vetoes && s->quota == NULL)
			continue;
		if (s->ops->score(s->self, 0, a, &b, 1, &f, &fv, cause) != 0 ||
		    check_finite(e, s, a, b, f, cause) != 0)
			return -1;
		if (fv) {
			*veto = 1;
			break;
		}
		if (s->symmetric)
			r = f;
		else if (s->ops->score(s->self, 0, b, &a, 1, &r, &rv, cause) != 0
		    || check_finite(e, s, b, a, r, cause) != 0)
			return -1;
		*veto = rv || quota_veto(s, a, b, f, r);
	}
	return 0;
}

void
engine_veto_reason(void *ctx, uint32_t a, uint32_t b, char *buf, size_t len)
{
	struct engine *e = ctx;
	struct pair_part *parts;
	struct strbuf sb = { 0 };
	char *cause = NULL, *text;
	double total;
	size_t k;
	int veto;

	parts = xcalloc(e->nstrategies + 1, sizeof *parts);
	if (engine_score_pair(e, a, b, &total, &veto, parts, &cause) != 0)
		veto = 0;	/* a strategy failed: no reason to give */
	for (k = 0; veto && k < e->nstrategies; k++) {
		if (!parts[k].veto)
			continue;
		if (sb.len > 0)
			strbuf_puts(&sb, "; ");
		strbuf_printf(&sb, "strategy %s%s%s", e->strategies[k].name,
		    parts[k].reason[0] != '\0' ? ": " : "", parts[k].reason);
	}
	text = strbuf_detach(&sb);
	snprintf(buf, len, "%s", text);
	free(text);
	free(cause);
	free(parts);
}

const char *
engine_label(void *ctx, uint32_t a)
{
	const struct engine *e = ctx;

	return e->t->id[a];
}
