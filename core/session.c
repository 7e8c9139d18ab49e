/*
 * session.c -- load the config, the export and the strategies, in order.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "session.h"
#include "util.h"

int
session_open(struct session *s, const char *config_path,
    enum session_stage stage, int progress, char **cause)
{
	struct progress pr;

	memset(s, 0, sizeof *s);
	s->config = config_load(config_path, cause);
	if (s->config == NULL)
		return -1;
	if (stage == SESSION_CONFIG)
		return 0;
	/* what takes a second at 100,000: reading, and the plugins' init */
	progress_start(&pr, progress, stage == SESSION_ATTENDEES ?
	    "reading the export" : "reading the export and preparing the "
	    "strategies", 2 + (stage == SESSION_STRATEGIES ?
	    s->config->nstrategies : 0));
	if (csv_read_file(s->config->input_file, &s->config->csv, &s->csv,
	    cause) != 0)
		goto fail;
	s->have_csv = 1;
	progress_update(&pr, 1);
	if (attendees_build(&s->t, &s->csv, s->config, cause) != 0)
		goto fail;
	s->have_table = 1;
	progress_update(&pr, 2);
	roster_warn(&s->t.roster, &s->csv, stderr);
	if (stage == SESSION_ATTENDEES) {
		progress_end(&pr);
		return 0;
	}
	if (strategies_load(s->config, &s->t, &s->strategies,
	    &s->nstrategies, &pr, cause) != 0)
		goto fail;
	progress_end(&pr);
	s->engine.t = &s->t;
	s->engine.match = &s->config->match;
	s->engine.strategies = s->strategies;
	s->engine.nstrategies = s->nstrategies;
	return 0;
fail:
	session_close(s);
	return -1;
}

void
session_close(struct session *s)
{
	if (s->strategies != NULL)
		strategies_free(s->strategies, s->nstrategies);
	if (s->have_table)
		attendees_free(&s->t);
	if (s->have_csv)
		csv_free(&s->csv);
	config_free(s->config);
	memset(s, 0, sizeof *s);
}
