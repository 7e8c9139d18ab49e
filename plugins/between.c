/*
 * between.c -- the built-in constraint "between": who may meet whom, by
 * the value of a category field, as ticket types do in commercial
 * matchmaking tools.
 *
 *     field = ticket
 *     allow = Mentor-Mentee, Sponsor-*
 *
 * lets mentors meet mentees and sponsors meet anyone; every other pair is
 * vetoed: two mentors, two mentees, a mentee and an attendee.  Each
 * allowed combination is two
 * values joined by '-', in either order (Mentor-Mentee allows Mentee-Mentor
 * too); '*' is any value, and someone without a value matches only '*'.
 * Values are compared folded, as categories are ("mentor " is "Mentor").
 * A value may hold '-' itself: "Early-Bird-Speaker" splits where both
 * sides are values attendees hold.
 *
 * Values in `allow` that no attendee holds are logged (a typo vetoes more
 * than meant), and so are values nobody may meet.
 *
 * Uses only the public ABI (include/mingle/plugin.h).  Options:
 *     field = NAME     a category or text field (required)
 *     allow = A-B, C-* the combinations that may meet (required)
 * Reason for a veto: "ticket Mentor-Mentor is not allowed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "option_value.h"
#include "value_set.h"

/* A side of a rule that is '*'; VALUE_SET_NONE is a value nobody holds. */
#define ANY (VALUE_SET_NONE - 1)

struct rule {
	uint32_t x, y;		/* value ids, ANY or VALUE_SET_NONE */
};

struct state {
	struct value_set vs;
	struct rule *rule;
	size_t nrules;
};

static const char *const options[] = { "field", "allow", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a category or text field, such as the ticket type (required)",
	"the combinations that may meet, A-B, comma-separated (required)",
};

/* The id of side S of a rule: ANY, a value, or VALUE_SET_NONE. */
static uint32_t
side(const struct value_set *vs, const char *s)
{
	return strcmp(s, "*") == 0 ? ANY : value_set_find(vs, s);
}

/* A new copy of the text from P to E, without blanks at either end. */
static char *
trimmed(const char *p, const char *e)
{
	char *t;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if ((t = malloc((size_t)(e - p) + 1)) == NULL)
		return NULL;
	memcpy(t, p, (size_t)(e - p));
	t[e - p] = '\0';
	return t;
}

/* ITEM's two sides, split at the '-' AT and trimmed, into X and Y (new). */
static int
split_at(const char *item, const char *at, char **x, char **y)
{
	*x = trimmed(item, at);
	*y = trimmed(at + 1, item + strlen(item));
	if (*x == NULL || *y == NULL) {
		free(*x);
		free(*y);
		return -1;
	}
	return 0;
}

/*
 * Parse ITEM into *R: at its only '-' with text on both sides, or at the
 * one '-' where both sides are '*' or values attendees hold.  Logs sides
 * nobody holds.  Returns 0, or -1 after api->error().
 */
static int
parse_rule(struct state *st, const struct mingle_api *api,
    mingle_host *host, const char *item, struct rule *r)
{
	const char *dash, *split = NULL, *known = NULL;
	char *x, *y;
	size_t nsplit = 0, nknown = 0;

	for (dash = strchr(item, '-'); dash != NULL;
	    dash = strchr(dash + 1, '-')) {
		if (split_at(item, dash, &x, &y) != 0)
			goto oom;
		if (*x != '\0' && *y != '\0') {
			nsplit++;
			split = split != NULL ? split : dash;
			if (side(&st->vs, x) != VALUE_SET_NONE &&
			    side(&st->vs, y) != VALUE_SET_NONE) {
				nknown++;
				known = dash;
			}
		}
		free(x);
		free(y);
	}
	if (nsplit == 0) {
		api->error(host, "'allow': '%s' is no pair of values; write "
		    "two values of %s joined by '-', such as 'Mentor-Mentee' "
		    "or 'Sponsor-*' ('*' is any value)", item, st->vs.name);
		return -1;
	}
	if (nknown > 1 || (nknown == 0 && nsplit > 1)) {
		api->error(host, "'allow': '%s' splits into two values of %s "
		    "in %s way at its '-'; name values attendees hold",
		    item, st->vs.name, nknown > 1 ? "more than one" : "no");
		return -1;
	}
	if (split_at(item, nknown == 1 ? known : split, &x, &y) != 0)
		goto oom;
	r->x = side(&st->vs, x);
	r->y = side(&st->vs, y);
	if (r->x == VALUE_SET_NONE)
		value_set_warn_unknown(&st->vs, "allow", x);
	if (r->y == VALUE_SET_NONE && (r->x != VALUE_SET_NONE ||
	    strcmp(x, y) != 0))
		value_set_warn_unknown(&st->vs, "allow", y);
	free(x);
	free(y);
	return 0;
oom:
	api->error(host, "out of memory");
	return -1;
}

/* Does side S of a rule match value V (VALUE_SET_NONE: missing)? */
static int
match(uint32_t s, uint32_t v)
{
	return s == ANY || (s != VALUE_SET_NONE && s == v);
}

/* A's value, or VALUE_SET_NONE. */
static uint32_t
value(const struct state *st, mingle_attendee a)
{
	const uint32_t *ids;

	return value_set_of(&st->vs, a, &ids) > 0 ? ids[0] : VALUE_SET_NONE;
}

static int
allowed(const struct state *st, uint32_t u, uint32_t v)
{
	size_t i;

	for (i = 0; i < st->nrules; i++)
		if ((match(st->rule[i].x, u) && match(st->rule[i].y, v)) ||
		    (match(st->rule[i].x, v) && match(st->rule[i].y, u)))
			return 1;
	return 0;
}

/* May someone holding V (VALUE_SET_NONE: no value) meet anyone of the N
 * attendees, COUNT[w] of whom hold value w? */
static int
may_meet(const struct state *st, uint32_t v, const uint32_t *count,
    uint32_t n)
{
	const struct rule *r;
	uint32_t q;
	size_t i, k;

	for (i = 0; i < st->nrules; i++)
		for (k = 0; k < 2; k++) {
			r = &st->rule[i];
			if (!match(k ? r->y : r->x, v))
				continue;
			q = k ? r->x : r->y;
			if (q == ANY ? n > 1 : q != VALUE_SET_NONE &&
			    count[q] > (uint32_t)(q == v))
				return 1;
		}
	return 0;
}

/*
 * Log each value (and "no value") whose holders may meet nobody: COUNT[v]
 * attendees hold value v, COUNT[nvalues] have none.
 */
static void
warn_lonely(const struct state *st, const uint32_t *count)
{
	uint32_t nv = st->vs.nvalues, v;

	for (v = 0; v <= nv; v++) {
		if (count[v] == 0 || may_meet(st, v < nv ? v : VALUE_SET_NONE,
		    count, st->vs.n))
			continue;
		if (v < nv)
			st->vs.api->log(st->vs.host, "'allow': nobody may "
			    "meet the %u attendee%s with %s '%s'", count[v],
			    count[v] == 1 ? "" : "s", st->vs.name,
			    st->vs.shown[v]);
		else
			st->vs.api->log(st->vs.host, "'allow': nobody may "
			    "meet the %u attendee%s without a %s (only '*' "
			    "matches them)", count[v], count[v] == 1 ? "" :
			    "s", st->vs.name);
	}
}

static int
bt_rules(struct state *st, const struct mingle_api *api, mingle_host *host)
{
	char **items;
	size_t n, i;
	uint32_t *count, a;
	int rc = 0;

	if (api->option(host, "allow") == NULL) {
		api->error(host, "needs 'allow', the combinations of %s that "
		    "may meet, such as 'allow = Mentor-Mentee, Sponsor-*'",
		    st->vs.name);
		return -1;
	}
	if (option_value_list(api, host, "allow", &items, &n) != 0)
		return -1;
	if (n == 0) {
		api->error(host, "'allow' is empty: it would veto every "
		    "pair; name the combinations of %s that may meet, such "
		    "as 'Mentor-Mentee, Sponsor-*'", st->vs.name);
		rc = -1;
	} else if ((st->rule = calloc(n, sizeof *st->rule)) == NULL) {
		api->error(host, "out of memory");
		rc = -1;
	}
	for (i = 0; rc == 0 && i < n; i++)
		rc = parse_rule(st, api, host, items[i], &st->rule[i]);
	st->nrules = rc == 0 ? n : 0;
	option_value_free_list(items, n);
	if (rc != 0)
		return -1;
	if ((count = calloc((size_t)st->vs.nvalues + 1, sizeof *count)) ==
	    NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	for (a = 0; a < st->vs.n; a++) {
		uint32_t v = value(st, a);

		count[v != VALUE_SET_NONE ? v : st->vs.nvalues]++;
	}
	warn_lonely(st, count);
	free(count);
	return 0;
}

static void
bt_fini(void *statep)
{
	struct state *st = statep;

	value_set_free(&st->vs);
	free(st->rule);
	free(st);
}

static int
bt_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct state *st;

	if ((st = calloc(1, sizeof *st)) == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	if (value_set_init(&st->vs, api, host, "field",
	    api->option(host, "field"), 1u << MINGLE_FIELD_CATEGORY |
	    1u << MINGLE_FIELD_TEXT) != 0) {
		free(st);
		return -1;
	}
	if (bt_rules(st, api, host) != 0) {
		bt_fini(st);
		return -1;
	}
	*statep = st;
	return 0;
}

static int
bt_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;
	uint32_t va = value(st, a);
	size_t i;

	(void)scores;
	for (i = 0; i < n; i++)
		veto[i] = !allowed(st, va, value(st, cand[i]));
	return 0;
}

static void
bt_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct state *st = statep;
	uint32_t va = value(st, a), vb = value(st, b);

	buf[0] = '\0';
	if (allowed(st, va, vb))
		return;
	snprintf(buf, cap, "%s %s-%s is not allowed", st->vs.name,
	    va != VALUE_SET_NONE ? value_set_text(&st->vs, a, va) : "(none)",
	    vb != VALUE_SET_NONE ? value_set_text(&st->vs, b, vb) : "(none)");
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "between",
	.version = "1.0.0",
	.description = "who may meet whom by a category (ticket type): the "
	    "allowed combinations; every other pair is vetoed",
	.options = options,
	.option_docs = option_docs,
	.init = bt_init,
	.score = bt_score,
	.reason = bt_reason,
	.fini = bt_fini,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
