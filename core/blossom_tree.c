/*
 * blossom_tree.c -- the alternating trees and blossoms of blossom.c:
 * labelling S and T, finding where two S-vertices' paths meet, shrinking
 * an odd cycle into a blossom (with its least-slack edges to other
 * S-blossoms), expanding one back into its children, and flipping an
 * augmenting path through nested blossoms.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blossom.h"
#include "blossom_internal.h"
#include "util.h"

static void	bm_best_consider(struct bm *, int32_t, int32_t, int32_t *);
static void	bm_relabel_path(struct bm *, int32_t, int32_t, int32_t,
		    int32_t);
static void	bm_augment_blossom(struct bm *, int32_t, int32_t);

/* The vertices of blossom B into bm->leaves; returns how many. */
int32_t
blossom_tree_leaves(struct bm *bm, int32_t b)
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
void
blossom_tree_label(struct bm *bm, int32_t w, int t, int32_t k, int32_t from)
{
	int32_t b = bm->inblossom[w], base, mk, nl, i;

	bm->label[w] = bm->label[b] = (uint8_t)t;
	bm->labedge[w] = bm->labedge[b] = k;
	bm->labfrom[w] = bm->labfrom[b] = from;
	bm->bestedge[w] = bm->bestedge[b] = BM_NONE;
	bm->tree[b] = from == BM_NONE ? w : bm->tree[bm->inblossom[from]];
	bm_touch(bm, b);
	blossom_forest_add(bm, bm->tree[b], b);
	if (t == BM_S) {
		nl = blossom_tree_leaves(bm, b);
		for (i = 0; i < nl; i++)
			blossom_push(bm, bm->leaves[i]);
		return;
	}
	blossom_note_t(bm, b);
	base = bm->base[b];
	mk = bm->mate[base];
	blossom_tree_label(bm, bm_other(bm, mk, base), BM_S, mk, base);
}

/*
 * S-vertices V and W are joined by a tight edge.  Walk both trees towards
 * their roots; a blossom met twice is the base of a new blossom (returned),
 * else the trees differ and there is an augmenting path (BM_NONE).
 */
int32_t
blossom_tree_find_base(struct bm *bm, int32_t v, int32_t w)
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
void
blossom_tree_shrink(struct bm *bm, int32_t base, int32_t v, int32_t w,
    int32_t k)
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
	bm->bacc[b] = 0;
	bm->bsign[b] = 0;
	bm_touch(bm, b);
	blossom_forest_add(bm, bm->tree[b], b);
	nl = blossom_tree_leaves(bm, b);
	for (i = 0; i < nl; i++) {
		x = bm->leaves[i];
		bm_fold_vertex(bm, x);
		if (bm->label[bm->inblossom[x]] == BM_T)
			blossom_push(bm, x);
		bm->inblossom[x] = b;
	}

	/* Least-slack edge from the new blossom to each S neighbour. */
	for (i = 0; i < len; i++) {
		c = nb->child[i];
		blossom_dual_fold_blossom(bm, c);
		if (c >= bm->n && bm->bl[c].nbest >= 0) {
			for (j = 0; j < bm->bl[c].nbest; j++)
				bm_best_consider(bm, b, bm->bl[c].best[j],
				    &ntouched);
			bm->bl[c].nbest = -1;
		} else {
			/* Never an S-blossom this stage: every edge. */
			nl = blossom_tree_leaves(bm, c);
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
	blossom_note_s(bm, b);
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
		blossom_tree_label(bm, x, BM_T, k, from);
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
	bm_touch(bm, c);
	blossom_forest_add(bm, bm->tree[c], c);
	blossom_note_t(bm, c);
}

/*
 * Dissolve blossom B into its children.  At the end of a stage, children
 * with zero dual are dissolved too.  Mid-stage B is a T-blossom whose dual
 * reached zero, and its children take over its place in the tree.
 */
void
blossom_tree_expand(struct bm *bm, int32_t b, int endstage)
{
	struct bm_blossom *bb = &bm->bl[b];
	int32_t i, j, c, nl, v, entry, step, found;

	/* What B was moved by goes to its vertices; its children start
	 * unmoved. */
	if (bm_acc(bm, b) != 0) {
		nl = blossom_tree_leaves(bm, b);
		for (j = 0; j < nl; j++)
			bm_fold_vertex(bm, bm->leaves[j]);
	}
	blossom_dual_fold_blossom(bm, b);
	bm_touch(bm, b);
	for (i = 0; i < bb->len; i++) {
		c = bb->child[i];
		bm->parent[c] = BM_NONE;
		bm_touch(bm, c);
		if (c < bm->n)
			bm->inblossom[c] = c;
		else if (endstage && bm_dual(bm, c) == 0)
			blossom_tree_expand(bm, c, endstage);
		else {
			nl = blossom_tree_leaves(bm, c);
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
			nl = blossom_tree_leaves(bm, c);
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
					blossom_mark_stale(bm, v);
				}
			}
			if (found == BM_NONE)
				continue;
			v = found;
			bm->label[v] = BM_FREE;
			bm->label[bm_other(bm, bm->mate[bm->base[c]],
			    bm->base[c])] = BM_FREE;
			blossom_tree_label(bm, v, BM_T, bm->labedge[v],
			    bm->labfrom[v]);
		}

		/* Children left free now count for the dual step. */
		for (j = 0; j < bb->len; j++) {
			c = bb->child[j];
			if (bm->label[c] != BM_FREE)
				continue;
			nl = blossom_tree_leaves(bm, c);
			for (i = 0; i < nl; i++)
				blossom_note_free(bm, bm->leaves[i]);
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
void
blossom_tree_augment(struct bm *bm, int32_t v, int32_t w, int32_t k)
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
