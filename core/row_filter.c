/*
 * row_filter.c -- `include` and `exclude` filters on the export's rows.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "person.h"
#include "row_filter.h"
#include "util.h"

static int	row_filter_split(struct row_filter *, const char *, char **);
static long	row_filter_column(const struct csv_table *, const char *,
		    const char **, char **);

int
row_filter_check(const char *spec, char **cause)
{
	const char *colon = strrchr(spec, ':'), *p;

	for (p = spec; p < colon && (*p == ' ' || *p == '\t'); p++)
		;
	if (colon == NULL || p == colon) {
		*cause = xasprintf("'%s' names no column: write COLUMN: "
		    "value, value (e.g. Status: paid, bezahlt)", spec);
		return -1;
	}
	for (p = colon + 1; *p == ' ' || *p == '\t'; p++)
		;
	if (*p == '\0') {
		*cause = xasprintf("'%s' has no value after the ':' (write "
		    "\"\" for an empty cell)", spec);
		return -1;
	}
	return 0;
}

/*
 * The column SPEC names before one of its ':' (the last that names one);
 * *VALUES is set to the text after that ':'.  -1 with *cause set if no
 * ':' follows a column name.
 */
static long
row_filter_column(const struct csv_table *csv, const char *spec,
    const char **values, char **cause)
{
	const char *colon = spec + strlen(spec);
	char *name, *inner = NULL;
	long col;

	while (colon > spec) {
		while (--colon > spec && *colon != ':')
			;
		if (*colon != ':')
			break;
		name = normalize_trim_space(xstrndup(spec, (size_t)(colon - spec)));
		col = csv_column(csv, name, &inner);
		free(name);
		free(inner);
		inner = NULL;
		if (col >= 0) {
			*values = colon + 1;
			return col;
		}
	}
	/* Say why with the first ':', where a column name would end. */
	colon = strchr(spec, ':');
	name = normalize_trim_space(xstrndup(spec, colon ? (size_t)(colon - spec) :
	    strlen(spec)));
	if (csv_column(csv, name, cause) >= 0)	/* cannot be: tried */
		*cause = xstrdup("no column");
	free(name);
	return -1;
}

/* The comma-separated values of TEXT, folded, into F. */
static int
row_filter_split(struct row_filter *f, const char *text, char **cause)
{
	const char *p = text;

	while (*p != '\0') {
		struct strbuf sb = { 0 };
		char *raw, *folded;
		int quoted = 0, in_quotes = 0;

		while (*p == ' ' || *p == '\t')
			p++;
		for (; *p != '\0' && (in_quotes || *p != ','); p++) {
			if (*p == '"') {
				quoted = 1;
				in_quotes = !in_quotes;
				continue;
			}
			strbuf_putc(&sb, *p);
		}
		if (*p == ',')
			p++;
		raw = normalize_trim_space(strbuf_detach(&sb));
		if (*raw == '\0' && !quoted) {
			free(raw);
			continue;
		}
		folded = person_fold(raw);
		free(raw);
		if (folded == NULL) {
			*cause = xstrdup("a value is not valid UTF-8");
			return -1;
		}
		f->values = xreallocarray(f->values, f->nvalues + 1,
		    sizeof *f->values);
		f->values[f->nvalues++] = folded;
	}
	if (f->nvalues == 0) {
		*cause = xasprintf("'%s' has no value after the ':' (write "
		    "\"\" for an empty cell)", f->spec);
		return -1;
	}
	return 0;
}

int
row_filter_bind(struct row_filter *f, int exclude, const char *spec,
    int line, const struct csv_table *csv, char **cause)
{
	const char *values = NULL;

	memset(f, 0, sizeof *f);
	f->exclude = exclude;
	f->spec = xstrdup(spec);
	f->line = line;
	f->col = row_filter_column(csv, f->spec, &values, cause);
	if (f->col < 0)
		return -1;
	while (*values == ' ' || *values == '\t')
		values++;
	f->shown = values;
	return row_filter_split(f, values, cause);
}

void
row_filter_free(struct row_filter *f)
{
	size_t i;

	for (i = 0; i < f->nvalues; i++)
		free(f->values[i]);
	free(f->values);
	free(f->spec);
	intern_free(&f->seen);
	free(f->seen_count);
	memset(f, 0, sizeof *f);
}

void
row_filter_merge(struct row_filter *into, struct row_filter *from)
{
	char *spec;
	size_t i;

	into->values = xreallocarray(into->values, into->nvalues +
	    from->nvalues, sizeof *into->values);
	for (i = 0; i < from->nvalues; i++)
		into->values[into->nvalues++] = from->values[i];
	from->nvalues = 0;
	spec = xasprintf("%s; %s", into->spec, from->spec);
	free(into->spec);
	into->spec = spec;
	into->shown = NULL;
	row_filter_free(from);
}

int
row_filter_match(const char *p, const char *t)
{
	const char *star = NULL, *resume = NULL;

	while (*t != '\0') {
		if (*p == '*') {
			star = p++;
			resume = t;
		} else if (*p == *t) {
			p++;
			t++;
		} else if (star != NULL) {
			p = star + 1;
			t = ++resume;
		} else
			return 0;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

int
row_filter_keeps(struct row_filter *f, const struct csv_table *csv,
    size_t row)
{
	const char *cell = csv_cell(csv, row, (size_t)f->col);
	char *folded = person_fold(cell), *shown;
	size_t i;
	uint32_t id, before;
	int hit = 0;

	for (i = 0; i < f->nvalues && !hit; i++)
		hit = row_filter_match(f->values[i], folded ? folded : cell);
	free(folded);
	if (hit != f->exclude)
		return 1;
	f->dropped++;
	shown = normalize_trim_space(xstrdup(cell));
	before = f->seen.count;
	id = intern_add(&f->seen, shown);
	free(shown);
	if (f->seen.count != before) {
		f->seen_count = xreallocarray(f->seen_count, f->seen.count,
		    sizeof *f->seen_count);
		f->seen_count[id] = 0;
	}
	f->seen_count[id]++;
	return 0;
}

const char *
row_filter_values(const struct row_filter *f)
{
	return f->shown != NULL ? f->shown : f->spec;
}
