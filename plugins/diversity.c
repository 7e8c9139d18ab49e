/*
 * diversity.c -- the built-in strategy "diversity": a bonus for a pair
 * whose values of one field differ, such as two organizations or two
 * backgrounds, so people meet beyond their own circle.
 *
 * In a category or text field the pair scores the bonus when both have a
 * value and the values differ (compared folded: "ACME" is "Acme").  In a
 * tags field it scores the bonus times the share of their tags that only
 * one of them holds, 1 - |A and B| / |A or B|: "design" and "sales" differ
 * fully, "design, sales" and "sales" by half.  Someone without a value
 * gets no bonus: mingle does not know that they differ.
 *
 * Uses only the public ABI (include/mingle/plugin.h).  Options:
 *     field = NAME     a category, text or tags field (required)
 *     bonus = X        the score of a pair that differs fully (default 1)
 *     ignore = A, B    values that count as missing ("n/a, Other")
 * Reason: "different organization: Acme / Globex", each side's values.
 */
#include <stdio.h>
#include <stdlib.h>

#include "mingle/plugin.h"
#include "value_bonus.h"

static const char *const options[] = { "field", "bonus", "ignore", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a category, text or tags field (required)",
	"the score of a pair that differs fully: 0 to 1000000, default 1",
	"values that count as missing, comma-separated",
};

/* The share of A's and B's values only one of them holds; 0 if either
 * has none. */
static double
difference(const struct value_set *vs, mingle_attendee a, mingle_attendee b)
{
	const uint32_t *ids;
	size_t na, nb, shared;

	na = value_set_of(vs, a, &ids);
	nb = value_set_of(vs, b, &ids);
	if (na == 0 || nb == 0)
		return 0;
	shared = value_set_shared(vs, a, b, NULL, 0);
	return 1 - (double)shared / (double)(na + nb - shared);
}

static int
div_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct value_bonus *st = statep;
	size_t i;

	(void)veto;
	for (i = 0; i < n; i++)
		scores[i] = st->bonus * difference(&st->vs, a, cand[i]);
	return 0;
}

/* X's values, joined, into BUF of CAP bytes. */
static size_t
values(const struct value_set *vs, mingle_attendee x, char *buf, size_t cap)
{
	const uint32_t *ids;
	size_t k;

	k = value_set_of(vs, x, &ids);
	return value_set_join(vs, x, ids, k < 16 ? k : 16, k, buf, cap);
}

static void
div_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct value_bonus *st = statep;
	size_t len, half;

	buf[0] = '\0';
	if (st->bonus == 0 || difference(&st->vs, a, b) == 0)
		return;
	len = (size_t)snprintf(buf, cap, "different %s: ", st->vs.name);
	if (len + 8 >= cap) {
		buf[0] = '\0';
		return;
	}
	/* Half the room each, around " / ". */
	half = (cap - len - 3) / 2;
	len += values(&st->vs, a, buf + len, half);
	len += (size_t)snprintf(buf + len, cap - len, " / ");
	values(&st->vs, b, buf + len, cap - len);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC | MINGLE_STRATEGY_GROUP_BONUS,
	.name = "diversity",
	.version = "1.0.0",
	.description = "a bonus when the values of a category, text or tags "
	    "field differ (organization, background)",
	.options = options,
	.option_docs = option_docs,
	.init = value_bonus_init,
	.score = div_score,
	.reason = div_reason,
	.fini = value_bonus_fini,
	.candidates = value_bonus_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
