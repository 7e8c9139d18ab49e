/*
 * test_answers.c -- unit tests for core/answers.c: yes/no answers as
 * forms write them, the config's patterns, and the report on answers
 * that cannot be read.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "csv.h"
#include "tap.h"
#include "util.h"

static void
reads(const struct answers *a, const char *cell, int want)
{
	char *what = xasprintf("'%s' reads as %d", cell, want);

	is_int(answers_read(a, cell), want, what);
	free(what);
}

static void
test_defaults(void)
{
	static const char *const yes[] = {
		"yes", "Ja", " JA ", "x", "1", "true", "Wahr", "oui",
		"Ja, stellt mich gerne vor", "Yes, please introduce me",
		"yes!", "Yeah, sure", "Jawohl.", "Ja gerne", "Yeah", NULL
	};
	static const char *const no[] = {
		"no", "Nein", "0", "false", "off",
		"Nein, danke", "No thanks", "no - not this time", "Nope.",
		"NEIN!!!", "nope", NULL
	};
	static const char *const unknown[] = {
		"maybe", "vielleicht", "yess", "Nobody", "Jahr 2024",
		"Not sure", "Noch nicht", "x y", "1 Person", "\xff", "ja\xff",
		NULL
	};
	size_t i;

	for (i = 0; yes[i] != NULL; i++)
		reads(NULL, yes[i], 1);
	for (i = 0; no[i] != NULL; i++)
		reads(NULL, no[i], 0);
	for (i = 0; unknown[i] != NULL; i++)
		reads(NULL, unknown[i], -2);
	reads(NULL, "", -1);
	reads(NULL, "  \t ", -1);
}

static void
test_patterns(void)
{
	struct answers a = { 0 };
	char *cause = NULL;

	ok(answers_add(&a, 1, "Ja*, \"Gerne, jederzeit\", Klar", &cause) == 0,
	    "a yes list");
	ok(answers_add(&a, 0, "\"Ja, aber \"\"nicht\"\" heute\", *später*",
	    &cause) == 0, "a no list, a quote doubled");
	is_int(a.nyes, 3, "three yes patterns");
	is_int(a.nno, 2, "two no patterns");
	reads(&a, "Jawoll", 1);
	reads(&a, "gerne, JEDERZEIT", 1);
	reads(&a, "Klar", 1);
	reads(&a, "Klar doch", -2);
	reads(&a, "Ja, aber \"nicht\" heute", 0);
	reads(&a, "Ja, vielleicht später", 0);
	reads(&a, "Nein", 0);
	reads(&a, "", -1);
	answers_free(&a);
	ok(a.yes == NULL && a.nyes == 0 && a.no == NULL, "free resets");

	answers_add(&a, 1, "*", &cause);
	answers_add(&a, 0, "nein*", &cause);
	reads(&a, "Nein danke", 0);
	reads(&a, "egal", 1);
	reads(&a, "", -1);
	answers_free(&a);

	answers_add(&a, 1, "ja*", &cause);
	answers_add(&a, 0, "*ja", &cause);
	reads(&a, "ja ja", 0);
	answers_free(&a);

	answers_add(&a, 1, "nein", &cause);
	reads(&a, "Nein", 1);
	reads(&a, "Nein, danke", 0);
	answers_free(&a);

	ok(answers_add(&a, 1, " , ,", &cause) != 0, "an empty list");
	like(cause, "lists no answer", "says so");
	free(cause);
	ok(answers_add(&a, 1, "\"Ja, gerne", &cause) != 0, "an open quote");
	like(cause, "never closed", "says so");
	free(cause);
	ok(answers_add(&a, 1, "\"Ja\" gerne", &cause) != 0,
	    "text after a quote");
	like(cause, "put a comma between answers", "says so");
	free(cause);
	answers_free(&a);
}

static void
test_report(void)
{
	static const char export[] =
	    "Email,OK?\n"
	    "a,\"Ja, stellt mich gerne vor\"\n"
	    "b,Vielleicht\n"
	    "c,\"Nein, danke\"\n"
	    "d,\"Ja, stellt mich gerne vor\"\n"
	    "e,\"Weiß nicht,\nnoch\"\n"
	    "f,\n"
	    "g,Vielleicht\n";
	struct csv_table csv;
	struct answers a = { 0 };
	size_t rows[7] = { 1, 2, 3, 4, 5, 6, 7 }, i;
	char *cause = NULL, *msg;

	if (csv_read_buffer("ev.csv", export, sizeof export - 1, NULL, &csv,
	    &cause) != 0) {
		printf("# %s\n", cause);
		exit(99);
	}
	msg = answers_report(&a, &csv, rows, 7, 1, "consent column 'OK?'",
	    "[input]", "consent_yes", "consent_no");
	is_str(msg, "ev.csv:3: consent column 'OK?' holds 2 answers that "
	    "are neither yes nor no; each answer, and the rows holding it:\n"
	    "  'Ja, stellt mich gerne vor' 2 (yes), 'Vielleicht' 2 (unknown, "
	    "first on line 3), 'Nein, danke' 1 (no), 'Weiß nicht, noch' 1 "
	    "(unknown, first on line 6), empty 1 (no answer)\n"
	    "  add what they mean to [input], e.g.: consent_no = Vielleicht, "
	    "\"Weiß nicht, noch\"\n"
	    "  (or consent_yes = ...; '*' matches any text, as in "
	    "consent_yes = Ja*)", "the report: every answer with its rows");
	free(msg);

	answers_add(&a, 0, "Vielleicht, \"Weiß nicht, noch\"", &cause);
	ok(answers_report(&a, &csv, rows, 7, 1, "c", "[input]", "y", "n") ==
	    NULL, "the proposed line reads them all");
	for (i = 0; i < 7; i++)
		ok(answers_read(&a, csv_cell(&csv, rows[i], 1)) != -2,
		    "and each reads");
	answers_free(&a);
	csv_free(&csv);
}

/* A report lists 20 answers, then a count. */
static void
test_report_many(void)
{
	struct strbuf sb = { NULL, 0, 0 };
	struct csv_table csv;
	size_t rows[30], i;
	char *cause = NULL, *msg;

	strbuf_puts(&sb, "Email,First\n");
	for (i = 0; i < 30; i++) {
		strbuf_printf(&sb, "p%zu,answer %zu\n", i, i);
		rows[i] = i + 1;
	}
	if (csv_read_buffer("ev.csv", sb.buf, sb.len, NULL, &csv, &cause)) {
		printf("# %s\n", cause);
		exit(99);
	}
	msg = answers_report(NULL, &csv, rows, 30, 1, "field 'first'",
	    "[field first]", "yes", "no");
	like(msg, "ev.csv:2: field 'first' holds 30 answers that are neither",
	    "thirty unknown answers");
	like(msg, "'answer 19' 1 (unknown, first on line 21), and 10 more "
	    "answers\n", "twenty are listed, then a count");
	like(msg, "e.g.: no = answer 0, answer 1, ", "the proposal");
	ok(msg != NULL && strstr(msg, "answer 20") == NULL,
	    "the proposal stops at twenty too");
	free(msg);
	csv_free(&csv);
	strbuf_free(&sb);
}

int
main(void)
{
	test_defaults();
	test_patterns();
	test_report();
	test_report_many();
	return tap_done();
}
