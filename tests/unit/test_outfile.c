/*
 * test_outfile.c -- unit tests for core/outfile.c: atomic files (temp file
 * + rename; on abort or error the target is untouched and no temporary
 * file is left).
 */
#include "autoconf.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "tap.h"
#include "util.h"

static char dir[] = "/tmp/mingle-test-outfile.XXXXXX";

/* ------------------------------------------------------------ helpers */

static char *
in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

/* The file's text, or NULL if it cannot be read; new. */
static char *
slurp(const char *path)
{
	char *cause = NULL, *s;
	size_t len;

	s = read_file(path, &len, &cause);
	free(cause);
	return s;
}

/* Files in DIR whose name contains ".tmp-". */
static int
temp_files(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, ".tmp-") != NULL)
			n++;
	closedir(d);
	return n;
}

/* ------------------------------------------------------------ atomic files */

static void
test_commit(void)
{
	struct outfile o;
	struct stat st;
	char *path = in_dir("intros.csv"), *cause = NULL, *s;
	int rc;

	rc = outfile_open(&o, path, &cause);
	ok(rc == 0 && o.f != NULL, "outfile_open a new file");
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
		free(path);
		return;
	}
	ok(access(path, F_OK) != 0, "the target does not exist before commit");
	is_int(temp_files(), 1, "one temporary file beside it");
	ok(o.tmp != NULL && strncmp(o.tmp, path, strlen(path)) == 0,
	    "the temporary file is named after the target, in its folder");
	fputs("a,b\n1,2\n", o.f);
	rc = outfile_commit(&o, &cause);
	ok(rc == 0, "outfile_commit");
	s = slurp(path);
	is_str(s, "a,b\n1,2\n", "the target holds what was written");
	free(s);
	is_int(temp_files(), 0, "no temporary file left");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644,
	    "mode follows the umask (0644), not mkstemp's 0600");
	ok(o.f == NULL && o.path == NULL && o.tmp == NULL,
	    "the handle is reset");

	/* Over an existing file. */
	put(path, "OLD\n");
	rc = outfile_open(&o, path, &cause);
	ok(rc == 0, "outfile_open over an existing file");
	s = slurp(path);
	is_str(s, "OLD\n", "the old file is untouched while writing");
	free(s);
	fputs("NEW\n", o.f);
	fflush(o.f);
	s = slurp(path);
	is_str(s, "OLD\n", "still untouched after a flush");
	free(s);
	rc = outfile_commit(&o, &cause);
	s = slurp(path);
	ok(rc == 0, "commit over it");
	is_str(s, "NEW\n", "replaced whole on commit");
	free(s);
	is_int(temp_files(), 0, "no temporary file left");
	unlink(path);
	free(path);
}

static void
test_abort(void)
{
	struct outfile o;
	char *path = in_dir("keep.csv"), *fresh = in_dir("fresh.csv");
	char *cause = NULL, *s;
	size_t i;

	put(path, "OLD\n");
	ok(outfile_open(&o, path, &cause) == 0, "outfile_open");
	for (i = 0; i < 10000; i++)
		fputs("partial line that is long enough to hit the disk\n",
		    o.f);
	fflush(o.f);
	outfile_abort(&o);
	s = slurp(path);
	is_str(s, "OLD\n", "after abort the target is untouched");
	free(s);
	is_int(temp_files(), 0, "after abort no temporary file is left");
	ok(o.f == NULL && o.path == NULL && o.tmp == NULL,
	    "abort resets the handle");
	outfile_abort(&o);
	ok(1, "abort twice is harmless");

	ok(outfile_open(&o, fresh, &cause) == 0, "outfile_open a new file");
	fputs("x\n", o.f);
	outfile_abort(&o);
	ok(access(fresh, F_OK) != 0, "an aborted new file never appears");
	is_int(temp_files(), 0, "and leaves nothing behind");
	free(path);
	free(fresh);
}

static void
test_errors(void)
{
	struct outfile o;
	char *path, *cause = NULL, *want;
	struct stat st;
	int rc;

	path = in_dir("no/such/folder/out.csv");
	memset(&o, 0x5a, sizeof o);
	rc = outfile_open(&o, path, &cause);
	ok(rc != 0, "outfile_open in a missing folder fails");
	want = xasprintf("%s: cannot create a file beside it: %s", path,
	    strerror(ENOENT));
	is_str(cause, want, "and says where and why");
	ok(o.f == NULL && o.path == NULL && o.tmp == NULL,
	    "a failed open leaves a zeroed handle");
	outfile_abort(&o);
	free(want);
	free(cause);
	cause = NULL;
	free(path);

	/* The target is a folder: rename fails, nothing is left. */
	path = in_dir("adir");
	mkdir(path, 0755);
	rc = outfile_open(&o, path, &cause);
	ok(rc == 0, "outfile_open beside a folder works");
	if (rc == 0) {
		fputs("data\n", o.f);
		rc = outfile_commit(&o, &cause);
		ok(rc != 0, "committing over a folder fails");
		want = xasprintf("%s: cannot write: %s", path,
		    strerror(EISDIR));
		is_str(cause, want, "and says why");
		free(want);
		free(cause);
		cause = NULL;
		ok(stat(path, &st) == 0 && S_ISDIR(st.st_mode),
		    "the folder is still a folder");
		is_int(temp_files(), 0, "the temporary file was removed");
	}
	rmdir(path);
	free(path);

	/* Standard output. */
	rc = outfile_open(&o, "-", &cause);
	ok(rc == 0 && o.f == stdout && o.path == NULL, "'-' is stdout");
	ok(outfile_commit(&o, &cause) == 0, "committing stdout flushes it");
	rc = outfile_open(&o, NULL, &cause);
	ok(rc == 0 && o.f == stdout, "NULL is stdout");
	outfile_abort(&o);
	ok(fflush(stdout) == 0 && !ferror(stdout),
	    "aborting stdout leaves it open");
}

static void
test_same_file(void)
{
	char *a = in_dir("a.csv"), *b = in_dir("b.csv"), *dot, *hard, *soft;
	char *missing = in_dir("missing.csv");

	put(a, "a\n");
	put(b, "a\n");
	dot = xasprintf("%s/./a.csv", dir);
	hard = in_dir("hard.csv");
	soft = in_dir("soft.csv");
	if (link(a, hard) != 0 || symlink(a, soft) != 0)
		perror("link");
	ok(outfile_same_file(a, a), "a file is itself");
	ok(outfile_same_file(dot, a), "another spelling of the same path");
	ok(outfile_same_file(hard, a), "a hard link is the same file");
	ok(outfile_same_file(soft, a), "a symbolic link is the same file");
	ok(!outfile_same_file(a, b), "two files with the same text are not");
	ok(!outfile_same_file(missing, a), "a missing file is no file");
	ok(!outfile_same_file(missing, missing), "even compared with itself");
	ok(!outfile_same_file(NULL, a) && !outfile_same_file(a, NULL),
	    "NULL (stdout) is no file");
	unlink(hard);
	unlink(soft);
	unlink(a);
	unlink(b);
	free(a);
	free(b);
	free(dot);
	free(hard);
	free(soft);
	free(missing);
}

int
main(void)
{
	char *cmd;

	umask(022);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_commit();
	test_abort();
	test_errors();
	test_same_file();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return tap_done();
}
