/*
 * text_field.c -- a field named in an option, looked up and checked, with
 * messages that say how to fix the config.  See text.h.
 */
#include "autoconf.h"

#include "text.h"

int
text_field(const struct mingle_api *api, mingle_host *host, const char *key,
    const char *name, unsigned want, int *typep)
{
	int type = 0, field = api->field(host, name, &type);

	if (field < 0) {
		api->error(host, "%s = %s: no such field; define it in a "
		    "[field %s] section", key, name, name);
		return -1;
	}
	if ((want & (1u << type)) == 0) {
		api->error(host, "%s = %s: a %s field; this strategy "
		    "compares %s fields%s", key, name, mingle_field_type_name(type),
		    want & (1u << MINGLE_FIELD_TAGS) ? "tags, text or category" :
		    "text or category", type == MINGLE_FIELD_TAGS ?
		    " (shared_tags compares tags)" : "");
		return -1;
	}
	if (typep != NULL)
		*typep = type;
	return field;
}
