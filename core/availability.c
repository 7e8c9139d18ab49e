/*
 * availability.c -- the meeting slots of each attendee (see
 * availability.h).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "availability.h"
#include "csv.h"
#include "util.h"

#define AVAILABILITY_SEPARATORS ",; \t\r\n"

static int	availability_number(const char **, uint32_t, uint32_t *,
		    char **);

/* A slot number at *P, moved past it: 1 .. SLOTS. */
static int
availability_number(const char **p, uint32_t slots, uint32_t *out,
    char **why)
{
	const char *s = *p;
	unsigned long v = 0;

	if (*s < '0' || *s > '9') {
		*why = xasprintf("'%.*s' is no slot number; write the "
		    "slots as 1,2,4 or 1-3",
		    (int)strcspn(s, AVAILABILITY_SEPARATORS), s);
		return -1;
	}
	while (*s >= '0' && *s <= '9') {
		if (v <= slots)
			v = v * 10 + (unsigned long)(*s - '0');
		s++;
	}
	if (v < 1 || v > slots) {
		*why = xasprintf("slot %.*s does not exist: [match] slots = %u "
		    "makes slots 1 to %u", (int)(s - *p), *p, slots, slots);
		return -1;
	}
	*p = s;
	*out = (uint32_t)v;
	return 0;
}

int
availability_parse(const char *cell, uint32_t slots, uint64_t *bits,
    char **why)
{
	const char *p = cell, *after;
	uint32_t from, to, s;
	int any = 0;

	memset(bits, 0, AVAILABILITY_WORDS(slots) * sizeof *bits);
	for (;;) {
		p += strspn(p, AVAILABILITY_SEPARATORS);
		if (*p == '\0')
			break;
		if (availability_number(&p, slots, &from, why) != 0)
			return -1;
		to = from;
		after = p + strspn(p, " \t");
		if (*after == '-') {
			p = after + 1;
			p += strspn(p, " \t");
			if (availability_number(&p, slots, &to, why) != 0)
				return -1;
			if (to < from) {
				*why = xasprintf("the range %u-%u runs "
				    "backwards; write %u-%u", from, to, to,
				    from);
				return -1;
			}
		}
		if (*p != '\0' && strchr(AVAILABILITY_SEPARATORS, *p) ==
		    NULL) {
			*why = xasprintf("'%c' after slot %u: split slots "
			    "with commas, as in 1,2,4 or 1-3", *p, to);
			return -1;
		}
		for (s = from; s <= to; s++)
			bits[(s - 1) / 64] |= (uint64_t)1 << ((s - 1) % 64);
		any = 1;
	}
	if (!any)		/* empty: every slot */
		for (s = 1; s <= slots; s++)
			bits[(s - 1) / 64] |= (uint64_t)1 << ((s - 1) % 64);
	return 0;
}

int
availability_build(const struct attendee_table *t,
    const struct mingle_config *c, uint64_t **free_slots, size_t *words,
    char **cause)
{
	struct problems pr = { 0 };
	char *inner = NULL, *why, *where;
	uint32_t slots = (uint32_t)c->match.slots;
	long col;
	size_t i;

	*free_slots = NULL;
	*words = AVAILABILITY_WORDS(slots);
	if (c->availability_column == NULL)
		return 0;
	col = csv_column(t->csv, c->availability_column, &inner);
	if (col < 0) {
		*cause = xasprintf("%s: [input] availability: %s", c->path,
		    inner);
		free(inner);
		return -1;
	}
	*free_slots = xcalloc(t->n * *words + 1, sizeof **free_slots);
	for (i = 0; i < t->n; i++) {
		const char *cell = csv_cell(t->csv, t->row[i], (size_t)col);

		if (availability_parse(cell, slots,
		    *free_slots + i * *words, &why) == 0)
			continue;
		where = csv_where(t->csv, t->row[i]);
		problems_add(&pr, "%savailability '%s' of %s: %s", where,
		    cell, t->id[i], why);
		free(where);
		free(why);
	}
	*cause = problems_message(&pr, "availability cells");
	if (*cause == NULL)
		return 0;
	free(*free_slots);
	*free_slots = NULL;
	return -1;
}
