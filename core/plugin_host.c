/*
 * plugin_host.c -- the functions mingle offers plugins (struct mingle_api).
 *
 * Every accessor checks its arguments: a plugin's bug must not become a
 * crash in the host.  Bad handles read as "missing".
 */
#include "autoconf.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "person_index.h"
#include "plugin_host.h"
#include "roster.h"
#include "util.h"

static const struct field *
field_of(mingle_host *h, int field, int type)
{
	const struct field *f;

	if (field < 0 || (size_t)field >= h->t->nfields)
		return NULL;
	f = &h->t->fields[field];
	return f->type == type ? f : NULL;
}

static const char *
host_option(mingle_host *h, const char *key)
{
	return config_strategy_option(h->cs, key);
}

/* Scoring threads may call error at once (plugin.h allows any thread). */
static pthread_mutex_t host_error_lock = PTHREAD_MUTEX_INITIALIZER;

static void __attribute__((format(printf, 2, 3)))
host_error(mingle_host *h, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&host_error_lock);
	free(h->error);
	h->error = msg;
	pthread_mutex_unlock(&host_error_lock);
}

static void __attribute__((format(printf, 2, 3)))
host_log(mingle_host *h, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	/* One write per line so threads do not interleave within it. */
	fprintf(stderr, "mingle: %s: %s\n", h->label, msg);
	free(msg);
}

static uint32_t
host_attendee_count(mingle_host *h)
{
	return (uint32_t)h->t->n;
}

static const char *
host_attendee_id(mingle_host *h, mingle_attendee a)
{
	return a < h->t->n ? h->t->id[a] : NULL;
}

static const char *
host_attendee_name(mingle_host *h, mingle_attendee a)
{
	return a < h->t->n ? h->t->name[a] : NULL;
}

static int
host_field(mingle_host *h, const char *name, int *type)
{
	const struct field *f = name != NULL ?
	    attendees_field(h->t, name) : NULL;

	if (f == NULL)
		return -1;
	if (type != NULL)
		*type = f->type;
	return (int)(f - h->t->fields);
}

static size_t
host_tags(mingle_host *h, int field, mingle_attendee a, const uint32_t **tags)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_TAGS);

	if (f == NULL || a >= h->t->n) {
		*tags = NULL;
		return 0;
	}
	*tags = f->tag_ids + f->tag_off[a];
	return f->tag_off[a + 1] - f->tag_off[a];
}

static uint32_t
host_tag_count(mingle_host *h, int field)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_TAGS);

	return f ? f->values.count : 0;
}

static uint32_t
host_tag_frequency(mingle_host *h, int field, uint32_t tag)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_TAGS);

	return f && tag < f->values.count ? f->tag_freq[tag] : 0;
}

static const char *
host_tag_name(mingle_host *h, int field, uint32_t tag)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_TAGS);

	return f && tag < f->values.count ? f->values.strings[tag] : NULL;
}

static const char *
host_tag_label(mingle_host *h, int field, uint32_t tag)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_TAGS);

	return f && tag < f->values.count ?
	    f->labels.strings[f->label_of[tag]] : NULL;
}

static int
host_number(mingle_host *h, int field, mingle_attendee a, double *out)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_NUMBER);

	if (f == NULL || a >= h->t->n || !f->has_number[a])
		return 0;
	*out = f->number[a];
	return 1;
}

static int
host_boolean(mingle_host *h, int field, mingle_attendee a)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_BOOL);

	return f && a < h->t->n ? f->boolean[a] : -1;
}

static const char *
host_text(mingle_host *h, int field, mingle_attendee a)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_TEXT);

	if (f == NULL)
		f = field_of(h, field, MINGLE_FIELD_CATEGORY);
	return f && a < h->t->n ? f->text[a] : NULL;
}

static uint32_t
host_category(mingle_host *h, int field, mingle_attendee a)
{
	const struct field *f = field_of(h, field, MINGLE_FIELD_CATEGORY);

	return f && a < h->t->n ? f->category[a] : 0;
}

static int
host_table(mingle_host *h, const char *path, int (*row)(void *,
    size_t, const char *const *, size_t), void *ctx)
{
	struct csv_options opt = { 0 };
	struct csv_table csv;
	char *dir, *file, *cause = NULL;
	size_t r;
	int rc = 0;

	if (path == NULL || row == NULL) {
		host_error(h, "table: no file named");
		return -1;
	}
	if (h->config != NULL)
		opt = h->config->csv;
	/* Another tool may have written it: detect both, keep the limits. */
	opt.delimiter = 0;
	opt.encoding = CSV_ENCODING_AUTO;
	dir = path_dirname(h->cs != NULL ? h->cs->file : ".");
	file = path_join(dir, path);
	free(dir);
	if (csv_read_file(file, &opt, &csv, &cause) != 0) {
		free(h->error);
		h->error = cause;
		free(file);
		return -1;
	}
	free(file);
	for (r = 0; r <= csv.nrows && rc == 0; r++)
		rc = row(ctx, csv.lines[r],
		    (const char *const *)&csv.cells[r * csv.ncols], csv.ncols);
	csv_free(&csv);
	return rc;
}

/* The index of the attendees, built by the first caller; a race between
 * threads builds it twice and keeps one. */
static const struct person_index *
host_people(mingle_host *h)
{
	struct attendee_table *t = (struct attendee_table *)h->t;
	struct person_index *ix, *none = NULL;
	const char **email;
	size_t i;

	ix = __atomic_load_n(&t->people, __ATOMIC_ACQUIRE);
	if (ix != NULL)
		return ix;
	email = xcalloc(t->n + 1, sizeof *email);
	for (i = 0; i < t->n; i++)
		email[i] = roster_email(&t->roster, t->csv, t->row[i]);
	ix = person_index_build(t->id, (const char *const *)t->name, email,
	    t->n);
	free(email);
	if (!__atomic_compare_exchange_n(&t->people, &none, ix, 0,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		person_index_free(ix);
		ix = none;
	}
	return ix;
}

static int
host_lookup(mingle_host *h, const char *who, mingle_attendee *out)
{
	uint32_t p;
	int rc;

	if (who == NULL || out == NULL)
		return 0;
	if ((rc = person_index_find(host_people(h), who, &p)) != 0)
		*out = p;
	return rc;
}

static void
host_quota(mingle_host *h, mingle_attendee a, uint32_t max)
{
	size_t i;

	if (!h->in_init || a >= h->t->n)
		return;
	if (h->quota == NULL) {
		h->quota = xcalloc(h->t->n ? h->t->n : 1, sizeof *h->quota);
		for (i = 0; i < h->t->n; i++)
			h->quota[i] = UINT32_MAX;
	}
	h->quota[a] = max;
}

static int
host_pin(mingle_host *h, mingle_attendee a, mingle_attendee b)
{
	if (!h->in_init) {
		host_error(h, "pin() may be called in init only");
		return -1;
	}
	if (a >= h->t->n || b >= h->t->n) {
		host_error(h, "pin(%lu, %lu): no such attendee (there are "
		    "%zu)", (unsigned long)a, (unsigned long)b, h->t->n);
		return -1;
	}
	if (a == b) {
		host_error(h, "pin(%s, %s): an attendee cannot meet "
		    "themselves", h->t->id[a], h->t->id[b]);
		return -1;
	}
	if (h->npins == h->pins_cap) {
		h->pins_cap = h->pins_cap ? 2 * h->pins_cap : 16;
		h->pins = xreallocarray(h->pins, h->pins_cap,
		    2 * sizeof *h->pins);
	}
	h->pins[2 * h->npins] = a;
	h->pins[2 * h->npins + 1] = b;
	h->npins++;
	return 0;
}

const struct mingle_api plugin_host_api = {
	.size = sizeof(struct mingle_api),
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.option = host_option,
	.error = host_error,
	.log = host_log,
	.attendee_count = host_attendee_count,
	.attendee_id = host_attendee_id,
	.attendee_name = host_attendee_name,
	.field = host_field,
	.tags = host_tags,
	.tag_count = host_tag_count,
	.tag_frequency = host_tag_frequency,
	.tag_name = host_tag_name,
	.number = host_number,
	.boolean = host_boolean,
	.text = host_text,
	.category = host_category,
	.tag_label = host_tag_label,
	.table = host_table,
	.lookup = host_lookup,
	.quota = host_quota,
	.pin = host_pin,
};
