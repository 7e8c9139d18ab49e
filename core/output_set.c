/*
 * output_set.c -- the files of a run: tables built once, each file CSV or
 * .xlsx, all put in place together (see output_set.h).
 */
#include "autoconf.h"

#include <string.h>

#include "outfile.h"
#include "out_xlsx.h"
#include "output_meetings.h"
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

/* Which modes have a table: every mode, those with tables (meetings
 * too: each meeting has one), or those that seat people at tables. */
enum output_set_for {
	OUTPUT_SET_FOR_ALL,
	OUTPUT_SET_FOR_TABLES,
	OUTPUT_SET_FOR_SEATED
};

static const struct {
	const char *sheet;
	void (*build)(struct out_table *, const struct output_source *);
	enum output_set_for only;
} output_set_tables[OUTPUT_SET_N] = {
	[OUTPUT_SET_INTROS] = { "Introductions", output_intros_table,
	    OUTPUT_SET_FOR_ALL },
	[OUTPUT_SET_PER_PERSON] = { "Per person", output_person_table,
	    OUTPUT_SET_FOR_ALL },
	[OUTPUT_SET_REPORT] = { "Coverage", output_coverage_table,
	    OUTPUT_SET_FOR_ALL },
	[OUTPUT_SET_SCHEDULE] = { "Schedule", output_schedule_table,
	    OUTPUT_SET_FOR_TABLES },
	[OUTPUT_SET_TABLES] = { "Tables", output_roster_table,
	    OUTPUT_SET_FOR_SEATED },
};

/* The order of the sheets in the introductions workbook. */
static const int output_set_sheets[OUTPUT_SET_N] = {
	OUTPUT_SET_INTROS, OUTPUT_SET_PER_PERSON, OUTPUT_SET_REPORT,
	OUTPUT_SET_SCHEDULE, OUTPUT_SET_TABLES
};

/* Whether the mode of AS has table K. */
static int
output_set_has(const struct assignment *as, int k)
{
	switch (output_set_tables[k].only) {
	case OUTPUT_SET_FOR_TABLES:
		return as->has_tables;
	case OUTPUT_SET_FOR_SEATED:
		return as->has_tables && !as->has_slots;
	default:
		return 1;
	}
}

/* Build table K of SRC into TB: the schedule of meetings when the
 * assignment has slots. */
static void
output_set_build(struct out_table *tb, int k,
    const struct output_source *src)
{
	if (k == OUTPUT_SET_SCHEDULE && src->as->has_slots)
		output_meetings_schedule_table(tb, src);
	else
		output_set_tables[k].build(tb, src);
}

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
		if (output_set_has(src->as, output_set_sheets[i]))
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
		    output_set_has(src->as, k)))
			output_set_build(&tb[k], k, src);
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
