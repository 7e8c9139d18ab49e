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

/* NFC only, for display; new string, or NULL if S is not valid UTF-8. */
char *normalize_nfc(const char *s, size_t n);

/* Remove white space at both ends, in place; returns S. */
char *normalize_trim_space(char *s);

/* normalize_trim_space, and each inner run of ASCII white space (a line
 * break in a quoted name, say) becomes one space; in place, returns S. */
char *normalize_squeeze_space(char *s);

#endif
