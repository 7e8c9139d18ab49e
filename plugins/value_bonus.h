/*
 * value_bonus.h -- the state of a built-in plugin that pays a bonus for
 * how two attendees' values of one field compare (same, diversity).
 * Uses only the public ABI; every error goes through api->error().
 */
#ifndef MINGLE_PLUGINS_VALUE_BONUS_H
#define MINGLE_PLUGINS_VALUE_BONUS_H

#include "mingle/plugin.h"
#include "value_set.h"

struct value_bonus {
	struct value_set vs;	/* the field's values, "ignore" applied */
	double bonus;		/* option "bonus", 0 to 1000000, default 1 */
};

/*
 * init for such a plugin: reads "bonus", "field" (a category, text or
 * tags field) and "ignore" into a new struct value_bonus at *STATEP.
 * Returns 0, or -1 after api->error().
 */
int value_bonus_init(const struct mingle_api *api, mingle_host *host,
    void **statep);

/*
 * candidates for such a plugin: lists nobody, with the bonus as the bound
 * for an attendee with a value and 0 for one without (a pair scores at
 * most the bonus, and nothing where one side has no value).
 */
int value_bonus_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound);

/* fini: frees what value_bonus_init made; STATEP may be NULL. */
void value_bonus_fini(void *statep);

#endif
