/*
 * keep.c -- an earlier run's introductions, kept as pins (see keep.h).
 */
#include "autoconf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "csv.h"
#include "keep.h"
#include "out_xlsx.h"
#include "person_index.h"
#include "util.h"

/* One row being judged: its place, both ids as the file has them, and
 * the attendees they are now (-1: not in the export). */
struct keep_row {
	const struct csv_table *csv;
	size_t row;
	const char *id[2];
	long who[2];
};

static int	keep_columns(const struct csv_table *, long *, char **);
static void	keep_drop(struct keep *, const struct keep_row *,
		    const char *, ...) __attribute__((format(printf, 3, 4)));
static int	keep_judge(struct keep *, struct engine *,
		    const struct graph *, const struct keep_row *,
		    uint32_t *, char **);

/* The columns a_id and b_id of CSV into COL[0], COL[1]. */
static int
keep_columns(const struct csv_table *csv, long *col, char **cause)
{
	static const char *const name[2] = { "a_id", "b_id" };
	struct strbuf found = { 0 };
	char *why = NULL;
	size_t c;

	for (c = 0; c < 2; c++) {
		col[c] = csv_column(csv, name[c], &why);
		free(why);
		why = NULL;
	}
	if (col[0] >= 0 && col[1] >= 0)
		return 0;
	for (c = 0; c < csv->ncols && c < 12; c++)
		strbuf_printf(&found, "%s%s", c ? ", " : "",
		    csv_cell(csv, 0, c));
	*cause = xasprintf("%s: not an introductions file of mingle run: no "
	    "%s column (expected a_id,a_name,b_id,b_name,score,reasons; "
	    "found %s%s); give --keep the introductions an earlier run "
	    "wrote", csv->name, col[0] < 0 ? "a_id" : "b_id", found.buf,
	    csv->ncols > 12 ? ", ..." : "");
	strbuf_free(&found);
	return -1;
}

static void
keep_drop(struct keep *k, const struct keep_row *r, const char *fmt, ...)
{
	char *where, *why;
	va_list ap;

	va_start(ap, fmt);
	why = xvasprintf(fmt, ap);
	va_end(ap);
	where = csv_where(r->csv, r->row);
	k->dropped = xreallocarray(k->dropped, k->ndropped + 1,
	    sizeof *k->dropped);
	k->dropped[k->ndropped++] = xasprintf("%s%s and %s: %s", where,
	    r->id[0], r->id[1], why);
	free(why);
	free(where);
}

/* Keep row R as a pin, or drop it with the reason.  COUNT: the pins
 * kept so far per attendee. */
static int
keep_judge(struct keep *k, struct engine *e, const struct graph *g,
    const struct keep_row *r, uint32_t *count, char **cause)
{
	const struct attendee_table *t = e->t;
	uint32_t v[2], room;
	const char *why;
	char reason[512];
	int i, veto, added;
	double w;

	for (i = 0; i < 2; i++) {
		if (r->who[i] < 0) {
			keep_drop(k, r, "%s is not in the export any more "
			    "(cancelled, or filtered out)", r->id[i]);
			return 0;
		}
		v[i] = (uint32_t)r->who[i];
	}
	if (v[0] == v[1]) {
		keep_drop(k, r, "both ids are the same attendee");
		return 0;
	}
	if (pairmap_find(&k->kept, v[0], v[1]) != NULL)
		return 0;
	for (i = 0; i < 2; i++) {
		if (g->active[v[i]])
			continue;
		keep_drop(k, r, "%s (%s) %s", t->id[v[i]], t->name[v[i]],
		    !t->consent[v[i]] ? "may not be introduced now (the "
		    "consent column)" : "opted out (per_attendee_column is "
		    "0)");
		return 0;
	}
	if (engine_score_pair(e, v[0], v[1], &w, &veto, NULL, cause) != 0)
		return -1;
	if (veto) {
		engine_veto_reason(e, v[0], v[1], reason, sizeof reason);
		keep_drop(k, r, "vetoed now: %s", reason);
		return 0;
	}
	for (i = 0; i < 2; i++) {
		room = bounds_pin_room(e, v[i], &why);
		if (count[v[i]] < room)
			continue;
		keep_drop(k, r, "%s (%s) already keeps %u introduction%s, "
		    "the most they may have (%s)", t->id[v[i]],
		    t->name[v[i]], count[v[i]], count[v[i]] == 1 ? "" : "s",
		    why);
		return 0;
	}
	count[v[0]]++;
	count[v[1]]++;
	pairmap_get(&k->kept, v[0], v[1], &added);
	k->pins[2 * k->npins] = v[0];
	k->pins[2 * k->npins + 1] = v[1];
	k->npins++;
	return 0;
}

int
keep_load(struct keep *k, const char *path, struct engine *e,
    const struct graph *g, char **cause)
{
	struct csv_options opt = { .header_only_ok = 1 };
	const struct attendee_table *t = e->t;
	struct person_index *ids;
	struct csv_table csv;
	struct keep_row r;
	const char **none;
	uint32_t *count, p;
	long col[2];
	size_t row;
	int i, rc = -1;

	memset(k, 0, sizeof *k);
	if (out_xlsx_wanted(path)) {
		*cause = xasprintf("%s: mingle reads the introductions to keep "
		    "from CSV only; write them as CSV (-o FILE.csv, either "
		    "dialect) and keep that file", path);
		return -1;
	}
	if (csv_read_file(path, &opt, &csv, cause) != 0)
		return -1;
	if (keep_columns(&csv, col, cause) != 0) {
		csv_free(&csv);
		return -1;
	}
	pairmap_init(&k->kept, csv.nrows);
	k->pins = xcalloc(2 * csv.nrows + 1, sizeof *k->pins);
	count = xcalloc(t->n + 1, sizeof *count);
	/* By id alone (e-mail ids folded), as attendees_find() does, but a
	 * hash probe a row. */
	none = xcalloc(t->n + 1, sizeof *none);
	ids = person_index_build(t->id, none, none, t->n);
	free(none);
	r.csv = &csv;
	for (row = 1; row <= csv.nrows; row++) {
		r.row = row;
		for (i = 0; i < 2; i++) {
			r.id[i] = csv_cell(&csv, row, (size_t)col[i]);
			r.who[i] = person_index_find(ids, r.id[i], &p) == 1 ?
			    (long)p : -1;
		}
		if (keep_judge(k, e, g, &r, count, cause) != 0)
			goto out;
	}
	rc = 0;
out:
	person_index_free(ids);
	free(count);
	csv_free(&csv);
	if (rc != 0)
		keep_free(k);
	return rc;
}

void
keep_free(struct keep *k)
{
	size_t i;

	for (i = 0; i < k->ndropped; i++)
		free(k->dropped[i]);
	free(k->dropped);
	free(k->pins);
	pairmap_free(&k->kept);
	memset(k, 0, sizeof *k);
}

void
keep_report(FILE *f, const struct keep *k)
{
	size_t i;

	if (k->ndropped == 0)
		return;
	fprintf(f, "mingle: --keep: %zu kept introduction%s dropped:\n",
	    k->ndropped, k->ndropped == 1 ? "" : "s");
	for (i = 0; i < k->ndropped; i++)
		fprintf(f, "mingle:   %s\n", k->dropped[i]);
}
