/*
 * test_util.c -- unit tests for core/util.c: strbuf, edit distance and
 * suggestions, strict number parsing, sizes, paths and read_file with its
 * limits and its check for a file changing while it is read.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"
#include "util.h"

static char tmpdir[] = "/tmp/mingle-test-util.XXXXXX";

static void
test_strbuf(void)
{
	struct strbuf sb = { 0 };
	char *s;
	size_t i;

	s = strbuf_detach(&sb);
	is_str(s, "", "detach of an empty strbuf gives \"\", not NULL");
	free(s);

	strbuf_puts(&sb, "ab");
	strbuf_putc(&sb, 'c');
	strbuf_add(&sb, "defgh", 2);
	strbuf_printf(&sb, "-%d-%s", 42, "x");
	is_str(sb.buf, "abcde-42-x", "puts, putc, add and printf append");
	is_int(sb.len, 10, "len counts the bytes");

	for (i = 0; i < 10000; i++)
		strbuf_putc(&sb, (char)('a' + i % 26));
	is_int(sb.len, 10010, "grows past its first allocation");
	ok(sb.cap > sb.len && sb.buf[sb.len] == '\0',
	    "always NUL-terminated with room to spare");
	ok(sb.buf[10] == 'a' && sb.buf[10009] == (char)('a' + 9999 % 26),
	    "content survives growth");

	s = strbuf_detach(&sb);
	ok(sb.buf == NULL && sb.len == 0 && sb.cap == 0,
	    "detach resets the strbuf");
	is_int(strlen(s), 10010, "the detached string is whole");
	free(s);

	strbuf_add(&sb, "a\0b", 3);
	is_int(sb.len, 3, "add keeps embedded NUL bytes in len");
	ok(memcmp(sb.buf, "a\0b", 4) == 0, "and in the buffer");
	strbuf_free(&sb);
	ok(sb.buf == NULL && sb.len == 0, "free resets the strbuf");
	strbuf_free(&sb);	/* twice is harmless */
	ok(sb.buf == NULL, "free twice is harmless");
}

static void
test_strings(void)
{
	char *s;

	s = xstrndup("abcdef", 3);
	is_str(s, "abc", "xstrndup copies N bytes");
	free(s);
	s = xasprintf("%s=%05.1f", "k", 2.25);
	is_str(s, "k=002.2", "xasprintf formats");
	free(s);
}

static void
test_edit_distance(void)
{
	is_int(edit_distance("kitten", "sitting", 10), 3, "kitten/sitting");
	is_int(edit_distance("", "abc", 10), 3, "empty against abc");
	is_int(edit_distance("abc", "", 10), 3, "abc against empty");
	is_int(edit_distance("", "", 0), 0, "empty against empty");
	is_int(edit_distance("same", "same", 0), 0, "equal strings");
	is_int(edit_distance("FILE", "file", 0), 0, "ASCII case ignored");
	is_int(edit_distance("abc", "xyz", 1), 2,
	    "capped at limit + 1 when further");
	is_int(edit_distance("a", "abcdefgh", 3), 4,
	    "length difference beyond the limit: limit + 1");
	is_int(edit_distance("per_atendee", "per_attendee", 4), 1,
	    "one missing letter");
	is_int(edit_distance("mdoe", "mode", 4), 2,
	    "a transposition is two edits");
}

static void
test_closest_match(void)
{
	static const char *const keys[] = {
		"mode", "per_attendee", "min_per_attendee",
		"max_per_attendee", "candidates", "min_score", "seed"
	};
	const size_t n = sizeof keys / sizeof keys[0];

	is_str(closest_match("per_atendee", keys, n), "per_attendee",
	    "a typo finds its key");
	is_str(closest_match("MODE", keys, n), "mode", "case-insensitive");
	is_str(closest_match("mod", keys, n), "mode", "a dropped letter");
	is_str(closest_match("min_scroe", keys, n), "min_score",
	    "a swapped pair");
	is_str(closest_match("zzzzzzzz", keys, n), NULL,
	    "nothing close: NULL");
	is_str(closest_match("cand", keys, n), "candidates",
	    "a prefix of three or more letters is a plausible slip");
	is_str(closest_match("ca", keys, n), NULL,
	    "a two-letter prefix is not");
	is_str(closest_match("anything", keys, 0), NULL, "no candidates");
	is_str(closest_match("mide", keys, n), "mode",
	    "the nearest one wins");
	is_str(closest_match("sede", keys, n), "mode",
	    "on a tie (mode and seed, two edits each) the first one wins");
}

static void
test_parse_double(void)
{
	double d = -1;

	ok(parse_double("1.5", &d) == 0 && d == 1.5, "1.5");
	ok(parse_double("  -2.25\t", &d) == 0 && d == -2.25,
	    "spaces around are allowed");
	ok(parse_double("1e3", &d) == 0 && d == 1000, "exponent");
	d = 7;
	ok(parse_double("", &d) != 0 && d == 7, "empty fails, *out kept");
	ok(parse_double("   ", &d) != 0 && d == 7, "blank fails");
	ok(parse_double("1.5x", &d) != 0 && d == 7, "trailing junk fails");
	ok(parse_double("x1", &d) != 0, "leading junk fails");
	ok(parse_double("1 2", &d) != 0, "two numbers fail");
	ok(parse_double("12,5", &d) != 0, "a decimal comma is not C syntax");
	ok(parse_double("inf", &d) != 0, "inf is not finite");
	ok(parse_double("nan", &d) != 0, "nan is not finite");
	ok(parse_double("1e999", &d) != 0, "overflow fails");
	is_num(d, 7, 0, "*out untouched by failures");
}

static void
test_wildcard(void)
{
	ok(wildcard_match("ja*", "ja, gerne"), "wildcard: a prefix");
	ok(wildcard_match("*später*", "ja, aber später"), "wildcard: inside");
	ok(wildcard_match("*", ""), "wildcard: '*' matches nothing too");
	ok(wildcard_match("a*b*c", "aXbYbZc"), "wildcard: goes back");
	ok(!wildcard_match("a*b*c", "aXbYbZ"), "wildcard: and fails");
	ok(wildcard_match("nein", "nein"), "wildcard: none, exact");
	ok(!wildcard_match("nein", "nein danke"), "wildcard: none, whole");
	ok(!wildcard_match("Ja*", "ja"), "wildcard: case counts");
}

static void
test_problems(void)
{
	struct problems p = { { NULL, 0, 0 }, 0 };
	char *s;
	int i;

	ok(problems_message(&p, "rows") == NULL, "problems: none, no message");
	problems_add(&p, "f:%d: bad", 2);
	s = problems_message(&p, "rows");
	is_str(s, "f:2: bad", "problems: one is the message as it was");
	free(s);
	for (i = 1; i <= 23; i++)
		problems_add(&p, "f:%d: bad", i);
	s = problems_message(&p, "rows like these");
	ok(s != NULL && strncmp(s, "f:1: bad\nf:2: bad\n", 18) == 0,
	    "problems: a line each");
	like(s, "\nf:20: bad\nand 3 more rows like these",
	    "problems: twenty, then how many more");
	ok(s != NULL && strstr(s, "f:21") == NULL, "problems: not the 21st");
	free(s);
	ok(p.n == 0 && p.text.buf == NULL, "problems: reset");
}

static void
test_parse_decimal(void)
{
	double d = -1;

	ok(parse_decimal("2.5", &d) == 0 && d == 2.5, "decimal: 2.5");
	ok(parse_decimal("2,5", &d) == 0 && d == 2.5,
	    "decimal: a decimal comma");
	ok(parse_decimal(" 1.234,5 ", &d) == 0 && d == 1234.5,
	    "decimal: German thousands, spaces around");
	ok(parse_decimal("1,234.5", &d) == 0 && d == 1234.5,
	    "decimal: English thousands");
	d = 7;
	ok(parse_decimal("1,2,3", &d) != 0, "decimal: two decimal commas fail");
	ok(parse_decimal("zwei", &d) != 0, "decimal: a word fails");
	ok(parse_decimal(",", &d) != 0, "decimal: a lone comma fails");
	is_num(d, 7, 0, "decimal: *out untouched by failures");
}

static void
test_parse_long(void)
{
	long v = -1;

	ok(parse_long("42", &v) == 0 && v == 42, "42");
	ok(parse_long(" -7 ", &v) == 0 && v == -7, "spaces and sign");
	v = 5;
	ok(parse_long("", &v) != 0, "empty fails");
	ok(parse_long("3.0", &v) != 0, "a fraction fails");
	ok(parse_long("0x10", &v) != 0, "hex is not decimal");
	ok(parse_long("99999999999999999999999", &v) != 0, "overflow fails");
	ok(parse_long("12abc", &v) != 0, "trailing junk fails");
	is_int(v, 5, "*out untouched by failures");
}

static void
is_size(const char *s, long long want, const char *what)
{
	size_t v = 12345;

	if (want < 0) {
		ok(parse_size(s, &v) == -1 && v == 12345, what);
		return;
	}
	ok(parse_size(s, &v) == 0, what);
	is_int(v, want, what);
}

static void
test_sizes(void)
{
	char buf[SIZE_TEXT_LEN];

	is_size("65536", 65536, "bytes");
	is_size("64K", 65536, "K");
	is_size("64k", 65536, "k");
	is_size("1M", 1 << 20, "M");
	is_size("16MiB", 16 << 20, "MiB");
	is_size("1gb", 1LL << 30, "gb");
	is_size(" 2G ", 2LL << 30, "spaces around");
	is_size("0", 0, "zero is a size (callers may refuse it)");
	is_size("", -1, "empty");
	is_size("M", -1, "a unit alone");
	is_size("1.5M", -1, "no fractions");
	is_size("-1", -1, "no sign");
	is_size("+1", -1, "no plus either");
	is_size("64 K", -1, "no space inside");
	is_size("64Q", -1, "an unknown unit");
	is_size("64KK", -1, "two units");
	is_size("99999999999999999999", -1, "too large for strtoull");
	is_size("99999999999G", -1, "too large for a size_t");
	is_str(format_size(65536, buf), "64K", "format 64K");
	is_str(format_size((size_t)1 << 30, buf), "1G", "format 1G");
	is_str(format_size((size_t)3 << 20, buf), "3M", "format 3M");
	is_str(format_size(1536, buf), "1536 bytes", "format bytes");
	is_str(format_size(0, buf), "0 bytes", "format 0");
}

static void
test_paths(void)
{
	char *s;

	s = path_join("dir/sub", "a.csv");
	is_str(s, "dir/sub/a.csv", "relative path joined to the folder");
	free(s);
	s = path_join("dir", "/abs/a.csv");
	is_str(s, "/abs/a.csv", "absolute path kept");
	free(s);
	s = path_join(NULL, "a.csv");
	is_str(s, "a.csv", "no folder");
	free(s);
	s = path_join("", "a.csv");
	is_str(s, "a.csv", "empty folder");
	free(s);

	s = path_dirname("a/b/c.ini");
	is_str(s, "a/b", "dirname of a/b/c.ini");
	free(s);
	s = path_dirname("c.ini");
	is_str(s, ".", "dirname without a slash is .");
	free(s);
	s = path_dirname("/c.ini");
	is_str(s, "/", "dirname of a file in / is /");
	free(s);
	s = path_dirname("/x/y");
	is_str(s, "/x", "dirname of /x/y");
	free(s);
}

static char *
write_tmp(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

static void
test_read_file(void)
{
	char *path, *buf, *cause = NULL, *big;
	size_t len = 12345, i, n = 200000;

	path = write_tmp("plain.txt", "hello\nworld\n", 12);
	buf = read_file(path, &len, &cause);
	is_str(buf, "hello\nworld\n", "reads a file");
	is_int(len, 12, "with its length");
	ok(cause == NULL, "no cause on success");
	free(buf);
	free(path);

	path = write_tmp("empty.txt", "", 0);
	buf = read_file(path, &len, &cause);
	ok(buf != NULL && *buf == '\0' && len == 0,
	    "an empty file is \"\" with length 0");
	free(buf);
	free(path);

	path = write_tmp("nul.bin", "a\0b", 3);
	buf = read_file(path, &len, &cause);
	ok(buf != NULL && len == 3 && memcmp(buf, "a\0b", 4) == 0,
	    "NUL bytes are kept; length says so");
	free(buf);
	free(path);

	big = xmalloc(n);
	for (i = 0; i < n; i++)
		big[i] = (char)('A' + i % 23);
	path = write_tmp("big.txt", big, n);
	buf = read_file(path, &len, &cause);
	ok(buf != NULL && len == n && memcmp(buf, big, n) == 0 &&
	    buf[n] == '\0', "a file larger than one read block");
	free(buf);
	free(path);
	free(big);

	path = xasprintf("%s/missing.txt", tmpdir);
	len = 777;
	buf = read_file(path, &len, &cause);
	ok(buf == NULL, "a missing file fails");
	like(cause, "missing.txt: cannot open: ", "cause names the file");
	like(cause, strerror(ENOENT), "and says why");
	is_int(len, 777, "*len untouched on failure");
	free(cause);
	cause = NULL;
	free(path);

	buf = read_file(tmpdir, &len, &cause);
	ok(buf == NULL, "a folder is not a file");
	like(cause, tmpdir, "cause names the folder");
	like(cause, strerror(EISDIR), "and says it is a folder");
	free(cause);
	cause = NULL;

	if (geteuid() != 0) {
		path = write_tmp("secret.txt", "x", 1);
		chmod(path, 0);
		buf = read_file(path, &len, &cause);
		ok(buf == NULL, "an unreadable file fails");
		like(cause, strerror(EACCES), "with permission denied");
		free(cause);
		cause = NULL;
		free(path);
	} else {
		ok(1, "# SKIP running as root: permissions not enforced");
		ok(1, "# SKIP running as root");
	}
}

/* A pipe at PATH fed LEN bytes of 'a' by a child process; its pid. */
static pid_t
feed_fifo(const char *path, size_t len)
{
	pid_t pid;

	if (mkfifo(path, 0600) != 0) {
		perror(path);
		exit(99);
	}
	if ((pid = fork()) == -1) {
		perror("fork");
		exit(99);
	}
	if (pid == 0) {
		char block[4096];
		int fd = open(path, O_WRONLY);

		memset(block, 'a', sizeof block);
		while (fd != -1 && len > 0) {
			size_t k = len < sizeof block ? len : sizeof block;

			if (write(fd, block, k) <= 0)
				break;	/* the reader stopped */
			len -= k;
		}
		_exit(0);
	}
	return pid;
}

static void
test_read_limits(void)
{
	struct read_limit lim = { 100, "raise it", NULL, NULL };
	char *path, *buf, *cause = NULL, big[101];
	size_t len = 777;
	pid_t pid;
	clock_t start;

	memset(big, 'x', sizeof big);
	path = write_tmp("100.txt", big, 100);
	buf = read_file_limited(path, &lim, &len, &cause);
	ok(buf != NULL && len == 100, "a file of exactly the limit reads");
	free(buf);
	free(path);

	path = write_tmp("101.txt", big, 101);
	len = 777;
	buf = read_file_limited(path, &lim, &len, &cause);
	ok(buf == NULL && len == 777, "one byte more fails");
	like(cause, "101.txt: the file is larger than 100 bytes; raise it",
	    "the message names the file, the limit and the way out");
	free(cause);
	cause = NULL;
	free(path);

	/* A device never ends: the limit stops it at once. */
	lim.max = 1 << 20;
	start = clock();
	buf = read_file_limited("/dev/zero", &lim, &len, &cause);
	ok(buf == NULL, "/dev/zero is read up to the limit");
	is_str(cause, "/dev/zero: the file is larger than 1M; raise it",
	    "and then refused");
	ok((double)(clock() - start) / CLOCKS_PER_SEC < 1.0, "quickly");
	free(cause);
	cause = NULL;

	/* A pipe has no size to look at: it is streamed with the cap. */
	path = xasprintf("%s/fifo1", tmpdir);
	pid = feed_fifo(path, 300000);
	lim.max = 300000;
	buf = read_file_limited(path, &lim, &len, &cause);
	ok(buf != NULL && len == 300000 && strspn(buf, "a") == 300000 &&
	    buf[len] == '\0', "a pipe within the limit is read whole");
	free(buf);
	waitpid(pid, NULL, 0);
	free(path);

	path = xasprintf("%s/fifo2", tmpdir);
	pid = feed_fifo(path, 300001);
	buf = read_file_limited(path, &lim, &len, &cause);
	ok(buf == NULL, "a pipe one byte over fails");
	like(cause, "fifo2: the file is larger than 300000 bytes; raise it",
	    "with the same message");
	free(cause);
	cause = NULL;
	waitpid(pid, NULL, 0);
	free(path);
}

/* A check hook that stops the read at once, noting how much it saw. */
static int
stop_at_once(void *arg, const char *buf, size_t off, size_t len,
    char **cause)
{
	(void)buf;
	*(size_t *)arg = off + len;
	*cause = xstrdup("stopped");
	return -1;
}

/* The hook sees a big regular file in blocks, so it can stop early. */
static void
test_read_blocks(void)
{
	size_t seen = 0, len, n = (size_t)3 << 20;
	struct read_limit lim = { (size_t)16 << 20, "raise it", stop_at_once,
	    &seen };
	char *path, *buf, *cause = NULL, *big;

	big = xcalloc(n, 1);
	memset(big, 'x', n);
	path = write_tmp("3M.txt", big, n);
	buf = read_file_limited(path, &lim, &len, &cause);
	ok(buf == NULL, "the hook stops the read");
	is_str(cause, "stopped", "with its message");
	ok(seen > 0 && seen <= ((size_t)1 << 20), "after at most 1M of 3M");
	free(cause);
	free(path);
	free(big);
}

/* read_file: the config limit and MINGLE_MAX_CONFIG_SIZE. */
static void
test_read_config_limit(void)
{
	char *path, *buf, *cause = NULL, *big;
	size_t len, n = READ_FILE_MAX_DEFAULT + 1;

	buf = read_file("/dev/zero", &len, &cause);
	ok(buf == NULL, "/dev/zero is no config");
	is_str(cause, "/dev/zero: the file is larger than 16M; set "
	    "MINGLE_MAX_CONFIG_SIZE to a larger size if it really is a config "
	    "file or script", "it stops at 16M with a hint");
	free(cause);
	cause = NULL;

	big = xcalloc(n, 1);
	memset(big, ';', n);
	path = write_tmp("big.ini", big, n);
	buf = read_file(path, &len, &cause);
	ok(buf == NULL, "a file of 16M and a byte is too big");
	free(cause);
	cause = NULL;
	setenv("MINGLE_MAX_CONFIG_SIZE", "17M", 1);
	buf = read_file(path, &len, &cause);
	ok(buf != NULL && len == n, "MINGLE_MAX_CONFIG_SIZE=17M lets it in");
	free(buf);
	setenv("MINGLE_MAX_CONFIG_SIZE", "lots", 1);
	buf = read_file(path, &len, &cause);
	ok(buf == NULL, "a bad MINGLE_MAX_CONFIG_SIZE fails");
	is_str(cause, "MINGLE_MAX_CONFIG_SIZE is 'lots'; it must be a size "
	    "such as 16M or 1G", "naming the variable");
	free(cause);
	cause = NULL;
	setenv("MINGLE_MAX_CONFIG_SIZE", "0", 1);
	buf = read_file(path, &len, &cause);
	ok(buf == NULL && cause != NULL, "0 is not a limit");
	free(cause);
	cause = NULL;
	unsetenv("MINGLE_MAX_CONFIG_SIZE");
	free(path);
	free(big);
}

/*
 * A file changing while it is read.  The check hook runs after the first
 * block, which for a regular file is the whole of it, and changes the file
 * right then: deterministic, no second process.
 */
struct change {
	const char *path;
	int how;		/* 0 none, 1 append, 2 rewrite in place, 3 truncate */
	int calls;
};

static int
change_file(void *arg, const char *buf, size_t off, size_t len,
    char **cause)
{
	struct change *c = arg;
	int fd;

	(void)buf;
	(void)off;
	(void)len;
	(void)cause;
	if (c->calls++ > 0 || c->how == 0)
		return 0;
	fd = open(c->path, O_WRONLY);
	if (fd == -1 ||
	    (c->how == 1 && pwrite(fd, "more\n", 5, 1000) != 5) ||
	    (c->how == 2 && pwrite(fd, "Z", 1, 10) != 1) ||
	    (c->how == 3 && ftruncate(fd, 500) != 0)) {
		perror(c->path);
		exit(99);
	}
	close(fd);
	return 0;
}

static void
test_read_changed(void)
{
	static const char *const what[] = {
		"an unchanged file reads", "a file appended to while read",
		"a file rewritten in place while read",
		"a file truncated while read"
	};
	/* An old mtime, so that a write now is always a change. */
	struct timespec old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	struct change c;
	struct read_limit lim = { 1 << 20, "raise it", change_file, &c };
	char *path, *buf, *cause, text[1000];
	size_t len;
	int how;

	memset(text, 'x', sizeof text);
	for (how = 0; how <= 3; how++) {
		path = write_tmp("changing.txt", text, sizeof text);
		if (utimensat(AT_FDCWD, path, old, 0) != 0) {
			perror(path);
			exit(99);
		}
		c.path = path;
		c.how = how;
		c.calls = 0;
		cause = NULL;
		buf = read_file_limited(path, &lim, &len, &cause);
		if (how == 0)
			ok(buf != NULL && len == sizeof text, what[how]);
		else {
			ok(buf == NULL, what[how]);
			like(cause, "changing.txt: the file changed while it "
			    "was read; try again", "says so and to try again");
		}
		free(buf);
		free(cause);
		free(path);
	}
}

int
main(void)
{
	char *cmd;

	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_strbuf();
	test_strings();
	test_edit_distance();
	test_closest_match();
	test_parse_double();
	test_parse_decimal();
	test_problems();
	test_wildcard();
	test_parse_long();
	test_sizes();
	test_paths();
	test_read_file();
	test_read_limits();
	test_read_blocks();
	test_read_config_limit();
	test_read_changed();
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return tap_done();
}
