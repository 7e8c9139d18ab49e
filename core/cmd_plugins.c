/*
 * cmd_plugins.c -- `mingle plugins`: the strategy plugins and Lua rules
 * mingle can find, with the options each takes.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "plugin_loader.h"
#include "strategy.h"
#include "util.h"

/* The first line of TEXT, indented under the file it is about. */
static void
print_error(const char *text)
{
	printf("    %.*s\n", (int)strcspn(text, "\n"), text);
}

/* An option's type and default, "(number, default: 1)", or "". */
static char *
option_note(const struct strategy_option *o)
{
	const char *type = strategy_options_type_name(o->type);
	int typed = o->type != STRATEGY_OPTION_STRING;

	if (o->def == NULL)
		return typed ? xasprintf("(%s)", type) : xstrdup("");
	return xasprintf("(%s%sdefault: %s)", typed ? type : "",
	    typed ? ", " : "", *o->def != '\0' ? o->def : "\"\"");
}

/* What a strategy takes: one line of names, or one line each when there
 * are docs, types or defaults to show. */
static void
print_options(const struct strategy_options *decl)
{
	const struct strategy_option *o;
	size_t i, width = 0;
	int plain = 1;
	char *note;

	if (!decl->declared) {
		printf("    options: not declared (init gets every key, "
		    "unchecked)\n");
		return;
	}
	for (i = 0; i < decl->n; i++) {
		o = &decl->v[i];
		if (o->doc != NULL || o->def != NULL ||
		    o->type != STRATEGY_OPTION_STRING)
			plain = 0;
		if (strlen(o->name) > width)
			width = strlen(o->name);
	}
	if (decl->n == 0 || plain) {
		printf("    options:%s", decl->n == 0 ? " none" : "");
		for (i = 0; i < decl->n; i++)
			printf("%s %s", i ? "," : "", decl->v[i].name);
		printf("\n");
		return;
	}
	printf("    options:\n");
	for (i = 0; i < decl->n; i++) {
		o = &decl->v[i];
		note = option_note(o);
		if (o->doc == NULL && *note == '\0')
			printf("      %s\n", o->name);
		else
			printf("      %-*s  %s%s%s\n", (int)width, o->name,
			    o->doc != NULL ? o->doc : "",
			    o->doc != NULL && *note != '\0' ? " " : "", note);
		free(note);
	}
}

/* Every plugin in DIRS; returns how many are usable. */
static size_t
list_plugins(char **dirs, size_t ndirs)
{
	struct strategy_info info;
	char **files;
	size_t i, k, nfiles, found = 0;

	for (i = 0; i < ndirs; i++) {
		if (list_dir(dirs[i], ".so", &files, &nfiles) != 0) {
			printf("# %s (not there)\n", dirs[i]);
			continue;
		}
		printf("# %s\n", dirs[i]);
		for (k = 0; k < nfiles; k++) {
			plugin_probe(files[k], &info);
			if (info.error != NULL) {
				printf("  (unusable) %s\n", files[k]);
				print_error(info.error);
			} else {
				printf("  %-16s %-8s ABI %u.%u  %s\n    %s\n",
				    info.name, info.version, info.abi_major,
				    info.abi_minor, info.description,
				    info.path);
				print_options(&info.options);
				found++;
			}
			strategy_info_free(&info);
			free(files[k]);
		}
		free(files);
	}
	return found;
}

/* The Lua rule at PATH; returns 1 if it is usable. */
static int
list_rule(const char *path)
{
	struct strategy_info info;
	int usable;

	rule_strategy_probe(path, &info);
	usable = info.error == NULL;
	if (!usable) {
		printf("  (unusable) %s\n", path);
		print_error(info.error);
	} else {
		if (*info.description != '\0')
			printf("  %-22s %-8s %s\n", info.name, info.version,
			    info.description);
		else
			printf("  %-22s %s\n", info.name, info.version);
		printf("    %s\n", info.path);
		if (info.max_score != NULL)
			printf("    max_score: %s\n", info.max_score);
		print_options(&info.options);
	}
	strategy_info_free(&info);
	return usable;
}

/* Is PATH one of the N FILES (the same file, however named)? */
static int
listed(const char *path, char **files, size_t n)
{
	char *real = realpath(path, NULL), *other;
	size_t i;
	int same = 0;

	for (i = 0; i < n && real != NULL && !same; i++) {
		other = realpath(files[i], NULL);
		same = other != NULL && strcmp(real, other) == 0;
		free(other);
	}
	free(real);
	return same;
}

/* The shipped rules, then those C names elsewhere; returns how many are
 * usable. */
static size_t
list_rules(const struct mingle_config *c)
{
	const char *dir = script_dir();
	char **files;
	size_t i, nfiles, found = 0, other = 0;

	if (list_dir(dir, ".lua", &files, &nfiles) != 0)
		printf("# %s (not there)\n", dir);
	else {
		printf("# %s (Lua rules)\n", dir);
		for (i = 0; i < nfiles; i++)
			found += (size_t)list_rule(files[i]);
	}
	for (i = 0; c != NULL && i < c->nstrategies; i++) {
		const char *script = c->strategies[i].script;

		if (script == NULL || listed(script, files, nfiles))
			continue;
		if (other++ == 0)
			printf("# Lua rules in %s\n", c->path);
		found += (size_t)list_rule(script);
		/* A rule used twice is listed once. */
		files = xreallocarray(files, nfiles + 1, sizeof *files);
		files[nfiles++] = xstrdup(script);
	}
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	return found;
}

static int
cmd_plugins_exec(const struct cmd_entry *self, int argc, char **argv)
{
	struct mingle_config *c = NULL;
	const char *config = NULL;
	char *cause = NULL, **dirs;
	size_t ndirs, found, rules;
	int rc, first;

	rc = cli_parse(self, argc, argv, &config, NULL, &first);
	if (rc >= 0)
		return rc;
	if (config != NULL && (c = config_load(config, &cause)) == NULL)
		return cli_fail(cause);
	dirs = plugin_search_dirs(c, &ndirs);
	found = list_plugins(dirs, ndirs);
	rules = list_rules(c);
	printf("%zu plugin%s and %zu Lua rule%s found; a [strategy] section "
	    "uses one with\n'plugin = NAME' or 'script = FILE'.\n", found,
	    found == 1 ? "" : "s", rules, rules == 1 ? "" : "s");
	plugin_free_dirs(dirs, ndirs);
	config_free(c);
	return EXIT_OK;
}

const struct cmd_entry cmd_plugins_entry = {
	.name = "plugins",
	.usage = "[-c CONFIG]",
	.summary = "list the strategy plugins and Lua rules found, with "
	    "their options",
	.help =
	    "Searches, in order: the config's [plugins] path (with -c), "
	    "$MINGLE_PLUGIN_PATH,\nthe build tree when mingle runs "
	    "uninstalled, and the installed plugin folder.\nThe first "
	    "NAME.so found serves `plugin = NAME`.  Files that are not usable "
	    "plugins\nare listed with the reason.  Then the Lua rules shipped "
	    "with mingle and, with -c,\nthose the config names.  Each comes "
	    "with the options it declares.\n\n"
	    "Options:\n"
	    "  -c, --config FILE   also search the config's [plugins] path "
	    "and list its rules\n"
	    "  -h, --help          this help\n",
	.exec = cmd_plugins_exec,
};
