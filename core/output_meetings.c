/*
 * output_meetings.c -- the schedule and the summary of `mode = meetings`
 * (see output_meetings.h).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
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
output_meetings_schedule(FILE *f, const struct attendee_table *t,
    const struct assignment *as)
{
	static const char *const header[] = {
		"slot", "table", "id", "name", "with_id", "with_name"
	};
	struct output_meeting *row;
	char slot[16], table[16];
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
	csv_write_row(f, header, 6);
	for (i = 0; i < n; i++) {
		const char *cells[6];

		snprintf(slot, sizeof slot, "%d", row[i].slot);
		snprintf(table, sizeof table, "%d", row[i].table);
		cells[0] = slot;
		cells[1] = table;
		cells[2] = t->id[row[i].who];
		cells[3] = t->name[row[i].who];
		cells[4] = t->id[row[i].with];
		cells[5] = t->name[row[i].with];
		csv_write_row(f, cells, 6);
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
