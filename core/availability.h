/*
 * availability.h -- the meeting slots each attendee can attend, from the
 * column `[input] availability` names (mode = meetings).
 *
 * A cell lists slot numbers and ranges, split by commas, semicolons or
 * spaces: "1,2,4", "1-3", "1-3; 6".  An empty cell means every slot.
 * Slots count from 1 to `[match] slots`.
 */
#ifndef MINGLE_AVAILABILITY_H
#define MINGLE_AVAILABILITY_H

#include <stddef.h>
#include <stdint.h>

#include "attendees.h"
#include "config.h"

/* The words of a slot set of SLOTS slots. */
#define AVAILABILITY_WORDS(slots) (((size_t)(slots) + 63) / 64)

/*
 * Read CELL into BITS (AVAILABILITY_WORDS(SLOTS) words, cleared first):
 * bit s - 1 for slot s.  Returns 0, or -1 with *why set (a new string,
 * no place prefix): what is wrong and how to write it.
 */
int availability_parse(const char *cell, uint32_t slots, uint64_t *bits,
    char **why);

/*
 * Every attendee's slots, attendee i's at (*free)[i * *words], for T built
 * with C.  With no availability column configured, *free is NULL (every
 * slot).  Returns 0, or -1 with *cause set: no such column, or cells that
 * cannot be read, each named by its line (all of them, up to a limit).
 */
int availability_build(const struct attendee_table *t,
    const struct mingle_config *c, uint64_t **free, size_t *words,
    char **cause);

#endif
