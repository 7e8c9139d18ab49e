/*
 * output_columns.c -- the export's columns carried into every output
 * (see output_columns.h).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "output_columns.h"
#include "util.h"

int
output_columns_resolve(struct output_columns *oc,
    const struct attendee_table *t, const struct mingle_config *config,
    char **cause)
{
	char *inner = NULL;
	long col;
	size_t i;

	memset(oc, 0, sizeof *oc);
	if (config->noutput_columns == 0)
		return 0;
	oc->column = xcalloc(config->noutput_columns, sizeof *oc->column);
	oc->name = xcalloc(config->noutput_columns, sizeof *oc->name);
	for (i = 0; i < config->noutput_columns; i++) {
		col = csv_column(t->csv, config->output_columns[i], &inner);
		if (col < 0) {
			*cause = xasprintf("%s:%d: columns: %s", config->path,
			    config->output_columns_line, inner);
			free(inner);
			output_columns_free(oc);
			return -1;
		}
		oc->column[oc->n] = (size_t)col;
		oc->name[oc->n++] = csv_column_spec(t->csv, (size_t)col);
	}
	return 0;
}

void
output_columns_free(struct output_columns *oc)
{
	size_t i;

	for (i = 0; i < oc->n; i++)
		free(oc->name[i]);
	free(oc->name);
	free(oc->column);
	memset(oc, 0, sizeof *oc);
}

void
output_columns_header(struct out_table *tb, const struct output_columns *oc,
    const char *prefix)
{
	size_t i;
	char *name;

	for (i = 0; oc != NULL && i < oc->n; i++) {
		name = xasprintf("%s%s", prefix, oc->name[i]);
		out_table_column(tb, name, 0);
		free(name);
	}
}

void
output_columns_cells(struct out_table *tb, const struct output_columns *oc,
    const struct attendee_table *t, uint32_t i)
{
	size_t k;

	for (k = 0; oc != NULL && k < oc->n; k++)
		out_table_text_ref(tb, csv_cell(t->csv, t->row[i],
		    oc->column[k]));
}

void
output_columns_person_header(struct out_table *tb,
    const struct output_columns *oc, const char *prefix)
{
	char *name;

	name = xasprintf("%sid", prefix);
	out_table_column(tb, name, 0);
	free(name);
	name = xasprintf("%sname", prefix);
	out_table_column(tb, name, 0);
	free(name);
	output_columns_header(tb, oc, prefix);
}

void
output_columns_person(struct out_table *tb, const struct output_columns *oc,
    const struct attendee_table *t, uint32_t i)
{
	out_table_text_ref(tb, t->id[i]);
	out_table_text_ref(tb, t->name[i]);
	output_columns_cells(tb, oc, t, i);
}
