/*
 * plugin_loader.c -- dlopen a strategy plugin, check its ABI, wrap it as a
 * struct strategy.
 */
#include "autoconf.h"

#include <dlfcn.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mingle/plugin.h"
#include "plugin_host.h"
#include "plugin_loader.h"
#include "strategy.h"
#include "strategy_options.h"
#include "util.h"

/* The smallest descriptor any ABI 1.x plugin can have: through fini. */
#define DESC_MIN_SIZE \
	(offsetof(struct mingle_strategy, fini) + sizeof(void (*)(void *)))

struct plugin_strategy {
	void *dl;
	struct mingle_strategy desc;	/* zero-extended copy */
	struct mingle_host host;
	void *state;
	char *label;
};

static void	plugin_declared(const struct mingle_strategy *,
		    struct strategy_options *);

/* ---------------------------------------------------------------- search */

static void
add_dir(char ***dirs, size_t *n, const char *dir)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*dirs)[i], dir) == 0)
			return;
	*dirs = xreallocarray(*dirs, *n + 1, sizeof **dirs);
	(*dirs)[(*n)++] = xstrdup(dir);
}

char **
plugin_search_dirs(const struct mingle_config *config, size_t *n)
{
	char **dirs = NULL;
	const char *env = getenv("MINGLE_PLUGIN_PATH");
	size_t i;

	*n = 0;
	if (config != NULL)
		for (i = 0; i < config->nplugin_path; i++)
			add_dir(&dirs, n, config->plugin_path[i]);
	while (env != NULL && *env != '\0') {
		size_t len = strcspn(env, ":");
		char *dir = xstrndup(env, len);

		if (*dir != '\0')
			add_dir(&dirs, n, dir);
		free(dir);
		env += len + (env[len] == ':');
	}
	if (running_uninstalled())
		add_dir(&dirs, n, MINGLE_BUILD_PLUGINDIR);
	add_dir(&dirs, n, MINGLE_PLUGINDIR);
	return dirs;
}

void
plugin_free_dirs(char **dirs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

static char *
find_plugin(const struct mingle_config *config, const char *name,
    char **cause)
{
	struct strbuf tried = { 0 };
	struct stat st;
	char **dirs, *path = NULL;
	size_t n, i;

	if (strchr(name, '/') != NULL) {
		path = path_join(config->dir, name);
		if (stat(path, &st) == 0)
			return path;
		*cause = xasprintf("plugin file %s does not exist", path);
		free(path);
		return NULL;
	}
	dirs = plugin_search_dirs(config, &n);
	for (i = 0; i < n && path == NULL; i++) {
		char *p = xasprintf("%s/%s.so", dirs[i], name);

		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			path = p;
		else
			free(p);
		strbuf_printf(&tried, "\n  %s", dirs[i]);
	}
	if (path == NULL)
		*cause = xasprintf("no plugin '%s' (looked for %s.so in:%s)\n"
		    "  (set [plugins] path in the config or MINGLE_PLUGIN_PATH;"
		    " `mingle plugins` lists what is found)", name, name,
		    tried.buf);
	strbuf_free(&tried);
	plugin_free_dirs(dirs, n);
	return path;
}

/* ---------------------------------------------------------------- opening */

/*
 * dlopen PATH and read its descriptor into *DESC, zero-extended.  Returns
 * the handle, or NULL with *cause set.
 */
static void *
open_plugin(const char *path, struct mingle_strategy *desc, char **cause)
{
	const struct mingle_strategy *d;
	mingle_plugin_entry_fn entry;
	void *dl, *sym;

	dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (dl == NULL) {
		*cause = xasprintf("cannot load %s: %s", path, dlerror());
		return NULL;
	}
	sym = dlsym(dl, MINGLE_PLUGIN_ENTRY);
	if (sym == NULL) {
		*cause = xasprintf("%s is not a mingle plugin: it has no "
		    "'%s' function", path, MINGLE_PLUGIN_ENTRY);
		goto fail;
	}
	*(void **)&entry = sym;
	d = entry();
	if (d == NULL) {
		*cause = xasprintf("%s: %s() returned no descriptor", path,
		    MINGLE_PLUGIN_ENTRY);
		goto fail;
	}
	if (d->abi_major != MINGLE_ABI_MAJOR) {
		*cause = xasprintf("%s was built for plugin ABI %u.%u; this "
		    "mingle speaks ABI %d.%d (rebuild the plugin against this "
		    "mingle's <mingle/plugin.h>)", path, d->abi_major,
		    d->abi_minor, MINGLE_ABI_MAJOR, MINGLE_ABI_MINOR);
		goto fail;
	}
	if (d->abi_minor > MINGLE_ABI_MINOR) {
		*cause = xasprintf("%s was built for plugin ABI %u.%u, newer "
		    "than this mingle's ABI %d.%d (upgrade mingle)", path,
		    d->abi_major, d->abi_minor, MINGLE_ABI_MAJOR,
		    MINGLE_ABI_MINOR);
		goto fail;
	}
	if (d->size < DESC_MIN_SIZE) {
		*cause = xasprintf("%s: descriptor is %u bytes, smaller than "
		    "any ABI %d.x descriptor (%zu)", path, d->size,
		    MINGLE_ABI_MAJOR, (size_t)DESC_MIN_SIZE);
		goto fail;
	}
	memset(desc, 0, sizeof *desc);
	memcpy(desc, d, d->size < sizeof *desc ? d->size : sizeof *desc);
	if (desc->name == NULL || desc->score == NULL) {
		*cause = xasprintf("%s: descriptor lacks a %s", path,
		    desc->name == NULL ? "name" : "score function");
		goto fail;
	}
	return dl;
fail:
	dlclose(dl);
	return NULL;
}

void
plugin_probe(const char *path, struct strategy_info *info)
{
	struct mingle_strategy desc;
	void *dl;

	memset(info, 0, sizeof *info);
	info->path = xstrdup(path);
	dl = open_plugin(path, &desc, &info->error);
	if (dl == NULL)
		return;
	info->name = xstrdup(desc.name);
	info->version = xstrdup(desc.version ? desc.version : "?");
	info->description = xstrdup(desc.description ? desc.description :
	    "");
	info->abi_major = desc.abi_major;
	info->abi_minor = desc.abi_minor;
	plugin_declared(&desc, &info->options);
	dlclose(dl);
}

/*
 * The options DESC declares, for the host's check and for listings, each
 * with its line of option_docs if DESC has them (an ABI 1.0 descriptor
 * has none: the copy is zero-extended).
 */
static void
plugin_declared(const struct mingle_strategy *desc,
    struct strategy_options *decl)
{
	const char *doc;
	char *cause = NULL;
	size_t i;

	memset(decl, 0, sizeof *decl);
	decl->declared = 1;
	for (i = 0; desc->options != NULL && desc->options[i] != NULL; i++) {
		doc = desc->option_docs != NULL ? desc->option_docs[i] : NULL;
		if (doc != NULL && *doc == '\0')
			doc = NULL;
		/* Untyped and without a default: cannot fail. */
		strategy_options_declare(decl, desc->options[i], NULL, NULL,
		    doc, &cause);
	}
}

/* ---------------------------------------------------------------- ops */

/* Any worker: a plugin's state is read-only after init (plugin.h). */
static int
ps_score(void *self, size_t worker, uint32_t a, const uint32_t *cand,
    size_t n, double *scores, unsigned char *veto, char **cause)
{
	struct plugin_strategy *ps = self;

	if (ps->desc.score(ps->state, a, cand, n, scores, veto) != 0) {
		*cause = xasprintf("%s failed while scoring attendee '%s'",
		    ps->label, ps->host.t->id[a]);
		return -1;
	}
	return 0;
}

static void
ps_reason(void *self, size_t worker, uint32_t a, uint32_t b, char *buf,
    size_t cap)
{
	struct plugin_strategy *ps = self;

	(void)worker;		/* plugin.h: reason from any thread */
	buf[0] = '\0';
	if (ps->desc.reason != NULL && cap > 0) {
		ps->desc.reason(ps->state, a, b, buf,
		    cap < MINGLE_REASON_MAX ? cap : MINGLE_REASON_MAX);
		buf[cap - 1] = '\0';	/* whatever the plugin did */
	}
}

/* Any worker, as score. */
static int
ps_candidates(void *self, uint32_t a, size_t k, uint32_t *out, size_t cap,
    size_t *n, double *bound)
{
	struct plugin_strategy *ps = self;
	size_t i;

	*n = 0;
	*bound = 0;
	if (ps->desc.candidates(ps->state, a, k, out, cap, n, bound) != 0 ||
	    *n > cap || !(*bound < INFINITY))
		return -1;
	/* ascending attendees, as plugin.h asks: else everyone is scored */
	for (i = 0; i < *n; i++)
		if (out[i] >= ps->host.t->n || (i > 0 && out[i] <= out[i - 1]))
			return -1;
	return 0;
}

/* Any worker, as score.  Each term is checked as far as it is cheap to:
 * the walk (walk.c) checks each id it reads. */
static int
ps_terms(void *self, uint32_t a, struct mingle_term *out, size_t cap,
    size_t *n)
{
	struct plugin_strategy *ps = self;
	size_t i;

	*n = 0;
	if (ps->desc.terms(ps->state, a, out, cap, n) != 0)
		return -1;
	for (i = 0; i < *n && i < cap; i++)
		if ((out[i].n > 0 && out[i].ids == NULL) ||
		    !(out[i].gain >= 0) || !(out[i].upper >= 0) ||
		    !(out[i].upper < INFINITY) || out[i].n > ps->host.t->n)
			return -1;
	return 0;
}

static void
ps_free(void *self)
{
	struct plugin_strategy *ps = self;

	if (ps->desc.fini != NULL)
		ps->desc.fini(ps->state);
	dlclose(ps->dl);
	free(ps->host.error);
	free(ps->label);
	free(ps);
}

static const struct strategy_ops plugin_ops = {
	.score = ps_score,
	.reason = ps_reason,
	.free = ps_free,
	.candidates = ps_candidates,
	.terms = ps_terms,
};

int
plugin_strategy_open(const struct mingle_config *config,
    const struct config_strategy *cs, const struct attendee_table *t,
    struct strategy *s, char **cause)
{
	struct plugin_strategy *ps;
	struct strategy_options decl;
	char *path, *inner = NULL;
	int rc;

	path = find_plugin(config, cs->plugin, &inner);
	if (path == NULL)
		goto fail_inner;
	ps = xcalloc(1, sizeof *ps);
	ps->dl = open_plugin(path, &ps->desc, &inner);
	if (ps->dl == NULL) {
		free(ps);
		free(path);
		goto fail_inner;
	}
	ps->label = xasprintf("strategy '%s' (plugin %s %s)", cs->name,
	    ps->desc.name, ps->desc.version ? ps->desc.version : "?");
	plugin_declared(&ps->desc, &decl);
	rc = strategy_options_check(cs, &decl, ps->label, "plugin, weight",
	    NULL, NULL, cause);
	strategy_options_free(&decl);
	if (rc != 0)
		goto fail;
	ps->host.t = t;
	ps->host.cs = cs;
	ps->host.config = config;
	ps->host.label = ps->label;
	ps->host.in_init = 1;
	if (ps->desc.init != NULL &&
	    ps->desc.init(&plugin_host_api, &ps->host, &ps->state) != 0) {
		*cause = xasprintf("%s:%d: %s: %s", cs->file, cs->line,
		    ps->label, ps->host.error ? ps->host.error :
		    "init failed (the plugin gave no reason)");
		goto fail;
	}
	ps->host.in_init = 0;
	s->quota = ps->host.quota;
	s->pins = ps->host.pins;
	s->npins = ps->host.npins;
	ps->host.quota = NULL;
	ps->host.pins = NULL;
	s->kind = xstrdup("plugin");
	s->impl = xstrdup(ps->desc.name);
	s->version = xstrdup(ps->desc.version ? ps->desc.version : "?");
	s->path = path;
	s->symmetric = (ps->desc.flags & MINGLE_STRATEGY_SYMMETRIC) != 0;
	s->lists = ps->desc.candidates != NULL;
	s->has_terms = s->lists && ps->desc.terms != NULL;
	s->group_bonus = (ps->desc.flags & MINGLE_STRATEGY_GROUP_BONUS) != 0;
	s->ops = &plugin_ops;
	s->self = ps;
	return 0;
fail:
	dlclose(ps->dl);
	free(ps->host.quota);
	free(ps->host.pins);
	free(ps->host.error);
	free(ps->label);
	free(ps);
	free(path);
	return -1;
fail_inner:
	*cause = xasprintf("%s:%d: [strategy %s]: %s", cs->file, cs->line,
	    cs->name, inner);
	free(inner);
	return -1;
}
