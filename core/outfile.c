/*
 * outfile.c -- temporary files renamed into place together, in-place writes
 * for what is not a regular file, and the signal handler that removes the
 * temporary files.  See outfile.h.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "util.h"

/* Temporary files at once; `mingle run` has three. */
#define OUTFILE_PENDING 8

/* Symbolic links followed before giving up, as the kernel does. */
#define OUTFILE_MAX_LINKS 40

/*
 * The temporary files that exist now, for the signal handler: storage it
 * can walk without allocating, changed only with the signals it handles
 * blocked, so it never sees half an entry.
 */
static char pending_path[OUTFILE_PENDING][PATH_MAX];
static volatile sig_atomic_t pending_used[OUTFILE_PENDING];
static int handlers_installed;

static const int cleanup_signals[] = {
	SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGXFSZ
};
#define NCLEANUP (sizeof cleanup_signals / sizeof cleanup_signals[0])

/* ---------------------------------------------------------------- signals */

/*
 * Only async-signal-safe calls: unlink(2) each temporary file, then raise
 * the signal again; SA_RESETHAND has restored its default action, so the
 * exit status says which signal ended mingle.
 */
static void
on_signal(int sig)
{
	size_t i;

	for (i = 0; i < OUTFILE_PENDING; i++)
		if (pending_used[i])
			unlink(pending_path[i]);
	raise(sig);
}

static void
cleanup_set(sigset_t *set)
{
	size_t i;

	sigemptyset(set);
	for (i = 0; i < NCLEANUP; i++)
		sigaddset(set, cleanup_signals[i]);
}

static void
signals_block(sigset_t *old)
{
	sigset_t set;

	cleanup_set(&set);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
signals_restore(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

/* Catch the cleanup signals, except those ignored when mingle started
 * (nohup, or a background job's SIGINT): they stay ignored. */
static void
handlers_install(void)
{
	struct sigaction sa, old;
	size_t i;

	if (handlers_installed)
		return;
	handlers_installed = 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	cleanup_set(&sa.sa_mask);	/* one handler run at a time */
	for (i = 0; i < NCLEANUP; i++) {
		if (sigaction(cleanup_signals[i], NULL, &old) != 0 ||
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

/* Create the temporary file from TEMPLATE (mkstemp) and enter it in the
 * table, with no moment in between a signal could leave it behind.  The
 * descriptor, or -1 with errno. */
static int
pending_create(char *template, int *slot)
{
	sigset_t old;
	size_t i;
	int fd, err = 0;

	*slot = -1;
	signals_block(&old);
	handlers_install();
	for (i = 0; i < OUTFILE_PENDING && pending_used[i]; i++)
		/* nothing */;
	if (i == OUTFILE_PENDING)
		err = EMFILE;
	else if (strlen(template) >= sizeof pending_path[i])
		err = ENAMETOOLONG;
	else if ((fd = mkstemp(template)) < 0)
		err = errno;
	else {
		memcpy(pending_path[i], template, strlen(template) + 1);
		pending_used[i] = 1;
		*slot = (int)i;
	}
	signals_restore(&old);
	if (err != 0) {
		errno = err;
		return -1;
	}
	return fd;
}

/* Remove the temporary file (if UNLINK) and its entry, together. */
static void
pending_remove(int slot, int unlink_it)
{
	sigset_t old;

	signals_block(&old);
	if (unlink_it)
		unlink(pending_path[slot]);
	pending_used[slot] = 0;
	signals_restore(&old);
}

/* ---------------------------------------------------------------- opening */

/* Follow symbolic links from PATH to a name that is none (it may not
 * exist); a new string, or NULL with errno. */
static char *
resolve_links(const char *path)
{
	char *cur = xstrdup(path), *dir, *next, link[PATH_MAX];
	struct stat st;
	ssize_t len;
	int hops;

	for (hops = 0; hops <= OUTFILE_MAX_LINKS; hops++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		len = readlink(cur, link, sizeof link);
		if (len < 0 || (size_t)len >= sizeof link) {
			if (len >= 0)
				errno = ENAMETOOLONG;
			free(cur);
			return NULL;
		}
		link[len] = '\0';
		dir = path_dirname(cur);
		next = path_join(dir, link);
		free(dir);
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

/* Is ST the file standard output is open on? */
static int
is_stdout(const struct stat *st)
{
	struct stat out;

	return fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == st->st_dev &&
	    out.st_ino == st->st_ino;
}

/* A device, FIFO or terminal: write to it as it is. */
static int
open_in_place(struct outfile *o, const char *path, char **cause)
{
	int fd;

	fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		*cause = xasprintf("%s: cannot open for writing: %s", path,
		    strerror(errno));
		return -1;
	}
	o->f = fdopen(fd, "w");
	if (o->f == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	o->path = xstrdup(path);
	return 0;
}

/* A regular file or a new one: a temporary file beside the target. */
static int
open_temp(struct outfile *o, const char *path, char **cause)
{
	char *target, *dir, *tmp;
	const char *base;
	mode_t mask;
	int fd, slot;

	if ((target = resolve_links(path)) == NULL) {
		*cause = xasprintf("%s: cannot follow the link: %s", path,
		    strerror(errno));
		return -1;
	}
	base = strrchr(target, '/');
	base = base != NULL ? base + 1 : target;
	dir = path_dirname(target);
	tmp = xasprintf("%s/.%s.tmp-XXXXXX", dir, base);
	free(dir);
	if ((fd = pending_create(tmp, &slot)) < 0) {
		*cause = xasprintf("%s: cannot create a file beside it: %s",
		    path, strerror(errno));
		free(target);
		free(tmp);
		return -1;
	}
	/* mkstemp makes 0600; an introductions file is a normal file. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	o->path = xstrdup(path);
	o->target = target;
	o->tmp = tmp;
	o->slot = slot;
	o->f = fdopen(fd, "w");
	if (o->f == NULL) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		close(fd);
		outfile_abort(o);
		return -1;
	}
	return 0;
}

int
outfile_open(struct outfile *o, const char *path, char **cause)
{
	struct stat st;

	memset(o, 0, sizeof *o);
	o->slot = -1;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	if (stat(path, &st) == 0) {
		if (is_stdout(&st)) {
			o->f = stdout;
			return 0;
		}
		if (!S_ISREG(st.st_mode))
			return open_in_place(o, path, cause);
	}
	return open_temp(o, path, cause);
}

/* ---------------------------------------------------------------- finishing */

static void
handle_reset(struct outfile *o)
{
	free(o->path);
	free(o->target);
	free(o->tmp);
	memset(o, 0, sizeof *o);
	o->slot = -1;
}

void
outfile_abort(struct outfile *o)
{
	if (o->f != NULL && o->f != stdout)
		fclose(o->f);
	if (o->tmp != NULL && o->slot >= 0)
		pending_remove(o->slot, 1);
	handle_reset(o);
}

/* Flush O, and fsync and close a temporary file: 0 or an errno. */
static int
finish(struct outfile *o)
{
	int err = 0;

	if (o->f == NULL)
		return 0;
	errno = 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		err = errno != 0 ? errno : EIO;
	if (o->f == stdout)
		return err;
	if (err == 0 && o->tmp != NULL && fsync(fileno(o->f)) != 0)
		err = errno;
	if (fclose(o->f) != 0 && err == 0)
		err = errno;
	o->f = NULL;
	return err;
}

/* The target is a regular file or missing: safe to rename over.  (It may
 * have become something else while mingle wrote.) */
static int
replaceable(const struct outfile *o)
{
	struct stat st;

	return lstat(o->target, &st) != 0 || S_ISREG(st.st_mode);
}

static char *
write_error(const struct outfile *o, int err)
{
	if (o->path == NULL)
		return xasprintf("cannot write to standard output: %s",
		    strerror(err));
	return xasprintf("%s: cannot write: %s", o->path, strerror(err));
}

/* fsync the folder holding TARGET, so the rename survives a crash; 0 or
 * an errno.  Some file systems cannot (EINVAL): nothing to do then. */
static int
sync_folder(const char *target)
{
	char *dir = path_dirname(target);
	int fd, err = 0;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		err = errno;
	else {
		if (fsync(fd) != 0 && errno != EINVAL)
			err = errno;
		close(fd);
	}
	free(dir);
	return err;
}

/* Rename every temporary file of SET into place, stopping at the first
 * that fails (outfile_abort() removes the rest); signals wait until the
 * table is up to date.  0, or -1 with *cause. */
static int
rename_all(struct outfile *const *set, size_t n, char **cause)
{
	sigset_t old;
	size_t i;
	int rc = 0;

	signals_block(&old);
	for (i = 0; i < n && rc == 0; i++) {
		struct outfile *o = set[i];

		if (o->tmp == NULL)
			continue;
		if (rename(o->tmp, o->target) != 0) {
			*cause = write_error(o, errno);
			rc = -1;
			continue;
		}
		pending_remove(o->slot, 0);
		free(o->tmp);
		o->tmp = NULL;
	}
	signals_restore(&old);
	return rc;
}

int
outfile_commit_set(struct outfile *const *set, size_t n, char **cause)
{
	size_t i;
	int err, rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		if ((err = finish(set[i])) != 0) {
			*cause = write_error(set[i], err);
			rc = -1;
		}
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (set[i]->tmp != NULL && !replaceable(set[i])) {
			*cause = xasprintf("%s: is no longer a regular file; "
			    "left as it is", set[i]->target);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = rename_all(set, n, cause);
	for (i = 0; i < n && rc == 0; i++) {
		if (set[i]->target != NULL &&
		    (err = sync_folder(set[i]->target)) != 0) {
			*cause = xasprintf("%s: written, but its folder could "
			    "not be synced: %s", set[i]->path, strerror(err));
			rc = -1;
		}
	}
	for (i = 0; i < n; i++)
		outfile_abort(set[i]);
	return rc;
}

int
outfile_commit(struct outfile *o, char **cause)
{
	return outfile_commit_set(&o, 1, cause);
}

int
outfile_same_file(const char *path, const char *other)
{
	struct stat a, b;

	if (path == NULL || other == NULL)
		return 0;
	if (stat(path, &a) != 0 || stat(other, &b) != 0)
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

void
outfile_buffer_stdout(void)
{
	static char buf[64 * 1024];

	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, buf, _IOFBF, sizeof buf);
}

int
outfile_close_stdout(char **cause)
{
	int err = 0, earlier;

	/* A write that failed before this flush left the error flag and
	 * dropped its data: its errno may be long overwritten. */
	earlier = ferror(stdout);
	errno = 0;
	if (fflush(stdout) != 0)
		err = errno != 0 ? errno : EIO;
	if (fclose(stdout) != 0 && err == 0 && errno != EBADF)
		err = errno;
	if (err == 0 && earlier) {
		*cause = xstrdup("cannot write to standard output: a write "
		    "failed (a full disk or a closed pipe?)");
		return -1;
	}
	if (err == 0)
		return 0;
	*cause = xasprintf("cannot write to standard output: %s",
	    strerror(err));
	return -1;
}
