/*
 * separator.c -- read a tags field's `separator` into the characters
 * that split its cells.
 *
 * The value is read as tokens: a run of letters and digits is a name,
 * any other character that is not white space stands for itself.  A
 * name must be one of the table below; punctuation must be ASCII (the
 * split is by bytes).
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "separator.h"
#include "util.h"

static const struct {
	const char *name;
	const char *chars;
} separator_names[] = {
	{ "comma", "," },
	{ "semicolon", ";" },
	{ "space", " " },
	{ "tab", "\t" },
	{ "pipe", "|" },
	{ "slash", "/" },
	{ "newline", "\r\n" },
};
#define NNAMES (sizeof separator_names / sizeof separator_names[0])

/* What the messages end with: how a separator is written. */
#define SEPARATOR_HOW "write names (comma, semicolon, space, tab, pipe, " \
	"slash, newline), alone or combined as in 'comma semicolon', or " \
	"punctuation characters such as , ; | /"

static void	separator_add(struct strbuf *, const char *);
static int	separator_name(const char *, size_t, struct strbuf *,
		    char **);

/* Add the characters of CHARS that SB does not hold yet. */
static void
separator_add(struct strbuf *sb, const char *chars)
{
	for (; *chars != '\0'; chars++)
		if (sb->buf == NULL || strchr(sb->buf, *chars) == NULL)
			strbuf_putc(sb, *chars);
}

/* The name of LEN bytes at WORD into SB; -1 with *cause if none. */
static int
separator_name(const char *word, size_t len, struct strbuf *sb,
    char **cause)
{
	const char *names[NNAMES], *best;
	char *w;
	size_t i;

	for (i = 0; i < NNAMES; i++) {
		names[i] = separator_names[i].name;
		if (strlen(names[i]) == len &&
		    strncasecmp(names[i], word, len) == 0) {
			separator_add(sb, separator_names[i].chars);
			return 0;
		}
	}
	w = xstrndup(word, len);
	best = closest_match(w, names, NNAMES);
	if (len == 1)
		*cause = xasprintf("separator: '%s' is a %s, and tags would "
		    "split on it; %s", w, isdigit((unsigned char)*w) ?
		    "digit" : "letter", SEPARATOR_HOW);
	else
		*cause = xasprintf("separator: '%s' is no name of a "
		    "separator%s%s%s, and tags would split on its letters; %s",
		    w, best ? "; did you mean '" : "", best ? best : "",
		    best ? "'?" : "", SEPARATOR_HOW);
	free(w);
	return -1;
}

int
separator_parse(const char *value, char **chars, char **cause)
{
	struct strbuf sb = { NULL, 0, 0 };
	const unsigned char *p = (const unsigned char *)value;
	size_t len;

	while (*p != '\0') {
		if (isspace(*p)) {
			p++;
			continue;
		}
		if (isalnum(*p)) {
			for (len = 0; isalnum(p[len]); len++)
				;
			if (separator_name((const char *)p, len, &sb,
			    cause) != 0)
				goto fail;
			p += len;
			continue;
		}
		if (*p >= 0x80) {
			*cause = xasprintf("separator: '%s' holds a character "
			    "that is not ASCII; %s", value, SEPARATOR_HOW);
			goto fail;
		}
		separator_add(&sb, (const char[]){ (char)*p, '\0' });
		p++;
	}
	if (sb.len == 0) {
		*cause = xstrdup("separator is empty; in INI a ';' after a "
		    "space starts a comment: write 'semicolon'");
		goto fail;
	}
	*chars = strbuf_detach(&sb);
	return 0;
fail:
	strbuf_free(&sb);
	return -1;
}
