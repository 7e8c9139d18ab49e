/*
 * test_candidates.c -- unit tests for core/candidates.c: the union of the
 * strategies' lists and the sum of their weighted bounds, and asking
 * again deeper: only the strategy whose bound weighs most among those
 * that list anybody, its list joined to the union, the others kept.
 */
#include "autoconf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "candidates.h"
#include "tap.h"

#define N 100

/*
 * A stub strategy: for K below DEEP it lists FEW (NFEW ids) with bound
 * HIGH, from DEEP on MANY (NMANY) with bound LOW; FAIL makes it fail.
 * It counts its calls and remembers the last K.
 */
struct stub {
	const uint32_t *few, *many;
	size_t nfew, nmany, deep;
	double high, low;
	int fail;
	unsigned calls;
	size_t last_k;
};

static int
stub_candidates(void *self, uint32_t a, size_t k, uint32_t *out,
    size_t cap, size_t *n, double *bound)
{
	struct stub *st = self;
	const uint32_t *ids = k < st->deep ? st->few : st->many;

	(void)a;
	st->calls++;
	st->last_k = k;
	if (st->fail)
		return -1;
	*n = k < st->deep ? st->nfew : st->nmany;
	if (*n > cap)
		return -1;
	if (*n > 0)
		memcpy(out, ids, *n * sizeof *ids);
	*bound = k < st->deep ? st->high : st->low;
	return 0;
}

static const struct strategy_ops stub_ops = {
	.candidates = stub_candidates,
};

static void
set(struct strategy *s, struct stub *st, double weight)
{
	memset(s, 0, sizeof *s);
	s->weight = weight;
	s->lists = 1;
	s->ops = &stub_ops;
	s->self = st;
}

/* C's union as "1 2 3". */
static const char *
show(const struct candidates *c)
{
	static char buf[512];
	size_t i, at = 0;

	buf[0] = '\0';
	for (i = 0; i < c->n && at + 16 < sizeof buf; i++)
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%u",
		    i ? " " : "", c->list[i]);
	return buf;
}

int
main(void)
{
	static const uint32_t tags_few[] = { 1, 2 }, tags_many[] = { 1, 2, 4, 5 };
	static const uint32_t text_few[] = { 3, 7 }, text_many[] = { 3, 6, 7 };
	struct stub tags = { tags_few, tags_many, 2, 4, 8, 0.5, 0.1, 0, 0, 0 };
	struct stub text = { text_few, text_many, 2, 3, 8, 0.2, 0.05, 0, 0, 0 };
	struct stub bonus = { NULL, NULL, 0, 0, 1000, 1.0, 1.0, 0, 0, 0 };
	struct strategy s[3];
	struct candidates c;
	unsigned char active[N];
	double bound = -1;

	memset(active, 1, sizeof active);
	active[7] = 0;		/* not taking part: never a candidate */
	set(&s[0], &tags, 1);
	set(&s[1], &text, 2);	/* weighted bound 0.4, then 0.1 */
	set(&s[2], &bonus, 1);	/* lists nobody: a bound for all */
	candidates_init(&c, N, 3);

	is_int(candidates_gather(&c, s, 3, active, 0, 2, &bound), 0,
	    "gather: every strategy asked");
	is_str(show(&c), "1 2 3", "gather: the union of the active");
	ok(bound == 0.5 + 0.4 + 1.0, "gather: the weighted bounds summed");

	/* Deeper: tags weighs most (0.5 against text's 0.4; the bonus
	 * lists nobody and cannot lower its bound). */
	is_int(candidates_deepen(&c, s, 3, active, 0, N, &bound), 0,
	    "deepen: asked again");
	is_int((int)tags.calls, 2, "deepen: tags asked again");
	is_int((int)tags.last_k, 8, "deepen: with 4 times its K");
	is_int((int)text.calls, 1, "deepen: text not asked again");
	is_int((int)bonus.calls, 1, "deepen: the bonus not asked again");
	is_str(show(&c), "1 2 3 4 5", "deepen: tags' new list joined");
	ok(bound == 0.1 + 0.4 + 1.0, "deepen: tags' new bound, the rest kept");

	/* Now text weighs most (0.4 against 0.1). */
	is_int(candidates_deepen(&c, s, 3, active, 0, N, &bound), 0,
	    "deepen again: asked");
	is_int((int)text.calls, 2, "deepen again: text asked");
	is_int((int)text.last_k, 8, "deepen again: text with 4 times its K");
	is_int((int)tags.calls, 2, "deepen again: tags not asked");
	is_str(show(&c), "1 2 3 4 5 6", "deepen again: text's list joined");
	ok(bound == 0.1 + 0.1 + 1.0, "deepen again: both new bounds");

	/* Tags again (0.1, before text's 0.1 in order): 4 * 8 + 1 reaches
	 * 33 attendees, so score everyone instead. */
	is_int(candidates_deepen(&c, s, 3, active, 0, 33, &bound), -1,
	    "deepen: K would reach everyone, so score them all");

	/* Bounds of 0 cannot go lower: nobody to ask. */
	tags.low = 0;
	text.low = 0;
	is_int(candidates_gather(&c, s, 3, active, 0, 8, &bound), 0,
	    "gather with bounds of 0");
	is_int(candidates_deepen(&c, s, 3, active, 0, N, &bound), -1,
	    "deepen: only the bonus has a bound, and it lists nobody");

	/* A strategy that cannot list: score everyone. */
	tags.low = 0.3;
	tags.fail = 1;
	is_int(candidates_deepen(&c, s, 3, active, 0, N, &bound), -1,
	    "deepen: a strategy that fails");
	is_int(candidates_gather(&c, s, 3, active, 0, 2, &bound), -1,
	    "gather: a strategy that fails");
	tags.fail = 0;
	is_int(candidates_gather(&c, s, 3, active, 0, 2, &bound), 0,
	    "gather anew after deepening");
	is_str(show(&c), "1 2 3", "gather anew: the union starts over");
	candidates_free(&c);
	return tap_done();
}
