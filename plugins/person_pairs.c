/*
 * person_pairs.c -- people named in files and fields, found through the
 * host (see person_pairs.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "person_pairs.h"

/* The names each way of naming the two columns gives them. */
static const char *const column_names[][2] = {
	{ "a_id", "b_id" }, { "a", "b" }, { "person", "other" },
	{ "person_a", "person_b" },
};

struct reader {
	const struct mingle_api *api;
	mingle_host *host;
	const char *key, *path;
	uint32_t from;
	struct pair_set *set;
	struct person_misses *m;
	long col[2], alt[2];	/* alt: -1 for none */
	size_t rows;
	int header;		/* the header has been read */
};

/* S without white space at its ends, a new string; NULL: out of memory. */
static char *
trimmed(const char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return strndup(s, n);
}

/* Is header cell CELL the column NAME (case and spaces at the ends aside)? */
static int
is_column(const char *cell, const char *name)
{
	size_t n = strlen(name);

	while (isspace((unsigned char)*cell))
		cell++;
	if (strncasecmp(cell, name, n) != 0)
		return 0;
	for (cell += n; isspace((unsigned char)*cell); cell++)
		;
	return *cell == '\0';
}

/* The column NAME among the N header CELLS, or -1. */
static long
column(const char *const *cells, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_column(cells[i], name))
			return (long)i;
	return -1;
}

int
person_pairs_find(const struct mingle_api *api, mingle_host *host,
    const char *who, mingle_attendee *out, struct person_misses *m,
    uint32_t from, uint32_t line)
{
	struct person_miss *miss;
	mingle_attendee first = 0;
	char *text;
	int rc;

	if ((text = trimmed(who)) == NULL)
		goto oom;
	if (*text == '\0') {
		free(text);
		return 0;
	}
	if ((rc = api->lookup(host, text, &first)) == 1) {
		free(text);
		*out = first;
		return 1;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 16;
		struct person_miss *v = realloc(m->v, cap * sizeof *v);

		if (v == NULL) {
			free(text);
			goto oom;
		}
		m->v = v;
		m->cap = cap;
	}
	miss = &m->v[m->n++];
	miss->who = text;
	miss->from = from;
	miss->line = line;
	miss->several = rc < 0;
	miss->first = first;
	m->nobody += rc == 0;
	return 0;
oom:
	api->error(host, "out of memory");
	return -1;
}

/* The header: which columns hold the people. */
static int
read_header(struct reader *r, size_t line, const char *const *cells,
    size_t n)
{
	size_t k;

	if (n < 2) {
		r->api->error(r->host, "'%s = %s': %s:%zu: one column; the "
		    "file needs two columns of people (a header like "
		    "'a,b' or 'a_id,b_id', then a pair a line)", r->key,
		    r->path, r->path, line);
		return 2;
	}
	r->col[0] = 0;
	r->col[1] = 1;
	r->alt[0] = r->alt[1] = -1;
	for (k = 0; k < sizeof column_names / sizeof column_names[0]; k++) {
		long a = column(cells, n, column_names[k][0]);
		long b = column(cells, n, column_names[k][1]);

		if (a >= 0 && b >= 0) {
			r->col[0] = a;
			r->col[1] = b;
			break;
		}
	}
	if (k == 0) {
		r->alt[0] = column(cells, n, "a_name");
		r->alt[1] = column(cells, n, "b_name");
	}
	r->header = 1;
	return 0;
}

/* One side of a row, by its column, else by its other column. */
static int
read_side(struct reader *r, int side, size_t line, const char *const *cells,
    mingle_attendee *out)
{
	const char *cell = cells[r->col[side]];

	if (r->alt[side] >= 0) {
		if (r->api->lookup(r->host, cell, out) == 1)
			return 1;
		cell = cells[r->alt[side]];
	}
	return person_pairs_find(r->api, r->host, cell, out, r->m, r->from,
	    (uint32_t)line);
}

/* A row at LINE whose sides are both attendee A. */
static int
add_same(struct reader *r, size_t line, mingle_attendee a)
{
	struct person_misses *m = r->m;

	if (m->nsame == m->same_cap) {
		size_t cap = m->same_cap ? 2 * m->same_cap : 8;
		struct person_same *v = realloc(m->same, cap * sizeof *v);

		if (v == NULL) {
			r->api->error(r->host, "out of memory");
			return 2;
		}
		m->same = v;
		m->same_cap = cap;
	}
	m->same[m->nsame].line = (uint32_t)line;
	m->same[m->nsame++].who = a;
	return 0;
}

static int
read_row(void *ctx, size_t line, const char *const *cells, size_t n)
{
	struct reader *r = ctx;
	mingle_attendee a = 0, b = 0;
	int found_a, found_b;

	if (!r->header)
		return read_header(r, line, cells, n);
	r->rows++;
	if ((found_a = read_side(r, 0, line, cells, &a)) < 0 ||
	    (found_b = read_side(r, 1, line, cells, &b)) < 0)
		return 2;
	if (found_a && found_b && a == b)
		return add_same(r, line, a);
	if (found_a && found_b &&
	    pair_set_add(r->set, a, b, r->from, (uint32_t)line) < 0) {
		r->api->error(r->host, "out of memory");
		return 2;
	}
	return 0;
}

int
person_pairs_read(const struct mingle_api *api, mingle_host *host,
    const char *key, const char *path, uint32_t from, struct pair_set *set,
    struct person_misses *m, size_t *nrows)
{
	struct reader r;

	memset(&r, 0, sizeof r);
	r.api = api;
	r.host = host;
	r.key = key;
	r.path = path;
	r.from = from;
	r.set = set;
	r.m = m;
	if (api->table(host, path, read_row, &r) != 0)
		return -1;
	if (nrows != NULL)
		*nrows = r.rows;
	return 0;
}

/* The attendees the name of miss M fits, joined, into BUF of CAP bytes. */
static void
candidates(const struct mingle_api *api, mingle_host *host,
    const struct person_miss *m, char *buf, size_t cap)
{
	uint32_t b, n = api->attendee_count(host), shown = 0, more = 0;
	mingle_attendee first;
	size_t len = 0;

	buf[0] = '\0';
	for (b = 0; b < n; b++) {
		if (b != m->first && (api->lookup(host, api->attendee_name(host,
		    b), &first) != -1 || first != m->first))
			continue;
		if (shown == 5 || len + 1 >= cap) {
			more++;
			continue;
		}
		snprintf(buf + len, cap - len, "%s%s (%s)", shown ? ", " : "",
		    api->attendee_id(host, b), api->attendee_name(host, b));
		len += strlen(buf + len);
		shown++;
	}
	if (more > 0 && len + 1 < cap)
		snprintf(buf + len, cap - len, " and %u more", more);
}

void
person_pairs_warn_several(const struct mingle_api *api, mingle_host *host,
    const struct person_misses *m, person_pairs_place_fn place, void *ctx)
{
	char where[256], who[512];
	size_t i, shown = 0;

	for (i = 0; i < m->n; i++) {
		if (!m->v[i].several)
			continue;
		if (shown++ == PERSON_PAIRS_SHOWN) {
			api->log(host, "and %zu more names that fit several "
			    "attendees", m->n - m->nobody - PERSON_PAIRS_SHOWN);
			break;
		}
		place(ctx, &m->v[i], where, sizeof where);
		candidates(api, host, &m->v[i], who, sizeof who);
		api->log(host, "'%s' (%s) fits several attendees: %s; "
		    "%s for it: write an id or an e-mail address instead",
		    m->v[i].who, where, who, m->unused != NULL ? m->unused :
		    "nothing is vetoed");
	}
}

void
person_pairs_warn(const struct mingle_api *api, mingle_host *host,
    const struct person_misses *m, const char *what,
    person_pairs_place_fn place, void *ctx)
{
	char where[256], list[2048];
	size_t i, len = 0, shown = 0;

	list[0] = '\0';
	for (i = 0; i < m->n && shown < PERSON_PAIRS_SHOWN; i++) {
		if (m->v[i].several)
			continue;
		place(ctx, &m->v[i], where, sizeof where);
		snprintf(list + len, sizeof list - len, "%s'%.100s' (%s)",
		    shown ? ", " : "", m->v[i].who, where);
		len += strlen(list + len);
		shown++;
	}
	if (m->nobody > 0)
		api->log(host, "%s: %zu name%s match%s no attendee: %s%s",
		    what, m->nobody, m->nobody == 1 ? "" : "s",
		    m->nobody == 1 ? "es" : "", list,
		    m->nobody > shown ? " and more" : "");
	person_pairs_warn_several(api, host, m, place, ctx);
}

void
person_pairs_free_misses(struct person_misses *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].who);
	free(m->v);
	free(m->same);
	memset(m, 0, sizeof *m);
}

int
person_pairs_file_open(const struct mingle_api *api, mingle_host *host,
    const char *pairs, struct person_pairs_file **out,
    struct person_misses *m)
{
	struct person_pairs_file *f;
	const char *file;

	*out = NULL;
	if ((file = api->option(host, "file")) == NULL || *file == '\0') {
		api->error(host, "needs 'file', a CSV file of %s (a header, "
		    "then two columns of ids, e-mail addresses or names)",
		    pairs);
		return -1;
	}
	if ((f = calloc(1, sizeof *f)) == NULL ||
	    (f->file = strdup(file)) == NULL) {
		free(f);
		api->error(host, "out of memory");
		return -1;
	}
	if (person_pairs_read(api, host, "file", file, 0, &f->pairs, m,
	    NULL) != 0) {
		person_pairs_file_free(f);
		return -1;
	}
	if (pair_set_index(&f->pairs, api->attendee_count(host)) != 0) {
		person_pairs_file_free(f);
		api->error(host, "out of memory");
		return -1;
	}
	*out = f;
	return 0;
}

void
person_pairs_file_place(void *ctx, const struct person_miss *m, char *buf,
    size_t cap)
{
	const struct person_pairs_file *f = ctx;

	snprintf(buf, cap, "%s line %u", f->file, m->line);
}

void
person_pairs_file_reason(const struct person_pairs_file *f, const char *why,
    mingle_attendee a, mingle_attendee b, char *buf, size_t cap)
{
	const struct pair_set_entry *e = pair_set_find(&f->pairs, a, b);

	buf[0] = '\0';
	if (e != NULL)
		snprintf(buf, cap, "%s (%s line %u)", why, f->file, e->line);
}

void
person_pairs_file_free(struct person_pairs_file *f)
{
	if (f == NULL)
		return;
	pair_set_free(&f->pairs);
	free(f->file);
	free(f);
}
