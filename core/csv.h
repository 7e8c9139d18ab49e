/*
 * csv.h -- read a registration export into a table of UTF-8 cells.
 *
 * The reader takes real exports as they come: RFC 4180 quoting with quoted
 * newlines and "" escapes, LF / CRLF / CR line ends (mixed too), a UTF-8
 * byte order mark, `,` `;` or tab delimiters (detected unless given) and
 * UTF-8, Windows-1252 or Latin-1 text (detected unless given; the table is
 * always UTF-8).
 *
 * It never drops a row silently: a malformed file is an error naming the
 * file, the line and what is wrong.
 *
 * Dialect, precisely:
 * - A field is quoted only if its first character is `"`; inside, `""` is
 *   one quote and line ends are kept as they are (CRLF stays CRLF).
 * - A quote inside an unquoted field (`ab"c`) is an ordinary character.
 * - Text after a closing quote is kept, quotes and all: `"abc"x` is `abcx`,
 *   `"a"b"c"` is `ab"c"`.  Spreadsheets and Python's csv module read it the
 *   same way; a misplaced quote that hides a delimiter still surfaces as a
 *   record with the wrong number of fields.
 * - Spaces are data: ` "x"` is the five characters as written.
 * - A line with no characters at all is skipped wherever it is (so a blank
 *   line at the end does no harm); a line of only delimiters is a record of
 *   empty fields, and so is a line holding just `""`.
 * - Every record must have as many fields as the header.
 * - Delimiter detection tries `,` `;` and tab on the first 50 records
 *   (64 KiB), counting only delimiters outside quotes, and keeps the one
 *   that splits the header into two or more fields and the most records
 *   into as many fields as the header (then: more fields, then `,` before
 *   `;` before tab).  If none splits the header but one splits every
 *   sampled record alike into three or more fields, it is that one (a
 *   title line above the header, which the parse then names).  A file
 *   with one column reads as `,`.  max_columns
 *   does not count here, so a header over it is reported as such.
 *
 * Places in messages are "FILE:LINE: " or "FILE:LINE:COLUMN: ".  Lines are
 * physical lines from 1 (LF, CRLF and a lone CR each end one, including
 * inside quoted fields).  Columns count characters from 1, except for
 * bytes that are not valid in the encoding, where they count bytes.
 */
#ifndef MINGLE_CSV_H
#define MINGLE_CSV_H

#include <stddef.h>

enum csv_encoding {
	CSV_ENCODING_AUTO = 0,	/* UTF-8 if valid, else Windows-1252 */
	CSV_ENCODING_UTF8,
	CSV_ENCODING_WINDOWS_1252,
	CSV_ENCODING_LATIN1
};

/*
 * Limits on what is read, so that a wrong file (a device, a binary, a
 * runaway export) fails early with a message instead of eating memory.
 * Generous for real exports: Eventbrite's long free-text answers (a field
 * holds a full spreadsheet cell, 32767 UTF-16 units, at most 98301 bytes
 * of UTF-8), pretix's hundreds of columns.  Sizes count bytes of UTF-8
 * text (the file's own bytes for the file).  0 in csv_options means the
 * default.
 */
#define CSV_MAX_FILE_SIZE	((size_t)1 << 30)	/* 1G */
#define CSV_MAX_RECORD_SIZE	((size_t)1 << 20)	/* 1M, line ends not counted */
#define CSV_MAX_FIELD_SIZE	((size_t)128 << 10)	/* 128K, quotes removed */
#define CSV_MAX_COLUMNS		((size_t)10000)

struct csv_options {
	char delimiter;		/* ',' ';' '\t' (any ASCII but '"' CR LF), 0 = detect */
	enum csv_encoding encoding;
	size_t max_file_size;	/* [input] max_file_size */
	size_t max_record_size;	/* [input] max_record_size */
	size_t max_field_size;	/* [input] max_field_size */
	size_t max_columns;	/* [input] max_columns */
	int header_only_ok;	/* a header alone is a table of no rows,
				   not an error (a run's output, read back) */
};

struct csv_columns;

struct csv_table {
	char delimiter;		/* the delimiter used */
	enum csv_encoding encoding;	/* the encoding found or given */
	size_t ncols;		/* fields per record (from the header) */
	size_t nrows;		/* data records, header not counted */
	char **cells;		/* (nrows + 1) * ncols; row 0 is the header */
	size_t *lines;		/* nrows + 1: line on which each record starts */
	size_t *rows;		/* nrows + 1: the row a spreadsheet shows it
				   on (blank lines count, quoted line breaks
				   do not) */
	char *storage;		/* owns the cell text */
	char *name;		/* the file name given, for messages */
	struct csv_columns *columns;	/* column names (csv_column.c) */
};

/*
 * Read PATH.  OPT may be NULL (detect both).  Returns 0 and fills *T, to be
 * released with csv_free(), or nonzero with *T zeroed and *cause set.
 * Errors, as written (LINE and COLUMN are numbers):
 *   PATH: cannot open: <strerror>
 *   PATH: the file is empty                      (also: only blank lines)
 *   PATH:LINE: has a header but no attendee rows  (not with header_only_ok)
 *   PATH:LINE:COLUMN: NUL byte; this does not look like a text file
 *   PATH:1: the file is UTF-16, which mingle does not read; save it as ...
 *   PATH:LINE:COLUMN: invalid UTF-8 (byte 0xE4); if the file was saved as
 *       Windows-1252 or Latin-1, set that encoding       (declared utf-8)
 *   PATH:LINE:COLUMN: byte 0x81 is not a character in Windows-1252; ...
 *   PATH:LINE:COLUMN: the file is neither UTF-8 nor Windows-1252 ... (auto)
 *   PATH:1: the file starts with a UTF-8 byte order mark, but the encoding
 *       is set to windows-1252; use utf-8 or auto
 *   PATH:LINE:COLUMN: a quoted field starts here but is never closed
 *       (LINE and COLUMN are where the field began)
 *   PATH:LINE: 5 fields, the header has 6   (when there are more fields:
 *       "; is a delimiter inside a field missing its quotes?"), a line
 *       for each such record, at most 20 and then "and N more records
 *       with the wrong number of fields"; with "(spreadsheet row N) "
 *       after the line where that differs (see csv_where())
 *   PATH:LINE: 2 fields, the header has 1: line 1 holds no ',' (comma, the
 *       delimiter); if a title line comes before the header, ...
 *   PATH: '"' cannot be the delimiter      (or: byte 0x0A cannot be ...)
 * The delimiter option may be any ASCII character but `"`, CR and LF.
 * Limits (see above; each message ends with the key that raises it):
 *   PATH: the file is larger than 1G; raise max_file_size in [input] ...
 *   PATH:LINE: a line longer than 1M; raise max_record_size ...  (read)
 *   PATH:LINE: a record longer than 1M; raise max_record_size ...
 *       (LINE is where the record began)
 *   PATH:LINE:COLUMN: a field longer than 128K; raise max_field_size ...
 *   PATH:LINE: more than 10000 columns; raise max_columns ...
 *   PATH: the file changed while it was read; try again
 * The file is read as a stream (a pipe, /dev/stdin and devices work) and
 * checked as it arrives: a NUL byte or an overlong line stops the read at
 * once.  csv_read_buffer() applies the limits but the file size.
 */
int csv_read_file(const char *path, const struct csv_options *opt,
    struct csv_table *t, char **cause);

/* The same on LEN bytes at DATA (NULs included); NAME is used in messages. */
int csv_read_buffer(const char *name, const char *data, size_t len,
    const struct csv_options *opt, struct csv_table *t, char **cause);

void csv_free(struct csv_table *t);

/*
 * Cell ROW, COL; row 0 is the header.  Never NULL; lives until csv_free().
 * The data row N (from 1) began on line t->lines[N].
 */
static inline const char *
csv_cell(const struct csv_table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

/*
 * Where data row ROW (from 1) of T is, to start a message: "FILE:LINE: ",
 * or, where a quoted line break above or in it puts it on another row in
 * a spreadsheet than its line, "FILE:LINE: (spreadsheet row N) ".  A new
 * string.
 */
char *csv_where(const struct csv_table *t, size_t row);

/*
 * Column names.  Every column has one name, unique in the table; configs,
 * Lua rules and `mingle attendees` use it.  The first column with a given
 * header is named by the header.  A header that repeats (pretix writes
 * `Company` twice) names its later columns `Company@K`, K counting up from
 * 2 and skipping any `Company@K` that is itself a header somewhere in the
 * file: `Company,Company,Company@2` names its columns `Company`,
 * `Company@3` and `Company@2`.  (Headers like `Company` repeated with no
 * such header get `Company@2`, `Company@3`... in order.)
 *
 * csv_column() finds the column a config names.  SPEC is, in this order:
 * a name byte for byte; `H@1` for the first column headed H; then a name
 * trimmed and ignoring ASCII case (`company@2` for `Company@2`, `city` for
 * `City `, `company@1` too) if that matches just one.  Returns the column
 * index, or -1 with *cause set.  The message has no place prefix (the
 * caller knows which config line asked):
 *   no column "Emial" in FILE; did you mean "Email"? Columns: Name, Email
 *   no column "Xyz" in FILE; columns: Name, Email     (nothing close)
 *   only 2 columns in FILE are called "Company"; there is no "Company@4"
 *   column "EMAIL" in FILE is ambiguous: "email" or "Email"?
 * FILE is t->name ("the input" if NULL).  A lookup is a hash probe; only
 * the message of a failed one walks the columns.
 */
long csv_column(const struct csv_table *t, const char *spec, char **cause);

/*
 * The name of column COL (e.g. "Company@2"), as a new string the caller
 * frees.
 */
char *csv_column_spec(const struct csv_table *t, size_t col);

/* For csv.c: name the columns of T (read, header in row 0); and free. */
struct csv_columns *csv_column_index_build(const struct csv_table *t);
void csv_column_index_free(struct csv_columns *c);

/* These two live in csv_encoding.c. */
const char *csv_encoding_name(enum csv_encoding e);
/*
 * Parse "auto", "utf-8"/"utf8", "windows-1252"/"cp1252" or
 * "latin1"/"latin-1"/"iso-8859-1", ignoring case.  Returns 0, or -1 if S
 * is none of them (*OUT unchanged).
 */
int csv_encoding_parse(const char *s, enum csv_encoding *out);

#endif
