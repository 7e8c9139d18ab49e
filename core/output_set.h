/*
 * output_set.h -- all the files of a run, written whole and put in place
 * together (outfile.h): each file CSV in the configured dialect, or an
 * .xlsx workbook when its name ends in .xlsx.
 */
#ifndef MINGLE_OUTPUT_SET_H
#define MINGLE_OUTPUT_SET_H

#include "out_csv.h"
#include "output.h"

/* Where each output goes: NULL for none; "-" (or a NULL intros) for
 * standard output. */
struct output_paths {
	const char *intros;	/* "Introductions" */
	const char *report;	/* "Coverage" */
	const char *schedule;	/* "Schedule" */
	const char *per_person;	/* "Per person" */
	const char *tables;	/* "Tables" */
	/* A file that is no table (the HTML report): written by
	 * write_extra(f, extra_ctx, cause), 0 or -1 with *cause set. */
	const char *extra;
	int (*write_extra)(FILE *f, void *ctx, char **cause);
	void *extra_ctx;
};

/*
 * Build the tables SRC gives and write every file of P.  An .xlsx
 * introductions file holds a sheet for each table the mode has
 * (Introductions, Per person, Coverage, for modes with tables Schedule
 * -- the meetings' schedule in mode = meetings -- and for modes that
 * seat people Tables); any other .xlsx file holds its own table.  0, or
 * -1 with *cause; then no file was replaced.
 */
int output_set_write(const struct output_source *src,
    const struct output_paths *p, enum out_csv_dialect dialect, char **cause);

#endif
