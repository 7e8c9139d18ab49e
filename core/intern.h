/*
 * intern.h -- a string interner: each distinct string gets a dense id.
 *
 * Ids are handed out in order of first appearance, 0, 1, 2...  Lookups are
 * a hash probe; strings are copied in.
 */
#ifndef MINGLE_INTERN_H
#define MINGLE_INTERN_H

#include <stddef.h>
#include <stdint.h>

struct intern {
	char **strings;		/* id -> string */
	uint32_t count;
	uint32_t cap;
	uint32_t *hashes;	/* id -> hash of its string */
	uint32_t *slots;	/* open addressing; id + 1, 0 = empty */
	uint32_t nslots;	/* power of two */
};

uint32_t intern_add(struct intern *in, const char *s);	/* existing or new id */
long intern_find(const struct intern *in, const char *s);	/* id or -1 */
void intern_free(struct intern *in);

#endif
