/*
 * test_output.c -- unit tests for core/csv_write.c (RFC 4180 quoting) and
 * core/output.c (the CSV files: introductions, schedule; a trio's
 * reasons).  Atomic files:
 * test_outfile.c.
 */
#include "autoconf.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "output.h"
#include "capture.h"
#include "tap.h"
#include "util.h"

/* ------------------------------------------------------------ quoting */

static void
test_quoting(void)
{
	static const char *const row[] = { "a", "b,c", "", "d\"e" };
	char *buf = NULL;

	capture_is(csv_write_field, "plain", "plain",
	    "a plain field is not quoted");
	capture_is(csv_write_field, "", "", "an empty field is empty");
	capture_is(csv_write_field, " spaced ", " spaced ",
	    "spaces alone need no quotes");
	capture_is(csv_write_field, "M\xc3\xbcller", "M\xc3\xbcller",
	    "UTF-8 passes through");
	capture_is(csv_write_field, "a,b", "\"a,b\"", "a comma is quoted");
	capture_is(csv_write_field, "say \"hi\"", "\"say \"\"hi\"\"\"",
	    "quotes are doubled");
	capture_is(csv_write_field, "\"", "\"\"\"\"", "a lone quote");
	capture_is(csv_write_field, "a\nb", "\"a\nb\"", "LF is quoted");
	capture_is(csv_write_field, "a\rb", "\"a\rb\"", "CR is quoted");
	capture_is(csv_write_field, "a\r\nb", "\"a\r\nb\"", "CRLF is quoted");
	capture_is(csv_write_field, "a;b\tc", "a;b\tc",
	    "semicolons and tabs are not special");

	CAPTURE(buf, csv_write_row(f_, row, 4); csv_write_row(f_, row, 1));
	is_str(buf, "a,\"b,c\",,\"d\"\"e\"\na\n", "rows end in LF");
	free(buf);
}

/* ------------------------------------------------------------ CSV content */

static void
stub_reason(void *self, size_t worker, uint32_t a, uint32_t b, char *buf,
    size_t cap)
{
	(void)worker;
	if (a == 0 && b == 1)
		snprintf(buf, cap, "both: #lua, #\"c\"");
	else
		buf[0] = '\0';
}

static int
stub_score(void *self, size_t worker, uint32_t a, const uint32_t *cand,
    size_t n, double *scores, unsigned char *veto, char **cause)
{
	return 0;
}

static const struct strategy_ops stub_ops = {
	.score = stub_score,
	.reason = stub_reason,
};

/* One strategy "tags" (weight 1, OPS) over the N attendees IDS and NAMES,
 * and an assignment of the NIN introductions IN. */
struct fixture {
	struct attendee_table t;
	struct strategy s;
	struct engine e;
	struct assignment as;
};

static void
fixture_init(struct fixture *x, size_t n, const char **ids, char **names,
    const struct strategy_ops *ops, struct intro *in, size_t nin)
{
	memset(x, 0, sizeof *x);
	x->t.n = n;
	x->t.id = ids;
	x->t.name = names;
	x->s.name = "tags";
	x->s.weight = 1;
	x->s.ops = ops;
	x->e.t = &x->t;
	x->e.strategies = &x->s;
	x->e.nstrategies = 1;
	x->as.intros = in;
	x->as.nintros = nin;
}

static char *
intros_text(struct engine *e, const struct assignment *as)
{
	char *buf = NULL;

	CAPTURE(buf, output_intros(f_, e, as));
	return buf;
}

static void
test_intros(void)
{
	const char *ids[] = { "a@x", "b@x", "c@x" };
	char *names[] = { "Ann", "Smith, Bob", "Cy \"C\"" };
	struct fixture x;
	struct intro in[2] = {
		{ .a = 0, .b = 1, .score = 1.23456 },
		{ .a = 1, .b = 2, .score = -0.0, .round = 2, .table = 3 },
	};
	struct seat seats[2] = {
		{ .attendee = 2, .round = 1, .table = 4 },
		{ .attendee = 0, .round = 1, .table = 0 },
	};
	char *got, *buf = NULL;

	fixture_init(&x, 3, ids, names, &stub_ops, in, 2);

	got = intros_text(&x.e, &x.as);
	is_str(got,
	    "a_id,a_name,b_id,b_name,score,reasons\n"
	    "a@x,Ann,b@x,\"Smith, Bob\",1.235,\"tags: both: #lua, #\"\"c\"\"\"\n"
	    "b@x,\"Smith, Bob\",c@x,\"Cy \"\"C\"\"\",0.000,\n",
	    "introductions CSV: header, quoting, 3 decimals, no '-0.000'");
	free(got);

	x.as.has_rounds = x.as.has_tables = 1;
	got = intros_text(&x.e, &x.as);
	like(got, "a_id,a_name,b_id,b_name,score,reasons,round,table\n",
	    "round and table columns when the mode has them");
	like(got, ",0.000,,2,3\n", "with their values");
	free(got);

	x.as.seats = NULL;	/* suggestions: no seats at all */
	x.as.nseats = 0;
	CAPTURE(buf, output_schedule(f_, &x.t, &x.as));
	is_str(buf, "round,table,id,name\n", "schedule without seats: the header");
	free(buf);

	x.as.seats = seats;
	x.as.nseats = 2;
	CAPTURE(buf, output_schedule(f_, &x.t, &x.as));
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

		x.as.seats = two;
		x.as.nseats = 4;
		CAPTURE(buf, output_schedule(f_, &x.t, &x.as));
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
	struct fixture x;
	struct intro in = { .a = 0, .b = 1 };
	size_t i;

	fixture_init(&x, 2, ids, names, &stub_ops, &in, 1);
	for (i = 0; i < sizeof scores / sizeof scores[0]; i++) {
		char *text, *cell, *end, *what;
		const char *dot;

		in.score = scores[i];
		text = intros_text(&x.e, &x.as);
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
		char *text = intros_text(&x.e, &x.as), *cell = score_cell(text);

		is_int(strlen(cell), 309 + 4, "DBL_MAX: 309 digits and .000");
		free(cell);
		free(text);
	}
}

/* Only Ann and Cy (0 and 2) share something. */
static void
trio_reason(void *self, size_t worker, uint32_t a, uint32_t b, char *buf,
    size_t cap)
{
	(void)worker;
	if ((a == 0 && b == 2) || (a == 2 && b == 0))
		snprintf(buf, cap, "both: #lua");
	else
		buf[0] = '\0';
}

static const struct strategy_ops trio_ops = {
	.score = stub_score,
	.reason = trio_reason,
};

/*
 * A trio: Cy (2) joined the pair of Ann (0) and Bob (1).  Cy's rows say
 * so, with the reason with this partner, else with the other one; the
 * pair's own row is as always.
 */
static void
test_trio(void)
{
	const char *ids[] = { "a", "b", "c", "d" };
	char *names[] = { "Ann", "Bob", "Cy", "Di" };
	struct fixture x;
	struct seat seats[4] = {
		{ .attendee = 0, .round = 1, .table = 1 },
		{ .attendee = 1, .round = 1, .table = 1 },
		{ .attendee = 2, .round = 1, .table = 1 },
		{ .attendee = 3, .round = 1, .table = 2 },
	};
	struct intro in[3] = {
		{ .a = 0, .b = 1, .table = 1 },
		{ .a = 0, .b = 2, .table = 1 },
		{ .a = 1, .b = 2, .table = 1 },
	};
	uint32_t third = 2;
	struct output_source src;
	char *r;

	fixture_init(&x, 4, ids, names, &trio_ops, in, 3);
	x.as.seats = seats;
	x.as.nseats = 4;
	x.as.thirds = &third;
	x.as.nthirds = 1;
	x.as.has_tables = 1;

	output_source_init(&src, &x.e, &x.t, &x.as, NULL);
	r = output_reason(&src, 0, &in[0]);
	is_str(r, "", "the pair's own row: its reasons (none)");
	free(r);
	r = output_reason(&src, 0, &in[1]);
	is_str(r, "joins as the third: tags: both: #lua",
	    "the third with a partner it shares something with");
	free(r);
	r = output_reason(&src, 0, &in[2]);
	is_str(r, "joins as the third: tags: both: #lua with Ann",
	    "the third with the other: the reason with the pair's other");
	free(r);
	output_source_free(&src);

	third = 3;	/* alone at a table: nothing to say but that */
	in[2].a = 1;
	in[2].b = 3;
	output_source_init(&src, &x.e, &x.t, &x.as, NULL);
	r = output_reason(&src, 0, &in[2]);
	is_str(r, "joins as the third", "no reason with anyone");
	free(r);
	output_source_free(&src);
}

int
main(void)
{
	test_quoting();
	test_intros();
	test_big_scores();
	test_trio();
	return tap_done();
}
