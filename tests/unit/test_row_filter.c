/*
 * test_row_filter.c -- unit tests for core/row_filter.c: the include and
 * exclude filters on an export's rows.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "row_filter.h"
#include "tap.h"
#include "util.h"

static const char export[] =
    "Attendee name: Given name,Status,Ticket,Note\n"
    "Anna,Paid,Staff (Orga),\n"
    "Bob,BEZAHLT,\"Workshop,  Tag 2\",x\n"
    "Cem,storniert,Day ticket,\n"
    "Dora,Paid,,y\n"
    "Emil,STRASSE,Day ticket,z\n";

static struct csv_table csv;

/* Which of the five rows F keeps, as "YYNYN". */
static char *
kept(struct row_filter *f)
{
	char *s = xcalloc(csv.nrows + 1, 1);
	size_t row;

	for (row = 1; row <= csv.nrows; row++)
		s[row - 1] = row_filter_keeps(f, &csv, row) ? 'Y' : 'N';
	return s;
}

static void
test_check(void)
{
	char *cause = NULL;

	ok(row_filter_check("Status: paid, bezahlt", &cause) == 0,
	    "COLUMN: values is fine");
	ok(row_filter_check("Note: \"\"", &cause) == 0, "\"\" is a value");
	ok(row_filter_check("paid", &cause) != 0, "no ':' fails");
	like(cause, "names no column: write COLUMN: value, value",
	    "... saying how to write it");
	free(cause);
	ok(row_filter_check(" : paid", &cause) != 0, "no column fails");
	free(cause);
	ok(row_filter_check("Status:  ", &cause) != 0, "no value fails");
	like(cause, "has no value after the ':' (write \"\" for an empty "
	    "cell)", "... with a hint");
	free(cause);
}

static void
test_match(void)
{
	ok(row_filter_match("paid", "paid"), "glob: a word");
	ok(!row_filter_match("paid", "unpaid"), "glob: the whole text");
	ok(row_filter_match("pa*", "paid"), "glob: star at the end");
	ok(row_filter_match("*id", "paid"), "glob: star at the start");
	ok(row_filter_match("p*d", "paid"), "glob: star inside");
	ok(!row_filter_match("p*x", "paid"), "glob: no match");
	ok(row_filter_match("*", ""), "glob: star matches empty");
	ok(row_filter_match("", ""), "glob: empty matches empty");
	ok(!row_filter_match("", "x"), "glob: empty only empty");
	ok(row_filter_match("checked*in", "checked-in"), "glob: checked-in");
	ok(row_filter_match("checked*in", "checked in"), "glob: checked in");
	ok(row_filter_match("a*b*c", "axbybc"), "glob: backtracking");
	ok(row_filter_match("wait*list*", "waitlist"), "glob: two stars");
	ok(!row_filter_match("wait*list*", "not waitlisted?"),
	    "glob: anchored at the start");
}

static void
test_filters(void)
{
	struct row_filter f;
	char *cause = NULL, *s;

	ok(row_filter_bind(&f, 0, "Status: paid, bezahlt", 3, &csv,
	    &cause) == 0, "include binds");
	is_int(f.col, 1, "... to the column Status");
	s = kept(&f);
	is_str(s, "YYNYN", "include keeps paid and bezahlt in any case");
	free(s);
	is_int(f.dropped, 2, "two rows dropped");
	ok(f.seen.count == 2 && strcmp(f.seen.strings[0], "storniert") == 0 &&
	    f.seen_count[0] == 1, "the values dropped are counted as written");
	is_str(row_filter_values(&f), "paid, bezahlt", "the values as written");
	row_filter_free(&f);

	ok(row_filter_bind(&f, 1, "Ticket: Staff*, \"Workshop, Tag 2\", \"\"",
	    4, &csv, &cause) == 0, "exclude binds");
	s = kept(&f);
	is_str(s, "NNYNY", "exclude drops Staff*, the quoted value with its "
	    "comma (spaces folded) and the empty cell");
	free(s);
	row_filter_free(&f);

	ok(row_filter_bind(&f, 0, "Status: Straße", 1, &csv, &cause) == 0 &&
	    (s = kept(&f)) != NULL, "Unicode folding");
	is_str(s, "NNNNY", "Straße matches STRASSE");
	free(s);
	row_filter_free(&f);

	ok(row_filter_bind(&f, 0, "Attendee name: Given name: A*, d*", 1,
	    &csv, &cause) == 0, "a column name with ':'");
	is_int(f.col, 0, "... is found from the last ':'");
	s = kept(&f);
	is_str(s, "YNNYN", "... and filters its column");
	free(s);
	row_filter_free(&f);

	ok(row_filter_bind(&f, 1, "Note: 10:00, *", 1, &csv, &cause) == 0,
	    "a value with ':' when the text before is no column");
	is_int(f.col, 3, "... the column is before the first ':'");
	row_filter_free(&f);

	ok(row_filter_bind(&f, 0, "Stauts: paid", 1, &csv, &cause) != 0,
	    "a column that does not exist");
	like(cause, "no column \"Stauts\" in t.csv; did you mean \"Status\"?",
	    "... is named with a suggestion");
	free(cause);
	row_filter_free(&f);
}

int
main(void)
{
	char *cause = NULL;

	if (csv_read_buffer("t.csv", export, strlen(export), NULL, &csv,
	    &cause) != 0) {
		printf("Bail out! %s\n", cause);
		return 1;
	}
	test_check();
	test_match();
	test_filters();
	csv_free(&csv);
	return tap_done();
}
