/*
 * output_set.c -- the files of a run: tables built once, each file CSV or
 * .xlsx, all put in place together (see output_set.h).
 */
#include "autoconf.h"

#include <string.h>

#include "outfile.h"
#include "out_xlsx.h"
#include "output_person.h"
#include "output_roster.h"
#include "output_set.h"
#include "util.h"

enum {
	OUTPUT_SET_INTROS,
	OUTPUT_SET_REPORT,
	OUTPUT_SET_SCHEDULE,
	OUTPUT_SET_PER_PERSON,
	OUTPUT_SET_TABLES,
	OUTPUT_SET_N
};

static const struct {
	const char *sheet;
	void (*build)(struct out_table *, const struct output_source *);
	int seated;		/* only for modes with tables */
} output_set_tables[OUTPUT_SET_N] = {
	[OUTPUT_SET_INTROS] = { "Introductions", output_intros_table, 0 },
	[OUTPUT_SET_PER_PERSON] = { "Per person", output_person_table, 0 },
	[OUTPUT_SET_REPORT] = { "Coverage", output_coverage_table, 0 },
	[OUTPUT_SET_SCHEDULE] = { "Schedule", output_schedule_table, 1 },
	[OUTPUT_SET_TABLES] = { "Tables", output_roster_table, 1 },
};

/* The order of the sheets in the introductions workbook. */
static const int output_set_sheets[OUTPUT_SET_N] = {
	OUTPUT_SET_INTROS, OUTPUT_SET_PER_PERSON, OUTPUT_SET_REPORT,
	OUTPUT_SET_SCHEDULE, OUTPUT_SET_TABLES
};

/* Write file K of PATH: table K, or for an .xlsx introductions file
 * every table the mode has. */
static int
output_set_file(struct outfile *o, int k, const char *path,
    struct out_table *tb, const struct output_source *src,
    enum out_csv_dialect dialect, char **cause)
{
	const struct out_table *sheets[OUTPUT_SET_N];
	size_t n = 0, i;

	if (outfile_open(o, path, cause) != 0)
		return -1;
	if (!out_xlsx_wanted(path)) {
		out_csv_write(o->f, &tb[k], dialect);
		return 0;
	}
	if (o->tmp == NULL) {
		*cause = xasprintf("%s: an .xlsx workbook is written whole to "
		    "a regular file; name one (or a name without .xlsx for "
		    "CSV)", path);
		return -1;
	}
	if (k != OUTPUT_SET_INTROS)
		sheets[n++] = &tb[k];
	for (i = 0; k == OUTPUT_SET_INTROS && i < OUTPUT_SET_N; i++)
		if (!output_set_tables[output_set_sheets[i]].seated ||
		    src->as->has_tables)
			sheets[n++] = &tb[output_set_sheets[i]];
	return out_xlsx_write(o->tmp, path, sheets, n, cause);
}

int
output_set_write(const struct output_source *src,
    const struct output_paths *p, enum out_csv_dialect dialect, char **cause)
{
	const char *paths[OUTPUT_SET_N] = {
		[OUTPUT_SET_INTROS] = p->intros,
		[OUTPUT_SET_REPORT] = p->report,
		[OUTPUT_SET_SCHEDULE] = p->schedule,
		[OUTPUT_SET_PER_PERSON] = p->per_person,
		[OUTPUT_SET_TABLES] = p->tables,
	};
	struct outfile o[OUTPUT_SET_N + 1];	/* + the extra file */
	struct outfile *set[OUTPUT_SET_N + 1];
	struct out_table tb[OUTPUT_SET_N];
	int k, rc = -1;

	/* Only the tables some file holds: reasons cost a strategy call. */
	memset(o, 0, sizeof o);
	set[OUTPUT_SET_N] = &o[OUTPUT_SET_N];
	for (k = 0; k < OUTPUT_SET_N; k++) {
		set[k] = &o[k];
		out_table_init(&tb[k], output_set_tables[k].sheet);
		if (k == OUTPUT_SET_INTROS || paths[k] != NULL ||
		    (out_xlsx_wanted(p->intros) &&
		    (!output_set_tables[k].seated || src->as->has_tables)))
			output_set_tables[k].build(&tb[k], src);
	}
	for (k = 0; k < OUTPUT_SET_N; k++) {
		if (k != OUTPUT_SET_INTROS && paths[k] == NULL)
			continue;
		if (output_set_file(&o[k], k, paths[k], tb, src, dialect,
		    cause) != 0)
			goto out;
	}
	if (p->extra != NULL && (outfile_open(&o[OUTPUT_SET_N], p->extra,
	    cause) != 0 || p->write_extra(o[OUTPUT_SET_N].f, p->extra_ctx,
	    cause) != 0))
		goto out;
	rc = outfile_commit_set(set, OUTPUT_SET_N + 1, cause);
out:
	if (rc != 0)
		for (k = 0; k <= OUTPUT_SET_N; k++)
			outfile_abort(&o[k]);
	for (k = 0; k < OUTPUT_SET_N; k++)
		out_table_free(&tb[k]);
	return rc;
}
