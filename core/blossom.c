/*
 * blossom.c -- maximum-weight general matching: Edmonds' primal-dual
 * blossom algorithm, in the form Galil describes ("Efficient algorithms
 * for finding maximum matching in graphs", 1986), with three changes for
 * sparse graphs.
 *
 * Alternating trees grow from every unmatched vertex along tight edges
 * (zero slack), odd cycles shrink into blossoms, and an edge joining two
 * trees gives an augmenting path.  When nothing is tight the duals move by
 * the largest feasible step.  The matching is optimal once the unmatched
 * vertices' duals reach zero.
 *
 * Units: with integer weights w, vertex duals U and blossom duals Z keep
 * U[a] + U[b] + 2 * sum(Z) >= 2w for every edge, the sum over blossoms
 * holding both ends.  All S-vertices' duals share one parity, so every
 * step is an integer and the arithmetic is exact.
 *
 * For sparse graphs:
 *  - an augmentation dissolves only the two trees it used (bm_dissolve);
 *    the classic form starts every tree again after each augmentation,
 *    rescanning all m edges n/2 times;
 *  - the least slacks for the dual step come from lazy heaps keyed so
 *    that dual steps never reorder them, not from scans of all vertices;
 *  - tightness is read from the exact slack, never cached.
 * Cost: worst case O(n^3 + n m log m) (n augmentations, each with up to
 * O(n) dual steps of O(n) to apply and O(m) edge work); on the sparse
 * candidate graphs mingle builds the dual steps number about 2n, so in
 * practice O(n^2 + m log m): 5,000 people with 50 candidates each take
 * about 0.3 s.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blossom.h"
#include "util.h"

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

struct bm {
	int32_t n;
	const struct blossom_edge *e;
	int32_t *adjoff;
	int32_t *adj;

	int64_t *dual;		/* 2n: U of vertices, then Z of blossoms */
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

	int32_t *queue;		/* S-vertices still to scan */
	int32_t nqueue;
	uint8_t *queued;
	int32_t *freeb;		/* unused blossom numbers */
	int32_t nfree;

	int32_t *leaves;	/* scratch: bm_leaves() result */
	int32_t *lstack;
	int32_t *bestto;	/* scratch for bm_add_blossom, all NONE */
	int32_t *touched;
	int32_t *vpath;
	int32_t *wpath;
	int32_t *freed;		/* scratch: vertices of dissolved trees */
	int32_t *stale;		/* least-slack edges to look at again */
	int32_t nstale;
	uint8_t *isstale;
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

static int32_t	bm_other(const struct bm *, int32_t, int32_t);
static int64_t	bm_slack(const struct bm *, int32_t);
static void	bm_push(struct bm *, int32_t);
static void	bm_heap_push(struct bm_heap *, int64_t, int32_t, int32_t);
static void	bm_heap_pop(struct bm_heap *);
static void	bm_note_free(struct bm *, int32_t);
static void	bm_note_s(struct bm *, int32_t);
static void	bm_note_t(struct bm *, int32_t);
static void	bm_mark_stale(struct bm *, int32_t);
static int32_t	bm_leaves(struct bm *, int32_t);
static void	bm_assign_label(struct bm *, int32_t, int, int32_t, int32_t);
static int32_t	bm_scan_blossom(struct bm *, int32_t, int32_t);
static void	bm_best_consider(struct bm *, int32_t, int32_t, int32_t *);
static void	bm_add_blossom(struct bm *, int32_t, int32_t, int32_t,
		    int32_t);
static void	bm_expand_blossom(struct bm *, int32_t, int);
static void	bm_augment_blossom(struct bm *, int32_t, int32_t);
static void	bm_augment_matching(struct bm *, int32_t, int32_t, int32_t);
static void	bm_relabel_path(struct bm *, int32_t, int32_t, int32_t,
		    int32_t);
static void	bm_rescan_free(struct bm *, int32_t);
static void	bm_dissolve(struct bm *, int32_t, int32_t);
static void	bm_scan(struct bm *);
static void	bm_rebest_consider(struct bm *, int32_t, int32_t *);
static void	bm_rebest(struct bm *, int32_t);
static int	bm_refresh(struct bm *);
static int32_t	bm_top_free(struct bm *);
static int32_t	bm_top_ss(struct bm *);
static int32_t	bm_top_t(struct bm *);
static int	bm_dual_step(struct bm *);
static void	bm_init(struct bm *, uint32_t, const struct blossom_edge *,
		    size_t);
static void	bm_free(struct bm *);

static int32_t
bm_other(const struct bm *bm, int32_t k, int32_t v)
{
	const struct blossom_edge *e = &bm->e[k];

	return (int32_t)e->a == v ? (int32_t)e->b : (int32_t)e->a;
}

/* Slack of an edge between two different top-level blossoms. */
static int64_t
bm_slack(const struct bm *bm, int32_t k)
{
	const struct blossom_edge *e = &bm->e[k];

	return bm->dual[e->a] + bm->dual[e->b] - 2 * e->w;
}

/* Queue vertex V for scanning, once. */
static void
bm_push(struct bm *bm, int32_t v)
{
	if (!bm->queued[v]) {
		bm->queued[v] = 1;
		bm->queue[bm->nqueue++] = v;
	}
}

static int
bm_hent_less(const struct bm_hent *a, const struct bm_hent *b)
{
	if (a->key != b->key)
		return a->key < b->key;
	if (a->id != b->id)
		return a->id < b->id;
	return a->k < b->k;
}

static void
bm_heap_push(struct bm_heap *hp, int64_t key, int32_t id, int32_t k)
{
	struct bm_hent e = { .key = key, .id = id, .k = k };
	size_t i, up;

	if (hp->n == hp->cap) {
		hp->cap = hp->cap ? 2 * hp->cap : 64;
		hp->h = xreallocarray(hp->h, hp->cap, sizeof *hp->h);
	}
	for (i = hp->n++; i > 0; i = up) {
		up = (i - 1) / 2;
		if (!bm_hent_less(&e, &hp->h[up]))
			break;
		hp->h[i] = hp->h[up];
	}
	hp->h[i] = e;
}

static void
bm_heap_pop(struct bm_heap *hp)
{
	struct bm_hent e;
	size_t i, c;

	e = hp->h[--hp->n];
	for (i = 0; (c = 2 * i + 1) < hp->n; i = c) {
		if (c + 1 < hp->n && bm_hent_less(&hp->h[c + 1], &hp->h[c]))
			c++;
		if (!bm_hent_less(&hp->h[c], &e))
			break;
		hp->h[i] = hp->h[c];
	}
	if (hp->n > 0)
		hp->h[i] = e;
}

/* Free vertex V has a (new) least-slack edge to an S-vertex. */
static void
bm_note_free(struct bm *bm, int32_t v)
{
	int32_t k = bm->bestedge[v];

	if (k != BM_NONE && bm->label[bm->inblossom[v]] == BM_FREE)
		bm_heap_push(&bm->free2, bm_slack(bm, k) + bm->shift, v, k);
}

/* S-blossom B has a (new) least-slack edge to another S-blossom. */
static void
bm_note_s(struct bm *bm, int32_t b)
{
	int32_t k = bm->bestedge[b];

	if (k != BM_NONE)
		bm_heap_push(&bm->ss3, bm_slack(bm, k) + 2 * bm->shift, b, k);
}

/* B became a T-blossom. */
static void
bm_note_t(struct bm *bm, int32_t b)
{
	if (b >= bm->n)
		bm_heap_push(&bm->t4, bm->dual[b] + bm->shift, b, 0);
}

/* Vertex or blossom X's least-slack edge may lead into a dissolved tree. */
static void
bm_mark_stale(struct bm *bm, int32_t x)
{
	if (!bm->isstale[x]) {
		bm->isstale[x] = 1;
		bm->stale[bm->nstale++] = x;
	}
}

/* The vertices of blossom B into bm->leaves; returns how many. */
static int32_t
bm_leaves(struct bm *bm, int32_t b)
{
	int32_t nl = 0, sp = 0, x, i;

	bm->lstack[sp++] = b;
	while (sp > 0) {
		x = bm->lstack[--sp];
		if (x < bm->n) {
			bm->leaves[nl++] = x;
			continue;
		}
		for (i = bm->bl[x].len - 1; i >= 0; i--)
			bm->lstack[sp++] = bm->bl[x].child[i];
	}
	return nl;
}

/*
 * Label the top-level blossom holding W with T (reached over edge K from
 * S-vertex FROM) or S; a T-blossom's base mate becomes S in turn.
 */
static void
bm_assign_label(struct bm *bm, int32_t w, int t, int32_t k, int32_t from)
{
	int32_t b = bm->inblossom[w], base, mk, nl, i;

	bm->label[w] = bm->label[b] = (uint8_t)t;
	bm->labedge[w] = bm->labedge[b] = k;
	bm->labfrom[w] = bm->labfrom[b] = from;
	bm->bestedge[w] = bm->bestedge[b] = BM_NONE;
	bm->tree[b] = from == BM_NONE ? w : bm->tree[bm->inblossom[from]];
	if (t == BM_S) {
		nl = bm_leaves(bm, b);
		for (i = 0; i < nl; i++)
			bm_push(bm, bm->leaves[i]);
		return;
	}
	bm_note_t(bm, b);
	base = bm->base[b];
	mk = bm->mate[base];
	bm_assign_label(bm, bm_other(bm, mk, base), BM_S, mk, base);
}

/*
 * S-vertices V and W are joined by a tight edge.  Walk both trees towards
 * their roots; a blossom met twice is the base of a new blossom (returned),
 * else the trees differ and there is an augmenting path (BM_NONE).
 */
static int32_t
bm_scan_blossom(struct bm *bm, int32_t v, int32_t w)
{
	int32_t np = 0, b, t, base = BM_NONE, i;

	while (v != BM_NONE) {
		b = bm->inblossom[v];
		if (bm->label[b] & BM_MARK) {
			base = bm->base[b];
			break;
		}
		bm->vpath[np++] = b;
		bm->label[b] |= BM_MARK;
		if (bm->labedge[b] == BM_NONE)
			v = BM_NONE;	/* a root */
		else {
			t = bm->labfrom[b];	/* the T-vertex mate */
			v = bm->labfrom[bm->inblossom[t]];
		}
		if (w != BM_NONE) {
			t = v;
			v = w;
			w = t;
		}
	}
	for (i = 0; i < np; i++)
		bm->label[bm->vpath[i]] &= ~BM_MARK;
	return base;
}

/* Keep edge K if it is the least-slack one from new blossom B to its
 * other end's S-blossom. */
static void
bm_best_consider(struct bm *bm, int32_t b, int32_t k, int32_t *ntouched)
{
	int32_t y, bj;

	y = (int32_t)bm->e[k].b;
	if (bm->inblossom[y] == b)
		y = (int32_t)bm->e[k].a;
	bj = bm->inblossom[y];
	if (bj == b || bm->label[bj] != BM_S)
		return;
	if (bm->bestto[bj] == BM_NONE) {
		bm->touched[(*ntouched)++] = bj;
		bm->bestto[bj] = k;
	} else if (bm_slack(bm, k) < bm_slack(bm, bm->bestto[bj]))
		bm->bestto[bj] = k;
}

/* Shrink the odd cycle through edge K (V-W) and BASE into a blossom. */
static void
bm_add_blossom(struct bm *bm, int32_t base, int32_t v, int32_t w, int32_t k)
{
	struct bm_blossom *nb;
	int32_t bb, bv, bw, b, nv = 0, nw = 0, len, i, j, c, nl, x, y, kk;
	int32_t ntouched = 0;

	bb = bm->inblossom[base];
	bv = bm->inblossom[v];
	bw = bm->inblossom[w];
	b = bm->freeb[--bm->nfree];
	bm->base[b] = base;
	bm->parent[b] = BM_NONE;
	bm->parent[bb] = b;

	while (bv != bb) {
		bm->parent[bv] = b;
		bm->vpath[nv++] = bv;
		bv = bm->inblossom[bm->labfrom[bv]];
	}
	while (bw != bb) {
		bm->parent[bw] = b;
		bm->wpath[nw++] = bw;
		bw = bm->inblossom[bm->labfrom[bw]];
	}

	/* The cycle: base, down the V side, across K, up the W side. */
	nb = &bm->bl[b];
	len = 1 + nv + nw;
	nb->child = xreallocarray(nb->child, len, sizeof *nb->child);
	nb->link = xreallocarray(nb->link, len, sizeof *nb->link);
	nb->len = len;
	nb->child[0] = bb;
	for (i = 0; i < nv; i++) {
		c = bm->vpath[nv - 1 - i];
		nb->child[1 + i] = c;
		nb->link[i].k = bm->labedge[c];
		nb->link[i].x = bm->labfrom[c];
		nb->link[i].y = bm_other(bm, bm->labedge[c], bm->labfrom[c]);
	}
	nb->link[nv].k = k;
	nb->link[nv].x = v;
	nb->link[nv].y = w;
	for (i = 0; i < nw; i++) {
		c = bm->wpath[i];
		nb->child[1 + nv + i] = c;
		nb->link[1 + nv + i].k = bm->labedge[c];
		nb->link[1 + nv + i].x = bm_other(bm, bm->labedge[c],
		    bm->labfrom[c]);
		nb->link[1 + nv + i].y = bm->labfrom[c];
	}

	bm->label[b] = BM_S;
	bm->labedge[b] = bm->labedge[bb];
	bm->labfrom[b] = bm->labfrom[bb];
	bm->tree[b] = bm->tree[bb];
	bm->dual[b] = 0;
	nl = bm_leaves(bm, b);
	for (i = 0; i < nl; i++) {
		x = bm->leaves[i];
		if (bm->label[bm->inblossom[x]] == BM_T)
			bm_push(bm, x);
		bm->inblossom[x] = b;
	}

	/* Least-slack edge from the new blossom to each S neighbour. */
	for (i = 0; i < len; i++) {
		c = nb->child[i];
		if (c >= bm->n && bm->bl[c].nbest >= 0) {
			for (j = 0; j < bm->bl[c].nbest; j++)
				bm_best_consider(bm, b, bm->bl[c].best[j],
				    &ntouched);
			bm->bl[c].nbest = -1;
		} else {
			/* Never an S-blossom this stage: every edge. */
			nl = bm_leaves(bm, c);
			for (j = 0; j < nl; j++) {
				x = bm->leaves[j];
				for (y = bm->adjoff[x]; y < bm->adjoff[x + 1];
				    y++)
					bm_best_consider(bm, b, bm->adj[y],
					    &ntouched);
			}
		}
		bm->bestedge[c] = BM_NONE;
	}
	nb->best = xreallocarray(nb->best, ntouched ? ntouched : 1,
	    sizeof *nb->best);
	nb->nbest = ntouched;
	bm->bestedge[b] = BM_NONE;
	for (i = 0; i < ntouched; i++) {
		kk = bm->bestto[bm->touched[i]];
		bm->bestto[bm->touched[i]] = BM_NONE;
		nb->best[i] = kk;
		if (bm->bestedge[b] == BM_NONE ||
		    bm_slack(bm, kk) < bm_slack(bm, bm->bestedge[b]))
			bm->bestedge[b] = kk;
	}
	bm_note_s(bm, b);
}

/* Step J around a cycle of LEN in direction STEP (+1 or -1). */
static int32_t
bm_step(int32_t j, int32_t step, int32_t len)
{
	j += step;
	if (j < 0)
		return j + len;
	if (j >= len)
		return j - len;
	return j;
}

/*
 * A T-blossom B is being expanded: label the children on the even path
 * from the entry child at J to the base in direction STEP (T, S, ..., T),
 * entering over edge K from FROM.  Returns nothing; children off the path
 * are handled by the caller.
 */
static void
bm_relabel_path(struct bm *bm, int32_t b, int32_t j, int32_t step, int32_t k)
{
	struct bm_blossom *bb = &bm->bl[b];
	struct bm_link *l;
	int32_t from = bm->labfrom[b], x, c;

	while (j != 0) {
		/* Child j is T, reached over k; its matched link leads on. */
		x = bm_other(bm, k, from);
		l = &bb->link[step > 0 ? j : bm_step(j, -1, bb->len)];
		bm->label[x] = BM_FREE;
		bm->label[step > 0 ? l->y : l->x] = BM_FREE;
		bm_assign_label(bm, x, BM_T, k, from);
		j = bm_step(j, step, bb->len);
		/* Child j is S; its unmatched link reaches the next T. */
		l = &bb->link[step > 0 ? j : bm_step(j, -1, bb->len)];
		k = l->k;
		from = step > 0 ? l->x : l->y;
		j = bm_step(j, step, bb->len);
	}
	/* The base child: T, but its mate outside is already S. */
	x = bm_other(bm, k, from);
	c = bb->child[0];
	bm->label[x] = bm->label[c] = BM_T;
	bm->labedge[x] = bm->labedge[c] = k;
	bm->labfrom[x] = bm->labfrom[c] = from;
	bm->bestedge[c] = BM_NONE;
	bm->tree[c] = bm->tree[bm->inblossom[from]];
	bm_note_t(bm, c);
}

/*
 * Dissolve blossom B into its children.  At the end of a stage, children
 * with zero dual are dissolved too.  Mid-stage B is a T-blossom whose dual
 * reached zero, and its children take over its place in the tree.
 */
static void
bm_expand_blossom(struct bm *bm, int32_t b, int endstage)
{
	struct bm_blossom *bb = &bm->bl[b];
	int32_t i, j, c, nl, v, entry, step, found;

	for (i = 0; i < bb->len; i++) {
		c = bb->child[i];
		bm->parent[c] = BM_NONE;
		if (c < bm->n)
			bm->inblossom[c] = c;
		else if (endstage && bm->dual[c] == 0)
			bm_expand_blossom(bm, c, endstage);
		else {
			nl = bm_leaves(bm, c);
			for (j = 0; j < nl; j++)
				bm->inblossom[bm->leaves[j]] = c;
		}
	}

	if (!endstage && bm->label[b] == BM_T) {
		entry = bm->inblossom[bm_other(bm, bm->labedge[b],
		    bm->labfrom[b])];
		for (j = 0; bb->child[j] != entry; j++)
			;
		/* Go the way round that gives an even path to the base. */
		step = (j & 1) ? 1 : -1;
		bm_relabel_path(bm, b, j, step, bm->labedge[b]);

		/* Off the path: children reached from outside become T. */
		for (j = bm_step(0, step, bb->len); bb->child[j] != entry;
		    j = bm_step(j, step, bb->len)) {
			c = bb->child[j];
			if (bm->label[c] == BM_S)
				continue;
			nl = bm_leaves(bm, c);
			found = BM_NONE;
			for (i = 0; i < nl && found == BM_NONE; i++) {
				v = bm->leaves[i];
				if (bm->label[v] == BM_FREE)
					continue;
				/* Reached from a tree dissolved since? */
				if (bm->label[bm->inblossom[bm->labfrom[v]]] ==
				    BM_S)
					found = v;
				else {
					bm->label[v] = BM_FREE;
					bm->bestedge[v] = BM_NONE;
					bm_mark_stale(bm, v);
				}
			}
			if (found == BM_NONE)
				continue;
			v = found;
			bm->label[v] = BM_FREE;
			bm->label[bm_other(bm, bm->mate[bm->base[c]],
			    bm->base[c])] = BM_FREE;
			bm_assign_label(bm, v, BM_T, bm->labedge[v],
			    bm->labfrom[v]);
		}

		/* Children left free now count for the dual step. */
		for (j = 0; j < bb->len; j++) {
			c = bb->child[j];
			if (bm->label[c] != BM_FREE)
				continue;
			nl = bm_leaves(bm, c);
			for (i = 0; i < nl; i++)
				bm_note_free(bm, bm->leaves[i]);
		}
	}

	bm->label[b] = BM_FREE;
	bm->labedge[b] = bm->labfrom[b] = BM_NONE;
	bm->base[b] = BM_NONE;
	bm->bestedge[b] = BM_NONE;
	bb->len = 0;
	bb->nbest = -1;
	bm->freeb[bm->nfree++] = b;
}

/*
 * Make vertex V the base of blossom B by flipping the even path from V's
 * child round the cycle to the old base, recursively inside children.
 */
static void
bm_augment_blossom(struct bm *bm, int32_t b, int32_t v)
{
	struct bm_blossom *bb = &bm->bl[b];
	struct bm_link *l;
	int32_t t, i, j, len = bb->len, *child;
	struct bm_link *link;

	t = v;
	while (bm->parent[t] != b)
		t = bm->parent[t];
	if (t >= bm->n)
		bm_augment_blossom(bm, t, v);
	for (i = 0; bb->child[i] != t; i++)
		;
	/*
	 * Links at odd indices are matched.  From an odd child go forward
	 * (link i is matched, links i+1, i+3, ... len-1 become matched);
	 * from an even one go backward (links i-2, ..., 0 become matched).
	 */
	if (i & 1) {
		for (j = i + 1; j < len; j += 2) {
			l = &bb->link[j];
			if (bb->child[j] >= bm->n)
				bm_augment_blossom(bm, bb->child[j], l->x);
			if (bb->child[bm_step(j, 1, len)] >= bm->n)
				bm_augment_blossom(bm,
				    bb->child[bm_step(j, 1, len)], l->y);
			bm->mate[l->x] = bm->mate[l->y] = l->k;
		}
	} else {
		for (j = i - 2; j >= 0; j -= 2) {
			l = &bb->link[j];
			if (bb->child[j] >= bm->n)
				bm_augment_blossom(bm, bb->child[j], l->x);
			if (bb->child[j + 1] >= bm->n)
				bm_augment_blossom(bm, bb->child[j + 1], l->y);
			bm->mate[l->x] = bm->mate[l->y] = l->k;
		}
	}

	/* Rotate so that child i comes first. */
	if (i > 0) {
		child = xreallocarray(NULL, len, sizeof *child);
		link = xreallocarray(NULL, len, sizeof *link);
		for (j = 0; j < len; j++) {
			child[j] = bb->child[(i + j) % len];
			link[j] = bb->link[(i + j) % len];
		}
		memcpy(bb->child, child, len * sizeof *child);
		memcpy(bb->link, link, len * sizeof *link);
		free(child);
		free(link);
	}
	bm->base[b] = v;
}

/* Edge K joins S-vertices V and W of different trees: flip both paths
 * to the roots. */
static void
bm_augment_matching(struct bm *bm, int32_t v, int32_t w, int32_t k)
{
	int32_t s, ke, bs, bt, t, j, side;

	for (side = 0; side < 2; side++) {
		s = side == 0 ? v : w;
		ke = k;
		for (;;) {
			bs = bm->inblossom[s];
			if (bs >= bm->n)
				bm_augment_blossom(bm, bs, s);
			bm->mate[s] = ke;
			if (bm->labedge[bs] == BM_NONE)
				break;	/* reached the root */
			t = bm->labfrom[bs];
			bt = bm->inblossom[t];
			s = bm->labfrom[bt];
			ke = bm->labedge[bt];
			j = bm_other(bm, ke, s);
			if (bt >= bm->n)
				bm_augment_blossom(bm, bt, j);
			bm->mate[j] = ke;
		}
	}
}

/*
 * Vertex X is not in an S-blossom and the S-vertices that scanned it may
 * be gone: look at its S neighbours again, as their scans would have.
 */
static void
bm_rescan_free(struct bm *bm, int32_t x)
{
	int32_t top = bm->inblossom[x], i, k, bs, best = BM_NONE;
	int64_t ks, bestks = 0;

	if (bm->label[top] == BM_S)
		return;		/* queued; its own scan does this */
	for (i = bm->adjoff[x]; i < bm->adjoff[x + 1]; i++) {
		k = bm->adj[i];
		bs = bm->inblossom[bm_other(bm, k, x)];
		if (bs == top || bm->label[bs] != BM_S)
			continue;
		ks = bm_slack(bm, k);
		if (ks <= 0) {
			if (bm->label[top] == BM_FREE) {
				bm_assign_label(bm, x, BM_T, k,
				    bm_other(bm, k, x));
				return;
			}
			if (bm->label[x] == BM_FREE) {
				bm->label[x] = BM_T;
				bm->labedge[x] = k;
				bm->labfrom[x] = bm_other(bm, k, x);
			}
			bm->bestedge[x] = BM_NONE;
			return;
		}
		if (best == BM_NONE || ks < bestks) {
			best = k;
			bestks = ks;
		}
	}
	bm->bestedge[x] = best;
	bm_note_free(bm, x);
}

/*
 * An augmentation matched the roots of trees RA and RB: unlabel every
 * blossom of those two trees, dissolving S-blossoms whose dual is zero,
 * and let the surviving trees see the freed vertices.  Other trees are
 * untouched, so the search goes on without starting over.
 */
static void
bm_dissolve(struct bm *bm, int32_t ra, int32_t rb)
{
	int32_t n = bm->n, v, b, nfreed = 0, i, j, k, y;

	for (v = 0; v < n; v++) {
		b = bm->inblossom[v];
		if (bm->label[b] != BM_FREE &&
		    (bm->tree[b] == ra || bm->tree[b] == rb))
			bm->freed[nfreed++] = v;
	}
	for (i = 0; i < nfreed; i++) {
		b = bm->inblossom[bm->freed[i]];
		if (b >= n && bm->label[b] == BM_S && bm->dual[b] == 0)
			bm_expand_blossom(bm, b, 1);
	}
	/* Forget labels on every level, from each vertex to its top. */
	for (i = 0; i < nfreed; i++) {
		for (b = bm->freed[i]; b != BM_NONE; b = bm->parent[b]) {
			bm->label[b] = BM_FREE;
			bm->labedge[b] = bm->labfrom[b] = BM_NONE;
			bm->bestedge[b] = BM_NONE;
			if (b >= n)
				bm->bl[b].nbest = -1;
		}
	}
	/* Least-slack edges of others that pointed at the freed vertices. */
	for (i = 0; i < nfreed; i++) {
		v = bm->freed[i];
		for (j = bm->adjoff[v]; j < bm->adjoff[v + 1]; j++) {
			k = bm->adj[j];
			y = bm_other(bm, k, v);
			if (bm->bestedge[y] == k)
				bm_mark_stale(bm, y);
			b = bm->inblossom[y];
			if (b != y && bm->bestedge[b] == k)
				bm_mark_stale(bm, b);
		}
	}
	for (i = 0; i < nfreed; i++)
		bm_rescan_free(bm, bm->freed[i]);
}

/*
 * Scan queued S-vertices along tight edges: label, shrink, or augment.
 * Returns when the queue is empty.
 */
static void
bm_scan(struct bm *bm)
{
	int32_t v, w, k, i, b, base, ra, rb;
	int64_t ks;

	while (bm->nqueue > 0) {
		v = bm->queue[--bm->nqueue];
		bm->queued[v] = 0;
		if (bm->label[bm->inblossom[v]] != BM_S)
			continue;	/* its tree was dissolved */
		for (i = bm->adjoff[v]; i < bm->adjoff[v + 1]; i++) {
			k = bm->adj[i];
			w = bm_other(bm, k, v);
			b = bm->inblossom[w];
			if (bm->inblossom[v] == b)
				continue;
			ks = bm_slack(bm, k);
			if (ks <= 0) {
				if (bm->label[b] == BM_FREE)
					bm_assign_label(bm, w, BM_T, k, v);
				else if (bm->label[b] == BM_S) {
					base = bm_scan_blossom(bm, v, w);
					if (base != BM_NONE) {
						bm_add_blossom(bm, base, v, w,
						    k);
						continue;
					}
					ra = bm->tree[bm->inblossom[v]];
					rb = bm->tree[b];
					bm_augment_matching(bm, v, w, k);
					bm_dissolve(bm, ra, rb);
					break;
				} else if (bm->label[w] == BM_FREE) {
					/* Inside a T-blossom: remember. */
					bm->label[w] = BM_T;
					bm->labedge[w] = k;
					bm->labfrom[w] = v;
				}
			} else if (bm->label[b] == BM_S) {
				b = bm->inblossom[v];
				if (bm->bestedge[b] == BM_NONE ||
				    ks < bm_slack(bm, bm->bestedge[b])) {
					bm->bestedge[b] = k;
					bm_note_s(bm, b);
				}
			} else if (bm->label[w] == BM_FREE) {
				if (bm->bestedge[w] == BM_NONE ||
				    ks < bm_slack(bm, bm->bestedge[w])) {
					bm->bestedge[w] = k;
					bm_note_free(bm, w);
				}
			}
		}
	}
}

/* Keep edge K in *BEST if it joins two S-blossoms with less slack. */
static void
bm_rebest_consider(struct bm *bm, int32_t k, int32_t *best)
{
	int32_t ba, bb;

	ba = bm->inblossom[bm->e[k].a];
	bb = bm->inblossom[bm->e[k].b];
	if (ba == bb || bm->label[ba] != BM_S || bm->label[bb] != BM_S)
		return;
	if (*best == BM_NONE || bm_slack(bm, k) < bm_slack(bm, *best))
		*best = k;
}

/* Least-slack edge from S-blossom B to another S-blossom, found again
 * after the one it had led into a dissolved tree. */
static void
bm_rebest(struct bm *bm, int32_t b)
{
	int32_t best = BM_NONE, nl, i, j, x;

	if (b >= bm->n && bm->bl[b].nbest >= 0) {
		for (j = 0; j < bm->bl[b].nbest; j++)
			bm_rebest_consider(bm, bm->bl[b].best[j], &best);
	} else {
		nl = bm_leaves(bm, b);
		for (i = 0; i < nl; i++) {
			x = bm->leaves[i];
			for (j = bm->adjoff[x]; j < bm->adjoff[x + 1]; j++)
				bm_rebest_consider(bm, bm->adj[j], &best);
		}
	}
	bm->bestedge[b] = best;
	bm_note_s(bm, b);
}

/* Find again least-slack edges that led into dissolved trees.  Returns 1
 * if that labelled anything (so scan again before moving duals). */
static int
bm_refresh(struct bm *bm)
{
	int32_t x;

	while (bm->nstale > 0) {
		x = bm->stale[--bm->nstale];
		bm->isstale[x] = 0;
		if (x >= bm->n) {
			if (bm->base[x] != BM_NONE &&
			    bm->parent[x] == BM_NONE && bm->label[x] == BM_S)
				bm_rebest(bm, x);
		} else if (bm->label[bm->inblossom[x]] != BM_S)
			bm_rescan_free(bm, x);
		else if (bm->inblossom[x] == x)
			bm_rebest(bm, x);
	}
	return bm->nqueue > 0;
}

/* The free vertex with the least slack to an S-vertex, or BM_NONE. */
static int32_t
bm_top_free(struct bm *bm)
{
	struct bm_hent *e;
	int64_t key;

	while (bm->free2.n > 0) {
		e = &bm->free2.h[0];
		if (bm->bestedge[e->id] != e->k ||
		    bm->label[bm->inblossom[e->id]] != BM_FREE) {
			bm_heap_pop(&bm->free2);
			continue;
		}
		key = bm_slack(bm, e->k) + bm->shift;
		if (key != e->key) {
			/* Pushed while inside a T-blossom: key it again. */
			bm_heap_pop(&bm->free2);
			bm_note_free(bm, e->id);
			continue;
		}
		return e->id;
	}
	return BM_NONE;
}

/* The top-level S-blossom with the least slack to another, or BM_NONE. */
static int32_t
bm_top_ss(struct bm *bm)
{
	struct bm_hent *e;
	int32_t b, ba, bb;

	while (bm->ss3.n > 0) {
		e = &bm->ss3.h[0];
		b = e->id;
		ba = bm->inblossom[bm->e[e->k].a];
		bb = bm->inblossom[bm->e[e->k].b];
		if (bm->parent[b] != BM_NONE || bm->label[b] != BM_S ||
		    (b >= bm->n && bm->base[b] == BM_NONE) ||
		    bm->bestedge[b] != e->k || ba == bb ||
		    bm->label[ba] != BM_S || bm->label[bb] != BM_S ||
		    bm_slack(bm, e->k) + 2 * bm->shift != e->key) {
			bm_heap_pop(&bm->ss3);
			continue;
		}
		return b;
	}
	return BM_NONE;
}

/* The top-level T-blossom with the least dual, or BM_NONE. */
static int32_t
bm_top_t(struct bm *bm)
{
	struct bm_hent *e;
	int32_t b;

	while (bm->t4.n > 0) {
		e = &bm->t4.h[0];
		b = e->id;
		if (bm->base[b] == BM_NONE || bm->parent[b] != BM_NONE ||
		    bm->label[b] != BM_T || bm->dual[b] + bm->shift != e->key) {
			bm_heap_pop(&bm->t4);
			continue;
		}
		return b;
	}
	return BM_NONE;
}

/*
 * Move the duals by the largest feasible step and act on what became
 * tight.  Returns 0 when the matching is optimal.
 */
static int
bm_dual_step(struct bm *bm)
{
	int32_t n = bm->n, v, b, k, type, which = BM_NONE;
	int64_t delta, s;
	int lb;

	if (bm_refresh(bm))
		return 1;

	/* 1: unmatched vertices' duals (the least of all) reach zero. */
	while (bm->exposed < n && bm->mate[bm->exposed] != BM_NONE)
		bm->exposed++;
	if (bm->exposed == n)
		return 0;
	type = 1;
	delta = bm->dual[bm->exposed];

	/* 2: an edge from an S-vertex to a free vertex becomes tight. */
	if ((v = bm_top_free(bm)) != BM_NONE &&
	    (s = bm_slack(bm, bm->bestedge[v])) < delta) {
		delta = s;
		type = 2;
		which = v;
	}
	/* 3: an edge between two S-blossoms becomes tight. */
	if ((b = bm_top_ss(bm)) != BM_NONE &&
	    (s = bm_slack(bm, bm->bestedge[b]) / 2) < delta) {
		delta = s;
		type = 3;
		which = b;
	}
	/* 4: a T-blossom's dual reaches zero. */
	if ((b = bm_top_t(bm)) != BM_NONE && bm->dual[b] < delta) {
		delta = bm->dual[b];
		type = 4;
		which = b;
	}

	if (delta > 0) {
		bm->shift += delta;
		for (v = 0; v < n; v++) {
			lb = bm->label[bm->inblossom[v]];
			if (lb == BM_S)
				bm->dual[v] -= delta;
			else if (lb == BM_T)
				bm->dual[v] += delta;
		}
		for (b = n; b < 2 * n; b++) {
			if (bm->base[b] == BM_NONE || bm->parent[b] != BM_NONE)
				continue;
			if (bm->label[b] == BM_S)
				bm->dual[b] += delta;
			else if (bm->label[b] == BM_T)
				bm->dual[b] -= delta;
		}
	}

	switch (type) {
	case 1:
		return 0;
	case 2:
		/* Rescan the S end: the edge is tight now. */
		k = bm->bestedge[which];
		v = (int32_t)bm->e[k].a;
		if (bm->label[bm->inblossom[v]] != BM_S)
			v = (int32_t)bm->e[k].b;
		bm_push(bm, v);
		break;
	case 3:
		bm_push(bm, (int32_t)bm->e[bm->bestedge[which]].a);
		break;
	case 4:
		bm_expand_blossom(bm, which, 0);
		break;
	}
	return 1;
}

static void
bm_init(struct bm *bm, uint32_t n, const struct blossom_edge *e, size_t m)
{
	size_t i;
	int32_t v;
	int64_t maxw = 0;

	memset(bm, 0, sizeof *bm);
	bm->n = (int32_t)n;
	bm->e = e;
	bm->adjoff = xcalloc(n + 1, sizeof *bm->adjoff);
	for (i = 0; i < m; i++) {
		if (e[i].w <= 0 || e[i].a == e[i].b)
			continue;
		bm->adjoff[e[i].a + 1]++;
		bm->adjoff[e[i].b + 1]++;
		if (e[i].w > maxw)
			maxw = e[i].w;
	}
	for (v = 0; v < (int32_t)n; v++)
		bm->adjoff[v + 1] += bm->adjoff[v];
	bm->adj = xcalloc(bm->adjoff[n] + 1, sizeof *bm->adj);
	bm->wpath = xcalloc(n + 1, sizeof *bm->wpath);	/* fill cursor */
	for (i = 0; i < m; i++) {
		if (e[i].w <= 0 || e[i].a == e[i].b)
			continue;
		bm->adj[bm->adjoff[e[i].a] + bm->wpath[e[i].a]++] = (int32_t)i;
		bm->adj[bm->adjoff[e[i].b] + bm->wpath[e[i].b]++] = (int32_t)i;
	}

	bm->dual = xcalloc(2 * n, sizeof *bm->dual);
	for (v = 0; v < (int32_t)n; v++)
		bm->dual[v] = maxw;
	bm->mate = xcalloc(n, sizeof *bm->mate);
	bm->label = xcalloc(2 * n, 1);
	bm->labedge = xcalloc(2 * n, sizeof *bm->labedge);
	bm->labfrom = xcalloc(2 * n, sizeof *bm->labfrom);
	bm->inblossom = xcalloc(n, sizeof *bm->inblossom);
	bm->parent = xcalloc(2 * n, sizeof *bm->parent);
	bm->base = xcalloc(2 * n, sizeof *bm->base);
	bm->bestedge = xcalloc(2 * n, sizeof *bm->bestedge);
	bm->bl = xcalloc(2 * n, sizeof *bm->bl);
	bm->tree = xcalloc(2 * n, sizeof *bm->tree);
	bm->queue = xcalloc(n, sizeof *bm->queue);
	bm->queued = xcalloc(n, 1);
	bm->freeb = xcalloc(n, sizeof *bm->freeb);
	bm->leaves = xcalloc(n, sizeof *bm->leaves);
	bm->lstack = xcalloc(2 * n, sizeof *bm->lstack);
	bm->bestto = xcalloc(2 * n, sizeof *bm->bestto);
	bm->touched = xcalloc(2 * n, sizeof *bm->touched);
	bm->vpath = xcalloc(2 * n, sizeof *bm->vpath);
	bm->freed = xcalloc(n, sizeof *bm->freed);
	bm->stale = xcalloc(2 * n, sizeof *bm->stale);
	bm->isstale = xcalloc(2 * n, 1);
	for (v = 0; v < 2 * (int32_t)n; v++) {
		bm->labedge[v] = bm->labfrom[v] = BM_NONE;
		bm->parent[v] = bm->bestedge[v] = bm->bestto[v] = BM_NONE;
		bm->base[v] = v < (int32_t)n ? v : BM_NONE;
		bm->bl[v].nbest = -1;
	}
	for (v = 0; v < (int32_t)n; v++) {
		bm->mate[v] = BM_NONE;
		bm->inblossom[v] = v;
		bm->freeb[bm->nfree++] = 2 * (int32_t)n - 1 - v;
	}
	/* Every vertex starts unmatched: the root of its own tree. */
	for (v = 0; v < (int32_t)n; v++)
		bm_assign_label(bm, v, BM_S, BM_NONE, BM_NONE);
}

static void
bm_free(struct bm *bm)
{
	int32_t b;

	for (b = bm->n; b < 2 * bm->n; b++) {
		free(bm->bl[b].child);
		free(bm->bl[b].link);
		free(bm->bl[b].best);
	}
	free(bm->adjoff);
	free(bm->adj);
	free(bm->dual);
	free(bm->mate);
	free(bm->label);
	free(bm->labedge);
	free(bm->labfrom);
	free(bm->inblossom);
	free(bm->parent);
	free(bm->base);
	free(bm->bestedge);
	free(bm->bl);
	free(bm->tree);
	free(bm->queue);
	free(bm->queued);
	free(bm->freeb);
	free(bm->leaves);
	free(bm->lstack);
	free(bm->bestto);
	free(bm->touched);
	free(bm->vpath);
	free(bm->wpath);
	free(bm->freed);
	free(bm->stale);
	free(bm->isstale);
	free(bm->free2.h);
	free(bm->ss3.h);
	free(bm->t4.h);
}

int64_t
blossom_match(uint32_t n, const struct blossom_edge *edges, size_t nedges,
    uint32_t *mate)
{
	struct bm bm;
	int64_t total = 0;
	int32_t v, k;

	if (n == 0)
		return 0;
	bm_init(&bm, n, edges, nedges);
	do
		bm_scan(&bm);
	while (bm_dual_step(&bm));
	for (v = 0; v < (int32_t)n; v++) {
		k = bm.mate[v];
		mate[v] = k == BM_NONE ? BLOSSOM_NONE :
		    (uint32_t)bm_other(&bm, k, v);
		if (k != BM_NONE && v < bm_other(&bm, k, v))
			total += edges[k].w;
	}
	bm_free(&bm);
	return total;
}
