/*
 * cmd_run.c -- `mingle run`: the main job, export to introductions.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assign.h"
#include "availability.h"
#include "bounds.h"
#include "candidates.h"
#include "cli.h"
#include "keep.h"
#include "outfile.h"
#include "output.h"
#include "output_meetings.h"
#include "output_set.h"
#include "report_html.h"
#include "session.h"
#include "topup.h"
#include "util.h"

enum {
	OPT_REPORT = 256, OPT_SCHEDULE, OPT_PROGRESS, OPT_PER_PERSON,
	OPT_TABLES, OPT_HTML, OPT_THREADS, OPT_KEEP, OPT_PER_PERSON_NEW
};

extern const struct cmd_entry cmd_run_entry;

/* From this many attendees, a Lua rule without max_score gets a note. */
#define RUN_MANY_ATTENDEES	2000

struct run_opts {
	const char *output;
	const char *report;
	const char *schedule;
	const char *per_person;
	const char *tables;
	const char *html;
	const char *keep;	/* --keep FILE: introductions already sent */
	int per_person_new;
	int quiet;
	int progress;
	long threads;		/* --threads N; 0: auto or not given */
	int threads_set;
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
	case OPT_PER_PERSON:
		o->per_person = arg;
		break;
	case OPT_TABLES:
		o->tables = arg;
		break;
	case OPT_HTML:
		o->html = arg;
		break;
	case OPT_KEEP:
		o->keep = arg;
		break;
	case OPT_PER_PERSON_NEW:
		o->per_person_new = 1;
		break;
	case OPT_THREADS:
		o->threads_set = 1;
		if (strcmp(arg, "auto") == 0)
			o->threads = 0;
		else if (parse_long(arg, &o->threads) != 0 ||
		    o->threads < 1 || o->threads > 256)
			return cli_usage(&cmd_run_entry, "--threads must be auto "
			    "or a whole number from 1 to 256, not '%s'", arg);
		break;
	}
	return -1;
}

static int
check_targets(const struct session *s, const struct output_paths *o,
    char **cause)
{
	const char *paths[6] = { o->intros, o->report, o->schedule,
	    o->per_person, o->tables, o->extra };
	size_t i;

	for (i = 0; i < 6; i++) {
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

/* --schedule and --tables seat people: suggestions seat nobody, and
 * meetings have their tables in the schedule. */
static int
check_mode(const struct session *s, const struct run_opts *ro, char **cause)
{
	const char *opt = ro->schedule ? "--schedule" : "--tables";
	enum match_mode mode = s->config->match.mode;

	if (mode == MATCH_MEETINGS && ro->tables != NULL) {
		*cause = xasprintf("--tables: mode = meetings seats nobody at "
		    "shared tables, so there is no table roster to write; "
		    "--schedule gives each meeting's slot and table, or drop "
		    "--tables");
		return -1;
	}
	if (mode != MATCH_SUGGESTIONS ||
	    (ro->schedule == NULL && ro->tables == NULL))
		return 0;
	*cause = xasprintf("%s: mode = suggestions seats nobody, so there "
	    "is no %s to write; set mode = pairs, groups or rounds%s in %s, "
	    "or drop %s", opt, ro->schedule ? "schedule" : "table",
	    ro->schedule ? " (or meetings)" : "", s->config->path, opt);
	return -1;
}

/* --keep pins what was sent: not in rounds, which seat everyone anew
 * each round; --per-person-new needs it and a per-person file. */
static int
check_keep(const struct session *s, const struct run_opts *ro,
    const struct output_paths *o, char **cause)
{
	if (ro->keep != NULL && s->config->match.mode == MATCH_ROUNDS) {
		*cause = xasprintf("--keep: mode = rounds seats everyone anew "
		    "each round, so introductions already sent cannot stay; "
		    "use --keep with mode = suggestions, meetings, pairs or "
		    "groups, or drop it");
		return -1;
	}
	if (ro->per_person_new && ro->keep == NULL) {
		*cause = xasprintf("--per-person-new: without --keep FILE "
		    "every introduction is new; give --keep or drop "
		    "--per-person-new");
		return -1;
	}
	if (ro->per_person_new && o->per_person == NULL) {
		*cause = xasprintf("--per-person-new: there is no per-person "
		    "file to limit; give --per-person FILE or set [output] "
		    "per_person in %s", s->config->path);
		return -1;
	}
	return 0;
}

/* The HTML report's writer for output_set (CTX: struct html_ctx). */
struct html_ctx {
	struct session *s;
	const struct graph *g;
	const struct assignment *as;
};

static int
write_html(FILE *f, void *ctx, char **cause)
{
	struct html_ctx *h = ctx;

	return report_html_write(f, h->s->config, &h->s->engine, h->g, h->as,
	    cause);
}

/* Write every file, then put them all in place together (see outfile.h):
 * a failure leaves every old file as it was. */
static int
write_all(struct session *s, const struct graph *g,
    const struct assignment *as, const struct keep *k, int new_only,
    struct output_paths *o, char **cause)
{
	struct html_ctx h = { s, g, as };
	struct output_columns oc;
	struct output_source src;
	int rc;

	o->write_extra = write_html;
	o->extra_ctx = &h;

	if (output_columns_resolve(&oc, &s->t, s->config, cause) != 0)
		return -1;
	output_source_init(&src, &s->engine, &s->t, as, &oc);
	if (k != NULL) {
		src.kept = &k->kept;
		src.new_only = new_only;
	}
	rc = output_set_write(&src, o, s->config->output_dialect, cause);
	output_source_free(&src);
	output_columns_free(&oc);
	return rc;
}

/* best_effort: each vetoed pair seated together, and why it is vetoed,
 * on stderr even with -q. */
static void
report_vetoed(struct session *s, const struct assignment *as)
{
	const struct intro *in;
	char why[512];
	size_t i;

	if (as->nvetoed == 0)
		return;
	fprintf(stderr, "mingle: best effort: %zu vetoed pair%s seated "
	    "together (the fewest %s):\n", as->nvetoed,
	    as->nvetoed == 1 ? "" : "s",
	    as->vetoed_fewest ? "possible" : "found");
	for (i = 0; i < as->nvetoed; i++) {
		in = &as->vetoed[i];
		engine_veto_reason(&s->engine, in->a, in->b, why, sizeof why);
		fprintf(stderr, "mingle:   ");
		if (as->has_rounds)
			fprintf(stderr, "round %d, ", (int)in->round);
		fprintf(stderr, "table %d: %s (%s) and %s (%s)%s%s\n",
		    (int)in->table, s->t.id[in->a], s->t.name[in->a],
		    s->t.id[in->b], s->t.name[in->b], why[0] ? ": " : "", why);
	}
}

static void
summary(const struct session *s, const struct graph *g,
    const struct assignment *as, const struct keep *k,
    const struct output_paths *o)
{
	const struct config_match *m = &s->config->match;
	size_t i, out = 0, fresh = 0;

	for (i = 0; k != NULL && i < as->nintros; i++)
		fresh += pairmap_find(&k->kept, as->intros[i].a,
		    as->intros[i].b) == NULL;
	for (i = 0; i < as->nshort; i++)
		out += as->short_of[i].why == SHORTFALL_OPTED_OUT;
	fprintf(stderr, "mingle: %zu attendees (%zu may be introduced), "
	    "%zu strateg%s, %zu candidate pairs\n", s->t.n,
	    s->t.nconsenting, s->nstrategies, s->nstrategies == 1 ? "y" :
	    "ies", g->nedges);
	fprintf(stderr, "mingle: %s: %zu introductions written to %s\n",
	    config_mode_name(m->mode), as->nintros,
	    o->intros && strcmp(o->intros, "-") ?
	    o->intros : "standard output");
	if (k != NULL)
		fprintf(stderr, "mingle: --keep: %zu introduction%s kept, "
		    "%zu new\n", k->npins, k->npins == 1 ? "" : "s",
		    fresh);
	if (as->rounds_bound > 0)
		fprintf(stderr, "mingle: rounds = max: %d round%s found; "
		    "counting allows at most %u\n", as->nseats > 0 ?
		    as->seats[as->nseats - 1].round : 0, as->nseats > 0 &&
		    as->seats[as->nseats - 1].round == 1 ? "" : "s",
		    as->rounds_bound);
	if (as->has_slots)
		output_meetings_summary(stderr, &s->t, as,
		    (uint32_t)m->slots);
	if (as->nshort > out)
		fprintf(stderr, "mingle: %zu attendee%s got fewer "
		    "introductions than wanted%s\n", as->nshort - out,
		    as->nshort - out == 1 ? "" : "s",
		    o->report ? "; see the report" :
		    " (--report FILE says who and why)");
	if (out > 0)
		fprintf(stderr, "mingle: %zu attendee%s opted out "
		    "(per_attendee_column '%s' is 0)\n", out,
		    out == 1 ? "" : "s", m->per_attendee_column);
	if (o->report != NULL)
		fprintf(stderr, "mingle: coverage report written to %s\n",
		    o->report);
	if (o->schedule != NULL)
		fprintf(stderr, "mingle: schedule written to %s\n",
		    o->schedule);
	if (o->per_person != NULL)
		fprintf(stderr, "mingle: per-person file written to %s\n",
		    o->per_person);
	if (o->tables != NULL)
		fprintf(stderr, "mingle: tables written to %s\n", o->tables);
	if (o->extra != NULL)
		fprintf(stderr, "mingle: HTML report written to %s\n",
		    o->extra);
}

/*
 * Lua rules without max_score keep the candidate stage off: every pair is
 * scored, with many attendees most of the run.  Say so once, if declaring
 * it would let the stage run.
 */
static void
note_max_score(const struct session *s)
{
	const struct engine *e = &s->engine;
	struct strbuf names = { 0 };
	struct strategy *as_if;
	size_t k, n = 0;

	if (s->t.n < RUN_MANY_ATTENDEES)
		return;
	as_if = xcalloc(e->nstrategies + 1, sizeof *as_if);
	if (e->nstrategies > 0)
		memcpy(as_if, e->strategies, e->nstrategies * sizeof *as_if);
	for (k = 0; k < e->nstrategies; k++) {
		if (strcmp(as_if[k].kind, "lua") != 0 || as_if[k].lists ||
		    !as_if[k].never_vetoes)
			continue;
		as_if[k].lists = as_if[k].lists_nobody = 1;
		strbuf_printf(&names, "%s%s (%s)", n++ ? ", " : "",
		    as_if[k].name, as_if[k].impl);
	}
	if (n > 0 && candidates_usable(as_if, e->nstrategies, e->match,
	    e->t->n))
		fprintf(stderr, "mingle: note: strateg%s %s declare%s no "
		    "max_score, so all %zu attendees' pairs are scored; a Lua "
		    "rule that declares the most its score returns is asked "
		    "only about likely partners (docs/lua.md, max_score)\n",
		    n == 1 ? "y" : "ies", names.buf, n == 1 ? "s" : "",
		    s->t.n);
	strbuf_free(&names);
	free(as_if);
}

/*
 * Suggestions that left two or more attendees below their floor: score
 * those among themselves, add the pairs to G and assign again (topup.h),
 * each pass from whom the last left short, at most TOPUP_PASSES times,
 * and TOPUP_STALL passes in a row that leave no fewer short end it: the
 * search is not sure to do better on more edges, but the next pass can.
 * AS becomes the assignment that left the fewest short; returns 0, or
 * nonzero with *cause set.
 */
#define TOPUP_PASSES	6
#define TOPUP_STALL	2

static int
topup(struct session *s, struct graph *g, const struct pair_oracle *oracle,
    struct assignment *as, char **cause)
{
	const struct config_match *m = &s->config->match;
	struct assignment cur, *last = as;
	unsigned char *among;
	size_t n, fewest, added, pass, stall = 0;
	int rc = 0;

	if (m->mode != MATCH_SUGGESTIONS)
		return 0;
	memset(&cur, 0, sizeof cur);
	fewest = n = topup_short(g, m, as, &among);
	for (pass = 0; n >= 2 && pass < TOPUP_PASSES &&
	    stall < TOPUP_STALL; pass++) {
		if (s->engine.progress)
			fprintf(stderr, "mingle: %zu attendees short: scoring "
			    "them among themselves\n", n);
		rc = topup_graph(&s->engine, g, last, among, &added, cause);
		free(among);
		among = NULL;
		if (rc != 0 || added == 0)
			break;
		if (last == &cur)
			assignment_free(&cur);
		memset(&cur, 0, sizeof cur);
		last = &cur;
		if ((rc = assign_run(g, m, oracle, &cur, cause)) != 0)
			break;
		n = topup_short(g, m, &cur, &among);
		if (n < fewest) {
			assignment_free(as);
			*as = cur;
			last = as;
			memset(&cur, 0, sizeof cur);
			fewest = n;
			stall = 0;
		} else
			stall++;
	}
	assignment_free(&cur);
	free(among);
	return rc;
}

static int
cmd_run_exec(const struct cmd_entry *self, int argc, char **argv)
{
	struct run_opts ro = { 0 };
	struct session s;
	struct graph g;
	struct assignment as;
	struct output_paths o;
	struct pair_oracle oracle;
	struct keep keep;
	const char *config = NULL;
	char *cause = NULL;
	int rc, first, progress;

	rc = cli_parse(self, argc, argv, &config, &ro, &first);
	if (rc >= 0)
		return rc;
	memset(&keep, 0, sizeof keep);
	progress = !ro.quiet && (ro.progress || isatty(2));
	if (session_open(&s, config, SESSION_STRATEGIES, progress,
	    &cause) != 0)
		goto fail;

	memset(&o, 0, sizeof o);
	o.intros = ro.output ? ro.output : s.config->output_file;
	o.report = ro.report ? ro.report : s.config->report_file;
	o.schedule = ro.schedule ? ro.schedule : s.config->schedule_file;
	o.per_person = ro.per_person ? ro.per_person :
	    s.config->per_person_file;
	o.tables = ro.tables ? ro.tables : s.config->tables_file;
	o.extra = ro.html ? ro.html : s.config->html_file;
	if (check_mode(&s, &ro, &cause) != 0 ||
	    check_keep(&s, &ro, &o, &cause) != 0 ||
	    check_targets(&s, &o, &cause) != 0)
		goto fail_session;

	s.engine.progress = progress;
	if (ro.threads_set)
		s.engine.threads = engine_threads(ro.threads, SIZE_MAX);
	if (!ro.quiet)
		note_max_score(&s);
	if (engine_build_graph(&s.engine, &g, &cause) != 0)
		goto fail_session;
	if (ro.keep != NULL) {
		if (keep_load(&keep, ro.keep, &s.engine, &g, &cause) != 0)
			goto fail_graph;
		s.engine.kept = keep.pins;
		s.engine.nkept = keep.npins;
	}
	if (bounds_apply(&s.engine, &g, &cause) != 0 ||
	    availability_build(&s.t, s.config, &g.free_slots, &g.slot_words,
	    &cause) != 0)
		goto fail_graph;
	oracle.pair = engine_pair_oracle;
	oracle.ctx = &s.engine;
	oracle.veto_reason = engine_veto_reason;
	oracle.label = engine_label;
	oracle.veto = engine_pair_veto;
	memset(&as, 0, sizeof as);
	if (s.engine.progress)
		fprintf(stderr, "mingle: choosing introductions (%s, %zu "
		    "candidate pairs)\n", config_mode_name(s.config->match.mode),
		    g.nedges);
	if (assign_run(&g, &s.config->match, &oracle, &as, &cause) != 0)
		goto fail_graph;
	if (topup(&s, &g, &oracle, &as, &cause) != 0)
		goto fail_assign;
	if (write_all(&s, &g, &as, ro.keep ? &keep : NULL, ro.per_person_new,
	    &o, &cause) != 0)
		goto fail_assign;
	keep_report(stderr, &keep);
	report_vetoed(&s, &as);
	if (!ro.quiet)
		summary(&s, &g, &as, ro.keep ? &keep : NULL, &o);
	keep_free(&keep);
	assignment_free(&as);
	graph_free(&g);
	session_close(&s);
	return EXIT_OK;

fail_assign:
	assignment_free(&as);
fail_graph:
	keep_free(&keep);
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
	{ "per-person", 1, OPT_PER_PERSON },
	{ "tables", 1, OPT_TABLES },
	{ "html", 1, OPT_HTML },
	{ "threads", 1, OPT_THREADS },
	{ "keep", 1, OPT_KEEP },
	{ "per-person-new", 0, OPT_PER_PERSON_NEW },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.usage = "-c CONFIG [-o FILE|-] [--report FILE] [--schedule FILE] "
	    "[--per-person FILE] [--tables FILE] [--html FILE] [-q] "
	    "[--progress] [--threads N] [--keep FILE [--per-person-new]]",
	.summary = "score all pairs and write the suggested introductions",
	.help =
	    "Reads the export named in the config's [input], scores every pair "
	    "of\nattendees who may be introduced with the [strategy] sections, "
	    "chooses\nintroductions as [match] mode says and writes them as "
	    "CSV:\n"
	    "  a_id,a_name,b_id,b_name,score,reasons   (+ round,table where "
	    "they apply;\n"
	    "                                          slot,table for "
	    "meetings)\n"
	    "A file named *.xlsx is a workbook instead (the introductions' "
	    "holds every\nsheet); [output] dialect = excel writes CSV for "
	    "spreadsheets.\n"
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
	    "                      (meetings: one per attendee and meeting, "
	    "slot,table,\n"
	    "                      id,name,with_id,with_name)\n"
	    "      --per-person FILE  one row per attendee with all their "
	    "partners\n"
	    "                      (id,name,introductions,partner_1_id,...)\n"
	    "      --tables FILE   one row per table and round: who sits "
	    "there\n"
	    "      --html FILE     a report to look at: one self-contained "
	    "HTML page\n"
	    "      --keep FILE     introductions already sent (an earlier "
	    "run's CSV): they\n"
	    "                      stay and count against capacity; those "
	    "no longer\n"
	    "                      possible are dropped and listed; the "
	    "output gains\n"
	    "                      a new column (yes/no)\n"
	    "      --per-person-new  the per-person file only for people "
	    "with something\n"
	    "                      new (with --keep)\n"
	    "  -q, --quiet         no summary or progress on standard error\n"
	    "      --progress      how far each long phase is (reading and "
	    "preparing,\n"
	    "                      scoring, the graph, the mode's search, the "
	    "reasons),\n"
	    "                      on standard error even when it is not a "
	    "terminal\n"
	    "      --threads N     score pairs in N threads, or auto (one per "
	    "processor);\n"
	    "                      the output is the same for any N (default: "
	    "[match] threads)\n"
	    "  -h, --help          this help\n\n"
	    "Example:\n"
	    "  mingle run -c examples/barcamp.ini -o introductions.csv\n",
	.options = cmd_run_options,
	.on_opt = on_opt,
	.config = CLI_CONFIG_REQUIRED,
	.exec = cmd_run_exec,
};
