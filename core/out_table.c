/*
 * out_table.c -- an output as a table of typed cells (see out_table.h).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "out_table.h"
#include "util.h"

void
out_table_init(struct out_table *t, const char *name)
{
	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
}

void
out_table_free(struct out_table *t)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++)
		free(t->columns[i].name);
	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].owned)
			free((char *)t->cells[i].text);
	free(t->columns);
	free(t->cells);
	free(t->name);
	memset(t, 0, sizeof *t);
}

void
out_table_column(struct out_table *t, const char *name, int flags)
{
	t->columns = xreallocarray(t->columns, t->ncolumns + 1,
	    sizeof *t->columns);
	t->columns[t->ncolumns].name = xstrdup(name);
	t->columns[t->ncolumns].flags = flags;
	t->ncolumns++;
}

/* The next cell, zeroed. */
static struct out_cell *
out_table_next(struct out_table *t)
{
	if (t->ncells == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = xreallocarray(t->cells, t->cap, sizeof *t->cells);
	}
	memset(&t->cells[t->ncells], 0, sizeof t->cells[0]);
	return &t->cells[t->ncells++];
}

void
out_table_empty(struct out_table *t)
{
	out_table_next(t);
}

/* A text cell of S, freed with the table if OWNED; NULL: an empty one. */
static void
out_table_text_cell(struct out_table *t, const char *s, int owned)
{
	struct out_cell *c = out_table_next(t);

	if (s == NULL)
		return;
	c->type = OUT_CELL_TEXT;
	c->owned = owned;
	c->text = s;
}

void
out_table_text(struct out_table *t, const char *s)
{
	out_table_text_cell(t, s != NULL ? xstrdup(s) : NULL, 1);
}

void
out_table_text_take(struct out_table *t, char *s)
{
	out_table_text_cell(t, s, 1);
}

void
out_table_text_ref(struct out_table *t, const char *s)
{
	out_table_text_cell(t, s, 0);
}

void
out_table_number(struct out_table *t, double v)
{
	struct out_cell *c = out_table_next(t);

	c->type = OUT_CELL_NUMBER;
	c->number = v;
}

void
out_table_integer(struct out_table *t, long long v)
{
	struct out_cell *c = out_table_next(t);

	c->type = OUT_CELL_INTEGER;
	c->integer = v;
}

size_t
out_table_rows(const struct out_table *t)
{
	return t->ncolumns > 0 ? t->ncells / t->ncolumns : 0;
}

const struct out_cell *
out_table_cell(const struct out_table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncolumns + col];
}

char *
out_table_format_number(double v, char decimal)
{
	char *s, *dot;

	/* Allocated: near DBL_MAX, "%.3f" has 309 digits; + 0.0 turns
	 * -0.0 into 0.0. */
	s = xasprintf("%.3f", v + 0.0);
	if (decimal != '.' && (dot = strchr(s, '.')) != NULL)
		*dot = decimal;
	return s;
}
