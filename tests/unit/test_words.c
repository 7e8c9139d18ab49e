/*
 * test_words.c -- unit tests for core/words.c: where words start and end
 * in Unicode text (umlauts, hyphens, apostrophes, numbers, soft hyphens,
 * emoji), how they fold, and that bad UTF-8 and short buffers are
 * reported, not overrun.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tap.h"
#include "words.h"

/* The words of S as written, joined with '|'. */
static const char *
split(const char *s)
{
	static char out[1024];
	size_t n = strlen(s), pos = 0, start, len, at = 0;
	int r;

	out[0] = '\0';
	while ((r = words_next(s, n, &pos, &start, &len)) == 1 &&
	    at + len + 2 < sizeof out) {
		if (at > 0)
			out[at++] = '|';
		memcpy(out + at, s + start, len);
		at += len;
		out[at] = '\0';
	}
	if (r < 0)
		snprintf(out + at, sizeof out - at, "%sINVALID@%zu",
		    at ? "|" : "", pos);
	return out;
}

/* The words of S folded, joined with '|'. */
static const char *
folded(const char *s)
{
	static char out[1024];
	size_t n = strlen(s), pos = 0, start, len, at = 0, need;
	int32_t buf[64];
	long f;

	out[0] = '\0';
	while (words_next(s, n, &pos, &start, &len) == 1) {
		f = words_fold(s + start, len, buf, 64, &need);
		if (f < 0 || at + (size_t)f + 2 >= sizeof out)
			return "FOLD FAILED";
		if (at > 0)
			out[at++] = '|';
		memcpy(out + at, buf, (size_t)f);
		at += (size_t)f;
		out[at] = '\0';
	}
	return out;
}

static void
test_split(void)
{
	is_str(split("\xc3\x96" "ffentlicher Nahverkehr"),
	    "\xc3\x96" "ffentlicher|Nahverkehr",
	    "Öffentlicher Nahverkehr: two words, the umlaut inside");
	is_str(split("Verkehrswende, Radverkehr; Stadtplanung."),
	    "Verkehrswende|Radverkehr|Stadtplanung",
	    "punctuation separates");
	is_str(split("E-Mail und Datenschutz-Grundverordnung"),
	    "E-Mail|und|Datenschutz-Grundverordnung",
	    "a hyphen between letters stays in the word");
	is_str(split("Daten- und Klimaschutz -- oder - nicht"),
	    "Daten|und|Klimaschutz|oder|nicht",
	    "a hyphen at a word's edge, or alone, separates");
	is_str(split("don't l\xe2\x80\x99" "homme rock'n'roll"),
	    "don't|l\xe2\x80\x99" "homme|rock'n'roll",
	    "apostrophes inside a word, straight or typographic");
	is_str(split("'quoted' words"), "quoted|words",
	    "quotes around a word are not part of it");
	is_str(split("Version 3.5 kostet 1,000 Euro, Seite 7. Ende"),
	    "Version|3.5|kostet|1,000|Euro|Seite|7|Ende",
	    "a point or comma between digits stays; after a number it ends");
	is_str(split("COVID-19 Web3 2024"), "COVID-19|Web3|2024",
	    "digits are word characters");
	is_str(split("Stra\xc3\x9f" "e ma\xc3\x9f" "voll"),
	    "Stra\xc3\x9f" "e|ma\xc3\x9f" "voll", "ß is a letter");
	is_str(split("Daten\xc2\xad" "schutz"), "Daten\xc2\xad" "schutz",
	    "a soft hyphen stays inside the word");
	is_str(split("snake_case a+b x/y"), "snake|case|a|b|x|y",
	    "underscore, plus and slash separate");
	is_str(split("Caf\x65\xcc\x81 na\xc3\xafve"), "Caf\x65\xcc\x81|na\xc3\xafve",
	    "a combining accent belongs to its letter");
	is_str(split("\xf0\x9f\x9a\xb2" "Radfahren\xf0\x9f\x9a\xb2" "!"),
	    "Radfahren", "emoji separate");
	is_str(split("\xe4\xb8\xad\xe6\x96\x87 \xd0\xbc\xd0\xb8\xd1\x80"),
	    "\xe4\xb8\xad\xe6\x96\x87|\xd0\xbc\xd0\xb8\xd1\x80",
	    "CJK and Cyrillic letters are letters");
	is_str(split(""), "", "empty text: no word");
	is_str(split("  ,;  "), "", "only separators: no word");
	is_str(split("ok \xff bad"), "ok|INVALID@3",
	    "bad UTF-8 is reported where it starts");
	is_str(split("ab\xc3"), "INVALID@2",
	    "a truncated character inside a word is reported");
}

static void
test_fold(void)
{
	int32_t buf[8];
	size_t need;
	long f;

	is_str(folded("\xc3\x96" "ffentlicher NAHVERKEHR"),
	    "\xc3\xb6" "ffentlicher|nahverkehr", "case folded, umlaut kept");
	is_str(folded("Stra\xc3\x9f" "e STRASSE"), "strasse|strasse",
	    "Straße and STRASSE fold alike");
	is_str(folded("Daten\xc2\xad" "schutz"), "datenschutz",
	    "soft hyphen dropped");
	is_str(folded("don\xe2\x80\x99t E\xe2\x80\x91" "Mail"),
	    "don't|e-mail", "typographic apostrophe and hyphen as ASCII");
	is_str(folded("\xef\xac\x81" "sh x\xc2\xb2"), "fish|x2",
	    "compatibility forms: ligature fi, superscript two");
	is_str(folded("Cafe\xcc\x81"), "caf\xc3\xa9",
	    "decomposed input composes");

	f = words_fold("Donaudampfschiff", 16, buf, 8, &need);
	ok(f == WORDS_SHORT && need == 16,
	    "a short buffer is reported with the code points needed");
	f = words_fold("abc", 3, buf, 8, &need);
	ok(f == 3 && need == 3 && memcmp(buf, "abc", 4) == 0,
	    "a word that fits: its bytes and a NUL");
	f = words_fold("a\xff", 2, buf, 8, &need);
	ok(f == WORDS_INVALID, "bad UTF-8 in a word is reported");
	ok(words_hyphen("-x", 2) == 1 &&
	    words_hyphen("\xe2\x80\x90x", 4) == 3 &&
	    words_hyphen("\xe2\x80\x93", 3) == 0 &&
	    words_hyphen("a", 1) == 0,
	    "hyphens: ASCII and U+2010, not the en dash");
}

/*
 * ASCII words fold without utf8proc: every ASCII character but NUL, alone,
 * doubled and between letters, as utf8proc maps it with the options
 * words_fold documents (nothing ASCII is ignorable or remapped).
 */
static void
test_fold_ascii(void)
{
	int32_t buf[16];
	utf8proc_uint8_t *want;
	char w[8];
	size_t need, bad = 0, n;
	int ch, shape;
	long len;

	for (ch = 1; ch < 0x80; ch++) {
		for (shape = 0; shape < 3; shape++) {
			n = (size_t)snprintf(w, sizeof w, shape == 0 ? "%c" :
			    shape == 1 ? "%c%c" : "Q%cz", ch, ch);
			len = words_fold(w, n, buf, 16, &need);
			if (utf8proc_map((const utf8proc_uint8_t *)w,
			    (utf8proc_ssize_t)n, &want, UTF8PROC_STABLE |
			    UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
			    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE) < 0) {
				bad++;
				continue;
			}
			bad += len < 0 || need != n ||
			    strcmp((char *)buf, (char *)want) != 0;
			free(want);
		}
	}
	is_int(bad, 0, "fold: all 127 ASCII characters as utf8proc folds them");
	is_int(words_fold("ABC", 3, buf, 3, &need), WORDS_SHORT,
	    "fold: ASCII needs room for its NUL too");
	ok(need == 3, "fold: and says how much");
}

int
main(void)
{
	test_split();
	test_fold();
	test_fold_ascii();
	return tap_done();
}
