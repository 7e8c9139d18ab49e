/*
 * text_similarity.c -- the built-in strategy "text_similarity".
 *
 * Scores a pair by how alike their free-text answers are ("What are you
 * working on?"): the cosine of the two texts' TF-IDF vectors, from 0 (no
 * term in common) to 1 (the same terms, as often).  Words are found and
 * folded with Unicode rules, stop words of English and German dropped,
 * the rest stemmed (Snowball), and each term weighted by its rarity among
 * the attendees' texts; plugins/text/text.h has the details.  The reason
 * names the shared terms that weigh most, as people wrote them:
 * "similar: Verkehrswende, Radverkehr, Stadtplanung".
 *
 * Candidates (ABI 1.2): the attendees whose text shares a term, from an
 * inverted index walked from a's heaviest terms; a term adds at most a's
 * weight of it times its greatest weight in anyone's text, so the bound
 * is exact.  Whom the walk keeps are then scored, and those below the
 * K-th best dropped.  Terms (ABI 1.4): a's terms in that index, each
 * adding a's weight times the partner's, one unit vector (crosswise, two
 * at half).  Never an N x N matrix.
 *
 * Uses only the public ABI (include/mingle/plugin.h).  Options:
 *     field = NAME       the text field to compare, a's with b's
 *     fields = A, B      crosswise: the mean of the cosines of a's text
 *                        in A with b's in B and of b's in A with a's in B
 *     language = de | en | auto   the texts' language (default auto:
 *                        each text's own, by its stop words)
 *     stop_words = LIST  more words to ignore, separated by commas
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "text/text.h"

struct state {
	struct text_corpus corpus;
	uint32_t other;		/* first document of the second field */
	struct text_index index[2];	/* per field, for candidates */
};

static void	ts_fini(void *);

static const char *const options[] = {
	"field", "fields", "language", "stop_words", NULL
};

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"the text or category field to compare, a's with b's",
	"A, B: crosswise, a's text in A with b's in B (not with field)",
	"the texts' language: de, en or auto (default)",
	"more words to ignore, comma-separated",
};

#define TS_WANT	(TEXT_FIELD_WANT(MINGLE_FIELD_TEXT) | \
	TEXT_FIELD_WANT(MINGLE_FIELD_CATEGORY))

/*
 * The field handles the options name, into FIELDS; how many (1 or 2), or
 * 0 after api->error().
 */
static uint32_t
ts_fields(const struct mingle_api *api, mingle_host *host, int *fields)
{
	const char *one = api->option(host, "field");
	const char *two = api->option(host, "fields");
	char name[2][256];
	const char *p, *comma;
	size_t len;
	int k;

	if ((one == NULL) == (two == NULL)) {
		api->error(host, one == NULL ? "needs 'field', the text field "
		    "to compare, or 'fields = A, B' to compare A's text with "
		    "B's" : "takes 'field' or 'fields', not both");
		return 0;
	}
	if (one != NULL)
		return (fields[0] = text_field(api, host, "field", one,
		    TS_WANT, NULL)) < 0 ? 0 : 1;
	/* "A, B": two names around one comma, spaces trimmed. */
	for (k = 0, p = two; k < 2; k++, p = comma + 1) {
		comma = strchr(p, ',');
		if ((k == 0) != (comma != NULL)) {
			comma = NULL;
			break;
		}
		if (comma == NULL)
			comma = p + strlen(p);
		while (*p == ' ' || *p == '\t')
			p++;
		for (len = (size_t)(comma - p); len > 0 &&
		    (p[len - 1] == ' ' || p[len - 1] == '\t'); len--)
			;
		if (len == 0 || len >= sizeof name[k])
			break;
		memcpy(name[k], p, len);
		name[k][len] = '\0';
	}
	if (k < 2) {
		api->error(host, "fields must name two fields, 'A, B' (A's "
		    "text is compared with B's), not '%s'", two);
		return 0;
	}
	for (k = 0; k < 2; k++)
		if ((fields[k] = text_field(api, host, "fields", name[k],
		    TS_WANT, NULL)) < 0)
			return 0;
	return 2;
}

static int
ts_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct text_terms tt;
	struct state *st;
	int fields[2];
	uint32_t nfields;

	if ((nfields = ts_fields(api, host, fields)) == 0)
		return -1;
	if (text_terms_open(&tt, api, host) != 0)
		return -1;
	if ((st = calloc(1, sizeof *st)) == NULL ||
	    text_corpus_build(&st->corpus, &tt, api, host, fields,
	    nfields) != 0) {
		api->error(host, "out of memory");
		text_terms_close(&tt);
		free(st);
		return -1;
	}
	text_terms_close(&tt);
	st->other = nfields == 2 ? st->corpus.n : 0;
	if (text_index_build(&st->index[0], &st->corpus, 0) != 0 ||
	    (nfields == 2 && text_index_build(&st->index[1], &st->corpus,
	    1) != 0)) {
		api->error(host, "out of memory");
		ts_fini(st);
		return -1;
	}
	*statep = st;
	return 0;
}

/*
 * A's partners: who shares a term with a's text; crosswise, whose text
 * in B shares one with a's in A, or in A with a's in B, the bound the
 * mean of the two walks' as the score is the mean of the two cosines.
 */
static int
ts_walk(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct state *st = statep;
	const struct text_corpus *c = &st->corpus;
	const uint32_t *terms[2];
	double *upper[2] = { NULL, NULL }, b[2];
	size_t m[2];
	int rc = -1;

	if (st->other == 0) {
		m[0] = text_index_upper(&st->index[0], c, a, &terms[0],
		    &upper[0]);
		if (m[0] != (size_t)-1)
			rc = postings_walk(&st->index[0].post, a, terms[0],
			    upper[0], upper[0] + m[0], m[0], k, out, cap, n,
			    bound);
		free(upper[0]);
		return rc;
	}
	m[0] = text_index_upper(&st->index[1], c, a, &terms[0], &upper[0]);
	m[1] = text_index_upper(&st->index[0], c, st->other + a, &terms[1],
	    &upper[1]);
	if (m[0] != (size_t)-1 && m[1] != (size_t)-1 &&
	    postings_walk2(&st->index[1].post, terms[0], upper[0],
	    upper[0] + m[0], m[0], &st->index[0].post, terms[1], upper[1],
	    upper[1] + m[1], m[1], a, k, out, cap, n, b) == 0) {
		*bound = b[0] / 2 + b[1] / 2;
		rc = 0;
	}
	free(upper[0]);
	free(upper[1]);
	return rc;
}

static int
ts_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;
	double back[64];
	size_t i, k, m;

	(void)veto;
	text_corpus_dots(&st->corpus, a, cand, n, st->other, scores);
	if (st->other == 0)
		return 0;
	/* Crosswise, both ways at once: the score stays symmetric, and the
	 * host asks once per pair.  b's text in A against a's in B is a's
	 * in B against b's in A: the same products in the same order. */
	for (i = 0; i < n; i += m) {
		m = n - i < 64 ? n - i : 64;
		text_corpus_dots(&st->corpus, st->other + a, cand + i, m, 0,
		    back);
		for (k = 0; k < m; k++)
			scores[i + k] = (scores[i + k] + back[k]) / 2;
	}
	return 0;
}

/*
 * The walk keeps whoever it cannot yet rule out (862 on average of K = 50
 * at 10,000 attendees): their cosines, those ts_score gives, pick the K
 * best (postings_keep_best).
 */
static int
ts_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	double *score;
	int rc;

	if (ts_walk(statep, a, k, out, cap, n, bound) != 0)
		return -1;
	if (k == 0 || *n <= k)
		return 0;
	if ((score = malloc(*n * sizeof *score)) == NULL)
		return -1;
	(void)ts_score(statep, a, out, *n, score, NULL);
	rc = postings_keep_best(out, n, score, k, bound);
	free(score);
	return rc;
}

/*
 * A's terms (ABI 1.4), each adding a's weight of it times the partner's:
 * the cosine, a dot product of unit vectors.  Crosswise, both walks' terms
 * at half, as the score is the mean of the two cosines.
 */
static int
ts_terms(void *statep, mingle_attendee a, struct mingle_term *out,
    size_t cap, size_t *n)
{
	const struct state *st = statep;
	int f, nf = st->other == 0 ? 1 : 2;

	*n = 0;
	/* crosswise: a's text in A against B's index, and in B against A's */
	for (f = 0; f < nf; f++)
		if (text_index_terms(&st->index[nf - 1 - f], &st->corpus,
		    (uint32_t)f * st->other + a, 1.0 / nf, (uint32_t)f + 1,
		    out, cap, n) != 0)
			return -1;
	return 0;
}

static void
ts_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct state *st = statep;
	const char *items[TEXT_REASON_ITEMS];
	uint32_t terms[TEXT_REASON_ITEMS];
	size_t total, n, k, len;

	buf[0] = '\0';
	total = text_corpus_shared(&st->corpus, a, st->other + b, terms,
	    TEXT_REASON_ITEMS);
	if (total == 0)
		return;
	n = total < TEXT_REASON_ITEMS ? total : TEXT_REASON_ITEMS;
	for (k = 0; k < n; k++)
		items[k] = text_corpus_surface(&st->corpus, terms[k]);
	len = (size_t)snprintf(buf, cap, "similar: ");
	if (text_reason_list(buf, cap, len, items, n, total) == len)
		snprintf(buf, cap, "similar: %zu term%s", total,
		    total == 1 ? "" : "s");
}

static void
ts_fini(void *statep)
{
	struct state *st = statep;

	if (st != NULL) {
		text_corpus_free(&st->corpus);
		text_index_free(&st->index[0]);
		text_index_free(&st->index[1]);
	}
	free(st);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "text_similarity",
	.version = "1.0.0",
	.description = "free-text answers alike: TF-IDF cosine, stemmed, "
	    "German and English",
	.options = options,
	.option_docs = option_docs,
	.init = ts_init,
	.score = ts_score,
	.reason = ts_reason,
	.fini = ts_fini,
	.candidates = ts_candidates,
	.terms = ts_terms,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
