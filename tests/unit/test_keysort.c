/*
 * test_keysort.c -- unit tests for core/keysort.c: the order of qsort
 * with a comparator of (hi, lo), equal keys in their first order, keys
 * that differ in one byte only, and doubles as keys.
 */
#include "autoconf.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keysort.h"
#include "rng.h"
#include "tap.h"
#include "util.h"

/* By key, then by id: a stable sort's order when ids ascend. */
static int
item_cmp(const void *x, const void *y)
{
	const struct keysort_item *a = x, *b = y;

	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* N items whose keys take MASK's bits of random numbers, as keysort and
 * as qsort order them: how many differ. */
static size_t
differ(size_t n, uint64_t hi_mask, uint64_t lo_mask)
{
	struct keysort_item *v = xcalloc(n + 1, sizeof *v);
	struct keysort_item *want = xcalloc(n + 1, sizeof *want);
	struct rng r;
	size_t i, bad = 0;

	rng_seed(&r, n ^ hi_mask ^ lo_mask);
	for (i = 0; i < n; i++) {
		v[i].hi = rng_next(&r) & hi_mask;
		v[i].lo = rng_next(&r) & lo_mask;
		v[i].id = (uint32_t)i;
	}
	memcpy(want, v, n * sizeof *v);
	qsort(want, n, sizeof *want, item_cmp);
	keysort(v, n);
	for (i = 0; i < n; i++)
		bad += memcmp(&v[i], &want[i], sizeof *v) != 0;
	free(v);
	free(want);
	return bad;
}

static void
test_order(void)
{
	is_int(differ(0, ~0ull, ~0ull), 0, "no items");
	is_int(differ(1, ~0ull, ~0ull), 0, "one item");
	is_int(differ(5000, ~0ull, ~0ull), 0, "every byte random");
	is_int(differ(5000, 0, 0xff), 0, "keys in the lowest byte only: "
	    "many equal, kept in order");
	is_int(differ(5000, 0xffull << 56, 0), 0, "keys in the highest byte "
	    "only");
	is_int(differ(5000, 0x0f0f, 0xf0f0ull << 32), 0, "keys in scattered "
	    "bits");
	is_int(differ(5000, 0, 0), 0, "all keys equal: the order unchanged");
}

static void
test_double(void)
{
	double w[] = { -INFINITY, -1e300, -2.5, -1, -1e-300, 0, 1e-300,
	    0.1, 0.3, 1, 1 + 1e-15, 2.5, 1e300, INFINITY };
	size_t i, n = sizeof w / sizeof w[0];
	int up = 1;

	for (i = 1; i < n; i++)
		if (!(keysort_double(w[i - 1]) < keysort_double(w[i])))
			up = 0;
	ok(up, "doubles: keys ascend as the numbers do, across 0");
	ok(keysort_double(-0.0) == keysort_double(0.0), "doubles: -0.0 is 0");
	ok(~keysort_double(2.5) < ~keysort_double(1), "doubles: the "
	    "complement puts the heavier first");
}

int
main(void)
{
	test_order();
	test_double();
	return tap_done();
}
