/*
 * svg.h -- the pictures of the HTML report, as inline SVG: a bar chart
 * and a network drawn on a circle.
 *
 * Each function writes one <svg> element to F, sized in pixels with a
 * viewBox so it scales to the page, with a <title> for screen readers and
 * a <title> on every bar and node (the browser's tooltip).  The same
 * arguments give the same bytes: no randomness, no clock.  Every text
 * given is escaped (html.h).
 */
#ifndef MINGLE_SVG_H
#define MINGLE_SVG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct svg_bar {
	const char *label;	/* under the bar ("0", "1.5-2.0", a name) */
	double value;		/* the bar's height; < 0 is drawn as 0 */
	const char *tip;	/* its tooltip ("2 introductions: 14 people") */
};

/* N bars (N may be 0: an empty chart), scaled to the largest value, with
 * the value above each bar.  Labels are thinned out when they would
 * overlap.  CAPTION names the chart. */
void svg_bar_chart(FILE *f, const char *caption, const struct svg_bar *bars,
    size_t n);

/*
 * N nodes on a circle, with NEDGES lines between them (EDGES holds pairs
 * of node indexes, 2 * NEDGES entries, each < N).  The nodes go round the
 * circle in breadth-first order from the lowest index, so that people
 * introduced to each other stand near each other.  LABELS (N names) are
 * written beside the nodes when LABELLED, else only as tooltips.
 */
void svg_network(FILE *f, const char *caption, const char *const *labels,
    size_t n, const uint32_t *edges, size_t nedges, int labelled);

#endif
