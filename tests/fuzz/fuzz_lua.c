/*
 * fuzz_lua.c -- libFuzzer harness: loading and running a Lua rule.
 *
 * The input is a rule script.  It is loaded into the sandbox as a
 * [strategy] with script = the input (no options, so the shipped scripts'
 * defaults apply), then the engine scores the fixed event of fuzz_event.c
 * with it: load, init, prepare, the pair loop, and single pairs with their
 * reasons.  The limits are low (1 MiB, 20000 instructions a call) so that
 * a runaway script costs little time; hitting one is an ordinary error.
 *
 * The event and its config are built once; every input gets a new
 * sandbox, freed with the strategy, so no Lua state outlives an input.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util.h"

/* The rule is file slot 1; fuzz_event_open() uses slot 0. */
#define RULE_SLOT	1

static struct fuzz_event lua_event;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *ini, *cause = NULL;

	(void)argc;
	(void)argv;
	ini = xasprintf("%s[strategy rule]\nscript = %s\nmemory_limit = 1M\n"
	    "instruction_limit = 20000\n\n[match]\nseed = 7\n", fuzz_event_ini,
	    fuzz_file(RULE_SLOT, "", 0));
	if (fuzz_event_open(&lua_event, ini, strlen(ini), &cause) != 0) {
		fprintf(stderr, "fuzz_lua: the fixed event: %s\n", cause);
		exit(1);
	}
	free(ini);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strategy *list;
	size_t n;
	char *cause = NULL;

	fuzz_file(RULE_SLOT, data, size);
	if (strategies_load(lua_event.config, &lua_event.t, &list, &n, NULL,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	fuzz_event_score(&lua_event, list, n);
	strategies_free(list, n);
	return 0;
}
