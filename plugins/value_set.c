/*
 * value_set.c -- the values of one field per attendee, as sorted sets of
 * dense ids (see value_set.h).
 *
 * Categories and tags come numbered from the host; text is folded here with
 * utf8proc the way the host folds categories (the plugin ABI has no call
 * for it), then numbered by sorting.  Everything is built in init and only
 * read afterwards, so scoring threads may share it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "option_value.h"
#include "value_set.h"

/* One attendee's value while the values are numbered. */
struct entry {
	mingle_attendee a;
	uint32_t category;	/* the host's id (category fields), else 0 */
	char *folded;		/* the folded text (text fields), else NULL */
	int kept;		/* FOLDED belongs to the value set now */
};

const char *
value_set_types(unsigned types)
{
	unsigned tags = 1u << MINGLE_FIELD_TAGS;
	unsigned text = 1u << MINGLE_FIELD_TEXT;
	unsigned category = 1u << MINGLE_FIELD_CATEGORY;

	if (types == (category | text | tags))
		return "a category, text or tags field";
	if (types == (category | text))
		return "a category or text field";
	if (types == category)
		return "a category field";
	return "a field";
}

/* Is the code point at P white space (ASCII or Unicode Zs)?  Sets *LEN. */
static int
space_at(const char *p, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
	if (n <= 0) {
		*len = 1;
		return 0;
	}
	*len = (size_t)n;
	return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

char *
value_set_fold(const char *s)
{
	utf8proc_uint8_t *m = NULL;
	const char *p;
	char *out, *o;
	size_t len;
	int pending = 0;

	if (utf8proc_map((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)strlen(s), &m, UTF8PROC_STABLE |
	    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD) < 0)
		return NULL;
	out = o = malloc(strlen((char *)m) + 1);
	if (out == NULL) {
		free(m);
		return NULL;
	}
	/* Leading '#' marks and space: "  ##Lua" is "lua". */
	for (p = (const char *)m; *p != '\0'; p += len) {
		if (*p == '#')
			len = 1;
		else if (!space_at(p, &len))
			break;
	}
	for (; *p != '\0'; p += len) {
		if (space_at(p, &len)) {
			pending = 1;
			continue;
		}
		if (pending && o != out)
			*o++ = ' ';
		pending = 0;
		memcpy(o, p, len);
		o += len;
	}
	*o = '\0';
	free(m);
	return out;
}

/* By category id or folded text, then by attendee, so the first entry of
 * each value is its first holder's. */
static int
entry_cmp(const void *x, const void *y)
{
	const struct entry *p = x, *q = y;
	int c;

	if (p->category != q->category)
		return p->category < q->category ? -1 : 1;
	if (p->folded != NULL && q->folded != NULL &&
	    (c = strcmp(p->folded, q->folded)) != 0)
		return c;
	return p->a < q->a ? -1 : p->a > q->a;
}

/* Same value? */
static int
entry_same(const struct entry *p, const struct entry *q)
{
	if (p->category != q->category)
		return 0;
	return p->folded == NULL || strcmp(p->folded, q->folded) == 0;
}

/* Tags: the host's ids as they are. */
static int
load_tags(struct value_set *vs)
{
	const uint32_t *tags;
	size_t total = 0, k;
	uint32_t a, t;

	for (a = 0; a < vs->n; a++)
		total += vs->api->tags(vs->host, vs->field, a, &tags);
	vs->nvalues = vs->api->tag_count(vs->host, vs->field);
	vs->ids = calloc(total + 1, sizeof *vs->ids);
	vs->folded = calloc(vs->nvalues + 1, sizeof *vs->folded);
	vs->shown = calloc(vs->nvalues + 1, sizeof *vs->shown);
	if (vs->ids == NULL || vs->folded == NULL || vs->shown == NULL)
		return -1;
	for (a = 0; a < vs->n; a++) {
		k = vs->api->tags(vs->host, vs->field, a, &tags);
		memcpy(vs->ids + vs->start[a], tags, k * sizeof *tags);
		vs->start[a + 1] = vs->start[a] + (uint32_t)k;
	}
	for (t = 0; t < vs->nvalues; t++) {
		vs->shown[t] = vs->api->tag_name(vs->host, vs->field, t);
		if (vs->shown[t] == NULL)
			vs->shown[t] = "";
		if ((vs->folded[t] = value_set_fold(vs->shown[t])) == NULL)
			return -1;
	}
	return 0;
}

/* Categories and text: at most one value each, numbered by sorting. */
static int
load_single(struct value_set *vs)
{
	struct entry *e;
	const char *text;
	size_t ne = 0, i;
	uint32_t a, id = 0;
	int rc = -1;

	e = calloc(vs->n + 1, sizeof *e);
	vs->ids = calloc(vs->n + 1, sizeof *vs->ids);
	vs->folded = calloc(vs->n + 1, sizeof *vs->folded);
	vs->shown = calloc(vs->n + 1, sizeof *vs->shown);
	if (e == NULL || vs->ids == NULL || vs->folded == NULL ||
	    vs->shown == NULL)
		goto out;
	for (a = 0; a < vs->n; a++) {
		text = vs->api->text(vs->host, vs->field, a);
		if (text == NULL)
			continue;
		e[ne].a = a;
		if (vs->type == MINGLE_FIELD_CATEGORY) {
			e[ne].category = vs->api->category(vs->host,
			    vs->field, a);
			if (e[ne].category == 0)
				continue;
		} else {
			if ((e[ne].folded = value_set_fold(text)) == NULL)
				goto out;
			if (*e[ne].folded == '\0') {
				free(e[ne].folded);
				e[ne].folded = NULL;
				continue;
			}
		}
		ne++;
	}
	qsort(e, ne, sizeof *e, entry_cmp);
	for (i = 0; i < ne; i++) {
		if (i == 0 || !entry_same(&e[i - 1], &e[i])) {
			id = vs->nvalues;
			vs->shown[id] = vs->api->text(vs->host, vs->field,
			    e[i].a);
			/* The entry's text moves to vs, which frees it. */
			e[i].kept = e[i].folded != NULL;
			vs->folded[id] = e[i].kept ? e[i].folded :
			    value_set_fold(vs->shown[id]);
			if (vs->folded[id] == NULL)
				goto out;
			vs->nvalues = id + 1;
		}
		vs->ids[e[i].a] = id;
		vs->start[e[i].a + 1] = 1;
	}
	/* Offsets from the 0/1 counts, then the ids moved to them. */
	for (a = 0; a < vs->n; a++)
		vs->start[a + 1] += vs->start[a];
	for (a = 0; a < vs->n; a++)
		if (vs->start[a + 1] > vs->start[a])
			vs->ids[vs->start[a]] = vs->ids[a];
	rc = 0;
out:
	for (i = 0; e != NULL && i < vs->n; i++)
		if (!e[i].kept)
			free(e[i].folded);
	free(e);
	return rc;
}

int
value_set_field(const struct mingle_api *api, mingle_host *host,
    const char *key, const char *name, unsigned types, int *type)
{
	int field;

	if (name == NULL) {
		api->error(host, "needs '%s', %s", key,
		    value_set_types(types));
		return -1;
	}
	field = api->field(host, name, type);
	if (field < 0) {
		api->error(host, "'%s = %s': there is no field '%s'; define "
		    "it in a [field %s] section", key, name, name, name);
		return -1;
	}
	if (*type < 0 || *type > 31 || !(types & (1u << *type))) {
		api->error(host, "'%s = %s': '%s' is a %s field; '%s' must "
		    "name %s", key, name, name,
		    mingle_field_type_name(*type), key, value_set_types(types));
		return -1;
	}
	return field;
}

int
value_set_init(struct value_set *vs, const struct mingle_api *api,
    mingle_host *host, const char *key, const char *name, unsigned types)
{
	int rc;

	memset(vs, 0, sizeof *vs);
	vs->field = value_set_field(api, host, key, name, types, &vs->type);
	if (vs->field < 0)
		return -1;
	vs->api = api;
	vs->host = host;
	vs->name = name;
	vs->n = api->attendee_count(host);
	vs->start = calloc((size_t)vs->n + 1, sizeof *vs->start);
	if (vs->start == NULL)
		rc = -1;
	else if (vs->type == MINGLE_FIELD_TAGS)
		rc = load_tags(vs);
	else
		rc = load_single(vs);
	if (rc != 0) {
		api->error(host, "out of memory");
		value_set_free(vs);
	}
	return rc;
}

void
value_set_free(struct value_set *vs)
{
	uint32_t i;

	for (i = 0; vs->folded != NULL && i < vs->nvalues; i++)
		free(vs->folded[i]);
	free(vs->folded);
	free(vs->shown);
	free(vs->ids);
	free(vs->start);
	memset(vs, 0, sizeof *vs);
}

uint32_t
value_set_find(const struct value_set *vs, const char *text)
{
	char *f = value_set_fold(text);
	uint32_t id, found = VALUE_SET_NONE;

	for (id = 0; f != NULL && *f != '\0' && id < vs->nvalues; id++)
		if (vs->folded[id] != NULL && strcmp(vs->folded[id], f) == 0) {
			found = id;
			break;
		}
	free(f);
	return found;
}

void
value_set_drop(struct value_set *vs, uint32_t id)
{
	uint32_t a, r, w = 0, begin = 0, end;

	/* BEGIN is A's old offset: start[a] already holds the new one. */
	for (a = 0; a < vs->n; a++, begin = end) {
		end = vs->start[a + 1];
		for (r = begin; r < end; r++)
			if (vs->ids[r] != id)
				vs->ids[w++] = vs->ids[r];
		vs->start[a + 1] = w;
	}
}

int
value_set_ignore(struct value_set *vs, const char *key)
{
	char **items;
	size_t n, i;
	uint32_t id;

	if (option_value_list(vs->api, vs->host, key, &items, &n) != 0)
		return -1;
	/* A value nobody holds is fine: a list of placeholders ("n/a, -,
	 * Freelancer") may well be longer than one event needs. */
	for (i = 0; i < n; i++)
		if ((id = value_set_find(vs, items[i])) != VALUE_SET_NONE)
			value_set_drop(vs, id);
	option_value_free_list(items, n);
	return 0;
}

void
value_set_warn_unknown(const struct value_set *vs, const char *key,
    const char *text)
{
	char list[MINGLE_REASON_MAX];
	size_t len = 0, need;
	uint32_t id;

	/* Up to 8 whole values, leaving room for the count of the rest. */
	list[0] = '\0';
	for (id = 0; id < vs->nvalues && id < 8; id++) {
		need = (id ? 2 : 0) + strlen(vs->shown[id]);
		if (len + need + 20 >= sizeof list)
			break;
		len += (size_t)snprintf(list + len, sizeof list - len,
		    "%s%s", id ? ", " : "", vs->shown[id]);
	}
	if (id < vs->nvalues)
		snprintf(list + len, sizeof list - len, "%s(+%u more)",
		    id ? " " : "", vs->nvalues - id);
	vs->api->log(vs->host, "'%s': no attendee has %s '%s'%s%s%s", key,
	    vs->name, text, vs->nvalues ? " (they have: " : "", list,
	    vs->nvalues ? ")" : "");
}

size_t
value_set_of(const struct value_set *vs, mingle_attendee a,
    const uint32_t **ids)
{
	if (a >= vs->n) {
		*ids = NULL;
		return 0;
	}
	*ids = vs->ids + vs->start[a];
	return vs->start[a + 1] - vs->start[a];
}

size_t
value_set_shared(const struct value_set *vs, mingle_attendee a,
    mingle_attendee b, uint32_t *out, size_t cap)
{
	const uint32_t *x, *y;
	size_t nx, ny, i = 0, j = 0, k = 0;

	nx = value_set_of(vs, a, &x);
	ny = value_set_of(vs, b, &y);
	while (i < nx && j < ny) {
		if (x[i] < y[j])
			i++;
		else if (x[i] > y[j])
			j++;
		else {
			if (out != NULL && k < cap)
				out[k] = x[i];
			k++;
			i++;
			j++;
		}
	}
	return k;
}

const char *
value_set_text(const struct value_set *vs, mingle_attendee a, uint32_t id)
{
	const char *text;

	if (vs->type != MINGLE_FIELD_TAGS &&
	    (text = vs->api->text(vs->host, vs->field, a)) != NULL)
		return text;
	return id < vs->nvalues ? vs->shown[id] : "";
}

/* The longest prefix of S, at most MAX bytes, that ends on a UTF-8
 * character boundary. */
static size_t
utf8_prefix(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

size_t
value_set_join(const struct value_set *vs, mingle_attendee a,
    const uint32_t *ids, size_t n, size_t total, char *buf, size_t cap)
{
	static const char cut[] = "\xe2\x80\xa6";	/* U+2026 ... */
	size_t len = 0, i, k = 0, rest;
	const char *v;

	/* K: the most values that fit whole, with the count of the rest. */
	for (i = 1; i <= n; i++) {
		len += (i > 1 ? 2 : 0) + strlen(value_set_text(vs, a,
		    ids[i - 1]));
		rest = i < total ? (size_t)snprintf(NULL, 0, " (+%zu more)",
		    total - i) : 0;
		if (len + rest < cap)
			k = i;
	}
	buf[0] = '\0';
	if (k == 0 && n > 0) {
		/* Not even one whole value: the first, cut, and "...". */
		v = value_set_text(vs, a, ids[0]);
		if (cap <= sizeof cut)
			return 0;
		len = utf8_prefix(v, cap - sizeof cut);
		memcpy(buf, v, len);
		memcpy(buf + len, cut, sizeof cut);
		return len + sizeof cut - 1;
	}
	for (i = 0, len = 0; i < k; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s%s",
		    i ? ", " : "", value_set_text(vs, a, ids[i]));
	if (k < total)
		len += (size_t)snprintf(buf + len, cap - len, "%s(+%zu more)",
		    k ? " " : "", total - k);
	return len < cap ? len : cap - 1;
}

size_t
value_set_reason_shared(const struct value_set *vs, mingle_attendee a,
    mingle_attendee b, char *buf, size_t cap)
{
	uint32_t ids[16];
	size_t k, len;

	buf[0] = '\0';
	k = value_set_shared(vs, a, b, ids, 16);
	if (k == 0)
		return 0;
	len = (size_t)snprintf(buf, cap, "same %s: ", vs->name);
	if (len >= cap) {
		buf[0] = '\0';
		return k;
	}
	value_set_join(vs, a, ids, k < 16 ? k : 16, k, buf + len, cap - len);
	return k;
}
