/*
 * mail_domain.h -- the domain of an e-mail address, whether two domains
 * are one organization's, and the free-mail providers that are nobody's
 * organization; for the built-in plugin exclude_same.
 */
#ifndef MINGLE_PLUGINS_MAIL_DOMAIN_H
#define MINGLE_PLUGINS_MAIL_DOMAIN_H

#include <stddef.h>
#include <stdint.h>

/*
 * The domain of ADDRESS: the part after the last '@', up to the first
 * character no domain holds (space, '>', ',', ';' ...), ASCII letters in
 * lower case, dots at its end removed.  "Ann <Ann@Mail.Uni-X.de.>" gives
 * "mail.uni-x.de".  Stores a new string in *OUT and returns 1; returns 0
 * if ADDRESS has no domain (no '@', nothing after it), -1 if memory ran
 * out.
 */
int mail_domain_of(const char *address, char **out);

/*
 * DOMAIN as mail_domain_of cleans it, for lists of domains: a leading '@'
 * is skipped ("@acme.org"), and an address gives its domain.  Same
 * returns as mail_domain_of.
 */
int mail_domain_clean(const char *domain, char **out);

/* Is D the domain PARENT or a subdomain of it ("mail.uni-x.de" is within
 * "uni-x.de"; "x-uni-x.de" is not)? */
int mail_domain_within(const char *d, const char *parent);

/* Is one of X, Y within the other? */
int mail_domain_same(const char *x, const char *y);

/* Is D, or a domain it is within, a free-mail provider's (gmail.com,
 * gmx.de, web.de, ...)? */
int mail_domain_free(const char *d);

/*
 * Attendees by domain, to list whose domain is within A's or A's within
 * theirs (exclude_same's candidates): their domains reversed
 * ("de.x-inu.liam"), sorted, so that a domain's subdomains follow it.
 * Read-only once built.
 */
struct mail_domain_index {
	struct mail_domain_entry *v;	/* attendees with a domain */
	size_t n;
};

/*
 * Index the N attendees' DOMAIN (NULL for none; the strings must outlive
 * IX).  Returns 0, or -1 out of memory.
 */
int mail_domain_index_build(struct mail_domain_index *ix,
    char *const *domain, uint32_t n);
void mail_domain_index_free(struct mail_domain_index *ix);

/*
 * Into OUT (room for every attendee), ascending, the attendees but A whose
 * domain is within D or D within theirs (mail_domain_same), and their
 * number in *N.  Returns 0, or -1 out of memory.
 */
int mail_domain_index_list(const struct mail_domain_index *ix,
    const char *d, uint32_t a, uint32_t *out, size_t *n);

#endif
