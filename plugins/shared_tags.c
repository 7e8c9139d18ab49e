/*
 * shared_tags.c -- the built-in strategy "shared_tags".
 *
 * Scores a pair by the tags both hold in one tags field, each shared tag
 * weighted by its rarity (inverse document frequency):
 *
 *     score(a, b) = sum over shared tags t of log(N / freq(t))
 *
 * normalized so that one tag shared by just two people of N scores about 1:
 * divided by log(N / 2).  A tag everybody holds ("barcamp") adds nothing.
 * The reason names the shared tags, rarest first, each as most attendees
 * wrote it: "both: #Lua, #Datenschutz".
 *
 * Pairs are scored over dense bitsets of the tags (tag_bits.h), with the
 * CPU's popcount and wider words where it has them, to the same doubles
 * as the merge of two sorted lists that reasons use.
 *
 * Candidates (ABI 1.2): an inverted index of the tags (postings.h),
 * walked from a's rarest tag.  A tag's IDF is the most sharing it adds,
 * so the bound is exact: nobody left out scores above the IDF of the tags
 * not walked.  Terms (ABI 1.4): a's tags in that index, each adding its
 * IDF, for the host's walk over every strategy at once.
 *
 * Uses only the public ABI (include/mingle/plugin.h), as a third-party
 * plugin would.  Options:
 *     field = NAME     the tags field to compare (required)
 *     min_shared = N   pairs sharing fewer tags score 0 (default 1)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "postings.h"
#include "tag_bits.h"

struct state {
	const struct mingle_api *api;
	mingle_host *host;
	/* a tag's text in reasons: as most wrote it (ABI 1.1), else as
	 * normalized */
	const char *(*label)(mingle_host *, int, uint32_t);
	int field;
	unsigned min_shared;
	double *idf;		/* per tag id, already normalized */
	uint32_t ntags;
	struct tag_bits bits;	/* every attendee's tags, for scoring */
	struct postings index;	/* attendees by tag, for candidates */
};

static int	st_bits(struct state *);
static int	st_index(struct state *);

static const char *const options[] = { "field", "min_shared", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"the tags field to compare (required)",
	"pairs sharing fewer tags score 0: 1 to 1000, default 1",
};

static int
st_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct state *st;
	const char *name, *min;
	uint32_t n, t;
	int type;
	double norm;

	name = api->option(host, "field");
	if (name == NULL) {
		api->error(host, "needs 'field', the tags field to compare");
		return -1;
	}
	st = calloc(1, sizeof *st);
	if (st == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	st->api = api;
	st->host = host;
	st->label = MINGLE_API_HAS(api, tag_label) ? api->tag_label :
	    api->tag_name;
	st->min_shared = 1;
	st->field = api->field(host, name, &type);
	if (st->field < 0 || type != MINGLE_FIELD_TAGS) {
		api->error(host, st->field < 0 ? "no field '%s'; define it in "
		    "a [field %s] section" : "field '%s' is not of type tags",
		    name, name);
		free(st);
		return -1;
	}
	min = api->option(host, "min_shared");
	if (min != NULL) {
		char *end;
		long v = strtol(min, &end, 10);

		if (*min == '\0' || *end != '\0' || v < 1 || v > 1000) {
			api->error(host, "min_shared must be a whole number "
			    "from 1 to 1000, not '%s'", min);
			free(st);
			return -1;
		}
		st->min_shared = (unsigned)v;
	}
	n = api->attendee_count(host);
	st->ntags = api->tag_count(host, st->field);
	st->idf = calloc(st->ntags + 1, sizeof *st->idf);
	if (st->idf == NULL) {
		api->error(host, "out of memory");
		free(st);
		return -1;
	}
	norm = n > 2 ? log((double)n / 2.0) : 1.0;
	for (t = 0; t < st->ntags; t++) {
		uint32_t f = api->tag_frequency(host, st->field, t);

		st->idf[t] = f > 0 && n > f ? log((double)n / f) / norm : 0;
	}
	if (st_bits(st) != 0 || st_index(st) != 0) {
		api->error(host, "out of memory");
		tag_bits_free(&st->bits);
		free(st->idf);
		free(st);
		return -1;
	}
	*statep = st;
	return 0;
}

/* Every attendee's tags as bits.  Returns 0, or -1 out of memory. */
static int
st_bits(struct state *st)
{
	const uint32_t *tags;
	uint32_t n = st->api->attendee_count(st->host), a;
	size_t total = 0, count;

	for (a = 0; a < n; a++)
		total += st->api->tags(st->host, st->field, a, &tags);
	if (tag_bits_init(&st->bits, n, st->ntags, total) != 0)
		return -1;
	for (a = 0; a < n; a++) {
		count = st->api->tags(st->host, st->field, a, &tags);
		tag_bits_set(&st->bits, a, tags, count);
	}
	return 0;
}

/* The attendees holding each tag.  Returns 0, or -1 out of memory. */
static int
st_index(struct state *st)
{
	const uint32_t *tags;
	uint32_t n = st->api->attendee_count(st->host), a, *off, *all;
	size_t count, total = 0;
	int rc = -1;

	off = calloc((size_t)n + 1, sizeof *off);
	for (a = 0; a < n; a++) {
		total += st->api->tags(st->host, st->field, a, &tags);
		if (off != NULL)
			off[a + 1] = (uint32_t)total;
	}
	all = calloc(total + 1, sizeof *all);
	if (off != NULL && all != NULL) {
		for (a = 0; a < n; a++) {
			count = st->api->tags(st->host, st->field, a, &tags);
			if (count > 0)
				memcpy(all + off[a], tags, count * sizeof *tags);
		}
		rc = postings_build(&st->index, st->ntags, n, off, all,
		    NULL);
	}
	free(off);
	free(all);
	return rc;
}

/* Merge two sorted tag lists; call back for each shared tag. */
static double
shared(const struct state *st, mingle_attendee a, mingle_attendee b,
    unsigned *count, uint32_t *out, size_t cap)
{
	const uint32_t *x, *y;
	size_t nx, ny, i = 0, j = 0;
	double sum = 0;

	*count = 0;
	nx = st->api->tags(st->host, st->field, a, &x);
	ny = st->api->tags(st->host, st->field, b, &y);
	while (i < nx && j < ny) {
		if (x[i] < y[j])
			i++;
		else if (x[i] > y[j])
			j++;
		else {
			sum += st->idf[x[i]];
			if (out != NULL && *count < cap)
				out[*count] = x[i];
			++*count;
			i++;
			j++;
		}
	}
	return sum;
}

static int
st_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;

	(void)veto;
	tag_bits_score(&st->bits, st->idf, st->min_shared, a, cand, n,
	    scores);
	return 0;
}

/* A's partners: those who share a tag, walked rarest first. */
static int
st_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct state *st = statep;
	const uint32_t *tags;
	double *upper;
	size_t count, i;
	int rc;

	count = st->api->tags(st->host, st->field, a, &tags);
	upper = calloc(count + 1, sizeof *upper);
	if (upper == NULL)
		return -1;
	for (i = 0; i < count; i++)
		upper[i] = st->idf[tags[i]];
	rc = postings_walk(&st->index, a, tags, upper, NULL, count, k, out,
	    cap, n, bound);
	free(upper);
	return rc;
}

/* A's tags, each adding its IDF (ABI 1.4): the score is their sum. */
static int
st_terms(void *statep, mingle_attendee a, struct mingle_term *out,
    size_t cap, size_t *n)
{
	const struct state *st = statep;
	const uint32_t *tags;
	double *upper;
	size_t count, i;

	*n = 0;
	count = st->api->tags(st->host, st->field, a, &tags);
	if ((upper = calloc(count + 1, sizeof *upper)) == NULL)
		return -1;
	for (i = 0; i < count; i++)
		upper[i] = st->idf[tags[i]];
	postings_terms(&st->index, tags, upper, upper, count, 0, out, cap, n);
	free(upper);
	return 0;
}

/*
 * How many of the first N of TAGS fit a reason of CAP bytes whole, with
 * "(+K more)" for the other COUNT - n: a tag is never cut in the middle
 * (nor a UTF-8 character, nor the number of the rest).
 */
static unsigned
fitting(const struct state *st, const uint32_t *tags, unsigned n,
    unsigned count, size_t cap)
{
	size_t len[17], rest;
	unsigned i, k;

	len[0] = strlen("both:");
	for (i = 0; i < n && i < 16; i++)
		len[i + 1] = len[i] + (i ? 1 : 0) + strlen(" #") +
		    strlen(st->label(st->host, st->field, tags[i]));
	for (k = i; k > 0; k--) {
		rest = k < count ? (size_t)snprintf(NULL, 0, " (+%u more)",
		    count - k) : 0;
		if (len[k] + rest < cap)
			break;
	}
	return k;
}

static void
st_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct state *st = statep;
	uint32_t tags[16];
	unsigned count, i, shown;
	size_t len = 0;

	shared(st, a, b, &count, tags, 16);
	buf[0] = '\0';
	if (count == 0)
		return;
	shown = count < 16 ? count : 16;
	/* Rarest first, then by tag id: insertion sort of at most 16,
	 * reentrant (qsort's comparator could not see the state). */
	for (i = 1; i < shown; i++) {
		uint32_t t = tags[i];
		unsigned j = i;

		while (j > 0 && (st->idf[tags[j - 1]] < st->idf[t] ||
		    (st->idf[tags[j - 1]] == st->idf[t] && tags[j - 1] > t))) {
			tags[j] = tags[j - 1];
			j--;
		}
		tags[j] = t;
	}
	shown = fitting(st, tags, shown, count, cap);
	len = (size_t)snprintf(buf, cap, "both:");
	for (i = 0; i < shown; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s #%s",
		    i ? "," : "", st->label(st->host, st->field, tags[i]));
	if (count > shown)
		snprintf(buf + len, cap - len, " (+%u more)", count - shown);
}

static void
st_fini(void *statep)
{
	struct state *st = statep;

	if (st != NULL) {
		free(st->idf);
		tag_bits_free(&st->bits);
		postings_free(&st->index);
	}
	free(st);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "shared_tags",
	.version = "1.0.0",
	.description = "tags both attendees hold, rare tags weighing more "
	    "(IDF)",
	.options = options,
	.option_docs = option_docs,
	.init = st_init,
	.score = st_score,
	.reason = st_reason,
	.fini = st_fini,
	.candidates = st_candidates,
	.terms = st_terms,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
