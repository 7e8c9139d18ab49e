/*
 * outfile.c -- files written whole: a temporary file beside the target,
 * fsync'ed and renamed into place.  See outfile.h.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "util.h"

int
outfile_open(struct outfile *o, const char *path, char **cause)
{
	int fd;

	memset(o, 0, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = xstrdup(path);
	o->tmp = xasprintf("%s.tmp-XXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		*cause = xasprintf("%s: cannot create a file beside it: %s",
		    path, strerror(errno));
		goto fail;
	}
	/* mkstemp makes 0600; an introductions file is a normal file. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	o->f = fdopen(fd, "w");
	if (o->f == NULL) {
		*cause = xasprintf("%s: %s", o->tmp, strerror(errno));
		close(fd);
		unlink(o->tmp);
		goto fail;
	}
	return 0;
fail:
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
	return -1;
}

int
outfile_commit(struct outfile *o, char **cause)
{
	int err = 0;

	if (o->path == NULL) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			*cause = xasprintf("cannot write to standard output: "
			    "%s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0)
		err = errno ? errno : EIO;
	if (fclose(o->f) != 0 && err == 0)
		err = errno;
	o->f = NULL;
	if (err == 0 && rename(o->tmp, o->path) != 0)
		err = errno;
	if (err != 0) {
		*cause = xasprintf("%s: cannot write: %s", o->path,
		    strerror(err));
		unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
	return err ? -1 : 0;
}

void
outfile_abort(struct outfile *o)
{
	if (o->path != NULL) {
		if (o->f != NULL)
			fclose(o->f);
		unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
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
