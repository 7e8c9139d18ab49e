/*
 * csv_write.h -- write CSV rows: the one quoting rule of every file
 * mingle writes.
 *
 * These functions only write to a stream; they do not check for errors.
 * A failed write (a full disk, a closed pipe) sets the stream's error
 * flag, which outfile_commit() reports (see outfile.h).
 */
#ifndef MINGLE_CSV_WRITE_H
#define MINGLE_CSV_WRITE_H

#include <stddef.h>
#include <stdio.h>

/* RFC 4180 quoting (only where needed, inner quotes doubled); rows end
 * in LF. */
void csv_write_field(FILE *f, const char *s);
void csv_write_row(FILE *f, const char *const *cells, size_t n);

/* The same quoting with another DELIMITER; ALWAYS quotes every field. */
void csv_write_field_in(FILE *f, const char *s, char delimiter, int always);

#endif
