/*
 * csv_dump.c -- print a CSV file as csv_read_file() reads it, as JSON.
 *
 * usage: csv_dump [-d delimiter] [-e encoding] file
 *
 * Prints an array with one object per data record, keys being the column
 * specs ("Company", "Company@2") in column order, so that repeated headers
 * stay distinct and the output can be compared with csv-spectrum's JSON.
 * On a read error prints the message to stderr and exits 1.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "util.h"

static void	dump_string(const char *);
static void	usage(void) __attribute__((noreturn));

static void
usage(void)
{
	fputs("usage: csv_dump [-d delimiter] [-e encoding] file\n", stderr);
	exit(2);
}

/* S (UTF-8) as a JSON string. */
static void
dump_string(const char *s)
{
	unsigned char c;

	putchar('"');
	for (; (c = (unsigned char)*s) != '\0'; s++) {
		switch (c) {
		case '"':
			fputs("\\\"", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\r':
			fputs("\\r", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		default:
			if (c < 0x20)
				printf("\\u%04x", c);
			else
				putchar(c);
			break;
		}
	}
	putchar('"');
}

int
main(int argc, char **argv)
{
	struct csv_options opt = { .encoding = CSV_ENCODING_AUTO };
	struct csv_table t;
	char *cause, *spec;
	size_t row, col;
	int ch;

	while ((ch = getopt(argc, argv, "d:e:")) != -1) {
		switch (ch) {
		case 'd':
			if (strcmp(optarg, "tab") == 0 ||
			    strcmp(optarg, "\\t") == 0)
				opt.delimiter = '\t';
			else if (strlen(optarg) == 1)
				opt.delimiter = optarg[0];
			else
				usage();
			break;
		case 'e':
			if (csv_encoding_parse(optarg, &opt.encoding) != 0)
				usage();
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 1)
		usage();

	if (csv_read_file(argv[optind], &opt, &t, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return 1;
	}
	putchar('[');
	for (row = 1; row <= t.nrows; row++) {
		fputs(row == 1 ? "\n  {" : ",\n  {", stdout);
		for (col = 0; col < t.ncols; col++) {
			if (col > 0)
				fputs(", ", stdout);
			spec = csv_column_spec(&t, col);
			dump_string(spec);
			free(spec);
			fputs(": ", stdout);
			dump_string(csv_cell(&t, row, col));
		}
		putchar('}');
	}
	fputs("\n]\n", stdout);
	csv_free(&t);
	return ferror(stdout) ? 1 : 0;
}
