/*
 * person_index.h -- find an attendee by what a person wrote in another
 * file: an id, an e-mail address or a name.
 *
 * Built once from the attendees' ids, e-mail addresses and names; each
 * lookup is a few hash probes, never a walk over the attendees.  Keys:
 *   - ids as they are, white space around removed;
 *   - e-mail addresses folded as person_fold_email() folds them (the ids
 *     too, where they look like e-mail addresses);
 *   - names folded by normalize_loose() (case, accents, spacing), "Last,
 *     First" (exactly one comma, text on both sides) read as "First
 *     Last", on both sides of the lookup.
 */
#ifndef MINGLE_PERSON_INDEX_H
#define MINGLE_PERSON_INDEX_H

#include <stddef.h>
#include <stdint.h>

struct person_index;

/*
 * The index of N people: ID[i], NAME[i] and EMAIL[i] (NAME and EMAIL may
 * hold NULL or "" for none).  The strings are copied.  Never NULL.
 */
struct person_index *person_index_build(const char *const *id,
    const char *const *name, const char *const *email, size_t n);
void person_index_free(struct person_index *ix);

/*
 * Who WHO names: by id first, then by e-mail address, then by name.
 * Returns 1 with *OUT the person, 0 for nobody, or -1 if several people
 * have that e-mail address or name, with *OUT the first of them (by
 * index).
 */
int person_index_find(const struct person_index *ix, const char *who,
    uint32_t *out);

#endif
