/*
 * mail_domain.h -- the domain of an e-mail address, whether two domains
 * are one organization's, and the free-mail providers that are nobody's
 * organization; for the built-in plugin exclude_same.
 */
#ifndef MINGLE_PLUGINS_MAIL_DOMAIN_H
#define MINGLE_PLUGINS_MAIL_DOMAIN_H

#include <stddef.h>

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

#endif
