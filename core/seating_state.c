/*
 * seating_state.c -- a seating's schedule and what follows from it: who
 * met whom how often, bad relations, the score and the O(1) swap counts,
 * kept up to date seat by seat (see seating_state.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ctx.h"
#include "pairmap.h"
#include "seating_state.h"

static void	state_meet_add(struct seating *, uint32_t, uint32_t, int);
static void	state_bad(struct seating *, uint32_t, uint32_t, int);
static unsigned	state_bits(struct seating *, uint32_t, uint32_t);
static uint32_t	state_excess(const struct seating *, uint32_t,
		    const int32_t *);
static void	state_quota_relate(struct seating *, uint32_t, uint32_t,
		    int);
static void	state_rep_relate(struct seating *, uint32_t, uint32_t,
		    uint32_t, uint32_t, uint32_t);
static void	state_rep_move(struct seating *, uint32_t, uint32_t,
		    uint32_t, uint32_t);

uint32_t
seating_state_meet(const struct seating *s, uint32_t p, uint32_t q)
{
	const struct pairmap_entry *e;

	if (s->meet_dense != NULL)
		return s->meet_dense[(size_t)p * s->n + q];
	e = pairmap_find(&s->meet_map, p, q);
	return e != NULL ? (uint32_t)e->count : 0;
}

static void
state_meet_add(struct seating *s, uint32_t p, uint32_t q, int d)
{
	if (s->meet_dense != NULL) {
		s->meet_dense[(size_t)p * s->n + q] += d;
		s->meet_dense[(size_t)q * s->n + p] += d;
		return;
	}
	pairmap_get(&s->meet_map, p, q, NULL)->count += d;
}

/* Is {p, q} vetoed?  An oracle failure is kept for seating_run. */
int
seating_state_veto(struct seating *s, uint32_t p, uint32_t q)
{
	uint8_t *cache = NULL;
	int veto;

	if (!s->may_veto[p] || !s->may_veto[q] || s->failed)
		return 0;
	if (s->veto_dense != NULL) {
		cache = &s->veto_dense[(size_t)p * s->n + q];
		if (*cache != 0)
			return *cache == 2;
	}
	if (assign_ctx_vetoed(s->c, s->node[p], s->node[q], &veto,
	    &s->cause) != 0) {
		s->failed = 1;
		return 0;
	}
	if (cache != NULL)
		*cache = s->veto_dense[(size_t)q * s->n + p] = veto ? 2 : 1;
	return veto;
}

int
seating_state_pinned(const struct seating *s, uint32_t p, uint32_t q)
{
	return s->pins != NULL && s->pins[p] && s->pins[q] &&
	    assign_ctx_pinned(s->c, s->node[p], s->node[q]);
}

void
seating_state_pins_apart(struct seating *s)
{
	uint32_t p;

	s->conflicts += s->npins;
	for (p = 0; s->pins != NULL && p < s->n; p++)
		if (s->pins[p])
			state_bad(s, 0, p, (int)s->pins[p]);
}

/* The quota bits of {p, q}; an oracle failure is kept for seating_run
 * and reads as none. */
static unsigned
state_bits(struct seating *s, uint32_t p, uint32_t q)
{
	uint16_t *cache = NULL;
	unsigned bits;

	if (s->failed)
		return 0;
	if (s->qbits_dense != NULL) {
		cache = &s->qbits_dense[(size_t)p * s->n + q];
		if (*cache != 0)
			return *cache - 1u;
	}
	if (assign_ctx_quota(s->c, s->node[p], s->node[q], &bits,
	    &s->cause) != 0) {
		s->failed = 1;
		return 0;
	}
	if (cache != NULL)
		*cache = s->qbits_dense[(size_t)q * s->n + p] =
		    (uint16_t)(bits + 1);
	return bits;
}

/* How far p is over its quotas, with DELTA[q] (or none) added to its
 * counts. */
static uint32_t
state_excess(const struct seating *s, uint32_t p, const int32_t *delta)
{
	uint32_t q, over = 0;
	int64_t c;

	for (q = 0; q < s->nquota; q++) {
		c = (int64_t)s->qcount[q * s->n + p] + (delta ? delta[q] : 0);
		if (c > (int64_t)s->qmax[q * s->n + p])
			over += (uint32_t)(c - s->qmax[q * s->n + p]);
	}
	return over;
}

/* p and x start (D = 1) or stop (D = -1) sharing a table: their quota
 * counts, the conflicts over quotas, and who is bad for it. */
static void
state_quota_relate(struct seating *s, uint32_t p, uint32_t x, int d)
{
	unsigned bits = state_bits(s, p, x);
	uint32_t ends[2] = { p, x }, i, q, r, before, after;

	if (bits == 0)
		return;
	for (i = 0; i < 2; i++) {
		before = state_excess(s, ends[i], NULL);
		for (q = 0; q < s->nquota; q++)
			if (bits & (1u << q))
				s->qcount[q * s->n + ends[i]] += d;
		after = state_excess(s, ends[i], NULL);
		s->conflicts += (int64_t)after - before;
		if ((before == 0) == (after == 0))
			continue;
		for (r = 0; r < s->rounds; r++)
			state_bad(s, r, ends[i], after ? 1 : -1);
	}
}

int32_t
seating_state_quota_swap(struct seating *s, uint32_t r, uint32_t p,
    uint32_t q)
{
	uint32_t n = s->n, a, b, i, k, x, nq = s->nquota;
	const uint32_t *row = s->slot + (size_t)r * n;
	int32_t dp[GRAPH_MAX_QUOTA] = { 0 }, dq[GRAPH_MAX_QUOTA] = { 0 };
	int32_t dx[GRAPH_MAX_QUOTA], change = 0;
	unsigned bp, bq;

	if (s->qcount == NULL)
		return 0;
	a = s->tab[r * n + p];
	b = s->tab[r * n + q];
	/* x at p's table loses p and gains q; x at q's table the reverse */
	for (i = s->start[a]; i < s->start[a] + s->size[a]; i++) {
		if ((x = row[i]) == p)
			continue;
		bp = state_bits(s, p, x);
		bq = state_bits(s, q, x);
		for (k = 0; k < nq; k++) {
			dx[k] = (int32_t)((bq >> k) & 1) - ((bp >> k) & 1);
			dp[k] -= (bp >> k) & 1;
			dq[k] += (bq >> k) & 1;
		}
		if (bp | bq)
			change += (int32_t)state_excess(s, x, dx) -
			    (int32_t)state_excess(s, x, NULL);
	}
	for (i = s->start[b]; i < s->start[b] + s->size[b]; i++) {
		if ((x = row[i]) == q)
			continue;
		bp = state_bits(s, p, x);
		bq = state_bits(s, q, x);
		for (k = 0; k < nq; k++) {
			dx[k] = (int32_t)((bp >> k) & 1) - ((bq >> k) & 1);
			dp[k] += (bp >> k) & 1;
			dq[k] -= (bq >> k) & 1;
		}
		if (bp | bq)
			change += (int32_t)state_excess(s, x, dx) -
			    (int32_t)state_excess(s, x, NULL);
	}
	change += (int32_t)state_excess(s, p, dp) -
	    (int32_t)state_excess(s, p, NULL);
	change += (int32_t)state_excess(s, q, dq) -
	    (int32_t)state_excess(s, q, NULL);
	return change;
}

double
seating_state_weight(const struct seating *s, uint32_t p, uint32_t q)
{
	if (s->c->g->nedges == 0)
		return 0;
	return assign_ctx_weight(s->c, s->node[p], s->node[q]);
}

/* Count D more (or fewer) bad relations for p in round r. */
static void
state_bad(struct seating *s, uint32_t r, uint32_t p, int d)
{
	uint32_t i = r * s->n + p, last;

	s->bad[i] += d;
	if (s->bad[i] > 0 && s->conf_at[i] == UINT32_MAX) {
		s->conf_at[i] = s->nconf;
		s->conf[s->nconf++] = i;
	} else if (s->bad[i] == 0 && s->conf_at[i] != UINT32_MAX) {
		last = s->conf[--s->nconf];
		s->conf[s->conf_at[i]] = last;
		s->conf_at[last] = s->conf_at[i];
		s->conf_at[i] = UINT32_MAX;
	}
}

/*
 * The meetings of p and x went from OLD to NEW because of round r: in
 * every other round whether they "met elsewhere" may have flipped.
 */
static void
state_rep_relate(struct seating *s, uint32_t r, uint32_t p, uint32_t x,
    uint32_t old, uint32_t new)
{
	uint32_t n = s->n, T = s->tables, r2, same, tp, tx;
	int d;

	for (r2 = 0; r2 < s->rounds; r2++) {
		if (r2 == r)
			continue;
		tp = s->tab[r2 * n + p];
		tx = s->tab[r2 * n + x];
		if (tp == UINT32_MAX || tx == UINT32_MAX)
			continue;
		same = tp == tx;
		if ((old - same >= 1) == (new - same >= 1))
			continue;
		d = new - same >= 1 ? 1 : -1;
		s->rep[((size_t)r2 * n + p) * T + tx] += d;
		s->rep[((size_t)r2 * n + x) * T + tp] += d;
	}
}

/* p moves from table A to B in round r: everyone who meets p in another
 * round now counts p at B. */
static void
state_rep_move(struct seating *s, uint32_t r, uint32_t p, uint32_t a,
    uint32_t b)
{
	uint32_t n = s->n, T = s->tables, r2, r3, t, i, y;

	for (r2 = 0; r2 < s->rounds; r2++) {
		if (r2 == r)
			continue;
		t = s->tab[r2 * n + p];
		for (i = s->start[t]; i < s->start[t] + s->size[t]; i++) {
			y = s->slot[(size_t)r2 * n + i];
			if (y == p)
				continue;
			/* Once per person: at their first meeting. */
			for (r3 = 0; r3 < r2; r3++)
				if (r3 != r && s->tab[r3 * n + y] ==
				    s->tab[r3 * n + p])
					break;
			if (r3 < r2)
				continue;
			s->rep[((size_t)r * n + y) * T + a]--;
			s->rep[((size_t)r * n + y) * T + b]++;
		}
	}
}

/* Count rep from scratch (after the start). */
void
seating_state_count_rep(struct seating *s)
{
	uint32_t n = s->n, T = s->tables, r, p, x, same;

	memset(s->rep, 0, (size_t)s->rounds * n * T * sizeof *s->rep);
	for (r = 0; r < s->rounds; r++)
		for (p = 0; p < n; p++)
			for (x = 0; x < n; x++) {
				if (x == p)
					continue;
				same = s->tab[r * n + p] == s->tab[r * n + x];
				if (seating_state_meet(s, p, x) - same >= 1)
					s->rep[((size_t)r * n + p) * T +
					    s->tab[r * n + x]]++;
			}
}

/*
 * p and x start (D = 1) or stop (D = -1) sharing a table in round r.
 * A pair that meets k > 1 times is k - 1 conflicts, and bad for both in
 * every round they meet; a vetoed pair is bad wherever it meets; a
 * pinned pair is bad while apart in round 0; whoever is over a quota is
 * bad in every round, one conflict per table-mate too many.
 */
void
seating_state_relate(struct seating *s, uint32_t r, uint32_t p, uint32_t x,
    int d)
{
	uint32_t m, r2, n = s->n;

	m = seating_state_meet(s, p, x);
	state_meet_add(s, p, x, d);
	if (s->rep != NULL)
		state_rep_relate(s, r, p, x, m, m + d);
	if (d > 0)
		m++;
	/* m: meetings counting round r */
	if (m >= 2) {
		s->conflicts += d;
		state_bad(s, r, p, d);
		state_bad(s, r, x, d);
		if (m == 2) {
			/* The other meeting turns bad (or good) too. */
			for (r2 = 0; r2 < s->rounds; r2++) {
				if (r2 == r || s->tab[r2 * n + p] !=
				    s->tab[r2 * n + x] ||
				    s->tab[r2 * n + p] == UINT32_MAX)
					continue;
				state_bad(s, r2, p, d);
				state_bad(s, r2, x, d);
				break;
			}
		}
	}
	if (seating_state_veto(s, p, x)) {
		s->conflicts += d;
		state_bad(s, r, p, d);
		state_bad(s, r, x, d);
	}
	if (r == 0 && seating_state_pinned(s, p, x)) {
		s->conflicts -= d;
		state_bad(s, r, p, -d);
		state_bad(s, r, x, -d);
	}
	if (s->qcount != NULL)
		state_quota_relate(s, p, x, d);
	s->score += d * seating_state_weight(s, p, x);
}

void
seating_state_rebuild(struct seating *s)
{
	uint32_t n = s->n, r, t, i, j, p;
	uint32_t *row, *rep = s->rep;

	s->rep = NULL;		/* counted afresh below */

	if (s->meet_dense != NULL)
		memset(s->meet_dense, 0, (size_t)n * n);
	else {
		pairmap_free(&s->meet_map);
		pairmap_init(&s->meet_map, (size_t)n * s->rounds * 4);
	}
	memset(s->bad, 0, (size_t)s->rounds * n * sizeof *s->bad);
	if (s->qcount != NULL)
		memset(s->qcount, 0, (size_t)s->nquota * n *
		    sizeof *s->qcount);
	for (i = 0; i < s->rounds * n; i++) {
		s->conf_at[i] = UINT32_MAX;
		s->tab[i] = UINT32_MAX;
	}
	s->nconf = 0;
	s->conflicts = 0;
	s->score = 0;
	seating_state_pins_apart(s);
	for (r = 0; r < s->rounds; r++) {
		row = s->slot + (size_t)r * n;
		for (t = 0; t < s->tables; t++) {
			for (i = s->start[t]; i < s->start[t] + s->size[t];
			    i++) {
				p = row[i];
				for (j = s->start[t]; j < i; j++)
					seating_state_relate(s, r, p, row[j],
					    1);
				s->tab[r * n + p] = t;
				s->pos[r * n + p] = i;
			}
		}
	}
	s->rep = rep;
	if (s->rep != NULL)
		seating_state_count_rep(s);
}

/* Swap p and q (at different tables) in round r. */
void
seating_state_swap(struct seating *s, uint32_t r, uint32_t p, uint32_t q)
{
	uint32_t n = s->n, a, b, i, x, pp, pq;
	uint32_t *row = s->slot + (size_t)r * n;

	a = s->tab[r * n + p];
	b = s->tab[r * n + q];
	for (i = s->start[a]; i < s->start[a] + s->size[a]; i++)
		if ((x = row[i]) != p)
			seating_state_relate(s, r, p, x, -1);
	for (i = s->start[b]; i < s->start[b] + s->size[b]; i++)
		if ((x = row[i]) != q)
			seating_state_relate(s, r, q, x, -1);
	if (s->rep != NULL) {
		state_rep_move(s, r, p, a, b);
		state_rep_move(s, r, q, b, a);
	}
	pp = s->pos[r * n + p];
	pq = s->pos[r * n + q];
	row[pp] = q;
	row[pq] = p;
	s->pos[r * n + p] = pq;
	s->pos[r * n + q] = pp;
	s->tab[r * n + p] = b;
	s->tab[r * n + q] = a;
	for (i = s->start[a]; i < s->start[a] + s->size[a]; i++)
		if ((x = row[i]) != q)
			seating_state_relate(s, r, q, x, 1);
	for (i = s->start[b]; i < s->start[b] + s->size[b]; i++)
		if ((x = row[i]) != p)
			seating_state_relate(s, r, p, x, 1);
}
