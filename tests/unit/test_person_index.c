/*
 * test_person_index.c -- the ABI 1.2 members through the real plugin host
 * (plugin_host.c) on a small event written to a temporary folder: lookup
 * finds people by id, e-mail address and name (case, accents, spacing,
 * "Last, First"), says when a name fits several, and finds nobody the
 * [input] filters dropped; table reads files in every dialect the export
 * may have, and names the file, line and column of a bad one.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendees.h"
#include "config.h"
#include "csv.h"
#include "plugin_host.h"
#include "tap.h"
#include "util.h"

/* Row 4 is dropped by the include filter; rows 5 and 6 share a name. */
static const char event_csv[] =
    "Email,Name,Status\n"
    "Anna.Berg@Example.org,Anna Berg,paid\n"
    "jurgen@example.org,J\xc3\xbcrgen  Gro\xc3\x9f,paid\n"
    "lee@example.org,\"Lee, Ming\",paid\n"
    "gone@example.org,Gone Person,cancelled\n"
    "kim1@example.org,Kim Park,paid\n"
    "kim2@example.org,Kim Park,paid\n";

static const char event_ini[] =
    "[input]\n"
    "file = event.csv\n"
    "id = Email\n"
    "name = Name\n"
    "include = Status: paid\n"
    "\n"
    "[strategy s]\n"
    "plugin = none\n";

static char dir[] = "/tmp/test_person_index.XXXXXX";
static struct mingle_config *config;
static struct csv_table csv;
static struct attendee_table table;
static struct mingle_host host;
static const struct mingle_api *api = &plugin_host_api;

static void
write_file(const char *name, const char *text, size_t len)
{
	char *path = path_join(dir, name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(99);
	}
	free(path);
}

static void
open_event(void)
{
	char *ini, *cause = NULL;

	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp\n");
		exit(99);
	}
	write_file("event.csv", event_csv, sizeof event_csv - 1);
	write_file("event.ini", event_ini, sizeof event_ini - 1);
	ini = path_join(dir, "event.ini");
	if ((config = config_load(ini, &cause)) == NULL ||
	    csv_read_file(config->input_file, &config->csv, &csv,
	    &cause) != 0 || attendees_build(&table, &csv, config,
	    &cause) != 0) {
		printf("Bail out! %s\n", cause);
		exit(99);
	}
	free(ini);
	host.t = &table;
	host.cs = &config->strategies[0];
	host.config = config;
	host.label = "strategy 's'";
}

/* Who WHO is: the id found, "?" for several, "-" for nobody. */
static const char *
who(const char *text)
{
	mingle_attendee a = 99;
	int rc = api->lookup(&host, text, &a);

	return rc == 1 ? table.id[a] : rc < 0 ? "?" : "-";
}

static void
test_lookup(void)
{
	mingle_attendee a = 99;

	ok(MINGLE_API_HAS(api, lookup) && MINGLE_API_HAS(api, table),
	    "the host has the ABI 1.2 members");
	is_int(api->abi_minor, MINGLE_ABI_MINOR, "the host speaks its own ABI");
	ok(api->abi_minor >= 2, "the host speaks ABI 1.2 or later");
	is_str(who("jurgen@example.org"), "jurgen@example.org", "an id");
	is_str(who("  jurgen@example.org "), "jurgen@example.org",
	    "an id with spaces around");
	is_str(who("ANNA.BERG@EXAMPLE.ORG"), "Anna.Berg@Example.org",
	    "an e-mail address in another case");
	is_str(who("anna berg"), "Anna.Berg@Example.org", "a name in lower case");
	is_str(who("Berg, Anna"), "Anna.Berg@Example.org", "Last, First");
	is_str(who("Jurgen Gross"), "jurgen@example.org",
	    "a name without its accents and sharp s");
	is_str(who("J\xc3\x9cRGEN   gro\xc3\x9f"), "jurgen@example.org",
	    "a name in upper case with more spaces");
	is_str(who("Ming Lee"), "lee@example.org",
	    "First Last for a name written Last, First");
	is_str(who("lee,  ming"), "lee@example.org", "and as written");
	is_str(who("Kim Park"), "?", "a name two people have");
	ok(api->lookup(&host, "Kim Park", &a) == -1 &&
	    strcmp(table.id[a], "kim1@example.org") == 0,
	    "several: the first of them");
	is_str(who("kim2@example.org"), "kim2@example.org",
	    "but each by the id");
	is_str(who("Gone Person"), "-", "a person the filters dropped: nobody");
	is_str(who("gone@example.org"), "-", "nor by the id");
	is_str(who("Anna"), "-", "a part of a name is nobody");
	is_str(who(""), "-", "empty text is nobody");
	is_str(who("\xff\xfe"), "-", "text that is not UTF-8 is nobody");
	ok(table.people != NULL, "the index stays for the run");
}

struct rows {
	size_t n, lines[8], ncells;
	char text[512];
};

static int
collect(void *ctx, size_t line, const char *const *cells, size_t ncells)
{
	struct rows *r = ctx;
	size_t i, len = strlen(r->text);

	if (r->n < 8)
		r->lines[r->n] = line;
	r->n++;
	r->ncells = ncells;
	for (i = 0; i < ncells; i++) {
		snprintf(r->text + len, sizeof r->text - len, "%s%s",
		    i ? "|" : (r->n > 1 ? "/" : ""), cells[i]);
		len = strlen(r->text);
	}
	return r->n == 3 && strcmp(cells[0], "stop") == 0 ? 7 : 0;
}

/* Read NAME holding TEXT; the rows into *R; table()'s answer. */
static int
read_table(const char *name, const char *text, size_t len, struct rows *r)
{
	memset(r, 0, sizeof *r);
	write_file(name, text, len);
	free(host.error);
	host.error = NULL;
	return api->table(&host, name, collect, r);
}

static void
test_table(void)
{
	static const char semi[] = "\xef\xbb\xbf" "a;b\r\n\"x;1\";y\r\n\r\nz;w\r\n";
	static const char latin[] = "a\tb\nJ\xfcrgen\tGro\xdf\n";
	static const char bad[] = "a,b\nx,y\n\"open,z\n";
	static const char stop[] = "a,b\n1,2\nstop,3\n4,5\n";
	struct rows r;

	is_int(read_table("semi.csv", semi, sizeof semi - 1, &r), 0,
	    "a file with a BOM, ';' and CRLF");
	is_str(r.text, "a|b/x;1|y/z|w", "its cells, header first, BOM gone");
	ok(r.n == 3 && r.lines[0] == 1 && r.lines[1] == 2 && r.lines[2] == 4,
	    "each record with its line (a blank line counts)");
	is_int(read_table("latin.csv", latin, sizeof latin - 1, &r), 0,
	    "a Windows-1252 file with tabs");
	is_str(r.text, "a|b/J\xc3\xbcrgen|Gro\xc3\x9f", "read as UTF-8");
	is_int(read_table("stop.csv", stop, sizeof stop - 1, &r), 7,
	    "row's nonzero answer stops the read and is returned");
	is_int((int)r.n, 3, "no row after it");
	is_int(read_table("bad.csv", bad, sizeof bad - 1, &r), -1,
	    "a quote never closed");
	like(host.error, "bad.csv:3:1: a quoted field starts here but is "
	    "never closed", "the error names file, line and column");
	is_int(read_table("empty.csv", "", 0, &r), -1, "an empty file");
	like(host.error, "empty.csv: the file is empty", "says so");
	config->csv.max_field_size = 4;
	is_int(read_table("long.csv", semi, sizeof semi - 1, &r), 0,
	    "fields within [input] max_field_size");
	is_int(read_table("long.csv", latin, sizeof latin - 1, &r), -1,
	    "a field over [input] max_field_size");
	like(host.error, "long.csv:2:1: a field longer than 4 bytes",
	    "the export's limit, with file, line and column");
	config->csv.max_field_size = 0;
	is_int(api->table(&host, "missing.csv", collect, &r), -1,
	    "a file that is not there");
	like(host.error, "missing.csv: cannot open", "says so");
	ok(strstr(host.error, dir) != NULL,
	    "relative to the config file's folder");
}

int
main(void)
{
	char *cmd;

	open_event();
	test_lookup();
	test_table();
	free(host.error);
	attendees_free(&table);
	csv_free(&csv);
	config_free(config);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	free(cmd);
	return tap_done();
}
