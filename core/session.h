/*
 * session.h -- what every command needs: config, export, attendees and,
 * for commands that score, the strategies and the engine.
 */
#ifndef MINGLE_SESSION_H
#define MINGLE_SESSION_H

#include "attendees.h"
#include "config.h"
#include "csv.h"
#include "engine.h"
#include "strategy.h"

struct session {
	struct mingle_config *config;
	struct csv_table csv;
	int have_csv;
	struct attendee_table t;
	int have_table;
	struct strategy *strategies;
	size_t nstrategies;
	struct engine engine;
};

enum session_stage {
	SESSION_CONFIG,		/* the config only */
	SESSION_ATTENDEES,	/* + the export and the attendee table */
	SESSION_STRATEGIES	/* + the strategies and the engine */
};

/* Open everything up to STAGE, with PROGRESS on standard error (the
 * export read, the attendee table, each strategy prepared: a plugin
 * builds its indexes then).  0, or -1 with *cause set. */
int session_open(struct session *s, const char *config_path,
    enum session_stage stage, int progress, char **cause);
void session_close(struct session *s);

#endif
