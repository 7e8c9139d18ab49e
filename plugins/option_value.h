/*
 * option_value.h -- reading a built-in plugin's options: numbers in a
 * range, and comma-separated lists.  Uses only the public ABI; every error
 * goes through api->error() and names the option.
 */
#ifndef MINGLE_PLUGINS_OPTION_VALUE_H
#define MINGLE_PLUGINS_OPTION_VALUE_H

#include <stddef.h>

#include "mingle/plugin.h"

/*
 * Option KEY as a finite number from MIN to MAX into *OUT, or DEF if the
 * section does not set it.  Returns 0, or -1 after api->error() naming
 * KEY, the range and the value given.
 */
int option_value_number(const struct mingle_api *api, mingle_host *host,
    const char *key, double def, double min, double max, double *out);

/*
 * Option KEY split at commas into *ITEMS (*N of them), each trimmed of
 * white space; empty items are skipped.  A missing option is an empty
 * list.  The array and its strings are new; free them with
 * option_value_free_list.  Returns 0, or -1 after api->error() if memory
 * ran out.
 */
int option_value_list(const struct mingle_api *api, mingle_host *host,
    const char *key, char ***items, size_t *n);
void option_value_free_list(char **items, size_t n);

#endif
