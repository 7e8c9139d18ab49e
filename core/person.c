/*
 * person.c -- who among the rows of an export is the same person.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "person.h"
#include "util.h"

static char	*person_id_key(const char *, int);
static int	 person_later(const struct person_row *,
		    const struct person_row *, int);

char *
person_fold(const char *s)
{
	const unsigned char *p;
	char *out, *o;
	int space = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x80)
			return normalize_tag(s, strlen(s));
	out = o = xmalloc(strlen(s) + 1);
	for (p = (const unsigned char *)s; *p == '#' || isspace(*p); p++)
		;
	for (; *p != '\0'; p++) {
		if (isspace(*p)) {
			space = 1;
			continue;
		}
		if (space && o != out)
			*o++ = ' ';
		space = 0;
		*o++ = (char)tolower(*p);
	}
	*o = '\0';
	return out;
}

char *
person_fold_email(const char *s)
{
	char *copy, *folded, *r, *w;

	if (s == NULL)
		return xstrdup("");
	copy = xstrdup(s);
	for (r = w = copy; *r != '\0'; r++)
		if (!isspace((unsigned char)*r))
			*w++ = *r;
	*w = '\0';
	folded = person_fold(copy);
	if (folded == NULL)
		return copy;
	free(copy);
	return folded;
}

int
person_email_like(const char *s)
{
	const char *at;

	while (isspace((unsigned char)*s))
		s++;
	at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return 0;
	if (strchr(at + 1, '.') == NULL || at[1] == '.')
		return 0;
	for (; *s != '\0'; s++)
		if (isspace((unsigned char)*s) &&
		    s[strspn(s, " \t\r\n")] != '\0')
			return 0;	/* a space inside */
	return 1;
}

/*
 * Is A a later registration than B?  By time if USE_TIME (ties: the later
 * row), else by row.
 */
static int
person_later(const struct person_row *a, const struct person_row *b,
    int use_time)
{
	if (use_time && a->time != b->time)
		return a->time > b->time;
	return a->row > b->row;
}

int
person_dedup(const struct person_row *rows, size_t n,
    enum person_duplicates policy, unsigned char *drop,
    struct person_merge **merges, size_t *nmerges)
{
	struct intern keys = { 0 };
	uint32_t *group = xcalloc(n + 1, sizeof *group);
	size_t *best, *size, i, g;
	unsigned char *timed;
	int rc = 0;

	*merges = NULL;
	*nmerges = 0;
	for (i = 0; i < n; i++)
		group[i] = rows[i].key != NULL ?
		    intern_add(&keys, rows[i].key) : UINT32_MAX;
	best = xcalloc(keys.count + 1, sizeof *best);
	size = xcalloc(keys.count + 1, sizeof *size);
	timed = xcalloc(keys.count + 1, 1);
	memset(timed, 1, keys.count);
	for (i = 0; i < n; i++) {
		if ((g = group[i]) == UINT32_MAX)
			continue;
		if (size[g]++ == 0) {
			best[g] = i;
		} else if (policy == PERSON_ERROR) {
			*merges = xcalloc(1, sizeof **merges);
			(*merges)->kept = rows[best[g]].row;
			(*merges)->dropped = rows[i].row;
			*nmerges = 1;
			rc = -1;
			goto out;
		}
		timed[g] &= rows[i].has_time != 0;
	}
	for (i = 0; i < n; i++) {
		if ((g = group[i]) == UINT32_MAX || size[g] < 2 ||
		    i == best[g])
			continue;
		if (person_later(&rows[i], &rows[best[g]], timed[g]) ==
		    (policy == PERSON_KEEP_LAST))
			best[g] = i;
	}
	for (i = 0; i < n; i++) {
		if ((g = group[i]) == UINT32_MAX || size[g] < 2 ||
		    i == best[g])
			continue;
		drop[i] = 1;
		*merges = xreallocarray(*merges, *nmerges + 1,
		    sizeof **merges);
		(*merges)[*nmerges].kept = rows[best[g]].row;
		(*merges)[(*nmerges)++].dropped = rows[i].row;
	}
out:
	intern_free(&keys);
	free(group);
	free(best);
	free(size);
	free(timed);
	return rc;
}

/* How ID is compared with other ids: as an e-mail if EMAIL. */
static char *
person_id_key(const char *id, int email)
{
	return email ? person_fold_email(id) : xstrdup(id);
}

char *
person_unique_id(struct intern *seen, char *id, int email, int *renamed)
{
	char *key = person_id_key(id, email), *next;
	uint32_t before = seen->count;
	unsigned k;

	intern_add(seen, key);
	free(key);
	if (seen->count != before)
		return id;
	for (k = 2;; k++) {
		next = xasprintf("%s#%u", id, k);
		key = person_id_key(next, email);
		if (intern_find(seen, key) < 0)
			break;
		free(key);
		free(next);
	}
	intern_add(seen, key);
	free(key);
	free(id);
	*renamed = 1;
	return next;
}
