/*
 * test_config.c -- unit tests for core/config.c: every key parsed into the
 * struct, and every error with its line number and message.
 *
 * Each case writes an INI file into a temporary folder and loads it; paths
 * in messages are that file's.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "mingle/plugin.h"
#include "tap.h"
#include "util.h"

static char dir[] = "/tmp/mingle-test-config.XXXXXX";
static char *ini;		/* DIR/event.ini */

/* The minimal valid [input], lines 1-3. */
#define BASE "[input]\nfile = a.csv\nid = Email\n"

static void
write_ini(const char *text, size_t len)
{
	FILE *f = fopen(ini, "wb");

	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		perror(ini);
		exit(99);
	}
}

static struct mingle_config *
load(const char *text, char **cause)
{
	write_ini(text, strlen(text));
	*cause = NULL;
	return config_load(ini, cause);
}

/*
 * TEXT must fail with a message that starts with "INI:LINE: " (or "INI: "
 * for LINE 0) followed by MSG, and contains HINT if that is not NULL.
 */
static void
fails(const char *text, int line, const char *msg, const char *hint,
    const char *what)
{
	struct mingle_config *c;
	char *cause, *want;

	c = load(text, &cause);
	want = line > 0 ? xasprintf("%s:%d: %s", ini, line, msg) :
	    xasprintf("%s: %s", ini, msg);
	ok(c == NULL, what);
	if (c != NULL)
		printf("#   loaded, but should fail with '%s'\n", want);
	ok(cause != NULL && strncmp(cause, want, strlen(want)) == 0, what);
	if (cause == NULL || strncmp(cause, want, strlen(want)) != 0)
		printf("#   got:  '%.300s'\n#   want: '%s...'\n",
		    cause ? cause : "(null)", want);
	if (hint != NULL)
		like(cause, hint, what);
	free(want);
	free(cause);
	config_free(c);
}

/* TEXT loads; returns the config (the caller frees it). */
static struct mingle_config *
loads(const char *text, const char *what)
{
	struct mingle_config *c;
	char *cause;

	c = load(text, &cause);
	ok(c != NULL, what);
	if (c == NULL)
		printf("#   error: %s\n", cause);
	free(cause);
	return c;
}

static char *
in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* ------------------------------------------------------------ success */

static void
test_full(void)
{
	struct mingle_config *c;
	char *want;

	c = loads(
	    "; an event\n"					/* 1 */
	    "# comments of both kinds\n"			/* 2 */
	    "[input]\n"						/* 3 */
	    "file = export/attendees.csv\n"			/* 4 */
	    "delimiter = semicolon\n"				/* 5 */
	    "encoding = windows-1252\n"				/* 6 */
	    "id = Email\n"					/* 7 */
	    "name = First Name + Last Name\n"			/* 8 */
	    "consent = May we introduce you?\n"			/* 9 */
	    "\n"						/* 10 */
	    "[field interests]\n"				/* 11 */
	    "column = Interests\n"				/* 12 */
	    "type = tags\n"					/* 13 */
	    "separator = ,;\n"					/* 14 */
	    "[field city]\n"					/* 15 */
	    "column = City@2\n"					/* 16 */
	    "type = Category\n"					/* 17 */
	    "[field topics]\n"					/* 18 */
	    "column = Topics\n"					/* 19 */
	    "type = tags\n"					/* 20 */
	    "\n"						/* 21 */
	    "[strategy interests]\n"				/* 22 */
	    "plugin = shared_tags\n"				/* 23 */
	    "field = interests\n"				/* 24 */
	    "weight = 2.5   ; inline comment\n"			/* 25 */
	    "min_shared = 2\n"					/* 26 */
	    "[strategy buddy]\n"				/* 27 */
	    "script = scripts/buddy.lua\n"			/* 28 */
	    "memory_limit = 32M\n"				/* 29 */
	    "instruction_limit = 5000\n"			/* 30 */
	    "\n"						/* 31 */
	    "[match]\n"						/* 32 */
	    "mode = PAIRS\n"					/* 33 */
	    "odd = leave-out\n"					/* 34 */
	    "; per_attendee and min_per_attendee: suggestions\n"	/* 35 */
	    "; only (test_mode_keys)\n"			/* 36 */
	    "candidates = 20\n"					/* 37 */
	    "min_score = 0.25\n"				/* 38 */
	    "seed = 42\n"					/* 39 */
	    "[output]\n"					/* 40 */
	    "file = out/intros.csv\n"				/* 41 */
	    "report = /abs/report.csv\n"			/* 42 */
	    "schedule = -\n"					/* 43 */
	    "[plugins]\n"					/* 44 */
	    "path = lib : /opt/mingle ::more\n",		/* 45 */
	    "a full config loads");
	if (c == NULL)
		return;
	is_str(c->path, ini, "path is the file as given");
	is_str(c->dir, dir, "dir is its folder");
	want = in_dir("export/attendees.csv");
	is_str(c->input_file, want, "input file relative to the config");
	free(want);
	is_int(c->csv.delimiter, ';', "delimiter = semicolon");
	is_int(c->csv.encoding, CSV_ENCODING_WINDOWS_1252, "encoding");
	is_str(c->id_column, "Email", "id");
	is_int(c->nname_columns, 2, "name = A + B is two columns");
	if (c->nname_columns == 2) {
		is_str(c->name_columns[0], "First Name", "first name column");
		is_str(c->name_columns[1], "Last Name", "last name column");
	}
	is_str(c->consent_column, "May we introduce you?",
	    "consent column, '?' and spaces kept");

	is_int(c->nfields, 3, "three fields");
	if (c->nfields == 3) {
		is_str(c->fields[0].name, "interests", "field 1 name");
		is_str(c->fields[0].column, "Interests", "field 1 column");
		is_int(c->fields[0].type, MINGLE_FIELD_TAGS, "field 1 type");
		is_str(c->fields[0].separator, ",;", "field 1 separator");
		is_int(c->fields[0].line, 11, "field 1 line");
		is_str(c->fields[1].name, "city", "field 2 name");
		is_str(c->fields[1].column, "City@2", "field 2 column");
		is_int(c->fields[1].type, MINGLE_FIELD_CATEGORY,
		    "type is case-insensitive");
		ok(c->fields[1].separator == NULL,
		    "no separator for a category");
		is_str(c->fields[2].separator, ",",
		    "tags separator defaults to ','");
	}

	is_int(c->nstrategies, 2, "two strategies");
	if (c->nstrategies == 2) {
		const struct config_strategy *s = &c->strategies[0];

		is_str(s->name, "interests", "strategy 1 name");
		is_str(s->plugin, "shared_tags", "strategy 1 plugin");
		ok(s->script == NULL, "strategy 1 has no script");
		is_num(s->weight, 2.5, 0, "weight, inline comment dropped");
		is_int(s->line, 22, "strategy 1 line");
		is_str(s->file, ini, "strategy knows its config file");
		is_int(s->noptions, 2, "plugin options: all but host keys");
		if (s->noptions == 2) {
			is_str(s->options[0].key, "field", "option 1 key");
			is_str(s->options[0].value, "interests",
			    "option 1 value");
			is_int(s->options[0].line, 24, "option 1 line");
			is_str(s->options[1].key, "min_shared",
			    "option 2 key");
			is_int(s->options[1].line, 26, "option 2 line");
		}
		is_str(config_strategy_option(s, "min_shared"), "2",
		    "config_strategy_option finds a key");
		ok(config_strategy_option(s, "weight") == NULL,
		    "host keys are not options");
		ok(config_strategy_option(s, "nope") == NULL,
		    "missing option: NULL");
		is_int(s->memory_limit, 64UL << 20,
		    "memory_limit defaults to 64M");
		is_int(s->instruction_limit, 10000000,
		    "instruction_limit default");

		s = &c->strategies[1];
		ok(s->plugin == NULL, "strategy 2 has no plugin");
		want = in_dir("scripts/buddy.lua");
		is_str(s->script, want, "script relative to the config");
		free(want);
		is_num(s->weight, 1, 0, "weight defaults to 1");
		is_int(s->memory_limit, 32UL << 20, "memory_limit = 32M");
		is_int(s->instruction_limit, 5000, "instruction_limit");
		is_int(s->noptions, 0, "no options");
	}

	is_int(c->match.mode, MATCH_PAIRS, "mode is case-insensitive");
	is_int(c->match.odd, MATCH_ODD_LEAVE_OUT, "odd = leave-out");
	is_int(c->match.per_attendee, 3, "per_attendee: the default");
	is_int(c->match.candidates, 20, "candidates");
	is_num(c->match.min_score, 0.25, 0, "min_score");
	is_int(c->match.seed, 42, "seed");
	is_int(c->match.best_effort, 0, "best_effort defaults to no");

	want = in_dir("out/intros.csv");
	is_str(c->output_file, want, "output relative to the config");
	free(want);
	is_str(c->report_file, "/abs/report.csv", "absolute path kept");
	ok(c->schedule_file == NULL, "'-' is standard output (NULL)");

	is_int(c->nplugin_path, 3, "plugin path split on ':', empties out");
	if (c->nplugin_path == 3) {
		want = in_dir("lib");
		is_str(c->plugin_path[0], want, "plugin dir 1, trimmed, "
		    "relative to the config");
		free(want);
		is_str(c->plugin_path[1], "/opt/mingle", "plugin dir 2");
		want = in_dir("more");
		is_str(c->plugin_path[2], want, "plugin dir 3");
		free(want);
	}
	is_str(config_mode_name(c->match.mode), "pairs", "config_mode_name");
	is_str(config_field_type_name(MINGLE_FIELD_BOOL), "bool",
	    "config_field_type_name");
	is_str(config_field_type_name(99), "?", "unknown type name");
	config_free(c);
}

static void
test_defaults(void)
{
	struct mingle_config *c;
	const char *const *keys;

	c = loads(BASE, "the minimal config loads");
	if (c != NULL) {
		is_int(c->csv.delimiter, 0, "delimiter defaults to auto");
		is_int(c->csv.encoding, CSV_ENCODING_AUTO,
		    "encoding defaults to auto");
		is_int(c->nname_columns, 0, "no name columns");
		ok(c->consent_column == NULL, "no consent column");
		is_int(c->nfields + c->nstrategies, 0, "no fields, no "
		    "strategies");
		is_int(c->match.mode, MATCH_SUGGESTIONS, "mode default");
		is_int(c->match.per_attendee, 3, "per_attendee default");
		is_int(c->match.min_per_attendee, 3, "min default: per_attendee");
		is_int(c->match.max_per_attendee, 3, "max default");
		is_int(c->match.candidates, 50, "candidates default");
		is_num(c->match.min_score, 0, 0, "min_score default");
		is_int(c->match.seed, 1, "seed default");
		is_int(c->match.rounds, 1, "rounds default");
		is_int(c->match.group_size, 0, "no tables in suggestions");
		ok(c->output_file == NULL, "output defaults to stdout");
		ok(c->html_file == NULL, "no HTML report by default");
		is_int(c->nplugin_path, 0, "no plugin path");
		config_free(c);
	}

	c = loads(BASE "[match]\nmax_per_attendee = 5\n",
	    "max_per_attendee alone");
	if (c != NULL) {
		is_int(c->match.per_attendee, 5, "per_attendee follows max");
		config_free(c);
	}
	c = loads(BASE "[match]\nper_attendee = 2\nmax_per_attendee = 5\n",
	    "per_attendee and max_per_attendee");
	if (c != NULL) {
		ok(c->match.per_attendee == 2 && c->match.max_per_attendee ==
		    5, "both kept as given");
		config_free(c);
	}
	c = loads(BASE "[match]\nper_attendee = 4\nmax_per_attendee = 2\n",
	    "max_per_attendee below per_attendee");
	if (c != NULL) {
		is_int(c->match.min_per_attendee, 2, "min default: the lower");
		config_free(c);
	}
	c = loads(BASE "[match]\nmin_per_attendee = 0\n", "min set to 0");
	if (c != NULL) {
		is_int(c->match.min_per_attendee, 0, "a min that is set stays");
		config_free(c);
	}
	c = loads(BASE "[match]\nmode = groups\n", "groups");
	if (c != NULL) {
		is_int(c->match.group_size, 4, "groups: tables of 4");
		config_free(c);
	}
	c = loads(BASE "[match]\nmode = rounds\nrounds = 3\n", "rounds");
	if (c != NULL) {
		ok(c->match.group_size == 2 && c->match.rounds == 3,
		    "rounds: pairs, 3 rounds");
		is_int(c->match.threads, 0, "threads: auto by default");
		config_free(c);
	}
	c = loads(BASE "[match]\nthreads = 3\n", "threads = 3");
	if (c != NULL) {
		is_int(c->match.threads, 3, "threads = 3");
		config_free(c);
	}
	c = loads(BASE "[match]\nthreads = auto\n", "threads = auto");
	if (c != NULL) {
		is_int(c->match.threads, 0, "threads = auto");
		config_free(c);
	}
	c = loads(BASE "[output]\nhtml = report.html\n", "[output] html");
	if (c != NULL) {
		char *want = in_dir("report.html");

		is_str(c->html_file, want, "html relative to the config");
		free(want);
		config_free(c);
	}
	c = loads(BASE "[match]\nmode = rounds\nrounds = Max\n", "rounds = max");
	if (c != NULL) {
		ok(c->match.rounds_max && c->match.rounds == 1,
		    "rounds = max: flagged, rounds left at its default");
		config_free(c);
	}
	c = loads(BASE "[match]\nmode = meetings\nslots = 8\ntables = 3\n",
	    "meetings");
	if (c != NULL) {
		ok(c->match.mode == MATCH_MEETINGS && c->match.slots == 8 &&
		    c->match.tables == 3 && c->availability_column == NULL,
		    "meetings: 8 slots, 3 tables, no availability");
		config_free(c);
	}
	keys = config_strategy_host_keys();
	ok(keys != NULL && strcmp(keys[0], "plugin") == 0,
	    "host keys start with plugin");
}

static void
test_values(void)
{
	static const struct {
		const char *line;
		int delimiter;
	} delims[] = {
		{ "delimiter = ,\n", ',' },
		{ "delimiter = comma\n", ',' },
		{ "delimiter = Semicolon\n", ';' },
		{ "delimiter = tab\n", '\t' },
		{ "delimiter = \\t\n", '\t' },
		{ "delimiter = auto\n", 0 },
	};
	static const struct {
		const char *value;
		size_t bytes;
	} sizes[] = {
		{ "64M", 64UL << 20 },
		{ "512K", 512UL << 10 },
		{ "512k", 512UL << 10 },
		{ "1G", 1UL << 30 },
		{ "1048576", 1048576 },
		{ "16MiB", 16UL << 20 },
		{ "16MB", 16UL << 20 },
		{ "64G", 64UL << 30 },
	};
	struct mingle_config *c;
	char *text, *what;
	size_t i;

	for (i = 0; i < sizeof delims / sizeof delims[0]; i++) {
		text = xasprintf(BASE "%s", delims[i].line);
		what = xasprintf("%.*s", (int)strlen(delims[i].line) - 1,
		    delims[i].line);
		c = loads(text, what);
		if (c != NULL) {
			is_int(c->csv.delimiter, delims[i].delimiter, what);
			config_free(c);
		}
		free(text);
		free(what);
	}
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		text = xasprintf(BASE "[strategy s]\nscript = s.lua\n"
		    "memory_limit = %s\n", sizes[i].value);
		what = xasprintf("memory_limit = %s", sizes[i].value);
		c = loads(text, what);
		if (c != NULL) {
			is_int(c->strategies[0].memory_limit, sizes[i].bytes,
			    what);
			config_free(c);
		}
		free(text);
		free(what);
	}

	c = loads(BASE "[strategy s]\nscript = s.lua\nweight = 0\n",
	    "weight = 0 is allowed (strategy switched off)");
	config_free(c);
	c = loads(BASE "[strategy s]\nscript = s.lua\nweight = 1e6\n",
	    "weight = 1e6, the top of the range, is allowed");
	if (c != NULL)
		is_num(c->strategies[0].weight, 1e6, 0, "and read");
	config_free(c);
	c = loads(BASE "[strategy s]\nscript = s.lua\nweight = 2,5\n"
	    "[match]\nmin_score = 0,25\n", "numbers with a decimal comma");
	if (c != NULL) {
		is_num(c->strategies[0].weight, 2.5, 0,
		    "weight = 2,5 is 2.5, as in the export");
		is_num(c->match.min_score, 0.25, 0, "min_score = 0,25 too");
	}
	config_free(c);

	c = loads("[input]\r\nfile = a.csv\r\nid = Email \r\n"
	    "name = A+B\r\n\r\n[match]\r\nmode = pairs\r\n",
	    "CRLF line ends");
	if (c != NULL) {
		is_str(c->id_column, "Email", "no CR left in values");
		is_int(c->nname_columns, 2, "A+B without spaces splits");
		is_int(c->match.mode, MATCH_PAIRS, "a section after CRLF lines");
		config_free(c);
	}

	c = loads("[input]\nfile = a.csv\nid = Email\nname =  + Name +  \n",
	    "empty name parts");
	if (c != NULL) {
		ok(c->nname_columns == 1 &&
		    strcmp(c->name_columns[0], "Name") == 0,
		    "empty parts of name are dropped");
		config_free(c);
	}

	c = loads("[input]\nfile = /data/a.csv\nid = Email\n",
	    "absolute input file");
	if (c != NULL) {
		is_str(c->input_file, "/data/a.csv", "absolute input kept");
		config_free(c);
	}

	c = loads("  [input]  \nfile = a.csv\n   id = Email\n",
	    "indented lines and a spaced header");
	if (c != NULL) {
		is_str(c->id_column, "Email", "indented key read");
		config_free(c);
	}

	c = loads("\xef\xbb\xbf[input]\nfile = a.csv\nid = Email\n",
	    "a UTF-8 byte order mark (Windows editors write one)");
	if (c != NULL) {
		is_str(c->id_column, "Email", "read after a BOM");
		config_free(c);
	}

	c = loads("[ input ]\nfile = a.csv\nid = Email\n[ field  t ]\n"
	    "column = T\ntype = text\n", "spaces inside the brackets");
	if (c != NULL) {
		ok(c->nfields == 1 && strcmp(c->fields[0].name, "t") == 0,
		    "[ field  t ] is field t");
		config_free(c);
	}

	c = loads(BASE "[field interests_and_topics_the_attendee_cares_about_"
	    "most]\ncolumn = T\ntype = tags\n", "a 63-character field name");
	if (c != NULL) {
		is_str(c->fields[0].column, "T", "its keys are read");
		config_free(c);
	}
}

/* A line longer than inih's 200-byte buffer, and lines counted after it. */
static void
test_long_line(void)
{
	struct mingle_config *c;
	struct strbuf sb = { 0 }, col = { 0 };
	char *cause, *want;
	size_t i;

	for (i = 0; i < 60; i++)
		strbuf_printf(&col, "Col%02zu ", i);	/* 360 bytes */
	strbuf_puts(&col, "end");
	strbuf_printf(&sb, BASE "consent = %s\n", col.buf);
	c = loads(sb.buf, "a 370-byte line loads");
	if (c != NULL) {
		is_str(c->consent_column, col.buf,
		    "the long value is read whole");
		config_free(c);
	}
	strbuf_puts(&sb, "[match]\nmode = pears\n");	/* line 6 */
	c = load(sb.buf, &cause);
	want = xasprintf("%s:6: mode must be", ini);
	like(cause, want, "lines after a long line are counted right");
	free(want);
	free(cause);
	config_free(c);

	strbuf_free(&sb);
	strbuf_printf(&sb, BASE "consent = %s%s%s%s\n[match]\nper_attendee ="
	    " x\n", col.buf, col.buf, col.buf, col.buf);
	c = load(sb.buf, &cause);
	want = xasprintf("%s:6: per_attendee must be", ini);
	like(cause, want, "and after a line of 1500 bytes");
	free(want);
	free(cause);
	config_free(c);
	strbuf_free(&sb);
	strbuf_free(&col);
}

/* A config line may hold 65536 bytes (its line end aside), no more. */
static void
test_line_limit(void)
{
	struct mingle_config *c;
	struct strbuf sb = { 0 };
	char *value, *cause, *want;
	size_t len;

	/* "consent = " is 10 bytes: the line is exactly 65536 bytes. */
	len = 65536 - 10;
	value = xmalloc(len + 1);
	memset(value, 'c', len);
	value[len] = '\0';
	strbuf_printf(&sb, BASE "consent = %s\r\n[match]\nmode = pairs\n",
	    value);
	c = loads(sb.buf, "a line of 65536 bytes (and CR LF) loads");
	if (c != NULL) {
		ok(c->consent_column != NULL &&
		    strcmp(c->consent_column, value) == 0,
		    "its value is read whole");
		is_int(c->match.mode, MATCH_PAIRS, "and the next line too");
	}
	config_free(c);
	strbuf_free(&sb);

	/* A byte order mark does not count. */
	strbuf_printf(&sb, "\xef\xbb\xbf;%s%s\n" BASE, value, "012345678");
	c = loads(sb.buf, "a comment of 65536 bytes after a BOM loads");
	config_free(c);
	strbuf_free(&sb);

	/* One byte more; the overflow looks like a key of its own. */
	strbuf_printf(&sb, BASE "consent = %sc = x\n[match]\nmode = pears\n",
	    value);
	c = load(sb.buf, &cause);
	ok(c == NULL, "a line of 65541 bytes is refused");
	want = xasprintf("%s:4: this line is 65541 bytes long; a config line "
	    "may have at most 65536", ini);
	ok(cause != NULL && strncmp(cause, want, strlen(want)) == 0,
	    "naming the line, its length and the limit");
	if (cause == NULL || strncmp(cause, want, strlen(want)) != 0)
		printf("#   got:  '%.300s'\n#   want: '%s...'\n",
		    cause ? cause : "(null)", want);
	like(cause, "split", "with a hint how to shorten it");
	free(want);
	free(cause);
	config_free(c);
	strbuf_free(&sb);

	/* A section header is no exception. */
	strbuf_printf(&sb, BASE "[field %s0123456789]\n", value);
	fails(sb.buf, 4, "this line is 65544 bytes long", NULL,
	    "a long section header is refused too");
	strbuf_free(&sb);
	free(value);
}

/* CPU seconds since START. */
static double
cpu_since(clock_t start)
{
	return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/*
 * 100,000 sections, or keys in one section, load in time that grows about
 * linearly: the checks for repeats must not compare each new name with all
 * earlier ones (that took 40 s), and arrays must not be copied whenever
 * they grow by one (with sanitizers, realloc always copies).  The bound
 * leaves room for sanitizers and a busy machine.
 */
static void
test_many_sections(void)
{
	struct mingle_config *c;
	struct strbuf sb = { 0 };
	char *want;
	clock_t start;
	size_t i, n = 100000;

	strbuf_puts(&sb, BASE);
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "[field f%zu]\ncolumn = C\ntype = text\n",
		    i);
	start = clock();
	c = loads(sb.buf, "100,000 [field] sections load");
	ok(cpu_since(start) < 5, "in well under 5 s of CPU time");
	printf("#   %.2f s\n", cpu_since(start));
	if (c != NULL) {
		is_int(c->nfields, n, "every one of them");
		is_str(c->fields[n - 1].name, "f99999", "in file order");
		is_int(c->fields[n - 1].line, 4 + 3 * (n - 1), "with its line");
	}
	config_free(c);

	/* A repeat at the end still names the first. */
	strbuf_puts(&sb, "[field  f7]\n");
	start = clock();
	want = xasprintf("a field called 'f7' exists already (line %d)",
	    4 + 3 * 7);
	fails(sb.buf, (int)(4 + 3 * n), want, NULL,
	    "a repeated [field] after 100,000 is found");
	free(want);
	sb.len -= strlen("[field  f7]\n");
	strbuf_puts(&sb, "[field f7]\n");
	want = xasprintf("section [field f7] appears twice (first on line %d)",
	    4 + 3 * 7);
	fails(sb.buf, (int)(4 + 3 * n), want, NULL,
	    "and the same header written alike");
	free(want);
	ok(cpu_since(start) < 5, "both in well under 5 s of CPU time");
	strbuf_free(&sb);

	/* One strategy section with 100,000 options of its own. */
	strbuf_puts(&sb, BASE "[strategy s]\nscript = s.lua\n");
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "o%zu = %zu\n", i, i);
	start = clock();
	c = loads(sb.buf, "a strategy with 100,000 options loads");
	ok(cpu_since(start) < 5, "in well under 5 s of CPU time");
	printf("#   %.2f s\n", cpu_since(start));
	if (c != NULL) {
		is_int(c->strategies[0].noptions, n, "all of them kept");
		is_str(config_strategy_option(&c->strategies[0], "o99999"),
		    "99999", "the last one too");
	}
	config_free(c);
	strbuf_puts(&sb, "o3 = again\n");
	start = clock();
	fails(sb.buf, (int)(6 + n), "'o3' is set twice in [strategy s] (first "
	    "on line 9)", NULL, "a repeated option after 100,000 is found");
	ok(cpu_since(start) < 5, "in well under 5 s of CPU time");
	strbuf_free(&sb);
}

/* ------------------------------------------------------------ errors */

static void
test_sections(void)
{
	fails(BASE "[matchh]\nmode = pairs\n", 4, "unknown section "
	    "[matchh]; did you mean 'match'? (known: [input], [field NAME], "
	    "[strategy NAME], [match], [output], [plugins])", NULL,
	    "unknown section, with suggestion and the known ones");
	fails(BASE "[stratgy tags]\nplugin = x\n", 4,
	    "unknown section [stratgy tags]; did you mean 'strategy'?", NULL,
	    "unknown named section");
	fails(BASE "[zzz]\n", 4, "unknown section [zzz] (known:", NULL,
	    "unknown section, nothing close");
	fails(BASE "\n[output]\n\n[input]\n", 7, "section [input] appears "
	    "twice (first on line 1)", NULL, "repeated section, even empty");
	fails(BASE "[field a]\ncolumn = A\ntype = text\n[field  a]\n", 7,
	    "a field called 'a' exists already (line 4)", NULL,
	    "two fields of one name");
	fails(BASE "[strategy s]\nscript = x.lua\n[strategy s]\n", 6,
	    "section [strategy s] appears twice (first on line 4)", NULL,
	    "repeated strategy section");
	fails(BASE "[field]\n", 4, "section [field] needs a name, as in "
	    "[field NAME]", NULL, "field without a name");
	fails(BASE "[match pairs]\n", 4, "section [match pairs] takes no "
	    "name; write [match]", NULL, "match with a name");
	fails(BASE "[match\nmode = pairs\n", 4, "section header without ']'",
	    NULL, "unclosed header");
}

static void
test_keys(void)
{
	fails(BASE "[match]\nper_atendee = 2\n", 5, "unknown key "
	    "'per_atendee' in [match]; did you mean 'per_attendee'? (known: "
	    "mode, per_attendee, min_per_attendee, max_per_attendee, "
	    "candidates, min_score, seed, odd, group_size, rounds, "
	    "best_effort, threads, slots, tables, per_attendee_column, "
	    "exhaustive)", NULL,
	    "unknown key, did you mean, known keys");
	fails("[input]\nfiel = a.csv\nid = Email\n", 2, "unknown key 'fiel' "
	    "in [input]; did you mean 'file'?", NULL, "typo in [input]");
	fails(BASE "[field t]\ncolum = T\ntype = tags\n", 5,
	    "unknown key 'colum' in [field]; did you mean 'column'?", NULL,
	    "typo in [field]");
	fails(BASE "[output]\nxyzzy = 1\n", 5, "unknown key 'xyzzy' in "
	    "[output] (known: file, report, schedule", NULL,
	    "unknown key, nothing close");
	fails(BASE "[plugins]\npaths = lib\n", 5, "unknown key 'paths' in "
	    "[plugins]; did you mean 'path'?", NULL, "typo in [plugins]");
	fails("[input]\nfile = a.csv\nid = Email\nid = Name\n", 4,
	    "'id' is set twice in [input] (first on line 3)", NULL,
	    "repeated key");
	fails(BASE "[strategy s]\nplugin = p\nfield = a\n\nfield = b\n", 8,
	    "'field' is set twice in [strategy s] (first on line 6)", NULL,
	    "repeated plugin option");
	fails("file = a.csv\n" BASE, 1, "'file' stands before any section; "
	    "put it under [input], [match], ...", NULL,
	    "key before any section");
	fails(BASE "this is not ini\n", 4, "cannot parse this line: "
	    "expected 'key = value' or '[section]'", NULL, "a line with no '='");
	fails(BASE "[match]\nmode = pairs\nper_attendee\n", 6,
	    "cannot parse this line", NULL, "a key without '='");
}

static void
test_required(void)
{
	fails("[input]\nid = Email\n", 1, "[input] needs 'file', the "
	    "registration export to read", NULL, "missing [input] file");
	fails("[input]\nfile = a.csv\n", 1, "[input] needs 'id', the column "
	    "that identifies each attendee (e.g. id = Email)", NULL,
	    "missing [input] id");
	fails("[match]\nmode = pairs\n", 0, "[input] needs 'file'", NULL,
	    "no [input] at all");
	fails("[match]\nmode = pairs\n\n[input]\n", 4, "[input] needs 'file'",
	    NULL, "an empty [input] is named by its line");
	fails("", 0, "[input] needs 'file'", NULL, "an empty config");
	fails(BASE "\n[field t]\ntype = tags\n", 5, "[field t] needs 'column'",
	    NULL, "field without column");
	fails(BASE "[field t]\ncolumn = T\n", 4, "[field t] needs 'type': "
	    "tags, text, number, bool or category", NULL,
	    "field without type");
	fails(BASE "[field t]\ncolumn = T\ntype = tag\n", 6, "type must be "
	    "one of tags, text, number, bool, category, not 'tag'; did you "
	    "mean 'tags'?", NULL, "bad type with suggestion");
	fails(BASE "[field t]\ncolumn = T\ntype = text\nseparator = |\n", 4,
	    "[field t]: 'separator' applies to tags fields only", NULL,
	    "separator on a text field");
	fails(BASE "[field t]\ncolumn = T\ntype = tags\nseparator =\n", 7,
	    "separator is empty; in INI a ';' after a space starts a comment: "
	    "write 'semicolon'", NULL, "empty separator");
	fails(BASE "[strategy s]\nweight = 2\n", 4, "[strategy s] needs "
	    "exactly one of 'plugin' (a .so strategy) or 'script' (a Lua "
	    "file)", NULL, "strategy with neither plugin nor script");
	fails(BASE "[strategy s]\nplugin = p\nscript = s.lua\n", 4,
	    "[strategy s] needs exactly one of 'plugin'", NULL,
	    "strategy with both plugin and script");
}

static void
test_bad_values(void)
{
	fails(BASE "[match]\nper_attendee = three\n", 5, "per_attendee must "
	    "be a whole number from 1 to 1000, not 'three'", NULL,
	    "per_attendee not a number");
	fails(BASE "[match]\nper_attendee = 0\n", 5, "per_attendee must be "
	    "a whole number from 1 to 1000, not '0'", NULL,
	    "per_attendee out of range");
	fails(BASE "[match]\ncandidates = 2.5\n", 5, "candidates must be a "
	    "whole number", NULL, "candidates not whole");
	fails(BASE "[match]\nmin_score = high\n", 5, "min_score must be a "
	    "number, not 'high'", NULL, "min_score not a number");
	fails(BASE "[match]\nseed = -1\n", 5, "seed must be a whole number "
	    "from 0 to 2147483647, not '-1'", NULL, "negative seed");
	fails(BASE "[match]\nrounds = 1001\n", 5, "rounds must be a whole "
	    "number from 1 to 1000", NULL, "too many rounds");
	fails(BASE "[match]\nrounds = most\n", 5, "rounds must be a whole "
	    "number from 1 to 1000, or max for as many as can be found, not "
	    "'most'", NULL, "rounds: neither a number nor max");
	fails(BASE "[match]\nthreads = 0\n", 5, "threads must be auto or a "
	    "whole number from 1 to 256, not '0'", NULL, "no threads");
	fails(BASE "[match]\nthreads = 257\n", 5, "threads must be auto or "
	    "a whole number from 1 to 256, not '257'", NULL, "257 threads");
	fails(BASE "[match]\ngroup_size = 1\n", 5, "group_size must be a "
	    "whole number from 2 to 1000", NULL, "tables of one");
	fails(BASE "[match]\nmode = meetings\n", 5, "mode = meetings needs "
	    "'slots'", NULL, "meetings without slots");
	fails(BASE "[match]\nmode = meetings\nslots = 1001\n", 6, "slots "
	    "must be a whole number from 1 to 1000", NULL, "too many slots");
	fails(BASE "[match]\nmode = meetings\nslots = 2\ntables = 0\n", 7,
	    "tables must be a whole number from 1", NULL, "no tables");
	fails(BASE "availability = Free\n", 4, "availability names the slots "
	    "each person can meet in: it needs mode = meetings", NULL,
	    "availability without meetings");
	fails(BASE "[match]\nmode = pears\n", 5, "mode must be one of "
	    "suggestions, pairs, groups, rounds, meetings, not 'pears'; did "
	    "you mean 'pairs'?", NULL, "bad mode with suggestion");
	fails(BASE "[match]\nmode = xyzzy\n", 5, "mode must be one of "
	    "suggestions, pairs, groups, rounds, meetings, not 'xyzzy'", NULL,
	    "bad mode, nothing close");
	fails(BASE "[match]\nbest_effort = maybe\n", 5, "best_effort must "
	    "be one of no, yes, not 'maybe'", NULL, "best_effort: yes or no");
	fails(BASE "[match]\nodd = trios\n", 5, "odd must be one of trio, "
	    "leave-out, not 'trios'; did you mean 'trio'?", NULL,
	    "bad odd with suggestion");
	fails(BASE "[match]\nodd = leave_out\n", 5, "odd must be one of",
	    "did you mean 'leave-out'?", "leave_out suggests leave-out");
	fails(BASE "[match]\nmin_per_attendee = 5\nmax_per_attendee = 3\n", 5,
	    "min_per_attendee (5) is more than max_per_attendee (3)", NULL,
	    "min > max per attendee");
	fails(BASE "[match]\nper_attendee = 2\nmin_per_attendee = 4\n", 6,
	    "min_per_attendee (4) is more than max_per_attendee (2)", NULL,
	    "min > per_attendee");
	fails("[input]\nfile = a.csv\nid = Email\ndelimiter = |\n", 4,
	    "delimiter must be auto, comma, semicolon or tab, not '|'", NULL,
	    "bad delimiter");
	fails("[input]\nfile = a.csv\nid = Email\ndelimiter = ;\n", 4,
	    "delimiter must be auto, comma, semicolon or tab, not ''",
	    "write 'semicolon'", "a bare ';' is a comment, and we say so");
	fails("[input]\nfile = a.csv\nid = Email\nencoding = ebcdic\n", 4,
	    "encoding must be auto, utf-8, windows-1252 or latin1, not "
	    "'ebcdic'", NULL, "bad encoding");
	fails(BASE "[strategy s]\nplugin = p\nweight = -1\n", 6, "weight must "
	    "not be negative (use a veto to forbid pairs)", NULL,
	    "negative weight");
	fails(BASE "[strategy s]\nplugin = p\nweight = heavy\n", 6, "weight "
	    "must be a number, not 'heavy'", NULL, "weight not a number");
	fails(BASE "[strategy s]\nplugin = p\nweight = inf\n", 6, "weight "
	    "must be a number, not 'inf'", NULL, "infinite weight");
	fails(BASE "[strategy s]\nplugin = p\nweight = 1e7\n", 6, "weight "
	    "must be a number from 0 to 1000000, not '1e7'", NULL,
	    "a weight above the range");
	fails(BASE "[strategy s]\nplugin = p\nweight = 1e308\n", 6, "weight "
	    "must be a number from 0 to 1000000, not '1e308'", NULL,
	    "a weight near the largest double");
	fails(BASE "[strategy s]\nscript = s.lua\ninstruction_limit = 10\n", 6,
	    "instruction_limit must be a whole number from 1000 to "
	    "1000000000000, not '10'", NULL, "instruction_limit too low");
}

static void
test_bad_sizes(void)
{
	static const char *const bad[] = {
		"64X", "0", "M", "1.5G", "-1", "65G", "64 M", "64MiBB", "K64",
		"99999999999999999999G"
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *text = xasprintf(BASE "[strategy s]\nscript = s.lua\n"
		    "memory_limit = %s\n", bad[i]);
		char *msg = xasprintf("memory_limit must be a size such as "
		    "64M, 512K or 1G (at most 64G), not '%s'", bad[i]);
		char *what = xasprintf("memory_limit = %s is refused", bad[i]);

		fails(text, 6, msg, NULL, what);
		free(text);
		free(msg);
		free(what);
	}
}

static void
test_nul(void)
{
	static const char text[] = "[input]\nfile = a.csv\0\nid = Email\n";
	struct mingle_config *c;
	char *cause = NULL, *want;

	write_ini(text, sizeof text - 1);
	c = config_load(ini, &cause);
	ok(c == NULL, "a NUL byte is refused");
	want = xasprintf("%s: holds a NUL byte; is this an INI file?", ini);
	is_str(cause, want, "and says so");
	free(want);
	free(cause);
	config_free(c);

	cause = NULL;
	c = config_load(dir, &cause);
	ok(c == NULL && cause != NULL, "a folder is not a config");
	free(cause);
	cause = NULL;
	want = in_dir("missing.ini");
	c = config_load(want, &cause);
	ok(c == NULL, "a missing config fails");
	like(cause, "missing.ini: cannot open", "and names the file");
	free(want);
	free(cause);
}

/* [input] limits on what is read, and the config file's own limit. */
static void
test_input_limits(void)
{
	struct mingle_config *c;
	char *cause = NULL;

	c = loads(BASE, "no limits given");
	if (c != NULL) {
		ok(c->csv.max_file_size == 0 && c->csv.max_record_size == 0 &&
		    c->csv.max_field_size == 0 && c->csv.max_columns == 0,
		    "0: the reader's defaults");
		config_free(c);
	}
	c = loads(BASE "max_file_size = 2G\nmax_record_size = 4M\n"
	    "max_field_size = 128K\nmax_columns = 50000\n", "all four");
	if (c != NULL) {
		is_int(c->csv.max_file_size, 2LL << 30, "max_file_size = 2G");
		is_int(c->csv.max_record_size, 4 << 20, "max_record_size = 4M");
		is_int(c->csv.max_field_size, 128 << 10,
		    "max_field_size = 128K");
		is_int(c->csv.max_columns, 50000, "max_columns = 50000");
		config_free(c);
	}
	fails(BASE "max_record_size = big\n", 4, "max_record_size must be a "
	    "size such as 64M, 512K or 1G (at most 64G), not 'big'", NULL,
	    "a size that is none");
	fails(BASE "max_field_size = 0\n", 4, "max_field_size must be a size",
	    NULL, "a size of 0");
	fails(BASE "max_columns = 10K\n", 4, "max_columns must be a whole "
	    "number from 1 to 100000000, not '10K'", NULL,
	    "columns are a count");
	fails(BASE "max_colums = 10\n", 4, "unknown key 'max_colums' in "
	    "[input]; did you mean 'max_columns'?", NULL, "a typo");

	c = config_load("/dev/zero", &cause);
	ok(c == NULL, "/dev/zero is no config");
	is_str(cause, "/dev/zero: the file is larger than 16M; set "
	    "MINGLE_MAX_CONFIG_SIZE to a larger size if it really is a config "
	    "file or script", "it stops at the config limit");
	free(cause);
}

/* A config saved as Windows-1252 or Latin-1: the first bad byte, placed. */
static void
test_not_utf8(void)
{
	fails(BASE "consent = D\xfcrfen wir?\n", 4, "12: the config is not "
	    "UTF-8 (byte 0xFC)", "save it as UTF-8",
	    "a Latin-1 config: line and column of the first bad byte");
	fails("\xef\xbb\xbf[input]\nfile = \xe4.csv\nid = Email\n", 2,
	    "8: the config is not UTF-8 (byte 0xE4)", NULL,
	    "a byte order mark is not counted");
	fails(BASE "name = N\xc3\xa4me \x80\n", 4, "13: the config is not "
	    "UTF-8 (byte 0x80)", NULL, "columns count characters");
}

/* An export given where the config belongs (-c export.csv). */
static void
test_csv_as_config(void)
{
	static const char *const exports[] = {
		"Email,Name,Tags\na@x.org,Ann,lua\n",
		"E-Mail;Name;Wie=viele?\na@x.org;Ann;2\n",
		"Name\tUser ID\tRSVP\nAnn\tuser 1\tYes\n",
		"Email,Name\nj\xfcrgen@x.org,J\xfcrgen\n",
		NULL
	};
	size_t i;

	for (i = 0; exports[i] != NULL; i++)
		fails(exports[i], 0, "this looks like a registration export "
		    "(CSV), not a config: -c wants the event's INI file",
		    "[input] file = event.ini", "a CSV given as the config");
	fails("Email Name\n", 1, "cannot parse this line", NULL,
	    "a line without delimiters is no export");
	fails("file = a.csv;b\n", 1, "'file' stands before any section",
	    NULL, "a key before any section is no export");
	fails("; a comment, with commas\n", 0, "[input] needs 'file'", NULL,
	    "a comment is no export");
}

/* Keys that mean nothing in the configured mode are errors, never
 * ignored; in their own mode they load. */
static void
test_mode_keys(void)
{
	struct mingle_config *c;

	c = loads(BASE "[match]\nper_attendee = 4\nmin_per_attendee = 1\n",
	    "per_attendee and min_per_attendee in suggestions");
	if (c != NULL) {
		is_int(c->match.per_attendee, 4, "per_attendee");
		is_int(c->match.min_per_attendee, 1, "min_per_attendee");
		is_int(c->match.max_per_attendee, 4,
		    "max_per_attendee defaults to per_attendee");
	}
	config_free(c);
	fails(BASE "[match]\ngroup_size = 4\n", 5, "group_size does nothing "
	    "in mode = suggestions (the default): remove it; for tables of "
	    "more than two, use mode = groups or rounds", NULL,
	    "group_size in suggestions (the default mode)");
	fails(BASE "[match]\nmode = pairs\ngroup_size = 3\n", 6,
	    "group_size does nothing in mode = pairs (line 5)", NULL,
	    "group_size in pairs");
	fails(BASE "[match]\nper_attendee = 2\nmode = rounds\n", 5,
	    "per_attendee does nothing in mode = rounds (line 6): remove it; "
	    "the tables decide whom each person meets", NULL,
	    "per_attendee in rounds, before the mode");
	fails(BASE "[match]\nmode = groups\nmax_per_attendee = 2\n", 6,
	    "max_per_attendee does nothing in mode = groups", NULL,
	    "max_per_attendee in groups");
	fails(BASE "[match]\nmode = groups\nrounds = 2\n", 6,
	    "rounds does nothing in mode = groups (line 5): remove it; for "
	    "more than one round of tables, use mode = rounds", NULL,
	    "rounds in groups");
	fails(BASE "[match]\nmode = rounds\nodd = trio\n", 6,
	    "odd does nothing in mode = rounds", NULL, "odd in rounds");
	fails(BASE "[match]\nmode = pairs\nbest_effort = yes\n", 6,
	    "best_effort does nothing in mode = pairs (line 5): remove it; "
	    "it lets groups and rounds seat", NULL, "best_effort in pairs");
	fails(BASE "[output]\nschedule = s.csv\n", 5, "schedule does "
	    "nothing in mode = suggestions (the default): remove it; "
	    "suggestions seat nobody", NULL, "[output] schedule in suggestions");
	fails(BASE "[output]\ntables = t.csv\n[match]\nmode = suggestions\n",
	    5, "tables does nothing in mode = suggestions (line 7)", NULL,
	    "[output] tables in suggestions");
	c = loads(BASE "[match]\nmode = rounds\ngroup_size = 3\nrounds = 2\n"
	    "[output]\nschedule = s.csv\ntables = t.csv\n",
	    "group_size, rounds, schedule and tables in rounds");
	config_free(c);
	c = loads(BASE "[match]\nmode = pairs\nodd = trio\n",
	    "odd in pairs");
	config_free(c);
	fails(BASE "[match]\nmode = groups\nrounds = max\n", 6,
	    "rounds does nothing in mode = groups (line 5): remove it",
	    NULL, "rounds = max in groups");
	fails(BASE "[match]\nslots = 4\n", 5, "slots does nothing in mode "
	    "= suggestions (the default): remove it; time slots are for 1:1 "
	    "meetings: use mode = meetings", NULL, "slots in suggestions");
	fails(BASE "[match]\nmode = rounds\ntables = 3\n", 6, "tables "
	    "does nothing in mode = rounds (line 5): remove it; it caps the "
	    "meetings a slot holds in mode = meetings", NULL,
	    "[match] tables in rounds");
	fails(BASE "[match]\nmode = meetings\nslots = 2\ngroup_size = 2\n",
	    7, "group_size does nothing in mode = meetings (line 5)", NULL,
	    "group_size in meetings");
	fails(BASE "[match]\nmode = meetings\nslots = 2\n[output]\n"
	    "tables = t.csv\n", 8, "tables does nothing in mode = meetings "
	    "(line 5): remove it; only pairs, groups and rounds seat people",
	    NULL, "[output] tables in meetings");
	c = loads(BASE "[match]\nmode = meetings\nslots = 2\ntables = 3\n"
	    "per_attendee = 2\nmin_per_attendee = 1\nmax_per_attendee = 3\n"
	    "[output]\nschedule = s.csv\n", "slots, tables, per_attendee "
	    "and schedule in meetings");
	config_free(c);
	c = loads(BASE "[match]\nmode = rounds\nrounds = max\n",
	    "rounds = max in rounds");
	config_free(c);
}

/* [output] per_person, tables, dialect and columns. */
static void
test_output_keys(void)
{
	struct mingle_config *c;
	char *want;

	c = loads(BASE "[output]\nper_person = p.xlsx\ndialect = Excel\n"
	    "columns = Email,  Company , ,Ticket Type\n",
	    "per_person, dialect and columns");
	if (c != NULL) {
		want = in_dir("p.xlsx");
		is_str(c->per_person_file, want, "per_person: a path");
		free(want);
		is_int(c->output_dialect, 1, "dialect = excel");
		is_int(c->noutput_columns, 3, "three columns, blanks dropped");
		if (c->noutput_columns == 3) {
			is_str(c->output_columns[1], "Company", "trimmed");
			is_str(c->output_columns[2], "Ticket Type",
			    "inner spaces kept");
		}
		is_int(c->output_columns_line, 7, "the line of columns");
	}
	config_free(c);
	c = loads(BASE, "no [output]");
	if (c != NULL) {
		is_int(c->output_dialect, 0, "dialect: standard by default");
		is_int(c->noutput_columns, 0, "no columns by default");
	}
	config_free(c);
	fails(BASE "[output]\ndialect = german\n", 5, "dialect must be one "
	    "of standard, excel, not 'german'", NULL, "a bad dialect");
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
	test_full();
	test_defaults();
	test_values();
	test_long_line();
	test_line_limit();
	test_many_sections();
	test_sections();
	test_keys();
	test_required();
	test_bad_values();
	test_bad_sizes();
	test_nul();
	test_not_utf8();
	test_csv_as_config();
	test_input_limits();
	test_mode_keys();
	test_output_keys();
	free(ini);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return tap_done();
}
