/*
 * normalize.h -- Unicode text normalization for tags and comparisons, and
 * the white space of names and config values.
 */
#ifndef MINGLE_NORMALIZE_H
#define MINGLE_NORMALIZE_H

#include <stddef.h>

/*
 * Normalize S (UTF-8, N bytes) for matching: NFKC, case-folded, with leading
 * '#' characters and surrounding white space removed and inner runs of white
 * space collapsed to one space.  So "#Datenschutz", "datenschutz " and
 * "DATENSCHUTZ" are equal, and so are "Straße" and "STRASSE".  Returns a new
 * string (possibly empty), or NULL if S is not valid UTF-8.
 */
char *normalize_tag(const char *s, size_t n);

/*
 * A tag as written, for display: NFC, with the '#' marks and white space
 * normalize_tag() removes and collapses, but letter case kept: "#OpenData"
 * is "OpenData", " Open  Data" is "Open Data".  A new string, or NULL if S
 * is not valid UTF-8.
 */
char *normalize_label(const char *s, size_t n);

/*
 * Remove spaces, underscores and dashes (Unicode Pd: '-', en dash, ...)
 * from S, a normalized tag, in place; returns S.  "open data", "open-data"
 * and "open_data" all become "opendata".
 */
char *normalize_squash(char *s);

/*
 * S folded for finding a person by what someone typed: normalize_tag()
 * with accents removed too, so "Jürgen Groß" and "JURGEN GROSS" are both
 * "jurgen gross".  A new string, or NULL if S is not valid UTF-8.
 */
char *normalize_loose(const char *s, size_t n);

/*
 * normalize_tag in steps, for a caller that must count its work and
 * supply its memory (the Lua sandbox).  The work grows with the code
 * points of the decomposition (U+FDFA alone has 18), and the canonical
 * reordering of combining marks, an insertion sort, with the square of a
 * run of marks.
 *
 * normalize_cost scans S (N bytes) on from c->pos, at most MAX characters
 * more, adding up in C the code points and a bound on the reordering's
 * swaps.  Start with C zeroed.  Returns 1 when S is done, 0 when there is
 * more, -1 if S is not valid UTF-8.
 *
 * normalize_tag_into normalizes S into BUF, which holds C.CPS * 4 + 1
 * bytes (aligned for 32-bit integers), from a finished scan.  Returns the
 * length of the NUL-terminated result at BUF, or -1.
 */
struct normalize_cost {
	size_t pos;		/* bytes of S scanned */
	size_t chars;		/* characters scanned */
	size_t cps;		/* code points of the decomposition */
	size_t swaps;		/* the reordering swaps at most this often */
	size_t run;		/* combining marks just before pos */
	int boundclass;		/* utf8proc's state */
};
int normalize_cost(const char *s, size_t n, struct normalize_cost *c,
    size_t max);
long normalize_tag_into(const char *s, size_t n, void *buf, size_t cps);

/* NFC only, for display; new string, or NULL if S is not valid UTF-8. */
char *normalize_nfc(const char *s, size_t n);

/* Remove white space at both ends, in place; returns S. */
char *normalize_trim_space(char *s);

/* normalize_trim_space, and each inner run of ASCII white space (a line
 * break in a quoted name, say) becomes one space; in place, returns S. */
char *normalize_squeeze_space(char *s);

#endif
