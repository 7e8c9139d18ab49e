/*
 * seating_start.c -- starting schedules for seating.c.
 *
 * greedy:  people in a seeded random order each take the open table where
 *          they meet the fewest people again (or vetoed), then where their
 *          scores are highest.  Large events only look at the tables of
 *          their candidates and a few random ones.
 * freedom: for tight schedules (people meet most others): each table is
 *          filled two at a time with the pair that keeps the most people
 *          able to join it without a repeat meeting -- the "freedom" idea
 *          of Triska and Musliu's greedy heuristic for the social golfer
 *          problem.  Bit sets, so for small events only.
 * field:   an exact schedule when n = k q people sit at q tables of k, q a
 *          prime power >= k: person (i, j), j in GF(q), sits at table
 *          j - w x_i in round w, so two people meet only in the round w
 *          solving j1 - j2 = w (x_i1 - x_i2).  When k divides q one more
 *          round seats each row i in blocks of k.  32 people at tables of
 *          4 get 9 rounds this way.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "seating_start.h"
#include "seating_state.h"
#include "util.h"

/* Greedy: tables tried per person when there are many. */
#define START_ALL	64
#define START_PROBE	8

/* Freedom: at most this many people (bit sets of n bits per person). */
#define START_FREEDOM_MAX	512

/* Field: the largest field used (its tables are q x q). */
#define START_FIELD_MAX		256

/* The finite field GF(q) as tables (not an attendee field: attendees.h). */
struct gf {
	uint32_t q;
	uint8_t *add;		/* q x q */
	uint8_t *mul;
	uint8_t *neg;		/* additive inverse */
};

static void	start_place(struct seating *, uint32_t, uint32_t, uint32_t,
		    uint32_t *);
static int	gf_irreducible(uint32_t, uint32_t, uint32_t);
static int	gf_make(struct gf *, uint32_t);
static void	gf_free(struct gf *);

/* Seat p at table t of round r in its next free slot. */
static void
start_place(struct seating *s, uint32_t r, uint32_t p, uint32_t t,
    uint32_t *fill)
{
	uint32_t n = s->n, k, *row = s->slot + (size_t)r * n;

	for (k = s->start[t]; k < s->start[t] + fill[t]; k++)
		seating_state_relate(s, r, p, row[k], 1);
	row[s->start[t] + fill[t]] = p;
	s->pos[r * n + p] = s->start[t] + fill[t];
	s->tab[r * n + p] = t;
	fill[t]++;
}

void
seating_start_greedy(struct seating *s, uint32_t r)
{
	const struct graph *g = s->c->g;
	uint32_t n = s->n, T = s->tables, *order, *fill, *open, *open_at;
	uint32_t *cand, ncand, nopen = T, i, j, k, t, p, x, best, ties;
	uint32_t *row = s->slot + (size_t)r * n, *mark, node;
	int64_t cost, bestcost;
	double gain, bestgain;

	order = xcalloc(n ? n : 1, sizeof *order);
	fill = xcalloc(T, sizeof *fill);
	open = xcalloc(T, sizeof *open);
	open_at = xcalloc(T, sizeof *open_at);
	cand = xcalloc(T, sizeof *cand);
	mark = xcalloc(T, sizeof *mark);
	for (i = 0; i < n; i++)
		order[i] = i;
	rng_shuffle32(&s->rng, order, n);
	for (t = 0; t < T; t++)
		open[t] = open_at[t] = t;

	for (i = 0; i < n; i++) {
		p = order[i];
		ncand = 0;
		if (nopen <= START_ALL) {
			for (j = 0; j < nopen; j++)
				cand[ncand++] = open[j];
		} else {
			/* Tables of p's candidates, and a few at random. */
			node = s->node[p];
			for (j = g->adj_off[node]; j < g->adj_off[node + 1] &&
			    ncand < T; j++) {
				x = s->local[graph_other(&g->edges[g->adj[j]],
				    node)];
				if (x == UINT32_MAX ||
				    (t = s->tab[r * n + x]) == UINT32_MAX)
					continue;
				if (fill[t] < s->size[t] && mark[t] != i + 1) {
					mark[t] = i + 1;
					cand[ncand++] = t;
				}
			}
			for (j = 0; j < START_PROBE && ncand < T; j++) {
				t = open[rng_below(&s->rng, nopen)];
				if (mark[t] != i + 1) {
					mark[t] = i + 1;
					cand[ncand++] = t;
				}
			}
		}
		best = UINT32_MAX;
		bestcost = 0;
		bestgain = 0;
		ties = 0;
		for (j = 0; j < ncand; j++) {
			t = cand[j];
			cost = 0;
			gain = 0;
			for (k = s->start[t]; k < s->start[t] + fill[t]; k++) {
				x = row[k];
				cost += seating_state_meet(s, p, x) >= 1;
				cost += seating_state_veto(s, p, x);
				gain += seating_state_weight(s, p, x);
			}
			if (best == UINT32_MAX || cost < bestcost ||
			    (cost == bestcost && gain > bestgain)) {
				best = t;
				bestcost = cost;
				bestgain = gain;
				ties = 1;
			} else if (cost == bestcost && gain == bestgain &&
			    rng_below(&s->rng, ++ties) == 0)
				best = t;	/* a fair pick among ties */
		}
		t = best;
		start_place(s, r, p, t, fill);
		if (fill[t] == s->size[t]) {
			j = open_at[t];
			open[j] = open[--nopen];
			open_at[open[j]] = j;
		}
	}
	free(order);
	free(fill);
	free(open);
	free(open_at);
	free(cand);
	free(mark);
}

void
seating_start_freedom(struct seating *s, uint32_t r)
{
	uint32_t n = s->n, W = (n + 63) / 64, t, a, b, k, x, ng, ties;
	uint32_t *grp, *fill, add[2], nadd, ba, bb;
	uint64_t *unmet, *U, *F, w;
	int64_t c, bestc;
	int f, bestf, pair;

	if (n > START_FREEDOM_MAX) {
		seating_start_greedy(s, r);
		return;
	}
	unmet = xcalloc((size_t)n * W + 1, sizeof *unmet);
	U = xcalloc(W + 1, sizeof *U);
	F = xcalloc(W + 1, sizeof *F);
	grp = xcalloc(n + 1, sizeof *grp);
	fill = xcalloc(s->tables, sizeof *fill);
	for (a = 0; a < n; a++) {
		U[a / 64] |= 1ULL << (a % 64);
		for (b = 0; b < n; b++)
			if (b != a && seating_state_meet(s, a, b) == 0)
				unmet[(size_t)a * W + b / 64] |= 1ULL << (b % 64);
	}
	for (t = 0; t < s->tables; t++) {
		ng = 0;
		memcpy(F, U, W * sizeof *F);	/* who may still join */
		while (ng < s->size[t]) {
			pair = s->size[t] - ng >= 2;
			bestc = bestf = -1;
			ba = bb = UINT32_MAX;
			ties = 0;
			for (a = 0; a < n; a++) {
				if (!(U[a / 64] >> (a % 64) & 1))
					continue;
				for (b = pair ? a + 1 : a; b < n; b++) {
					if (pair && !(U[b / 64] >> (b % 64) & 1))
						continue;
					/* Repeats it causes, then freedom. */
					c = pair &&
					    seating_state_meet(s, a, b) > 0;
					for (k = 0; k < ng; k++) {
						c += seating_state_meet(s, a,
						    grp[k]) > 0;
						if (pair)
							c += seating_state_meet(
							    s, b, grp[k]) > 0;
					}
					f = 0;
					for (x = 0; x < W; x++) {
						w = F[x] & unmet[(size_t)a * W + x];
						if (pair)
							w &= unmet[(size_t)b * W + x];
						f += __builtin_popcountll(w);
					}
					if (ba == UINT32_MAX || c < bestc ||
					    (c == bestc && f > bestf)) {
						bestc = c;
						bestf = f;
						ba = a;
						bb = b;
						ties = 1;
					} else if (c == bestc && f == bestf &&
					    rng_below(&s->rng, ++ties) == 0) {
						ba = a;
						bb = b;
					}
					if (!pair)
						break;
				}
			}
			add[0] = ba;
			add[1] = bb;
			nadd = pair ? 2 : 1;
			for (k = 0; k < nadd; k++) {
				start_place(s, r, add[k], t, fill);
				grp[ng++] = add[k];
				U[add[k] / 64] &= ~(1ULL << (add[k] % 64));
				for (x = 0; x < W; x++)
					F[x] &= unmet[(size_t)add[k] * W + x];
			}
		}
	}
	free(unmet);
	free(U);
	free(F);
	free(grp);
	free(fill);
}

/* Is the monic polynomial of degree M over Z_P with lower coefficients
 * POLY (base P digits) irreducible?  Tries every monic divisor of degree
 * 1 .. M/2. */
static int
gf_irreducible(uint32_t p, uint32_t m, uint32_t poly)
{
	uint32_t d, nd, t, i, j, k, cb, rem[16], dv[16], any;

	for (d = 1; d <= m / 2; d++) {
		for (i = 0, nd = 1; i < d; i++)
			nd *= p;
		for (t = 0; t < nd; t++) {
			for (i = 0, j = poly; i < m; i++, j /= p)
				rem[i] = j % p;
			rem[m] = 1;
			for (i = 0, j = t; i < d; i++, j /= p)
				dv[i] = j % p;
			dv[d] = 1;
			/* Long division; the remainder is rem[0 .. d-1]. */
			for (i = m + 1; i-- > d;) {
				cb = rem[i];
				for (k = 0; k <= d; k++)
					rem[i - d + k] = (rem[i - d + k] + p -
					    cb * dv[k] % p) % p;
			}
			for (i = 0, any = 0; i < d; i++)
				any |= rem[i];
			if (any == 0)
				return 0;
		}
	}
	return 1;
}

/* GF(q) by tables, q a prime power up to START_FIELD_MAX: polynomials
 * over Z_p modulo the first monic irreducible one of degree m. */
static int
gf_make(struct gf *f, uint32_t q)
{
	uint32_t p, m, qq, poly, a, b, i, j, k, t, cb, prod;
	uint32_t da[8], db[8], dp[16];

	memset(f, 0, sizeof *f);
	if (q < 2 || q > START_FIELD_MAX)
		return -1;
	for (p = 2; q % p != 0; p++)
		;
	for (m = 0, qq = 1; qq < q; m++)
		qq *= p;
	if (qq != q)
		return -1;	/* not a prime power */
	for (poly = 0; poly < q && !gf_irreducible(p, m, poly); poly++)
		;
	if (poly == q)
		return -1;

	f->q = q;
	f->add = xcalloc((size_t)q * q, 1);
	f->mul = xcalloc((size_t)q * q, 1);
	f->neg = xcalloc(q, 1);
	for (a = 0; a < q; a++) {
		for (i = 0, j = a; i < m; i++, j /= p)
			da[i] = j % p;
		for (b = 0; b < q; b++) {
			for (i = 0, j = b; i < m; i++, j /= p)
				db[i] = j % p;
			for (i = m, t = 0; i-- > 0;)
				t = t * p + (da[i] + db[i]) % p;
			f->add[a * q + b] = (uint8_t)t;
			if (t == 0)
				f->neg[a] = (uint8_t)b;
			/* Product, reduced by x^m = -(c_0 + c_1 x + ...). */
			memset(dp, 0, sizeof dp);
			for (i = 0; i < m; i++)
				for (j = 0; j < m; j++)
					dp[i + j] = (dp[i + j] + da[i] * db[j]) % p;
			for (i = 2 * m - 1; i-- > m;) {
				cb = dp[i];
				dp[i] = 0;
				for (k = 0, j = poly; k < m; k++, j /= p)
					dp[i - m + k] = (dp[i - m + k] + p -
					    cb * (j % p) % p) % p;
			}
			for (i = m, prod = 0; i-- > 0;)
				prod = prod * p + dp[i];
			f->mul[a * q + b] = (uint8_t)prod;
		}
	}
	return 0;
}

static void
gf_free(struct gf *f)
{
	free(f->add);
	free(f->mul);
	free(f->neg);
}

int
seating_start_field(struct seating *s)
{
	struct gf f;
	uint32_t n = s->n, q = s->tables, k, r, i, j, t, *perm, *fill, p;
	uint32_t *row;

	if (q == 0 || n % q != 0 || n / q < 2)
		return -1;
	k = n / q;
	for (t = 0; t < q; t++)
		if (s->size[t] != k)
			return -1;
	if (k > q || s->rounds > q + (q % k == 0) || gf_make(&f, q) != 0)
		return -1;

	/* Who is (i, j): a seeded shuffle. */
	perm = xcalloc(n, sizeof *perm);
	for (p = 0; p < n; p++)
		perm[p] = p;
	rng_shuffle32(&s->rng, perm, n);
	fill = xcalloc(q, sizeof *fill);
	for (r = 0; r < s->rounds; r++) {
		memset(fill, 0, q * sizeof *fill);
		row = s->slot + (size_t)r * n;
		for (i = 0; i < k; i++) {
			for (j = 0; j < q; j++) {
				if (r < q)	/* table j - w x_i */
					t = f.add[j * q + f.neg[f.mul[r * q +
					    i]]];
				else		/* row i in blocks of k */
					t = i * (q / k) + j / k;
				p = perm[i * q + j];
				row[s->start[t] + fill[t]] = p;
				fill[t]++;
			}
		}
	}
	free(fill);
	free(perm);
	gf_free(&f);
	seating_state_rebuild(s);
	return 0;
}
