/*
 * floor.c -- the floor for exhaustive tag scoring, for bench/run.sh: every
 * pair of attendees, the tags they share counted by popcount over dense
 * bitsets, each attendee keeping their best 10 partners.  Nothing else:
 * no weights, no strategies, no output.
 *
 * Usage: floor TAGS.txt (as bench/make_event.py writes it).
 * Prints: pairs seconds checksum
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOP 10

struct top {
	uint32_t score[TOP];
	uint32_t other[TOP];
	unsigned len;
};

static void
offer(struct top *t, uint32_t score, uint32_t other)
{
	unsigned i, worst = 0;

	if (t->len < TOP) {
		t->score[t->len] = score;
		t->other[t->len++] = other;
		return;
	}
	for (i = 1; i < TOP; i++)
		if (t->score[i] < t->score[worst])
			worst = i;
	if (score > t->score[worst]) {
		t->score[worst] = score;
		t->other[worst] = other;
	}
}

#define FLOOR_LOOP(name, attr)						\
static attr void							\
name(const uint64_t *bits, size_t n, size_t words, struct top *tops)	\
{									\
	size_t i, j, w;							\
									\
	for (i = 0; i < n; i++) {					\
		const uint64_t *x = bits + i * words;			\
									\
		for (j = i + 1; j < n; j++) {				\
			const uint64_t *y = bits + j * words;		\
			uint32_t c = 0;					\
									\
			for (w = 0; w < words; w++)			\
				c += (uint32_t)__builtin_popcountll(	\
				    x[w] & y[w]);			\
			/* worst kept is a cheap reject */		\
			if (c == 0)					\
				continue;				\
			offer(&tops[i], c, (uint32_t)j);		\
			offer(&tops[j], c, (uint32_t)i);		\
		}							\
	}								\
}
FLOOR_LOOP(floor_plain, )
#if defined(__x86_64__) || defined(__i386__)
FLOOR_LOOP(floor_popcnt, __attribute__((target("popcnt"))))
#endif

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct top *tops;
	uint64_t *bits, sum = 0;
	size_t n, ntags, words, i, k;
	unsigned long tag;
	FILE *f;
	int c;

	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: floor TAGS.txt\n");
		return 1;
	}
	if (fscanf(f, "%zu %zu", &n, &ntags) != 2 || n == 0) {
		fprintf(stderr, "floor: %s: bad header\n", argv[1]);
		return 1;
	}
	words = (ntags + 63) / 64;
	bits = calloc(n * words, sizeof *bits);
	tops = calloc(n, sizeof *tops);
	if (bits == NULL || tops == NULL)
		return 1;
	c = fgetc(f);
	for (i = 0; i < n && c != EOF; i++) {
		while ((c = fgetc(f)) != EOF && c != '\n') {
			if (c == ' ')
				continue;
			ungetc(c, f);
			if (fscanf(f, "%lu", &tag) != 1 || tag >= ntags)
				return 1;
			bits[i * words + tag / 64] |= 1ULL << (tag % 64);
		}
	}
	fclose(f);
	clock_gettime(CLOCK_MONOTONIC, &t0);
#if defined(__x86_64__) || defined(__i386__)
	if (__builtin_cpu_supports("popcnt"))
		floor_popcnt(bits, n, words, tops);
	else
#endif
		floor_plain(bits, n, words, tops);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (i = 0; i < n; i++)
		for (k = 0; k < tops[i].len; k++)
			sum += tops[i].score[k];
	printf("%zu %.3f %llu\n", n * (n - 1) / 2, (double)(t1.tv_sec -
	    t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    (unsigned long long)sum);
	free(bits);
	free(tops);
	return 0;
}
