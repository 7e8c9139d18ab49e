/*
 * output.h -- the CSV mingle writes: introductions, schedule, coverage.
 *
 * These functions only write to a stream; they do not check for errors.
 * A failed write (a full disk, a closed pipe) sets the stream's error
 * flag, which outfile_commit() reports (see outfile.h), and then no file
 * is put in place.
 */
#ifndef MINGLE_OUTPUT_H
#define MINGLE_OUTPUT_H

#include <stdio.h>

#include "assign.h"
#include "attendees.h"
#include "engine.h"

/* The introductions CSV: a_id,a_name,b_id,b_name,score,reasons[,round]
 * [,table]. */
void output_intros(FILE *f, struct engine *e, const struct assignment *as);

/* One row per attendee and round, round,table,id,name, sorted by id and
 * round so each person's rows stand together (for name cards). */
void output_schedule(FILE *f, const struct attendee_table *t,
    const struct assignment *as);

/* Coverage: id,name,got,wanted,why. */
void output_coverage(FILE *f, const struct attendee_table *t,
    const struct assignment *as);

#endif
