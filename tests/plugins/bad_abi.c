/*
 * bad_abi.c -- a plugin built for ABI major 99.  The host must refuse it
 * and name both versions.
 */
#include "mingle/plugin.h"

static int
bad_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = 99,
	.abi_minor = 7,
	.size = sizeof(struct mingle_strategy),
	.name = "bad_abi",
	.version = "0.1",
	.description = "built for a mingle that does not exist",
	.score = bad_score,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
