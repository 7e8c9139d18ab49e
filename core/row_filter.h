/*
 * row_filter.h -- `include` and `exclude`: which rows are people coming.
 *
 * A filter is a column and a list of values, as in
 *     include = Status: paid, bezahlt
 *     exclude = Ticket: Staff*, "Workshop, Tag 2", ""
 * from a config line or a preset's defaults.  An include filter drops the
 * rows whose cell matches none of its values, an exclude filter the rows
 * whose cell matches one.  Values are compared Unicode-folded (NFKC, case
 * folded, white space collapsed, as tags are: normalize_tag); `*` stands
 * for any run of characters; a value in double quotes may hold commas;
 * `""` is the empty cell.
 *
 * The column is everything before a ':' that names a column of the
 * export, trying the last ':' first, so `Attendee name: Given name: Anna`
 * filters the column `Attendee name: Given name`.
 *
 * A row must pass every filter; include filters on one column are merged
 * first (row_filter_merge), so they add values.
 */
#ifndef MINGLE_ROW_FILTER_H
#define MINGLE_ROW_FILTER_H

#include <stddef.h>

#include "csv.h"
#include "intern.h"

struct row_filter {
	int exclude;		/* 0: include, 1: exclude */
	char *spec;		/* "COLUMN: value, value" as written */
	int line;		/* the config line, or 0 for a preset's */
	/* row_filter_bind(): */
	long col;
	char **values;		/* folded patterns */
	size_t nvalues;
	const char *shown;	/* the values as written (in spec) */
	/* row_filter_drops(): */
	size_t dropped;
	struct intern seen;	/* values of the dropped rows, as written */
	size_t *seen_count;	/* rows per value of seen */
};

/*
 * Check the form of SPEC ("COLUMN: value, value") without an export: it
 * needs a ':' with a column before it and a value after.  0, or -1 with
 * *cause set (no place prefix; the caller adds the config line).
 */
int row_filter_check(const char *spec, char **cause);

/*
 * Make F, for SPEC as written on config LINE (0: a preset's), and find its
 * column in CSV.  0, or -1 with *cause set (no place prefix): no column,
 * no values, a value that is not UTF-8.
 */
int row_filter_bind(struct row_filter *f, int exclude, const char *spec,
    int line, const struct csv_table *csv, char **cause);
void row_filter_free(struct row_filter *f);

/*
 * Add the values of FROM (bound, an include on the same column) to INTO,
 * so a row passes when it matches either: two `include` lines on one
 * column add values, as one line listing both would.  FROM is freed;
 * INTO's spec becomes "SPEC; SPEC".
 */
void row_filter_merge(struct row_filter *into, struct row_filter *from);

/* Does F keep data row ROW of CSV?  If not, the row is counted. */
int row_filter_keeps(struct row_filter *f, const struct csv_table *csv,
    size_t row);

/* Does the folded TEXT match the folded PATTERN ('*': any run)? */
int row_filter_match(const char *pattern, const char *text);

/* The spec without its column ("paid, bezahlt"), for messages. */
const char *row_filter_values(const struct row_filter *f);

#endif
