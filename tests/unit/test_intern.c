/*
 * test_intern.c -- unit tests for core/intern.c: dense ids in order of first
 * appearance, lookups, copies, and growth far past the first table.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intern.h"
#include "tap.h"
#include "util.h"

static void
test_basics(void)
{
	struct intern in = { 0 };
	char buf[16];

	is_int(intern_find(&in, "x"), -1, "find in an empty interner");
	is_int(intern_add(&in, "lua"), 0, "first string gets id 0");
	is_int(intern_add(&in, "datenschutz"), 1, "second string gets id 1");
	is_int(intern_add(&in, "lua"), 0, "a repeat gets its old id");
	is_int(in.count, 2, "count is distinct strings");
	is_int(intern_find(&in, "datenschutz"), 1, "find an existing string");
	is_int(intern_find(&in, "Lua"), -1, "case matters (normalize first)");
	is_int(intern_find(&in, "lu"), -1, "a prefix is another string");
	is_int(intern_add(&in, ""), 2, "the empty string is a string");
	is_int(intern_find(&in, ""), 2, "and can be found");

	strcpy(buf, "mutable");
	is_int(intern_add(&in, buf), 3, "add from a buffer");
	strcpy(buf, "changed");
	is_str(in.strings[3], "mutable", "the interner keeps its own copy");
	is_int(intern_find(&in, "mutable"), 3, "and finds it afterwards");
	is_int(intern_find(&in, "changed"), -1, "not the buffer's new text");

	intern_free(&in);
	ok(in.count == 0 && in.strings == NULL && in.slots == NULL,
	    "free resets the interner");
	is_int(intern_find(&in, "lua"), -1, "a freed interner finds nothing");
	is_int(intern_add(&in, "again"), 0, "and can be used again");
	intern_free(&in);
}

/* Many strings: ids stay dense and stable across every rehash. */
static void
test_growth(void)
{
	struct intern in = { 0 };
	const uint32_t n = 200000;
	uint32_t i, wrong_add = 0, wrong_find = 0, wrong_again = 0;
	uint32_t wrong_text = 0;
	char buf[32];

	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "tag-%u", i);
		if (intern_add(&in, buf) != i)
			wrong_add++;
	}
	is_int(wrong_add, 0, "200000 strings get ids 0..199999 in order");
	is_int(in.count, n, "count after growth");
	ok(in.nslots >= 2 * in.count, "the table stays at most half full");
	ok((in.nslots & (in.nslots - 1)) == 0, "slots stay a power of two");

	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "tag-%u", i);
		if (intern_find(&in, buf) != (long)i)
			wrong_find++;
		if (strcmp(in.strings[i], buf) != 0)
			wrong_text++;
	}
	is_int(wrong_find, 0, "every string is found after growth");
	is_int(wrong_text, 0, "id -> string is intact after growth");

	for (i = 0; i < n; i += 7) {
		snprintf(buf, sizeof buf, "tag-%u", i);
		if (intern_add(&in, buf) != i)
			wrong_again++;
	}
	is_int(wrong_again, 0, "adding again returns the old ids");
	is_int(in.count, n, "and adds nothing");

	for (i = 0; i < 1000; i++) {
		snprintf(buf, sizeof buf, "other-%u", i);
		if (intern_find(&in, buf) != -1)
			wrong_find++;
	}
	is_int(wrong_find, 0, "strings never added are not found");
	intern_free(&in);
}

/* UTF-8 and long strings are bytes like any other. */
static void
test_bytes(void)
{
	struct intern in = { 0 };
	char *longs = xmalloc(5001);

	memset(longs, 'x', 5000);
	longs[5000] = '\0';
	is_int(intern_add(&in, "stra\xc3\x9f" "e"), 0, "UTF-8 string");
	is_int(intern_add(&in, "strasse"), 1, "differs from its folding");
	is_int(intern_add(&in, longs), 2, "a 5000-byte string");
	longs[4999] = 'y';
	is_int(intern_add(&in, longs), 3, "differs in its last byte");
	is_int(intern_find(&in, "stra\xc3\x9f" "e"), 0, "UTF-8 found");
	intern_free(&in);
	free(longs);
}

int
main(void)
{
	test_basics();
	test_growth();
	test_bytes();
	return tap_done();
}
