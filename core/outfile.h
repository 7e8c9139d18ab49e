/*
 * outfile.h -- the files mingle writes, whole or not at all.
 *
 * Files are written atomically: into a temporary file in the target's
 * folder, flushed and fsync'ed, then renamed over the target.  An error or
 * a kill never leaves a partial or truncated file; on error the temporary
 * file is removed and the target is untouched.  "-" (or NULL) is stdout.
 */
#ifndef MINGLE_OUTFILE_H
#define MINGLE_OUTFILE_H

#include <stdio.h>

struct outfile {
	char *path;		/* target, NULL for stdout */
	char *tmp;		/* temporary file beside it */
	FILE *f;
};

/* Open PATH for writing (NULL or "-": stdout).  0, or -1 with *cause. */
int outfile_open(struct outfile *o, const char *path, char **cause);
/* Flush, fsync and rename into place.  0, or -1 with *cause (the target
 * is then untouched). */
int outfile_commit(struct outfile *o, char **cause);
/* Throw the temporary file away. */
void outfile_abort(struct outfile *o);

/* Nonzero if PATH names the same file as OTHER (both may not exist). */
int outfile_same_file(const char *path, const char *other);

#endif
