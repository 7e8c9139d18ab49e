/*
 * rounds_max.c -- `rounds = max`: as many rounds as the search finds.
 *
 * Counting bounds the rounds (each round everyone meets group_size - 1
 * new people, so at most floor((n - 1) / (g - 1)) rounds; see
 * seating_rounds_bound()).  Below it, seating.c's search is tried for 1,
 * 2, ... rounds, each with a fixed step budget, until one is not solved:
 * the last one solved is the answer.  A schedule for r + 1 rounds holds
 * one for r, so the first failure ends the search; its budget is what a
 * run spends beyond the schedule it returns.  Steps, never the clock, so
 * the answer depends only on the input and the seed.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>

#include "rounds_max.h"
#include "seating.h"
#include "util.h"

/* Repair steps per number of rounds tried: about a second on one core.
 * 32 people in tables of 4 find 9 rounds long before it; 40 need most of
 * it for their 10th. */
#define ROUNDS_MAX_BUDGET	60000000ULL

int
rounds_max_find(struct assign_ctx *c, const uint32_t *node, uint32_t n,
    uint32_t group_size, uint64_t seed, uint32_t *rounds, uint32_t *bound,
    char **cause)
{
	struct seating s;
	char *why = NULL;
	uint32_t r;
	int rc, failed;

	*bound = seating_rounds_bound(n, group_size);
	*rounds = 1;
	for (r = 1; r <= *bound; r++) {
		rc = seating_try(&s, c, node, n, group_size, r, seed,
		    ROUNDS_MAX_BUDGET, &why);
		failed = s.failed;
		seating_free(&s);
		if (rc != 0 && failed) {
			*cause = why;
			return -1;
		}
		free(why);
		why = NULL;
		if (rc != 0)
			break;
		*rounds = r;
	}
	return 0;
}
