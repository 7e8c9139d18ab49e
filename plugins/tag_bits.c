/*
 * tag_bits.c -- tags as dense bitsets, scored with the CPU's best loops
 * (tag_bits.h).
 */
#include <stdlib.h>
#include <string.h>

#include "tag_bits.h"

int
tag_bits_init(struct tag_bits *tb, uint32_t n, uint32_t ntags, size_t total)
{
	memset(tb, 0, sizeof *tb);
	tb->n = n;
	tb->words = (ntags + 63) / 64;
	if (tb->words > TAG_BITS_MAX_WORDS)
		tb->words = TAG_BITS_MAX_WORDS;
	if (tb->words == 0)
		tb->words = 1;
	tb->bits = calloc((size_t)n * tb->words + 1, sizeof *tb->bits);
	tb->tail_off = calloc((size_t)n + 1, sizeof *tb->tail_off);
	tb->tail = calloc(total + 1, sizeof *tb->tail);
	if (tb->bits == NULL || tb->tail_off == NULL || tb->tail == NULL) {
		tag_bits_free(tb);
		return -1;
	}
	tb->cpu = TAG_BITS_BASELINE;
	if (tag_bits_cpu_has(TAG_BITS_AVX2))
		tb->cpu = TAG_BITS_AVX2;
	else if (tag_bits_cpu_has(TAG_BITS_POPCNT))
		tb->cpu = TAG_BITS_POPCNT;
	return 0;
}

void
tag_bits_set(struct tag_bits *tb, uint32_t a, const uint32_t *tags,
    size_t count)
{
	uint64_t *bits = tb->bits + (size_t)a * tb->words;
	uint32_t end = tb->tail_off[a];
	size_t i;

	for (i = 0; i < count; i++) {
		if (tags[i] / 64 < tb->words)
			bits[tags[i] / 64] |= (uint64_t)1 << (tags[i] % 64);
		else
			tb->tail[end++] = tags[i];
	}
	tb->tail_off[a + 1] = end;
	tb->filled = a + 1;
}

void
tag_bits_free(struct tag_bits *tb)
{
	free(tb->bits);
	free(tb->tail_off);
	free(tb->tail);
	memset(tb, 0, sizeof *tb);
}

int
tag_bits_cpu_has(enum tag_bits_cpu cpu)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_cpu_init();
	switch (cpu) {
	case TAG_BITS_BASELINE:
		return 1;
	case TAG_BITS_POPCNT:
		return __builtin_cpu_supports("popcnt") &&
		    __builtin_cpu_supports("bmi");
	case TAG_BITS_AVX2:
		return __builtin_cpu_supports("popcnt") &&
		    __builtin_cpu_supports("bmi") &&
		    __builtin_cpu_supports("avx2");
	default:
		return 0;
	}
#else
	return cpu == TAG_BITS_BASELINE;
#endif
}

/*
 * The loop, once per CPU level: the same C, compiled with the target's
 * instructions.  The weights are added one at a time, in id order: the
 * compiler may not reorder floating-point additions (no -ffast-math), so
 * every level gives the same doubles.
 */
#define TAG_BITS_LOOP(name, attr)					\
static attr void							\
name(const struct tag_bits *tb, const double *weight,			\
    unsigned min_shared, uint32_t a, const uint32_t *cand, size_t n,	\
    double *scores)							\
{									\
	const uint64_t *x = tb->bits + (size_t)a * tb->words, *y;	\
	const uint32_t *ta = tb->tail + tb->tail_off[a], *tc;		\
	size_t na = tb->tail_off[a + 1] - tb->tail_off[a], nc, i, j, k;\
	uint32_t w, count;						\
	uint64_t m, any;						\
	double sum;							\
									\
	for (i = 0; i < n; i++) {					\
		if (i + 4 < n) {	/* a few ahead, from memory */	\
			__builtin_prefetch(tb->bits +			\
			    (size_t)cand[i + 4] * tb->words);		\
			__builtin_prefetch(&tb->tail_off[cand[i + 4]]);	\
		}							\
		y = tb->bits + (size_t)cand[i] * tb->words;		\
		nc = tb->tail_off[cand[i] + 1] - tb->tail_off[cand[i]];	\
		any = 0;						\
		for (w = 0; w < tb->words; w++)				\
			any |= x[w] & y[w];				\
		if (any == 0 && (na == 0 || nc == 0)) {			\
			scores[i] = 0;					\
			continue;					\
		}							\
		sum = 0;						\
		count = 0;						\
		for (w = 0; any != 0 && w < tb->words; w++) {		\
			m = x[w] & y[w];				\
			count += (uint32_t)__builtin_popcountll(m);	\
			for (; m != 0; m &= m - 1)			\
				sum += weight[64 * w +			\
				    (uint32_t)__builtin_ctzll(m)];	\
		}							\
		tc = tb->tail + tb->tail_off[cand[i]];			\
		for (j = k = 0; j < na && k < nc;) {			\
			if (ta[j] < tc[k])				\
				j++;					\
			else if (ta[j] > tc[k])				\
				k++;					\
			else {						\
				sum += weight[ta[j]];			\
				count++;				\
				j++;					\
				k++;					\
			}						\
		}							\
		scores[i] = count >= min_shared ? sum : 0;		\
	}								\
}

TAG_BITS_LOOP(tag_bits_baseline, )
#if defined(__x86_64__) || defined(__i386__)
TAG_BITS_LOOP(tag_bits_popcnt, __attribute__((target("popcnt,bmi"))))
TAG_BITS_LOOP(tag_bits_avx2, __attribute__((target("popcnt,bmi,avx2"))))
#endif

void
tag_bits_score(const struct tag_bits *tb, const double *weight,
    unsigned min_shared, uint32_t a, const uint32_t *cand, size_t n,
    double *scores)
{
	switch (tb->cpu) {
#if defined(__x86_64__) || defined(__i386__)
	case TAG_BITS_AVX2:
		tag_bits_avx2(tb, weight, min_shared, a, cand, n, scores);
		return;
	case TAG_BITS_POPCNT:
		tag_bits_popcnt(tb, weight, min_shared, a, cand, n, scores);
		return;
#endif
	default:
		tag_bits_baseline(tb, weight, min_shared, a, cand, n, scores);
	}
}
