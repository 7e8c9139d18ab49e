/*
 * out_xlsx.c -- tables as the sheets of an .xlsx workbook (out_xlsx.h).
 */
#include "autoconf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "out_xlsx.h"
#include "util.h"

/* Column widths in characters: at least the header's, at most these. */
#define OUT_XLSX_WIDTH_MAX	40
#define OUT_XLSX_WIDE_MAX	80

struct out_xlsx_formats {
	lxw_format *header;
	lxw_format *score;
};

/* Characters (not bytes) of UTF-8 text S. */
static size_t
out_xlsx_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The width of a cell's text, as CSV would show it. */
static size_t
out_xlsx_cell_width(const struct out_cell *c)
{
	char *s;
	size_t n;

	switch (c->type) {
	case OUT_CELL_TEXT:
		return out_xlsx_chars(c->text);
	case OUT_CELL_NUMBER:
		s = out_table_format_number(c->number, '.');
		n = strlen(s);
		free(s);
		return n;
	case OUT_CELL_INTEGER:
		s = xasprintf("%lld", c->integer);
		n = strlen(s);
		free(s);
		return n;
	default:
		return 0;
	}
}

/* Widths that fit column COL's header and cells, within bounds. */
static void
out_xlsx_widths(lxw_worksheet *ws, const struct out_table *t)
{
	size_t r, col, w, cw, max, nrows = out_table_rows(t);

	for (col = 0; col < t->ncolumns; col++) {
		max = t->columns[col].flags & OUT_COLUMN_WIDE ?
		    OUT_XLSX_WIDE_MAX : OUT_XLSX_WIDTH_MAX;
		/* the header, and room for the autofilter's button */
		w = out_xlsx_chars(t->columns[col].name) + 3;
		for (r = 0; r < nrows && w < max; r++) {
			cw = out_xlsx_cell_width(out_table_cell(t, r, col)) + 1;
			if (cw > w)
				w = cw;
		}
		worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col,
		    (double)(w < max ? w : max), NULL);
	}
}

static lxw_error
out_xlsx_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    const struct out_cell *c, const struct out_xlsx_formats *fm)
{
	switch (c->type) {
	case OUT_CELL_TEXT:
		return worksheet_write_string(ws, row, col, c->text, NULL);
	case OUT_CELL_NUMBER:
		return worksheet_write_number(ws, row, col, c->number,
		    fm->score);
	case OUT_CELL_INTEGER:
		return worksheet_write_number(ws, row, col,
		    (double)c->integer, NULL);
	default:
		return LXW_NO_ERROR;
	}
}

static lxw_error
out_xlsx_sheet(lxw_workbook *wb, const struct out_table *t,
    const struct out_xlsx_formats *fm)
{
	lxw_worksheet *ws;
	lxw_error err;
	size_t r, col, nrows = out_table_rows(t);

	if ((ws = workbook_add_worksheet(wb, t->name)) == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	for (col = 0; col < t->ncolumns; col++) {
		err = worksheet_write_string(ws, 0, (lxw_col_t)col,
		    t->columns[col].name, fm->header);
		if (err != LXW_NO_ERROR)
			return err;
	}
	for (r = 0; r < nrows; r++) {
		for (col = 0; col < t->ncolumns; col++) {
			err = out_xlsx_cell(ws, (lxw_row_t)r + 1,
			    (lxw_col_t)col, out_table_cell(t, r, col), fm);
			if (err != LXW_NO_ERROR)
				return err;
		}
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (t->ncolumns > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows,
		    (lxw_col_t)(t->ncolumns - 1));
	out_xlsx_widths(ws, t);
	return LXW_NO_ERROR;
}

/* A table too big for a sheet: the message, or NULL. */
static char *
out_xlsx_too_big(const char *name, const struct out_table *t)
{
	size_t nrows = out_table_rows(t);

	if (nrows + 1 > LXW_ROW_MAX)
		return xasprintf("%s: the sheet \"%s\" would have %zu rows; a "
		    "sheet holds at most %d: write CSV instead (a name "
		    "without .xlsx)", name, t->name, nrows + 1, LXW_ROW_MAX);
	if (t->ncolumns > LXW_COL_MAX)
		return xasprintf("%s: the sheet \"%s\" would have %zu "
		    "columns; a sheet holds at most %d: write CSV instead "
		    "(a name without .xlsx)", name, t->name, t->ncolumns,
		    LXW_COL_MAX);
	return NULL;
}

int
out_xlsx_write(const char *path, const char *name,
    const struct out_table *const *tables, size_t n, char **cause)
{
	struct out_xlsx_formats fm;
	lxw_workbook *wb;
	lxw_error err = LXW_NO_ERROR;
	size_t i;

	for (i = 0; i < n; i++)
		if ((*cause = out_xlsx_too_big(name, tables[i])) != NULL)
			return -1;
	if ((wb = workbook_new(path)) == NULL) {
		*cause = xasprintf("%s: cannot create the workbook", name);
		return -1;
	}
	fm.header = workbook_add_format(wb);
	format_set_bold(fm.header);
	fm.score = workbook_add_format(wb);
	format_set_num_format(fm.score, "0.000");
	for (i = 0; i < n && err == LXW_NO_ERROR; i++)
		err = out_xlsx_sheet(wb, tables[i], &fm);
	if (err != LXW_NO_ERROR) {
		*cause = xasprintf("%s: cannot write the sheet \"%s\": %s",
		    name, tables[i - 1]->name, lxw_strerror(err));
		workbook_close(wb);
		return -1;
	}
	/* The system's reason where there is one (a full disk), as for
	 * CSV; else libxlsxwriter's. */
	errno = 0;
	if ((err = workbook_close(wb)) != LXW_NO_ERROR) {
		*cause = errno != 0 ? xasprintf("%s: cannot write: %s", name,
		    strerror(errno)) : xasprintf("%s: cannot write the "
		    "workbook: %s", name, lxw_strerror(err));
		return -1;
	}
	return 0;
}

int
out_xlsx_wanted(const char *path)
{
	size_t len = path != NULL ? strlen(path) : 0;

	return len > 5 && strcasecmp(path + len - 5, ".xlsx") == 0;
}
