/*
 * intern.c -- string interner with open addressing (FNV-1a, linear probe).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "intern.h"
#include "util.h"

static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/*
 * The slot of S (hash H): where it is, or the empty slot where it would go.
 * Strings are compared only when their hashes are equal.
 */
static uint32_t *
find_slot(const struct intern *in, const char *s, uint32_t h)
{
	uint32_t mask = in->nslots - 1, i = h & mask, id;

	while ((id = in->slots[i]) != 0 && (in->hashes[id - 1] != h ||
	    strcmp(in->strings[id - 1], s) != 0))
		i = (i + 1) & mask;
	return &in->slots[i];
}

/* Double the table; the strings are distinct, so none is compared. */
static void
rehash(struct intern *in)
{
	uint32_t id, mask, i;

	free(in->slots);
	in->nslots = in->nslots ? in->nslots * 2 : 64;
	in->slots = xcalloc(in->nslots, sizeof *in->slots);
	mask = in->nslots - 1;
	for (id = 0; id < in->count; id++) {
		for (i = in->hashes[id] & mask; in->slots[i] != 0;
		    i = (i + 1) & mask)
			;
		in->slots[i] = id + 1;
	}
}

uint32_t
intern_add(struct intern *in, const char *s)
{
	uint32_t *slot, h = hash_str(s);

	if (in->nslots == 0 || (in->count + 1) * 2 > in->nslots)
		rehash(in);
	slot = find_slot(in, s, h);
	if (*slot != 0)
		return *slot - 1;
	if (in->count == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 16;
		in->strings = xreallocarray(in->strings, in->cap,
		    sizeof *in->strings);
		in->hashes = xreallocarray(in->hashes, in->cap,
		    sizeof *in->hashes);
	}
	in->strings[in->count] = xstrdup(s);
	in->hashes[in->count] = h;
	*slot = ++in->count;
	return in->count - 1;
}

long
intern_find(const struct intern *in, const char *s)
{
	uint32_t slot;

	if (in->nslots == 0)
		return -1;
	slot = *find_slot(in, s, hash_str(s));
	return slot ? (long)slot - 1 : -1;
}

void
intern_free(struct intern *in)
{
	uint32_t i;

	for (i = 0; i < in->count; i++)
		free(in->strings[i]);
	free(in->strings);
	free(in->hashes);
	free(in->slots);
	memset(in, 0, sizeof *in);
}
