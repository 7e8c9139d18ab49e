/*
 * pair_set.c -- unordered pairs of attendees in a hash set (see
 * pair_set.h).
 */
#include <stdlib.h>
#include <string.h>

#include "pair_set.h"

/* {A, B} as one key, the same for both orders; never 0. */
static uint64_t
pair_key(uint32_t a, uint32_t b)
{
	if (a > b) {
		uint32_t t = a;

		a = b;
		b = t;
	}
	return ((uint64_t)a << 32 | b) + 1;
}

/* A mix of the key's bits, for the slot. */
static size_t
pair_hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k;
}

/* The slot of KEY in S, or the empty one where it would go. */
static struct pair_set_entry *
pair_slot(const struct pair_set *s, uint64_t key)
{
	size_t i = pair_hash(key) & (s->cap - 1);

	while (s->slot[i].key != 0 && s->slot[i].key != key)
		i = (i + 1) & (s->cap - 1);
	return &s->slot[i];
}

static int
pair_grow(struct pair_set *s)
{
	struct pair_set old = *s;
	size_t i;

	s->cap = old.cap ? old.cap * 2 : 64;
	if ((s->slot = calloc(s->cap, sizeof *s->slot)) == NULL) {
		*s = old;
		return -1;
	}
	for (i = 0; i < old.cap; i++)
		if (old.slot[i].key != 0)
			*pair_slot(s, old.slot[i].key) = old.slot[i];
	free(old.slot);
	return 0;
}

int
pair_set_add(struct pair_set *s, uint32_t a, uint32_t b, uint32_t from,
    uint32_t line)
{
	uint64_t key = pair_key(a, b);
	struct pair_set_entry *e;

	if ((s->len + 1) * 2 > s->cap && pair_grow(s) != 0)
		return -1;
	e = pair_slot(s, key);
	if (e->key != 0)
		return 0;
	e->key = key;
	e->from = from;
	e->line = line;
	s->len++;
	return 1;
}

const struct pair_set_entry *
pair_set_find(const struct pair_set *s, uint32_t a, uint32_t b)
{
	const struct pair_set_entry *e;

	if (s->cap == 0 || a == b)
		return NULL;
	e = pair_slot(s, pair_key(a, b));
	return e->key != 0 ? e : NULL;
}

void
pair_set_free(struct pair_set *s)
{
	free(s->slot);
	free(s->off);
	free(s->partner);
	memset(s, 0, sizeof *s);
}

static int
u32_cmp(const void *p, const void *q)
{
	uint32_t x = *(const uint32_t *)p, y = *(const uint32_t *)q;

	return (x > y) - (x < y);
}

int
pair_set_index(struct pair_set *s, uint32_t n)
{
	uint32_t *fill, a, b;
	size_t i;

	s->n = n;
	s->off = calloc((size_t)n + 1, sizeof *s->off);
	s->partner = calloc(2 * s->len + 1, sizeof *s->partner);
	fill = calloc((size_t)n + 1, sizeof *fill);
	if (s->off == NULL || s->partner == NULL || fill == NULL) {
		free(fill);
		return -1;
	}
	for (i = 0; i < s->cap; i++) {
		if (s->slot[i].key == 0)
			continue;
		pair_set_pair(&s->slot[i], &a, &b);
		s->off[a + 1]++;
		s->off[b + 1]++;
	}
	for (a = 0; a < n; a++)
		s->off[a + 1] += s->off[a];
	for (i = 0; i < s->cap; i++) {
		if (s->slot[i].key == 0)
			continue;
		pair_set_pair(&s->slot[i], &a, &b);
		s->partner[s->off[a] + fill[a]++] = b;
		s->partner[s->off[b] + fill[b]++] = a;
	}
	for (a = 0; a < n; a++)
		qsort(s->partner + s->off[a], s->off[a + 1] - s->off[a],
		    sizeof *s->partner, u32_cmp);
	free(fill);
	return 0;
}

void
pair_set_candidates(const struct pair_set *s, uint32_t a, uint32_t *out,
    size_t *n, double *bound)
{
	*n = 0;
	*bound = 0;
	if (s->off == NULL || a >= s->n)
		return;
	*n = s->off[a + 1] - s->off[a];
	if (*n > 0)
		memcpy(out, s->partner + s->off[a], *n * sizeof *out);
}

void
pair_set_veto(const struct pair_set *s, uint32_t a, const uint32_t *cand,
    size_t n, unsigned char *veto)
{
	size_t i;

	for (i = 0; i < n; i++)
		veto[i] = pair_set_find(s, a, cand[i]) != NULL;
}

void
pair_set_pair(const struct pair_set_entry *e, uint32_t *a, uint32_t *b)
{
	*a = (uint32_t)((e->key - 1) >> 32);
	*b = (uint32_t)(e->key - 1);
}
