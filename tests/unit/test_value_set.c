/*
 * test_value_set.c -- unit tests for plugins/value_set.c through the real
 * plugin host (plugin_host.c) on the fuzzers' small event
 * (tests/fuzz/fuzz_event.c): text is folded exactly as the host folds
 * categories and tags, values are shared or not as people mean them,
 * ignored values go, and reasons are cut only between values.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "normalize.h"
#include "plugin_host.h"
#include "tap.h"
#include "util.h"
#include "value_set.h"

#define ALL (1u << MINGLE_FIELD_CATEGORY | 1u << MINGLE_FIELD_TEXT | \
	1u << MINGLE_FIELD_TAGS)

/* The event's people, by row. */
enum { ANN, BOB, CY, DI, ED, FAY };

static struct fuzz_event ev;
static struct mingle_host host;

/* Open the event with one strategy section holding LINES. */
static void
open_event(const char *lines)
{
	char *ini, *cause = NULL;

	ini = xasprintf("%s[strategy s]\nplugin = none\n%s", fuzz_event_ini,
	    lines);
	if (fuzz_event_open(&ev, ini, strlen(ini), &cause) != 0) {
		printf("Bail out! %s\n", cause);
		exit(99);
	}
	free(ini);
	memset(&host, 0, sizeof host);
	host.t = &ev.t;
	host.cs = &ev.config->strategies[0];
	host.label = "strategy 's'";
}

static void
close_event(void)
{
	free(host.error);
	fuzz_event_close(&ev);
}

/* value_set_fold and the host's normalize_tag agree on S. */
static int
folds_like_host(const char *s)
{
	char *mine = value_set_fold(s), *host_tag = normalize_tag(s,
	    strlen(s));
	int same = mine != NULL && host_tag != NULL &&
	    strcmp(mine, host_tag) == 0;

	if (!same)
		printf("#   '%s': '%s' here, '%s' in the host\n", s,
		    mine ? mine : "(null)", host_tag ? host_tag : "(null)");
	free(mine);
	free(host_tag);
	return same;
}

static void
test_fold(void)
{
	static const char *const s[] = { "K\xc3\xb6ln", "K\xc3\x96LN",
		" k\xc3\xb6ln  ", "Ko\xcc\x88ln" /* NFD */, "Stra\xc3\x9f" "e",
		"STRASSE", "#Datenschutz", "  ##Lua", "c#", "Uni  X",
		"Uni\xc2\xa0X" /* no-break space */, "Uni\tX\n", "\xef\xac\x81le"
		/* the ligature fi */, "\xe2\x84\xab" /* Angstrom sign */, "",
		"   ", "#", "caf\xc3\xa9 au lait", "\xce\xa3\xce\xb9\xcf\x83" };
	size_t i, agree = 0, n = sizeof s / sizeof *s;
	char *f;

	for (i = 0; i < n; i++)
		agree += folds_like_host(s[i]);
	is_int(agree, n, "value_set_fold agrees with the host's "
	    "normalize_tag");
	f = value_set_fold("  K\xc3\x96LN ");
	is_str(f, "k\xc3\xb6ln", "KÖLN folds to köln");
	free(f);
	f = value_set_fold("\xff");
	ok(f == NULL, "invalid UTF-8 is refused");
	free(f);
}

static void
test_category(void)
{
	struct value_set vs;
	const uint32_t *ids;
	uint32_t shared[4];

	open_event("");
	ok(value_set_init(&vs, &plugin_host_api, &host, "field", "city",
	    ALL) == 0, "category: init");
	is_int(vs.nvalues, 3, "Köln, Berlin, Paris");
	is_int(value_set_shared(&vs, ANN, BOB, shared, 4), 1,
	    "'Köln' and 'köln ' are one city");
	is_int(value_set_shared(&vs, ANN, FAY, NULL, 0), 1,
	    "'Köln' and 'KÖLN' too");
	is_int(value_set_shared(&vs, ANN, CY, NULL, 0), 0,
	    "Köln is not Berlin");
	is_str(value_set_text(&vs, BOB, shared[0]), "k\xc3\xb6ln",
	    "each as they wrote it: bob's");
	is_str(vs.shown[shared[0]], "K\xc3\xb6ln",
	    "shown as its first holder wrote it");
	is_int(value_set_of(&vs, ED, &ids), 1, "one value each");
	is_int(value_set_find(&vs, " K\xc3\x96LN"), shared[0],
	    "found by any spelling");
	is_int(value_set_find(&vs, "Bonn"), VALUE_SET_NONE,
	    "a city nobody is from is not");
	value_set_free(&vs);
	close_event();
}

static void
test_text(void)
{
	struct value_set vs;
	const uint32_t *ids;

	open_event("ignore = freelancer, Nobody\n");
	ok(value_set_init(&vs, &plugin_host_api, &host, "field", "company",
	    ALL) == 0, "text: init");
	is_int(vs.nvalues, 4, "Acme GmbH, ACME, Freelancer, Initech");
	ok(value_set_shared(&vs, BOB, ED, NULL, 0) == 1,
	    "'ACME' and 'acme' are one value");
	ok(value_set_shared(&vs, ANN, BOB, NULL, 0) == 0,
	    "'Acme GmbH' is another (no legal forms dropped)");
	ok(value_set_shared(&vs, DI, FAY, NULL, 0) == 1, "Initech twice");
	is_int(value_set_of(&vs, CY, &ids), 1, "cy is a freelancer");
	ok(value_set_ignore(&vs, "ignore") == 0, "ignore");
	is_int(value_set_of(&vs, CY, &ids), 0, "and then has no value");
	ok(value_set_shared(&vs, BOB, ED, NULL, 0) == 1 &&
	    value_set_shared(&vs, DI, FAY, NULL, 0) == 1 &&
	    value_set_of(&vs, FAY, &ids) == 1,
	    "the others keep theirs");
	value_set_free(&vs);
	close_event();

	open_event("");
	ok(value_set_init(&vs, &plugin_host_api, &host, "field",
	    "work_email", ALL) == 0, "text: a column with empty cells");
	ok(value_set_of(&vs, CY, &ids) == 0 && value_set_of(&vs, ED, &ids)
	    == 0, "empty cells are missing");
	ok(value_set_shared(&vs, CY, ED, NULL, 0) == 0,
	    "two missing values share nothing");
	value_set_free(&vs);
	close_event();
}

static void
test_tags(void)
{
	struct value_set vs;
	const uint32_t *ids;
	uint32_t lua;
	size_t n;

	open_event("");
	ok(value_set_init(&vs, &plugin_host_api, &host, "field", "topics",
	    ALL) == 0, "tags: init");
	n = value_set_of(&vs, ANN, &ids);
	is_int(n, 3, "ann: lua, rust, privacy");
	ok(n == 3 && ids[0] < ids[1] && ids[1] < ids[2], "sorted");
	is_int(value_set_shared(&vs, ANN, BOB, NULL, 0), 1, "ann and bob: "
	    "lua");
	is_int(value_set_shared(&vs, ANN, ED, NULL, 0), 2, "ann and ed: lua "
	    "and privacy");
	lua = value_set_find(&vs, "#LUA");
	ok(lua != VALUE_SET_NONE, "'#LUA' is the tag lua");
	value_set_drop(&vs, lua);
	is_int(value_set_shared(&vs, ANN, BOB, NULL, 0), 0, "without lua, "
	    "ann and bob share nothing");
	is_int(value_set_shared(&vs, ANN, ED, NULL, 0), 1, "ann and ed "
	    "still share privacy");
	is_int(value_set_of(&vs, ANN, &ids), 2, "ann keeps two");
	is_int(value_set_of(&vs, DI, &ids), 0, "di has none");
	value_set_free(&vs);
	close_event();
}

static void
test_errors(void)
{
	struct value_set vs;

	open_event("");
	ok(value_set_init(&vs, &plugin_host_api, &host, "field", NULL, ALL)
	    != 0, "no field");
	is_str(host.error, "needs 'field', a category, text or tags field",
	    "says what it needs");
	ok(value_set_init(&vs, &plugin_host_api, &host, "field", "age", ALL)
	    != 0, "a number field");
	is_str(host.error, "'field = age': 'age' is a number field; 'field' "
	    "must name a category, text or tags field", "says which types");
	ok(value_set_init(&vs, &plugin_host_api, &host, "of", "topics",
	    1u << MINGLE_FIELD_CATEGORY | 1u << MINGLE_FIELD_TEXT) != 0,
	    "tags where text is wanted");
	is_str(host.error, "'of = topics': 'topics' is a tags field; 'of' "
	    "must name a category or text field", "names the option");
	close_event();
}

/* Join attendee A's values IDS (N of TOTAL) into CAP bytes. */
static void
join_is(const struct value_set *vs, mingle_attendee a, const uint32_t *ids,
    size_t n, size_t total, size_t cap, const char *want, const char *what)
{
	char buf[MINGLE_REASON_MAX];
	size_t len;

	memset(buf, 'x', sizeof buf);
	len = value_set_join(vs, a, ids, n, total, buf, cap);
	is_str(buf, want, what);
	ok(len == strlen(buf) && len < cap, "and fits");
}

static void
test_join(void)
{
	struct value_set vs;
	const uint32_t *ids;
	char want[MINGLE_REASON_MAX];
	const char *x, *y, *z;
	size_t n, cap;

	open_event("");
	ok(value_set_init(&vs, &plugin_host_api, &host, "field", "topics",
	    ALL) == 0, "join: init");
	n = value_set_of(&vs, ANN, &ids);
	x = vs.shown[ids[0]];
	y = vs.shown[ids[1]];
	z = vs.shown[ids[2]];
	snprintf(want, sizeof want, "%s, %s, %s", x, y, z);
	join_is(&vs, ANN, ids, n, n, sizeof want, want, "all three");
	join_is(&vs, ANN, ids, n, n, strlen(want) + 1, want,
	    "all three, just");
	/* One byte short of all three: as many as fit with the count. */
	cap = strlen(want);
	snprintf(want, sizeof want, "%s, %s (+1 more)", x, y);
	if (strlen(want) >= cap)
		snprintf(want, sizeof want, "%s (+2 more)", x);
	join_is(&vs, ANN, ids, n, n, cap, want,
	    "one byte short: the rest counted");
	snprintf(want, sizeof want, "%s, %s, %s (+7 more)", x, y, z);
	join_is(&vs, ANN, ids, n, n + 7, sizeof want, want,
	    "more than are given: counted");
	value_set_free(&vs);

	ok(value_set_init(&vs, &plugin_host_api, &host, "field", "city",
	    ALL) == 0, "join: city");
	n = value_set_of(&vs, ANN, &ids);
	join_is(&vs, ANN, ids, n, n, 6, "K\xc3\xb6ln", "Köln in 6 bytes");
	join_is(&vs, ANN, ids, n, n, 5, "K\xe2\x80\xa6",
	    "in 5: cut before the ö, not inside it");
	join_is(&vs, ANN, ids, n, n, 4, "", "in 4: nothing");
	value_set_free(&vs);
	close_event();
}

int
main(void)
{
	test_fold();
	test_category();
	test_text();
	test_tags();
	test_errors();
	test_join();
	return tap_done();
}
