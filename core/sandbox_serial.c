/*
 * sandbox_serial.c -- the order in which a state's objects were made.
 *
 * Lua hashes tables, functions and coroutines by address, and addresses
 * change from run to run, so nothing about them orders keys the same way
 * twice.  The order they were created in does: the sandbox's allocator
 * numbers each such object as it allocates it, and this map finds the
 * number again from the object's address.  Open addressing with linear
 * probing, at most half full (most lookups are misses: see below); a
 * removal shifts the entries after it back, so there are no tombstones.
 * Most freed blocks are not objects: the sizes objects were allocated
 * with are remembered, and a free of any other size skips the lookup.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>

#include "sandbox_internal.h"
#include "util.h"

#define SERIAL_MIN_SLOTS	64

static size_t	serial_slot(const struct sandbox_serial *, uintptr_t);
static void	serial_resize(struct sandbox_serial *, size_t);
static int	serial_size_seen(const struct sandbox_serial *, size_t);

/* The home slot of P: the address's high bits, scrambled. */
static size_t
serial_slot(const struct sandbox_serial *s, uintptr_t p)
{
	return (size_t)(((uint64_t)(p >> 4) * 0x9e3779b97f4a7c15ULL) >>
	    s->shift);
}

/* Rehash into NSLOTS slots (a power of two). */
static void
serial_resize(struct sandbox_serial *s, size_t nslots)
{
	struct sandbox_serial_slot *old = s->slots;
	size_t oldn = s->nslots, i, j;

	s->slots = xcalloc(nslots, sizeof *s->slots);
	s->nslots = nslots;
	for (s->shift = 64; nslots > 1; nslots >>= 1)
		s->shift--;
	for (i = 0; i < oldn; i++) {
		if (old[i].p == 0)
			continue;
		j = serial_slot(s, old[i].p);
		while (s->slots[j].p != 0)
			j = (j + 1) & (s->nslots - 1);
		s->slots[j] = old[i];
	}
	free(old);
}

static int
serial_size_seen(const struct sandbox_serial *s, size_t size)
{
	size_t w = size / 8;

	if (size % 8 != 0 && !s->odd)
		return 0;	/* a string: objects are made of pointers */
	if (w >= SANDBOX_SERIAL_SIZES * 64)
		return s->big;
	return (s->sizes[w / 64] >> (w % 64)) & 1;
}

size_t
sandbox_serial_growth(const struct sandbox_serial *s)
{
	size_t n = s->nslots > 0 ? s->nslots : SERIAL_MIN_SLOTS;

	if ((s->count + 1) * 2 <= s->nslots)
		return 0;
	return n * sizeof *s->slots;
}

size_t
sandbox_serial_add(struct sandbox_serial *s, const void *p, size_t size)
{
	size_t grew = sandbox_serial_growth(s), w = size / 8, i;

	if (grew > 0)
		serial_resize(s, s->nslots > 0 ? 2 * s->nslots :
		    SERIAL_MIN_SLOTS);
	if (size % 8 != 0)
		s->odd = 1;
	if (w >= SANDBOX_SERIAL_SIZES * 64)
		s->big = 1;
	else
		s->sizes[w / 64] |= (uint64_t)1 << (w % 64);
	i = serial_slot(s, (uintptr_t)p);
	while (s->slots[i].p != 0 && s->slots[i].p != (uintptr_t)p)
		i = (i + 1) & (s->nslots - 1);
	if (s->slots[i].p == 0)
		s->count++;
	s->slots[i].p = (uintptr_t)p;
	s->slots[i].serial = sandbox_serial_stamp(s);
	return grew;
}

size_t
sandbox_serial_drop(struct sandbox_serial *s, const void *p, size_t size)
{
	size_t i, j, home, before = s->nslots;

	if (s->count == 0 || !serial_size_seen(s, size))
		return 0;
	i = serial_slot(s, (uintptr_t)p);
	while (s->slots[i].p != (uintptr_t)p) {
		if (s->slots[i].p == 0)
			return 0;
		i = (i + 1) & (s->nslots - 1);
	}
	/* Shift back every entry after I that may not stay behind a gap. */
	for (j = (i + 1) & (s->nslots - 1); s->slots[j].p != 0;
	    j = (j + 1) & (s->nslots - 1)) {
		home = serial_slot(s, s->slots[j].p);
		if (((j - home) & (s->nslots - 1)) >=
		    ((j - i) & (s->nslots - 1))) {
			s->slots[i] = s->slots[j];
			i = j;
		}
	}
	s->slots[i].p = 0;
	s->count--;
	/* Well below the growth's half full, or a collection freeing many
	 * objects and the calls making them again would resize each time. */
	if (s->nslots > SERIAL_MIN_SLOTS && s->count * 32 < s->nslots)
		serial_resize(s, s->nslots / 2);
	return (before - s->nslots) * sizeof *s->slots;
}

uint64_t
sandbox_serial_find(const struct sandbox_serial *s, const void *p)
{
	size_t i;

	if (s->count == 0 || p == NULL)
		return 0;
	for (i = serial_slot(s, (uintptr_t)p); s->slots[i].p != 0;
	    i = (i + 1) & (s->nslots - 1))
		if (s->slots[i].p == (uintptr_t)p)
			return s->slots[i].serial;
	return 0;
}

uint64_t
sandbox_serial_stamp(struct sandbox_serial *s)
{
	return ++s->next;
}

size_t
sandbox_serial_bytes(const struct sandbox_serial *s)
{
	return s->nslots * sizeof *s->slots;
}

void
sandbox_serial_free(struct sandbox_serial *s)
{
	free(s->slots);
	memset(s, 0, sizeof *s);
}
