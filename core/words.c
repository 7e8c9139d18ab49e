/*
 * words.c -- the words of free text, found and folded with Unicode rules
 * (utf8proc's categories and normalization).  See words.h.
 */
#include "autoconf.h"

#include <string.h>
#include <utf8proc.h>

#include "words.h"

/* What a code point is to a word. */
enum words_kind {
	WORDS_SEPARATOR,
	WORDS_PART,	/* letter, mark, digit */
	WORDS_DIGIT,	/* a decimal digit: also a part */
	WORDS_JOINER,	/* hyphen, apostrophe, format: between two parts */
	WORDS_POINT	/* . or ,: between two digits */
};

static const utf8proc_option_t words_options = UTF8PROC_STABLE |
    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;

static enum words_kind	words_kind(int32_t);
static int32_t		words_ascii(int32_t, void *);

static enum words_kind
words_kind(int32_t cp)
{
	switch (cp) {
	case '-': case 0x2010: case 0x2011:
	case '\'': case 0x2019:
		return WORDS_JOINER;
	case '.': case ',':
		return WORDS_POINT;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ND:
		return WORDS_DIGIT;
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return WORDS_PART;
	case UTF8PROC_CATEGORY_CF:
		return WORDS_JOINER;
	default:
		return WORDS_SEPARATOR;
	}
}

/* The code point at S + *POS (N bytes in all) and its kind; advances *POS.
 * -1 if the UTF-8 there is bad. */
static int
words_step(const char *s, size_t n, size_t *pos, enum words_kind *kind)
{
	unsigned char c = (unsigned char)s[*pos];
	utf8proc_int32_t cp;
	utf8proc_ssize_t len;

	if (c < 0x80) {
		/* Most text is ASCII: no decoding, no table lookup. */
		*pos += 1;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			*kind = WORDS_PART;
		else if (c >= '0' && c <= '9')
			*kind = WORDS_DIGIT;
		else if (c == '-' || c == '\'')
			*kind = WORDS_JOINER;
		else if (c == '.' || c == ',')
			*kind = WORDS_POINT;
		else
			*kind = WORDS_SEPARATOR;
		return 0;
	}
	len = utf8proc_iterate((const utf8proc_uint8_t *)s + *pos,
	    (utf8proc_ssize_t)(n - *pos), &cp);
	if (len <= 0)
		return -1;
	*pos += (size_t)len;
	*kind = words_kind(cp);
	return 0;
}

int
words_next(const char *s, size_t n, size_t *pos, size_t *start,
    size_t *len)
{
	enum words_kind k = WORDS_SEPARATOR, prev, next;
	size_t at, end, peek;

	/* Up to the first part. */
	for (;;) {
		if (*pos >= n)
			return 0;
		at = *pos;
		if (words_step(s, n, pos, &k) != 0) {
			*pos = at;
			return WORDS_INVALID;
		}
		if (k == WORDS_PART || k == WORDS_DIGIT)
			break;
	}
	*start = at;
	end = *pos;
	/* Parts, and joiners with a part on both sides. */
	while (end < n) {
		prev = k;
		at = end;
		if (words_step(s, n, &at, &k) != 0) {
			*pos = end;
			return WORDS_INVALID;
		}
		if (k == WORDS_PART || k == WORDS_DIGIT) {
			end = at;
			continue;
		}
		if (k == WORDS_SEPARATOR || at >= n ||
		    (k == WORDS_POINT && prev != WORDS_DIGIT))
			break;
		peek = at;
		if (words_step(s, n, &peek, &next) != 0) {
			*pos = end;
			return WORDS_INVALID;
		}
		if (next == WORDS_DIGIT ||
		    (next == WORDS_PART && k == WORDS_JOINER)) {
			end = peek;
			k = next;
		} else
			break;
	}
	*len = end - *start;
	*pos = end;
	return 1;
}

size_t
words_hyphen(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t len;

	len = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &cp);
	if (len <= 0)
		return 0;
	return cp == '-' || cp == 0x2010 || cp == 0x2011 ? (size_t)len : 0;
}

/* Typographic apostrophes and hyphens as their ASCII twins. */
static int32_t
words_ascii(int32_t cp, void *unused)
{
	(void)unused;
	if (cp == 0x2019 || cp == 0x02BC)
		return '\'';
	if (cp == 0x2010 || cp == 0x2011)
		return '-';
	return cp;
}

long
words_fold(const char *w, size_t len, int32_t *buf, size_t cap,
    size_t *need)
{
	utf8proc_ssize_t n;
	char *out = (char *)buf;
	size_t i;

	/* ASCII (no NUL) is its own NFKC, folds to its lower case and has
	 * nothing to ignore: most words. */
	for (i = 0; i < len && (unsigned char)w[i] < 0x80 && w[i] != '\0'; i++)
		;
	if (i == len) {
		*need = len;
		if (len >= cap)
			return WORDS_SHORT;
		for (i = 0; i < len; i++)
			out[i] = w[i] >= 'A' && w[i] <= 'Z' ?
			    (char)(w[i] - 'A' + 'a') : w[i];
		out[len] = '\0';
		return (long)len;
	}
	*need = 0;
	n = utf8proc_decompose_custom((const utf8proc_uint8_t *)w,
	    (utf8proc_ssize_t)len, buf, (utf8proc_ssize_t)cap, words_options,
	    words_ascii, NULL);
	if (n < 0)
		return WORDS_INVALID;
	*need = (size_t)n;
	if ((size_t)n >= cap)
		return WORDS_SHORT;
	/* Composes, and writes UTF-8 (at most 4 bytes a code point) and a
	 * NUL over the code points. */
	n = utf8proc_reencode(buf, n, words_options);
	return n < 0 ? WORDS_INVALID : (long)n;
}
