/*
 * timestamp.c -- read the registration times of exports (see timestamp.h).
 *
 * One pass cuts the text into numbers (with the character after each) and
 * words (a month name, am / pm); then the numbers before the first "h:"
 * are the date and the ones from there the time.
 */
#include "autoconf.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "timestamp.h"

#define TS_MAX_NUMBERS 8

struct ts_scan {
	long num[TS_MAX_NUMBERS];
	int digits[TS_MAX_NUMBERS];
	char after[TS_MAX_NUMBERS];	/* the character after the number */
	size_t n;
	int month;		/* from a month name, 1-12, or 0 */
	int half;		/* 1 am, 2 pm, 0 neither */
};

static int	ts_month(const char *, size_t);
static void	ts_scan(const char *, struct ts_scan *);
static int	ts_date(const struct ts_scan *, size_t, int, long *, long *,
		    long *);

/* The month a word names (English or German, long or short), or 0. */
static int
ts_month(const char *w, size_t len)
{
	static const char *const names[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
		"oct", "nov", "dec"
	};
	char low[4];
	size_t i;

	if (len >= 4 && strncasecmp(w, "m\xc3\xa4r", 4) == 0)
		return 3;	/* März */
	if (len < 3)
		return 0;
	for (i = 0; i < 3; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	low[3] = '\0';
	if (strcmp(low, "mrz") == 0)
		return 3;
	if (strcmp(low, "mai") == 0)
		return 5;
	if (strcmp(low, "okt") == 0)
		return 10;
	if (strcmp(low, "dez") == 0)
		return 12;
	for (i = 0; i < 12; i++)
		if (strcmp(low, names[i]) == 0)
			return (int)i + 1;
	return 0;
}

/* Cut S into numbers and words; numbers past the eighth are skipped. */
static void
ts_scan(const char *s, struct ts_scan *sc)
{
	const char *p = s, *w;
	size_t len;

	memset(sc, 0, sizeof *sc);
	while (*p != '\0') {
		if (isdigit((unsigned char)*p)) {
			long v = 0;
			int d = 0;

			for (; isdigit((unsigned char)*p); p++, d++)
				if (d < 9)
					v = v * 10 + (*p - '0');
			if (sc->n == TS_MAX_NUMBERS)
				continue;
			sc->num[sc->n] = v;
			sc->digits[sc->n] = d;
			sc->after[sc->n++] = *p;
			continue;
		}
		if (!isalpha((unsigned char)*p) && (unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		for (w = p; isalpha((unsigned char)*p) ||
		    (unsigned char)*p >= 0x80; p++)
			;
		len = (size_t)(p - w);
		if (len == 2 && strncasecmp(w, "am", 2) == 0)
			sc->half = 1;
		else if (len == 2 && strncasecmp(w, "pm", 2) == 0)
			sc->half = 2;
		else if (sc->month == 0)
			sc->month = ts_month(w, len);
	}
}

/*
 * The date from the first N numbers of SC: year, month and day.  -1 if
 * they are no date.
 */
static int
ts_date(const struct ts_scan *sc, size_t n, int day_first, long *y, long *m,
    long *d)
{
	if (sc->month != 0 && n == 2) {
		int year = sc->digits[1] == 4 || sc->digits[0] != 4 ? 1 : 0;

		*m = sc->month;
		*y = sc->num[year];
		*d = sc->num[1 - year];
		if (sc->digits[year] != 4 && sc->digits[year] != 2)
			return -1;
	} else if (sc->month == 0 && n == 3) {
		if (sc->digits[0] == 4) {
			*y = sc->num[0];
			*m = sc->num[1];
			*d = sc->num[2];
		} else {
			if (sc->digits[2] != 4 && sc->digits[2] != 2)
				return -1;
			*y = sc->num[2];
			if (sc->after[0] == '/' && !day_first) {
				*m = sc->num[0];
				*d = sc->num[1];
			} else {
				*d = sc->num[0];
				*m = sc->num[1];
			}
		}
	} else
		return -1;
	if (*y < 100)
		*y += 2000;
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31 ? 0 : -1;
}

int
timestamp_parse(const char *s, int day_first, int64_t *out)
{
	struct ts_scan sc;
	long y, mo, d, h = 0, mi = 0, sec = 0, ms = 0;
	size_t t, ndate;

	ts_scan(s, &sc);
	for (t = 0; t < sc.n && sc.after[t] != ':'; t++)
		;
	ndate = t < sc.n ? t : sc.n;
	if (ndate > 3 || ts_date(&sc, ndate, day_first, &y, &mo, &d) != 0)
		return -1;
	if (t + 1 < sc.n) {
		h = sc.num[t];
		mi = sc.num[t + 1];
		if (sc.after[t + 1] == ':' && t + 2 < sc.n) {
			sec = sc.num[t + 2];
			if (t + 3 < sc.n && (sc.after[t + 2] == '.' ||
			    sc.after[t + 2] == ',')) {
				int k;

				ms = sc.num[t + 3];
				for (k = sc.digits[t + 3] > 9 ? 9 :
				    sc.digits[t + 3]; k > 3; k--)
					ms /= 10;
				for (; k < 3; k++)
					ms *= 10;
			}
		}
		if (sc.half == 2 && h < 12)
			h += 12;
		else if (sc.half == 1 && h == 12)
			h = 0;
	} else if (t < sc.n)
		return -1;	/* "10:" and nothing after */
	if (h > 23 || mi > 59 || sec > 60)
		return -1;
	*out = ((((((int64_t)y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi) *
	    61 + sec) * 1000 + ms;
	return 0;
}

int
timestamp_day_first(const char *s)
{
	struct ts_scan sc;

	ts_scan(s, &sc);
	if (sc.n < 3 || sc.month != 0 ||
	    sc.after[0] != '/' || sc.digits[0] == 4)
		return 0;
	if (sc.num[0] > 12 && sc.num[1] <= 12)
		return 1;
	if (sc.num[1] > 12 && sc.num[0] <= 12)
		return -1;
	return 0;
}
