/*
 * blossom_forest.c -- which top-level blossoms each alternating tree of
 * blossom.c holds, so that an augmentation dissolves its two trees
 * without walking every vertex.  Each root keeps a list of the blossoms
 * (a vertex on its own counts as one) labelled into its tree; one that
 * left the tree since (taken into a larger blossom, expanded, freed, or
 * labelled into another tree) stays listed and is skipped when the list
 * is taken, as are repeats.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>

#include "blossom.h"
#include "blossom_internal.h"
#include "util.h"

static int	bm_forest_holds(const struct bm *, int32_t, int32_t, int32_t);
static int32_t	bm_forest_take_one(struct bm *, int32_t, int32_t, int32_t,
		    int32_t);

void
blossom_forest_init(struct bm *bm)
{
	int32_t v;

	bm->fhead = xcalloc(bm->n, sizeof *bm->fhead);
	bm->fseen = xcalloc(2 * (size_t)bm->n, 1);
	bm->ftop = xcalloc(bm->n, sizeof *bm->ftop);
	for (v = 0; v < bm->n; v++)
		bm->fhead[v] = BM_NONE;
	bm->fnode = NULL;
	bm->nfnode = bm->capfnode = 0;
	bm->ffree = BM_NONE;
}

void
blossom_forest_free(struct bm *bm)
{
	free(bm->fhead);
	free(bm->fseen);
	free(bm->ftop);
	free(bm->fnode);
}

/* Blossom B was labelled into the tree of ROOT. */
void
blossom_forest_add(struct bm *bm, int32_t root, int32_t b)
{
	int32_t i;

	if (bm->ffree != BM_NONE) {
		i = bm->ffree;
		bm->ffree = bm->fnode[i].next;
	} else {
		if (bm->nfnode == bm->capfnode) {
			bm->capfnode = bm->capfnode ? 2 * bm->capfnode : 256;
			bm->fnode = xreallocarray(bm->fnode,
			    (size_t)bm->capfnode, sizeof *bm->fnode);
		}
		i = bm->nfnode++;
	}
	bm->fnode[i].v = b;
	bm->fnode[i].next = bm->fhead[root];
	bm->fhead[root] = i;
}

/* Whether B is a labelled top-level blossom of the tree of RA or RB. */
static int
bm_forest_holds(const struct bm *bm, int32_t b, int32_t ra, int32_t rb)
{
	if (b < bm->n ? bm->inblossom[b] != b :
	    bm->base[b] == BM_NONE || bm->parent[b] != BM_NONE)
		return 0;
	return bm->label[b] != BM_FREE &&
	    (bm->tree[b] == ra || bm->tree[b] == rb);
}

/* Move ROOT's list into bm->ftop from NTOP on, keeping the blossoms
 * still in tree RA or RB, each once; returns the new count. */
static int32_t
bm_forest_take_one(struct bm *bm, int32_t root, int32_t ra, int32_t rb,
    int32_t ntop)
{
	int32_t i, next, b;

	for (i = bm->fhead[root]; i != BM_NONE; i = next) {
		next = bm->fnode[i].next;
		b = bm->fnode[i].v;
		if (!bm->fseen[b] && bm_forest_holds(bm, b, ra, rb)) {
			bm->fseen[b] = 1;
			bm->ftop[ntop++] = b;
		}
		bm->fnode[i].next = bm->ffree;
		bm->ffree = i;
	}
	bm->fhead[root] = BM_NONE;
	return ntop;
}

/*
 * The top-level blossoms of the trees of roots RA and RB into bm->ftop,
 * and empty both lists.  Returns how many.
 */
int32_t
blossom_forest_take(struct bm *bm, int32_t ra, int32_t rb)
{
	int32_t ntop, i;

	ntop = bm_forest_take_one(bm, ra, ra, rb, 0);
	if (rb != ra)
		ntop = bm_forest_take_one(bm, rb, ra, rb, ntop);
	for (i = 0; i < ntop; i++)
		bm->fseen[bm->ftop[i]] = 0;
	return ntop;
}
