/*
 * output_meetings.h -- what `mode = meetings` writes beyond the
 * introductions: each person's meetings in slot order, and what could not
 * be placed.
 */
#ifndef MINGLE_OUTPUT_MEETINGS_H
#define MINGLE_OUTPUT_MEETINGS_H

#include <stdint.h>
#include <stdio.h>

#include "assignment.h"
#include "attendees.h"
#include "output.h"

/* The schedule of meetings: slot,table,id,name,[COL...],with_id,
 * with_name,[with_COL...], a row per person and meeting, sorted by id
 * and slot so each person's meetings stand together in slot order.  The
 * sheet "Schedule" when the assignment has slots (output_set.c). */
void output_meetings_schedule_table(struct out_table *tb,
    const struct output_source *src);

/* For standard error: how many meetings found a slot of SLOTS, Vizing's
 * yardstick for the busiest person, and the first meetings not placed,
 * by name, with the reason. */
void output_meetings_summary(FILE *f, const struct attendee_table *t,
    const struct assignment *as, uint32_t slots);

#endif
