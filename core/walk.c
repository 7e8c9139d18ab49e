/*
 * walk.c -- the walk over every strategy's terms at once (walk.h).
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "walk.h"
#include "walk_internal.h"

/* Long terms: this share of the attendees at least, and this many. */
#define WALK_LONG_SHARE	32
#define WALK_LONG_MIN	512
/* The most bitmaps a worker keeps; a long term past them is walked. */
#define WALK_BITS_MAX	256

/* A long term's holders, by the lists they come from. */
struct walk_bits {
	const uint32_t *ids;
	const float *weight;
	uint32_t n;
	uint64_t *bits;
	/* With WEIGHT: per word of BITS, the holders before it (a holder's
	 * place in IDS); per place, the weight over the greatest, WMAX, in
	 * 255ths rounded up: read at random, a byte each is mostly in cache
	 * where WEIGHT is not.  RANK NULL if IDS are not strictly ascending
	 * or none is in the event. */
	uint32_t *rank;
	uint8_t *q;
	double wmax;
};

/* One of A's terms, as a strategy gave it, times its weight. */
struct walk_term {
	const uint32_t *ids;
	const float *weight;
	uint32_t n;
	uint32_t group;		/* its vector's, or its strategy's */
	int unit;		/* the group is a unit vector */
	int bonus;		/* its strategy gives group bonuses */
	double gain, upper;
	const struct walk_bits *kept;	/* a long term's holders; NULL:
					   short */
	size_t order;		/* as given: the last tie-break */
};

void
walk_init(struct walk *w, size_t n)
{
	memset(w, 0, sizeof *w);
	w->n = n;
	w->long_min = n / WALK_LONG_SHARE > WALK_LONG_MIN ?
	    n / WALK_LONG_SHARE : WALK_LONG_MIN;
	w->part = xcalloc(n + 1, sizeof *w->part);
	w->bonus = xcalloc(n + 1, sizeof *w->bonus);
	w->seen = xcalloc(walk_words(n), sizeof *w->seen);
	w->met = xcalloc(n + 1, sizeof *w->met);
	w->at = xcalloc(n + 1, sizeof *w->at);
	w->ub = xcalloc(n + 1, sizeof *w->ub);
	w->fit = xcalloc(n + 1, sizeof *w->fit);
	w->bits = xcalloc(WALK_BITS_MAX, sizeof *w->bits);
#if defined(__x86_64__) || defined(__i386__)
	__builtin_cpu_init();
	w->popcnt = __builtin_cpu_supports("popcnt");
#endif
}

void
walk_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nbits; i++) {
		free(w->bits[i].bits);
		free(w->bits[i].rank);
		free(w->bits[i].q);
	}
	free(w->bits);
	free(w->part);
	free(w->bonus);
	free(w->seen);
	free(w->met);
	free(w->at);
	free(w->ub);
	free(w->fit);
	free(w->terms);
	free(w->probe);
	free(w->sorted);
	free(w->suf);
	free(w->masks);
	free(w->steps);
	free(w->group);
	free(w->buf);
	memset(w, 0, sizeof *w);
}

/* Short terms first, as given; then the long ones, the most they add per
 * holder first. */
static int
walk_term_cmp(const void *x, const void *y)
{
	const struct walk_term *s = x, *t = y;
	double ds, dt;

	if ((s->kept != NULL) != (t->kept != NULL))
		return s->kept != NULL ? 1 : -1;
	if (s->kept != NULL) {
		ds = s->upper / s->n;
		dt = t->upper / t->n;
		if (ds != dt)
			return ds > dt ? -1 : 1;
	}
	return (s->order > t->order) - (s->order < t->order);
}

/* B->q: its M holders' weights in 255ths of the greatest, rounded up. */
static void
walk_bits_weigh(struct walk_bits *b, size_t m)
{
	size_t j;
	double q;

	b->wmax = 0;
	for (j = 0; j < m; j++)
		b->wmax = fmax(b->wmax, b->weight[j]);
	b->q = xcalloc(m, 1);
	for (j = 0; j < m && b->wmax > 0; j++) {
		q = ceil(b->weight[j] / b->wmax * 255);
		if (q / 255 * b->wmax < b->weight[j])
			q++;
		b->q[j] = (uint8_t)(q < 255 ? q : 255);
	}
}

/* The bitmap of the holders of IDS (N) and their WEIGHT, made if not kept
 * yet; NULL if no more are kept. */
static const struct walk_bits *
walk_bits_of(struct walk *w, const uint32_t *ids, const float *weight,
    uint32_t n)
{
	struct walk_bits *b;
	size_t j, words = walk_words(w->n), held = 0;
	int ascending = 1;

	for (b = w->bits; b < w->bits + w->nbits; b++)
		if (b->ids == ids && b->weight == weight && b->n == n)
			return b;
	if (w->nbits == WALK_BITS_MAX)
		return NULL;
	b = &w->bits[w->nbits++];
	memset(b, 0, sizeof *b);
	b->ids = ids;
	b->weight = weight;
	b->n = n;
	b->bits = xcalloc(words, sizeof *b->bits);
	for (j = 0; j < n; j++) {
		ascending &= j == 0 || ids[j] > ids[j - 1];
		if (ids[j] < w->n)
			b->bits[ids[j] >> 6] |= (uint64_t)1 << (ids[j] & 63);
	}
	if (weight == NULL || !ascending)
		return b;
	/* those past the event come last: a holder's place is the count
	 * of holders before it */
	b->rank = xcalloc(words, sizeof *b->rank);
	for (j = 0; j < words; j++) {
		b->rank[j] = (uint32_t)held;
		held += (size_t)__builtin_popcountll(b->bits[j]);
	}
	if (held == 0) {
		free(b->rank);
		b->rank = NULL;
		return b;
	}
	walk_bits_weigh(b, held);
	return b;
}

/* Strategy S's terms for A into W->buf, *M of them.  Returns 0 or -1. */
static int
walk_ask(struct walk *w, const struct strategy *s, uint32_t a, size_t *m)
{
	for (;;) {
		if (s->ops->terms(s->self, a, w->buf, w->bcap, m) != 0)
			return -1;
		if (*m <= w->bcap)
			return 0;
		w->bcap = *m + 16;
		w->buf = xreallocarray(w->buf, w->bcap, sizeof *w->buf);
	}
}

/* Term T's holders gain their share, in W->part (and in W->bonus if T's
 * strategy gives group bonuses) by where they were met; those met first
 * are zeroed and marked.  Those whose UB is kept (below nub) had T's
 * upper in it: it becomes what they gain. */
static void
walk_term(struct walk *w, const struct walk_term *t)
{
	const uint32_t *ids = t->ids;
	const float *wt = t->weight;
	/* not restrict: walk_meet writes them too */
	double *part = w->part, *bonus = w->bonus;
	uint64_t *restrict seen = w->seen;
	const uint32_t *at = w->at;
	double gain = t->gain, add = gain, fit = t->bonus ? 0 : 1;
	size_t nmet = w->nmet, limit = w->n, nub = w->nub;
	uint32_t j, id, i;
	uint64_t bit;

	for (j = 0; j < t->n; j++) {
		if ((id = ids[j]) >= limit)
			continue;
		if (wt != NULL)
			add = gain * wt[j];
		bit = (uint64_t)1 << (id & 63);
		if (!(seen[id >> 6] & bit)) {
			seen[id >> 6] |= bit;
			i = (uint32_t)nmet;
			nmet = walk_meet(w, nmet, id);
		} else if ((i = at[id]) < nub) {
			w->ub[i] += add - t->upper;
			w->fit[i] += fit * (add - t->upper);
		}
		part[i] += add;
		if (t->bonus)
			bonus[i] += add;
	}
	w->nmet = nmet;
}

/* Strategy S's terms for A appended to W's.  Returns 0 or -1. */
static int
walk_add_terms(struct walk *w, const struct strategy *s, uint32_t a)
{
	const struct mingle_term *x;
	struct walk_term *t;
	uint32_t base = w->ngroups;
	size_t i, m;

	if (walk_ask(w, s, a, &m) != 0)
		return -1;
	if (w->nterms + m > w->tcap) {
		w->tcap = 2 * (w->nterms + m) + 16;
		w->terms = xreallocarray(w->terms, w->tcap, sizeof *w->terms);
	}
	/* group base: the strategy's terms outside any vector; base + v:
	 * its vector v */
	w->ngroups++;
	for (i = 0; i < m; i++) {
		x = &w->buf[i];
		t = &w->terms[w->nterms + i];
		*t = (struct walk_term){ x->ids, x->weight, x->n,
		    base + x->vector, x->vector != 0, s->group_bonus,
		    s->weight * x->gain, s->weight * x->upper, NULL,
		    w->nterms + i };
		if (x->n >= w->long_min)
			t->kept = walk_bits_of(w, x->ids, x->weight, x->n);
		if (base + x->vector >= w->ngroups)
			w->ngroups = base + x->vector + 1;
	}
	w->nterms += m;
	return 0;
}

/* Long term T as probed: by its holders' weights where it has them and
 * their places are known, else by its upper. */
static void
walk_probe_of(struct walk_probe *p, const struct walk_term *t)
{
	*p = (struct walk_probe){ t->kept->bits, t->upper, t->bonus ? 0 :
	    t->upper, NULL, NULL, 0, !t->bonus };
	if (t->kept->rank != NULL) {
		p->rank = t->kept->rank;
		p->q = t->kept->q;
		p->step = t->gain * t->kept->wmax / 255;
	}
}

int
walk_start(struct walk *w, const struct strategy *s, size_t ns, uint32_t a)
{
	size_t k;

	walk_clear(w);
	for (k = 0; k < ns; k++)
		if (s[k].has_terms && walk_add_terms(w, &s[k], a) != 0)
			return -1;
	if (w->nterms > 1)
		qsort(w->terms, w->nterms, sizeof *w->terms, walk_term_cmp);
	w->group = xreallocarray(w->group, 2 * (size_t)w->ngroups + 1,
	    sizeof *w->group);
	while (w->next < w->nterms && w->terms[w->next].kept == NULL)
		(void)walk_more(w);
	w->first_long = w->next;
	w->probe = xreallocarray(w->probe, w->nterms - w->next + 1,
	    sizeof *w->probe);
	w->sharp = 0;
	for (k = w->next; k < w->nterms; k++) {
		walk_probe_of(&w->probe[k - w->next], &w->terms[k]);
		w->sharp |= w->probe[k - w->next].rank != NULL;
	}
	return 0;
}

int
walk_more(struct walk *w)
{
	if (w->next == w->nterms)
		return -1;
	walk_term(w, &w->terms[w->next++]);
	return 0;
}

double
walk_rest(const struct walk *w, int fit)
{
	double *upper = w->group, *square = w->group + w->ngroups, sum = 0;
	const struct walk_term *t;
	size_t j;
	uint32_t g;

	if (w->reached)
		return fit ? w->reach_fit : w->reach_ub;

	memset(w->group, 0, 2 * (size_t)w->ngroups * sizeof *w->group);
	for (j = w->next; j < w->nterms; j++) {
		t = &w->terms[j];
		if (fit && t->bonus)
			continue;
		upper[t->group] += t->upper;
		/* a group outside a vector has no length to bound it */
		square[t->group] = t->unit ? square[t->group] +
		    t->gain * t->gain : HUGE_VAL;
	}
	for (g = 0; g < w->ngroups; g++)
		sum += sqrt(square[g]) < upper[g] ? sqrt(square[g]) :
		    upper[g];
	return sum;
}

/* B's UB (B the I-th met), and in *FIT without group bonuses: a long
 * term B holds adds its upper.  Without branches: whether B holds it is
 * as likely as not. */
static inline double
walk_ub(const struct walk *w, size_t i, uint32_t b, double *fit)
{
	const struct walk_probe *p = w->probe + (w->next - w->first_long);
	size_t j, np = w->nterms - w->next;
	double ub = w->part[i], f = ub - w->bonus[i], held;

	for (j = 0; j < np; j++) {
		held = (double)((p[j].bits[b >> 6] >> (b & 63)) & 1);
		ub += held * p[j].upper;
		f += held * p[j].fit;
	}
	*fit = f;
	return ub;
}

/* walk_ub(), but a long term with weights adds what B gains, by B's
 * place among its holders (the count of those before it): a hair more,
 * its weight rounded up to 255ths of the greatest.  (STEP times Q may
 * round an ulp below gain times weight: the engine's floors are a hair
 * lower, for sums added in another order.) */
static inline double
walk_ub_sharp(const struct walk *w, size_t i, uint32_t b, double *fit)
{
	const struct walk_probe *p = w->probe + (w->next - w->first_long);
	size_t j, np = w->nterms - w->next;
	double ub = w->part[i], f = ub - w->bonus[i], add;
	uint64_t word, below = ((uint64_t)1 << (b & 63)) - 1;
	uint32_t r;

	for (j = 0; j < np; j++) {
		word = p[j].bits[b >> 6];
		if (!((word >> (b & 63)) & 1))
			continue;
		if (p[j].rank == NULL) {
			ub += p[j].upper;
			f += p[j].fit;
			continue;
		}
		/* B holds it: its place is a holder's */
		r = p[j].rank[b >> 6] +
		    (uint32_t)__builtin_popcountll(word & below);
		add = p[j].step * p[j].q[r];
		ub += add;
		f += p[j].fit_too * add;
	}
	*fit = f;
	return ub;
}

/* walk_ub_sharp() with the CPU's popcount where it has one. */
static double
walk_sharp_baseline(const struct walk *w, size_t i, uint32_t b, double *fit)
{
	return walk_ub_sharp(w, i, b, fit);
}

#if defined(__x86_64__) || defined(__i386__)
static __attribute__((target("popcnt"))) double
walk_sharp_popcnt(const struct walk *w, size_t i, uint32_t b, double *fit)
{
	return walk_ub_sharp(w, i, b, fit);
}
#endif

/* B's *UB and *FIT sharpened: the long terms with weights (if any,
 * W->sharp) add what B gains, not their uppers.  A random read per term
 * B holds, where walk_ub reads bitmaps: so only for those whom the
 * uppers do not rule out. */
static void
walk_sharpen(const struct walk *w, size_t i, uint32_t b, double *ub,
    double *fit)
{
	if (!w->sharp)
		return;
#if defined(__x86_64__) || defined(__i386__)
	if (w->popcnt) {
		*ub = walk_sharp_popcnt(w, i, b, fit);
		return;
	}
#endif
	*ub = walk_sharp_baseline(w, i, b, fit);
}

/* Offer X to TOP, a min-heap of the *N best of at most K. */
static inline void
walk_offer(struct walk_top *top, size_t *n, size_t k, struct walk_top x)
{
	size_t at, child;

	if (*n < k) {
		for (at = (*n)++; at > 0 && top[(at - 1) / 2].v > x.v;
		    at = (at - 1) / 2)
			top[at] = top[(at - 1) / 2];
		top[at] = x;
		return;
	}
	if (k == 0 || !(x.v > top[0].v))
		return;
	for (at = 0; (child = 2 * at + 1) < *n; at = child) {
		if (child + 1 < *n && top[child + 1].v < top[child].v)
			child++;
		if (!(top[child].v < x.v))
			break;
		top[at] = top[child];
	}
	top[at] = x;
}

/* The UBs of those met since they were last kept. */
static void
walk_ubs(struct walk *w)
{
	for (; w->nub < w->nmet; w->nub++)
		w->ub[w->nub] = walk_ub(w, w->nub, w->met[w->nub],
		    &w->fit[w->nub]);
}

void
walk_best(struct walk *w, uint32_t a, const unsigned char *active,
    struct walk_top *top, size_t *n, size_t k, struct walk_top *fit,
    size_t *nfit, size_t kfit)
{
	size_t i;
	uint32_t b;

	walk_ubs(w);
	*n = *nfit = 0;
	for (i = 0; i < w->nmet; i++) {
		/* full heaps it cannot enter: whoever it is (a read at
		 * random) does not matter */
		if (*n == k && *nfit == kfit && (k == 0 ||
		    !(w->ub[i] > top[0].v)) && (kfit == 0 ||
		    !(w->fit[i] > fit[0].v)))
			continue;
		if ((b = w->met[i]) == a || !active[b])
			continue;
		walk_offer(top, n, k, (struct walk_top){ w->ub[i], w->fit[i],
		    b });
		walk_offer(fit, nfit, kfit, (struct walk_top){ w->fit[i],
		    w->fit[i], b });
	}
}

void
walk_pick(struct walk *w, size_t from, uint32_t a,
    const unsigned char *active, double floor, double floor_fit,
    struct walk_top *out, size_t *m, double *drop, double *drop_fit)
{
	size_t i;
	uint32_t b;
	double ub, f;

	walk_ubs(w);
	*m = 0;
	for (i = from; i < w->nmet; i++) {
		ub = w->ub[i];
		f = w->fit[i];
		/* below the floors and the drops: whoever it is (a read at
		 * random) does not matter */
		if (ub < floor && f < floor_fit && !(ub > *drop) &&
		    !(f > *drop_fit))
			continue;
		if ((b = w->met[i]) == a || !active[b])
			continue;
		if (ub >= floor || f >= floor_fit)
			walk_sharpen(w, i, b, &ub, &f);
		if (ub >= floor || f >= floor_fit) {
			out[(*m)++] = (struct walk_top){ ub, f, b };
			continue;
		}
		if (ub > *drop)
			*drop = ub;
		if (f > *drop_fit)
			*drop_fit = f;
	}
}

void
walk_clear(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nmet; i++)
		w->seen[w->met[i] >> 6] = 0;
	w->nmet = 0;
	w->nub = 0;
	w->nterms = 0;
	w->next = 0;
	w->ngroups = 0;
	w->reached = 0;
}
