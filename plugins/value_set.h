/*
 * value_set.h -- the values of one category, text or tags field, per
 * attendee, as sorted sets of dense ids; shared by the built-in plugins
 * same, diversity, exclude_same and between.  Uses only the public ABI.
 *
 * Two attendees share a value if and only if their sets meet, whatever the
 * field's type:
 *   - category: the host's id (values equal after NFKC and case folding);
 *   - tags: the host's tag ids (equal the same way), several per attendee;
 *   - text: the text folded here exactly as the host folds categories
 *     (value_set_fold), so "Köln", " köln" and "KÖLN" are one value.
 * A missing value is the empty set: it shares nothing and differs from
 * nothing.
 */
#ifndef MINGLE_PLUGINS_VALUE_SET_H
#define MINGLE_PLUGINS_VALUE_SET_H

#include <stddef.h>
#include <stdint.h>

#include "mingle/plugin.h"

/* value_set_find's answer for a value no attendee holds. */
#define VALUE_SET_NONE UINT32_MAX

struct value_set {
	const struct mingle_api *api;
	mingle_host *host;
	const char *name;	/* the field's name; the host's string */
	int field;
	int type;		/* MINGLE_FIELD_CATEGORY, _TEXT or _TAGS */
	uint32_t n;		/* attendees */
	uint32_t *start;	/* N + 1 offsets into ids */
	uint32_t *ids;		/* each attendee's ids, sorted ascending */
	uint32_t nvalues;	/* ids are 0..nvalues-1 */
	char **folded;		/* per id: the folded text */
	const char **shown;	/* per id: as its first holder wrote it */
};

/*
 * Read field NAME, the value of option KEY (NAME may be NULL: the option
 * is missing), into VS.  TYPES is a mask of (1 << MINGLE_FIELD_*) naming
 * the types the caller accepts.  Returns 0, or -1 after api->error() with
 * a message naming KEY, NAME and the types allowed (VS is then empty and
 * need not be freed).
 */
int value_set_init(struct value_set *vs, const struct mingle_api *api,
    mingle_host *host, const char *key, const char *name, unsigned types);
void value_set_free(struct value_set *vs);

/* "a category, text or tags field": the types in mask TYPES, for
 * messages. */
const char *value_set_types(unsigned types);

/*
 * The handle of field NAME, the value of option KEY, whose type is in mask
 * TYPES (stored in *TYPE), as value_set_init checks it; or -1 after
 * api->error().
 */
int value_set_field(const struct mingle_api *api, mingle_host *host,
    const char *key, const char *name, unsigned types, int *type);

/*
 * S folded for comparison: NFKC, case-folded, '#' marks and white space at
 * the start removed, white space at the end removed, inner runs of white
 * space made one space -- what the host does to categories and tags.
 * Returns a new string, or NULL if S is not valid UTF-8 or memory ran out.
 */
char *value_set_fold(const char *s);

/* The id of the value TEXT (folded here), or VALUE_SET_NONE if no attendee
 * holds it. */
uint32_t value_set_find(const struct value_set *vs, const char *text);

/* Forget value ID: no attendee holds it any more. */
void value_set_drop(struct value_set *vs, uint32_t id);

/*
 * Option KEY, a comma-separated list of values, is what no attendee should
 * hold: drop each (value_set_drop); values nobody holds are skipped.
 * Returns 0, or -1 after api->error() if memory ran out.
 */
int value_set_ignore(struct value_set *vs, const char *key);

/* Log that option KEY names TEXT, a value no attendee holds, with the
 * first values they do hold, in the order they first appear. */
void value_set_warn_unknown(const struct value_set *vs, const char *key,
    const char *text);

/* A's ids, sorted; returns how many (0: missing). */
size_t value_set_of(const struct value_set *vs, mingle_attendee a,
    const uint32_t **ids);

/* How many values A and B share; the first CAP of them are stored in OUT
 * (may be NULL), ascending. */
size_t value_set_shared(const struct value_set *vs, mingle_attendee a,
    mingle_attendee b, uint32_t *out, size_t cap);

/* Value ID as attendee A wrote it (category, text) or as the host shows
 * the tag (tags). */
const char *value_set_text(const struct value_set *vs, mingle_attendee a,
    uint32_t id);

/*
 * "same NAME: v1, v2" into BUF of CAP bytes for the values A and B share
 * (NAME is the field's name), as many as value_set_join() fits; an empty
 * BUF where they share none.  Returns how many they share.
 */
size_t value_set_reason_shared(const struct value_set *vs,
    mingle_attendee a, mingle_attendee b, char *buf, size_t cap);

/*
 * Write the first N of attendee A's TOTAL values IDS, joined by ", ", into
 * BUF of CAP bytes (CAP >= 1): as many whole values as fit, then
 * " (+K more)" for the rest.  A value is never cut, nor a UTF-8 character,
 * unless not even the first fits: then it is cut at a character and ends
 * in "\u2026".  Returns strlen(BUF).
 */
size_t value_set_join(const struct value_set *vs, mingle_attendee a,
    const uint32_t *ids, size_t n, size_t total, char *buf, size_t cap);

#endif
