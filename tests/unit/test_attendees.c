/*
 * test_attendees.c -- unit tests for core/attendees.c: the typed attendee
 * table built from a CSV (read with csv_read_buffer) and a config loaded
 * from a temporary INI file.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attendees.h"
#include "config.h"
#include "csv.h"
#include "mingle/plugin.h"
#include "plugin_host.h"
#include "tap.h"
#include "util.h"

static char dir[] = "/tmp/mingle-test-attendees.XXXXXX";
static char *ini;		/* DIR/event.ini */
static char *input;		/* DIR/a.csv, as the config resolves it */

/* What one build holds; released by done(). */
static struct mingle_config *cfg;
static struct csv_table csv;
static int have_csv;

static void
done(struct attendee_table *t, int built)
{
	if (built)
		attendees_free(t);
	if (have_csv)
		csv_free(&csv);
	have_csv = 0;
	config_free(cfg);
	cfg = NULL;
}

/*
 * Load the config INI_TEXT, read CSV_TEXT and build *T.  Returns what
 * attendees_build returned, or 99 if the config or CSV did not load.
 */
static int
build(const char *ini_text, const char *csv_text, struct attendee_table *t,
    char **cause)
{
	FILE *f = fopen(ini, "w");

	*cause = NULL;
	memset(t, 0, sizeof *t);
	if (f == NULL || fputs(ini_text, f) < 0 || fclose(f) != 0) {
		perror(ini);
		exit(99);
	}
	cfg = config_load(ini, cause);
	if (cfg == NULL) {
		printf("# config: %s\n", *cause);
		return 99;
	}
	if (csv_read_buffer(cfg->input_file, csv_text, strlen(csv_text),
	    &cfg->csv, &csv, cause) != 0) {
		printf("# csv: %s\n", *cause);
		return 99;
	}
	have_csv = 1;
	return attendees_build(t, &csv, cfg, cause);
}

/* The build must fail with a message that starts with WANT. */
static void
build_fails(const char *ini_text, const char *csv_text, const char *want,
    const char *what)
{
	struct attendee_table t;
	char *cause;
	int rc = build(ini_text, csv_text, &t, &cause);

	ok(rc != 0 && rc != 99, what);
	ok(cause != NULL && strncmp(cause, want, strlen(want)) == 0, what);
	if (cause == NULL || strncmp(cause, want, strlen(want)) != 0)
		printf("#   got:  '%s'\n#   want: '%s...'\n",
		    cause ? cause : "(null)", want);
	free(cause);
	done(&t, rc == 0);
}

#define INPUT "[input]\nfile = a.csv\nid = Email\n"

/* Tags of attendee I in field F as "a|b|c" (in stored order); new. */
static char *
tags_of(const struct field *f, size_t i)
{
	struct strbuf sb = { 0 };
	uint32_t k;

	for (k = f->tag_off[i]; k < f->tag_off[i + 1]; k++) {
		if (k > f->tag_off[i])
			strbuf_putc(&sb, '|');
		strbuf_puts(&sb, f->values.strings[f->tag_ids[k]]);
	}
	return strbuf_detach(&sb);
}

static void
tags_are(const struct field *f, size_t i, const char *want, const char *what)
{
	char *got = tags_of(f, i);

	is_str(got, want, what);
	free(got);
}

static void
test_tags(void)
{
	struct attendee_table t;
	const struct field *f;
	char *cause;
	size_t i, sorted = 1;
	int rc;

	rc = build(INPUT "[field interests]\ncolumn = Interests\ntype = tags\n"
	    "separator = ,;\n",
	    "Email,Interests\n"
	    "a@x,\"#Lua, lua ,Datenschutz\"\n"		/* lua datenschutz */
	    "b@x,#datenschutz #Python\n"		/* datenschutz python */
	    "c@x,\n"
	    "d@x,\"DATENSCHUTZ;  Open \xc2\xa0 Data\"\n"	/* + open data */
	    "e@x,\"Python, #lua, LUA,,  , #\"\n"	/* python lua */
	    "f@x,\"Stra\xc3\x9f" "e;STRASSE;stra\xc3\x9f" "e\"\n"
	    "g@x,lua #datenschutz\n"			/* lua datenschutz */
	    "h@x,C# #lua\n",				/* c# lua */
	    &t, &cause);
	ok(rc == 0, "a tags field builds");
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
		done(&t, 0);
		return;
	}
	is_int(t.n, 8, "eight attendees");
	f = attendees_field(&t, "interests");
	ok(f != NULL && f->type == MINGLE_FIELD_TAGS, "attendees_field finds it");
	if (f == NULL)
		return;
	is_int(f->values.count, 6, "six distinct tags");
	is_str(f->values.strings[0], "lua", "tags are interned in order of "
	    "first appearance, normalized");
	is_str(f->values.strings[1], "datenschutz", "#Datenschutz folded");
	is_str(f->values.strings[2], "python", "split on '#' after a space");
	is_str(f->values.strings[3], "open data", "inner spaces collapsed");
	is_str(f->values.strings[4], "strasse", "Straße folded");
	tags_are(f, 0, "lua|datenschutz", "'#Lua' and 'lua ' are one tag");
	tags_are(f, 1, "datenschutz|python", "'#a #b' is two tags");
	tags_are(f, 2, "", "an empty cell has no tags");
	tags_are(f, 3, "datenschutz|open data", "every separator character "
	    "splits");
	tags_are(f, 4, "lua|python", "empty pieces and a lone '#' are "
	    "dropped; ids sorted, not in cell order");
	tags_are(f, 5, "strasse", "Straße, STRASSE and straße are one tag");
	tags_are(f, 6, "lua|datenschutz", "'a #b' is two tags too");
	tags_are(f, 7, "lua|c#", "a '#' inside a word does not split it");
	for (i = 0; i < t.n; i++) {
		uint32_t k;

		for (k = f->tag_off[i] + 1; k < f->tag_off[i + 1]; k++)
			if (f->tag_ids[k - 1] >= f->tag_ids[k])
				sorted = 0;
	}
	ok(sorted, "every attendee's tag ids are strictly ascending");
	is_int(f->tag_off[0], 0, "CSR offsets start at 0");
	is_int(f->tag_off[t.n], 13, "and end at the total count");
	is_int(f->tag_freq[0], 4, "lua: 4 attendees, though a names it twice");
	is_int(f->tag_freq[1], 4, "datenschutz: 4 attendees");
	is_int(f->tag_freq[2], 2, "python: 2 attendees");
	is_int(f->tag_freq[3], 1, "open data: 1 attendee");
	is_int(f->tag_freq[4], 1, "strasse: 1 attendee though named 3 times");
	is_int(f->tag_freq[5], 1, "c#: 1 attendee");
	done(&t, 1);
}

/*
 * The first attendee has no tags, so the tag buffer is still NULL when its
 * (empty) run is sorted; the sanitizer build catches a qsort on NULL.
 */
static void
test_tags_first_empty(void)
{
	struct attendee_table t;
	const struct field *f;
	char *cause;
	int rc;

	rc = build(INPUT "[field tags]\ncolumn = Tags\ntype = tags\n",
	    "Email,Name,Tags\na@x,A,\nb@x,B,lua\n", &t, &cause);
	ok(rc == 0, "a tags field whose first cell is empty builds");
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
		done(&t, 0);
		return;
	}
	f = attendees_field(&t, "tags");
	tags_are(f, 0, "", "the first attendee has no tags");
	tags_are(f, 1, "lua", "the second has hers");
	done(&t, 1);
}

static void
test_bools(void)
{
	static const struct {
		const char *cell;
		int want;
	} cells[] = {
		{ "yes", 1 }, { "no", 0 }, { "ja", 1 }, { "nein", 0 },
		{ "true", 1 }, { "false", 0 }, { "1", 1 }, { "0", 0 },
		{ "x", 1 }, { "", -1 }, { "  ", -1 }, { "JA", 1 },
		{ " Yes ", 1 }, { "NEIN", 0 }, { "X", 1 }, { "True", 1 },
	};
	struct attendee_table t;
	const struct field *f;
	struct strbuf sb = { 0 };
	char *cause, *want;
	size_t i, n = sizeof cells / sizeof cells[0];
	int rc;

	for (i = 0; i < n; i++) {
		char *what = xasprintf("parse_bool('%s') is %d", cells[i].cell,
		    cells[i].want);

		is_int(attendees_parse_bool(cells[i].cell), cells[i].want,
		    what);
		free(what);
	}
	is_int(attendees_parse_bool("maybe"), -2, "parse_bool('maybe')");
	is_int(attendees_parse_bool("yess"), -2, "parse_bool('yess')");
	is_int(attendees_parse_bool("\xff"), -2, "parse_bool(invalid UTF-8)");

	strbuf_puts(&sb, "Email,First\n");
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "p%zu,%s\n", i, cells[i].cell);
	rc = build(INPUT "[field first]\ncolumn = First\ntype = bool\n",
	    sb.buf, &t, &cause);
	ok(rc == 0, "a bool field builds");
	if (rc == 0) {
		size_t wrong = 0;

		f = attendees_field(&t, "first");
		for (i = 0; i < n; i++)
			if (f->boolean[i] != cells[i].want) {
				printf("#   row %zu '%s': %d\n", i,
				    cells[i].cell, f->boolean[i]);
				wrong++;
			}
		is_int(wrong, 0, "every bool cell read as documented");
	}
	free(cause);
	done(&t, rc == 0);
	strbuf_free(&sb);

	want = xasprintf("%s/a.csv:3: field 'first' (column 'First') holds "
	    "1 answer that is neither yes nor no", dir);
	build_fails(INPUT "[field first]\ncolumn = First\ntype = bool\n",
	    "Email,First\na,yes\nb, vielleicht \nc,no\n", want,
	    "an invalid bool names file, line, field and value");
	free(want);
}

static void
test_numbers(void)
{
	static const struct {
		const char *cell;
		double want;
		int has;
	} cells[] = {
		{ "3", 3, 1 },
		{ "\"12,50\"", 12.5, 1 },
		{ "\"1.234,5\"", 1234.5, 1 },
		{ "\"-0,5\"", -0.5, 1 },
		{ " 7 ", 7, 1 },
		{ "2.75", 2.75, 1 },
		{ "", 0, 0 },
		{ "\"1,234.5\"", 1234.5, 1 },
		{ "\"12,345,678.5\"", 12345678.5, 1 },
		{ "\"1.000.000,25\"", 1000000.25, 1 },
	};
	struct attendee_table t;
	struct strbuf sb = { 0 };
	const struct field *f;
	char *cause, *want;
	size_t i, n = sizeof cells / sizeof cells[0];
	int rc;

	strbuf_puts(&sb, "Email,Fee\n");
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "p%zu,%s\n", i, cells[i].cell);
	rc = build(INPUT "[field fee]\ncolumn = Fee\ntype = number\n", sb.buf,
	    &t, &cause);
	ok(rc == 0, "a number field builds");
	if (rc == 0) {
		f = attendees_field(&t, "fee");
		for (i = 0; i < n; i++) {
			char *what = xasprintf("number '%s'", cells[i].cell);

			is_int(f->has_number[i], cells[i].has, what);
			if (cells[i].has)
				is_num(f->number[i], cells[i].want, 1e-9,
				    what);
			free(what);
		}
	} else
		printf("#   %s\n", cause);
	free(cause);
	done(&t, rc == 0);
	strbuf_free(&sb);

	want = xasprintf("%s/a.csv:3: field 'fee' (column 'Fee'): 'twelve' "
	    "is not a number", dir);
	build_fails(INPUT "[field fee]\ncolumn = Fee\ntype = number\n",
	    "Email,Fee\na,1\nb,twelve\n", want, "a bad number names file, "
	    "line, field and value");
	free(want);
	want = xasprintf("%s/a.csv:2: field 'fee' (column 'Fee'): '1,2,3' "
	    "is not a number", dir);
	build_fails(INPUT "[field fee]\ncolumn = Fee\ntype = number\n",
	    "Email,Fee\na,\"1,2,3\"\n", want, "two decimal commas");
	free(want);
	want = xasprintf("%s/a.csv:2: field 'fee' (column 'Fee'): 'inf' "
	    "is not a number", dir);
	build_fails(INPUT "[field fee]\ncolumn = Fee\ntype = number\n",
	    "Email,Fee\na,inf\n", want, "infinity is not a number");
	free(want);
}

static void
test_categories_and_text(void)
{
	struct attendee_table t;
	const struct field *city, *bio;
	char *cause;
	int rc;

	rc = build(INPUT "[field city]\ncolumn = City\ntype = category\n"
	    "[field bio]\ncolumn = Bio\ntype = text\n",
	    "Email,City,Bio\n"
	    "a,Berlin,\"  Hello,  world  \"\n"
	    "b,berlin ,\n"
	    "c,BERLIN,x\n"
	    "d,M\xc3\xbc" "nchen,\n"
	    "e,M\xc3\x9c" "NCHEN,\n"
	    "f,,\n"
	    "g,Mu\xcc\x88" "nchen,\n", &t, &cause);
	ok(rc == 0, "category and text fields build");
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
		done(&t, 0);
		return;
	}
	city = attendees_field(&t, "city");
	bio = attendees_field(&t, "bio");
	is_int(city->values.count, 2, "two distinct cities");
	ok(city->category[0] == 1 && city->category[1] == 1 &&
	    city->category[2] == 1, "Berlin, 'berlin ' and BERLIN are one");
	ok(city->category[3] == 2 && city->category[4] == 2,
	    "München and MÜNCHEN are one");
	is_int(city->category[6], 2, "NFD München too");
	is_int(city->category[5], 0, "empty: 0 (missing)");
	is_str(city->text[1], "berlin", "category text is trimmed, case "
	    "kept");
	is_str(city->text[2], "BERLIN", "each keeps its own spelling");
	ok(city->text[5] == NULL, "missing category text is NULL");
	is_str(bio->text[0], "Hello,  world", "text trimmed, inside kept");
	ok(bio->text[1] == NULL, "empty text is NULL");
	ok(bio->category == NULL && bio->tag_off == NULL,
	    "a text field has no categories or tags");
	ok(attendees_field(&t, "nope") == NULL, "no field 'nope'");
	done(&t, 1);
}

static void
test_ids(void)
{
	struct attendee_table t;
	char *cause, *want;
	int rc;

	rc = build(INPUT, "Email,Name\n  a@x  ,A\nb@x,\"B\nB\"\nc@x,C\n", &t,
	    &cause);
	ok(rc == 0, "ids build");
	if (rc == 0) {
		is_str(t.id[0], "a@x", "ids are trimmed");
		is_str(t.name[0], "a@x", "without a name column the name is "
		    "the id");
		is_int(attendees_find(&t, "c@x"), 2, "attendees_find");
		is_int(attendees_find(&t, "zz"), -1, "attendees_find: none");
		is_int(t.row[2], 3, "row of the third attendee");
		is_int(t.csv->lines[t.row[2]], 5, "which starts on line 5");
		is_int(t.nconsenting, 3, "no consent column: all consent");
		ok(t.consent[0] && t.consent[1] && t.consent[2],
		    "every attendee may be introduced");
	} else
		printf("#   %s\n", cause);
	free(cause);
	done(&t, rc == 0);

	want = xasprintf("%s/a.csv:5: (spreadsheet row 4) attendee without "
	    "an id (column 'Email' is empty)", dir);
	build_fails(INPUT, "Email,Name\na,\"multi\nline\"\nb,B\n  ,C\n", want,
	    "an empty id names its line and its spreadsheet row");
	free(want);
	/* One e-mail id with two names is two people (a group order) */
	rc = build(INPUT "name = Name\n", "Email,Name\na@x,A\nb@x,\"B\n\"\n"
	    "c@x,C\n a@x ,D\n", &t, &cause);
	ok(rc == 0, "a repeated id no longer fails");
	if (rc == 0) {
		is_int(t.n, 4, "different names on one e-mail: two people");
		is_str(t.id[3], "a@x#2", "... the second id made unique");
		is_str(t.name[3], "D", "... with its own name");
	}
	free(cause);
	done(&t, rc == 0);
}

static void
test_consent(void)
{
	struct attendee_table t;
	char *cause, *want;
	int rc;

	rc = build(INPUT "consent = OK?\n", "Email,OK?\na,yes\nb,no\nc,\nd,Ja\n"
	    "e,x\n", &t, &cause);
	ok(rc == 0, "a consent column builds");
	if (rc == 0) {
		ok(t.consent[0] == 1 && t.consent[1] == 0 && t.consent[2] == 0
		    && t.consent[3] == 1 && t.consent[4] == 1,
		    "yes/Ja/x consent; no and empty do not");
		is_int(t.nconsenting, 3, "three consent");
		is_int(t.n, 5, "all five are still in the table");
	} else
		printf("#   %s\n", cause);
	free(cause);
	done(&t, rc == 0);

	want = xasprintf("%s/a.csv:3: consent column 'OK?' holds 1 answer "
	    "that is neither yes nor no", dir);
	build_fails(INPUT "consent = OK?\n", "Email,OK?\na,yes\nb,vielleicht\n",
	    want, "a bad consent value names file and line");
	free(want);
}

static void
test_names(void)
{
	struct attendee_table t;
	char *cause;
	int rc;

	rc = build(INPUT "name = First + Last\n",
	    "Email,First,Last\n"
	    "a,Ann,Smith\n"
	    "b, Bob ,\n"
	    "c,,Cy\n"
	    "d,\"Jose\xcc\x81\",\"M\xc3\xbcller\"\n"
	    "e,\"Ann\nMarie\",\"de  la   Cruz\"\n"
	    "f,,\n", &t, &cause);
	ok(rc == 0, "names from two columns build");
	if (rc == 0) {
		is_str(t.name[0], "Ann Smith", "joined with one space");
		is_str(t.name[1], "Bob", "an empty last name adds nothing");
		is_str(t.name[2], "Cy", "an empty first name adds nothing");
		is_str(t.name[3], "Jos\xc3\xa9 M\xc3\xbcller",
		    "names are composed to NFC");
		is_str(t.name[4], "Ann Marie de la Cruz",
		    "line breaks and runs of spaces become one space");
		is_str(t.name[5], "", "no name at all is empty");
	} else
		printf("#   %s\n", cause);
	free(cause);
	done(&t, rc == 0);
}

static void
test_missing_columns(void)
{
	char *want;

	want = xasprintf("[input] id: no column \"Emial\" in %s/a.csv; did "
	    "you mean \"Email\"? Columns: Email, Name", dir);
	build_fails("[input]\nfile = a.csv\nid = Emial\n", "Email,Name\na,b\n",
	    want, "id column not found: closest match and the columns");
	free(want);
	want = xasprintf("[input] name: no column \"Nachname\" in %s/a.csv; "
	    "columns: Email, Name", dir);
	build_fails(INPUT "name = Name + Nachname\n", "Email,Name\na,b\n", want,
	    "a name column not found");
	free(want);
	want = xasprintf("[input] name: no column \"First Name, Last Name\" in "
	    "%s/a.csv; columns: Email, First Name, Last Name; to join columns "
	    "write '+': name = First Name + Last Name", dir);
	build_fails(INPUT "name = First Name, Last Name\n",
	    "Email,First Name,Last Name\na,b,c\n", want,
	    "a name joined with a comma hints at '+'");
	free(want);
	want = xasprintf("[input] name: no column \"Vorname; Nachname; "
	    "Titel\" in %s/a.csv; columns: Email, Vorname, Nachname, Titel; "
	    "to join columns write '+': name = Vorname + Nachname + Titel", dir);
	build_fails(INPUT "name = Vorname; Nachname; Titel\n",
	    "Email,Vorname,Nachname,Titel\na,b,c,d\n", want,
	    "and with semicolons");
	free(want);
	{
		struct attendee_table t;
		char *cause;

		ok(build(INPUT "name = First, Lsat\n", "Email,First,Last\n"
		    "a,b,c\n", &t, &cause) != 0 && cause != NULL &&
		    strstr(cause, "'+'") == NULL,
		    "no hint unless every part is a column");
		free(cause);
		done(&t, 0);
	}
	want = xasprintf("[input] consent: no column \"Consent\" in %s/a.csv",
	    dir);
	build_fails(INPUT "consent = Consent\n", "Email,Name\na,b\n", want,
	    "the consent column not found");
	free(want);
	want = xasprintf("%s:4: [field tags] column: no column \"Tagz\" in "
	    "%s/a.csv; did you mean \"Tags\"? Columns: Email, Tags", ini, dir);
	build_fails(INPUT "[field tags]\ncolumn = Tagz\ntype = tags\n",
	    "Email,Tags\na,b\n", want,
	    "a field's column not found names the config line");
	free(want);
}

/*
 * Finding a field by name does not walk all fields: with 100,000 fields
 * and a strategy for each (each plugin asks for its field), that was
 * 5 billion comparisons.  The bound leaves room for sanitizers.
 */
static void
test_many_fields(void)
{
	struct attendee_table t;
	struct strbuf sb = { 0 };
	char name[32];
	size_t i, n = 100000, found = 0;
	clock_t start;
	char *cause;
	int rc;

	strbuf_puts(&sb, INPUT);
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "[field f%zu]\ncolumn = City\ntype = text\n",
		    i);
	rc = build(sb.buf, "Email,City\na,Bonn\n", &t, &cause);
	strbuf_free(&sb);
	ok(rc == 0, "100,000 fields build");
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
		done(&t, 0);
		return;
	}
	start = clock();
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "f%zu", i);
		found += attendees_field(&t, name) == &t.fields[i];
	}
	is_int(found, n, "attendees_field finds each by name");
	ok((double)(clock() - start) / CLOCKS_PER_SEC < 1,
	    "all 100,000 in well under 1 s of CPU time");
	printf("#   %.3f s\n", (double)(clock() - start) / CLOCKS_PER_SEC);
	ok(attendees_field(&t, "f100000") == NULL, "and no other");
	{
		struct mingle_host h = { .t = &t };
		int type = -1;

		ok(plugin_host_api.field(&h, "f99999", &type) == 99999 &&
		    type == MINGLE_FIELD_TEXT, "a plugin's field() too");
		ok(plugin_host_api.field(&h, NULL, &type) == -1,
		    "field(NULL) is missing, not a crash");
	}
	done(&t, 1);
}

/* The spelling a plugin's reason shows for tag TAG of field F. */
static const char *
label(const struct attendee_table *t, int f, const char *tag)
{
	struct mingle_host h = { .t = t };
	long id = intern_find(&t->fields[f].values, tag);

	return id < 0 ? "(no such tag)" :
	    plugin_host_api.tag_label(&h, f, (uint32_t)id);
}

static void
test_tag_labels(void)
{
	struct attendee_table t;
	struct mingle_host h = { .t = &t };
	char *cause;
	int rc;

	rc = build(INPUT "[field a]\ncolumn = T\ntype = tags\n"
	    "[field b]\ncolumn = T\ntype = tags\nsquash = yes\n",
	    "Email,T\n"
	    "a@x,\"#opendata, #Lua, lua, #LUA\"\n"
	    "b@x,\"#OpenData, Stra\xc3\x9f" "e\"\n"
	    "c@x,\"OpenData, STRASSE, #Lua\"\n"
	    "d@x,\"Open Data, stra\xc3\x9f" "e, #LUA\"\n"
	    "e@x,\"open-data, Stra\xc3\x9f" "e\"\n",
	    &t, &cause);
	ok(rc == 0, "labels: builds");
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
		done(&t, 0);
		return;
	}
	is_str(label(&t, 0, "opendata"), "OpenData",
	    "labels: two wrote OpenData, one opendata");
	is_str(label(&t, 0, "strasse"), "Stra\xc3\x9f" "e",
	    "labels: Straße, not strasse");
	is_str(label(&t, 0, "lua"), "Lua", "labels: Lua and LUA tie at two "
	    "attendees each (a's three count once each); Lua came first");
	is_str(plugin_host_api.tag_name(&h, 0, (uint32_t)intern_find(
	    &t.fields[0].values, "opendata")), "opendata",
	    "labels: tag_name stays normalized");
	ok(plugin_host_api.tag_label(&h, 0, 99) == NULL &&
	    plugin_host_api.tag_label(&h, 7, 0) == NULL,
	    "labels: a bad tag or field is NULL");
	is_int(t.fields[0].values.count, 5,
	    "labels: without squash, 'Open Data' and 'open-data' are tags "
	    "of their own");
	is_int(t.fields[1].values.count, 3, "squash: three tags");
	is_str(t.fields[1].values.strings[0], "opendata",
	    "squash: 'Open Data', 'open-data' are 'opendata'");
	is_int(t.fields[1].tag_freq[0], 5, "squash: all five hold it");
	is_str(label(&t, 1, "opendata"), "OpenData",
	    "squash: shown as the most wrote it");
	done(&t, 1);
}

/* Every row with a problem of one kind, in one message. */
static void
test_row_problems(void)
{
	struct strbuf csv_text = { NULL, 0, 0 }, w = { NULL, 0, 0 };
	char *want;
	size_t i;

	want = xasprintf("%s/a.csv:3: field 'fee' (column 'Fee'): 'zwölf' is "
	    "not a number\n%s/a.csv:5: (spreadsheet row 4) field 'fee' "
	    "(column 'Fee'): 'viel' is not a number\n%s/a.csv:6: (spreadsheet "
	    "row 5) field 'fee' (column 'Fee'): '1,2,3' is not a number", dir,
	    dir, dir);
	build_fails(INPUT "[field fee]\ncolumn = Fee\ntype = number\n",
	    "Email,Fee,Note\na,1,\nb,zwölf,\"two\nlines\"\nc,viel,\n"
	    "d,\"1,2,3\",\ne,\"2,5\",\n", want,
	    "every bad number, a line each");
	free(want);

	strbuf_puts(&csv_text, "Email,Fee\n");
	strbuf_printf(&w, "%s/a.csv:2: field 'fee' (column 'Fee'): 'x0' is "
	    "not a number", dir);
	for (i = 0; i < 22; i++) {
		strbuf_printf(&csv_text, "p%zu,x%zu\n", i, i);
		if (i > 0 && i < 20)
			strbuf_printf(&w, "\n%s/a.csv:%zu: field 'fee' (column "
			    "'Fee'): 'x%zu' is not a number", dir, i + 2, i);
	}
	strbuf_puts(&w, "\nand 2 more rows whose field 'fee' is not a "
	    "number");
	build_fails(INPUT "[field fee]\ncolumn = Fee\ntype = number\n",
	    csv_text.buf, w.buf, "twenty bad numbers shown, then a count");
	strbuf_free(&csv_text);
	strbuf_free(&w);

	want = xasprintf("%s/a.csv:3: attendee without an id (column "
	    "'Email' is empty)\n%s/a.csv:5: attendee without an id (column "
	    "'Email' is empty)", dir, dir);
	build_fails(INPUT, "Email,Name\na,A\n,B\nb,A\n ,C\na,D\n", want,
	    "every empty id; the duplicate waits for them");
	free(want);
}

int
main(void)
{
	char *cmd;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	ini = xasprintf("%s/event.ini", dir);
	input = xasprintf("%s/a.csv", dir);
	test_tags();
	test_tags_first_empty();
	test_tag_labels();
	test_bools();
	test_numbers();
	test_categories_and_text();
	test_ids();
	test_row_problems();
	test_consent();
	test_names();
	test_missing_columns();
	test_many_fields();
	free(ini);
	free(input);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return tap_done();
}
