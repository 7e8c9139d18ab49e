/*
 * strategy.c -- load the configured strategies, whatever their kind.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "strategy.h"
#include "util.h"

int
strategies_load(const struct mingle_config *config,
    const struct attendee_table *t, struct strategy **out, size_t *n,
    struct progress *pr, char **cause)
{
	struct strategy *list;
	size_t i;
	int rc;

	list = xcalloc(config->nstrategies, sizeof *list);
	for (i = 0; i < config->nstrategies; i++) {
		const struct config_strategy *cs = &config->strategies[i];
		struct strategy *s = &list[i];

		if (cs->plugin != NULL)
			rc = plugin_strategy_open(config, cs, t, s, cause);
		else
			rc = rule_strategy_open(config, cs, t, s, cause);
		if (rc != 0) {
			strategies_free(list, i);
			return -1;
		}
		s->name = xstrdup(cs->name);
		s->weight = cs->weight;
		if (pr != NULL)
			progress_update(pr, 2 + i + 1);
	}
	*out = list;
	*n = config->nstrategies;
	return 0;
}

void
strategies_free(struct strategy *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct strategy *s = &list[i];

		if (s->ops != NULL && s->ops->free != NULL)
			s->ops->free(s->self);
		free(s->name);
		free(s->kind);
		free(s->impl);
		free(s->version);
		free(s->path);
		free(s->quota);
		free(s->pins);
	}
	free(list);
}

void
strategy_info_free(struct strategy_info *info)
{
	free(info->path);
	free(info->name);
	free(info->version);
	free(info->description);
	strategy_options_free(&info->options);
	free(info->max_score);
	free(info->error);
}
