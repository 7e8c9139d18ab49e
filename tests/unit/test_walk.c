/*
 * test_walk.c -- unit tests for core/walk.c: the walk over every
 * strategy's terms at once.  Stub strategies give terms short (walked:
 * exact shares) and long (a 32nd of the event or 512 holders: probed by
 * bitmap, adding their upper); the tests check the sums and upper bounds
 * (UB) of those met, the rest for those not met (a vector's terms bound
 * by the length of their gains), the group bonuses kept apart (fit),
 * walking a long term (the most per holder first, the UBs kept before
 * lowered to what it adds), a long term with weights probed by each
 * holder's weight, the picks and what they drop; and meeting
 * by the long terms' bitmaps whom they could take to a floor
 * (walk_reach), against every partner's sum counted by hand.
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "walk.h"

#define N 2048

/* A stub strategy: its terms for any attendee; FAIL makes it fail. */
struct stub {
	const struct mingle_term *terms;
	size_t n;
	int fail;
	unsigned calls;
};

static int
stub_terms(void *self, uint32_t a, struct mingle_term *out, size_t cap,
    size_t *n)
{
	struct stub *st = self;

	(void)a;
	st->calls++;
	if (st->fail)
		return -1;
	if (st->n > 0 && st->n <= cap)
		memcpy(out, st->terms, st->n * sizeof *out);
	*n = st->n;
	return 0;
}

static const struct strategy_ops stub_ops = {
	.terms = stub_terms,
};

static void
set(struct strategy *s, struct stub *st, double weight, int bonus)
{
	memset(s, 0, sizeof *s);
	s->weight = weight;
	s->lists = s->has_terms = 1;
	s->group_bonus = bonus;
	s->ops = &stub_ops;
	s->self = st;
}

/* The UB and fit walk_pick() gives B (from 0, floors of -1: everyone). */
static double
ub_of(struct walk *w, uint32_t a, const unsigned char *active, uint32_t b,
    double *fit)
{
	static struct walk_top out[N];
	double drop = 0, drop_fit = 0;
	size_t m, i;

	walk_pick(w, 0, a, active, -1, -1, out, &m, &drop, &drop_fit);
	for (i = 0; i < m; i++)
		if (out[i].id == b) {
			*fit = out[i].fit;
			return out[i].v;
		}
	*fit = -1;
	return -1;
}

/* A term of the N attendees KEEP picks (ascending) into IDS: *N. */
static void
holders(uint32_t *ids, uint32_t *n, uint32_t size, int (*keep)(uint32_t,
    unsigned), unsigned arg)
{
	uint32_t i;

	for (*n = 0, i = 0; i < size; i++)
		if (keep(i, arg))
			ids[(*n)++] = i;
}

static int
below_half(uint32_t i, unsigned arg)
{
	(void)arg;
	return i < N / 2;
}

static int
odd_id(uint32_t i, unsigned arg)
{
	(void)arg;
	return i % 2 == 1;
}

static int
fourth(uint32_t i, unsigned arg)
{
	(void)arg;
	return i % 4 == 0;
}

/* A hash of I and ARG kept about 1 in 2 or 1 in 3 times: long terms. */
static int
hashed(uint32_t i, unsigned arg)
{
	uint32_t h = (i + 1) * 2654435761u ^ (arg * 40503u + 7);

	h ^= h >> 15;
	h *= 2246822519u;
	h ^= h >> 13;
	return h % (2 + arg % 2) == 0;
}

/*
 * walk_reach on three long terms: the first half with a bonus of 1.0,
 * the odd ids (0.5) and every fourth (0.3); a short term meets 2, 3, 5.
 */
static void
test_reach(void)
{
	static uint32_t half[N], odd[N], four[N];
	static const uint32_t rare[] = { 2, 3, 5 };
	struct mingle_term bonus[1], tags[3];
	struct stub st_bonus, st_tags;
	struct strategy s[2];
	unsigned char active[N];
	struct walk w;
	uint32_t nh, no, nf, b, fresh = 0;
	double fit;
	int all = 1;

	memset(active, 1, sizeof active);
	holders(half, &nh, N, below_half, 0);
	holders(odd, &no, N, odd_id, 0);
	holders(four, &nf, N, fourth, 0);
	bonus[0] = (struct mingle_term){ half, NULL, nh, 0, 1.0, 1.0 };
	tags[0] = (struct mingle_term){ rare, NULL, 3, 0, 0.2, 0.2 };
	tags[1] = (struct mingle_term){ odd, NULL, no, 0, 0.5, 0.5 };
	tags[2] = (struct mingle_term){ four, NULL, nf, 0, 0.3, 0.3 };
	st_bonus = (struct stub){ bonus, 1, 0, 0 };
	st_tags = (struct stub){ tags, 3, 0, 0 };
	set(&s[0], &st_bonus, 1.0, 1);
	set(&s[1], &st_tags, 1.0, 0);

	walk_init(&w, N);
	is_int(walk_start(&w, s, 2, 7), 0, "reach: walk_start for 7");
	is_int(w.nmet, 3, "reach: the short term met 2, 3, 5");
	is_int(walk_reach(&w, 0, 0.7), -1, "reach: a floor of 0 cannot");
	is_int(walk_reach(&w, 1.4, -HUGE_VAL), -1,
	    "reach: no floor by fit cannot");
	is_int(w.reached, 0, "... and leaves the walk as it was");
	/* 1.4: the bonus and an odd id (1.5), not the bonus and a fourth
	 * (1.3); 0.7 by fit: an odd id that is a fourth, nobody */
	is_int(walk_reach(&w, 1.4, 0.7), 0, "reach: floors 1.4 and 0.7");
	is_int(w.nmet, 3 + 510, "reach: the odd ids below half met, but 3, 5");
	for (b = 0; b < N; b++) {
		int met = (w.seen[b >> 6] >> (b & 63)) & 1;
		int want = (b % 2 == 1 && b < N / 2) || b == 2;

		if (met != want)
			all = 0;
		fresh += met && b != 2 && b != 3 && b != 5;
	}
	ok(all, "reach: met exactly the odd ids below half, and 2");
	is_int(fresh, 510, "reach: each met once");
	is_num(walk_rest(&w, 0), 1.3, 1e-12,
	    "reach: those left out score 1.3 at most (the bonus, a fourth)");
	is_num(walk_rest(&w, 1), 0.5, 1e-12,
	    "reach: ... and 0.5 by fit (an odd id)");
	is_num(ub_of(&w, 7, active, 9, &fit), 1.5, 1e-12,
	    "reach: UB of 9, met by the bitmaps, probed");
	is_num(fit, 0.5, 1e-12, "reach: fit of 9");
	is_int(walk_reach(&w, 1.4, 0.7), -1, "reach: once a walk");

	/* A fresh walk forgets it. */
	is_int(walk_start(&w, s, 2, 7), 0, "reach: walk_start again");
	is_int(w.reached, 0, "reach: not reached");
	is_num(walk_rest(&w, 0), 1.8, 1e-12, "reach: rest as before it");
	is_int(walk_more(&w), 0, "reach: walk_more");
	is_int(walk_more(&w), 0, "reach: walk_more");
	is_int(walk_more(&w), 0, "reach: walk_more");
	is_int(walk_reach(&w, 1.4, 0.7), -1, "reach: every term walked");
	walk_free(&w);
}

/*
 * walk_reach on hashed long terms against every partner's sums counted
 * by hand, for floors from low to high: exactly those who reach a floor
 * met, and walk_rest at least what any other adds up to, and below the
 * floor.  Then a plan too big: twelve terms of 1.0, a floor of 6.
 */
static void
test_reach_sums(void)
{
	enum { T = 7, B = 2, M = 2000 };
	static uint32_t ids[T][M], same[M];
	static double sum[M], sum_fit[M];
	struct mingle_term terms[12];
	struct stub st, st_bonus;
	struct strategy s[2];
	struct walk w;
	uint32_t n[T], b, j, k, ns;
	double floor, floor_fit, most, most_fit;
	char what[128];
	int good, bad;

	/* terms 0 and 1 give a group bonus: not in fit */
	for (j = 0; j < T; j++) {
		holders(ids[j], &n[j], M, hashed, j);
		terms[j] = (struct mingle_term){ ids[j], NULL, n[j], 0,
		    0.1 + 0.13 * j, 0.1 + 0.13 * j };
		for (k = 0; k < n[j]; k++) {
			sum[ids[j][k]] += terms[j].upper;
			if (j >= B)
				sum_fit[ids[j][k]] += terms[j].upper;
		}
	}
	st_bonus = (struct stub){ terms, B, 0, 0 };
	st = (struct stub){ terms + B, T - B, 0, 0 };
	set(&s[0], &st_bonus, 1.0, 1);
	set(&s[1], &st, 1.0, 0);
	walk_init(&w, M);
	for (floor = 0.25; floor < 4.1; floor += 0.25) {
		floor_fit = floor - 0.2;
		if (walk_start(&w, s, 2, 0) != 0 || w.nmet != 0 ||
		    walk_reach(&w, floor, floor_fit) != 0) {
			ok(0, "reach by hand: could not");
			continue;
		}
		good = bad = 0;
		most = most_fit = 0;
		for (b = 0; b < M; b++) {
			int met = (w.seen[b >> 6] >> (b & 63)) & 1;
			int want = sum[b] >= floor || sum_fit[b] >= floor_fit;

			if (met != want)
				bad++;
			else
				good += met;
			if (!want && sum[b] > most)
				most = sum[b];
			if (!want && sum_fit[b] > most_fit)
				most_fit = sum_fit[b];
		}
		snprintf(what, sizeof what, "reach by hand: floors %.2f, %.2f:"
		    " the %d who reach met, no other", floor, floor_fit, good);
		ok(bad == 0 && (size_t)good == w.nmet, what);
		snprintf(what, sizeof what, "reach by hand: floor %.2f: the"
		    " rests %.2f, %.2f bound those left out (%.2f, %.2f)",
		    floor, walk_rest(&w, 0), walk_rest(&w, 1), most, most_fit);
		ok(walk_rest(&w, 0) >= most - 1e-12 && walk_rest(&w, 0) <
		    floor && walk_rest(&w, 1) >= most_fit - 1e-12 &&
		    walk_rest(&w, 1) < floor_fit, what);
	}
	/* 924 ways of six of twelve terms: past the plan's steps */
	holders(same, &ns, M, odd_id, 0);
	for (j = 0; j < 12; j++)
		terms[j] = (struct mingle_term){ same, NULL, ns, 0, 1.0, 1.0 };
	st = (struct stub){ terms, 12, 0, 0 };
	is_int(walk_start(&w, s + 1, 1, 0), 0, "reach: twelve long terms");
	is_int(walk_reach(&w, 6, HUGE_VAL), -1,
	    "reach: six of twelve: too many ways, walk_more instead");
	is_int(w.reached, 0, "... nothing reached");
	is_int(w.nmet, 0, "... nobody met");
	is_int(walk_more(&w), 0, "... and walk_more walks");
	walk_free(&w);
}

/* Whether X is WANT, or up to a 255th of UPPER more (a weight probed,
 * rounded up to 255ths of its term's greatest). */
static int
near_above(double x, double want, double upper)
{
	return x >= want - 1e-12 && x <= want + upper / 255 + 1e-12;
}

/* test_weights' weight of holder I of its long term with weights. */
static float
weight_of(uint32_t i)
{
	return (float)((i * 7) % 10 + 1) / 10.0f;
}

/*
 * A long term with weights adds to a partner's UB what the partner gains
 * by its weight (found by its place among the holders), not the term's
 * upper; one whose holders are not strictly ascending adds its upper.
 * Walking either later leaves every UB at what the holders gain.
 */
static void
test_weights(void)
{
	enum { M = 2000, SHORT = 300 };
	static uint32_t few[SHORT], third[M], even[M];
	static float wt[M], half[M];
	struct mingle_term terms[3];
	struct stub st;
	struct strategy s[1];
	unsigned char active[M];
	struct walk w;
	uint32_t b, nt = 0, ne = 0;
	double fit, want, got;
	int bad, bad_fit, pass;

	memset(active, 1, sizeof active);
	for (b = 0; b < SHORT; b++)
		few[b] = b;
	for (b = 0; b < M; b += 3) {
		wt[nt] = weight_of(b);
		third[nt++] = b;
	}
	wt[nt] = 1.0f;
	third[nt++] = 5000;		/* past the event: last */
	for (b = 0; b < M; b += 2) {
		half[ne] = b % 4 == 0 ? 0.5f : 0.25f;
		even[ne++] = b;
		if (b == 1000) {	/* twice: not strictly ascending */
			half[ne] = 0.5f;
			even[ne++] = b;
		}
	}
	terms[0] = (struct mingle_term){ few, NULL, SHORT, 0, 0.1, 0.1 };
	terms[1] = (struct mingle_term){ third, wt, nt, 0, 0.5, 0.5 };
	terms[2] = (struct mingle_term){ even, half, ne, 0, 1.0, 0.5 };
	st = (struct stub){ terms, 3, 0, 0 };
	set(&s[0], &st, 1.0, 0);
	walk_init(&w, M);
	is_int(walk_start(&w, s, 1, 0), 0, "weights: walk_start");
	is_int(w.nterms - w.next, 2, "weights: two long terms");
	for (pass = 0; pass < 2; pass++) {
		bad = bad_fit = 0;
		for (b = 1; b < SHORT; b++) {
			/* the even ids' term: its upper (0.5), once walked
			 * what each gains (0.5 or 0.25) */
			want = 0.1 + (b % 3 == 0 ? 0.5 * weight_of(b) : 0) +
			    (b % 2 == 0 ? (pass == 0 || b % 4 == 0 ? 0.5 :
			    0.25) : 0);
			got = ub_of(&w, 0, active, b, &fit);
			/* probed: the weight a hair up; walked: exact */
			bad += pass == 0 ? !near_above(got, want, 0.5) :
			    fabs(got - want) > 1e-12;
			bad_fit += fit != got;
		}
		is_int(bad, 0, pass == 0 ? "weights: each UB by the partner's "
		    "weight (up to a 255th of the upper more); the even ids' "
		    "term (1000 twice) by its upper" :
		    "weights: both walked: each UB what the holders gain");
		is_int(bad_fit, 0, "weights: the same fit (no group bonus)");
		if (pass == 0) {
			is_int(walk_more(&w), 0, "weights: walk_more");
			is_int(walk_more(&w), 0, "weights: walk_more again");
		}
	}
	/* 999 was met by the term with weights alone */
	is_num(ub_of(&w, 0, active, 999, &fit), 0.5 * weight_of(999), 1e-12,
	    "weights: one met by walking it gains its weight");
	walk_free(&w);
}

int
main(void)
{
	static uint32_t wide[700], odd[1100], text_a[600], text_b[601];
	static float wa[600], wb[601];
	static const uint32_t rare[] = { 1, 2, 3, 5000 };
	static const uint32_t few[] = { 2, 5 };
	static const float fw[] = { 0.5f, 1.0f };
	static struct walk_top top[8], topf[8], out[N];
	struct mingle_term tags[2], text[3], buddy[1];
	struct stub st_tags, st_text, st_buddy;
	struct strategy s[3];
	unsigned char active[N];
	struct walk w;
	uint32_t i, nodd = 0;
	size_t n, nf, m;
	double fit, drop, drop_fit;

	memset(active, 1, sizeof active);
	active[3] = 0;
	for (i = 0; i < 700; i++)
		wide[i] = i;			/* 0 .. 699: long */
	for (i = 1; i < N; i += 2)
		odd[nodd++] = i;		/* 1024 odd ids: long */
	for (i = 0; i < 600; i++) {
		text_a[i] = 1000 + i;		/* 1000 .. 1599 */
		wa[i] = i == 0 ? 1.0f : 0.25f;
	}
	text_b[0] = 5;				/* 5, 1200 .. 1799 */
	wb[0] = 0.5f;
	for (i = 1; i < 601; i++) {
		text_b[i] = 1199 + i;
		wb[i] = 0.5f;
	}
	/* tags: weight 2; a rare tag (an id past the event too), a wide one */
	tags[0] = (struct mingle_term){ rare, NULL, 4, 0, 0.5, 0.5 };
	tags[1] = (struct mingle_term){ wide, NULL, 700, 0, 0.1, 0.1 };
	/* text: one vector; a short term and two long ones */
	text[0] = (struct mingle_term){ few, fw, 2, 1, 0.6, 0.6 };
	text[1] = (struct mingle_term){ text_a, wa, 600, 1, 0.6, 0.6 };
	text[2] = (struct mingle_term){ text_b, wb, 601, 1, 0.8, 0.8 };
	/* a group bonus for the odd ids */
	buddy[0] = (struct mingle_term){ odd, NULL, nodd, 0, 1.0, 1.0 };
	st_tags = (struct stub){ tags, 2, 0, 0 };
	st_text = (struct stub){ text, 3, 0, 0 };
	st_buddy = (struct stub){ buddy, 1, 0, 0 };
	set(&s[0], &st_tags, 2.0, 0);
	set(&s[1], &st_text, 1.0, 0);
	set(&s[2], &st_buddy, 1.0, 1);

	walk_init(&w, N);
	is_int(w.long_min, 512, "long: 512 holders at least (2048 / 32 is less)");
	is_int(walk_start(&w, s, 3, 0), 0, "walk_start");
	is_int(st_tags.calls, 2, "the first strategy asked again with room");
	is_int(st_text.calls, 1, "the next asked once: room enough");
	/* walked: the rare tag (0.5 x 2 to 1, 2, 3) and the short text
	 * term (0.6 x 0.5 to 2, 0.6 x 1 to 5); 5000 is past the event */
	is_int(w.nmet, 4, "met: 1, 2, 3, 5");
	is_int(w.next, 2, "the two short terms walked");
	/* long, not met: wide tags 0.2; text 0.6 + 0.8, or the length of
	 * (0.6, 0.8), 1; the bonus 1 */
	is_num(walk_rest(&w, 0), 0.2 + 1.0 + 1.0, 1e-12,
	    "rest: the tag, the text vector by its length, the bonus");
	is_num(walk_rest(&w, 1), 0.2 + 1.0, 1e-12, "rest without the bonus");

	/* 1: tags 1 + wide 0.2 + bonus 1; 2: tags 1 + text 0.3 + wide 0.2;
	 * 5: text 0.6 + text_b 0.8 x 0.5 (by its weight) + wide 0.2 +
	 * bonus 1 */
	is_num(ub_of(&w, 0, active, 1, &fit), 2.2, 1e-12, "UB of 1");
	is_num(fit, 1.2, 1e-12, "fit of 1: without the bonus");
	is_num(ub_of(&w, 0, active, 2, &fit), 1.5, 1e-12, "UB of 2");
	is_num(fit, 1.5, 1e-12, "fit of 2: no bonus");
	is_num(ub_of(&w, 0, active, 5, &fit), 2.2, 1e-12,
	    "UB of 5: the long text term by 5's weight, not its upper");
	is_num(fit, 1.2, 1e-12, "fit of 5");
	is_num(ub_of(&w, 0, active, 3, &fit), -1, 0,
	    "3 takes no part: never picked");

	walk_best(&w, 0, active, top, &n, 2, topf, &nf, 1);
	is_int(n, 2, "best 2 by UB");
	ok((top[0].id == 1 && top[1].id == 5) ||
	    (top[0].id == 5 && top[1].id == 1), "best by UB: 5 and 1");
	is_int(nf, 1, "best 1 by fit");
	is_int(topf[0].id, 5, "best by fit, by the uppers: 5 (1.6, 2's 1.5)");

	drop = drop_fit = 0;
	walk_pick(&w, 0, 0, active, 2.1, 1.6, out, &m, &drop, &drop_fit);
	is_int(m, 2, "floors 2.1 and 1.6: two picked");
	ok((out[0].id == 1 && out[1].id == 5) ||
	    (out[0].id == 5 && out[1].id == 1), "... 1 and 5 (2.2)");
	is_num(drop, 1.5, 1e-12, "dropped: the highest UB left, 2's");
	is_num(drop_fit, 1.5, 1e-12, "dropped by fit: 2's");

	/* Walk one long term: text_b (0.8 for 601 holders) adds the most per
	 * holder.  5 held it: its UB had 0.8 x 0.5 already, and keeps it. */
	is_int(walk_more(&w), 0, "walk_more");
	is_int(w.next, 3, "three terms walked");
	is_int(w.nmet, 604, "met: 600 more (1200 .. 1799)");
	is_num(ub_of(&w, 0, active, 5, &fit), 2.2, 1e-12,
	    "UB of 5, kept: what text_b adds, once");
	is_num(walk_rest(&w, 0), 0.2 + 0.6 + 1.0, 1e-12,
	    "rest: text_a alone in the vector");
	/* 1201: text_b 0.4 + text_a 0.6 x 0.25 + bonus 1; 1200: no bonus;
	 * the weight 0.25 rounded up to 255ths of text_a's greatest (1) */
	ok(near_above(ub_of(&w, 0, active, 1201, &fit), 1.55, 0.6),
	    "UB of 1201: 1.55, or up to a 255th of text_a's upper more");
	ok(near_above(ub_of(&w, 0, active, 1200, &fit), 0.55, 0.6),
	    "UB of 1200: 0.55, or as much more");
	drop = drop_fit = 0;
	walk_pick(&w, 4, 0, active, 1.5, 9, out, &m, &drop, &drop_fit);
	is_int(m, 200, "from the 4th met on, UB 1.5: the odd of 1200 .. 1599");
	is_num(drop, 1.4, 1e-12, "dropped: the odd of 1600 .. 1799 (1.4)");
	is_num(drop_fit, 1.0, 1e-12, "dropped by fit: the even of 1200 .. "
	    "1599, by the uppers (1.0): below the floors, not sharpened");
	is_int(walk_more(&w), 0, "walk_more: text_a");
	is_int(walk_more(&w), 0, "walk_more: the bonus");
	is_int(walk_more(&w), 0, "walk_more: the wide tag");
	is_int(walk_more(&w), -1, "walk_more: nothing left");
	is_num(walk_rest(&w, 0), 0, 0, "every term walked: rest 0");
	/* 1000: text_a 0.6 x 1; 2: as before, but exact: no probes left */
	is_num(ub_of(&w, 0, active, 1000, &fit), 0.6, 1e-12, "UB of 1000");
	is_num(ub_of(&w, 0, active, 2, &fit), 1.5, 1e-12,
	    "UB of 2 after every term");
	is_num(ub_of(&w, 0, active, 1, &fit), 2.2, 1e-12,
	    "UB of 1 after every term (exact)");

	/* A fresh walk for someone else forgets the last one. */
	walk_clear(&w);
	st_text.n = 1;
	st_buddy.n = 0;
	is_int(walk_start(&w, s, 3, 1), 0, "walk_start for 1");
	is_int(w.nmet, 4, "met: 1 (left out later), 2, 3, 5");
	is_num(ub_of(&w, 1, active, 2, &fit), 1.5, 1e-12,
	    "UB of 2 for 1: tags 1, text 0.3, wide 0.2, nothing stale");
	is_num(ub_of(&w, 1, active, 1, &fit), -1, 0, "1 never picks 1");
	is_num(walk_rest(&w, 0), 0.2, 1e-12, "rest: the wide tag alone");

	/* A strategy that cannot give terms. */
	st_text.fail = 1;
	is_int(walk_start(&w, s, 3, 0), -1, "a strategy fails: -1");
	st_text.fail = 0;
	is_int(walk_start(&w, s, 3, 0), 0, "and the next walk works");
	walk_free(&w);

	test_reach();
	test_reach_sums();
	test_weights();
	return tap_done();
}
