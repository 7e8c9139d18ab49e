/*
 * normalize.c -- Unicode normalization of tags and names with utf8proc.
 *
 * Hand-written ASCII tolower is wrong for the people who use mingle:
 * "Straße" must equal "STRASSE", and macOS exports arrive decomposed (NFD).
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "normalize.h"
#include "util.h"

char *
normalize_trim_space(char *s)
{
	char *start = s, *end;

	while (isspace((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	memmove(s, start, (size_t)(end - start));
	s[end - start] = '\0';
	return s;
}

char *
normalize_squeeze_space(char *s)
{
	char *r = s, *w = s;
	int space = 0;

	for (; *r != '\0'; r++) {
		if (isspace((unsigned char)*r)) {
			space = 1;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

/* What the tags' normalization does: NFKC and case folding. */
#define TAG_OPTIONS	(UTF8PROC_STABLE | UTF8PROC_COMPOSE | \
			    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD)

/* Code points one character may decompose into that normalize_cost looks
 * at; U+FDFA, the longest, has 18. */
#define DECOMPOSE_MAX	32

/* Are the N bytes of S ASCII without NUL (their own NFC and NFKC)? */
static int
ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80 && s[i] != '\0'; i++)
		;
	return i == n;
}

static char *
map(const char *s, size_t n, utf8proc_option_t options)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t len;

	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &out, options);
	if (len < 0)
		return NULL;	/* invalid UTF-8 (or out of memory) */
	return (char *)out;
}

/* Is the code point at P white space (ASCII or Unicode Zs)? Sets *len. */
static int
space_at(const char *p, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	if ((unsigned char)*p < 0x80) {
		*len = 1;
		return *p == ' ' || (*p >= '\t' && *p <= '\r');
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
	if (n <= 0) {
		*len = 1;
		return 0;
	}
	*len = (size_t)n;
	return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/*
 * Tidy the NUL-terminated text at OUT in place (it only shrinks): no
 * leading '#' marks and white space, inner runs of white space one space.
 * Returns its new length.
 */
static size_t
tidy_in_place(char *out)
{
	char *o = out;
	const char *p = out;
	size_t clen;
	int pending_space = 0;

	/* Leading space and '#' marks: "  ##Lua" is "lua". */
	while (*p != '\0') {
		if (*p == '#')
			clen = 1;
		else if (!space_at(p, &clen))
			break;
		p += clen;
	}
	while (*p != '\0') {
		if (space_at(p, &clen)) {
			pending_space = 1;
			p += clen;
			continue;
		}
		if (pending_space && o != out)
			*o++ = ' ';
		pending_space = 0;
		memmove(o, p, clen);
		o += clen;
		p += clen;
	}
	*o = '\0';
	return (size_t)(o - out);
}

/* M (mapped) tidied; M itself, shrunk. */
static char *
tidy(char *m)
{
	size_t len = tidy_in_place(m);

	return xreallocarray(m, len + 1, 1);
}

int
normalize_cost(const char *s, size_t n, struct normalize_cost *c,
    size_t max)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp, d[DECOMPOSE_MAX];
	utf8proc_ssize_t len, nd, i;

	for (; max > 0 && c->pos < n; max--) {
		len = utf8proc_iterate(u + c->pos, (utf8proc_ssize_t)(n -
		    c->pos), &cp);
		if (len <= 0 || cp < 0)
			return -1;
		c->pos += (size_t)len;
		c->chars++;
		nd = utf8proc_decompose_char(cp, d, DECOMPOSE_MAX, TAG_OPTIONS,
		    &c->boundclass);
		if (nd < 0)
			return -1;
		c->cps += (size_t)nd;
		/* A mark joins the run before it and is out of order with at
		 * most all of it; a starter ends the run. */
		for (i = 0; i < nd; i++) {
			if (i < DECOMPOSE_MAX &&
			    utf8proc_get_property(d[i])->combining_class == 0)
				c->run = 0;
			else
				c->swaps += c->run++;
		}
	}
	return c->pos < n ? 0 : 1;
}

long
normalize_tag_into(const char *s, size_t n, void *buf, size_t cps)
{
	utf8proc_int32_t *b = buf;
	utf8proc_ssize_t len;

	len = utf8proc_decompose((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, b, (utf8proc_ssize_t)cps, TAG_OPTIONS);
	if (len < 0 || (size_t)len != cps)
		return -1;
	len = utf8proc_reencode(b, len, TAG_OPTIONS);
	if (len < 0)
		return -1;
	return (long)tidy_in_place(buf);
}

char *
normalize_tag(const char *s, size_t n)
{
	struct normalize_cost c;
	char *buf;
	long len;
	size_t i;

	/* ASCII is its own NFKC, and folds to its lower case: most tags. */
	if (ascii(s, n)) {
		buf = xmalloc(n + 1);
		for (i = 0; i < n; i++)
			buf[i] = s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] - 'A' + 'a') : s[i];
		buf[n] = '\0';
		return tidy(buf);
	}
	memset(&c, 0, sizeof c);
	if (normalize_cost(s, n, &c, (size_t)-1) < 0)
		return NULL;
	buf = xmalloc(c.cps * sizeof(int32_t) + 1);
	if ((len = normalize_tag_into(s, n, buf, c.cps)) < 0) {
		free(buf);
		return NULL;
	}
	return xreallocarray(buf, (size_t)len + 1, 1);
}

char *
normalize_label(const char *s, size_t n)
{
	char *m;

	/* ASCII is its own NFC: no need to map most tags. */
	m = ascii(s, n) ? xstrndup(s, n) :
	    map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	return m != NULL ? tidy(m) : NULL;
}

char *
normalize_loose(const char *s, size_t n)
{
	char *m;

	m = map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	return m != NULL ? tidy(m) : NULL;
}

char *
normalize_squash(char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t len;
	char *r = s, *w = s;

	while (*r != '\0') {
		len = utf8proc_iterate((const utf8proc_uint8_t *)r, -1, &cp);
		if (len <= 0)
			len = 1;
		else if (cp == ' ' || cp == '_' ||
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_PD) {
			r += len;
			continue;
		}
		memmove(w, r, (size_t)len);
		w += len;
		r += len;
	}
	*w = '\0';
	return s;
}

char *
normalize_nfc(const char *s, size_t n)
{
	return map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}
