/*
 * output_person.h -- the per-person table, for a mail merge: one row per
 * attendee who may be introduced, with every partner, both directions.
 */
#ifndef MINGLE_OUTPUT_PERSON_H
#define MINGLE_OUTPUT_PERSON_H

#include "out_table.h"
#include "output.h"

/*
 * id,name,[COL...],introductions, then for N = 1 .. the most anyone got:
 * partner_N_id,partner_N_name,[partner_N_COL...],reason_N, and in
 * meetings slot_N,table_N; rows by id, a person's partners in the order
 * of the introductions table (meetings: slot order), cells beyond their
 * count empty.  The sheet "Per person".  SRC needs the
 * engine (the reasons).
 */
void output_person_table(struct out_table *tb,
    const struct output_source *src);

#endif
