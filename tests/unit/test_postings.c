/*
 * test_postings.c -- the candidate walk (plugins/postings.h) keeps its
 * promise: on random events with Zipf-like terms, for every attendee and
 * several K, the list is ascending without the attendee, nobody left out
 * scores above the bound (the sum of the weights of the terms shared),
 * and K of the listed score above it unless every term was walked (bound
 * 0: then nobody left out scores at all).  Both for sums of term weights
 * (shared_tags) and for cosines of unit vectors (the text plugins), and
 * again with only the K best of the list kept (postings_keep_best), which
 * must keep them and their ties alone.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "postings.h"
#include "tap.h"

#define PEOPLE 400
#define TERMS 60

static uint64_t seed = 88172645463325252ULL;

static uint32_t
rnd(uint32_t below)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed % below);
}

struct event {
	uint32_t off[PEOPLE + 1];
	uint32_t ids[PEOPLE * 10];
	double weight[TERMS];
	float vec[PEOPLE * 10];	/* per entry of ids: unit vectors */
	float most[TERMS];	/* per term: its greatest in vec */
	int cosine;		/* score by vec, not weight */
	int keep;		/* then keep the K best (postings_keep_best) */
};

/* Each person 0 to 9 terms, low ids (heavy: common) most likely. */
static void
make_event(struct event *e)
{
	unsigned char have[TERMS];
	uint32_t p, t, k, m = 0, i;
	double len;

	for (t = 0; t < TERMS; t++)
		e->weight[t] = t % 7 == 6 ? 0 : 0.05 + t / (double)TERMS;
	for (p = 0; p < PEOPLE; p++) {
		memset(have, 0, sizeof have);
		for (k = rnd(10); k > 0; k--)
			have[rnd(1 + rnd(TERMS))] = 1;
		len = 0;
		for (t = 0; t < TERMS; t++) {
			if (have[t]) {
				e->vec[m] = (float)(1 + rnd(100));
				len += e->vec[m] * e->vec[m];
				e->ids[m++] = t;
			}
		}
		e->off[p + 1] = m;
		for (i = e->off[p]; i < m; i++) {
			e->vec[i] = (float)(e->vec[i] / sqrt(len));
			if (e->vec[i] > e->most[e->ids[i]])
				e->most[e->ids[i]] = e->vec[i];
		}
	}
}

/* The sum of the weights of the terms A and B share, ascending by id. */
static double
score(const struct event *e, uint32_t a, uint32_t b, unsigned *count)
{
	uint32_t i = e->off[a], j = e->off[b];
	double sum = 0;

	*count = 0;
	while (i < e->off[a + 1] && j < e->off[b + 1]) {
		if (e->ids[i] < e->ids[j])
			i++;
		else if (e->ids[i] > e->ids[j])
			j++;
		else {
			sum += e->cosine ? (double)e->vec[i] * e->vec[j] :
			    e->weight[e->ids[i]];
			++*count;
			i++;
			j++;
		}
	}
	return sum;
}

/* What is wrong with A's walk for K, or NULL. */
static const char *
check(const struct event *e, const struct postings *p, uint32_t a,
    size_t k, uint32_t *out, unsigned char *listed)
{
	double upper[10], mine[10], bound;
	size_t n, i, above = 0;
	uint32_t b, m = e->off[a + 1] - e->off[a], at = e->off[a];
	unsigned shared;

	for (i = 0; i < m; i++) {
		mine[i] = e->vec[at + i];
		upper[i] = e->cosine ? mine[i] * e->most[e->ids[at + i]] :
		    e->weight[e->ids[at + i]];
	}
	if (postings_walk(p, a, e->ids + at, upper, mine, m, k, out, PEOPLE,
	    &n, &bound) != 0)
		return "the walk failed";
	if (e->keep) {
		double sc[PEOPLE], least = 0;
		size_t before = n, over = 0;

		for (i = 0; i < n; i++)
			sc[i] = score(e, a, out[i], &shared);
		if (postings_keep_best(out, &n, sc, k, &bound) != 0)
			return "keeping the best failed";
		for (i = 0; i < n; i++) {
			sc[i] = score(e, a, out[i], &shared);
			if (i == 0 || sc[i] < least)
				least = sc[i];
		}
		for (i = 0; i < n; i++)
			over += sc[i] > least * (1 + 1e-9);
		if (before > k && (n < k || over >= k))
			return "kept other than the K best and their ties";
	}
	memset(listed, 0, PEOPLE);
	for (i = 0; i < n; i++) {
		if (out[i] == a || out[i] >= PEOPLE)
			return "a listed itself or nobody";
		if (i > 0 && out[i] <= out[i - 1])
			return "not ascending";
		listed[out[i]] = 1;
		above += score(e, a, out[i], &shared) > bound;
	}
	for (b = 0; b < PEOPLE; b++) {
		double s = score(e, a, b, &shared);

		if (b == a)
			continue;
		if (!listed[b] && s > bound)
			return "someone left out scores above the bound";
	}
	if (bound > 0 && above < k)
		return "stopped with fewer than K above the bound";
	return NULL;
}

int
main(void)
{
	static struct event e;
	struct postings p;
	uint32_t out[PEOPLE], a;
	unsigned char listed[PEOPLE];
	size_t ks[] = { 1, 5, 20, PEOPLE }, i;
	char name[128];

	make_event(&e);
	for (e.cosine = 0; e.cosine < 2; e.cosine++) {
		ok(postings_build(&p, TERMS, PEOPLE, e.off, e.ids,
		    e.cosine ? e.vec : NULL) == 0, "built");
		p.unit = e.cosine;
		for (i = 0; i < 2 * sizeof ks / sizeof ks[0]; i++) {
			const char *wrong = NULL;
			size_t k = ks[i % (sizeof ks / sizeof ks[0])];

			e.keep = i >= sizeof ks / sizeof ks[0];
			for (a = 0; a < PEOPLE && wrong == NULL; a++)
				wrong = check(&e, &p, a, k, out, listed);
			snprintf(name, sizeof name, "%s%s, K = %zu: %s",
			    e.cosine ? "cosines" : "sums",
			    e.keep ? ", the K best kept" : "", k,
			    wrong ? wrong : "every bound holds");
			ok(wrong == NULL, name);
		}
		postings_free(&p);
	}
	return tap_done();
}
