/*
 * answers.c -- read yes/no answers as written, and explain the ones that
 * cannot be read.  See answers.h for the rules.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "normalize.h"
#include "util.h"

/* How many distinct answers, and unknown ones to propose, a report lists. */
#define ANSWERS_SHOWN 20

static const char *const words_yes[] = {
	"yes", "y", "ja", "j", "true", "wahr", "1", "x", "on", "oui", "si", NULL
};
static const char *const words_no[] = {
	"no", "n", "nein", "false", "falsch", "0", "off", "non", NULL
};
/* A first word that says yes or no, in English or German. */
static const char *const first_yes[] = {
	"yes", "yeah", "yep", "ja", "jawohl", NULL
};
static const char *const first_no[] = { "no", "nope", "nein", NULL };

static int	answers_in(const char *, size_t, const char *const *);
static long	answers_best(char *const *, size_t, const char *);
static int	answers_first_word(const char *);
static char	*answers_next(const char **, char **);
static void	answers_quote(struct strbuf *, const char *);

/* Is the LEN bytes at S one of LIST? */
static int
answers_in(const char *s, size_t len, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == len && memcmp(s, *list, len) == 0)
			return 1;
	return 0;
}

/*
 * How specific the most specific of the N patterns matching S is: a
 * pattern without '*' beats any with; then more bytes besides '*' win.
 * -1 if none matches.
 */
static long
answers_best(char *const *pats, size_t n, const char *s)
{
	long best = -1, v;
	size_t i, k, stars;

	for (i = 0; i < n; i++) {
		if (!wildcard_match(pats[i], s))
			continue;
		stars = 0;
		for (k = 0; pats[i][k] != '\0'; k++)
			stars += pats[i][k] == '*';
		/* exact patterns above every wildcard one */
		v = (long)(k - stars) + (stars == 0 ? (long)k + 1 : 0);
		if (v > best)
			best = v;
	}
	return best;
}

/* 1, 0, or -2: what the first word of S (normalized) says. */
static int
answers_first_word(const char *s)
{
	size_t len = 0;

	/* A word: letters, and any non-ASCII byte (umlauts). */
	while (isalpha((unsigned char)s[len]) || (unsigned char)s[len] >= 0x80)
		len++;
	if (len == 0)
		return -2;
	if (answers_in(s, len, first_yes))
		return 1;
	if (answers_in(s, len, first_no))
		return 0;
	return -2;
}

int
answers_read(const struct answers *a, const char *cell)
{
	char *n = normalize_tag(cell, strlen(cell));
	long yes = -1, no = -1;
	int v;

	if (n == NULL)
		return -2;
	if (*n == '\0')
		v = -1;
	else {
		if (a != NULL) {
			yes = answers_best(a->yes, a->nyes, n);
			no = answers_best(a->no, a->nno, n);
		}
		if (yes >= 0 || no >= 0)
			v = yes > no;
		else if (answers_in(n, strlen(n), words_yes))
			v = 1;
		else if (answers_in(n, strlen(n), words_no))
			v = 0;
		else
			v = answers_first_word(n);
	}
	free(n);
	return v;
}

/*
 * The next pattern of the list at *PP, unquoted, as a new string; *PP
 * moves past it.  NULL at the end of the list, or with *cause set for a
 * quote that is never closed or text after a closing quote.
 */
static char *
answers_next(const char **pp, char **cause)
{
	struct strbuf sb = { NULL, 0, 0 };
	const char *p = *pp;

	while (*p == ' ' || *p == '\t' || *p == ',')
		p++;
	if (*p == '\0') {
		*pp = p;
		return NULL;
	}
	if (*p == '"') {
		for (p++;; p++) {
			if (*p == '\0') {
				*cause = xstrdup("a quoted answer is never "
				    "closed: end it with '\"'");
				strbuf_free(&sb);
				return NULL;
			}
			if (*p == '"' && p[1] != '"')
				break;
			if (*p == '"')
				p++;
			strbuf_putc(&sb, *p);
		}
		for (p++; *p == ' ' || *p == '\t'; p++)
			;
		if (*p != '\0' && *p != ',') {
			*cause = xstrdup("text after a quoted answer: put a "
			    "comma between answers");
			strbuf_free(&sb);
			return NULL;
		}
	} else {
		size_t len = strcspn(p, ",");

		strbuf_add(&sb, p, len);
		p += len;
	}
	*pp = p;
	return strbuf_detach(&sb);
}

int
answers_add(struct answers *a, int yes, const char *list, char **cause)
{
	char ***pats = yes ? &a->yes : &a->no, *item, *n;
	size_t *npats = yes ? &a->nyes : &a->nno, added = 0;
	const char *p = list;

	*cause = NULL;
	while ((item = answers_next(&p, cause)) != NULL) {
		n = normalize_tag(item, strlen(item));
		free(item);
		if (n == NULL || *n == '\0') {
			free(n);
			continue;
		}
		*pats = xreallocarray(*pats, *npats + 1, sizeof **pats);
		(*pats)[(*npats)++] = n;
		added++;
	}
	if (*cause != NULL)
		return -1;
	if (added == 0) {
		*cause = xstrdup("lists no answer; write them separated by "
		    "commas, as in 'Ja*, Gerne' (an answer holding a comma in "
		    "double quotes)");
		return -1;
	}
	return 0;
}

void
answers_free(struct answers *a)
{
	size_t i;

	for (i = 0; i < a->nyes; i++)
		free(a->yes[i]);
	for (i = 0; i < a->nno; i++)
		free(a->no[i]);
	free(a->yes);
	free(a->no);
	memset(a, 0, sizeof *a);
}

/* S as a pattern in a config line: quoted if it holds a comma or quote. */
static void
answers_quote(struct strbuf *sb, const char *s)
{
	if (strpbrk(s, ",\"") == NULL) {
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			strbuf_putc(sb, '"');
		strbuf_putc(sb, *s);
	}
	strbuf_putc(sb, '"');
}

char *
answers_report(const struct answers *a, const struct csv_table *csv,
    const size_t *rows, size_t n, size_t col, const char *what,
    const char *section, const char *yes_key, const char *no_key)
{
	struct intern seen = { 0 };
	struct strbuf sb = { NULL, 0, 0 }, line = { NULL, 0, 0 };
	size_t *count = NULL, *first = NULL, i, nempty = 0, nunknown = 0;
	size_t shown = 0, proposed = 0, first_bad = 0;
	signed char *value = NULL;
	uint32_t id, before;
	char *cell, *where;

	for (i = 0; i < n; i++) {
		cell = normalize_squeeze_space(xstrdup(csv_cell(csv, rows[i], col)));
		before = seen.count;
		id = *cell != '\0' ? intern_add(&seen, cell) : UINT32_MAX;
		if (id == UINT32_MAX)
			nempty++;
		else if (seen.count != before) {
			if ((before & (before - 1)) == 0) {
				size_t cap = before ? (size_t)before * 2 : 1;

				count = xreallocarray(count, cap,
				    sizeof *count);
				first = xreallocarray(first, cap,
				    sizeof *first);
				value = xreallocarray(value, cap, 1);
			}
			count[id] = 0;
			first[id] = rows[i];
			value[id] = (signed char)answers_read(a, cell);
			if (value[id] == -2 && nunknown++ == 0)
				first_bad = rows[i];
		}
		if (id != UINT32_MAX)
			count[id]++;
		free(cell);
	}
	if (nunknown == 0) {
		intern_free(&seen);
		free(count);
		free(first);
		free(value);
		return NULL;
	}

	where = csv_where(csv, first_bad);
	strbuf_printf(&sb, "%s%s holds %zu answer%s that %s neither yes nor "
	    "no; each answer, and the rows holding it:\n ", where, what, nunknown,
	    nunknown == 1 ? "" : "s", nunknown == 1 ? "is" : "are");
	free(where);
	for (id = 0; id < seen.count; id++) {
		if (value[id] == -2 && proposed < ANSWERS_SHOWN) {
			strbuf_puts(&line, proposed++ ? ", " : "");
			answers_quote(&line, seen.strings[id]);
		}
		if (shown >= ANSWERS_SHOWN)
			continue;
		strbuf_printf(&sb, "%s '%s' %zu", shown++ ? "," : "",
		    seen.strings[id], count[id]);
		if (value[id] == -2)
			strbuf_printf(&sb, " (unknown, first on line %zu)",
			    csv->lines[first[id]]);
		else
			strbuf_puts(&sb, value[id] ? " (yes)" : " (no)");
	}
	if (seen.count > shown)
		strbuf_printf(&sb, ", and %zu more answers",
		    (size_t)seen.count - shown);
	if (nempty > 0)
		strbuf_printf(&sb, ", empty %zu (no answer)", nempty);
	strbuf_printf(&sb, "\n  add what they mean to %s, e.g.: %s = %s\n"
	    "  (or %s = ...; '*' matches any text, as in %s = Ja*)",
	    section, no_key, line.buf, yes_key, yes_key);
	strbuf_free(&line);
	intern_free(&seen);
	free(count);
	free(first);
	free(value);
	return strbuf_detach(&sb);
}
