/*
 * person_index.c -- attendees by id, e-mail address or name (see
 * person_index.h).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "intern.h"
#include "normalize.h"
#include "person.h"
#include "person_index.h"
#include "util.h"

/* A key's kind, its first byte: one interner holds all three. */
#define KEY_ID		'i'
#define KEY_EMAIL	'e'
#define KEY_NAME	'n'

struct person_index {
	struct intern keys;	/* "i...", "e...", "n..." */
	uint32_t *first;	/* per key: the first person with it */
	uint32_t *last;		/* per key: the last one added */
	uint32_t *count;	/* per key: how many people have it */
	uint32_t cap;
};

static char	*person_index_swap(const char *);
static char	*person_index_key(int, const char *);
static char	*person_index_name(const char *);
static void	 person_index_add(struct person_index *, char *, uint32_t);
static int	 person_index_probe(const struct person_index *, char *,
		    uint32_t *);

/* "Berg, Anna" as "Anna Berg": one comma with text on both sides; else
 * S as it is.  A new string. */
static char *
person_index_swap(const char *s)
{
	const char *comma = strchr(s, ',');
	char *last, *first, *out;

	if (comma == NULL || strchr(comma + 1, ',') != NULL)
		return xstrdup(s);
	last = normalize_trim_space(xstrndup(s, (size_t)(comma - s)));
	first = normalize_trim_space(xstrdup(comma + 1));
	if (*last == '\0' || *first == '\0')
		out = xstrdup(s);
	else
		out = xasprintf("%s %s", first, last);
	free(last);
	free(first);
	return out;
}

/* The folded name S, or NULL if it is empty or not UTF-8. */
static char *
person_index_name(const char *s)
{
	char *swapped = person_index_swap(s), *folded;

	folded = normalize_loose(swapped, strlen(swapped));
	free(swapped);
	if (folded != NULL && *folded == '\0') {
		free(folded);
		folded = NULL;
	}
	return folded;
}

/* The key of kind KIND for S, a new string; NULL if S gives none. */
static char *
person_index_key(int kind, const char *s)
{
	char *text, *key;

	if (s == NULL)
		return NULL;
	switch (kind) {
	case KEY_ID:
		text = normalize_trim_space(xstrdup(s));
		break;
	case KEY_EMAIL:
		text = person_email_like(s) ? person_fold_email(s) : NULL;
		break;
	default:
		text = person_index_name(s);
		break;
	}
	if (text == NULL || *text == '\0') {
		free(text);
		return NULL;
	}
	key = xasprintf("%c%s", kind, text);
	free(text);
	return key;
}

/* Person P has KEY (taken; may be NULL).  People come in order. */
static void
person_index_add(struct person_index *ix, char *key, uint32_t p)
{
	uint32_t k, before = ix->keys.count;

	if (key == NULL)
		return;
	k = intern_add(&ix->keys, key);
	free(key);
	if (k >= ix->cap) {
		ix->cap = ix->cap ? 2 * ix->cap : 64;
		ix->first = xreallocarray(ix->first, ix->cap, sizeof *ix->first);
		ix->last = xreallocarray(ix->last, ix->cap, sizeof *ix->last);
		ix->count = xreallocarray(ix->count, ix->cap,
		    sizeof *ix->count);
	}
	if (ix->keys.count != before) {
		ix->first[k] = ix->last[k] = p;
		ix->count[k] = 1;
	} else if (ix->last[k] != p) {
		ix->last[k] = p;
		ix->count[k]++;
	}
}

struct person_index *
person_index_build(const char *const *id, const char *const *name,
    const char *const *email, size_t n)
{
	struct person_index *ix = xcalloc(1, sizeof *ix);
	uint32_t p;

	for (p = 0; p < n; p++) {
		person_index_add(ix, person_index_key(KEY_ID, id[p]), p);
		person_index_add(ix, person_index_key(KEY_EMAIL, id[p]), p);
		person_index_add(ix, person_index_key(KEY_EMAIL, email[p]), p);
		person_index_add(ix, person_index_key(KEY_NAME, name[p]), p);
	}
	return ix;
}

void
person_index_free(struct person_index *ix)
{
	if (ix == NULL)
		return;
	intern_free(&ix->keys);
	free(ix->first);
	free(ix->last);
	free(ix->count);
	free(ix);
}

/* The people with KEY (taken; may be NULL), as person_index_find. */
static int
person_index_probe(const struct person_index *ix, char *key, uint32_t *out)
{
	long k;

	if (key == NULL)
		return 0;
	k = intern_find(&ix->keys, key);
	free(key);
	if (k < 0)
		return 0;
	*out = ix->first[k];
	return ix->count[k] == 1 ? 1 : -1;
}

int
person_index_find(const struct person_index *ix, const char *who,
    uint32_t *out)
{
	int rc;

	if (who == NULL)
		return 0;
	if ((rc = person_index_probe(ix, person_index_key(KEY_ID, who),
	    out)) != 0)
		return rc;
	if ((rc = person_index_probe(ix, person_index_key(KEY_EMAIL, who),
	    out)) != 0)
		return rc;
	return person_index_probe(ix, person_index_key(KEY_NAME, who), out);
}
