/*
 * plugin_loader.h -- find, open and check .so strategy plugins.
 *
 * Search order for a plugin named NAME (file NAME.so):
 *   1. the config's [plugins] path (folders, ':'-separated),
 *   2. $MINGLE_PLUGIN_PATH (':'-separated),
 *   3. the build tree's plugins/.libs, when mingle runs uninstalled,
 *   4. $(pkglibdir), where `make install` puts the built-in plugins.
 * A plugin given with a '/' (e.g. ./my_rule.so) is a path, relative to the
 * config file, and is not searched for.
 */
#ifndef MINGLE_PLUGIN_LOADER_H
#define MINGLE_PLUGIN_LOADER_H

#include <stddef.h>

#include "config.h"
#include "strategy.h"

/* The folders searched, in order; new array of new strings.  CONFIG may
 * be NULL. */
char **plugin_search_dirs(const struct mingle_config *config, size_t *n);
void plugin_free_dirs(char **dirs, size_t n);

/* Open PATH, read and check its descriptor, close it again. */
void plugin_probe(const char *path, struct strategy_info *info);

#endif
