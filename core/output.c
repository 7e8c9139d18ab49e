/*
 * output.c -- the tables a person reads: introductions, schedule and
 * coverage, built cell by cell (out_table.c); the standard CSV of each
 * through out_csv.c.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "out_csv.h"
#include "output.h"
#include "pool.h"
#include "progress.h"
#include "util.h"

/* The introductions' reasons are asked this many at a time, on the
 * workers the strategies scored with: each asks every strategy, and
 * 500,000 take seconds on one thread. */
#define OUTPUT_REASONS_AT_ONCE	4096

/* Reasons for a run of introductions from FIRST on, into OUT (the I-th
 * of the run into OUT[I]). */
struct output_reasons {
	const struct output_source *src;
	size_t first;
	char **out;
};

void
output_source_init(struct output_source *src, struct engine *e,
    const struct attendee_table *t, const struct assignment *as,
    const struct output_columns *columns)
{
	const struct seat *s;
	uint32_t i;
	size_t k, o, m;

	memset(src, 0, sizeof *src);
	src->e = e;
	src->t = t;
	src->as = as;
	src->columns = columns;
	src->third = xcalloc(t->n ? t->n : 1, sizeof *src->third);
	src->pair_of = xcalloc(2 * t->n + 1, sizeof *src->pair_of);
	for (i = 0; i < 2 * t->n; i++)
		src->pair_of[i] = UINT32_MAX;
	for (k = 0; k < as->nthirds; k++)
		src->third[as->thirds[k]] = 1;
	/* Seats come by round and table: a third's pair sits beside it. */
	for (k = 0; k < as->nseats; k++) {
		s = &as->seats[k];
		if (!src->third[s->attendee])
			continue;
		m = 0;
		for (o = k > 2 ? k - 2 : 0; o < k + 3 && o < as->nseats; o++)
			if (o != k && m < 2 && as->seats[o].round == s->round &&
			    as->seats[o].table == s->table)
				src->pair_of[2 * s->attendee + m++] =
				    as->seats[o].attendee;
	}
}

void
output_source_free(struct output_source *src)
{
	free(src->third);
	free(src->pair_of);
	memset(src, 0, sizeof *src);
}

char *
output_reason(const struct output_source *src, size_t worker,
    const struct intro *in)
{
	uint32_t x, y, z;
	char *r, *r2, *s;

	if (src->third[in->a])
		x = in->a, y = in->b;
	else if (src->third[in->b])
		x = in->b, y = in->a;
	else
		return engine_reasons(src->e, worker, in->a, in->b);
	/* X joined the pair of Y (and Z): why X fits, with Y, else with Z. */
	r = engine_reasons(src->e, worker, x, y);
	if (*r != '\0') {
		s = xasprintf("joins as the third: %s", r);
		free(r);
		return s;
	}
	free(r);
	z = src->pair_of[2 * x] == y ? src->pair_of[2 * x + 1] :
	    src->pair_of[2 * x];
	if (z == UINT32_MAX || z == y)
		return xstrdup("joins as the third");
	r2 = engine_reasons(src->e, worker, x, z);
	s = *r2 != '\0' ? xasprintf("joins as the third: %s with %s", r2,
	    src->t->name[z]) : xstrdup("joins as the third");
	free(r2);
	return s;
}

const char *
output_new(const struct output_source *src, const struct intro *in)
{
	if (src->kept == NULL)
		return NULL;
	return pairmap_find(src->kept, in->a, in->b) != NULL ? "no" : "yes";
}

static void
output_reasons_one(void *ctx, size_t worker, size_t i)
{
	struct output_reasons *r = ctx;

	r->out[i] = output_reason(r->src, worker,
	    &r->src->as->intros[r->first + i]);
}

void
output_intros_table(struct out_table *tb, const struct output_source *src)
{
	const struct assignment *as = src->as;
	struct output_reasons r = { .src = src };
	struct progress pr;
	size_t i, nw = src->e->ready > 0 ? src->e->ready : 1;
	char *reasons[OUTPUT_REASONS_AT_ONCE];

	output_columns_person_header(tb, src->columns, "a_");
	output_columns_person_header(tb, src->columns, "b_");
	out_table_column(tb, "score", 0);
	out_table_column(tb, "reasons", OUT_COLUMN_QUOTED | OUT_COLUMN_WIDE);
	if (as->has_rounds || as->has_slots)
		out_table_column(tb, as->has_slots ? "slot" : "round", 0);
	if (as->has_tables)
		out_table_column(tb, "table", 0);
	if (src->kept != NULL)
		out_table_column(tb, "new", 0);
	progress_start(&pr, src->e->progress, "giving reasons",
	    as->nintros);
	r.out = reasons;
	for (i = 0; i < as->nintros; i++) {
		const struct intro *in = &as->intros[i];

		progress_update(&pr, i);
		if (i % OUTPUT_REASONS_AT_ONCE == 0) {
			r.first = i;
			pool_run(nw, as->nintros - i < OUTPUT_REASONS_AT_ONCE ?
			    as->nintros - i : OUTPUT_REASONS_AT_ONCE,
			    output_reasons_one, &r);
		}
		output_columns_person(tb, src->columns, src->t, in->a);
		output_columns_person(tb, src->columns, src->t, in->b);
		out_table_number(tb, in->score);
		out_table_text_take(tb, reasons[i - r.first]);
		if (as->has_rounds || as->has_slots)
			out_table_integer(tb, in->round);
		if (as->has_tables)
			out_table_integer(tb, in->table);
		if (src->kept != NULL)
			out_table_text_ref(tb, output_new(src, in));
	}
	progress_end(&pr);
}

/* Seats by attendee id, then round: each person's rows together. */
static int
seat_cmp(const void *p, const void *q, void *ctx)
{
	const struct seat *x = p, *y = q;
	const struct attendee_table *t = ctx;
	int c = strcmp(t->id[x->attendee], t->id[y->attendee]);

	if (c != 0)
		return c;
	return (x->round > y->round) - (x->round < y->round);
}

void
output_schedule_table(struct out_table *tb, const struct output_source *src)
{
	const struct assignment *as = src->as;
	struct seat *seats;
	size_t i;

	seats = xcalloc(as->nseats + 1, sizeof *seats);
	if (as->nseats > 0) {	/* suggestions have no seats (NULL) */
		memcpy(seats, as->seats, as->nseats * sizeof *seats);
		qsort_r(seats, as->nseats, sizeof *seats, seat_cmp,
		    (void *)src->t);
	}
	out_table_column(tb, "round", 0);
	out_table_column(tb, "table", 0);
	out_table_column(tb, "id", 0);
	out_table_column(tb, "name", 0);
	output_columns_header(tb, src->columns, "");
	for (i = 0; i < as->nseats; i++) {
		const struct seat *s = &seats[i];

		out_table_integer(tb, s->round);
		if (s->table > 0)
			out_table_integer(tb, s->table);
		else
			out_table_empty(tb);
		output_columns_person(tb, src->columns, src->t, s->attendee);
	}
	free(seats);
}

void
output_coverage_table(struct out_table *tb, const struct output_source *src)
{
	const struct assignment *as = src->as;
	size_t i;

	out_table_column(tb, "id", 0);
	out_table_column(tb, "name", 0);
	output_columns_header(tb, src->columns, "");
	out_table_column(tb, "got", 0);
	out_table_column(tb, "wanted", 0);
	out_table_column(tb, "why", 0);
	for (i = 0; i < as->nshort; i++) {
		const struct coverage *c = &as->short_of[i];

		output_columns_person(tb, src->columns, src->t, c->attendee);
		out_table_integer(tb, c->got);
		out_table_integer(tb, c->wanted);
		out_table_text_ref(tb, assignment_shortfall_name(c->why));
	}
	/* best_effort: both of each vetoed pair seated together. */
	for (i = 0; i < 2 * as->nvetoed; i++) {
		const struct intro *in = &as->vetoed[i / 2];

		output_columns_person(tb, src->columns, src->t, i % 2 ? in->b : in->a);
		out_table_empty(tb);
		out_table_empty(tb);
		out_table_text_ref(tb,
		    assignment_shortfall_name(SHORTFALL_VETOED_PAIR));
	}
}

/* Build with BUILD from E (or NULL), T and AS; write the standard CSV. */
static void
output_csv(FILE *f, struct engine *e, const struct attendee_table *t,
    const struct assignment *as, const char *name,
    void (*build)(struct out_table *, const struct output_source *))
{
	struct output_source src;
	struct out_table tb;

	output_source_init(&src, e, t, as, NULL);
	out_table_init(&tb, name);
	build(&tb, &src);
	out_csv_write(f, &tb, OUT_CSV_STANDARD);
	out_table_free(&tb);
	output_source_free(&src);
}

void
output_intros(FILE *f, struct engine *e, const struct assignment *as)
{
	output_csv(f, e, e->t, as, "Introductions", output_intros_table);
}

void
output_schedule(FILE *f, const struct attendee_table *t,
    const struct assignment *as)
{
	output_csv(f, NULL, t, as, "Schedule", output_schedule_table);
}

void
output_coverage(FILE *f, const struct attendee_table *t,
    const struct assignment *as)
{
	output_csv(f, NULL, t, as, "Coverage", output_coverage_table);
}
