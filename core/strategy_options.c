/*
 * strategy_options.c -- hold a [strategy] section against the options its
 * strategy declares; the same check for plugins and Lua rules.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "attendees.h"
#include "strategy_options.h"
#include "util.h"

static const char *const type_names[] = {
	"string", "number", "integer", "boolean"
};
#define NTYPES	(sizeof type_names / sizeof type_names[0])

/* What a value of each type must be, for messages. */
static const char *const type_wants[] = {
	"a string", "a number", "a whole number", "yes or no"
};

static int	option_parse(enum strategy_option_type, const char *,
		    struct strategy_value *);
static int	option_unknown(const struct config_strategy *,
		    const struct config_option *,
		    const struct strategy_options *, const char *,
		    const char *, char **);
static void	option_every_key(const struct config_strategy *,
		    struct strategy_value **, size_t *);

const char *
strategy_options_type_name(enum strategy_option_type type)
{
	return (size_t)type < NTYPES ? type_names[type] : "?";
}

int
strategy_options_declare(struct strategy_options *decl, const char *name,
    const char *type, const char *def, const char *doc, char **cause)
{
	struct strategy_option *o;
	struct strategy_value v;
	const char *near;
	size_t k = STRATEGY_OPTION_STRING;

	if (type != NULL) {
		for (k = 0; k < NTYPES; k++)
			if (strcmp(type, type_names[k]) == 0)
				break;
	}
	if (k == NTYPES) {
		near = closest_match(type, type_names, NTYPES);
		*cause = xasprintf("unknown type '%s'%s%s%s (types: string, "
		    "number, integer, boolean)", type,
		    near != NULL ? "; did you mean '" : "",
		    near != NULL ? near : "", near != NULL ? "'?" : "");
		return -1;
	}
	if (def != NULL && option_parse(k, def, &v) != 0) {
		*cause = xasprintf("the default must be %s, not '%s'",
		    type_wants[k], def);
		return -1;
	}
	decl->v = xreallocarray(decl->v, decl->n + 1, sizeof *decl->v);
	o = &decl->v[decl->n++];
	o->name = xstrdup(name);
	o->type = k;
	o->def = def != NULL ? xstrdup(def) : NULL;
	o->doc = doc != NULL ? xstrdup(doc) : NULL;
	return 0;
}

void
strategy_options_free(struct strategy_options *decl)
{
	size_t i;

	for (i = 0; i < decl->n; i++) {
		free(decl->v[i].name);
		free(decl->v[i].def);
		free(decl->v[i].doc);
	}
	free(decl->v);
	memset(decl, 0, sizeof *decl);
}

/* Read TEXT as a value of TYPE into *V.  0, or -1 if it is not one. */
static int
option_parse(enum strategy_option_type type, const char *text,
    struct strategy_value *v)
{
	int b;

	v->type = type;
	v->text = text;
	switch (type) {
	case STRATEGY_OPTION_NUMBER:
		return parse_decimal(text, &v->number);
	case STRATEGY_OPTION_INTEGER:
		return parse_long(text, &v->integer);
	case STRATEGY_OPTION_BOOLEAN:
		if ((b = attendees_parse_bool(text)) < 0)
			return -1;
		v->boolean = b;
		return 0;
	default:
		return 0;
	}
}

int
strategy_options_check(const struct config_strategy *cs,
    const struct strategy_options *decl, const char *label, const char *own,
    struct strategy_value **values, size_t *n, char **cause)
{
	const struct config_option *co;
	const struct strategy_option *o;
	struct strategy_value *v;
	size_t i, k, nv = 0;

	if (!decl->declared) {
		if (values != NULL)
			option_every_key(cs, values, n);
		return 0;
	}
	/* One slot per declared option; a NULL name is "no value". */
	v = xcalloc(decl->n + 1, sizeof *v);
	for (i = 0; i < cs->noptions; i++) {
		co = &cs->options[i];
		for (k = 0; k < decl->n; k++)
			if (strcmp(decl->v[k].name, co->key) == 0)
				break;
		if (k == decl->n) {
			free(v);
			return option_unknown(cs, co, decl, label, own, cause);
		}
		o = &decl->v[k];
		if (option_parse(o->type, co->value, &v[k]) != 0) {
			*cause = xasprintf("%s:%d: %s: option '%s' must be %s, "
			    "not '%s'", cs->file, co->line, label, co->key,
			    type_wants[o->type], co->value);
			free(v);
			return -1;
		}
		v[k].name = o->name;
	}
	for (k = 0; k < decl->n; k++) {
		o = &decl->v[k];
		if (v[k].name == NULL && o->def != NULL) {
			/* Checked when it was declared. */
			option_parse(o->type, o->def, &v[k]);
			v[k].name = o->name;
		}
		if (v[k].name != NULL)
			v[nv++] = v[k];
	}
	if (values != NULL) {
		*values = v;
		*n = nv;
	} else
		free(v);
	return 0;
}

/* The message for CO, a key DECL does not declare. */
static int
option_unknown(const struct config_strategy *cs,
    const struct config_option *co, const struct strategy_options *decl,
    const char *label, const char *own, char **cause)
{
	struct strbuf all = { 0 };
	const char **names, *best;
	size_t k;

	names = xcalloc(decl->n + 1, sizeof *names);
	for (k = 0; k < decl->n; k++) {
		names[k] = decl->v[k].name;
		strbuf_printf(&all, "%s%s", k ? ", " : "", names[k]);
	}
	best = closest_match(co->key, names, decl->n);
	*cause = xasprintf("%s:%d: %s has no option '%s'%s%s%s (options: %s; "
	    "and for every strategy: %s)", cs->file, co->line, label, co->key,
	    best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "",
	    decl->n ? all.buf : "none", own);
	strbuf_free(&all);
	free(names);
	return -1;
}

/* Nothing declared: every key of CS, as a string. */
static void
option_every_key(const struct config_strategy *cs,
    struct strategy_value **values, size_t *n)
{
	size_t i;

	*values = xcalloc(cs->noptions + 1, sizeof **values);
	for (i = 0; i < cs->noptions; i++) {
		(*values)[i].name = cs->options[i].key;
		(*values)[i].type = STRATEGY_OPTION_STRING;
		(*values)[i].text = cs->options[i].value;
	}
	*n = cs->noptions;
}
