/*
 * output.c -- the CSV files mingle writes: introductions, schedule and
 * coverage, row by row through csv_write.c.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "output.h"
#include "util.h"

void
output_intros(FILE *f, struct engine *e, const struct assignment *as)
{
	const struct attendee_table *t = e->t;
	const char *cells[8];
	char *score, round[16], table[16];
	size_t i, n;

	n = 0;
	cells[n++] = "a_id";
	cells[n++] = "a_name";
	cells[n++] = "b_id";
	cells[n++] = "b_name";
	cells[n++] = "score";
	cells[n++] = "reasons";
	if (as->has_rounds)
		cells[n++] = "round";
	if (as->has_tables)
		cells[n++] = "table";
	csv_write_row(f, cells, n);
	for (i = 0; i < as->nintros; i++) {
		const struct intro *in = &as->intros[i];
		char *reasons = engine_reasons(e, in->a, in->b);

		/* Allocated: near DBL_MAX, "%.3f" has 309 digits. */
		score = xasprintf("%.3f", in->score + 0.0);
		snprintf(round, sizeof round, "%d", in->round);
		snprintf(table, sizeof table, "%d", in->table);
		n = 0;
		cells[n++] = t->id[in->a];
		cells[n++] = t->name[in->a];
		cells[n++] = t->id[in->b];
		cells[n++] = t->name[in->b];
		cells[n++] = score;
		cells[n++] = reasons;
		if (as->has_rounds)
			cells[n++] = round;
		if (as->has_tables)
			cells[n++] = table;
		csv_write_row(f, cells, n);
		free(score);
		free(reasons);
	}
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
output_schedule(FILE *f, const struct attendee_table *t,
    const struct assignment *as)
{
	static const char *const header[] = { "round", "table", "id", "name" };
	struct seat *seats;
	char round[16], table[16];
	size_t i;

	seats = xcalloc(as->nseats + 1, sizeof *seats);
	if (as->nseats > 0) {	/* suggestions have no seats (NULL) */
		memcpy(seats, as->seats, as->nseats * sizeof *seats);
		qsort_r(seats, as->nseats, sizeof *seats, seat_cmp, (void *)t);
	}
	csv_write_row(f, header, 4);
	for (i = 0; i < as->nseats; i++) {
		const struct seat *s = &seats[i];
		const char *cells[4];

		snprintf(round, sizeof round, "%d", s->round);
		snprintf(table, sizeof table, "%d", s->table);
		cells[0] = round;
		cells[1] = s->table > 0 ? table : "";
		cells[2] = t->id[s->attendee];
		cells[3] = t->name[s->attendee];
		csv_write_row(f, cells, 4);
	}
	free(seats);
}

void
output_coverage(FILE *f, const struct attendee_table *t,
    const struct assignment *as)
{
	static const char *const header[] = {
		"id", "name", "got", "wanted", "why"
	};
	char got[16], wanted[16];
	size_t i;

	csv_write_row(f, header, 5);
	for (i = 0; i < as->nshort; i++) {
		const struct coverage *c = &as->short_of[i];
		const char *cells[5];

		snprintf(got, sizeof got, "%u", c->got);
		snprintf(wanted, sizeof wanted, "%u", c->wanted);
		cells[0] = t->id[c->attendee];
		cells[1] = t->name[c->attendee];
		cells[2] = got;
		cells[3] = wanted;
		cells[4] = assignment_shortfall_name(c->why);
		csv_write_row(f, cells, 5);
	}
	/* best_effort: both of each vetoed pair seated together. */
	for (i = 0; i < 2 * as->nvetoed; i++) {
		const struct intro *in = &as->vetoed[i / 2];
		const char *cells[5] = { NULL, NULL, "", "",
		    assignment_shortfall_name(SHORTFALL_VETOED_PAIR) };

		cells[0] = t->id[i % 2 ? in->b : in->a];
		cells[1] = t->name[i % 2 ? in->b : in->a];
		csv_write_row(f, cells, 5);
	}
}
