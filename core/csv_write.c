/*
 * csv_write.c -- write CSV fields and rows (RFC 4180).
 */
#include "autoconf.h"

#include <string.h>

#include "csv_write.h"

void
csv_write_field(FILE *f, const char *s)
{
	csv_write_field_in(f, s, ',', 0);
}

void
csv_write_field_in(FILE *f, const char *s, char delimiter, int always)
{
	const char special[] = { delimiter, '"', '\r', '\n', '\0' };
	const char *q;

	if (!always && s[strcspn(s, special)] == '\0') {
		fputs(s, f);
		return;
	}
	/* Runs up to each quote, which goes twice: a reason is quoted for
	 * its commas, and a character at a time was most of writing it. */
	putc('"', f);
	while ((q = strchr(s, '"')) != NULL) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		putc('"', f);
		s = q + 1;
	}
	fputs(s, f);
	putc('"', f);
}

void
csv_write_row(FILE *f, const char *const *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			putc(',', f);
		csv_write_field(f, cells[i]);
	}
	putc('\n', f);
}
