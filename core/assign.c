/*
 * assign.c -- run the configured assignment mode (see assign.h), then
 * judge who got fewer introductions than wanted (coverage.c).  The modes
 * share assign_ctx.c and assignment.c; nothing calls back here.
 */
#include "autoconf.h"

#include <string.h>

#include "assign.h"
#include "assign_modes.h"
#include "coverage.h"
#include "util.h"

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
	case MATCH_MEETINGS:
		rc = assign_meetings(g, match, out, cause);
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
		coverage_fill(out, g, match);
	return rc;
}
