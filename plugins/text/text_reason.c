/*
 * text_reason.c -- reasons that fit the host's buffer (at most
 * MINGLE_REASON_MAX bytes), cut only between whole items.  See text.h.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

/* Append S (LEN bytes) if it fits before the NUL; 1 if it did. */
static int
reason_put(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
	if (*len + n >= cap)
		return 0;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
	return 1;
}

size_t
text_reason_name(char *buf, size_t cap, size_t len, const char *s,
    size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		/* Back to the start of a character, leaving room for "...". */
		n = max > 3 ? max - 3 : 0;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		if (reason_put(buf, cap, &len, s, n))
			reason_put(buf, cap, &len, "...", 3);
		return len;
	}
	reason_put(buf, cap, &len, s, n);
	return len;
}

size_t
text_reason_list(char *buf, size_t cap, size_t len,
    const char *const *items, size_t n, size_t total)
{
	char more[32];
	size_t k, shown, at, need, mlen;

	/* The most items that fit with the count of the rest after them. */
	for (shown = n; shown > 0; shown--) {
		need = len;
		for (k = 0; k < shown; k++)
			need += (k ? 2 : 0) + strlen(items[k]);
		mlen = shown < total ? (size_t)snprintf(more, sizeof more,
		    " (+%zu more)", total - shown) : 0;
		if (need + mlen < cap)
			break;
	}
	if (shown == 0) {
		if (len < cap)
			buf[len] = '\0';
		return len;
	}
	at = len;
	for (k = 0; k < shown; k++) {
		if (k)
			reason_put(buf, cap, &at, ", ", 2);
		reason_put(buf, cap, &at, items[k], strlen(items[k]));
	}
	if (shown < total)
		reason_put(buf, cap, &at, more, (size_t)snprintf(more,
		    sizeof more, " (+%zu more)", total - shown));
	return at;
}
