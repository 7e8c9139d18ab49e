/*
 * cli.h -- the subcommands, as a table (like tmux's cmd_entry).
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

struct cmd_entry {
	const char *name;
	const char *usage;	/* arguments after the command's name */
	const char *summary;	/* one line for `mingle --help` */
	const char *help;	/* options and details for `mingle CMD -h` */
	int (*exec)(const struct cmd_entry *self, int argc, char **argv);
};

extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_attendees_entry;
extern const struct cmd_entry cmd_explain_entry;
extern const struct cmd_entry cmd_plugins_entry;

/* NULL-terminated, in the order `mingle --help` shows them. */
extern const struct cmd_entry *const cmd_table[];

/* Print "mingle: MSG" on stderr; returns EXIT_INPUT. */
int cli_fail(const char *msg);
/* Print "mingle CMD: MSG" and the usage line on stderr; returns EXIT_USAGE. */
int cli_usage(const struct cmd_entry *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print the command's full help on stdout; returns EXIT_OK. */
int cli_help(const struct cmd_entry *cmd);

/*
 * Parse the options every command shares and those in EXTRA (a getopt
 * short-option string, e.g. "o:").  Calls ON_OPT for each option in EXTRA.
 * Sets *config from -c/--config.  Returns -1 to go on, or an exit code
 * (help shown, or a usage error).  *optind_out is the first operand.
 */
struct cli_option {
	const char *long_name;	/* e.g. "output" */
	int has_arg;
	int short_name;		/* e.g. 'o' */
};
int cli_parse(const struct cmd_entry *cmd, int argc, char **argv,
    const struct cli_option *extra, const char **config,
    int (*on_opt)(void *ctx, int opt, const char *arg), void *ctx,
    int *first_operand);

#endif
