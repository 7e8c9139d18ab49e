/*
 * terms_bits.c -- a plugin with terms (ABI 1.4) for the tests of the
 * walk: attendee a holds term t (0 to 7) when bit t of a hash of a is
 * set, and a pair scores (t + 1) / 8 for each term both hold.  Half the
 * event holds each term, so terms are long and the host probes them.
 * Option terms = good gives them as they are, but fails (-1) for every
 * third attendee and gives a negative gain for the next (the host must
 * refuse it): those rows fall back on `candidates`, which cannot list
 * (every pair is scored).  terms = lie gives a gain of 0: a broken
 * promise the host trusts, so its output differs from every pair
 * scored.
 */
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"

#define TERMS 8

struct state {
	int lie;
	uint32_t n;
	uint32_t *ids[TERMS];
	uint32_t count[TERMS];
};

static const char *const options[] = { "terms", NULL };

static unsigned
hash(uint32_t a)
{
	return (unsigned)((a * 2654435761u) >> 24);
}

static void tb_fini(void *);

static int
tb_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	const char *terms = api->option(host, "terms");
	struct state *st = calloc(1, sizeof *st);
	uint32_t a;
	int t;

	if (st == NULL)
		return -1;
	st->lie = terms != NULL && strcmp(terms, "lie") == 0;
	st->n = api->attendee_count(host);
	for (t = 0; t < TERMS; t++)
		if ((st->ids[t] = calloc(st->n + 1, sizeof **st->ids)) ==
		    NULL) {
			tb_fini(st);
			return -1;
		}
	for (a = 0; a < st->n; a++)
		for (t = 0; t < TERMS; t++)
			if (hash(a) >> t & 1)
				st->ids[t][st->count[t]++] = a;
	*statep = st;
	return 0;
}

static int
tb_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	unsigned both;
	size_t i;
	int t;

	(void)statep;
	(void)veto;
	for (i = 0; i < n; i++) {
		both = hash(a) & hash(cand[i]);
		for (t = 0; t < TERMS; t++)
			if (both >> t & 1)
				scores[i] += (t + 1) / 8.0;
	}
	return 0;
}

/* It cannot list partners: rows without terms score everyone. */
static int
tb_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	(void)statep;
	(void)a;
	(void)k;
	(void)out;
	(void)cap;
	(void)n;
	(void)bound;
	return -1;
}

static int
tb_terms(void *statep, mingle_attendee a, struct mingle_term *out,
    size_t cap, size_t *n)
{
	const struct state *st = statep;
	int t;

	*n = 0;
	if (!st->lie && a % 3 == 1)
		return -1;
	for (t = 0; t < TERMS; t++) {
		if (!(hash(a) >> t & 1))
			continue;
		if (*n < cap)
			out[*n] = (struct mingle_term){ st->ids[t], NULL,
			    st->count[t], 0, st->lie ? 0 : (t + 1) / 8.0,
			    st->lie ? 0 : (t + 1) / 8.0 };
		if (*n < cap && !st->lie && a % 3 == 2)
			out[*n].gain = -1;
		++*n;
	}
	return 0;
}

static void
tb_fini(void *statep)
{
	struct state *st = statep;
	int t;

	for (t = 0; st != NULL && t < TERMS; t++)
		free(st->ids[t]);
	free(st);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "terms_bits",
	.version = "0.1",
	.description = "scores pairs by hashed terms; gives them (ABI 1.4)",
	.options = options,
	.init = tb_init,
	.score = tb_score,
	.fini = tb_fini,
	.candidates = tb_candidates,
	.terms = tb_terms,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
