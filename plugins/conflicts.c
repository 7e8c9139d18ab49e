/*
 * conflicts.c -- the built-in constraint "conflicts": a column lists, per
 * attendee, the people they must not meet (a conference's conflicts of
 * interest).  Each pair is vetoed both ways.
 *
 * How a cell is split: ';' and line breaks always separate people.  A
 * piece that is one person (an id, an e-mail address or a name, as
 * api->lookup finds them) stays whole, so "Berg, Anna" is Anna Berg;
 * else it is split at its commas, and two neighbours that are one person
 * together ("Berg, Anna, Koch, Jan") are taken as one.  A name that
 * matches nobody is warned about once, with the attendee who listed it;
 * one that fits several people vetoes nothing and is warned about.
 *
 * Uses only the public ABI (include/mingle/plugin.h, 1.2).  Options:
 *     field = NAME     a text or category field
 * Reason: "conflict of interest (listed by Anna Berg)".
 * For the candidate stage it lists A's pairs, with a bound of 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "pair_set.h"
#include "person_pairs.h"

struct state {
	const struct mingle_api *api;
	mingle_host *host;
	struct pair_set pairs;	/* from: who listed the pair */
	struct person_misses misses;
};

static const char *const options[] = { "field", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a text field listing whom each attendee must not meet: ids, "
	"e-mail addresses or names, separated by ';' (or ',')",
};

static void
conflicts_place(void *ctx, const struct person_miss *m, char *buf,
    size_t cap)
{
	const struct state *st = ctx;

	snprintf(buf, cap, "listed by %s",
	    st->api->attendee_id(st->host, m->from));
}

/* A vetoes B, if B is someone; -1 if memory ran out. */
static int
conflict(struct state *st, mingle_attendee a, const char *who)
{
	mingle_attendee b = 0;
	int rc;

	rc = person_pairs_find(st->api, st->host, who, &b, &st->misses, a, 0);
	if (rc <= 0)
		return rc;
	if (a != b && pair_set_add(&st->pairs, a, b, a, 0) < 0) {
		st->api->error(st->host, "out of memory");
		return -1;
	}
	return 0;
}

/* Is the text of the N bytes at S one person? */
static int
is_person(const struct state *st, const char *s, size_t n)
{
	mingle_attendee b;
	char *text = strndup(s, n);
	int rc = text != NULL && st->api->lookup(st->host, text, &b) != 0;

	free(text);
	return rc;
}

/* The people of the N bytes at S, a part between ';'s: the rest if it is
 * one person, else up to the second comma if that is one, else up to the
 * first comma. */
static int
piece(struct state *st, mingle_attendee a, const char *s, size_t n)
{
	const char *end = s + n, *c1, *c2;
	char *text;
	int rc;

	while (s < end) {
		c1 = end;
		if (!is_person(st, s, (size_t)(end - s)) &&
		    (c1 = memchr(s, ',', (size_t)(end - s))) == NULL)
			c1 = end;
		else if (c1 < end) {
			c2 = memchr(c1 + 1, ',', (size_t)(end - c1 - 1));
			if (c2 != NULL && is_person(st, s, (size_t)(c2 - s)))
				c1 = c2;
		}
		if ((text = strndup(s, (size_t)(c1 - s))) == NULL) {
			st->api->error(st->host, "out of memory");
			return -1;
		}
		rc = conflict(st, a, text);
		free(text);
		if (rc < 0)
			return -1;
		s = c1 < end ? c1 + 1 : end;
	}
	return 0;
}

/* The people attendee A lists in TEXT. */
static int
cell(struct state *st, mingle_attendee a, const char *text)
{
	size_t n;

	while (*text != '\0') {
		n = strcspn(text, ";\r\n");
		if (n > 0 && piece(st, a, text, n) != 0)
			return -1;
		text += n;
		text += *text != '\0';
	}
	return 0;
}

static void
conflicts_fini(void *statep)
{
	struct state *st = statep;

	pair_set_free(&st->pairs);
	person_pairs_free_misses(&st->misses);
	free(st);
}

static int
conflicts_init(const struct mingle_api *api, mingle_host *host,
    void **statep)
{
	struct state *st;
	const char *name, *text;
	uint32_t a, n;
	int field, type = 0;
	char what[256];

	if (!MINGLE_API_HAS(api, lookup)) {
		api->error(host, "needs mingle with plugin ABI 1.2 or later");
		return -1;
	}
	if ((name = api->option(host, "field")) == NULL) {
		api->error(host, "needs 'field', a text field that lists "
		    "whom each attendee must not meet");
		return -1;
	}
	field = api->field(host, name, &type);
	if (field < 0 || (type != MINGLE_FIELD_TEXT &&
	    type != MINGLE_FIELD_CATEGORY)) {
		api->error(host, "'field = %s': %s; conflicts reads a text or "
		    "category field (add [field %s] with type = text)", name,
		    field < 0 ? "no such field" : "not a text field", name);
		return -1;
	}
	if ((st = calloc(1, sizeof *st)) == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	st->api = api;
	st->host = host;
	n = api->attendee_count(host);
	for (a = 0; a < n; a++)
		if ((text = api->text(host, field, a)) != NULL &&
		    cell(st, a, text) != 0) {
			conflicts_fini(st);
			return -1;
		}
	if (pair_set_index(&st->pairs, n) != 0) {
		api->error(host, "out of memory");
		conflicts_fini(st);
		return -1;
	}
	snprintf(what, sizeof what, "'field = %s'", name);
	person_pairs_warn(api, host, &st->misses, what, conflicts_place, st);
	person_pairs_free_misses(&st->misses);
	*statep = st;
	return 0;
}

static int
conflicts_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;

	(void)scores;
	pair_set_veto(&st->pairs, a, cand, n, veto);
	return 0;
}

/* Whom A is paired with in the field: every pair it vetoes. */
static int
conflicts_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct state *st = statep;

	(void)k;
	(void)cap;
	pair_set_candidates(&st->pairs, a, out, n, bound);
	return 0;
}

static void
conflicts_reason(void *statep, mingle_attendee a, mingle_attendee b,
    char *buf, size_t cap)
{
	const struct state *st = statep;
	const struct pair_set_entry *e = pair_set_find(&st->pairs, a, b);

	buf[0] = '\0';
	if (e != NULL)
		snprintf(buf, cap, "conflict of interest (listed by %s)",
		    st->api->attendee_name(st->host, e->from));
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "conflicts",
	.version = "1.0.0",
	.description = "never introduce two people when one lists the other "
	    "as a conflict of interest",
	.options = options,
	.option_docs = option_docs,
	.init = conflicts_init,
	.score = conflicts_score,
	.reason = conflicts_reason,
	.fini = conflicts_fini,
	.candidates = conflicts_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
