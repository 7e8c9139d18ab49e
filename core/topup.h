/*
 * topup.h -- a second graph for the attendees the suggestions left short
 * (topup.c).
 */
#ifndef MINGLE_TOPUP_H
#define MINGLE_TOPUP_H

#include <stddef.h>

#include "assignment.h"
#include "config.h"
#include "engine.h"
#include "graph.h"

/*
 * The attendees of G whom AS (a suggestions assignment under M) left
 * below their floor: *AMONG (malloc'ed, G->n flags, the caller frees it)
 * and their number.
 */
size_t topup_short(const struct graph *g, const struct config_match *m,
    const struct assignment *as, unsigned char **among);

/*
 * Score the attendees flagged in AMONG among themselves with E (a quota
 * strategy's pairs only where both ends have some of their quota left
 * after AS), add those
 * pairs to G and set its limits again (bounds.h), and AS's pairs as its
 * start (graph.h).  *ADDED is how many edges are new.  Returns 0, or
 * nonzero with *cause set.
 */
int topup_graph(struct engine *e, struct graph *g,
    const struct assignment *as, const unsigned char *among, size_t *added,
    char **cause);

#endif
