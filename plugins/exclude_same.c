/*
 * exclude_same.c -- the built-in constraint "exclude_same": never introduce
 * two people who share a value, such as colleagues.
 *
 * With `field`, a pair is vetoed when they share a value of a category,
 * text or tags field (compared folded, as categories are: "ACME" is
 * "Acme").  With `domain_of`, when their e-mail addresses are at one
 * domain, or one at a subdomain of the other's ("mail.uni-x.de" and
 * "uni-x.de"; see mail_domain.c).  Free-mail providers (gmail.com, gmx.de,
 * web.de, ...) are nobody's organization, nor are the domains of
 * `ignore_domains`.  Missing values veto nothing.
 *
 * Uses only the public ABI (include/mingle/plugin.h).  Options, either:
 *     field = NAME             a category, text or tags field
 *     ignore = A, B            values that count as missing ("Freelancer")
 * or:
 *     domain_of = NAME         a category or text field with e-mail addresses
 *     ignore_domains = A, B    more domains that are nobody's organization
 * Reason for a veto: "same company: Acme", "same domain rheinpixel.de".
 *
 * For the candidate stage it lists the attendees it vetoes A with (those
 * holding one of A's values, by an inverted index; those at A's domain,
 * its subdomains or a domain A's is within), with a bound of 0: it scores
 * nothing, and a pair it does not list it does not veto.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail_domain.h"
#include "mingle/plugin.h"
#include "option_value.h"
#include "postings.h"
#include "value_set.h"

#define TYPES_FIELD (1u << MINGLE_FIELD_CATEGORY | \
	1u << MINGLE_FIELD_TEXT | 1u << MINGLE_FIELD_TAGS)
#define TYPES_MAIL (1u << MINGLE_FIELD_CATEGORY | 1u << MINGLE_FIELD_TEXT)

struct state {
	struct value_set vs;	/* with field */
	char **domain;		/* with domain_of: per attendee, or NULL */
	uint32_t n;
	struct postings index;	/* with field: attendees by value */
	struct mail_domain_index domains;	/* with domain_of */
};

static const char *const options[] = { "field", "ignore", "domain_of",
	"ignore_domains", NULL };

/* One line each for `mingle plugins`, in the order of options. */
static const char *const option_docs[] = {
	"a category, text or tags field: a shared value vetoes",
	"with field: values that count as missing, comma-separated",
	"a field of e-mail addresses: one domain vetoes (not with field)",
	"with domain_of: more domains that are nobody's organization",
};

/* Which option goes with which: an error naming both, or 0. */
static int
check_options(const struct mingle_api *api, mingle_host *host)
{
	int by_field = api->option(host, "field") != NULL;
	int by_domain = api->option(host, "domain_of") != NULL;

	if (by_field == by_domain) {
		api->error(host, "needs %s 'field' (%s: equal values are "
		    "vetoed) or 'domain_of' (a field with e-mail addresses: "
		    "addresses at one domain are vetoed)%s", by_field ?
		    "either" : "one of", value_set_types(TYPES_FIELD),
		    by_field ? ", not both; use two sections for both" : "");
		return -1;
	}
	if (by_field && api->option(host, "ignore_domains") != NULL) {
		api->error(host, "'ignore_domains' goes with 'domain_of'; "
		    "with 'field', values that count as missing are "
		    "'ignore'");
		return -1;
	}
	if (by_domain && api->option(host, "ignore") != NULL) {
		api->error(host, "'ignore' goes with 'field'; with "
		    "'domain_of', domains that are nobody's organization "
		    "are 'ignore_domains'");
		return -1;
	}
	return 0;
}

/* The domains of `ignore_domains`, cleaned; NULL after api->error(). */
static char **
ignored_domains(const struct mingle_api *api, mingle_host *host, size_t *n)
{
	char **items, *d;
	size_t k, i;
	int rc;

	if (option_value_list(api, host, "ignore_domains", &items, &k) != 0)
		return NULL;
	for (i = 0; i < k; i++) {
		if ((rc = mail_domain_clean(items[i], &d)) <= 0) {
			if (rc == 0)
				api->error(host, "'ignore_domains': '%s' is "
				    "no domain; write one like "
				    "'example.org'", items[i]);
			else
				api->error(host, "out of memory");
			option_value_free_list(items, k);
			return NULL;
		}
		free(items[i]);
		items[i] = d;
	}
	*n = k;
	return items;
}

/* Is domain D nobody's organization? */
static int
ignored(const char *d, char **ignore, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (mail_domain_within(d, ignore[i]))
			return 1;
	return mail_domain_free(d);
}

/* Every attendee's organization domain, from field FIELD. */
static int
load_domains(struct state *st, const struct mingle_api *api,
    mingle_host *host, int field)
{
	const char *text, *example = NULL;
	char **ignore, *d;
	size_t nignore = 0, bad = 0, values = 0;
	uint32_t a;
	int rc = -1, found;

	if ((ignore = ignored_domains(api, host, &nignore)) == NULL)
		return -1;
	st->n = api->attendee_count(host);
	if ((st->domain = calloc((size_t)st->n + 1, sizeof *st->domain)) ==
	    NULL)
		goto oom;
	for (a = 0; a < st->n; a++) {
		if ((text = api->text(host, field, a)) == NULL ||
		    *text == '\0')
			continue;
		values++;
		if ((found = mail_domain_of(text, &d)) < 0)
			goto oom;
		if (found == 0) {
			bad++;
			example = example != NULL ? example : text;
		} else if (ignored(d, ignore, nignore))
			free(d);
		else
			st->domain[a] = d;
	}
	if (bad > 0)
		api->log(host, "'domain_of = %s': %zu of %zu values hold no "
		    "e-mail address (such as '%.60s'); they veto nothing",
		    api->option(host, "domain_of"), bad, values, example);
	rc = 0;
	goto out;
oom:
	api->error(host, "out of memory");
out:
	option_value_free_list(ignore, nignore);
	return rc;
}

static void
ex_fini(void *statep)
{
	struct state *st = statep;
	uint32_t a;

	if (st->domain != NULL)
		for (a = 0; a < st->n; a++)
			free(st->domain[a]);
	free(st->domain);
	mail_domain_index_free(&st->domains);
	postings_free(&st->index);
	value_set_free(&st->vs);
	free(st);
}

static int
ex_init(const struct mingle_api *api, mingle_host *host, void **statep)
{
	struct state *st;
	const char *name;
	int field, type;

	if (check_options(api, host) != 0)
		return -1;
	if ((st = calloc(1, sizeof *st)) == NULL) {
		api->error(host, "out of memory");
		return -1;
	}
	if ((name = api->option(host, "field")) != NULL) {
		if (value_set_init(&st->vs, api, host, "field", name,
		    TYPES_FIELD) != 0) {
			free(st);
			return -1;
		}
		if (value_set_ignore(&st->vs, "ignore") != 0) {
			ex_fini(st);
			return -1;
		}
		if (postings_build(&st->index, st->vs.nvalues, st->vs.n,
		    st->vs.start, st->vs.ids, NULL) != 0) {
			api->error(host, "out of memory");
			ex_fini(st);
			return -1;
		}
	} else {
		field = value_set_field(api, host, "domain_of",
		    api->option(host, "domain_of"), TYPES_MAIL, &type);
		if (field < 0 || load_domains(st, api, host, field) != 0) {
			ex_fini(st);
			return -1;
		}
		if (mail_domain_index_build(&st->domains, st->domain,
		    st->n) != 0) {
			api->error(host, "out of memory");
			ex_fini(st);
			return -1;
		}
	}
	*statep = st;
	return 0;
}

/* Do A and B share a value, or a domain? */
static int
same(const struct state *st, mingle_attendee a, mingle_attendee b)
{
	if (st->domain == NULL)
		return value_set_shared(&st->vs, a, b, NULL, 0) > 0;
	return a < st->n && b < st->n && st->domain[a] != NULL &&
	    st->domain[b] != NULL &&
	    mail_domain_same(st->domain[a], st->domain[b]);
}

static int
ex_score(void *statep, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	const struct state *st = statep;
	size_t i;

	(void)scores;
	for (i = 0; i < n; i++)
		veto[i] = (unsigned char)same(st, a, cand[i]);
	return 0;
}

/* Whom A shares a value or a domain with: every pair it vetoes. */
static int
ex_candidates(void *statep, mingle_attendee a, size_t k,
    mingle_attendee *out, size_t cap, size_t *n, double *bound)
{
	const struct state *st = statep;
	const uint32_t *ids;
	double *upper;
	size_t count, i;
	int rc;

	(void)k;
	*n = 0;
	*bound = 0;
	if (st->domain != NULL)
		return st->domain[a] == NULL ? 0 : mail_domain_index_list(
		    &st->domains, st->domain[a], a, out, n);
	/* every value walked (K past everyone): the union of its holders */
	count = value_set_of(&st->vs, a, &ids);
	if ((upper = calloc(count + 1, sizeof *upper)) == NULL)
		return -1;
	for (i = 0; i < count; i++)
		upper[i] = 1;
	rc = postings_walk(&st->index, a, ids, upper, NULL, count, SIZE_MAX,
	    out, cap, n, bound);
	free(upper);
	*bound = 0;
	return rc;
}

static void
ex_reason(void *statep, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	const struct state *st = statep;
	const char *x, *y;

	buf[0] = '\0';
	if (!same(st, a, b))
		return;
	if (st->domain != NULL) {
		x = st->domain[a];
		y = st->domain[b];
		if (strlen(x) > strlen(y)) {
			const char *t = x;

			x = y;
			y = t;
		}
		/* The parent domain first, then the subdomain, if any. */
		snprintf(buf, cap, "same domain %s%s%s%s", x,
		    strcmp(x, y) != 0 ? " (" : "", strcmp(x, y) != 0 ? y : "",
		    strcmp(x, y) != 0 ? ")" : "");
		return;
	}
	value_set_reason_shared(&st->vs, a, b, buf, cap);
}

static const struct mingle_strategy descriptor = {
	.abi_major = MINGLE_ABI_MAJOR,
	.abi_minor = MINGLE_ABI_MINOR,
	.size = sizeof(struct mingle_strategy),
	.flags = MINGLE_STRATEGY_SYMMETRIC,
	.name = "exclude_same",
	.version = "1.0.0",
	.description = "never introduce two people with the same value of a "
	    "field, or e-mail addresses at one domain (colleagues)",
	.options = options,
	.option_docs = option_docs,
	.init = ex_init,
	.score = ex_score,
	.reason = ex_reason,
	.fini = ex_fini,
	.candidates = ex_candidates,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	return &descriptor;
}
