/*
 * words.h -- the words of free text, found and folded with Unicode rules.
 *
 * A word is a run of letters, marks and digits (Unicode categories L, M
 * and N, so "Öffentlicher Nahverkehr" is two words and "2024" is one).
 * Inside a word, between two of those, may stand:
 *   - a hyphen (-, U+2010, U+2011) or an apostrophe (', U+2019):
 *     "E-Mail", "Datenschutz-Grundverordnung", "don't";
 *   - a point or a comma between two digits: "3.5", "1,000";
 *   - format characters such as a soft hyphen, which folding drops.
 * Everything else (spaces, other punctuation, symbols, emoji, the
 * underscore) separates words.
 *
 * A leaf: libc and utf8proc only, never util.c, and it never exits.  The
 * text plugins compile it in too (plugins link nothing from mingle), so an
 * allocation failure or bad input is a return value, never a message.
 */
#ifndef MINGLE_WORDS_H
#define MINGLE_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* What words_fold returns when S is not valid UTF-8, or BUF is short. */
#define WORDS_INVALID	(-1)
#define WORDS_SHORT	(-2)

/*
 * Find the first word of S (N bytes, UTF-8) at or after byte *POS.
 * Returns 1 with the word at S + *START, *LEN bytes, and *POS just past
 * it; 0 if there is none (*POS is then N); WORDS_INVALID if S is not valid
 * UTF-8 there.
 */
int words_next(const char *s, size_t n, size_t *pos, size_t *start,
    size_t *len);

/* Is the code point at S (valid UTF-8) a hyphen inside a word?  Its length
 * in bytes, or 0. */
size_t words_hyphen(const char *s, size_t n);

/*
 * Fold the word W (LEN bytes) for comparison: NFKC, case folded, default
 * ignorable code points (soft hyphens, joiners) dropped, U+2019 and U+02BC
 * as ' and U+2010, U+2011 as -.  So "Straße", "STRASSE" and "stra\u00ADße"
 * fold alike.  BUF is work space for CAP code points.
 *
 * Returns the length in bytes of the folded word, written as NUL-terminated
 * UTF-8 at (char *)BUF; WORDS_INVALID if W is not valid UTF-8; or
 * WORDS_SHORT if BUF is too small.  *NEED always receives the code points
 * of the word's decomposition: CAP must be above it, and it is also the
 * size of the work done.
 */
long words_fold(const char *w, size_t len, int32_t *buf, size_t cap,
    size_t *need);

#endif
