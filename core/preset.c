/*
 * preset.c -- the presets: each tool's export, and recognising the tool.
 *
 * The table holds header keys (preset_key()).  A list entry may give
 * spellings as "a|b" (any one) and parts as "a+b" (all of them, joined:
 * "firstname+lastname").  Signature entries count a point each when one
 * of their spellings is a header; "^" before one counts two points, only
 * as the first column (Google Forms always starts with its Timestamp).
 * Sources: /work/shared FORMATS.md notes and the tools' public exports;
 * translations where the tools translate their headers (pretix,
 * Eventbrite, Meetup, Google Forms).
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "normalize.h"
#include "person.h"
#include "preset.h"
#include "util.h"

#define PRESET_MIN_SCORE 2

struct preset {
	const char *name;
	const char *title;
	const char *const *signature;
	const char *const *id;
	const char *const *names;
	const char *const *email;
	const char *const *status;
	const char *values;	/* the status filter's values */
	int exclude;		/* ... are dropped, not kept */
	const char *const *time;
};

static long	preset_find(const struct preset_headers *, const char *);
static size_t	preset_alt(const struct preset_headers *, const char *,
		    long *, size_t);
static size_t	preset_list(const struct preset_headers *,
		    const char *const *, long *, size_t);
static long	preset_guess_name(const struct preset_headers *);
static long	preset_guess_email(const struct preset_headers *);

/* ------------------------------------------------------------ the table */

/* Statuses that mean "not coming", in English and German. */
#define NOT_COMING \
	"cancel*, storn*, declined, abgelehnt, rejected, refund*, " \
	"erstattet, not attending, nicht teilnehmend, nimmt nicht teil, " \
	"wait*list*, warteliste*, pending*, ausstehend, expired, abgelaufen, " \
	"void*, deleted, gelöscht, abgesagt, unpaid, unbezahlt, invited, " \
	"eingeladen, transferred, no, nein"

static const char *const generic_id[] = {
	"id", "attendeeid", "ticketid", "registrationid", "participantid",
	"teilnehmerid", "anmeldeid", "anmeldungsid", "ticketnumber",
	"ticketnr", "ticket#", "registrationnumber", "anmeldenummer",
	"teilnehmernummer", "guestid", "userid", "memberid", NULL
};
static const char *const generic_name[] = {
	"firstname+lastname", "firstname+surname", "givenname+familyname",
	"givenname+surname", "vorname+nachname", "vorname+familienname",
	"prénom+nom", "nombre+apellidos", "nombre+apellido",
	"voornaam+achternaam", "nome+cognome",
	"name", "fullname", "yourname", "attendeename", "participantname",
	"teilnehmername", "teilnehmer", "teilnehmerin", "vollständigername",
	"vorundnachname", "vorundzuname", "nameundvorname", "deinname",
	"ihrname", "nomcomplet", "nom", "nombrecompleto", "nombre",
	"nomecompleto", "nome", "naam", "volledigenaam", NULL
};
static const char *const generic_email[] = {
	"email", "emailaddress", "emailadresse", "mail", "mailadresse",
	"youremail", "youremailaddress", "deineemail", "deineemailadresse",
	"ihreemail", "ihreemailadresse", "attendeeemail", "participantemail",
	"teilnehmeremail", "contactemail", "kontaktemail", "adressemail",
	"adresseemail", "courriel", "correo", "correoelectrónico",
	"direccióndecorreoelectrónico", "direccióndecorreo", "indirizzoemail",
	"endereçodeemail", "emailadres", "adresemail", "epost",
	"epostadresse", "epostadress", "sähköpostiosoite", NULL
};
static const char *const generic_status[] = {
	"status", "attendeestatus", "registrationstatus", "anmeldestatus",
	"teilnahmestatus", "teilnehmerstatus", "state", "rsvp",
	"approvalstatus", "ticketstatus", "orderstatus", "bestellstatus",
	NULL
};
static const char *const generic_time[] = {
	"timestamp", "zeitstempel", "createdat", "registeredat",
	"registrationdate", "registrationtime", "anmeldedatum", "anmeldezeit",
	"submittedat", "submissiondate", "orderdate", "bestelldatum", NULL
};

static const char *const eventbrite_signature[] = {
	"order#|ordernumber|orderno|bestellnr|bestellnummer#",
	"orderdate", "attendee#|attendeeid|teilnehmernr|teilnehmer#",
	"attendeestatus|teilnehmerstatus", "tickettype|ticketart",
	"ordertype|bestellart|bestellungsart", "totalpaid", "feespaid",
	"eventbritefees|eventbritegebühren", "eventbritepaymentprocessing",
	"pricetier", "barcode#", "homeaddress1", "dateattending",
	"buyerfirstname", NULL
};
static const char *const eventbrite_id[] = {
	"attendee#", "attendeeid", "teilnehmernr", "teilnehmer#",
	"teilnehmernummer", "barcode#", "ticket#", "ticketid", NULL
};
static const char *const eventbrite_name[] = {
	"firstname+lastname", "vorname+nachname",
	"attendeefirstname+attendeelastname", "name", "attendeename",
	"fullname", NULL
};
static const char *const eventbrite_email[] = {
	"email", "emailaddress", "attendeeemail", "emailadresse", NULL
};
static const char *const eventbrite_status[] = {
	"attendeestatus", "teilnehmerstatus", "status", NULL
};
static const char *const eventbrite_time[] = {
	"orderdate", "bestelldatum", NULL
};

static const char *const pretix_signature[] = {
	"eventslug|eventkurzform|veranstaltungskurzform|kurzform",
	"ordercode|bestellnummer|bestellcode",
	"positionid|positionsid",
	"attendeename|namedesteilnehmers|teilnehmername|"
	    "namederteilnehmendenperson|namedesteilnehmenden",
	"attendeeemail|emaildesteilnehmers|teilnehmeremail|"
	    "emailderteilnehmendenperson|emailadressedesteilnehmers",
	"ordertime|bestellzeit|bestelluhrzeit",
	"pseudonymizationid|pseudonymisierungsid",
	"product|produkt", "variation|variante", "taxrule|steuerregel",
	"saleschannel|verkaufskanal", "orderlocale|bestellsprache",
	"invoiceaddressname|rechnungsadressename|namerechnungsadresse",
	"voucher|gutschein", "emailaddressverified|emailadresseverifiziert",
	NULL
};
static const char *const pretix_id[] = {
	"ordercode+positionid", "bestellnummer+positionsid",
	"bestellcode+positionsid", "ordercode+positionsid",
	"bestellnummer+positionid", "secret", "geheimnis", NULL
};
static const char *const pretix_name[] = {
	"attendeename", "namedesteilnehmers", "teilnehmername",
	"namederteilnehmendenperson", "namedesteilnehmenden",
	"attendeenamegivenname+attendeenamefamilyname",
	"namedesteilnehmersvorname+namedesteilnehmersnachname", NULL
};
static const char *const pretix_email[] = {
	"attendeeemail", "emaildesteilnehmers", "teilnehmeremail",
	"emailderteilnehmendenperson", "emailadressedesteilnehmers", "email",
	"emailadresse", NULL
};
static const char *const pretix_status[] = {
	"status", "orderstatus", "bestellstatus", NULL
};
static const char *const pretix_time[] = {
	"orderdate+ordertime", "bestelldatum+bestellzeit",
	"bestelldatum+bestelluhrzeit", "orderdate", "bestelldatum", NULL
};

static const char *const tito_signature[] = {
	"number", "ticketcreateddate|ticketcreatedat", "ticket",
	"ticketfullname", "ticketfirstname", "ticketlastname", "ticketemail",
	"ticketcompanyname", "ticketphonenumber", "voidstatus",
	"ticketreference", "orderreference", "ordername", "orderemail",
	"ticketslug", "releasename", NULL
};
static const char *const tito_id[] = {
	"number", "ticketnumber", "ticketreference", "reference", NULL
};
static const char *const tito_name[] = {
	"ticketfullname", "ticketfirstname+ticketlastname", "fullname",
	"name", "firstname+lastname", NULL
};
static const char *const tito_email[] = { "ticketemail", "email", NULL };
static const char *const tito_status[] = {
	"voidstatus", "void", "ticketstate", "state", "status", NULL
};
static const char *const tito_time[] = {
	"ticketcreateddate", "ticketcreatedat", "createddate", "createdat",
	NULL
};

static const char *const meetup_signature[] = {
	"userid|memberid|benutzerid|mitgliedsid|mitgliederid",
	"rsvp|rsvpstatus", "rsvpedon|rsvpam|rsvpdatum",
	"joinedgroupon|dergruppebeigetretenam|gruppebeigetretenam",
	"urlofmemberprofile|urldesmitgliedsprofils",
	"eventhost|veranstaltungshost|gastgeber", "guests|gäste",
	"lastvisitedgroupon", "lastattended", "totalrsvps", "rsvpedyes",
	"rsvpedmaybe", "rsvpedno", "meetupsattended", "noshows",
	"assistantorganizer", "mailinglist", NULL
};
static const char *const meetup_id[] = {
	"userid", "memberid", "benutzerid", "mitgliedsid", "mitgliederid",
	"urlofmemberprofile", NULL
};
static const char *const meetup_name[] = {
	"name", "membername", "mitgliedsname", NULL
};
static const char *const meetup_status[] = {
	"rsvp", "rsvpstatus", "response", "rsvpresponse", NULL
};
static const char *const meetup_time[] = {
	"rsvpedon", "rsvpam", "rsvpdatum", NULL
};

static const char *const luma_signature[] = {
	"apiid", "approvalstatus", "checkedinat", "qrcodeurl", "customsource",
	"tickettypeid", "ethaddress", "solanaaddress", "amounttax",
	"amountdiscount", "couponcode", "createdat", "ticketname",
	"surveyresponserating", "surveyresponsefeedback", NULL
};
static const char *const luma_id[] = {
	"apiid", "guestapiid", "guestid", "id", NULL
};
static const char *const luma_name[] = {
	"name", "firstname+lastname", "fullname", NULL
};
static const char *const luma_email[] = { "email", "emailaddress", NULL };
static const char *const luma_status[] = {
	"approvalstatus", "status", NULL
};
static const char *const luma_time[] = {
	"createdat", "registeredat", NULL
};

static const char *const forms_signature[] = {
	"^timestamp|zeitstempel|horodateur|marcatemporal|tijdstempel|"
	    "informazionicronologiche|carimbodedatahora|sygnaturaczasowa|"
	    "tidsstempel|tidsstämpel|aikaleima",
	"emailaddress|emailadresse|adressemail|adresseemail|"
	    "direccióndecorreoelectrónico|indirizzoemail|endereçodeemail|"
	    "emailadres|adresemail|epostadresse|sähköpostiosoite",
	NULL
};
static const char *const forms_time[] = {
	"timestamp", "zeitstempel", "horodateur", "marcatemporal",
	"tijdstempel", "informazionicronologiche", "carimbodedatahora",
	"sygnaturaczasowa", "tidsstempel", "tidsstämpel", "aikaleima", NULL
};

static const struct preset presets[] = {
	{ .name = "eventbrite", .title = "Eventbrite",
	  .signature = eventbrite_signature, .id = eventbrite_id,
	  .names = eventbrite_name, .email = eventbrite_email,
	  .status = eventbrite_status,
	  .values = "attending, checked*in, teilnehmend, nimmt teil, "
	      "eingecheckt",
	  .time = eventbrite_time },
	{ .name = "pretix", .title = "pretix",
	  .signature = pretix_signature, .id = pretix_id,
	  .names = pretix_name, .email = pretix_email,
	  .status = pretix_status,
	  .values = "p, paid*, bezahlt*, payé, pagado, pagato, betaald",
	  .time = pretix_time },
	{ .name = "tito", .title = "Tito",
	  .signature = tito_signature, .id = tito_id,
	  .names = tito_name, .email = tito_email,
	  .status = tito_status, .exclude = 1,
	  .values = NOT_COMING ", true, yes, 1",
	  .time = tito_time },
	{ .name = "luma", .title = "Luma",
	  .signature = luma_signature, .id = luma_id,
	  .names = luma_name, .email = luma_email,
	  .status = luma_status, .values = "approved, going",
	  .time = luma_time },
	{ .name = "meetup", .title = "Meetup",
	  .signature = meetup_signature, .id = meetup_id,
	  .names = meetup_name, .email = generic_email,
	  .status = meetup_status,
	  .values = "yes, ja, oui, sí, si, sim, going",
	  .time = meetup_time },
	{ .name = "google-forms", .title = "Google Forms",
	  .signature = forms_signature, .id = NULL,
	  .names = generic_name, .email = generic_email,
	  .status = generic_status, .exclude = 1, .values = NOT_COMING,
	  .time = forms_time },
	{ .name = "generic", .title = "a generic export",
	  .id = generic_id, .names = generic_name, .email = generic_email,
	  .status = generic_status, .exclude = 1, .values = NOT_COMING,
	  .time = generic_time },
	{ .name = "auto", .title = "recognised from the header" },
};
#define NPRESETS (sizeof presets / sizeof presets[0])
#define PRESET_GENERIC (&presets[NPRESETS - 2])
#define PRESET_AUTO (&presets[NPRESETS - 1])

static const char *const names[] = {
	"auto", "eventbrite", "pretix", "tito", "luma", "meetup",
	"google-forms", "generic", NULL
};

/* ------------------------------------------------------------ names */

const struct preset *
preset_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < NPRESETS; i++)
		if (strcasecmp(presets[i].name, name) == 0)
			return &presets[i];
	if (strcasecmp(name, "google forms") == 0 ||
	    strcasecmp(name, "googleforms") == 0 ||
	    strcasecmp(name, "google_forms") == 0)
		return preset_by_name("google-forms");
	return NULL;
}

const char *const *
preset_names(void)
{
	return names;
}

const char *
preset_name(const struct preset *p)
{
	return p->name;
}

const char *
preset_title(const struct preset *p)
{
	return p->title;
}

int
preset_is_auto(const struct preset *p)
{
	return p == PRESET_AUTO;
}

int
preset_is_generic(const struct preset *p)
{
	return p == PRESET_GENERIC;
}

/* ------------------------------------------------------------ headers */

char *
preset_key(const char *header)
{
	char *folded = normalize_tag(header, strlen(header)), *r, *w;

	if (folded == NULL)
		return xstrdup("");
	for (r = w = folded; *r != '\0'; r++)
		if (isalnum((unsigned char)*r) || *r == '#' ||
		    (unsigned char)*r >= 0x80)
			*w++ = *r;
	*w = '\0';
	return folded;
}

void
preset_headers_build(struct preset_headers *h, const struct csv_table *csv)
{
	size_t col;

	memset(h, 0, sizeof *h);
	h->csv = csv;
	h->first = xcalloc(csv->ncols + 1, sizeof *h->first);
	for (col = 0; col < csv->ncols; col++) {
		char *key = preset_key(csv_cell(csv, 0, col));
		uint32_t before = h->keys.count, id;

		id = intern_add(&h->keys, key);
		if (h->keys.count != before)
			h->first[id] = (uint32_t)col;
		free(key);
	}
}

void
preset_headers_free(struct preset_headers *h)
{
	intern_free(&h->keys);
	free(h->first);
	memset(h, 0, sizeof *h);
}

/* The first column with header key KEY, or -1. */
static long
preset_find(const struct preset_headers *h, const char *key)
{
	long id = intern_find(&h->keys, key);

	return id < 0 || *key == '\0' ? -1 : (long)h->first[id];
}

/*
 * The columns of one alternative "a+b" (every part must be there), into
 * COLS; returns how many, 0 if a part is missing.
 */
static size_t
preset_alt(const struct preset_headers *h, const char *alt, long *cols,
    size_t max)
{
	size_t n = 0;

	while (*alt != '\0') {
		size_t len = strcspn(alt, "+");
		char *key = xstrndup(alt, len);
		long col = preset_find(h, key);

		free(key);
		if (col < 0 || n == max)
			return 0;
		cols[n++] = col;
		alt += len + (alt[len] == '+');
	}
	return n;
}

/* The first alternative of LIST found in the header. */
static size_t
preset_list(const struct preset_headers *h, const char *const *list,
    long *cols, size_t max)
{
	size_t n;

	for (; list != NULL && *list != NULL; list++)
		if ((n = preset_alt(h, *list, cols, max)) > 0)
			return n;
	return 0;
}

/* ------------------------------------------------------------ guesses */

/*
 * A header that asks for a name ("Wie ist dein Name?", "Your full
 * name", "Wie heißt du?") and not for another one (a company, a user
 * name, an event).
 */
static long
preset_guess_name(const struct preset_headers *h)
{
	static const char *const other[] = {
		"company", "firma", "organi", "unternehmen", "user", "nutzer",
		"benutzer", "nick", "team", "event", "veranstaltung", "ticket",
		"product", "produkt", "file", "datei", "invoice", "rechnung",
		"business", "project", "projekt", "school", "schule", "group",
		"gruppe", "employer", "arbeitgeber", "pet", "badge", "domain",
		NULL
	};
	const char *const *o;
	size_t col;

	for (col = 0; col < h->csv->ncols; col++) {
		char *key = preset_key(csv_cell(h->csv, 0, col));
		int ok = (strstr(key, "name") != NULL ||
		    strstr(key, "heisst") != NULL) && strlen(key) <= 40;

		for (o = other; ok && *o != NULL; o++)
			ok = strstr(key, *o) == NULL;
		free(key);
		if (ok)
			return (long)col;
	}
	return -1;
}

/* Rows looked at to tell a column of e-mails. */
#define PRESET_GUESS_ROWS 1000

/*
 * A column whose filled cells (of the first PRESET_GUESS_ROWS) are nearly
 * all e-mail addresses, the first one whose header says mail if there are
 * several.
 */
static long
preset_guess_email(const struct preset_headers *h)
{
	const struct csv_table *csv = h->csv;
	size_t col, row, filled, like;
	long found = -1;

	for (col = 0; col < csv->ncols; col++) {
		char *key;

		filled = like = 0;
		for (row = 1; row <= csv->nrows && row <= PRESET_GUESS_ROWS;
		    row++) {
			const char *cell = csv_cell(csv, row, col);

			if (cell[strspn(cell, " \t")] == '\0')
				continue;
			filled++;
			like += person_email_like(cell);
		}
		if (filled == 0 || like * 10 < filled * 9)
			continue;
		key = preset_key(csv_cell(csv, 0, col));
		if (strstr(key, "mail") != NULL) {
			free(key);
			return (long)col;
		}
		free(key);
		if (found < 0)
			found = (long)col;
	}
	return found;
}

/* ------------------------------------------------------------ parts */

const struct preset *
preset_detect(const struct preset_headers *h, long *cols, size_t max,
    size_t *ncols)
{
	const struct preset *best = PRESET_GENERIC;
	size_t i, best_score = PRESET_MIN_SCORE - 1;

	*ncols = 0;
	for (i = 0; i < NPRESETS; i++) {
		const char *const *sig = presets[i].signature;
		long found[64];
		size_t score = 0, nfound = 0;

		for (; sig != NULL && *sig != NULL; sig++) {
			const char *spelling = *sig;
			int first = *spelling == '^';

			spelling += first;
			while (*spelling != '\0') {
				size_t len = strcspn(spelling, "|");
				char *key = xstrndup(spelling, len);
				long col = preset_find(h, key);

				free(key);
				spelling += len + (spelling[len] == '|');
				if (col < 0 || (first && col != 0))
					continue;
				score += first ? 2 : 1;
				if (nfound < 64)
					found[nfound++] = col;
				break;
			}
		}
		if (score > best_score) {
			best = &presets[i];
			best_score = score;
			*ncols = nfound < max ? nfound : max;
			memcpy(cols, found, *ncols * sizeof *cols);
		}
	}
	return best;
}

size_t
preset_columns(const struct preset *p, enum preset_part part,
    const struct preset_headers *h, long *cols, size_t max)
{
	const char *const *list;
	size_t n = 0;
	long col;

	switch (part) {
	case PRESET_ID:
		return preset_list(h, p->id, cols, max);
	case PRESET_NAME:
		if ((n = preset_list(h, p->names, cols, max)) > 0)
			return n;
		if ((col = preset_guess_name(h)) < 0 || max == 0)
			return 0;
		cols[0] = col;
		return 1;
	case PRESET_EMAIL:
		for (list = p->email; list != NULL && *list != NULL; list++)
			if (n < max && (col = preset_find(h, *list)) >= 0)
				cols[n++] = col;
		if (n > 0 || (col = preset_guess_email(h)) < 0 || max == 0)
			return n;
		cols[0] = col;
		return 1;
	case PRESET_STATUS:
		return preset_list(h, p->status, cols, max > 1 ? 1 : max);
	case PRESET_TIME:
		return preset_list(h, p->time, cols, max);
	}
	return 0;
}

const char *
preset_status_values(const struct preset *p, int *exclude)
{
	*exclude = p->exclude;
	return p->values;
}
