/*
 * must_meet.c -- the built-in strategy "must_meet": pairs an organizer
 * lists in a CSV file are always introduced, in every mode (a shy
 * attendee and the friend they come with, a mentor and their mentee).
 *
 * The file has two columns of people, read as do_not_match reads its own
 * (person_pairs.h says which columns), each an id, an e-mail address or a
 * name (api->lookup).  Each pair is pinned through api->pin; the host
 * then checks every pin before the assignment: a pair another strategy
 * vetoes, or a person pinned to more people than they may meet, stops the
 * run with an error naming both.  One warning lists the names that match
 * no attendee, with their lines; a name that fits several attendees is
 * warned about with them and pins nothing; so is a line whose two sides
 * are one attendee (a repeat registration merged into the other).
 *
 * Scores nothing: the pins alone bring the pairs together.  So it lists
 * nobody for the candidate stage, with a bound of 0.
 *
 * Uses only the public ABI (include/mingle/plugin.h, 1.2).  Options:
 *     file = PATH      the CSV, relative to the config file's folder
 * Reason for a pinned pair: "must meet (friends.csv line 3)".
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
	"a CSV of pairs always to introduce: two columns of ids, e-mail "
	"addresses or names",
};

static void
mm_fini(void *statep)
{
	person_pairs_file_free(statep);
}

/* Pinned pairs by their line, so that the host sees them in file order. */
static int
mm_line_cmp(const void *x, const void *y)
{
	const struct pair_set_entry *a = *(const struct pair_set_entry *const *)x;
	const struct pair_set_entry *b = *(const struct pair_set_entry *const *)y;

	return (a->line > b->line) - (a->line < b->line);
}

/* Pin every pair of the set, in file order.  Returns 0, or -1 with the
 * error set. */
static int
mm_pin(const struct mingle_api *api, mingle_host *host,
    const struct person_pairs_file *f)
{
	const struct pair_set_entry **v;
	size_t i, n = 0;
	uint32_t a, b;
	int rc = 0;

	if (f->pairs.len == 0)
		return 0;
	if ((v = calloc(f->pairs.len, sizeof *v)) == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	for (i = 0; i < f->pairs.cap; i++)
		if (f->pairs.slot[i].key != 0)
			v[n++] = &f->pairs.slot[i];
	qsort(v, n, sizeof *v, mm_line_cmp);
	for (i = 0; i < n && rc == 0; i++) {
		pair_set_pair(v[i], &a, &b);
		rc = api->pin(host, a, b) != 0 ? -1 : 0;
	}
	free(v);
	return rc;
}

/* The lines whose two sides found one attendee: one warning each. */
static void
mm_warn_same(const struct mingle_api *api, mingle_host *host,
    const struct person_pairs_file *f, const struct person_misses *m)
{
	size_t i;

	for (i = 0; i < m->nsame; i++)
		api->log(host, "%s line %u: both sides are %s (%s), once "
		    "repeat registrations are merged; the line pins nobody: "
		    "name two different people", f->file, m->same[i].line,
		    api->attendee_id(host, m->same[i].who),
		    api->attendee_name(host, m->same[i].who));
}

static int
mm_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct person_misses misses = { .unused = "nobody is pinned" };
	struct person_pairs_file *f;

	if (!MINGLE_API_HAS(api, pin)) {
		api->error(host, "needs mingle with plugin ABI 1.2 (pin) or "
		    "later");
		return -1;
	}
	if (person_pairs_file_open(api, host, "pairs always to introduce", &f,
	    &misses) != 0 || mm_pin(api, host, f) != 0) {
		person_pairs_free_misses(&misses);
		person_pairs_file_free(f);
		return -1;
	}
	person_pairs_warn(api, host, &misses, f->file,
	    person_pairs_file_place, f);
	mm_warn_same(api, host, f, &misses);
	person_pairs_free_misses(&misses);
	*statep = f;
	return 0;
}

static int
mm_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	(void)statep;
	(void)a;
	(void)cand;
	(void)n;
	(void)scores;
	(void)veto;
	return 0;
}

/* Scores nothing, vetoes nothing: lists nobody, with a bound of 0. */
static int
mm_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	(void)statep;
	(void)a;
	(void)k;
	(void)out;
	(void)cap;
	*n = 0;
	*bound = 0;
	return 0;
}

static void
mm_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	person_pairs_file_reason(statep, "must meet", a, b, buf, cap);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "must_meet",
	.version = "1.0.0",
	.description = "always introduce the pairs a CSV file lists, by id, "
	    "e-mail address or name, in every mode",
	.options = options,
	.option_docs = option_docs,
	.init = mm_init,
	.score = mm_score,
	.reason = mm_reason,
	.fini = mm_fini,
	.candidates = mm_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
