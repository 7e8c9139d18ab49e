/*
 * out_table.h -- an output as a table of typed cells, built once and
 * rendered by a writer: CSV in a dialect (out_csv.h) or a sheet of an
 * .xlsx workbook (out_xlsx.h).
 *
 * A table has a name (the sheet's), its columns, then rows of exactly as
 * many cells, added left to right: a row is complete once it has a cell
 * for every column.  A cell's text is a copy, or taken over, or (strings
 * that outlive the table: an attendee's cells) only pointed to: at
 * 100,000 attendees the introductions' table has 3 million cells.  Out
 * of memory exits (util.h).
 */
#ifndef MINGLE_OUT_TABLE_H
#define MINGLE_OUT_TABLE_H

#include <stddef.h>

enum out_cell_type {
	OUT_CELL_EMPTY = 0,	/* nothing ("" in CSV, a blank cell) */
	OUT_CELL_TEXT,
	OUT_CELL_NUMBER,	/* a score: three decimals in CSV */
	OUT_CELL_INTEGER	/* a count, a round, a table */
};

struct out_cell {
	enum out_cell_type type;
	int owned;		/* the table frees the text */
	union {
		const char *text;	/* OUT_CELL_TEXT */
		double number;		/* OUT_CELL_NUMBER */
		long long integer;	/* OUT_CELL_INTEGER */
	};
};

/* Column flags. */
#define OUT_COLUMN_QUOTED	0x1	/* free text (reasons): CSV dialects
					   that ask for it quote it always */
#define OUT_COLUMN_WIDE		0x2	/* long text: a wider sheet column */

struct out_column {
	char *name;
	int flags;
};

struct out_table {
	char *name;		/* "Introductions": the sheet's name */
	struct out_column *columns;
	size_t ncolumns;
	struct out_cell *cells;	/* row-major, ncolumns a row */
	size_t ncells;
	size_t cap;
};

/* An empty table called NAME; free it with out_table_free(). */
void out_table_init(struct out_table *t, const char *name);
void out_table_free(struct out_table *t);

/* Append a column; all columns come before the first cell. */
void out_table_column(struct out_table *t, const char *name, int flags);

/* Append a cell to the row being filled (a new one when the last is
 * complete).  Text of NULL is an empty cell.  out_table_text() copies S;
 * out_table_text_take() takes S, allocated, over; out_table_text_ref()
 * points to S, which must outlive the table. */
void out_table_empty(struct out_table *t);
void out_table_text(struct out_table *t, const char *s);
void out_table_text_take(struct out_table *t, char *s);
void out_table_text_ref(struct out_table *t, const char *s);
void out_table_number(struct out_table *t, double v);
void out_table_integer(struct out_table *t, long long v);

/* Complete rows so far. */
size_t out_table_rows(const struct out_table *t);

/* Cell ROW, COL of the data rows (0-based, the header is no row). */
const struct out_cell *out_table_cell(const struct out_table *t, size_t row,
    size_t col);

/* A number cell as CSV writes it: three decimals, never "-0.000", with
 * DECIMAL as the decimal mark.  A new string. */
char *out_table_format_number(double v, char decimal);

#endif
