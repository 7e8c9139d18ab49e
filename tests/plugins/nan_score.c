/*
 * nan_score.c -- a plugin that returns NaN.  Scores must be finite; the
 * host must stop and name the strategy and the pair.
 */
#include <math.h>

#include "mingle/plugin.h"

static int
nan_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	size_t i;

	for (i = 0; i < n; i++)
		scores[i] = NAN;
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.name = "nan_score",
	.version = "0.1",
	.description = "scores every pair NaN",
	.score = nan_score,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
