/*
 * test_lua.c -- unit tests for Lua strategies: views, the mingle library,
 * the rule API's checks, the sandbox's allow-list and limits, and the
 * pattern matcher against stock Lua.
 *
 * Each case writes a script and a config into a temporary folder, builds
 * the attendee table the real way (config_load, csv_read_buffer,
 * attendees_build) and calls rule_strategy_open and the ops directly.
 */
#include "autoconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "attendees.h"
#include "config.h"
#include "csv.h"
#include "sandbox_internal.h"
#include "sandbox.h"
#include "strategy.h"
#include "tap.h"
#include "util.h"

static char dir[] = "/tmp/mingle-test-lua.XXXXXX";

static const char event_csv[] =
    "Email,Name,Interests,City,Firma,First,Age,Languages\n"
    "ana@acme.example,Ana,\"#Lua, Datenschutz\",K\xc3\xb6ln,Acme,ja,30,"
    "\"Deutsch, English\"\n"
    "ben@acme.example,Ben,\"lua, Python\",k\xc3\xb6ln ,Acme,nein,41.5,"
    "English\n"
    "cem@beta.example,Cem,Python,Berlin,Beta,nein,,T\xc3\xbcrk\xc3\xa7" "e\n"
    "dora@gamma.example,Dora,,,,,,\n";

enum { ANA, BEN, CEM, DORA };

/* One loaded strategy and everything it stands on; see load(). */
static struct mingle_config *cfg;
static struct csv_table csv;
static struct attendee_table table;
static struct strategy strat;
static int loaded;

static void
write_file(const char *name, const char *text, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	free(path);
}

/* strategies_free() would free &strat itself: release it by hand. */
static void
release(void)
{
	strat.ops->free(strat.self);
	free(strat.name);
	free(strat.kind);
	free(strat.impl);
	free(strat.version);
	free(strat.path);
	memset(&strat, 0, sizeof strat);
}

static void
unload(void)
{
	if (loaded)
		release();
	loaded = 0;
	attendees_free(&table);
	csv_free(&csv);
	config_free(cfg);
	cfg = NULL;
}

/*
 * Load SCRIPT (LEN bytes) as strategy "rule" with EXTRA keys in its
 * section.  Returns what rule_strategy_open returned; on success the
 * strategy is in `strat`.
 */
static int
load_n(const char *script, size_t len, const char *extra, char **cause)
{
	struct strategy *s;
	char *ini, *path;
	int rc;

	*cause = NULL;
	write_file("rule.lua", script, len);
	ini = xasprintf("[input]\nfile = event.csv\nid = Email\nname = Name\n"
	    "[field interests]\ncolumn = Interests\ntype = tags\n"
	    "[field languages]\ncolumn = Languages\ntype = tags\n"
	    "[field city]\ncolumn = City\ntype = category\n"
	    "[field company]\ncolumn = Firma\ntype = text\n"
	    "[field first]\ncolumn = First\ntype = bool\n"
	    "[field age]\ncolumn = Age\ntype = number\n"
	    "[strategy rule]\nscript = rule.lua\n%s", extra);
	write_file("event.ini", ini, strlen(ini));
	free(ini);
	path = xasprintf("%s/event.ini", dir);
	cfg = config_load(path, cause);
	free(path);
	if (cfg == NULL) {
		printf("# config: %s\n", *cause);
		exit(99);
	}
	if (csv_read_buffer(cfg->input_file, event_csv, strlen(event_csv),
	    &cfg->csv, &csv, cause) != 0 ||
	    attendees_build(&table, &csv, cfg, cause) != 0) {
		printf("# event: %s\n", *cause);
		exit(99);
	}
	s = xcalloc(1, sizeof *s);
	rc = rule_strategy_open(cfg, &cfg->strategies[0], &table, s, cause);
	if (rc == 0) {
		strat = *s;
		strat.name = xstrdup("rule");
		loaded = 1;
	}
	free(s);
	return rc;
}

static int
load(const char *script, const char *extra, char **cause)
{
	return load_n(script, strlen(script), extra, cause);
}

/* Score A -> B; returns the op's status. */
static int
score1(uint32_t a, uint32_t b, double *score, int *veto, char **cause)
{
	unsigned char v = 0;
	int rc;

	*score = 0;
	*cause = NULL;
	rc = strat.ops->score(strat.self, 0, a, &b, 1, score, &v, cause);
	*veto = v;
	return rc;
}

/* The script must load; then A -> B must score WANT. */
static void
scores(const char *script, uint32_t a, uint32_t b, double want,
    const char *what)
{
	char *cause;
	double got;
	int veto;

	if (load(script, "", &cause) != 0) {
		ok(0, what);
		printf("#   load: %s\n", cause);
		free(cause);
		unload();
		return;
	}
	if (score1(a, b, &got, &veto, &cause) != 0) {
		ok(0, what);
		printf("#   score: %s\n", cause);
		free(cause);
	} else
		is_num(got, want, 1e-9, what);
	unload();
}

/* Loading must fail with a cause containing WANT. */
static void
load_fails(const char *script, const char *want, const char *what)
{
	char *cause;
	int rc = load(script, "", &cause);

	ok(rc != 0, what);
	like(cause, want, what);
	free(cause);
	unload();
}

/* The script loads, but scoring A -> B fails with a cause containing
 * WANT (and naming the pair). */
static void
score_fails_with(const char *script, const char *extra, uint32_t a,
    uint32_t b, const char *want, const char *what)
{
	char *cause, *pair;
	double got;
	int veto, rc;

	if (load(script, extra, &cause) != 0) {
		ok(0, what);
		printf("#   load: %s\n", cause);
		free(cause);
		unload();
		return;
	}
	rc = score1(a, b, &got, &veto, &cause);
	ok(rc != 0, what);
	like(cause, want, what);
	pair = xasprintf("(scoring %s -> %s)", table.id[a], table.id[b]);
	like(cause, pair, "  ... and names the pair");
	free(pair);
	free(cause);
	unload();
}

static void
score_fails(const char *script, const char *want, const char *what)
{
	score_fails_with(script, "", ANA, BEN, want, what);
}

/* "a: ..." checks inside a script: error out naming the check. */
#define CHECK_LUA \
	"local function check(c, m) if not c then error('check: ' .. m, 2) " \
	"end end\n"

static void
test_views(void)
{
	scores(CHECK_LUA
	    "return { score = function(a, b)\n"
	    "  check(a.id == 'ana@acme.example', 'id')\n"
	    "  check(a.name == 'Ana', 'name')\n"
	    "  check(a.city == 'K\xc3\xb6ln', 'category as written')\n"
	    "  check(a.company == 'Acme', 'text')\n"
	    "  check(a.first == true and b.first == false, 'bools')\n"
	    "  check(a.age == 30 and math.type(a.age) == 'integer', 'whole')\n"
	    "  check(b.age == 41.5, 'number')\n"
	    "  check(a.interests.lua == true, 'tag lookup')\n"
	    "  check(a.interests['datenschutz'], 'normalized tag')\n"
	    "  check(a.interests.python == nil, 'absent tag is nil')\n"
	    "  check(a.interests.Lua == nil, 'lookup is exact')\n"
	    "  check(#a.interests == 2, '#set')\n"
	    "  local seen = {}\n"
	    "  for t, v in pairs(a.interests) do seen[#seen+1] = t; "
	    "check(v == true, 'values are true') end\n"
	    "  check(table.concat(seen, ',') == 'datenschutz,lua', "
	    "'pairs is alphabetical')\n"
	    "  check(tostring(a.interests) == '{datenschutz, lua}', "
	    "'tostring(set)')\n"
	    "  check(tostring(a) == 'attendee ana@acme.example', "
	    "'tostring(view)')\n"
	    "  check(a.column.Firma == 'Acme' and a.column[5] == 'Acme', "
	    "'raw columns')\n"
	    "  check(b.column.City == 'k\xc3\xb6ln ', 'raw is untrimmed')\n"
	    "  check(getmetatable(a) == 'attendee view', '__metatable')\n"
	    "  return 1\n"
	    "end }\n", ANA, BEN, 1, "views: typed fields, tag sets, columns");

	scores(CHECK_LUA
	    "return { score = function(a, b)\n"
	    "  check(b.city == nil and b.company == nil, 'missing text')\n"
	    "  check(b.first == nil and b.age == nil, 'missing bool, number')\n"
	    "  check(#b.interests == 0 and next({}) == nil, 'empty set')\n"
	    "  check(b.column.Firma == '', 'empty raw cell')\n"
	    "  local n = 0 for k in pairs(b) do n = n + 1 end\n"
	    "  check(n == 4, 'pairs(view) skips nils: ' .. n)\n"
	    "  return 2\n"
	    "end }\n", ANA, DORA, 2, "views: missing values are nil, tag sets "
	    "stay sets");

	scores("local cache = {}\n"
	    "return { score = function(a, b)\n"
	    "  cache[a] = (cache[a] or 0) + 1\n"
	    "  return cache[a]\n"
	    "end }\n", ANA, BEN, 1, "views as table keys");

	score_fails("return { score = function(a, b) return a.compnay end }",
	    "attendee has no field 'compnay' (did you mean 'company'?)",
	    "a misspelt field is an error with a suggestion");
	score_fails("return { score = function(a, b) return a.zzzzzzzz end }",
	    "(fields: id, name, interests", "an unknown field lists them");
	score_fails("return { score = function(a, b) return a.frist end }",
	    "attendee has no field 'frist' (did you mean 'first'?)",
	    "a misspelt bool field, which is read from its column");
	score_fails("return { score = function(a, b) return a[1] end }",
	    "attendee fields are named by strings, not by a number",
	    "a field by number is an error");
	scores("return { score = function(a, b)\n"
	    "  local n = 0\n"
	    "  for i = 1, 3 do if a.first and b.age == nil then n = n + 1 "
	    "end end\n"
	    "  return n\n"
	    "end }\n", ANA, DORA, 3, "bool and number reads repeat, with "
	    "and without values");
	score_fails("return { score = function(a, b) a.name = 'x' end }",
	    "attendee views are read-only (tried to set 'name')",
	    "writing to a view fails");
	score_fails("return { score = function(a, b) rawset(a, 'x', 1) end }",
	    "table expected", "rawset on a view fails");
	score_fails("return { score = function(a, b) a.interests.x = true end }",
	    "is read-only", "writing to a tag set fails");
	score_fails("return { score = function(a, b) "
	    "setmetatable(a.interests, {}) end }", "table expected",
	    "a tag set's metatable cannot be replaced");
	score_fails("return { score = function(a, b) "
	    "return a.column.Nope end }", "Nope", "an unknown column fails, "
	    "naming it");
}

static void
test_library(void)
{
	scores(CHECK_LUA
	    "return { score = function(a, b)\n"
	    "  local o = mingle.overlap(a.interests, b.interests)\n"
	    "  check(#o == 1 and o[1] == 'lua', 'overlap of views')\n"
	    "  check(mingle.jaccard(a.interests, b.interests) == 1/3, "
	    "'jaccard')\n"
	    "  check(mingle.jaccard({}, {}) == 0, 'jaccard of empty sets')\n"
	    "  check(mingle.has_tag(a.interests, '#LUA '), 'has_tag normalizes')\n"
	    "  check(not mingle.has_tag(a.interests, 'python'), 'has_tag no')\n"
	    "  check(mingle.has_tag({lua = true}, 'Lua'), 'set-like table')\n"
	    "  check(mingle.has_tag({'x', 'lua'}, 'LUA'), 'array')\n"
	    "  local m = mingle.overlap({'b', 'a', 'c', 'a'}, {c = true, "
	    "a = true, z = false})\n"
	    "  check(#m == 2 and m[1] == 'a' and m[2] == 'c', 'tables')\n"
	    "  local x = mingle.overlap(a.interests, {'lua', 'zzz'})\n"
	    "  check(#x == 1 and x[1] == 'lua', 'mixed')\n"
	    "  check(#mingle.overlap(a.interests, a.languages) == 0, "
	    "'across fields')\n"
	    "  check(mingle.normalize('  #Stra\xc3\x9f" "e  ') == 'strasse', "
	    "'normalize')\n"
	    "  check(not pcall(mingle.normalize, '\\255'), 'bad UTF-8')\n"
	    "  check(not pcall(mingle.overlap, 1, {}), 'not a set')\n"
	    "  check(not pcall(function() mingle.log = nil end), 'read-only')\n"
	    "  return 1\n"
	    "end }\n", ANA, BEN, 1, "mingle.overlap, jaccard, has_tag, "
	    "normalize");
}

static void
test_api(void)
{
	char *cause;
	char buf[256];
	double score;
	int veto, rc;

	rc = load("return {\n"
	    "  name = 'test rule', version = '2.1', symmetric = true,\n"
	    "  init = function(o) opts = o end,\n"
	    "  prepare = function(all) n = #all; table.remove(all) end,\n"
	    "  score = function(a, b)\n"
	    "    return tonumber(opts.bonus) + n, a.name .. ' meets ' .. b.name\n"
	    "  end,\n"
	    "  veto = function(a, b)\n"
	    "    return a.company ~= nil and a.company == b.company, "
	    "'both at ' .. tostring(a.company)\n"
	    "  end,\n"
	    "}\n", "weight = 2\nbonus = 10\n", &cause);
	ok(rc == 0, "a full rule loads");
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
		unload();
		return;
	}
	is_str(strat.kind, "lua", "kind is lua");
	is_str(strat.impl, "rule.lua", "impl is the file name");
	is_str(strat.version, "2.1", "version from the script");
	ok(strat.symmetric, "symmetric from the script");

	rc = score1(ANA, CEM, &score, &veto, &cause);
	ok(rc == 0 && !veto, "ana -> cem is not vetoed");
	is_num(score, 14, 0, "init got the options, prepare all four");
	strat.ops->reason(strat.self, 0, ANA, CEM, buf, sizeof buf);
	is_str(buf, "Ana meets Cem", "the score's reason");

	rc = score1(ANA, BEN, &score, &veto, &cause);
	ok(rc == 0 && veto, "colleagues are vetoed");
	is_num(score, 0, 0, "a vetoed pair is not scored");
	strat.ops->reason(strat.self, 0, ANA, BEN, buf, sizeof buf);
	is_str(buf, "both at Acme", "the veto's reason");

	strat.ops->reason(strat.self, 0, ANA, CEM, buf, 6);
	is_str(buf, "Ana m", "reasons are cut to the buffer");
	unload();

	rc = load("return { score = function(a, b) "
	    "return 1, 'caf\xc3\xa9 caf\xc3\xa9' end }", "", &cause);
	if (rc == 0) {
		strat.ops->reason(strat.self, 0, ANA, CEM, buf, 5);
		is_str(buf, "caf", "a cut never splits a UTF-8 character");
		is_str(strat.version, "script", "version defaults to 'script'");
		ok(!strat.symmetric, "symmetric defaults to false");
	} else
		free(cause);
	unload();

	rc = load("local n = 0\nreturn { veto = function(a, b) "
	    "return a.city == 'Berlin' end }", "", &cause);
	ok(rc == 0, "a veto-only rule loads");
	if (rc == 0) {
		rc = score1(CEM, ANA, &score, &veto, &cause);
		ok(rc == 0 && veto && score == 0, "veto-only: veto");
		rc = score1(ANA, CEM, &score, &veto, &cause);
		ok(rc == 0 && !veto && score == 0, "veto-only: no veto, score 0");
	} else
		free(cause);
	unload();

	rc = load("return { score = function(a, b, explain)\n"
	    "  return explain and 2 or 1, explain and 'shown' or nil end }", "",
	    &cause);
	if (rc == 0) {
		score1(ANA, CEM, &score, &veto, &cause);
		is_num(score, 1, 0, "explain is false in the scoring loop");
		strat.ops->reason(strat.self, 0, ANA, CEM, buf, sizeof buf);
		is_str(buf, "shown", "explain is true for reasons");
	} else
		free(cause);
	unload();

	load_fails("return 42", "must return a table", "a non-table");
	load_fails("return {}", "neither a score nor a veto", "an empty table");
	load_fails("return { score = function() end, vetoo = function() end }",
	    "unknown key 'vetoo'; did you mean 'veto'?", "a misspelt key");
	load_fails("return { score = 1 }", "'score' must be a function",
	    "score not a function");
	load_fails("return { score = function() end, symmetric = 1 }",
	    "'symmetric' must be a boolean", "symmetric not a boolean");
	load_fails("return { score = function() end, init = function() "
	    "error('no good') end }", "rule.lua:1: no good (in init)",
	    "an error in init");
	load_fails("return { score = function() end, prepare = function() "
	    "local x = nil; return x.y end }", "(in prepare)",
	    "an error in prepare");
	load_fails("error('at load')", "rule.lua:1: at load (running the "
	    "script)", "an error while running the chunk");
	load_fails("return {\n score = function(a, b)\n return 1 +\n end }",
	    "rule.lua:4: unexpected symbol near 'end'",
	    "a syntax error is FILE:LINE: message");
}

/* The rule of the example: init stores what it got, as
 * "name=type:value" in name order, for score's reason. */
#define OPTIONS_LUA \
	"local got\n" \
	"return {\n" \
	"  version = '1.0',\n" \
	"  options = {\n" \
	"    field = { default = 'city', doc = 'the field with the city' },\n" \
	"    city = { doc = 'only this city counts' },\n" \
	"    score = { type = 'number', default = 1, doc = 'the bonus' },\n" \
	"    rounds = { type = 'integer', default = 2 },\n" \
	"    strict = { type = 'boolean', default = false },\n" \
	"  },\n" \
	"  init = function(o)\n" \
	"    local t = {}\n" \
	"    for k, v in pairs(o) do\n" \
	"      t[#t + 1] = k .. '=' .. (math.type(v) or type(v)) .. ':' ..\n" \
	"        tostring(v)\n" \
	"    end\n" \
	"    got = table.concat(t, ' ')\n" \
	"  end,\n" \
	"  score = function(a, b) return 0, got end,\n" \
	"}\n"

/* OPTIONS_LUA with the section's EXTRA keys: init must get WANT. */
static void
options_reach_init(const char *extra, const char *want, const char *what)
{
	char *cause, buf[256];

	if (load(OPTIONS_LUA, extra, &cause) != 0) {
		ok(0, what);
		printf("#   load: %s\n", cause);
		free(cause);
		unload();
		return;
	}
	strat.ops->reason(strat.self, 0, ANA, BEN, buf, sizeof buf);
	is_str(buf, want, what);
	unload();
}

/* OPTIONS_LUA with EXTRA in its section fails to load with WANT. */
static void
options_fail(const char *extra, const char *want, const char *what)
{
	char *cause;
	int rc = load(OPTIONS_LUA, extra, &cause);

	ok(rc != 0, what);
	like(cause, want, "  ... with the message");
	free(cause);
	unload();
}

/* `options = {}`: no key passes, whether or not there is an init. */
static void
options_none(void)
{
	char *cause;
	int rc;

	rc = load("return { options = {}, score = function() return 0 end }",
	    "colour = red\n", &cause);
	ok(rc != 0, "options = {} takes no key, even without init");
	like(cause, "event.ini:25: strategy 'rule' (script rule.lua script) "
	    "has no option 'colour' (options: none; and for every strategy: "
	    "script, ", "  ... with the message");
	free(cause);
	unload();
}

/* A rule without `options` gets every key as a string, as before. */
static void
options_undeclared(void)
{
	char buf[256], *cause;

	if (load("local got\nreturn {\n"
	    "  init = function(o) got = o.n .. ' ' .. type(o.n) .. ' ' .. "
	    "o.anything end,\n"
	    "  score = function() return 0, got end }", "n = 2\nanything = "
	    "goes\n", &cause) != 0) {
		ok(0, "no options key: every key passes");
		printf("#   load: %s\n", cause);
		free(cause);
	} else {
		strat.ops->reason(strat.self, 0, ANA, BEN, buf, sizeof buf);
		is_str(buf, "2 string goes", "no options key: every key "
		    "passes, as a string");
	}
	unload();
}

/* A rule whose options are OPTIONS fails to load with WANT. */
static void
declaration_fails(const char *options, const char *want, const char *what)
{
	char *script = xasprintf("return { options = %s,\n"
	    "  score = function() return 0 end }", options);

	load_fails(script, want, what);
	free(script);
}

static void
test_options(void)
{
	options_reach_init("", "field=string:city rounds=integer:2 "
	    "score=integer:1 strict=boolean:false", "defaults reach init, "
	    "typed; an option without a default is absent");
	options_reach_init("city = K\xc3\xb6ln\nscore = 0.5\nrounds = 3\n"
	    "strict = ja\nfield = company\n", "city=string:K\xc3\xb6ln "
	    "field=string:company rounds=integer:3 score=float:0.5 "
	    "strict=boolean:true", "values from the section, converted");
	options_reach_init("score = 2\n", "field=string:city rounds=integer:2 "
	    "score=integer:2 strict=boolean:false",
	    "a whole number is an integer, as in views");

	options_fail("weight = 2\nfeild = city\n", "event.ini:26: strategy "
	    "'rule' (script rule.lua 1.0) has no option 'feild'; did you mean "
	    "'field'? (options: city, field, rounds, score, strict; and for "
	    "every strategy: script, weight, memory_limit, instruction_limit)",
	    "an unknown option, like a plugin's");
	options_fail("score = lots\n", "event.ini:25: strategy 'rule' (script "
	    "rule.lua 1.0): option 'score' must be a number, not 'lots'",
	    "a number option with another value");
	options_fail("strict = maybe\n", "option 'strict' must be yes or no, "
	    "not 'maybe'", "a boolean option with another value");
	options_fail("rounds = 2.5\n", "option 'rounds' must be a whole "
	    "number, not '2.5'", "an integer option with another value");

	options_none();
	options_undeclared();

	declaration_fails("42", "rule.lua: 'options' must be a table, not "
	    "number", "options not a table");
	declaration_fails("{ 'field' }", "rule.lua: options: each key must be "
	    "an option's name, not a number", "options as a list of names");
	declaration_fails("{ field = 'city' }", "rule.lua: options.field must "
	    "be a table such as { default = ..., doc = \"...\" }, not string",
	    "an option that is not a table");
	declaration_fails("{ field = { defualt = 'city' } }", "rule.lua: "
	    "options.field has an unknown key 'defualt'; did you mean "
	    "'default'? (known: type, default, doc)", "a misspelt key");
	declaration_fails("{ field = { doc = 1 } }", "options.field.doc must be "
	    "a string, not number", "a doc that is not a string");
	declaration_fails("{ score = { type = 'nubmer' } }", "rule.lua: "
	    "options.score: unknown type 'nubmer'; did you mean 'number'? "
	    "(types: string, number, integer, boolean)", "an unknown type");
	declaration_fails("{ score = { default = 1 } }", "options.score.default "
	    "is a number, so the option needs type = \"number\"",
	    "a number default of a string option: a forgotten type");
	declaration_fails("{ on = { default = true } }", "options.on.default is "
	    "a boolean, so the option needs type = \"boolean\"",
	    "a boolean default of a string option");
	declaration_fails("{ score = { type = 'number', default = 'lots' } }",
	    "options.score: the default must be a number, not 'lots'",
	    "a default that is not of the type");
	declaration_fails("{ n = { type = 'integer', default = 1.5 } }",
	    "options.n: the default must be a whole number, not '1.5'",
	    "an integer default that is not whole");
	declaration_fails("{ f = { default = {} } }", "options.f.default must "
	    "be a string, number or boolean, not table", "a table default");
	declaration_fails("{ weight = {} }", "options.weight: 'weight' is a "
	    "key mingle reads itself; give the option another name",
	    "an option mingle would never pass on");
}

static void
test_bad_returns(void)
{
	score_fails("return { score = function(a, b) end }",
	    "rule.lua:1: score returned nil; it must return a finite number",
	    "score returning nothing");
	score_fails("return { score = function(a, b) return 0/0 end }",
	    "score returned -nan", "score returning NaN");
	score_fails("return { score = function(a, b) return math.huge end }",
	    "score returned inf", "score returning inf");
	score_fails("return { score = function(a, b) return {} end }",
	    "score returned table", "score returning a table");
	score_fails("return { score = function(a, b) return '1' end }",
	    "score returned string", "score returning a numeric string");
	score_fails("return {\n score = function(a, b) return 1, 2 end }",
	    "rule.lua:2: score returned a number as its reason",
	    "a reason that is not a string");
	score_fails("return { veto = function(a, b) return 0 end }",
	    "veto returned number; it must return true or false",
	    "veto returning 0 (which Lua counts as true)");
}

static void
test_errors(void)
{
	char *cause;
	double score;
	int veto, rc;

	score_fails("return {\n score = function(a, b)\n"
	    "  local t = nil\n  return t.x\n end }",
	    "rule.lua:4: attempt to index a nil value (local 't')",
	    "a runtime error is FILE:LINE: message");
	score_fails("local function deep(n) return deep(n + 1) + 1 end\n"
	    "return { score = function(a, b) return deep(1) end }",
	    "stack overflow", "deep recursion is a clean error");
	score_fails("return { score = function(a, b) error({}) end }",
	    "error object is a table value", "a table as error object");

	rc = load("return {\n score = function(a, b)\n"
	    "  if b.id == 'ben@acme.example' then error('boom') end\n"
	    "  return 1\n end }", "", &cause);
	if (rc == 0) {
		rc = score1(ANA, BEN, &score, &veto, &cause);
		like(cause, "rule.lua:3: boom (scoring ana@acme.example -> "
		    "ben@acme.example)\nstack traceback:\n", "message, pair, "
		    "traceback");
		like(cause, "rule.lua:3: in function", "the traceback names "
		    "the line");
		free(cause);
		rc = score1(ANA, CEM, &score, &veto, &cause);
		ok(rc == 0 && score == 1, "the state works after an error");
	} else
		free(cause);
	unload();
}

static void
test_sandbox(void)
{
	static const char bytecode[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n";

	scores(CHECK_LUA
	    "for _, name in ipairs({'io', 'os', 'package', 'debug', 'require',\n"
	    "    'load', 'loadfile', 'dofile', 'collectgarbage', 'warn',\n"
	    "    'loadstring', 'module', 'setfenv', 'getfenv'}) do\n"
	    "  check(_G[name] == nil, name .. ' is gone')\n"
	    "end\n"
	    "check(string.dump == nil, 'string.dump')\n"
	    "check(math.randomseed == nil, 'math.randomseed')\n"
	    "check(type(pcall) == 'function' and type(utf8.char) == "
	    "'function', 'the rest is there')\n"
	    "check(getmetatable('') == false, 'string metatable hidden')\n"
	    "check(not pcall(function() string.upper = nil end), "
	    "'string is read-only')\n"
	    "check(('x'):upper() == 'X', 'methods still work')\n"
	    "check(not pcall(setmetatable, {}, {__gc = print}), 'no __gc')\n"
	    "check(tostring({}) == 'table' and tostring(print) == 'function',"
	    " 'no addresses')\n"
	    "check(string.format('%s', {}) == 'table', 'format %s')\n"
	    "check(not pcall(string.format, '%p', {}), 'no %p')\n"
	    "local t = {} for i = 1, 50 do t['k' .. i] = i end\n"
	    "local keys = {} for k in pairs(t) do keys[#keys+1] = k end\n"
	    "check(keys[1] == 'k1' and keys[2] == 'k10' and keys[50] == 'k9',"
	    " 'pairs is sorted')\n"
	    "local mixed = {} for k in pairs({[2]=1, [1]=1, b=1, a=1, [true]=1,"
	    " [1.5]=1}) do mixed[#mixed+1] = tostring(k) end\n"
	    "check(table.concat(mixed, ' ') == '1 1.5 2 a b true', "
	    "'numbers, strings, booleans: ' .. table.concat(mixed, ' '))\n"
	    "local s = {} for i = 1, 300 do s[i] = {k = i % 3, i = i} end\n"
	    "table.sort(s, function(x, y) return x.k < y.k end)\n"
	    "local stable = true for i = 2, 300 do if s[i-1].k == s[i].k and "
	    "s[i-1].i > s[i].i then stable = false end end\n"
	    "check(stable, 'table.sort is stable')\n"
	    "local n = {5, 3, 9, 1} table.sort(n) check(table.concat(n, ',')"
	    " == '1,3,5,9', 'sort numbers')\n"
	    "return { score = function(a, b)\n"
	    "  local r1 = math.random(1000000)\n"
	    "  return r1 >= 1 and r1 <= 1000000 and 1 or 0\n"
	    "end }\n", ANA, BEN, 1, "the allow-list, protected metatables, "
	    "fixed orders");

	load_fails("return load('return 1')()", "attempt to call a nil value "
	    "(global 'load')", "load is gone");
	{
		char *cause;
		int rc = load_n(bytecode, sizeof bytecode - 1, "", &cause);

		ok(rc != 0, "a bytecode file is refused");
		like(cause, "attempt to load a binary chunk (mode is 't')",
		    "  ... as binary");
		like(cause, "rule.lua: ", "  ... naming the file");
		free(cause);
		unload();
	}
	score_fails("return { score = function(a, b) return io.open('x') end }",
	    "global 'io'", "io.open");
	score_fails("return { score = function(a, b) "
	    "return os.execute('true') end }", "global 'os'", "os.execute");
	score_fails("return { score = function(a, b) return require('os') end }",
	    "global 'require'", "require");
	score_fails("return { score = function(a, b) "
	    "getmetatable('').__index = {} end }", "index a boolean value",
	    "changing the string metatable");
}

static void
test_limits(void)
{
	const char *small = "instruction_limit = 100000\n";

	score_fails_with("return { score = function(a, b) while true do end end }",
	    small, ANA, BEN, "rule.lua:1: instruction limit of 100000 per "
	    "call exceeded", "an endless loop");
	score_fails_with("return { score = function(a, b)\n"
	    "  for i = 1, 100 do pcall(function() while true do end end) end\n"
	    "  return 1 end }", small, ANA, BEN, "instruction limit",
	    "an endless loop inside pcall");
	score_fails_with("return { score = function(a, b)\n"
	    "  xpcall(function() while true do end end,\n"
	    "    function(e) while true do end end)\n"
	    "  return 1 end }", small, ANA, BEN, "instruction limit",
	    "an endless loop inside xpcall and its handler");
	score_fails_with("return { score = function(a, b)\n"
	    "  local co = coroutine.create(function() while true do end end)\n"
	    "  local ok, e = coroutine.resume(co)\n"
	    "  return 1 end }", small, ANA, BEN, "instruction limit",
	    "an endless loop inside a coroutine");
	score_fails_with("return { score = function(a, b)\n"
	    "  local f = coroutine.wrap(function() while true do end end)\n"
	    "  pcall(f) return 1 end }", small, ANA, BEN,
	    "instruction limit", "coroutine.wrap inside pcall");
	score_fails_with("return { score = function(a, b)\n"
	    "  while true do coroutine.wrap(function() end)() end end }",
	    small, ANA, BEN, "instruction limit", "endless coroutines");
	score_fails_with("local function f() coroutine.wrap(f)() end\n"
	    "return { score = function(a, b) f() end }", "", ANA, BEN,
	    "C stack overflow", "coroutines nested without end");
	score_fails_with("return { score = function(a, b)\n"
	    "  local s = 'x' while true do s = s .. s end end }",
	    "memory_limit = 8M\n", ANA, BEN, "memory limit of 8 MiB exceeded",
	    "a memory bomb");
	score_fails_with("return { score = function(a, b)\n"
	    "  local t = {}\n"
	    "  for i = 1, 100 do pcall(function()\n"
	    "    while true do t[#t + 1] = {} end end) end\n"
	    "  return 1 end }", "memory_limit = 8M\n", ANA, BEN,
	    "memory limit of 8 MiB exceeded", "a memory bomb inside pcall");
	score_fails_with("return { score = function(a, b)\n"
	    "  local ok = coroutine.resume(coroutine.create(function()\n"
	    "    local t = {} while true do t[#t + 1] = {} end end))\n"
	    "  return 1 end }", "memory_limit = 8M\n", ANA, BEN,
	    "memory limit", "a memory bomb inside a coroutine");
	score_fails_with("return { score = function(a, b)\n"
	    "  return #string.find(('a'):rep(40), ('a?'):rep(40) .. "
	    "('a'):rep(40)) end }", small, ANA, BEN, "rule.lua:2: instruction "
	    "limit", "a backtracking pattern");
	score_fails_with("return { score = function(a, b)\n"
	    "  return #string.rep('', 1e15) end }", small, ANA, BEN,
	    "instruction limit", "string.rep of nothing, 10^15 times");
	score_fails_with("return { score = function(a, b)\n"
	    "  table.move({}, 1, 1e15, 1) end }", small, ANA, BEN,
	    "instruction limit", "table.move over 10^15 nils");
	score_fails_with("local big = 'x' for i = 1, 20 do big = big .. big end\n"
	    "return { score = function(a, b)\n"
	    "  while true do local c = big .. 'y' end end }", small, ANA, BEN,
	    "instruction limit", "cheap instructions copying megabytes");
	/* One tail call copying 200000 values costs 3 instructions: only the
	 * time limit (1 s here) stops it. */
	score_fails_with("local function g(n, ...)\n"
	    "  if n == 0 then return 0 end return g(n - 1, ...) end\n"
	    "return { score = function(a, b)\n"
	    "  local t = {} for i = 1, 200000 do t[i] = i end\n"
	    "  return g(1e9, table.unpack(t)) end }",
	    "instruction_limit = 1000000\n", ANA, BEN,
	    "time limit of 1 s per call exceeded", "work the count cannot see");
	scores("local t = {} for i = 1, 1000 do t[i] = i end\n"
	    "return { score = function(a, b) return #t end }", ANA, BEN, 1000,
	    "memory held before scoring stays");

	/* mingle.normalize: 6000 bytes of U+FDFA decompose into 36000 code
	 * points; a run of 400 marks may be reordered 79800 times. */
	score_fails_with("return { score = function(a, b)\n"
	    "  return #mingle.normalize(('\\u{fdfa}'):rep(2000)) end }", small,
	    ANA, BEN, "rule.lua:2: instruction limit",
	    "mingle.normalize charges its decomposition");
	score_fails_with("return { score = function(a, b)\n"
	    "  return #mingle.normalize(('\\u{301}\\u{316}'):rep(200)) end }",
	    small, ANA, BEN, "rule.lua:2: instruction limit",
	    "mingle.normalize charges reordering a run of marks");
	score_fails_with("return { score = function(a, b)\n"
	    "  return #mingle.normalize(('\\u{fdfa}'):rep(200000)) end }",
	    "memory_limit = 8M\ninstruction_limit = 100000000\n", ANA, BEN,
	    "rule.lua:2: memory limit of 8 MiB exceeded",
	    "mingle.normalize's buffer counts against the memory limit");
	score_fails_with("local t = {} for i = 1, 100000 do t[i] = 'x' end\n"
	    "return { score = function(a, b)\n"
	    "  for i = 1, 200 do mingle.has_tag(t, 'y') end end }", "", ANA,
	    BEN, "rule.lua:3: instruction limit",
	    "mingle.has_tag charges its scan of an array");
}

/*
 * Host functions charge what they do, at about the VM's rate: each case
 * below runs in well under a second and ends at the default instruction
 * limit; uncharged, each ran to the end.
 */
static void
test_charges(void)
{
	static const struct {
		const char *setup, *body, *what;
	} cases[] = {
		{ "local s = ('1'):rep(1e6)",
		  "for i = 1, 100 do tonumber(s) end",
		  "tonumber reads its string" },
		{ "local s = ('x'):rep(1e6)",
		  "for i = 1, 100 do s:upper() end",
		  "string.upper, a byte at a time" },
		{ "local f = ('x'):rep(1e6)",
		  "for i = 1, 20 do string.packsize(f) end",
		  "string.packsize, by option" },
		{ "local z = ('\\0'):rep(1e5)",
		  "for i = 1, 20 do ('%q'):format(z) end",
		  "string.format('%q'), by byte written" },
		{ "local c, it = ('\\x80'):rep(1e6), utf8.codes('x')",
		  "for i = 1, 100 do it(c, 0) end",
		  "utf8.codes' iterator skipping continuation bytes" },
		{ "local t = setmetatable({}, {__len = function() return 1e7 "
		  "end})",
		  "table.insert(t, 1, 'x')",
		  "table.insert with a __len of 10^7" },
		{ "local t = setmetatable({}, {__len = function() return 2e7 "
		  "end})",
		  "table.remove(t, 1)",
		  "table.remove with a __len of 2 * 10^7" },
		{ "local t = setmetatable({}, {__len = function() return 9e5 "
		  "end})",
		  "for i = 1, 20 do table.unpack(t) end",
		  "table.unpack with a __len of 9 * 10^5" },
		{ "local e = {} for i = 1, 1e5 do e[i] = '' end "
		  "local t = setmetatable({}, {__index = e, __len = function() "
		  "return 1e5 end})",
		  "for i = 1, 200 do table.concat(t) end",
		  "table.concat with a __len" },
		{ "local s, t = ('x'):rep(1e5), {} for i = 1, 1000 do t[i] = s "
		  "end",
		  "table.sort(t)",
		  "table.sort comparing long strings" },
		{ "local s, t = ('x'):rep(1e5), {} for i = 1, 1000 do t[i] = s "
		  "end",
		  "mingle.overlap(t, t)",
		  "mingle.overlap comparing long strings" },
		{ "local r = ('y'):rep(1e5)",
		  "for i = 1, 10 do ('x'):rep(100):gsub('x', r) end",
		  "string.gsub copying a long replacement" },
		{ "local k = ('x'):rep(1e6)",
		  "for i = 1, 200 do local _ = a.interests[k] end",
		  "a tag set looking up a long tag" },
		{ "local k = ('x'):rep(1e6)",
		  "for i = 1, 20 do pcall(function() return a[k] end) end",
		  "a view looking for a field with a long name" },
		{ "local k = ('x'):rep(1e6)",
		  "for i = 1, 20 do pcall(function() return a.column[k] end)\n"
		  "  end",
		  "a view looking for a column with a long name" },
	};
	char *script;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		script = xasprintf("%s\nreturn { score = function(a, b)\n"
		    "  %s\n  return 0 end }", cases[i].setup, cases[i].body);
		score_fails_with(script, "", ANA, BEN,
		    "rule.lua:3: instruction limit of 10000000 per call "
		    "exceeded", cases[i].what);
		free(script);
	}
}

/*
 * next and pairs: the fixed order, and Lua's rules for a traversal (keys
 * cleared meanwhile, traversals interleaved, a table changed between
 * them).  Runs across processes are compared in tests/lua/determinism.sh.
 */
static void
test_order(void)
{
	scores(CHECK_LUA
	    "local function keys(t, via)\n"
	    "  local out, k = {}, nil\n"
	    "  if via == 'pairs' then\n"
	    "    for key in pairs(t) do out[#out + 1] = key end\n"
	    "  else\n"
	    "    repeat k = next(t, k) out[#out + 1] = k until k == nil\n"
	    "  end\n"
	    "  return out\n"
	    "end\n"
	    "local function show(list, names)\n"
	    "  local s = {}\n"
	    "  for i, k in ipairs(list) do s[i] = names[k] or tostring(k) end\n"
	    "  return table.concat(s, ' ')\n"
	    "end\n"
	    "return { score = function(a, b)\n"
	    "  local t1, f1, t2 = {}, function() end, {}\n"
	    "  local co = coroutine.create(print)\n"
	    "  local names = { [t1] = 't1', [t2] = 't2', [f1] = 'f1',\n"
	    "    [co] = 'co', [print] = 'print', [string.len] = 'len',\n"
	    "    [a] = 'a', [b] = 'b', [a.interests] = 'tags' }\n"
	    "  local t = { [t2] = 1, [co] = 1, [f1] = 1, [t1] = 1, [b] = 1,\n"
	    "    [a] = 1, [true] = 1, [false] = 1, z = 1, a = 1, [''] = 1,\n"
	    "    [10] = 1, [-2] = 1, [0.5] = 1, [print] = 1,\n"
	    "    [string.len] = 1, [a.interests] = 1 }\n"
	    "  local want = '-2 0.5 10  a z false true a b print len tags t1 "
	    "f1 t2 co'\n"
	    "  check(show(keys(t, 'next'), names) == want, 'next: ' ..\n"
	    "    show(keys(t, 'next'), names))\n"
	    "  check(show(keys(t, 'pairs'), names) == want, 'pairs')\n"
	    "  check(next({}) == nil, 'empty')\n"
	    "  check(select(2, next({x = 7})) == 7, 'the value too')\n"
	    "  check(not pcall(next, 1), 'not a table')\n"
	    "  check(not pcall(next, {}, 0/0), 'NaN')\n"
	    "  -- Clearing keys during a traversal, the current one too.\n"
	    "  local u, seen = {}, {}\n"
	    "  for i = 1, 20 do u[i] = i u['s' .. i] = i end\n"
	    "  for k, v in pairs(u) do\n"
	    "    seen[#seen + 1] = k\n"
	    "    u[k] = nil\n"
	    "    if type(k) == 'number' and k < 20 then u[k + 1] = nil end\n"
	    "  end\n"
	    "  check(#seen == 30 and next(u) == nil, 'cleared during: ' ..\n"
	    "    #seen)\n"
	    "  -- Nested traversals of one table.\n"
	    "  local v, n = {x = 1, y = 2, z = 3}, 0\n"
	    "  for k1 in pairs(v) do for k2 in pairs(v) do n = n + 1 end end\n"
	    "  check(n == 9, 'nested')\n"
	    "  -- A key cleared, then a traversal of the table in between.\n"
	    "  local w, got = {a = 1, b = 2, c = 3}, {}\n"
	    "  for k in pairs(w) do\n"
	    "    got[#got + 1] = k\n"
	    "    w[k] = nil\n"
	    "    for _ in pairs(w) do end\n"
	    "  end\n"
	    "  check(table.concat(got) == 'abc', 'cleared, traversed')\n"
	    "  local y, got2 = {a = 1, b = 2, c = 3}, {}\n"
	    "  local k = next(y)\n"
	    "  while k ~= nil do\n"
	    "    got2[#got2 + 1] = k\n"
	    "    y[k] = nil\n"
	    "    local j = next(y) while j ~= nil do j = next(y, j) end\n"
	    "    k = next(y, k)\n"
	    "  end\n"
	    "  check(table.concat(got2) == 'abc', 'next: cleared, traversed')\n"
	    "  -- A table changed between traversals is seen afresh.\n"
	    "  local x = {b = 1}\n"
	    "  check(next(x) == 'b', 'first')\n"
	    "  x.a = 1\n"
	    "  check(next(x) == 'a', 'changed')\n"
	    "  check(next(x, 'a') == 'b' and next(x, 'b') == nil, 'steps')\n"
	    "  local libs = keys(string, 'pairs')\n"
	    "  check(libs[1] == 'byte' and libs[#libs] == 'upper', 'library')\n"
	    "  check(not pcall(setmetatable, {}, {__mode = 'k'}), 'weak')\n"
	    "  return 1\n"
	    "end }\n", ANA, BEN, 1, "next and pairs: the fixed order, "
	    "Lua's rules for traversals");
	score_fails_with("local t = {}\n"
	    "for i = 1, 20000 do t['k' .. i] = i end\n"
	    "return { score = function(a, b)\n"
	    "  for i = 1, 50 do next(t) end end }", "", ANA, BEN,
	    "rule.lua:4: instruction limit", "next(t, nil) sorts, charged");
	score_fails_with("return { score = function(a, b)\n"
	    "  setmetatable({}, {__mode = 'v'}) end }", "", ANA, BEN,
	    "rule.lua:2: setmetatable: __mode is not available in mingle "
	    "scripts", "weak tables are refused");
}

/*
 * The sandbox without mingle's rules: a host of its own, with userdata it
 * places and a library of its own.  "placed(n)" makes a userdata at place
 * n; "walk(t, keys)" is sandbox_order_walk.
 */
static long
host_place(lua_State *L, int idx)
{
	long *p = luaL_testudata(L, idx, "test.placed");

	return p != NULL ? *p : -1;
}

static int
host_placed(lua_State *L)
{
	lua_Integer n = luaL_checkinteger(L, 1);
	long *p = lua_newuserdatauv(L, sizeof *p, 0);

	*p = (long)n;
	luaL_setmetatable(L, "test.placed");
	return 1;
}

static int
host_walk(lua_State *L)
{
	sandbox_order_walk(L, 1, 2);			/* t keys iter */
	return 1;
}

/* Run SCRIPT in SB (sealed here) and return what it returns, a string. */
static char *
host_run(struct sandbox *sb, const char *script)
{
	char *cause = NULL, *r;

	sandbox_seal(sb);
	if (sandbox_load(sb, script, strlen(script), &cause) != 0 ||
	    sandbox_call(sb, 1, 0, 1, &cause, "host") != 0)
		return cause;
	r = xstrdup(lua_isstring(sandbox_state(sb), -1) ?
	    lua_tostring(sandbox_state(sb), -1) : "(no string)");
	lua_pop(sandbox_state(sb), 1);
	return r;
}

static void
test_host(void)
{
	struct sandbox *sb;
	lua_State *L;
	char *got;

	sb = sandbox_new("bare.lua", 0, 0, 1);
	got = host_run(sb, "return (print == nil and next == nil and load == "
	    "nil and io == nil and string == nil) and 'none' or 'some'");
	ok(strcmp(got, "none") == 0, "a new sandbox has no globals");
	printf("#   %s\n", got);
	free(got);
	sandbox_free(sb);

	sb = sandbox_new("host.lua", 0, 0, 1);
	L = sandbox_state(sb);
	sandbox_env_open(L);
	luaL_newmetatable(L, "test.placed");
	lua_pop(L, 1);
	sandbox_set_places(L, host_place);
	lua_newtable(L);
	lua_pushcfunction(L, host_placed);
	lua_setfield(L, -2, "placed");
	lua_pushcfunction(L, host_walk);
	lua_setfield(L, -2, "walk");
	sandbox_env_library(L, "host");
	got = host_run(sb,
	    "local a, b, c = host.placed(3), host.placed(1), host.placed(2)\n"
	    "local t = { [a] = 'a', [{}] = 'o', [b] = 'b', [true] = 't',\n"
	    "  [c] = 'c', x = 'x' }\n"
	    "local s, w = '', ''\n"
	    "for _, v in pairs(t) do s = s .. v end\n"
	    "for k, v in host.walk({ z = 1, y = 2, w = 3 }, { 'y', 'gone',\n"
	    "  'z', 'w' }) do w = w .. k .. v end\n"
	    "local ok, err = pcall(function() host.y = 1 end)\n"
	    "return s .. ' ' .. w .. ' ' .. tostring(ok) .. ' ' .. err\n");
	like(got, "xtbcao y2z1w3 false host.lua:8: the host library is "
	    "read-only (tried to set 'y')", "a host's placed userdata go "
	    "after booleans, by place; its walk skips nils; its library is "
	    "read-only");
	free(got);
	sandbox_free(sb);
}

/*
 * The creation numbers the allocator keeps (sandbox_serial.c), against a
 * plain array: adds, lookups and drops in a crowded map.
 */
static void
test_serial(void)
{
	enum { N = 3000 };
	static uint64_t want[N];
	struct sandbox_serial s;
	size_t i, bad = 0, bytes = 0;
	uint64_t x = 88172645463325252ULL;

	memset(&s, 0, sizeof s);
	memset(want, 0, sizeof want);
	for (i = 0; i < 40 * N; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* Addresses 16 apart, as malloc's; a few sizes. */
		if (x % 3 != 0) {
			bytes += sandbox_serial_add(&s,
			    (void *)(uintptr_t)(16 * (x % N + 1)), 56);
			want[x % N] = s.next;
		} else {
			bytes -= sandbox_serial_drop(&s,
			    (void *)(uintptr_t)(16 * (x % N + 1)), 56);
			want[x % N] = 0;
		}
		if (i % 97 == 0 && sandbox_serial_drop(&s,
		    (void *)(uintptr_t)16, 24) != 0)
			bad++;		/* a size no object had */
	}
	for (i = 0; i < N; i++)
		if (sandbox_serial_find(&s,
		    (void *)(uintptr_t)(16 * (i + 1))) != want[i])
			bad++;
	ok(bad == 0, "serial: finds what was added, not what was dropped");
	ok(bytes == sandbox_serial_bytes(&s), "serial: reports its growth");
	for (i = 0; i < N; i++)
		bytes -= sandbox_serial_drop(&s,
		    (void *)(uintptr_t)(16 * (i + 1)), 56);
	ok(s.count == 0 && s.nslots <= 64, "serial: shrinks when emptied");
	sandbox_serial_free(&s);
}

/* spin(n): n times, sleep a millisecond and charge 100 units: C work
 * that charges as it goes, with no VM instruction in between. */
static int
spin(lua_State *L)
{
	struct timespec ms = { 0, 1000000 };
	lua_Integer i, n = luaL_checkinteger(L, 1);

	for (i = 0; i < n; i++) {
		nanosleep(&ms, NULL);
		sandbox_charge(L, 100);
	}
	return 0;
}

/*
 * The time net behind the instruction limit fires in long C work too: the
 * count hook never runs there, so sandbox_charge reads the clock.
 * 3000 ms of spinning costs 300000 units of a budget of 1000000, whose
 * time net is 1 s.
 */
static void
test_time_net(void)
{
	static const char script[] = "spin(3000)";
	struct sandbox *sb;
	struct timespec t0, t1;
	char *cause = NULL;
	double secs;
	int rc;

	sb = sandbox_new("spin.lua", 0, 1000000, 1);
	sandbox_env_open(sandbox_state(sb));
	lua_pushcfunction(sandbox_state(sb), spin);
	lua_setglobal(sandbox_state(sb), "spin");
	sandbox_seal(sb);
	if (sandbox_load(sb, script, sizeof script - 1, &cause) != 0) {
		ok(0, "spin loads");
		free(cause);
		sandbox_free(sb);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = sandbox_call(sb, 1, 0, 0, &cause, "spinning");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ok(rc != 0, "the time net stops C work that charges as it goes");
	like(cause, "spin.lua:1: time limit of 1 s per call exceeded",
	    "  ... with the time limit's message");
	ok(secs < 2.0, "  ... soon after its second");
	printf("#   stopped after %.2f s\n", secs);
	free(cause);
	sandbox_free(sb);
}

/*
 * The same corpus through stock Lua and through the sandbox's matcher;
 * the serialized results (values and error messages) must agree.
 */
static const char corpus[] =
    "local out = {}\n"
    "local function put(...) local n = select('#', ...) local t = {}\n"
    "  for i = 1, n do t[i] = tostring((select(i, ...))) end\n"
    "  out[#out + 1] = n .. ':' .. table.concat(t, '|') end\n"
    "local function try(f, ...) local r = table.pack(pcall(f, ...))\n"
    "  put(table.unpack(r, 1, r.n)) end\n"
    "local S = 'hello world from Lua 5.4, key=val; [x] (a(b)c) THE END'\n"
    "local P = {'o', 'l+', 'l*', 'l-', 'l?', '%a+', '%A+', '%d+', '%D',\n"
    "  '%s', '%S+', '%w+', '%W', '%p', '%P+', '%l+', '%u+', '%x+', '%c',\n"
    "  '%g+', '%.', '[%a_][%w_]*', '[^%s]+', '[a-f]+', '[]x]', '[^]x]+',\n"
    "  '[%]]', '[a-]', '[-a]', '^hello', '^world', 'END$', 'end$', '$',\n"
    "  '^', '(%w+)=(%w+)', '()ll()', '(l)(l)', '(h)(e)(l)%3', '%b()',\n"
    "  '%b[]', '%f[%a]%a+', '%f[%A]', '%f[%w]%w+%f[%W]', '.-%s', '.*',\n"
    "  '(.-)%s(.*)', 'x*', '', 'a.-b', '((a)(b))', '[%d%.]+', 'zzz',\n"
    "  '%', '[a', '(', ')', '%b', '%f', '%1', '(()', '%g', '[%a-z]',\n"
    "  '(%w+) (%w+)', 'l+o?', 'o%s*w'}\n"
    "for _, p in ipairs(P) do\n"
    "  try(string.find, S, p) try(string.match, S, p)\n"
    "  try(string.find, S, p, 7) try(string.find, S, p, -5)\n"
    "  try(string.match, S, p, 100) try(string.find, S, p, 1, true)\n"
    "  try(string.gsub, S, p, '<%0>') try(string.gsub, S, p, '%1', 3)\n"
    "  try(function() local r = {} for a, b in string.gmatch(S, p) do\n"
    "    r[#r + 1] = tostring(a) .. ',' .. tostring(b) end\n"
    "    return table.concat(r, ';') end)\n"
    "  try(string.gsub, S, p, function(x) return x and #x end)\n"
    "  try(string.gsub, S, p, {hello = 'HI', l = false})\n"
    "end\n"
    "try(string.gsub, 'abc', '%w', '%2') try(string.gsub, 'abc', '%w', '%')\n"
    "try(string.gsub, 'abc', '%w', '%x') try(string.gsub, 'abc', '', '-')\n"
    "try(string.gsub, 'abc', '.', {a = {}})\n"
    "try(string.gsub, 'hello world', '(o)', '[%1%%]')\n"
    "try(string.gsub, 'abc', '^a', 'X') try(string.gsub, 'aaa', '^a', 'X')\n"
    "try(string.gsub, 'a,b,,c', ',', ';', 2)\n"
    "try(string.find, 'a+b', '+', 1, true) try(string.find, 'abc', '')\n"
    "try(string.find, 'abc', '', 10) try(string.find, 'abc', '', 4)\n"
    "try(string.find, 'a\\0b', '\\0') try(string.find, 'a\\0b', '%z')\n"
    "try(string.match, '  trim me  ', '^%s*(.-)%s*$')\n"
    "try(string.match, 'x@example.org', '@(.+)$')\n"
    "try(string.match, '2024-10-02', '(%d+)-(%d+)-(%d+)')\n"
    "try(string.match, 'THE (quick) fox', '%((%a+)%)')\n"
    "try(function() local r = {} for c in ('abcabc'):gmatch('b', 3) do "
    "r[#r+1] = c end return #r end)\n"
    "try(function() local r = {} for w in ('one two  three'):gmatch"
    "('%a+', 4) do r[#r+1] = w end return table.concat(r, ',') end)\n"
    "try(function() local r = {} for k, v in ('a=1, b=2'):gmatch"
    "('(%w+)=(%w+)') do r[#r+1] = k .. v end return table.concat(r) end)\n"
    "try(function() local r = {} for p in ('^a^a'):gmatch('^a') do "
    "r[#r+1] = p end return #r end)\n"
    "try(function() local r = {} for w in ('abc'):gmatch('') do "
    "r[#r+1] = 'x' end return #r end)\n"
    "try(string.rep, 'ab', 3, ',') try(string.byte, 'abc', 1, -1)\n"
    "try(table.concat, {1, 2, 3}, '-', 2, 3)\n"
    "try(table.unpack, {1, 2, 3}, 2)\n"
    "try(string.rep) try(table.insert, {}, 5, 1)\n"
    "local function tab(...) local t = {...} return function(f, ...)\n"
    "  local r = table.pack(pcall(f, t, ...)) local s = ''\n"
    "  for i = 1, #t do s = s .. type(t[i]) .. tostring(t[i]):sub(1, 5) ..\n"
    "  ',' end\n"
    "  r.n = r.n + 1 r[r.n] = s return table.unpack(r, 1, r.n) end end\n"
    "put(tab(1, 2, 3)(table.insert, 'x')) put(tab(1, 2, 3)(table.insert, 1,\n"
    "  'x')) put(tab(1, 2, 3)(table.insert, 4, 'x'))\n"
    "put(tab(1, 2, 3)(table.insert, 0, 'x')) put(tab()(table.insert, 1, 'x'))\n"
    "put(tab(1, 2)(table.insert, 1, 2, 3)) put(tab(1, 2)(table.insert))\n"
    "put(tab(1, 2, 3)(table.remove)) put(tab(1, 2, 3)(table.remove, 1))\n"
    "put(tab(1, 2, 3)(table.remove, 4)) put(tab(1, 2, 3)(table.remove, 5))\n"
    "put(tab()(table.remove)) put(tab()(table.remove, 0))\n"
    "put(tab(1, 2, 3)(table.remove, 'x'))\n"
    "put(tab(1, 2, 3)(table.concat, '-', 2)) put(tab(1, {}, 3)(table.concat))\n"
    "put(tab(1, 2.5, 'z')(table.concat, ', ', 1, 3))\n"
    "put(tab(1, 2)(table.concat, '', 3, 2)) put(tab(1, 2)(table.concat, {}))\n"
    "put(tab(3, 1, 2)(table.unpack, 2)) put(tab(3, 1, 2)(table.sort))\n"
    "try(table.insert, 'str', 1) try(table.remove, nil)\n"
    "try(table.concat, 7) try(table.insert, setmetatable({}, {__len =\n"
    "  function() return 'x' end}), 1)\n"
    "try(table.remove, setmetatable({}, {__len = function() return 2 end,\n"
    "  __index = function(t, k) return k * 10 end}))\n"
    "try(utf8.len, 'h\\u{e9}llo') try(utf8.codepoint, 'h\\u{e9}', 1, -1)\n"
    "return table.concat(out, '\\n')\n";

static char *
run_corpus(lua_State *L, struct sandbox *sb, char **cause)
{
	char *r = NULL;

	if (luaL_loadbufferx(L, corpus, sizeof corpus - 1, "=corpus", "t") !=
	    LUA_OK) {
		*cause = xstrdup(lua_tostring(L, -1));
		return NULL;
	}
	if (sb != NULL) {
		if (sandbox_call(sb, 1, 0, 1, cause, "corpus") != 0)
			return NULL;
	} else if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
		*cause = xstrdup(lua_tostring(L, -1));
		return NULL;
	}
	r = xstrdup(lua_tostring(L, -1));
	lua_pop(L, 1);
	return r;
}

static void
test_patterns(void)
{
	struct sandbox *sb;
	lua_State *stock;
	char *want, *got, *cause = NULL, *w, *g, *wl, *gl;
	int line = 1, same = 1;

	stock = luaL_newstate();
	luaL_openlibs(stock);
	want = run_corpus(stock, NULL, &cause);
	ok(want != NULL, "the corpus runs in stock Lua");
	if (want == NULL) {
		printf("#   %s\n", cause);
		free(cause);
		lua_close(stock);
		return;
	}
	lua_close(stock);

	sb = sandbox_new("corpus.lua", 0, 0, 1);
	sandbox_env_open(sandbox_state(sb));
	sandbox_seal(sb);
	got = run_corpus(sandbox_state(sb), sb, &cause);
	ok(got != NULL, "the corpus runs in the sandbox");
	if (got == NULL) {
		printf("#   %s\n", cause);
		free(cause);
		free(want);
		sandbox_free(sb);
		return;
	}
	/* Compare line by line, to show the first difference. */
	for (w = want, g = got; same && *w != '\0' && *g != '\0'; line++) {
		wl = strchr(w, '\n');
		gl = strchr(g, '\n');
		if ((wl ? (size_t)(wl - w) : strlen(w)) !=
		    (gl ? (size_t)(gl - g) : strlen(g)) ||
		    strncmp(w, g, wl ? (size_t)(wl - w) : strlen(w)) != 0) {
			same = 0;
			printf("#   line %d\n#   stock:   %.*s\n#   sandbox: "
			    "%.*s\n", line, (int)(wl ? wl - w : (long)strlen(w)),
			    w, (int)(gl ? gl - g : (long)strlen(g)), g);
		}
		w = wl ? wl + 1 : w + strlen(w);
		g = gl ? gl + 1 : g + strlen(g);
	}
	ok(same && *w == '\0' && *g == '\0', "find, match, gmatch, gsub, "
	    "rep, byte, concat, unpack, utf8 agree with stock Lua");
	printf("#   %d results compared\n", line - 1);
	free(want);
	free(got);
	sandbox_free(sb);
}

static void
test_random(void)
{
	char *cause;
	double s1, s2, s3;
	int veto, rc;

	rc = load("return { score = function(a, b) return math.random() end }",
	    "", &cause);
	if (rc != 0) {
		ok(0, "random rule loads");
		free(cause);
		unload();
		return;
	}
	score1(ANA, BEN, &s1, &veto, &cause);
	score1(ANA, CEM, &s2, &veto, &cause);
	score1(ANA, BEN, &s3, &veto, &cause);
	ok(s1 == s3, "math.random: the same pair draws the same number");
	ok(s1 != s2, "math.random: another pair draws another");
	ok(s1 >= 0 && s1 < 1, "math.random() is in [0, 1)");
	unload();
}

/* Not a check: how fast a typical rule scores, for the report. */
static void
bench(void)
{
	struct timespec t0, t1;
	char *cause;
	double *sc, secs;
	unsigned char *v;
	uint32_t cand[3] = { BEN, CEM, DORA };
	int i, n = 100000, rc;

	rc = load("return { score = function(a, b)\n"
	    "  local c = mingle.overlap(a.interests, b.interests)\n"
	    "  if #c == 0 then return 0 end\n"
	    "  return #c, 'both like ' .. table.concat(c, ', ')\n"
	    "end, veto = function(a, b) return a.company ~= nil and "
	    "a.company == b.company end }", "", &cause);
	if (rc != 0) {
		free(cause);
		unload();
		return;
	}
	sc = xcalloc(3, sizeof *sc);
	v = xcalloc(3, 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++)
		strat.ops->score(strat.self, 0, ANA, cand, 3, sc, v, &cause);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("# bench: %.0f pairs/s (veto + score, overlap, reason)\n",
	    3.0 * n / secs);
	free(sc);
	free(v);
	unload();
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 99;
	}
	write_file("event.csv", event_csv, strlen(event_csv));
	test_views();
	test_library();
	test_api();
	test_options();
	test_bad_returns();
	test_errors();
	test_sandbox();
	test_limits();
	test_charges();
	test_order();
	test_host();
	test_serial();
	test_time_net();
	test_patterns();
	test_random();
	bench();
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			printf("# could not remove %s\n", dir);
		free(cmd);
	}
	return tap_done();
}
