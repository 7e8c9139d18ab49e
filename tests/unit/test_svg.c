/*
 * test_svg.c -- unit tests for core/html.c (escaping) and core/svg.c (the
 * report's pictures).  The whole report: tests/e2e/report_html.sh.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "svg.h"
#include "capture.h"
#include "tap.h"
#include "util.h"

/* Occurrences of NEEDLE in S. */
static size_t
count(const char *s, const char *needle)
{
	size_t n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

static void
test_escape(void)
{
	capture_is(html_text, "Jürgen Schäfer", "Jürgen Schäfer",
	    "UTF-8 text as it is");
	capture_is(html_text, "<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;", "markup becomes text");
	capture_is(html_text, "A & B", "A &amp; B", "ampersand");
	capture_is(html_text, "\"x\" 'y'", "&quot;x&quot; &#39;y&#39;",
	    "quotes, safe in an attribute");
	capture_is(html_text, "a\x01" "b\tc\n", "a\xef\xbf\xbd" "b\tc\n",
	    "a control character is U+FFFD, tab and line feed stay");
	capture_is(html_text, "", "", "empty");
	capture_is(html_text, NULL, "", "NULL writes nothing");
}

static void
test_bars(void)
{
	struct svg_bar bars[3] = {
		{ "0", 2, "0 introductions: 2 people" },
		{ "1", 0, "1 introduction: 0 people" },
		{ "<b>", 8, "a & b" },
	};
	struct svg_bar many[100];
	char *out = NULL, *again = NULL;
	size_t i;

	CAPTURE(out, svg_bar_chart(f_, "People <by> count", bars, 3));
	is_int(count(out, "<rect"), 3, "a bar each");
	is_int(count(out, "<svg "), 1, "one svg");
	like(out, "<title>People &lt;by&gt; count</title>",
	    "the caption, escaped");
	like(out, ">&lt;b&gt;</text>", "labels escaped");
	like(out, "<title>a &amp; b</title>", "tips escaped");
	like(out, "height=\"0.0\"", "a zero bar is flat");
	ok(strstr(out, "<b>") == NULL, "no markup from the labels");
	CAPTURE(again, svg_bar_chart(f_, "People <by> count", bars, 3));
	is_str(again, out, "the same bytes again");
	free(out);
	free(again);

	out = NULL;
	CAPTURE(out, svg_bar_chart(f_, "empty", NULL, 0));
	ok(count(out, "<rect") == 0 && count(out, "</svg>") == 1,
	    "no bars: an empty chart");
	free(out);

	for (i = 0; i < 100; i++) {
		many[i].label = "x";
		many[i].value = (double)i;
		many[i].tip = "t";
	}
	out = NULL;
	CAPTURE(out, svg_bar_chart(f_, "many", many, 100));
	is_int(count(out, "<rect"), 100, "100 bars");
	ok(count(out, "class=\"label\"") < 100,
	    "labels thinned out where they would overlap");
	free(out);
}

static void
test_network(void)
{
	const char *labels[5] = { "Ann", "<i>Ben</i>", "Cem", "Dora", "Eve" };
	const uint32_t edges[] = { 0, 2, 2, 1, 3, 0, 4, 1 };
	struct svg_graph g = { labels, 4, edges, 3, 0, 10, 0, 0 };
	char *out = NULL, *plain = NULL;

	CAPTURE(out, svg_network(f_, "net", &g));
	is_int(count(out, "<circle"), 4, "a node each");
	is_int(count(out, "<line"), 3, "a line each");
	ok(g.drawn_nodes == 4 && g.drawn_edges == 3, "all drawn, and said");
	is_int(count(out, "<text"), 4, "labelled");
	like(out, "&lt;i&gt;Ben&lt;/i&gt;", "names escaped");
	ok(strstr(out, "<i>") == NULL, "no markup from the names");
	/* Ann is first, at the top: (360, 360 - r). */
	like(out, "<title>Ann</title><circle cx=\"360.0\"",
	    "the first node at the top");
	g.max_labels = 3;
	CAPTURE(plain, svg_network(f_, "net", &g));
	ok(count(plain, "<text") == 0 && count(plain, "<title>Ben") == 0 &&
	    count(plain, "<title>&lt;i&gt;Ben") == 1,
	    "more than max_labels: names only as tooltips");
	free(out);
	free(plain);

	/* Ann - Cem - Ben - Eve, Ann - Dora: breadth-first from Ann is Ann,
	 * Cem, Dora, Ben, Eve; three of them are Ann, Cem and Dora. */
	g.n = 5;
	g.nedges = 4;
	g.max_nodes = 3;
	out = NULL;
	CAPTURE(out, svg_network(f_, "capped", &g));
	ok(g.drawn_nodes == 3 && g.drawn_edges == 2 &&
	    count(out, "<circle") == 3 && count(out, "<line") == 2,
	    "capped: 3 nodes and the 2 edges among them");
	ok(strstr(out, "<title>Dora") != NULL && strstr(out, "Ben") == NULL &&
	    strstr(out, "Eve") == NULL, "... the first reached from the first");
	free(out);

	memset(&g, 0, sizeof g);
	out = NULL;
	CAPTURE(out, svg_network(f_, "none", &g));
	ok(count(out, "<circle") == 0 && count(out, "</svg>") == 1,
	    "nobody: an empty picture");
	free(out);
}

int
main(void)
{
	test_escape();
	test_bars();
	test_network();
	return tap_done();
}
