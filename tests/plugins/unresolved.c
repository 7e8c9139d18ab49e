/*
 * unresolved.c -- a plugin that needs a symbol nobody defines, as one
 * built against a library that is not installed would.  dlopen with
 * RTLD_NOW fails, and the host must show dlerror()'s text.
 */
#include "mingle/plugin.h"

/* Defined nowhere. */
extern double mingle_test_symbol_defined_nowhere(mingle_attendee a);

static int
un_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	size_t i;

	for (i = 0; i < n; i++)
		scores[i] = mingle_test_symbol_defined_nowhere(cand[i]);
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.name = "unresolved",
	.version = "0.1",
	.description = "cannot be loaded",
	.score = un_score,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
