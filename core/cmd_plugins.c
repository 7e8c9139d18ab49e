/*
 * cmd_plugins.c -- `mingle plugins`: the strategy plugins mingle can find.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "config.h"
#include "plugin_loader.h"
#include "util.h"

static int
cmd_plugins_exec(const struct cmd_entry *self, int argc, char **argv)
{
	struct mingle_config *c = NULL;
	const char *config = NULL;
	char *cause = NULL, **dirs, **files;
	size_t ndirs, nfiles, i, k, found = 0;
	int rc, first;

	rc = cli_parse(self, argc, argv, &config, NULL, &first);
	if (rc >= 0)
		return rc;
	if (config != NULL && (c = config_load(config, &cause)) == NULL)
		return cli_fail(cause);
	dirs = plugin_search_dirs(c, &ndirs);
	for (i = 0; i < ndirs; i++) {
		if (plugin_list_dir(dirs[i], &files, &nfiles) != 0) {
			printf("# %s (not there)\n", dirs[i]);
			continue;
		}
		printf("# %s\n", dirs[i]);
		for (k = 0; k < nfiles; k++) {
			struct plugin_info info;

			plugin_probe(files[k], &info);
			if (info.error != NULL)
				printf("  (unusable) %s\n    %s\n", files[k],
				    info.error);
			else {
				printf("  %-16s %-8s ABI %u.%u  %s\n    %s\n",
				    info.name, info.version, info.abi_major,
				    info.abi_minor, info.description,
				    info.path);
				found++;
			}
			plugin_info_free(&info);
			free(files[k]);
		}
		free(files);
	}
	printf("%zu plugin%s found; Lua scripts are named in the config "
	    "with 'script ='.\n", found, found == 1 ? "" : "s");
	plugin_free_dirs(dirs, ndirs);
	config_free(c);
	return EXIT_OK;
}

const struct cmd_entry cmd_plugins_entry = {
	.name = "plugins",
	.usage = "[-c CONFIG]",
	.summary = "list the strategy plugins found, with path, ABI and "
	    "version",
	.help =
	    "Searches, in order: the config's [plugins] path (with -c), "
	    "$MINGLE_PLUGIN_PATH,\nthe build tree when mingle runs "
	    "uninstalled, and the installed plugin folder.\nThe first "
	    "NAME.so found serves `plugin = NAME`.  Files that are not usable "
	    "plugins\nare listed with the reason.\n\n"
	    "Options:\n"
	    "  -c, --config FILE   also search the config's [plugins] path\n"
	    "  -h, --help          this help\n",
	.exec = cmd_plugins_exec,
};
