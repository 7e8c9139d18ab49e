/*
 * keysort.c -- a least-significant-digit radix sort over the 16 bytes of
 * a key (keysort.h).  A byte that every key shares costs one counting
 * pass and no move, so keys that use few of their bits (node ids below
 * 2^16, say) sort in few passes.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "keysort.h"
#include "util.h"

static unsigned
keysort_byte(const struct keysort_item *x, unsigned pass)
{
	return (unsigned)((pass < 8 ? x->lo >> (8 * pass) :
	    x->hi >> (8 * (pass - 8))) & 0xff);
}

void
keysort(struct keysort_item *v, size_t n)
{
	struct keysort_item *tmp, *from = v, *to, *swap;
	size_t count[256], i, sum, c;
	unsigned pass;

	if (n < 2)
		return;
	tmp = xcalloc(n, sizeof *tmp);
	to = tmp;
	for (pass = 0; pass < 16; pass++) {
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[keysort_byte(&from[i], pass)]++;
		if (count[keysort_byte(&from[0], pass)] == n)
			continue;
		for (i = sum = 0; i < 256; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			to[count[keysort_byte(&from[i], pass)]++] = from[i];
		swap = from;
		from = to;
		to = swap;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
	free(tmp);
}

uint64_t
keysort_double(double w)
{
	uint64_t u;

	if (w == 0)
		w = 0;	/* -0.0 too */
	memcpy(&u, &w, sizeof u);
	return u >> 63 ? ~u : u | (uint64_t)1 << 63;
}
