/*
 * test_mail_domain.c -- unit tests for plugins/mail_domain.c: the domain
 * of an address, cleaned; a domain and its subdomains as one organization,
 * siblings not; free-mail providers, with their subdomains; the index of
 * attendees by domain, whose lists hold exactly the attendees
 * mail_domain_same pairs each one with.
 */
#include <stdlib.h>
#include <string.h>

#include "mail_domain.h"
#include "tap.h"

/* mail_domain_of(ADDRESS) is WANT (NULL: no domain). */
static void
domain_is(const char *address, const char *want, const char *what)
{
	char *d = NULL;
	int rc = mail_domain_of(address, &d);

	is_int(rc, want != NULL, what);
	is_str(d, want, what);
	free(d);
}

static void
test_of(void)
{
	domain_is("ann@acme.example", "acme.example", "plain address");
	domain_is("Ann@Mail.ACME.example", "mail.acme.example",
	    "ASCII letters folded to lower case");
	domain_is("Ann Lee <ann@acme.example>", "acme.example",
	    "a name and angle brackets");
	domain_is("ann@acme.example. ", "acme.example",
	    "a final dot and space dropped");
	domain_is("a@b@uni-x.de", "uni-x.de", "the part after the last '@'");
	domain_is("ann@acme.example, bob@other.example", "other.example",
	    "two addresses: the last one's");
	domain_is("ann@m\xc3\xbcller.example", "m\xc3\xbcller.example",
	    "an internationalized name is kept");
	domain_is("acme.example", NULL, "no '@': no address");
	domain_is("ann@", NULL, "nothing after the '@'");
	domain_is("ann@ acme.example", NULL, "space right after the '@'");
	domain_is("ann@-.", NULL, "no letter or digit");
	domain_is("", NULL, "empty");
}

static void
test_clean(void)
{
	char *d = NULL;

	is_int(mail_domain_clean("@Acme.Example", &d), 1, "clean '@Acme'");
	is_str(d, "acme.example", "a leading '@' is skipped");
	free(d);
	is_int(mail_domain_clean("uni-x.de", &d), 1, "clean a bare domain");
	is_str(d, "uni-x.de", "a bare domain as it is");
	free(d);
	is_int(mail_domain_clean("-", &d), 0, "'-' is no domain");
	ok(d == NULL, "and nothing is stored");
}

static void
test_within(void)
{
	ok(mail_domain_within("uni-x.de", "uni-x.de"), "a domain is within "
	    "itself");
	ok(mail_domain_within("mail.uni-x.de", "uni-x.de"), "a subdomain "
	    "is within");
	ok(mail_domain_within("a.b.uni-x.de", "uni-x.de"), "and a "
	    "subdomain's subdomain");
	ok(!mail_domain_within("x-uni-x.de", "uni-x.de"), "a name ending "
	    "the same is not");
	ok(!mail_domain_within("uni-x.de", "mail.uni-x.de"), "the parent "
	    "is not within the child");
	ok(!mail_domain_within("uni-x.de", ""), "nothing is within ''");
	ok(mail_domain_same("uni-x.de", "mail.uni-x.de") &&
	    mail_domain_same("mail.uni-x.de", "uni-x.de"),
	    "same: either way round");
	ok(!mail_domain_same("cs.uni-x.de", "math.uni-x.de"),
	    "siblings are not the same (no public suffix list)");
	ok(!mail_domain_same("a.co.uk", "b.co.uk"),
	    "so two companies under co.uk stay two");
}

static void
test_free(void)
{
	static const char *const free_ones[] = { "gmail.com",
		"googlemail.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch",
		"web.de", "posteo.de", "t-online.de", "outlook.com",
		"outlook.de", "hotmail.com", "hotmail.de", "live.com",
		"yahoo.com", "yahoo.de", "icloud.com", "me.com", "mac.com",
		"aol.com", "mailbox.org", "proton.me", "protonmail.com",
		"freenet.de", "arcor.de", "online.de", "1und1.de", "gmail.de",
		"mail.gmx.de" };
	size_t i, n = 0;

	for (i = 0; i < sizeof free_ones / sizeof *free_ones; i++)
		n += mail_domain_free(free_ones[i]);
	is_int(n, sizeof free_ones / sizeof *free_ones,
	    "every provider the issue names, and a subdomain of one");
	ok(!mail_domain_free("acme.example"), "acme.example is not");
	ok(!mail_domain_free("notgmail.com"), "notgmail.com is not");
	ok(!mail_domain_free("de"), "a top-level domain is not");
	ok(!mail_domain_free("gmail.com.evil.example"), "gmail.com inside "
	    "another domain is not");
}

/* The attendees but A whose domain mail_domain_same pairs with D, by a
 * walk over all N, into WANT; their number. */
static size_t
walked(char *const *domain, uint32_t n, const char *d, uint32_t a,
    uint32_t *want)
{
	uint32_t b;
	size_t m = 0;

	for (b = 0; b < n; b++)
		if (b != a && domain[b] != NULL &&
		    mail_domain_same(d, domain[b]))
			want[m++] = b;
	return m;
}

static void
test_index(void)
{
	static char *const domain[] = { "uni-x.de", "mail.uni-x.de", NULL,
		"x-uni-x.de", "cs.uni-x.de", "uni-x.de", "a.cs.uni-x.de",
		"de", "acme.example", "uni-x.de.evil.example", "cs.uni-x.de" };
	uint32_t n = sizeof domain / sizeof *domain, a;
	uint32_t out[sizeof domain / sizeof *domain];
	uint32_t want[sizeof domain / sizeof *domain];
	struct mail_domain_index ix;
	size_t got, m, bad = 0;

	is_int(mail_domain_index_build(&ix, domain, n), 0, "index built");
	for (a = 0; a < n; a++) {
		if (domain[a] == NULL)
			continue;
		if (mail_domain_index_list(&ix, domain[a], a, out, &got) != 0)
			bad++;
		m = walked(domain, n, domain[a], a, want);
		bad += got != m || memcmp(out, want, m * sizeof *out) != 0;
	}
	is_int(bad, 0, "each list is the walk over everyone, ascending");
	mail_domain_index_list(&ix, "cs.uni-x.de", 4, out, &got);
	is_int(got, 5, "cs.uni-x.de: its twin, a subdomain and 3 parents");
	mail_domain_index_list(&ix, "example", 99, out, &got);
	is_int(got, 2, "a parent domain nobody holds lists its subdomains");
	mail_domain_index_free(&ix);
}

int
main(void)
{
	test_of();
	test_clean();
	test_within();
	test_free();
	test_index();
	return tap_done();
}
