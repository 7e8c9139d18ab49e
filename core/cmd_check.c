/*
 * cmd_check.c -- `mingle check`: validate config, export and strategies
 * without scoring, and say what was understood.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "availability.h"
#include "cli.h"
#include "mingle/plugin.h"
#include "session.h"
#include "util.h"

static const char *
delimiter_name(char d)
{
	switch (d) {
	case ',': return "comma";
	case ';': return "semicolon";
	case '\t': return "tab";
	}
	return "?";
}

static void
describe_field(const struct attendee_table *t, const struct field *f)
{
	size_t i, have = 0, yes = 0, no = 0;

	printf("field %s: %s, column '%s': ", f->name,
	    config_field_type_name(f->type), csv_cell(t->csv, 0, f->column));
	switch (f->type) {
	case MINGLE_FIELD_TAGS:
		for (i = 0; i < t->n; i++)
			have += f->tag_off[i + 1] > f->tag_off[i];
		printf("%u distinct tags; %zu of %zu attendees have some\n",
		    f->values.count, have, t->n);
		break;
	case MINGLE_FIELD_NUMBER:
		for (i = 0; i < t->n; i++)
			have += f->has_number[i];
		printf("%zu of %zu attendees have a number\n", have, t->n);
		break;
	case MINGLE_FIELD_BOOL:
		for (i = 0; i < t->n; i++) {
			yes += f->boolean[i] == 1;
			no += f->boolean[i] == 0;
		}
		printf("%zu yes, %zu no, %zu empty\n", yes, no,
		    t->n - yes - no);
		break;
	case MINGLE_FIELD_CATEGORY:
		printf("%u distinct values; ", f->values.count);
		/* FALLTHROUGH */
	default:
		for (i = 0; i < t->n; i++)
			have += f->text[i] != NULL;
		printf("%zu of %zu attendees have a value\n", have, t->n);
	}
}

/* Can every availability cell be read?  0, or -1 with *cause set. */
static int
check_availability(struct session *s, char **cause)
{
	uint64_t *free_slots;
	size_t words;

	if (availability_build(&s->t, s->config, &free_slots, &words,
	    cause) != 0)
		return -1;
	free(free_slots);
	return 0;
}

static int
cmd_check_exec(const struct cmd_entry *self, int argc, char **argv)
{
	struct session s;
	const struct mingle_config *c;
	const char *config = NULL;
	char *cause = NULL, num[NUMBER_TEXT_LEN];
	size_t i;
	int rc, first;

	rc = cli_parse(self, argc, argv, &config, NULL, &first);
	if (rc >= 0)
		return rc;
	if (session_open(&s, config, SESSION_STRATEGIES, 0, &cause) != 0)
		return cli_fail(cause);
	c = s.config;
	if (check_availability(&s, &cause) != 0) {
		session_close(&s);
		return cli_fail(cause);
	}
	printf("config: %s\n", c->path);
	printf("input: %s (%s, %s, %zu rows, %zu columns)\n", c->input_file,
	    delimiter_name(s.csv.delimiter), csv_encoding_name(s.csv.encoding),
	    s.csv.nrows, s.csv.ncols);
	printf("attendees: %zu", s.t.n);
	if (c->consent_column != NULL)
		printf(" (%zu agreed to introductions in '%s')",
		    s.t.nconsenting, c->consent_column);
	printf("\n");
	roster_print(&s.t.roster, &s.csv, c, stdout);
	for (i = 0; i < s.t.nfields; i++)
		describe_field(&s.t, &s.t.fields[i]);
	for (i = 0; i < s.nstrategies; i++) {
		const struct strategy *st = &s.strategies[i];

		printf("strategy %s: %s %s %s, weight %g%s", st->name,
		    st->kind, st->impl, st->version, st->weight,
		    st->symmetric ? ", symmetric" : "");
		if (strcmp(st->kind, "lua") == 0 && st->max_score >= 0)
			printf(", max_score %s", format_double(st->max_score,
			    num));
		printf(" (%s)\n", st->path);
	}
	if (s.nstrategies == 0)
		printf("strategies: none (add a [strategy NAME] section; "
		    "every pair would score 0)\n");
	printf("match: %s", config_mode_name(c->match.mode));
	switch (c->match.mode) {
	case MATCH_SUGGESTIONS:
		printf(", %ld to %ld per attendee", c->match.min_per_attendee,
		    c->match.max_per_attendee);
		break;
	case MATCH_PAIRS:
		printf(", odd one out: %s",
		    c->match.odd == MATCH_ODD_TRIO ? "trio" : "leave-out");
		break;
	case MATCH_GROUPS:
		printf(", tables of %ld", c->match.group_size);
		break;
	case MATCH_ROUNDS:
		if (c->match.rounds_max)
			printf(", as many rounds as the search finds, tables "
			    "of %ld", c->match.group_size);
		else
			printf(", %ld rounds, tables of %ld", c->match.rounds,
			    c->match.group_size);
		break;
	case MATCH_MEETINGS:
		printf(", %ld slots", c->match.slots);
		if (c->match.tables > 0)
			printf(", %ld tables", c->match.tables);
		if (c->availability_column != NULL)
			printf(", availability in '%s'",
			    c->availability_column);
		break;
	}
	printf(", seed %lu\noutput: %s\nok\n", c->match.seed,
	    c->output_file ? c->output_file : "standard output");
	session_close(&s);
	return EXIT_OK;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "-c CONFIG",
	.summary = "validate config, export and strategies; say what was "
	    "understood",
	.help =
	    "Loads everything `mingle run` would (config, export, fields, "
	    "plugins and Lua\nscripts) without scoring, and prints what it "
	    "understood: rows and columns,\nthe detected delimiter and "
	    "encoding, each field, each strategy with its\nversion.  Any "
	    "problem is reported with file and line, and exit status 1.\n\n"
	    "Options:\n"
	    "  -c, --config FILE   the event's INI config (required)\n"
	    "  -h, --help          this help\n",
	.config = CLI_CONFIG_REQUIRED,
	.exec = cmd_check_exec,
};
