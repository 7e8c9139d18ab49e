/*
 * preset.h -- what the ticketing tools write, and recognising them.
 *
 * A preset knows one tool's export: the columns that identify it (its
 * signature), and where its id, name, e-mail, status and registration
 * time are, in the tool's languages and versions.  Columns are compared
 * by their folded header (preset_key): "E-Mail-Adresse", "Email address"
 * and "email_address" are all "emailadresse" or "emailaddress", so one
 * entry covers the spellings.
 *
 * roster.c asks a preset for each part the config leaves open.
 */
#ifndef MINGLE_PRESET_H
#define MINGLE_PRESET_H

#include <stddef.h>
#include <stdint.h>

#include "csv.h"
#include "intern.h"

struct preset;

enum preset_part {
	PRESET_ID,		/* first alternative found; '+' joins parts */
	PRESET_NAME,
	PRESET_EMAIL,		/* all found; per row the first filled */
	PRESET_STATUS,		/* the column the status filter reads */
	PRESET_TIME		/* the registration time, for keep-last */
};

/* The folded headers of one export, to look columns up by key. */
struct preset_headers {
	const struct csv_table *csv;
	struct intern keys;	/* preset_key() of each header */
	uint32_t *first;	/* key id -> the first column with it */
};

/* The preset NAME (any case; also "auto" and "generic"), or NULL. */
const struct preset *preset_by_name(const char *name);

/* Every name a config may give, NULL-ended. */
const char *const *preset_names(void);

const char *preset_name(const struct preset *p);	/* "google-forms" */
const char *preset_title(const struct preset *p);	/* "Google Forms" */
int preset_is_auto(const struct preset *p);
int preset_is_generic(const struct preset *p);

/*
 * The key of a header: NFKC, case folded, and only letters, digits, '#'
 * and non-ASCII characters kept ("Order #" is "order#", "E-Mail des
 * Teilnehmers" is "emaildesteilnehmers").  A new string.
 */
char *preset_key(const char *header);

void preset_headers_build(struct preset_headers *h,
    const struct csv_table *csv);
void preset_headers_free(struct preset_headers *h);

/*
 * The tool that wrote the export: the preset with the most signature
 * columns in the header, at least two; else the generic preset.  The
 * columns that matched go into COLS (at most MAX of them, *NCOLS set).
 */
const struct preset *preset_detect(const struct preset_headers *h,
    long *cols, size_t max, size_t *ncols);

/*
 * The columns of PART in the export, into COLS (at most MAX); returns how
 * many, 0 if the preset finds none.  Names and e-mails fall back to a
 * guess from the headers (and, for e-mails, from the cells) when none of
 * the preset's own columns is there.
 */
size_t preset_columns(const struct preset *p, enum preset_part part,
    const struct preset_headers *h, long *cols, size_t max);

/*
 * The values the status filter holds, as a filter's value list ("p,
 * paid, bezahlt"), or NULL; *EXCLUDE says whether they are dropped (else
 * kept).
 */
const char *preset_status_values(const struct preset *p, int *exclude);

#endif
