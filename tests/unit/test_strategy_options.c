/*
 * test_strategy_options.c -- unit tests for core/strategy_options.c: the
 * check of a [strategy] section against the options its strategy
 * declares, the same for plugins and Lua rules.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "strategy_options.h"
#include "tap.h"
#include "util.h"

#define LABEL	"strategy 's' (script rule.lua 1.0)"
#define OWN	"script, weight"

/* A section "[strategy s]" in event.ini holding the keys and values of
 * KV (NULL-terminated pairs), the first on line 12. */
static struct config_strategy
section(struct config_option *opts, const char *const *kv)
{
	struct config_strategy cs = { 0 };
	size_t n = 0;

	for (; kv[2 * n] != NULL; n++) {
		opts[n].key = (char *)kv[2 * n];
		opts[n].value = (char *)kv[2 * n + 1];
		opts[n].line = 12 + (int)n;
	}
	cs.name = (char *)"s";
	cs.options = opts;
	cs.noptions = n;
	cs.file = "event.ini";
	return cs;
}

/* The options of the example rule. */
static void
declare_city(struct strategy_options *d)
{
	char *cause = NULL;

	memset(d, 0, sizeof *d);
	d->declared = 1;
	if (strategy_options_declare(d, "city", NULL, NULL, "only its locals",
	    &cause) != 0 ||
	    strategy_options_declare(d, "field", "string", "city",
	    "the city field", &cause) != 0 ||
	    strategy_options_declare(d, "score", "number", "1", "the bonus",
	    &cause) != 0 ||
	    strategy_options_declare(d, "rounds", "integer", "2", NULL,
	    &cause) != 0 ||
	    strategy_options_declare(d, "strict", "boolean", "no", NULL,
	    &cause) != 0) {
		printf("# declare: %s\n", cause);
		exit(99);
	}
}

/* Check KV against D; on success the values are in *V (freed by the
 * caller), on failure the message is returned. */
static char *
check(const struct strategy_options *d, const char *const *kv,
    struct strategy_value **v, size_t *n)
{
	struct config_option opts[8];
	struct config_strategy cs = section(opts, kv);
	char *cause = NULL;

	*v = NULL;
	*n = 0;
	if (strategy_options_check(&cs, d, LABEL, OWN, v, n, &cause) != 0)
		return cause;
	return NULL;
}

static const struct strategy_value *
value(const struct strategy_value *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

static void
test_defaults(void)
{
	static const char *const none[] = { NULL };
	static const char *const some[] = {
		"score", "2.5", "strict", "Ja", "rounds", "3", "city", "Köln",
		NULL
	};
	static const char *const comma[] = { "score", "0,5", NULL };
	struct strategy_options d;
	struct strategy_value *v;
	const struct strategy_value *x;
	size_t n;
	char *err;

	declare_city(&d);
	err = check(&d, none, &v, &n);
	ok(err == NULL, "no keys: fine");
	is_int(n, 4, "every option with a default, and only those");
	ok(value(v, n, "city") == NULL, "no default, not given: absent");
	x = value(v, n, "field");
	ok(x != NULL && x->type == STRATEGY_OPTION_STRING &&
	    strcmp(x->text, "city") == 0, "a string default");
	x = value(v, n, "score");
	ok(x != NULL && x->type == STRATEGY_OPTION_NUMBER && x->number == 1,
	    "a number default, converted");
	x = value(v, n, "rounds");
	ok(x != NULL && x->integer == 2, "an integer default, converted");
	x = value(v, n, "strict");
	ok(x != NULL && x->type == STRATEGY_OPTION_BOOLEAN && x->boolean == 0,
	    "a boolean default, converted");
	is_str(v[0].name, "field", "values in declaration order");
	free(v);

	err = check(&d, some, &v, &n);
	ok(err == NULL, "typed values that parse: fine");
	is_int(n, 5, "given and defaults");
	x = value(v, n, "score");
	ok(x != NULL && x->number == 2.5, "a number as written wins");
	x = value(v, n, "strict");
	ok(x != NULL && x->boolean == 1, "a yes/no word of any case");
	x = value(v, n, "rounds");
	ok(x != NULL && x->integer == 3, "an integer");
	x = value(v, n, "city");
	ok(x != NULL && strcmp(x->text, "Köln") == 0, "a string as written");
	is_str(v[0].name, "city", "still in declaration order");
	free(v);

	err = check(&d, comma, &v, &n);
	ok(err == NULL, "a decimal comma: fine");
	x = value(v, n, "score");
	ok(x != NULL && x->number == 0.5, "0,5 reads as 0.5, as in the export");
	free(v);
	strategy_options_free(&d);
	ok(d.v == NULL && d.n == 0 && !d.declared, "free resets");
}

/* Checking KV against the example must fail with WANT in the message. */
static void
fails(const char *const *kv, const char *want, const char *what)
{
	struct strategy_options d;
	struct strategy_value *v;
	size_t n;
	char *err;

	declare_city(&d);
	err = check(&d, kv, &v, &n);
	ok(err != NULL && v == NULL, what);
	like(err, want, "  ... with the message");
	free(err);
	free(v);
	strategy_options_free(&d);
}

static void
test_errors(void)
{
	static const char *const typo[] = { "feild", "x", NULL };
	static const char *const far[] = { "colour", "x", NULL };
	static const char *const num[] = { "field", "f", "score", "lots",
		NULL };
	static const char *const inf[] = { "score", "inf", NULL };
	static const char *const whole[] = { "rounds", "1.5", NULL };
	static const char *const yesno[] = { "strict", "maybe", NULL };
	static const char *const empty[] = { "strict", "", NULL };

	fails(typo, "event.ini:12: " LABEL " has no option 'feild'; did you "
	    "mean 'field'? (options: city, field, score, rounds, strict; and "
	    "for every strategy: " OWN ")", "an unknown option, suggested");
	fails(far, "has no option 'colour' (options: city,",
	    "an unknown option far from any");
	fails(num, "event.ini:13: " LABEL ": option 'score' must be a number, "
	    "not 'lots'", "a number that is none, with its line");
	fails(inf, "option 'score' must be a number, not 'inf'",
	    "a number must be finite");
	fails(whole, "option 'rounds' must be a whole number, not '1.5'",
	    "an integer that is not whole");
	fails(yesno, "option 'strict' must be yes or no, not 'maybe'",
	    "a boolean that is neither");
	fails(empty, "option 'strict' must be yes or no, not ''",
	    "an empty boolean is no answer");
}

static void
test_declare(void)
{
	struct strategy_options d = { 0 };
	char *cause = NULL;
	int rc;

	d.declared = 1;
	rc = strategy_options_declare(&d, "score", "nubmer", NULL, NULL,
	    &cause);
	ok(rc != 0, "an unknown type");
	is_str(cause, "unknown type 'nubmer'; did you mean 'number'? (types: "
	    "string, number, integer, boolean)", "... suggested");
	free(cause);
	rc = strategy_options_declare(&d, "score", "number", "one", NULL,
	    &cause);
	ok(rc != 0, "a default of another type");
	is_str(cause, "the default must be a number, not 'one'", "... says so");
	free(cause);
	cause = NULL;
	rc = strategy_options_declare(&d, "on", "boolean", "true", NULL,
	    &cause);
	ok(rc == 0 && d.n == 1 && cause == NULL, "a good one is added");
	is_str(strategy_options_type_name(d.v[0].type), "boolean",
	    "with its type");
	strategy_options_free(&d);
}

static void
test_undeclared(void)
{
	static const char *const kv[] = { "b", "2", "a", "x", NULL };
	struct strategy_options d = { 0 };
	struct strategy_options none = { 0 };
	struct strategy_value *v;
	size_t n;
	char *err;

	err = check(&d, kv, &v, &n);
	ok(err == NULL, "undeclared: any key passes");
	ok(n == 2 && strcmp(v[0].name, "b") == 0 && strcmp(v[0].text, "2") ==
	    0 && v[0].type == STRATEGY_OPTION_STRING && strcmp(v[1].name, "a")
	    == 0, "... as strings, in file order");
	free(v);

	none.declared = 1;
	err = check(&none, kv, &v, &n);
	like(err, "has no option 'b' (options: none; and for every strategy: "
	    OWN ")", "declared empty: no key passes");
	free(err);
}

int
main(void)
{
	test_defaults();
	test_errors();
	test_declare();
	test_undeclared();
	return tap_done();
}
