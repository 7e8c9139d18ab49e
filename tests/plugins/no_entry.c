/*
 * no_entry.c -- a shared object that is not a mingle plugin: it exports a
 * function, but not mingle_plugin_entry.  The loader must say so.
 */
#include "mingle/plugin.h"

const struct mingle_strategy *mingle_plugin_entrypoint(void);

/* Close to the real name, to show the loader wants it exactly. */
const struct mingle_strategy *
mingle_plugin_entrypoint(void)
{
	return NULL;
}
