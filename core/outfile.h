/*
 * outfile.h -- the files mingle writes: whole, all together, or not at all.
 *
 * What a name given to outfile_open() gets:
 *   - "-" or NULL: standard output.
 *   - a regular file, or a name that does not exist yet: a temporary file
 *     beside it, named .NAME.tmp-XXXXXX (same folder, so the rename is
 *     atomic), written, fsync'ed, then renamed over NAME.  A symbolic link
 *     is followed first (relative targets from the link's folder), so the
 *     link stays a link and its final target -- created if the link
 *     dangles -- is what gets replaced.
 *   - anything else (a character device such as /dev/null or /dev/full, a
 *     FIFO, a terminal) is opened and written in place, as a shell
 *     redirection would, and never replaced.  So is the file that already
 *     is standard output (/dev/stdout): mingle writes through its stdout.
 *
 * Nothing is renamed before outfile_commit_set() has written and synced
 * every file of the set: a full disk, or any other error, leaves every
 * target as it was, with no temporary file left.  What went to a target
 * written in place (a FIFO, a device, standard output) cannot be taken
 * back.  After the renames the folders are fsync'ed.
 *
 * Signals: while temporary files exist, SIGHUP, SIGINT, SIGPIPE, SIGQUIT,
 * SIGTERM and SIGXFSZ remove them before mingle dies of the signal (so its
 * exit status still says which); a signal ignored when mingle started stays
 * ignored.  SIGKILL cannot be caught: after one, .NAME.tmp-XXXXXX files
 * may remain beside their targets, and deleting them is safe.
 */
#ifndef MINGLE_OUTFILE_H
#define MINGLE_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

struct outfile {
	char *path;	/* as named, for messages; NULL for standard output */
	char *target;	/* the regular file to replace, links followed */
	char *tmp;	/* the temporary file beside TARGET, while it exists */
	FILE *f;	/* write here */
	int slot;	/* TMP's entry in the signal handler's table */
};

/*
 * Open PATH for writing, as above.  Opening a FIFO waits for a reader.
 * 0, or -1 with *cause (and a zeroed handle).
 */
int outfile_open(struct outfile *o, const char *path, char **cause);

/*
 * Finish the N handles of SET together: flush and check every one, fsync
 * and close the temporary files, and only when all of that succeeded
 * rename them all into place.  Zeroed handles (never opened) are skipped.
 * 0, or -1 with *cause naming the first file that failed; then no target
 * was replaced (unless a rename itself fails after others succeeded, which
 * a full disk cannot cause).  Either way every handle is reset.
 */
int outfile_commit_set(struct outfile *const *set, size_t n, char **cause);

/* outfile_commit_set() of one file. */
int outfile_commit(struct outfile *o, char **cause);

/* Close the file and remove the temporary one; the target is untouched.
 * Harmless on a zeroed or already finished handle. */
void outfile_abort(struct outfile *o);

/* Nonzero if PATH names the same file as OTHER, symbolic links followed;
 * a name that does not exist (or NULL) is no file. */
int outfile_same_file(const char *path, const char *other);

/*
 * For main(), before any command writes: standard output that is not a
 * terminal gets a 64 KiB buffer, so that a command's output (a report,
 * the help, a listing) reaches it in one write at the end, and the reason
 * a write fails (a full disk) is still known when outfile_close_stdout()
 * asks.  A terminal stays line-buffered.
 */
void outfile_buffer_stdout(void);

/*
 * Flush and close standard output; for main(), once the command succeeded.
 * 0, or -1 with *cause ("cannot write to standard output: ...").  A closed
 * standard output nothing was written to is no error.  Where an earlier
 * write failed and its reason is gone (output beyond the buffer), the
 * message says so instead of naming a reason.
 */
int outfile_close_stdout(char **cause);

#endif
