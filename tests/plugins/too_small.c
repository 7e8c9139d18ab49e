/*
 * too_small.c -- a descriptor whose size is smaller than any ABI 1.x
 * descriptor can be (it claims to end before `fini`).  The host must
 * refuse it rather than read members that are not there.
 */
#include <stddef.h>

#include "mingle/plugin.h"

static int
ts_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = offsetof(struct mingle_strategy, name),
	.name = "too_small",
	.version = "0.1",
	.score = ts_score,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
