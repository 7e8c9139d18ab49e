/*
 * attendees.c -- build the typed, columnar attendee table from the CSV.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "attendees.h"
#include "mingle/plugin.h"
#include "normalize.h"
#include "person.h"
#include "person_index.h"
#include "util.h"

int
attendees_parse_bool(const char *s)
{
	return answers_read(NULL, s);
}

static char *
trimmed(const char *s)
{
	return normalize_trim_space(xstrdup(s));
}

/* Column SPEC of the CSV, or -1 with *cause prefixed by WHAT. */
static long
find_column(const struct attendee_table *t, const char *spec,
    const char *what, char **cause)
{
	char *inner = NULL;
	long col = csv_column(t->csv, spec, &inner);

	if (col < 0) {
		*cause = xasprintf("%s: %s", what, inner);
		free(inner);
	}
	return col;
}

/* ------------------------------------------------------------ tags */

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* What build_tags keeps while it reads a tags column. */
struct tag_build {
	struct field *f;
	int squash;		/* [field] squash = yes */
	uint32_t *ids;		/* every attendee's tag ids, CSR */
	size_t n, cap;
	uint32_t *label_tag;	/* label id -> its tag id */
	uint32_t *votes;	/* label id -> attendees who wrote it so */
	size_t *last;		/* label id -> the last attendee + 1 counted */
};

/* Attendee ROW wrote tag ID as the LEN bytes at P: count the spelling. */
static void
add_label(struct tag_build *b, size_t row, uint32_t id, const char *p,
    size_t len)
{
	struct field *f = b->f;
	char *label = normalize_label(p, len);
	uint32_t before = f->labels.count, k;

	k = intern_add(&f->labels, label != NULL ? label : "");
	free(label);
	if (f->labels.count != before) {
		/* room doubles at powers of two: each copied about once */
		if ((before & (before - 1)) == 0) {
			size_t cap = before ? (size_t)before * 2 : 1;

			b->label_tag = xreallocarray(b->label_tag, cap,
			    sizeof *b->label_tag);
			b->votes = xreallocarray(b->votes, cap,
			    sizeof *b->votes);
			b->last = xreallocarray(b->last, cap, sizeof *b->last);
		}
		b->label_tag[k] = id;
		b->votes[k] = 0;
		b->last[k] = 0;
	}
	if (b->last[k] != row + 1) {
		b->votes[k]++;
		b->last[k] = row + 1;
	}
}

/* Add the tags attendee ROW wrote in one piece, splitting on the white
 * space before each '#'. */
static void
add_piece(struct tag_build *b, size_t row, const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i, end;
		char *tag;
		uint32_t id;

		/* "#lua #datenschutz", "lua #ux": a new tag at each " #";
		 * "C#" stays one word */
		for (end = i + 1; end < len; end++)
			if (p[end] == '#' &&
			    isspace((unsigned char)p[end - 1]))
				break;
		i = end;
		tag = normalize_tag(p + start, end - start);
		if (tag != NULL && b->squash)
			normalize_squash(tag);
		if (tag != NULL && *tag != '\0') {
			if (b->n == b->cap) {
				b->cap = b->cap ? b->cap * 2 : 256;
				b->ids = xreallocarray(b->ids, b->cap,
				    sizeof *b->ids);
			}
			id = intern_add(&b->f->values, tag);
			b->ids[b->n++] = id;
			add_label(b, row, id, p + start, end - start);
		}
		free(tag);
	}
}

/* Give each tag the spelling most of its holders wrote; the first seen
 * wins a tie, as label ids count up in order of first appearance. */
static void
choose_labels(struct tag_build *b)
{
	struct field *f = b->f;
	uint32_t *best = xcalloc(f->values.count + 1, sizeof *best), k;

	f->label_of = xcalloc(f->values.count + 1, sizeof *f->label_of);
	for (k = 0; k < f->labels.count; k++) {
		if (b->votes[k] > best[b->label_tag[k]]) {
			best[b->label_tag[k]] = b->votes[k];
			f->label_of[b->label_tag[k]] = k;
		}
	}
	free(best);
	free(b->label_tag);
	free(b->votes);
	free(b->last);
}

static void
build_tags(struct attendee_table *t, struct field *f,
    const struct config_field *cf)
{
	struct tag_build b;
	const char *sep = cf->separator;
	size_t i, k, w;

	memset(&b, 0, sizeof b);
	b.f = f;
	b.squash = cf->squash == 1;
	f->tag_off = xcalloc(t->n + 1, sizeof *f->tag_off);
	for (i = 0; i < t->n; i++) {
		const char *cell = csv_cell(t->csv, t->row[i], f->column);
		size_t first = b.n;

		while (*cell != '\0') {
			size_t len = strcspn(cell, sep);

			add_piece(&b, i, cell, len);
			cell += len + (cell[len] != '\0');
		}
		/* sorted, without repeats: "#Lua, lua" is one tag; ids is
		 * still NULL while no attendee has had any */
		if (b.n - first > 1)
			qsort(b.ids + first, b.n - first, sizeof *b.ids,
			    cmp_u32);
		w = first;
		for (k = first; k < b.n; k++)
			if (k == first || b.ids[k] != b.ids[k - 1])
				b.ids[w++] = b.ids[k];
		b.n = w;
		f->tag_off[i + 1] = (uint32_t)b.n;
	}
	f->tag_ids = b.ids ? b.ids : xcalloc(1, sizeof *b.ids);
	f->tag_freq = xcalloc(f->values.count + 1, sizeof *f->tag_freq);
	for (k = 0; k < b.n; k++)
		f->tag_freq[b.ids[k]]++;
	choose_labels(&b);
}

/* ------------------------------------------------------------ scalars */

static int
build_scalars(struct attendee_table *t, struct field *f,
    const struct config_field *cf, char **cause)
{
	struct problems bad = { { NULL, 0, 0 }, 0 };
	size_t i, unknown = 0;

	switch (f->type) {
	case MINGLE_FIELD_NUMBER:
		f->number = xcalloc(t->n, sizeof *f->number);
		f->has_number = xcalloc(t->n, 1);
		break;
	case MINGLE_FIELD_BOOL:
		f->boolean = xcalloc(t->n, 1);
		break;
	case MINGLE_FIELD_CATEGORY:
		f->category = xcalloc(t->n, sizeof *f->category);
		/* FALLTHROUGH */
	case MINGLE_FIELD_TEXT:
		f->text = xcalloc(t->n, sizeof *f->text);
		break;
	}
	for (i = 0; i < t->n; i++) {
		char *v = trimmed(csv_cell(t->csv, t->row[i], f->column));
		char *where;

		switch (f->type) {
		case MINGLE_FIELD_NUMBER:
			if (*v == '\0')
				break;
			if (parse_decimal(v, &f->number[i]) == 0) {
				f->has_number[i] = 1;
				break;
			}
			where = csv_where(t->csv, t->row[i]);
			problems_add(&bad, "%sfield '%s' (column '%s'): '%s' "
			    "is not a number", where, cf->name, cf->column, v);
			free(where);
			break;
		case MINGLE_FIELD_BOOL:
			f->boolean[i] = (signed char)answers_read(&cf->answers,
			    v);
			unknown += f->boolean[i] == -2;
			break;
		case MINGLE_FIELD_CATEGORY:
			if (*v != '\0') {
				char *key = normalize_tag(v, strlen(v));

				f->category[i] = intern_add(&f->values,
				    key ? key : v) + 1;
				free(key);
			}
			/* FALLTHROUGH */
		case MINGLE_FIELD_TEXT:
			if (*v != '\0') {
				f->text[i] = v;
				v = NULL;
			}
			break;
		}
		free(v);
	}
	if (bad.n > 0) {
		char *what = xasprintf("rows whose field '%s' is not a number",
		    cf->name);

		*cause = problems_message(&bad, what);
		free(what);
		return -1;
	}
	if (unknown > 0) {
		char *what = xasprintf("field '%s' (column '%s')", cf->name,
		    cf->column), *section = xasprintf("[field %s]", cf->name);

		*cause = answers_report(&cf->answers, t->csv, t->row, t->n,
		    f->column, what, section, "yes", "no");
		free(what);
		free(section);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ rows */

static int
build_ids(struct attendee_table *t, char **cause)
{
	struct intern seen = { 0 };
	struct problems empty = { { NULL, 0, 0 }, 0 };
	size_t i;
	int renamed;
	char *where;

	for (i = 0; i < t->n; i++) {
		char *id = roster_id(&t->roster, t->csv, t->row[i]);

		if (*id == '\0') {
			where = csv_where(t->csv, t->row[i]);
			problems_add(&empty, "%sattendee without an id (column "
			    "'%s' is empty)", where, csv_cell(t->csv, 0,
			    (size_t)t->roster.id.cols[0]));
			free(where);
			free(id);
			continue;
		}
		/* another person with this id (a group order's buyer
		 * e-mail) gets ID#2: the person key said who is who */
		renamed = 0;
		t->id[i] = person_unique_id(&seen, id, t->roster.email_ids,
		    &renamed);
		t->roster.renamed += renamed;
	}
	intern_free(&seen);
	*cause = problems_message(&empty, "rows without an id");
	return *cause != NULL ? -1 : 0;
}

static void
build_names(struct attendee_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		char *raw = roster_name(&t->roster, t->csv, t->row[i]);
		char *nfc = normalize_nfc(raw, strlen(raw));

		t->name[i] = nfc ? nfc : xstrdup(raw);
		free(raw);
	}
}

static int
build_consent(struct attendee_table *t, const struct mingle_config *c,
    char **cause)
{
	long col = -1;
	size_t i;

	if (c->consent_column != NULL) {
		col = find_column(t, c->consent_column, "[input] consent",
		    cause);
		if (col < 0)
			return -1;
	}
	for (i = 0; i < t->n; i++) {
		int v = 1;

		if (col >= 0) {
			const char *cell = csv_cell(t->csv, t->row[i],
			    (size_t)col);

			v = answers_read(&c->consent_answers, cell);
			if (v == -2) {
				char *what = xasprintf("consent column '%s'",
				    c->consent_column);

				*cause = answers_report(&c->consent_answers,
				    t->csv, t->row, t->n, (size_t)col, what,
				    "[input]", "consent_yes", "consent_no");
				free(what);
				return -1;
			}
		}
		t->consent[i] = v == 1;
		t->nconsenting += v == 1;
	}
	return 0;
}

/* [match] per_attendee_column: every bad cell named, then one error. */
static int
build_wants(struct attendee_table *t, const struct mingle_config *c,
    char **cause)
{
	struct problems bad = { { NULL, 0, 0 }, 0 };
	const char *spec = c->match.per_attendee_column;
	char *what, *v, *where;
	long col, n;
	size_t i;

	if (spec == NULL)
		return 0;
	what = xasprintf("%s: [match] per_attendee_column", c->path);
	col = find_column(t, spec, what, cause);
	free(what);
	if (col < 0)
		return -1;
	t->wants = xcalloc(t->n ? t->n : 1, sizeof *t->wants);
	for (i = 0; i < t->n; i++) {
		v = trimmed(csv_cell(t->csv, t->row[i], (size_t)col));
		t->wants[i] = UINT32_MAX;
		if (*v != '\0' && parse_long(v, &n) == 0 && n >= 0)
			t->wants[i] = n < 1000000 ? (uint32_t)n : 1000000;
		else if (*v != '\0') {
			where = csv_where(t->csv, t->row[i]);
			problems_add(&bad, "%scolumn '%s': '%s' is not a "
			    "number of introductions (a whole number, 0 to "
			    "opt out, empty for per_attendee)", where, spec, v);
			free(where);
		}
		free(v);
	}
	*cause = problems_message(&bad, "rows whose per_attendee_column is "
	    "not a number");
	return *cause != NULL ? -1 : 0;
}

int
attendees_build(struct attendee_table *t, const struct csv_table *csv,
    const struct mingle_config *c, char **cause)
{
	size_t i;

	memset(t, 0, sizeof *t);
	t->csv = csv;
	t->source = c->input_file;
	if (roster_build(&t->roster, csv, c, cause) != 0)
		return -1;
	t->n = t->roster.nrows;
	t->id = xcalloc(t->n, sizeof *t->id);
	t->name = xcalloc(t->n, sizeof *t->name);
	t->row = xcalloc(t->n, sizeof *t->row);
	t->consent = xcalloc(t->n, 1);
	for (i = 0; i < t->n; i++)
		t->row[i] = t->roster.rows[i];

	if (build_ids(t, cause) != 0)
		goto fail;
	if (t->roster.name.n == 0) {
		for (i = 0; i < t->n; i++)
			t->name[i] = xstrdup(t->id[i]);
	} else
		build_names(t);
	if (build_consent(t, c, cause) != 0)
		goto fail;
	if (build_wants(t, c, cause) != 0)
		goto fail;

	t->fields = xcalloc(c->nfields, sizeof *t->fields);
	for (i = 0; i < c->nfields; i++) {
		const struct config_field *cf = &c->fields[i];
		struct field *f = &t->fields[i];
		char *what = xasprintf("%s:%d: [field %s] column", c->path,
		    cf->line, cf->name);
		long col = find_column(t, cf->column, what, cause);

		free(what);
		if (col < 0)
			goto fail;
		t->nfields++;
		intern_add(&t->field_names, cf->name);	/* id = i */
		f->name = cf->name;
		f->type = cf->type;
		f->column = (size_t)col;
		if (f->type == MINGLE_FIELD_TAGS)
			build_tags(t, f, cf);
		else if (build_scalars(t, f, cf, cause) != 0)
			goto fail;
	}
	return 0;
fail:
	attendees_free(t);
	return -1;
}

void
attendees_free(struct attendee_table *t)
{
	size_t i, k;

	for (i = 0; i < t->n; i++) {
		free((char *)t->id[i]);
		free(t->name[i]);
	}
	for (k = 0; k < t->nfields; k++) {
		struct field *f = &t->fields[k];

		free(f->tag_off);
		free(f->tag_ids);
		free(f->tag_freq);
		intern_free(&f->values);
		intern_free(&f->labels);
		free(f->label_of);
		free(f->category);
		free(f->number);
		free(f->has_number);
		free(f->boolean);
		if (f->text != NULL)
			for (i = 0; i < t->n; i++)
				free((char *)f->text[i]);
		free(f->text);
	}
	free(t->fields);
	intern_free(&t->field_names);
	free(t->id);
	free(t->name);
	free(t->row);
	free(t->consent);
	free(t->wants);
	roster_free(&t->roster);
	person_index_free(t->people);
	memset(t, 0, sizeof *t);
}

const struct field *
attendees_field(const struct attendee_table *t, const char *name)
{
	long i = intern_find(&t->field_names, name);

	return i >= 0 ? &t->fields[i] : NULL;
}

long
attendees_find(const struct attendee_table *t, const char *id)
{
	char *key, *other;
	long found = -1;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->id[i], id) == 0)
			return (long)i;
	if (!t->roster.email_ids)
		return -1;
	key = person_fold_email(id);
	for (i = 0; i < t->n && found < 0; i++) {
		other = person_fold_email(t->id[i]);
		if (strcmp(other, key) == 0)
			found = (long)i;
		free(other);
	}
	free(key);
	return found;
}
