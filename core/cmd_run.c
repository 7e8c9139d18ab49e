/*
 * cmd_run.c -- `mingle run`: the main job, export to introductions.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assign.h"
#include "bounds.h"
#include "cli.h"
#include "outfile.h"
#include "output.h"
#include "session.h"
#include "util.h"

enum { OPT_REPORT = 256, OPT_SCHEDULE, OPT_PROGRESS };

struct run_opts {
	const char *output;
	const char *report;
	const char *schedule;
	int quiet;
	int progress;
};

static int
on_opt(void *ctx, int opt, const char *arg)
{
	struct run_opts *o = ctx;

	switch (opt) {
	case 'o':
		o->output = arg;
		break;
	case 'q':
		o->quiet = 1;
		break;
	case OPT_REPORT:
		o->report = arg;
		break;
	case OPT_SCHEDULE:
		o->schedule = arg;
		break;
	case OPT_PROGRESS:
		o->progress = 1;
		break;
	}
	return -1;
}

/* The files to write, all or none. */
struct outputs {
	struct outfile intros, report, schedule;
	const char *intros_path, *report_path, *schedule_path;
};

static int
check_targets(const struct session *s, const struct outputs *o,
    char **cause)
{
	const char *paths[3] = { o->intros_path, o->report_path,
	    o->schedule_path };
	size_t i;

	for (i = 0; i < 3; i++) {
		if (paths[i] == NULL || strcmp(paths[i], "-") == 0)
			continue;
		if (outfile_same_file(paths[i], s->config->input_file) ||
		    outfile_same_file(paths[i], s->config->path)) {
			*cause = xasprintf("refusing to write %s over the "
			    "file it reads; choose another output file",
			    paths[i]);
			return -1;
		}
	}
	return 0;
}

/* Write every file, then put them all in place together (see outfile.h):
 * a failure leaves every old file as it was. */
static int
write_all(struct session *s, const struct assignment *as,
    struct outputs *o, char **cause)
{
	struct outfile *const set[] = { &o->intros, &o->report,
	    &o->schedule };

	if (outfile_open(&o->intros, o->intros_path, cause) != 0)
		return -1;
	output_intros(o->intros.f, &s->engine, as);
	if (o->report_path != NULL) {
		if (outfile_open(&o->report, o->report_path, cause) != 0)
			goto fail;
		output_coverage(o->report.f, &s->t, as);
	}
	if (o->schedule_path != NULL) {
		if (outfile_open(&o->schedule, o->schedule_path, cause) != 0)
			goto fail;
		output_schedule(o->schedule.f, &s->t, as);
	}
	return outfile_commit_set(set, 3, cause);
fail:
	outfile_abort(&o->intros);
	outfile_abort(&o->report);
	outfile_abort(&o->schedule);
	return -1;
}

static void
summary(const struct session *s, const struct graph *g,
    const struct assignment *as, const struct outputs *o)
{
	const struct config_match *m = &s->config->match;
	size_t i, out = 0;

	for (i = 0; i < as->nshort; i++)
		out += as->short_of[i].why == SHORTFALL_OPTED_OUT;
	fprintf(stderr, "mingle: %zu attendees (%zu may be introduced), "
	    "%zu strateg%s, %zu candidate pairs\n", s->t.n,
	    s->t.nconsenting, s->nstrategies, s->nstrategies == 1 ? "y" :
	    "ies", g->nedges);
	fprintf(stderr, "mingle: %s: %zu introductions written to %s\n",
	    config_mode_name(m->mode), as->nintros,
	    o->intros_path && strcmp(o->intros_path, "-") ?
	    o->intros_path : "standard output");
	if (as->nshort > out)
		fprintf(stderr, "mingle: %zu attendees got fewer "
		    "introductions than wanted%s\n", as->nshort - out,
		    o->report_path ? "; see the report" :
		    " (--report FILE says who and why)");
	if (out > 0)
		fprintf(stderr, "mingle: %zu attendee%s opted out "
		    "(per_attendee_column '%s' is 0)\n", out,
		    out == 1 ? "" : "s", m->per_attendee_column);
	if (o->report_path != NULL)
		fprintf(stderr, "mingle: coverage report written to %s\n",
		    o->report_path);
	if (o->schedule_path != NULL)
		fprintf(stderr, "mingle: schedule written to %s\n",
		    o->schedule_path);
}

static int
cmd_run_exec(const struct cmd_entry *self, int argc, char **argv)
{
	struct run_opts ro = { 0 };
	struct session s;
	struct graph g;
	struct assignment as;
	struct outputs o;
	struct pair_oracle oracle;
	const char *config = NULL;
	char *cause = NULL;
	int rc, first;

	rc = cli_parse(self, argc, argv, &config, &ro, &first);
	if (rc >= 0)
		return rc;
	if (session_open(&s, config, SESSION_STRATEGIES, &cause) != 0)
		goto fail;

	memset(&o, 0, sizeof o);
	o.intros_path = ro.output ? ro.output : s.config->output_file;
	o.report_path = ro.report ? ro.report : s.config->report_file;
	o.schedule_path = ro.schedule ? ro.schedule : s.config->schedule_file;
	if (check_targets(&s, &o, &cause) != 0)
		goto fail_session;

	s.engine.progress = !ro.quiet && (ro.progress || isatty(2));
	if (engine_build_graph(&s.engine, &g, &cause) != 0)
		goto fail_session;
	if (bounds_apply(&s.engine, &g, &cause) != 0)
		goto fail_graph;
	oracle.pair = engine_pair_oracle;
	oracle.ctx = &s.engine;
	memset(&as, 0, sizeof as);
	if (s.engine.progress)
		fprintf(stderr, "mingle: choosing introductions (%s, %zu "
		    "candidate pairs)\n", config_mode_name(s.config->match.mode),
		    g.nedges);
	if (assign_run(&g, &s.config->match, &oracle, &as, &cause) != 0)
		goto fail_graph;
	if (write_all(&s, &as, &o, &cause) != 0)
		goto fail_assign;
	if (!ro.quiet)
		summary(&s, &g, &as, &o);
	assignment_free(&as);
	graph_free(&g);
	session_close(&s);
	return EXIT_OK;

fail_assign:
	assignment_free(&as);
fail_graph:
	graph_free(&g);
fail_session:
	session_close(&s);
fail:
	return cli_fail(cause);
}

static const struct cli_option cmd_run_options[] = {
	{ "output", 1, 'o' },
	{ "quiet", 0, 'q' },
	{ "report", 1, OPT_REPORT },
	{ "schedule", 1, OPT_SCHEDULE },
	{ "progress", 0, OPT_PROGRESS },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.usage = "-c CONFIG [-o FILE|-] [--report FILE] [--schedule FILE] "
	    "[-q] [--progress]",
	.summary = "score all pairs and write the suggested introductions",
	.help =
	    "Reads the export named in the config's [input], scores every pair "
	    "of\nattendees who may be introduced with the [strategy] sections, "
	    "chooses\nintroductions as [match] mode says and writes them as "
	    "CSV:\n"
	    "  a_id,a_name,b_id,b_name,score,reasons   (+ round,table where "
	    "they apply)\n"
	    "Files are written whole or not at all; on any error nothing is "
	    "written.\n\n"
	    "Options:\n"
	    "  -c, --config FILE   the event's INI config (required)\n"
	    "  -o, --output FILE   where the introductions go; - is standard "
	    "output\n"
	    "                      (default: [output] file, else standard "
	    "output)\n"
	    "      --report FILE   who got fewer introductions than wanted, "
	    "and why\n"
	    "      --schedule FILE one row per attendee and round: "
	    "round,table,id,name\n"
	    "  -q, --quiet         no summary on standard error\n"
	    "      --progress      progress on standard error even when it is "
	    "not a terminal\n"
	    "  -h, --help          this help\n\n"
	    "Example:\n"
	    "  mingle run -c examples/barcamp.ini -o introductions.csv\n",
	.options = cmd_run_options,
	.on_opt = on_opt,
	.config = CLI_CONFIG_REQUIRED,
	.exec = cmd_run_exec,
};
