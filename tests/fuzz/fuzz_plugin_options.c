/*
 * fuzz_plugin_options.c -- libFuzzer harness: the options an INI gives a
 * plugin strategy.
 *
 * The input is the rest of a [strategy] section that uses the built-in
 * shared_tags plugin: it is appended to the fixed event's config and
 * "[strategy tags]\nplugin = PATH\n", and the whole is loaded with
 * config_load().  Every strategy naming that plugin is then opened as
 * mingle opens it: the host checks the section's keys against the
 * options the plugin declares, then shared_tags' init parses them.  One
 * that opens scores the event (fuzz_event_score).
 *
 * Strategies naming another plugin, or a script, are skipped: the fuzzer
 * must not dlopen whatever file an input names.
 *
 * The plugin is opened once more in LLVMFuzzerInitialize and never closed,
 * so the dlopen and dlclose of each input only count references: the
 * plugin is not loaded again per input (a plugin built with coverage
 * would register its counters anew each time).
 */
#include "autoconf.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util.h"

/* make fuzz builds its own instrumented shared_tags.so and says where. */
#ifndef FUZZ_PLUGIN
#define FUZZ_PLUGIN MINGLE_BUILD_PLUGINDIR "/shared_tags.so"
#endif

static char	*options_head;
static void	*options_pin;

static void	options_open_all(struct fuzz_event *);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	options_pin = dlopen(FUZZ_PLUGIN, RTLD_NOW | RTLD_LOCAL);
	if (options_pin == NULL) {
		fprintf(stderr, "fuzz_plugin_options: %s\n", dlerror());
		exit(1);
	}
	options_head = xasprintf("%s[strategy tags]\nplugin = %s\n",
	    fuzz_event_ini, FUZZ_PLUGIN);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_event ev;
	size_t head = strlen(options_head);
	char *ini, *cause = NULL;

	ini = xmalloc(head + size);
	memcpy(ini, options_head, head);
	if (size > 0)
		memcpy(ini + head, data, size);
	if (fuzz_event_open(&ev, ini, head + size, &cause) != 0) {
		free(cause);
		free(ini);
		return 0;
	}
	free(ini);
	options_open_all(&ev);
	fuzz_event_close(&ev);
	return 0;
}

/* Open the strategies of EV that use FUZZ_PLUGIN; score with them. */
static void
options_open_all(struct fuzz_event *ev)
{
	const struct mingle_config *c = ev->config;
	struct strategy *list;
	size_t i, n = 0;
	char *cause;

	list = xcalloc(c->nstrategies, sizeof *list);
	for (i = 0; i < c->nstrategies; i++) {
		const struct config_strategy *cs = &c->strategies[i];

		if (cs->plugin == NULL || strcmp(cs->plugin, FUZZ_PLUGIN) != 0)
			continue;
		cause = NULL;
		if (plugin_strategy_open(c, cs, &ev->t, &list[n], &cause) != 0) {
			free(cause);
			continue;
		}
		list[n].name = xstrdup(cs->name);
		list[n].weight = cs->weight;
		n++;
	}
	if (n > 0)
		fuzz_event_score(ev, list, n);
	strategies_free(list, n);
}
