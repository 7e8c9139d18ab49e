/*
 * test_cli.c -- unit tests for core/cli.c on its own: a made-up command
 * entry declares its options and callback, and cli_parse() serves it.
 * This program links core/cli.c without any cmd_*.c: cli.c is a leaf that
 * knows no command (main.c holds the table).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "tap.h"
#include "util.h"

enum { OPT_LEVEL = 256 };

/* What the callback saw. */
struct seen {
	const char *output;
	const char *level;
	int verbose;
	int calls;
	int stop;		/* return this exit code at the first call */
};

static int
frob_on_opt(void *ctx, int opt, const char *arg)
{
	struct seen *s = ctx;

	s->calls++;
	if (s->stop >= 0)
		return s->stop;
	switch (opt) {
	case 'o':
		s->output = arg;
		break;
	case 'v':
		s->verbose++;
		break;
	case OPT_LEVEL:
		s->level = arg;
		break;
	}
	return -1;
}

static const struct cli_option frob_options[] = {
	{ "output", 1, 'o' },
	{ "verbose", 0, 'v' },
	{ "level", 1, OPT_LEVEL },
	{ NULL, 0, 0 }
};

static const struct cmd_entry frob_entry = {
	.name = "frob",
	.usage = "-c CONFIG [-o FILE] [-v] [--level N] A B",
	.summary = "frob two things",
	.help = "Options:\n  -o, --output FILE   where\n",
	.options = frob_options,
	.on_opt = frob_on_opt,
	.config = CLI_CONFIG_REQUIRED,
	.operands = 2,
	.operands_are = "two things",
};

/* No options of its own, no config needed, no operands. */
static const struct cmd_entry bare_entry = {
	.name = "bare",
	.usage = "[-c CONFIG]",
	.summary = "nothing much",
	.help = "",
};

/* What one call of cli_parse() returned and printed. */
struct parse {
	int rc;
	int first;
	const char *config;
	char out[1024];		/* its standard output */
	char err[1024];		/* its standard error */
};

/* Every argv given to cli_parse(), freed at the end. */
static char *kept[64];
static size_t nkept;

/* Read back and empty the temporary file behind FD into BUF. */
static void
drain(int fd, char *buf, size_t size)
{
	ssize_t n;

	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	if (ftruncate(fd, 0) != 0)
		exit(99);
}

/* One call of cli_parse() on the words of LINE (at most 15, split at
 * spaces) into *P.  The words live until the end, as a real argv does:
 * the values handed out point into them, and so may getopt's memory of
 * the last call. */
static void
parse(const struct cmd_entry *cmd, const char *line, void *ctx,
    struct parse *p)
{
	char *words, *argv[16], *w;
	char outpath[] = "/tmp/mingle-test-cli.XXXXXX";
	char errpath[] = "/tmp/mingle-test-cli.XXXXXX";
	int argc = 0, outfd, errfd, saved_out, saved_err;

	if (nkept == sizeof kept / sizeof kept[0])
		exit(99);
	words = kept[nkept++] = xstrdup(line);
	for (w = strtok(words, " "); w != NULL && argc < 15;
	    w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;

	if ((outfd = mkstemp(outpath)) == -1 ||
	    (errfd = mkstemp(errpath)) == -1)
		exit(99);
	unlink(outpath);
	unlink(errpath);
	fflush(stdout);
	fflush(stderr);
	saved_out = dup(1);
	saved_err = dup(2);
	dup2(outfd, 1);
	dup2(errfd, 2);

	p->config = NULL;
	p->first = -1;
	p->rc = cli_parse(cmd, argc, argv, &p->config, ctx, &p->first);

	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	drain(outfd, p->out, sizeof p->out);
	drain(errfd, p->err, sizeof p->err);
	close(outfd);
	close(errfd);
}

static struct seen
fresh(void)
{
	struct seen s = { NULL, NULL, 0, 0, -1 };

	return s;
}

static void
test_options_from_the_entry(void)
{
	struct seen s = fresh();
	struct parse p;

	parse(&frob_entry, "frob -c x.ini -o out.csv -vv --level 3 a b", &s,
	    &p);
	is_int(p.rc, -1, "a good line goes on");
	is_str(p.config, "x.ini", "-c sets the config");
	is_int(p.first, 8, "the operands start after the options");
	ok(s.output != NULL && strcmp(s.output, "out.csv") == 0,
	    "-o reaches the entry's callback with its value");
	is_int(s.verbose, 2, "-vv: the callback sees each -v");
	ok(s.level != NULL && strcmp(s.level, "3") == 0,
	    "a long-only option reaches the callback");
	is_int(s.calls, 4, "one call per option given");
	is_str(p.err, "", "nothing on standard error");

	s = fresh();
	parse(&frob_entry, "frob --output=o.csv --config x.ini a b", &s, &p);
	is_int(p.rc, -1, "long forms go on");
	ok(s.output != NULL && strcmp(s.output, "o.csv") == 0,
	    "--output=VALUE reaches the callback");
	is_str(p.config, "x.ini", "--config sets the config");

	s = fresh();
	parse(&frob_entry, "frob -c x.ini a -v", &s, &p);
	is_int(p.rc, -1, "options end at the first operand");
	is_int(p.first, 3, "-v after it is the second operand");
	is_int(s.calls, 0, "and not an option");
}

static void
test_callback_stops(void)
{
	struct seen s = fresh();
	struct parse p;

	s.stop = EXIT_INPUT;
	parse(&frob_entry, "frob -c x.ini -v a b", &s, &p);
	is_int(p.rc, EXIT_INPUT, "the callback's exit code ends the parse");
	is_int(s.calls, 1, "no call after the stop");
}

static void
test_usage_errors(void)
{
	struct seen s = fresh();
	struct parse p;

	parse(&frob_entry, "frob -c x.ini -x a b", &s, &p);
	is_int(p.rc, EXIT_USAGE, "unknown short option");
	like(p.err, "mingle frob: unknown option -x\n", "it is named");
	like(p.err, "usage: mingle frob -c CONFIG [-o FILE]",
	    "the usage line follows");
	is_int(s.calls, 0, "the callback is not called for it");

	parse(&frob_entry, "frob -c x.ini -o", &s, &p);
	is_int(p.rc, EXIT_USAGE, "-o without its value");
	like(p.err, "option -o needs a value", "the value is asked for");

	parse(&frob_entry, "frob -c x.ini --level", &s, &p);
	is_int(p.rc, EXIT_USAGE, "--level without its value");
	like(p.err, "unknown option or missing value: --level",
	    "the long option is named");

	parse(&frob_entry, "frob -o x a b", &s, &p);
	is_int(p.rc, EXIT_USAGE, "a required config missing");
	like(p.err, "missing -c CONFIG", "-c is asked for");

	parse(&frob_entry, "frob -c x.ini a", &s, &p);
	is_int(p.rc, EXIT_USAGE, "one operand short");
	like(p.err, "mingle frob: needs two things",
	    "the entry's operands are named");

	parse(&bare_entry, "bare zz", NULL, &p);
	is_int(p.rc, EXIT_USAGE, "an operand where none is taken");
	like(p.err, "unexpected argument 'zz'", "it is named");

	parse(&bare_entry, "bare -o x", NULL, &p);
	is_int(p.rc, EXIT_USAGE, "another command's option is unknown");
}

static void
test_bare_entry(void)
{
	struct parse p;

	parse(&bare_entry, "bare", NULL, &p);
	is_int(p.rc, -1, "no options, no callback, no config: goes on");
	ok(p.config == NULL, "no config");
	is_int(p.first, 1, "no operands");

	parse(&bare_entry, "bare -c x.ini", NULL, &p);
	is_int(p.rc, -1, "-c is shared by every command");
	is_str(p.config, "x.ini", "and sets the config");
}

static void
test_help(void)
{
	struct seen s = fresh();
	struct parse p;

	parse(&frob_entry, "frob -c x.ini --help", &s, &p);
	is_int(p.rc, EXIT_OK, "--help ends the parse with success");
	is_str(p.out, "usage: mingle frob -c CONFIG [-o FILE] [-v] "
	    "[--level N] A B\n\nfrob two things\n\nOptions:\n"
	    "  -o, --output FILE   where\n", "the help comes from the entry");
	is_str(p.err, "", "nothing on standard error");

	parse(&bare_entry, "bare -h", NULL, &p);
	is_int(p.rc, EXIT_OK, "-h on a command without options");
}

/* One more option than a command may have, each with a short letter:
 * cli_parse's tables would overflow if it did not count. */
static void
test_too_many_options(void)
{
	static struct cli_option many[CLI_MAX_OPTIONS + 2];
	static char names[CLI_MAX_OPTIONS + 1][16];
	struct cmd_entry cmd = bare_entry;
	struct parse p;
	int i;

	for (i = 0; i <= CLI_MAX_OPTIONS; i++) {
		snprintf(names[i], sizeof names[i], "opt%d", i);
		many[i] = (struct cli_option){ names[i], 1, 'A' + i };
	}
	cmd.options = many;
	parse(&cmd, "bare", NULL, &p);
	is_int(p.rc, EXIT_USAGE, "more than CLI_MAX_OPTIONS is refused");
	ok(strstr(p.err, "more than") != NULL, "and says so");

	many[CLI_MAX_OPTIONS] = (struct cli_option){ NULL, 0, 0 };
	parse(&cmd, "bare --opt15 x -A y", NULL, &p);
	is_int(p.rc, -1, "CLI_MAX_OPTIONS options, all with values, fit");
}

int
main(void)
{
	test_options_from_the_entry();
	test_callback_stops();
	test_usage_errors();
	test_bare_entry();
	test_help();
	test_too_many_options();
	while (nkept > 0)
		free(kept[--nkept]);
	return tap_done();
}
