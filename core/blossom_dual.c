/*
 * blossom_dual.c -- the duals of blossom.c, moved lazily.  A dual step
 * used to walk every vertex and blossom to move the duals of the
 * labelled ones; now it only adds delta to bm->shift, and each top-level
 * blossom (a vertex on its own counts as one) knows the sign by which a
 * step moves it and so what the steps moved it by (bm_acc in
 * blossom_internal.h).  Whatever may change a top-level blossom's label
 * touches it (bm_touch), and before the next step the touched ones take the
 * sign of their labels, keeping what they were moved by so far.  When
 * blossoms are made or taken apart, the vertices and blossoms that
 * change their top-level blossom are folded: what their old one was
 * moved by goes into their stored dual.  The values are those the eager
 * walk gave, so the search and its result do not change.
 */
#include "autoconf.h"

#include <stdint.h>

#include "blossom.h"
#include "blossom_internal.h"

static int8_t	bm_sign_now(const struct bm *, int32_t);

/* How a dual step moves the vertices of B now, if B is top-level: +1
 * down (S), -1 up (T), 0 not at all. */
static int8_t
bm_sign_now(const struct bm *bm, int32_t b)
{
	int lb;

	if (b < bm->n ? bm->inblossom[b] != b :
	    bm->base[b] == BM_NONE || bm->parent[b] != BM_NONE)
		return 0;
	lb = bm->label[b] & (BM_S | BM_T);
	return lb == BM_S ? 1 : lb == BM_T ? -1 : 0;
}

/* Before a dual step: the touched blossoms take their signs now. */
void
blossom_dual_sync(struct bm *bm)
{
	int32_t b;
	int64_t acc;
	int8_t sign;

	while (bm->ndirty > 0) {
		b = bm->dirty[--bm->ndirty];
		bm->isdirty[b] = 0;
		sign = bm_sign_now(bm, b);
		if (sign != bm->bsign[b]) {
			acc = bm_acc(bm, b);
			bm->bsign[b] = sign;
			bm->bacc[b] = acc - sign * bm->shift;
		}
	}
}

/* B stops being top-level (its vertices folded first): store its own
 * dual as it is, and it is moved no more. */
void
blossom_dual_fold_blossom(struct bm *bm, int32_t b)
{
	if (b >= bm->n)
		bm->dual[b] += bm_acc(bm, b);
	bm->bacc[b] = 0;
	bm->bsign[b] = 0;
}
