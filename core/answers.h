/*
 * answers.h -- yes/no answers as people write them.
 *
 * Consent and bool fields hold what a registration form wrote: "yes",
 * "Ja", "x", but also "Ja, stellt mich gerne vor" or "No thanks".  An
 * answer is read, after normalization (NFKC, case folded, spaces
 * collapsed), by the first rule that knows it:
 *   1. the config's patterns (`yes = Ja*, Gerne` in a [field], or
 *      `consent_yes` / `consent_no` in [input]); `*` matches any text.
 *      If both lists match, the more specific pattern wins: one without
 *      `*`, else the one with more text besides `*`; on a tie, no.
 *   2. the yes/no words: yes y ja j true wahr 1 x on oui si /
 *      no n nein false falsch 0 off non.
 *   3. the first word, if it is a yes or no in English or German:
 *      yes yeah yep ja jawohl / no nope nein ("Nein, danke" is no).
 * An empty cell is no answer; patterns never match it.
 */
#ifndef MINGLE_ANSWERS_H
#define MINGLE_ANSWERS_H

#include <stddef.h>

#include "csv.h"
#include "intern.h"

/* The config's patterns, normalized.  A zeroed struct has none. */
struct answers {
	char **yes;
	size_t nyes;
	char **no;
	size_t nno;
};

/*
 * Add the patterns of LIST to A's yes list (YES nonzero) or no list.
 * LIST is comma-separated; a pattern in double quotes may hold commas
 * ("Ja, gerne"), and "" in it is one quote.  Returns 0, or -1 with *cause
 * set (no place): a list without any pattern, an unclosed quote.
 */
int answers_add(struct answers *a, int yes, const char *list, char **cause);
void answers_free(struct answers *a);

/* Read CELL with A's patterns (A may be NULL) and the rules above:
 * 1 yes, 0 no, -1 empty, -2 not known. */
int answers_read(const struct answers *a, const char *cell);

/*
 * The error for a column holding answers that are not known: the distinct
 * answers with their rows, and the line that would read them.  COL of CSV,
 * for the N data rows ROWS (from 1), read with A.  WHAT names the column
 * ("consent column 'OK?'"), SECTION where the keys go ("[input]"), and
 * YES_KEY / NO_KEY the keys ("consent_yes").  Starts with the place of
 * the first unknown answer.  A new string; NULL if every answer is known.
 */
char *answers_report(const struct answers *a, const struct csv_table *csv,
    const size_t *rows, size_t n, size_t col, const char *what,
    const char *section, const char *yes_key, const char *no_key);

#endif
