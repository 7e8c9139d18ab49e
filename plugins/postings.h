/*
 * postings.h -- an inverted index (term -> attendees holding it) and the
 * candidate walk over it: the `candidates` member of a descriptor
 * (include/mingle/plugin.h) for plugins whose score is a sum over the
 * terms two attendees share (shared_tags' tags, the text plugins' TF-IDF
 * terms).
 *
 * The walk takes A's terms, each with UPPER, the most a partner can gain
 * from sharing it, rarest (highest) first, MaxScore-style: it takes the
 * terms' attendees into the result, adding to each one's partial score
 * (kept dense, by attendee: a term costs its own list, however many the
 * result holds) what the term adds (UPPER, or in an index with weights
 * A's weight of the term times the partner's), until K of them have a
 * partial score above what the terms not yet walked add up to, REST.
 * Nobody left out shares a walked term, so nobody left out scores above
 * REST.  Then whoever cannot reach the K-th best partial score even with
 * REST added is dropped (MaxScore's pruning): the bound is REST or the
 * most a dropped one can reach, below the K best.  For unit vectors
 * (cosines) REST is at most the length of A's vector over those terms
 * (Cauchy-Schwarz).  With all terms walked the bound is 0.
 *
 * Linked into the plugins; nothing from core/.  Read-only after
 * postings_build(), so walks may run in several threads at once.
 */
#ifndef MINGLE_POSTINGS_H
#define MINGLE_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "mingle/plugin.h"

struct postings {
	uint32_t nterms;
	uint32_t ndocs;		/* attendees: ids are below it */
	uint32_t *off;		/* term t: ids[off[t] .. off[t + 1]) */
	uint32_t *ids;		/* attendees, ascending */
	float *w;		/* per entry of ids: the attendee's weight of
				 * the term; NULL for none */
	int unit;		/* every attendee's weights have a length of
				 * at most 1 */
};

/*
 * Transpose N documents (attendees 0 .. N - 1; document d holds the terms
 * TERMS[DOC_OFF[d] .. DOC_OFF[d + 1]), each below NTERMS, no duplicates,
 * with WEIGHTS alongside, or NULL) into P.  Returns 0, or -1 out of memory
 * (P is then empty).
 */
int postings_build(struct postings *p, uint32_t nterms, uint32_t n,
    const uint32_t *doc_off, const uint32_t *terms, const float *weights);
void postings_free(struct postings *p);

/*
 * The walk for attendee A over its M terms TERMS with UPPER each (0 or
 * more) and, if P has weights, A's weight of each in MINE (else NULL),
 * wanting K partners, into OUT (CAP entries, at least one per attendee;
 * ascending, A left out), *N and *BOUND, as the descriptor's `candidates`
 * member says.  Returns 0, or -1 out of memory.
 */
int postings_walk(const struct postings *p, uint32_t a,
    const uint32_t *terms, const double *upper, const double *mine,
    size_t m, size_t k, uint32_t *out, size_t cap, size_t *n,
    double *bound);

/*
 * Two walks for A joined into OUT: its M TERMS (UPPER, MINE) over P, and
 * its M2 TERMS2 (UPPER2, MINE2) over Q; BOUND[0] and BOUND[1] their
 * bounds.  For scores whose two directions compare different fields
 * (offers with seeks, one text crosswise with another).  Returns 0, or
 * -1 out of memory.
 */
int postings_walk2(const struct postings *p, const uint32_t *terms,
    const double *upper, const double *mine, size_t m,
    const struct postings *q, const uint32_t *terms2,
    const double *upper2, const double *mine2, size_t m2, uint32_t a,
    size_t k, uint32_t *out, size_t cap, size_t *n, double *bound);

/*
 * Of OUT (*N, ascending: a walk's list), each with SCORE, the plugin's own
 * score of the pair (0 or more): keep those at or above the K-th best
 * (ties too, and those within a hair of it), and raise *BOUND to the
 * best of the dropped (a hair above) if that is higher.  A walk keeps
 * whom it cannot rule out, often many times K, and the host scores each
 * with every strategy: a plugin that can score its list cheaply hands
 * over the K best instead.  Returns 0, or -1 out of memory.
 */
int postings_keep_best(uint32_t *out, size_t *n, const double *score,
    size_t k, double *bound);

/*
 * The descriptor's `terms` (ABI 1.4) from P: append A's M TERMS, each
 * with GAIN[i] and UPPER[i] (GAIN[i] times the term's greatest weight in
 * P, or GAIN[i] where P has no weights), in VECTOR, to OUT from *N on,
 * as far as CAP holds them; *N counts them all.  Terms that add nothing
 * (UPPER 0) are left out.
 */
void postings_terms(const struct postings *p, const uint32_t *terms,
    const double *gain, const double *upper, size_t m, uint32_t vector,
    struct mingle_term *out, size_t cap, size_t *n);

#endif
