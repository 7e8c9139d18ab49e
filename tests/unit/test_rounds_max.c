/*
 * test_rounds_max.c -- `rounds = max` (rounds_max.c) through assign_run():
 * the rounds found hold no repeated pair, everyone is seated once a
 * round, and the counting bound comes with them.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "seating.h"
#include "tap.h"

/* N people, no candidate edges, everyone active, rank = id. */
static void
build(struct graph *g, uint32_t n)
{
	memset(g, 0, sizeof *g);
	g->n = n;
	graph_finish(g, calloc(1, sizeof(struct edge)), 0);
}

/* The most rounds in OUT's seats, and whether each round seats everyone
 * of G once, every pair at a table is an intro, and none repeats. */
static int
check(const struct graph *g, const struct assignment *out, int32_t *rounds)
{
	unsigned char *met;
	uint32_t *count, *at;
	size_t i, n = g->n, pairs = 0;
	int good = 1;

	*rounds = 0;
	for (i = 0; i < out->nseats; i++)
		if (out->seats[i].round > *rounds)
			*rounds = out->seats[i].round;
	if (out->nseats != n * (size_t)*rounds)
		good = 0;
	count = calloc(((size_t)*rounds + 1) * (n + 1), sizeof *count);
	for (i = 0; i < out->nseats; i++) {
		const struct seat *s = &out->seats[i];

		if (s->table < 1 || count[(size_t)s->round * n +
		    s->attendee]++ > 0)
			good = 0;
	}
	free(count);
	/* People per (round, table): the pairs seated together. */
	at = calloc(((size_t)*rounds + 1) * (n + 1), sizeof *at);
	for (i = 0; i < out->nseats; i++)
		pairs += at[(size_t)out->seats[i].round * n +
		    (size_t)out->seats[i].table]++;
	free(at);
	if (out->nintros != pairs)
		good = 0;
	/* None twice. */
	met = calloc(n * n + 1, 1);
	for (i = 0; i < out->nintros; i++) {
		const struct intro *in = &out->intros[i];

		if (met[(size_t)in->a * n + in->b]++ > 0)
			good = 0;
	}
	free(met);
	return good;
}

static void
test_golfers(uint32_t n, uint32_t gs, int32_t want, uint32_t bound,
    const char *what)
{
	struct config_match m = {
		.mode = MATCH_ROUNDS, .per_attendee = 3, .max_per_attendee = 3,
		.candidates = 50, .seed = 1, .group_size = gs, .rounds = 1,
		.rounds_max = 1,
	};
	struct assignment out;
	struct graph g;
	char *cause = NULL;
	int32_t rounds;
	int rc;

	build(&g, n);
	rc = assign_run(&g, &m, NULL, &out, &cause);
	is_int(rc, 0, what);
	if (rc != 0) {
		printf("# %s\n", cause);
		free(cause);
		graph_free(&g);
		return;
	}
	ok(check(&g, &out, &rounds),
	    "everyone once a round, no pair twice, every pair an intro");
	printf("# %u people in tables of %u: %d rounds (bound %u)\n", n, gs,
	    rounds, out.rounds_bound);
	ok(rounds >= want, "at least the rounds wanted");
	is_int(out.rounds_bound, bound, "the counting bound comes along");
	assignment_free(&out);
	graph_free(&g);
}

int
main(void)
{
	test_golfers(32, 4, 9, 10, "32 people in tables of 4");
	test_golfers(16, 4, 5, 5, "16 people in tables of 4: the affine plane");
	test_golfers(9, 3, 4, 4, "9 people in tables of 3: the affine plane");
	test_golfers(8, 2, 7, 7, "8 people in pairs: a round robin");
	is_int(seating_rounds_bound(40, 4), 13, "40 in tables of 4: bound 13");
	is_int(seating_rounds_bound(10, 5), 1, "10 in tables of 5: one round, "
	    "as a table of 5 then needs 5 tables");
	is_int(seating_rounds_bound(1, 4), 1, "one person: one round");
	return tap_done();
}
