/*
 * separator.h -- what splits the tags of one cell: `separator = ...`.
 *
 * A separator is written as names -- comma, semicolon, space, tab, pipe,
 * slash, newline -- alone or combined ("comma semicolon"), or as
 * punctuation characters (",;"), or both.  A letter or digit that is not
 * part of a name is an error: "separator = spaces" must not split tags
 * on the letters s, p, a, c and e.
 */
#ifndef MINGLE_SEPARATOR_H
#define MINGLE_SEPARATOR_H

/*
 * Read VALUE.  Returns 0 with *CHARS set to the characters that split
 * tags (a new string for strcspn, never empty: "newline" is both CR and
 * LF), or -1 with *cause set to a message without a place, e.g.
 *   separator is empty; in INI a ';' after a space starts a comment:
 *       write 'semicolon'
 *   separator: 'spce' is no name of a separator; did you mean 'space'? ...
 *   separator: '1' is a digit; ...
 */
int separator_parse(const char *value, char **chars, char **cause);

#endif
