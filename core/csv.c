/*
 * csv.c -- parse a registration export into a csv_table.
 *
 * csv_encoding.c first makes the file UTF-8 text without NUL bytes, so the
 * NUL at its end is a sentinel and the parser never checks a length.  The
 * parser then makes one pass, copying cells (quotes removed) into a single
 * storage block.  The block needs no more than the text's length plus one
 * byte: every cell gives up its delimiter or line end (at least one byte)
 * for its NUL, except the last cell of a file without a final line end,
 * which takes the extra byte.  The write offset never passes the read
 * offset.
 *
 * The delimiter, unless given, is found by parsing the first records with
 * each candidate and keeping the one that splits the header into more than
 * one field and the following records into as many.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "csv_encoding.h"
#include "util.h"

/* How much of the file the delimiter detection looks at. */
#define CSV_SAMPLE_RECORDS	50
#define CSV_SAMPLE_BYTES	65536

struct csv_parser {
	const char *name;
	const char *src;	/* UTF-8 text, NUL-terminated */
	size_t len;
	char delim;

	size_t r;		/* read offset in src */
	size_t line;		/* physical line at r */
	size_t line_start;	/* offset in src where that line begins */

	char *out;		/* storage block, len + 1 bytes */
	size_t w;		/* write offset in out */
	char **cells;
	size_t ncells;
	size_t cellcap;
	size_t *lines;
	size_t nrecs;
	size_t reccap;
};

static void	csv_reset(struct csv_parser *, char);
static void	csv_newline(struct csv_parser *, size_t);
static size_t	csv_char_column(const char *, size_t, size_t);
static int	csv_record(struct csv_parser *, size_t *, char **);
static char	csv_detect(struct csv_parser *);
static int	csv_parse(struct csv_parser *, struct csv_table *, char **);
static int	csv_read_owned(const char *, char *, size_t,
		    const struct csv_options *, struct csv_table *, char **);
static const char *csv_trim(const char *, size_t *);
static long	csv_find(const struct csv_table *, const char *, size_t,
		    size_t, int, size_t *, long *);
static size_t	csv_spec_nth(const char *, size_t *);

static void
csv_reset(struct csv_parser *p, char delim)
{
	p->delim = delim;
	p->r = 0;
	p->line = 1;
	p->line_start = 0;
	p->w = 0;
	p->ncells = 0;
	p->nrecs = 0;
}

/* A line ended; the next one begins at offset AT. */
static void
csv_newline(struct csv_parser *p, size_t at)
{
	p->line++;
	p->line_start = at;
}

/* The 1-based column, in characters, of offset OFF in a line at START. */
static size_t
csv_char_column(const char *s, size_t start, size_t off)
{
	size_t i, col = 1;

	for (i = start; i < off; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			col++;
	}
	return col;
}

/*
 * Parse the record at p->r and append its cells and line.  Returns 1 with
 * *NFIELDS set, 0 if only empty lines remain, -1 with *cause set if a quoted
 * field is never closed.
 */
static int
csv_record(struct csv_parser *p, size_t *nfields, char **cause)
{
	const char *s = p->src;
	char *out = p->out, delim = p->delim, c;
	size_t r = p->r, w = p->w, n = 0, qline, qstart, qoff;

	/* Empty lines between records are not records. */
	for (;;) {
		if (s[r] == '\n')
			csv_newline(p, ++r);
		else if (s[r] == '\r') {
			if (s[++r] == '\n')
				r++;
			csv_newline(p, r);
		} else
			break;
	}
	if (s[r] == '\0') {
		p->r = r;
		return 0;
	}

	if (p->nrecs == p->reccap) {
		p->reccap = p->reccap ? p->reccap * 2 : 256;
		p->lines = xreallocarray(p->lines, p->reccap, sizeof *p->lines);
	}
	p->lines[p->nrecs++] = p->line;

	for (;;) {
		if (p->ncells == p->cellcap) {
			p->cellcap = p->cellcap ? p->cellcap * 2 : 1024;
			p->cells = xreallocarray(p->cells, p->cellcap,
			    sizeof *p->cells);
		}
		p->cells[p->ncells++] = out + w;
		n++;

		if (s[r] == '"') {
			qline = p->line;
			qstart = p->line_start;
			qoff = r++;
			for (;;) {
				c = s[r];
				if (c == '"') {
					if (s[r + 1] != '"') {
						r++;
						break;
					}
					out[w++] = '"';
					r += 2;
				} else if (c == '\n' || c == '\r') {
					out[w++] = c;
					if (c == '\r' && s[r + 1] == '\n')
						out[w++] = s[++r];
					csv_newline(p, ++r);
				} else if (c == '\0') {
					*cause = xasprintf("%s:%zu:%zu: a quoted "
					    "field starts here but is never "
					    "closed", p->name, qline,
					    csv_char_column(s, qstart, qoff));
					return -1;
				} else {
					out[w++] = c;
					r++;
				}
			}
		}

		/*
		 * Unquoted text, and text after a closing quote, is taken as
		 * it is, quotes included.
		 */
		for (;;) {
			c = s[r];
			if (c == delim || c == '\n' || c == '\r' || c == '\0')
				break;
			out[w++] = c;
			r++;
		}
		out[w++] = '\0';
		if (c != delim)
			break;
		r++;
	}

	if (c == '\r' && s[r + 1] == '\n')
		r++;
	if (c != '\0')
		csv_newline(p, ++r);
	p->r = r;
	p->w = w;
	*nfields = n;
	return 1;
}

/*
 * Choose among ',' ';' and tab.  A candidate must split the header into two
 * or more fields; among those, the one under which most sampled records
 * have as many fields as the header wins, then the one with more fields.
 * If none splits the header, the file has one column and ',' is as good as
 * any.
 */
static char
csv_detect(struct csv_parser *p)
{
	static const char candidates[] = { ',', ';', '\t' };
	size_t i, n, h, match, total, best_h = 1, best_m = 0, best_t = 1;
	char best = ',', *cause;
	int rc;

	for (i = 0; i < sizeof candidates; i++) {
		csv_reset(p, candidates[i]);
		h = match = total = 0;
		while (p->nrecs < CSV_SAMPLE_RECORDS &&
		    p->r < CSV_SAMPLE_BYTES) {
			rc = csv_record(p, &n, &cause);
			if (rc < 0)
				free(cause);
			if (rc <= 0)
				break;
			if (p->nrecs == 1)
				h = n;
			else {
				total++;
				if (n == h)
					match++;
			}
		}
		if (h < 2)
			continue;
		if (total == 0)
			match = total = 1;
		/* match / total against best_m / best_t, then h. */
		if (match * best_t > best_m * total ||
		    (match * best_t == best_m * total && h > best_h)) {
			best = candidates[i];
			best_h = h;
			best_m = match;
			best_t = total;
		}
	}
	return best;
}

static int
csv_parse(struct csv_parser *p, struct csv_table *t, char **cause)
{
	size_t n, ncols = 0;
	int rc;

	for (;;) {
		rc = csv_record(p, &n, cause);
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		if (p->nrecs == 1)
			ncols = n;
		else if (n != ncols) {
			*cause = xasprintf("%s:%zu: %zu field%s, the header "
			    "has %zu%s", p->name, p->lines[p->nrecs - 1], n,
			    n == 1 ? "" : "s", ncols, n > ncols ?
			    "; is a delimiter inside a field missing its "
			    "quotes?" : "");
			return -1;
		}
	}
	if (p->nrecs == 0) {
		*cause = xasprintf("%s: the file is empty", p->name);
		return -1;
	}
	if (p->nrecs == 1) {
		*cause = xasprintf("%s:%zu: has a header but no attendee rows",
		    p->name, p->lines[0]);
		return -1;
	}

	t->delimiter = p->delim;
	t->ncols = ncols;
	t->nrows = p->nrecs - 1;
	t->cells = p->cells;
	t->lines = p->lines;
	t->storage = p->out;
	p->cells = NULL;
	p->lines = NULL;
	p->out = NULL;
	return 0;
}

/* Parse BUF (malloc'ed, LEN bytes and a NUL), which this frees. */
static int
csv_read_owned(const char *name, char *buf, size_t len,
    const struct csv_options *opt, struct csv_table *t, char **cause)
{
	struct csv_parser p;
	enum csv_encoding enc = CSV_ENCODING_AUTO, found;
	char delim = 0;
	int rc = -1;

	memset(t, 0, sizeof *t);
	memset(&p, 0, sizeof p);
	if (opt != NULL) {
		delim = opt->delimiter;
		enc = opt->encoding;
	}
	if (delim == '"' || delim == '\n' || delim == '\r' ||
	    (unsigned char)delim >= 0x80) {
		if (delim == '"')
			*cause = xasprintf("%s: '\"' cannot be the delimiter",
			    name);
		else {
			*cause = xasprintf("%s: byte 0x%02X cannot be the "
			    "delimiter", name, (unsigned char)delim);
		}
		goto out;
	}
	if (csv_encoding_to_utf8(name, &buf, &len, enc, &found, cause) != 0)
		goto out;

	p.name = name;
	p.src = buf;
	p.len = len;
	p.out = xmalloc(len + 1);
	if (delim == 0)
		delim = csv_detect(&p);
	csv_reset(&p, delim);
	rc = csv_parse(&p, t, cause);
	if (rc == 0) {
		t->encoding = found;
		t->name = xstrdup(name);
	}

out:
	free(p.out);
	free(p.cells);
	free(p.lines);
	free(buf);
	return rc;
}

int
csv_read_file(const char *path, const struct csv_options *opt,
    struct csv_table *t, char **cause)
{
	char *buf;
	size_t len;

	memset(t, 0, sizeof *t);
	if ((buf = read_file(path, &len, cause)) == NULL)
		return -1;
	return csv_read_owned(path, buf, len, opt, t, cause);
}

int
csv_read_buffer(const char *name, const char *data, size_t len,
    const struct csv_options *opt, struct csv_table *t, char **cause)
{
	return csv_read_owned(name, xstrndup(data, len), len, opt, t, cause);
}

void
csv_free(struct csv_table *t)
{
	free(t->cells);
	free(t->lines);
	free(t->storage);
	free(t->name);
	memset(t, 0, sizeof *t);
}

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
 * Find the NTH (from 1) header that is BASE (BLEN bytes): byte for byte,
 * or if FOLD, trimmed and ignoring ASCII case (BASE already trimmed).
 * Returns its column or -1.  *COUNT is set to how many headers match and
 * *OTHER to the first match spelled differently from the first, or -1.
 */
static long
csv_find(const struct csv_table *t, const char *base, size_t blen,
    size_t nth, int fold, size_t *count, long *other)
{
	const char *name, *first = NULL;
	size_t col, nlen;
	long found = -1;

	*count = 0;
	*other = -1;
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
			name = csv_cell(t, 0, col);
		}
		if (first == NULL)
			first = name;
		else if (*other == -1 && strcmp(first, name) != 0)
			*other = (long)col;
		if (++*count == nth)
			found = (long)col;
	}
	return found;
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
	const char *file = t->name != NULL ? t->name : "the input", *base;
	const char *hint, **specs;
	struct strbuf sb = { NULL, 0, 0 };
	size_t blen, nth, count, col;
	long found, other;
	int fold;

	/* A header that is the spec, even one with an "@" of its own. */
	found = csv_find(t, spec, strlen(spec), 1, 0, &count, &other);
	if (found >= 0)
		return found;

	blen = strlen(spec);
	if ((nth = csv_spec_nth(spec, &blen)) == 0)
		nth = 1;
	for (fold = 0; fold <= 1; fold++) {
		base = spec;
		if (fold)
			base = csv_trim(spec, &blen);
		found = csv_find(t, base, blen, nth, fold, &count, &other);
		if (count == 0)
			continue;
		if (other != -1) {
			*cause = xasprintf("column \"%s\" in %s is ambiguous: "
			    "\"%s\" or \"%s\"?", spec, file,
			    csv_cell(t, 0, (size_t)found),
			    csv_cell(t, 0, (size_t)other));
			return -1;
		}
		if (found >= 0)
			return found;
		*cause = xasprintf("only %zu column%s in %s %s called "
		    "\"%.*s\"; there is no \"%s\"", count, count == 1 ? "" :
		    "s", file, count == 1 ? "is" : "are", (int)blen, base,
		    spec);
		return -1;
	}

	specs = xreallocarray(NULL, t->ncols, sizeof *specs);
	for (col = 0; col < t->ncols; col++)
		specs[col] = csv_column_spec(t, col);
	strbuf_printf(&sb, "no column \"%s\" in %s", spec, file);
	if ((hint = closest_match(spec, specs, t->ncols)) != NULL)
		strbuf_printf(&sb, "; did you mean \"%s\"?", hint);
	strbuf_puts(&sb, hint != NULL ? " Columns: " : "; columns: ");
	for (col = 0; col < t->ncols; col++) {
		if (col > 0)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, *specs[col] != '\0' ? specs[col] : "\"\"");
		free((char *)specs[col]);
	}
	free(specs);
	*cause = strbuf_detach(&sb);
	return -1;
}

char *
csv_column_spec(const struct csv_table *t, size_t col)
{
	const char *name = csv_cell(t, 0, col);
	size_t i, k = 1;

	for (i = 0; i < col; i++) {
		if (strcmp(csv_cell(t, 0, i), name) == 0)
			k++;
	}
	if (k == 1)
		return xstrdup(name);
	return xasprintf("%s@%zu", name, k);
}
