/*
 * rng.h -- a small seeded pseudo-random generator for the assigners.
 *
 * xoshiro256** seeded through splitmix64: the same seed gives the same
 * sequence on every platform, which is what makes `seed` in the config
 * reproduce an assignment exactly.  Not for anything secret.
 */
#ifndef MINGLE_RNG_H
#define MINGLE_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);

/* Uniform in [0, n); n > 0. */
uint64_t rng_below(struct rng *r, uint64_t n);

/* Uniform in [0, 1). */
double rng_unit(struct rng *r);

/* Shuffle N uint32_t values in place (Fisher-Yates). */
void rng_shuffle32(struct rng *r, uint32_t *v, size_t n);

#endif
