/*
 * cmd_attendees.c -- `mingle attendees`: the attendee table as mingle
 * understood it, as CSV.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv_write.h"
#include "mingle/plugin.h"
#include "outfile.h"
#include "session.h"
#include "util.h"

/* The derived value of field F for attendee I; new string. */
static char *
field_value(const struct field *f, size_t i)
{
	struct strbuf sb = { 0 };
	uint32_t k;

	switch (f->type) {
	case MINGLE_FIELD_TAGS:
		for (k = f->tag_off[i]; k < f->tag_off[i + 1]; k++)
			strbuf_printf(&sb, "%s#%s", sb.len ? " " : "",
			    f->values.strings[f->tag_ids[k]]);
		return strbuf_detach(&sb);
	case MINGLE_FIELD_NUMBER:
		return f->has_number[i] ? xasprintf("%.15g", f->number[i]) :
		    xstrdup("");
	case MINGLE_FIELD_BOOL:
		return xstrdup(f->boolean[i] == 1 ? "yes" :
		    f->boolean[i] == 0 ? "no" : "");
	default:	/* text, and category as written */
		return xstrdup(f->text[i] ? f->text[i] : "");
	}
}

static int
on_opt(void *ctx, int opt, const char *arg)
{
	*(const char **)ctx = arg;
	return -1;
}

static void
write_table(FILE *f, const struct session *s)
{
	const struct attendee_table *t = &s->t;
	size_t ncols = s->csv.ncols, nout = ncols + 3 + t->nfields, i, k;
	const char **cells = xcalloc(nout, sizeof *cells);
	char **owned = xcalloc(nout, sizeof *owned);

	for (k = 0; k < ncols; k++)
		cells[k] = owned[k] = csv_column_spec(&s->csv, k);
	cells[ncols] = "mingle_id";
	cells[ncols + 1] = "mingle_name";
	cells[ncols + 2] = "mingle_consent";
	for (k = 0; k < t->nfields; k++)
		cells[ncols + 3 + k] = owned[ncols + 3 + k] =
		    xasprintf("mingle_%s", t->fields[k].name);
	csv_write_row(f, cells, nout);
	for (k = 0; k < nout; k++) {
		free(owned[k]);
		owned[k] = NULL;
	}
	for (i = 0; i < t->n; i++) {
		for (k = 0; k < ncols; k++)
			cells[k] = csv_cell(&s->csv, t->row[i], k);
		cells[ncols] = t->id[i];
		cells[ncols + 1] = t->name[i];
		cells[ncols + 2] = t->consent[i] ? "yes" : "no";
		for (k = 0; k < t->nfields; k++)
			cells[ncols + 3 + k] = owned[k] =
			    field_value(&t->fields[k], i);
		csv_write_row(f, cells, nout);
		for (k = 0; k < t->nfields; k++)
			free(owned[k]);
	}
	free(cells);
	free(owned);
}

static int
cmd_attendees_exec(const struct cmd_entry *self, int argc, char **argv)
{
	struct session s;
	struct outfile out;
	const char *config = NULL, *output = NULL;
	char *cause = NULL;
	int rc, first;

	rc = cli_parse(self, argc, argv, &config, &output, &first);
	if (rc >= 0)
		return rc;
	if (session_open(&s, config, SESSION_ATTENDEES, 0, &cause) != 0)
		goto fail;
	if (outfile_same_file(output, s.config->input_file)) {
		cause = xasprintf("refusing to write %s over the file it "
		    "reads", output);
		goto fail_session;
	}
	if (outfile_open(&out, output, &cause) != 0)
		goto fail_session;
	write_table(out.f, &s);
	if (outfile_commit(&out, &cause) != 0)
		goto fail_session;
	session_close(&s);
	return EXIT_OK;
fail_session:
	session_close(&s);
fail:
	return cli_fail(cause);
}

static const struct cli_option cmd_attendees_options[] = {
	{ "output", 1, 'o' },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_attendees_entry = {
	.name = "attendees",
	.usage = "-c CONFIG [-o FILE|-]",
	.summary = "print the attendee table as mingle understood it (CSV)",
	.help =
	    "Writes every input column as read (decoded to UTF-8; a repeated "
	    "header is\nnamed Company@2, Company@3...), then the derived "
	    "columns: mingle_id,\nmingle_name, mingle_consent, and mingle_FIELD "
	    "for each [field] (tags\nnormalized as #tag, bools as yes/no).  Use "
	    "it to see how mingle reads an\nexport before running it.\n\n"
	    "Options:\n"
	    "  -c, --config FILE   the event's INI config (required)\n"
	    "  -o, --output FILE   write here instead of standard output\n"
	    "  -h, --help          this help\n",
	.options = cmd_attendees_options,
	.on_opt = on_opt,
	.config = CLI_CONFIG_REQUIRED,
	.exec = cmd_attendees_exec,
};
