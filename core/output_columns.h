/*
 * output_columns.h -- the export's columns `[output] columns` carries
 * into every output (introductions as a_Email and b_Email, the per-person
 * file, the schedule, the tables, the coverage report).
 */
#ifndef MINGLE_OUTPUT_COLUMNS_H
#define MINGLE_OUTPUT_COLUMNS_H

#include <stddef.h>
#include <stdint.h>

#include "attendees.h"
#include "config.h"
#include "out_table.h"

struct output_columns {
	size_t n;
	size_t *column;		/* the export's column */
	char **name;		/* its name (csv_column_spec) */
};

/*
 * Find the columns CONFIG names in T's export.  0, or -1 with *cause:
 *   CONFIG:LINE: columns: no column "Emial" in FILE; did you mean
 *       "Email"? Columns: ...
 * A zeroed OC (no columns) is fine to use and to free.
 */
int output_columns_resolve(struct output_columns *oc,
    const struct attendee_table *t, const struct mingle_config *config,
    char **cause);
void output_columns_free(struct output_columns *oc);

/* Append a column PREFIX + name for each (PREFIX may be ""). */
void output_columns_header(struct out_table *tb,
    const struct output_columns *oc, const char *prefix);

/* Append attendee I's cells of the columns (empty cells if OC is NULL
 * and has none).  The cells point into T: TB must not outlive it. */
void output_columns_cells(struct out_table *tb,
    const struct output_columns *oc, const struct attendee_table *t,
    uint32_t i);

/* Append one person's columns: PREFIX + "id", PREFIX + "name", then
 * PREFIX + each of the columns' names (PREFIX may be ""). */
void output_columns_person_header(struct out_table *tb,
    const struct output_columns *oc, const char *prefix);

/* Append attendee I's cells: id, name, then the columns'; they point
 * into T, as output_columns_cells(). */
void output_columns_person(struct out_table *tb,
    const struct output_columns *oc, const struct attendee_table *t,
    uint32_t i);

#endif
