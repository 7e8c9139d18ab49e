/*
 * keep.h -- `mingle run --keep FILE`: the introductions an earlier run
 * wrote and the organizers already sent.  Each one still possible is
 * pinned (bounds.c): it stays, in every mode that takes pins, and counts
 * against both people's capacity, so later registrants are fitted in
 * around it.  One no longer possible drops out with the reason: someone
 * cancelled (not in the export now), may no longer be introduced, opted
 * out, a strategy vetoes the pair now, or someone has more kept than
 * they may have.  The output marks the rest as new (output.h).
 */
#ifndef MINGLE_KEEP_H
#define MINGLE_KEEP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine.h"
#include "graph.h"
#include "pairmap.h"

struct keep {
	uint32_t *pins;		/* npins pairs: pins[2 i], pins[2 i + 1] */
	size_t npins;
	struct pairmap kept;	/* the same pairs, to look up */
	char **dropped;		/* "FILE:LINE: ID (NAME) and ID (NAME): why" */
	size_t ndropped;
};

/*
 * Read the introductions file PATH (an earlier output, CSV in either
 * dialect; the columns a_id and b_id) and judge each pair against E and
 * G, a graph engine_build_graph() made from E.  Rows are read in order;
 * a pair that repeats counts once.  Returns 0 with *K filled (free with
 * keep_free()), or nonzero with *cause set: the file cannot be read
 * (csv.h's messages), is an .xlsx workbook, or has no a_id or b_id
 * column (the message names the columns expected and those found); a
 * strategy failed.  Dropped pairs are no error.
 */
int keep_load(struct keep *k, const char *path, struct engine *e,
    const struct graph *g, char **cause);
void keep_free(struct keep *k);

/* Each dropped pair on F, a line each, after a line saying how many. */
void keep_report(FILE *f, const struct keep *k);

#endif
