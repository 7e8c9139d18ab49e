/*
 * csv_encoding.h -- turn the bytes of an export into UTF-8 text.
 *
 * Exports arrive as UTF-8 (with or without a byte order mark), as
 * Windows-1252 (German Excel "CSV (Trennzeichen-getrennt)") or, rarely, as
 * Latin-1.  Everything after this layer is UTF-8 without a BOM and without
 * NUL bytes, so the CSV parser and the rest of mingle never think about
 * encodings.
 *
 * Places in messages: lines are physical lines (LF, CRLF and a lone CR each
 * end one, also inside quoted fields), counted from 1.  Columns are byte
 * columns of the file as it is on disk, counted from 1; for Windows-1252 and
 * Latin-1 a byte is a character, so they match what an editor shows.
 */
#ifndef MINGLE_CSV_ENCODING_H
#define MINGLE_CSV_ENCODING_H

#include <stddef.h>

#include "csv.h"

/*
 * Make *DATA (malloc'ed, *LEN bytes plus a terminating NUL) UTF-8 text.
 * ENC is the declared encoding; CSV_ENCODING_AUTO takes UTF-8 if the bytes
 * are valid UTF-8 and Windows-1252 otherwise.  A UTF-8 byte order mark is
 * removed and means UTF-8.
 *
 * On success returns 0; *DATA and *LEN then hold the UTF-8 text (the same
 * buffer or a new one; the old one is freed) and *FOUND the encoding used.
 * On failure returns -1 with *cause set ("NAME:LINE:COLUMN: ..." or
 * "NAME:LINE: ...") and *DATA untouched, still owned by the caller.
 *
 * Errors: a NUL byte (UTF-16 files are recognised and named as such);
 * invalid UTF-8 when UTF-8 is declared or implied by a BOM; a byte that
 * Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) when it is
 * declared or when AUTO falls back to it; a UTF-8 BOM in a file declared
 * Windows-1252 or Latin-1.
 */
int csv_encoding_to_utf8(const char *name, char **data, size_t *len,
    enum csv_encoding enc, enum csv_encoding *found, char **cause);

/*
 * 0 if the LEN bytes at S hold no NUL byte, else -1 with *cause set: the
 * file is UTF-16 (a UTF-16 byte order mark, or just one of the first two
 * bytes is NUL), or "NAME:LINE:COLUMN: NUL byte; this does not look like a
 * text file".  csv_encoding_to_utf8() checks this first; the reader calls it on
 * each block as it arrives, so a binary file stops at its first block.
 */
int csv_encoding_check_nul(const char *name, const char *s, size_t len,
    char **cause);

/* The offset of the first byte of S that is not valid UTF-8, or LEN. */
size_t csv_encoding_utf8_check(const char *s, size_t len);

#endif
