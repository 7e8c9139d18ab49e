/*
 * pairmap.c -- pair-keyed hash map with linear probing (see pairmap.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pairmap.h"
#include "util.h"

static size_t	pairmap_slot(uint64_t, size_t);
static void	pairmap_grow(struct pairmap *);

/* A well-mixed home slot (the key's halves are small and correlated). */
static size_t
pairmap_slot(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	key *= 0xc4ceb9fe1a85ec53ULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

void
pairmap_init(struct pairmap *m, size_t expect)
{
	size_t cap = 64;

	while (cap < 2 * expect)
		cap *= 2;
	m->slot = xcalloc(cap, sizeof *m->slot);
	m->cap = cap;
	m->len = 0;
}

void
pairmap_free(struct pairmap *m)
{
	free(m->slot);
	memset(m, 0, sizeof *m);
}

static void
pairmap_grow(struct pairmap *m)
{
	struct pairmap_entry *old = m->slot;
	size_t oldcap = m->cap, i, j;

	m->cap *= 2;
	m->slot = xcalloc(m->cap, sizeof *m->slot);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == 0)
			continue;
		j = pairmap_slot(old[i].key, m->cap);
		while (m->slot[j].key != 0)
			j = (j + 1) & (m->cap - 1);
		m->slot[j] = old[i];
	}
	free(old);
}

struct pairmap_entry *
pairmap_find(const struct pairmap *m, uint32_t a, uint32_t b)
{
	uint64_t key = pairmap_key(a, b);
	size_t j;

	for (j = pairmap_slot(key, m->cap); m->slot[j].key != 0;
	    j = (j + 1) & (m->cap - 1))
		if (m->slot[j].key == key)
			return &m->slot[j];
	return NULL;
}

struct pairmap_entry *
pairmap_get(struct pairmap *m, uint32_t a, uint32_t b, int *added)
{
	uint64_t key = pairmap_key(a, b);
	size_t j;

	if (2 * (m->len + 1) > m->cap)
		pairmap_grow(m);
	for (j = pairmap_slot(key, m->cap); m->slot[j].key != 0;
	    j = (j + 1) & (m->cap - 1)) {
		if (m->slot[j].key == key) {
			if (added != NULL)
				*added = 0;
			return &m->slot[j];
		}
	}
	memset(&m->slot[j], 0, sizeof m->slot[j]);
	m->slot[j].key = key;
	m->len++;
	if (added != NULL)
		*added = 1;
	return &m->slot[j];
}
