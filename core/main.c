/*
 * main.c -- mingle: suggest introductions between event attendees.  The
 * table of commands lives here, where the program starts; each cmd_*.c
 * defines its entry and cli.c serves them all.
 */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mingle/plugin.h"
#include "outfile.h"

extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_attendees_entry;
extern const struct cmd_entry cmd_explain_entry;
extern const struct cmd_entry cmd_plugins_entry;

/* In the order `mingle --help` shows them. */
static const struct cmd_entry *const cmd_table[] = {
	&cmd_run_entry,
	&cmd_check_entry,
	&cmd_attendees_entry,
	&cmd_explain_entry,
	&cmd_plugins_entry,
	NULL
};

static void
usage(FILE *f)
{
	size_t i;

	fprintf(f,
	    "usage: mingle COMMAND [OPTIONS]\n"
	    "\n"
	    "mingle reads an event's registration export and an INI config, "
	    "scores every\npair of attendees with the configured strategies "
	    "(plugins and Lua rules)\nand writes suggested introductions as "
	    "CSV, each with its reasons.\n\nCommands:\n");
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(f, "  %-10s %s\n", cmd_table[i]->name,
		    cmd_table[i]->summary);
	fprintf(f,
	    "\nStart with:   mingle check -c event.ini\n"
	    "Then:         mingle run -c event.ini -o introductions.csv\n"
	    "\n'mingle COMMAND --help' explains a command; 'man mingle' the "
	    "config.\nExit status: 0 ok, 1 bad input or config, 2 usage.\n");
}

/* Run what ARGV asks for; its exit status. */
static int
dispatch(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && strcmp(argv[1], "help") == 0) {
			for (i = 0; cmd_table[i] != NULL; i++)
				if (strcmp(cmd_table[i]->name, argv[2]) == 0)
					return cli_help(cmd_table[i]);
			fprintf(stderr, "mingle: no command '%s'\n", argv[2]);
			return EXIT_USAGE;
		}
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("mingle %s (plugin ABI %d.%d)\n", PACKAGE_VERSION,
		    MINGLE_ABI_MAJOR, MINGLE_ABI_MINOR);
		return EXIT_OK;
	}
	for (i = 0; cmd_table[i] != NULL; i++)
		if (strcmp(cmd_table[i]->name, argv[1]) == 0)
			return cmd_table[i]->exec(cmd_table[i], argc - 1,
			    argv + 1);
	fprintf(stderr, "mingle: no command '%s'\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}

/* A command has not succeeded until its standard output is written: a
 * full disk there (> /dev/full) is exit status 1, with a message. */
int
main(int argc, char **argv)
{
	char *cause = NULL;
	int rc;

	outfile_buffer_stdout();
	rc = dispatch(argc, argv);
	if (rc == EXIT_OK && outfile_close_stdout(&cause) != 0)
		rc = cli_fail(cause);
	return rc;
}
