/*
 * config.h -- the event's INI file as one validated, immutable struct.
 *
 * Nothing else in mingle reads the INI.  config_load() checks every section
 * and key: an unknown one, a bad value or a missing required key is an
 * error naming the file and line, with the closest known key suggested.
 * Paths in the config are relative to the config file's folder and are
 * stored resolved.
 */
#ifndef MINGLE_CONFIG_H
#define MINGLE_CONFIG_H

#include <stddef.h>

#include "answers.h"
#include "csv.h"

/* One key = value line, kept for strategy options. */
struct config_option {
	char *key;
	char *value;
	int line;
};

/* One include or exclude line of [input] (row_filter.h). */
struct config_filter {
	int exclude;
	char *spec;		/* "COLUMN: value, value" */
	int line;
};

struct config_field {
	char *name;		/* from [field NAME] */
	char *column;		/* column spec, see csv_column() */
	int type;		/* enum mingle_field_type */
	char *separator;	/* tags only: the characters that split a cell
				   (separator.h); default "," (also splits on
				   '#') */
	struct answers answers;	/* bool only: yes = ..., no = ... */
	int squash;		/* tags only: 1 folds spaces, hyphens and
				   underscores away ("Open Data" = "open-data") */
	int line;		/* line of the section header */
};

struct config_strategy {
	char *name;		/* from [strategy NAME] */
	char *plugin;		/* plugin name or path, or NULL */
	char *script;		/* resolved Lua script path, or NULL */
	double weight;		/* default 1 */
	size_t memory_limit;	/* Lua: bytes, default 64 MiB */
	long instruction_limit;	/* Lua: VM instructions per call */
	struct config_option *options;	/* every other key, in file order */
	size_t noptions;
	int line;		/* line of the section header */
	const char *file;	/* the config file, for messages */
};

enum match_mode {
	MATCH_SUGGESTIONS = 0,
	MATCH_PAIRS,
	MATCH_GROUPS,
	MATCH_ROUNDS,
	MATCH_MEETINGS
};

enum match_odd {
	MATCH_ODD_TRIO = 0,
	MATCH_ODD_LEAVE_OUT
};

struct config_match {
	enum match_mode mode;
	long per_attendee;	/* suggestions: wanted per person (default 3) */
	long min_per_attendee;	/* suggestions: floor (default per_attendee) */
	long max_per_attendee;	/* suggestions: cap (default per_attendee) */
	long candidates;	/* candidate edges kept per person (default 50) */
	double min_score;	/* pairs must score above this (default 0) */
	unsigned long seed;	/* default 1 */
	enum match_odd odd;	/* pairs */
	long group_size;	/* groups and rounds: people per table (0 = pairs) */
	long rounds;		/* rounds (default 1) */
	int rounds_max;		/* rounds = max: as many as the search finds */
	long slots;		/* meetings: time slots (required) */
	long tables;		/* meetings: meetings a slot at most, 0 = any */
	int best_effort;	/* groups, rounds: vetoed pairs may sit
				 * together, as few as found */
	long threads;		/* scoring threads; 0 = auto (default) */
	char *per_attendee_column;	/* column of how many introductions
					   each wants, or NULL */
	int exhaustive;		/* score every pair, no candidate stage */
};

struct mingle_config {
	char *path;		/* the config file as given */
	char *dir;		/* its folder */

	/* [input] */
	char *input_file;	/* resolved */
	struct csv_options csv;
	char *id_column;
	char **name_columns;	/* "First + Last" -> two specs */
	size_t nname_columns;
	char *consent_column;	/* or NULL */
	char *availability_column;	/* meetings: free slots, or NULL */
	struct answers consent_answers;	/* consent_yes, consent_no */
	/* who is coming, one person once (roster.h) */
	char *preset;		/* preset name, or NULL for none */
	char *email_column;	/* or NULL: the preset's, or a guess */
	char *person_spec;	/* "A + B", or NULL: e-mail and name */
	char *timestamp_spec;	/* "Date + Time", or NULL */
	int duplicates;		/* enum person_duplicates */
	struct config_filter *filters;	/* include / exclude, in order */
	size_t nfilters;

	struct config_field *fields;
	size_t nfields;

	struct config_strategy *strategies;
	size_t nstrategies;

	struct config_match match;

	/* [output] */
	char *output_file;	/* resolved, or NULL for stdout */
	char *report_file;	/* coverage report, or NULL */
	char *schedule_file;	/* per-attendee schedule, or NULL */
	char *per_person_file;	/* a row per attendee, or NULL */
	char *tables_file;	/* a row per table and round, or NULL */
	int output_dialect;	/* enum out_csv_dialect: 0 standard, 1 excel */
	char **output_columns;	/* export columns carried into outputs */
	size_t noutput_columns;
	int output_columns_line;	/* of the columns key */
	char *html_file;	/* the HTML report (report_html.h), or NULL */

	/* [plugins] */
	char **plugin_path;	/* resolved folders, searched first */
	size_t nplugin_path;
};

/* Load and validate PATH.  Returns NULL with *cause set on error. */
struct mingle_config *config_load(const char *path, char **cause);
void config_free(struct mingle_config *c);

const char *config_mode_name(enum match_mode m);
const char *config_field_type_name(int type);

/* The value of KEY among the strategy's options, or NULL. */
const char *config_strategy_option(const struct config_strategy *s,
    const char *key);

/* The keys of a strategy section that mingle reads itself (NULL-ended). */
const char *const *config_strategy_host_keys(void);

#endif
