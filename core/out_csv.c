/*
 * out_csv.c -- a table of cells as CSV, standard or excel (out_csv.h).
 */
#include "autoconf.h"

#include <stdlib.h>

#include "csv_write.h"
#include "out_csv.h"
#include "util.h"

struct out_csv_style {
	char delimiter;
	char decimal;
	const char *eol;
	int quote_text;		/* OUT_COLUMN_QUOTED columns always quoted */
};

static const struct out_csv_style out_csv_styles[] = {
	[OUT_CSV_STANDARD] = { ',', '.', "\n", 0 },
	[OUT_CSV_EXCEL] = { ';', ',', "\r\n", 1 },
};

static void
out_csv_cell(FILE *f, const struct out_csv_style *st,
    const struct out_cell *c, int quoted)
{
	char *s;

	switch (c->type) {
	case OUT_CELL_TEXT:
		csv_write_field_in(f, c->text, st->delimiter, quoted);
		break;
	case OUT_CELL_NUMBER:
		s = out_table_format_number(c->number, st->decimal);
		fputs(s, f);
		free(s);
		break;
	case OUT_CELL_INTEGER:
		fprintf(f, "%lld", c->integer);
		break;
	case OUT_CELL_EMPTY:
		if (quoted)
			fputs("\"\"", f);
		break;
	}
}

void
out_csv_write(FILE *f, const struct out_table *t,
    enum out_csv_dialect dialect)
{
	const struct out_csv_style *st = &out_csv_styles[dialect];
	size_t r, i, nrows = out_table_rows(t);
	int quoted;

	if (dialect == OUT_CSV_EXCEL)
		fputs("\xef\xbb\xbf", f);
	for (i = 0; i < t->ncolumns; i++) {
		if (i > 0)
			putc(st->delimiter, f);
		csv_write_field_in(f, t->columns[i].name, st->delimiter, 0);
	}
	fputs(st->eol, f);
	for (r = 0; r < nrows; r++) {
		for (i = 0; i < t->ncolumns; i++) {
			quoted = st->quote_text &&
			    (t->columns[i].flags & OUT_COLUMN_QUOTED);
			if (i > 0)
				putc(st->delimiter, f);
			out_csv_cell(f, st, out_table_cell(t, r, i), quoted);
		}
		fputs(st->eol, f);
	}
}
