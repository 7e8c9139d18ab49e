/*
 * test_csv.c -- the CSV reader and the encoding layer under it.
 *
 * Most checks parse a string and compare a flat rendering of the table:
 * cells in [brackets], records separated by " / ".  Every error path is
 * checked on its message: file name, line, column and wording.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "csv.h"
#include "csv_encoding.h"
#include "tap.h"
#include "util.h"

static const struct csv_options opt_utf8 = {
	.encoding = CSV_ENCODING_UTF8
};
static const struct csv_options opt_cp1252 = {
	.encoding = CSV_ENCODING_WINDOWS_1252
};
static const struct csv_options opt_latin1 = {
	.encoding = CSV_ENCODING_LATIN1
};
static const struct csv_options opt_header_only = {
	.header_only_ok = 1
};

/* The table as "[a][b] / [1][2]"; a new string. */
static char *
render(const struct csv_table *t)
{
	struct strbuf sb = { NULL, 0, 0 };
	size_t row, col;

	for (row = 0; row <= t->nrows; row++) {
		if (row > 0)
			strbuf_puts(&sb, " / ");
		for (col = 0; col < t->ncols; col++)
			strbuf_printf(&sb, "[%s]", csv_cell(t, row, col));
	}
	return strbuf_detach(&sb);
}

/* The start lines of all records as "1,2,4"; a new string. */
static char *
render_lines(const struct csv_table *t)
{
	struct strbuf sb = { NULL, 0, 0 };
	size_t row;

	for (row = 0; row <= t->nrows; row++)
		strbuf_printf(&sb, "%s%zu", row > 0 ? "," : "", t->lines[row]);
	return strbuf_detach(&sb);
}

/* Parse LEN bytes; the rendering, or "error: MESSAGE"; a new string. */
static char *
parse_n(const char *text, size_t len, const struct csv_options *opt)
{
	struct csv_table t;
	char *cause = NULL, *s;

	if (csv_read_buffer("x.csv", text, len, opt, &t, &cause) != 0) {
		s = xasprintf("error: %s", cause);
		free(cause);
		return s;
	}
	s = render(&t);
	csv_free(&t);
	return s;
}

static char *
parse(const char *text, const struct csv_options *opt)
{
	return parse_n(text, strlen(text), opt);
}

static void
is_parse(const char *text, const struct csv_options *opt, const char *want,
    const char *what)
{
	char *got = parse(text, opt);

	is_str(got, want, what);
	free(got);
}

static void
is_parse_n(const char *text, size_t len, const struct csv_options *opt,
    const char *want, const char *what)
{
	char *got = parse_n(text, len, opt);

	is_str(got, want, what);
	free(got);
}

static void
is_lines(const char *text, const char *want, const char *what)
{
	struct csv_table t;
	char *cause = NULL, *got;

	if (csv_read_buffer("x.csv", text, strlen(text), NULL, &t,
	    &cause) != 0) {
		got = cause;
	} else {
		got = render_lines(&t);
		csv_free(&t);
	}
	is_str(got, want, what);
	free(got);
}

/* The delimiter detected in TEXT, or 0 on an error. */
static char
detected(const char *text)
{
	struct csv_table t;
	char *cause = NULL, d;

	if (csv_read_buffer("x.csv", text, strlen(text), NULL, &t,
	    &cause) != 0) {
		printf("# %s\n", cause);
		free(cause);
		return 0;
	}
	d = t.delimiter;
	csv_free(&t);
	return d;
}

static void
test_quoting(void)
{
	is_parse("a,b,c\n1,2,3\n", NULL, "[a][b][c] / [1][2][3]", "simple");
	is_parse("a,b\n\"x, y\",2\n", NULL, "[a][b] / [x, y][2]",
	    "delimiter inside quotes");
	is_parse("a,b\n1,\"ha \"\"ha\"\" ha\"\n", NULL,
	    "[a][b] / [1][ha \"ha\" ha]", "doubled quotes");
	is_parse("a,b\n\"\",\"\"\"\"\n", NULL, "[a][b] / [][\"]",
	    "empty quoted field and a lone escaped quote");
	is_parse("a,b\n1,\"two\nlines\"\n3,4\n", NULL,
	    "[a][b] / [1][two\nlines] / [3][4]", "LF inside quotes");
	is_parse("a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n", NULL,
	    "[a][b] / [1][two\r\nlines] / [3][4]",
	    "CRLF inside quotes is kept as CRLF");
	is_parse("a,b\n1,\"x\ry\"\n", NULL, "[a][b] / [1][x\ry]",
	    "CR inside quotes is kept");
	is_parse("a,b\nab\"c,d\"\n", NULL, "[a][b] / [ab\"c][d\"]",
	    "a quote inside an unquoted field is literal");
	is_parse("a,b\n\"abc\"x,2\n", NULL, "[a][b] / [abcx][2]",
	    "text after a closing quote is kept");
	is_parse("a,b\n\"a\"b\"c\",2\n", NULL, "[a][b] / [ab\"c\"][2]",
	    "quotes after a closing quote are literal");
	is_parse("a,b\n \"x\" ,2\n", NULL, "[a][b] / [ \"x\" ][2]",
	    "spaces are data; a quote after a space is literal");
	is_parse("a,b\n\"\"\"quoted\"\" start\",2\n", NULL,
	    "[a][b] / [\"quoted\" start][2]", "escaped quote at field start");
	is_parse("\"Monday \"\"sprint\"\" attendance\",b\n1,2\n", NULL,
	    "[Monday \"sprint\" attendance][b] / [1][2]",
	    "Tito-style quoted header");
	is_parse("a,b\n1,\n", NULL, "[a][b] / [1][]", "empty last field");
	is_parse("a,b\n,\n", NULL, "[a][b] / [][]",
	    "a line of only a delimiter is a record");
	is_parse("a;b;c\n;;\n1;2;3\n", NULL, "[a][b][c] / [][][] / [1][2][3]",
	    "a line of only delimiters in the middle is a record");
}

static void
test_lines(void)
{
	is_parse("a,b\r\n1,2\r\n", NULL, "[a][b] / [1][2]", "CRLF");
	is_parse("a,b\r1,2\r3,4\r", NULL, "[a][b] / [1][2] / [3][4]",
	    "CR line ends (old Mac Excel)");
	is_parse("a,b\n1,2\r\n3,4\r5,6", NULL,
	    "[a][b] / [1][2] / [3][4] / [5][6]", "mixed line ends");
	is_lines("a,b\n1,2\r\n3,4\r5,6", "1,2,3,4", "mixed line ends: lines");
	is_parse("a,b\n1,2", NULL, "[a][b] / [1][2]",
	    "last record without a line end");
	is_parse("a,b\n1,\"x\"", NULL, "[a][b] / [1][x]",
	    "last record ends in a closing quote");
	is_parse("a,b\n1,2\n\n", NULL, "[a][b] / [1][2]",
	    "a blank line at the end is ignored");
	is_parse("a,b\r\n1,2\r\n\r\n\r\n", NULL, "[a][b] / [1][2]",
	    "blank CRLF lines at the end are ignored");
	is_parse("a,b\n\n1,2\n\r\n\r3,4\n", NULL, "[a][b] / [1][2] / [3][4]",
	    "empty lines in the middle are skipped");
	is_lines("a,b\n\n1,2\n\r\n\r3,4\n", "1,3,6",
	    "lines count the skipped empty lines");
	is_lines("\n\na,b\n1,2\n", "3,4", "empty lines before the header");
	is_lines("a,b\n1,\"x\r\ny\nz\"\n3,4\n", "1,2,5",
	    "lines count the line ends inside quotes");
	is_parse("Name\n\"\"\nAnn\n", NULL, "[Name] / [] / [Ann]",
	    "a line of just \"\" is a record");
	is_parse("\xEF\xBB\xBFName,Email\nAnn,a@x\n", NULL,
	    "[Name][Email] / [Ann][a@x]", "UTF-8 BOM is removed");
	is_parse("\xEF\xBB\xBF\"Name\",Email\nAnn,a@x\n", NULL,
	    "[Name][Email] / [Ann][a@x]", "BOM before a quoted header");
}

static void
test_detect(void)
{
	is_int(detected("a,b\n1,2\n"), ',', "comma");
	is_int(detected("Name;Betrag;Ort\nAnna;12,50;K\xc3\xb6ln\n"
	    "Bernd;7,00;Berlin\n"), ';',
	    "semicolon with decimal commas (German Excel)");
	is_int(detected("Name;\"Preis, brutto\";Ort\nAnna;12,50;Bonn\n"
	    "Bernd;;Berlin\nCarla;3,10;Ulm\n"), ';',
	    "semicolon; a comma in the header and some decimal commas");
	is_int(detected("Name;Preis;Ort\n\"M\xc3\xbcller, Anna\";12,50;Bonn\n"
	    "\"Schmidt, Bernd\";7,25;Berlin\n"), ';',
	    "semicolon; every row has commas");
	is_int(detected("Name;Preis (EUR, brutto);Ort\nAnna;12,50;Bonn\n"
	    "Bernd;7,00;Ulm\n"), ';',
	    "both consistent: the delimiter giving more fields wins");
	is_int(detected("Name\tUser ID\tTitle\tEvent Host\tRSVP\n"
	    "Ann Lee\tuser 1\t\tNo\tYes\nBo, Jr.\tuser 2\tDev, Ops\tNo\tYes\n"),
	    '\t', "tab (Meetup)");
	is_int(detected("Timestamp,Email,\"Foods; pick any\"\n"
	    "2024-01-01,a@x,\"pizza; pasta\"\n2024-01-02,b@x,soup\n"), ',',
	    "comma; semicolons only inside quotes");
	is_int(detected("Name\nAnn\nBob\n"), ',', "one column: comma");
	is_int(detected("Name\nAnn; Bob\n"), ',',
	    "one column; a stray semicolon in a data row does not count");
	is_parse("Teilnehmer\nName;Email;Tags\nAnn;a@x;lua\n", NULL,
	    "error: x.csv:2: 3 fields, the header has 1: line 1 holds no ';' "
	    "(semicolon, the delimiter); if a title line comes before the "
	    "header, delete it, else set delimiter in [input]",
	    "a title line: the records' semicolons count, and it is named");
	is_parse("Teilnehmer\nName;Email;Tags\nAnn;a@x\n", NULL,
	    "[Teilnehmer] / [Name;Email;Tags] / [Ann;a@x]",
	    "but only when every record splits alike");
	is_int(detected("a;b\n\"1\n2\";3\n4;5\n"), ';',
	    "a quoted line end does not break detection");
	is_parse("a|b\n1|2\n", &(struct csv_options){ .delimiter = '|' },
	    "[a][b] / [1][2]", "a given delimiter is used");
	is_parse("a;b,c\n1;2,3\n", &(struct csv_options){ .delimiter = ',' },
	    "[a;b][c] / [1;2][3]", "a given delimiter beats detection");
	is_parse("a,b\n1,2\n", &(struct csv_options){ .delimiter = '"' },
	    "error: x.csv: '\"' cannot be the delimiter",
	    "a quote cannot be the delimiter");
	is_parse("a,b\n1,2\n", &(struct csv_options){ .delimiter = '\n' },
	    "error: x.csv: byte 0x0A cannot be the delimiter",
	    "a line end cannot be the delimiter");
}

static void
test_encoding(void)
{
	struct csv_table t;
	enum csv_encoding e;
	const char *s;
	char *cause = NULL;
	int rc;

	s = "Name\nM\xfcller \x80 \x96\n";
	rc = csv_read_buffer("x.csv", s, strlen(s), NULL, &t, &cause);
	is_int(rc, 0, "auto: invalid UTF-8 reads as Windows-1252");
	if (rc == 0) {
		is_str(csv_cell(&t, 1, 0), "M\xc3\xbcller \xe2\x82\xac "
		    "\xe2\x80\x93", "Windows-1252 to UTF-8 (u-umlaut, euro, "
		    "en dash)");
		is_int(t.encoding, CSV_ENCODING_WINDOWS_1252,
		    "auto reports Windows-1252");
		csv_free(&t);
	} else
		free(cause);
	s = "Name\nM\xc3\xbcller\n";
	rc = csv_read_buffer("x.csv", s, strlen(s), NULL, &t, &cause);
	is_int(rc == 0 ? (int)t.encoding : -1, CSV_ENCODING_UTF8,
	    "auto: valid UTF-8 stays UTF-8");
	if (rc == 0)
		csv_free(&t);
	else
		free(cause);

	is_parse("Name\n\xe2\x82\xac\n", &opt_cp1252, "[Name] / "
	    "[\xc3\xa2\xe2\x80\x9a\xc2\xac]",
	    "declared Windows-1252 is believed, even for UTF-8 bytes");
	is_parse("Name\nZ\x9fl \x8a\xff\n", &opt_cp1252,
	    "[Name] / [Z\xc5\xb8l \xc5\xa0\xc3\xbf]",
	    "Windows-1252 0x9F, 0x8A and 0xFF");
	/* Expected bytes from Python's cp1252 codec. */
	is_parse("Name\n\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c"
	    "\x8e\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9e\x9f\n",
	    &opt_cp1252, "[Name] / [\xe2\x82\xac\xe2\x80\x9a\xc6\x92\xe2\x80"
	    "\x9e\xe2\x80\xa6\xe2\x80\xa0\xe2\x80\xa1\xcb\x86\xe2\x80\xb0"
	    "\xc5\xa0\xe2\x80\xb9\xc5\x92\xc5\xbd\xe2\x80\x98\xe2\x80\x99"
	    "\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\xa2\xe2\x80\x93\xe2\x80\x94"
	    "\xcb\x9c\xe2\x84\xa2\xc5\xa1\xe2\x80\xba\xc5\x93\xc5\xbe"
	    "\xc5\xb8]", "all 27 Windows-1252 characters in 0x80-0x9F");
	is_parse("Name\n\x80\xe4\n", &opt_latin1, "[Name] / [\xc2\x80\xc3\xa4]",
	    "Latin-1 maps 0x80 to U+0080");
	is_parse("Name\n\x81\n", &opt_latin1, "[Name] / [\xc2\x81]",
	    "Latin-1 accepts 0x81");
	is_parse("\xEF\xBB\xBFName\n\xc3\xa4\n", &opt_utf8,
	    "[Name] / [\xc3\xa4]", "declared UTF-8 with a BOM");

	ok(csv_encoding_parse("auto", &e) == 0 && e == CSV_ENCODING_AUTO,
	    "parse auto");
	ok(csv_encoding_parse("UTF-8", &e) == 0 && e == CSV_ENCODING_UTF8,
	    "parse UTF-8");
	ok(csv_encoding_parse("utf8", &e) == 0 && e == CSV_ENCODING_UTF8,
	    "parse utf8");
	ok(csv_encoding_parse("Windows-1252", &e) == 0 &&
	    e == CSV_ENCODING_WINDOWS_1252, "parse Windows-1252");
	ok(csv_encoding_parse("CP1252", &e) == 0 &&
	    e == CSV_ENCODING_WINDOWS_1252, "parse CP1252");
	ok(csv_encoding_parse("latin1", &e) == 0 && e == CSV_ENCODING_LATIN1,
	    "parse latin1");
	ok(csv_encoding_parse("Latin-1", &e) == 0 && e == CSV_ENCODING_LATIN1,
	    "parse Latin-1");
	ok(csv_encoding_parse("ISO-8859-1", &e) == 0 &&
	    e == CSV_ENCODING_LATIN1, "parse ISO-8859-1");
	e = CSV_ENCODING_UTF8;
	ok(csv_encoding_parse("utf-16", &e) == -1 && e == CSV_ENCODING_UTF8,
	    "utf-16 is refused and *out untouched");
	ok(csv_encoding_parse("", &e) == -1, "empty name is refused");
	is_str(csv_encoding_name(CSV_ENCODING_WINDOWS_1252), "windows-1252",
	    "name of Windows-1252");
	is_str(csv_encoding_name(CSV_ENCODING_LATIN1), "latin1",
	    "name of Latin-1");
	is_str(csv_encoding_name(CSV_ENCODING_UTF8), "utf-8", "name of UTF-8");
	is_str(csv_encoding_name(CSV_ENCODING_AUTO), "auto", "name of auto");
}

static void
test_utf8_check(void)
{
	is_int(csv_encoding_utf8_check("abc", 3), 3, "ASCII");
	is_int(csv_encoding_utf8_check(
	    "a\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80", 10), 10,
	    "2, 3 and 4 byte sequences");
	is_int(csv_encoding_utf8_check("a\xc0\x80", 3), 1, "overlong NUL");
	is_int(csv_encoding_utf8_check("a\xe0\x80\xaf", 4), 1,
	    "overlong 3 bytes");
	is_int(csv_encoding_utf8_check("ab\xed\xa0\x80", 5), 2, "surrogate");
	is_int(csv_encoding_utf8_check("\xf4\x90\x80\x80", 4), 0,
	    "beyond U+10FFFF");
	is_int(csv_encoding_utf8_check("ab\xc3", 3), 2, "truncated at the end");
	is_int(csv_encoding_utf8_check("\xc3(", 2), 0, "bad continuation byte");
	is_int(csv_encoding_utf8_check("\x80", 1), 0, "lone continuation byte");
	is_int(csv_encoding_utf8_check("\xf5\x80\x80\x80", 4), 0, "0xF5 lead");
}

static void
test_errors(void)
{
	struct csv_table t;
	char *cause = NULL, *s;
	size_t i;
	int rc;
	static const unsigned char undefined[] = {
		0x81, 0x8D, 0x8F, 0x90, 0x9D
	};

	rc = csv_read_file("/nonexistent/attendees.csv", NULL, &t, &cause);
	ok(rc != 0 && t.cells == NULL, "missing file fails, table zeroed");
	like(cause, "/nonexistent/attendees.csv: cannot open: ",
	    "missing file: message names the file");
	free(cause);
	cause = NULL;

	is_parse("", NULL, "error: x.csv: the file is empty", "empty file");
	is_parse("\n\r\n\n", NULL, "error: x.csv: the file is empty",
	    "only blank lines");
	is_parse("\xEF\xBB\xBF", NULL, "error: x.csv: the file is empty",
	    "only a BOM");
	is_parse("Name,Email\n", NULL,
	    "error: x.csv:1: has a header but no attendee rows",
	    "header only");
	is_parse("\n\nName,Email\r\n\r\n", NULL,
	    "error: x.csv:3: has a header but no attendee rows",
	    "header only, after blank lines: names its line");
	/* A run's output read back (--keep): a header alone is no rows. */
	is_parse("a_id;a_name;b_id\r\n", &opt_header_only,
	    "[a_id][a_name][b_id]",
	    "header only, header_only_ok: a table of no rows");
	is_parse("", &opt_header_only, "error: x.csv: the file is empty",
	    "header_only_ok: an empty file is still an error");

	is_parse_n("a,b\n1,2\n3,x\0y\n", 14, NULL,
	    "error: x.csv:3:4: NUL byte; this does not look like a text file",
	    "NUL byte: line and column");
	is_parse_n("\xff\xfeN\0a\0m\0e\0\n\0", 12, NULL,
	    "error: x.csv:1: the file is UTF-16, which mingle does not read; "
	    "save it as \"CSV UTF-8\"", "UTF-16 with BOM");
	is_parse_n("N\0a\0m\0e\0\n\0", 10, NULL,
	    "error: x.csv:1: the file is UTF-16, which mingle does not read; "
	    "save it as \"CSV UTF-8\"", "UTF-16 without BOM");
	is_parse_n("\0N\0a\0m\0e\0\n", 10, NULL,
	    "error: x.csv:1: the file is UTF-16, which mingle does not read; "
	    "save it as \"CSV UTF-8\"", "UTF-16 big-endian without BOM");
	is_parse_n("\0\0\0\0", 4, NULL,
	    "error: x.csv:1:1: NUL byte; this does not look like a text file",
	    "NUL bytes from the start are no UTF-16");

	is_parse("Name,City\nAnn,K\xc3\xb6ln\r\nBob,M\xfcnchen\n", &opt_utf8,
	    "error: x.csv:3:6: invalid UTF-8 (byte 0xFC); if the file was "
	    "saved as Windows-1252 or Latin-1, set encoding = windows-1252 or latin1 in [input]",
	    "invalid UTF-8 in declared UTF-8: line and byte column");
	is_parse("Name\rAnn\r\nBo\rM\xfcller\n", &opt_utf8,
	    "error: x.csv:4:2: invalid UTF-8 (byte 0xFC); if the file was "
	    "saved as Windows-1252 or Latin-1, set encoding = windows-1252 or latin1 in [input]",
	    "invalid UTF-8: lines counted across CR and CRLF");
	is_parse("\xEF\xBB\xBFName\nM\xfcller\n", NULL,
	    "error: x.csv:2:2: invalid UTF-8 (byte 0xFC); if the file was "
	    "saved as Windows-1252 or Latin-1, set encoding = windows-1252 or latin1 in [input]",
	    "a BOM declares UTF-8: no fallback to Windows-1252");
	is_parse("\xEF\xBB\xBFName\nAnn\n", &opt_cp1252,
	    "error: x.csv:1: the file starts with a UTF-8 byte order mark, "
	    "but the encoding is set to windows-1252; use utf-8 or auto",
	    "BOM in a file declared Windows-1252");
	is_parse("\xEF\xBB\xBFName\nAnn\n", &opt_latin1,
	    "error: x.csv:1: the file starts with a UTF-8 byte order mark, "
	    "but the encoding is set to latin1; use utf-8 or auto",
	    "BOM in a file declared Latin-1");
	for (i = 0; i < sizeof undefined; i++) {
		char text[32], want[160];

		snprintf(text, sizeof text, "Name\nAnn\n\"a\nb%c\"\n",
		    undefined[i]);
		snprintf(want, sizeof want, "error: x.csv:4:2: byte 0x%02X is "
		    "not a character in Windows-1252; if the file is Latin-1, "
		    "set encoding = latin1 in [input]", undefined[i]);
		s = parse(text, &opt_cp1252);
		is_str(s, want, "undefined Windows-1252 byte");
		free(s);
	}
	is_parse("Name\n\xe4\x81\n", NULL,
	    "error: x.csv:2:2: the file is neither UTF-8 nor Windows-1252 "
	    "(byte 0x81); if it is Latin-1, set encoding = latin1 in [input]",
	    "auto: neither UTF-8 nor Windows-1252");

	is_parse("a,b\n1,2\n3,\"abc\n4,5\n6,7\n", NULL,
	    "error: x.csv:3:3: a quoted field starts here but is never closed",
	    "unterminated quote names the line it began on");
	is_parse("a,b\n\xc3\xa4\xc3\xb6,\"x\n", NULL,
	    "error: x.csv:2:4: a quoted field starts here but is never closed",
	    "unterminated quote: column counts characters");
	is_parse("a,b\n1,\"x\"\"\n", NULL,
	    "error: x.csv:2:3: a quoted field starts here but is never closed",
	    "unterminated quote ending in an escaped quote");
	is_parse("Name\n\"", NULL,
	    "error: x.csv:2:1: a quoted field starts here but is never closed",
	    "a lone quote at the end of the file");

	is_parse("a,b,c,d,e,f\n1,2,3,4,5,6\n1,2,3,4,5,6\n1,2,3,4,5,6\n"
	    "1,2,3,4,5,6\n1,2,3,4,5,6\n1,2,3,4,5\n", NULL,
	    "error: x.csv:7: 5 fields, the header has 6",
	    "too few fields: line 7");
	is_parse("a,b\n1,2\nSmith, John,3\n", NULL,
	    "error: x.csv:3: 3 fields, the header has 2; is a delimiter "
	    "inside a field missing its quotes?", "too many fields");
	is_parse("a,b\n1,\"x\ny\"\nlone\n", NULL,
	    "error: x.csv:4: (spreadsheet row 3) 1 field, the header has 2",
	    "wrong count after a multi-line record: its own line, and the "
	    "record a spreadsheet shows");
	is_parse("a,b\n1,\"x\ny\",3\n", NULL,
	    "error: x.csv:2: 3 fields, the header has 2; is a delimiter "
	    "inside a field missing its quotes?",
	    "wrong count in a multi-line record: the line it began on");
	is_parse("a,b\n\"He said \"hi, there\"\",x\n", NULL,
	    "error: x.csv:2: 3 fields, the header has 2; is a delimiter "
	    "inside a field missing its quotes?",
	    "a badly quoted field hiding a delimiter surfaces as a count");

	rc = csv_read_buffer("x.csv", "a,b\n1\n", 6, NULL, &t, &cause);
	ok(rc != 0 && t.cells == NULL && t.storage == NULL && t.name == NULL,
	    "a failed read leaves the table zeroed");
	free(cause);
}

/* Every record with the wrong number of fields, in one message. */
static void
test_row_problems(void)
{
	struct strbuf sb = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	char *got;
	size_t i;

	is_parse("a,b,c\n1,2\n1,2,3\n\"x\ny\",2,3,4\n1,2,3\n1\n", NULL,
	    "error: x.csv:2: 2 fields, the header has 3\n"
	    "x.csv:4: 4 fields, the header has 3; is a delimiter inside a "
	    "field missing its quotes?\n"
	    "x.csv:7: (spreadsheet row 6) 1 field, the header has 3",
	    "three bad records, one message, a line each");

	strbuf_puts(&sb, "a,b\n");
	for (i = 0; i < 25; i++)
		strbuf_puts(&sb, "1,2,3\n");
	strbuf_puts(&want, "error: ");
	for (i = 0; i < 20; i++)
		strbuf_printf(&want, "x.csv:%zu: 3 fields, the header has 2; is "
		    "a delimiter inside a field missing its quotes?\n", i + 2);
	strbuf_puts(&want, "and 5 more records with the wrong number of "
	    "fields");
	is_parse(sb.buf, NULL, want.buf, "twenty shown, then a count");
	strbuf_free(&sb);
	strbuf_free(&want);

	is_parse("\n\nName,Email\n\nAnn,a@x,x\n", NULL,
	    "error: x.csv:5: 3 fields, the header has 2; is a "
	    "delimiter inside a field missing its quotes?",
	    "blank lines are rows in a spreadsheet too");
	is_parse("a,b\r\n\"x\r\ny\",1\r\n\"p\rq\",2\r\n\r\n3\r\n", NULL,
	    "error: x.csv:7: (spreadsheet row 5) 1 field, the header has 2",
	    "CRLF and CR inside quotes are one break each");

	/* A header of one field: the delimiter, or a title line. */
	is_parse("Teilnehmerliste Barcamp\nName,Email\nAnn,a@x\n", NULL,
	    "error: x.csv:2: 2 fields, the header has 1: line 1 holds no ',' "
	    "(comma, the delimiter); if a title line comes before the header, "
	    "delete it, else set delimiter in [input]",
	    "a title above the header: one message, not one per row");
	is_parse("Name|Email\nAnn;a@x\n", &(struct csv_options){
	    .delimiter = ';' },
	    "error: x.csv:2: 2 fields, the header has 1: line 1 holds no ';' "
	    "(semicolon, the delimiter); if a title line comes before the "
	    "header, delete it, else set delimiter in [input]",
	    "a header of one field names the delimiter");
	got = parse("Name\nAnn\n", NULL);
	is_str(got, "[Name] / [Ann]", "one column throughout is fine");
	free(got);
	{
		struct csv_table t;
		char *cause = NULL;
		static const char text[] = "Email;Name\na@x;Ann\n";

		if (csv_read_buffer("x.csv", text, sizeof text - 1,
		    &(struct csv_options){ .delimiter = ',' }, &t, &cause)) {
			printf("# %s\n", cause);
			exit(99);
		}
		is_int(csv_column(&t, "Name", &cause), -1,
		    "delimiter = comma on a semicolon file: no column Name");
		is_str(cause, "no column \"Name\" in x.csv; columns: "
		    "Email;Name; the header is one column, split at ';' it "
		    "would be more: is the delimiter right? (delimiter in "
		    "[input])", "and the header of one field points at the "
		    "delimiter");
		free(cause);
		csv_free(&t);
	}
}

static void
test_columns(void)
{
	static const char text[] = "Name,Email,Company,City ,Company,"
	    "Company,Note@2,email2\nA,a@x,C1,K,C2,C3,N,e\n";
	struct csv_table t;
	char *cause = NULL, *s;

	if (csv_read_buffer("attendees.csv", text, strlen(text), NULL, &t,
	    &cause) != 0) {
		ok(0, "column table parses");
		printf("# %s\n", cause);
		free(cause);
		return;
	}
	is_int(csv_column(&t, "Email", &cause), 1, "exact");
	is_int(csv_column(&t, "Company", &cause), 2, "first of repeated");
	is_int(csv_column(&t, "Company@1", &cause), 2, "@1 is the first");
	is_int(csv_column(&t, "Company@2", &cause), 4, "@2");
	is_int(csv_column(&t, "Company@3", &cause), 5, "@3");
	is_int(csv_column(&t, "company@2", &cause), 4, "@2, other case");
	is_int(csv_column(&t, "  email ", &cause), 1,
	    "trimmed and case-insensitive");
	is_int(csv_column(&t, "city", &cause), 3,
	    "header with a trailing space, found loosely");
	is_int(csv_column(&t, "Note@2", &cause), 6,
	    "a header containing @ is found as written");

	is_int(csv_column(&t, "Emial", &cause), -1, "typo");
	is_str(cause, "no column \"Emial\" in attendees.csv; did you mean "
	    "\"Email\"? Columns: Name, Email, Company, City , Company@2, "
	    "Company@3, Note@2, email2", "typo: suggestion and columns");
	free(cause);
	cause = NULL;
	is_int(csv_column(&t, "Hobbies", &cause), -1, "nothing close");
	is_str(cause, "no column \"Hobbies\" in attendees.csv; columns: Name, "
	    "Email, Company, City , Company@2, Company@3, Note@2, email2",
	    "nothing close: columns only");
	free(cause);
	cause = NULL;
	is_int(csv_column(&t, "Company@4", &cause), -1, "@4 of 3");
	is_str(cause, "only 3 columns in attendees.csv are called "
	    "\"Company\"; there is no \"Company@4\"", "@4 of 3: message");
	free(cause);
	cause = NULL;
	is_int(csv_column(&t, "Email@2", &cause), -1, "@2 of 1");
	is_str(cause, "only 1 column in attendees.csv is called \"Email\"; "
	    "there is no \"Email@2\"", "@2 of 1: message");
	free(cause);
	cause = NULL;
	is_int(csv_column(&t, "Company@0", &cause), -1, "@0 is no column");
	like(cause, "no column \"Company@0\" in attendees.csv; did you mean "
	    "\"Company", "@0: message");
	free(cause);
	cause = NULL;

	s = csv_column_spec(&t, 5);
	is_str(s, "Company@3", "spec of the third Company");
	free(s);
	s = csv_column_spec(&t, 2);
	is_str(s, "Company", "spec of the first Company");
	free(s);
	csv_free(&t);

	if (csv_read_buffer("a.csv", "email,Email,x\n1,2,3\n", 20, NULL, &t,
	    &cause) != 0) {
		ok(0, "ambiguous table parses");
		free(cause);
		return;
	}
	is_int(csv_column(&t, "Email", &cause), 1, "exact beats loose");
	is_int(csv_column(&t, "EMAIL", &cause), -1, "two spellings");
	is_str(cause, "column \"EMAIL\" in a.csv is ambiguous: \"email\" or "
	    "\"Email\"?", "two spellings: message");
	free(cause);
	cause = NULL;
	s = t.name;
	t.name = NULL;		/* a table built by hand has no name */
	is_int(csv_column(&t, "y", &cause), -1, "unnamed table");
	like(cause, "no column \"y\" in the input", "unnamed table: message");
	free(cause);
	t.name = s;
	csv_free(&t);
}

/* Every column's name finds that column; 1 if all do. */
static int
names_find_their_columns(const struct csv_table *t)
{
	char *cause = NULL, *name;
	size_t col;
	int all = 1;

	for (col = 0; col < t->ncols; col++) {
		name = csv_column_spec(t, col);
		if (csv_column(t, name, &cause) != (long)col) {
			printf("# column %zu, named %s, not found: %s\n", col,
			    name, cause ? cause : "another column");
			all = 0;
		}
		free(cause);
		cause = NULL;
		free(name);
	}
	return all;
}

/* The names of all columns as "a|b|c"; a new string. */
static char *
render_names(const struct csv_table *t)
{
	struct strbuf sb = { NULL, 0, 0 };
	size_t col;
	char *name;

	for (col = 0; col < t->ncols; col++) {
		name = csv_column_spec(t, col);
		strbuf_printf(&sb, "%s%s", col > 0 ? "|" : "", name);
		free(name);
	}
	return strbuf_detach(&sb);
}

/* A header that looks like a generated name is stepped over. */
static void
test_column_collisions(void)
{
	struct csv_table t;
	const char *text;
	char *cause = NULL, *s;

	text = "Company,Company,Company@2\n1,2,3\n";
	if (csv_read_buffer("c.csv", text, strlen(text), NULL, &t,
	    &cause) != 0) {
		ok(0, "collision table parses");
		free(cause);
		return;
	}
	s = render_names(&t);
	is_str(s, "Company|Company@3|Company@2", "the second Company steps "
	    "over the header Company@2");
	free(s);
	is_int(csv_column(&t, "Company@3", &cause), 1, "the second Company "
	    "is found");
	is_int(csv_column(&t, "Company@2", &cause), 2, "the header Company@2 "
	    "is itself");
	is_int(csv_column(&t, "company@3", &cause), 1, "loosely too");
	is_int(csv_column(&t, "Company@1", &cause), 0, "@1 is the first");
	is_int(csv_column(&t, "Company@4", &cause), -1, "no fourth");
	is_str(cause, "only 2 columns in c.csv are called \"Company\"; there "
	    "is no \"Company@4\"", "no fourth: message");
	free(cause);
	cause = NULL;
	csv_free(&t);

	text = "A,A,A@2,A@3,A,A@2,a@4\n1,2,3,4,5,6,7\n";
	if (csv_read_buffer("c.csv", text, strlen(text), NULL, &t,
	    &cause) != 0) {
		ok(0, "tangled table parses");
		free(cause);
		return;
	}
	s = render_names(&t);
	is_str(s, "A|A@4|A@2|A@3|A@5|A@2@2|a@4", "tangled headers get "
	    "distinct names");
	free(s);
	ok(names_find_their_columns(&t), "and each name finds its column");
	is_int(csv_column(&t, "A@4", &cause), 1, "exact A@4 beats a@4");
	is_int(csv_column(&t, "a@5", &cause), 4, "a@5 loosely");
	is_int(csv_column(&t, "a@4 ", &cause), -1, "a@4 loosely is two");
	is_str(cause, "column \"a@4 \" in c.csv is ambiguous: \"A@4\" or "
	    "\"a@4\"?", "two loose matches: message");
	free(cause);
	cause = NULL;
	csv_free(&t);
}

/*
 * 40000 columns, half of them one repeated header: naming them and
 * finding each by name takes well under a second (it took minutes when
 * each name counted the headers before it).  CPU time, so a busy machine
 * does not matter.
 */
static void
test_many_columns(void)
{
	struct csv_options opt = { .max_columns = 40000 };
	struct strbuf sb = { NULL, 0, 0 };
	struct csv_table t;
	char *cause = NULL, *s;
	size_t i, n = 40000;
	clock_t start;
	double secs;

	for (i = 0; i < n; i++)
		strbuf_printf(&sb, i % 2 ? "%sCompany" : "%sc%zu",
		    i > 0 ? "," : "", i);
	strbuf_putc(&sb, '\n');
	for (i = 1; i < n; i++)
		strbuf_putc(&sb, ',');
	strbuf_putc(&sb, '\n');
	start = clock();
	if (csv_read_buffer("wide.csv", sb.buf, sb.len, &opt, &t,
	    &cause) != 0) {
		ok(0, "a 40000-column table parses");
		printf("# %s\n", cause);
		free(cause);
		strbuf_free(&sb);
		return;
	}
	ok(names_find_their_columns(&t), "each of 40000 names finds its "
	    "column");
	s = csv_column_spec(&t, n - 1);
	is_str(s, "Company@20000", "the last Company");
	free(s);
	secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	printf("# read, named and looked up in %.3f s\n", secs);
	ok(secs < 2.0, "in less than 2 s of CPU");
	csv_free(&t);
	strbuf_free(&sb);
}

static void
test_storage(void)
{
	static const char text[] = "a;b\r\n\"1\"\"\";\"\"\n;\n\"x\ny\";z";
	struct csv_table t;
	char *cause = NULL, *end;
	size_t i;
	int inside = 1;

	if (csv_read_buffer("x.csv", text, strlen(text), NULL, &t,
	    &cause) != 0) {
		ok(0, "storage table parses");
		free(cause);
		return;
	}
	end = t.storage + strlen(text) + 1;
	for (i = 0; i < (t.nrows + 1) * t.ncols; i++) {
		if (t.cells[i] < t.storage ||
		    t.cells[i] + strlen(t.cells[i]) >= end)
			inside = 0;
	}
	ok(inside, "every cell lies in the one storage block");
	is_int(t.delimiter, ';', "delimiter reported");
	is_int(t.nrows, 3, "three rows");
	is_str(csv_cell(&t, 3, 1), "z", "last cell without a line end");
	is_str(t.name, "x.csv", "table keeps its name");
	csv_free(&t);
}

/* A temporary file holding LEN bytes at DATA; its new path. */
static char *
temp_file(const char *data, size_t len)
{
	char *path = xstrdup("/tmp/test_csv.XXXXXX");
	FILE *f;
	int fd;

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

/* Read PATH with OPT: "ok" or the message, with PATH as "F"; new. */
static char *
read_path(const char *path, const struct csv_options *opt)
{
	struct csv_table t;
	char *cause = NULL, *s, *at;

	if (csv_read_file(path, opt, &t, &cause) == 0) {
		csv_free(&t);
		return xstrdup("ok");
	}
	if (strncmp(cause, path, strlen(path)) == 0) {
		at = cause + strlen(path);
		s = xasprintf("F%s", at);
		free(cause);
		return s;
	}
	return cause;
}

static void
test_limits(void)
{
	struct csv_options opt = { .encoding = CSV_ENCODING_AUTO };
	struct strbuf sb = { NULL, 0, 0 };
	char *s, *path;
	size_t i;

	opt.max_field_size = 4;
	is_parse("a,b\n1,1234\n", &opt, "[a][b] / [1][1234]",
	    "a field of the limit is fine");
	is_parse("a,b\n1,\"12\"\"4\"\n", &opt, "[a][b] / [1][12\"4]",
	    "the limit counts the text, quotes removed");
	is_parse("a,b\n1,\xc3\xa4\xc3\xa4x\n", &opt, "error: x.csv:2:3: a "
	    "field longer than 4 bytes; raise max_field_size in [input] if "
	    "the export really has fields this long",
	    "a field over it: line, column, limit, key");
	is_parse("a,b\n\"x\ny\",\"1\n2345\"\n", &opt, "error: x.csv:3:4: a "
	    "field longer than 4 bytes; raise max_field_size in [input] if "
	    "the export really has fields this long",
	    "a quoted field over it is placed where it starts");
	opt.max_field_size = 0;

	opt.max_record_size = 8;
	is_parse("a,b\n1234,567\n", &opt, "[a][b] / [1234][567]",
	    "a record of the limit is fine (line end not counted)");
	is_parse("a,b\n1234,5678\nx,y\n", &opt, "error: x.csv:2: a record "
	    "longer than 8 bytes; raise max_record_size in [input] if the "
	    "export really has records this long", "a record over it");
	is_parse("a,b\n\"1\n2\",\"3\n4\n5\"\n", &opt, "error: x.csv:2: a "
	    "record longer than 8 bytes; raise max_record_size in [input] if "
	    "the export really has records this long",
	    "a record of several lines: the line where it starts");
	opt.max_record_size = 0;

	opt.max_columns = 3;
	is_parse("a,b,c\n1,2,3\n", &opt, "[a][b][c] / [1][2][3]",
	    "as many columns as the limit");
	is_parse("a,b,c,d\n1,2,3,4\n", &opt, "error: x.csv:1: more than 3 "
	    "columns; raise max_columns in [input] if the export really has "
	    "this many", "one column more");
	is_parse("\n\na;b;c;d\n1;2;3;4\n", &opt, "error: x.csv:3: more than 3 "
	    "columns; raise max_columns in [input] if the export really has "
	    "this many", "also when detected, on the header's line");
	opt.max_columns = 0;

	/* The defaults: 128K fields, 10000 columns. */
	strbuf_puts(&sb, "a\n");
	for (i = 0; i < 131072; i++)
		strbuf_putc(&sb, 'x');
	s = parse(sb.buf, NULL);
	ok(strncmp(s, "[a] / [xxx", 10) == 0, "a field of 128K by default");
	free(s);
	strbuf_puts(&sb, "x\n");
	is_parse(sb.buf, NULL, "error: x.csv:2:1: a field longer than 128K; "
	    "raise max_field_size in [input] if the export really has fields "
	    "this long", "and not one byte more");
	strbuf_free(&sb);
	for (i = 0; i < 10001; i++)
		strbuf_puts(&sb, i > 0 ? ",c" : "c");
	strbuf_puts(&sb, "\n1\n");
	is_parse(sb.buf, NULL, "error: x.csv:1: more than 10000 columns; "
	    "raise max_columns in [input] if the export really has this many",
	    "10001 columns by default");
	strbuf_free(&sb);

	/* Reading a file: its size, and lines checked as they arrive. */
	path = temp_file("a,b\n1,2\n", 8);
	opt.max_file_size = 8;
	s = read_path(path, &opt);
	is_str(s, "ok", "a file of the limit reads");
	free(s);
	opt.max_file_size = 7;
	s = read_path(path, &opt);
	is_str(s, "F: the file is larger than 7 bytes; raise max_file_size in "
	    "[input] if it really is an export this big", "one byte less");
	free(s);
	opt.max_file_size = 0;
	unlink(path);
	free(path);

	s = "\xEF\xBB\xBF" "abcdefgh\r\nc\rd\n\r\n1234567890\n";
	path = temp_file(s, strlen(s));
	opt.max_record_size = 9;
	s = read_path(path, &opt);
	is_str(s, "F:5: a line longer than 9 bytes; raise max_record_size in "
	    "[input] if the export really has records this long",
	    "a long line stops the read, on its line (LF, CR, CRLF)");
	free(s);
	opt.max_record_size = 10;
	s = read_path(path, &opt);
	is_str(s, "ok", "the BOM does not count");
	free(s);
	opt.max_record_size = 0;
	unlink(path);
	free(path);
}

/* /dev/zero and the like stop at their first block, quickly. */
static void
test_devices(void)
{
	clock_t start = clock();
	char *s;

	s = read_path("/dev/zero", NULL);
	is_str(s, "F:1:1: NUL byte; this does not look like a text file",
	    "/dev/zero: NUL bytes at once");
	free(s);
	s = read_path("/dev/urandom", NULL);
	ok(strstr(s, "F:1: the file is UTF-16") == s ||
	    strstr(s, ": NUL byte; this does not look like a text file") !=
	    NULL, "/dev/urandom: a NUL byte in the first block");
	if (strstr(s, "NUL byte") == NULL && strstr(s, "UTF-16") == NULL)
		printf("# %s\n", s);
	free(s);
	ok((double)(clock() - start) / CLOCKS_PER_SEC < 1.0, "both in less "
	    "than a second");
}

static void
test_file_and_scale(void)
{
	char path[] = "/tmp/test_csv.XXXXXX", *cause = NULL;
	struct strbuf sb = { NULL, 0, 0 };
	struct csv_table t;
	size_t i, n = 100000;
	clock_t start;
	FILE *f;
	int fd, rc;

	strbuf_puts(&sb, "Order #;First Name;Last Name;Email;Company;"
	    "Interests;Price\r\n");
	for (i = 0; i < n; i++) {
		strbuf_printf(&sb, "%zu;Vorname%zu;Nachname;p%zu@example.org;"
		    "\"Firma \"\"%zu\"\"; GmbH\";\"#lua #c\n#datenschutz\";"
		    "%zu,50\r\n", i, i, i, i % 97, i % 40);
	}
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		ok(0, "temporary file");
		strbuf_free(&sb);
		return;
	}
	fwrite(sb.buf, 1, sb.len, f);
	fclose(f);
	strbuf_free(&sb);

	start = clock();
	rc = csv_read_file(path, NULL, &t, &cause);
	printf("# %zu rows read in %.3f s\n", n,
	    (double)(clock() - start) / CLOCKS_PER_SEC);
	unlink(path);
	is_int(rc, 0, "a 100000-row file reads");
	if (rc != 0) {
		printf("# %s\n", cause);
		free(cause);
		return;
	}
	is_int(t.nrows, n, "all rows");
	is_int(t.delimiter, ';', "semicolon detected");
	is_int(t.lines[n], 2 * n, "line of the last row (quoted newlines)");
	is_str(csv_cell(&t, n, 4), "Firma \"89\"; GmbH", "a late cell");
	is_str(csv_cell(&t, n, 5), "#lua #c\n#datenschutz",
	    "a late multi-line cell");
	csv_free(&t);
}

int
main(void)
{
	test_quoting();
	test_lines();
	test_detect();
	test_encoding();
	test_utf8_check();
	test_errors();
	test_row_problems();
	test_columns();
	test_column_collisions();
	test_many_columns();
	test_storage();
	test_limits();
	test_devices();
	test_file_and_scale();
	return tap_done();
}
