/*
 * timestamp.h -- registration times as exports write them, made comparable.
 *
 * Only the order matters (which of two registrations is the later), so a
 * time becomes one number that sorts like the time: no calendar, no time
 * zones (one export writes all its times in one zone).  Read, in any case:
 *   2024-01-15T10:23:45.123Z   2024-01-15 10:23:45   2024-01-15
 *   15.01.2024 10:23   15.01.24   15-01-2024
 *   11/29/24 22:28   1/15/2024 10:23:45 PM   (month first, or day first)
 *   Jan 15, 2024 7:00 PM   15. März 2024   (English and German months)
 * Two-digit years are 20YY.  Anything after the time (a zone, "GMT+1") is
 * ignored.
 */
#ifndef MINGLE_TIMESTAMP_H
#define MINGLE_TIMESTAMP_H

#include <stdint.h>

/*
 * Parse S.  DAY_FIRST says how to read "a/b/yyyy" (day first if nonzero,
 * month first otherwise); other forms say it themselves.  Returns 0 and
 * *OUT, or -1 if S is no date.
 */
int timestamp_parse(const char *s, int day_first, int64_t *out);

/*
 * What S tells about "a/b/yyyy" dates: 1 if it can only be day first
 * (a > 12), -1 if only month first (b > 12), 0 if it does not say.
 */
int timestamp_day_first(const char *s);

#endif
