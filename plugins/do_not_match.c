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
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "pair_set.h"
#include "person_pairs.h"

struct state {
	struct pair_set pairs;	/* line: the file's line */
	char *file;		/* as the config names it */
};

static const char *const options[] = { "file", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a CSV of pairs never to introduce: two columns of ids, e-mail "
	"addresses or names",
};

static void
dnm_place(void *ctx, const struct person_miss *m, char *buf, size_t cap)
{
	const struct state *st = ctx;

	snprintf(buf, cap, "%s line %u", st->file, m->line);
}

static void
dnm_fini(void *statep)
{
	struct state *st = statep;

	pair_set_free(&st->pairs);
	free(st->file);
	free(st);
}

static int
dnm_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct person_misses misses = { 0 };
	struct state *st;
	const char *file;

	if (!MINGLE_API_HAS(api, lookup)) {
		api->error(host, "needs mingle with plugin ABI 1.2 or later");
		return -1;
	}
	if ((file = api->option(host, "file")) == NULL || *file == '\0') {
		api->error(host, "needs 'file', a CSV file of pairs never to "
		    "introduce (a header, then two columns of ids, e-mail "
		    "addresses or names)");
		return -1;
	}
	if ((st = calloc(1, sizeof *st)) == NULL ||
	    (st->file = strdup(file)) == NULL) {
		free(st);
		api->error(host, "out of memory");
		return -1;
	}
	if (person_pairs_read(api, host, "file", file, 0, &st->pairs, &misses,
	    NULL) != 0) {
		person_pairs_free_misses(&misses);
		dnm_fini(st);
		return -1;
	}
	person_pairs_warn(api, host, &misses, file, dnm_place, st);
	person_pairs_free_misses(&misses);
	*statep = st;
	return 0;
}

static int
dnm_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;
	size_t i;

	(void)scores;
	for (i = 0; i < n; i++)
		veto[i] = pair_set_find(&st->pairs, a, cand[i]) != NULL;
	return 0;
}

static void
dnm_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct state *st = statep;
	const struct pair_set_entry *e = pair_set_find(&st->pairs, a, b);

	buf[0] = '\0';
	if (e != NULL)
		snprintf(buf, cap, "do-not-match (%s line %u)", st->file,
		    e->line);
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
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
