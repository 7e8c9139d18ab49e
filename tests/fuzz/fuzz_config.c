/*
 * fuzz_config.c -- libFuzzer harness: the config loader.
 *
 * The input is an INI file, loaded with config_load() from a file in
 * memory.  A config that loads is read back the way its users read it
 * (mode and field type names, strategy options) and freed.  config_load()
 * sets inih's global switches itself before every parse, so inputs cannot
 * influence each other.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static void	config_read_back(const struct mingle_config *);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mingle_config *c;
	char *cause = NULL;

	c = config_load(fuzz_file(0, data, size), &cause);
	if (c == NULL) {
		if (cause == NULL || *cause == '\0')
			abort();	/* every failure says why */
		free(cause);
		return 0;
	}
	config_read_back(c);
	config_free(c);
	return 0;
}

static void
config_read_back(const struct mingle_config *c)
{
	const struct config_strategy *s;
	size_t i, k;

	if (config_mode_name(c->match.mode) == NULL)
		abort();
	for (i = 0; i < c->nfields; i++)
		if (strcmp(config_field_type_name(c->fields[i].type), "?") == 0)
			abort();	/* check_config requires a type */
	for (i = 0; i < c->nstrategies; i++) {
		s = &c->strategies[i];
		for (k = 0; k < s->noptions; k++)
			if (config_strategy_option(s, s->options[k].key) ==
			    NULL)
				abort();
	}
}
