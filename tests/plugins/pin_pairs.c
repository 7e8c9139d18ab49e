/*
 * pin_pairs.c -- a test plugin that pins the pairs its option names,
 * `pairs = ID1-ID2, ID3-ID4` (ids without '-'), through api->pin, and
 * scores nothing.  Reason for a pinned pair: "pinned by the organizers".
 * `quota = ID:MAX, ...` calls api->quota for those attendees and scores
 * 1 for every pair (so that every pair counts against the quota).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mingle/plugin.h"

static const char *const options[] = { "pairs", "quota", NULL };

struct pp {
	uint32_t n;
	uint32_t *pins;		/* pairs */
	size_t npins;
	int all;		/* quota given: every pair scores 1 */
};

/* The attendee whose id is the LEN bytes at S (spaces trimmed), or -1. */
static long
pp_find(const struct mingle_api *api, mingle_host *host, const char *s,
    size_t len)
{
	uint32_t a, n = api->attendee_count(host);
	const char *id;

	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	for (a = 0; a < n; a++) {
		id = api->attendee_id(host, a);
		if (strlen(id) == len && memcmp(id, s, len) == 0)
			return a;
	}
	api->error(host, "no attendee '%.*s'", (int)len, s);
	return -1;
}

/* Each "X<SEP>Y" item of option KEY: call back with both sides. */
static int
pp_items(const struct mingle_api *api, mingle_host *host, struct pp *st,
    const char *key, char sep)
{
	const char *p = api->option(host, key), *mid, *end;
	long a, b;

	while (p != NULL && *p != '\0') {
		end = p + strcspn(p, ",");
		mid = memchr(p, sep, (size_t)(end - p));
		if (mid == NULL) {
			api->error(host, "%s: '%.*s' has no '%c'", key,
			    (int)(end - p), p, sep);
			return -1;
		}
		if ((a = pp_find(api, host, p, (size_t)(mid - p))) < 0)
			return -1;
		if (sep == ':') {
			api->quota(host, (uint32_t)a,
			    (uint32_t)strtoul(mid + 1, NULL, 10));
			st->all = 1;
		} else {
			if ((b = pp_find(api, host, mid + 1,
			    (size_t)(end - mid - 1))) < 0)
				return -1;
			if (api->pin(host, (uint32_t)a, (uint32_t)b) != 0)
				return -1;
			st->pins = realloc(st->pins, (st->npins + 1) * 2 *
			    sizeof *st->pins);
			st->pins[2 * st->npins] = (uint32_t)a;
			st->pins[2 * st->npins + 1] = (uint32_t)b;
			st->npins++;
		}
		p = *end != '\0' ? end + 1 : end;
	}
	return 0;
}

static int
pp_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct pp *st = calloc(1, sizeof *st);

	if (!MINGLE_API_HAS(api, pin)) {
		api->error(host, "needs ABI 1.2");
		free(st);
		return -1;
	}
	st->n = api->attendee_count(host);
	if (pp_items(api, host, st, "pairs", '-') != 0 ||
	    pp_items(api, host, st, "quota", ':') != 0) {
		free(st->pins);
		free(st);
		return -1;
	}
	*statep = st;
	return 0;
}

static int
pp_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct pp *st = statep;
	size_t i;

	(void)a;
	(void)veto;
	for (i = 0; st->all && i < n; i++)
		scores[i] = 1;
	return 0;
}

static void
pp_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct pp *st = statep;
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < st->npins; i++)
		if ((st->pins[2 * i] == a && st->pins[2 * i + 1] == b) ||
		    (st->pins[2 * i] == b && st->pins[2 * i + 1] == a))
			snprintf(buf, cap, "pinned by the organizers");
}

static void
pp_fini(void *statep)
{
	struct pp *st = statep;

	free(st->pins);
	free(st);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "pin_pairs",
	.version = "0.1",
	.description = "pins the pairs named in its options",
	.options = options,
	.init = pp_init,
	.score = pp_score,
	.reason = pp_reason,
	.fini = pp_fini,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
