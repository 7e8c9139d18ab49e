/*
 * test_person.c -- unit tests for core/person.c (who is the same person)
 * and core/timestamp.c (which registration is the later).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "person.h"
#include "tap.h"
#include "timestamp.h"
#include "util.h"

/* Is A read as a time earlier than B (both with DAY_FIRST)? */
static int
before(const char *a, const char *b, int day_first)
{
	int64_t x, y;

	if (timestamp_parse(a, day_first, &x) != 0 ||
	    timestamp_parse(b, day_first, &y) != 0)
		return -1;
	return x < y;
}

static void
test_timestamps(void)
{
	int64_t t, u;

	ok(timestamp_parse("2024-01-15T10:23:45.123Z", 0, &t) == 0,
	    "ISO 8601 with milliseconds and Z");
	ok(timestamp_parse("2024-01-15 10:23:45", 0, &u) == 0 && u < t,
	    "ISO with a space; fewer milliseconds is earlier");
	ok(timestamp_parse("2024-01-15T10:23:45.123+01:00", 0, &u) == 0 &&
	    u == t, "a zone after the time is ignored");
	is_int(before("2024-01-15", "2024-01-15 00:00:01", 0), 1,
	    "a date alone is midnight");
	is_int(before("2026-10-27 09:12:44", "2026-10-30 21:05:10", 0), 1,
	    "pretix: Order date + Order time");
	is_int(before("15.01.2024 10:23:45", "16.01.2024 09:00:00", 0), 1,
	    "German Google Forms: day first");
	is_int(before("31.12.23 23:59", "01.01.24 00:00", 0), 1,
	    "two-digit years are 20YY");
	is_int(before("11/29/24 22:28", "12/01/24 08:00", 0), 1,
	    "Eventbrite: month first");
	is_int(before("1/15/2024 11:59:00 PM", "1/16/2024 12:30:00 AM", 0),
	    1, "PM and AM");
	is_int(before("1/15/2024 12:30:00 PM", "1/15/2024 1:00:00 PM", 0), 1,
	    "12:30 PM is before 1 PM");
	is_int(before("2/1/2024", "1/2/2024", 1), 1,
	    "day first: 2/1 is 2 January, before 1/2, 1 February");
	is_int(before("1/2/2024", "2/1/2024", 0), 1,
	    "month first: 1/2 is January 2");
	is_int(before("Jan 15, 2024 7:00 PM", "Feb 1, 2024 9:00 AM", 0), 1,
	    "English month names");
	is_int(before("15. März 2024", "2. Mai 2024", 0), 1,
	    "German month names");
	is_int(before("2026-09-01 10:10:00 UTC", "2026-09-28 12:00:00 UTC",
	    0), 1, "Tito with a zone name");
	ok(timestamp_parse("", 0, &t) != 0, "empty is no time");
	ok(timestamp_parse("soon", 0, &t) != 0, "a word is no time");
	ok(timestamp_parse("2024-13-01", 0, &t) != 0, "month 13 is no date");
	ok(timestamp_parse("2024-01-15 25:00", 0, &t) != 0,
	    "hour 25 is no time");
	ok(timestamp_parse("12345", 0, &t) != 0, "a bare number is no date");
	is_int(timestamp_day_first("29/11/2024"), 1, "29/11 is day first");
	is_int(timestamp_day_first("11/29/2024"), -1, "11/29 is month first");
	is_int(timestamp_day_first("1/2/2024"), 0, "1/2 does not say");
	is_int(timestamp_day_first("29.11.2024"), 0, "dots say it anyway");
}

static void
test_fold(void)
{
	static const char *const texts[] = {
		"Anna Koch", "  ANNA\t\r\n koch  ", "##Lua #x", "# ", "",
		"a\fb\vc", "Straße", "  STRASSE ", "Ａｎｎａ", "C#", "x\x01y",
		NULL
	};
	const char *const *t;
	char *a, *b;

	for (t = texts; *t != NULL; t++) {
		a = person_fold(*t);
		b = normalize_tag(*t, strlen(*t));
		ok(a != NULL && b != NULL && strcmp(a, b) == 0,
		    "person_fold is normalize_tag, ASCII or not");
		if (a == NULL || b == NULL || strcmp(a, b) != 0)
			printf("#   '%s': '%s' vs '%s'\n", *t, a ? a : "(null)",
			    b ? b : "(null)");
		free(a);
		free(b);
	}
	a = person_fold("Stra\xdf");
	ok(a == NULL, "invalid UTF-8 is NULL");
	free(a);
}

static void
test_email(void)
{
	char *s;

	s = person_fold_email(" Anna.Koch@Example.ORG ");
	is_str(s, "anna.koch@example.org", "e-mail: case and spaces folded");
	free(s);
	s = person_fold_email("anna .koch@example.org");
	is_str(s, "anna.koch@example.org", "e-mail: a space inside goes");
	free(s);
	s = person_fold_email(NULL);
	is_str(s, "", "e-mail: none is empty");
	free(s);
	ok(person_email_like("a@b.org"), "a@b.org is an e-mail");
	ok(person_email_like("  a@b.org \r\n"), "with spaces around too");
	ok(!person_email_like("a b@c.org"), "not with a space inside");
	ok(!person_email_like("ab.org"), "not without @");
	ok(!person_email_like("@b.org"), "not without a local part");
	ok(!person_email_like("a@b"), "not without a dot in the domain");
	ok(!person_email_like("a@b@c.org"), "not with two @");
	ok(!person_email_like("user 101"), "a Meetup id is none");
}

/* Run person_dedup on N rows with KEYS (NULL: own person) and TIMES (-1:
 * none); returns the merges as "dropped>kept ..." */
static char *
dedup(const char *const *keys, const long *times, size_t n,
    enum person_duplicates policy, int *rc)
{
	struct person_row rows[16];
	struct person_merge *m;
	unsigned char drop[16] = { 0 };
	struct strbuf sb = { 0 };
	size_t i, nm;

	for (i = 0; i < n; i++) {
		rows[i].row = i + 1;
		rows[i].key = (char *)keys[i];
		rows[i].has_time = times != NULL && times[i] >= 0;
		rows[i].time = times != NULL ? times[i] : 0;
	}
	*rc = person_dedup(rows, n, policy, drop, &m, &nm);
	for (i = 0; i < nm; i++) {
		strbuf_printf(&sb, "%s%zu>%zu", i ? " " : "", m[i].dropped,
		    m[i].kept);
		if (*rc == 0 && !drop[m[i].dropped - 1])
			strbuf_puts(&sb, "(not dropped!)");
	}
	free(m);
	return strbuf_detach(&sb);
}

static void
test_dedup(void)
{
	static const char *const keys[] = {
		"anna", "bob", "anna", NULL, NULL, "anna", "bob"
	};
	static const long times[] = { 30, 10, 20, 1, 1, 5, -1 };
	char *s;
	int rc;

	s = dedup(keys, NULL, 7, PERSON_KEEP_LAST, &rc);
	is_str(s, "1>6 2>7 3>6", "keep-last by row: the last row of each");
	ok(rc == 0, "keep-last succeeds");
	free(s);
	s = dedup(keys, NULL, 7, PERSON_KEEP_FIRST, &rc);
	is_str(s, "3>1 6>1 7>2", "keep-first by row: the first row");
	free(s);
	s = dedup(keys, times, 7, PERSON_KEEP_LAST, &rc);
	is_str(s, "2>7 3>1 6>1", "keep-last by time: row 1 is the latest "
	    "anna; bob has a row without a time, so by row");
	free(s);
	s = dedup(keys, times, 7, PERSON_KEEP_FIRST, &rc);
	is_str(s, "1>6 3>6 7>2", "keep-first by time: row 6 is the earliest");
	free(s);
	s = dedup(keys, NULL, 7, PERSON_ERROR, &rc);
	ok(rc == -1, "duplicates = error fails");
	is_str(s, "3>1", "... naming the first repeat and its first row");
	free(s);
	s = dedup(keys + 3, NULL, 2, PERSON_ERROR, &rc);
	ok(rc == 0 && *s == '\0', "rows without a key are never merged");
	free(s);
}

static void
test_unique_ids(void)
{
	struct intern seen = { 0 };
	char *a, *b, *c, *d, *e;
	int renamed = 0;

	a = person_unique_id(&seen, xstrdup("buyer@x.org"), 1, &renamed);
	is_str(a, "buyer@x.org", "the first id stays");
	ok(!renamed, "... not renamed");
	b = person_unique_id(&seen, xstrdup(" Buyer@X.org"), 1, &renamed);
	is_str(b, " Buyer@X.org#2", "the same e-mail in capitals is taken: #2");
	ok(renamed, "... renamed");
	c = person_unique_id(&seen, xstrdup("buyer@x.org#3"), 1, &renamed);
	is_str(c, "buyer@x.org#3", "an id that looks like a renamed one stays");
	d = person_unique_id(&seen, xstrdup("buyer@x.org"), 1, &renamed);
	is_str(d, "buyer@x.org#4", "#3 is taken: #4");
	renamed = 0;
	e = person_unique_id(&seen, xstrdup("BUYER@X.ORG#5"), 0, &renamed);
	is_str(e, "BUYER@X.ORG#5", "not e-mail ids compare as written");
	ok(!renamed, "... and this one is new");
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	intern_free(&seen);
}

int
main(void)
{
	test_timestamps();
	test_fold();
	test_email();
	test_dedup();
	test_unique_ids();
	return tap_done();
}
