/*
 * init_fails.c -- a plugin whose init reports an error through the api and
 * fails.  The host must show the plugin's own message and never call fini.
 */
#include <stdio.h>
#include <stdlib.h>

#include "mingle/plugin.h"

static const char *const options[] = { "frobnicator", NULL };

static int
if_init(const struct mingle_api *api, mingle_host *host, void **state)
{
	const char *v = api->option(host, "frobnicator");

	api->error(host, "the frobnicator is %s (code %d)",
	    v != NULL ? v : "not configured", 42);
	return -1;
}

static int
if_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	return 0;
}

/* fini after a failed init would be a host bug: make it loud. */
static void
if_fini(void *state)
{
	fputs("init_fails: fini called after a failed init\n", stderr);
	abort();
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.name = "init_fails",
	.version = "0.1",
	.description = "always fails to start",
	.options = options,
	.init = if_init,
	.score = if_score,
	.fini = if_fini,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
