/*
 * postings.c -- an inverted index and the candidate walk over it
 * (postings.h).
 */
#include <stdlib.h>
#include <string.h>

#include "postings.h"

/* A term of the walk: its upper bound, then its id for a stable order. */
struct walk_term {
	double upper;
	uint32_t term;
};

/* The walk's result so far: OUT[0 .. len) ascending, PART their partial
 * scores (room for PCAP). */
struct walk {
	uint32_t *out;
	size_t cap;
	size_t len;
	double *part;
	size_t pcap;
};

int
postings_build(struct postings *p, uint32_t nterms, uint32_t n,
    const uint32_t *doc_off, const uint32_t *terms)
{
	uint32_t d, t;
	size_t i, total = doc_off[n];

	memset(p, 0, sizeof *p);
	p->nterms = nterms;
	p->off = calloc((size_t)nterms + 2, sizeof *p->off);
	p->ids = calloc(total + 1, sizeof *p->ids);
	if (p->off == NULL || p->ids == NULL) {
		postings_free(p);
		return -1;
	}
	/* off[t + 2] counts term t, then off[t + 1] is where it goes */
	for (i = 0; i < total; i++)
		p->off[terms[i] + 2]++;
	for (t = 0; t < nterms; t++)
		p->off[t + 2] += p->off[t + 1];
	for (d = 0; d < n; d++)
		for (i = doc_off[d]; i < doc_off[d + 1]; i++)
			p->ids[p->off[terms[i] + 1]++] = d;
	return 0;
}

void
postings_free(struct postings *p)
{
	free(p->off);
	free(p->ids);
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
 * Merge IDS (Q, ascending) but A into W, each gaining U.  Returns 0, or -1
 * out of memory (or out of room).
 */
static int
walk_merge(struct walk *w, const uint32_t *ids, size_t q, uint32_t a,
    double u)
{
	size_t i = 0, j, common = 0, size, o;
	double *part;

	for (j = 0; j < q; j++) {
		while (i < w->len && w->out[i] < ids[j])
			i++;
		if (ids[j] == a || (i < w->len && w->out[i] == ids[j]))
			common++;
	}
	size = w->len + q - common;
	if (size > w->cap)
		return -1;
	if (size > w->pcap) {
		w->pcap = size > 2 * w->pcap ? size : 2 * w->pcap;
		part = realloc(w->part, w->pcap * sizeof *part);
		if (part == NULL)
			return -1;
		w->part = part;
	}
	/* from the back, in place */
	i = w->len;
	o = size;
	for (j = q; j > 0;) {
		uint32_t id = ids[j - 1];

		if (id == a)
			j--;
		else if (i > 0 && w->out[i - 1] > id) {
			w->out[--o] = w->out[i - 1];
			w->part[o] = w->part[--i];
		} else if (i > 0 && w->out[i - 1] == id) {
			w->out[--o] = id;
			w->part[o] = w->part[--i] + u;
			j--;
		} else {
			w->out[--o] = id;
			w->part[o] = u;
			j--;
		}
	}
	w->len = size;
	return 0;
}

/* How many of W's partial scores are above LIMIT. */
static size_t
walk_above(const struct walk *w, double limit)
{
	size_t i, above = 0;

	for (i = 0; i < w->len; i++)
		above += w->part[i] > limit;
	return above;
}

int
postings_walk(const struct postings *p, uint32_t a, const uint32_t *terms,
    const double *upper, size_t m, size_t k, uint32_t *out, size_t cap,
    size_t *n, double *bound)
{
	struct walk w = { out, cap, 0, NULL, 0 };
	struct walk_term *order;
	double *rest;
	size_t i, j;
	int rc = 0;

	*n = 0;
	*bound = 0;
	order = calloc(m + 1, sizeof *order);
	rest = calloc(m + 1, sizeof *rest);
	if (order == NULL || rest == NULL) {
		free(order);
		free(rest);
		return -1;
	}
	for (i = 0; i < m; i++)
		order[i] = (struct walk_term){ upper[i], terms[i] };
	qsort(order, m, sizeof *order, walk_term_cmp);
	for (i = m; i > 0; i--)
		rest[i - 1] = rest[i] + order[i - 1].upper;
	for (j = 0; j < m && order[j].upper > 0; j++) {
		uint32_t t = order[j].term;

		if (walk_merge(&w, p->ids + p->off[t], p->off[t + 1] -
		    p->off[t], a, order[j].upper) != 0) {
			rc = -1;
			break;
		}
		if (w.len >= k && walk_above(&w, rest[j + 1]) >= k) {
			j++;
			break;
		}
	}
	/* A hair above, for sums rounded in another order than ours. */
	if (rc == 0 && j < m && rest[j] > 0)
		*bound = rest[j] * (1 + 1e-9);
	*n = w.len;
	free(w.part);
	free(order);
	free(rest);
	return rc;
}
