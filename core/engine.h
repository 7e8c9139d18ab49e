/*
 * engine.h -- score attendee pairs with the loaded strategies.
 *
 * The engine owns the pair loop: it batches candidates, asks each strategy
 * for both directions (once for symmetric ones), combines
 *     pair score = sum over strategies of weight * (s(a->b) + s(b->a)) / 2
 * drops vetoed pairs and pairs at or below min_score, and keeps for each
 * attendee the `candidates` best partners.  It also answers single pairs
 * (for `mingle explain`, the output's reasons and the assigners' oracle).
 */
#ifndef MINGLE_ENGINE_H
#define MINGLE_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "attendees.h"
#include "config.h"
#include "graph.h"
#include "strategy.h"

struct engine {
	const struct attendee_table *t;
	const struct config_match *match;
	struct strategy *strategies;
	size_t nstrategies;
	int progress;		/* print progress on stderr */
	size_t threads;		/* workers; 0: as [match] threads says */
	size_t ready;		/* workers the strategies were last made
				   ready for (engine_build_graph), or 0 */
	const uint32_t *kept;	/* --keep's pairs (keep.h), pinned too */
	size_t nkept;
	/* Only these attendees take part (the others as if without consent),
	 * NULL for all: the second graph of topup.c. */
	const unsigned char *among;
};

/* One strategy's view of one pair. */
struct pair_part {
	double forward;		/* s(a->b) */
	double backward;	/* s(b->a) */
	double weighted;	/* weight * (forward + backward) / 2 */
	int veto;
	char reason[256];	/* forward reason, else backward; may be "" */
};

/* Score all pairs into G, in engine_threads() workers: the same G for
 * any number.  Returns 0, or nonzero with *cause set. */
int engine_build_graph(struct engine *e, struct graph *g, char **cause);

/* How many workers score NACT attendees when WANTED are asked for (0:
 * auto, one per processor online): at most one per attendee, and at
 * most 256.  engine_build_graph() asks for e->threads, else for [match]
 * threads. */
size_t engine_threads(long wanted, size_t nact);

/* Score one pair.  PARTS (nstrategies entries) may be NULL; reasons are
 * filled only when it is given. */
int engine_score_pair(struct engine *e, uint32_t a, uint32_t b,
    double *total, int *veto, struct pair_part *parts, char **cause);

/* "name: reason; name: reason" for strategies that contributed; new.  As
 * WORKER (below e->ready, or 0), as in scoring: no two threads at once
 * with the same WORKER. */
char *engine_reasons(struct engine *e, size_t worker, uint32_t a,
    uint32_t b);

/* Adapter for assigners. */
int engine_pair_oracle(void *ctx, uint32_t a, uint32_t b, double *score,
    int *veto, char **cause);

/* Adapter for assigners: is A, B vetoed?  Asks only the strategies that
 * may veto (not never_vetoes, or with a quota), and stops at the first
 * veto: the same answer as engine_score_pair's.  Returns 0, or nonzero
 * with *cause set. */
int engine_pair_veto(void *ctx, uint32_t a, uint32_t b, int *veto,
    char **cause);

/* For the modes' messages (struct pair_oracle, CTX an engine): why the
 * strategies veto A and B, "strategy NAME: reason" for each that does,
 * joined by "; ", into BUF (empty if none does or scoring fails); and
 * attendee A's id. */
void engine_veto_reason(void *ctx, uint32_t a, uint32_t b, char *buf,
    size_t len);
const char *engine_label(void *ctx, uint32_t a);

#endif
