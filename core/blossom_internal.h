/*
 * blossom_internal.h -- the state of the blossom matcher, shared by
 * blossom.c (the search: scanning, dual steps, dissolving trees) and
 * blossom_tree.c (labels, shrinking and expanding blossoms, augmenting).
 * Nothing else includes it; see blossom.h for the interface.
 */
#ifndef MINGLE_BLOSSOM_INTERNAL_H
#define MINGLE_BLOSSOM_INTERNAL_H

#include <stdint.h>

#include "blossom.h"

#define BM_NONE		(-1)

/* Labels of top-level blossoms; on a vertex inside a T-blossom, BM_T also
 * marks "reached from outside", used when that blossom is expanded. */
#define BM_FREE		0
#define BM_S		1
#define BM_T		2
#define BM_MARK		4	/* breadcrumb while tracing two trees */

/* Edge K joins child i (at X) and child i + 1 of a blossom (at Y). */
struct bm_link {
	int32_t k;
	int32_t x;
	int32_t y;
};

struct bm_blossom {
	int32_t *child;		/* the odd cycle, child[0] holds the base */
	struct bm_link *link;
	int32_t len;
	int32_t *best;		/* S-blossom: least-slack edge per S neighbour */
	int32_t nbest;		/* -1 while not computed this stage */
};

/* A lazy min-heap entry: stale entries are dropped when they surface. */
struct bm_hent {
	int64_t key;
	int32_t id;
	int32_t k;
};

struct bm_heap {
	struct bm_hent *h;
	size_t n;
	size_t cap;
};

/* One vertex of a tree's list (blossom_forest.c). */
struct bm_fnode {
	int32_t v;
	int32_t next;
};

struct bm {
	int32_t n;
	const struct blossom_edge *e;
	int32_t *adjoff;
	int32_t *adj;
	int32_t *adjto;		/* 2m: the other end of adj[i] */
	int64_t *adjw;		/* 2m: its weight, doubled */

	int64_t *dual;		/* 2n: U, then Z, as stored: see bm_dual() */
	int8_t *bsign;		/* 2n: how a step moves a top-level blossom */
	int64_t *bacc;		/* 2n: with bsign, what steps moved it */
	int32_t *dirty;		/* 2n: blossoms whose bsign to check */
	int32_t ndirty;
	uint8_t *isdirty;
	int32_t *mate;		/* n: matched edge, or BM_NONE */
	uint8_t *label;		/* 2n */
	int32_t *labedge;	/* 2n: edge that gave the label, NONE at roots */
	int32_t *labfrom;	/* 2n: that edge's end outside the blossom */
	int32_t *inblossom;	/* n: top-level blossom of each vertex */
	int32_t *parent;	/* 2n */
	int32_t *base;		/* 2n: base vertex; NONE for unused slots */
	int32_t *bestedge;	/* 2n: least-slack edge, see bm_scan */
	struct bm_blossom *bl;	/* 2n; only [n, 2n) are used */
	int32_t *tree;		/* 2n: root vertex of a labelled blossom's tree */
	int32_t *fhead;		/* n: each root's list of its tree's blossoms */
	struct bm_fnode *fnode;	/* the lists' entries; stale ones skipped */
	int32_t nfnode;
	int32_t capfnode;
	int32_t ffree;		/* entries to reuse, linked by next */
	uint8_t *fseen;		/* 2n: scratch, all 0 */
	int32_t *ftop;		/* n: blossom_forest_take() result */

	int32_t *queue;		/* S-vertices still to scan */
	int32_t nqueue;
	uint8_t *queued;
	int32_t *freeb;		/* unused blossom numbers */
	int32_t nfree;

	int32_t *leaves;	/* scratch: blossom_tree_leaves() result */
	int32_t *lstack;
	int32_t *bestto;	/* scratch for blossom_tree_shrink, all NONE */
	int32_t *touched;
	int32_t *vpath;
	int32_t *wpath;
	int32_t *freed;		/* scratch: vertices of dissolved trees */
	int32_t *stale;		/* least-slack edges to look at again */
	int32_t nstale;
	uint8_t *isstale;
	uint8_t *deferred;	/* n: free, its least-slack edge may be gone */
	int32_t exposed;	/* no vertex below is unmatched */

	/*
	 * Candidates for the dual step.  Between label changes every S-free
	 * slack falls by delta, every S-S slack by 2 delta and every
	 * T-blossom dual by delta, so keyed by value + shift (resp. 2 shift)
	 * their order never changes.
	 */
	int64_t shift;		/* sum of all dual steps so far */
	struct bm_heap free2;	/* free vertices by least slack to S */
	struct bm_heap ss3;	/* S-blossoms by least slack to S */
	struct bm_heap t4;	/* T-blossoms by dual */
};

/*
 * Duals move lazily (blossom_dual.c): a dual step only adds to shift.
 * What the steps moved top-level blossom B by, down for the vertices in
 * it and up for its own dual, is bm_acc(B): +1 times shift for an
 * S-blossom, -1 for a T-blossom, 0 for a free one, from when it got its
 * label; a vertex or blossom that is not top-level has 0.
 */
static inline int64_t
bm_acc(const struct bm *bm, int32_t b)
{
	return bm->bacc[b] + bm->bsign[b] * bm->shift;
}

/* The dual of vertex or blossom X. */
static inline int64_t
bm_dual(const struct bm *bm, int32_t x)
{
	if (x < bm->n)
		return bm->dual[x] - bm_acc(bm, bm->inblossom[x]);
	return bm->dual[x] + bm_acc(bm, x);
}

/* Vertex V is about to change its top-level blossom for one with
 * bm_acc 0: store its dual as it is. */
static inline void
bm_fold_vertex(struct bm *bm, int32_t v)
{
	bm->dual[v] -= bm_acc(bm, bm->inblossom[v]);
}

/* The label of top-level blossom (or vertex) B may have changed: its
 * sign is checked before the next dual step (blossom_dual_sync). */
static inline void
bm_touch(struct bm *bm, int32_t b)
{
	if (!bm->isdirty[b]) {
		bm->isdirty[b] = 1;
		bm->dirty[bm->ndirty++] = b;
	}
}

static inline int32_t
bm_other(const struct bm *bm, int32_t k, int32_t v)
{
	const struct blossom_edge *e = &bm->e[k];

	return (int32_t)e->a == v ? (int32_t)e->b : (int32_t)e->a;
}

/* Slack of an edge between two different top-level blossoms. */
static inline int64_t
bm_slack(const struct bm *bm, int32_t k)
{
	const struct blossom_edge *e = &bm->e[k];

	return bm_dual(bm, (int32_t)e->a) + bm_dual(bm, (int32_t)e->b) -
	    2 * e->w;
}

/* Step J around a cycle of LEN in direction STEP (+1 or -1). */
static inline int32_t
bm_step(int32_t j, int32_t step, int32_t len)
{
	j += step;
	if (j < 0)
		return j + len;
	if (j >= len)
		return j - len;
	return j;
}

/* blossom_dual.c */
void	blossom_dual_sync(struct bm *);
void	blossom_dual_fold_blossom(struct bm *, int32_t);

/* blossom_forest.c */
void	blossom_forest_init(struct bm *);
void	blossom_forest_free(struct bm *);
void	blossom_forest_add(struct bm *, int32_t, int32_t);
int32_t	blossom_forest_take(struct bm *, int32_t, int32_t);

/* blossom.c */
void	blossom_push(struct bm *, int32_t);
void	blossom_note_free(struct bm *, int32_t);
void	blossom_note_s(struct bm *, int32_t);
void	blossom_note_t(struct bm *, int32_t);
void	blossom_mark_stale(struct bm *, int32_t);

/* blossom_tree.c */
int32_t	blossom_tree_leaves(struct bm *, int32_t);
void	blossom_tree_label(struct bm *, int32_t, int, int32_t, int32_t);
int32_t	blossom_tree_find_base(struct bm *, int32_t, int32_t);
void	blossom_tree_shrink(struct bm *, int32_t, int32_t, int32_t,
	    int32_t);
void	blossom_tree_expand(struct bm *, int32_t, int);
void	blossom_tree_augment(struct bm *, int32_t, int32_t, int32_t);

#endif
