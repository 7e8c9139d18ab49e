/*
 * pair_set.h -- a set of unordered pairs of attendees, each with two
 * numbers saying where it came from (a file and its line, or who listed
 * it); shared by the built-in plugins do_not_match, history and
 * conflicts.  Open addressing on the ordered pair: a lookup is O(1),
 * never a scan, and memory grows with the pairs stored, not with N x N.
 * Read-only once built, so score() may probe it from any thread.
 */
#ifndef MINGLE_PLUGINS_PAIR_SET_H
#define MINGLE_PLUGINS_PAIR_SET_H

#include <stddef.h>
#include <stdint.h>

struct pair_set_entry {
	uint64_t key;		/* 0: empty */
	uint32_t from;		/* the caller's: a file, an attendee */
	uint32_t line;		/* the caller's: a line */
};

struct pair_set {
	struct pair_set_entry *slot;
	size_t cap;		/* a power of two, or 0 */
	size_t len;
	/* pair_set_index(): attendee a's partners are
	 * partner[off[a] .. off[a + 1]), ascending; NULL before */
	uint32_t *off;
	uint32_t *partner;
	uint32_t n;
};

/*
 * Add {A, B} (A != B) with FROM and LINE, unless it is there already (the
 * first addition stays).  Returns 1 if added, 0 if it was there, -1 if
 * memory ran out.
 */
int pair_set_add(struct pair_set *s, uint32_t a, uint32_t b, uint32_t from,
    uint32_t line);

/* The entry of {A, B}, or NULL. */
const struct pair_set_entry *pair_set_find(const struct pair_set *s,
    uint32_t a, uint32_t b);

/* VETO[i] = 1 if {A, CAND[i]} is in the set, else 0, for i < N. */
void pair_set_veto(const struct pair_set *s, uint32_t a,
    const uint32_t *cand, size_t n, unsigned char *veto);

/* The two attendees of entry E (one in the set), the lower first. */
void pair_set_pair(const struct pair_set_entry *e, uint32_t *a,
    uint32_t *b);

/*
 * Index each of the N attendees' partners in S, once the last pair is
 * added (for the candidate stage).  Returns 0, or -1 out of memory.
 */
int pair_set_index(struct pair_set *s, uint32_t n);

/*
 * The descriptor's `candidates` (include/mingle/plugin.h) for a plugin
 * that vetoes or lowers the pairs of S and raises none: A's partners from
 * the index into OUT, their number in *N, and a bound of 0.
 */
void pair_set_candidates(const struct pair_set *s, uint32_t a,
    uint32_t *out, size_t *n, double *bound);

void pair_set_free(struct pair_set *s);

#endif
