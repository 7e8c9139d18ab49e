/*
 * test_meetings.c -- `mode = meetings` (assign_meetings.c, edge_colour.c)
 * and the availability cells (availability.c).
 *
 * The property test runs random events (candidate graphs, availability,
 * slots, tables) and checks every result: nobody in two meetings of one
 * slot, every meeting in a slot both can attend, no slot over its tables
 * and tables numbered 1.. within a slot, the meetings are exactly what
 * suggestions mode chooses (placed or reported), each reason is true of
 * the schedule, everyone with an unplaced meeting is in the report, and
 * at least as many are placed as a plain first-fit greedy places.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "availability.h"
#include "graph.h"
#include "rng.h"
#include "tap.h"
#include "util.h"

#define BIT(set, s)	(((set)[((s) - 1) / 64] >> (((s) - 1) % 64)) & 1)

/* A random event: N people, edges with probability DENS/100 and integer
 * weights (ties), each person free in a random set of SLOTS slots (or
 * all when !AVAIL). */
static void
build(struct graph *g, struct rng *r, uint32_t n, unsigned dens,
    uint32_t slots, int avail)
{
	struct edge *e;
	size_t k = 0, words = AVAILABILITY_WORDS(slots);
	uint32_t a, b, s;

	memset(g, 0, sizeof *g);
	g->n = n;
	e = calloc((size_t)n * n + 1, sizeof *e);
	for (a = 0; a < n; a++)
		for (b = a + 1; b < n; b++)
			if (rng_below(r, 100) < dens) {
				e[k].a = a;
				e[k].b = b;
				e[k++].w = (double)(1 + rng_below(r, 5));
			}
	graph_finish(g, e, k);
	if (!avail)
		return;
	g->slot_words = words;
	g->free_slots = calloc((size_t)n * words + 1, sizeof *g->free_slots);
	for (a = 0; a < n; a++)
		for (s = 1; s <= slots; s++)
			if (rng_below(r, 100) < 60)
				g->free_slots[a * words + (s - 1) / 64] |=
				    (uint64_t)1 << ((s - 1) % 64);
}

/* May node X meet in slot S? */
static int
may(const struct graph *g, uint32_t x, uint32_t s)
{
	return g->free_slots == NULL ||
	    BIT(g->free_slots + (size_t)x * g->slot_words, s);
}

/* The meetings of node X in slot S among OUT's intros. */
static int
meets(const struct assignment *out, uint32_t x, int32_t s)
{
	size_t i;
	int k = 0;

	for (i = 0; i < out->nintros; i++)
		k += out->intros[i].round == s && (out->intros[i].a == x ||
		    out->intros[i].b == x);
	return k;
}

/* Intros in slot S. */
static uint32_t
in_slot(const struct assignment *out, int32_t s)
{
	size_t i;
	uint32_t k = 0;

	for (i = 0; i < out->nintros; i++)
		k += out->intros[i].round == s;
	return k;
}

/* Plain first fit over SUG's intros, best score first (ties by rank, as
 * suggestions sorts them): how many get a slot. */
static size_t
greedy(const struct graph *g, const struct assignment *sug, uint32_t slots,
    uint32_t tables)
{
	unsigned char *busy = calloc((size_t)g->n * (slots + 1) + 1, 1);
	uint32_t *used = calloc(slots + 1, sizeof *used), s;
	size_t *order = calloc(sug->nintros + 1, sizeof *order), i, j, t;
	size_t placed = 0;

	for (i = 0; i < sug->nintros; i++)
		order[i] = i;
	for (i = 1; i < sug->nintros; i++)	/* insertion sort, stable */
		for (j = i; j > 0; j--) {
			const struct intro *p = &sug->intros[order[j - 1]];
			const struct intro *q = &sug->intros[order[j]];

			if (p->score > q->score || (p->score == q->score &&
			    (g->rank[p->a] < g->rank[q->a] ||
			    (p->a == q->a && g->rank[p->b] < g->rank[q->b]))))
				break;
			t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (i = 0; i < sug->nintros; i++) {
		const struct intro *in = &sug->intros[order[i]];

		for (s = 1; s <= slots; s++) {
			if ((tables && used[s] >= tables) || !may(g, in->a, s) ||
			    !may(g, in->b, s) ||
			    busy[(size_t)in->a * (slots + 1) + s] ||
			    busy[(size_t)in->b * (slots + 1) + s])
				continue;
			busy[(size_t)in->a * (slots + 1) + s] = 1;
			busy[(size_t)in->b * (slots + 1) + s] = 1;
			used[s]++;
			placed++;
			break;
		}
	}
	free(busy);
	free(used);
	free(order);
	return placed;
}

/* Is the pair {a, b} among SUG's intros?  Marks it in SEEN. */
static int
chosen(const struct assignment *sug, unsigned char *seen, uint32_t a,
    uint32_t b)
{
	size_t i;

	for (i = 0; i < sug->nintros; i++)
		if (sug->intros[i].a == a && sug->intros[i].b == b) {
			if (seen[i]++)
				return 0;
			return 1;
		}
	return 0;
}

/* Does the reason of unplaced U hold in OUT's schedule? */
static int
reason_holds(const struct graph *g, const struct assignment *out,
    const struct unplaced *u, uint32_t slots, uint32_t tables)
{
	uint32_t s;
	int common = 0, idle_full = 0;

	for (s = 1; s <= slots; s++) {
		if (!may(g, u->a, s) || !may(g, u->b, s))
			continue;
		common = 1;
		if (meets(out, u->a, (int32_t)s) == 0 &&
		    meets(out, u->b, (int32_t)s) == 0) {
			if (tables == 0 || in_slot(out, (int32_t)s) < tables)
				return 0;	/* it would have fit */
			idle_full = 1;
		}
	}
	if (u->why == SHORTFALL_NO_COMMON_SLOT)
		return !common;
	if (u->why == SHORTFALL_TABLES_FULL)
		return idle_full;
	return u->why == SHORTFALL_SLOTS_FULL && common && !idle_full;
}

/* Everything the header promises of one random event; 1 if it holds.
 * *PLACED and *GREEDY get the counts. */
static int
check_event(const struct graph *g, const struct config_match *m,
    const struct assignment *out, const struct assignment *sug,
    size_t *placed, size_t *greedy_placed)
{
	uint32_t slots = (uint32_t)m->slots, tables = (uint32_t)m->tables;
	unsigned char *seen = calloc(sug->nintros + 1, 1);
	size_t i, j;
	int good = 1;

	for (i = 0; i < out->nintros; i++) {
		const struct intro *in = &out->intros[i];

		if (in->round < 1 || in->round > (int32_t)slots ||
		    !may(g, in->a, (uint32_t)in->round) ||
		    !may(g, in->b, (uint32_t)in->round) ||
		    meets(out, in->a, in->round) != 1 ||
		    meets(out, in->b, in->round) != 1 ||
		    !chosen(sug, seen, in->a, in->b))
			good = 0;
		if (in->table < 1 || (tables && in->table > (int32_t)tables))
			good = 0;
		for (j = 0; j < i; j++)
			if (out->intros[j].round == in->round &&
			    out->intros[j].table == in->table)
				good = 0;
	}
	for (i = 1; i <= slots; i++)
		if (tables && in_slot(out, (int32_t)i) > tables)
			good = 0;
	for (i = 0; i < out->nunplaced; i++) {
		const struct unplaced *u = &out->unplaced[i];
		int listed_a = 0, listed_b = 0;

		if (!chosen(sug, seen, u->a, u->b) ||
		    !reason_holds(g, out, u, slots, tables))
			good = 0;
		for (j = 0; j < out->nshort; j++) {
			const struct coverage *c = &out->short_of[j];

			listed_a |= c->attendee == u->a;
			listed_b |= c->attendee == u->b;
			/* coverage.c keeps the meetings' reason. */
			if ((c->attendee == u->a || c->attendee == u->b) &&
			    c->why != SHORTFALL_NO_COMMON_SLOT &&
			    c->why != SHORTFALL_SLOTS_FULL &&
			    c->why != SHORTFALL_TABLES_FULL)
				good = 0;
		}
		good &= listed_a && listed_b;
	}
	if (out->nintros + out->nunplaced != sug->nintros)
		good = 0;
	free(seen);
	*placed = out->nintros;
	*greedy_placed = greedy(g, sug, slots, tables);
	return good;
}

static void
test_random(void)
{
	struct rng r;
	int round, good = 1, beats = 1, det = 1, better = 0;
	size_t placed, gp, total = 0, total_greedy = 0;

	rng_seed(&r, 11);
	for (round = 0; round < 150; round++) {
		struct config_match m = {
			.mode = MATCH_MEETINGS, .seed = 1, .candidates = 50,
			.rounds = 1,
		};
		struct assignment out, again, sug;
		struct graph g;
		char *cause = NULL;
		uint32_t n = 4 + (uint32_t)rng_below(&r, 40);
		unsigned dens = 10 + (unsigned)rng_below(&r, 50);

		m.per_attendee = m.max_per_attendee =
		    1 + (long)rng_below(&r, 6);
		m.min_per_attendee = (long)rng_below(&r, 2);
		m.slots = 1 + (long)rng_below(&r, round % 10 == 0 ? 70 : 8);
		m.tables = rng_below(&r, 3) == 0 ? 0 :
		    1 + (long)rng_below(&r, 6);
		if (round % 5 == 4) {	/* large and sparse, slots tight */
			n = 400;
			dens = 3;
			m.per_attendee = m.max_per_attendee = 8;
			m.slots = 6 + (long)rng_below(&r, 3);
			m.tables = 0;
		}
		build(&g, &r, n, dens, (uint32_t)m.slots,
		    rng_below(&r, 4) != 0);
		if (assign_run(&g, &m, NULL, &out, &cause) != 0 ||
		    assign_run(&g, &m, NULL, &again, &cause) != 0) {
			printf("# %s\n", cause);
			free(cause);
			good = 0;
			graph_free(&g);
			continue;
		}
		m.mode = MATCH_SUGGESTIONS;
		assign_run(&g, &m, NULL, &sug, &cause);
		m.mode = MATCH_MEETINGS;
		if (!check_event(&g, &m, &out, &sug, &placed, &gp)) {
			printf("# event %d: n %u, slots %ld, tables %ld\n",
			    round, n, m.slots, m.tables);
			good = 0;
		}
		if (placed < gp)
			beats = 0;
		better += placed > gp;
		total += placed;
		total_greedy += gp;
		det &= out.nintros == again.nintros && memcmp(out.intros,
		    again.intros, out.nintros * sizeof *out.intros) == 0;
		assignment_free(&out);
		assignment_free(&again);
		assignment_free(&sug);
		graph_free(&g);
	}
	printf("# placed %zu meetings, first fit %zu; more in %d events\n",
	    total, total_greedy, better);
	ok(good, "meetings: nobody twice in a slot, availability and tables "
	    "kept, every chosen meeting placed or reported with a true "
	    "reason");
	ok(beats, "meetings: never fewer placed than first fit");
	ok(det, "meetings: the same event gives the same schedule");
}

/* The most meetings of one person among A's intros. */
static uint32_t
busiest(const struct graph *g, const struct assignment *a)
{
	uint32_t *deg = calloc(g->n + 1, sizeof *deg), max = 0;
	size_t i;

	for (i = 0; i < a->nintros; i++) {
		deg[a->intros[i].a]++;
		deg[a->intros[i].b]++;
	}
	for (i = 0; i < g->n; i++)
		if (deg[i] > max)
			max = deg[i];
	free(deg);
	return max;
}

/* Without availability and tables, Vizing's d + 1 slots: how often does
 * every meeting find one? */
static void
test_vizing(void)
{
	struct rng r;
	int round, all = 0, rounds = 200;

	rng_seed(&r, 5);
	for (round = 0; round < rounds; round++) {
		struct config_match m = {
			.mode = MATCH_SUGGESTIONS, .seed = 1, .candidates = 50,
			.rounds = 1,
		};
		struct assignment out, sug;
		struct graph g;
		char *cause = NULL;
		uint32_t n = 6 + (uint32_t)rng_below(&r, 60);

		m.per_attendee = m.max_per_attendee =
		    2 + (long)rng_below(&r, 12);
		build(&g, &r, n, 20 + (unsigned)rng_below(&r, 60), 1, 0);
		assign_run(&g, &m, NULL, &sug, &cause);
		m.mode = MATCH_MEETINGS;
		m.slots = busiest(&g, &sug) + 1;
		if (assign_run(&g, &m, NULL, &out, &cause) == 0) {
			all += out.nunplaced == 0;
			assignment_free(&out);
		}
		assignment_free(&sug);
		graph_free(&g);
	}
	printf("# d + 1 slots placed every meeting in %d of %d events\n", all,
	    rounds);
	is_int(all, rounds, "meetings: d + 1 slots place every meeting");
}

/* CELL read with SLOTS slots: the slots as "1,3", or the message. */
static char *
slots_of(const char *cell, uint32_t slots)
{
	uint64_t bits[3];
	struct strbuf out = { 0 };
	char *why = NULL;
	uint32_t s;

	if (availability_parse(cell, slots, bits, &why) != 0)
		return why;
	for (s = 1; s <= slots; s++)
		if (BIT(bits, s))
			strbuf_printf(&out, "%s%u", out.len ? "," : "", s);
	return strbuf_detach(&out);
}

static void
test_parse(void)
{
	static const struct {
		const char *cell;
		uint32_t slots;
		const char *want;
	} cases[] = {
		{ "1,2,4", 6, "1,2,4" },
		{ "1-3", 6, "1,2,3" },
		{ " 1 - 3 ; 6", 6, "1,2,3,6" },
		{ "2 4", 6, "2,4" },
		{ "", 3, "1,2,3" },
		{ " , ", 3, "1,2,3" },
		{ "3,3,1-2", 4, "1,2,3" },
		{ "64-66,130", 130, "64,65,66,130" },
		{ "7", 6, "slot 7 does not exist: [match] slots = 6 makes "
		    "slots 1 to 6" },
		{ "0", 6, "slot 0 does not exist" },
		{ "99999999999999999999", 6, "slot 99999999999999999999 does "
		    "not exist" },
		{ "morning", 6, "'morning' is no slot number; write the slots "
		    "as 1,2,4 or 1-3" },
		{ "3-1", 6, "the range 3-1 runs backwards; write 1-3" },
		{ "1-", 6, "'' is no slot number" },
		{ "2x", 6, "'x' after slot 2: split slots with commas" },
	};
	size_t i;
	char *got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = slots_of(cases[i].cell, cases[i].slots);
		if (*cases[i].want >= '0' && *cases[i].want <= '9')
			is_str(got, cases[i].want, cases[i].cell);
		else
			like(got, cases[i].want, cases[i].cell);
		free(got);
	}
}

/*
 * Slots 1 and 2, one table each.  A-B (the best, free in both) takes
 * slot 1 first; C-D can only meet in slot 1, so A-B must move to slot 2
 * to make room.
 */
static void
test_make_room(void)
{
	struct config_match m = {
		.mode = MATCH_MEETINGS, .seed = 1, .candidates = 50,
		.rounds = 1, .per_attendee = 1, .max_per_attendee = 1,
		.slots = 2, .tables = 1,
	};
	struct edge *e = calloc(2, sizeof *e);
	struct assignment out;
	struct graph g;
	char *cause = NULL;

	memset(&g, 0, sizeof g);
	g.n = 4;
	e[0] = (struct edge){ .a = 0, .b = 1, .w = 3 };
	e[1] = (struct edge){ .a = 2, .b = 3, .w = 2 };
	graph_finish(&g, e, 2);
	g.slot_words = 1;
	g.free_slots = calloc(4, sizeof *g.free_slots);
	g.free_slots[0] = g.free_slots[1] = 3;	/* slots 1 and 2 */
	g.free_slots[2] = g.free_slots[3] = 1;	/* slot 1 only */
	if (assign_run(&g, &m, NULL, &out, &cause) != 0) {
		ok(0, cause);
		free(cause);
		graph_free(&g);
		return;
	}
	is_int(out.nintros, 2, "a full slot: both meetings placed");
	ok(out.nintros == 2 && out.intros[0].a == 2 &&
	    out.intros[0].round == 1 && out.intros[1].a == 0 &&
	    out.intros[1].round == 2, "the best meeting moved to make room");
	assignment_free(&out);
	graph_free(&g);
}

int
main(void)
{
	test_parse();
	test_make_room();
	test_random();
	test_vizing();
	return tap_done();
}
