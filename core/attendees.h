/*
 * attendees.h -- the attendee table: columnar, typed, immutable after load.
 *
 * Built once from the CSV and the config's [input] and [field] sections.
 * Ids and names are UTF-8 strings; each configured field is one typed
 * column.  Tags are interned per field into ids 0..ntags-1 after Unicode
 * normalization (NFKC + case folding, '#' prefixes stripped, spaces
 * trimmed), and stored per attendee as sorted, duplicate-free arrays in
 * one flat buffer (CSR layout), so scoring never touches a string.
 */
#ifndef MINGLE_ATTENDEES_H
#define MINGLE_ATTENDEES_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "csv.h"
#include "intern.h"
#include "roster.h"

struct field {
	const char *name;	/* config's field name (borrowed) */
	int type;		/* enum mingle_field_type */
	size_t column;		/* CSV column */

	/* MINGLE_FIELD_TAGS: attendee i has tag_ids[tag_off[i] .. tag_off[i+1]) */
	uint32_t *tag_off;
	uint32_t *tag_ids;
	uint32_t *tag_freq;	/* attendees per tag */

	/* MINGLE_FIELD_TAGS and MINGLE_FIELD_CATEGORY: the interned values */
	struct intern values;

	/* MINGLE_FIELD_TAGS: each tag as written (normalize_label); tag id
	 * -> the spelling most of its holders wrote, first seen on a tie */
	struct intern labels;
	uint32_t *label_of;

	/* MINGLE_FIELD_CATEGORY: value id + 1, 0 = missing */
	uint32_t *category;

	/* MINGLE_FIELD_NUMBER */
	double *number;
	unsigned char *has_number;

	/* MINGLE_FIELD_BOOL: 1, 0, or -1 missing */
	signed char *boolean;

	/* MINGLE_FIELD_TEXT and MINGLE_FIELD_CATEGORY: trimmed text or NULL */
	const char **text;
};

struct attendee_table {
	size_t n;		/* attendees, in file order */
	const char **id;	/* trimmed id column */
	char **name;		/* joined name columns */
	size_t *row;		/* CSV data row (1-based, the record number in
				   the file) of each attendee */
	unsigned char *consent;	/* 1 if they may be introduced */
	size_t nconsenting;
	/* [match] per_attendee_column: how many introductions each wants,
	 * UINT32_MAX for an empty cell (the default), 0 to opt out; NULL
	 * without the key. */
	uint32_t *wants;

	struct field *fields;
	size_t nfields;
	struct intern field_names;	/* name -> index into fields */

	const struct csv_table *csv;	/* borrowed: raw columns */
	const char *source;	/* input file name, for messages */
	struct roster roster;	/* which rows are attendees (roster.h) */
	/* Ids, e-mails and names for plugins' lookup: built on first use
	 * (plugin_host.c), the one member written after the build. */
	struct person_index *people;
};

/*
 * Build the table from CSV according to CONFIG.  Both must outlive the
 * table.  The attendees are the rows roster_build() keeps; an id shared by
 * different people (a buyer's e-mail on a group order) becomes "ID#2".
 * Errors: roster_build()'s, an empty id, a value that does not fit its
 * field type (a number that is not a number, a bool that is not yes/no),
 * a per_attendee_column cell that is not a whole number from 0.
 */
int attendees_build(struct attendee_table *t, const struct csv_table *csv,
    const struct mingle_config *config, char **cause);
void attendees_free(struct attendee_table *t);

/* The field called NAME, or NULL. */
const struct field *attendees_field(const struct attendee_table *t,
    const char *name);

/* The attendee with id ID (for e-mail ids: ignoring case and spaces), or
 * -1. */
long attendees_find(const struct attendee_table *t, const char *id);

/* Parse a bool cell by the rules of answers.h without patterns: 1, 0,
 * -1 for empty, or -2 for anything else. */
int attendees_parse_bool(const char *s);

#endif
