/*
 * test_outfile.c -- unit tests for core/outfile.c: temporary files renamed
 * into place (on abort or error the target is untouched and no temporary
 * file is left), links followed, devices and FIFOs written in place, sets
 * committed all or nothing, signals cleaning up, and standard output.
 */
#include "autoconf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
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

/* Is the file's text TEXT? */
static int
holds(const char *path, const char *text)
{
	char *s = slurp(path);
	int same = s != NULL && strcmp(s, text) == 0;

	free(s);
	return same;
}

/* Files under DIR (one level of folders down too) with ".tmp-" in their
 * name. */
static int
temps_in(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".tmp-") != NULL)
			n++;
		else if (e->d_type == DT_DIR && e->d_name[0] != '.') {
			char *sub = xasprintf("%s/%s", path, e->d_name);

			n += temps_in(sub);
			free(sub);
		}
	}
	closedir(d);
	return n;
}

static int
temp_files(void)
{
	return temps_in(dir);
}

static int
reset_handle(const struct outfile *o)
{
	return o->f == NULL && o->path == NULL && o->target == NULL &&
	    o->tmp == NULL;
}

/* Open PATH, write TEXT, commit; 0 or -1 (the cause printed as a TAP
 * comment). */
static int
write_whole(const char *path, const char *text)
{
	struct outfile o;
	char *cause = NULL;

	if (outfile_open(&o, path, &cause) == 0) {
		fputs(text, o.f);
		if (outfile_commit(&o, &cause) == 0)
			return 0;
	}
	printf("#   %s\n", cause);
	free(cause);
	return -1;
}

/* ------------------------------------------------------------ regular files */

static void
test_commit(void)
{
	struct outfile o;
	struct stat st;
	char *path = in_dir("intros.csv"), *cause = NULL, *want;
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
	want = in_dir(".intros.csv.tmp-");
	ok(o.tmp != NULL && strncmp(o.tmp, want, strlen(want)) == 0,
	    "the temporary file is .NAME.tmp-XXXXXX, in the target's folder");
	free(want);
	fputs("a,b\n1,2\n", o.f);
	rc = outfile_commit(&o, &cause);
	ok(rc == 0, "outfile_commit");
	ok(holds(path, "a,b\n1,2\n"), "the target holds what was written");
	is_int(temp_files(), 0, "no temporary file left");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644,
	    "mode follows the umask (0644), not mkstemp's 0600");
	ok(reset_handle(&o), "the handle is reset");

	/* Over an existing file. */
	put(path, "OLD\n");
	rc = outfile_open(&o, path, &cause);
	ok(rc == 0, "outfile_open over an existing file");
	ok(holds(path, "OLD\n"), "the old file is untouched while writing");
	fputs("NEW\n", o.f);
	fflush(o.f);
	ok(holds(path, "OLD\n"), "still untouched after a flush");
	rc = outfile_commit(&o, &cause);
	ok(rc == 0, "commit over it");
	ok(holds(path, "NEW\n"), "replaced whole on commit");
	is_int(temp_files(), 0, "no temporary file left");
	unlink(path);
	free(path);
}

static void
test_abort(void)
{
	struct outfile o;
	char *path = in_dir("keep.csv"), *fresh = in_dir("fresh.csv");
	char *cause = NULL;
	size_t i;

	put(path, "OLD\n");
	ok(outfile_open(&o, path, &cause) == 0, "outfile_open");
	for (i = 0; i < 10000; i++)
		fputs("partial line that is long enough to hit the disk\n",
		    o.f);
	fflush(o.f);
	outfile_abort(&o);
	ok(holds(path, "OLD\n"), "after abort the target is untouched");
	is_int(temp_files(), 0, "after abort no temporary file is left");
	ok(reset_handle(&o), "abort resets the handle");
	outfile_abort(&o);
	ok(1, "abort twice is harmless");

	ok(outfile_open(&o, fresh, &cause) == 0, "outfile_open a new file");
	fputs("x\n", o.f);
	outfile_abort(&o);
	ok(access(fresh, F_OK) != 0, "an aborted new file never appears");
	is_int(temp_files(), 0, "and leaves nothing behind");
	unlink(path);
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
	ok(reset_handle(&o), "a failed open leaves a zeroed handle");
	outfile_abort(&o);
	free(want);
	free(cause);
	cause = NULL;
	free(path);

	/* The target is a folder: refused at once, nothing created. */
	path = in_dir("adir");
	mkdir(path, 0755);
	rc = outfile_open(&o, path, &cause);
	ok(rc != 0, "outfile_open on a folder fails");
	want = xasprintf("%s: cannot open for writing: %s", path,
	    strerror(EISDIR));
	is_str(cause, want, "and says why");
	free(want);
	free(cause);
	cause = NULL;
	ok(stat(path, &st) == 0 && S_ISDIR(st.st_mode),
	    "the folder is still a folder");
	is_int(temp_files(), 0, "no temporary file was made");
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

/* ------------------------------------------------------------ links */

static void
test_links(void)
{
	char *real = in_dir("real.csv"), *link1 = in_dir("link.csv");
	char *sub = in_dir("sub"), *deep = in_dir("sub/deep.csv");
	char *hop = in_dir("sub/hop.csv"), *chain = in_dir("chain.csv");
	char *dangling = in_dir("dangling.csv"), *created = in_dir("new.csv");
	char *loop1 = in_dir("loop1"), *loop2 = in_dir("loop2");
	char *cause = NULL, *want, buf[64];
	struct outfile o;
	struct stat st;
	ssize_t len;

	put(real, "OLD\n");
	mkdir(sub, 0755);
	put(deep, "OLD\n");
	if (symlink("real.csv", link1) != 0 ||
	    symlink("deep.csv", hop) != 0 ||
	    symlink("sub/hop.csv", chain) != 0 ||
	    symlink("new.csv", dangling) != 0 ||
	    symlink("loop2", loop1) != 0 || symlink("loop1", loop2) != 0)
		perror("symlink");

	ok(write_whole(link1, "NEW\n") == 0, "write through a link");
	ok(lstat(link1, &st) == 0 && S_ISLNK(st.st_mode),
	    "the link is still a link");
	len = readlink(link1, buf, sizeof buf - 1);
	buf[len > 0 ? len : 0] = '\0';
	is_str(buf, "real.csv", "pointing where it did");
	ok(holds(real, "NEW\n"), "its target was replaced");

	ok(write_whole(chain, "NEW\n") == 0, "write through two links");
	ok(lstat(chain, &st) == 0 && S_ISLNK(st.st_mode) &&
	    lstat(hop, &st) == 0 && S_ISLNK(st.st_mode),
	    "both links stay links");
	ok(holds(deep, "NEW\n"),
	    "the last target, relative to its link's folder, was replaced");

	ok(write_whole(dangling, "NEW\n") == 0, "write through a dangling "
	    "link");
	ok(lstat(dangling, &st) == 0 && S_ISLNK(st.st_mode),
	    "the dangling link is still a link");
	ok(holds(created, "NEW\n"), "its target was created");
	is_int(temp_files(), 0, "no temporary file left after links");

	ok(outfile_open(&o, loop1, &cause) != 0, "a loop of links fails");
	want = xasprintf("%s: cannot follow the link: %s", loop1,
	    strerror(ELOOP));
	is_str(cause, want, "and says so");
	free(want);
	free(cause);

	unlink(loop1);
	unlink(loop2);
	unlink(dangling);
	unlink(created);
	unlink(chain);
	unlink(hop);
	unlink(deep);
	rmdir(sub);
	unlink(link1);
	unlink(real);
	free(loop1);
	free(loop2);
	free(dangling);
	free(created);
	free(chain);
	free(hop);
	free(deep);
	free(sub);
	free(link1);
	free(real);
}

/* ------------------------------------------------------------ in place */

static void
test_fifo(void)
{
	char *fifo = in_dir("pipe"), *got = in_dir("from-pipe");
	struct outfile o;
	struct stat st;
	char *cause = NULL;
	pid_t pid;
	int status, rc;

	if (mkfifo(fifo, 0600) != 0) {
		perror("mkfifo");
		exit(99);
	}
	fflush(stdout);
	if ((pid = fork()) == 0) {	/* the reader */
		char buf[256];
		ssize_t n;
		int in = open(fifo, O_RDONLY), out;

		out = open(got, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf))
		    > 0)
			if (write(out, buf, (size_t)n) != n)
				_exit(1);
		_exit(in < 0 || out < 0 || close(out) != 0);
	}
	rc = outfile_open(&o, fifo, &cause);
	ok(rc == 0 && o.tmp == NULL, "a FIFO is opened in place");
	if (rc == 0) {
		is_int(temp_files(), 0, "with no temporary file");
		fputs("through the pipe\n", o.f);
		ok(outfile_commit(&o, &cause) == 0, "and committed");
	} else {
		printf("#   %s\n", cause);
		free(cause);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    holds(got, "through the pipe\n"), "the reader got it all");
	ok(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode),
	    "the FIFO is still a FIFO");
	unlink(fifo);
	unlink(got);
	free(fifo);
	free(got);
}

static void
test_devices(void)
{
	char *null = in_dir("null"), *full = in_dir("full"), *cause = NULL;
	char *want;
	struct outfile o;
	struct stat st;

	/* Our own devices, never the machine's /dev/null and /dev/full. */
	if (mknod(null, S_IFCHR | 0666, makedev(1, 3)) != 0 ||
	    mknod(full, S_IFCHR | 0666, makedev(1, 7)) != 0) {
		ok(1, "# SKIP mknod needs root");
		ok(1, "# SKIP mknod needs root");
		ok(1, "# SKIP mknod needs root");
		ok(1, "# SKIP mknod needs root");
		unlink(null);
		free(null);
		free(full);
		return;
	}
	ok(write_whole(null, "into nothing\n") == 0, "write to a null device");
	ok(stat(null, &st) == 0 && S_ISCHR(st.st_mode),
	    "it is still a character device");

	ok(outfile_open(&o, full, &cause) == 0, "open a full device");
	fputs("no room\n", o.f);
	ok(outfile_commit(&o, &cause) != 0, "committing it fails");
	want = xasprintf("%s: cannot write: %s", full, strerror(ENOSPC));
	is_str(cause, want, "and says why");
	free(want);
	free(cause);
	ok(stat(full, &st) == 0 && S_ISCHR(st.st_mode),
	    "the full device is still a character device");
	is_int(temp_files(), 0, "no temporary file next to the devices");
	unlink(null);
	unlink(full);
	free(null);
	free(full);
}

/* ------------------------------------------------------------ sets */

static void
test_set(void)
{
	char *a = in_dir("a.csv"), *b = in_dir("b.csv"), *c = in_dir("c.csv");
	char *cause = NULL, *want;
	struct outfile oa, ob, oc, unused;
	struct outfile *const set[] = { &oa, &ob, &unused, &oc };
	struct rlimit old, small;
	size_t i;
	int rc;

	put(a, "OLD A\n");
	put(b, "OLD B\n");
	put(c, "OLD C\n");
	memset(&unused, 0, sizeof unused);
	if (outfile_open(&oa, a, &cause) != 0 ||
	    outfile_open(&ob, b, &cause) != 0 ||
	    outfile_open(&oc, c, &cause) != 0) {
		printf("Bail out! %s\n", cause);
		exit(99);
	}
	fputs("NEW A\n", oa.f);
	fputs("NEW C\n", oc.f);

	/* A full disk while B is written: no file may grow past 4 kB (and
	 * SIGXFSZ ignored, so write(2) fails with EFBIG).  Nothing is
	 * printed while the limit holds. */
	fflush(stdout);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 4096;
	setrlimit(RLIMIT_FSIZE, &small);
	for (i = 0; i < 1000; i++)
		fputs("a line of B that will not fit\n", ob.f);
	rc = outfile_commit_set(set, 4, &cause);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);

	ok(rc != 0, "a set with a file that cannot be written fails");
	want = xasprintf("%s: cannot write: %s", b, strerror(EFBIG));
	is_str(cause, want, "naming the file and why");
	free(want);
	free(cause);
	cause = NULL;
	ok(holds(a, "OLD A\n"), "the file before it is untouched");
	ok(holds(b, "OLD B\n"), "the failed file is untouched");
	ok(holds(c, "OLD C\n"), "the file after it is untouched");
	is_int(temp_files(), 0, "no temporary file left");
	ok(reset_handle(&oa) && reset_handle(&ob) && reset_handle(&oc),
	    "every handle is reset");

	/* The same set, with room: all three. */
	if (outfile_open(&oa, a, &cause) != 0 ||
	    outfile_open(&ob, b, &cause) != 0 ||
	    outfile_open(&oc, c, &cause) != 0) {
		printf("Bail out! %s\n", cause);
		exit(99);
	}
	fputs("NEW A\n", oa.f);
	fputs("NEW B\n", ob.f);
	fputs("NEW C\n", oc.f);
	ok(outfile_commit_set(set, 4, &cause) == 0, "a set that fits");
	ok(holds(a, "NEW A\n") && holds(b, "NEW B\n") && holds(c, "NEW C\n"),
	    "all three are in place");
	is_int(temp_files(), 0, "no temporary file left");
	unlink(a);
	unlink(b);
	unlink(c);
	free(a);
	free(b);
	free(c);
}

/* A target that stopped being a regular file while mingle wrote is left
 * alone, and so is the rest of the set. */
static void
test_target_changed(void)
{
	char *a = in_dir("a.csv"), *b = in_dir("b.csv"), *cause = NULL;
	struct outfile oa, ob;
	struct outfile *const set[] = { &oa, &ob };
	struct stat st;

	put(a, "OLD A\n");
	if (outfile_open(&oa, a, &cause) != 0 ||
	    outfile_open(&ob, b, &cause) != 0) {
		printf("Bail out! %s\n", cause);
		exit(99);
	}
	fputs("NEW A\n", oa.f);
	fputs("NEW B\n", ob.f);
	mkfifo(b, 0600);
	ok(outfile_commit_set(set, 2, &cause) != 0,
	    "a target that became a FIFO fails the set");
	like(cause, "is no longer a regular file", "and says so");
	free(cause);
	ok(lstat(b, &st) == 0 && S_ISFIFO(st.st_mode), "the FIFO stays");
	ok(holds(a, "OLD A\n"), "the other file is untouched");
	is_int(temp_files(), 0, "no temporary file left");
	unlink(a);
	unlink(b);
	free(a);
	free(b);
}

/* ------------------------------------------------------------ signals */

/* In a child: open two files, write, and get SIG (ignored first if
 * IGNORE).  Its wait status. */
static int
signalled_child(int sig, int ignore)
{
	char *a = in_dir("sig-a.csv"), *b = in_dir("sig-b.csv");
	struct outfile oa, ob;
	char *cause = NULL;
	pid_t pid;
	int status;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (ignore)
			signal(sig, SIG_IGN);
		if (outfile_open(&oa, a, &cause) != 0 ||
		    outfile_open(&ob, b, &cause) != 0)
			_exit(98);
		fputs("A\n", oa.f);
		fflush(oa.f);
		if (temp_files() != 2)
			_exit(97);
		raise(sig);
		outfile_abort(&oa);
		outfile_abort(&ob);
		_exit(temp_files() == 0 ? 0 : 96);
	}
	waitpid(pid, &status, 0);
	free(a);
	free(b);
	return status;
}

static void
test_signals(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	char what[64];
	size_t i;
	int status;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		status = signalled_child(sigs[i], 0);
		snprintf(what, sizeof what, "%s ends the process",
		    strsignal(sigs[i]));
		ok(WIFSIGNALED(status) && WTERMSIG(status) == sigs[i], what);
		if (!WIFSIGNALED(status))
			printf("#   exit status %d\n", WEXITSTATUS(status));
		snprintf(what, sizeof what, "%s removes the temporary files",
		    strsignal(sigs[i]));
		is_int(temp_files(), 0, what);
	}
}

/* Run first: the child must make the first temporary file of its process,
 * when outfile.c looks at which signals are ignored. */
static void
test_ignored_signal(void)
{
	int status = signalled_child(SIGHUP, 1);

	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "an ignored SIGHUP stays ignored, and the run goes on");
	is_int(temp_files(), 0, "then nothing is left either");
}

/* ------------------------------------------------------------ stdout */

/* In a child whose stdout is PATH (or closed if NULL), print TEXT and
 * close stdout; the exit status says whether the cause was WANT (or, for
 * NULL, that closing succeeded). */
static int
close_stdout_child(const char *path, const char *text, const char *want)
{
	char *cause = NULL;
	pid_t pid;
	int status, fd;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(STDOUT_FILENO);
		if (path != NULL) {
			fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fd != STDOUT_FILENO)
				_exit(98);
		}
		fputs(text, stdout);
		if (outfile_close_stdout(&cause) != 0)
			_exit(want != NULL && strcmp(cause, want) == 0 ? 0 :
			    2);
		_exit(want == NULL ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
test_stdout(void)
{
	char *file = in_dir("stdout.txt"), *want;

	want = xasprintf("cannot write to standard output: %s",
	    strerror(ENOSPC));
	is_int(close_stdout_child("/dev/full", "text\n", want), 0,
	    "stdout on a full device: closing it fails and says why");
	free(want);
	is_int(close_stdout_child(file, "text\n", NULL), 0,
	    "stdout on a file: closing it succeeds");
	ok(holds(file, "text\n"), "and the text arrived");
	is_int(close_stdout_child(NULL, "", NULL), 0,
	    "a closed stdout nothing was written to is no error");
	want = xasprintf("cannot write to standard output: %s",
	    strerror(EBADF));
	is_int(close_stdout_child(NULL, "lost\n", want), 0,
	    "but text written to a closed stdout is");
	free(want);
	unlink(file);
	free(file);
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
	test_ignored_signal();
	test_commit();
	test_abort();
	test_errors();
	test_same_file();
	test_links();
	test_fifo();
	test_devices();
	test_set();
	test_target_changed();
	test_signals();
	test_stdout();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return tap_done();
}
