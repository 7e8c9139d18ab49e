/*
 * csv_column.c -- name the columns of a csv_table and find them by name.
 *
 * The names are made once, when the table is read: a hash of the headers
 * says which names the file spells itself, so the generated `Company@K`
 * names step over them, and the names and their loose (trimmed, ASCII
 * lower-case) forms go into two interners.  Every step is a hash probe,
 * so naming is linear in the number of columns and a lookup costs the
 * length of the spec.  Only the explanation of a failed lookup walks all
 * columns, once.
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

struct csv_columns {
	struct intern names;	/* id = column: its unique name */
	struct intern loose;	/* csv_loose() of names, in first-seen order */
	long *loose_first;	/* loose id: the first column of that form */
	long *loose_other;	/* and a second one (ambiguous), or -1 */
};

static const char *csv_trim(const char *, size_t *);
static char	*csv_loose(const char *, size_t, size_t);
static char	*csv_generated(const struct intern *, const struct intern *,
		    const char *, uint32_t *, size_t *);
static long	 csv_loose_find(const struct csv_table *, const char *,
		    size_t, size_t, char **);
static size_t	 csv_spec_nth(const char *, size_t *);
static long	 csv_find(const struct csv_table *, const char *, size_t,
		    size_t, int, size_t *, long *, long *);
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
 * The name of a later column headed H: H@K with K counting up from *NEXT
 * (then left past it), skipping any H@K that is a header of the file or
 * already a name.  Each number is tried once per header text, and a
 * number is skipped only for a header that spells it, so all columns
 * together cost a linear number of probes.  *K is set; a new string.
 */
static char *
csv_generated(const struct intern *headers, const struct intern *names,
    const char *h, uint32_t *next, size_t *k)
{
	char *name;

	for (;;) {
		*k = (*next)++;
		name = xasprintf("%s@%zu", h, *k);
		if (intern_find(headers, name) < 0 &&
		    intern_find(names, name) < 0)
			return name;
		free(name);
	}
}

struct csv_columns *
csv_columns_build(const struct csv_table *t)
{
	struct csv_columns *c = xcalloc(1, sizeof *c);
	struct intern headers = { 0 };
	uint32_t *next, id, before;
	const char *h;
	char *name, *key;
	size_t col, k;

	for (col = 0; col < t->ncols; col++)
		intern_add(&headers, csv_cell(t, 0, col));
	next = xcalloc(headers.count, sizeof *next);
	c->loose_first = xcalloc(t->ncols, sizeof *c->loose_first);
	c->loose_other = xcalloc(t->ncols, sizeof *c->loose_other);
	for (col = 0; col < t->ncols; col++) {
		h = csv_cell(t, 0, col);
		id = (uint32_t)intern_find(&headers, h);
		if (next[id] == 0) {
			name = xstrdup(h);
			k = 1;
			next[id] = 2;
		} else
			name = csv_generated(&headers, &c->names, h, &next[id],
			    &k);
		intern_add(&c->names, name);	/* new: id == col */
		free(name);

		key = csv_loose(h, strlen(h), k);
		before = c->loose.count;
		id = intern_add(&c->loose, key);
		free(key);
		if (c->loose.count != before) {
			c->loose_first[id] = (long)col;
			c->loose_other[id] = -1;
		} else if (c->loose_other[id] == -1)
			c->loose_other[id] = (long)col;
	}
	free(next);
	intern_free(&headers);
	return c;
}

void
csv_columns_free(struct csv_columns *c)
{
	if (c == NULL)
		return;
	intern_free(&c->names);
	intern_free(&c->loose);
	free(c->loose_first);
	free(c->loose_other);
	free(c);
}

/*
 * The column whose loose form is that of the LEN bytes at S with number K,
 * -1 if none, or -2 with *cause set if two names have that form.
 */
static long
csv_loose_find(const struct csv_table *t, const char *s, size_t len,
    size_t k, char **cause)
{
	const struct csv_columns *c = t->columns;
	char *key = csv_loose(s, len, k);
	long id = intern_find(&c->loose, key);

	free(key);
	if (id < 0)
		return -1;
	if (c->loose_other[id] >= 0) {
		*cause = xasprintf("\"%s\" or \"%s\"?",
		    c->names.strings[c->loose_first[id]],
		    c->names.strings[c->loose_other[id]]);
		return -2;
	}
	return c->loose_first[id];
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
	long col;

	/* A name as it is: a header, or a generated Company@3. */
	if ((col = intern_find(&c->names, spec)) >= 0)
		return col;
	/* Company@1 is the first column headed Company. */
	nth = csv_spec_nth(spec, &blen);
	if (nth == 1) {
		base = xstrndup(spec, blen);
		col = intern_find(&c->names, base);
		free(base);
		if (col >= 0 && strlen(csv_cell(t, 0, (size_t)col)) == blen)
			return col;
	}
	/* Trimmed and ignoring case, if that leaves one name. */
	col = csv_loose_find(t, spec, strlen(spec), 1, &which);
	if (col == -1 && nth == 1)
		col = csv_loose_find(t, spec, blen, 1, &which);
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

/*
 * Why SPEC names no column: too few columns with its header, two
 * spellings of it, or no such header (with the closest name and all the
 * names).  Walks the columns; only for an error.
 */
static void
csv_column_error(const struct csv_table *t, const char *spec, char **cause)
{
	const char *file = t->name != NULL ? t->name : "the input", *base;
	const char *hint, *const *names = (const char *const *)
	    t->columns->names.strings;
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

	strbuf_printf(&sb, "no column \"%s\" in %s", spec, file);
	if ((hint = closest_match(spec, names, t->ncols)) != NULL)
		strbuf_printf(&sb, "; did you mean \"%s\"?", hint);
	strbuf_puts(&sb, hint != NULL ? " Columns: " : "; columns: ");
	for (col = 0; col < t->ncols; col++) {
		if (col > 0)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, *names[col] != '\0' ? names[col] : "\"\"");
	}
	*cause = strbuf_detach(&sb);
}

char *
csv_column_spec(const struct csv_table *t, size_t col)
{
	return xstrdup(t->columns->names.strings[col]);
}
