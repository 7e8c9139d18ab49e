/*
 * same.c -- the built-in strategy "same": a bonus for a pair that shares a
 * value of one field, such as the same language or the same city.
 *
 * In a category or text field the two values must be equal, compared
 * folded ("Köln", " köln" and "KÖLN" are one city); in a tags field they
 * must hold at least one tag in common (both speak Deutsch).  A missing
 * value never counts.  The bonus is the same however many tags they share:
 * shared_tags is the strategy that counts them.
 *
 * Uses only the public ABI (include/mingle/plugin.h).  Options:
 *     field = NAME     a category, text or tags field (required)
 *     bonus = X        the score of a pair that shares a value (default 1)
 *     ignore = A, B    values that count as missing ("n/a, Other")
 * Reason: "same city: Köln", "same languages: deutsch, english".
 */

#include "mingle/plugin.h"
#include "value_bonus.h"

static const char *const options[] = { "field", "bonus", "ignore", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a category, text or tags field (required)",
	"the score of a pair sharing a value: 0 to 1000000, default 1",
	"values that count as missing, comma-separated",
};

static int
same_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct value_bonus *st = statep;
	size_t i;

	(void)veto;
	for (i = 0; i < n; i++)
		if (value_set_shared(&st->vs, a, cand[i], NULL, 0) > 0)
			scores[i] = st->bonus;
	return 0;
}

static void
same_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct value_bonus *st = statep;

	buf[0] = '\0';
	if (st->bonus != 0)
		value_set_reason_shared(&st->vs, a, b, buf, cap);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC | MINGLE_STRATEGY_GROUP_BONUS,
	.name = "same",
	.version = "1.0.0",
	.description = "a bonus when both share a value of a category, text "
	    "or tags field (language, city)",
	.options = options,
	.option_docs = option_docs,
	.init = value_bonus_init,
	.score = same_score,
	.reason = same_reason,
	.fini = value_bonus_fini,
	.candidates = value_bonus_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
