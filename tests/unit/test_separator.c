/*
 * test_separator.c -- unit tests for core/separator.c: a tags field's
 * `separator` read into the characters that split its cells.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>

#include "separator.h"
#include "tap.h"

/* VALUE reads as CHARS. */
static void
reads(const char *value, const char *chars, const char *what)
{
	char *got = NULL, *cause = NULL;

	ok(separator_parse(value, &got, &cause) == 0, what);
	is_str(got, chars, what);
	if (cause != NULL)
		printf("#   error: %s\n", cause);
	free(got);
	free(cause);
}

/* VALUE is an error whose message holds WANT. */
static void
refused(const char *value, const char *want, const char *what)
{
	char *got = NULL, *cause = NULL;

	ok(separator_parse(value, &got, &cause) != 0 && got == NULL, what);
	like(cause, want, what);
	free(cause);
	free(got);
}

int
main(void)
{
	reads("space", " ", "space is the space character");
	reads("semicolon", ";", "semicolon is ';'");
	reads("comma semicolon", ",;", "names combined");
	reads("Comma, SEMICOLON", ",;", "any case; a comma between names");
	reads("tab pipe slash", "\t|/", "tab, pipe, slash");
	reads("newline", "\r\n", "newline is CR and LF");
	reads(",;", ",;", "punctuation as written");
	reads(", ;|", ",;|", "punctuation with a space between");
	reads("comma ,", ",", "a character given twice counts once");
	reads("/ space", "/ ", "a character and a name");

	refused("spce", "separator: 'spce' is no name of a separator; did "
	    "you mean 'space'?", "a typo of a name");
	refused("spaces", "did you mean 'space'?", "a plural");
	refused("x", "separator: 'x' is a letter, and tags would split on "
	    "it; write names (comma, semicolon, space, tab, pipe, slash, "
	    "newline)", "a letter");
	refused("1", "'1' is a digit", "a digit");
	refused("comma or semicolon", "'or' is no name of a separator",
	    "a word between names");
	refused("\\t", "'t' is a letter", "a C escape is no name");
	refused("\xe2\x80\xa2", "not ASCII", "a bullet is not ASCII");
	refused("", "separator is empty; in INI a ';' after a space starts "
	    "a comment: write 'semicolon'", "empty, as ' ;' leaves it");
	refused("  ", "separator is empty", "only spaces");
	return tap_done();
}
