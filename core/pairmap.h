/*
 * pairmap.h -- an open-addressing hash map from an unordered pair of
 * attendees to a small record, for the assigners' per-pair bookkeeping
 * (oracle answers, how often two people met).  Not for the graph's
 * edges: those are sorted, and graph_find_edge() searches them.
 *
 * Never an N x N matrix: memory is proportional to the pairs stored.
 */
#ifndef MINGLE_PAIRMAP_H
#define MINGLE_PAIRMAP_H

#include <stddef.h>
#include <stdint.h>

struct pairmap_entry {
	uint64_t key;		/* pairmap_key(a, b); 0 = empty slot */
	double score;
	int32_t count;		/* free for the user: meetings, flags */
	int32_t veto;
};

struct pairmap {
	struct pairmap_entry *slot;
	size_t cap;		/* a power of two */
	size_t len;
};

/* The key of {a, b}, a != b, the same for both orders; never 0. */
static inline uint64_t
pairmap_key(uint32_t a, uint32_t b)
{
	if (a > b)
		return ((uint64_t)b << 32 | a) + 1;
	return ((uint64_t)a << 32 | b) + 1;
}

void pairmap_init(struct pairmap *m, size_t expect);
void pairmap_free(struct pairmap *m);

/* The entry for {a, b}, or NULL.  Valid until the next insertion. */
struct pairmap_entry *pairmap_find(const struct pairmap *m, uint32_t a,
    uint32_t b);

/* The entry for {a, b}, inserted zeroed if absent; *added says which.
 * Valid until the next insertion. */
struct pairmap_entry *pairmap_get(struct pairmap *m, uint32_t a, uint32_t b,
    int *added);

#endif
