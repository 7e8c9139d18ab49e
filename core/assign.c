/*
 * assign.c -- run the configured assignment mode (see assign.h).  The
 * modes share assign_ctx.c and assignment.c; nothing calls back here.
 */
#include "autoconf.h"

#include <string.h>

#include "assign.h"
#include "assign_modes.h"
#include "util.h"

/* Whoever opted out (graph cap 0) is in the coverage report. */
static void
assign_opted_out(const struct graph *g, struct assignment *out)
{
	size_t v, cap = out->nshort;

	for (v = 0; g->cap != NULL && v < g->n; v++)
		if (g->cap[v] == 0)
			assignment_add_short(out, &cap, (uint32_t)v, 0, 0,
			    SHORTFALL_OPTED_OUT);
	assignment_sort(out, g);
}

int
assign_run(const struct graph *g, const struct config_match *match,
    const struct pair_oracle *oracle, struct assignment *out, char **cause)
{
	int rc;

	memset(out, 0, sizeof *out);
	switch (match->mode) {
	case MATCH_SUGGESTIONS:
		rc = assign_suggestions(g, match, out, cause);
		break;
	case MATCH_PAIRS:
		rc = assign_pairs(g, match, oracle, out, cause);
		break;
	case MATCH_GROUPS:
	case MATCH_ROUNDS:
		rc = assign_tables(g, match, oracle, out, cause);
		break;
	default:
		*cause = xasprintf("unknown assignment mode %d",
		    (int)match->mode);
		rc = -1;
		break;
	}
	if (rc != 0)
		assignment_free(out);
	else
		assign_opted_out(g, out);
	return rc;
}
