/*
 * option_value.c -- numbers and lists in a built-in plugin's options.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "option_value.h"

int
option_value_number(const struct mingle_api *api, mingle_host *host,
    const char *key, double def, double min, double max, double *out)
{
	const char *text = api->option(host, key);
	char *end;
	double v;

	if (text == NULL) {
		*out = def;
		return 0;
	}
	v = strtod(text, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (end == text || *end != '\0' || !isfinite(v) || v < min ||
	    v > max) {
		api->error(host, "'%s' must be a number from %.15g to "
		    "%.15g, not '%s'", key, min, max, text);
		return -1;
	}
	*out = v;
	return 0;
}

/* A copy of the N bytes at S without white space at either end. */
static char *
trimmed(const char *s, size_t n)
{
	char *t;

	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if ((t = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(t, s, n);
	t[n] = '\0';
	return t;
}

int
option_value_list(const struct mingle_api *api, mingle_host *host,
    const char *key, char ***items, size_t *n)
{
	const char *text = api->option(host, key), *p, *comma;
	char **v;
	size_t k = 0, cap = 1;

	*items = NULL;
	*n = 0;
	for (p = text; p != NULL && *p != '\0'; p++)
		cap += *p == ',';
	if ((v = calloc(cap, sizeof *v)) == NULL)
		goto oom;
	for (p = text; p != NULL; p = *comma != '\0' ? comma + 1 : NULL) {
		comma = p + strcspn(p, ",");
		if ((v[k] = trimmed(p, (size_t)(comma - p))) == NULL) {
			option_value_free_list(v, k);
			goto oom;
		}
		if (*v[k] == '\0')
			free(v[k]);
		else
			k++;
	}
	*items = v;
	*n = k;
	return 0;
oom:
	api->error(host, "out of memory");
	return -1;
}

void
option_value_free_list(char **items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
}
