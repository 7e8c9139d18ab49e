/*
 * output_roster.h -- the tables roster: who sits where, one row per table
 * and round (the schedule has one row per person and round).
 */
#ifndef MINGLE_OUTPUT_ROSTER_H
#define MINGLE_OUTPUT_ROSTER_H

#include "out_table.h"
#include "output.h"

/*
 * round,table,seats, then for N = 1 .. the largest table:
 * seat_N_id,seat_N_name[,seat_N_COL...]; rows by round and table, people
 * at a table by rank (the order of the introductions), cells beyond a
 * table's size empty.  Whoever is left out of a round gets a row of its
 * own with no table.  The sheet "Tables".
 */
void output_roster_table(struct out_table *tb,
    const struct output_source *src);

#endif
