/*
 * assign.c -- run the configured assignment mode; helpers shared by the
 * modes (pair scores with a cached oracle, intros from seats, sorting).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "assign_internal.h"
#include "util.h"

/* A sort key for one intro or seat, so qsort needs no context. */
struct assign_key {
	int32_t round;
	int32_t table;
	uint32_t ra;		/* rank of a (intro) or of the attendee (seat) */
	uint32_t rb;
	double score;
	size_t i;
};

static const char *const shortfall_names[] = {
	[SHORTFALL_NONE] = "none",
	[SHORTFALL_NO_PARTNER] = "no-partner",
	[SHORTFALL_ALL_VETOED] = "all-vetoed",
	[SHORTFALL_CAPACITY] = "capacity",
	[SHORTFALL_LEFT_OUT] = "left-out",
};

static int	assign_key_cmp(const void *, const void *);
static int	assign_cov_cmp(const void *, const void *, void *);
static int	assign_ask(struct assign_ctx *, uint32_t, uint32_t,
		    struct pairmap_entry **, char **);

int
assign_run(const struct graph *g, const struct config_match *match,
    const struct pair_oracle *oracle, struct assignment *out, char **cause)
{
	int rc;

	memset(out, 0, sizeof *out);
	switch (match->mode) {
	case MATCH_SUGGESTIONS:
		rc = assign_suggestions(g, match, out, cause);
		break;
	case MATCH_PAIRS:
		rc = assign_pairs(g, match, oracle, out, cause);
		break;
	case MATCH_GROUPS:
	case MATCH_ROUNDS:
		rc = assign_tables(g, match, oracle, out, cause);
		break;
	default:
		*cause = xasprintf("unknown assignment mode %d",
		    (int)match->mode);
		rc = -1;
		break;
	}
	if (rc != 0)
		assignment_free(out);
	return rc;
}

void
assignment_free(struct assignment *a)
{
	free(a->intros);
	free(a->seats);
	free(a->short_of);
	memset(a, 0, sizeof *a);
}

const char *
shortfall_name(enum shortfall why)
{
	if ((size_t)why >= sizeof shortfall_names / sizeof shortfall_names[0])
		return "unknown";
	return shortfall_names[why];
}

void
assign_ctx_init(struct assign_ctx *c, const struct graph *g,
    const struct config_match *m, const struct pair_oracle *oracle)
{
	struct pairmap_entry *e;
	size_t i;

	memset(c, 0, sizeof *c);
	c->g = g;
	c->m = m;
	c->oracle = oracle != NULL && oracle->pair != NULL ? oracle : NULL;
	pairmap_init(&c->edges, g->nedges);
	for (i = 0; i < g->nedges; i++) {
		e = pairmap_get(&c->edges, g->edges[i].a, g->edges[i].b, NULL);
		e->score = g->edges[i].w;
	}
	pairmap_init(&c->asked, 0);
}

void
assign_ctx_free(struct assign_ctx *c)
{
	pairmap_free(&c->edges);
	pairmap_free(&c->asked);
}

double
assign_weight(const struct assign_ctx *c, uint32_t a, uint32_t b)
{
	const struct pairmap_entry *e;

	e = pairmap_find(&c->edges, a, b);
	return e != NULL ? e->score : 0;
}

/* The oracle's cached answer about non-edge {a, b}. */
static int
assign_ask(struct assign_ctx *c, uint32_t a, uint32_t b,
    struct pairmap_entry **out, char **cause)
{
	struct pairmap_entry *e;
	double score;
	int added, veto;

	e = pairmap_get(&c->asked, a, b, &added);
	if (added) {
		score = 0;
		veto = 0;
		c->ncalls++;
		if (c->oracle->pair(c->oracle->ctx, a, b, &score, &veto,
		    cause) != 0) {
			/* Forget the half-made entry: find it again. */
			e = pairmap_find(&c->asked, a, b);
			e->veto = -1;
			return -1;
		}
		e = pairmap_find(&c->asked, a, b);
		e->score = score;
		e->veto = veto != 0;
	} else if (e->veto < 0) {
		*cause = xstrdup("pair oracle failed before");
		return -1;
	}
	*out = e;
	return 0;
}

int
assign_vetoed(struct assign_ctx *c, uint32_t a, uint32_t b, int *veto,
    char **cause)
{
	const struct node_stats *st = c->g->stats;
	struct pairmap_entry *e;

	*veto = 0;
	if (c->oracle == NULL || a == b || st[a].vetoed == 0 ||
	    st[b].vetoed == 0 || pairmap_find(&c->edges, a, b) != NULL)
		return 0;
	if (assign_ask(c, a, b, &e, cause) != 0)
		return -1;
	*veto = e->veto;
	return 0;
}

int
assign_score(struct assign_ctx *c, uint32_t a, uint32_t b, double *score,
    char **cause)
{
	struct pairmap_entry *e;

	e = pairmap_find(&c->edges, a, b);
	if (e != NULL) {
		*score = e->score;
		return 0;
	}
	*score = 0;
	if (c->oracle == NULL)
		return 0;
	if (assign_ask(c, a, b, &e, cause) != 0)
		return -1;
	*score = e->score;
	return 0;
}

void
assign_add_intro(struct assignment *out, size_t *cap, const struct graph *g,
    uint32_t a, uint32_t b, double score, int32_t round, int32_t table)
{
	struct intro *in;

	if (out->nintros == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		out->intros = xreallocarray(out->intros, *cap,
		    sizeof *out->intros);
	}
	in = &out->intros[out->nintros++];
	if (g->rank[a] > g->rank[b]) {
		in->a = b;
		in->b = a;
	} else {
		in->a = a;
		in->b = b;
	}
	in->score = score;
	in->round = round;
	in->table = table;
}

int
assign_from_seats(struct assign_ctx *c, struct assignment *out, char **cause)
{
	const struct graph *g = c->g;
	struct seat *s;
	size_t i, j, k, end, cap = 0, ncap = 0;
	double score;

	assign_sort(g, out);
	for (i = 0; i < out->nseats; i = end) {
		s = &out->seats[i];
		for (end = i + 1; end < out->nseats &&
		    out->seats[end].round == s->round &&
		    out->seats[end].table == s->table; end++)
			;
		if (s->table == 0) {
			/* Left out this round. */
			for (j = i; j < end; j++) {
				if (out->nshort == ncap) {
					ncap = ncap ? 2 * ncap : 16;
					out->short_of = xreallocarray(
					    out->short_of, ncap,
					    sizeof *out->short_of);
				}
				out->short_of[out->nshort++] = (struct coverage){
					.attendee = out->seats[j].attendee,
					.got = 0,
					.wanted = 1,
					.why = SHORTFALL_LEFT_OUT,
				};
			}
			continue;
		}
		for (j = i; j < end; j++) {
			for (k = j + 1; k < end; k++) {
				if (assign_score(c, out->seats[j].attendee,
				    out->seats[k].attendee, &score,
				    cause) != 0)
					return -1;
				assign_add_intro(out, &cap, g,
				    out->seats[j].attendee,
				    out->seats[k].attendee, score,
				    out->has_rounds ? s->round : 0, s->table);
			}
		}
	}
	assign_sort(g, out);
	return 0;
}

static int
assign_key_cmp(const void *x, const void *y)
{
	const struct assign_key *a = x, *b = y;

	if (a->round != b->round)
		return a->round < b->round ? -1 : 1;
	if (a->table != b->table)
		return a->table < b->table ? -1 : 1;
	if (a->ra != b->ra)
		return a->ra < b->ra ? -1 : 1;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->rb != b->rb)
		return a->rb < b->rb ? -1 : 1;
	return 0;
}

void
assign_sort(const struct graph *g, struct assignment *out)
{
	struct assign_key *key;
	struct intro *iv;
	struct seat *sv;
	size_t i, n;

	n = out->nintros > out->nseats ? out->nintros : out->nseats;
	key = xcalloc(n ? n : 1, sizeof *key);

	for (i = 0; i < out->nintros; i++) {
		key[i] = (struct assign_key){
			.round = out->intros[i].round,
			.table = out->intros[i].table,
			.ra = g->rank[out->intros[i].a],
			.rb = g->rank[out->intros[i].b],
			.score = out->intros[i].score,
			.i = i,
		};
	}
	qsort(key, out->nintros, sizeof *key, assign_key_cmp);
	iv = xcalloc(out->nintros ? out->nintros : 1, sizeof *iv);
	for (i = 0; i < out->nintros; i++)
		iv[i] = out->intros[key[i].i];
	free(out->intros);
	out->intros = iv;

	for (i = 0; i < out->nseats; i++) {
		key[i] = (struct assign_key){
			.round = out->seats[i].round,
			.table = out->seats[i].table,
			.ra = g->rank[out->seats[i].attendee],
			.i = i,
		};
	}
	qsort(key, out->nseats, sizeof *key, assign_key_cmp);
	if (out->seats != NULL) {
		sv = xcalloc(out->nseats ? out->nseats : 1, sizeof *sv);
		for (i = 0; i < out->nseats; i++)
			sv[i] = out->seats[key[i].i];
		free(out->seats);
		out->seats = sv;
	}
	free(key);

	if (out->nshort > 1)
		qsort_r(out->short_of, out->nshort, sizeof *out->short_of,
		    assign_cov_cmp, (void *)g->rank);
}

/* Coverage entries by their attendee's rank (CTX: the rank array). */
static int
assign_cov_cmp(const void *x, const void *y, void *ctx)
{
	const uint32_t *rank = ctx;
	uint32_t a = rank[((const struct coverage *)x)->attendee];
	uint32_t b = rank[((const struct coverage *)y)->attendee];

	return (a > b) - (a < b);
}
