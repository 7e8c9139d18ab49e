/*
 * report_html.h -- the HTML report of a run: one self-contained page for
 * the organizer (`mingle run --html FILE`, `[output] html`).
 *
 * The page needs nothing but itself: its style sheet is inline, its
 * pictures are inline SVG, it names no URL, loads no font or script, and
 * has a print style sheet.  It shows the run in numbers (rows, filters,
 * merged duplicates, attendees, consent), how many people got 0, 1 ... k
 * introductions, the scores of the introductions and each strategy's
 * share of them (scored again, pair by pair, as `mingle explain` does),
 * the newcomer/veteran mix where a strategy called `buddy` runs, a
 * picture of the introductions, who is short and why, and for modes with
 * tables the seating plan.  What grows with the attendees is bounded (see
 * REPORT_HTML_* below), and the page says what it left out.  Every text
 * from the export or the config is escaped (html.h).  The same run gives
 * the same bytes.
 */
#ifndef MINGLE_REPORT_HTML_H
#define MINGLE_REPORT_HTML_H

#include <stdio.h>

#include "assignment.h"
#include "config.h"
#include "engine.h"
#include "graph.h"

/* People in the network picture; beyond, the first ones in the export. */
#define REPORT_HTML_NETWORK	300
/* Names written beside the nodes up to this many people. */
#define REPORT_HTML_LABELS	60
/* People listed as short; the rest are counted. */
#define REPORT_HTML_SHORT	500
/* Tables listed in the seating plan, over all rounds. */
#define REPORT_HTML_TABLES	1000
/* Bars of the coverage chart: the last one counts everyone beyond. */
#define REPORT_HTML_BUCKETS	40

/*
 * Write the report of the run that built G and AS with E, under config C,
 * to F.  Write errors are left to the stream (see output.h).  0, or -1
 * with *cause set when a strategy fails to score a pair again.
 */
int report_html_write(FILE *f, const struct mingle_config *c,
    struct engine *e, const struct graph *g, const struct assignment *as,
    char **cause);

#endif
