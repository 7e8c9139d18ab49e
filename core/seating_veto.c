/*
 * seating_veto.c -- what vetoes make impossible, before a seating search
 * (see seating_veto.h).
 *
 * Two causes are looked for.  Someone vetoed with so many that fewer are
 * left than the smallest table needs (the node stats count every pair).
 * And a clique of the veto graph -- people all vetoed with each other,
 * such as the colleagues of one firm -- larger than the number of
 * tables: two of them must share one.  Finding the largest clique is
 * hard; a greedy one from the people with the most vetoes finds the
 * usual culprits (a firm, a ticket type nobody of which may meet), which
 * is all a message needs, and any clique found is a real one.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_ctx.h"
#include "seating_state.h"
#include "seating_veto.h"
#include "util.h"

/* Greedy cliques tried, from this many people with the most vetoes. */
#define VETO_STARTS	256

/* A message asks at most this many pairs for their reasons, names at
 * most VETO_REASONS distinct ones and VETO_NAMES people. */
#define VETO_ASK	64
#define VETO_REASONS	3
#define VETO_NAMES	8
#define VETO_REASON_LEN	256

/* The veto graph among the seated, by local number (CSR). */
struct veto_graph {
	uint32_t n;
	uint32_t *off;
	uint32_t *adj;
};

/* Distinct reasons, as a message names them. */
struct veto_why {
	char seen[VETO_REASONS][VETO_REASON_LEN];
	uint32_t nseen;
	uint32_t asked;
	int more;
};

static void	veto_graph_build(const struct seating *, struct veto_graph *);
static int	veto_degree_cmp(const void *, const void *, void *);
static uint32_t	veto_clique(const struct veto_graph *, uint32_t,
		    uint32_t *);
static void	veto_why_add(const struct seating *, struct veto_why *,
		    uint32_t, uint32_t);
static void	veto_reasons(const struct seating *, const uint32_t *,
		    uint32_t, struct strbuf *);
static void	veto_names(const struct seating *, const uint32_t *,
		    uint32_t, struct strbuf *);
static int64_t	veto_spread(uint32_t, uint32_t);
static int	veto_clique_cause(const struct seating *,
		    const struct veto_graph *, uint32_t *, int64_t *, char **);
static int	veto_lone_cause(const struct seating *,
		    const struct veto_graph *, int64_t *, char **);

/* The vetoed pairs of G between two seated people, both ways. */
static void
veto_graph_build(const struct seating *s, struct veto_graph *vg)
{
	const struct graph *g = s->c->g;
	uint32_t n = s->n, p, q, *fill;
	size_t i;

	vg->n = n;
	vg->off = xcalloc((size_t)n + 1, sizeof *vg->off);
	for (i = 0; i < g->nvetoes; i++) {
		p = s->local[g->vetoes[i].a];
		q = s->local[g->vetoes[i].b];
		if (p == UINT32_MAX || q == UINT32_MAX)
			continue;
		vg->off[p + 1]++;
		vg->off[q + 1]++;
	}
	for (p = 0; p < n; p++)
		vg->off[p + 1] += vg->off[p];
	vg->adj = xcalloc((size_t)vg->off[n] + 1, sizeof *vg->adj);
	fill = xcalloc((size_t)n + 1, sizeof *fill);
	for (i = 0; i < g->nvetoes; i++) {
		p = s->local[g->vetoes[i].a];
		q = s->local[g->vetoes[i].b];
		if (p == UINT32_MAX || q == UINT32_MAX)
			continue;
		vg->adj[vg->off[p] + fill[p]++] = q;
		vg->adj[vg->off[q] + fill[q]++] = p;
	}
	free(fill);
}

/* People by vetoes, most first, then by local number (CTX: the graph). */
static int
veto_degree_cmp(const void *x, const void *y, void *ctx)
{
	const struct veto_graph *vg = ctx;
	uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
	uint32_t dp = vg->off[p + 1] - vg->off[p];
	uint32_t dq = vg->off[q + 1] - vg->off[q];

	if (dp != dq)
		return dp > dq ? -1 : 1;
	return (p > q) - (p < q);
}

/*
 * The largest clique the greedy finds: from each of the VETO_STARTS
 * people with the most vetoes, add their veto partners, most vetoed
 * first, while each is vetoed with everyone taken so far; it stops at
 * the first one larger than ENOUGH, so a clique of thousands (a ticket
 * type nobody of which may meet) costs one pass over their vetoes.  Its
 * members go to CLIQUE (room for vg->n); returns how many.
 */
static uint32_t
veto_clique(const struct veto_graph *vg, uint32_t enough, uint32_t *clique)
{
	uint32_t n = vg->n, *order, *cnt, *cur, *cand, best = 0;
	uint32_t si, v, u, i, j, ncur, ncand;

	order = xcalloc((size_t)n + 1, sizeof *order);
	cnt = xcalloc((size_t)n + 1, sizeof *cnt);
	cur = xcalloc((size_t)n + 1, sizeof *cur);
	cand = xcalloc((size_t)n + 1, sizeof *cand);
	for (i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof *order, veto_degree_cmp, (void *)vg);
	for (si = 0; si < n && si < VETO_STARTS && best <= enough; si++) {
		v = order[si];
		ncand = vg->off[v + 1] - vg->off[v];
		if (ncand + 1 <= best)
			break;	/* no later start can beat it */
		memcpy(cand, vg->adj + vg->off[v], ncand * sizeof *cand);
		qsort_r(cand, ncand, sizeof *cand, veto_degree_cmp,
		    (void *)vg);
		ncur = 0;
		for (i = 0; i <= ncand; i++) {
			u = i == 0 ? v : cand[i - 1];
			if (cnt[u] != ncur)
				continue;
			cur[ncur++] = u;
			for (j = vg->off[u]; j < vg->off[u + 1]; j++)
				cnt[vg->adj[j]]++;
		}
		for (i = 0; i < ncur; i++)
			for (j = vg->off[cur[i]]; j < vg->off[cur[i] + 1]; j++)
				cnt[vg->adj[j]] = 0;
		if (ncur > best) {
			best = ncur;
			memcpy(clique, cur, ncur * sizeof *clique);
		}
	}
	free(order);
	free(cnt);
	free(cur);
	free(cand);
	return best;
}

/* Ask for the reason of the vetoed pair P, Q (local numbers). */
static void
veto_why_add(const struct seating *s, struct veto_why *w, uint32_t p,
    uint32_t q)
{
	char buf[VETO_REASON_LEN];
	uint32_t k;

	if (w->asked++ >= VETO_ASK)
		return;
	assign_ctx_veto_reason(s->c, s->node[p], s->node[q], buf, sizeof buf);
	if (buf[0] == '\0')
		return;
	for (k = 0; k < w->nseen; k++)
		if (strcmp(w->seen[k], buf) == 0)
			return;
	if (w->nseen == VETO_REASONS)
		w->more = 1;
	else
		memcpy(w->seen[w->nseen++], buf, sizeof buf);
}

/* The distinct reasons of the vetoes between WHO[0] and the other N - 1
 * in WHO, and along the chain WHO[1], WHO[2] ..., as " (why; why)". */
static void
veto_reasons(const struct seating *s, const uint32_t *who, uint32_t n,
    struct strbuf *sb)
{
	struct veto_why w;
	uint32_t i;

	memset(&w, 0, sizeof w);
	for (i = 1; i < n; i++)
		veto_why_add(s, &w, who[0], who[i]);
	for (i = 1; i + 1 < n; i++)
		veto_why_add(s, &w, who[i], who[i + 1]);
	if (w.nseen == 0)
		return;
	strbuf_puts(sb, " (");
	for (i = 0; i < w.nseen; i++)
		strbuf_printf(sb, "%s%s", i ? "; " : "", w.seen[i]);
	strbuf_puts(sb, w.more ? "; ...)" : ")");
}

/* ": a, b, c (and N more)" for the N people in WHO. */
static void
veto_names(const struct seating *s, const uint32_t *who, uint32_t n,
    struct strbuf *sb)
{
	char buf[32];
	uint32_t i;

	for (i = 0; i < n && i < VETO_NAMES; i++)
		strbuf_printf(sb, "%s%s", i ? ", " : ": ",
		    assign_ctx_label(s->c, s->node[who[i]], buf, sizeof buf));
	if (n > VETO_NAMES)
		strbuf_printf(sb, " (and %u more)", n - VETO_NAMES);
}

/* Pairs of C people that T tables must seat together at least. */
static int64_t
veto_spread(uint32_t c, uint32_t t)
{
	int64_t q = c / t, r = c % t;

	return r * (q + 1) * q / 2 + (t - r) * q * (q - 1) / 2;
}

/* A clique larger than the tables, if the greedy finds one. */
static int
veto_clique_cause(const struct seating *s, const struct veto_graph *vg,
    uint32_t *tables, int64_t *least, char **cause)
{
	struct strbuf sb = { 0 };
	uint32_t *clique, c;

	clique = xcalloc((size_t)s->n + 1, sizeof *clique);
	c = veto_clique(vg, s->tables, clique);
	if (c <= s->tables) {
		free(clique);
		return 0;
	}
	*least = veto_spread(c, s->tables) * s->rounds;
	strbuf_printf(&sb, "no %s exists: %u attendees may not share a "
	    "table", s->rounds > 1 ? "schedule" : "seating", c);
	veto_reasons(s, clique, c, &sb);
	strbuf_printf(&sb, " but there %s only %u table%s%s", s->tables == 1 ?
	    "is" : "are", s->tables, s->tables == 1 ? "" : "s",
	    s->rounds > 1 ? " a round" : "");
	veto_names(s, clique, c, &sb);
	strbuf_puts(&sb, "; set [match] best_effort = yes to seat everyone "
	    "with the fewest vetoed pairs at a table");
	*tables = c;
	*cause = strbuf_detach(&sb);
	free(clique);
	return -1;
}

/* Someone vetoed with so many that no table fits them. */
static int
veto_lone_cause(const struct seating *s, const struct veto_graph *vg,
    int64_t *least, char **cause)
{
	const struct node_stats *st = s->c->g->stats;
	struct strbuf sb = { 0 };
	uint32_t p, who = UINT32_MAX, vet, most = 0, minsize = s->size[0];
	uint32_t pair[2], t;
	char buf[32];

	for (t = 0; t < s->tables; t++)
		if (s->size[t] < minsize)
			minsize = s->size[t];
	for (p = 0; p < s->n; p++) {
		vet = st[s->node[p]].vetoed;
		if (vet > s->n - 1)
			vet = s->n - 1;
		if (s->n - 1 - vet < minsize - 1 && vet > most) {
			who = p;
			most = vet;
		}
	}
	if (who == UINT32_MAX)
		return 0;
	*least = (int64_t)(minsize - 1 - (s->n - 1 - most)) * s->rounds;
	strbuf_printf(&sb, "no %s exists: %s fits at no table: ",
	    s->rounds > 1 ? "schedule" : "seating",
	    assign_ctx_label(s->c, s->node[who], buf, sizeof buf));
	if (most == s->n - 1)
		strbuf_puts(&sb, "vetoed with everyone else");
	else
		strbuf_printf(&sb, "vetoed with %u of the %u others, but "
		    "every table seats %u", most, s->n - 1, minsize);
	if (vg->off[who + 1] > vg->off[who]) {
		pair[0] = who;
		pair[1] = vg->adj[vg->off[who]];
		veto_reasons(s, pair, 2, &sb);
	}
	strbuf_puts(&sb, "; check the strategy's options, or set [match] "
	    "best_effort = yes to seat them anyway");
	*cause = strbuf_detach(&sb);
	return -1;
}

int
seating_veto_check(const struct seating *s, uint32_t *tables,
    int64_t *least, char **cause)
{
	struct veto_graph vg;
	int rc;

	*tables = 0;
	*least = 0;
	if (s->c->oracle == NULL || s->n < 2)
		return 0;
	veto_graph_build(s, &vg);
	rc = veto_clique_cause(s, &vg, tables, least, cause);
	if (rc == 0)
		rc = veto_lone_cause(s, &vg, least, cause);
	free(vg.off);
	free(vg.adj);
	return rc;
}

int64_t
seating_veto_count(struct seating *s)
{
	uint32_t n = s->n, r, t, i, j;
	const uint32_t *row;
	int64_t count = 0;

	for (r = 0; r < s->rounds; r++) {
		row = s->slot + (size_t)r * n;
		for (t = 0; t < s->tables; t++)
			for (i = s->start[t]; i < s->start[t] + s->size[t];
			    i++)
				for (j = s->start[t]; j < i; j++)
					count += seating_state_veto(s, row[i],
					    row[j]);
	}
	return count;
}
