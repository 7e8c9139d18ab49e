/*
 * strategy.h -- one loaded strategy, whatever it is made of.
 *
 * The engine sees plugins (plugin_loader.c) and Lua scripts (rule_strategy.c)
 * through this one interface.  Semantics are those of include/mingle/plugin.h:
 * directional scores a -> b, combined by the engine as the mean of both
 * directions; a veto in either direction removes the pair.
 */
#ifndef MINGLE_STRATEGY_H
#define MINGLE_STRATEGY_H

#include <stddef.h>
#include <stdint.h>

#include "attendees.h"
#include "mingle/plugin.h"
#include "config.h"
#include "strategy_options.h"

struct strategy_ops {
	/* Score A against N candidates into SCORES and VETO (zeroed by the
	 * caller), as worker WORKER (0 outside the engine's threads; no two
	 * threads at once with the same WORKER).  Returns 0, or nonzero with
	 * *cause set: the run stops. */
	int (*score)(void *self, size_t worker, uint32_t a,
	    const uint32_t *cand, size_t n, double *scores,
	    unsigned char *veto, char **cause);
	/* Reason for A -> B into BUF (CAP bytes); "" if none.  As worker
	 * WORKER, as score: the strategy must be ready for it (workers). */
	void (*reason)(void *self, size_t worker, uint32_t a, uint32_t b,
	    char *buf, size_t cap);
	void (*free)(void *self);
	/* Be ready for workers 0 .. N - 1 scoring at once; NULL if score
	 * needs nothing per worker.  Returns 0, or nonzero with *cause set. */
	int (*workers)(void *self, size_t n, char **cause);
	/* A's candidates into OUT (CAP at least the attendees), *N, *BOUND,
	 * as the descriptor's `candidates` (plugin.h); only called if the
	 * strategy `lists`.  Returns 0, or -1: score A with everyone. */
	int (*candidates)(void *self, uint32_t a, size_t k, uint32_t *out,
	    size_t cap, size_t *n, double *bound);
	/* A's terms into OUT (CAP), *N all of them, as the descriptor's
	 * `terms` (plugin.h); NULL if the strategy has none.  Returns 0, or
	 * -1: use candidates. */
	int (*terms)(void *self, uint32_t a, struct mingle_term *out,
	    size_t cap, size_t *n);
};

struct strategy {
	char *name;		/* the config section's name */
	char *kind;		/* "plugin" or "lua" */
	char *impl;		/* plugin name or script name */
	char *version;		/* implementation's version */
	char *path;		/* file it came from */
	double weight;
	int symmetric;		/* s(a->b) == s(b->a): ask once */
	int never_vetoes;	/* vetoes no pair (a Lua rule without veto);
				   0: it may */
	int lists;		/* ops->candidates lists partners */
	int has_terms;		/* ops->terms gives A's terms (with lists) */
	int lists_nobody;	/* it lists nobody, only gives a bound:
				   such strategies alone make no stage */
	int group_bonus;	/* its scores are a bonus for whole groups
				   of partners (MINGLE_STRATEGY_GROUP_BONUS,
				   a Lua rule's max_score): the engine also
				   keeps each one's best without it */
	double max_score;	/* a Lua rule's max_score (its bound), or
				   -1: none */
	const struct strategy_ops *ops;
	void *self;

	/* What a plugin asked for in init (ABI 1.2 quota and pin); owned,
	 * NULL and 0 for none.  quota[a]: the most of a's introductions
	 * this strategy may score above zero, UINT32_MAX for no limit.
	 * pins: npins pairs, pins[2 * i] and pins[2 * i + 1]. */
	uint32_t *quota;
	uint32_t *pins;
	size_t npins;
};

/*
 * Load every strategy the config names, in config order, each counted in
 * PR (from 2 on: the export and the table come first) if not NULL.
 * Returns 0 and fills *out / *n, or nonzero with *cause set (nothing is
 * left loaded).
 */
struct progress;
int strategies_load(const struct mingle_config *config,
    const struct attendee_table *t, struct strategy **out, size_t *n,
    struct progress *pr, char **cause);
void strategies_free(struct strategy *s, size_t n);

/* What `mingle plugins` shows of a strategy file it finds. */
struct strategy_info {
	char *path;
	char *name;		/* the plugin's name, or the script's file */
	char *version;
	char *description;	/* a plugin's description, a rule's name */
	unsigned abi_major, abi_minor;	/* plugins only */
	struct strategy_options options;
	char *max_score;	/* a rule's, as shown; NULL if none */
	char *error;		/* set if the file is not usable */
};
void strategy_info_free(struct strategy_info *info);

/*
 * Fill *INFO for the Lua rule at PATH: run the file (neither init nor
 * prepare) and read the table it returns, options included.
 */
void rule_strategy_probe(const char *path, struct strategy_info *info);

/* Loaders for each kind.  Fill *S (name, weight set by the caller). */
int plugin_strategy_open(const struct mingle_config *config,
    const struct config_strategy *cs, const struct attendee_table *t,
    struct strategy *s, char **cause);
int rule_strategy_open(const struct mingle_config *config,
    const struct config_strategy *cs, const struct attendee_table *t,
    struct strategy *s, char **cause);

#endif
