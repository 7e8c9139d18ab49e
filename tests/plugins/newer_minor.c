/*
 * newer_minor.c -- a plugin built against a newer minor ABI than this
 * host's: it may call api members the host does not have, so the host
 * must refuse it and ask for an upgrade.
 */
#include "mingle/plugin.h"

static int
newer_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR + 1,
	.size = sizeof(struct mingle_strategy),
	.name = "newer_minor",
	.version = "2.0",
	.description = "built against a newer mingle",
	.score = newer_score,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
