/*
 * person_pairs.h -- people named in a plugin's own files and fields, for
 * the built-in plugins do_not_match, history and conflicts: each name
 * found through api->lookup (an id, an e-mail address or a name), the
 * pairs of a two-person CSV into a pair set, and the names that found
 * nobody or several people gathered for one warning.  Uses only the
 * public ABI (1.2: table and lookup).
 *
 * Which columns of a two-person CSV hold the people (the first line is
 * the header, compared ignoring case and spaces at the ends):
 *   1. a_id and b_id, as mingle's own output has them, with a_name and
 *      b_name tried for a side whose id is nobody this year;
 *   2. else a and b, person and other, or person_a and person_b;
 *   3. else the first two columns.
 */
#ifndef MINGLE_PLUGINS_PERSON_PAIRS_H
#define MINGLE_PLUGINS_PERSON_PAIRS_H

#include <stddef.h>
#include <stdint.h>

#include "mingle/plugin.h"
#include "pair_set.h"

/* How many names a warning shows before "and N more". */
#define PERSON_PAIRS_SHOWN 10

/* A name that found nobody, or several people. */
struct person_miss {
	char *who;		/* as written */
	uint32_t from;		/* the caller's: a file, an attendee */
	uint32_t line;		/* the caller's: a line */
	int several;		/* several people: FIRST is one of them */
	mingle_attendee first;
};

/* A row of a two-person CSV whose two sides found one attendee (a
 * repeat registration merged into another, say). */
struct person_same {
	uint32_t line;
	mingle_attendee who;
};

struct person_misses {
	struct person_miss *v;
	size_t n, cap;
	size_t nobody;		/* misses that found nobody */
	struct person_same *same;	/* person_pairs_read: by line */
	size_t nsame, same_cap;
	const char *unused;	/* what a name that fits several does not
				   do, or NULL for "nothing is vetoed" */
};

/*
 * Where miss M comes from, for a warning: "dnm.csv line 4", "listed by
 * a@x.example".  Into BUF of CAP bytes.
 */
typedef void (*person_pairs_place_fn)(void *ctx, const struct person_miss *m,
    char *buf, size_t cap);

/*
 * WHO (trimmed here) as one attendee into *OUT: returns 1, or 0 after
 * noting WHO in M (nobody, or several) with FROM and LINE; -1 after
 * api->error() if memory ran out.  An empty WHO is 0, and no miss.
 */
int person_pairs_find(const struct mingle_api *api, mingle_host *host,
    const char *who, mingle_attendee *out, struct person_misses *m,
    uint32_t from, uint32_t line);

/*
 * Read the two-person CSV PATH (option KEY names it) into SET, each pair
 * with FROM and its line; the sides that find nobody or several people
 * into M, the rows whose sides find one attendee into M->same.  *NPAIRS counts the rows read (may be NULL).  Returns 0, or -1
 * after api->error().
 */
int person_pairs_read(const struct mingle_api *api, mingle_host *host,
    const char *key, const char *path, uint32_t from, struct pair_set *set,
    struct person_misses *m, size_t *nrows);

/*
 * One warning through api->log for the misses that found nobody: "WHAT:
 * 'Zoe' (PLACE), ...", the first PERSON_PAIRS_SHOWN of them; then a
 * warning for each that found several people, naming them.  PLACE says
 * where each comes from.
 */
void person_pairs_warn(const struct mingle_api *api, mingle_host *host,
    const struct person_misses *m, const char *what,
    person_pairs_place_fn place, void *ctx);

/* Log only the names that found several people (as person_pairs_warn). */
void person_pairs_warn_several(const struct mingle_api *api,
    mingle_host *host, const struct person_misses *m,
    person_pairs_place_fn place, void *ctx);

void person_pairs_free_misses(struct person_misses *m);

/* The two-person CSV that option "file" names, for do_not_match and
 * must_meet: its pairs, each with its line. */
struct person_pairs_file {
	struct pair_set pairs;	/* line: the file's line */
	char *file;		/* as the config names it */
};

/*
 * Read the CSV that option "file" names into a new *OUT, the names that
 * find nobody or several people into M.  PAIRS says what the pairs are
 * for the error when "file" is missing ("pairs never to introduce").
 * Returns 0, or -1 after api->error() (*OUT is then NULL; M the caller
 * still frees).
 */
int person_pairs_file_open(const struct mingle_api *api, mingle_host *host,
    const char *pairs, struct person_pairs_file **out,
    struct person_misses *m);

/* A person_pairs_place_fn for CTX, a person_pairs_file: "dnm.csv line 4". */
void person_pairs_file_place(void *ctx, const struct person_miss *m,
    char *buf, size_t cap);

/* Into BUF of CAP bytes, "WHY (dnm.csv line 4)" if the file lists A and
 * B, else "". */
void person_pairs_file_reason(const struct person_pairs_file *f,
    const char *why, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap);

void person_pairs_file_free(struct person_pairs_file *f);

#endif
