/*
 * tag_bits.h -- attendees' tags as dense bitsets, for scoring every pair
 * fast: the shared_tags fast path.
 *
 * Each attendee's tags with ids below 64 * words are bits of `words`
 * 64-bit words; the rest (an event with more tags than that) stay a
 * sorted list, the tail.  A pair's shared tags are the AND of the words,
 * then a merge of the tails.  The weights of the shared tags are summed in
 * ascending tag id order, bits first (every bit's id is below every tail
 * id): the same additions in the same order as a merge of the two sorted
 * lists, so the same doubles.
 *
 * The loops are compiled for the baseline CPU and again for POPCNT and
 * BMI, and for AVX2; tag_bits_init() picks the best the CPU running it has
 * (__builtin_cpu_supports), so a baseline build still uses them.
 *
 * Memory: n * words * 8 bytes, words at most TAG_BITS_MAX_WORDS, plus the
 * tails.  Linked into the plugin; nothing from core/.
 */
#ifndef MINGLE_TAG_BITS_H
#define MINGLE_TAG_BITS_H

#include <stddef.h>
#include <stdint.h>

/* 1,024 tags as bits: 128 bytes an attendee. */
#define TAG_BITS_MAX_WORDS 16

enum tag_bits_cpu {
	TAG_BITS_BASELINE,
	TAG_BITS_POPCNT,	/* POPCNT and BMI1 (tzcnt) */
	TAG_BITS_AVX2,		/* and AVX2 for the words */
	TAG_BITS_CPUS
};

struct tag_bits {
	uint32_t n;		/* attendees */
	uint32_t words;		/* bitset words per attendee */
	uint64_t *bits;		/* attendee a: bits[a * words ...] */
	uint32_t *tail_off;	/* attendee a: tail[tail_off[a] ..
				 * tail_off[a + 1]) */
	uint32_t *tail;		/* tag ids >= 64 * words, ascending */
	uint32_t filled;	/* attendees set so far */
	enum tag_bits_cpu cpu;	/* the loops in use */
};

/*
 * Room for N attendees of NTAGS tags, TOTAL tag ids among them all.
 * Returns 0, or -1 out of memory (nothing to free).  Then set every
 * attendee in order, 0 to N - 1, with tag_bits_set().
 */
int tag_bits_init(struct tag_bits *tb, uint32_t n, uint32_t ntags,
    size_t total);
/* Attendee A's tags: COUNT ids, ascending, no duplicates. */
void tag_bits_set(struct tag_bits *tb, uint32_t a, const uint32_t *tags,
    size_t count);
void tag_bits_free(struct tag_bits *tb);

/* The loops the CPU can run; tag_bits_init() picks the best. */
int tag_bits_cpu_has(enum tag_bits_cpu cpu);

/*
 * A against the N attendees in CAND: into SCORES, the sum of WEIGHT over
 * the tags each shares with A, ascending by id, or 0 where they share
 * fewer than MIN_SHARED.
 */
void tag_bits_score(const struct tag_bits *tb, const double *weight,
    unsigned min_shared, uint32_t a, const uint32_t *cand, size_t n,
    double *scores);

#endif
