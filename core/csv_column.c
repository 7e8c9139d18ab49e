/*
 * csv_column.c -- name the columns of a csv_table and find them by name.
 *
 * The names are made once, when the table is read.  All headers go into
 * one interner first, so it knows which names the file spells itself; the
 * generated `Company@K` names of repeated headers step over those and are
 * added after them.  The loose (trimmed, ASCII lower-case) forms of the
 * names go into a second interner.  Every step is a hash probe, so naming
 * is linear in the number of columns and a lookup costs the length of the
 * spec.  Only the explanation of a failed lookup walks all columns, once.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "intern.h"
#include "util.h"

#define CSV_NONE UINT32_MAX

struct csv_columns {
	struct intern names;	/* the headers (ids < nheaders), then the
				   generated names */
	uint32_t nheaders;	/* distinct header texts */
	uint32_t *name_of;	/* column -> its name's id */
	uint32_t *column_of;	/* name id -> column (a header's first) */
	struct intern loose;	/* csv_loose() of the names */
	uint32_t *loose_first;	/* loose id -> the first column of that form */
	uint32_t *loose_other;	/* and a second one (ambiguous), or NONE */
};

static const char *csv_trim(const char *, size_t *);
static const char *csv_name(const struct csv_columns *, size_t);
static char	*csv_loose(const char *, size_t, size_t);
static uint32_t	 csv_generated(struct csv_columns *, const char *,
		    uint32_t *, size_t *);
static void	 csv_add_loose(struct csv_columns *, const char *, size_t,
		    size_t);
static long	 csv_loose_find(const struct csv_table *, const char *,
		    size_t, char **);
static size_t	 csv_spec_nth(const char *, size_t *);
static long	 csv_find(const struct csv_table *, const char *, size_t,
		    size_t, int, size_t *, long *, long *);
static void	 csv_one_column_hint(const struct csv_table *,
		    struct strbuf *);
static void	 csv_column_error(const struct csv_table *, const char *,
		    char **);

/* Trim the spaces around the *LEN bytes at S; returns the new start. */
static const char *
csv_trim(const char *s, size_t *len)
{
	size_t n = *len;

	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

/* The name of column COL. */
static const char *
csv_name(const struct csv_columns *c, size_t col)
{
	return c->names.strings[c->name_of[col]];
}

/*
 * The loose form of the LEN bytes at S with the number K: trimmed, ASCII
 * lower-case, then "@K" if K > 1.  A new string.
 */
static char *
csv_loose(const char *s, size_t len, size_t k)
{
	char *out, *p;

	s = csv_trim(s, &len);
	out = k > 1 ? xasprintf("%.*s@%zu", (int)len, s, k) :
	    xstrndup(s, len);
	for (p = out; p < out + len; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/*
 * Name a later column headed H: H@K with K counting up from *NEXT (then
 * left past it), skipping any H@K that is already a name -- a header of
 * the file or a name given before.  Each number is tried once per header
 * text, and one is skipped only for a header that spells it (H@K never
 * equals G@J for another G), so all columns together cost a linear number
 * of probes.  Returns the new name's id; *K is set.
 */
static uint32_t
csv_generated(struct csv_columns *c, const char *h, uint32_t *next,
    size_t *k)
{
	uint32_t id, before;
	char *name;

	do {
		*k = (*next)++;
		name = xasprintf("%s@%zu", h, *k);
		before = c->names.count;
		id = intern_add(&c->names, name);
		free(name);
	} while (c->names.count == before);	/* taken: try the next */
	return id;
}

/* Enter the loose form of header H with number K, for column COL. */
static void
csv_add_loose(struct csv_columns *c, const char *h, size_t k, size_t col)
{
	char *key = csv_loose(h, strlen(h), k);
	uint32_t before = c->loose.count, id = intern_add(&c->loose, key);

	free(key);
	if (c->loose.count != before) {
		c->loose_first[id] = (uint32_t)col;
		c->loose_other[id] = CSV_NONE;
	} else if (c->loose_other[id] == CSV_NONE)
		c->loose_other[id] = (uint32_t)col;
}

struct csv_columns *
csv_column_index_build(const struct csv_table *t)
{
	struct csv_columns *c = xcalloc(1, sizeof *c);
	uint32_t *next, id, before;
	const char *h;
	size_t col, k, n = t->ncols;

	c->name_of = xcalloc(n, sizeof *c->name_of);
	c->column_of = xcalloc(n, sizeof *c->column_of);
	c->loose_first = xcalloc(n, sizeof *c->loose_first);
	c->loose_other = xcalloc(n, sizeof *c->loose_other);
	for (col = 0; col < n; col++) {
		before = c->names.count;
		id = intern_add(&c->names, csv_cell(t, 0, col));
		if (c->names.count != before)
			c->column_of[id] = (uint32_t)col;
		c->name_of[col] = id;
	}
	c->nheaders = c->names.count;
	next = xcalloc(c->nheaders, sizeof *next);
	for (col = 0; col < n; col++) {
		h = csv_cell(t, 0, col);
		id = c->name_of[col];
		k = 1;
		if (c->column_of[id] != col) {
			if (next[id] == 0)
				next[id] = 2;
			c->name_of[col] = csv_generated(c, h, &next[id], &k);
			c->column_of[c->name_of[col]] = (uint32_t)col;
		}
		csv_add_loose(c, h, k, col);
	}
	free(next);
	return c;
}

void
csv_column_index_free(struct csv_columns *c)
{
	if (c == NULL)
		return;
	intern_free(&c->names);
	free(c->name_of);
	free(c->column_of);
	intern_free(&c->loose);
	free(c->loose_first);
	free(c->loose_other);
	free(c);
}

/*
 * The column whose name has the loose form of the LEN bytes at S, -1 if
 * none, or -2 with *cause set if two names have that form.
 */
static long
csv_loose_find(const struct csv_table *t, const char *s, size_t len,
    char **cause)
{
	const struct csv_columns *c = t->columns;
	char *key = csv_loose(s, len, 1);
	long id = intern_find(&c->loose, key);

	free(key);
	if (id < 0)
		return -1;
	if (c->loose_other[id] != CSV_NONE) {
		*cause = xasprintf("\"%s\" or \"%s\"?",
		    csv_name(c, c->loose_first[id]),
		    csv_name(c, c->loose_other[id]));
		return -2;
	}
	return (long)c->loose_first[id];
}

/* Parse the "@N" at the end of SPEC; 0 if there is none. */
static size_t
csv_spec_nth(const char *spec, size_t *blen)
{
	const char *at = strrchr(spec, '@');
	size_t digits;

	if (at == NULL || at[1] < '1' || at[1] > '9')
		return 0;
	digits = strlen(at + 1);
	if (digits > 9 || strspn(at + 1, "0123456789") != digits)
		return 0;
	*blen = (size_t)(at - spec);
	return strtoul(at + 1, NULL, 10);
}

long
csv_column(const struct csv_table *t, const char *spec, char **cause)
{
	const struct csv_columns *c = t->columns;
	const char *file = t->name != NULL ? t->name : "the input";
	size_t blen = strlen(spec), nth;
	char *base, *which = NULL;
	long id, col;

	/* A name as it is: a header, or a generated Company@3. */
	if ((id = intern_find(&c->names, spec)) >= 0)
		return (long)c->column_of[id];
	/* Company@1 is the first column headed Company. */
	nth = csv_spec_nth(spec, &blen);
	if (nth == 1) {
		base = xstrndup(spec, blen);
		id = intern_find(&c->names, base);
		free(base);
		if (id >= 0 && (uint32_t)id < c->nheaders)
			return (long)c->column_of[id];
	}
	/* Trimmed and ignoring case, if that leaves one name. */
	col = csv_loose_find(t, spec, strlen(spec), &which);
	if (col == -1 && nth == 1)
		col = csv_loose_find(t, spec, blen, &which);
	if (col >= 0)
		return col;
	if (col == -2) {
		*cause = xasprintf("column \"%s\" in %s is ambiguous: %s",
		    spec, file, which);
		free(which);
		return -1;
	}
	csv_column_error(t, spec, cause);
	return -1;
}

/*
 * Find the NTH (from 1) header that is BASE (BLEN bytes): byte for byte,
 * or if FOLD, trimmed and ignoring ASCII case (BASE already trimmed).
 * Returns its column or -1.  *COUNT is set to how many headers match,
 * *FIRST to the first match and *OTHER to the first match spelled
 * differently from it, or -1.
 */
static long
csv_find(const struct csv_table *t, const char *base, size_t blen,
    size_t nth, int fold, size_t *count, long *first, long *other)
{
	const char *name;
	size_t col, nlen;
	long found = -1;

	*count = 0;
	*first = *other = -1;
	for (col = 0; col < t->ncols; col++) {
		name = csv_cell(t, 0, col);
		nlen = strlen(name);
		if (!fold) {
			if (nlen != blen || memcmp(name, base, blen) != 0)
				continue;
		} else {
			name = csv_trim(name, &nlen);
			if (nlen != blen || strncasecmp(name, base, blen) != 0)
				continue;
		}
		if (*first == -1)
			*first = (long)col;
		else if (*other == -1 && strcmp(csv_cell(t, 0, col),
		    csv_cell(t, 0, (size_t)*first)) != 0)
			*other = (long)col;
		if (++*count == nth)
			found = (long)col;
	}
	return found;
}

/* A header of one field that another delimiter would split: say so. */
static void
csv_one_column_hint(const struct csv_table *t, struct strbuf *sb)
{
	const char *h = csv_cell(t, 0, 0), *d;

	if (t->ncols != 1)
		return;
	for (d = ",;\t"; *d != '\0'; d++) {
		if (*d == t->delimiter || strchr(h, *d) == NULL)
			continue;
		strbuf_printf(sb, "; the header is one column, split at %s it "
		    "would be more: is the delimiter right? (delimiter in "
		    "[input])", *d == ',' ? "','" : *d == ';' ? "';'" :
		    "tabs");
		return;
	}
}

/*
 * Why SPEC names no column: too few columns with its header, two
 * spellings of it, or no such header (with the closest name and all the
 * names).  Walks the columns; only for an error.
 */
static void
csv_column_error(const struct csv_table *t, const char *spec, char **cause)
{
	const char *file = t->name != NULL ? t->name : "the input", *base;
	const char *hint, **names;
	struct strbuf sb = { NULL, 0, 0 };
	size_t blen, nth, count, col;
	long found, first, other;
	int fold;

	blen = strlen(spec);
	if ((nth = csv_spec_nth(spec, &blen)) == 0)
		nth = 1;
	for (fold = 0; fold <= 1; fold++) {
		base = spec;
		if (fold)
			base = csv_trim(spec, &blen);
		found = csv_find(t, base, blen, nth, fold, &count, &first,
		    &other);
		if (count == 0)
			continue;
		if (other != -1) {
			*cause = xasprintf("column \"%s\" in %s is ambiguous: "
			    "\"%s\" or \"%s\"?", spec, file,
			    csv_cell(t, 0, (size_t)first),
			    csv_cell(t, 0, (size_t)other));
			return;
		}
		if (found < 0) {
			*cause = xasprintf("only %zu column%s in %s %s called "
			    "\"%.*s\"; there is no \"%s\"", count,
			    count == 1 ? "" : "s", file, count == 1 ? "is" :
			    "are", (int)blen, base, spec);
			return;
		}
	}

	names = xreallocarray(NULL, t->ncols, sizeof *names);
	for (col = 0; col < t->ncols; col++)
		names[col] = csv_name(t->columns, col);
	strbuf_printf(&sb, "no column \"%s\" in %s", spec, file);
	if ((hint = closest_match(spec, names, t->ncols)) != NULL)
		strbuf_printf(&sb, "; did you mean \"%s\"?", hint);
	strbuf_puts(&sb, hint != NULL ? " Columns: " : "; columns: ");
	for (col = 0; col < t->ncols; col++) {
		if (col > 0)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, *names[col] != '\0' ? names[col] : "\"\"");
	}
	free(names);
	csv_one_column_hint(t, &sb);
	*cause = strbuf_detach(&sb);
}

char *
csv_column_spec(const struct csv_table *t, size_t col)
{
	return xstrdup(csv_name(t->columns, col));
}
