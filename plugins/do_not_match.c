/*
 * do_not_match.c -- the built-in constraint "do_not_match": pairs an
 * organizer lists in a CSV file are never introduced.
 *
 * The file has two columns of people (see person_pairs.h for which), each
 * an id, an e-mail address or a name (api->lookup: case, accents and
 * spacing ignored, "Berg, Anna" is "Anna Berg").  Each pair is vetoed
 * both ways.  One warning lists the names that match no attendee (people
 * the [input] filters dropped among them), with their lines; a name that
 * fits several attendees is warned about with them, and vetoes nothing.
 *
 * Uses only the public ABI (include/mingle/plugin.h, 1.2).  Options:
 *     file = PATH      the CSV, relative to the config file's folder
 * Reason for a veto: "do-not-match (dnm.csv line 4)".
 * For the candidate stage it lists A's pairs, with a bound of 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "pair_set.h"
#include "person_pairs.h"

static const char *const options[] = { "file", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a CSV of pairs never to introduce: two columns of ids, e-mail "
	"addresses or names",
};

static void
dnm_fini(void *statep)
{
	person_pairs_file_free(statep);
}

static int
dnm_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct person_misses misses = { 0 };
	struct person_pairs_file *f;

	if (!MINGLE_API_HAS(api, lookup)) {
		api->error(host, "needs mingle with plugin ABI 1.2 or later");
		return -1;
	}
	if (person_pairs_file_open(api, host, "pairs never to introduce", &f,
	    &misses) != 0) {
		person_pairs_free_misses(&misses);
		return -1;
	}
	person_pairs_warn(api, host, &misses, f->file,
	    person_pairs_file_place, f);
	person_pairs_free_misses(&misses);
	*statep = f;
	return 0;
}

static int
dnm_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct person_pairs_file *f = statep;

	(void)scores;
	pair_set_veto(&f->pairs, a, cand, n, veto);
	return 0;
}

/* Whom A is paired with in the file: every pair it vetoes. */
static int
dnm_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct person_pairs_file *f = statep;

	(void)k;
	(void)cap;
	pair_set_candidates(&f->pairs, a, out, n, bound);
	return 0;
}

static void
dnm_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	person_pairs_file_reason(statep, "do-not-match", a, b, buf, cap);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "do_not_match",
	.version = "1.0.0",
	.description = "never introduce the pairs a CSV file lists, by id, "
	    "e-mail address or name",
	.options = options,
	.option_docs = option_docs,
	.init = dnm_init,
	.score = dnm_score,
	.reason = dnm_reason,
	.fini = dnm_fini,
	.candidates = dnm_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
