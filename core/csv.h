/*
 * csv.h -- read a registration export into a table of UTF-8 cells.
 *
 * The reader takes real exports as they come: RFC 4180 quoting with quoted
 * newlines and "" escapes, LF / CRLF / CR line ends, a UTF-8 byte order mark,
 * `,` `;` or tab delimiters (detected unless given) and UTF-8, Windows-1252 or
 * Latin-1 text (detected unless given; the table is always UTF-8).
 *
 * It never drops a row silently: a malformed file is an error naming the
 * file, the line and what is wrong.
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

struct csv_options {
	char delimiter;		/* ',' ';' '\t', or 0 to detect */
	enum csv_encoding encoding;
};

struct csv_table {
	char delimiter;		/* the delimiter used */
	enum csv_encoding encoding;	/* the encoding found or given */
	size_t ncols;		/* fields per record (from the header) */
	size_t nrows;		/* data records, header not counted */
	char **cells;		/* (nrows + 1) * ncols; row 0 is the header */
	size_t *lines;		/* nrows + 1: line on which each record starts */
	char *storage;		/* owns the cell text */
};

/*
 * Read PATH.  Returns 0 and fills *T, or nonzero with *cause set ("PATH:LINE:
 * message").  Errors: the file cannot be read, it is empty or has only a
 * header, it holds a NUL byte, its bytes are invalid in the declared
 * encoding, a quoted field is not closed (names the line the field began
 * on), a record has the wrong number of fields.
 */
int csv_read_file(const char *path, const struct csv_options *opt,
    struct csv_table *t, char **cause);

/* The same on a buffer; NAME is used in messages. */
int csv_read_buffer(const char *name, const char *data, size_t len,
    const struct csv_options *opt, struct csv_table *t, char **cause);

void csv_free(struct csv_table *t);

/* Cell ROW, COL; row 0 is the header.  Never NULL. */
static inline const char *
csv_cell(const struct csv_table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

/*
 * The column a config names.  A header that repeats (pretix writes
 * `Company` twice) is addressed as `Company` for its first occurrence and
 * `Company@2`, `Company@3`... for the later ones.  Returns the column index,
 * or -1 with *cause listing the columns that exist and the closest match.
 */
long csv_column(const struct csv_table *t, const char *spec, char **cause);

/* The name under which column COL is addressed (e.g. "Company@2"); new. */
char *csv_column_spec(const struct csv_table *t, size_t col);

const char *csv_encoding_name(enum csv_encoding e);
/* Parse "auto", "utf-8", "windows-1252", "latin1" (and common spellings). */
int csv_encoding_parse(const char *s, enum csv_encoding *out);

#endif
