/*
 * test_preset.c -- unit tests for core/preset.c: recognising each tool
 * from the header of its exports (versions, languages, spellings), and
 * the columns each preset finds.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "preset.h"
#include "tap.h"
#include "util.h"

static struct csv_table csv;
static struct preset_headers headers;
static int loaded;

static void
unload(void)
{
	if (loaded) {
		preset_headers_free(&headers);
		csv_free(&csv);
	}
	loaded = 0;
}

/* Read HEADER plus ROW (or a row of "x") and recognise the tool. */
static const char *
detect(const char *header, const char *row)
{
	char *text, *cause = NULL;
	long cols[64];
	size_t n;

	unload();
	if (row == NULL) {
		const char *p;
		struct strbuf sb = { 0 };

		strbuf_puts(&sb, "x");
		for (p = header; *p != '\0'; p++)
			if (*p == ',' || *p == '\t' || *p == ';')
				strbuf_printf(&sb, "%cx", *p);
		text = xasprintf("%s\n%s\n", header, sb.buf);
		strbuf_free(&sb);
	} else
		text = xasprintf("%s\n%s\n", header, row);
	if (csv_read_buffer("t.csv", text, strlen(text), NULL, &csv,
	    &cause) != 0) {
		printf("# %s\n", cause);
		free(cause);
		free(text);
		return "(csv error)";
	}
	free(text);
	loaded = 1;
	preset_headers_build(&headers, &csv);
	return preset_name(preset_detect(&headers, cols, 64, &n));
}

/* The columns preset NAME finds for PART, as "A + B", or "". */
static char *
part(const char *name, enum preset_part which)
{
	struct strbuf sb = { 0 };
	long cols[8];
	size_t n, k;

	n = preset_columns(preset_by_name(name), which, &headers, cols, 8);
	for (k = 0; k < n; k++)
		strbuf_printf(&sb, "%s%s", k ? " + " : "",
		    csv_cell(&csv, 0, (size_t)cols[k]));
	return strbuf_detach(&sb);
}

#define is_part(name, which, want, what) do {				\
	char *got_ = part(name, which);					\
	is_str(got_, want, what);					\
	free(got_);							\
} while (0)

static void
test_names(void)
{
	char *k;

	ok(preset_by_name("pretix") != NULL, "pretix is a preset");
	ok(preset_by_name("EventBrite") != NULL, "names ignore case");
	is_str(preset_name(preset_by_name("Google Forms")), "google-forms",
	    "'Google Forms' is google-forms");
	ok(preset_is_auto(preset_by_name("auto")), "auto");
	ok(preset_is_generic(preset_by_name("generic")), "generic");
	ok(preset_by_name("eventbrit") == NULL, "a typo is none");
	is_str(preset_names()[0], "auto", "the names start with auto");
	k = preset_key(" E-Mail des Teilnehmers ");
	is_str(k, "emaildesteilnehmers", "key: punctuation and spaces go");
	free(k);
	k = preset_key("Order #");
	is_str(k, "order#", "key: '#' stays");
	free(k);
	k = preset_key("Straße");
	is_str(k, "strasse", "key: case folded");
	free(k);
}

static void
test_eventbrite(void)
{
	is_str(detect("Order #,Order Date,First Name,Last Name,Email,Quantity,"
	    "Price Tier,Ticket Type,Attendee #,Group,Order Type,Currency,"
	    "Total Paid,Fees Paid,Eventbrite Fees,Eventbrite Payment "
	    "Processing,Attendee Status,Home Address 1,Home Address 2,Home "
	    "City,Home State,Home Zip,Home Country,Interests,Job Title,"
	    "Company", NULL), "eventbrite", "Eventbrite attendee report");
	is_part("eventbrite", PRESET_ID, "Attendee #", "Eventbrite: id");
	is_part("eventbrite", PRESET_NAME, "First Name + Last Name",
	    "Eventbrite: name");
	is_part("eventbrite", PRESET_EMAIL, "Email", "Eventbrite: e-mail");
	is_part("eventbrite", PRESET_STATUS, "Attendee Status",
	    "Eventbrite: status");
	is_part("eventbrite", PRESET_TIME, "Order Date", "Eventbrite: time");
	is_str(detect("Order #,Order Date,Prefix,First Name,Last Name,Email,"
	    "Quantity,Ticket Type,Attendee #,Barcode #,Attendee Status",
	    NULL), "eventbrite", "an older Eventbrite report");
	is_str(detect("Order number,Order date,First name,Last name,Email,"
	    "Ticket quantity,Ticket type,Attendee ID,Order type,Total paid,"
	    "Attendee status", NULL), "eventbrite",
	    "a newer one, in lower case");
	is_part("eventbrite", PRESET_ID, "Attendee ID", "... its id");
}

static void
test_pretix(void)
{
	is_str(detect("Event slug,Order code,Position ID,Status,Email,Phone "
	    "number,Order date,Order time,Product,Variation,Price,Tax rate,"
	    "Tax rule,Tax value,Attendee name,Attendee name: Given name,"
	    "Attendee name: Family name,Attendee email,Company,Address,ZIP "
	    "code,City,Country,State,Voucher,Pseudonymization ID,Order "
	    "comment,Topics,Company,Invoice address name,Address,ZIP code,"
	    "City,Country,State,VAT ID,Sales channel,Order locale", NULL),
	    "pretix", "pretix in English");
	is_part("pretix", PRESET_ID, "Order code + Position ID",
	    "pretix: the position is unique with its order");
	is_part("pretix", PRESET_NAME, "Attendee name", "pretix: name");
	is_part("pretix", PRESET_EMAIL, "Attendee email + Email",
	    "pretix: the attendee's e-mail, else the buyer's");
	is_part("pretix", PRESET_STATUS, "Status", "pretix: status");
	is_part("pretix", PRESET_TIME, "Order date + Order time",
	    "pretix: date and time");
	is_str(detect("Event-Kurzform;Bestellnummer;Positions-ID;Status;"
	    "E-Mail;Telefonnummer;Bestelldatum;Produkt;Preis;Name des "
	    "Teilnehmers;Name des Teilnehmers: Vorname;Name des Teilnehmers: "
	    "Nachname;E-Mail des Teilnehmers;Firma;Adresse;PLZ;Stadt;Land;"
	    "Deine drei Hashtags;Firma;Rechnungsadresse Name", NULL),
	    "pretix", "pretix in German");
	is_part("pretix", PRESET_ID, "Bestellnummer + Positions-ID",
	    "pretix German: id");
	is_part("pretix", PRESET_NAME, "Name des Teilnehmers",
	    "pretix German: name");
	is_part("pretix", PRESET_EMAIL, "E-Mail des Teilnehmers + E-Mail",
	    "pretix German: e-mail");
	is_part("pretix", PRESET_TIME, "Bestelldatum", "pretix German: "
	    "the date when there is no time");
	is_str(detect("Order code,Position ID,Status,Email,Attendee name: "
	    "Given name,Attendee name: Family name", NULL), "pretix",
	    "pretix with a two-part name scheme");
	is_part("pretix", PRESET_NAME, "Attendee name: Given name + Attendee "
	    "name: Family name", "... the two parts are the name");
}

static void
test_tito(void)
{
	is_str(detect("Number,Ticket Created Date,Ticket,Ticket Full Name,"
	    "Ticket First Name,Ticket Last Name,Ticket Email,Ticket Company "
	    "Name,Ticket Phone Number,Event,Void Status,Price,Ticket "
	    "Reference,Tags,Order Reference,Order Name,Order Email,\"Monday "
	    "\"\"sprint\"\" attendance\"", NULL), "tito", "Tito");
	is_part("tito", PRESET_ID, "Number", "Tito: id");
	is_part("tito", PRESET_NAME, "Ticket Full Name", "Tito: name");
	is_part("tito", PRESET_EMAIL, "Ticket Email",
	    "Tito: the ticket's e-mail, never the buyer's");
	is_part("tito", PRESET_STATUS, "Void Status", "Tito: status");
}

static void
test_meetup(void)
{
	is_str(detect("Name\tUser ID\tTitle\tEvent Host\tRSVP\tGuests\tRSVPed "
	    "on\tJoined Group on\tURL of Member Profile\tWhat brings you?",
	    NULL), "meetup", "Meetup RSVP list");
	is_part("meetup", PRESET_ID, "User ID", "Meetup: id");
	is_part("meetup", PRESET_NAME, "Name", "Meetup: name");
	is_part("meetup", PRESET_EMAIL, "", "Meetup: no e-mail");
	is_part("meetup", PRESET_STATUS, "RSVP", "Meetup: RSVP");
	is_str(detect("Name\tAttendance\tUser ID\tTitle\tEvent Host\tRSVP\t"
	    "Guests\tRSVPed on\tJoined Group on\tURL of Member Profile\t"
	    "Notes", NULL), "meetup", "Meetup RSVP list, newer version");
	is_str(detect("Name,Member ID,Title,Location,Joined Group on,Last "
	    "visited group on,Last Attended,Total RSVPs,RSVPed Yes,RSVPed "
	    "Maybe,RSVPed No,Meetups attended,No shows,Intro,Photo,Assistant "
	    "Organizer,Mailing List,URL of Member Profile", NULL), "meetup",
	    "Meetup member list");
	is_part("meetup", PRESET_ID, "Member ID", "member list: id");
	is_part("meetup", PRESET_STATUS, "", "member list: no RSVP");
}

static void
test_luma(void)
{
	is_str(detect("api_id,name,first_name,last_name,email,phone_number,"
	    "created_at,approval_status,custom_source,checked_in_at,"
	    "qr_code_url,amount,amount_tax,amount_discount,currency,"
	    "coupon_code,eth_address,solana_address,survey_response_rating,"
	    "survey_response_feedback,ticket_type_id,ticket_name,What do you "
	    "do?", NULL), "luma", "Luma");
	is_part("luma", PRESET_ID, "api_id", "Luma: id");
	is_part("luma", PRESET_NAME, "name", "Luma: name");
	is_part("luma", PRESET_EMAIL, "email", "Luma: e-mail");
	is_part("luma", PRESET_STATUS, "approval_status", "Luma: status");
	is_part("luma", PRESET_TIME, "created_at", "Luma: time");
}

static void
test_forms(void)
{
	is_str(detect("Timestamp,Email Address,Your name,Interests", NULL),
	    "google-forms", "Google Forms");
	is_part("google-forms", PRESET_ID, "", "Forms: no id of their own");
	is_part("google-forms", PRESET_NAME, "Your name", "Forms: name");
	is_part("google-forms", PRESET_EMAIL, "Email Address",
	    "Forms: e-mail");
	is_part("google-forms", PRESET_TIME, "Timestamp", "Forms: time");
	is_str(detect("Timestamp,Email address,Name", NULL), "google-forms",
	    "newer forms: Email address");
	is_str(detect("Zeitstempel,E-Mail-Adresse,Vor- und Nachname", NULL),
	    "google-forms", "German forms");
	is_part("google-forms", PRESET_NAME, "Vor- und Nachname",
	    "German forms: name");
	is_str(detect("Timestamp,Wie ist dein Name?,Firmenname", NULL),
	    "google-forms", "a form that collects no e-mail");
	is_part("google-forms", PRESET_NAME, "Wie ist dein Name?",
	    "... the name question is found");
	is_str(detect("Horodateur,Adresse e-mail,Nom", NULL), "google-forms",
	    "French forms");
	is_str(detect("Zeitstempel,Wie heißt du?,Was machst du?", NULL),
	    "google-forms", "a German form without e-mail");
	is_part("google-forms", PRESET_NAME, "Wie heißt du?",
	    "... 'Wie heißt du?' asks for the name");
}

static void
test_generic(void)
{
	is_str(detect("Name,E-Mail,Company", NULL), "generic",
	    "nothing known: generic");
	is_str(detect("Email,Timestamp,Name", NULL), "generic",
	    "a Timestamp that is not the first column is no form");
	is_str(detect("Company name,Your full name,Kontakt", "ACME,Ann Arbor,"
	    "ann@example.org"), "generic", "generic export");
	is_part("generic", PRESET_NAME, "Your full name",
	    "a name question that is not the company's");
	is_part("generic", PRESET_EMAIL, "Kontakt",
	    "e-mails found in the cells");
	is_part("generic", PRESET_ID, "", "no id column");
	is_str(detect("Vorname,Nachname,Mail", NULL), "generic", "German");
	is_part("generic", PRESET_NAME, "Vorname + Nachname",
	    "Vorname + Nachname");
	is_part("generic", PRESET_EMAIL, "Mail", "Mail");
	is_part("generic", PRESET_STATUS, "", "no status column");
	unload();
}

int
main(void)
{
	test_names();
	test_eventbrite();
	test_pretix();
	test_tito();
	test_meetup();
	test_luma();
	test_forms();
	test_generic();
	return tap_done();
}
