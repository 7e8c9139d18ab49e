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

struct mail_domain_entry {
	char *rev;		/* the domain reversed */
	uint32_t a;
};

static int
entry_cmp(const void *p, const void *q)
{
	const struct mail_domain_entry *x = p, *y = q;
	int c = strcmp(x->rev, y->rev);

	if (c != 0)
		return c;
	return (x->a > y->a) - (x->a < y->a);
}

static int
u32_cmp(const void *p, const void *q)
{
	uint32_t x = *(const uint32_t *)p, y = *(const uint32_t *)q;

	return (x > y) - (x < y);
}

/* D reversed into a new string, or NULL out of memory. */
static char *
reversed(const char *d, size_t len)
{
	char *r = malloc(len + 1);
	size_t i;

	if (r == NULL)
		return NULL;
	for (i = 0; i < len; i++)
		r[i] = d[len - 1 - i];
	r[len] = '\0';
	return r;
}

int
mail_domain_index_build(struct mail_domain_index *ix, char *const *domain,
    uint32_t n)
{
	uint32_t a;

	ix->n = 0;
	if ((ix->v = calloc((size_t)n + 1, sizeof *ix->v)) == NULL)
		return -1;
	for (a = 0; a < n; a++) {
		if (domain[a] == NULL)
			continue;
		ix->v[ix->n].a = a;
		if ((ix->v[ix->n++].rev = reversed(domain[a],
		    strlen(domain[a]))) == NULL) {
			mail_domain_index_free(ix);
			return -1;
		}
	}
	qsort(ix->v, ix->n, sizeof *ix->v, entry_cmp);
	return 0;
}

void
mail_domain_index_free(struct mail_domain_index *ix)
{
	size_t i;

	for (i = 0; ix->v != NULL && i < ix->n; i++)
		free(ix->v[i].rev);
	free(ix->v);
	ix->v = NULL;
	ix->n = 0;
}

/* The first entry whose reversed domain is not below the LEN bytes of R. */
static size_t
index_first(const struct mail_domain_index *ix, const char *r, size_t len)
{
	size_t lo = 0, hi = ix->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strncmp(ix->v[mid].rev, r, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Append to OUT at *M the attendees but A whose reversed domain starts
 * with the LEN bytes of R and goes on with END: '\0' (exactly R's domain)
 * or '.' too (its subdomains).
 */
static void
index_add(const struct mail_domain_index *ix, const char *r, size_t len,
    int subdomains, uint32_t a, uint32_t *out, size_t *m)
{
	size_t i;
	char c;

	for (i = index_first(ix, r, len); i < ix->n &&
	    strncmp(ix->v[i].rev, r, len) == 0; i++) {
		c = ix->v[i].rev[len];
		if (ix->v[i].a != a && (c == '\0' || (subdomains && c == '.')))
			out[(*m)++] = ix->v[i].a;
	}
}

int
mail_domain_index_list(const struct mail_domain_index *ix, const char *d,
    uint32_t a, uint32_t *out, size_t *n)
{
	size_t len = strlen(d), i, m = 0;
	char *r;

	*n = 0;
	if ((r = reversed(d, len)) == NULL)
		return -1;
	/* D itself and its subdomains, then each domain D is within */
	index_add(ix, r, len, 1, a, out, &m);
	for (i = 1; i < len; i++)
		if (r[i] == '.')
			index_add(ix, r, i, 0, a, out, &m);
	free(r);
	qsort(out, m, sizeof *out, u32_cmp);
	*n = m;
	return 0;
}
