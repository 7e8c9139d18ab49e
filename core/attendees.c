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
#include "util.h"

static const char *const bool_yes[] = {
	"yes", "y", "ja", "j", "true", "wahr", "1", "x", "on", "oui", "si", NULL
};
static const char *const bool_no[] = {
	"no", "n", "nein", "false", "falsch", "0", "off", "non", NULL
};

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int
attendees_parse_bool(const char *s)
{
	char *n = normalize_tag(s, strlen(s));
	int v;

	if (n == NULL)
		return -2;
	if (*n == '\0')
		v = -1;
	else if (in_list(n, bool_yes))
		v = 1;
	else if (in_list(n, bool_no))
		v = 0;
	else
		v = -2;
	free(n);
	return v;
}

static char *
trimmed(const char *s)
{
	return trim_space(xstrdup(s));
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

/* Add the tags of one piece, splitting on the white space before each
 * '#'. */
static void
add_piece(struct field *f, const char *p, size_t len, uint32_t **ids,
    size_t *n, size_t *cap)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i, end;
		char *tag;

		/* "#lua #datenschutz", "lua #ux": a new tag at each " #";
		 * "C#" stays one word */
		for (end = i + 1; end < len; end++)
			if (p[end] == '#' &&
			    isspace((unsigned char)p[end - 1]))
				break;
		i = end;
		tag = normalize_tag(p + start, end - start);
		if (tag != NULL && *tag != '\0') {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 256;
				*ids = xreallocarray(*ids, *cap, sizeof **ids);
			}
			(*ids)[(*n)++] = intern_add(&f->values, tag);
		}
		free(tag);
	}
}

static void
build_tags(struct attendee_table *t, struct field *f, const char *sep)
{
	uint32_t *ids = NULL;
	size_t n = 0, cap = 0, i, k, w;

	f->tag_off = xcalloc(t->n + 1, sizeof *f->tag_off);
	for (i = 0; i < t->n; i++) {
		const char *cell = csv_cell(t->csv, t->row[i], f->column);
		size_t first = n;

		while (*cell != '\0') {
			size_t len = strcspn(cell, sep);

			add_piece(f, cell, len, &ids, &n, &cap);
			cell += len + (cell[len] != '\0');
		}
		/* sorted, without repeats: "#Lua, lua" is one tag; ids is
		 * still NULL while no attendee has had any */
		if (n - first > 1)
			qsort(ids + first, n - first, sizeof *ids, cmp_u32);
		w = first;
		for (k = first; k < n; k++)
			if (k == first || ids[k] != ids[k - 1])
				ids[w++] = ids[k];
		n = w;
		f->tag_off[i + 1] = (uint32_t)n;
	}
	f->tag_ids = ids ? ids : xcalloc(1, sizeof *ids);
	f->tag_freq = xcalloc(f->values.count + 1, sizeof *f->tag_freq);
	for (k = 0; k < n; k++)
		f->tag_freq[ids[k]]++;
}

/* ------------------------------------------------------------ scalars */

/*
 * "12,50" (German decimal comma) reads as 12.5; "1.234,5" too.  When both
 * marks appear the last one is the decimal point, so "1,234.5" (English
 * thousands) is 1234.5, not 1.2345.
 */
static int
parse_number(const char *s, double *out)
{
	char *copy, *p, *q, group = '.', decimal = ',';
	int rc;

	if (parse_double(s, out) == 0)
		return 0;
	if (strchr(s, ',') == NULL)
		return -1;
	if (strrchr(s, '.') != NULL && strrchr(s, '.') > strrchr(s, ',')) {
		group = ',';
		decimal = '.';
	}
	copy = xstrdup(s);
	for (p = q = copy; *p != '\0'; p++) {
		if (*p == group)
			continue;	/* thousands separator */
		*q++ = *p == decimal ? '.' : *p;
	}
	*q = '\0';
	rc = parse_double(copy, out);
	free(copy);
	return rc;
}

static int
build_scalars(struct attendee_table *t, struct field *f,
    const struct config_field *cf, char **cause)
{
	size_t i;

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
		size_t line = t->csv->lines[t->row[i]];

		switch (f->type) {
		case MINGLE_FIELD_NUMBER:
			if (*v != '\0') {
				if (parse_number(v, &f->number[i]) != 0) {
					*cause = xasprintf("%s:%zu: field '%s' "
					    "(column '%s'): '%s' is not a "
					    "number", t->source, line,
					    cf->name, cf->column, v);
					free(v);
					return -1;
				}
				f->has_number[i] = 1;
			}
			break;
		case MINGLE_FIELD_BOOL:
			f->boolean[i] = (signed char)attendees_parse_bool(v);
			if (f->boolean[i] == -2) {
				*cause = xasprintf("%s:%zu: field '%s' (column "
				    "'%s'): '%s' is not yes or no (yes, ja, "
				    "true, 1, x / no, nein, false, 0, empty)",
				    t->source, line, cf->name, cf->column, v);
				free(v);
				return -1;
			}
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
	return 0;
}

/* ------------------------------------------------------------ rows */

static int
build_ids(struct attendee_table *t, char **cause)
{
	struct intern seen = { 0 };
	size_t i;
	int renamed;

	for (i = 0; i < t->n; i++) {
		char *id = roster_id(&t->roster, t->csv, t->row[i]);

		if (*id == '\0') {
			*cause = xasprintf("%s:%zu: attendee without an id "
			    "(column '%s' is empty)", t->source,
			    t->csv->lines[t->row[i]], csv_cell(t->csv, 0,
			    (size_t)t->roster.id.cols[0]));
			free(id);
			intern_free(&seen);
			return -1;
		}
		/* another person with this id (a group order's buyer
		 * e-mail) gets ID#2: the person key said who is who */
		renamed = 0;
		t->id[i] = person_unique_id(&seen, id, t->roster.email_ids,
		    &renamed);
		t->roster.renamed += renamed;
	}
	intern_free(&seen);
	return 0;
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

			v = attendees_parse_bool(cell);
			if (v == -2) {
				*cause = xasprintf("%s:%zu: consent column "
				    "'%s' holds '%s'; expected yes or no (an "
				    "empty cell means no)", t->source,
				    t->csv->lines[t->row[i]],
				    c->consent_column, cell);
				return -1;
			}
		}
		t->consent[i] = v == 1;
		t->nconsenting += v == 1;
	}
	return 0;
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
		f->name = cf->name;
		f->type = cf->type;
		f->column = (size_t)col;
		if (f->type == MINGLE_FIELD_TAGS)
			build_tags(t, f, cf->separator);
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
	free(t->id);
	free(t->name);
	free(t->row);
	free(t->consent);
	roster_free(&t->roster);
	memset(t, 0, sizeof *t);
}

const struct field *
attendees_field(const struct attendee_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return &t->fields[i];
	return NULL;
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
