/*
 * blossom_forest.c -- which vertices each alternating tree of blossom.c
 * holds, so that an augmentation dissolves its two trees without
 * walking every vertex.  Each root keeps a list of the vertices labelled
 * into its tree; a vertex that left the tree since (a T-blossom expanded
 * around it, or it joined another tree) stays listed and is skipped when
 * the list is taken, as are repeats.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>

#include "blossom.h"
#include "blossom_internal.h"
#include "util.h"

static int	bm_int32_cmp(const void *, const void *);
static void	bm_forest_take_one(struct bm *, int32_t, int32_t, int32_t,
		    int32_t *);

void
blossom_forest_init(struct bm *bm)
{
	int32_t v;

	bm->fhead = xcalloc(bm->n, sizeof *bm->fhead);
	bm->fseen = xcalloc(bm->n, 1);
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
	free(bm->fnode);
}

/* Vertex V was labelled into the tree of ROOT. */
void
blossom_forest_add(struct bm *bm, int32_t root, int32_t v)
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
	bm->fnode[i].v = v;
	bm->fnode[i].next = bm->fhead[root];
	bm->fhead[root] = i;
}

static int
bm_int32_cmp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return x < y ? -1 : x > y;
}

/* Move ROOT's list into bm->freed from *NFREED on: the vertices still
 * labelled in tree RA or RB, each once. */
static void
bm_forest_take_one(struct bm *bm, int32_t root, int32_t ra, int32_t rb,
    int32_t *nfreed)
{
	int32_t i, next, v, b;

	for (i = bm->fhead[root]; i != BM_NONE; i = next) {
		next = bm->fnode[i].next;
		v = bm->fnode[i].v;
		b = bm->inblossom[v];
		if (!bm->fseen[v] && bm->label[b] != BM_FREE &&
		    (bm->tree[b] == ra || bm->tree[b] == rb)) {
			bm->fseen[v] = 1;
			bm->freed[(*nfreed)++] = v;
		}
		bm->fnode[i].next = bm->ffree;
		bm->ffree = i;
	}
	bm->fhead[root] = BM_NONE;
}

/*
 * The vertices of the trees of roots RA and RB into bm->freed, in
 * ascending order (as a walk over all vertices would find them), and
 * empty both lists.  Returns how many.
 */
int32_t
blossom_forest_take(struct bm *bm, int32_t ra, int32_t rb)
{
	int32_t nfreed = 0, i;

	bm_forest_take_one(bm, ra, ra, rb, &nfreed);
	if (rb != ra)
		bm_forest_take_one(bm, rb, ra, rb, &nfreed);
	for (i = 0; i < nfreed; i++)
		bm->fseen[bm->freed[i]] = 0;
	qsort(bm->freed, (size_t)nfreed, sizeof *bm->freed, bm_int32_cmp);
	return nfreed;
}
