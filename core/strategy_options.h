/*
 * strategy_options.h -- the options a strategy declares, checked by the
 * host for both kinds.
 *
 * A plugin declares the keys its [strategy] section may hold in its
 * descriptor (names, and from ABI 1.1 one-line docs); a Lua rule in the
 * `options` table it returns (names, types, defaults, one-line docs).
 * Before the strategy's init runs, strategy_options_check() holds the
 * section against the declaration: a key that is not declared is an error
 * suggesting the closest one, a typed value must parse, and options the
 * section leaves out take their defaults.
 */
#ifndef MINGLE_STRATEGY_OPTIONS_H
#define MINGLE_STRATEGY_OPTIONS_H

#include <stddef.h>

#include "config.h"

enum strategy_option_type {
	STRATEGY_OPTION_STRING = 0,	/* the text as written */
	STRATEGY_OPTION_NUMBER,		/* a finite number (parse_double) */
	STRATEGY_OPTION_INTEGER,	/* a whole number (parse_long) */
	STRATEGY_OPTION_BOOLEAN		/* yes/no, as in bool fields */
};

struct strategy_option {
	char *name;
	enum strategy_option_type type;
	char *def;		/* the default, as a config says it, or NULL */
	char *doc;		/* one line for `mingle plugins`, or NULL */
};

/*
 * What a strategy takes.  Starts as { 0 }: not declared, so every key
 * passes unchecked as a string (a Lua rule without `options`).  Set
 * DECLARED before declaring; a strategy may declare no option at all.
 */
struct strategy_options {
	int declared;
	struct strategy_option *v;	/* in declaration order */
	size_t n;
};

/* One value for init: a key of the section, or a default. */
struct strategy_value {
	const char *name;	/* borrowed from the section or declaration */
	enum strategy_option_type type;
	const char *text;	/* as written, or the default; borrowed */
	double number;		/* NUMBER */
	long integer;		/* INTEGER */
	int boolean;		/* BOOLEAN: 1 or 0 */
};

/*
 * Declare option NAME in DECL.  TYPE is "string", "number", "integer" or
 * "boolean" (NULL: string); DEF the default, written as in a config (NULL:
 * none); DOC one line (NULL: none).  Strings are copied.  Returns 0, or
 * nonzero with *cause set, without a place, for an unknown type (with a
 * suggestion) or a default that is not of the type.
 */
int strategy_options_declare(struct strategy_options *decl,
    const char *name, const char *type, const char *def, const char *doc,
    char **cause);
void strategy_options_free(struct strategy_options *decl);

/* "string", "number", "integer" or "boolean". */
const char *strategy_options_type_name(enum strategy_option_type type);

/*
 * Check the keys of section CS against DECL.  LABEL names the strategy in
 * messages ("strategy 's' (plugin shared_tags 1.0.0)"); OWN lists the keys
 * mingle reads itself from such a section, for the message that lists the
 * options.  Every key must be declared and hold a value of its type.
 *
 * Returns 0 and, if VALUES is not NULL, stores in *VALUES (a new array the
 * caller frees; its strings point into CS and DECL) and *N what init gets:
 * each declared option the section gives or that has a default, in
 * declaration order, or, if DECL is not declared, every key as a string in
 * file order.  Returns nonzero with *cause "FILE:LINE: ..." on a bad key.
 */
int strategy_options_check(const struct config_strategy *cs,
    const struct strategy_options *decl, const char *label, const char *own,
    struct strategy_value **values, size_t *n, char **cause);

#endif
