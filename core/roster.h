/*
 * roster.h -- who in the export is an attendee, and how each is read.
 *
 * Between the CSV and the attendee table.  roster_build():
 * 1. takes the preset (`preset = auto` recognises it from the header);
 * 2. finds the id, name, e-mail and registration-time columns: the
 *    config's keys, else the preset's, else a guess;
 * 3. drops the rows of people who are not coming, before anything else
 *    sees them: the preset's status filter, the config's include and
 *    exclude, and (with a preset) tickets with neither name nor e-mail;
 * 4. keeps one row per person (person key: the e-mail and the name, or
 *    `person = A + B`; by `duplicates`), noting each merge.
 * The rows left are the attendees; dropped rows count nowhere.
 */
#ifndef MINGLE_ROSTER_H
#define MINGLE_ROSTER_H

#include <stdio.h>

#include "config.h"
#include "csv.h"
#include "person.h"
#include "row_filter.h"

struct preset;

enum roster_from {
	ROSTER_NONE = 0,	/* not there (or, for person, the default) */
	ROSTER_CONFIG,		/* the config names it */
	ROSTER_PRESET,		/* the preset's column, or its guess */
	ROSTER_ID,		/* e-mail: the id column holds e-mails */
	ROSTER_GUESS		/* e-mail without a preset: guessed */
};

/* The columns of one part, joined ("First Name + Last Name"). */
struct roster_part {
	long *cols;
	size_t n;
	enum roster_from from;
};

struct roster {
	const struct preset *preset;	/* NULL: no preset */
	int recognised;			/* preset = auto found it */
	long *signature;		/* ... by these columns */
	size_t nsignature;
	struct roster_part id, name, email, time, person;
	int email_ids;			/* the ids are e-mail addresses */
	struct row_filter *filters;	/* the preset's status; the config's */
	size_t nfilters;
	int preset_filter;		/* filters[0] is the preset's */
	size_t unassigned;		/* rows without name and e-mail */
	enum person_duplicates duplicates;
	int day_first;			/* "1/2/2024" is 1 February */
	struct person_merge *merges;	/* by the dropped row */
	size_t nmerges;
	size_t *rows;			/* the attendees' data rows */
	size_t nrows;
	size_t renamed;			/* ids made unique */
	const char *source;		/* the export, for messages */
};

/*
 * Resolve the columns and choose the rows of CSV as config C says; both
 * must outlive R.  0, or -1 with *cause set (R then needs no freeing):
 *   [input] id: no column "Emial" in FILE; did you mean "Email"? ...
 *   CONFIG:LINE: [input] include: no column "Stauts" in FILE; ...
 *   CONFIG: [input] needs 'id': no column of FILE looks like an id, an
 *       e-mail or a name; set id = COLUMN (columns: ...)
 *   FILE: no attendees left: ... (every row was dropped; says by what)
 *   FILE:LINE: record 9 is the same person as record 3 (line 4), ...;
 *       duplicates = error   (with duplicates = error)
 */
int roster_build(struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, char **cause);
void roster_free(struct roster *r);

/* The id of data row ROW: its id columns, trimmed, joined with '-'. */
char *roster_id(const struct roster *r, const struct csv_table *csv,
    size_t row);

/* The name of ROW: its name columns, trimmed, joined with ' ', inner
 * white space squeezed.  "" without name columns. */
char *roster_name(const struct roster *r, const struct csv_table *csv,
    size_t row);

/* The e-mail of ROW: the first of its e-mail columns that is filled. */
const char *roster_email(const struct roster *r, const struct csv_table *csv,
    size_t row);

/* One warning line per merge, on F ("mingle: warning: ..."). */
void roster_warn(const struct roster *r, const struct csv_table *csv,
    FILE *f);

/*
 * For `mingle check`: the preset, the id and name columns (as before, for
 * a config without a preset), the e-mail and time columns, what each
 * filter dropped, the merges and the renamed ids.
 */
void roster_print(const struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, FILE *f);

#endif
