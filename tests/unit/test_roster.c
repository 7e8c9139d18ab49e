/*
 * test_roster.c -- unit tests for core/roster.c through attendees_build():
 * presets, include / exclude, tickets nobody holds, one person once, ids
 * of group orders; and the [input] keys that drive them (config.c).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attendees.h"
#include "config.h"
#include "csv.h"
#include "capture.h"
#include "tap.h"
#include "util.h"

static char dir[] = "/tmp/mingle-test-roster.XXXXXX";
static char *ini;

static struct mingle_config *cfg;
static struct csv_table csv;
static int have_csv;
static struct attendee_table tab;
static int have_tab;

static void
done(void)
{
	if (have_tab)
		attendees_free(&tab);
	if (have_csv)
		csv_free(&csv);
	config_free(cfg);
	cfg = NULL;
	have_tab = have_csv = 0;
}

static struct mingle_config *
load(const char *text, char **cause)
{
	FILE *f = fopen(ini, "w");

	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(ini);
		exit(99);
	}
	*cause = NULL;
	return config_load(ini, cause);
}

/*
 * Build the table of CSV_TEXT with the config INI_TEXT.  0, or -1 with
 * *cause (also for a config or CSV that does not load).
 */
static int
build(const char *ini_text, const char *csv_text, char **cause)
{
	done();
	if ((cfg = load(ini_text, cause)) == NULL)
		return -1;
	if (csv_read_buffer(cfg->input_file, csv_text, strlen(csv_text),
	    &cfg->csv, &csv, cause) != 0)
		return -1;
	have_csv = 1;
	if (attendees_build(&tab, &csv, cfg, cause) != 0)
		return -1;
	have_tab = 1;
	return 0;
}

/* The ids of the table, joined with ' '. */
static char *
ids(void)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < tab.n; i++)
		strbuf_printf(&sb, "%s%s", i ? " " : "", tab.id[i]);
	return strbuf_detach(&sb);
}

#define is_ids(want, what) do {						\
	char *got_ = ids();						\
	is_str(got_, want, what);					\
	free(got_);							\
} while (0)

/* What F wrote for the table: roster_warn or roster_print. */
static char *
said(int print)
{
	char *buf = NULL;

	if (print)
		CAPTURE(buf, roster_print(&tab.roster, &csv, cfg, f_));
	else
		CAPTURE(buf, roster_warn(&tab.roster, &csv, f_));
	return buf;
}

static void
test_config(void)
{
	struct mingle_config *c;
	char *cause;

	c = load("[input]\nfile = a.csv\npreset = Google Forms\n"
	    "include = Status: paid\nexclude = Ticket: Staff*\n"
	    "include = Day: 1\nduplicates = keep-first\nemail = Mail\n"
	    "person = Name + Mail\ntimestamp = Date + Time\n", &cause);
	ok(c != NULL, "the [input] keys of presets load; no id needed");
	if (c != NULL) {
		is_str(c->preset, "google-forms", "preset by its name");
		is_int(c->nfilters, 3, "include and exclude may repeat");
		ok(c->filters[1].exclude && c->filters[1].line == 5,
		    "each filter knows its kind and line");
		is_int(c->duplicates, PERSON_KEEP_FIRST, "duplicates");
		is_str(c->email_column, "Mail", "email");
		is_str(c->person_spec, "Name + Mail", "person");
		is_str(c->timestamp_spec, "Date + Time", "timestamp");
	} else
		printf("# %s\n", cause);
	config_free(c);
	c = load("[input]\nfile = a.csv\npreset = eventbrit\n", &cause);
	ok(c == NULL, "an unknown preset");
	like(cause, "event.ini:3: preset must be one of auto, eventbrite, "
	    "pretix, tito, luma, meetup, google-forms, generic, not "
	    "'eventbrit'; did you mean 'eventbrite'?", "... lists the presets");
	free(cause);
	c = load("[input]\nfile = a.csv\npreset = auto\ninclude = paid\n",
	    &cause);
	ok(c == NULL, "a filter without a column");
	like(cause, "event.ini:4: include: 'paid' names no column",
	    "... says so with its line");
	free(cause);
	c = load("[input]\nfile = a.csv\npreset = auto\nduplicates = last\n",
	    &cause);
	ok(c == NULL, "a bad duplicates");
	like(cause, "duplicates must be one of keep-last, keep-first, error",
	    "... lists the choices");
	free(cause);
	c = load("[input]\nfile = a.csv\n", &cause);
	like(cause, "or a preset for the tool that wrote the export (preset = "
	    "auto recognises it)", "without preset the id is needed; the "
	    "message names presets");
	free(cause);
	c = load("[input]\nfile = a.csv\npreset = auto\nemail = a\nemail = b\n",
	    &cause);
	like(cause, "'email' is set twice", "other keys still may not repeat");
	free(cause);
}

#define PRETIX_DE							\
	"Bestellnummer;Positions-ID;Status;E-Mail;Bestelldatum;Bestellzeit;"\
	"Name des Teilnehmers;E-Mail des Teilnehmers;Themen\n"		\
	"K1;1;bezahlt;anna@x.org;2026-10-01;10:00:00;Anna Koch;;lua\n"	\
	"K2;1;storniert;bob@x.org;2026-10-02;10:00:00;Bob Bauer;;lua\n"	\
	"K3;1;bezahlt;grp@x.org;2026-10-03;09:00:00;Cem Çelik;;lua\n"	\
	"K3;2;bezahlt;grp@x.org;2026-10-03;09:00:00;Dora Dörr;;lua\n"	\
	"K4;1;ausstehend;eve@x.org;2026-10-04;10:00:00;Eve Ernst;;lua\n"\
	"K5;1;p;ANNA@x.org ;2026-10-05;08:00:00;anna  koch;;\"lua,\nux\"\n"\
	"K6;1;bezahlt;grp@x.org;2026-09-30;10:00:00;Finn Fuchs;finn@x.org;lua\n"

static void
test_pretix(void)
{
	char *cause = NULL, *s;

	ok(build("[input]\nfile = a.csv\npreset = auto\n\n[field t]\ncolumn = "
	    "Themen\ntype = tags\n", PRETIX_DE, &cause) == 0,
	    "German pretix with preset = auto");
	if (cause != NULL)
		printf("# %s\n", cause);
	is_ids("K3-1 K3-2 K5-1 K6-1", "storniert and ausstehend dropped; "
	    "Anna's first order merged into her second");
	is_int(tab.n, 4, "four attendees");
	is_str(tab.name[2], "anna koch", "the later registration is kept");
	is_int(tab.row[2], 6, "... with its record number");
	is_int(tab.roster.nmerges, 1, "one merge");
	ok(tab.nfields == 1 && tab.fields[0].values.count == 2 &&
	    tab.fields[0].tag_freq[0] == 4 && tab.fields[0].tag_freq[1] == 1,
	    "tags count the attendees only: lua 4 times, not 7");
	ok(tab.roster.filters[0].dropped == 2, "the status filter dropped 2");
	s = said(0);
	like(s, "a.csv: records 1 (line 2) and 6 (line 7) are one person, "
	    "anna koch <ANNA@x.org>; keeping record 6, the later "
	    "registration\n", "the warning names both records");
	free(s);
	s = said(1);
	like(s, "preset: pretix (pretix), recognised from the header: "
	    "'Bestellnummer', 'Positions-ID', 'Name des Teilnehmers'",
	    "check: the tool and why");
	like(s, "id: columns 'Bestellnummer' + 'Positions-ID' (preset)\n",
	    "check: the id");
	like(s, "e-mail: columns 'E-Mail des Teilnehmers', else 'E-Mail' "
	    "(preset)\n", "check: the e-mail");
	like(s, "status: column 'Status' keeps p, paid*, bezahlt*",
	    "check: what the status filter keeps");
	like(s, ": 2 rows dropped ('storniert' 1, 'ausstehend' 1)\n",
	    "check: what it dropped");
	like(s, "duplicates: keep-last by 'Bestelldatum' + 'Bestellzeit': 1 "
	    "row merged (records 1 into 6)\n", "check: the merges");
	free(s);

	ok(build("[input]\nfile = a.csv\npreset = pretix\nduplicates = "
	    "keep-first\n", PRETIX_DE, &cause) == 0, "keep-first");
	is_ids("K1-1 K3-1 K3-2 K6-1", "keep-first keeps Anna's first order");

	ok(build("[input]\nfile = a.csv\npreset = pretix\ninclude = Status: *"
	    "\nexclude = Name des Teilnehmers: Eve*\n", PRETIX_DE,
	    &cause) == 0, "the config's include replaces the preset's");
	is_ids("K2-1 K3-1 K3-2 K5-1 K6-1", "everybody but Eve; Anna merged");

	ok(build("[input]\nfile = a.csv\npreset = pretix\ninclude = Status: "
	    "bezahlt\ninclude = Name des Teilnehmers: A*, C*\ninclude = "
	    "Status: p\n", PRETIX_DE, &cause) == 0, "three include lines");
	is_ids("K3-1 K5-1", "lines on one column add values, on two columns "
	    "both must match");
	s = said(1);
	like(s, "include = Status: bezahlt; Status: p (line 4): 2 rows "
	    "dropped ('storniert' 1, 'ausstehend' 1)\ninclude = Name des "
	    "Teilnehmers: A*, C* (line 5): 2 rows dropped ('Dora Dörr' 1, "
	    "'Finn Fuchs' 1)\n", "check: the merged include");
	free(s);

	ok(build("[input]\nfile = a.csv\npreset = pretix\nduplicates = error\n",
	    PRETIX_DE, &cause) != 0, "duplicates = error");
	like(cause, "a.csv:7: record 6 is the same person as record 1 (line "
	    "2), Anna Koch <anna@x.org>; duplicates = error refuses that",
	    "... names both records");
	free(cause);

	ok(build("[input]\nfile = a.csv\npreset = pretix\ninclude = Status: "
	    "paid\n", PRETIX_DE, &cause) != 0, "a filter that keeps nobody");
	like(cause, "no attendees left of 7 rows: 'include = Status: paid' "
	    "drops 7; 'Status' holds 'bezahlt' (4), 'storniert' (1), "
	    "'ausstehend' (1), 'p' (1); set include = Status: VALUE, VALUE",
	    "... lists what the column holds");
	free(cause);

	ok(build("[input]\nfile = a.csv\npreset = pretix\ninclude = Stauts: "
	    "paid\n", PRETIX_DE, &cause) != 0, "a filter on no column");
	like(cause, "event.ini:4: [input] include: no column \"Stauts\"",
	    "... names its line");
	free(cause);
}

static void
test_group_orders(void)
{
	char *cause = NULL, *s;

	ok(build("[input]\nfile = a.csv\nid = Email\nname = Name\n",
	    "Email,Name\nbuyer@x.org,Ann\nBuyer@X.org ,Bob\nbuyer@x.org,Cem\n"
	    "c@x.org,Cem\n", &cause) == 0, "id = Email with a group order");
	is_ids("buyer@x.org Buyer@X.org#2 buyer@x.org#3 c@x.org",
	    "different names on one e-mail are different people");
	is_int(tab.roster.renamed, 2, "two ids made unique");
	is_int(attendees_find(&tab, "BUYER@x.org"), 0, "e-mail ids are found "
	    "ignoring case");
	is_int(attendees_find(&tab, "buyer@x.org#3"), 2, "... and as renamed");
	s = said(1);
	like(s, "id: column 'Email'\nname: column 'Name'\ne-mail: column "
	    "'Email' (the id column)\n", "check: the e-mail is the id");
	like(s, "ids: 2 shared by different people, made unique with #2",
	    "check: the renamed ids");
	free(s);

	ok(build("[input]\nfile = a.csv\nid = Email\nname = Name\n",
	    "Email,Name\n a@x.org,Ann\nA@X.ORG,ann\n", &cause) == 0,
	    "the same person twice, id in other case");
	is_ids("A@X.ORG", "ids differing in case and spaces are one person");
	s = said(0);
	like(s, "records 1 (line 2) and 2 (line 3) are one person, ann "
	    "<A@X.ORG>; keeping record 2, the later one in the file",
	    "by the order in the file without a time");
	free(s);

	ok(build("[input]\nfile = a.csv\nid = Ticket\nname = Name\n",
	    "Ticket,Name\nT1,Ann\nT1,Ann\nT2,Ann\n", &cause) == 0,
	    "no e-mail column: the id tells people apart");
	is_ids("T1 T2", "the repeated ticket merged, another ticket kept");

	ok(build("[input]\nfile = a.csv\nid = Ticket\nname = Name\nperson = "
	    "Name\n", "Ticket,Name\nT1,Ann\nT2,ANN \nT3,Bob\n", &cause) == 0,
	    "person = Name");
	is_ids("T2 T3", "person decides who is the same");

	ok(build("[input]\nfile = a.csv\nid = Ticket\nname = Name\n",
	    "Ticket,Name\nT1,Ann\nT2,Bob\n", &cause) == 0, "a plain export");
	s = said(1);
	is_str(s, "id: column 'Ticket'\nname: column 'Name'\n",
	    "check prints what it did before presets");
	free(s);
}

static void
test_others(void)
{
	char *cause = NULL, *s;

	ok(build("[input]\nfile = a.csv\npreset = tito\n", "Number,Ticket "
	    "Full Name,Ticket Email,Void Status,Order Email\n1,Ann A,a@x.org,,"
	    "b@x.org\n2,,,,b@x.org\n3,Cem C,c@x.org,void,b@x.org\n4,Dora D,,,"
	    "b@x.org\n", &cause) == 0, "Tito");
	is_ids("1 4", "void and unassigned tickets are no people");
	is_int(tab.roster.unassigned, 1, "one ticket nobody holds");
	s = said(1);
	like(s, "not people: 1 row with neither a name nor an e-mail "
	    "(unassigned tickets) dropped\n", "check says so");
	free(s);

	ok(build("[input]\nfile = a.csv\npreset = luma\n", "api_id,name,email,"
	    "created_at,approval_status\ngst-3,Ann,a@x.org,2026-08-03T10:00:00"
	    "Z,approved\ngst-2,Bob,b@x.org,2026-08-02T10:00:00Z,declined\n"
	    "gst-1,Ann,A@x.org,2026-08-01T10:00:00Z,approved\n", &cause) == 0,
	    "Luma, newest first");
	is_ids("gst-3", "the later registration by created_at wins");

	ok(build("[input]\nfile = a.csv\npreset = meetup\n", "Name\tUser ID\t"
	    "RSVP\tRSVPed on\nAnn\tuser 1\tYes\t2026-11-02\nBob\tuser 2\t"
	    "Waitlist\t2026-11-01\nAnn\tuser 1\tyes\t2026-11-01\n", &cause) ==
	    0, "Meetup");
	is_ids("user 1", "RSVP yes only, one Ann");
	is_int(tab.row[0], 1, "the later RSVP is the first row");

	ok(build("[input]\nfile = a.csv\npreset = auto\n",
	    "Zeitstempel,E-Mail-Adresse,Dein Name\n"
	    "01.10.2026 10:00:00,a@x.org,Ann\n"
	    "02.10.2026 10:00:00,b@x.org,Bob\n",
	    &cause) == 0, "German Google Forms");
	is_ids("a@x.org b@x.org", "the e-mail is the id");
	is_str(tab.name[1], "Bob", "the name question is the name");

	ok(build("[input]\nfile = a.csv\npreset = auto\n", "A,B\n1,2\n",
	    &cause) != 0, "nothing to go by");
	like(cause, "event.ini: [input] needs 'id': no column of ",
	    "... asks for an id");
	like(cause, "set id = COLUMN (columns: A, B)", "... listing columns");
	free(cause);

	ok(build("[input]\nfile = a.csv\npreset = generic\nid = Nr\n",
	    "Nr,Full Name,Status\n1,Ann,\n2,,cancelled\n", &cause) == 0,
	    "generic");
	is_ids("1", "generic drops cancelled rows");
	is_str(tab.name[0], "Ann", "... and guesses the name");
	done();
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 99;
	}
	ini = xasprintf("%s/event.ini", dir);
	test_config();
	test_pretix();
	test_group_orders();
	test_others();
	done();
	unlink(ini);
	rmdir(dir);
	free(ini);
	return tap_done();
}
