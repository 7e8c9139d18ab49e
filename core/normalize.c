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

	n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
	if (n <= 0) {
		*len = 1;
		return 0;
	}
	*len = (size_t)n;
	return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* M (mapped, freed here) without leading '#' marks and white space, and
 * with inner runs of white space one space; a new string. */
static char *
tidy(char *m)
{
	char *out, *o;
	const char *p;
	size_t len;
	int pending_space = 0;

	out = o = xmalloc(strlen(m) + 1);
	p = m;
	/* Leading space and '#' marks: "  ##Lua" is "lua". */
	while (*p != '\0') {
		if (*p == '#')
			len = 1;
		else if (!space_at(p, &len))
			break;
		p += len;
	}
	while (*p != '\0') {
		if (space_at(p, &len)) {
			pending_space = 1;
			p += len;
			continue;
		}
		if (pending_space && o != out)
			*o++ = ' ';
		pending_space = 0;
		memcpy(o, p, len);
		o += len;
		p += len;
	}
	*o = '\0';
	free(m);
	return out;
}

char *
normalize_tag(const char *s, size_t n)
{
	char *m;

	m = map(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD);
	return m != NULL ? tidy(m) : NULL;
}

char *
normalize_label(const char *s, size_t n)
{
	size_t i;
	char *m;

	/* ASCII is its own NFC: no need to map most tags. */
	for (i = 0; i < n && (unsigned char)s[i] < 0x80 && s[i] != '\0'; i++)
		;
	m = i == n ? xstrndup(s, n) :
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
