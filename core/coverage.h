/*
 * coverage.h -- who got fewer introductions than wanted, and why: one
 * pass over a finished assignment, the same for every mode, so a mode
 * only chooses introductions and never judges its own shortfalls.
 */
#ifndef MINGLE_COVERAGE_H
#define MINGLE_COVERAGE_H

#include "assignment.h"
#include "config.h"
#include "graph.h"

/*
 * Replace OUT->short_of (whatever a mode left there) with everyone below
 * what M wants, by rank, counting the introductions in OUT->intros and
 * judging by G's node stats (counted over all pairs scored):
 *  - suggestions (OUT->seats == NULL): every active attendee with fewer
 *    than min(per_attendee, max_per_attendee) introductions, or fewer
 *    than their own capacity (G->cap, per_attendee_column) if that is
 *    less; wanted is that number, and why is
 *      CAPACITY    more partners scored above min_score than they got:
 *                  the others were full (at max_per_attendee);
 *      ALL_VETOED  they got every partner above min_score, and every
 *                  other attendee was vetoed with them (none scored low);
 *      NO_PARTNER  they got every partner above min_score, and nobody
 *                  else scored above it with them;
 *  - meetings (OUT->unplaced): as suggestions, counting the meetings
 *    chosen, placed or not; got is the meetings placed, wanted the more
 *    of the above and the meetings chosen, and anyone with a meeting not
 *    placed is listed with the reason of their best such meeting
 *    (NO_COMMON_SLOT, SLOTS_FULL or TABLES_FULL);
 *  - modes with tables: every seat without a table (table 0), got 0,
 *    wanted 1, LEFT_OUT;
 *  - every mode: whoever opted out (G->cap 0), got and wanted 0,
 *    OPTED_OUT.
 */
void coverage_fill(struct assignment *out, const struct graph *g,
    const struct config_match *m);

#endif
