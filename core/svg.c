/*
 * svg.c -- a bar chart and a network on a circle, as inline SVG.  See
 * svg.h.
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>

#include "html.h"
#include "svg.h"
#include "util.h"

/* The bar chart's size and margins, in pixels. */
#define CHART_W		640
#define CHART_H		240
#define CHART_LEFT	48
#define CHART_RIGHT	12
#define CHART_TOP	20
#define CHART_BOTTOM	36
/* The narrowest room a label under a bar needs before some are skipped. */
#define CHART_LABEL_W	36

/* The network's size, and the room its labels take beyond the circle. */
#define NET_SIZE	720
#define NET_LABEL_W	115
/* The widest a bar gets, so a few bars do not fill the chart. */
#define CHART_BAR_W	80

/* The smallest 1, 2 or 5 times a power of ten at or above V (V > 0). */
static double
nice_ceiling(double v)
{
	double p = pow(10, floor(log10(v)));

	if (v <= p)
		return p;
	if (v <= 2 * p)
		return 2 * p;
	if (v <= 5 * p)
		return 5 * p;
	return 10 * p;
}

static void
chart_open(FILE *f, int w, int h, const char *caption)
{
	fprintf(f, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "role=\"img\"><title>", w, h, w, h);
	html_text(f, caption);
	fputs("</title>\n", f);
}

/* The value axis: four grid lines from 0 to TOP. */
static void
chart_axis(FILE *f, double top)
{
	double plot_h = CHART_H - CHART_TOP - CHART_BOTTOM;
	int i;

	for (i = 0; i <= 4; i++) {
		double y = CHART_H - CHART_BOTTOM - plot_h * i / 4;

		fprintf(f, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" "
		    "x2=\"%d\" y2=\"%.1f\"/>", CHART_LEFT, y,
		    CHART_W - CHART_RIGHT, y);
		fprintf(f, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" "
		    "text-anchor=\"end\">%g</text>\n", CHART_LEFT - 6, y + 4,
		    top * i / 4);
	}
}

void
svg_bar_chart(FILE *f, const char *caption, const struct svg_bar *bars,
    size_t n)
{
	double plot_w = CHART_W - CHART_LEFT - CHART_RIGHT;
	double plot_h = CHART_H - CHART_TOP - CHART_BOTTOM;
	double top = 0, slot, x, h;
	size_t i, every;

	for (i = 0; i < n; i++)
		if (bars[i].value > top)
			top = bars[i].value;
	top = top > 0 ? nice_ceiling(top) : 1;
	chart_open(f, CHART_W, CHART_H, caption);
	chart_axis(f, top);
	slot = n > 0 ? plot_w / (double)n : plot_w;
	if (slot > CHART_BAR_W)
		slot = CHART_BAR_W;
	every = slot >= CHART_LABEL_W ? 1 :
	    (size_t)ceil(CHART_LABEL_W / slot);
	for (i = 0; i < n; i++) {
		h = bars[i].value > 0 ? plot_h * bars[i].value / top : 0;
		x = CHART_LEFT + slot * (double)i;
		fprintf(f, "<g><title>");
		html_text(f, bars[i].tip);
		fprintf(f, "</title><rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"/>", x + slot * 0.1,
		    CHART_H - CHART_BOTTOM - h, slot * 0.8, h);
		if (every == 1)
			fprintf(f, "<text class=\"value\" x=\"%.1f\" "
			    "y=\"%.1f\" text-anchor=\"middle\">%g</text>",
			    x + slot / 2, CHART_H - CHART_BOTTOM - h - 4,
			    bars[i].value);
		if (i % every == 0) {
			fprintf(f, "<text class=\"label\" x=\"%.1f\" "
			    "y=\"%d\" text-anchor=\"middle\">", x + slot / 2,
			    CHART_H - CHART_BOTTOM + 16);
			html_text(f, bars[i].label);
			fputs("</text>", f);
		}
		fputs("</g>\n", f);
	}
	fputs("</svg>\n", f);
}

/* The nodes in breadth-first order of the edges, from the lowest index
 * of each part: a new array of N. */
static uint32_t *
bfs_order(size_t n, const uint32_t *edges, size_t nedges)
{
	uint32_t *off, *adj, *fill, *order;
	unsigned char *seen;
	size_t i, head, tail = 0, start;

	off = xcalloc(n + 2, sizeof *off);
	for (i = 0; i < 2 * nedges; i++)
		off[edges[i] + 2]++;
	for (i = 2; i < n + 2; i++)
		off[i] += off[i - 1];
	adj = xcalloc(2 * nedges + 1, sizeof *adj);
	fill = off + 1;
	for (i = 0; i < nedges; i++) {
		adj[fill[edges[2 * i]]++] = edges[2 * i + 1];
		adj[fill[edges[2 * i + 1]]++] = edges[2 * i];
	}
	order = xcalloc(n + 1, sizeof *order);
	seen = xcalloc(n + 1, 1);
	for (start = 0; start < n; start++) {
		if (seen[start])
			continue;
		seen[start] = 1;
		order[tail++] = (uint32_t)start;
		for (head = tail - 1; head < tail; head++) {
			uint32_t v = order[head], k;

			for (k = off[v]; k < off[v + 1]; k++)
				if (!seen[adj[k]]) {
					seen[adj[k]] = 1;
					order[tail++] = adj[k];
				}
		}
	}
	free(seen);
	free(adj);
	free(off);
	return order;
}

/* LABEL outside the circle of radius R about (C, C) at angle A, along
 * the radius, so that neighbours' labels do not overlap; on the left
 * half turned round, so that no label reads upside down. */
static void
net_label(FILE *f, double c, double r, double a, const char *label)
{
	double x = c + r * cos(a), y = c + r * sin(a);
	double deg = a * 180 / M_PI;
	int left = cos(a) < -1e-9;

	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" dominant-baseline=\"middle\" "
	    "text-anchor=\"%s\" transform=\"rotate(%.1f %.1f %.1f)\">", x, y,
	    left ? "end" : "start", left ? deg + 180 : deg, x, y);
	html_text(f, label);
	fputs("</text>", f);
}

void
svg_network(FILE *f, const char *caption, struct svg_graph *g)
{
	size_t i, n = g->n, e;
	int labelled;
	double c = NET_SIZE / 2.0, r, *x, *y, *a;
	uint32_t *order, *place;

	if (g->max_nodes > 0 && n > g->max_nodes)
		n = g->max_nodes;
	labelled = n <= g->max_labels;
	r = labelled ? c - NET_LABEL_W : c - 20;
	chart_open(f, NET_SIZE, NET_SIZE, caption);
	order = bfs_order(g->n, g->edges, g->nedges);
	place = xcalloc(g->n + 1, sizeof *place);	/* position + 1 */
	x = xcalloc(n + 1, sizeof *x);
	y = xcalloc(n + 1, sizeof *y);
	a = xcalloc(n + 1, sizeof *a);
	for (i = 0; i < n; i++) {
		place[order[i]] = (uint32_t)i + 1;
		a[i] = 2 * M_PI * (double)i / (double)n - M_PI / 2;
		x[i] = c + r * cos(a[i]);
		y[i] = c + r * sin(a[i]);
	}
	g->drawn_nodes = n;
	g->drawn_edges = 0;
	fputs("<g class=\"edges\">", f);
	for (e = 0; e < g->nedges; e++) {
		uint32_t u = place[g->edges[2 * e]];
		uint32_t v = place[g->edges[2 * e + 1]];

		if (u == 0 || v == 0)
			continue;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/>\n", x[u - 1], y[u - 1], x[v - 1], y[v - 1]);
		g->drawn_edges++;
	}
	fputs("</g>\n<g class=\"nodes\">", f);
	for (i = 0; i < n; i++) {
		fprintf(f, "<g><title>");
		html_text(f, g->labels[order[i]]);
		fprintf(f, "</title><circle cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"%d\"/>", x[i], y[i], labelled ? 4 : 2);
		if (labelled)
			net_label(f, c, r + 8, a[i], g->labels[order[i]]);
		fputs("</g>\n", f);
	}
	fputs("</g>\n</svg>\n", f);
	free(order);
	free(place);
	free(a);
	free(x);
	free(y);
}
