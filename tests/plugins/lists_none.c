/*
 * lists_none.c -- a plugin that breaks the candidate stage's contract on
 * purpose: every pair scores 1, yet it lists nobody with a bound of 0
 * (option list = none), or lists everyone in descending order (list =
 * unsorted).  The host trusts a valid list, so with `none` the candidate
 * stage scores no pair (that is how a test sees it is used at all), and
 * it scores everyone with A when a list is not ascending.  With list =
 * bound it keeps the contract: it scores each pair between 0 and 1 by
 * their numbers and lists nobody with a bound of 1, a strategy that
 * measures fit (no group bonus) yet lists nobody.
 */
#include <string.h>

#include "mingle/plugin.h"

struct state {
	int unsorted;
	int bound;
	uint32_t n;
};

static struct state states[3];

static const char *const options[] = { "list", NULL };

static int
ln_init(const struct mingle_api *api, mingle_host *host, void **state)
{
	const char *list = api->option(host, "list");
	int unsorted = list != NULL && strcmp(list, "unsorted") == 0;
	int bound = list != NULL && strcmp(list, "bound") == 0;
	struct state *st = &states[unsorted + 2 * bound];

	st->unsorted = unsorted;
	st->bound = bound;
	st->n = api->attendee_count(host);
	*state = st;
	return 0;
}

static int
ln_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = state;
	size_t i;

	(void)veto;
	for (i = 0; i < n; i++)	/* symmetric: by a + b and a * b */
		scores[i] = st->bound ? (double)(((a + cand[i]) * 7u +
		    a * cand[i]) % 101u) / 100 : 1;
	return 0;
}

static int
ln_candidates(void *state, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct state *st = state;
	uint32_t b;

	(void)k;
	(void)cap;
	*n = 0;
	*bound = st->bound;
	for (b = st->n; st->unsorted && b > 0; b--)
		if (b - 1 != a)
			out[(*n)++] = b - 1;
	return 0;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "lists_none",
	.version = "0.1",
	.description = "scores every pair 1, lists nobody (or unsorted)",
	.options = options,
	.init = ln_init,
	.score = ln_score,
	.candidates = ln_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
