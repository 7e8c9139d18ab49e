/*
 * plugin_host.h -- the host side of the plugin ABI: the api table.
 *
 * One struct mingle_host per loaded .so strategy.  The api functions only
 * read the attendee table, which is immutable, so they are thread-safe.
 */
#ifndef MINGLE_PLUGIN_HOST_H
#define MINGLE_PLUGIN_HOST_H

#include "attendees.h"
#include "config.h"
#include "mingle/plugin.h"

struct mingle_host {
	const struct attendee_table *t;
	const struct config_strategy *cs;
	const struct mingle_config *config;	/* for table(); may be NULL */
	const char *label;	/* "strategy NAME (plugin P)" for messages */
	char *error;		/* set by api->error during init */

	/* ABI 1.2: what init asks for, taken over by the strategy after
	 * it (struct strategy's quota and pins); quota and pin do nothing
	 * unless in_init. */
	int in_init;
	uint32_t *quota;	/* per attendee, UINT32_MAX = no limit */
	uint32_t *pins;		/* pairs */
	size_t npins;
	size_t pins_cap;
};

/* The one api table; every plugin gets a pointer to it. */
extern const struct mingle_api plugin_host_api;

#endif
