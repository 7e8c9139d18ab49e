/*
 * out_xlsx.h -- tables (out_table.h) as the sheets of one .xlsx workbook,
 * through libxlsxwriter: a bold, frozen header row with an autofilter,
 * column widths that fit their text (within bounds), scores as numbers
 * shown with three decimals, counts, rounds and tables as numbers.
 */
#ifndef MINGLE_OUT_XLSX_H
#define MINGLE_OUT_XLSX_H

#include <stddef.h>

#include "out_table.h"

/*
 * Write the N TABLES, one sheet each (named by the table), to PATH,
 * which libxlsxwriter creates or truncates (outfile.c's temporary file;
 * NAME is the file as the person named it, for messages).  0, or -1 with
 * *cause:
 *   NAME: the sheet "Introductions" would have 1048577 rows; a sheet
 *       holds at most 1048576: write CSV instead (a name without .xlsx)
 *   NAME: cannot write: <strerror>          (a full disk, a size limit)
 *   NAME: cannot write the workbook: <libxlsxwriter's reason>
 */
int out_xlsx_write(const char *path, const char *name,
    const struct out_table *const *tables, size_t n, char **cause);

/* Nonzero if PATH names an .xlsx file (its name ends in .xlsx, any
 * case). */
int out_xlsx_wanted(const char *path);

#endif
