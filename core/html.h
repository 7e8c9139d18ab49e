/*
 * html.h -- text from the input made safe for HTML and SVG.
 *
 * Names, ids and strategy names come from the export and the config, so
 * they are untrusted: a name "<script>" must show as that text and never
 * become markup.  Everything the HTML report prints that it did not write
 * itself goes through html_text().
 */
#ifndef MINGLE_HTML_H
#define MINGLE_HTML_H

#include <stdio.h>

/*
 * Write S to F with & < > " ' as character references, so the text is
 * safe between tags and inside a quoted attribute.  Control characters
 * (but tab and line feed), which XML forbids in an inline SVG, are
 * written as U+FFFD.  NULL writes nothing.
 */
void html_text(FILE *f, const char *s);

#endif
