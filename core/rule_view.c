/*
 * rule_view.c -- read-only views of attendees for Lua scripts.
 *
 * A view is a userdata (so rawset cannot write to it) with a table of its
 * values: id, name, column, and every configured field by its name, typed.
 * The views share one metatable, whose __index reads a bool or number
 * field from the attendee table's own column and the others from the
 * view's table.  At 100,000 attendees a view is rarely in cache: a
 * metatable per view, its __index the values table, cost a rule about
 * four cache misses more a field read than one C call does.  A field with
 * no value is nil, and a name that is not a field is an error naming the
 * closest one, because a misspelt field would otherwise read as a missing
 * value and silently change the rule.  Views are built once, before the
 * script runs, and are the same objects on every call: scripts may use
 * them as table keys.
 *
 * Tags fields are tag sets: userdata answering set[tag] == true, #set and
 * pairs(set) (tags in alphabetical order), backed by the attendee table's
 * CSR arrays re-sorted by each tag's alphabetical rank.
 */
#include "autoconf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "mingle/plugin.h"

#include "attendees.h"
#include "csv.h"
#include "rule_internal.h"
#include "sandbox.h"
#include "util.h"

#define VIEW_MT		"mingle.view"	/* every view's metatable */
#define TAGSET_MT	"mingle.tagset"
#define COLUMN_MT	"mingle.column"
#define ANCHORS		"mingle.anchors"

/* How far before a view's block (lua_touserdata) the VM reads its
 * metatable: Lua 5.4 puts the header and the user value there, 56 bytes
 * on 64-bit machines, the metatable 24 bytes in.  Only for fetching
 * ahead (rule_view_heads): were it wrong, a fetch would be wasted. */
#define VIEW_HEAD	32

/* Keys by address, no string hashing: the views' metatable holds
 * [&view_key] = true; the registry holds [&tagset_key] = the tag sets'
 * metatable. */
static const char view_key, tagset_key;

struct view {
	uint32_t idx;
};

struct column_ref {
	const struct attendee_table *t;
	uint32_t idx;
};

struct tag_name {
	const char *name;
	uint32_t id;
};

static int	view_index(lua_State *);
static int	view_newindex(lua_State *);
static int	view_tostring(lua_State *);
static int	view_pairs(lua_State *);
static long	view_place(lua_State *, int);
static int	view_unknown(lua_State *);
static int	tagset_index(lua_State *);
static int	tagset_len(lua_State *);
static int	tagset_pairs(lua_State *);
static int	tagset_pairs_next(lua_State *);
static int	tagset_tostring(lua_State *);
static int	readonly(lua_State *);
static int	column_index(lua_State *);
static int	column_pairs(lua_State *);
static int	column_pairs_next(lua_State *);
static void	view_metatables(lua_State *, const struct attendee_table *);
static int	view_column(const struct field *);
static struct rule_tagfield *view_tagfield(lua_State *, const struct field *,
		    size_t);
static int	tag_name_cmp(const void *, const void *);
static int	rank_cmp(const void *, const void *);
static void	view_push_value(lua_State *, const struct field *,
		    const struct rule_tagfield *, size_t);
static void	*view_test(lua_State *, int, const char *);

static const luaL_Reg view_meta[] = {
	{ "__index", view_index },
	{ "__newindex", view_newindex },
	{ "__tostring", view_tostring },
	{ "__pairs", view_pairs },
	{ NULL, NULL }
};

static const luaL_Reg tagset_meta[] = {
	{ "__index", tagset_index },
	{ "__newindex", readonly },
	{ "__len", tagset_len },
	{ "__pairs", tagset_pairs },
	{ "__tostring", tagset_tostring },
	{ NULL, NULL }
};

static const luaL_Reg column_meta[] = {
	{ "__index", column_index },
	{ "__newindex", readonly },
	{ "__pairs", column_pairs },
	{ NULL, NULL }
};

void
rule_view_build(lua_State *L, const struct attendee_table *t)
{
	struct rule_tagfield **tfs;
	struct column_ref *col;
	struct view *v;
	size_t f, i;

	view_metatables(L, t);
	sandbox_set_places(L, view_place);

	tfs = xcalloc(t->nfields + 1, sizeof *tfs);
	lua_newtable(L);				/* anchors */
	for (f = 0; f < t->nfields; f++) {
		if (t->fields[f].type != MINGLE_FIELD_TAGS)
			continue;
		tfs[f] = view_tagfield(L, &t->fields[f], t->n);
							/* anchors tf */
		lua_rawseti(L, -2, (lua_Integer)f + 1);	/* anchors */
	}
	lua_setfield(L, LUA_REGISTRYINDEX, ANCHORS);	/* */

	lua_createtable(L, (int)t->n, 0);		/* views */
	for (i = 0; i < t->n; i++) {
		v = lua_newuserdatauv(L, sizeof *v, 1);	/* views v */
		v->idx = (uint32_t)i;
		lua_createtable(L, 0, (int)t->nfields + 3);
							/* views v vals */
		lua_pushstring(L, t->id[i]);		/* views v vals id */
		lua_setfield(L, -2, "id");		/* views v vals */
		lua_pushstring(L, t->name[i]);		/* views v vals name */
		lua_setfield(L, -2, "name");		/* views v vals */
		col = lua_newuserdatauv(L, sizeof *col, 0);
							/* views v vals col */
		col->t = t;
		col->idx = (uint32_t)i;
		luaL_setmetatable(L, COLUMN_MT);
		sandbox_order_remember(L, -1);
		lua_setfield(L, -2, "column");		/* views v vals */
		for (f = 0; f < t->nfields; f++) {
			view_push_value(L, &t->fields[f], tfs[f], i);
							/* views v vals value */
			lua_setfield(L, -2, t->fields[f].name);
							/* views v vals */
		}
		lua_setiuservalue(L, -2, 1);		/* views v */
		luaL_setmetatable(L, VIEW_MT);		/* views v */
		lua_rawseti(L, -2, (lua_Integer)i + 1);	/* views */
	}
	free(tfs);
}

void
rule_view_heads(lua_State *L, int views, size_t n, const void **out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		lua_rawgeti(L, views, (lua_Integer)i + 1);	/* v */
		out[i] = (const char *)lua_touserdata(L, -1) - VIEW_HEAD;
		lua_pop(L, 1);					/* */
	}
}

/* Push attendee I's value of field F (nil when missing). */
static void
view_push_value(lua_State *L, const struct field *f,
    const struct rule_tagfield *tf, size_t i)
{
	struct rule_tagset *ts;
	double d;

	switch (f->type) {
	case MINGLE_FIELD_TAGS:
		ts = lua_newuserdatauv(L, sizeof *ts, 0);
		ts->tf = tf;
		ts->ranks = tf->ranks + f->tag_off[i];
		ts->n = f->tag_off[i + 1] - f->tag_off[i];
		luaL_setmetatable(L, TAGSET_MT);
		sandbox_order_remember(L, -1);
		break;
	case MINGLE_FIELD_NUMBER:
		if (!f->has_number[i]) {
			lua_pushnil(L);
			break;
		}
		/* Whole numbers as integers: "30", not "30.0", in reasons. */
		d = f->number[i];
		if (d == floor(d) && fabs(d) < 9007199254740992.0)
			lua_pushinteger(L, (lua_Integer)d);
		else
			lua_pushnumber(L, d);
		break;
	case MINGLE_FIELD_BOOL:
		if (f->boolean[i] < 0)
			lua_pushnil(L);
		else
			lua_pushboolean(L, f->boolean[i]);
		break;
	default:
		if (f->text != NULL && f->text[i] != NULL)
			lua_pushstring(L, f->text[i]);
		else
			lua_pushnil(L);
		break;
	}
}

/*
 * The metatables: the views', the values tables', the tag sets' and the
 * column accessors'.  The view functions share three upvalues: KNOWN
 * (every name a view answers, name -> true, or for a bool or number field
 * its index in T->fields plus 1), ORDER (the names pairs() visits) and T.
 */
static void
view_metatables(lua_State *L, const struct attendee_table *t)
{
	lua_Integer k;
	size_t f;

	lua_newtable(L);				/* known */
	lua_newtable(L);				/* known order */
	lua_pushliteral(L, "id");
	lua_rawseti(L, -2, 1);
	lua_pushliteral(L, "name");
	lua_rawseti(L, -2, 2);
	for (f = 0; f < t->nfields; f++) {
		lua_pushstring(L, t->fields[f].name);	/* known order name */
		lua_rawseti(L, -2, (lua_Integer)f + 3);	/* known order */
	}
	lua_pushnil(L);					/* known order nil */
	while (lua_next(L, -2)) {			/* known order i name */
		k = lua_tointeger(L, -2);	/* 1 and 2: id, name */
		if (k > 2 && view_column(&t->fields[k - 3]))
			lua_pushinteger(L, k - 2);	/* ... i name f+1 */
		else
			lua_pushboolean(L, 1);		/* ... i name true */
		lua_rawset(L, -5);			/* known order i */
	}						/* known order */
	lua_pushboolean(L, 1);				/* known order true */
	lua_setfield(L, -3, "column");			/* known order */

	luaL_newmetatable(L, VIEW_MT);			/* known order mt */
	lua_insert(L, -3);				/* mt known order */
	lua_pushlightuserdata(L, (void *)t);		/* mt known order t */
	luaL_setfuncs(L, view_meta, 3);			/* mt */
	lua_pushliteral(L, "attendee view");
	lua_setfield(L, -2, "__metatable");
	lua_pushliteral(L, "attendee view");
	lua_setfield(L, -2, "__name");
	lua_pushboolean(L, 1);				/* mt true */
	lua_rawsetp(L, -2, &view_key);			/* mt */
	lua_pop(L, 1);					/* */

	luaL_newmetatable(L, TAGSET_MT);		/* mt */
	lua_pushvalue(L, -1);				/* mt mt */
	lua_rawsetp(L, LUA_REGISTRYINDEX, &tagset_key);	/* mt */
	luaL_setfuncs(L, tagset_meta, 0);
	lua_pushliteral(L, "tag set");
	lua_setfield(L, -2, "__metatable");
	lua_pushliteral(L, "tag set");
	lua_setfield(L, -2, "__name");
	lua_pop(L, 1);					/* */

	luaL_newmetatable(L, COLUMN_MT);		/* mt */
	lua_newtable(L);				/* mt cache */
	luaL_setfuncs(L, column_meta, 1);		/* mt */
	lua_pushliteral(L, "attendee columns");
	lua_setfield(L, -2, "__metatable");
	lua_pushliteral(L, "attendee columns");
	lua_setfield(L, -2, "__name");
	lua_pop(L, 1);					/* */
}

/*
 * Rank the tags of F alphabetically and store every attendee's tags as
 * ascending ranks: one userdata, pushed, owned by the state.
 */
static struct rule_tagfield *
view_tagfield(lua_State *L, const struct field *f, size_t n)
{
	struct rule_tagfield *tf;
	struct tag_name *sorted;
	uint32_t ntags = f->values.count, nnz = f->tag_off[n], r, k;
	size_t size, i;
	char *p;

	size = sizeof *tf + ntags * sizeof(char *) +
	    ((size_t)ntags + nnz) * sizeof(uint32_t);
	p = lua_newuserdatauv(L, size, 0);		/* tf */
	tf = (struct rule_tagfield *)p;
	tf->f = f;
	tf->ntags = ntags;
	tf->name_of_rank = (const char **)(p + sizeof *tf);
	tf->rank_of_id = (uint32_t *)(tf->name_of_rank + ntags);
	tf->ranks = tf->rank_of_id + ntags;

	sorted = xcalloc(ntags + 1, sizeof *sorted);
	for (r = 0; r < ntags; r++) {
		sorted[r].name = f->values.strings[r];
		sorted[r].id = r;
	}
	qsort(sorted, ntags, sizeof *sorted, tag_name_cmp);
	for (r = 0; r < ntags; r++) {
		tf->name_of_rank[r] = sorted[r].name;
		tf->rank_of_id[sorted[r].id] = r;
	}
	free(sorted);

	for (i = 0; i < n; i++) {
		for (k = f->tag_off[i]; k < f->tag_off[i + 1]; k++)
			tf->ranks[k] = tf->rank_of_id[f->tag_ids[k]];
		qsort(tf->ranks + f->tag_off[i], f->tag_off[i + 1] -
		    f->tag_off[i], sizeof(uint32_t), rank_cmp);
	}
	return tf;
}

static int
tag_name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tag_name *)a)->name,
	    ((const struct tag_name *)b)->name);
}

static int
rank_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The tag set at IDX, or NULL. */
static void *
view_test(lua_State *L, int idx, const char *key)
{
	void *p = lua_touserdata(L, idx);
	int same;

	if (p == NULL || !lua_getmetatable(L, idx))	/* ... mt */
		return NULL;
	lua_rawgetp(L, LUA_REGISTRYINDEX, key);		/* ... mt want */
	same = lua_rawequal(L, -1, -2);
	lua_pop(L, 2);					/* ... */
	return same ? p : NULL;
}

/* Views go in file order among the keys next and pairs visit: the
 * attendee index of the view at IDX, or -1 if it is not a view. */
static long
view_place(lua_State *L, int idx)
{
	struct view *v = lua_touserdata(L, idx);
	int is_view;

	if (v == NULL || !lua_getmetatable(L, idx))	/* ... mt */
		return -1;
	is_view = lua_rawgetp(L, -1, &view_key) == LUA_TBOOLEAN;
	lua_pop(L, 2);					/* ... */
	return is_view ? (long)v->idx : -1;
}

const struct rule_tagset *
rule_view_tagset(lua_State *L, int idx)
{
	return view_test(L, idx, &tagset_key);
}

long
rule_view_tag_rank(const struct rule_tagfield *tf, const char *tag, size_t len)
{
	long id;

	if (strlen(tag) != len)
		return -1;
	id = intern_find(&tf->f->values, tag);
	return id < 0 ? -1 : (long)tf->rank_of_id[id];
}

/* Whether field F is read from its column (view_index), not from the
 * view's table. */
static int
view_column(const struct field *f)
{
	return f->type == MINGLE_FIELD_BOOL || f->type == MINGLE_FIELD_NUMBER;
}

/* view[key]: a bool or number field from its column, the rest from the
 * view's table; a field without a value is nil, a name that is not a
 * field an error. */
static int
view_index(lua_State *L)
{
	const struct view *v = lua_touserdata(L, 1);
	const struct attendee_table *t;
	lua_Integer f;

	lua_pushvalue(L, 2);				/* view key key */
	if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER) {
		t = lua_touserdata(L, lua_upvalueindex(3));
		f = lua_tointeger(L, -1);		/* view key f */
		view_push_value(L, &t->fields[f - 1], NULL, v->idx);
		return 1;
	}
	lua_getiuservalue(L, 1, 1);			/* view key known vals */
	lua_pushvalue(L, 2);				/* ... vals key */
	if (lua_rawget(L, -2) != LUA_TNIL || !lua_isnil(L, 3))
		return 1;		/* its value; a field without one */
	return view_unknown(L);
}

/* Name the field the script probably meant. */
static int
view_unknown(lua_State *L)
{
	const char **names, *key, *near;
	struct strbuf sb = { 0 };
	size_t n, i;

	if (lua_type(L, 2) != LUA_TSTRING)
		return luaL_error(L, "attendee fields are named by strings, "
		    "not by a %s", luaL_typename(L, 2));
	key = lua_tostring(L, 2);
	n = lua_rawlen(L, lua_upvalueindex(2));
	/* Each name is compared with the key, up to the key's length. */
	sandbox_charge(L, (n + 1) * (1 + lua_rawlen(L, 2) /
	    SANDBOX_BYTES_PER_UNIT));
	names = lua_newuserdatauv(L, (n + 1) * sizeof *names, 0);
	for (i = 0; i < n; i++) {
		lua_rawgeti(L, lua_upvalueindex(2), (lua_Integer)i + 1);
		names[i] = lua_tostring(L, -1);	/* anchored in ORDER */
		lua_pop(L, 1);
	}
	names[n++] = "column";
	near = closest_match(key, names, n);
	if (near != NULL)
		return luaL_error(L, "attendee has no field '%s' (did you "
		    "mean '%s'?)", key, near);
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i > 0 ? ", " : "", names[i]);
	sandbox_host_enter(L);
	lua_pushfstring(L, "attendee has no field '%s' (fields: %s)", key,
	    sb.buf);
	sandbox_host_leave(L);
	strbuf_free(&sb);
	luaL_where(L, 1);
	lua_insert(L, -2);
	lua_concat(L, 2);
	return lua_error(L);
}

static int
view_newindex(lua_State *L)
{
	return luaL_error(L, "attendee views are read-only (tried to set "
	    "'%s')", sandbox_guard_tolstring(L, 2, NULL));
}

static int
view_tostring(lua_State *L)
{
	lua_getiuservalue(L, 1, 1);			/* view vals */
	lua_pushliteral(L, "id");			/* view vals "id" */
	lua_rawget(L, -2);				/* view vals id */
	lua_pushfstring(L, "attendee %s", lua_tostring(L, -1));
	return 1;
}

/* pairs(view): id, name, then the fields in config order; no nils. */
static int
view_pairs(lua_State *L)
{
	lua_getiuservalue(L, 1, 1);			/* view vals */
	sandbox_order_walk(L, 2, lua_upvalueindex(2));	/* view vals iter */
	lua_pushvalue(L, 1);				/* ... iter view */
	lua_pushnil(L);					/* ... iter view nil */
	return 3;
}

static int
readonly(lua_State *L)
{
	return luaL_error(L, "%s is read-only (tried to set '%s')",
	    sandbox_guard_tolstring(L, 1, NULL),
	    sandbox_guard_tolstring(L, 2, NULL));
}

static int
tagset_index(lua_State *L)
{
	const struct rule_tagset *ts = lua_touserdata(L, 1);
	const char *tag;
	size_t len, lo, hi, mid;
	long r;

	if (lua_type(L, 2) != LUA_TSTRING) {
		lua_pushnil(L);
		return 1;
	}
	tag = lua_tolstring(L, 2, &len);
	sandbox_charge(L, len / SANDBOX_BYTES_PER_UNIT);	/* hashing */
	r = rule_view_tag_rank(ts->tf, tag, len);
	for (lo = 0, hi = ts->n; r >= 0 && lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (ts->ranks[mid] == (uint32_t)r) {
			lua_pushboolean(L, 1);
			return 1;
		}
		if (ts->ranks[mid] < (uint32_t)r)
			lo = mid + 1;
		else
			hi = mid;
	}
	lua_pushnil(L);
	return 1;
}

static int
tagset_len(lua_State *L)
{
	const struct rule_tagset *ts = lua_touserdata(L, 1);

	lua_pushinteger(L, ts->n);
	return 1;
}

static int
tagset_pairs(lua_State *L)
{
	lua_pushvalue(L, 1);				/* set set */
	lua_pushinteger(L, 0);				/* set set 0 */
	lua_pushcclosure(L, tagset_pairs_next, 2);	/* set iter */
	lua_pushvalue(L, 1);				/* set iter set */
	lua_pushnil(L);					/* set iter set nil */
	return 3;
}

static int
tagset_pairs_next(lua_State *L)
{
	const struct rule_tagset *ts = lua_touserdata(L, lua_upvalueindex(1));
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));

	if (i >= ts->n) {
		lua_pushnil(L);
		return 1;
	}
	lua_pushinteger(L, i + 1);
	lua_replace(L, lua_upvalueindex(2));
	lua_pushstring(L, ts->tf->name_of_rank[ts->ranks[i]]);
	lua_pushboolean(L, 1);
	return 2;
}

/* "{lua, python}" */
static int
tagset_tostring(lua_State *L)
{
	const struct rule_tagset *ts = lua_touserdata(L, 1);
	luaL_Buffer b;
	uint32_t i;

	luaL_buffinit(L, &b);
	luaL_addchar(&b, '{');
	for (i = 0; i < ts->n; i++) {
		if (i > 0)
			luaL_addstring(&b, ", ");
		luaL_addstring(&b, ts->tf->name_of_rank[ts->ranks[i]]);
	}
	luaL_addchar(&b, '}');
	luaL_pushresult(&b);
	return 1;
}

/*
 * a.column["Header"] or a.column[3]: the raw cell, as exported.  Headers
 * are looked up once (upvalue 1 caches header -> column) and addressed as
 * in the config, so a repeated header's second copy is "Firma@2".
 */
static int
column_index(lua_State *L)
{
	const struct column_ref *c = lua_touserdata(L, 1);
	const struct csv_table *csv = c->t->csv;
	lua_Integer col;
	char *cause = NULL;
	long found;

	if (csv == NULL)
		return luaL_error(L, "raw columns are not available here");
	if (lua_type(L, 2) == LUA_TNUMBER) {
		col = luaL_checkinteger(L, 2);
		if (col < 1 || (lua_Unsigned)col > csv->ncols)
			return luaL_error(L, "no column %d (the export has %d)",
			    (int)col, (int)csv->ncols);
		col--;
	} else {
		luaL_checkstring(L, 2);
		lua_pushvalue(L, 2);			/* col key key */
		if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER)
			col = lua_tointeger(L, -1);	/* col key idx */
		else {
			/* Each header is compared with the name. */
			sandbox_charge(L, (csv->ncols + 1) * (1 +
			    lua_rawlen(L, 2) / SANDBOX_BYTES_PER_UNIT));
			found = csv_column(csv, lua_tostring(L, 2), &cause);
			if (found < 0) {
				sandbox_host_enter(L);
				luaL_where(L, 1);
				lua_pushstring(L, cause);
				sandbox_host_leave(L);
				free(cause);
				lua_concat(L, 2);
				return lua_error(L);
			}
			col = found;
			lua_pushvalue(L, 2);		/* ... nil key */
			lua_pushinteger(L, col);	/* ... nil key idx */
			lua_rawset(L, lua_upvalueindex(1));	/* ... nil */
		}
	}
	lua_pushstring(L, csv_cell(csv, c->t->row[c->idx], (size_t)col));
	return 1;
}

/* pairs(a.column): header (as addressed), cell; in file order. */
static int
column_pairs(lua_State *L)
{
	lua_pushvalue(L, 1);				/* col col */
	lua_pushinteger(L, 0);				/* col col 0 */
	lua_pushcclosure(L, column_pairs_next, 2);	/* col iter */
	lua_pushvalue(L, 1);				/* col iter col */
	lua_pushnil(L);					/* col iter col nil */
	return 3;
}

static int
column_pairs_next(lua_State *L)
{
	const struct column_ref *c = lua_touserdata(L, lua_upvalueindex(1));
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
	char *spec;

	if (c->t->csv == NULL || (lua_Unsigned)i >= c->t->csv->ncols) {
		lua_pushnil(L);
		return 1;
	}
	lua_pushinteger(L, i + 1);
	lua_replace(L, lua_upvalueindex(2));
	spec = csv_column_spec(c->t->csv, (size_t)i);
	sandbox_host_enter(L);
	lua_pushstring(L, spec);
	sandbox_host_leave(L);
	free(spec);
	lua_pushstring(L, csv_cell(c->t->csv, c->t->row[c->idx], (size_t)i));
	return 2;
}
