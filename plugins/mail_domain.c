/*
 * mail_domain.c -- e-mail domains, compared as organizations (see
 * mail_domain.h).
 *
 * Without the Public Suffix List mingle cannot know that "cs.uni-x.de" and
 * "math.uni-x.de" are one university while "a.co.uk" and "b.co.uk" are two
 * companies, so only a domain and its own subdomains count as one:
 * "mail.uni-x.de" is "uni-x.de", siblings are not.
 */
#include <stdlib.h>
#include <string.h>

#include "mail_domain.h"

/* Providers whose addresses anybody can get: sharing one says nothing.
 * Sorted, for bsearch. */
static const char *const free_mail[] = {
	"1und1.de", "aol.com", "aol.de", "arcor.de", "email.de",
	"fastmail.com", "freenet.de", "gmail.com", "gmail.de", "gmx.at",
	"gmx.ch", "gmx.com", "gmx.de", "gmx.net", "googlemail.com",
	"hotmail.co.uk", "hotmail.com", "hotmail.de", "icloud.com",
	"kabelmail.de", "live.com", "live.de", "mac.com", "mail.de",
	"mail.ru", "mailbox.org", "me.com", "msn.com", "online.de",
	"outlook.at", "outlook.com", "outlook.de", "pm.me", "posteo.de",
	"posteo.net", "proton.me", "protonmail.com", "t-online.de",
	"tuta.io", "tutanota.com", "tutanota.de", "vodafone.de", "web.de",
	"yahoo.co.uk", "yahoo.com", "yahoo.de", "yandex.com", "yandex.ru",
	"zoho.com",
};

/* May C appear in a domain?  Letters, digits, '-', '.', '_' and any byte
 * of a non-ASCII (internationalized) name. */
static int
domain_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c >= 0x80;
}

/* Is C a letter, a digit, or part of a non-ASCII character? */
static int
domain_char_name(char c)
{
	unsigned char u = (unsigned char)c;

	return domain_char(u) && u != '-' && u != '.' && u != '_';
}

int
mail_domain_clean(const char *domain, char **out)
{
	const char *at = strrchr(domain, '@');
	size_t n = 0, i;
	char *d;

	*out = NULL;
	if (at != NULL)
		domain = at + 1;
	while (domain_char((unsigned char)domain[n]))
		n++;
	while (n > 0 && domain[n - 1] == '.')
		n--;
	while (n > 0 && domain[0] == '.') {
		domain++;
		n--;
	}
	for (i = 0; i < n && !domain_char_name(domain[i]); i++)
		;
	if (i == n)
		return 0;	/* no letter, digit or non-ASCII: "-", "..." */
	if ((d = malloc(n + 1)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		d[i] = domain[i] >= 'A' && domain[i] <= 'Z' ?
		    (char)(domain[i] - 'A' + 'a') : domain[i];
	d[n] = '\0';
	*out = d;
	return 1;
}

int
mail_domain_of(const char *address, char **out)
{
	*out = NULL;
	if (strchr(address, '@') == NULL)
		return 0;
	return mail_domain_clean(address, out);
}

int
mail_domain_within(const char *d, const char *parent)
{
	size_t n = strlen(d), p = strlen(parent);

	if (n < p || p == 0)
		return 0;
	if (n == p)
		return strcmp(d, parent) == 0;
	return d[n - p - 1] == '.' && strcmp(d + n - p, parent) == 0;
}

int
mail_domain_same(const char *x, const char *y)
{
	return mail_domain_within(x, y) || mail_domain_within(y, x);
}

static int
cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

int
mail_domain_free(const char *d)
{
	size_t n = sizeof free_mail / sizeof *free_mail;

	/* "mail.gmx.de", then "gmx.de", then "de". */
	for (;;) {
		if (bsearch(d, free_mail, n, sizeof *free_mail, cmp) != NULL)
			return 1;
		if ((d = strchr(d, '.')) == NULL)
			return 0;
		d++;
	}
}
