/*
 * veto_all.c -- a plugin that scores every pair high and vetoes it: the
 * veto wins, so nobody is introduced.
 */
#include "mingle/plugin.h"

static int
va_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	size_t i;

	for (i = 0; i < n; i++) {
		scores[i] = 100;
		veto[i] = 1;
	}
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "veto_all",
	.version = "0.1",
	.description = "forbids every pair",
	.score = va_score,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
