/*
 * value_bonus.c -- init and fini shared by the plugins that pay a bonus
 * for how two values compare (see value_bonus.h).
 */
#include <stdlib.h>

#include "option_value.h"
#include "value_bonus.h"

int
value_bonus_init(const struct mingle_api *api, mingle_host *host,
    void **statep)
{
	struct value_bonus *st;

	if ((st = calloc(1, sizeof *st)) == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	if (option_value_number(api, host, "bonus", 1, 0, 1e6,
	    &st->bonus) != 0) {
		free(st);
		return -1;
	}
	if (value_set_init(&st->vs, api, host, "field",
	    api->option(host, "field"), 1u << MINGLE_FIELD_CATEGORY |
	    1u << MINGLE_FIELD_TEXT | 1u << MINGLE_FIELD_TAGS) != 0) {
		free(st);
		return -1;
	}
	if (value_set_ignore(&st->vs, "ignore") != 0) {
		value_set_free(&st->vs);
		free(st);
		return -1;
	}
	*statep = st;
	return 0;
}

int
value_bonus_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct value_bonus *st = statep;
	const uint32_t *ids;

	(void)k;
	(void)out;
	(void)cap;
	*n = 0;
	*bound = value_set_of(&st->vs, a, &ids) > 0 ? st->bonus : 0;
	return 0;
}

void
value_bonus_fini(void *statep)
{
	struct value_bonus *st = statep;

	if (st == NULL)
		return;
	value_set_free(&st->vs);
	free(st);
}
