/*
 * cli.c -- option parsing, help and error printing shared by the commands.
 * A leaf: it serves any struct cmd_entry and names none of them.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

int
cli_fail(char *cause)
{
	fprintf(stderr, "mingle: %s\n", cause);
	free(cause);
	return EXIT_INPUT;
}

int
cli_usage(const struct cmd_entry *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mingle %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: mingle %s %s\n"
	    "Try 'mingle %s --help' for more.\n", cmd->name, cmd->usage,
	    cmd->name);
	return EXIT_USAGE;
}

int
cli_help(const struct cmd_entry *cmd)
{
	printf("usage: mingle %s %s\n\n%s\n\n%s", cmd->name, cmd->usage,
	    cmd->summary, cmd->help);
	return EXIT_OK;
}

int
cli_parse(const struct cmd_entry *cmd, int argc, char **argv,
    const char **config, void *ctx, int *first_operand)
{
	const struct cli_option *extra = cmd->options;
	/* -h and -c, the command's own, the terminator; "+hc:" and each
	 * short option with its ':'. */
	struct option longopts[2 + CLI_MAX_OPTIONS + 1];
	char shortopts[4 + 2 * CLI_MAX_OPTIONS + 1] = "+hc:";
	size_t n = 0, i;
	int opt, rc;

	longopts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[n++] = (struct option){ "config", required_argument, NULL,
	    'c' };
	for (i = 0; extra != NULL && extra[i].long_name != NULL; i++) {
		size_t len = strlen(shortopts);

		if (i == CLI_MAX_OPTIONS)
			return cli_usage(cmd, "internal error: more than %d "
			    "options", CLI_MAX_OPTIONS);

		longopts[n++] = (struct option){ extra[i].long_name,
		    extra[i].has_arg, NULL, extra[i].short_name };
		if (extra[i].short_name < 256) {
			shortopts[len++] = (char)extra[i].short_name;
			if (extra[i].has_arg)
				shortopts[len++] = ':';
			shortopts[len] = '\0';
		}
	}
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };

	optind = 0;	/* glibc: start afresh, even on another argv */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL))
	    != -1) {
		switch (opt) {
		case 'h':
			return cli_help(cmd);
		case 'c':
			*config = optarg;
			break;
		case '?':
			if (optopt != 0 && optopt < 256)
				return cli_usage(cmd, optopt && strchr(
				    shortopts, optopt) ? "option -%c needs a "
				    "value" : "unknown option -%c", optopt);
			return cli_usage(cmd, "unknown option or missing "
			    "value: %s", argv[optind - 1]);
		default:
			rc = cmd->on_opt != NULL ? cmd->on_opt(ctx, opt,
			    optarg) : -1;
			if (rc >= 0)
				return rc;
		}
	}
	if (cmd->config == CLI_CONFIG_REQUIRED && *config == NULL)
		return cli_usage(cmd, "missing -c CONFIG");
	if (argc - optind != cmd->operands) {
		if (cmd->operands == 0)
			return cli_usage(cmd, "unexpected argument '%s'",
			    argv[optind]);
		return cli_usage(cmd, "needs %s", cmd->operands_are);
	}
	*first_operand = optind;
	return -1;
}
