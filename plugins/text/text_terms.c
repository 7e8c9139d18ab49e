/*
 * text_terms.c -- from a text to its terms: words (core/words.c), split
 * at hyphens, folded, stop words dropped, stemmed by libstemmer's Snowball
 * stemmers.  Also which language a text is written in, and the options
 * `language` and `stop_words`.  See text.h.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "text.h"
#include "words.h"

/* Code points of folding work space to start with. */
#define TERMS_BUF	64

/* A part of a word, between hyphens: bytes [start, end) of the text. */
struct text_part {
	size_t start, end;
	size_t chars;
};

/* Called for each part of a text: the part folded (F, FLEN bytes,
 * NUL-terminated, valid until the next part) and as written. */
typedef int (*terms_part_fn)(struct text_terms *, void *, const char *f,
    size_t flen, const char *raw, size_t rawlen);

static const char *const terms_stemmer_names[TEXT_NLANG] = {
	"english", "german"
};

static int	terms_walk(struct text_terms *, const char *, terms_part_fn,
		    void *);
static long	terms_split(struct text_terms *, const char *, size_t,
		    size_t);
static long	terms_fold(struct text_terms *, const char *, size_t);
static size_t	terms_chars(const char *, size_t);
static int	terms_stopped(const struct text_terms *, const char *,
		    size_t);
static int	terms_stopped_stem(struct text_terms *, enum text_lang,
		    const char *, size_t);
static int	terms_add_stop(struct text_terms *, void *, const char *,
		    size_t, const char *, size_t);
static int	terms_word(struct text_terms *, void *, const char *,
		    size_t, const char *, size_t);
static int	terms_german_letters(const char *, size_t, const char *,
		    size_t);
static int	terms_cmp(const void *, const void *);

int
text_terms_open(struct text_terms *tt, const struct mingle_api *api,
    mingle_host *host)
{
	const char *lang = api->option(host, "language");
	const char *stop = api->option(host, "stop_words");
	int l;

	memset(tt, 0, sizeof *tt);
	if (lang == NULL || strcmp(lang, "auto") == 0)
		tt->language = TEXT_AUTO;
	else if (strcmp(lang, "en") == 0)
		tt->language = TEXT_EN;
	else if (strcmp(lang, "de") == 0)
		tt->language = TEXT_DE;
	else {
		api->error(host, "language must be de, en or auto (each "
		    "text's own, by its stop words), not '%s'", lang);
		return -1;
	}
	tt->buf = malloc(TERMS_BUF * sizeof *tt->buf);
	tt->cap = TERMS_BUF;
	for (l = 0; l < TEXT_NLANG; l++)
		tt->stemmer[l] = sb_stemmer_new(terms_stemmer_names[l],
		    "UTF_8");
	if (tt->buf == NULL || tt->stemmer[TEXT_EN] == NULL ||
	    tt->stemmer[TEXT_DE] == NULL)
		goto nomem;
	if (stop != NULL) {
		if (terms_walk(tt, stop, terms_add_stop, NULL) != 0)
			goto nomem;
		if (tt->nstop > 0)
			qsort(tt->stop, tt->nstop, sizeof *tt->stop, terms_cmp);
	}
	return 0;
nomem:
	api->error(host, "out of memory");
	text_terms_close(tt);
	return -1;
}

void
text_terms_close(struct text_terms *tt)
{
	size_t i;
	int l;

	for (l = 0; l < TEXT_NLANG; l++)
		sb_stemmer_delete(tt->stemmer[l]);
	for (i = 0; i < tt->nstop; i++)
		free(tt->stop[i]);
	free(tt->stop);
	free(tt->buf);
	free(tt->parts);
	memset(tt, 0, sizeof *tt);
}

/* What text_terms_words passes on to its part function. */
struct terms_words {
	text_word_fn fn;
	void *arg;
	size_t *hits;
};

int
text_terms_words(struct text_terms *tt, const char *text, text_word_fn fn,
    void *arg, size_t *hits)
{
	struct terms_words w = { fn, arg, hits };

	return terms_walk(tt, text, terms_word, &w);
}

static int
terms_word(struct text_terms *tt, void *arg, const char *f, size_t flen,
    const char *raw, size_t rawlen)
{
	struct terms_words *w = arg;
	int en = text_stopwords_has(TEXT_EN, f, flen);
	int de = text_stopwords_has(TEXT_DE, f, flen);

	if (w->hits != NULL) {
		w->hits[TEXT_EN] += (size_t)en;
		w->hits[TEXT_DE] += (size_t)(de ||
		    terms_german_letters(f, flen, raw, rawlen));
	}
	if (en || de || terms_chars(f, flen) < 2 ||
	    terms_stopped(tt, f, flen) || w->fn == NULL)
		return 0;
	return w->fn(w->arg, f, flen, raw, rawlen);
}

int
text_terms_language(const size_t *hits)
{
	if (hits[TEXT_EN] == hits[TEXT_DE])
		return -1;
	return hits[TEXT_EN] > hits[TEXT_DE] ? TEXT_EN : TEXT_DE;
}

/* Does the part have ä, ö, ü (folded F) or ß (as written, RAW)? */
static int
terms_german_letters(const char *f, size_t flen, const char *raw,
    size_t rawlen)
{
	size_t i;

	for (i = 0; i + 1 < flen; i++)
		if ((unsigned char)f[i] == 0xc3 &&
		    ((unsigned char)f[i + 1] == 0xa4 ||
		    (unsigned char)f[i + 1] == 0xb6 ||
		    (unsigned char)f[i + 1] == 0xbc))
			return 1;
	for (i = 0; i + 1 < rawlen; i++)
		if ((unsigned char)raw[i] == 0xc3 &&
		    (unsigned char)raw[i + 1] == 0x9f)
			return 1;
	return 0;
}

int
text_terms_stem(struct text_terms *tt, enum text_lang lang, const char *f,
    size_t flen, const char **stem, size_t *len)
{
	const sb_symbol *s;
	int n;

	s = sb_stemmer_stem(tt->stemmer[lang], (const sb_symbol *)f,
	    (int)flen);
	if (s == NULL)
		return -1;
	n = sb_stemmer_length(tt->stemmer[lang]);
	if (n <= 0) {
		s = (const sb_symbol *)f;
		n = (int)flen;
	}
	if (terms_stopped(tt, (const char *)s, (size_t)n) ||
	    terms_stopped_stem(tt, lang == TEXT_EN ? TEXT_DE : TEXT_EN, f,
	    flen))
		return 0;
	/* The other stemmer ran last: this one's result is still there. */
	*stem = (const char *)s;
	*len = (size_t)n;
	return 1;
}

/*
 * Call FN for each part of each word of TEXT.  A part of one character
 * joins the next part of its word, or the one before when it is the
 * last: "E-Mail" is one part, "email", and so is "Vitamin-D".
 */
static int
terms_walk(struct text_terms *tt, const char *text, terms_part_fn fn,
    void *arg)
{
	size_t n = strlen(text), pos = 0, start, len, i, k, m, out;
	struct text_part *p;
	long folded, np;
	char *f;
	int rc;

	while (words_next(text, n, &pos, &start, &len) == 1) {
		if ((np = terms_split(tt, text, start, start + len)) < 0)
			return -1;
		p = tt->parts;
		m = (size_t)np;
		/* Glue the parts of one character to their neighbours. */
		for (i = 0, out = 0; i < m; i++, out++) {
			p[out] = p[i];
			while (p[i].chars == 1 && i + 1 < m) {
				i++;
				p[out].end = p[i].end;
				p[out].chars += p[i].chars;
			}
		}
		if (out > 1 && p[out - 1].chars == 1) {
			p[out - 2].end = p[out - 1].end;
			p[out - 2].chars++;
			out--;
		}
		for (i = 0; i < out; i++) {
			folded = terms_fold(tt, text + p[i].start,
			    p[i].end - p[i].start);
			if (folded == -2)
				return -1;
			if (folded < 0)
				continue;
			/* Glued parts fold with their hyphens: drop them. */
			f = (char *)tt->buf;
			for (k = 0, len = 0; k < (size_t)folded; k++)
				if (f[k] != '-')
					f[len++] = f[k];
			f[len] = '\0';
			rc = fn(tt, arg, f, len, text + p[i].start,
			    p[i].end - p[i].start);
			if (rc != 0)
				return rc;
		}
	}
	return 0;
}

/* The parts of the word at TEXT [START, END) into tt->parts; how many,
 * or -1 out of memory. */
static long
terms_split(struct text_terms *tt, const char *text, size_t start,
    size_t end)
{
	struct text_part *p;
	size_t i = start, ps = start, n = 0, h;

	for (;;) {
		h = i < end ? words_hyphen(text + i, end - i) : 0;
		if (i < end && h == 0) {
			i++;
			continue;
		}
		if (n == tt->nparts_cap) {
			p = reallocarray(tt->parts, n * 2 + 8, sizeof *p);
			if (p == NULL)
				return -1;
			tt->parts = p;
			tt->nparts_cap = n * 2 + 8;
		}
		tt->parts[n].start = ps;
		tt->parts[n].end = i;
		tt->parts[n].chars = terms_chars(text + ps, i - ps);
		n++;
		if (i >= end)
			return (long)n;
		i += h;
		ps = i;
	}
}

/* Fold S (LEN bytes) into tt->buf; its length, WORDS_INVALID, or -2 out
 * of memory. */
static long
terms_fold(struct text_terms *tt, const char *s, size_t len)
{
	size_t need;
	int32_t *nb;
	long r;

	r = words_fold(s, len, tt->buf, tt->cap, &need);
	if (r != WORDS_SHORT)
		return r;
	nb = reallocarray(tt->buf, need + 1, sizeof *nb);
	if (nb == NULL)
		return -2;
	tt->buf = nb;
	tt->cap = need + 1;
	return words_fold(s, len, tt->buf, tt->cap, &need);
}

/* Characters (code points) in the UTF-8 S, LEN bytes. */
static size_t
terms_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* A word of the option stop_words: folded, and stemmed both ways. */
static int
terms_add_stop(struct text_terms *tt, void *arg, const char *f, size_t flen,
    const char *raw, size_t rawlen)
{
	const char *forms[1 + TEXT_NLANG];
	size_t lens[1 + TEXT_NLANG], i;
	char **v;
	int l;

	(void)arg;
	(void)raw;
	(void)rawlen;
	forms[0] = f;
	lens[0] = flen;
	for (l = 0; l < TEXT_NLANG; l++) {
		forms[1 + l] = (const char *)sb_stemmer_stem(tt->stemmer[l],
		    (const sb_symbol *)f, (int)flen);
		if (forms[1 + l] == NULL)
			return -1;
		lens[1 + l] = (size_t)sb_stemmer_length(tt->stemmer[l]);
	}
	/* (Each stemmer's result stays until its next call.) */
	v = reallocarray(tt->stop, tt->nstop + 1 + TEXT_NLANG, sizeof *v);
	if (v == NULL)
		return -1;
	tt->stop = v;
	for (i = 0; i < 1 + TEXT_NLANG; i++) {
		if ((v[tt->nstop] = strndup(forms[i], lens[i])) == NULL)
			return -1;
		tt->nstop++;
	}
	return 0;
}

/* Is F (LEN bytes), stemmed in language L, one of the option's stop
 * words?  (A plural such as "Barcamps" may only stem to "barcamp" in
 * the other language.) */
static int
terms_stopped_stem(struct text_terms *tt, enum text_lang l, const char *f,
    size_t len)
{
	const sb_symbol *stem;

	if (tt->nstop == 0)
		return 0;
	stem = sb_stemmer_stem(tt->stemmer[l], (const sb_symbol *)f, (int)len);
	return stem != NULL && terms_stopped(tt, (const char *)stem,
	    (size_t)sb_stemmer_length(tt->stemmer[l]));
}

/* Is W (LEN bytes) one of the option's stop words? */
static int
terms_stopped(const struct text_terms *tt, const char *w, size_t len)
{
	struct text_stopwords_key k = { w, len };

	return tt->nstop > 0 && bsearch(&k, tt->stop, tt->nstop,
	    sizeof *tt->stop, text_stopwords_cmp) != NULL;
}

static int
terms_cmp(const void *va, const void *vb)
{
	return strcmp(*(char *const *)va, *(char *const *)vb);
}
