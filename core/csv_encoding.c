/*
 * csv_encoding.c -- detect and convert the encoding of an export to UTF-8.
 *
 * Windows-1252 and Latin-1 are converted with a table rather than iconv:
 * both are one byte per character, the table is 32 entries, and doing it
 * here lets a bad byte be reported with its line and column, which iconv's
 * EILSEQ cannot do, independent of the locale.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv_encoding.h"
#include "util.h"

/*
 * Windows-1252 0x80-0x9F as Unicode code points; 0 marks the five bytes the
 * code page leaves undefined.  0xA0-0xFF equal Latin-1 and Unicode.
 */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178
};

static const struct {
	const char *name;
	enum csv_encoding e;
} encoding_names[] = {
	{ "auto", CSV_ENCODING_AUTO },
	{ "utf-8", CSV_ENCODING_UTF8 },
	{ "utf8", CSV_ENCODING_UTF8 },
	{ "windows-1252", CSV_ENCODING_WINDOWS_1252 },
	{ "cp1252", CSV_ENCODING_WINDOWS_1252 },
	{ "latin1", CSV_ENCODING_LATIN1 },
	{ "latin-1", CSV_ENCODING_LATIN1 },
	{ "iso-8859-1", CSV_ENCODING_LATIN1 },
};

static void	encoding_locate(const char *, size_t, size_t *, size_t *);
static uint32_t	encoding_byte(unsigned char, enum csv_encoding);
static int	encoding_from_single(const char *, char **, size_t *,
		    enum csv_encoding, int, char **);

const char *
csv_encoding_name(enum csv_encoding e)
{
	switch (e) {
	case CSV_ENCODING_AUTO:
		return "auto";
	case CSV_ENCODING_UTF8:
		return "utf-8";
	case CSV_ENCODING_WINDOWS_1252:
		return "windows-1252";
	case CSV_ENCODING_LATIN1:
		return "latin1";
	}
	return "unknown";
}

int
csv_encoding_parse(const char *s, enum csv_encoding *out)
{
	size_t i;

	for (i = 0; i < sizeof encoding_names / sizeof encoding_names[0];
	    i++) {
		if (strcasecmp(s, encoding_names[i].name) == 0) {
			*out = encoding_names[i].e;
			return 0;
		}
	}
	return -1;
}

size_t
csv_encoding_utf8_check(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, k;
	uint32_t cp, min;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xC2 && p[i] <= 0xDF) {
			n = 1;
			cp = p[i] & 0x1F;
			min = 0x80;
		} else if (p[i] >= 0xE0 && p[i] <= 0xEF) {
			n = 2;
			cp = p[i] & 0x0F;
			min = 0x800;
		} else if (p[i] >= 0xF0 && p[i] <= 0xF4) {
			n = 3;
			cp = p[i] & 0x07;
			min = 0x10000;
		} else
			return i;
		if (len - i <= n)
			return i;
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		/* Overlong forms, UTF-16 surrogates, beyond U+10FFFF. */
		if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) ||
		    cp > 0x10FFFF)
			return i;
		i += n + 1;
	}
	return len;
}

/* The physical line and byte column of offset OFF in S. */
static void
encoding_locate(const char *s, size_t off, size_t *line, size_t *col)
{
	size_t i, start = 0;

	*line = 1;
	for (i = 0; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n')) {
			(*line)++;
			start = i + 1;
		}
	}
	*col = off - start + 1;
}

int
csv_encoding_check_nul(const char *name, const char *s, size_t len,
    char **cause)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *nul;
	size_t line, col;

	nul = memchr(s, '\0', len);
	if (nul == NULL)
		return 0;
	/* UTF-16 has a byte order mark, or text whose first character
	 * has one NUL byte; /dev/zero is not UTF-16. */
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0) != (u[1] == 0))) {
		*cause = xasprintf("%s:1: the file is UTF-16, which mingle "
		    "does not read; save it as \"CSV UTF-8\"", name);
		return -1;
	}
	encoding_locate(s, (size_t)(nul - s), &line, &col);
	*cause = xasprintf("%s:%zu:%zu: NUL byte; this does not look like a "
	    "text file", name, line, col);
	return -1;
}

/* The code point of byte C in a single-byte encoding, 0 if undefined. */
static uint32_t
encoding_byte(unsigned char c, enum csv_encoding enc)
{
	if (enc == CSV_ENCODING_WINDOWS_1252 && c >= 0x80 && c <= 0x9F)
		return cp1252_high[c - 0x80];
	return c;
}

/*
 * Convert Windows-1252 or Latin-1 in *DATA to a new UTF-8 buffer.  GUESSED
 * says Windows-1252 was only a guess after the bytes failed as UTF-8.
 */
static int
encoding_from_single(const char *name, char **data, size_t *len,
    enum csv_encoding enc, int guessed, char **cause)
{
	const unsigned char *in = (const unsigned char *)*data;
	size_t i, need = 0, line, col;
	uint32_t cp;
	char *out, *o;

	for (i = 0; i < *len; i++) {
		if (in[i] < 0x80) {
			need++;
			continue;
		}
		cp = encoding_byte(in[i], enc);
		if (cp == 0) {
			encoding_locate(*data, i, &line, &col);
			if (guessed) {
				*cause = xasprintf("%s:%zu:%zu: the file is "
				    "neither UTF-8 nor Windows-1252 (byte "
				    "0x%02X); if it is Latin-1, set "
				    "encoding = latin1 in [input]", name, line, col, in[i]);
			} else {
				*cause = xasprintf("%s:%zu:%zu: byte 0x%02X "
				    "is not a character in Windows-1252; if "
				    "the file is Latin-1, set encoding = "
				    "latin1 in [input]",
				    name, line, col, in[i]);
			}
			return -1;
		}
		need += cp < 0x800 ? 2 : 3;
	}

	o = out = xmalloc(need + 1);
	for (i = 0; i < *len; i++) {
		if (in[i] < 0x80) {
			*o++ = (char)in[i];
			continue;
		}
		cp = encoding_byte(in[i], enc);
		if (cp < 0x800) {
			*o++ = (char)(0xC0 | (cp >> 6));
			*o++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*o++ = (char)(0xE0 | (cp >> 12));
			*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
			*o++ = (char)(0x80 | (cp & 0x3F));
		}
	}
	*o = '\0';

	free(*data);
	*data = out;
	*len = need;
	return 0;
}

int
csv_encoding_to_utf8(const char *name, char **data, size_t *len,
    enum csv_encoding enc, enum csv_encoding *found, char **cause)
{
	char *s = *data;
	size_t bad, line, col;
	int bom, guessed = 0;

	if (csv_encoding_check_nul(name, s, *len, cause) != 0)
		return -1;

	bom = *len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
	if (bom && enc != CSV_ENCODING_AUTO && enc != CSV_ENCODING_UTF8) {
		*cause = xasprintf("%s:1: the file starts with a UTF-8 byte "
		    "order mark, but the encoding is set to %s; use utf-8 or "
		    "auto", name, csv_encoding_name(enc));
		return -1;
	}
	if (bom)
		enc = CSV_ENCODING_UTF8;

	if (enc == CSV_ENCODING_AUTO || enc == CSV_ENCODING_UTF8) {
		bad = csv_encoding_utf8_check(s, *len);
		if (bad == *len) {
			if (bom) {
				memmove(s, s + 3, *len - 3 + 1);
				*len -= 3;
			}
			*found = CSV_ENCODING_UTF8;
			return 0;
		}
		if (enc == CSV_ENCODING_UTF8) {
			encoding_locate(s, bad, &line, &col);
			*cause = xasprintf("%s:%zu:%zu: invalid UTF-8 (byte "
			    "0x%02X); if the file was saved as Windows-1252 "
			    "or Latin-1, set encoding = windows-1252 or "
			    "latin1 in [input]", name, line, col,
			    (unsigned char)s[bad]);
			return -1;
		}
		enc = CSV_ENCODING_WINDOWS_1252;
		guessed = 1;
	}

	if (encoding_from_single(name, data, len, enc, guessed, cause) != 0)
		return -1;
	*found = enc;
	return 0;
}
