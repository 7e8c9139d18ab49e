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
 *  - an augmentation dissolves only the two trees it used (bm_dissolve),
 *    found from their roots' lists (blossom_forest.c); the classic form
 *    starts every tree again after each augmentation, rescanning all m
 *    edges n/2 times;
 *  - the least slacks for the dual step come from lazy heaps keyed so
 *    that dual steps never reorder them, not from scans of all vertices;
 *  - a dual step only adds to one shift (blossom_dual.c), not to every
 *    labelled dual;
 *  - a free vertex whose least-slack edge led into a dissolved tree
 *    looks at its edges again only if it comes to the top of the heap
 *    (bm_refresh);
 *  - tightness is read from the exact slack, never cached.
 * Cost: worst case O(n^2 + n m log m) (n augmentations, each with up to
 * O(n) dual steps and O(m) edge work); on the sparse candidate graphs
 * mingle builds the dual steps number about 2n and an augmentation
 * touches few vertices: 10,000 people with 25 candidates each (183,664
 * edges) take about 0.2 s, as LEMON's MaxWeightedMatching does
 * (docs/performance.md).
 *
 * This file is the search; labels and blossoms are in blossom_tree.c.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blossom.h"
#include "blossom_internal.h"
#include "util.h"

static int	bm_hent_less(const struct bm_hent *, const struct bm_hent *);
static void	bm_heap_push(struct bm_heap *, int64_t, int32_t, int32_t);
static void	bm_heap_pop(struct bm_heap *);
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

/* Queue vertex V for scanning, once. */
void
blossom_push(struct bm *bm, int32_t v)
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
void
blossom_note_free(struct bm *bm, int32_t v)
{
	int32_t k = bm->bestedge[v];

	if (k != BM_NONE && bm->label[bm->inblossom[v]] == BM_FREE)
		bm_heap_push(&bm->free2, bm_slack(bm, k) + bm->shift, v, k);
}

/* S-blossom B has a (new) least-slack edge to another S-blossom. */
void
blossom_note_s(struct bm *bm, int32_t b)
{
	int32_t k = bm->bestedge[b];

	if (k != BM_NONE)
		bm_heap_push(&bm->ss3, bm_slack(bm, k) + 2 * bm->shift, b, k);
}

/* B became a T-blossom. */
void
blossom_note_t(struct bm *bm, int32_t b)
{
	if (b >= bm->n)
		bm_heap_push(&bm->t4, bm_dual(bm, b) + bm->shift, b, 0);
}

/* Vertex or blossom X's least-slack edge may lead into a dissolved tree. */
void
blossom_mark_stale(struct bm *bm, int32_t x)
{
	if (!bm->isstale[x]) {
		bm->isstale[x] = 1;
		bm->stale[bm->nstale++] = x;
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
	int64_t ks, bestks = 0, ux;

	bm->deferred[x] = 0;
	if (bm->label[top] == BM_S)
		return;		/* queued; its own scan does this */
	ux = bm_dual(bm, x);	/* duals move only in dual steps */
	for (i = bm->adjoff[x]; i < bm->adjoff[x + 1]; i++) {
		k = bm->adj[i];
		bs = bm->inblossom[bm->adjto[i]];
		if (bs == top || bm->label[bs] != BM_S)
			continue;
		ks = ux + bm_dual(bm, bm->adjto[i]) - bm->adjw[i];
		if (ks <= 0) {
			if (bm->label[top] == BM_FREE) {
				blossom_tree_label(bm, x, BM_T, k,
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
	blossom_note_free(bm, x);
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
	int32_t n = bm->n, v, b, nfreed = 0, ntop, nl, i, j, k, y;

	ntop = blossom_forest_take(bm, ra, rb);
	for (i = 0; i < ntop; i++) {
		nl = blossom_tree_leaves(bm, bm->ftop[i]);
		for (j = 0; j < nl; j++)
			bm->freed[nfreed++] = bm->leaves[j];
	}
	for (i = 0; i < nfreed; i++) {
		b = bm->inblossom[bm->freed[i]];
		if (b >= n && bm->label[b] == BM_S && bm_dual(bm, b) == 0)
			blossom_tree_expand(bm, b, 1);
	}
	/* Forget labels on every level, from each vertex to its top. */
	for (i = 0; i < nfreed; i++) {
		for (b = bm->freed[i]; b != BM_NONE; b = bm->parent[b]) {
			if (bm->parent[b] == BM_NONE)
				bm_touch(bm, b);
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
				blossom_mark_stale(bm, y);
			b = bm->inblossom[y];
			if (b != y && bm->bestedge[b] == k)
				blossom_mark_stale(bm, b);
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
	int64_t ks, uv;

	while (bm->nqueue > 0) {
		v = bm->queue[--bm->nqueue];
		bm->queued[v] = 0;
		if (bm->label[bm->inblossom[v]] != BM_S)
			continue;	/* its tree was dissolved */
		uv = bm_dual(bm, v);	/* duals move only in dual steps */
		for (i = bm->adjoff[v]; i < bm->adjoff[v + 1]; i++) {
			k = bm->adj[i];
			w = bm->adjto[i];
			b = bm->inblossom[w];
			if (bm->inblossom[v] == b)
				continue;
			ks = uv + bm_dual(bm, w) - bm->adjw[i];
			if (ks <= 0) {
				if (bm->label[b] == BM_FREE)
					blossom_tree_label(bm, w, BM_T, k, v);
				else if (bm->label[b] == BM_S) {
					base = blossom_tree_find_base(bm, v, w);
					if (base != BM_NONE) {
						blossom_tree_shrink(bm, base,
						    v, w, k);
						continue;
					}
					ra = bm->tree[bm->inblossom[v]];
					rb = bm->tree[b];
					blossom_tree_augment(bm, v, w, k);
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
					blossom_note_s(bm, b);
				}
			} else if (bm->label[w] == BM_FREE) {
				if (bm->bestedge[w] == BM_NONE ||
				    ks < bm_slack(bm, bm->bestedge[w])) {
					bm->bestedge[w] = k;
					blossom_note_free(bm, w);
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
		nl = blossom_tree_leaves(bm, b);
		for (i = 0; i < nl; i++) {
			x = bm->leaves[i];
			for (j = bm->adjoff[x]; j < bm->adjoff[x + 1]; j++)
				bm_rebest_consider(bm, bm->adj[j], &best);
		}
	}
	bm->bestedge[b] = best;
	blossom_note_s(bm, b);
}

/*
 * Find again least-slack edges that led into dissolved trees.  Returns 1
 * if that labelled anything (so scan again before moving duals).
 *
 * A free vertex on its own waits (bm->deferred): its entry in free2
 * keeps the key of the edge it had, and no S-vertex it can reach now is
 * nearer, since such edges had more slack then, or were scanned since
 * and keyed; so when an entry of it comes to the top of free2, before
 * the step that could need it, bm_top_free looks at its edges again.
 * Many never come to the top before they are labelled or the stage ends.
 */
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
		} else if (bm->inblossom[x] == x && bm->label[x] == BM_FREE &&
		    bm->bestedge[x] != BM_NONE)
			bm->deferred[x] = 1;
		else if (bm->label[bm->inblossom[x]] != BM_S)
			bm_rescan_free(bm, x);
		else if (bm->inblossom[x] == x)
			bm_rebest(bm, x);
	}
	return bm->nqueue > 0;
}

/* The free vertex with the least slack to an S-vertex, or BM_NONE (or
 * whatever, if looking again at a deferred vertex labelled some). */
static int32_t
bm_top_free(struct bm *bm)
{
	struct bm_hent *e;
	int64_t key;
	int32_t v;

	while (bm->free2.n > 0) {
		e = &bm->free2.h[0];
		v = e->id;
		if (bm->label[bm->inblossom[v]] != BM_FREE) {
			bm_heap_pop(&bm->free2);
			continue;
		}
		if (bm->deferred[v]) {
			bm_heap_pop(&bm->free2);
			bm_rescan_free(bm, v);
			continue;
		}
		if (bm->bestedge[v] != e->k) {
			bm_heap_pop(&bm->free2);
			continue;
		}
		key = bm_slack(bm, e->k) + bm->shift;
		if (key != e->key) {
			/* Pushed while inside a T-blossom: key it again. */
			bm_heap_pop(&bm->free2);
			blossom_note_free(bm, e->id);
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
		    bm->label[b] != BM_T || bm_dual(bm, b) + bm->shift != e->key) {
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

	if (bm_refresh(bm))
		return 1;

	/* 1: unmatched vertices' duals (the least of all) reach zero. */
	while (bm->exposed < n && bm->mate[bm->exposed] != BM_NONE)
		bm->exposed++;
	if (bm->exposed == n)
		return 0;
	type = 1;
	delta = bm_dual(bm, bm->exposed);

	/* 2: an edge from an S-vertex to a free vertex becomes tight. */
	v = bm_top_free(bm);
	if (bm->nqueue > 0)
		return 1;
	if (v != BM_NONE && (s = bm_slack(bm, bm->bestedge[v])) < delta) {
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
	if ((b = bm_top_t(bm)) != BM_NONE && bm_dual(bm, b) < delta) {
		delta = bm_dual(bm, b);
		type = 4;
		which = b;
	}

	/* Every labelled dual moves by delta (blossom_dual.c). */
	blossom_dual_sync(bm);
	bm->shift += delta;

	switch (type) {
	case 1:
		return 0;
	case 2:
		/* Rescan the S end: the edge is tight now. */
		k = bm->bestedge[which];
		v = (int32_t)bm->e[k].a;
		if (bm->label[bm->inblossom[v]] != BM_S)
			v = (int32_t)bm->e[k].b;
		blossom_push(bm, v);
		break;
	case 3:
		blossom_push(bm, (int32_t)bm->e[bm->bestedge[which]].a);
		break;
	case 4:
		blossom_tree_expand(bm, which, 0);
		break;
	}
	return 1;
}

static void
bm_init(struct bm *bm, uint32_t n, const struct blossom_edge *e, size_t m)
{
	size_t i;
	int32_t v, j;
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
	bm->adjto = xcalloc(bm->adjoff[n] + 1, sizeof *bm->adjto);
	bm->adjw = xcalloc(bm->adjoff[n] + 1, sizeof *bm->adjw);
	bm->wpath = xcalloc(n + 1, sizeof *bm->wpath);	/* fill cursor */
	for (i = 0; i < m; i++) {
		if (e[i].w <= 0 || e[i].a == e[i].b)
			continue;
		j = bm->adjoff[e[i].a] + bm->wpath[e[i].a]++;
		bm->adj[j] = (int32_t)i;
		bm->adjto[j] = (int32_t)e[i].b;
		bm->adjw[j] = 2 * e[i].w;
		j = bm->adjoff[e[i].b] + bm->wpath[e[i].b]++;
		bm->adj[j] = (int32_t)i;
		bm->adjto[j] = (int32_t)e[i].a;
		bm->adjw[j] = 2 * e[i].w;
	}

	bm->dual = xcalloc(2 * n, sizeof *bm->dual);
	bm->bsign = xcalloc(2 * n, sizeof *bm->bsign);
	bm->bacc = xcalloc(2 * n, sizeof *bm->bacc);
	bm->dirty = xcalloc(2 * n, sizeof *bm->dirty);
	bm->isdirty = xcalloc(2 * n, 1);
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
	bm->deferred = xcalloc(n, 1);
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
	blossom_forest_init(bm);
	/* Every vertex starts unmatched: the root of its own tree. */
	for (v = 0; v < (int32_t)n; v++)
		blossom_tree_label(bm, v, BM_S, BM_NONE, BM_NONE);
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
	free(bm->adjto);
	free(bm->adjw);
	free(bm->dual);
	free(bm->bsign);
	free(bm->bacc);
	free(bm->dirty);
	free(bm->isdirty);
	blossom_forest_free(bm);
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
	free(bm->deferred);
	free(bm->free2.h);
	free(bm->ss3.h);
	free(bm->t4.h);
}

int64_t
blossom_match(uint32_t n, const struct blossom_edge *edges, size_t nedges,
    uint32_t *mate)
{
	return blossom_match_progress(n, edges, nedges, mate, NULL);
}

int64_t
blossom_match_progress(uint32_t n, const struct blossom_edge *edges,
    size_t nedges, uint32_t *mate, struct progress *pr)
{
	struct bm bm;
	int64_t total = 0, most;
	int32_t v, k;

	if (n == 0)
		return 0;
	bm_init(&bm, n, edges, nedges);
	/* The unmatched vertices' duals start at the heaviest weight and
	 * fall by every step's delta (the shift) until they reach zero at
	 * the latest: so the shift, in thousandths of that, is how far. */
	most = bm.dual[0];
	do {
		bm_scan(&bm);
		if (pr != NULL && most > 0)
			progress_update(pr, (size_t)((double)bm.shift /
			    (double)most * BLOSSOM_PROGRESS));
	} while (bm_dual_step(&bm));
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
