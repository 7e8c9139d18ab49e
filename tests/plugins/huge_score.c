/*
 * huge_score.c -- a plugin that scores every pair DBL_MAX, the largest
 * finite double, in both directions.  At weight 1 the pair's score is
 * DBL_MAX and must be written whole; at weight 2 it would be inf, and the
 * host must stop and name the strategy and the pair.
 */
#include <float.h>

#include "mingle/plugin.h"

static int
huge_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	size_t i;

	(void)state;
	(void)a;
	(void)veto;
	for (i = 0; i < n; i++)
		scores[i] = DBL_MAX;
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.name = "huge_score",
	.version = "0.1",
	.description = "scores every pair DBL_MAX",
	.score = huge_score,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
