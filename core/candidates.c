/*
 * candidates.c -- the candidate stage: the union of the strategies'
 * lists of likely partners (candidates.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "candidates.h"
#include "util.h"

/*
 * Does S set a quota of 0 for any of its N attendees?  Such a quota vetoes
 * the pairs S scores above 0, and its bound may let them go unlisted.  A
 * positive quota vetoes nothing: the assignment counts it (bounds.c).
 */
static int
candidates_quota_zero(const struct strategy *s, size_t n)
{
	size_t a;

	for (a = 0; s->quota != NULL && a < n; a++)
		if (s->quota[a] == 0)
			return 1;
	return 0;
}

int
candidates_usable(const struct strategy *s, size_t ns,
    const struct config_match *m, size_t n)
{
	size_t k, some = 0;

	if (m->exhaustive || !(m->min_score >= 0) || ns == 0)
		return 0;
	for (k = 0; k < ns; k++) {
		if (!s[k].lists || !(s[k].weight >= 0) ||
		    candidates_quota_zero(&s[k], n))
			return 0;
		some += !s[k].lists_nobody;
	}
	/* Lists of nobody alone: each row would score everyone. */
	return some > 0;
}

void
candidates_init(struct candidates *c, size_t n, size_t ns)
{
	c->cap = n;
	c->n = 0;
	c->walked = 0;
	c->list = xcalloc(n + 1, sizeof *c->list);
	c->one = xcalloc(n + 1, sizeof *c->one);
	c->merged = xcalloc(n + 1, sizeof *c->merged);
	c->k = xcalloc(ns + 1, sizeof *c->k);
	c->bound = xcalloc(ns + 1, sizeof *c->bound);
	c->listed = xcalloc(ns + 1, 1);
}

void
candidates_free(struct candidates *c)
{
	free(c->list);
	free(c->one);
	free(c->merged);
	free(c->k);
	free(c->bound);
	free(c->listed);
	memset(c, 0, sizeof *c);
}

/* C->list joined with the N active ones of C->one but A, ascending. */
static void
candidates_merge(struct candidates *c, size_t n,
    const unsigned char *active, uint32_t a)
{
	size_t i = 0, j = 0, m = 0;
	uint32_t *swap;

	while (i < c->n || j < n) {
		if (j < n && (c->one[j] == a || !active[c->one[j]])) {
			j++;
			continue;
		}
		if (j == n || (i < c->n && c->list[i] < c->one[j]))
			c->merged[m++] = c->list[i++];
		else {
			if (i < c->n && c->list[i] == c->one[j])
				i++;
			c->merged[m++] = c->one[j++];
		}
	}
	swap = c->list;
	c->list = c->merged;
	c->merged = swap;
	c->n = m;
}

/* Strategy I of S for A with K: its list joined to C's, its bound and K
 * kept.  Returns 0, or -1 if it cannot list A's partners. */
static int
candidates_ask(struct candidates *c, const struct strategy *s, size_t i,
    const unsigned char *active, uint32_t a, size_t k)
{
	size_t n;
	double b;

	if (s[i].ops->candidates(s[i].self, a, k, c->one, c->cap, &n,
	    &b) != 0)
		return -1;
	candidates_merge(c, n, active, a);
	c->k[i] = k;
	c->bound[i] = s[i].weight * b;
	c->listed[i] = n > 0;
	return 0;
}

/* The sum of C's NS bounds, in strategy order. */
static double
candidates_bound(const struct candidates *c, size_t ns)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < ns; i++)
		sum += c->bound[i];
	return sum;
}

int
candidates_gather(struct candidates *c, const struct strategy *s,
    size_t ns, const unsigned char *active, uint32_t a, size_t k,
    double *bound)
{
	size_t i;

	c->n = 0;
	*bound = 0;
	for (i = 0; i < ns; i++) {
		if (c->walked && s[i].has_terms) {
			c->k[i] = 0;
			c->bound[i] = 0;
			c->listed[i] = 0;
			continue;
		}
		if (candidates_ask(c, s, i, active, a, k) != 0)
			return -1;
	}
	*bound = candidates_bound(c, ns);
	return 0;
}

int
candidates_deepen(struct candidates *c, const struct strategy *s,
    size_t ns, const unsigned char *active, uint32_t a, size_t nact,
    double *bound)
{
	size_t i, most = SIZE_MAX;

	for (i = 0; i < ns; i++)
		if (c->listed[i] && c->bound[i] > 0 && (most == SIZE_MAX ||
		    c->bound[i] > c->bound[most]))
			most = i;
	if (most == SIZE_MAX || 4 * c->k[most] + 1 >= nact ||
	    candidates_ask(c, s, most, active, a, 4 * c->k[most]) != 0)
		return -1;
	*bound = candidates_bound(c, ns);
	return 0;
}
