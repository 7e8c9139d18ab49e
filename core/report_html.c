/*
 * report_html.c -- the HTML report of a run, section by section.  See
 * report_html.h.
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "mingle/plugin.h"
#include "report_html.h"
#include "svg.h"
#include "util.h"

/* Bars of the score histogram. */
#define SCORE_BINS	10

struct report {
	FILE *f;
	const struct mingle_config *c;
	struct engine *e;
	const struct attendee_table *t;
	const struct graph *g;
	const struct assignment *as;
	uint32_t *got;		/* introductions per attendee */
};

static const char style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"\"Helvetica Neue\",Arial,sans-serif;color:#1f2933;background:#fff;"
	"margin:0 auto;max-width:1100px;padding:24px 32px;line-height:1.45}\n"
	"h1{font-size:1.8em;margin:0 0 4px}h2{font-size:1.3em;margin:0 0 8px;"
	"border-bottom:2px solid #3b6ea5;padding-bottom:2px}"
	"h3{font-size:1.05em;margin:16px 0 4px}\n"
	".sub{color:#52606d;margin:0 0 20px}\n"
	"section{margin:0 0 28px}\n"
	".cards{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 12px}\n"
	".card{border:1px solid #cbd2d9;border-radius:6px;padding:8px 14px;"
	"min-width:120px}.card b{display:block;font-size:1.6em}"
	".card span{color:#52606d;font-size:.9em}\n"
	"table{border-collapse:collapse;margin:6px 0 10px}"
	"th,td{border:1px solid #cbd2d9;padding:3px 8px;text-align:left;"
	"vertical-align:top}th{background:#f0f4f8}td.n{text-align:right}\n"
	"svg{max-width:100%;height:auto;display:block;margin:6px 0}\n"
	".bar{fill:#3b6ea5}.grid{stroke:#e4e7eb}"
	".axis,.label,.value{font-size:11px;fill:#52606d}"
	".value{fill:#1f2933}\n"
	".edges line{stroke:#3b6ea5;stroke-opacity:.35;stroke-width:1}"
	".nodes circle{fill:#c05621}.nodes text{font-size:9px;fill:#1f2933}\n"
	".note{color:#52606d;font-size:.9em}\n"
	"footer{color:#7b8794;font-size:.8em;border-top:1px solid #e4e7eb;"
	"padding-top:6px}\n"
	"@media print{body{max-width:none;padding:0;font-size:10pt}"
	"section{break-inside:avoid-page}h2{break-after:avoid}"
	"tr{break-inside:avoid}svg{max-height:9cm;width:auto}"
	".edges line{stroke-opacity:.5}}\n";

/* ---------------------------------------------------------------- helpers */

static void
cell_text(FILE *f, const char *s)
{
	fputs("<td>", f);
	html_text(f, s);
	fputs("</td>", f);
}

static void
cell_count(FILE *f, size_t n)
{
	fprintf(f, "<td class=\"n\">%zu</td>", n);
}

/* A row of a table of numbers: WHAT (markup, not input) and N. */
static void
row_count(FILE *f, const char *what, size_t n)
{
	fprintf(f, "<tr><th>%s</th>", what);
	cell_count(f, n);
	fputs("</tr>\n", f);
}

static void
card(FILE *f, size_t n, const char *what)
{
	fprintf(f, "<div class=\"card\"><b>%zu</b><span>%s</span></div>\n",
	    n, what);
}

/* The last part of PATH. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* ---------------------------------------------------------------- numbers */

static void
numbers(struct report *r)
{
	const struct attendee_table *t = r->t;
	const struct roster *ro = &t->roster;
	FILE *f = r->f;
	size_t i;

	fputs("<section id=\"numbers\"><h2>The run in numbers</h2>\n"
	    "<div class=\"cards\">\n", f);
	card(f, t->n, "attendees");
	card(f, t->nconsenting, "may be introduced");
	card(f, r->as->nintros, "introductions");
	card(f, r->as->nshort, "short of what they wanted");
	fputs("</div>\n<table>\n", f);
	row_count(f, "rows in the export", t->csv->nrows);
	for (i = 0; i < ro->nfilters; i++) {
		fputs("<tr><th>dropped by ", f);
		fputs(ro->filters[i].exclude ? "exclude" : "include", f);
		fputs(" = ", f);
		html_text(f, ro->filters[i].spec);
		fputs(ro->filters[i].line == 0 ? " (the preset's)" : "", f);
		fputs("</th>", f);
		cell_count(f, ro->filters[i].dropped);
		fputs("</tr>\n", f);
	}
	if (ro->unassigned > 0)
		row_count(f, "dropped: tickets with neither name nor e-mail",
		    ro->unassigned);
	row_count(f, "merged duplicates (one person once)", ro->nmerges);
	row_count(f, "attendees", t->n);
	row_count(f, "did not agree to introductions",
	    t->n - t->nconsenting);
	row_count(f, "may be introduced", t->nconsenting);
	row_count(f, "candidate pairs kept (the best of each person's)",
	    r->g->nedges);
	row_count(f, "introductions", r->as->nintros);
	fputs("</table>\n</section>\n", f);
}

/* ---------------------------------------------------------------- coverage */

static void
coverage(struct report *r)
{
	const struct attendee_table *t = r->t;
	struct svg_bar bars[REPORT_HTML_BUCKETS + 1];
	size_t count[REPORT_HTML_BUCKETS + 1] = { 0 };
	char *label[REPORT_HTML_BUCKETS + 1], *tip[REPORT_HTML_BUCKETS + 1];
	size_t i, n = 1, k;
	FILE *f = r->f;

	for (i = 0; i < t->n; i++) {
		if (!t->consent[i])
			continue;
		k = r->got[i] < REPORT_HTML_BUCKETS ? r->got[i] :
		    REPORT_HTML_BUCKETS;
		count[k]++;
		if (k + 1 > n)
			n = k + 1;
	}
	for (k = 0; k < n; k++) {
		int last = k == REPORT_HTML_BUCKETS;

		label[k] = xasprintf("%zu%s", k, last ? "+" : "");
		tip[k] = xasprintf("%zu%s introduction%s: %zu %s", k,
		    last ? " or more" : "", k == 1 ? "" : "s", count[k],
		    count[k] == 1 ? "person" : "people");
		bars[k].label = label[k];
		bars[k].value = (double)count[k];
		bars[k].tip = tip[k];
	}
	fputs("<section id=\"coverage\"><h2>Introductions per person</h2>\n"
	    "<p>How many of the people who may be introduced got 0, 1, 2 "
	    "&#8230; introductions", f);
	if (r->c->match.mode == MATCH_SUGGESTIONS)
		fprintf(f, " (each wanted %ld)", r->c->match.per_attendee);
	fputs(".</p>\n", f);
	svg_bar_chart(f, "People by the number of introductions they got",
	    bars, n);
	fputs("<table class=\"coverage\"><tr><th>introductions</th>", f);
	for (k = 0; k < n; k++)
		fprintf(f, "<td class=\"n\">%s</td>", label[k]);
	fputs("</tr>\n<tr><th>people</th>", f);
	for (k = 0; k < n; k++)
		cell_count(f, count[k]);
	fputs("</tr></table>\n</section>\n", f);
	for (k = 0; k < n; k++) {
		free(label[k]);
		free(tip[k]);
	}
}

/* ---------------------------------------------------------------- scores */

static void
score_histogram(struct report *r)
{
	const struct assignment *as = r->as;
	struct svg_bar bars[SCORE_BINS];
	size_t count[SCORE_BINS] = { 0 }, i, k, n;
	double lo = 0, hi = 0, width;
	char *label[SCORE_BINS], *tip[SCORE_BINS];

	for (i = 0; i < as->nintros; i++) {
		double s = as->intros[i].score;

		if (i == 0 || s < lo)
			lo = s;
		if (i == 0 || s > hi)
			hi = s;
	}
	n = as->nintros == 0 ? 0 : hi > lo ? SCORE_BINS : 1;
	width = n > 1 ? (hi - lo) / SCORE_BINS : 0;
	for (i = 0; i < as->nintros && n > 0; i++) {
		k = width > 0 ? (size_t)((as->intros[i].score - lo) / width) :
		    0;
		count[k < n ? k : n - 1]++;
	}
	for (k = 0; k < n; k++) {
		label[k] = xasprintf("%.3g", lo + width * (double)k);
		tip[k] = xasprintf("score %.3f to %.3f: %zu introduction%s",
		    lo + width * (double)k, k + 1 == n ? hi :
		    lo + width * (double)(k + 1), count[k],
		    count[k] == 1 ? "" : "s");
		bars[k].label = label[k];
		bars[k].value = (double)count[k];
		bars[k].tip = tip[k];
	}
	fprintf(r->f, "<h3>Scores of the introductions</h3>\n<p>From %.3f "
	    "to %.3f; each bar counts the introductions whose score starts "
	    "at its label.</p>\n", lo, hi);
	svg_bar_chart(r->f, "Introductions by score", bars, n);
	for (k = 0; k < n; k++) {
		free(label[k]);
		free(tip[k]);
	}
}

/* Each strategy's weighted part of every introduction's score, summed,
 * as `mingle explain` shows it pair by pair. */
static int
strategy_shares(struct report *r, char **cause)
{
	struct engine *e = r->e;
	const struct assignment *as = r->as;
	struct pair_part *parts;
	struct svg_bar *bars;
	double *sum, all = 0, total;
	size_t *helped, i, k;
	int veto;
	FILE *f = r->f;

	parts = xcalloc(e->nstrategies + 1, sizeof *parts);
	sum = xcalloc(e->nstrategies + 1, sizeof *sum);
	helped = xcalloc(e->nstrategies + 1, sizeof *helped);
	bars = xcalloc(e->nstrategies + 1, sizeof *bars);
	for (i = 0; i < as->nintros; i++) {
		if (engine_score_pair(e, as->intros[i].a, as->intros[i].b,
		    &total, &veto, parts, cause) != 0)
			goto out;
		for (k = 0; k < e->nstrategies; k++) {
			sum[k] += parts[k].weighted;
			helped[k] += parts[k].weighted > 0;
		}
	}
	for (k = 0; k < e->nstrategies; k++)
		all += fabs(sum[k]);
	fputs("<h3>Each strategy's share</h3>\n<p>The weighted scores of "
	    "the introductions, summed strategy by strategy.</p>\n<table>"
	    "<tr><th>strategy</th><th>kind</th><th>weight</th>"
	    "<th>sum of its scores</th><th>share</th>"
	    "<th>introductions it scored</th></tr>\n", f);
	for (k = 0; k < e->nstrategies; k++) {
		const struct strategy *s = &e->strategies[k];
		double share = all > 0 ? 100 * sum[k] / all : 0;

		fputs("<tr>", f);
		cell_text(f, s->name);
		fputs("<td>", f);
		html_text(f, s->kind);
		fputs(" ", f);
		html_text(f, s->impl);
		fprintf(f, "</td><td class=\"n\">%g</td><td class=\"n\">%.3f"
		    "</td><td class=\"n\">%.1f%%</td>", s->weight, sum[k] + 0.0,
		    share + 0.0);
		cell_count(f, helped[k]);
		fputs("</tr>\n", f);
		bars[k].label = s->name;
		bars[k].value = round(share * 10) / 10;
		bars[k].tip = s->name;
	}
	fputs("</table>\n", f);
	svg_bar_chart(f, "Each strategy's share of the scores, in percent",
	    bars, e->nstrategies);
	free(bars);
	free(helped);
	free(sum);
	free(parts);
	return 0;
out:
	free(bars);
	free(helped);
	free(sum);
	free(parts);
	return -1;
}

static int
scores(struct report *r, char **cause)
{
	fputs("<section id=\"scores\"><h2>Scores</h2>\n", r->f);
	score_histogram(r);
	if (strategy_shares(r, cause) != 0)
		return -1;
	fputs("</section>\n", r->f);
	return 0;
}

/* ---------------------------------------------------------------- buddy */

/* The strategy called buddy (by its section or its implementation), in
 * the config, or NULL. */
static const struct config_strategy *
buddy_strategy(struct report *r)
{
	const struct engine *e = r->e;
	size_t k, i;

	for (k = 0; k < e->nstrategies; k++) {
		if (strcmp(e->strategies[k].name, "buddy") != 0 &&
		    strcmp(e->strategies[k].impl, "buddy") != 0)
			continue;
		for (i = 0; i < r->c->nstrategies; i++)
			if (strcmp(r->c->strategies[i].name,
			    e->strategies[k].name) == 0)
				return &r->c->strategies[i];
	}
	return NULL;
}

/*
 * Who is a newcomer (1), a veteran (0) or unknown (-1), by the buddy
 * strategy's field: a bool (yes = newcomer), or a number of events with
 * newcomer_below = N.  A new array, or NULL with a note in *WHY.
 */
static signed char *
buddy_classes(struct report *r, const struct config_strategy *cs,
    char **why)
{
	const struct attendee_table *t = r->t;
	const char *name = config_strategy_option(cs, "field");
	const char *below = config_strategy_option(cs, "newcomer_below");
	const struct field *fd;
	signed char *cls;
	double limit = 0;
	size_t i;

	fd = name != NULL ? attendees_field(t, name) : NULL;
	if (fd == NULL) {
		*why = xstrdup("its field option names no field");
		return NULL;
	}
	if (fd->type == MINGLE_FIELD_NUMBER &&
	    (below == NULL || parse_double(below, &limit) != 0)) {
		*why = xstrdup("its field is a number but newcomer_below "
		    "is not");
		return NULL;
	}
	if (fd->type != MINGLE_FIELD_NUMBER && fd->type != MINGLE_FIELD_BOOL) {
		*why = xstrdup("its field is neither a bool nor a number");
		return NULL;
	}
	cls = xcalloc(t->n + 1, 1);
	for (i = 0; i < t->n; i++) {
		if (fd->type == MINGLE_FIELD_BOOL)
			cls[i] = fd->boolean[i];
		else
			cls[i] = fd->has_number[i] ? fd->number[i] < limit : -1;
	}
	return cls;
}

static void
buddy_mix(struct report *r)
{
	const struct config_strategy *cs = buddy_strategy(r);
	const struct attendee_table *t = r->t;
	const struct assignment *as = r->as;
	size_t who[3] = { 0 }, kinds[4] = { 0 }, met = 0, i;
	unsigned char *meets_veteran;
	signed char *cls;
	char *why = NULL;
	FILE *f = r->f;

	if (cs == NULL)
		return;
	fputs("<section id=\"buddy\"><h2>Newcomers and veterans</h2>\n", f);
	if ((cls = buddy_classes(r, cs, &why)) == NULL) {
		fputs("<p class=\"note\">Not shown: ", f);
		html_text(f, why);
		fputs(".</p>\n</section>\n", f);
		free(why);
		return;
	}
	meets_veteran = xcalloc(t->n + 1, 1);
	for (i = 0; i < as->nintros; i++) {
		int x = cls[as->intros[i].a], y = cls[as->intros[i].b];

		if (x < 0 || y < 0)
			kinds[3]++;
		else
			kinds[x + y]++;
		if (x == 1 && y == 0)
			meets_veteran[as->intros[i].a] = 1;
		if (y == 1 && x == 0)
			meets_veteran[as->intros[i].b] = 1;
	}
	for (i = 0; i < t->n; i++) {
		if (!t->consent[i])
			continue;
		who[cls[i] + 1]++;
		met += meets_veteran[i];
	}
	fputs("<p>As the strategy <b>", f);
	html_text(f, cs->name);
	fputs("</b> tells them apart, among the people who may be "
	    "introduced.</p>\n<table>\n", f);
	row_count(f, "newcomers", who[2]);
	row_count(f, "veterans", who[1]);
	row_count(f, "not known", who[0]);
	row_count(f, "newcomers who meet a veteran", met);
	row_count(f, "newcomers who meet none", who[2] - met);
	row_count(f, "introductions newcomer &#8211; veteran", kinds[1]);
	row_count(f, "introductions newcomer &#8211; newcomer", kinds[2]);
	row_count(f, "introductions veteran &#8211; veteran", kinds[0]);
	row_count(f, "introductions with someone not known", kinds[3]);
	fputs("</table>\n</section>\n", f);
	free(meets_veteran);
	free(cls);
}

/* ---------------------------------------------------------------- network */

static void
network(struct report *r)
{
	const struct attendee_table *t = r->t;
	const struct assignment *as = r->as;
	struct svg_graph g = { 0 };
	uint32_t *node, *edges;
	const char **labels;
	size_t i, n = 0;
	FILE *f = r->f;

	node = xcalloc(t->n + 1, sizeof *node);
	labels = xcalloc(t->n + 1, sizeof *labels);
	for (i = 0; i < t->n; i++) {
		if (r->got[i] == 0)
			continue;
		labels[n] = t->name[i][0] != '\0' ? t->name[i] : t->id[i];
		node[i] = (uint32_t)n++;
	}
	edges = xcalloc(2 * as->nintros + 1, sizeof *edges);
	for (i = 0; i < as->nintros; i++) {
		edges[2 * i] = node[as->intros[i].a];
		edges[2 * i + 1] = node[as->intros[i].b];
	}
	g.labels = labels;
	g.n = n;
	g.edges = edges;
	g.nedges = as->nintros;
	g.max_nodes = REPORT_HTML_NETWORK;
	g.max_labels = REPORT_HTML_LABELS;
	fputs("<section id=\"network\"><h2>Who meets whom</h2>\n<p>Everyone "
	    "with an introduction, on a circle; a line is an introduction."
	    "</p>\n", f);
	svg_network(f, "The introductions as a network", &g);
	if (g.drawn_nodes < n)
		fprintf(f, "<p class=\"note\">Showing %zu of %zu people: "
		    "those reached first through introductions from the "
		    "first in the export, and the %zu introductions among "
		    "them, of %zu.</p>\n", g.drawn_nodes, n, g.drawn_edges,
		    as->nintros);
	fputs("</section>\n", f);
	free(edges);
	free(labels);
	free(node);
}

/* ---------------------------------------------------------------- short */

/* What each shortfall means, for an organizer. */
static const char *
short_meaning(enum shortfall why)
{
	switch (why) {
	case SHORTFALL_NO_PARTNER:
		return "too few partners score above min_score with them";
	case SHORTFALL_ALL_VETOED:
		return "a strategy vetoed their possible partners";
	case SHORTFALL_CAPACITY:
		return "their partners were already full";
	case SHORTFALL_LEFT_OUT:
		return "no seat at a table (the odd one out)";
	default:
		return "";
	}
}

static void
short_list(struct report *r)
{
	const struct attendee_table *t = r->t;
	const struct assignment *as = r->as;
	size_t i;
	FILE *f = r->f;

	fputs("<section id=\"short\"><h2>Who is short, and why</h2>\n", f);
	if (as->nshort == 0) {
		fputs("<p>Nobody is short.</p>\n"
		    "</section>\n", f);
		return;
	}
	fprintf(f, "<p>%zu %s got fewer introductions than wanted.", as->nshort,
	    as->nshort == 1 ? "person" : "people");
	if (as->nshort > REPORT_HTML_SHORT)
		fprintf(f, " The first %d are listed; the coverage report "
		    "(--report FILE) lists them all.", REPORT_HTML_SHORT);
	fputs("</p>\n<table><tr><th>id</th><th>name</th><th>got</th>"
	    "<th>wanted</th><th>why</th><th>what it means</th></tr>\n", f);
	for (i = 0; i < as->nshort && i < REPORT_HTML_SHORT; i++) {
		const struct coverage *c = &as->short_of[i];

		fputs("<tr>", f);
		cell_text(f, t->id[c->attendee]);
		cell_text(f, t->name[c->attendee]);
		cell_count(f, c->got);
		cell_count(f, c->wanted);
		cell_text(f, assignment_shortfall_name(c->why));
		cell_text(f, short_meaning(c->why));
		fputs("</tr>\n", f);
	}
	fputs("</table>\n</section>\n", f);
}

/* ---------------------------------------------------------------- seating */

/* One table of a round: its number and the N people at SEATS. */
static void
seat_row(FILE *f, const struct attendee_table *t, const struct seat *seats,
    size_t n)
{
	size_t i;

	if (seats[0].table > 0)
		fprintf(f, "<tr><td class=\"n\">%d</td><td>", seats[0].table);
	else
		fputs("<tr><td>no table</td><td>", f);
	for (i = 0; i < n; i++) {
		uint32_t a = seats[i].attendee;

		fputs(i > 0 ? ", " : "", f);
		html_text(f, t->name[a][0] != '\0' ? t->name[a] : t->id[a]);
	}
	fputs("</td></tr>\n", f);
}

static void
seating(struct report *r)
{
	const struct assignment *as = r->as;
	const struct seat *s;
	size_t i, j, shown = 0, all = 0;
	int round = 0;
	FILE *f = r->f;

	if (!as->has_tables || as->nseats == 0)
		return;
	fputs("<section id=\"seating\"><h2>Seating plan</h2>\n", f);
	for (i = 0; i < as->nseats; i = j) {
		s = &as->seats[i];
		for (j = i + 1; j < as->nseats && as->seats[j].round ==
		    s->round && as->seats[j].table == s->table; j++)
			/* nothing */;
		all++;
		if (shown == REPORT_HTML_TABLES)
			continue;
		if (s->round != round) {
			fputs(round != 0 ? "</table>\n" : "", f);
			if (as->has_rounds)
				fprintf(f, "<h3>Round %d</h3>\n", s->round);
			fputs("<table><tr><th>table</th><th>who sits there"
			    "</th></tr>\n", f);
			round = s->round;
		}
		seat_row(f, r->t, s, j - i);
		shown++;
	}
	fputs("</table>\n", f);
	if (all > shown)
		fprintf(f, "<p class=\"note\">The first %zu of %zu tables; "
		    "the schedule (--schedule FILE) has every seat.</p>\n",
		    shown, all);
	fputs("</section>\n", f);
}

/* ---------------------------------------------------------------- page */

static void
page_head(struct report *r)
{
	const char *input = base_name(r->t->source);
	FILE *f = r->f;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
	    "charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width="
	    "device-width, initial-scale=1\">\n<title>mingle report: ", f);
	html_text(f, input);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<h1>Introductions report</h1>\n<p class=\"sub\">", style);
	html_text(f, input);
	fprintf(f, " &#183; mode %s &#183; seed %lu</p>\n",
	    config_mode_name(r->c->match.mode), r->c->match.seed);
}

int
report_html_write(FILE *f, const struct mingle_config *c, struct engine *e,
    const struct graph *g, const struct assignment *as, char **cause)
{
	struct report r = { f, c, e, e->t, g, as, NULL };
	size_t i;
	int rc;

	r.got = xcalloc(e->t->n + 1, sizeof *r.got);
	for (i = 0; i < as->nintros; i++) {
		r.got[as->intros[i].a]++;
		r.got[as->intros[i].b]++;
	}
	page_head(&r);
	numbers(&r);
	coverage(&r);
	rc = scores(&r, cause);
	if (rc == 0) {
		buddy_mix(&r);
		network(&r);
		short_list(&r);
		seating(&r);
		fprintf(f, "<footer>Written by mingle %s.</footer>\n"
		    "</body>\n</html>\n", PACKAGE_VERSION);
	}
	free(r.got);
	return rc;
}
