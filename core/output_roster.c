/*
 * output_roster.c -- one row per table and round: who sits where (see
 * output_roster.h).
 */
#include "autoconf.h"

#include <stdlib.h>

#include "output_roster.h"
#include "util.h"

/* The end of the table that starts at seat I (seats come by round and
 * table, assignment.h). */
static size_t
output_roster_end(const struct assignment *as, size_t i)
{
	size_t end;

	for (end = i + 1; end < as->nseats &&
	    as->seats[end].round == as->seats[i].round &&
	    as->seats[end].table == as->seats[i].table; end++)
		;
	return end;
}

static void
output_roster_header(struct out_table *tb, const struct output_source *src,
    size_t most)
{
	char *name;
	size_t n;

	out_table_column(tb, "round", 0);
	out_table_column(tb, "table", 0);
	out_table_column(tb, "seats", 0);
	for (n = 1; n <= most; n++) {
		name = xasprintf("seat_%zu_", n);
		output_columns_person_header(tb, src->columns, name);
		free(name);
	}
}

void
output_roster_table(struct out_table *tb, const struct output_source *src)
{
	const struct assignment *as = src->as;
	const struct attendee_table *t = src->t;
	size_t i, j, end, most = 0, width;
	uint32_t u;

	for (i = 0; i < as->nseats; i = end) {
		end = output_roster_end(as, i);
		if (end - i > most)
			most = end - i;
	}
	output_roster_header(tb, src, most);
	width = 2 + (src->columns != NULL ? src->columns->n : 0);
	for (i = 0; i < as->nseats; i = end) {
		end = output_roster_end(as, i);
		out_table_integer(tb, as->seats[i].round);
		if (as->seats[i].table > 0)
			out_table_integer(tb, as->seats[i].table);
		else
			out_table_empty(tb);
		out_table_integer(tb, (long long)(end - i));
		for (j = i; j < end; j++) {
			u = as->seats[j].attendee;
			output_columns_person(tb, src->columns, t, u);
		}
		for (j = (end - i) * width; j < most * width; j++)
			out_table_empty(tb);
	}
}
