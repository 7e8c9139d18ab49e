/*
 * output.h -- what mingle writes, as tables of cells (out_table.h) built
 * once per output and rendered by a writer (out_csv.h, out_xlsx.h):
 * introductions, schedule, coverage; output_person.h and output_roster.h
 * add the per-person file and the tables roster.
 *
 * The FILE functions write the standard CSV without extra columns; they
 * only write to the stream and do not check for errors.  A failed write
 * (a full disk, a closed pipe) sets the stream's error flag, which
 * outfile_commit() reports (see outfile.h), and then no file is put in
 * place.
 */
#ifndef MINGLE_OUTPUT_H
#define MINGLE_OUTPUT_H

#include <stdio.h>

#include "assign.h"
#include "attendees.h"
#include "engine.h"
#include "out_table.h"
#include "output_columns.h"
#include "pairmap.h"

/* What every table is built from. */
struct output_source {
	struct engine *e;	/* the reasons; NULL for tables without */
	const struct attendee_table *t;
	const struct assignment *as;
	const struct output_columns *columns;	/* may be NULL: none */
	int *third;		/* per attendee: joined a pair (a trio) */
	uint32_t *pair_of;	/* per attendee, two: the pair a third
				   joined; UINT32_MAX elsewhere */
	/* --keep (keep.h): the pairs kept, to mark the others new; NULL
	 * without --keep.  new_only: the per-person table has only people
	 * with a new introduction. */
	const struct pairmap *kept;
	int new_only;
};

/* SRC for E (or NULL), T, AS and COLUMNS (which outlive it); free with
 * output_source_free(). */
void output_source_init(struct output_source *src, struct engine *e,
    const struct attendee_table *t, const struct assignment *as,
    const struct output_columns *columns);
void output_source_free(struct output_source *src);

/* The reasons of introduction IN, as the reasons column has them: the
 * strategies' "name: reason; ...", and for a trio's third "joins as the
 * third: ...", asked as WORKER (engine_reasons).  A new string. */
char *output_reason(const struct output_source *src, size_t worker,
    const struct intro *in);

/* The new column's cell for IN: "no" if it is kept, else "yes" (static
 * strings); NULL without --keep (no such column). */
const char *output_new(const struct output_source *src,
    const struct intro *in);

/* a_id,a_name,[a_COL...],b_id,b_name,[b_COL...],score,reasons[,round]
 * [,table][,new]: the sheet "Introductions". */
void output_intros_table(struct out_table *tb,
    const struct output_source *src);

/* One row per attendee and round, round,table,id,name[,COL...], sorted
 * by id and round so each person's rows stand together (for name cards);
 * a left-out seat has no table.  The sheet "Schedule". */
void output_schedule_table(struct out_table *tb,
    const struct output_source *src);

/* id,name,[COL...],got,wanted,why: the sheet "Coverage". */
void output_coverage_table(struct out_table *tb,
    const struct output_source *src);

/* The introductions CSV: a_id,a_name,b_id,b_name,score,reasons[,round]
 * [,table]. */
void output_intros(FILE *f, struct engine *e, const struct assignment *as);

/* The schedule CSV: round,table,id,name. */
void output_schedule(FILE *f, const struct attendee_table *t,
    const struct assignment *as);

/* Coverage: id,name,got,wanted,why. */
void output_coverage(FILE *f, const struct attendee_table *t,
    const struct assignment *as);

#endif
