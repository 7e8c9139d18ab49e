/*
 * offer_seek.c -- the built-in strategy "offer_seek".
 *
 * A meets B well when A offers what B seeks.  The score a -> b is how much
 * a's offer meets b's seek; the host asks both directions and takes their
 * mean, so help either way counts, and help both ways counts twice.
 *
 *   - tags fields: the tags in both a's offers and b's seeks, each
 *     weighted by its rarity as shared_tags weighs tags: log(N / holders)
 *     / log(N / 2), holders being the attendees who offer or seek it;
 *   - text (or category) fields: the cosine of a's offer text and b's
 *     seek text as TF-IDF vectors, as text_similarity computes it
 *     (plugins/text/text.h).
 *
 * The reason says who can help whom with what, in full names (first
 * names alone are ambiguous, and name columns may put the last name
 * first): "Anna Berg can help Ben Ott: datenschutz, dsgvo", and, when
 * help goes both ways, " / Ben Ott can help Anna Berg: ..." after it.
 *
 * Candidates (ABI 1.2): who seeks what a offers, or offers what a seeks,
 * from inverted indexes of both fields (postings.h; text_index.c for
 * text), each walked from a's rarest or heaviest term; the bound is the
 * mean of the two walks' bounds, as the pair's score is the mean of its
 * two directions.  Terms (ABI 1.4): the same two walks' terms, at half.
 *
 * Uses only the public ABI (include/mingle/plugin.h).  Options:
 *     offers = FIELD     what each attendee offers (required)
 *     seeks = FIELD      what each attendee seeks (required), of the
 *                        same kind: both tags, or both text
 *     language = de | en | auto, stop_words = LIST   as text_similarity
 *                        has them; for text fields only
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "text/text.h"

/* Bytes of a name in a reason; longer ones are cut with "...". */
#define OS_NAME_MAX	48

/* Tags of both fields in one id space: ids in byte order of the names. */
struct os_tags {
	uint32_t *off[2];	/* per field, attendee a: [off[a], off[a + 1]) */
	uint32_t *ids[2];	/* sorted per attendee */
	double *idf;		/* per id, normalized as shared_tags's */
	const char **name;	/* per id, normalized; the host's strings */
	const char **label;	/* per id, as most wrote it (ABI 1.1), or name */
	uint32_t n;
};

struct state {
	const struct mingle_api *api;
	mingle_host *host;
	int tags;		/* 1: tags fields; 0: text */
	struct os_tags t;
	struct text_corpus corpus;	/* text: offers, then seeks */
	struct postings post[2];	/* tags: offers, seeks by tag */
	struct text_index index[2];	/* text: offers, seeks by term */
};

/* One tag of one field while the id space is built. */
struct os_entry {
	const char *name;
	uint32_t field, id;
};

static const char *const options[] = {
	"offers", "seeks", "language", "stop_words", NULL
};

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"the field of what each attendee offers (required)",
	"the field of what each seeks, tags or text as offers (required)",
	"text fields: de, en or auto (default), as in text_similarity",
	"text fields: more words to ignore, comma-separated",
};

static int	os_tags_build(struct state *, const int *);
static int	os_tags_lists(struct state *, const int *, int,
		    const uint32_t *);
static void	os_tags_free(struct os_tags *);
static size_t	os_shared(const struct state *, mingle_attendee,
		    mingle_attendee, const char **, size_t, double *);
static int	os_entry_cmp(const void *, const void *);
static int	os_index(struct state *);
static void	os_fini(void *);
static int	os_id_cmp(const void *, const void *);

static int
os_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	static const char *const keys[2] = { "offers", "seeks" };
	const unsigned want = TEXT_FIELD_WANT(MINGLE_FIELD_TAGS) |
	    TEXT_FIELD_WANT(MINGLE_FIELD_TEXT) |
	    TEXT_FIELD_WANT(MINGLE_FIELD_CATEGORY);
	struct text_terms tt;
	struct state *st;
	const char *name;
	int fields[2], type[2], k, rc;

	for (k = 0; k < 2; k++) {
		if ((name = api->option(host, keys[k])) == NULL) {
			api->error(host, "needs 'offers' and 'seeks', the "
			    "fields of what each attendee offers and seeks");
			return -1;
		}
		if ((fields[k] = text_field(api, host, keys[k], name, want,
		    &type[k])) < 0)
			return -1;
	}
	if ((type[0] == MINGLE_FIELD_TAGS) != (type[1] == MINGLE_FIELD_TAGS)) {
		api->error(host, "offers and seeks must be alike, both tags "
		    "or both text: '%s' is a %s field, '%s' a %s field",
		    api->option(host, "offers"), mingle_field_type_name(type[0]),
		    api->option(host, "seeks"), mingle_field_type_name(type[1]));
		return -1;
	}
	if (type[0] == MINGLE_FIELD_TAGS && (api->option(host, "language") ||
	    api->option(host, "stop_words"))) {
		api->error(host, "language and stop_words apply to text "
		    "fields; offers and seeks are tags fields");
		return -1;
	}
	if ((st = calloc(1, sizeof *st)) == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	st->api = api;
	st->host = host;
	st->tags = type[0] == MINGLE_FIELD_TAGS;
	if (st->tags)
		rc = os_tags_build(st, fields);
	else {
		if (text_terms_open(&tt, api, host) != 0) {
			free(st);
			return -1;
		}
		rc = text_corpus_build(&st->corpus, &tt, api, host, fields, 2);
		text_terms_close(&tt);
	}
	if (rc != 0) {
		api->error(host, "out of memory");
		os_tags_free(&st->t);
		free(st);
		return -1;
	}
	if (os_index(st) != 0) {
		api->error(host, "out of memory");
		os_fini(st);
		return -1;
	}
	*statep = st;
	return 0;
}

/* Both fields by tag or term, for candidates.  Returns 0, or -1 out of
 * memory. */
static int
os_index(struct state *st)
{
	uint32_t n = st->api->attendee_count(st->host);
	int k;

	for (k = 0; k < 2; k++) {
		if (st->tags ? postings_build(&st->post[k], st->t.n, n,
		    st->t.off[k], st->t.ids[k], NULL) != 0 :
		    text_index_build(&st->index[k], &st->corpus,
		    (uint32_t)k) != 0)
			return -1;
	}
	return 0;
}

/*
 * A's partners: F = 0, what a offers walked over the seeks (s(a -> b));
 * F = 1, what a seeks over the offers (s(b -> a)).
 */
static int
os_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct state *st = statep;
	const uint32_t *terms[2];
	double *upper[2] = { NULL, NULL }, *mine[2] = { NULL, NULL }, b[2];
	size_t m[2], i;
	int f, rc = -1;

	for (f = 0; f < 2; f++) {
		if (!st->tags) {
			m[f] = text_index_upper(&st->index[1 - f], &st->corpus,
			    (uint32_t)f * st->corpus.n + a, &terms[f],
			    &upper[f]);
			if (m[f] == (size_t)-1)
				goto out;
			mine[f] = upper[f] + m[f];
			continue;
		}
		terms[f] = st->t.ids[f] + st->t.off[f][a];
		m[f] = st->t.off[f][a + 1] - st->t.off[f][a];
		if ((upper[f] = calloc(m[f] + 1, sizeof *upper[f])) == NULL)
			goto out;
		for (i = 0; i < m[f]; i++)
			upper[f][i] = st->t.idf[terms[f][i]];
	}
	if (postings_walk2(st->tags ? &st->post[1] : &st->index[1].post,
	    terms[0], upper[0], mine[0], m[0], st->tags ? &st->post[0] :
	    &st->index[0].post, terms[1], upper[1], mine[1], m[1], a, k, out,
	    cap, n, b) == 0) {
		*bound = b[0] / 2 + b[1] / 2;
		rc = 0;
	}
out:
	free(upper[0]);
	free(upper[1]);
	return rc;
}

/*
 * A's terms (ABI 1.4): what a offers, over the seeks (s(a -> b)), and
 * what a seeks, over the offers (s(b -> a)), each at half, as the pair's
 * score is the mean of the two directions.  Text fields: each direction
 * a cosine, a vector of its own.
 */
static int
os_terms(void *statep, mingle_attendee a, struct mingle_term *out,
    size_t cap, size_t *n)
{
	const struct state *st = statep;
	const uint32_t *terms;
	double *half;
	size_t m, i;
	int f;

	*n = 0;
	for (f = 0; f < 2; f++) {
		if (!st->tags) {
			if (text_index_terms(&st->index[1 - f], &st->corpus,
			    (uint32_t)f * st->corpus.n + a, 0.5,
			    (uint32_t)f + 1, out, cap, n) != 0)
				return -1;
			continue;
		}
		terms = st->t.ids[f] + st->t.off[f][a];
		m = st->t.off[f][a + 1] - st->t.off[f][a];
		if ((half = calloc(m + 1, sizeof *half)) == NULL)
			return -1;
		for (i = 0; i < m; i++)
			half[i] = st->t.idf[terms[i]] / 2;
		postings_terms(&st->post[1 - f], terms, half, half, m, 0, out,
		    cap, n);
		free(half);
	}
	return 0;
}

/*
 * The tags of both fields in one id space (a tag's name is the same in
 * both: the host normalizes them alike), each attendee's lists in it, and
 * each tag's weight.
 */
static int
os_tags_build(struct state *st, const int *fields)
{
	const struct mingle_api *api = st->api;
	struct os_tags *t = &st->t;
	struct os_entry *e;
	uint32_t count[2], *map = NULL, i, n = 0, attendees;
	size_t total;
	int k, rc = -1;

	count[0] = api->tag_count(st->host, fields[0]);
	count[1] = api->tag_count(st->host, fields[1]);
	total = (size_t)count[0] + count[1];
	e = calloc(total + 1, sizeof *e);
	map = calloc(total + 1, sizeof *map);
	if (e == NULL || map == NULL)
		goto out;
	for (k = 0, total = 0; k < 2; k++)
		for (i = 0; i < count[k]; i++) {
			e[total].name = api->tag_name(st->host, fields[k], i);
			e[total].field = (uint32_t)k;
			e[total++].id = i;
		}
	qsort(e, total, sizeof *e, os_entry_cmp);
	t->name = calloc(total + 1, sizeof *t->name);
	t->label = calloc(total + 1, sizeof *t->label);
	if (t->name == NULL || t->label == NULL)
		goto out;
	/* map: a field's tag id (the second field's after the first's)
	 * -> the shared id. */
	for (i = 0; i < total; i++) {
		if (i == 0 || strcmp(e[i].name, e[i - 1].name) != 0) {
			t->label[n] = MINGLE_API_HAS(api, tag_label) ?
			    api->tag_label(st->host, fields[e[i].field],
			    e[i].id) : e[i].name;
			t->name[n++] = e[i].name;
		}
		map[(e[i].field ? count[0] : 0) + e[i].id] = n - 1;
	}
	t->n = n;
	attendees = api->attendee_count(st->host);
	t->idf = calloc((size_t)n + 1, sizeof *t->idf);
	if (t->idf == NULL || os_tags_lists(st, fields, 0, map) != 0 ||
	    os_tags_lists(st, fields, 1, map + count[0]) != 0)
		goto out;
	/* Holders: attendees with the tag in either field, once each. */
	for (i = 0; i < attendees; i++) {
		uint32_t x = t->off[0][i], xe = t->off[0][i + 1];
		uint32_t y = t->off[1][i], ye = t->off[1][i + 1];

		while (x < xe || y < ye) {
			uint32_t id;

			if (y == ye || (x < xe && t->ids[0][x] < t->ids[1][y]))
				id = t->ids[0][x++];
			else if (x == xe || t->ids[1][y] < t->ids[0][x])
				id = t->ids[1][y++];
			else {
				id = t->ids[0][x++];
				y++;
			}
			t->idf[id] += 1;
		}
	}
	for (i = 0; i < n; i++) {
		double f = t->idf[i];

		t->idf[i] = f > 0 && attendees > f ? log(attendees / f) /
		    (attendees > 2 ? log(attendees / 2.0) : 1.0) : 0;
	}
	rc = 0;
out:
	free(e);
	free(map);
	return rc;
}

/* Field K's tags of every attendee, through MAP, sorted. */
static int
os_tags_lists(struct state *st, const int *fields, int k, const uint32_t *map)
{
	struct os_tags *t = &st->t;
	uint32_t n = st->api->attendee_count(st->host), a;
	const uint32_t *tags;
	size_t total = 0, i, m;

	t->off[k] = calloc((size_t)n + 1, sizeof *t->off[k]);
	if (t->off[k] == NULL)
		return -1;
	for (a = 0; a < n; a++) {
		total += st->api->tags(st->host, fields[k], a, &tags);
		t->off[k][a + 1] = (uint32_t)total;
	}
	if ((t->ids[k] = calloc(total + 1, sizeof *t->ids[k])) == NULL)
		return -1;
	for (a = 0; a < n; a++) {
		uint32_t *v = t->ids[k] + t->off[k][a];

		m = st->api->tags(st->host, fields[k], a, &tags);
		for (i = 0; i < m; i++)
			v[i] = map[tags[i]];
		qsort(v, m, sizeof *v, os_id_cmp);
	}
	return 0;
}

static void
os_tags_free(struct os_tags *t)
{
	free(t->off[0]);
	free(t->off[1]);
	free(t->ids[0]);
	free(t->ids[1]);
	free(t->idf);
	free(t->name);
	free(t->label);
}

/* How much a's offers meet b's seeks. */
static double
os_tags_score(const struct os_tags *t, mingle_attendee a, mingle_attendee b)
{
	uint32_t x = t->off[0][a], xe = t->off[0][a + 1];
	uint32_t y = t->off[1][b], ye = t->off[1][b + 1];
	double sum = 0;

	while (x < xe && y < ye) {
		if (t->ids[0][x] < t->ids[1][y])
			x++;
		else if (t->ids[0][x] > t->ids[1][y])
			y++;
		else {
			sum += t->idf[t->ids[0][x]];
			x++;
			y++;
		}
	}
	return sum;
}

/*
 * While CAND[I] is scored, a few ahead from memory: where their lists
 * start, then the lists.  Both fields: the engine asks the way back (b's
 * offers against a's seeks) right after the batch, one at a time.
 */
static inline void
os_tags_prefetch(const struct os_tags *t, const mingle_attendee *cand,
    size_t n, size_t i)
{
	int f;

	for (f = 0; f < 2; f++) {
		if (i + 8 < n)
			__builtin_prefetch(&t->off[f][cand[i + 8]]);
		if (i + 4 < n)
			__builtin_prefetch(&t->ids[f][t->off[f][cand[i + 4]]]);
	}
}

static int
os_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;
	size_t i;

	(void)veto;
	if (!st->tags) {
		text_corpus_dots(&st->corpus, a, cand, n, st->corpus.n,
		    scores);
		return 0;
	}
	for (i = 0; i < n; i++) {
		os_tags_prefetch(&st->t, cand, n, i);
		scores[i] = os_tags_score(&st->t, a, cand[i]);
	}
	return 0;
}

/*
 * What a offers and b seeks, the most telling first (tags: the rarest,
 * then by name; text: the greatest weight): up to CAP into ITEMS; how
 * many in all.  *SCORE gets what they are worth, for a zero test.
 */
static size_t
os_shared(const struct state *st, mingle_attendee a, mingle_attendee b,
    const char **items, size_t cap, double *score)
{
	const struct os_tags *t = &st->t;
	uint32_t ids[TEXT_REASON_ITEMS], x, xe, y, ye, id;
	size_t n = 0, kept = 0, k;

	if (cap > TEXT_REASON_ITEMS)
		cap = TEXT_REASON_ITEMS;
	if (!st->tags) {
		n = text_corpus_shared(&st->corpus, a, st->corpus.n + b, ids,
		    cap);
		for (k = 0; k < n && k < cap; k++)
			items[k] = text_corpus_surface(&st->corpus, ids[k]);
		*score = text_corpus_dot(&st->corpus, a, st->corpus.n + b);
		return n;
	}
	*score = os_tags_score(t, a, b);
	x = t->off[0][a], xe = t->off[0][a + 1];
	y = t->off[1][b], ye = t->off[1][b + 1];
	while (x < xe && y < ye) {
		if (t->ids[0][x] < t->ids[1][y]) {
			x++;
			continue;
		}
		if (t->ids[0][x] > t->ids[1][y]) {
			y++;
			continue;
		}
		/* Rarest first; ids ascend, so an equal weight keeps name
		 * order. */
		id = t->ids[0][x];
		n++;
		for (k = kept; k > 0 && t->idf[ids[k - 1]] < t->idf[id]; k--)
			if (k < cap)
				ids[k] = ids[k - 1];
		if (k < cap) {
			ids[k] = id;
			if (kept < cap)
				kept++;
		}
		x++;
		y++;
	}
	for (k = 0; k < kept; k++)
		items[k] = t->label[ids[k]];
	return n;
}

/* Append "A can help B: x, y" to BUF (LEN used) if a's offers meet b's
 * seeks and it fits; the new length. */
static size_t
os_direction(const struct state *st, mingle_attendee a, mingle_attendee b,
    char *buf, size_t cap, size_t len)
{
	const char *items[TEXT_REASON_ITEMS];
	char na[OS_NAME_MAX + 1], nb[OS_NAME_MAX + 1], head[160];
	size_t total, n, hlen, end;
	double score;

	total = os_shared(st, a, b, items, TEXT_REASON_ITEMS, &score);
	if (total == 0 || !(score > 0))
		return len;
	n = total < TEXT_REASON_ITEMS ? total : TEXT_REASON_ITEMS;
	na[0] = nb[0] = '\0';
	text_reason_name(na, sizeof na, 0, st->api->attendee_name(st->host,
	    a), OS_NAME_MAX);
	text_reason_name(nb, sizeof nb, 0, st->api->attendee_name(st->host,
	    b), OS_NAME_MAX);
	hlen = (size_t)snprintf(head, sizeof head, "%s%s can help %s: ",
	    len > 0 ? " / " : "", na, nb);
	if (len + hlen >= cap)
		return len;
	memcpy(buf + len, head, hlen + 1);
	end = text_reason_list(buf, cap, len + hlen, items, n, total);
	if (end == len + hlen) {
		buf[len] = '\0';
		return len;
	}
	return end;
}

static void
os_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct state *st = statep;
	size_t len;

	buf[0] = '\0';
	len = os_direction(st, a, b, buf, cap, 0);
	os_direction(st, b, a, buf, cap, len);
}

static void
os_fini(void *statep)
{
	struct state *st = statep;

	if (st == NULL)
		return;
	os_tags_free(&st->t);
	text_corpus_free(&st->corpus);
	postings_free(&st->post[0]);
	postings_free(&st->post[1]);
	text_index_free(&st->index[0]);
	text_index_free(&st->index[1]);
	free(st);
}

static int
os_entry_cmp(const void *va, const void *vb)
{
	const struct os_entry *a = va, *b = vb;
	int r = strcmp(a->name, b->name);

	if (r == 0)
		r = a->field < b->field ? -1 : a->field > b->field;
	return r;
}

static int
os_id_cmp(const void *va, const void *vb)
{
	uint32_t a = *(const uint32_t *)va, b = *(const uint32_t *)vb;

	return a < b ? -1 : a > b;
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.name = "offer_seek",
	.version = "1.0.0",
	.description = "one offers what the other seeks (tags: IDF overlap; "
	    "text: TF-IDF)",
	.options = options,
	.option_docs = option_docs,
	.init = os_init,
	.score = os_score,
	.reason = os_reason,
	.fini = os_fini,
	.candidates = os_candidates,
	.terms = os_terms,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
