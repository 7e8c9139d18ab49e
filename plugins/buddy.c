/*
 * buddy.c -- the built-in strategy "buddy": first-timers meet veterans
 * who show them around.
 *
 * Who is a first-timer comes from one field: a bool field (yes = this is
 * their first event), or a number field of events attended, where fewer
 * than newcomer_below make a first-timer and the rest veterans.  Someone
 * without a value is neither, and buddy scores none of their pairs.  A
 * first-timer and a veteran score `bonus`, in both directions; every
 * other pair scores 0.  With per_veteran, no veteran is introduced to
 * more first-timers than that (plugin ABI 1.2 quota): the assignment
 * honours it (docs/modes.md).
 *
 * For the candidate stage buddy lists nobody: a first-timer's partners
 * are every veteran.  Its bound is the bonus for a first-timer or a
 * veteran (if anyone has the other role), 0 for someone with neither.
 * Its one term (ABI 1.4) is the people of the other role, each gaining
 * the bonus: the host's walk probes it by a bitmap.
 *
 * Uses only the public ABI (include/mingle/plugin.h).  Options:
 *     field = NAME         a bool or number field (required)
 *     newcomer_below = N   number fields: fewer events make a first-timer
 *     per_veteran = N      first-timers one veteran meets at most
 *     bonus = X            the score of a first-timer and a veteran
 * Reason: "first-timer Anna Berg meets veteran Ben Ott (5 events)".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"
#include "option_value.h"

static const char *const options[] = {
	"field", "newcomer_below", "per_veteran", "bonus", NULL
};

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a bool field (yes = first event) or a number field of events "
	    "attended (required)",
	"number fields: fewer events than this make a first-timer (required "
	    "there)",
	"first-timers one veteran is introduced to at most: 0 to 1000",
	"the score of a first-timer and a veteran: 0 to 1000000, default 1",
};

enum buddy_role { BUDDY_NEITHER = 0, BUDDY_NEWCOMER, BUDDY_VETERAN };

struct buddy {
	const struct mingle_api *api;
	mingle_host *host;
	int field;
	int number;		/* the field is a number field */
	double bonus;
	unsigned char *role;	/* per attendee: enum buddy_role */
	uint32_t *of[3];	/* per role: its attendees, ascending */
	uint32_t count[3];
	int seen;		/* buddy_roles(): 1 first-timers, 2 veterans */
};

static int	buddy_options(const struct mingle_api *, mingle_host *,
		    struct buddy *, double *, double *);
static int	buddy_roles(struct buddy *, double);
static int	buddy_init(const struct mingle_api *, mingle_host *,
		    void **);
static void	buddy_fini(void *);

/* The field, the bonus, newcomer_below (-1 if unset) and per_veteran
 * (-1 if unset). */
static int
buddy_options(const struct mingle_api *api, mingle_host *host,
    struct buddy *st, double *below, double *per)
{
	const char *name = api->option(host, "field");
	int type = 0;

	if (name == NULL) {
		api->error(host, "option 'field' is required: a bool field "
		    "(yes = first event) or a number field of events attended");
		return -1;
	}
	st->field = api->field(host, name, &type);
	if (st->field < 0 || (type != MINGLE_FIELD_BOOL &&
	    type != MINGLE_FIELD_NUMBER)) {
		api->error(host, "field '%s' %s%s; buddy needs a bool or a "
		    "number field", name, st->field < 0 ? "does not exist" :
		    "is a ", st->field < 0 ? "" :
		    mingle_field_type_name(type));
		return -1;
	}
	st->number = type == MINGLE_FIELD_NUMBER;
	if (option_value_number(api, host, "bonus", 1, 0, 1e6,
	    &st->bonus) != 0 ||
	    option_value_number(api, host, "newcomer_below", -1, 0, 1e9,
	    below) != 0 ||
	    option_value_number(api, host, "per_veteran", -1, 0, 1000,
	    per) != 0)
		return -1;
	if (st->number && *below < 0) {
		api->error(host, "field '%s' is a number field: set "
		    "newcomer_below, e.g. newcomer_below = 1 for first-timers "
		    "who attended no event before", name);
		return -1;
	}
	if (!st->number && *below >= 0) {
		api->error(host, "newcomer_below applies to a number field, "
		    "but '%s' is a bool field (yes = first event)", name);
		return -1;
	}
	return 0;
}

/* Each attendee's role.  Returns 1 if there is any first-timer, plus 2
 * if there is any veteran. */
static int
buddy_roles(struct buddy *st, double below)
{
	uint32_t a, n = st->api->attendee_count(st->host);
	double v;
	int b, seen = 0;

	for (a = 0; a < n; a++) {
		if (st->number) {
			if (!st->api->number(st->host, st->field, a, &v))
				continue;
			st->role[a] = v < below ? BUDDY_NEWCOMER :
			    BUDDY_VETERAN;
		} else {
			b = st->api->boolean(st->host, st->field, a);
			if (b < 0)
				continue;
			st->role[a] = b ? BUDDY_NEWCOMER : BUDDY_VETERAN;
		}
		seen |= st->role[a] == BUDDY_NEWCOMER ? 1 : 2;
	}
	return seen;
}

/* Each role's attendees, for terms.  Returns 0, or -1 out of memory. */
static int
buddy_groups(struct buddy *st, uint32_t n)
{
	uint32_t a;
	int r;

	for (a = 0; a < n; a++)
		st->count[st->role[a]]++;
	for (r = 0; r < 3; r++)
		if ((st->of[r] = calloc((size_t)st->count[r] + 1,
		    sizeof *st->of[r])) == NULL)
			return -1;
	memset(st->count, 0, sizeof st->count);
	for (a = 0; a < n; a++)
		st->of[st->role[a]][st->count[st->role[a]]++] = a;
	return 0;
}

static int
buddy_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct buddy *st;
	double below = -1, per = -1;
	uint32_t a, n = api->attendee_count(host);

	if ((st = calloc(1, sizeof *st)) == NULL ||
	    (st->role = calloc(n ? n : 1, 1)) == NULL) {
		free(st);
		api->error(host, "out of memory");
		return -1;
	}
	st->api = api;
	st->host = host;
	if (buddy_options(api, host, st, &below, &per) != 0)
		goto fail;
	if (per >= 0 && !MINGLE_API_HAS(api, quota)) {
		api->error(host, "per_veteran needs mingle with plugin ABI "
		    "1.2 or later");
		goto fail;
	}
	if ((st->seen = buddy_roles(st, below)) != 3)
		api->log(host, "no pair of a first-timer and a veteran: "
		    "buddy changes nothing");
	for (a = 0; per >= 0 && a < n; a++)
		if (st->role[a] == BUDDY_VETERAN)
			api->quota(host, a, (uint32_t)per);
	if (buddy_groups(st, n) != 0) {
		api->error(host, "out of memory");
		goto fail;
	}
	*statep = st;
	return 0;
fail:
	buddy_fini(st);
	return -1;
}

static int
buddy_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct buddy *st = statep;
	size_t i;
	int ra = st->role[a];

	(void)veto;
	if (ra == BUDDY_NEITHER)
		return 0;
	for (i = 0; i < n; i++)
		if (st->role[cand[i]] != BUDDY_NEITHER &&
		    st->role[cand[i]] != ra)
			scores[i] = st->bonus;
	return 0;
}

/* Nobody listed: every pair of A scores at most the bonus, and only with
 * someone of the other role. */
static int
buddy_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct buddy *st = statep;

	(void)k;
	(void)out;
	(void)cap;
	*n = 0;
	*bound = st->role[a] != BUDDY_NEITHER && st->seen == 3 ?
	    st->bonus : 0;
	return 0;
}

/* A's one term (ABI 1.4): the attendees of the other role, each gaining
 * the bonus. */
static int
buddy_terms(void *statep, mingle_attendee a, struct mingle_term *out,
    size_t cap, size_t *n)
{
	const struct buddy *st = statep;
	int other = st->role[a] == BUDDY_NEWCOMER ? BUDDY_VETERAN :
	    BUDDY_NEWCOMER;

	*n = 0;
	if (st->role[a] == BUDDY_NEITHER || st->count[other] == 0 ||
	    !(st->bonus > 0))
		return 0;
	if (cap > 0)
		out[0] = (struct mingle_term){ st->of[other], NULL,
		    st->count[other], 0, st->bonus, st->bonus };
	*n = 1;
	return 0;
}

static void
buddy_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct buddy *st = statep;
	mingle_attendee t;
	double events;

	buf[0] = '\0';
	if (st->bonus == 0 || st->role[a] == BUDDY_NEITHER ||
	    st->role[b] == BUDDY_NEITHER || st->role[a] == st->role[b])
		return;
	if (st->role[a] == BUDDY_VETERAN) {
		t = a;
		a = b;
		b = t;
	}
	if (st->number && st->api->number(st->host, st->field, b, &events))
		snprintf(buf, cap, "first-timer %s meets veteran %s (%g "
		    "event%s)", st->api->attendee_name(st->host, a),
		    st->api->attendee_name(st->host, b), events,
		    events == 1 ? "" : "s");
	else
		snprintf(buf, cap, "first-timer %s meets veteran %s",
		    st->api->attendee_name(st->host, a),
		    st->api->attendee_name(st->host, b));
}

static void
buddy_fini(void *statep)
{
	struct buddy *st = statep;

	if (st == NULL)
		return;
	free(st->of[0]);
	free(st->of[1]);
	free(st->of[2]);
	free(st->role);
	free(st);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC | MINGLE_STRATEGY_GROUP_BONUS,
	.name = "buddy",
	.version = "1.0.0",
	.description = "first-timers meet veterans, at most per_veteran each",
	.options = options,
	.option_docs = option_docs,
	.init = buddy_init,
	.score = buddy_score,
	.reason = buddy_reason,
	.fini = buddy_fini,
	.candidates = buddy_candidates,
	.terms = buddy_terms,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
