/*
 * test_output.c -- unit tests for core/output.c: RFC 4180 quoting, the
 * introductions CSV, and atomic files (temp file + rename; on abort or
 * error the target is untouched and no temporary file is left).
 */
#include "autoconf.h"

#include <dirent.h>
#include <errno.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "tap.h"
#include "util.h"

static char dir[] = "/tmp/mingle-test-output.XXXXXX";

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

/* What csv_put_field / csv_put_row wrote, via a memory stream. */
static char *
field_text(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	csv_put_field(f, s);
	fclose(f);
	return buf;
}

static void
field_is(const char *s, const char *want, const char *what)
{
	char *got = field_text(s);

	is_str(got, want, what);
	free(got);
}

/* ------------------------------------------------------------ quoting */

static void
test_quoting(void)
{
	static const char *const row[] = { "a", "b,c", "", "d\"e" };
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	field_is("plain", "plain", "a plain field is not quoted");
	field_is("", "", "an empty field is empty");
	field_is(" spaced ", " spaced ", "spaces alone need no quotes");
	field_is("M\xc3\xbcller", "M\xc3\xbcller", "UTF-8 passes through");
	field_is("a,b", "\"a,b\"", "a comma is quoted");
	field_is("say \"hi\"", "\"say \"\"hi\"\"\"", "quotes are doubled");
	field_is("\"", "\"\"\"\"", "a lone quote");
	field_is("a\nb", "\"a\nb\"", "LF is quoted");
	field_is("a\rb", "\"a\rb\"", "CR is quoted");
	field_is("a\r\nb", "\"a\r\nb\"", "CRLF is quoted");
	field_is("a;b\tc", "a;b\tc", "semicolons and tabs are not special");

	f = open_memstream(&buf, &len);
	csv_put_row(f, row, 4);
	csv_put_row(f, row, 1);
	fclose(f);
	is_str(buf, "a,\"b,c\",,\"d\"\"e\"\na\n", "rows end in LF");
	free(buf);
}

/* ------------------------------------------------------------ atomic files */

static void
test_commit(void)
{
	struct out_file o;
	struct stat st;
	char *path = in_dir("intros.csv"), *cause = NULL, *s;
	int rc;

	rc = out_open(&o, path, &cause);
	ok(rc == 0 && o.f != NULL, "out_open a new file");
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
	rc = out_commit(&o, &cause);
	ok(rc == 0, "out_commit");
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
	rc = out_open(&o, path, &cause);
	ok(rc == 0, "out_open over an existing file");
	s = slurp(path);
	is_str(s, "OLD\n", "the old file is untouched while writing");
	free(s);
	fputs("NEW\n", o.f);
	fflush(o.f);
	s = slurp(path);
	is_str(s, "OLD\n", "still untouched after a flush");
	free(s);
	rc = out_commit(&o, &cause);
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
	struct out_file o;
	char *path = in_dir("keep.csv"), *fresh = in_dir("fresh.csv");
	char *cause = NULL, *s;
	size_t i;

	put(path, "OLD\n");
	ok(out_open(&o, path, &cause) == 0, "out_open");
	for (i = 0; i < 10000; i++)
		fputs("partial line that is long enough to hit the disk\n",
		    o.f);
	fflush(o.f);
	out_abort(&o);
	s = slurp(path);
	is_str(s, "OLD\n", "after abort the target is untouched");
	free(s);
	is_int(temp_files(), 0, "after abort no temporary file is left");
	ok(o.f == NULL && o.path == NULL && o.tmp == NULL,
	    "abort resets the handle");
	out_abort(&o);
	ok(1, "abort twice is harmless");

	ok(out_open(&o, fresh, &cause) == 0, "out_open a new file");
	fputs("x\n", o.f);
	out_abort(&o);
	ok(access(fresh, F_OK) != 0, "an aborted new file never appears");
	is_int(temp_files(), 0, "and leaves nothing behind");
	free(path);
	free(fresh);
}

static void
test_errors(void)
{
	struct out_file o;
	char *path, *cause = NULL, *want;
	struct stat st;
	int rc;

	path = in_dir("no/such/folder/out.csv");
	memset(&o, 0x5a, sizeof o);
	rc = out_open(&o, path, &cause);
	ok(rc != 0, "out_open in a missing folder fails");
	want = xasprintf("%s: cannot create a file beside it: %s", path,
	    strerror(ENOENT));
	is_str(cause, want, "and says where and why");
	ok(o.f == NULL && o.path == NULL && o.tmp == NULL,
	    "a failed open leaves a zeroed handle");
	out_abort(&o);
	free(want);
	free(cause);
	cause = NULL;
	free(path);

	/* The target is a folder: rename fails, nothing is left. */
	path = in_dir("adir");
	mkdir(path, 0755);
	rc = out_open(&o, path, &cause);
	ok(rc == 0, "out_open beside a folder works");
	if (rc == 0) {
		fputs("data\n", o.f);
		rc = out_commit(&o, &cause);
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
	rc = out_open(&o, "-", &cause);
	ok(rc == 0 && o.f == stdout && o.path == NULL, "'-' is stdout");
	ok(out_commit(&o, &cause) == 0, "committing stdout flushes it");
	rc = out_open(&o, NULL, &cause);
	ok(rc == 0 && o.f == stdout, "NULL is stdout");
	out_abort(&o);
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
	ok(out_same_file(a, a), "a file is itself");
	ok(out_same_file(dot, a), "another spelling of the same path");
	ok(out_same_file(hard, a), "a hard link is the same file");
	ok(out_same_file(soft, a), "a symbolic link is the same file");
	ok(!out_same_file(a, b), "two files with the same text are not");
	ok(!out_same_file(missing, a), "a missing file is no file");
	ok(!out_same_file(missing, missing), "even compared with itself");
	ok(!out_same_file(NULL, a) && !out_same_file(a, NULL),
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

/* ------------------------------------------------------------ CSV content */

static void
stub_reason(void *self, uint32_t a, uint32_t b, char *buf, size_t cap)
{
	if (a == 0 && b == 1)
		snprintf(buf, cap, "both: #lua, #\"c\"");
	else
		buf[0] = '\0';
}

static int
stub_score(void *self, uint32_t a, const uint32_t *cand, size_t n,
    double *scores, unsigned char *veto, char **cause)
{
	return 0;
}

static const struct strategy_ops stub_ops = {
	.score = stub_score,
	.reason = stub_reason,
};

static char *
intros_text(struct engine *e, const struct assignment *as)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	output_intros(f, e, as);
	fclose(f);
	return buf;
}

static void
test_intros(void)
{
	const char *ids[] = { "a@x", "b@x", "c@x" };
	char *names[] = { "Ann", "Smith, Bob", "Cy \"C\"" };
	struct attendee_table t;
	struct strategy s;
	struct engine e;
	struct intro in[2] = {
		{ .a = 0, .b = 1, .score = 1.23456 },
		{ .a = 1, .b = 2, .score = -0.0, .round = 2, .table = 3 },
	};
	struct seat seats[2] = {
		{ .attendee = 2, .round = 1, .table = 4 },
		{ .attendee = 0, .round = 1, .table = 0 },
	};
	struct assignment as;
	char *got, *buf = NULL;
	size_t len = 0;
	FILE *f;

	memset(&t, 0, sizeof t);
	t.n = 3;
	t.id = ids;
	t.name = names;
	memset(&s, 0, sizeof s);
	s.name = "tags";
	s.weight = 1;
	s.ops = &stub_ops;
	memset(&e, 0, sizeof e);
	e.t = &t;
	e.strategies = &s;
	e.nstrategies = 1;
	memset(&as, 0, sizeof as);
	as.intros = in;
	as.nintros = 2;

	got = intros_text(&e, &as);
	is_str(got,
	    "a_id,a_name,b_id,b_name,score,reasons\n"
	    "a@x,Ann,b@x,\"Smith, Bob\",1.235,\"tags: both: #lua, #\"\"c\"\"\"\n"
	    "b@x,\"Smith, Bob\",c@x,\"Cy \"\"C\"\"\",0.000,\n",
	    "introductions CSV: header, quoting, 3 decimals, no '-0.000'");
	free(got);

	as.has_rounds = as.has_tables = 1;
	got = intros_text(&e, &as);
	like(got, "a_id,a_name,b_id,b_name,score,reasons,round,table\n",
	    "round and table columns when the mode has them");
	like(got, ",0.000,,2,3\n", "with their values");
	free(got);

	as.seats = NULL;	/* suggestions: no seats at all */
	as.nseats = 0;
	f = open_memstream(&buf, &len);
	output_schedule(f, &t, &as);
	fclose(f);
	is_str(buf, "round,table,id,name\n", "schedule without seats: the header");
	free(buf);

	as.seats = seats;
	as.nseats = 2;
	f = open_memstream(&buf, &len);
	output_schedule(f, &t, &as);
	fclose(f);
	is_str(buf, "round,table,id,name\n1,,a@x,Ann\n"
	    "1,4,c@x,\"Cy \"\"C\"\"\"\n",
	    "schedule: a left-out seat has an empty table; rows by id");
	free(buf);

	{
		struct seat two[4] = {
			{ .attendee = 2, .round = 2, .table = 1 },
			{ .attendee = 0, .round = 2, .table = 3 },
			{ .attendee = 2, .round = 1, .table = 2 },
			{ .attendee = 0, .round = 1, .table = 1 },
		};

		as.seats = two;
		as.nseats = 4;
		f = open_memstream(&buf, &len);
		output_schedule(f, &t, &as);
		fclose(f);
		is_str(buf, "round,table,id,name\n1,1,a@x,Ann\n2,3,a@x,Ann\n"
		    "1,2,c@x,\"Cy \"\"C\"\"\"\n2,1,c@x,\"Cy \"\"C\"\"\"\n",
		    "schedule: each person's rounds together, in order");
		free(buf);
	}
}

/* The score cell of the one introduction in TEXT ("x,X,y,Y,SCORE,"). */
static char *
score_cell(const char *text)
{
	const char *p = strchr(text, '\n');
	size_t i;

	for (i = 0; p != NULL && i < 4; i++)
		p = strchr(p + 1, ',');
	if (p == NULL)
		return xstrdup("");
	p++;
	return xstrndup(p, strcspn(p, ",\n"));
}

/*
 * Any finite score is written whole with three decimals: a number near
 * DBL_MAX has 309 digits before the point, which a 64-byte buffer cut.
 */
static void
test_big_scores(void)
{
	static const double scores[] = {
		2.643, 1e59, 1e60, -1e60, 1.7e308, DBL_MAX, -DBL_MAX
	};
	const char *ids[] = { "x", "y" };
	char *names[] = { "X", "Y" };
	struct attendee_table t;
	struct strategy s;
	struct engine e;
	struct intro in = { .a = 0, .b = 1 };
	struct assignment as;
	size_t i;

	memset(&t, 0, sizeof t);
	t.n = 2;
	t.id = ids;
	t.name = names;
	memset(&s, 0, sizeof s);
	s.name = "s";
	s.ops = &stub_ops;
	memset(&e, 0, sizeof e);
	e.t = &t;
	e.strategies = &s;
	e.nstrategies = 1;
	memset(&as, 0, sizeof as);
	as.intros = &in;
	as.nintros = 1;
	for (i = 0; i < sizeof scores / sizeof scores[0]; i++) {
		char *text, *cell, *end, *what;
		const char *dot;

		in.score = scores[i];
		text = intros_text(&e, &as);
		cell = score_cell(text);
		dot = strchr(cell, '.');
		what = xasprintf("score %g is written whole (%zu bytes)",
		    scores[i], strlen(cell));
		ok(strtod(cell, &end) == scores[i] && *end == '\0' &&
		    dot != NULL && strlen(dot) == 4, what);
		if (i == 0)
			is_str(cell, "2.643", "and a small one as before");
		free(what);
		free(cell);
		free(text);
	}
	in.score = DBL_MAX;
	{
		char *text = intros_text(&e, &as), *cell = score_cell(text);

		is_int(strlen(cell), 309 + 4, "DBL_MAX: 309 digits and .000");
		free(cell);
		free(text);
	}
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
	test_quoting();
	test_commit();
	test_abort();
	test_errors();
	test_same_file();
	test_intros();
	test_big_scores();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return tap_done();
}
