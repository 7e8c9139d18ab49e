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

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	size_t *rows;		/* the row a spreadsheet shows each record on */
	size_t nrecs;
	size_t reccap;
	size_t breaks;		/* line ends inside quoted fields so far */

	size_t max_record;	/* limits, resolved */
	size_t max_field;
	size_t max_columns;
	int header_only_ok;
};

/* What the reader checks as the file arrives (csv_stream_check). */
struct csv_stream {
	const char *name;
	size_t max_line;	/* max_record_size: a line is part of a record */
	size_t line;		/* the line being read, from 1 */
	size_t len;		/* its bytes so far */
	int cr;			/* the last line ended in CR: skip an LF */
};

static void	csv_reset(struct csv_parser *, char);
static void	csv_newline(struct csv_parser *, size_t);
static size_t	csv_char_column(const char *, size_t, size_t);
static int	csv_limit(const struct csv_parser *, size_t, size_t, size_t,
		    size_t, size_t, char **);
static int	csv_skip_blank_lines(struct csv_parser *);
static void	csv_begin_record(struct csv_parser *);
static int	csv_begin_cell(struct csv_parser *, size_t, char **);
static int	csv_quoted(struct csv_parser *, size_t, size_t, char **);
static char	csv_unquoted(struct csv_parser *);
static int	csv_record(struct csv_parser *, size_t *, char **);
static char	csv_detect(struct csv_parser *);
static char	*csv_place(const char *, size_t, size_t);
static const char *csv_delimiter_text(char, char *, size_t);
static int	csv_count_problem(struct csv_parser *, size_t, size_t,
		    struct problems *, char **);
static int	csv_parse(struct csv_parser *, struct csv_table *, char **);
static int	csv_read_owned(const char *, char *, size_t,
		    const struct csv_options *, struct csv_table *, char **);
static void	csv_resolve(const struct csv_options *, struct csv_options *);
static int	csv_stream_check(void *, const char *, size_t, size_t,
		    char **);

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
	p->breaks = 0;
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
 * Check the field just parsed against the limits: it began at offset FOFF
 * on line FLINE (which begins at FSTART) and holds FLEN bytes; its record
 * holds RLEN bytes so far.  0, or -1 with *cause set.
 */
static int
csv_limit(const struct csv_parser *p, size_t fline, size_t fstart,
    size_t foff, size_t flen, size_t rlen, char **cause)
{
	char size[SIZE_TEXT_LEN];

	if (flen > p->max_field) {
		*cause = xasprintf("%s:%zu:%zu: a field longer than %s; raise "
		    "max_field_size in [input] if the export really has "
		    "fields this long", p->name, fline,
		    csv_char_column(p->src, fstart, foff),
		    format_size(p->max_field, size));
		return -1;
	}
	if (rlen > p->max_record) {
		*cause = xasprintf("%s:%zu: a record longer than %s; raise "
		    "max_record_size in [input] if the export really has "
		    "records this long", p->name, p->lines[p->nrecs - 1],
		    format_size(p->max_record, size));
		return -1;
	}
	return 0;
}

/* Empty lines between records are not records: step over them.  Returns
 * 0 if only empty lines remained. */
static int
csv_skip_blank_lines(struct csv_parser *p)
{
	const char *s = p->src;
	size_t r = p->r;

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
	p->r = r;
	return s[r] != '\0';
}

/* Note the line the record at p->r starts on. */
static void
csv_begin_record(struct csv_parser *p)
{
	if (p->nrecs == p->reccap) {
		p->reccap = p->reccap ? p->reccap * 2 : 256;
		p->lines = xreallocarray(p->lines, p->reccap, sizeof *p->lines);
		p->rows = xreallocarray(p->rows, p->reccap, sizeof *p->rows);
	}
	/* A spreadsheet shows a blank line as a row, a quoted line break
	 * not. */
	p->rows[p->nrecs] = p->line - p->breaks;
	p->lines[p->nrecs++] = p->line;
}

/* Start cell number N of the record (from 1) at p->w; the header may not
 * have more than max_columns. */
static int
csv_begin_cell(struct csv_parser *p, size_t n, char **cause)
{
	if (p->ncells == p->cellcap) {
		p->cellcap = p->cellcap ? p->cellcap * 2 : 1024;
		p->cells = xreallocarray(p->cells, p->cellcap,
		    sizeof *p->cells);
	}
	p->cells[p->ncells++] = p->out + p->w;
	if (n > p->max_columns && p->nrecs == 1) {
		*cause = xasprintf("%s:%zu: more than %zu columns; raise "
		    "max_columns in [input] if the export really has this "
		    "many", p->name, p->lines[0], p->max_columns);
		return -1;
	}
	return 0;
}

/*
 * The quoted part of a field: p->r is on its opening quote.  Copies up to
 * the closing quote ("" is one quote; line ends are kept as they are) and
 * leaves p->r after it.  The field began at line FLINE, whose text starts
 * at offset FSTART.
 */
static int
csv_quoted(struct csv_parser *p, size_t fline, size_t fstart, char **cause)
{
	const char *s = p->src;
	char *out = p->out, c;
	size_t r = p->r + 1, w = p->w, foff = p->r;

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
			p->breaks++;
		} else if (c == '\0') {
			*cause = xasprintf("%s:%zu:%zu: a quoted field starts "
			    "here but is never closed", p->name, fline,
			    csv_char_column(s, fstart, foff));
			return -1;
		} else {
			out[w++] = c;
			r++;
		}
	}
	p->r = r;
	p->w = w;
	return 0;
}

/*
 * Unquoted text, and text after a closing quote, is taken as it is,
 * quotes included, up to a delimiter or line end; the cell is closed with
 * a NUL.  Returns the character that ended it.
 */
static char
csv_unquoted(struct csv_parser *p)
{
	const char *s = p->src;
	char *out = p->out, delim = p->delim, c;
	size_t r = p->r, w = p->w;

	for (;;) {
		c = s[r];
		if (c == delim || c == '\n' || c == '\r' || c == '\0')
			break;
		out[w++] = c;
		r++;
	}
	out[w++] = '\0';
	p->r = r;
	p->w = w;
	return c;
}

/*
 * Parse the record at p->r and append its cells and line.  Returns 1 with
 * *NFIELDS set, 0 if only empty lines remain, -1 with *cause set if a quoted
 * field is never closed or a limit is passed.
 */
static int
csv_record(struct csv_parser *p, size_t *nfields, char **cause)
{
	size_t n = 0, rstart, fline, fstart, foff, fw;
	char c;

	if (!csv_skip_blank_lines(p))
		return 0;
	csv_begin_record(p);
	rstart = p->r;
	for (;;) {
		if (csv_begin_cell(p, ++n, cause) != 0)
			return -1;
		fline = p->line;
		fstart = p->line_start;
		foff = p->r;
		fw = p->w;
		if (p->src[p->r] == '"' &&
		    csv_quoted(p, fline, fstart, cause) != 0)
			return -1;
		c = csv_unquoted(p);
		if (csv_limit(p, fline, fstart, foff, p->w - 1 - fw,
		    p->r - rstart, cause) != 0)
			return -1;
		if (c != p->delim)
			break;
		p->r++;
	}
	if (c == '\r' && p->src[p->r + 1] == '\n')
		p->r++;
	if (c != '\0')
		csv_newline(p, ++p->r);
	*nfields = n;
	return 1;
}

/*
 * Choose among ',' ';' and tab.  A candidate must split the header into two
 * or more fields; among those, the one under which most sampled records
 * have as many fields as the header wins, then the one with more fields.
 * If none splits the header but one splits every sampled record into the
 * same three or more fields, that one wins: a title line stands above the
 * header, and the parse says so.  Else the file has one column and ',' is
 * as good as any.
 */
static char
csv_detect(struct csv_parser *p)
{
	static const char candidates[] = { ',', ';', '\t' };
	size_t i, n, h, match, total, best_h = 1, best_m = 0, best_t = 1;
	size_t max_columns = p->max_columns, width, best_width = 2;
	char best = ',', fallback = ',', *cause;
	int rc, found = 0;

	/* Too many columns is for the real parse to say, not a reason to
	 * read the file with another delimiter. */
	p->max_columns = SIZE_MAX;
	for (i = 0; i < sizeof candidates; i++) {
		csv_reset(p, candidates[i]);
		h = match = total = width = 0;
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
				/* the records' common width, or 1 */
				width = total == 1 || n == width ? n : 1;
			}
		}
		if (h < 2 && width > best_width) {
			fallback = candidates[i];
			best_width = width;
		}
		if (h < 2)
			continue;
		found = 1;
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
	p->max_columns = max_columns;
	return found ? best : fallback;
}

/* "FILE:LINE: ", with "(spreadsheet row ROW) " where ROW is not LINE;
 * a new string. */
static char *
csv_place(const char *name, size_t line, size_t row)
{
	if (line == row)
		return xasprintf("%s:%zu: ", name, line);
	return xasprintf("%s:%zu: (spreadsheet row %zu) ", name, line, row);
}

/* The delimiter D, as a message names it. */
static const char *
csv_delimiter_text(char d, char *buf, size_t cap)
{
	switch (d) {
	case ',': return "',' (comma, the delimiter)";
	case ';': return "';' (semicolon, the delimiter)";
	case '\t': return "tab (the delimiter)";
	}
	snprintf(buf, cap, "'%c' (the delimiter)", d);
	return buf;
}

/*
 * The last record has N fields, the header NCOLS.  A header of one field
 * is the cause, said once: a title line above it, or another delimiter.
 * Else the record joins *BAD.  Returns -1 with *cause set to stop.
 */
static int
csv_count_problem(struct csv_parser *p, size_t n, size_t ncols,
    struct problems *bad, char **cause)
{
	char *where = csv_place(p->name, p->lines[p->nrecs - 1],
	    p->rows[p->nrecs - 1]);
	char buf[32];

	if (ncols == 1) {
		*cause = xasprintf("%s%zu fields, the header has 1: line %zu "
		    "holds no %s; if a title line comes before the header, "
		    "delete it, else set delimiter in [input]", where, n,
		    p->lines[0], csv_delimiter_text(p->delim, buf,
		    sizeof buf));
		free(where);
		return -1;
	}
	problems_add(bad, "%s%zu field%s, the header has %zu%s", where, n,
	    n == 1 ? "" : "s", ncols, n > ncols ? "; is a delimiter inside "
	    "a field missing its quotes?" : "");
	free(where);
	return 0;
}

static int
csv_parse(struct csv_parser *p, struct csv_table *t, char **cause)
{
	struct problems bad = { { NULL, 0, 0 }, 0 };
	size_t n, ncols = 0;
	int rc;

	for (;;) {
		rc = csv_record(p, &n, cause);
		if (rc == 0)
			break;
		if (rc < 0 || (p->nrecs > 1 && n != ncols &&
		    csv_count_problem(p, n, ncols, &bad, cause) != 0)) {
			free(problems_message(&bad, ""));
			return -1;
		}
		if (p->nrecs == 1)
			ncols = n;
	}
	if (bad.n > 0) {
		*cause = problems_message(&bad, "records with the wrong number "
		    "of fields");
		return -1;
	}
	if (p->nrecs == 0) {
		*cause = xasprintf("%s: the file is empty", p->name);
		return -1;
	}
	if (p->nrecs == 1 && !p->header_only_ok) {
		*cause = xasprintf("%s:%zu: has a header but no attendee rows",
		    p->name, p->lines[0]);
		return -1;
	}

	t->delimiter = p->delim;
	t->ncols = ncols;
	t->nrows = p->nrecs - 1;
	t->cells = p->cells;
	t->lines = p->lines;
	t->rows = p->rows;
	t->storage = p->out;
	p->cells = NULL;
	p->lines = NULL;
	p->rows = NULL;
	p->out = NULL;
	return 0;
}

/* OPT (NULL for none) with every limit left at 0 set to its default. */
static void
csv_resolve(const struct csv_options *opt, struct csv_options *o)
{
	if (opt != NULL)
		*o = *opt;
	else
		memset(o, 0, sizeof *o);
	if (o->max_file_size == 0)
		o->max_file_size = CSV_MAX_FILE_SIZE;
	if (o->max_record_size == 0)
		o->max_record_size = CSV_MAX_RECORD_SIZE;
	if (o->max_field_size == 0)
		o->max_field_size = CSV_MAX_FIELD_SIZE;
	if (o->max_columns == 0)
		o->max_columns = CSV_MAX_COLUMNS;
}

/* Parse BUF (malloc'ed, LEN bytes and a NUL), which this frees. */
static int
csv_read_owned(const char *name, char *buf, size_t len,
    const struct csv_options *opt, struct csv_table *t, char **cause)
{
	struct csv_parser p;
	struct csv_options o;
	enum csv_encoding enc, found;
	char delim;
	int rc = -1;

	memset(t, 0, sizeof *t);
	memset(&p, 0, sizeof p);
	csv_resolve(opt, &o);
	delim = o.delimiter;
	enc = o.encoding;
	p.max_record = o.max_record_size;
	p.max_field = o.max_field_size;
	p.max_columns = o.max_columns;
	p.header_only_ok = o.header_only_ok;
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
		t->columns = csv_column_index_build(t);
	}

out:
	free(p.out);
	free(p.cells);
	free(p.lines);
	free(p.rows);
	free(buf);
	return rc;
}

/*
 * A read_limit hook: stop at the first block with a NUL byte (a binary
 * file, /dev/zero) and at a line longer than a record may be, before the
 * rest of such a file is read.  Lines end as the parser's do (LF, CRLF, a
 * lone CR); a UTF-8 byte order mark is not counted.
 */
static int
csv_stream_check(void *arg, const char *buf, size_t off, size_t len,
    char **cause)
{
	struct csv_stream *st = arg;
	const char *p = buf + off, *end = p + len;
	char size[SIZE_TEXT_LEN];
	size_t k;

	if (memchr(p, '\0', len) != NULL)
		return csv_encoding_check_nul(st->name, buf, off + len, cause);
	if (off == 0 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		if (st->cr && *p == '\n')
			p++;
		st->cr = 0;
		k = strcspn(p, "\r\n");	/* buf ends in a NUL */
		if (st->len + k > st->max_line) {
			*cause = xasprintf("%s:%zu: a line longer than %s; "
			    "raise max_record_size in [input] if the export "
			    "really has records this long", st->name,
			    st->line, format_size(st->max_line, size));
			return -1;
		}
		if (p + k == end) {
			st->len += k;
			break;
		}
		st->line++;
		st->len = 0;
		st->cr = p[k] == '\r';
		p += k + 1;
	}
	return 0;
}

int
csv_read_file(const char *path, const struct csv_options *opt,
    struct csv_table *t, char **cause)
{
	struct csv_stream st = { path, 0, 1, 0, 0 };
	struct read_limit lim = { 0, "raise max_file_size in [input] if it "
	    "really is an export this big", csv_stream_check, &st };
	struct csv_options o;
	char *buf;
	size_t len;

	memset(t, 0, sizeof *t);
	csv_resolve(opt, &o);
	lim.max = o.max_file_size;
	st.max_line = o.max_record_size;
	if ((buf = read_file_limited(path, &lim, &len, cause)) == NULL)
		return -1;
	return csv_read_owned(path, buf, len, opt, t, cause);
}

int
csv_read_buffer(const char *name, const char *data, size_t len,
    const struct csv_options *opt, struct csv_table *t, char **cause)
{
	return csv_read_owned(name, xstrndup(data, len), len, opt, t, cause);
}

char *
csv_where(const struct csv_table *t, size_t row)
{
	return csv_place(t->name != NULL ? t->name : "the input",
	    t->lines[row], t->rows[row]);
}

void
csv_free(struct csv_table *t)
{
	free(t->cells);
	free(t->lines);
	free(t->rows);
	free(t->storage);
	free(t->name);
	csv_column_index_free(t->columns);
	memset(t, 0, sizeof *t);
}
