/*
 * blossom_dual.c -- the duals of blossom.c, moved lazily.  A dual step
 * used to walk every vertex and blossom to move the duals of the
 * labelled ones; now it only adds delta to bm->shift, and each dual is
 * stored with the sign by which steps move it (blossom_internal.h,
 * bm_dual).  Whatever changes a vertex's or blossom's label, top-level
 * blossom or nesting touches it here, and before the next step the
 * signs of the touched ones are made to agree with their labels again,
 * keeping their values.  The values are those the eager walk gave, so
 * the search and its result do not change.
 */
#include "autoconf.h"

#include <stdint.h>

#include "blossom.h"
#include "blossom_internal.h"

static int8_t	bm_sign_now(const struct bm *, int32_t);

/* How a dual step moves X's dual now: +1 down, -1 up, 0 not at all. */
static int8_t
bm_sign_now(const struct bm *bm, int32_t x)
{
	int lb;

	if (x < bm->n) {
		lb = bm->label[bm->inblossom[x]] & (BM_S | BM_T);
		return lb == BM_S ? 1 : lb == BM_T ? -1 : 0;
	}
	if (bm->base[x] == BM_NONE || bm->parent[x] != BM_NONE)
		return 0;
	lb = bm->label[x] & (BM_S | BM_T);
	return lb == BM_S ? -1 : lb == BM_T ? 1 : 0;
}

/* X's label, top-level blossom or nesting may have changed. */
void
blossom_dual_touch(struct bm *bm, int32_t x)
{
	if (!bm->isdirty[x]) {
		bm->isdirty[x] = 1;
		bm->dirty[bm->ndirty++] = x;
	}
}

/* Before a dual step: store the touched duals with their signs now. */
void
blossom_dual_sync(struct bm *bm)
{
	int32_t x;
	int64_t d;

	while (bm->ndirty > 0) {
		x = bm->dirty[--bm->ndirty];
		bm->isdirty[x] = 0;
		d = bm_dual(bm, x);
		bm->dsign[x] = bm_sign_now(bm, x);
		bm_set_dual(bm, x, d);
	}
}
