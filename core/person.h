/*
 * person.h -- one person once: which rows of an export are one person.
 *
 * Every row that stays gets a person key (roster.c builds it: by default
 * the e-mail and the name, folded).  Rows with the same key are one
 * person registered more than once; person_dedup() keeps one of them and
 * says which it dropped.  Rows with different keys are different people,
 * even when they share an id (a buyer's e-mail on every ticket of a group
 * order): person_unique_id() gives the later ones "ID#2", "ID#3"...
 */
#ifndef MINGLE_PERSON_H
#define MINGLE_PERSON_H

#include <stddef.h>
#include <stdint.h>

#include "intern.h"

enum person_duplicates {
	PERSON_KEEP_LAST = 0,	/* the latest registration wins */
	PERSON_KEEP_FIRST,
	PERSON_ERROR
};

/* One row as person_dedup() sees it. */
struct person_row {
	size_t row;		/* CSV data row */
	char *key;		/* person key; NULL: nobody else */
	int has_time;		/* TIME was read from the row */
	int64_t time;		/* registration time, timestamp_parse() */
};

/* A row dropped as a repeat of another (CSV data rows). */
struct person_merge {
	size_t kept;
	size_t dropped;
};

/*
 * S folded for comparing names and values: normalize_tag() (NFKC, case
 * folded, white space collapsed, leading '#' dropped), with a fast path
 * for ASCII text, where that is lower case and collapsed space.  A new
 * string, or NULL if S is not valid UTF-8.
 */
char *person_fold(const char *s);

/*
 * "Anna.Koch@Example.ORG " as "anna.koch@example.org": white space
 * removed, NFKC, case folded.  A new string ("" for NULL).
 */
char *person_fold_email(const char *s);

/* Does S look like one e-mail address (text@text.text, no spaces)? */
int person_email_like(const char *s);

/*
 * Among the N ROWS (in file order), keep one row per key: with POLICY
 * keep-last the latest, with keep-first the earliest -- by time when every
 * row of that person has one, else by file order.  Sets DROP[i] for the
 * rows dropped and returns 0 with the merges (in file order of the dropped
 * row; the caller frees *MERGES).  With PERSON_ERROR, the first repeat
 * returns -1 with *MERGES holding that one pair (kept = the first row).
 */
int person_dedup(const struct person_row *rows, size_t n,
    enum person_duplicates policy, unsigned char *drop,
    struct person_merge **merges, size_t *nmerges);

/*
 * ID if no id before it had the same text (ignoring case and spaces when
 * EMAIL), else the first free "ID#2", "ID#3"... (and *RENAMED is set).
 * Takes ID (a malloc'ed string) and returns what to keep; SEEN collects
 * the ids given so far.
 */
char *person_unique_id(struct intern *seen, char *id, int email,
    int *renamed);

#endif
