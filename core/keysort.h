/*
 * keysort.h -- sort records by a 128-bit key, in linear time.
 *
 * The graph puts its edges in order by weight and rank, 464,513 of them
 * at 10,000 attendees: qsort's calls of a comparator that read the edges
 * at random took a tenth of the assignment.  A key made once per record,
 * and sorted a byte at a time (least significant first, each pass
 * stable), costs a few passes over a contiguous array instead.
 */
#ifndef MINGLE_KEYSORT_H
#define MINGLE_KEYSORT_H

#include <stddef.h>
#include <stdint.h>

struct keysort_item {
	uint64_t hi, lo;	/* the key: hi first, then lo */
	uint32_t id;		/* whose key it is */
};

/*
 * Sort the N items of V by (hi, lo), ascending; equal keys keep their
 * order.  Uses room for N more items while it runs.
 */
void keysort(struct keysort_item *v, size_t n);

/*
 * W as a key that sorts as the number does: ascending keys for ascending
 * weights, -0.0 as 0.0 (W must not be NaN).
 */
uint64_t keysort_double(double w);

#endif
