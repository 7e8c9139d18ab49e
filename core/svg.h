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

/* A network to draw, and what svg_network() drew of it. */
struct svg_graph {
	const char *const *labels;	/* a name for each of N nodes */
	size_t n;
	const uint32_t *edges;	/* pairs of node indexes, 2 * NEDGES */
	size_t nedges;
	size_t max_nodes;	/* draw at most this many; 0: all */
	size_t max_labels;	/* names beside the nodes up to this many
				   drawn, else only as tooltips */
	size_t drawn_nodes;	/* set by svg_network() */
	size_t drawn_edges;
};

/*
 * The nodes of G on a circle, with a line for each edge.  The nodes go
 * round the circle in breadth-first order from the lowest index (each
 * node's neighbours in the order of the edges), so that nodes joined by
 * an edge stand near each other.  Beyond G->max_nodes, the first ones in
 * that order are drawn, with the edges between them: a connected part of
 * the network rather than a scatter.  Sets G->drawn_nodes and
 * G->drawn_edges.
 */
void svg_network(FILE *f, const char *caption, struct svg_graph *g);

#endif
