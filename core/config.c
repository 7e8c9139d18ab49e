/*
 * config.c -- load and validate the event's INI file (with inih).
 *
 * Two passes over the text held in memory: a scan of the section headers
 * (so that a section without keys is still seen and placed), then inih for
 * the keys.  inih does not say on which line a key stands, so the line
 * reader given to ini_parse_stream() counts lines itself.  The first error
 * wins; every message starts with "FILE:LINE: ".
 */
#include "autoconf.h"

#include <ctype.h>
#include <ini.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "csv_encoding.h"
#include "intern.h"
#include "mingle/plugin.h"
#include "normalize.h"
#include "separator.h"
#include "preset.h"
#include "row_filter.h"
#include "util.h"

#define DEFAULT_MEMORY_LIMIT (64UL << 20)
#define DEFAULT_INSTRUCTION_LIMIT 10000000L

/* The longest line, its line end aside.  inih gets room for a byte order
 * mark, CR, LF and the NUL, so it never splits a line we accept. */
#define LINE_MAX_BYTES 65536
#define INI_LINE_BUFFER (LINE_MAX_BYTES + 6)

/* Weights compare strategies with each other; the bound keeps a pair's
 * sum of weighted scores far from overflowing. */
#define WEIGHT_MAX 1e6

enum section_kind {
	SECTION_INPUT,
	SECTION_FIELD,
	SECTION_STRATEGY,
	SECTION_MATCH,
	SECTION_OUTPUT,
	SECTION_PLUGINS
};

struct section_def {
	const char *word;	/* first word of the header */
	enum section_kind kind;
	int named;		/* [field NAME] takes a name */
	const char *const *keys;	/* known keys; NULL = open (strategies) */
};

static const char *const input_keys[] = {
	"file", "delimiter", "encoding", "id", "name", "consent",
	"max_file_size", "max_record_size", "max_field_size", "max_columns",
	"consent_yes", "consent_no",
	"preset", "email", "person", "timestamp", "duplicates", "include",
	"exclude", "availability", NULL
};
static const char *const field_keys[] = {
	"column", "type", "separator", "squash", "yes", "no", NULL
};
static const char *const match_keys[] = {
	"mode", "per_attendee", "min_per_attendee", "max_per_attendee",
	"candidates", "min_score", "seed", "odd", "group_size", "rounds",
	"best_effort", "threads", "slots", "tables", "per_attendee_column",
	"exhaustive", NULL
};
static const char *const output_keys[] = {
	"file", "report", "schedule", "per_person", "tables", "dialect",
	"columns", "html", NULL
};
static const char *const plugins_keys[] = { "path", NULL };
/* Keys of a strategy section the host reads itself. */
static const char *const strategy_host_keys[] = {
	"plugin", "script", "weight", "memory_limit", "instruction_limit", NULL
};

static const struct section_def sections[] = {
	{ .word = "input", .kind = SECTION_INPUT, .keys = input_keys },
	{ .word = "field", .kind = SECTION_FIELD, .named = 1,
	  .keys = field_keys },
	{ .word = "strategy", .kind = SECTION_STRATEGY, .named = 1 },
	{ .word = "match", .kind = SECTION_MATCH, .keys = match_keys },
	{ .word = "output", .kind = SECTION_OUTPUT, .keys = output_keys },
	{ .word = "plugins", .kind = SECTION_PLUGINS, .keys = plugins_keys },
};
#define NSECTIONS (sizeof sections / sizeof sections[0])

/* One section header as found by the scan. */
struct section {
	char *header;		/* text between the brackets, trimmed */
	const struct section_def *def;
	char *name;		/* for named sections */
	int line;
	void *target;		/* its config_field / config_strategy */
};

struct loader {
	struct mingle_config *c;
	const char *file;	/* config path for messages */
	const char *text;	/* the file, NUL-terminated */
	size_t pos;		/* reader position */
	int line;		/* line of the text inih has now */
	int at_line_start;
	struct section *sections;
	size_t nsections;
	size_t current;		/* index into sections */
	struct intern names;	/* "WORD NAME" of each section -> index */
	struct intern keys;	/* "INDEX KEY" of each key seen -> id */
	int *key_line;		/* id -> its line */
	char *error;		/* first error */
	/* raw [input] values, checked after parsing */
	char *name_spec;
	int line_input, line_match, line_mode;
	int line_min, line_max, line_per;
	int line_consent;	/* of consent_yes or consent_no */
	int line_avail;		/* of [input] availability */
};

static int
fail(struct loader *l, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct loader *l, int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (l->error != NULL)
		return 0;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	l->error = line > 0 ? xasprintf("%s:%d: %s", l->file, line, msg) :
	    xasprintf("%s: %s", l->file, msg);
	free(msg);
	return 0;
}

/*
 * ARRAY with room for element N, when it holds N elements of SIZE bytes.
 * It doubles at powers of two, so filling it copies each element about
 * once: a config may have 100,000 sections, or options in one section.
 */
static void *
grow(void *array, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		return xreallocarray(array, n == 0 ? 1 : n * 2, size);
	return array;
}

/* ", did you mean 'x'?" or "" -- static buffer, used at once. */
static const char *
suggest(const char *word, const char *const *list)
{
	static char buf[256];
	const char *best;
	size_t n = 0;

	while (list[n] != NULL)
		n++;
	best = closest_match(word, list, n);
	if (best == NULL)
		return "";
	snprintf(buf, sizeof buf, "; did you mean '%s'?", best);
	return buf;
}

static char *
join_list(const char *const *list)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; list[i] != NULL; i++) {
		if (i > 0)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, list[i]);
	}
	return strbuf_detach(&sb);
}

/* ---------------------------------------------------------------- scan */

static const struct section_def *
section_def(const char *word, size_t len)
{
	size_t i;

	for (i = 0; i < NSECTIONS; i++)
		if (strlen(sections[i].word) == len &&
		    strncmp(sections[i].word, word, len) == 0)
			return &sections[i];
	return NULL;
}

static int
scan_header(struct loader *l, const char *start, size_t len, int line)
{
	static const char *const words[] = {
		"input", "field", "strategy", "match", "output", "plugins", NULL
	};
	struct section *s;
	char *header, *name, *key;
	const struct section_def *def;
	size_t wlen;
	uint32_t first;

	header = normalize_trim_space(xstrndup(start, len));
	wlen = strcspn(header, " \t");
	def = section_def(header, wlen);
	if (def == NULL) {
		char *word = xstrndup(header, wlen);

		fail(l, line, "unknown section [%s]%s (known: [input], "
		    "[field NAME], [strategy NAME], [match], [output], "
		    "[plugins])", header, suggest(word, words));
		free(word);
		free(header);
		return -1;
	}
	name = normalize_trim_space(xstrdup(header + wlen));
	if (def->named && *name == '\0') {
		fail(l, line, "section [%s] needs a name, as in [%s NAME]",
		    header, def->word);
		goto bad;
	}
	if (!def->named && *name != '\0') {
		fail(l, line, "section [%s] takes no name; write [%s]",
		    header, def->word);
		goto bad;
	}
	/* Hashed, not compared with every earlier header: a config may have
	 * 100,000 sections.  The word has no space, so the key is unique. */
	key = xasprintf("%s %s", def->word, name);
	first = intern_add(&l->names, key);
	free(key);
	if (first < l->nsections) {
		const struct section *old = &l->sections[first];

		if (strcmp(old->header, header) == 0)
			fail(l, line, "section [%s] appears twice (first on "
			    "line %d)", header, old->line);
		else
			fail(l, line, "a %s called '%s' exists already (line "
			    "%d)", def->word, name, old->line);
		goto bad;
	}
	l->sections = grow(l->sections, l->nsections, sizeof *l->sections);
	s = &l->sections[l->nsections++];
	memset(s, 0, sizeof *s);
	s->header = header;
	s->def = def;
	s->name = name;
	s->line = line;
	return 0;
bad:
	free(name);
	free(header);
	return -1;
}

/* The line from P to EOL (its LF) must fit the limit; a CR before the LF
 * is part of the line end. */
static int
check_length(struct loader *l, const char *p, const char *eol, int line)
{
	size_t len = (size_t)(eol - p);

	if (len > 0 && p[len - 1] == '\r')
		len--;
	if (len <= LINE_MAX_BYTES)
		return 0;
	return fail(l, line, "this line is %zu bytes long; a config line may "
	    "have at most %d bytes: shorten it, e.g. split a long list over "
	    "several keys", len, LINE_MAX_BYTES), -1;
}

/*
 * The config must be UTF-8, as the export is once decoded: a column name
 * saved in Windows-1252 would never match its header.  The place of the
 * first bad byte: its line, and its column in characters (a byte order
 * mark aside).
 */
static int
check_utf8(struct loader *l, size_t len)
{
	const char *p = l->text, *start;
	size_t bad, col = 1, i;
	int line = 1;

	bad = csv_encoding_utf8_check(p, len);
	if (bad == len)
		return 0;
	start = strncmp(p, "\xef\xbb\xbf", 3) == 0 ? p + 3 : p;
	for (i = 0; i < bad; i++)
		if (p[i] == '\n') {
			line++;
			start = p + i + 1;
		}
	for (; start < p + bad; start++)
		col += ((unsigned char)*start & 0xC0) != 0x80;
	return fail(l, line, "%zu: the config is not UTF-8 (byte 0x%02X); "
	    "save it as UTF-8 (the export may be in another encoding, the "
	    "config may not)", col, (unsigned char)p[bad]), -1;
}

static int
scan_sections(struct loader *l)
{
	const char *p = l->text, *eol, *close;
	int line = 1;

	/* inih skips a UTF-8 byte order mark (Windows editors write one);
	 * so must the scan, or it misses a header on the first line. */
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; *p != '\0'; p = *eol ? eol + 1 : eol, line++) {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		if (check_length(l, p, eol, line) != 0)
			return -1;
		while (p < eol && isspace((unsigned char)*p))
			p++;
		if (p == eol || *p != '[')
			continue;
		close = memchr(p, ']', (size_t)(eol - p));
		if (close == NULL)
			return fail(l, line, "section header without ']'"),
			    -1;
		if (scan_header(l, p + 1, (size_t)(close - p - 1), line) != 0)
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- values */

static int
set_string(struct loader *l, char **dst, const char *value)
{
	(void)l;
	free(*dst);
	*dst = xstrdup(value);
	return 1;
}

static int
set_long(struct loader *l, long *dst, const char *key, const char *value,
    long min, long max)
{
	long v;

	if (parse_long(value, &v) != 0 || v < min || v > max)
		return fail(l, l->line, "%s must be a whole number from %ld "
		    "to %ld, not '%s'", key, min, max, value);
	*dst = v;
	return 1;
}

static int
set_double(struct loader *l, double *dst, const char *key,
    const char *value)
{
	if (parse_decimal(value, dst) != 0)
		return fail(l, l->line, "%s must be a number, not '%s'", key,
		    value);
	return 1;
}

/* "64M", "512k", "1G", "1048576" (parse_size), at most 64G */
static int
set_size(struct loader *l, size_t *dst, const char *key, const char *value)
{
	size_t v;

	if (parse_size(value, &v) != 0 || v == 0 || v > (size_t)64 << 30)
		return fail(l, l->line, "%s must be a size such as 64M, 512K "
		    "or 1G (at most 64G), not '%s'", key, value);
	*dst = v;
	return 1;
}

/* yes = ..., no = ...: patterns added to A (answers.h). */
static int
set_answers(struct loader *l, struct answers *a, const char *key,
    const char *value, int yes)
{
	char *why;

	if (answers_add(a, yes, value, &why) != 0) {
		fail(l, l->line, "%s %s", key, why);
		free(why);
		return 0;
	}
	return 1;
}

static int
set_choice(struct loader *l, int *dst, const char *key, const char *value,
    const char *const *names)
{
	size_t i;
	char *all;

	for (i = 0; names[i] != NULL; i++) {
		if (strcasecmp(value, names[i]) == 0) {
			*dst = (int)i;
			return 1;
		}
	}
	all = join_list(names);
	fail(l, l->line, "%s must be one of %s, not '%s'%s", key, all, value,
	    suggest(value, names));
	free(all);
	return 0;
}

/* ---------------------------------------------------------------- sections */

static const char *const mode_names[] = {
	"suggestions", "pairs", "groups", "rounds", "meetings", NULL
};
static const char *const odd_names[] = { "trio", "leave-out", NULL };
static const char *const no_yes[] = { "no", "yes", NULL };
static const char *const type_names[] = {
	"", "tags", "text", "number", "bool", "category", NULL
};

/* The [input] limits on what is read (csv.h); 0 if KEY is none. */
static int
input_limit(struct loader *l, const char *key, const char *value)
{
	struct csv_options *o = &l->c->csv;
	long columns = 0;

	if (strcmp(key, "max_file_size") == 0)
		return set_size(l, &o->max_file_size, key, value);
	if (strcmp(key, "max_record_size") == 0)
		return set_size(l, &o->max_record_size, key, value);
	if (strcmp(key, "max_field_size") == 0)
		return set_size(l, &o->max_field_size, key, value);
	if (strcmp(key, "max_columns") == 0) {
		if (!set_long(l, &columns, key, value, 1, 100000000L))
			return 0;
		o->max_columns = (size_t)columns;
		return 1;
	}
	return 0;
}

/* The [input] keys of presets, filters and duplicates; 0 if KEY is none
 * (or on error). */
static int
input_rows(struct loader *l, const char *key, const char *value)
{
	static const char *const duplicates[] = {
		"keep-last", "keep-first", "error", NULL
	};
	struct mingle_config *c = l->c;
	const struct preset *p;
	char *why = NULL;
	int v;

	if (strcmp(key, "preset") == 0) {
		if ((p = preset_by_name(value)) == NULL)
			return set_choice(l, &v, key, value, preset_names());
		return set_string(l, &c->preset, preset_name(p));
	}
	if (strcmp(key, "email") == 0)
		return set_string(l, &c->email_column, value);
	if (strcmp(key, "person") == 0)
		return set_string(l, &c->person_spec, value);
	if (strcmp(key, "timestamp") == 0)
		return set_string(l, &c->timestamp_spec, value);
	if (strcmp(key, "duplicates") == 0)
		return set_choice(l, &c->duplicates, key, value, duplicates);
	if (strcmp(key, "include") != 0 && strcmp(key, "exclude") != 0)
		return 0;
	if (row_filter_check(value, &why) != 0) {
		fail(l, l->line, "%s: %s", key, why);
		free(why);
		return 0;
	}
	c->filters = xreallocarray(c->filters, c->nfilters + 1,
	    sizeof *c->filters);
	c->filters[c->nfilters].exclude = strcmp(key, "exclude") == 0;
	c->filters[c->nfilters].spec = xstrdup(value);
	c->filters[c->nfilters++].line = l->line;
	return 1;
}

static int
input_key(struct loader *l, const char *key, const char *value)
{
	struct mingle_config *c = l->c;

	if (strcmp(key, "file") == 0) {
		free(c->input_file);
		c->input_file = path_join(c->dir, value);
		return 1;
	}
	if (strcmp(key, "delimiter") == 0) {
		if (strcasecmp(value, "auto") == 0)
			c->csv.delimiter = 0;
		else if (strcmp(value, ",") == 0 ||
		    strcasecmp(value, "comma") == 0)
			c->csv.delimiter = ',';
		else if (strcmp(value, ";") == 0 ||
		    strcasecmp(value, "semicolon") == 0)
			c->csv.delimiter = ';';
		else if (strcasecmp(value, "tab") == 0 ||
		    strcmp(value, "\\t") == 0)
			c->csv.delimiter = '\t';
		else
			return fail(l, l->line, "delimiter must be auto, "
			    "comma, semicolon or tab, not '%s' (in INI a ';' "
			    "after a space starts a comment: write "
			    "'semicolon')", value);
		return 1;
	}
	if (strcmp(key, "encoding") == 0) {
		if (csv_encoding_parse(value, &c->csv.encoding) != 0)
			return fail(l, l->line, "encoding must be auto, "
			    "utf-8, windows-1252 or latin1, not '%s'", value);
		return 1;
	}
	if (strcmp(key, "id") == 0)
		return set_string(l, &c->id_column, value);
	if (strcmp(key, "name") == 0)
		return set_string(l, &l->name_spec, value);
	if (strcmp(key, "consent") == 0)
		return set_string(l, &c->consent_column, value);
	if (strcmp(key, "availability") == 0)
		return l->line_avail = l->line,
		    set_string(l, &c->availability_column, value);
	if (strcmp(key, "consent_yes") == 0 || strcmp(key, "consent_no") == 0)
		return l->line_consent = l->line, set_answers(l,
		    &c->consent_answers, key, value, key[8] == 'y');
	if (input_rows(l, key, value))
		return 1;
	return input_limit(l, key, value);
}

static int
field_key(struct loader *l, struct config_field *f, const char *key,
    const char *value)
{
	if (strcmp(key, "column") == 0)
		return set_string(l, &f->column, value);
	if (strcmp(key, "type") == 0) {
		int t;

		if (!set_choice(l, &t, key, value, type_names + 1))
			return 0;
		f->type = t + 1;
		return 1;
	}
	if (strcmp(key, "separator") == 0) {
		char *chars, *why;

		if (separator_parse(value, &chars, &why) != 0) {
			fail(l, l->line, "%s", why);
			free(why);
			return 0;
		}
		free(f->separator);
		f->separator = chars;
		return 1;
	}
	if (strcmp(key, "squash") == 0)
		return set_choice(l, &f->squash, key, value, no_yes);
	if (strcmp(key, "yes") == 0 || strcmp(key, "no") == 0)
		return set_answers(l, &f->answers, key, value, *key == 'y');
	return 0;
}

static int
strategy_key(struct loader *l, struct config_strategy *s, const char *key,
    const char *value)
{
	if (strcmp(key, "plugin") == 0)
		return set_string(l, &s->plugin, value);
	if (strcmp(key, "script") == 0) {
		free(s->script);
		s->script = find_script(l->c->dir, value);
		return 1;
	}
	if (strcmp(key, "weight") == 0) {
		if (!set_double(l, &s->weight, key, value))
			return 0;
		if (s->weight < 0)
			return fail(l, l->line, "weight must not be negative "
			    "(use a veto to forbid pairs)");
		if (s->weight > WEIGHT_MAX)
			return fail(l, l->line, "weight must be a number from "
			    "0 to %.0f, not '%s' (weights only compare "
			    "strategies: to make this one count more, lower "
			    "the others)", WEIGHT_MAX, value);
		return 1;
	}
	if (strcmp(key, "memory_limit") == 0)
		return set_size(l, &s->memory_limit, key, value);
	if (strcmp(key, "instruction_limit") == 0)
		return set_long(l, &s->instruction_limit, key, value, 1000,
		    1000000000000L);
	/* Anything else belongs to the strategy; checked when it loads. */
	s->options = grow(s->options, s->noptions, sizeof *s->options);
	s->options[s->noptions].key = xstrdup(key);
	s->options[s->noptions].value = xstrdup(value);
	s->options[s->noptions].line = l->line;
	s->noptions++;
	return 1;
}

static int
match_key(struct loader *l, const char *key, const char *value)
{
	struct config_match *m = &l->c->match;
	long seed = 0;

	if (strcmp(key, "mode") == 0) {
		int v;

		l->line_mode = l->line;
		if (!set_choice(l, &v, key, value, mode_names))
			return 0;
		m->mode = (enum match_mode)v;
		return 1;
	}
	if (strcmp(key, "odd") == 0) {
		int v;

		if (!set_choice(l, &v, key, value, odd_names))
			return 0;
		m->odd = (enum match_odd)v;
		return 1;
	}
	if (strcmp(key, "per_attendee") == 0)
		return l->line_per = l->line,
		    set_long(l, &m->per_attendee, key, value, 1, 1000);
	if (strcmp(key, "min_per_attendee") == 0)
		return l->line_min = l->line,
		    set_long(l, &m->min_per_attendee, key, value, 0, 1000);
	if (strcmp(key, "max_per_attendee") == 0)
		return l->line_max = l->line,
		    set_long(l, &m->max_per_attendee, key, value, 1, 1000);
	if (strcmp(key, "candidates") == 0)
		return set_long(l, &m->candidates, key, value, 1, 100000);
	if (strcmp(key, "per_attendee_column") == 0)
		return set_string(l, &m->per_attendee_column, value);
	if (strcmp(key, "min_score") == 0)
		return set_double(l, &m->min_score, key, value);
	if (strcmp(key, "group_size") == 0)
		return set_long(l, &m->group_size, key, value, 2, 1000);
	if (strcmp(key, "rounds") == 0) {
		if (strcasecmp(value, "max") == 0)
			return m->rounds_max = 1;
		if (parse_long(value, &m->rounds) != 0 || m->rounds < 1 ||
		    m->rounds > 1000)
			return fail(l, l->line, "rounds must be a whole number "
			    "from 1 to 1000, or max for as many as can be "
			    "found, not '%s'", value);
		return 1;
	}
	if (strcmp(key, "slots") == 0)
		return set_long(l, &m->slots, key, value, 1, 1000);
	if (strcmp(key, "tables") == 0)
		return set_long(l, &m->tables, key, value, 1, 1000000);
	if (strcmp(key, "best_effort") == 0)
		return set_choice(l, &m->best_effort, key, value, no_yes);
	if (strcmp(key, "exhaustive") == 0)
		return set_choice(l, &m->exhaustive, key, value, no_yes);
	if (strcmp(key, "threads") == 0) {
		if (strcmp(value, "auto") == 0)
			m->threads = 0;
		else if (parse_long(value, &m->threads) != 0 ||
		    m->threads < 1 || m->threads > 256)
			return fail(l, l->line, "threads must be auto or a "
			    "whole number from 1 to 256, not '%s'", value);
		return 1;
	}
	if (strcmp(key, "seed") == 0) {
		if (!set_long(l, &seed, key, value, 0, 2147483647L))
			return 0;
		m->seed = (unsigned long)seed;
		return 1;
	}
	return 0;
}

/* dialect and columns: how the outputs look; 0 if KEY is neither. */
static int
output_format_key(struct loader *l, const char *key, const char *value)
{
	static const char *const dialects[] = { "standard", "excel", NULL };
	struct mingle_config *c = l->c;
	const char *p = value;

	if (strcmp(key, "dialect") == 0)
		return set_choice(l, &c->output_dialect, key, value, dialects);
	if (strcmp(key, "columns") != 0)
		return 0;
	c->output_columns_line = l->line;
	while (*p != '\0') {
		size_t len = strcspn(p, ",");
		char *col = normalize_trim_space(xstrndup(p, len));

		if (*col != '\0') {
			c->output_columns = xreallocarray(c->output_columns,
			    c->noutput_columns + 1,
			    sizeof *c->output_columns);
			c->output_columns[c->noutput_columns++] = col;
		} else
			free(col);
		p += len + (p[len] == ',');
	}
	return 1;
}

static int
output_key(struct loader *l, const char *key, const char *value)
{
	struct mingle_config *c = l->c;
	char **dst;

	if (strcmp(key, "file") == 0)
		dst = &c->output_file;
	else if (strcmp(key, "report") == 0)
		dst = &c->report_file;
	else if (strcmp(key, "schedule") == 0)
		dst = &c->schedule_file;
	else if (strcmp(key, "per_person") == 0)
		dst = &c->per_person_file;
	else if (strcmp(key, "tables") == 0)
		dst = &c->tables_file;
	else if (strcmp(key, "html") == 0)
		dst = &c->html_file;
	else
		return output_format_key(l, key, value);
	free(*dst);
	*dst = strcmp(value, "-") == 0 ? NULL : path_join(c->dir, value);
	return 1;
}

static int
plugins_key(struct loader *l, const char *key, const char *value)
{
	struct mingle_config *c = l->c;
	const char *p = value;

	if (strcmp(key, "path") != 0)
		return 0;
	while (*p != '\0') {
		size_t len = strcspn(p, ":");
		char *dir = normalize_trim_space(xstrndup(p, len));

		if (*dir != '\0') {
			c->plugin_path = xreallocarray(c->plugin_path,
			    c->nplugin_path + 1, sizeof *c->plugin_path);
			c->plugin_path[c->nplugin_path++] =
			    path_join(c->dir, dir);
		}
		free(dir);
		p += len + (p[len] == ':');
	}
	return 1;
}

/* ---------------------------------------------------------------- inih glue */

/*
 * The section the key on the current line belongs to: the last header the
 * scan found above it.  Not inih's section string, which keeps the spaces
 * of "[ input ]" and is cut after 49 bytes.
 */
static struct section *
section_for(struct loader *l)
{
	size_t i = l->current;

	while (i + 1 < l->nsections && l->sections[i + 1].line < l->line)
		i++;
	if (i >= l->nsections || l->sections[i].line >= l->line)
		return NULL;
	l->current = i;
	return &l->sections[i];
}

/* Has KEY been set in S before?  Hashed, as a section may have 100,000
 * keys (a strategy's options). */
static int
check_repeat(struct loader *l, struct section *s, const char *key)
{
	char *k;
	uint32_t n, id;

	/* include and exclude may come as often as needed */
	if (s->def->kind == SECTION_INPUT && (strcmp(key, "include") == 0 ||
	    strcmp(key, "exclude") == 0))
		return 1;
	k = xasprintf("%zu %s", (size_t)(s - l->sections), key);
	n = l->keys.count;
	id = intern_add(&l->keys, k);
	free(k);
	if (id < n)
		return fail(l, l->line, "'%s' is set twice in [%s] (first on "
		    "line %d)", key, s->header, l->key_line[id]);
	l->key_line = grow(l->key_line, id, sizeof *l->key_line);
	l->key_line[id] = l->line;
	return 1;
}

static int
on_key(void *user, const char *section, const char *key, const char *value)
{
	struct loader *l = user;
	struct section *s;
	int known;

	if (l->error != NULL)
		return 0;
	if (*section == '\0')
		return fail(l, l->line, "'%s' stands before any section; put "
		    "it under [input], [match], ...", key);
	s = section_for(l);
	if (s == NULL)		/* the scan saw every header */
		return fail(l, l->line, "cannot place section [%s]", section);
	if (!check_repeat(l, s, key))
		return 0;
	switch (s->def->kind) {
	case SECTION_INPUT:
		l->line_input = s->line;
		known = input_key(l, key, value);
		break;
	case SECTION_FIELD:
		known = field_key(l, s->target, key, value);
		break;
	case SECTION_STRATEGY:
		return strategy_key(l, s->target, key, value);
	case SECTION_MATCH:
		l->line_match = s->line;
		known = match_key(l, key, value);
		break;
	case SECTION_OUTPUT:
		known = output_key(l, key, value);
		break;
	case SECTION_PLUGINS:
		known = plugins_key(l, key, value);
		break;
	default:
		known = 0;
	}
	if (!known && l->error == NULL) {
		char *all = join_list(s->def->keys);

		fail(l, l->line, "unknown key '%s' in [%s]%s (known: %s)",
		    key, s->def->word, suggest(key, s->def->keys), all);
		free(all);
	}
	return known;
}

/* fgets() over the text in memory, counting lines as inih takes them. */
static char *
read_line(char *str, int num, void *stream)
{
	struct loader *l = stream;
	size_t n = 0;

	if (l->text[l->pos] == '\0' || num < 2)
		return NULL;
	if (l->at_line_start)
		l->line++;
	while (n < (size_t)num - 1 && l->text[l->pos] != '\0') {
		char ch = l->text[l->pos++];

		str[n++] = ch;
		if (ch == '\n')
			break;
	}
	str[n] = '\0';
	l->at_line_start = n > 0 && str[n - 1] == '\n';
	return str;
}

/* ---------------------------------------------------------------- checks */

static void
split_name(struct loader *l)
{
	struct mingle_config *c = l->c;
	const char *p = l->name_spec;

	while (p != NULL && *p != '\0') {
		size_t len = strcspn(p, "+");
		char *col = normalize_trim_space(xstrndup(p, len));

		if (*col != '\0') {
			c->name_columns = xreallocarray(c->name_columns,
			    c->nname_columns + 1, sizeof *c->name_columns);
			c->name_columns[c->nname_columns++] = col;
		} else
			free(col);
		p += len + (p[len] == '+');
	}
}

/* The line of KEY in the section of KIND (one of its kind), or 0. */
static int
key_line(struct loader *l, enum section_kind kind, const char *key)
{
	size_t i;
	char *k;
	long id;

	for (i = 0; i < l->nsections; i++) {
		if (l->sections[i].def->kind != kind)
			continue;
		k = xasprintf("%zu %s", i, key);
		id = intern_find(&l->keys, k);
		free(k);
		if (id >= 0)
			return l->key_line[id];
	}
	return 0;
}

#define MODE(m)		(1U << (m))
#define MODES_SEATED	(MODE(MATCH_PAIRS) | MODE(MATCH_GROUPS) | \
			    MODE(MATCH_ROUNDS))
/* Modes that choose introductions as suggestions does. */
#define MODES_SUGGESTED	(MODE(MATCH_SUGGESTIONS) | MODE(MATCH_MEETINGS))

/* Keys that mean something in some modes only: anywhere else each is an
 * error, never silently ignored (docs/config.md lists them). */
static const struct mode_key {
	enum section_kind section;
	const char *key;
	unsigned modes;		/* MODE() of each mode it applies to */
	const char *hint;
} mode_keys[] = {
	{ SECTION_MATCH, "per_attendee", MODES_SUGGESTED,
	  "the tables decide whom each person meets" },
	{ SECTION_MATCH, "min_per_attendee", MODES_SUGGESTED,
	  "the tables decide whom each person meets" },
	{ SECTION_MATCH, "max_per_attendee", MODES_SUGGESTED,
	  "the tables decide whom each person meets" },
	{ SECTION_MATCH, "group_size", MODE(MATCH_GROUPS) |
	  MODE(MATCH_ROUNDS), "for tables of more than two, use mode = "
	  "groups or rounds" },
	{ SECTION_MATCH, "rounds", MODE(MATCH_ROUNDS),
	  "for more than one round of tables, use mode = rounds" },
	{ SECTION_MATCH, "odd", MODE(MATCH_PAIRS),
	  "only pairs has an odd one out" },
	{ SECTION_MATCH, "best_effort", MODE(MATCH_GROUPS) |
	  MODE(MATCH_ROUNDS), "it lets groups and rounds seat vetoed pairs "
	  "when no seating exists without; the other modes never need it" },
	{ SECTION_MATCH, "slots", MODE(MATCH_MEETINGS),
	  "time slots are for 1:1 meetings: use mode = meetings" },
	{ SECTION_MATCH, "tables", MODE(MATCH_MEETINGS),
	  "it caps the meetings a slot holds in mode = meetings; "
	  "group_size sets the tables of groups and rounds" },
	{ SECTION_OUTPUT, "schedule", MODES_SEATED | MODE(MATCH_MEETINGS),
	  "suggestions seat nobody; use mode = pairs, groups, rounds or "
	  "meetings" },
	{ SECTION_OUTPUT, "tables", MODES_SEATED,
	  "only pairs, groups and rounds seat people at tables (meetings: "
	  "the schedule has each meeting's table)" },
};

static int
check_mode_keys(struct loader *l)
{
	enum match_mode mode = l->c->match.mode;
	const struct mode_key *k;
	size_t i;
	int line;

	for (i = 0; i < sizeof mode_keys / sizeof mode_keys[0]; i++) {
		k = &mode_keys[i];
		if (k->modes & MODE(mode))
			continue;
		if ((line = key_line(l, k->section, k->key)) == 0)
			continue;
		if (l->line_mode > 0)
			return fail(l, line, "%s does nothing in mode = %s "
			    "(line %d): remove it; %s", k->key,
			    config_mode_name(mode), l->line_mode, k->hint), -1;
		return fail(l, line, "%s does nothing in mode = %s (the "
		    "default): remove it; %s", k->key, config_mode_name(mode),
		    k->hint), -1;
	}
	return 0;
}

static int
check_config(struct loader *l)
{
	struct mingle_config *c = l->c;
	struct config_match *m = &c->match;
	size_t i;

	/* An [input] without keys is still a place to point at. */
	for (i = 0; i < l->nsections && l->line_input == 0; i++)
		if (l->sections[i].def->kind == SECTION_INPUT)
			l->line_input = l->sections[i].line;
	if (c->input_file == NULL)
		return fail(l, l->line_input, "[input] needs 'file', the "
		    "registration export to read");
	if (c->id_column == NULL && c->preset == NULL)
		return fail(l, l->line_input, "[input] needs 'id', the column "
		    "that identifies each attendee (e.g. id = Email), or a "
		    "preset for the tool that wrote the export (preset = "
		    "auto recognises it)");
	if (l->line_consent > 0 && c->consent_column == NULL)
		return fail(l, l->line_consent, "consent_yes and consent_no "
		    "read the consent column: name it with 'consent = "
		    "COLUMN'");
	split_name(l);
	for (i = 0; i < c->nfields; i++) {
		struct config_field *f = &c->fields[i];

		if (f->column == NULL)
			return fail(l, f->line, "[field %s] needs 'column'",
			    f->name);
		if (f->type == 0)
			return fail(l, f->line, "[field %s] needs 'type': "
			    "tags, text, number, bool or category", f->name);
		if (f->separator != NULL && f->type != MINGLE_FIELD_TAGS)
			return fail(l, f->line, "[field %s]: 'separator' "
			    "applies to tags fields only", f->name);
		if (f->separator == NULL && f->type == MINGLE_FIELD_TAGS)
			f->separator = xstrdup(",");
		if (f->squash >= 0 && f->type != MINGLE_FIELD_TAGS)
			return fail(l, f->line, "[field %s]: 'squash' "
			    "applies to tags fields only", f->name);
		f->squash = f->squash == 1;
		if ((f->answers.nyes || f->answers.nno) &&
		    f->type != MINGLE_FIELD_BOOL)
			return fail(l, f->line, "[field %s]: 'yes' and 'no' "
			    "apply to bool fields only", f->name);
	}
	for (i = 0; i < c->nstrategies; i++) {
		struct config_strategy *s = &c->strategies[i];

		if ((s->plugin == NULL) == (s->script == NULL))
			return fail(l, s->line, "[strategy %s] needs exactly "
			    "one of 'plugin' (a .so strategy) or 'script' (a "
			    "Lua file)", s->name);
	}
	if (m->max_per_attendee == 0)
		m->max_per_attendee = m->per_attendee;
	else if (l->line_per == 0)
		m->per_attendee = m->max_per_attendee;
	/* Unset, the floor is what everyone wants: the fewest short of
	 * per_attendee first, as the coverage report counts them. */
	if (l->line_min == 0)
		m->min_per_attendee = m->per_attendee < m->max_per_attendee ?
		    m->per_attendee : m->max_per_attendee;
	if (m->min_per_attendee > m->max_per_attendee)
		return fail(l, l->line_min, "min_per_attendee (%ld) is more "
		    "than max_per_attendee (%ld)", m->min_per_attendee,
		    m->max_per_attendee);
	/* Before the keys that do not fit the mode: [input] comes first. */
	if (c->availability_column != NULL && m->mode != MATCH_MEETINGS)
		return fail(l, l->line_avail, "availability names the slots "
		    "each person can meet in: it needs mode = meetings and "
		    "slots in [match]");
	if (check_mode_keys(l) != 0)
		return 0;
	if (m->mode == MATCH_GROUPS && m->group_size == 0)
		m->group_size = 4;
	if (m->mode == MATCH_ROUNDS && m->group_size == 0)
		m->group_size = 2;
	if (m->mode == MATCH_MEETINGS && m->slots == 0)
		return fail(l, l->line_mode, "mode = meetings needs 'slots', "
		    "how many time slots there are for meetings (e.g. slots "
		    "= 8)");
	return 1;
}

/* Give every named section its target struct, in file order. */
static void
make_targets(struct loader *l)
{
	struct mingle_config *c = l->c;
	size_t i, nf = 0, ns = 0;

	for (i = 0; i < l->nsections; i++) {
		if (l->sections[i].def->kind == SECTION_FIELD)
			nf++;
		if (l->sections[i].def->kind == SECTION_STRATEGY)
			ns++;
	}
	c->fields = xcalloc(nf, sizeof *c->fields);
	c->strategies = xcalloc(ns, sizeof *c->strategies);
	for (i = 0; i < l->nsections; i++) {
		struct section *s = &l->sections[i];

		if (s->def->kind == SECTION_FIELD) {
			struct config_field *f = &c->fields[c->nfields++];

			f->name = xstrdup(s->name);
			f->line = s->line;
			f->squash = -1;		/* not set */
			s->target = f;
		} else if (s->def->kind == SECTION_STRATEGY) {
			struct config_strategy *st =
			    &c->strategies[c->nstrategies++];

			st->name = xstrdup(s->name);
			st->line = s->line;
			st->weight = 1;
			st->memory_limit = DEFAULT_MEMORY_LIMIT;
			st->instruction_limit = DEFAULT_INSTRUCTION_LIMIT;
			st->file = c->path;
			s->target = st;
		}
	}
}

static void
loader_free(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nsections; i++) {
		free(l->sections[i].header);
		free(l->sections[i].name);
	}
	free(l->sections);
	intern_free(&l->names);
	intern_free(&l->keys);
	free(l->key_line);
	free(l->name_spec);
}

/*
 * Does TEXT, which failed as a config and has no section, start like an
 * export: a first line of fields split by a comma, semicolon or tab, the
 * first one before any '=' (not "key = a,b"), that is no comment?
 */
static int
looks_like_csv(const char *text)
{
	size_t len = strcspn(text, "\n"), split = strcspn(text, ",;\t");

	if (*text == ';' || *text == '#')
		return 0;
	return split < len && split < strcspn(text, "=");
}

struct mingle_config *
config_load(const char *path, char **cause)
{
	struct mingle_config *c;
	struct loader l;
	const char *slash;
	char *text;
	size_t len;
	int rc;

	text = read_file(path, &len, cause);
	if (text == NULL)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->dir = path_dirname(path);
	c->match.mode = MATCH_SUGGESTIONS;
	c->match.per_attendee = 3;
	c->match.candidates = 50;
	c->match.seed = 1;
	c->match.rounds = 1;

	memset(&l, 0, sizeof l);
	l.c = c;
	l.file = path;
	l.text = text;
	l.at_line_start = 1;
	if (strlen(text) != len)
		fail(&l, 0, "holds a NUL byte; is this an INI file?");
	else if (check_utf8(&l, len) == 0 && scan_sections(&l) == 0) {
		make_targets(&l);
		/* Our own conventions, set before each parse. */
		ini_allow_multiline = 0;
		ini_allow_inline_comments = 1;
		ini_use_stack = 0;
		ini_allow_realloc = 1;
		ini_max_line = INI_LINE_BUFFER;
		rc = ini_parse_stream(read_line, &l, on_key, &l);
		if (rc > 0 && l.error == NULL)
			fail(&l, rc, "cannot parse this line: expected "
			    "'key = value' or '[section]'");
		else if (rc < 0 && l.error == NULL)
			fail(&l, 0, "cannot read (error %d)", rc);
		if (l.error == NULL)
			check_config(&l);
	}
	if (l.error != NULL && l.nsections == 0 && looks_like_csv(text)) {
		free(l.error);
		l.error = NULL;
		slash = strrchr(path, '/');
		fail(&l, 0, "this looks like a registration export (CSV), not "
		    "a config: -c wants the event's INI file; name the export "
		    "in it, as in '[input] file = %s'",
		    slash != NULL ? slash + 1 : path);
	}
	free(text);
	loader_free(&l);
	if (l.error != NULL) {
		*cause = l.error;
		config_free(c);
		return NULL;
	}
	return c;
}

void
config_free(struct mingle_config *c)
{
	size_t i, j;

	if (c == NULL)
		return;
	free(c->path);
	free(c->dir);
	free(c->input_file);
	free(c->id_column);
	for (i = 0; i < c->nname_columns; i++)
		free(c->name_columns[i]);
	free(c->name_columns);
	free(c->consent_column);
	free(c->availability_column);
	free(c->match.per_attendee_column);
	answers_free(&c->consent_answers);
	free(c->preset);
	free(c->email_column);
	free(c->person_spec);
	free(c->timestamp_spec);
	for (i = 0; i < c->nfilters; i++)
		free(c->filters[i].spec);
	free(c->filters);
	for (i = 0; i < c->nfields; i++) {
		free(c->fields[i].name);
		free(c->fields[i].column);
		free(c->fields[i].separator);
		answers_free(&c->fields[i].answers);
	}
	free(c->fields);
	for (i = 0; i < c->nstrategies; i++) {
		struct config_strategy *s = &c->strategies[i];

		free(s->name);
		free(s->plugin);
		free(s->script);
		for (j = 0; j < s->noptions; j++) {
			free(s->options[j].key);
			free(s->options[j].value);
		}
		free(s->options);
	}
	free(c->strategies);
	free(c->output_file);
	free(c->report_file);
	free(c->schedule_file);
	free(c->per_person_file);
	free(c->tables_file);
	for (i = 0; i < c->noutput_columns; i++)
		free(c->output_columns[i]);
	free(c->output_columns);
	free(c->html_file);
	for (i = 0; i < c->nplugin_path; i++)
		free(c->plugin_path[i]);
	free(c->plugin_path);
	free(c);
}

const char *
config_mode_name(enum match_mode m)
{
	return mode_names[m];
}

const char *
config_field_type_name(int type)
{
	return type >= 1 && type <= 5 ? type_names[type] : "?";
}

const char *
config_strategy_option(const struct config_strategy *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->noptions; i++)
		if (strcmp(s->options[i].key, key) == 0)
			return s->options[i].value;
	return NULL;
}

const char *const *
config_strategy_host_keys(void)
{
	return strategy_host_keys;
}
