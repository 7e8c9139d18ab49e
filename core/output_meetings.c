/*
 * output_meetings.c -- the schedule and the summary of `mode = meetings`
 * (see output_meetings.h).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "output_meetings.h"
#include "util.h"

/* Meetings not placed that the summary names; the report has everyone. */
#define OUTPUT_MEETINGS_NAMED	10

/* One schedule row: who, with whom, when and where. */
struct output_meeting {
	uint32_t who, with;
	int32_t slot, table;
};

static int	output_meetings_cmp(const void *, const void *, void *);

/* Rows by id, then slot (CTX: the attendee table). */
static int
output_meetings_cmp(const void *p, const void *q, void *ctx)
{
	const struct output_meeting *x = p, *y = q;
	const struct attendee_table *t = ctx;
	int c = strcmp(t->id[x->who], t->id[y->who]);

	if (c != 0)
		return c;
	return (x->slot > y->slot) - (x->slot < y->slot);
}

void
output_meetings_schedule_table(struct out_table *tb,
    const struct output_source *src)
{
	const struct assignment *as = src->as;
	const struct attendee_table *t = src->t;
	struct output_meeting *row;
	size_t i, n = 2 * as->nintros;

	row = xcalloc(n + 1, sizeof *row);
	for (i = 0; i < as->nintros; i++) {
		const struct intro *in = &as->intros[i];

		row[2 * i] = (struct output_meeting){ in->a, in->b,
		    in->round, in->table };
		row[2 * i + 1] = (struct output_meeting){ in->b, in->a,
		    in->round, in->table };
	}
	qsort_r(row, n, sizeof *row, output_meetings_cmp, (void *)t);
	out_table_column(tb, "slot", 0);
	out_table_column(tb, "table", 0);
	output_columns_person_header(tb, src->columns, "");
	output_columns_person_header(tb, src->columns, "with_");
	for (i = 0; i < n; i++) {
		out_table_integer(tb, row[i].slot);
		out_table_integer(tb, row[i].table);
		output_columns_person(tb, src->columns, t, row[i].who);
		output_columns_person(tb, src->columns, t, row[i].with);
	}
	free(row);
}

void
output_meetings_summary(FILE *f, const struct attendee_table *t,
    const struct assignment *as, uint32_t slots)
{
	size_t count[SHORTFALL_TABLES_FULL + 1] = { 0 }, i;
	uint32_t *deg, busiest = 0;

	deg = xcalloc(t->n + 1, sizeof *deg);
	for (i = 0; i < as->nintros; i++) {
		deg[as->intros[i].a]++;
		deg[as->intros[i].b]++;
	}
	for (i = 0; i < as->nunplaced; i++) {
		deg[as->unplaced[i].a]++;
		deg[as->unplaced[i].b]++;
		count[as->unplaced[i].why]++;
	}
	for (i = 0; i < t->n; i++)
		if (deg[i] > busiest)
			busiest = deg[i];
	free(deg);
	fprintf(f, "mingle: meetings: %zu of %zu placed in %u slots; the "
	    "busiest person has %u meetings, so %u slots are needed and %u "
	    "always suffice without availability or tables (Vizing)\n",
	    as->nintros, as->nintros + as->nunplaced, slots, busiest,
	    busiest, busiest + 1);
	if (as->nunplaced == 0)
		return;
	fprintf(f, "mingle: %zu meetings not placed: no-common-slot %zu, "
	    "slots-full %zu, tables-full %zu\n", as->nunplaced,
	    count[SHORTFALL_NO_COMMON_SLOT], count[SHORTFALL_SLOTS_FULL],
	    count[SHORTFALL_TABLES_FULL]);
	for (i = 0; i < as->nunplaced && i < OUTPUT_MEETINGS_NAMED; i++) {
		const struct unplaced *u = &as->unplaced[i];

		fprintf(f, "mingle:   %s (%s) and %s (%s): %s\n",
		    t->name[u->a], t->id[u->a], t->name[u->b], t->id[u->b],
		    assignment_shortfall_name(u->why));
	}
	if (as->nunplaced > OUTPUT_MEETINGS_NAMED)
		fprintf(f, "mingle:   and %zu more (the report lists "
		    "everyone short)\n", as->nunplaced -
		    OUTPUT_MEETINGS_NAMED);
}
