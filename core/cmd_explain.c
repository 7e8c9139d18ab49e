/*
 * cmd_explain.c -- `mingle explain`: why one pair scores as it does.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "session.h"
#include "util.h"

/* The attendee called ID, or -1 with *cause naming the closest id. */
static long
find(const struct attendee_table *t, const char *id, char **cause)
{
	long i = attendees_find(t, id);
	const char *best;

	if (i >= 0)
		return i;
	best = closest_match(id, t->id, t->n);
	*cause = xasprintf("no attendee with id '%s' in %s%s%s%s", id,
	    t->source, best ? "; did you mean '" : "", best ? best : "",
	    best ? "'?" : "");
	return -1;
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
	if (session_open(&s, config, SESSION_STRATEGIES, &cause) != 0)
		goto fail;
	if ((a = find(&s.t, argv[first], &cause)) < 0 ||
	    (b = find(&s.t, argv[first + 1], &cause)) < 0)
		goto fail_session;
	if (a == b) {
		cause = xasprintf("'%s' is the same attendee twice",
		    argv[first]);
		goto fail_session;
	}
	parts = xcalloc(s.nstrategies + 1, sizeof *parts);
	if (engine_score_pair(&s.engine, (uint32_t)a, (uint32_t)b, &total,
	    &veto, parts, &cause) != 0)
		goto fail_session;
	print_pair(&s, (uint32_t)a, (uint32_t)b, parts, total, veto);
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
	    "total is the sum of the weighted shares.\n\n"
	    "Options:\n"
	    "  -c, --config FILE   the event's INI config (required)\n"
	    "  -h, --help          this help\n\n"
	    "Example:\n"
	    "  mingle explain -c examples/barcamp.ini anna@example.org "
	    "ben@example.org\n",
	.config = CLI_CONFIG_REQUIRED,
	.operands = 2,
	.operands_are = "two attendee ids",
	.exec = cmd_explain_exec,
};
