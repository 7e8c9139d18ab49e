/*
 * postings.h -- an inverted index (term -> attendees holding it) and the
 * candidate walk over it: the `candidates` member of a descriptor
 * (include/mingle/plugin.h) for plugins whose score is a sum over the
 * terms two attendees share (shared_tags' tags, the text plugins' TF-IDF
 * terms).
 *
 * The walk takes A's terms, each with UPPER, the most a partner can gain
 * from sharing it, rarest (highest) first, MaxScore-style: it merges the
 * terms' attendees into the result, adding UPPER to each one's partial
 * score, until K of them have a partial score above what the terms not yet
 * walked add up to, REST.  Nobody left out shares a walked term, so nobody
 * left out scores above REST: that is the bound.  With all terms walked
 * the bound is 0.
 *
 * Linked into the plugins; nothing from core/.  Read-only after
 * postings_build(), so walks may run in several threads at once.
 */
#ifndef MINGLE_POSTINGS_H
#define MINGLE_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

struct postings {
	uint32_t nterms;
	uint32_t *off;		/* term t: ids[off[t] .. off[t + 1]) */
	uint32_t *ids;		/* attendees, ascending */
};

/*
 * Transpose N documents (attendees 0 .. N - 1; document d holds the terms
 * TERMS[DOC_OFF[d] .. DOC_OFF[d + 1]), each below NTERMS, no duplicates)
 * into P.  Returns 0, or -1 out of memory (P is then empty).
 */
int postings_build(struct postings *p, uint32_t nterms, uint32_t n,
    const uint32_t *doc_off, const uint32_t *terms);
void postings_free(struct postings *p);

/*
 * The walk for attendee A over its M terms TERMS with UPPER each (0 or
 * more), wanting K partners, into OUT (CAP entries, at least one per
 * attendee; ascending, A left out), *N and *BOUND, as the descriptor's
 * `candidates` member says.  Returns 0, or -1 out of memory.
 */
int postings_walk(const struct postings *p, uint32_t a,
    const uint32_t *terms, const double *upper, size_t m, size_t k,
    uint32_t *out, size_t cap, size_t *n, double *bound);

#endif
