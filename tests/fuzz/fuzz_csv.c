/*
 * fuzz_csv.c -- libFuzzer harness: the CSV reader and the attendee table.
 *
 * The input is a registration export.  It is read as `mingle run` reads it
 * (delimiter and encoding detected), and again with a declared encoding and
 * delimiter chosen by the input's length, so every input also takes the
 * paths of a configured dialect.
 *
 * Then a config is made from the header that was read: the first column is
 * the id, the next two the name, a column called "consent" (any case) the
 * consent, and each other column becomes a field of every type, tags
 * first and bool and number (which refuse most text) last, so that
 * attendees_build() gets as far as the data lets it.  The first data cell
 * is also looked up as a column name, for csv_column()'s matching and
 * suggestions.  The table is built a second time with `preset = auto` and
 * no id or name, so the tool is recognised and the columns guessed from
 * the header and the cells, and the roster is printed as `mingle check`
 * and `mingle run` would (roster.c).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mingle/plugin.h"
#include "util.h"

/* Columns made into fields; more only repeat the same work. */
#define MAX_FIELD_COLUMNS	6

static const int field_types[] = {
	MINGLE_FIELD_TAGS, MINGLE_FIELD_CATEGORY, MINGLE_FIELD_TEXT,
	MINGLE_FIELD_BOOL, MINGLE_FIELD_NUMBER
};
#define NTYPES (sizeof field_types / sizeof field_types[0])

static const char delimiters[] = { ',', ';', '\t', '|' };

static struct mingle_config	*csv_config(const struct csv_table *);
static void	 csv_try_dialect(const uint8_t *, size_t);
static void	 csv_build(const struct csv_table *);
static void	 csv_said(const struct attendee_table *,
		    const struct csv_table *, const struct mingle_config *);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_table csv;
	char *cause = NULL;

	csv_try_dialect(data, size);
	if (csv_read_buffer("fuzz.csv", (const char *)data, size, NULL, &csv,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	csv_build(&csv);
	csv_free(&csv);
	return 0;
}

/* Read the input with a declared encoding and delimiter. */
static void
csv_try_dialect(const uint8_t *data, size_t size)
{
	struct csv_options opt;
	struct csv_table csv;
	char *cause = NULL;

	opt.encoding = (enum csv_encoding)(CSV_ENCODING_UTF8 + size % 3);
	opt.delimiter = delimiters[size / 3 % sizeof delimiters];
	if (csv_read_buffer("fuzz.csv", (const char *)data, size, &opt, &csv,
	    &cause) == 0)
		csv_free(&csv);
	free(cause);
}

/* A config for the columns of CSV; see the top of the file. */
static struct mingle_config *
csv_config(const struct csv_table *csv)
{
	struct mingle_config *c;
	size_t col, k, ncols, nnames;
	char *cause = NULL;

	c = xcalloc(1, sizeof *c);
	c->path = xstrdup("fuzz.ini");
	c->dir = xstrdup(".");
	c->input_file = xstrdup("fuzz.csv");
	c->id_column = csv_column_spec(csv, 0);
	nnames = csv->ncols > 2 ? 2 : csv->ncols - 1;
	if (nnames > 0) {
		c->name_columns = xcalloc(nnames, sizeof *c->name_columns);
		for (k = 0; k < nnames; k++)
			c->name_columns[k] = csv_column_spec(csv, k + 1);
		c->nname_columns = nnames;
	}
	if (csv_column(csv, "consent", &cause) >= 0)
		c->consent_column = xstrdup("consent");
	free(cause);

	ncols = csv->ncols < MAX_FIELD_COLUMNS + 1 ? csv->ncols :
	    MAX_FIELD_COLUMNS + 1;
	if (ncols < 2)
		return c;
	c->fields = xcalloc(NTYPES * (ncols - 1), sizeof *c->fields);
	for (k = 0; k < NTYPES; k++) {
		for (col = 1; col < ncols; col++) {
			struct config_field *f = &c->fields[c->nfields++];

			f->name = xasprintf("f%zu_%zu", k, col);
			f->column = csv_column_spec(csv, col);
			f->type = field_types[k];
			f->line = (int)c->nfields;
			if (f->type == MINGLE_FIELD_TAGS)
				f->separator = xstrdup(col % 2 ? "," : ";/");
		}
	}
	return c;
}

/* Build the attendee table of CSV and look around in it. */
static void
csv_build(const struct csv_table *csv)
{
	struct mingle_config *c = csv_config(csv);
	struct attendee_table t;
	char *cause = NULL;

	if (csv_column(csv, csv_cell(csv, 1, 0), &cause) < 0)
		free(cause);
	cause = NULL;
	if (attendees_build(&t, csv, c, &cause) != 0) {
		free(cause);
		config_free(c);
		return;
	}
	if (attendees_find(&t, t.id[t.n - 1]) != (long)(t.n - 1))
		abort();	/* ids are unique: the last is found last */
	if (c->nfields > 0 && attendees_field(&t, c->fields[0].name) == NULL)
		abort();
	attendees_free(&t);
	/* Again as `preset = auto` finds it. */
	free(c->id_column);
	c->id_column = NULL;
	c->preset = xstrdup("auto");
	if (attendees_build(&t, csv, c, &cause) != 0) {
		free(cause);
		config_free(c);
		return;
	}
	csv_said(&t, csv, c);
	attendees_free(&t);
	config_free(c);
}

/* Print what `mingle check` and `mingle run` say of the roster. */
static void
csv_said(const struct attendee_table *t, const struct csv_table *csv,
    const struct mingle_config *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		abort();
	roster_print(&t->roster, csv, c, f);
	roster_warn(&t->roster, csv, f);
	fclose(f);
	free(buf);
}
