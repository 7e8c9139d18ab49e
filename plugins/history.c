/*
 * history.c -- the built-in constraint "history": people introduced at an
 * earlier event are not introduced again.
 *
 * Each file is mingle's own output from an earlier run (a_id, b_id; the
 * names a_name, b_name where an id is nobody this year) or any CSV with
 * two columns of people (see person_pairs.h).  Their pairs are vetoed, or
 * with `penalty`, lowered by it instead.  People of earlier years who are
 * not coming this year are expected: one line counts them.
 *
 * Uses only the public ABI (include/mingle/plugin.h, 1.2).  Options:
 *     file = A, B      the earlier outputs, comma-separated, relative to
 *                      the config file's folder
 *     penalty = X      lower a pair's score by X (> 0) instead of a veto
 * Reason: "met before (2025.csv line 12)".
 * For the candidate stage it lists A's pairs, with a bound of 0: a
 * penalty only lowers a score.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "option_value.h"
#include "pair_set.h"
#include "person_pairs.h"

#define PENALTY_MAX 1e9

struct state {
	struct pair_set pairs;	/* from: the file, line: its line */
	char **files;		/* as the config names them */
	size_t nfiles;
	double penalty;		/* 0: veto */
};

static const char *const options[] = { "file", "penalty", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"earlier outputs of mingle (or CSVs of two columns of people), "
	"comma-separated",
	"lower the score of a pair that met by this much (> 0) instead of "
	"a veto",
};

static void
history_place(void *ctx, const struct person_miss *m, char *buf, size_t cap)
{
	const struct state *st = ctx;

	snprintf(buf, cap, "%s line %u", st->files[m->from], m->line);
}

static void
history_fini(void *statep)
{
	struct state *st = statep;

	pair_set_free(&st->pairs);
	option_value_free_list(st->files, st->nfiles);
	free(st);
}

/* The options but the files. */
static int
history_options(const struct mingle_api *api, mingle_host *host,
    struct state *st)
{
	if (!MINGLE_API_HAS(api, lookup)) {
		api->error(host, "needs mingle with plugin ABI 1.2 or later");
		return -1;
	}
	if (option_value_number(api, host, "penalty", 0, 0, PENALTY_MAX,
	    &st->penalty) != 0)
		return -1;
	if (api->option(host, "penalty") != NULL && st->penalty == 0) {
		api->error(host, "'penalty' must be above 0 (how much lower "
		    "a pair that met scores); without it such pairs are "
		    "vetoed");
		return -1;
	}
	return 0;
}

static int
history_init(const struct mingle_api *api, mingle_host *host,
    void **statep)
{
	struct person_misses misses = { 0 };
	struct state *st;
	size_t i, rows, pairs;

	if ((st = calloc(1, sizeof *st)) == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	if (history_options(api, host, st) != 0 ||
	    option_value_list(api, host, "file", &st->files,
	    &st->nfiles) != 0)
		goto fail;
	if (st->nfiles == 0) {
		api->error(host, "needs 'file', mingle's output of an earlier "
		    "event (or a CSV of two columns of people); several "
		    "comma-separated");
		goto fail;
	}
	for (i = 0; i < st->nfiles; i++) {
		pairs = st->pairs.len;
		if (person_pairs_read(api, host, "file", st->files[i],
		    (uint32_t)i, &st->pairs, &misses, &rows) != 0)
			goto fail;
		if (rows > 0 && st->pairs.len == pairs)
			api->log(host, "%s: none of its %zu pairs are both "
			    "among this year's attendees", st->files[i], rows);
	}
	if (misses.nobody > 0)
		api->log(host, "%zu names in the earlier outputs match no "
		    "attendee this year; their pairs are skipped",
		    misses.nobody);
	if (pair_set_index(&st->pairs, api->attendee_count(host)) != 0) {
		api->error(host, "out of memory");
		goto fail;
	}
	person_pairs_warn_several(api, host, &misses, history_place, st);
	person_pairs_free_misses(&misses);
	*statep = st;
	return 0;
fail:
	person_pairs_free_misses(&misses);
	history_fini(st);
	return -1;
}

static int
history_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;
	size_t i;

	for (i = 0; i < n; i++) {
		if (pair_set_find(&st->pairs, a, cand[i]) == NULL)
			continue;
		if (st->penalty > 0)
			scores[i] = -st->penalty;
		else
			veto[i] = 1;
	}
	return 0;
}

/* Whom A is paired with in the files: every pair it vetoes or lowers. */
static int
history_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct state *st = statep;

	(void)k;
	(void)cap;
	pair_set_candidates(&st->pairs, a, out, n, bound);
	return 0;
}

static void
history_reason(void *statep, mingle_attendee a, mingle_attendee b,
    char *buf, size_t cap)
{
	const struct state *st = statep;
	const struct pair_set_entry *e = pair_set_find(&st->pairs, a, b);

	buf[0] = '\0';
	if (e != NULL)
		snprintf(buf, cap, "met before (%s line %u)",
		    st->files[e->from], e->line);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "history",
	.version = "1.0.0",
	.description = "never introduce again (or score lower) who met at "
	    "an earlier event, from mingle's earlier outputs",
	.options = options,
	.option_docs = option_docs,
	.init = history_init,
	.score = history_score,
	.reason = history_reason,
	.fini = history_fini,
	.candidates = history_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
