/*
 * out_csv.h -- a table (out_table.h) as CSV, in one of two dialects:
 *   standard  RFC 4180: ',', LF, quotes only where needed, a decimal
 *             point; the bytes mingle always wrote.
 *   excel     what a spreadsheet in a comma-decimal locale (German
 *             Excel) opens by double-click: a UTF-8 byte order mark, ';',
 *             CRLF, a decimal comma, and free-text columns (the reasons)
 *             always quoted.
 *
 * Only writes to the stream; a failed write sets its error flag, which
 * outfile_commit() reports (outfile.h).
 */
#ifndef MINGLE_OUT_CSV_H
#define MINGLE_OUT_CSV_H

#include <stdio.h>

#include "out_table.h"

enum out_csv_dialect {
	OUT_CSV_STANDARD = 0,
	OUT_CSV_EXCEL
};

/* The header, then every row of T. */
void out_csv_write(FILE *f, const struct out_table *t,
    enum out_csv_dialect dialect);

#endif
