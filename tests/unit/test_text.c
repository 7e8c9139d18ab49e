/*
 * test_text.c -- unit tests for plugins/text, the text plugins' shared
 * module: stop words, terms (compound parts, stemming, surfaces), the
 * language of a text, TF-IDF vectors and their cosines, the shared terms
 * of a reason, and reasons that fit.
 *
 * Linked like a plugin, with nothing from libmingle: the host is a small
 * fake struct mingle_api over a table of texts.
 */
#include "autoconf.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text/text.h"

/* ---------------------------------------------------------------- a host */

#define MAX_PEOPLE	16

struct mingle_host {
	const char *const *options;	/* key, value, ..., NULL */
	const char *text[2][MAX_PEOPLE];	/* per field */
	uint32_t n;
	char error[512];
};

static const char *
fake_option(mingle_host *h, const char *key)
{
	const char *const *o;

	for (o = h->options; o != NULL && *o != NULL; o += 2)
		if (strcmp(o[0], key) == 0)
			return o[1];
	return NULL;
}

static void
fake_error(mingle_host *h, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(h->error, sizeof h->error, fmt, ap);
	va_end(ap);
}

static uint32_t
fake_count(mingle_host *h)
{
	return h->n;
}

static int
fake_field(mingle_host *h, const char *name, int *type)
{
	(void)h;
	if (type != NULL)
		*type = strcmp(name, "tags") == 0 ? MINGLE_FIELD_TAGS :
		    MINGLE_FIELD_TEXT;
	if (strcmp(name, "first") == 0 || strcmp(name, "tags") == 0)
		return 0;
	return strcmp(name, "second") == 0 ? 1 : -1;
}

static const char *
fake_text(mingle_host *h, int field, mingle_attendee a)
{
	return field >= 0 && field < 2 && a < h->n ? h->text[field][a] : NULL;
}

static const struct mingle_api api = {
	.size = sizeof(struct mingle_api),
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.option = fake_option,
	.error = fake_error,
	.attendee_count = fake_count,
	.field = fake_field,
	.text = fake_text,
};

/* ---------------------------------------------------------------- helpers */

/* The terms of TEXT in LANG as "term/surface|...". */
struct collected {
	struct text_terms *tt;
	enum text_lang lang;
	char s[1024];
	size_t len;
};

static int
collect(void *arg, const char *f, size_t flen, const char *surface,
    size_t slen)
{
	struct collected *c = arg;
	const char *stem;
	size_t len;
	int r;

	if ((r = text_terms_stem(c->tt, c->lang, f, flen, &stem, &len)) <= 0)
		return r;
	c->len += (size_t)snprintf(c->s + c->len, sizeof c->s - c->len,
	    "%s%.*s/%.*s", c->len ? "|" : "", (int)len, stem, (int)slen,
	    surface);
	return 0;
}

static const char *
terms(struct text_terms *tt, const char *text, enum text_lang lang)
{
	static struct collected c;

	c.tt = tt;
	c.lang = lang;
	c.len = 0;
	c.s[0] = '\0';
	if (text_terms_words(tt, text, collect, &c, NULL) != 0)
		return "FAILED";
	return c.s;
}

/* The language of TEXT by its stop words. */
static int
detect(struct text_terms *tt, const char *text)
{
	size_t hits[TEXT_NLANG] = { 0, 0 };

	if (text_terms_words(tt, text, NULL, NULL, hits) != 0)
		return -2;
	return text_terms_language(hits);
}

/* Open TT with the options KV (key, value, ..., NULL). */
static int
open_terms(struct text_terms *tt, mingle_host *h, const char *const *kv)
{
	h->options = kv;
	h->error[0] = '\0';
	return text_terms_open(tt, &api, h);
}

/* The term id of the surface S in C, or UINT32_MAX. */
static uint32_t
term_of(const struct text_corpus *c, const char *s)
{
	uint32_t t;

	for (t = 0; t < c->nterms; t++)
		if (c->surface[t] != NULL && strcmp(c->surface[t], s) == 0)
			return t;
	return UINT32_MAX;
}

/* ---------------------------------------------------------------- tests */

/* Is W (LEN bytes) one of LIST's N words, by a scan? */
static int
stopwords_scan(const char *const *list, size_t n, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
			return 1;
	return 0;
}

/* Each word of each list, cut by a byte and grown by one ('a', 'z' or
 * 0xff): found exactly when a scan of the list finds it. */
static int
stopwords_near_ok(void)
{
	static const char more[] = { 'a', 'z', (char)0xff };
	const char *const *list;
	char w[64];
	size_t n, i, len, m;
	enum text_lang l;

	for (l = TEXT_EN; l < TEXT_NLANG; l++) {
		list = text_stopwords_list(l, &n);
		for (i = 0; i < n; i++) {
			len = strlen(list[i]);
			if (len + 1 >= sizeof w)
				return 0;
			memcpy(w, list[i], len);
			if (text_stopwords_has(l, w, len - 1) !=
			    stopwords_scan(list, n, w, len - 1))
				return 0;
			for (m = 0; m < sizeof more; m++) {
				w[len] = more[m];
				if (text_stopwords_has(l, w, len + 1) !=
				    stopwords_scan(list, n, w, len + 1))
					return 0;
			}
		}
	}
	return 1;
}

static void
test_stopwords(void)
{
	const char *const *list;
	size_t n, i;
	int sorted, found;
	enum text_lang l;

	for (l = TEXT_EN; l < TEXT_NLANG; l++) {
		list = text_stopwords_list(l, &n);
		sorted = found = 1;
		for (i = 0; i < n; i++) {
			if (i > 0 && strcmp(list[i - 1], list[i]) >= 0)
				sorted = 0;
			if (!text_stopwords_has(l, list[i], strlen(list[i])))
				found = 0;
		}
		ok(n > 100 && sorted, l == TEXT_EN ? "English list: over 100 "
		    "words, strictly in byte order" : "German list: over 100 "
		    "words, strictly in byte order");
		ok(found, "every word of the list is found");
	}
	ok(text_stopwords_has(TEXT_EN, "the", 3), "'the' is English");
	ok(text_stopwords_has(TEXT_DE, "f\xc3\xbcr", 4), "'für' is German");
	ok(text_stopwords_has(TEXT_DE, "dass", 4), "'dass' is German");
	ok(!text_stopwords_has(TEXT_DE, "verkehr", 7) &&
	    !text_stopwords_has(TEXT_EN, "data", 4), "content words are not");
	ok(!text_stopwords_has(TEXT_EN, "thee", 4),
	    "a prefix of the word is not the word");
	ok(stopwords_near_ok(), "every word of both lists with a letter more "
	    "or fewer: found exactly if the list has it");
}

static void
test_terms(void)
{
	static const char *const none[] = { NULL };
	static const char *const more[] = { "stop_words", "Barcamp, Open-Space",
	    NULL };
	struct text_terms tt;
	mingle_host h = { 0 };

	ok(open_terms(&tt, &h, none) == 0 && tt.language == TEXT_AUTO,
	    "no options: language auto");
	is_str(terms(&tt, "Die Datenschutz-Grundverordnung und die E-Mail",
	    TEXT_DE), "datenschutz/Datenschutz|grundverordn/"
	    "Grundverordnung|email/E-Mail", "German: compound parts, "
	    "E-Mail one term, stop words gone");
	is_str(terms(&tt, "Verkehrswende Verkehrswenden Radwege Radweg",
	    TEXT_DE), "verkehrsw/Verkehrswende|verkehrsw/"
	    "Verkehrswenden|radweg/Radwege|radweg/Radweg",
	    "German stemming: plural and singular meet");
	is_str(terms(&tt, "I am working on works of data", TEXT_EN),
	    "work/working|work/works|data/data",
	    "English stemming; stop words of English gone");
	is_str(terms(&tt, "the data und die Daten", TEXT_EN),
	    "data/data|daten/Daten",
	    "stop words of both languages go from every text");
	is_str(terms(&tt, "x Y 7 Vitamin-D 3-D a-b-c", TEXT_EN),
	    "vitamind/Vitamin-D|3d/3-D|abc/a-b-c", "single characters "
	    "alone go; glued to their neighbour they stay");
	is_str(terms(&tt, "Email E-Mail", TEXT_DE), "email/Email|email/E-Mail",
	    "Email and E-Mail: one term");
	is_str(terms(&tt, "COVID-19, 2024", TEXT_EN),
	    "covid/COVID|19/19|2024/2024", "numbers are terms");
	is_str(terms(&tt, "\xc3\x96" "ffentlicher Nahverkehr", TEXT_DE),
	    "offent/\xc3\x96" "ffentlicher|nahverkehr/Nahverkehr",
	    "Öffentlicher Nahverkehr: two terms, the umlaut stemmed away");
	text_terms_close(&tt);

	ok(open_terms(&tt, &h, more) == 0, "stop_words read");
	is_str(terms(&tt, "Barcamps im Open Space: Datenschutz", TEXT_DE),
	    "datenschutz/Datenschutz", "stop_words: their parts and "
	    "their stems (Barcamps) go too");
	text_terms_close(&tt);
}

static void
test_options(void)
{
	static const char *const fr[] = { "language", "fr", NULL };
	static const char *const de[] = { "language", "de", NULL };
	struct text_terms tt;
	mingle_host h = { 0 };

	ok(open_terms(&tt, &h, fr) != 0, "language = fr is refused");
	like(h.error, "language must be de, en or auto", "and says the choices");
	like(h.error, "not 'fr'", "and what was given");
	ok(open_terms(&tt, &h, de) == 0 && tt.language == TEXT_DE,
	    "language = de");
	text_terms_close(&tt);
}

static void
test_detect(void)
{
	static const char *const none[] = { NULL };
	struct text_terms tt;
	mingle_host h = { 0 };

	open_terms(&tt, &h, none);
	is_int(detect(&tt, "Ich arbeite an der Verkehrswende und "
	    "mit dem Rad"), TEXT_DE, "German by its stop words");
	is_int(detect(&tt, "I work on the energy transition and "
	    "with bikes"), TEXT_EN, "English by its stop words");
	is_int(detect(&tt, "Verkehrswende, Radverkehr, "
	    "Stadtplanung"), -1, "keywords alone: a tie");
	is_int(detect(&tt, "Gr\xc3\xb6\xc3\x9f" "e, Stra\xc3\x9f" "e"),
	    TEXT_DE, "umlauts and ß count for German");
	text_terms_close(&tt);
}

static void
test_corpus(void)
{
	static const char *const none[] = { NULL };
	static const char *const texts[] = {
		/* 0 */ "Verkehrswende und Radverkehr in der Stadtplanung; "
		    "Barcamp",
		/* 1 */ "Radverkehr, Verkehrswende, Stadtplanung, Barcamp",
		/* 2 */ "Barcamp Datenschutz Imkerei",
		/* 3 */ "Barcamp Datenschutz Kochen",
		/* 4 */ "Barcamp Gitarre Kochen",
		/* 5 */ "Barcamp Radverkehr",
		/* 6 */ NULL,
		/* 7 */ "und die der",
	};
	struct text_corpus c;
	struct text_terms tt;
	mingle_host h = { 0 };
	uint32_t shared[4], d, t;
	size_t n;
	int all;

	h.n = sizeof texts / sizeof texts[0];
	memcpy((void *)h.text[0], texts, sizeof texts);
	open_terms(&tt, &h, none);
	ok(text_corpus_build(&c, &tt, &api, &h, (int[]){ 0 }, 1) == 0,
	    "a corpus of 8 texts");
	text_terms_close(&tt);
	is_num(text_corpus_dot(&c, 0, 1), 1, 1e-6,
	    "the same terms in another order and case: cosine 1");
	is_num(text_corpus_dot(&c, 2, 4), 0, 0,
	    "only a term every text has in common (Barcamp): 0, it "
	    "weighs nothing");
	ok(text_corpus_dot(&c, 2, 3) > 0 && text_corpus_dot(&c, 2, 3) < 1,
	    "two of three terms in common: between 0 and 1");
	ok(text_corpus_dot(&c, 3, 2) == text_corpus_dot(&c, 2, 3),
	    "symmetric");
	is_num(text_corpus_dot(&c, 6, 0) + text_corpus_dot(&c, 7, 0), 0, 0,
	    "no text, or stop words only: 0 with anybody");
	all = 1;
	for (d = 0; d < c.ndocs; d++)
		for (t = c.off[d]; t < c.off[d + 1]; t++)
			if (c.surface[c.term[t]] == NULL)
				all = 0;
	ok(all && term_of(&c, "Imkerei") == UINT32_MAX &&
	    term_of(&c, "Gitarre") == UINT32_MAX,
	    "vectors keep only terms two texts share (no Imkerei, Gitarre)");
	n = text_corpus_shared(&c, 0, 5, shared, 4);
	ok(n == 1 && shared[0] == term_of(&c, "Radverkehr"),
	    "shared: the one term 0 and 5 share, Radverkehr");
	n = text_corpus_shared(&c, 0, 1, shared, 2);
	ok(n == 3, "shared: all three counted, with room for two");
	ok(text_corpus_surface(&c, shared[0]) != NULL &&
	    strcmp(text_corpus_surface(&c, shared[0]), "Radverkehr") != 0 &&
	    strcmp(text_corpus_surface(&c, shared[1]), "Radverkehr") != 0,
	    "and the common Radverkehr (3 texts) after the rarer two");
	is_int(c.lang[0], TEXT_DE, "a German text is German");
	is_int(c.lang[1], TEXT_DE, "keywords take the event's language");
	text_corpus_free(&c);
}

/* Words alike in their first 8 bytes, which the corpus sorts by before
 * it reads further: each is a term of its own, whatever its length. */
static void
test_prefixes(void)
{
	static const char *const none[] = { NULL };
	static const char *const texts[] = {
		/* 0 */ "Verkehrswende Verkehrsmittel Radwegen Radwegenetz",
		/* 1 */ "Verkehrswende Radwegen",
		/* 2 */ "Verkehrsmittel Radwegenetz",
		/* 3 */ "Verkehrswende Verkehrsmittel Radwegen Radwegenetz",
	};
	struct text_corpus c;
	struct text_terms tt;
	mingle_host h = { 0 };

	h.n = sizeof texts / sizeof texts[0];
	memcpy((void *)h.text[0], texts, sizeof texts);
	open_terms(&tt, &h, none);
	ok(text_corpus_build(&c, &tt, &api, &h, (int[]){ 0 }, 1) == 0,
	    "a corpus of words alike in 8 bytes");
	text_terms_close(&tt);
	is_num(text_corpus_dot(&c, 1, 2), 0, 0,
	    "Verkehrswende and Verkehrsmittel, Radwegen (8 bytes) and "
	    "Radwegenetz: no term in common");
	ok(text_corpus_dot(&c, 0, 1) > 0 && text_corpus_dot(&c, 0, 2) > 0,
	    "each shares its own terms with the text that has all four");
	is_num(text_corpus_dot(&c, 0, 3), 1, 1e-6,
	    "the same four words: cosine 1");
	ok(term_of(&c, "Verkehrswende") != UINT32_MAX &&
	    term_of(&c, "Verkehrsmittel") != UINT32_MAX &&
	    term_of(&c, "Radwegen") != UINT32_MAX &&
	    term_of(&c, "Radwegenetz") != UINT32_MAX &&
	    term_of(&c, "Verkehrswende") != term_of(&c, "Verkehrsmittel") &&
	    term_of(&c, "Radwegen") != term_of(&c, "Radwegenetz"),
	    "four terms, each written as it was");
	text_corpus_free(&c);
}

/* Nothing to build from: no texts, only stop words, an option that
 * names no word.  (Sorting nothing once passed qsort a NULL array.) */
static void
test_empty(void)
{
	static const char *const nothing[] = { "stop_words", " , ;", NULL };
	static const char *const texts[] = { NULL, "und die", "" };
	struct text_corpus c;
	struct text_terms tt;
	mingle_host h = { 0 };
	uint32_t shared[1];

	h.n = 3;
	memcpy((void *)h.text[0], texts, sizeof texts);
	ok(open_terms(&tt, &h, nothing) == 0 && tt.nstop == 0,
	    "stop_words naming no word: none added");
	ok(text_corpus_build(&c, &tt, &api, &h, (int[]){ 0 }, 1) == 0 &&
	    c.nterms == 0, "texts without a term: an empty corpus");
	text_terms_close(&tt);
	ok(text_corpus_dot(&c, 0, 1) == 0 && text_corpus_dot(&c, 1, 2) == 0 &&
	    text_corpus_shared(&c, 1, 2, shared, 1) == 0,
	    "in which every pair scores 0 and shares nothing");
	text_corpus_free(&c);
}

static void
test_crosswise(void)
{
	static const char *const en[] = { "language", "en", NULL };
	static const char *const offers[] = { "machine learning", "open data",
	    "cooking" };
	static const char *const seeks[] = { "open data portals",
	    "machine learning models", "machine learning" };
	struct text_corpus c;
	struct text_terms tt;
	mingle_host h = { 0 };

	h.n = 3;
	memcpy((void *)h.text[0], offers, sizeof offers);
	memcpy((void *)h.text[1], seeks, sizeof seeks);
	open_terms(&tt, &h, en);
	ok(text_corpus_build(&c, &tt, &api, &h, (int[]){ 0, 1 }, 2) == 0 &&
	    c.ndocs == 6, "two fields: six documents");
	text_terms_close(&tt);
	ok(text_corpus_dot(&c, 0, 3 + 1) > 0 && text_corpus_dot(&c, 1, 3 + 0) > 0,
	    "offers meet seeks across fields");
	is_num(text_corpus_dot(&c, 2, 3 + 0), 0, 0, "cooking meets nothing");
	ok(text_corpus_dot(&c, 0, 3 + 2) > text_corpus_dot(&c, 0, 3 + 1),
	    "the seek that is exactly the offer scores more than a longer one");
	text_corpus_free(&c);
}

static void
test_reason(void)
{
	static const char *const items[] = { "Verkehrswende", "Radverkehr",
	    "Stadtplanung" };
	char buf[64];
	size_t len;

	len = text_reason_list(buf, sizeof buf, 0, items, 3, 3);
	is_str(buf, "Verkehrswende, Radverkehr, Stadtplanung", "all fit");
	is_int(len, strlen(buf), "and the length is returned");
	text_reason_list(buf, sizeof buf, 0, items, 3, 7);
	is_str(buf, "Verkehrswende, Radverkehr, Stadtplanung (+4 more)",
	    "the rest counted");
	text_reason_list(buf, 39, 0, items, 3, 3);
	is_str(buf, "Verkehrswende, Radverkehr (+1 more)",
	    "an item that does not fit is counted, never cut");
	len = text_reason_list(buf, 12, 0, items, 3, 3);
	ok(len == 0 && buf[0] == '\0', "not even one: nothing written");
	text_reason_name(buf, sizeof buf, 0, "J\xc3\xbcrgen", 5);
	is_str(buf, "J...", "a long name cut before a character, with ...");
	text_reason_name(buf, sizeof buf, 0, "Ann", 5);
	is_str(buf, "Ann", "a short name whole");
}

/* How many of text_corpus_dots()' cosines of every document of C against
 * 200 others differ from text_corpus_dot()'s, bit for bit. */
static size_t
dots_wrong(const struct text_corpus *c)
{
	uint32_t d, k, cand[200];
	double got[200], want;
	size_t wrong = 0;

	for (d = 0; d < c->ndocs; d++) {
		for (k = 0; k < 200; k++)
			cand[k] = (k * 7 + d) % 200;
		text_corpus_dots(c, d, cand, 200, d % 2 ? 200 : 0, got);
		for (k = 0; k < 200; k++) {
			want = text_corpus_dot(c, d, cand[k] + (d % 2 ? 200 :
			    0));
			if (memcmp(&got[k], &want, sizeof want) != 0)
				wrong++;
		}
	}
	return wrong;
}

struct dots_run {
	const struct text_corpus *c;
	size_t wrong;
	pthread_t thread;
};

static void *
dots_thread(void *arg)
{
	struct dots_run *run = arg;
	size_t i;

	for (i = 0; i < 20; i++)
		run->wrong += dots_wrong(run->c);
	return NULL;
}

/*
 * text_corpus_dots() gives text_corpus_dot()'s very doubles: 400
 * documents of 0 to 90 terms, weights that round, and a shift as the
 * crosswise and offer_seek calls use.  With the table (each document's
 * weights must be gone from it before the next), without it (out of
 * memory), and in two threads at once (each its own table).
 */
static void
test_dots(void)
{
	const uint32_t ndocs = 400, nterms = 300;
	struct text_corpus c;
	uint32_t d, t, k, m = 0, x = 12345;
	size_t big = 0, started = 0;
	struct dots_run run[2];

	memset(&c, 0, sizeof c);
	c.n = ndocs / 2;
	c.ndocs = ndocs;
	c.nterms = nterms;
	c.off = calloc(ndocs + 1, sizeof *c.off);
	c.term = calloc((size_t)ndocs * 90 + 1, sizeof *c.term);
	c.weight = calloc((size_t)ndocs * 90 + 1, sizeof *c.weight);
	for (d = 0; d < ndocs; d++) {
		x = x * 1103515245u + 12345u;
		k = (x >> 16) % (d % 7 == 0 ? 90 : 20);
		big += k > 64;
		for (t = 0; t < nterms && k > 0; t++) {
			x = x * 1103515245u + 12345u;
			if ((x >> 16) % nterms < k * 2) {
				c.term[m] = t;
				c.weight[m++] = (float)((x >> 8) % 1000) / 997.0f /
				    (float)(k + 1);
			}
		}
		c.off[d + 1] = m;
	}
	ok(big > 0, "dots: some documents of more than 64 terms");
	ok(dots_wrong(&c) == 0, "dots: without a table, the same doubles");
	c.has_scratch = pthread_key_create(&c.scratch, free) == 0;
	ok(c.has_scratch, "dots: a key for the tables");
	ok(dots_wrong(&c) == 0, "dots: every cosine the same double as one "
	    "by one");
	for (k = 0; k < 2; k++) {
		run[k].c = &c;
		run[k].wrong = 0;
		if (pthread_create(&run[k].thread, NULL, dots_thread,
		    &run[k]) == 0)
			started++;
	}
	for (k = 0; k < started; k++)
		(void)pthread_join(run[k].thread, NULL);
	ok(started == 2 && run[0].wrong == 0 && run[1].wrong == 0,
	    "dots: two threads at once, each its own table");
	text_corpus_free(&c);
}

int
main(void)
{
	test_stopwords();
	test_terms();
	test_options();
	test_detect();
	test_corpus();
	test_prefixes();
	test_empty();
	test_crosswise();
	test_reason();
	test_dots();
	return tap_done();
}
