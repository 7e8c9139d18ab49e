/*
 * test_out_table.c -- unit tests for core/out_table.c (tables of typed
 * cells), core/out_csv.c (the standard and excel dialects) and
 * core/out_xlsx.c (the workbook, its name test and its errors).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out_csv.h"
#include "out_table.h"
#include "out_xlsx.h"
#include "capture.h"
#include "tap.h"
#include "util.h"

/* A table of every kind of cell: two rows. */
static void
sample(struct out_table *t)
{
	out_table_init(t, "Introductions");
	out_table_column(t, "id", 0);
	out_table_column(t, "score", 0);
	out_table_column(t, "reasons", OUT_COLUMN_QUOTED | OUT_COLUMN_WIDE);
	out_table_column(t, "table", 0);
	out_table_text(t, "J\xc3\xbcrgen; \"J\"");
	out_table_number(t, 1.2345);
	out_table_text(t, "tags: both: #lua, #c");
	out_table_integer(t, 12);
	out_table_text(t, "b");
	out_table_number(t, -0.0);
	out_table_text(t, NULL);
	out_table_empty(t);
}

static char *
csv_text(const struct out_table *t, enum out_csv_dialect d)
{
	char *buf = NULL;

	CAPTURE(buf, out_csv_write(f_, t, d));
	return buf;
}

static void
test_table(void)
{
	struct out_table t;
	char *s;

	sample(&t);
	is_int(out_table_rows(&t), 2, "two complete rows");
	is_int(out_table_cell(&t, 0, 1)->type, OUT_CELL_NUMBER, "a number");
	is_int(out_table_cell(&t, 0, 3)->type, OUT_CELL_INTEGER,
	    "an integer");
	is_int(out_table_cell(&t, 1, 2)->type, OUT_CELL_EMPTY,
	    "text of NULL is an empty cell");
	is_int(out_table_cell(&t, 1, 3)->integer, 0, "an empty cell is zero");
	s = out_table_format_number(-0.0, '.');
	is_str(s, "0.000", "-0.0 is 0.000");
	free(s);
	s = out_table_format_number(1344.5, ',');
	is_str(s, "1344,500", "a decimal comma");
	free(s);
	out_table_free(&t);
	ok(t.cells == NULL && t.ncolumns == 0, "freed and zeroed");
}

static void
test_csv(void)
{
	struct out_table t;
	char *s;

	sample(&t);
	s = csv_text(&t, OUT_CSV_STANDARD);
	is_str(s, "id,score,reasons,table\n"
	    "\"J\xc3\xbcrgen; \"\"J\"\"\",1.234,\"tags: both: #lua, #c\",12\n"
	    "b,0.000,,\n", "standard: RFC 4180, LF, only needed quotes");
	free(s);
	s = csv_text(&t, OUT_CSV_EXCEL);
	is_str(s, "\xef\xbb\xbfid;score;reasons;table\r\n"
	    "\"J\xc3\xbcrgen; \"\"J\"\"\";1,234;\"tags: both: #lua, #c\";12\r\n"
	    "b;0,000;\"\";\r\n",
	    "excel: BOM, ';', CRLF, decimal comma, reasons always quoted");
	free(s);
	out_table_free(&t);

	out_table_init(&t, "Empty");
	out_table_column(&t, "a,b", 0);
	s = csv_text(&t, OUT_CSV_STANDARD);
	is_str(s, "\"a,b\"\n", "a header alone, quoted where needed");
	free(s);
	out_table_free(&t);
}

/* Text copied, taken over and pointed to: each reads back and is
 * written; the table frees only what it owns (under ASan: no leak, no
 * free of the rest). */
static void
test_text_kinds(void)
{
	struct out_table t;
	char src[] = "copied", *taken = xstrdup("taken");
	static const char kept[] = "pointed to";
	char *s;

	out_table_init(&t, "Kinds");
	out_table_column(&t, "a", 0);
	out_table_column(&t, "b", 0);
	out_table_column(&t, "c", 0);
	out_table_column(&t, "d", 0);
	out_table_text(&t, src);
	out_table_text_take(&t, taken);
	out_table_text_ref(&t, kept);
	out_table_text_take(&t, NULL);
	src[0] = 'C';
	is_str(out_table_cell(&t, 0, 0)->text, "copied",
	    "a copy does not follow its source");
	ok(out_table_cell(&t, 0, 1)->text == taken, "taken over, not copied");
	ok(out_table_cell(&t, 0, 2)->text == kept, "pointed to, not copied");
	is_int(out_table_cell(&t, 0, 3)->type, OUT_CELL_EMPTY,
	    "taking NULL is an empty cell");
	s = csv_text(&t, OUT_CSV_STANDARD);
	is_str(s, "a,b,c,d\ncopied,taken,pointed to,\n",
	    "all three written");
	free(s);
	out_table_free(&t);
}

static void
test_xlsx(void)
{
	char dir[] = "/tmp/mingle-test-xlsx.XXXXXX";
	const struct out_table *sheets[2];
	struct out_table t, u;
	char *path, *cause = NULL, head[4] = { 0 };
	FILE *f;

	ok(out_xlsx_wanted("a/intros.xlsx"), ".xlsx");
	ok(out_xlsx_wanted("INTROS.XLSX"), ".XLSX");
	ok(!out_xlsx_wanted("intros.csv"), ".csv");
	ok(!out_xlsx_wanted(".xlsx") && !out_xlsx_wanted(NULL),
	    "no name but .xlsx, or none");
	ok(!out_xlsx_wanted("intros.xlsx.csv"), ".xlsx.csv");

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	path = xasprintf("%s/out.xlsx", dir);
	sample(&t);
	out_table_init(&u, "Per person");
	out_table_column(&u, "id", 0);
	sheets[0] = &t;
	sheets[1] = &u;
	ok(out_xlsx_write(path, "out.xlsx", sheets, 2, &cause) == 0,
	    "a workbook of two sheets");
	free(cause);
	cause = NULL;
	f = fopen(path, "rb");
	ok(f != NULL && fread(head, 1, 2, f) == 2 && strcmp(head, "PK") == 0,
	    "a zip file");
	if (f != NULL)
		fclose(f);
	unlink(path);
	free(path);

	path = xasprintf("%s/no/such/dir/out.xlsx", dir);
	ok(out_xlsx_write(path, "out.xlsx", sheets, 1, &cause) != 0,
	    "a folder that does not exist fails");
	like(cause, "out.xlsx: cannot write: No such file or directory",
	    "named, with the system's reason");
	free(cause);
	free(path);
	out_table_free(&u);
	out_table_free(&t);
	rmdir(dir);
}

int
main(void)
{
	test_table();
	test_csv();
	test_text_kinds();
	test_xlsx();
	return tap_done();
}
