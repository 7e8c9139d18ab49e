/*
 * test_util.c -- unit tests for core/util.c: strbuf, edit distance and
 * suggestions, strict number parsing, paths and read_file.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	test_parse_long();
	test_paths();
	test_read_file();
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	free(cmd);
	return tap_done();
}
