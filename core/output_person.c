/*
 * output_person.c -- one row per attendee who may be introduced, with all
 * their partners (see output_person.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "output_person.h"
#include "util.h"

/* Attendee indexes by id. */
static int
output_person_cmp(const void *p, const void *q, void *ctx)
{
	const struct attendee_table *t = ctx;

	return strcmp(t->id[*(const uint32_t *)p], t->id[*(const uint32_t *)q]);
}

/* Column WHAT_N ("reason_2"), with FLAGS. */
static void
output_person_column(struct out_table *tb, const char *what, size_t n,
    int flags)
{
	char *name;

	name = xasprintf("%s_%zu", what, n);
	out_table_column(tb, name, flags);
	free(name);
}

static void
output_person_header(struct out_table *tb, const struct output_source *src,
    size_t most)
{
	char *name;
	size_t n;

	output_columns_person_header(tb, src->columns, "");
	out_table_column(tb, "introductions", 0);
	for (n = 1; n <= most; n++) {
		name = xasprintf("partner_%zu_", n);
		output_columns_person_header(tb, src->columns, name);
		free(name);
		output_person_column(tb, "reason", n, OUT_COLUMN_QUOTED |
		    OUT_COLUMN_WIDE);
		if (src->as->has_slots) {
			output_person_column(tb, "slot", n, 0);
			output_person_column(tb, "table", n, 0);
		}
		if (src->kept != NULL)
			output_person_column(tb, "new", n, 0);
	}
}

/* Has one of INTRO[0 .. N) no place in the keep file? */
static int
output_person_new(const struct output_source *src, const size_t *intro,
    size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (pairmap_find(src->kept, src->as->intros[intro[k]].a,
		    src->as->intros[intro[k]].b) == NULL)
			return 1;
	return 0;
}

/* Attendee U's row: their introductions are INTRO[0 .. N). */
static void
output_person_row(struct out_table *tb, const struct output_source *src,
    uint32_t u, const size_t *intro, size_t n, size_t most)
{
	const struct attendee_table *t = src->t;
	const struct intro *in;
	size_t k, width;
	uint32_t p;
	char *reason;

	output_columns_person(tb, src->columns, t, u);
	/* A partner's cells: id, name, the columns, reason[, slot, table]
	 * [, new]. */
	width = 3 + (src->columns != NULL ? src->columns->n : 0) +
	    (src->as->has_slots ? 2 : 0) + (src->kept != NULL);
	out_table_integer(tb, (long long)n);
	for (k = 0; k < n; k++) {
		in = &src->as->intros[intro[k]];
		p = in->a == u ? in->b : in->a;
		output_columns_person(tb, src->columns, t, p);
		reason = output_reason(src, 0, in);
		out_table_text_take(tb, reason);
		if (src->as->has_slots) {
			out_table_integer(tb, in->round);
			out_table_integer(tb, in->table);
		}
		if (src->kept != NULL)
			out_table_text_ref(tb, output_new(src, in));
	}
	for (k = n * width; k < most * width; k++)
		out_table_empty(tb);
}

void
output_person_table(struct out_table *tb, const struct output_source *src)
{
	const struct attendee_table *t = src->t;
	const struct assignment *as = src->as;
	size_t *off, *fill, *intro, i, most = 0;
	uint32_t *order, n = 0, u;

	/* Each person's introductions, in the table's order (CSR). */
	off = xcalloc(t->n + 1, sizeof *off);
	for (i = 0; i < as->nintros; i++) {
		off[as->intros[i].a + 1]++;
		off[as->intros[i].b + 1]++;
	}
	for (i = 0; i < t->n; i++) {
		if (off[i + 1] > most)
			most = off[i + 1];
		off[i + 1] += off[i];
	}
	fill = xcalloc(t->n + 1, sizeof *fill);
	memcpy(fill, off, t->n * sizeof *fill);
	intro = xcalloc(2 * as->nintros + 1, sizeof *intro);
	for (i = 0; i < as->nintros; i++) {
		intro[fill[as->intros[i].a]++] = i;
		intro[fill[as->intros[i].b]++] = i;
	}

	order = xcalloc(t->n + 1, sizeof *order);
	for (u = 0; u < t->n; u++)
		if (t->consent[u] && (!src->new_only || output_person_new(src,
		    intro + off[u], off[u + 1] - off[u])))
			order[n++] = u;
	qsort_r(order, n, sizeof *order, output_person_cmp, (void *)t);

	output_person_header(tb, src, most);
	for (i = 0; i < n; i++) {
		u = order[i];
		output_person_row(tb, src, u, intro + off[u],
		    off[u + 1] - off[u], most);
	}
	free(order);
	free(intro);
	free(fill);
	free(off);
}
