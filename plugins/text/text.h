/*
 * text.h -- free text as TF-IDF vectors, for the plugins that compare text
 * (text_similarity, offer_seek).  Compiled into each of them together with
 * core/words.c; it uses only the public ABI, utf8proc and libstemmer, as a
 * third-party plugin could.
 *
 *   text_stopwords.c  short English and German stop word lists
 *   text_terms.c      a text's terms: words, compound parts, folded, stop
 *                     words dropped, stemmed; the text's language
 *   text_corpus.c     one sparse, normalized TF-IDF vector per attendee
 *                     and field; dot products; the terms two texts share
 *   text_reason.c     reasons that fit the host's buffer
 *   text_field.c      fields named in options, looked up and checked
 *   text_index.c      a field's documents by term, for candidates
 *
 * Out of memory: functions that allocate return nonzero (or NULL) and
 * leave the message to the plugin (api->error in init).  Nothing here
 * prints or exits.  After text_corpus_build, a corpus is read-only, so
 * score and reason may run in several threads at once.
 */
#ifndef MINGLE_TEXT_H
#define MINGLE_TEXT_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "mingle/plugin.h"
#include "../postings.h"

/* Languages with stop words and a stemmer. */
enum text_lang {
	TEXT_EN = 0,
	TEXT_DE = 1,
	TEXT_NLANG = 2,
	TEXT_AUTO = TEXT_NLANG	/* the `language` option's third value */
};

/* text_stopwords.c: is the folded word W (LEN bytes) a stop word?  And
 * the whole list, *N words in byte order. */
int text_stopwords_has(enum text_lang lang, const char *w, size_t len);
const char *const *text_stopwords_list(enum text_lang lang, size_t *n);

/* A word of LEN bytes as the key of a bsearch in a list of stop words
 * (C strings in byte order), with text_stopwords_cmp as the comparison. */
struct text_stopwords_key {
	const char *s;
	size_t len;
};
int text_stopwords_cmp(const void *key, const void *elem);

/*
 * text_terms.c.  A text's terms: each word (words.h) split at its
 * hyphens, a part of one character joined to its neighbour ("E-Mail" is
 * "email", "Datenschutz-Grundverordnung" two terms), folded, without
 * parts of one character and without stop words (both languages' and the
 * `stop_words` option's), stemmed by a Snowball stemmer.
 */
struct text_terms {
	enum text_lang language;	/* TEXT_EN, TEXT_DE or TEXT_AUTO */
	struct sb_stemmer *stemmer[TEXT_NLANG];
	char **stop;		/* the option's words, folded and stemmed;
				 * sorted, for bsearch */
	size_t nstop;
	int32_t *buf;		/* folding's work space, cap code points */
	size_t cap;
	struct text_part *parts;	/* a word's parts */
	size_t nparts_cap;
};

/*
 * Read the options `language` (de, en or auto; default auto) and
 * `stop_words` (more words to drop, separated by commas) and make the
 * stemmers.  Returns 0, or -1 after api->error() said why.
 */
int text_terms_open(struct text_terms *tt, const struct mingle_api *api,
    mingle_host *host);
void text_terms_close(struct text_terms *tt);

/*
 * Call FN for each word of TEXT that can be a term: a part of two
 * characters or more, no stop word; folded (F, FLEN bytes, NUL-terminated,
 * valid during the call) and as written (SURFACE, SLEN bytes, inside
 * TEXT).  FN may be NULL.  If HITS is not NULL, HITS[l] grows by the stop
 * words of language l in TEXT (for German, also words with ä, ö, ü or ß).
 * Stops at the first byte that is not UTF-8.  Returns 0; -1 out of
 * memory; or what FN returned if nonzero.
 */
typedef int (*text_word_fn)(void *arg, const char *f, size_t flen,
    const char *surface, size_t slen);
int text_terms_words(struct text_terms *tt, const char *text,
    text_word_fn fn, void *arg, size_t *hits);

/* The language of a text by its HITS: TEXT_EN, TEXT_DE, or -1 on a tie
 * (a text with none, such as a list of keywords). */
int text_terms_language(const size_t *hits);

/*
 * The term of the folded word F (FLEN bytes) in language LANG: its stem,
 * in *STEM (*LEN bytes, not NUL-terminated; valid until the next call).
 * Returns 1; 0 if the stem is one of the `stop_words` option's (a plural,
 * say); -1 out of memory.
 */
int text_terms_stem(struct text_terms *tt, enum text_lang lang,
    const char *f, size_t flen, const char **stem, size_t *len);

/*
 * text_corpus.c.  Documents are the texts of one or two fields: document
 * f * n + a is attendee a's text in the f-th field.  Term ids follow the
 * terms' byte order, and every vector is sorted by term id.
 *
 * IDF is log(D / df) over the D documents that have a term at all; a term
 * in every document weighs 0.  A term's weight in a document is
 * (1 + log tf) * idf, divided by the vector's length; the stored vectors
 * keep only terms found in two documents or more (no other can be
 * shared), so the dot product of two documents is their cosine.
 */
struct text_corpus {
	uint32_t n;		/* attendees */
	uint32_t ndocs;		/* n times the fields */
	uint32_t *off;		/* document d: [off[d], off[d + 1]) */
	uint32_t *term;
	float *weight;
	uint32_t nterms;
	char **surface;		/* per term: the form most often written,
				 * or NULL for a term no vector keeps */
	char *surfaces;		/* their bytes */
	enum text_lang *lang;	/* per document: its language, or the
				 * language most have if it has none */
	pthread_key_t scratch;	/* per thread: a table for
				 * text_corpus_dots() */
	int has_scratch;	/* whether the key was made */
};

/*
 * Build C from the NFIELDS (1 or 2) text or category FIELDS of every
 * attendee, with TT's options.  A word is one term in every text: with
 * language auto, it is stemmed in the language of the texts it is found
 * in most, each text's language being the one whose stop words it uses
 * more (German also counting words with ä, ö, ü, ß); a word found only in
 * texts without a clear language (keywords) takes the language most texts
 * have, or English if none has one.  Returns 0, or -1 out of memory (C is
 * then empty).
 */
int text_corpus_build(struct text_corpus *c, struct text_terms *tt,
    const struct mingle_api *api, mingle_host *host, const int *fields,
    uint32_t nfields);
void text_corpus_free(struct text_corpus *c);

/* The cosine of documents DA and DB, 0 to 1. */
double text_corpus_dot(const struct text_corpus *c, uint32_t da,
    uint32_t db);
/*
 * The same for DA against N documents at once, DB[i] + SHIFT each, into
 * OUT: DA's weights go into a table by term once (one per thread, kept
 * until the thread ends), and each other document's terms are looked up
 * in it, in ascending order, so the products are added in the order
 * text_corpus_dot() adds them and every cosine is the same double.
 */
void text_corpus_dots(const struct text_corpus *c, uint32_t da,
    const uint32_t *db, size_t n, uint32_t shift, double *out);

/*
 * The terms documents DA and DB share, the most telling first (the
 * greatest product of weights, then by term id): up to CAP of them into
 * TERMS.  Returns how many they share in all.
 */
size_t text_corpus_shared(const struct text_corpus *c, uint32_t da,
    uint32_t db, uint32_t *terms, size_t cap);

/* The term's surface: its most frequent written form ("Verkehrswende"). */
const char *text_corpus_surface(const struct text_corpus *c, uint32_t term);

/*
 * text_field.c.  The handle of the field NAME, given as option KEY, if its
 * type is one of the set WANT (bits 1 << MINGLE_FIELD_*), *TYPE its type.
 * Returns -1 after api->error() said what is wrong.
 */
#define TEXT_FIELD_WANT(type)	(1u << (type))
int text_field(const struct mingle_api *api, mingle_host *host,
    const char *key, const char *name, unsigned want, int *type);


/*
 * text_index.c.  The attendees whose document in one field of a corpus
 * holds each term (postings.h), and each term's greatest weight there:
 * what a partner can gain at most from sharing it, for the candidate
 * walk.
 */
struct text_index {
	struct postings post;
	float *most;		/* per term: its greatest weight in the field */
};

/* The index of C's FIELD-th field (0 or 1).  Returns 0, or -1 out of
 * memory (X is then empty). */
int text_index_build(struct text_index *x, const struct text_corpus *c,
    uint32_t field);
void text_index_free(struct text_index *x);

/*
 * Document DA's terms against X: *TERMS points into C, *UPPER (new, the
 * caller frees it) gets what each can add to a cosine at most, and after
 * those DA's weight of each (postings_walk's MINE).  Returns how many, or
 * (size_t)-1 out of memory.
 */
size_t text_index_upper(const struct text_index *x,
    const struct text_corpus *c, uint32_t da, const uint32_t **terms,
    double **upper);

/*
 * The descriptor's `terms` (ABI 1.4) for document DA against X: its terms,
 * each adding DA's weight times the holder's, times SHARE (1, or 1/2 for
 * one of a mean's two halves), all in VECTOR; appended to OUT as
 * postings_terms() does.  Returns 0, or -1 out of memory.
 */
int text_index_terms(const struct text_index *x, const struct text_corpus *c,
    uint32_t da, double share, uint32_t vector, struct mingle_term *out,
    size_t cap, size_t *n);

/* The most items a reason lists; the rest are counted. */
#define TEXT_REASON_ITEMS	5

/*
 * text_reason.c.  Each appends to BUF (CAP bytes, LEN used, always
 * NUL-terminated) and returns the new length; nothing is ever cut inside
 * a character or an item.
 */

/* S, or if it is longer than MAX bytes, its first whole characters and
 * "...". */
size_t text_reason_name(char *buf, size_t cap, size_t len, const char *s,
    size_t max);

/* ITEMS[0..N) as "a, b, c" as far as they fit whole, followed by
 * " (+K more)" for the rest of TOTAL.  Returns LEN unchanged if not even
 * the first item fits. */
size_t text_reason_list(char *buf, size_t cap, size_t len,
    const char *const *items, size_t n, size_t total);

#endif
