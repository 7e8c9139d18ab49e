/*
 * test_tag_bits.c -- shared_tags' bitsets score every pair to the very
 * doubles of the merge of two sorted tag lists (what shared_tags computed
 * before, and still does for reasons), on every CPU level the machine
 * has, with tails beyond the bitsets and any min_shared.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag_bits.h"
#include "tap.h"

#define PEOPLE 300

struct event {
	uint32_t ntags;
	uint32_t *off;		/* PEOPLE + 1 */
	uint32_t *ids;
	double *weight;
};

static uint64_t seed = 88172645463325252ULL;

static uint32_t
rnd(uint32_t below)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed % below);
}

/* Each person 0 to 12 tags, rare ones less likely, ascending, unique. */
static void
make_event(struct event *e, uint32_t ntags)
{
	unsigned char *have = calloc(ntags, 1);
	uint32_t p, t, k, m = 0;

	e->ntags = ntags;
	e->off = calloc(PEOPLE + 1, sizeof *e->off);
	e->ids = calloc((size_t)PEOPLE * 12 + 1, sizeof *e->ids);
	e->weight = calloc(ntags, sizeof *e->weight);
	for (t = 0; t < ntags; t++)	/* as shared_tags' IDF: inexact */
		e->weight[t] = log((double)PEOPLE / (1 + t % 97)) /
		    log(PEOPLE / 2.0);
	for (p = 0; p < PEOPLE; p++) {
		memset(have, 0, ntags);
		for (k = rnd(13); k > 0; k--)
			have[rnd(1 + rnd(ntags))] = 1;
		for (t = 0; t < ntags; t++)
			if (have[t])
				e->ids[m++] = t;
		e->off[p + 1] = m;
	}
	free(have);
}

/* What shared_tags computed before: the merge of two sorted lists. */
static double
merged(const struct event *e, uint32_t a, uint32_t b, unsigned min_shared)
{
	const uint32_t *x = e->ids + e->off[a], *y = e->ids + e->off[b];
	size_t nx = e->off[a + 1] - e->off[a], ny = e->off[b + 1] - e->off[b];
	size_t i = 0, j = 0;
	unsigned count = 0;
	double sum = 0;

	while (i < nx && j < ny) {
		if (x[i] < y[j])
			i++;
		else if (x[i] > y[j])
			j++;
		else {
			sum += e->weight[x[i]];
			count++;
			i++;
			j++;
		}
	}
	return count >= min_shared ? sum : 0;
}

/* Every pair with every CPU level the machine has; returns mismatches. */
static size_t
compare(const struct event *e, struct tag_bits *tb, enum tag_bits_cpu cpu,
    unsigned min_shared)
{
	uint32_t cand[PEOPLE];
	double got[PEOPLE], want;
	size_t wrong = 0;
	uint32_t a, b;

	tb->cpu = cpu;
	for (b = 0; b < PEOPLE; b++)
		cand[b] = b;
	for (a = 0; a < PEOPLE; a++) {
		tag_bits_score(tb, e->weight, min_shared, a, cand, PEOPLE,
		    got);
		for (b = 0; b < PEOPLE; b++) {
			want = merged(e, a, b, min_shared);
			if (memcmp(&got[b], &want, sizeof want) != 0)
				wrong++;
		}
	}
	return wrong;
}

static void
test_event(uint32_t ntags, const char *what)
{
	struct event e;
	struct tag_bits tb;
	enum tag_bits_cpu cpu;
	unsigned min_shared;
	size_t wrong, tails;
	uint32_t p;
	char name[160];

	make_event(&e, ntags);
	ok(tag_bits_init(&tb, PEOPLE, ntags, e.off[PEOPLE]) == 0, what);
	for (p = 0; p < PEOPLE; p++)
		tag_bits_set(&tb, p, e.ids + e.off[p], e.off[p + 1] - e.off[p]);
	tails = tb.tail_off[PEOPLE];
	snprintf(name, sizeof name, "%s: %s", what, ntags > 64 *
	    TAG_BITS_MAX_WORDS ? "some tags in tails" : "no tails");
	ok(ntags > 64 * TAG_BITS_MAX_WORDS ? tails > 0 : tails == 0, name);
	for (cpu = TAG_BITS_BASELINE; cpu < TAG_BITS_CPUS; cpu++) {
		if (!tag_bits_cpu_has(cpu)) {
			printf("ok %d - # SKIP CPU level %d\n", ++tap_n, cpu);
			continue;
		}
		for (min_shared = 1; min_shared <= 3; min_shared++) {
			wrong = compare(&e, &tb, cpu, min_shared);
			snprintf(name, sizeof name, "%s: CPU level %d, "
			    "min_shared %u: the merge's doubles (%zu wrong)",
			    what, cpu, min_shared, wrong);
			ok(wrong == 0, name);
		}
	}
	tag_bits_free(&tb);
	free(e.off);
	free(e.ids);
	free(e.weight);
}

int
main(void)
{
	ok(tag_bits_cpu_has(TAG_BITS_BASELINE), "the baseline runs anywhere");
	test_event(40, "40 tags");
	test_event(700, "700 tags");
	test_event(3000, "3000 tags");
	return tap_done();
}
