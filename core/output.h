/*
 * output.h -- the only code that writes files a person reads.
 *
 * Files are written atomically: into a temporary file in the target's
 * folder, flushed and fsync'ed, then renamed over the target.  An error or
 * a kill never leaves a partial or truncated file; on error the temporary
 * file is removed and the target is untouched.  "-" (or NULL) is stdout.
 */
#ifndef MINGLE_OUTPUT_H
#define MINGLE_OUTPUT_H

#include <stdio.h>

#include "assign.h"
#include "attendees.h"
#include "engine.h"

struct out_file {
	char *path;		/* target, NULL for stdout */
	char *tmp;		/* temporary file beside it */
	FILE *f;
};

/* Open PATH for writing (NULL or "-": stdout).  0, or -1 with *cause. */
int out_open(struct out_file *o, const char *path, char **cause);
/* Flush, fsync and rename into place.  0, or -1 with *cause (the target
 * is then untouched). */
int out_commit(struct out_file *o, char **cause);
/* Throw the temporary file away. */
void out_abort(struct out_file *o);

/* Nonzero if PATH names the same file as OTHER (both may not exist). */
int out_same_file(const char *path, const char *other);

/* RFC 4180 quoting (only where needed, inner quotes doubled); rows end
 * in LF. */
void csv_put_field(FILE *f, const char *s);
void csv_put_row(FILE *f, const char *const *cells, size_t n);

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
