/*
 * cli.h -- what a subcommand is (like tmux's cmd_entry), and the option
 * parsing, help and error printing the commands share.  main.c holds the
 * table of commands; cli.c knows none of them.
 *
 * Exit codes, for every command:
 *   0  success
 *   1  bad input: config, export, plugin, script, or a failed run
 *   2  usage: unknown command or option, missing argument
 */
#ifndef MINGLE_CLI_H
#define MINGLE_CLI_H

#define EXIT_OK 0
#define EXIT_INPUT 1
#define EXIT_USAGE 2

/* An option a command takes beyond -h and -c; a command has at most
 * CLI_MAX_OPTIONS of them (cli_parse refuses more as a usage error). */
#define CLI_MAX_OPTIONS 16
struct cli_option {
	const char *long_name;	/* e.g. "output" */
	int has_arg;
	int short_name;		/* e.g. 'o', or a value >= 256 for none */
};

struct cmd_entry {
	const char *name;
	const char *usage;	/* arguments after the command's name */
	const char *summary;	/* one line for `mingle --help` */
	const char *help;	/* options and details for `mingle CMD -h` */
	/* Its options beyond -h and -c, ended by { NULL }; NULL for none.
	 * cli_parse() calls on_opt for each one given. */
	const struct cli_option *options;
	int (*on_opt)(void *ctx, int opt, const char *arg);
	int config;		/* CLI_CONFIG_REQUIRED or _OPTIONAL */
	int operands;		/* operands after the options, exactly */
	const char *operands_are;	/* e.g. "two attendee ids" */
	int (*exec)(const struct cmd_entry *self, int argc, char **argv);
};

#define CLI_CONFIG_OPTIONAL 0
#define CLI_CONFIG_REQUIRED 1

/* Print "mingle: CAUSE" on stderr and free CAUSE; returns EXIT_INPUT. */
int cli_fail(char *cause);
/* Print "mingle CMD: MSG" and the usage line on stderr; returns EXIT_USAGE. */
int cli_usage(const struct cmd_entry *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print the command's full help on stdout; returns EXIT_OK. */
int cli_help(const struct cmd_entry *cmd);

/*
 * Parse the options every command shares (-h, -c) and CMD's own options,
 * calling CMD->on_opt with CTX for each of CMD's; on_opt returns -1 to go
 * on or an exit code.  Sets *config from -c/--config, and checks what the
 * entry asks for: a config, and the number of operands.  Returns -1 to go
 * on, or an exit code (help shown, or a usage error).  *first_operand is
 * the index of the first operand in ARGV.
 */
int cli_parse(const struct cmd_entry *cmd, int argc, char **argv,
    const char **config, void *ctx, int *first_operand);

#endif
