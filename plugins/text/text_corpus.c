/*
 * text_corpus.c -- every attendee's text in one or two fields as a sparse,
 * normalized TF-IDF vector; cosines as merges of sorted term ids, or, for
 * one document against many, as lookups in a table of its weights by term
 * (one per thread).  See text.h for the weights.
 *
 * Building sorts the words of all texts twice, without a hash table:
 * by word, so each distinct word is stemmed once; then by (term, surface,
 * document), so term ids, document frequencies and the most frequent
 * surface of each term come from one walk.  Each token carries the first
 * 8 bytes of its strings, so that most comparisons read no string (at
 * 100,000 attendees, strcmp on strings read at random was a third of
 * `mingle check`).  Memory
 * is linear in the length of the texts: there is no matrix, and a term
 * found in one document only is left out of the vectors (after counting
 * in its document's length).
 */
#include "autoconf.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Strings, NUL-terminated, one after another. */
struct corpus_arena {
	char *buf;
	size_t len, cap;
};

/* One word of one document, while the corpus is built.  The strings are
 * offsets into an arena until it stops growing, then pointers. */
union corpus_str {
	size_t off;
	const char *p;
};

struct corpus_tok {
	union corpus_str word;	/* folded */
	union corpus_str surf;	/* as written */
	union corpus_str stem;	/* its term */
	/* the first 8 bytes of the word (then of the stem) and of the
	 * surface, big-endian: they order as strcmp does, without a read at
	 * random */
	uint64_t key, skey;
	uint32_t doc;
	uint32_t term;
};

struct corpus_build {
	struct corpus_tok *tok;
	size_t ntok, captok;
	struct corpus_arena words;	/* words and surfaces */
	struct corpus_arena stems;
	int *found;		/* per document: its own language, or -1 */
	enum text_lang most;	/* the language most documents have */
	uint32_t doc;
};

#define CORPUS_DROPPED	((size_t)-1)

static int	corpus_collect(void *, const char *, size_t, const char *,
		    size_t);
static size_t	corpus_put(struct corpus_arena *, const char *, size_t);
static int	corpus_stems(struct text_terms *, struct corpus_build *);
static uint64_t	corpus_prefix(const char *, size_t);
static int	corpus_strcmp(uint64_t, const char *, uint64_t, const char *);
static int	corpus_tok_stem_cmp(const struct corpus_tok *,
		    const struct corpus_tok *);
static int	corpus_terms(struct text_corpus *, struct corpus_build *,
		    uint32_t **);
static int	corpus_vectors(struct text_corpus *, struct corpus_build *,
		    const uint32_t *);
static void	*corpus_shrink(void *, size_t, size_t);
static float	*corpus_table(const struct text_corpus *);
static int	corpus_word_cmp(const void *, const void *);
static int	corpus_tok_cmp(const void *, const void *);
static int	corpus_id_cmp(const void *, const void *);

int
text_corpus_build(struct text_corpus *c, struct text_terms *tt,
    const struct mingle_api *api, mingle_host *host, const int *fields,
    uint32_t nfields)
{
	struct corpus_build b;
	size_t count[TEXT_NLANG] = { 0, 0 }, hits[TEXT_NLANG], i;
	uint32_t *df = NULL, d;
	const char *text;
	int rc = -1;

	memset(c, 0, sizeof *c);
	memset(&b, 0, sizeof b);
	c->n = api->attendee_count(host);
	if (c->n > UINT32_MAX / 2 || nfields < 1 || nfields > 2)
		return -1;
	c->ndocs = c->n * nfields;
	c->lang = calloc((size_t)c->ndocs + 1, sizeof *c->lang);
	b.found = calloc((size_t)c->ndocs + 1, sizeof *b.found);
	if (c->lang == NULL || b.found == NULL)
		goto out;
	/* Every document's words, and its language by its stop words. */
	for (d = 0; d < c->ndocs; d++) {
		b.found[d] = -1;
		text = api->text(host, fields[d / c->n], d % c->n);
		if (text == NULL)
			continue;
		b.doc = d;
		hits[TEXT_EN] = hits[TEXT_DE] = 0;
		if (text_terms_words(tt, text, corpus_collect, &b, hits) != 0)
			goto out;
		if ((b.found[d] = text_terms_language(hits)) >= 0)
			count[b.found[d]]++;
	}
	b.most = count[TEXT_DE] > count[TEXT_EN] ? TEXT_DE : TEXT_EN;
	for (d = 0; d < c->ndocs; d++)
		c->lang[d] = tt->language != TEXT_AUTO ? tt->language :
		    b.found[d] >= 0 ? (enum text_lang)b.found[d] : b.most;
	/* The arena is done growing: offsets become pointers. */
	for (i = 0; i < b.ntok; i++) {
		b.tok[i].word.p = b.words.buf + b.tok[i].word.off;
		b.tok[i].surf.p = b.words.buf + b.tok[i].surf.off;
	}
	if (corpus_stems(tt, &b) != 0)
		goto out;
	if (b.ntok > 0)
		qsort(b.tok, b.ntok, sizeof *b.tok, corpus_tok_cmp);
	if (corpus_terms(c, &b, &df) != 0 || corpus_vectors(c, &b, df) != 0)
		goto out;
	/* Without the key, cosines are merges (text_corpus_dots). */
	c->has_scratch = pthread_key_create(&c->scratch, free) == 0;
	rc = 0;
out:
	free(df);
	free(b.tok);
	free(b.words.buf);
	free(b.stems.buf);
	free(b.found);
	if (rc != 0)
		text_corpus_free(c);
	return rc;
}

static int
corpus_collect(void *arg, const char *f, size_t flen, const char *surface,
    size_t slen)
{
	struct corpus_build *b = arg;
	struct corpus_tok *t;
	size_t word, surf;

	if (b->ntok == b->captok) {
		t = reallocarray(b->tok, b->captok * 2 + 256, sizeof *t);
		if (t == NULL)
			return -1;
		b->tok = t;
		b->captok = b->captok * 2 + 256;
	}
	if ((word = corpus_put(&b->words, f, flen)) == (size_t)-1 ||
	    (surf = corpus_put(&b->words, surface, slen)) == (size_t)-1)
		return -1;
	t = &b->tok[b->ntok++];
	t->word.off = word;
	t->surf.off = surf;
	t->stem.off = 0;
	t->key = corpus_prefix(f, flen);
	t->skey = corpus_prefix(surface, slen);
	t->doc = b->doc;
	t->term = 0;
	return 0;
}

/* S (LEN bytes) and a NUL into arena A; its offset, or -1. */
static size_t
corpus_put(struct corpus_arena *a, const char *s, size_t len)
{
	size_t at = a->len, cap;
	char *buf;

	if (len + 1 > a->cap - a->len) {
		cap = a->cap * 2 + len + 4096;
		if ((buf = realloc(a->buf, cap)) == NULL)
			return (size_t)-1;
		a->buf = buf;
		a->cap = cap;
	}
	memcpy(a->buf + at, s, len);
	a->buf[at + len] = '\0';
	a->len += len + 1;
	return at;
}

/*
 * Stem each distinct word once, in one language wherever it is written,
 * so that it is one term in every text: the option's, or with auto the
 * language of the documents it is found in most ("Machine Learning" in
 * German sentences and in English ones); a word found only in documents
 * of no clear language takes the one most documents have.  Words whose
 * stem is one of the option's stop words are dropped.
 */
static int
corpus_stems(struct text_terms *tt, struct corpus_build *b)
{
	size_t i, j, k, n[TEXT_NLANG], len, at;
	enum text_lang lang;
	const char *stem;
	uint64_t key;
	int r;

	if (b->ntok > 0)
		qsort(b->tok, b->ntok, sizeof *b->tok, corpus_word_cmp);
	for (i = 0; i < b->ntok; i = j) {
		n[TEXT_EN] = n[TEXT_DE] = 0;
		for (j = i; j < b->ntok && corpus_strcmp(b->tok[j].key,
		    b->tok[j].word.p, b->tok[i].key, b->tok[i].word.p) == 0;
		    j++)
			if (b->found[b->tok[j].doc] >= 0)
				n[b->found[b->tok[j].doc]]++;
		lang = tt->language != TEXT_AUTO ? tt->language :
		    n[TEXT_EN] > n[TEXT_DE] ? TEXT_EN :
		    n[TEXT_DE] > n[TEXT_EN] ? TEXT_DE : b->most;
		r = text_terms_stem(tt, lang, b->tok[i].word.p,
		    strlen(b->tok[i].word.p), &stem, &len);
		if (r < 0)
			return -1;
		at = r == 0 ? CORPUS_DROPPED : corpus_put(&b->stems, stem, len);
		if (r > 0 && at == (size_t)-1)
			return -1;
		/* the group's words are told apart: its key becomes the
		 * stem's */
		key = r == 0 ? 0 : corpus_prefix(stem, len);
		for (k = i; k < j; k++) {
			b->tok[k].stem.off = at;
			b->tok[k].key = key;
		}
	}
	/* The stems are all there: keep the words that have one. */
	for (i = 0, k = 0; i < b->ntok; i++) {
		if (b->tok[i].stem.off == CORPUS_DROPPED)
			continue;
		b->tok[k] = b->tok[i];
		b->tok[k++].stem.p = b->stems.buf + b->tok[i].stem.off;
	}
	b->ntok = k;
	return 0;
}

/*
 * Over the sorted tokens: a term id for each distinct stem, its document
 * frequency into *DFP, and its surface: the form it is written in most
 * often (the first in byte order on a tie).
 */
static int
corpus_terms(struct text_corpus *c, struct corpus_build *b, uint32_t **dfp)
{
	const char **best = NULL;
	uint32_t *df = NULL, *mark = NULL, *best_n = NULL, t = 0, run = 0;
	size_t i, nterms = 0, len = 0;
	int rc = -1;

	for (i = 0; i < b->ntok; i++)
		nterms += i == 0 || corpus_tok_stem_cmp(&b->tok[i],
		    &b->tok[i - 1]) != 0;
	c->nterms = (uint32_t)nterms;
	df = calloc(nterms + 1, sizeof *df);
	best = calloc(nterms + 1, sizeof *best);
	best_n = calloc(nterms + 1, sizeof *best_n);
	mark = calloc((size_t)c->ndocs + 1, sizeof *mark);
	c->surface = calloc(nterms + 1, sizeof *c->surface);
	if (df == NULL || best == NULL || best_n == NULL || mark == NULL ||
	    c->surface == NULL)
		goto out;
	for (i = 0; i < b->ntok; i++) {
		struct corpus_tok *k = &b->tok[i];
		int new_term = i > 0 && corpus_tok_stem_cmp(k, k - 1) != 0;

		if (new_term)
			t++;
		k->term = t;
		if (mark[k->doc] != t + 1) {
			mark[k->doc] = t + 1;
			df[t]++;
		}
		if (i == 0 || new_term || corpus_strcmp(k->skey, k->surf.p,
		    k[-1].skey, k[-1].surf.p) != 0)
			run = 0;
		if (++run > best_n[t]) {
			best_n[t] = run;
			best[t] = k->surf.p;
		}
	}
	/* Surfaces of the terms two documents or more share. */
	for (t = 0; t < nterms; t++)
		if (df[t] >= 2)
			len += strlen(best[t]) + 1;
	if ((c->surfaces = malloc(len + 1)) == NULL)
		goto out;
	for (t = 0, len = 0; t < nterms; t++) {
		if (df[t] < 2)
			continue;
		c->surface[t] = c->surfaces + len;
		strcpy(c->surface[t], best[t]);
		len += strlen(best[t]) + 1;
	}
	*dfp = df;
	df = NULL;
	rc = 0;
out:
	free(df);
	free(best);
	free(best_n);
	free(mark);
	return rc;
}

/* Each document's term counts into weights, normalized; the CSR arrays. */
static int
corpus_vectors(struct text_corpus *c, struct corpus_build *b,
    const uint32_t *df)
{
	uint32_t *ids = NULL, d, ndocs_used = 0;
	size_t i, j, k, kept = 0, *pos = NULL;
	double *idf = NULL, norm, w;
	int rc = -1;

	c->off = calloc((size_t)c->ndocs + 1, sizeof *c->off);
	pos = calloc((size_t)c->ndocs + 1, sizeof *pos);
	ids = malloc((b->ntok + 1) * sizeof *ids);
	idf = malloc(((size_t)c->nterms + 1) * sizeof *idf);
	c->term = malloc((b->ntok + 1) * sizeof *c->term);
	c->weight = malloc((b->ntok + 1) * sizeof *c->weight);
	if (c->off == NULL || pos == NULL || ids == NULL || idf == NULL ||
	    c->term == NULL || c->weight == NULL)
		goto out;
	/* The tokens grouped by document, each group sorted by term. */
	for (i = 0; i < b->ntok; i++)
		pos[b->tok[i].doc + 1]++;
	for (d = 0; d < c->ndocs; d++) {
		ndocs_used += pos[d + 1] > 0;
		pos[d + 1] += pos[d];
	}
	for (i = 0; i < b->ntok; i++)
		ids[pos[b->tok[i].doc]++] = b->tok[i].term;
	for (d = c->ndocs; d > 0; d--)
		pos[d] = pos[d - 1];
	pos[0] = 0;
	for (i = 0; i < c->nterms; i++)
		idf[i] = log((double)ndocs_used / df[i]);
	for (d = 0; d < c->ndocs; d++) {
		uint32_t *v = ids + pos[d];
		size_t nv = pos[d + 1] - pos[d], start = kept;

		qsort(v, nv, sizeof *v, corpus_id_cmp);
		norm = 0;
		for (i = 0; i < nv; i = j) {
			for (j = i + 1; j < nv && v[j] == v[i]; j++)
				;
			w = (1 + log((double)(j - i))) * idf[v[i]];
			norm += w * w;
			if (df[v[i]] >= 2 && w > 0) {
				c->term[kept] = v[i];
				c->weight[kept++] = (float)w;
			}
		}
		norm = sqrt(norm);
		for (k = start; k < kept; k++)
			c->weight[k] = (float)(c->weight[k] / norm);
		c->off[d + 1] = (uint32_t)kept;
	}
	/* Most terms are in one document only: give their room back. */
	c->term = corpus_shrink(c->term, kept, sizeof *c->term);
	c->weight = corpus_shrink(c->weight, kept, sizeof *c->weight);
	rc = 0;
out:
	free(ids);
	free(pos);
	free(idf);
	return rc;
}

/* P, an array of at least N elements of SIZE, cut down to N. */
static void *
corpus_shrink(void *p, size_t n, size_t size)
{
	void *q = realloc(p, (n + 1) * size);

	return q != NULL ? q : p;
}

void
text_corpus_free(struct text_corpus *c)
{
	/* Threads that ended freed their own tables; this one frees its. */
	if (c->has_scratch) {
		free(pthread_getspecific(c->scratch));
		(void)pthread_key_delete(c->scratch);
	}
	free(c->off);
	free(c->term);
	free(c->weight);
	free(c->surface);
	free(c->surfaces);
	free(c->lang);
	memset(c, 0, sizeof *c);
}

double
text_corpus_dot(const struct text_corpus *c, uint32_t da, uint32_t db)
{
	uint32_t i = c->off[da], ie = c->off[da + 1];
	uint32_t j = c->off[db], je = c->off[db + 1];
	double sum = 0;

	while (i < ie && j < je) {
		if (c->term[i] < c->term[j])
			i++;
		else if (c->term[i] > c->term[j])
			j++;
		else
			sum += (double)c->weight[i++] * c->weight[j++];
	}
	/* Rounding may take a text against itself a hair above 1. */
	return sum < 1 ? sum : 1;
}

/*
 * This thread's table of DA's weights by term, every other entry 0 (C's
 * scratch key); NULL out of memory.  Each thread keeps its own until it
 * ends: a lookup is then one load, where a hash table took a probe.
 */
static float *
corpus_table(const struct text_corpus *c)
{
	float *t;

	if (!c->has_scratch)
		return NULL;
	if ((t = pthread_getspecific(c->scratch)) != NULL)
		return t;
	if ((t = calloc((size_t)c->nterms + 1, sizeof *t)) == NULL)
		return NULL;
	if (pthread_setspecific(c->scratch, t) != 0) {
		free(t);
		return NULL;
	}
	return t;
}

void
text_corpus_dots(const struct text_corpus *c, uint32_t da,
    const uint32_t *db, size_t n, uint32_t shift, double *out)
{
	float *w = corpus_table(c);
	uint32_t i, j, d;
	size_t k;
	double sum;

	if (w == NULL) {
		for (k = 0; k < n; k++)
			out[k] = text_corpus_dot(c, da, db[k] + shift);
		return;
	}
	for (i = c->off[da]; i < c->off[da + 1]; i++)
		w[c->term[i]] = c->weight[i];
	for (k = 0; k < n; k++) {
		/* the texts a few ahead, from memory while this one sums */
		if (k + 8 < n)
			__builtin_prefetch(&c->off[db[k + 8] + shift]);
		if (k + 4 < n) {
			d = c->off[db[k + 4] + shift];
			__builtin_prefetch(&c->term[d]);
			__builtin_prefetch(&c->weight[d]);
		}
		d = db[k] + shift;
		sum = 0;
		/* A term DA lacks adds +0.0, which leaves the sum as it is. */
		for (j = c->off[d]; j < c->off[d + 1]; j++)
			sum += (double)w[c->term[j]] * c->weight[j];
		/* Rounding may take a text against itself a hair above 1. */
		out[k] = sum < 1 ? sum : 1;
	}
	for (i = c->off[da]; i < c->off[da + 1]; i++)
		w[c->term[i]] = 0;
}

size_t
text_corpus_shared(const struct text_corpus *c, uint32_t da, uint32_t db,
    uint32_t *terms, size_t cap)
{
	uint32_t i = c->off[da], ie = c->off[da + 1];
	uint32_t j = c->off[db], je = c->off[db + 1];
	double w[16], p;
	size_t n = 0, kept = 0, k;

	if (cap > 16)
		cap = 16;
	while (i < ie && j < je) {
		if (c->term[i] < c->term[j]) {
			i++;
			continue;
		}
		if (c->term[i] > c->term[j]) {
			j++;
			continue;
		}
		/* Insert into the best CAP, greatest first; a later term
		 * (higher id) goes after an equal one. */
		p = (double)c->weight[i] * c->weight[j];
		n++;
		for (k = kept; k > 0 && w[k - 1] < p; k--) {
			if (k < cap) {
				w[k] = w[k - 1];
				terms[k] = terms[k - 1];
			}
		}
		if (k < cap) {
			w[k] = p;
			terms[k] = c->term[i];
			if (kept < cap)
				kept++;
		}
		i++;
		j++;
	}
	return n;
}

const char *
text_corpus_surface(const struct text_corpus *c, uint32_t term)
{
	return term < c->nterms && c->surface[term] != NULL ?
	    c->surface[term] : "?";
}

/* The first 8 bytes of S (LEN of them), big-endian, 0 past its end. */
static uint64_t
corpus_prefix(const char *s, size_t len)
{
	uint64_t k = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		k = k << 8 | (i < len ? (unsigned char)s[i] : 0);
	return k;
}

/* strcmp(A, B) where KA and KB are their prefixes: past them only if
 * both are 8 bytes alike and neither has ended. */
static int
corpus_strcmp(uint64_t ka, const char *a, uint64_t kb, const char *b)
{
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if ((ka & 0xff) == 0)
		return 0;
	return strcmp(a + 8, b + 8);
}

static int
corpus_word_cmp(const void *va, const void *vb)
{
	const struct corpus_tok *a = va, *b = vb;

	return corpus_strcmp(a->key, a->word.p, b->key, b->word.p);
}

/* Tokens A and B by their stems (once corpus_stems() has set them). */
static int
corpus_tok_stem_cmp(const struct corpus_tok *a, const struct corpus_tok *b)
{
	return corpus_strcmp(a->key, a->stem.p, b->key, b->stem.p);
}

static int
corpus_tok_cmp(const void *va, const void *vb)
{
	const struct corpus_tok *a = va, *b = vb;
	int r = corpus_tok_stem_cmp(a, b);

	if (r == 0)
		r = corpus_strcmp(a->skey, a->surf.p, b->skey, b->surf.p);
	if (r == 0)
		r = a->doc < b->doc ? -1 : a->doc > b->doc;
	return r;
}

static int
corpus_id_cmp(const void *va, const void *vb)
{
	uint32_t a = *(const uint32_t *)va, b = *(const uint32_t *)vb;

	return a < b ? -1 : a > b;
}
