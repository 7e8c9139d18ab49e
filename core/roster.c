/*
 * roster.c -- choose the rows of the export that are attendees (see
 * roster.h): columns, filters, one person once.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "preset.h"
#include "roster.h"
#include "timestamp.h"
#include "util.h"

#define ROSTER_MAX_PARTS 16

static void	roster_part_set(struct roster_part *, const long *, size_t,
		    enum roster_from);
static int	roster_spec(struct roster_part *, const struct csv_table *,
		    const char *, int, const char *, char **);
static void	roster_plus_hint(const struct csv_table *, const char *,
		    char **);
static int	roster_columns(struct roster *, const struct csv_table *,
		    const struct mingle_config *, const struct preset_headers *,
		    char **);
static int	roster_id_columns(struct roster *, const struct csv_table *,
		    const struct mingle_config *,
		    const struct preset_headers *, char **);
static int	roster_email_ids(const struct roster *,
		    const struct csv_table *);
static int	roster_email_columns(struct roster *,
		    const struct csv_table *, const struct mingle_config *,
		    const struct preset_headers *, char **);
static int	roster_filters(struct roster *, const struct csv_table *,
		    const struct mingle_config *,
		    const struct preset_headers *, char **);
static int	roster_walk(struct roster *, const struct csv_table *,
		    char **);
static char	*roster_empty(const struct roster *,
		    const struct csv_table *);
static char	*roster_key(const struct roster *, const struct csv_table *,
		    size_t);
static char	*roster_join(const struct csv_table *,
		    const struct roster_part *, size_t, const char *);
static int	roster_dedup(struct roster *, const struct csv_table *,
		    char **);
static void	roster_who(struct strbuf *, const struct roster *,
		    const struct csv_table *, size_t);
static void	roster_print_part(FILE *, const char *,
		    const struct csv_table *, const struct roster_part *,
		    const char *);
static void	roster_print_filter(FILE *, const struct roster *,
		    const struct csv_table *, const struct row_filter *);

/* ------------------------------------------------------------ columns */

static void
roster_part_set(struct roster_part *p, const long *cols, size_t n,
    enum roster_from from)
{
	free(p->cols);
	p->cols = xcalloc(n + 1, sizeof *p->cols);
	memcpy(p->cols, cols, n * sizeof *cols);
	p->n = n;
	p->from = n > 0 ? from : ROSTER_NONE;
}

/*
 * The columns SPEC names from the config: the whole text a column, else
 * (if SPLIT or it is no column) its '+' parts.  WHAT starts messages.
 */
static int
roster_spec(struct roster_part *p, const struct csv_table *csv,
    const char *spec, int split, const char *what, char **cause)
{
	long cols[ROSTER_MAX_PARTS];
	size_t n = 0;
	char *inner = NULL, *part;
	const char *s = spec;
	long col;

	if (!split || strchr(spec, '+') == NULL) {
		if ((col = csv_column(csv, spec, &inner)) >= 0) {
			roster_part_set(p, &col, 1, ROSTER_CONFIG);
			return 0;
		}
		if (strchr(spec, '+') == NULL) {
			*cause = xasprintf("%s: %s", what, inner);
			free(inner);
			return -1;
		}
		free(inner);
		inner = NULL;
	}
	while (*s != '\0') {
		size_t len = strcspn(s, "+");

		part = normalize_trim_space(xstrndup(s, len));
		s += len + (s[len] == '+');
		if (*part == '\0' || n == ROSTER_MAX_PARTS) {
			free(part);
			continue;
		}
		col = csv_column(csv, part, &inner);
		free(part);
		if (col < 0) {
			*cause = xasprintf("%s: %s", what, inner);
			free(inner);
			return -1;
		}
		cols[n++] = col;
	}
	roster_part_set(p, cols, n, ROSTER_CONFIG);
	return 0;
}

/* Do nearly all filled cells of the (one) id column hold e-mails? */
static int
roster_email_ids(const struct roster *r, const struct csv_table *csv)
{
	size_t row, k, filled = 0, like = 0;

	if (r->id.n != 1)
		return 0;
	for (k = 0; k < r->email.n; k++)
		if (r->email.cols[k] == r->id.cols[0])
			return 1;
	for (row = 1; row <= csv->nrows; row++) {
		const char *cell = csv_cell(csv, row, (size_t)r->id.cols[0]);

		if (cell[strspn(cell, " \t")] == '\0')
			continue;
		filled++;
		like += person_email_like(cell);
	}
	return filled > 0 && like * 10 >= filled * 9;
}

/* The id: the config's, the preset's, else the e-mail, else the name. */
static int
roster_id_columns(struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, const struct preset_headers *h,
    char **cause)
{
	long cols[ROSTER_MAX_PARTS];
	size_t n, col;
	struct strbuf sb = { 0 };

	if (c->id_column != NULL)
		return roster_spec(&r->id, csv, c->id_column, 0, "[input] id",
		    cause);
	n = preset_columns(r->preset, PRESET_ID, h, cols, ROSTER_MAX_PARTS);
	if (n > 0)
		roster_part_set(&r->id, cols, n, ROSTER_PRESET);
	else if (r->email.n > 0)
		roster_part_set(&r->id, r->email.cols, 1, ROSTER_PRESET);
	else if (r->name.n > 0)
		roster_part_set(&r->id, r->name.cols, r->name.n,
		    ROSTER_PRESET);
	if (r->id.n > 0)
		return 0;
	for (col = 0; col < csv->ncols && col < 30; col++) {
		char *name = csv_column_spec(csv, col);

		strbuf_printf(&sb, "%s%s", col ? ", " : "", name);
		free(name);
	}
	if (col < csv->ncols)
		strbuf_puts(&sb, ", ...");
	*cause = xasprintf("%s: [input] needs 'id': no column of %s looks "
	    "like an id, an e-mail or a name; set id = COLUMN (columns: %s)",
	    c->path, r->source, sb.buf);
	strbuf_free(&sb);
	return -1;
}

/*
 * The e-mail: the config's; without a preset, the id if it holds e-mails;
 * else the preset's, or a guess.
 */
static int
roster_email_columns(struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, const struct preset_headers *h,
    char **cause)
{
	long cols[ROSTER_MAX_PARTS];
	char *later = NULL;
	size_t n;

	if (c->email_column != NULL)
		return roster_spec(&r->email, csv, c->email_column, 0,
		    "[input] email", cause);
	if (r->preset == NULL && c->id_column != NULL &&
	    roster_spec(&r->id, csv, c->id_column, 0, "[input] id",
	    &later) == 0 && roster_email_ids(r, csv)) {
		roster_part_set(&r->email, r->id.cols, 1, ROSTER_ID);
		return 0;
	}
	free(later);		/* a bad id is reported with the id */
	n = preset_columns(r->preset != NULL ? r->preset :
	    preset_by_name("generic"), PRESET_EMAIL, h, cols,
	    ROSTER_MAX_PARTS);
	roster_part_set(&r->email, cols, n, r->preset != NULL ?
	    ROSTER_PRESET : ROSTER_GUESS);
	return 0;
}

/*
 * SPEC, an [input] name, names no column.  If it is columns joined with ','
 * or ';' ("First Name, Last Name"), add to *CAUSE how to join them: '+'.
 */
static void
roster_plus_hint(const struct csv_table *csv, const char *spec, char **cause)
{
	struct strbuf line = { NULL, 0, 0 };
	const char *p = spec;
	char *part, *ignored = NULL, *old;
	size_t len, n = 0;

	if (strpbrk(spec, ",;") == NULL)
		return;
	for (; *p != '\0'; p += len + (p[len] != '\0'), n++) {
		len = strcspn(p, ",;");
		part = normalize_trim_space(xstrndup(p, len));
		if (csv_column(csv, part, &ignored) < 0) {
			free(ignored);
			free(part);
			strbuf_free(&line);
			return;
		}
		strbuf_printf(&line, "%s%s", n ? " + " : "", part);
		free(part);
	}
	old = *cause;
	*cause = xasprintf("%s; to join columns write '+': name = %s", old,
	    line.buf);
	free(old);
	strbuf_free(&line);
}

static int
roster_columns(struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, const struct preset_headers *h,
    char **cause)
{
	long cols[ROSTER_MAX_PARTS];
	size_t n, k;

	if (roster_email_columns(r, csv, c, h, cause) != 0)
		return -1;
	if (c->nname_columns > 0) {
		for (k = 0; k < c->nname_columns && k < ROSTER_MAX_PARTS; k++) {
			struct roster_part one = { 0 };

			if (roster_spec(&one, csv, c->name_columns[k], 0,
			    "[input] name", cause) != 0) {
				roster_plus_hint(csv, c->name_columns[k], cause);
				return -1;
			}
			cols[k] = one.cols[0];
			free(one.cols);
		}
		roster_part_set(&r->name, cols, k, ROSTER_CONFIG);
	} else if (r->preset != NULL) {
		n = preset_columns(r->preset, PRESET_NAME, h, cols,
		    ROSTER_MAX_PARTS);
		roster_part_set(&r->name, cols, n, ROSTER_PRESET);
	}
	if (roster_id_columns(r, csv, c, h, cause) != 0)
		return -1;
	r->email_ids = roster_email_ids(r, csv);
	if (c->timestamp_spec != NULL) {
		if (roster_spec(&r->time, csv, c->timestamp_spec, 1,
		    "[input] timestamp", cause) != 0)
			return -1;
	} else if (r->preset != NULL) {
		n = preset_columns(r->preset, PRESET_TIME, h, cols,
		    ROSTER_MAX_PARTS);
		roster_part_set(&r->time, cols, n, ROSTER_PRESET);
	}
	if (c->person_spec != NULL)
		return roster_spec(&r->person, csv, c->person_spec, 1,
		    "[input] person", cause);
	return 0;
}

/* ------------------------------------------------------------ filters */

/*
 * The preset's status filter, unless the config sets filters of its kind;
 * then the config's include and exclude lines, in order.
 */
static int
roster_filters(struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, const struct preset_headers *h,
    char **cause)
{
	const char *values = NULL;
	char *spec, *name, *inner = NULL;
	long status;
	size_t i;
	int exclude = 0, own = 0;

	if (r->preset != NULL)
		values = preset_status_values(r->preset, &exclude);
	for (i = 0; i < c->nfilters; i++)
		own |= c->filters[i].exclude == exclude;
	r->filters = xcalloc(c->nfilters + 1, sizeof *r->filters);
	if (values != NULL && !own &&
	    preset_columns(r->preset, PRESET_STATUS, h, &status, 1) == 1) {
		name = csv_column_spec(csv, (size_t)status);
		spec = xasprintf("%s: %s", name, values);
		free(name);
		if (row_filter_bind(&r->filters[0], exclude, spec, 0, csv,
		    &inner) == 0) {
			r->nfilters = 1;
			r->preset_filter = 1;
		} else {	/* the preset's own values: cannot be */
			free(inner);
			inner = NULL;
			row_filter_free(&r->filters[0]);
		}
		free(spec);
	}
	for (i = 0; i < c->nfilters; i++) {
		const struct config_filter *cf = &c->filters[i];
		struct row_filter *f = &r->filters[r->nfilters];
		size_t k;

		if (row_filter_bind(f, cf->exclude, cf->spec, cf->line, csv,
		    &inner) != 0) {
			row_filter_free(f);
			*cause = xasprintf("%s:%d: [input] %s: %s", c->path,
			    cf->line, cf->exclude ? "exclude" : "include",
			    inner);
			free(inner);
			return -1;
		}
		/* includes on one column add values */
		for (k = r->preset_filter; k < r->nfilters; k++)
			if (!f->exclude && !r->filters[k].exclude &&
			    r->filters[k].col == f->col)
				break;
		if (k < r->nfilters)
			row_filter_merge(&r->filters[k], f);
		else
			r->nfilters++;
	}
	return 0;
}

/* Why no row is left: the filter that dropped the most, and its values. */
static char *
roster_empty(const struct roster *r, const struct csv_table *csv)
{
	const struct row_filter *worst = NULL;
	struct strbuf sb = { 0 };
	char *name;
	size_t i;

	for (i = 0; i < r->nfilters; i++)
		if (worst == NULL || r->filters[i].dropped > worst->dropped)
			worst = &r->filters[i];
	strbuf_printf(&sb, "%s: no attendees left of %zu rows: ", r->source,
	    csv->nrows);
	if (worst == NULL || worst->dropped < r->unassigned) {
		strbuf_puts(&sb, "no row has a name or an e-mail; set name = "
		    "COLUMN and email = COLUMN in [input]");
		return strbuf_detach(&sb);
	}
	name = csv_column_spec(csv, (size_t)worst->col);
	strbuf_printf(&sb, "'%s = %s' %sdrops %zu; '%s' holds ",
	    worst->exclude ? "exclude" : "include", worst->spec,
	    worst->line == 0 ? "(the preset's status filter) " : "",
	    worst->dropped, name);
	for (i = 0; i < worst->seen.count && i < 10; i++)
		strbuf_printf(&sb, "%s'%s' (%zu)", i ? ", " : "",
		    worst->seen.strings[i], worst->seen_count[i]);
	if (i < worst->seen.count)
		strbuf_puts(&sb, ", ...");
	strbuf_printf(&sb, "; set %s = %s: VALUE, VALUE in [input] for the "
	    "rows of people who are coming", worst->exclude ? "exclude" :
	    "include", name);
	free(name);
	return strbuf_detach(&sb);
}

/* Filter the rows; with a preset, tickets nobody holds are no people. */
static int
roster_walk(struct roster *r, const struct csv_table *csv, char **cause)
{
	size_t row, k;

	r->rows = xcalloc(csv->nrows + 1, sizeof *r->rows);
	for (row = 1; row <= csv->nrows; row++) {
		for (k = 0; k < r->nfilters; k++)
			if (!row_filter_keeps(&r->filters[k], csv, row))
				break;
		if (k < r->nfilters)
			continue;
		if (r->preset != NULL && r->name.n > 0) {
			char *name = roster_name(r, csv, row);
			int nobody = *name == '\0' &&
			    *roster_email(r, csv, row) == '\0';

			free(name);
			if (nobody) {
				r->unassigned++;
				continue;
			}
		}
		r->rows[r->nrows++] = row;
	}
	if (r->nrows == 0 && csv->nrows > 0) {
		*cause = roster_empty(r, csv);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ persons */

/* Cells of P in ROW, trimmed, the filled ones joined with SEP. */
static char *
roster_join(const struct csv_table *csv, const struct roster_part *p,
    size_t row, const char *sep)
{
	struct strbuf sb = { 0 };
	size_t k;

	for (k = 0; k < p->n; k++) {
		char *cell = normalize_trim_space(xstrdup(csv_cell(csv, row,
		    (size_t)p->cols[k])));

		if (*cell != '\0') {
			if (sb.len > 0)
				strbuf_puts(&sb, sep);
			strbuf_puts(&sb, cell);
		}
		free(cell);
	}
	return strbuf_detach(&sb);
}

char *
roster_id(const struct roster *r, const struct csv_table *csv, size_t row)
{
	return roster_join(csv, &r->id, row, "-");
}

char *
roster_name(const struct roster *r, const struct csv_table *csv,
    size_t row)
{
	return normalize_squeeze_space(roster_join(csv, &r->name, row, " "));
}

const char *
roster_email(const struct roster *r, const struct csv_table *csv,
    size_t row)
{
	size_t k;

	for (k = 0; k < r->email.n; k++) {
		const char *cell = csv_cell(csv, row, (size_t)r->email.cols[k]);

		if (cell[strspn(cell, " \t\r\n")] != '\0')
			return cell;
	}
	return "";
}

/*
 * The person key of ROW: the `person` columns, else the e-mail and the
 * name, else the id -- folded.  NULL if the row can be nobody else (no
 * e-mail, or every person column empty).
 */
static char *
roster_key(const struct roster *r, const struct csv_table *csv, size_t row)
{
	struct strbuf sb = { 0 };
	char *part, *text;
	size_t k;
	int any = 0;

	if (r->person.n > 0) {
		for (k = 0; k < r->person.n; k++) {
			const char *cell = csv_cell(csv, row,
			    (size_t)r->person.cols[k]);

			part = person_email_like(cell) ?
			    person_fold_email(cell) : person_fold(cell);
			any |= part != NULL && *part != '\0';
			strbuf_printf(&sb, "%s\x1f", part ? part : cell);
			free(part);
		}
	} else if (r->email.n > 0) {
		text = r->name.n > 0 ? roster_name(r, csv, row) :
		    roster_id(r, csv, row);
		part = person_fold_email(roster_email(r, csv, row));
		any = *part != '\0';
		strbuf_printf(&sb, "%s\x1f", part);
		free(part);
		part = person_fold(text);
		strbuf_puts(&sb, part ? part : text);
		free(part);
		free(text);
	} else {
		text = roster_id(r, csv, row);
		part = r->email_ids ? person_fold_email(text) : xstrdup(text);
		any = *part != '\0';
		strbuf_puts(&sb, part);
		free(part);
		free(text);
	}
	if (!any) {
		strbuf_free(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* "Anna Koch <anna@example.org>", or the id: who a record is. */
static void
roster_who(struct strbuf *sb, const struct roster *r,
    const struct csv_table *csv, size_t row)
{
	char *name = roster_name(r, csv, row), *email;

	email = normalize_trim_space(xstrdup(roster_email(r, csv, row)));
	if (*name == '\0') {
		free(name);
		name = roster_id(r, csv, row);
	}
	strbuf_puts(sb, name);
	if (*email != '\0' && strcmp(email, name) != 0)
		strbuf_printf(sb, " <%s>", email);
	free(email);
	free(name);
}

static int
roster_dedup(struct roster *r, const struct csv_table *csv, char **cause)
{
	struct person_row *pr = xcalloc(r->nrows + 1, sizeof *pr);
	unsigned char *drop = xcalloc(r->nrows + 1, 1);
	struct strbuf sb = { 0 };
	size_t i, w;
	int rc;

	for (i = 0; i < r->nrows && r->time.n > 0 && !r->day_first; i++) {
		char *when = roster_join(csv, &r->time, r->rows[i], " ");

		r->day_first = timestamp_day_first(when) == 1;
		free(when);
	}
	for (i = 0; i < r->nrows; i++) {
		pr[i].row = r->rows[i];
		pr[i].key = roster_key(r, csv, r->rows[i]);
		if (r->time.n > 0) {
			char *when = roster_join(csv, &r->time, r->rows[i],
			    " ");

			pr[i].has_time = timestamp_parse(when, r->day_first,
			    &pr[i].time) == 0;
			free(when);
		}
	}
	rc = person_dedup(pr, r->nrows, r->duplicates, drop, &r->merges,
	    &r->nmerges);
	if (rc != 0) {
		const struct person_merge *m = &r->merges[0];

		strbuf_printf(&sb, "%s:%zu: record %zu is the same person as "
		    "record %zu (line %zu), ", r->source,
		    csv->lines[m->dropped], m->dropped, m->kept,
		    csv->lines[m->kept]);
		roster_who(&sb, r, csv, m->kept);
		strbuf_puts(&sb, "; duplicates = error refuses that: remove "
		    "one, or set duplicates = keep-last in [input]");
		*cause = strbuf_detach(&sb);
	}
	for (i = w = 0; i < r->nrows; i++) {
		free(pr[i].key);
		if (!drop[i])
			r->rows[w++] = r->rows[i];
	}
	r->nrows = w;
	free(pr);
	free(drop);
	return rc;
}

/* ------------------------------------------------------------ build */

int
roster_build(struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, char **cause)
{
	struct preset_headers h;
	long sig[64];
	int rc;

	memset(r, 0, sizeof *r);
	r->source = c->input_file;
	r->duplicates = (enum person_duplicates)c->duplicates;
	preset_headers_build(&h, csv);
	if (c->preset != NULL)
		r->preset = preset_by_name(c->preset);
	if (r->preset != NULL && preset_is_auto(r->preset)) {
		r->preset = preset_detect(&h, sig, 64, &r->nsignature);
		r->recognised = 1;
		r->signature = xcalloc(r->nsignature + 1, sizeof *sig);
		memcpy(r->signature, sig, r->nsignature * sizeof *sig);
	}
	*cause = NULL;
	rc = roster_columns(r, csv, c, &h, cause);
	if (rc == 0)
		rc = roster_filters(r, csv, c, &h, cause);
	preset_headers_free(&h);
	if (rc != 0 || roster_walk(r, csv, cause) != 0 ||
	    roster_dedup(r, csv, cause) != 0) {
		roster_free(r);
		return -1;
	}
	return 0;
}

void
roster_free(struct roster *r)
{
	size_t i;

	free(r->signature);
	free(r->id.cols);
	free(r->name.cols);
	free(r->email.cols);
	free(r->time.cols);
	free(r->person.cols);
	for (i = 0; i < r->nfilters; i++)
		row_filter_free(&r->filters[i]);
	free(r->filters);
	free(r->merges);
	free(r->rows);
	memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------ saying it */

void
roster_warn(const struct roster *r, const struct csv_table *csv, FILE *f)
{
	struct strbuf sb = { 0 };
	const char *why;
	size_t i;

	if (r->duplicates == PERSON_KEEP_LAST)
		why = r->time.n > 0 ? "the later registration" :
		    "the later one in the file";
	else
		why = r->time.n > 0 ? "the first registration" :
		    "the first one in the file";
	for (i = 0; i < r->nmerges; i++) {
		const struct person_merge *m = &r->merges[i];
		size_t a = m->kept < m->dropped ? m->kept : m->dropped;
		size_t b = m->kept < m->dropped ? m->dropped : m->kept;

		strbuf_printf(&sb, "mingle: warning: %s: records %zu (line "
		    "%zu) and %zu (line %zu) are one person, ", r->source, a,
		    csv->lines[a], b, csv->lines[b]);
		roster_who(&sb, r, csv, m->kept);
		strbuf_printf(&sb, "; keeping record %zu, %s\n", m->kept, why);
		fputs(sb.buf, f);
		sb.len = 0;
	}
	strbuf_free(&sb);
}

/* "LABEL: column 'A' + 'B' (from the preset)" for part P. */
static void
roster_print_part(FILE *f, const char *label, const struct csv_table *csv,
    const struct roster_part *p, const char *join)
{
	static const char *const from[] = {
		"", "", " (preset)", " (the id column)", " (guessed)"
	};
	size_t k;

	fprintf(f, "%s: column%s ", label, p->n > 1 ? "s" : "");
	for (k = 0; k < p->n; k++) {
		char *name = csv_column_spec(csv, (size_t)p->cols[k]);

		fprintf(f, "%s'%s'", k ? join : "", name);
		free(name);
	}
	fprintf(f, "%s\n", from[p->from]);
}

static void
roster_print_filter(FILE *f, const struct roster *r,
    const struct csv_table *csv, const struct row_filter *rf)
{
	const char *values = row_filter_values(rf), *cut = NULL, *p;
	struct strbuf sb = { 0 };
	char *shown;
	size_t i;

	/* a long list of the preset's: its first values, then "..." */
	for (p = values; *p != '\0' && p < values + 60; p++)
		if (*p == ',')
			cut = p;
	if (strlen(values) > 60 && cut != NULL) {
		strbuf_add(&sb, values, (size_t)(cut - values));
		strbuf_puts(&sb, ", ...");
	} else
		strbuf_puts(&sb, values);
	shown = strbuf_detach(&sb);
	if (rf->line == 0) {
		char *name = csv_column_spec(csv, (size_t)rf->col);

		fprintf(f, "status: column '%s' %s %s (preset %s)", name,
		    rf->exclude ? "drops" : "keeps", shown,
		    preset_name(r->preset));
		free(name);
	} else
		fprintf(f, "%s = %s (line %d)", rf->exclude ? "exclude" :
		    "include", rf->spec, rf->line);
	fprintf(f, ": %zu row%s dropped", rf->dropped,
	    rf->dropped == 1 ? "" : "s");
	for (i = 0; i < rf->seen.count && i < 10; i++)
		fprintf(f, "%s'%s' %zu", i ? ", " : " (",
		    rf->seen.strings[i], rf->seen_count[i]);
	fprintf(f, "%s\n", i < rf->seen.count ? ", ...)" : i ? ")" : "");
	free(shown);
}

void
roster_print(const struct roster *r, const struct csv_table *csv,
    const struct mingle_config *c, FILE *f)
{
	size_t i;

	if (r->preset != NULL) {
		fprintf(f, "preset: %s (%s)", preset_name(r->preset),
		    preset_title(r->preset));
		if (r->recognised && r->nsignature > 0) {
			fprintf(f, ", recognised from the header:");
			for (i = 0; i < r->nsignature && i < 8; i++) {
				char *name = csv_column_spec(csv,
				    (size_t)r->signature[i]);

				fprintf(f, "%s '%s'", i ? "," : "", name);
				free(name);
			}
			if (i < r->nsignature)
				fprintf(f, ", ...");
		} else if (r->recognised)
			fprintf(f, ": no tool recognised from the header");
		fputc('\n', f);
	}
	if (r->id.from == ROSTER_CONFIG)
		fprintf(f, "id: column '%s'\n", c->id_column);
	else
		roster_print_part(f, "id", csv, &r->id, " + ");
	if (r->name.from == ROSTER_CONFIG || r->name.n == 0) {
		fprintf(f, "name: ");
		for (i = 0; i < c->nname_columns; i++)
			fprintf(f, "%s'%s'", i ? " + " : "column ",
			    c->name_columns[i]);
		fprintf(f, "%s\n", c->nname_columns ? "" : "the id");
	} else
		roster_print_part(f, "name", csv, &r->name, " + ");
	if (r->preset == NULL && r->nfilters == 0 && r->nmerges == 0 &&
	    r->renamed == 0 && c->email_column == NULL)
		return;		/* as before presets */
	if (r->email.n > 0)
		roster_print_part(f, "e-mail", csv, &r->email, ", else ");
	else
		fprintf(f, "e-mail: none\n");
	for (i = 0; i < r->nfilters; i++)
		roster_print_filter(f, r, csv, &r->filters[i]);
	if (r->unassigned > 0)
		fprintf(f, "not people: %zu row%s with neither a name nor an "
		    "e-mail (unassigned tickets) dropped\n", r->unassigned,
		    r->unassigned == 1 ? "" : "s");
	if (r->person.n > 0)
		roster_print_part(f, "person", csv, &r->person, " + ");
	else
		fprintf(f, "person: %s\n", r->email.n > 0 ?
		    "the same e-mail and name" : "the same id");
	fprintf(f, "duplicates: %s", r->duplicates == PERSON_KEEP_LAST ?
	    "keep-last" : r->duplicates == PERSON_KEEP_FIRST ? "keep-first" :
	    "error");
	if (r->duplicates != PERSON_ERROR && r->time.n > 0) {
		fprintf(f, " by ");
		for (i = 0; i < r->time.n; i++) {
			char *name = csv_column_spec(csv,
			    (size_t)r->time.cols[i]);

			fprintf(f, "%s'%s'", i ? " + " : "", name);
			free(name);
		}
	} else if (r->duplicates != PERSON_ERROR)
		fprintf(f, " by order in the file");
	fprintf(f, ": %zu row%s merged", r->nmerges,
	    r->nmerges == 1 ? "" : "s");
	for (i = 0; i < r->nmerges && i < 10; i++)
		fprintf(f, "%s%zu into %zu", i ? ", " : " (records ",
		    r->merges[i].dropped, r->merges[i].kept);
	fprintf(f, "%s\n", i < r->nmerges ? ", ...)" : i ? ")" : "");
	if (r->renamed > 0)
		fprintf(f, "ids: %zu shared by different people, made unique "
		    "with #2, #3...\n", r->renamed);
}
