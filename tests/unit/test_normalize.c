/*
 * test_normalize.c -- unit tests for core/normalize.c: tags compare equal
 * the way people mean them (NFKC, case folding, '#' and spaces), names keep
 * their case but are composed, invalid UTF-8 is refused.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "tap.h"
#include "util.h"

/* normalize_tag on a NUL-terminated string. */
static char *
tag(const char *s)
{
	return normalize_tag(s, strlen(s));
}

/* Check that tag(S) is WANT. */
static void
tag_is(const char *s, const char *want, const char *what)
{
	char *got = tag(s);

	is_str(got, want, what);
	free(got);
}

/* Check that tag(A) equals tag(B) and is not NULL. */
static void
same_tag(const char *a, const char *b, const char *what)
{
	char *x = tag(a), *y = tag(b);

	ok(x != NULL && y != NULL && strcmp(x, y) == 0, what);
	if (x == NULL || y == NULL || strcmp(x, y) != 0)
		printf("#   '%s' -> '%s'\n#   '%s' -> '%s'\n", a,
		    x ? x : "(null)", b, y ? y : "(null)");
	free(x);
	free(y);
}

static void
test_tags(void)
{
	tag_is("#Datenschutz", "datenschutz", "'#' stripped, case folded");
	tag_is("datenschutz ", "datenschutz", "trailing space trimmed");
	tag_is("DATENSCHUTZ", "datenschutz", "upper case folded");
	same_tag("#Datenschutz", "datenschutz ", "#Datenschutz == datenschutz ");
	same_tag("datenschutz ", "DATENSCHUTZ", "datenschutz  == DATENSCHUTZ");
	tag_is("  ##Lua", "lua", "leading spaces and several '#'");
	tag_is("# lua", "lua", "space after the '#'");
	tag_is("c#", "c#", "a '#' inside or at the end is kept");
	tag_is("#c#", "c#", "only leading '#' go");

	tag_is("Stra\xc3\x9f" "e", "strasse", "Straße folds to strasse");
	same_tag("Stra\xc3\x9f" "e", "STRASSE", "Straße == STRASSE");
	same_tag("\xc3\x9c" "bung", "\xc3\xbc" "BUNG", "Übung == üBUNG");

	tag_is("caf" "e\xcc\x81", "caf\xc3\xa9", "NFD e + U+0301 composes to é");
	same_tag("Caf" "e\xcc\x81", "CAF\xc3\x89", "NFD café == NFC CAFÉ");
	same_tag("\xc3\xa9", "e\xcc\x81", "NFC é == NFD é");

	tag_is("\xef\xbc\xac\xef\xbc\xb5\xef\xbc\xa1", "lua",
	    "fullwidth ＬＵＡ is lua");
	tag_is("\xef\xac\x81" "nance", "finance", "ligature ﬁ is fi");
	tag_is("CO\xe2\x82\x82", "co2", "subscript ₂ is 2");
	tag_is("\xe2\x84\xab", "\xc3\xa5", "Angstrom sign is å");
	tag_is("\xef\xbc\x83" "lua", "lua",
	    "fullwidth ＃ becomes '#' and is stripped");

	tag_is("machine   learning", "machine learning",
	    "inner runs of spaces collapse");
	tag_is("machine\t\n learning", "machine learning",
	    "tabs and line breaks count as space");
	tag_is("machine\xc2\xa0learning", "machine learning",
	    "a no-break space is a space");
	same_tag("open\xc2\xa0" "data", "open  data",
	    "no-break space == two spaces");
	tag_is("\xc2\xa0" "lua\xc2\xa0\xc2\xa0", "lua",
	    "no-break spaces at both ends trimmed");
	tag_is("\xe3\x80\x80" "lua\xe2\x80\x83" "rocks", "lua rocks",
	    "ideographic and em spaces are spaces");

	tag_is("", "", "empty stays empty");
	tag_is("   ", "", "only space is empty");
	tag_is("#", "", "only '#' is empty");
	tag_is("# #", "", "'#' and spaces only is empty");
}

static void
test_tag_length(void)
{
	char *s;

	s = normalize_tag("LuaXYZ", 3);
	is_str(s, "lua", "only N bytes are read");
	free(s);
	s = normalize_tag("#Lua, Python", 4);
	is_str(s, "lua", "a piece of a longer cell");
	free(s);
}

static void
test_invalid(void)
{
	char *s;

	s = tag("abc\xff");
	ok(s == NULL, "0xFF is not UTF-8: NULL");
	free(s);
	s = tag("\xc3");
	ok(s == NULL, "a truncated sequence: NULL");
	free(s);
	s = tag("\xc3(");
	ok(s == NULL, "a lead byte without continuation: NULL");
	free(s);
	s = tag("\xc0\xaf");
	ok(s == NULL, "an overlong encoding: NULL");
	free(s);
	s = tag("\xed\xa0\x80");
	ok(s == NULL, "an encoded surrogate: NULL");
	free(s);
	s = tag("M\xfc" "nchen");
	ok(s == NULL, "Latin-1 ü (0xFC) is not UTF-8: NULL");
	free(s);
	s = normalize_nfc("\xe4", 1);
	ok(s == NULL, "normalize_nfc refuses invalid UTF-8 too");
	free(s);
}

static void
test_nfc(void)
{
	char *s;

	s = normalize_nfc("Jose\xcc\x81 Stra\xc3\x9f" "e", 14);
	is_str(s, "Jos\xc3\xa9 Stra\xc3\x9f" "e",
	    "NFC composes but keeps case and ß");
	free(s);
	s = normalize_nfc("  Ann  ", 7);
	is_str(s, "  Ann  ", "NFC leaves spaces alone");
	free(s);
	s = normalize_nfc("\xef\xac\x81", 3);
	is_str(s, "\xef\xac\x81", "NFC keeps compatibility characters");
	free(s);
	s = normalize_nfc("", 0);
	is_str(s, "", "NFC of nothing is empty");
	free(s);
}

static void
test_trim(void)
{
	char buf[64], *r;

	strcpy(buf, "  a b  ");
	r = normalize_trim_space(buf);
	is_str(buf, "a b", "trim both ends, keep the inside");
	ok(r == buf, "normalize_trim_space returns its argument");
	strcpy(buf, "\t\r\nx\r\n");
	is_str(normalize_trim_space(buf), "x", "tabs and line ends trimmed");
	strcpy(buf, "");
	is_str(normalize_trim_space(buf), "", "empty stays empty");
	strcpy(buf, "   ");
	is_str(normalize_trim_space(buf), "", "only space becomes empty");
	strcpy(buf, "none");
	is_str(normalize_trim_space(buf), "none", "nothing to trim");

	strcpy(buf, "  Ann \n  Smith\t ");
	r = normalize_squeeze_space(buf);
	is_str(buf, "Ann Smith", "squeeze: trim and one space inside");
	ok(r == buf, "normalize_squeeze_space returns its argument");
	strcpy(buf, "a\r\nb  c");
	is_str(normalize_squeeze_space(buf), "a b c",
	    "squeeze: CRLF is one space");
	strcpy(buf, " \t ");
	is_str(normalize_squeeze_space(buf), "",
	    "squeeze: only space is empty");
}

static void
test_label(void)
{
	char *s, buf[64];

	s = normalize_label("  ##OpenData ", 13);
	is_str(s, "OpenData", "label: '#' and spaces go, case stays");
	free(s);
	s = normalize_label("Open \xc2\xa0 Data", 12);
	is_str(s, "Open Data", "label: inner space runs are one space");
	free(s);
	s = normalize_label("Stra\xc3\x9f" "e", 7);
	is_str(s, "Stra\xc3\x9f" "e", "label: ß stays");
	free(s);
	s = normalize_label("Jose\xcc\x81", 6);
	is_str(s, "Jos\xc3\xa9", "label: composed (NFC)");
	free(s);
	s = normalize_label("\xe4", 1);
	ok(s == NULL, "label: invalid UTF-8 is NULL");
	free(s);

	s = normalize_loose("J\xc3\xbcrgen  GRO\xc3\x9f", 14);
	is_str(s, "jurgen gross", "loose: case, accents, ß, spaces");
	free(s);
	s = normalize_loose("C\xcc\xa7" "elik", 7);
	is_str(s, "celik", "loose: a decomposed accent too");
	free(s);

	strcpy(buf, "open data");
	is_str(normalize_squash(buf), "opendata", "squash: a space");
	strcpy(buf, "open-data_2");
	is_str(normalize_squash(buf), "opendata2", "squash: '-' and '_'");
	strcpy(buf, "open\xe2\x80\x93" "data");
	is_str(normalize_squash(buf), "opendata", "squash: an en dash");
	strcpy(buf, "c++ & c#");
	is_str(normalize_squash(buf), "c++&c#", "squash: other marks stay");
	strcpy(buf, " - ");
	is_str(normalize_squash(buf), "", "squash: nothing left");
}

/*
 * normalize_cost counts what normalize_tag will do: code points of the
 * decomposition, and a bound on the swaps that reorder combining marks;
 * normalize_tag_into then does it in a caller's buffer.
 */
static void
test_cost(void)
{
	static const char *texts[] = {
		"  #Stra\xc3\x9f" "e  ", "\xef\xb7\xba", "e\xcc\x81",
		"\xea\xb0\x80 x", "", "##", "A\xcc\x96\xcc\x81" "b"
	};
	struct normalize_cost c, parts;
	char *marks, *want, *buf;
	size_t i, n;
	long len;
	int r;

	memset(&c, 0, sizeof c);
	ok(normalize_cost("ab", 2, &c, (size_t)-1) == 1, "cost: done");
	ok(c.chars == 2 && c.cps == 2 && c.swaps == 0, "cost: 'ab'");
	memset(&c, 0, sizeof c);
	normalize_cost("\xef\xb7\xba", 3, &c, (size_t)-1);
	ok(c.chars == 1 && c.cps == 18, "cost: U+FDFA decomposes into 18");

	/* "a" and 100 marks: the 100 can be out of order 100 * 99 / 2
	 * times. */
	marks = xmalloc(1 + 100 * 2 + 1);
	marks[0] = 'a';
	for (i = 0; i < 50; i++)
		memcpy(marks + 1 + 4 * i, "\xcc\x81\xcc\x96", 4);
	marks[201] = '\0';
	memset(&c, 0, sizeof c);
	normalize_cost(marks, 201, &c, (size_t)-1);
	is_int(c.swaps, 4950, "cost: a run of 100 marks, 4950 swaps at most");
	memset(&parts, 0, sizeof parts);
	n = 0;
	while ((r = normalize_cost(marks, 201, &parts, 7)) == 0)
		n++;
	ok(r == 1 && n == 14 && parts.cps == c.cps && parts.swaps == c.swaps,
	    "cost: in parts of 7 characters, the same sums");
	free(marks);

	memset(&c, 0, sizeof c);
	ok(normalize_cost("a\xffz", 3, &c, (size_t)-1) < 0,
	    "cost: invalid UTF-8");

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		memset(&c, 0, sizeof c);
		n = strlen(texts[i]);
		normalize_cost(texts[i], n, &c, (size_t)-1);
		buf = xmalloc(c.cps * 4 + 1);
		len = normalize_tag_into(texts[i], n, buf, c.cps);
		want = normalize_tag(texts[i], n);
		ok(len >= 0 && want != NULL && (size_t)len == strlen(want) &&
		    strcmp(buf, want) == 0, "into a buffer: as normalize_tag");
		free(want);
		free(buf);
	}
}

/*
 * normalize_tag takes ASCII without utf8proc: every ASCII character but
 * NUL, alone, doubled, between letters, before and after spaces, gives
 * what the utf8proc path (normalize_tag_into) gives.
 */
static void
test_ascii(void)
{
	struct normalize_cost c;
	char text[8], *want, *got;
	size_t bad = 0, n;
	int ch, shape;
	long len;

	for (ch = 1; ch < 0x80; ch++) {
		for (shape = 0; shape < 4; shape++) {
			n = (size_t)snprintf(text, sizeof text, shape == 0 ?
			    "%c" : shape == 1 ? "%c%c" : shape == 2 ? "A%cb" :
			    " %c Z ", ch, ch);
			memset(&c, 0, sizeof c);
			if (normalize_cost(text, n, &c, (size_t)-1) != 1) {
				bad++;
				continue;
			}
			want = xmalloc(c.cps * 4 + 1);
			len = normalize_tag_into(text, n, want, c.cps);
			got = normalize_tag(text, n);
			bad += len < 0 || got == NULL || strcmp(got, want) != 0;
			free(want);
			free(got);
		}
	}
	is_int(bad, 0, "ascii: all 127 characters in 4 places, as utf8proc "
	    "folds and tidies them");
	/* Both paths tidy alike: which ASCII characters are space. */
	got = normalize_tag("\t#A\rb\vc\fd\ne f\x1fg ", 18);
	is_str(got, "a b c d e f\x1fg", "ascii: \\t \\n \\v \\f \\r and "
	    "space are space, other controls are not");
	free(got);
}

int
main(void)
{
	test_tags();
	test_tag_length();
	test_invalid();
	test_nfc();
	test_trim();
	test_label();
	test_cost();
	test_ascii();
	return tap_done();
}
