/*
 * cmd_explain.c -- `mingle explain`: why one pair scores as it does.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "availability.h"
#include "bounds.h"
#include "cli.h"
#include "normalize.h"
#include "session.h"
#include "util.h"

/* How many candidates an ambiguous name lists. */
#define EXPLAIN_CANDIDATES 10

/* S folded for matching (normalize_loose); "" if it is not UTF-8. */
static char *
fold(const char *s)
{
	char *f = normalize_loose(s, strlen(s));

	return f != NULL ? f : xstrdup("");
}

/* Does WANT start a word of HAVE (both folded)? */
static int
starts_word(const char *have, const char *want)
{
	size_t len = strlen(want);
	const char *p;

	if (len == 0)
		return 0;
	for (p = have; p != NULL; p = strchr(p, ' ')) {
		p += *p == ' ';
		if (strncmp(p, want, len) == 0)
			return 1;
	}
	return 0;
}

/*
 * The attendees WANT (folded) names, into MATCHES (room for t->n): those
 * whose id or name folds to it, else those with a word of the name or id
 * that starts with it.  Returns how many.
 */
static size_t
matching(const struct attendee_table *t, const char *want, long *matches)
{
	size_t i, n = 0, pass;
	char *id, *name;
	int hit;

	for (pass = 0; pass < 2 && n == 0; pass++) {
		for (i = 0; i < t->n; i++) {
			id = fold(t->id[i]);
			name = fold(t->name[i]);
			if (pass == 0)
				hit = strcmp(id, want) == 0 ||
				    strcmp(name, want) == 0;
			else
				hit = starts_word(name, want) ||
				    starts_word(id, want);
			if (hit)
				matches[n++] = (long)i;
			free(id);
			free(name);
		}
	}
	return n;
}

/*
 * The attendee WHO is: the id as written, else the one match of the
 * folded id or name (see matching()).  -1 with *cause listing the
 * candidates, or naming the closest id or name.
 */
static long
find(const struct attendee_table *t, const char *who, char **cause)
{
	struct strbuf sb = { NULL, 0, 0 };
	const char **all, *best;
	long i = attendees_find(t, who), *matches;
	char *want;
	size_t n, k;

	if (i >= 0)
		return i;
	want = fold(who);
	matches = xcalloc(t->n + 1, sizeof *matches);
	n = matching(t, want, matches);
	free(want);
	i = n == 1 ? matches[0] : -1;
	if (n > 1) {
		strbuf_printf(&sb, "'%s' matches %zu attendees: ", who, n);
		for (k = 0; k < n && k < EXPLAIN_CANDIDATES; k++)
			strbuf_printf(&sb, "%s%s (%s)", k ? ", " : "",
			    t->id[matches[k]], t->name[matches[k]]);
		if (n > k)
			strbuf_printf(&sb, ", and %zu more", n - k);
		strbuf_puts(&sb, "; name one by its id");
		*cause = strbuf_detach(&sb);
	} else if (n == 0) {
		all = xcalloc(2 * t->n + 1, sizeof *all);
		for (k = 0; k < t->n; k++) {
			all[2 * k] = t->id[k];
			all[2 * k + 1] = t->name[k];
		}
		best = closest_match(who, all, 2 * t->n);
		*cause = xasprintf("no attendee with id or name '%s' in %s%s%s%s",
		    who, t->source, best ? "; did you mean '" : "",
		    best ? best : "", best ? "'?" : "");
		free(all);
	}
	free(matches);
	return i;
}

static void
print_pair(struct session *s, uint32_t a, uint32_t b,
    const struct pair_part *parts, double total, int veto)
{
	const struct attendee_table *t = &s->t;
	size_t k;

	printf("%s (%s) and %s (%s)\n\n", t->id[a], t->name[a], t->id[b],
	    t->name[b]);
	printf("%-16s %-7s %9s %9s %7s %9s  %-4s %s\n", "strategy", "kind",
	    "a->b", "b->a", "weight", "weighted", "veto", "reason");
	for (k = 0; k < s->nstrategies; k++) {
		const struct strategy *st = &s->strategies[k];
		const struct pair_part *p = &parts[k];

		printf("%-16s %-7s %9.3f %9.3f %7g %9.3f  %-4s %s\n",
		    st->name, st->kind, p->forward, p->backward, st->weight,
		    p->weighted, p->veto ? "yes" : "no", p->reason);
	}
	printf("\ntotal: %.3f\n", total + 0.0);
	if (!t->consent[a] || !t->consent[b])
		printf("verdict: never suggested: %s did not agree to "
		    "introductions\n", t->consent[a] ? t->id[b] : t->id[a]);
	else if (veto)
		printf("verdict: never suggested: vetoed\n");
	else if (!(total > s->config->match.min_score))
		printf("verdict: never suggested: the score is not above "
		    "min_score (%g)\n", s->config->match.min_score);
	else
		printf("verdict: may be suggested\n");
}

/*
 * Run the assignment as `mingle run` does and say whether it introduces
 * A and B: "assignment: chosen (rounds: round 2, table 1)" or "assignment:
 * not chosen (pairs)".  0, or -1 with *cause set if the run fails.
 */
static int
print_chosen(struct session *s, uint32_t a, uint32_t b, char **cause)
{
	const char *mode = config_mode_name(s->config->match.mode);
	struct pair_oracle oracle = { engine_pair_oracle, &s->engine,
	    engine_veto_reason, engine_label, engine_pair_veto };
	const struct intro *in = NULL;
	struct assignment as;
	struct graph g;
	size_t k;

	if (engine_build_graph(&s->engine, &g, cause) != 0)
		return -1;
	if (availability_build(&s->t, s->config, &g.free_slots,
	    &g.slot_words, cause) != 0) {
		graph_free(&g);
		return -1;
	}
	memset(&as, 0, sizeof as);
	if (bounds_apply(&s->engine, &g, cause) != 0 || assign_run(&g, &s->config->match, &oracle, &as, cause) != 0) {
		graph_free(&g);
		return -1;
	}
	for (k = 0; k < as.nintros && in == NULL; k++)
		if ((as.intros[k].a == a && as.intros[k].b == b) ||
		    (as.intros[k].a == b && as.intros[k].b == a))
			in = &as.intros[k];
	for (k = 0; k < as.nunplaced && in == NULL; k++)
		if ((as.unplaced[k].a == a && as.unplaced[k].b == b) ||
		    (as.unplaced[k].a == b && as.unplaced[k].b == a))
			break;
	if (in == NULL && k < as.nunplaced)
		printf("assignment: chosen, but in no slot (%s: %s)\n", mode,
		    assignment_shortfall_name(as.unplaced[k].why));
	else if (in == NULL)
		printf("assignment: not chosen (%s)\n", mode);
	else if (as.has_slots)
		printf("assignment: chosen (%s: slot %d, table %d)\n", mode,
		    (int)in->round, (int)in->table);
	else if (as.has_rounds)
		printf("assignment: chosen (%s: round %d, table %d)\n", mode,
		    (int)in->round, (int)in->table);
	else if (as.has_tables)
		printf("assignment: chosen (%s: table %d)\n", mode,
		    (int)in->table);
	else
		printf("assignment: chosen (%s)\n", mode);
	assignment_free(&as);
	graph_free(&g);
	return 0;
}

static int
cmd_explain_exec(const struct cmd_entry *self, int argc, char **argv)
{
	struct session s;
	struct pair_part *parts = NULL;
	const char *config = NULL;
	char *cause = NULL;
	long a, b;
	double total;
	int rc, first, veto;

	rc = cli_parse(self, argc, argv, &config, NULL, &first);
	if (rc >= 0)
		return rc;
	if (session_open(&s, config, SESSION_STRATEGIES, 0, &cause) != 0)
		goto fail;
	if ((a = find(&s.t, argv[first], &cause)) < 0 ||
	    (b = find(&s.t, argv[first + 1], &cause)) < 0)
		goto fail_session;
	if (a == b) {
		if (strcmp(argv[first], argv[first + 1]) == 0)
			cause = xasprintf("'%s' is the same attendee twice",
			    argv[first]);
		else
			cause = xasprintf("'%s' and '%s' are the same "
			    "attendee: %s (%s)", argv[first], argv[first + 1],
			    s.t.id[a], s.t.name[a]);
		goto fail_session;
	}
	parts = xcalloc(s.nstrategies + 1, sizeof *parts);
	if (engine_score_pair(&s.engine, (uint32_t)a, (uint32_t)b, &total,
	    &veto, parts, &cause) != 0)
		goto fail_session;
	print_pair(&s, (uint32_t)a, (uint32_t)b, parts, total, veto);
	if (print_chosen(&s, (uint32_t)a, (uint32_t)b, &cause) != 0)
		goto fail_session;
	free(parts);
	session_close(&s);
	return EXIT_OK;
fail_session:
	free(parts);
	session_close(&s);
fail:
	return cli_fail(cause);
}

const struct cmd_entry cmd_explain_entry = {
	.name = "explain",
	.usage = "-c CONFIG ID_A ID_B",
	.summary = "show each strategy's score, weight, veto and reason for "
	    "one pair",
	.help =
	    "Scores one pair the way `mingle run` does and shows each "
	    "strategy's part:\nthe score in both directions (a->b is what A "
	    "gains from meeting B), the\nweight, the weighted share "
	    "(weight * (a->b + b->a) / 2), any veto, and the\nreason.  The "
	    "total is the sum of the weighted shares.  Then whether the "
	    "config's\nassignment, made as `mingle run` makes it, chooses "
	    "the pair.\n"
	    "An attendee is an id, or a name or part of one (case and "
	    "accents do not\nmatter) that fits one attendee only.\n\n"
	    "Options:\n"
	    "  -c, --config FILE   the event's INI config (required)\n"
	    "  -h, --help          this help\n\n"
	    "Example:\n"
	    "  mingle explain -c examples/barcamp.ini anna@example.org "
	    "ben@example.org\n",
	.config = CLI_CONFIG_REQUIRED,
	.operands = 2,
	.operands_are = "two attendees (ids or names)",
	.exec = cmd_explain_exec,
};
