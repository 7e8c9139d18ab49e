/*
 * assignment.c -- building, sorting and freeing what a mode hands back
 * (see assignment.h).
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assignment.h"
#include "util.h"

/* A sort key for one intro or seat, so qsort needs no context. */
struct assignment_key {
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
	[SHORTFALL_NO_COMMON_SLOT] = "no-common-slot",
	[SHORTFALL_SLOTS_FULL] = "slots-full",
	[SHORTFALL_TABLES_FULL] = "tables-full",
	[SHORTFALL_VETOED_PAIR] = "vetoed-pair",
	[SHORTFALL_OPTED_OUT] = "opted-out",
};

static int	assignment_key_cmp(const void *, const void *);
static int	assignment_cov_cmp(const void *, const void *, void *);

void
assignment_free(struct assignment *a)
{
	free(a->intros);
	free(a->seats);
	free(a->short_of);
	free(a->unplaced);
	free(a->vetoed);
	free(a->thirds);
	memset(a, 0, sizeof *a);
}

const char *
assignment_shortfall_name(enum shortfall why)
{
	if ((size_t)why >= sizeof shortfall_names / sizeof shortfall_names[0])
		return "unknown";
	return shortfall_names[why];
}

void
assignment_add_intro(struct assignment *out, size_t *cap,
    const struct graph *g, uint32_t a, uint32_t b, double score,
    int32_t round, int32_t table)
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

void
assignment_add_short(struct assignment *out, size_t *cap, uint32_t attendee,
    uint32_t got, uint32_t wanted, enum shortfall why)
{
	if (out->nshort == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		out->short_of = xreallocarray(out->short_of, *cap,
		    sizeof *out->short_of);
	}
	out->short_of[out->nshort++] = (struct coverage){
		.attendee = attendee,
		.got = got,
		.wanted = wanted,
		.why = why,
	};
}

static int
assignment_key_cmp(const void *x, const void *y)
{
	const struct assignment_key *a = x, *b = y;

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
assignment_sort(struct assignment *out, const struct graph *g)
{
	struct assignment_key *key;
	struct intro *iv;
	struct seat *sv;
	size_t i, n;

	n = out->nintros > out->nseats ? out->nintros : out->nseats;
	key = xcalloc(n ? n : 1, sizeof *key);

	for (i = 0; i < out->nintros; i++) {
		key[i] = (struct assignment_key){
			.round = out->intros[i].round,
			.table = out->intros[i].table,
			.ra = g->rank[out->intros[i].a],
			.rb = g->rank[out->intros[i].b],
			.score = out->intros[i].score,
			.i = i,
		};
	}
	qsort(key, out->nintros, sizeof *key, assignment_key_cmp);
	iv = xcalloc(out->nintros ? out->nintros : 1, sizeof *iv);
	for (i = 0; i < out->nintros; i++)
		iv[i] = out->intros[key[i].i];
	free(out->intros);
	out->intros = iv;

	for (i = 0; i < out->nseats; i++) {
		key[i] = (struct assignment_key){
			.round = out->seats[i].round,
			.table = out->seats[i].table,
			.ra = g->rank[out->seats[i].attendee],
			.i = i,
		};
	}
	qsort(key, out->nseats, sizeof *key, assignment_key_cmp);
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
		    assignment_cov_cmp, (void *)g->rank);
}

/* Coverage entries by their attendee's rank (CTX: the rank array). */
static int
assignment_cov_cmp(const void *x, const void *y, void *ctx)
{
	const uint32_t *rank = ctx;
	uint32_t a = rank[((const struct coverage *)x)->attendee];
	uint32_t b = rank[((const struct coverage *)y)->attendee];

	return (a > b) - (a < b);
}
