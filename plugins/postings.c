/*
 * postings.c -- an inverted index and the candidate walk over it
 * (postings.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "postings.h"

/* A term of the walk: its upper bound, then its id for a stable order;
 * A's weight of it, or 0 in an index without weights. */
struct walk_term {
	double upper;
	uint32_t term;
	double mine;
};

/* The walk's result: OUT[0 .. len) (room for CAP), and once ascending
 * (walk_order), PART their partial scores. */
struct walk {
	uint32_t *out;
	size_t cap;
	size_t len;
	double *part;
};

int
postings_build(struct postings *p, uint32_t nterms, uint32_t n,
    const uint32_t *doc_off, const uint32_t *terms, const float *weights)
{
	uint32_t d, t;
	size_t i, total = doc_off[n] - doc_off[0];

	memset(p, 0, sizeof *p);
	p->nterms = nterms;
	p->ndocs = n;
	p->off = calloc((size_t)nterms + 2, sizeof *p->off);
	p->ids = calloc(total + 1, sizeof *p->ids);
	if (weights != NULL)
		p->w = calloc(total + 1, sizeof *p->w);
	if (p->off == NULL || p->ids == NULL ||
	    (weights != NULL && p->w == NULL)) {
		postings_free(p);
		return -1;
	}
	/* off[t + 2] counts term t, then off[t + 1] is where it goes */
	for (i = doc_off[0]; i < doc_off[n]; i++)
		p->off[terms[i] + 2]++;
	for (t = 0; t < nterms; t++)
		p->off[t + 2] += p->off[t + 1];
	for (d = 0; d < n; d++) {
		for (i = doc_off[d]; i < doc_off[d + 1]; i++) {
			if (weights != NULL)
				p->w[p->off[terms[i] + 1]] = weights[i];
			p->ids[p->off[terms[i] + 1]++] = d;
		}
	}
	return 0;
}

void
postings_free(struct postings *p)
{
	free(p->off);
	free(p->ids);
	free(p->w);
	memset(p, 0, sizeof *p);
}

/* Highest upper bound first, then lowest term id. */
static int
walk_term_cmp(const void *x, const void *y)
{
	const struct walk_term *s = x, *t = y;

	if (s->upper != t->upper)
		return s->upper > t->upper ? -1 : 1;
	return (s->term > t->term) - (s->term < t->term);
}

/*
 * The walk's partial scores, dense: SUM[id] for those marked in SEEN (a
 * bit each), whose ids are in W->out in the order met.  Adding a term
 * costs its list alone, whatever the walk holds already.
 */
struct walk_sums {
	double *sum;
	uint64_t *seen;
};

/* Add IDS (Q) but A to W, each gaining U, or U times its weight in WTS if
 * that is not NULL.  Returns 0, or -1 out of room. */
static int
walk_add(struct walk *w, struct walk_sums *ws, const uint32_t *ids,
    const float *wts, size_t q, uint32_t a, double u)
{
	size_t j;
	uint32_t id;
	uint64_t bit;

	for (j = 0; j < q; j++) {
		if ((id = ids[j]) == a)
			continue;
		bit = (uint64_t)1 << (id & 63);
		if (ws->seen[id >> 6] & bit) {
			ws->sum[id] += wts ? u * wts[j] : u;
			continue;
		}
		if (w->len == w->cap)
			return -1;
		ws->seen[id >> 6] |= bit;
		ws->sum[id] = wts ? u * wts[j] : u;
		w->out[w->len++] = id;
	}
	return 0;
}

/* How many of WS's partial scores, of those in W, are above LIMIT. */
static size_t
walk_sums_above(const struct walk *w, const struct walk_sums *ws,
    double limit)
{
	size_t i, above = 0;

	for (i = 0; i < w->len; i++)
		above += ws->sum[w->out[i]] > limit;
	return above;
}

/* W's ids ascending, each with its partial score in W->part (NDOCS the
 * ids' bound).  Returns 0, or -1 out of memory. */
static int
walk_order(struct walk *w, const struct walk_sums *ws, uint32_t ndocs)
{
	size_t i = 0, word;
	uint64_t bits;
	uint32_t id;

	if ((w->part = malloc((w->len + 1) * sizeof *w->part)) == NULL)
		return -1;
	for (word = 0; word < (ndocs + 63) / 64; word++) {
		for (bits = ws->seen[word]; bits != 0; bits &= bits - 1) {
			id = (uint32_t)(word * 64 + (size_t)__builtin_ctzll(bits));
			w->out[i] = id;
			w->part[i++] = ws->sum[id];
		}
	}
	return 0;
}

/* The K-th highest of V[0 .. LEN) (K <= LEN), through a min-heap of the
 * K highest in HEAP, of those above FLOOR: each one met above the heap's
 * least costs a sift, so a floor the K best are known to clear (they do
 * at the walk's stop) leaves the many below it a comparison each.  If
 * fewer than K are above FLOOR, of all; if fewer than K are numbers, the
 * least of them (the callers keep more then, never fewer). */
static double
kth_best(const double *v, size_t len, size_t k, double floor, double *heap)
{
	size_t i, n = 0, at, child;
	double x;

	for (i = 0; i < len; i++) {
		if (!((x = v[i]) > floor))
			continue;
		if (n < k) {
			for (at = n++; at > 0 && heap[(at - 1) / 2] > x;
			    at = (at - 1) / 2)
				heap[at] = heap[(at - 1) / 2];
			heap[at] = x;
			continue;
		}
		if (!(x > heap[0]))
			continue;
		for (at = 0; (child = 2 * at + 1) < n; at = child) {
			if (child + 1 < n && heap[child + 1] < heap[child])
				child++;
			if (!(heap[child] < x))
				break;
			heap[at] = heap[child];
		}
		heap[at] = x;
	}
	if (n < k && floor > -HUGE_VAL)
		return kth_best(v, len, k, -HUGE_VAL, heap);
	return n > 0 ? heap[0] : -HUGE_VAL;	/* fewer than K: the least */
}

/*
 * Stopped with REST to walk: drop whom the K-th best partial score, KTH,
 * shows to be out of reach (even with REST added), and return the bound
 * of all left out: REST, or the best the dropped can reach.  Returns -1
 * out of memory.
 */
static int
walk_prune(struct walk *w, size_t k, double rest, double *bound)
{
	double *heap, kth, reach;
	size_t i, m = 0;

	*bound = rest;
	if (k == 0 || w->len <= k)
		return 0;
	if ((heap = malloc(k * sizeof *heap)) == NULL)
		return -1;
	kth = kth_best(w->part, w->len, k, rest, heap);
	free(heap);
	for (i = 0; i < w->len; i++) {
		/* out of reach by more than rounding: the bound stays below
		 * the K best after walk() lifts it a hair */
		reach = w->part[i] + rest;
		if (reach * (1 + 4e-9) < kth) {
			if (reach > *bound)
				*bound = reach;
			continue;
		}
		w->out[m] = w->out[i];
		w->part[m++] = w->part[i];
	}
	w->len = m;
	return 0;
}

int
postings_walk(const struct postings *p, uint32_t a, const uint32_t *terms,
    const double *upper, const double *mine, size_t m, size_t k,
    uint32_t *out, size_t cap, size_t *n, double *bound)
{
	struct walk w = { out, cap, 0, NULL };
	struct walk_sums ws;
	struct walk_term *order;
	double *rest, square = 0;
	size_t i, j;
	int rc = 0;

	*n = 0;
	*bound = 0;
	order = calloc(m + 1, sizeof *order);
	rest = calloc(m + 1, sizeof *rest);
	ws.sum = malloc(((size_t)p->ndocs + 1) * sizeof *ws.sum);
	ws.seen = calloc((size_t)p->ndocs / 64 + 1, sizeof *ws.seen);
	if (order == NULL || rest == NULL || ws.sum == NULL ||
	    ws.seen == NULL) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < m; i++)
		order[i] = (struct walk_term){ upper[i], terms[i],
		    p->w != NULL ? mine[i] : 0 };
	qsort(order, m, sizeof *order, walk_term_cmp);
	/* what the terms from i on add up to at most */
	for (i = m; i > 0; i--) {
		rest[i - 1] = rest[i] + order[i - 1].upper;
		square += order[i - 1].mine * order[i - 1].mine;
		if (p->unit && sqrt(square) < rest[i - 1])
			rest[i - 1] = sqrt(square);
	}
	for (j = 0; j < m && order[j].upper > 0; j++) {
		uint32_t t = order[j].term, first = p->off[t];

		if (walk_add(&w, &ws, p->ids + first, p->w ? p->w + first :
		    NULL, p->off[t + 1] - first, a, p->w ? order[j].mine :
		    order[j].upper) != 0) {
			rc = -1;
			break;
		}
		if (w.len >= k && walk_sums_above(&w, &ws, rest[j + 1] *
		    (1 + 4e-9)) >= k) {
			j++;
			break;
		}
	}
	if (rc == 0)
		rc = walk_order(&w, &ws, p->ndocs);
	/* A hair above, for sums rounded in another order than ours. */
	if (rc == 0 && j < m && rest[j] > 0 &&
	    (rc = walk_prune(&w, k, rest[j], bound)) == 0)
		*bound *= 1 + 1e-9;
out:
	*n = rc == 0 ? w.len : 0;
	free(w.part);
	free(ws.sum);
	free(ws.seen);
	free(order);
	free(rest);
	return rc;
}

/* Join the N2 of LIST2 into OUT (*N, ascending); both ascending. */
static void
postings_join(uint32_t *out, size_t *n, const uint32_t *list2, size_t n2)
{
	size_t i = 0, j, common = 0, size, o;

	for (j = 0; j < n2; j++) {
		while (i < *n && out[i] < list2[j])
			i++;
		common += i < *n && out[i] == list2[j];
	}
	size = *n + n2 - common;
	i = *n;
	o = size;
	for (j = n2; j > 0;) {
		if (i > 0 && out[i - 1] > list2[j - 1])
			out[--o] = out[--i];
		else {
			if (i > 0 && out[i - 1] == list2[j - 1])
				i--;
			out[--o] = list2[--j];
		}
	}
	*n = size;
}

int
postings_walk2(const struct postings *p, const uint32_t *terms,
    const double *upper, const double *mine, size_t m,
    const struct postings *q, const uint32_t *terms2,
    const double *upper2, const double *mine2, size_t m2, uint32_t a,
    size_t k, uint32_t *out, size_t cap, size_t *n, double *bound)
{
	uint32_t *list2;
	size_t i, n2, room = 0;

	bound[0] = bound[1] = 0;
	if (postings_walk(p, a, terms, upper, mine, m, k, out, cap, n,
	    &bound[0]) != 0)
		return -1;
	/* the second list holds at most its terms' attendees */
	for (i = 0; i < m2 && room < cap; i++)
		room += q->off[terms2[i] + 1] - q->off[terms2[i]];
	room = room < cap ? room : cap;
	if ((list2 = malloc((room + 1) * sizeof *list2)) == NULL)
		return -1;
	if (postings_walk(q, a, terms2, upper2, mine2, m2, k, list2, room,
	    &n2, &bound[1]) != 0) {
		free(list2);
		return -1;
	}
	postings_join(out, n, list2, n2);
	free(list2);
	return 0;
}

int
postings_keep_best(uint32_t *out, size_t *n, const double *score, size_t k,
    double *bound)
{
	double *heap, kth, dropped = 0;
	size_t i, m = 0;

	if (k == 0 || *n <= k)
		return 0;
	if ((heap = malloc(k * sizeof *heap)) == NULL)
		return -1;
	kth = kth_best(score, *n, k, *bound, heap);
	free(heap);
	/* Within a hair of the K-th is a tie (sums of other terms may round
	 * apart): the bound, a hair above the best dropped, stays below the
	 * K kept. */
	for (i = 0; i < *n; i++) {
		if (score[i] * (1 + 1e-9) >= kth)
			out[m++] = out[i];
		else if (score[i] > dropped)
			dropped = score[i];
	}
	*n = m;
	dropped *= 1 + 1e-9;
	if (dropped > *bound)
		*bound = dropped;
	return 0;
}

void
postings_terms(const struct postings *p, const uint32_t *terms,
    const double *gain, const double *upper, size_t m, uint32_t vector,
    struct mingle_term *out, size_t cap, size_t *n)
{
	size_t i;
	uint32_t t;

	for (i = 0; i < m; i++) {
		if (!(upper[i] > 0))
			continue;
		if (*n < cap) {
			t = terms[i];
			out[*n] = (struct mingle_term){ p->ids + p->off[t],
			    p->w != NULL ? p->w + p->off[t] : NULL,
			    p->off[t + 1] - p->off[t], vector, gain[i],
			    upper[i] };
		}
		++*n;
	}
}
