/*
 * fuzz_event.c -- the small event the Lua and plugin harnesses score.
 *
 * Six attendees with a field of every type, quoted cells, an empty tags
 * cell, an attendee without consent and one without a last name: enough
 * for a rule or a plugin to take every branch of its own, small enough
 * that the whole pair loop costs little per input.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "fuzz.h"
#include "graph.h"
#include "util.h"

static const char fuzz_event_csv[] =
    "Email,First,Last,Consent,Topics,Languages,City,Company,Age,"
    "First barcamp?,Work email\n"
    "ann@example.org,Ann,Lee,yes,\"#lua #rust, privacy\",de/en,K\xc3\xb6ln,"
    "Acme GmbH,34,yes,ann@acme.example\n"
    "bob@example.org,Bob,Okafor,ja,\"lua, go\",en,k\xc3\xb6ln ,ACME,29,no,"
    "bob@acme.example\n"
    "cy@example.org,Cy,,x,rust,fr/en,Berlin,Freelancer,\"41,5\",,\n"
    "di@example.org,Di,Ng,yes,,de,Berlin,Initech,,nein,di@initech.example\n"
    "ed@example.org,Ed,Ola,no,\"ux, privacy, lua\",en/es,Paris,acme,58,yes,\n"
    "fay@example.org,Fay,Ito,yes,#UX,ja/en,K\xc3\x96LN,Initech,23,true,"
    "fay@mail.example\n";

const char fuzz_event_ini[] =
    "[input]\n"
    "file = event.csv\n"
    "id = Email\n"
    "name = First + Last\n"
    "consent = Consent\n"
    "\n"
    "[field topics]\n"
    "column = Topics\n"
    "type = tags\n"
    "\n"
    "[field languages]\n"
    "column = Languages\n"
    "type = tags\n"
    "separator = /\n"
    "\n"
    "[field city]\n"
    "column = City\n"
    "type = category\n"
    "\n"
    "[field company]\n"
    "column = Company\n"
    "type = text\n"
    "\n"
    "[field age]\n"
    "column = Age\n"
    "type = number\n"
    "\n"
    "[field first_barcamp]\n"
    "column = First barcamp?\n"
    "type = bool\n"
    "\n"
    "[field work_email]\n"
    "column = Work email\n"
    "type = text\n"
    "\n";

/* Pairs scored singly, with reasons; one has an attendee without consent. */
static const uint32_t fuzz_pairs[][2] = { { 0, 1 }, { 5, 2 }, { 3, 4 } };

int
fuzz_event_open(struct fuzz_event *ev, const char *ini, size_t len,
    char **cause)
{
	memset(ev, 0, sizeof *ev);
	ev->config = config_load(fuzz_file(0, ini, len), cause);
	if (ev->config == NULL)
		return -1;
	if (csv_read_buffer(ev->config->input_file, fuzz_event_csv,
	    sizeof fuzz_event_csv - 1, &ev->config->csv, &ev->csv, cause) != 0) {
		config_free(ev->config);
		return -1;
	}
	if (attendees_build(&ev->t, &ev->csv, ev->config, cause) != 0) {
		csv_free(&ev->csv);
		config_free(ev->config);
		return -1;
	}
	return 0;
}

void
fuzz_event_close(struct fuzz_event *ev)
{
	attendees_free(&ev->t);
	csv_free(&ev->csv);
	config_free(ev->config);
	memset(ev, 0, sizeof *ev);
}

void
fuzz_event_score(struct fuzz_event *ev, struct strategy *list, size_t n)
{
	struct engine e = {
		.t = &ev->t,
		.match = &ev->config->match,
		.strategies = list,
		.nstrategies = n,
	};
	struct pair_part *parts;
	struct graph g;
	char *cause = NULL;
	double total;
	size_t i;
	int veto;

	if (engine_build_graph(&e, &g, &cause) == 0)
		graph_free(&g);
	free(cause);
	parts = xcalloc(n + 1, sizeof *parts);
	for (i = 0; i < sizeof fuzz_pairs / sizeof fuzz_pairs[0]; i++) {
		cause = NULL;
		if (engine_score_pair(&e, fuzz_pairs[i][0], fuzz_pairs[i][1],
		    &total, &veto, parts, &cause) == 0)
			free(engine_reasons(&e, 0, fuzz_pairs[i][0],
			    fuzz_pairs[i][1]));
		free(cause);
	}
	free(parts);
}
