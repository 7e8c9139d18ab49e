/*
 * test_engine.c -- unit tests for core/engine.c with hand-made strategies
 * (struct strategy with our own ops) on small hand-made attendee tables.
 *
 * The toy strategy reads its directional scores, vetoes and reasons from
 * matrices and records every direction it was asked for, so the tests can
 * check what the engine asked as well as what it concluded.
 */
#include "autoconf.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "tap.h"
#include "util.h"

#define N 12

struct toy {
	double score[N][N];		/* s(a -> b) */
	unsigned char veto[N][N];	/* veto a -> b */
	const char *reason[N][N];	/* reason a -> b, or NULL */
	unsigned calls[N][N];		/* times a -> b was asked */
	int fail_at;			/* attendee whose score fails, or -1 */
	unsigned dirty;			/* arrays not zeroed on entry */
	unsigned self_asked;		/* a among its own candidates */
};

static int
toy_score(void *self, size_t worker, uint32_t a, const uint32_t *cand,
    size_t n, double *scores, unsigned char *veto, char **cause)
{
	struct toy *t = self;
	size_t i;

	if (t->fail_at >= 0 && a == (uint32_t)t->fail_at) {
		*cause = xasprintf("toy broke on %u", a);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (scores[i] != 0 || veto[i] != 0)
			t->dirty++;
		if (cand[i] == a)
			t->self_asked++;
		t->calls[a][cand[i]]++;
		scores[i] = t->score[a][cand[i]];
		veto[i] = t->veto[a][cand[i]];
	}
	return 0;
}

static void
toy_reason(void *self, size_t worker, uint32_t a, uint32_t b, char *buf,
    size_t cap)
{
	struct toy *t = self;

	(void)worker;
	snprintf(buf, cap, "%s", t->reason[a][b] ? t->reason[a][b] : "");
}

static const struct strategy_ops toy_ops = {
	.score = toy_score,
	.reason = toy_reason,
};

/* A table of N_ attendees with the given ids, everyone consenting. */
struct fixture {
	struct attendee_table t;
	const char *ids[N];
	unsigned char consent[N];
	struct toy toy[3];
	struct strategy s[3];
	struct config_match match;
	struct engine e;
};

static void
setup(struct fixture *fx, const char *const *ids, size_t n, size_t nstrat)
{
	static const char *const names[] = { "tags", "city", "lang" };
	size_t i;

	memset(fx, 0, sizeof *fx);
	for (i = 0; i < n; i++) {
		fx->ids[i] = ids[i];
		fx->consent[i] = 1;
	}
	fx->t.n = n;
	fx->t.id = fx->ids;
	fx->t.consent = fx->consent;
	fx->t.nconsenting = n;
	for (i = 0; i < nstrat; i++) {
		fx->toy[i].fail_at = -1;
		fx->s[i].name = (char *)names[i];
		fx->s[i].kind = "test";
		fx->s[i].impl = "toy";
		fx->s[i].weight = 1;
		fx->s[i].ops = &toy_ops;
		fx->s[i].self = &fx->toy[i];
	}
	fx->match.candidates = 50;
	fx->match.min_score = 0;
	fx->match.threads = 1;	/* toy counts its calls: one thread */
	fx->e.t = &fx->t;
	fx->e.match = &fx->match;
	fx->e.strategies = fx->s;
	fx->e.nstrategies = nstrat;
}

/* Both directions of a pair at once. */
static void
both(struct toy *t, uint32_t a, uint32_t b, double s)
{
	t->score[a][b] = t->score[b][a] = s;
}

/* The weight of edge {a, b} in G, or NAN if there is none. */
static double
edge_w(const struct graph *g, uint32_t a, uint32_t b)
{
	size_t i;

	for (i = 0; i < g->nedges; i++)
		if ((g->edges[i].a == a && g->edges[i].b == b) ||
		    (g->edges[i].a == b && g->edges[i].b == a))
			return g->edges[i].w;
	return NAN;
}

/* "0-1 0-2 ..." for the edges of G, in their order; new. */
static char *
edge_list(const struct graph *g)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < g->nedges; i++)
		strbuf_printf(&sb, "%s%u-%u", i ? " " : "", g->edges[i].a,
		    g->edges[i].b);
	return strbuf_detach(&sb);
}

static int
build(struct fixture *fx, struct graph *g, const char *what)
{
	char *cause = NULL;
	int rc = engine_build_graph(&fx->e, g, &cause);

	ok(rc == 0, what);
	if (rc != 0) {
		printf("#   %s\n", cause);
		free(cause);
	}
	return rc;
}

static const char *const abc[] = {
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"
};

/* ------------------------------------------------------------ tests */

static void
test_combined(void)
{
	struct fixture fx;
	struct graph g;
	struct pair_part parts[2];
	double total;
	int veto;
	char *cause = NULL;

	setup(&fx, abc, 3, 2);
	fx.s[0].weight = 2;
	fx.toy[0].score[0][1] = 1;	/* a -> b */
	fx.toy[0].score[1][0] = 3;	/* b -> a */
	fx.s[1].weight = 0.5;
	fx.s[1].symmetric = 1;
	both(&fx.toy[1], 0, 1, 2);
	both(&fx.toy[1], 1, 2, 4);
	fx.toy[0].score[2][0] = 1;	/* only c -> a: half counts */

	ok(engine_score_pair(&fx.e, 0, 1, &total, &veto, parts, &cause) == 0,
	    "engine_score_pair");
	is_num(total, 2 * (1 + 3) / 2.0 + 0.5 * (2 + 2) / 2.0, 1e-12,
	    "sum of weight * (fwd + back) / 2");
	is_int(veto, 0, "no veto");
	is_num(parts[0].forward, 1, 0, "part 1 forward");
	is_num(parts[0].backward, 3, 0, "part 1 backward");
	is_num(parts[0].weighted, 4, 1e-12, "part 1 weighted");
	is_num(parts[1].forward, 2, 0, "symmetric part: forward");
	is_num(parts[1].backward, 2, 0, "symmetric part: backward = forward");
	is_num(parts[1].weighted, 1, 1e-12, "part 2 weighted");
	ok(engine_score_pair(&fx.e, 1, 0, &total, &veto, NULL, &cause) == 0 &&
	    fabs(total - 5) < 1e-12, "the same total from the other end");

	if (build(&fx, &g, "build the graph") != 0)
		return;
	is_int(g.nedges, 3, "three positive pairs, three edges");
	is_num(edge_w(&g, 0, 1), 5, 1e-12, "edge a-b weighs the combined "
	    "score");
	is_num(edge_w(&g, 1, 2), 2, 1e-12, "edge b-c: 0.5 * (4 + 4) / 2");
	is_num(edge_w(&g, 0, 2), 1, 1e-12, "edge a-c: 2 * (0 + 1) / 2, a "
	    "one-sided interest counts half");
	is_int(fx.toy[0].dirty + fx.toy[1].dirty, 0,
	    "scores and vetoes are zeroed before every call");
	is_int(fx.toy[0].self_asked + fx.toy[1].self_asked, 0,
	    "nobody is scored against themselves");
	graph_free(&g);
}

static void
test_vetoes(void)
{
	struct fixture fx;
	struct graph g;
	double total;
	int veto, i, j;
	char *cause = NULL, *list;

	setup(&fx, abc, 4, 2);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++)
			if (i != j)
				fx.toy[0].score[i][j] = 1;
	fx.toy[0].veto[0][1] = 1;	/* a vetoes b: the forward ask */
	fx.toy[1].veto[3][2] = 1;	/* d vetoes c: the backward ask */
	fx.toy[1].score[0][2] = 100;	/* a veto outweighs any score */
	fx.toy[1].veto[2][0] = 1;
	if (build(&fx, &g, "vetoes") != 0)
		return;
	list = edge_list(&g);
	is_str(list, "0-3 1-2 1-3", "vetoed pairs are no edges, whichever "
	    "direction or strategy vetoed");
	free(list);
	ok(g.stats[0].vetoed == 2 && g.stats[1].vetoed == 1 &&
	    g.stats[2].vetoed == 2 && g.stats[3].vetoed == 1,
	    "vetoes are counted at both ends");
	ok(g.stats[0].positive == 1 && g.stats[1].positive == 2 &&
	    g.stats[2].positive == 1 && g.stats[3].positive == 2,
	    "positive partners counted");
	graph_free(&g);

	ok(engine_score_pair(&fx.e, 0, 1, &total, &veto, NULL, &cause) == 0 &&
	    veto, "engine_score_pair sees a forward veto");
	ok(engine_score_pair(&fx.e, 1, 0, &total, &veto, NULL, &cause) == 0 &&
	    veto, "and the same veto asked the other way round");
	ok(engine_score_pair(&fx.e, 2, 3, &total, &veto, NULL, &cause) == 0 &&
	    veto, "a backward veto too");

	/* A symmetric strategy's veto, asked once. */
	setup(&fx, abc, 3, 1);
	fx.s[0].symmetric = 1;
	both(&fx.toy[0], 0, 1, 1);
	both(&fx.toy[0], 1, 2, 1);
	both(&fx.toy[0], 0, 2, 1);
	fx.toy[0].veto[0][2] = 1;
	if (build(&fx, &g, "symmetric veto") != 0)
		return;
	list = edge_list(&g);
	is_str(list, "0-1 1-2", "a symmetric strategy's veto removes the pair");
	free(list);
	graph_free(&g);

	/* Once vetoed, a pair is not offered to later strategies. */
	setup(&fx, abc, 3, 2);
	fx.toy[0].veto[0][1] = 1;	/* forward: a -> b */
	fx.toy[0].veto[2][1] = 1;	/* backward: c -> b, asked for b -> c */
	fx.toy[1].score[0][2] = fx.toy[1].score[2][0] = 1;
	if (build(&fx, &g, "veto skips later strategies") != 0)
		return;
	ok(fx.toy[1].calls[0][1] == 0 && fx.toy[1].calls[1][0] == 0,
	    "a forward veto: the second strategy never sees the pair");
	ok(fx.toy[1].calls[1][2] == 0 && fx.toy[1].calls[2][1] == 0,
	    "a backward veto: the second strategy never sees the pair");
	ok(fx.toy[1].calls[0][2] == 1 && fx.toy[1].calls[2][0] == 1,
	    "a pair nobody vetoed is still asked both ways");
	ok(fx.toy[0].calls[1][0] == 0,
	    "a forward veto skips the backward ask of the same strategy");
	list = edge_list(&g);
	is_str(list, "0-2", "only the unvetoed pair is an edge");
	free(list);
	graph_free(&g);
}

/* engine_pair_veto: engine_score_pair's veto, without asking the
 * strategies that never veto. */
static void
test_pair_veto(void)
{
	struct fixture fx;
	char *cause = NULL;
	double total;
	int veto, full, same = 1;
	uint32_t a, b;

	setup(&fx, abc, 4, 3);
	fx.s[0].never_vetoes = 1;	/* a score-only Lua rule, say */
	fx.s[2].symmetric = 1;
	fx.toy[1].veto[0][1] = 1;	/* forward */
	fx.toy[1].veto[3][2] = 1;	/* backward */
	fx.toy[2].veto[1][3] = 1;	/* symmetric, asked once */
	for (a = 0; a < 4; a++)
		for (b = 0; b < 4; b++) {
			if (a == b)
				continue;
			if (engine_pair_veto(&fx.e, a, b, &veto, &cause) != 0 ||
			    engine_score_pair(&fx.e, a, b, &total, &full, NULL,
			    &cause) != 0 || veto != full)
				same = 0;
		}
	ok(same, "pair veto: the same answer as the whole pair's");
	memset(fx.toy[0].calls, 0, sizeof fx.toy[0].calls);
	memset(fx.toy[1].calls, 0, sizeof fx.toy[1].calls);
	ok(engine_pair_veto(&fx.e, 0, 2, &veto, &cause) == 0 && !veto &&
	    fx.toy[0].calls[0][2] == 0 && fx.toy[0].calls[2][0] == 0 &&
	    fx.toy[1].calls[0][2] == 1 && fx.toy[1].calls[2][0] == 1,
	    "pair veto: a strategy that never vetoes is not asked");
	ok(engine_pair_veto(&fx.e, 1, 0, &veto, &cause) == 0 && veto,
	    "pair veto: either direction");
}

static void
test_min_score(void)
{
	struct fixture fx;
	struct graph g;
	char *list;

	setup(&fx, abc, 5, 1);
	fx.s[0].symmetric = 1;
	both(&fx.toy[0], 0, 1, 0.5);
	both(&fx.toy[0], 0, 2, 1.0);	/* exactly min_score: out */
	both(&fx.toy[0], 0, 3, 1.5);
	both(&fx.toy[0], 0, 4, -2);
	both(&fx.toy[0], 1, 2, 1.000001);
	fx.match.min_score = 1;
	if (build(&fx, &g, "min_score = 1") != 0)
		return;
	list = edge_list(&g);
	is_str(list, "0-3 1-2", "only pairs above min_score are edges");
	free(list);
	ok(g.stats[0].low == 3 && g.stats[0].positive == 1,
	    "a: 3 partners too low, 1 positive");
	ok(g.stats[4].low == 4 && g.stats[4].positive == 0 &&
	    g.stats[4].vetoed == 0, "e: everyone too low");
	graph_free(&g);

	fx.match.min_score = 0;
	both(&fx.toy[0], 0, 1, 0);
	if (build(&fx, &g, "min_score = 0") != 0)
		return;
	ok(isnan(edge_w(&g, 0, 1)), "a pair scoring exactly 0 is never an "
	    "edge");
	ok(isnan(edge_w(&g, 0, 4)), "nor one scoring below 0");
	ok(!isnan(edge_w(&g, 0, 2)), "one scoring 1 is");
	graph_free(&g);
}

static void
test_asked_once(void)
{
	struct fixture fx;
	struct graph g;
	unsigned total, wrong;
	int i, j;

	setup(&fx, abc, 5, 1);
	fx.s[0].symmetric = 1;
	if (build(&fx, &g, "symmetric strategy") != 0)
		return;
	graph_free(&g);
	total = wrong = 0;
	for (i = 0; i < 5; i++)
		for (j = 0; j < 5; j++) {
			total += fx.toy[0].calls[i][j];
			if (fx.toy[0].calls[i][j] != (i < j))
				wrong++;
		}
	is_int(total, 10, "symmetric: 10 asks for 10 pairs");
	is_int(wrong, 0, "each pair once, from its earlier attendee");

	setup(&fx, abc, 5, 1);
	if (build(&fx, &g, "directional strategy") != 0)
		return;
	graph_free(&g);
	total = wrong = 0;
	for (i = 0; i < 5; i++)
		for (j = 0; j < 5; j++) {
			total += fx.toy[0].calls[i][j];
			if (fx.toy[0].calls[i][j] != (i != j))
				wrong++;
		}
	is_int(total, 20, "directional: 20 asks for 10 pairs");
	is_int(wrong, 0, "each direction once");
}

static void
test_candidate_cap(void)
{
	/* File order a, c, b, d, e: the tie is broken by id, not position. */
	static const char *const ids[] = { "a", "c", "b", "d", "e" };
	static const char *const ids2[] = { "a", "b", "c", "d", "e", "f", "g" };
	struct fixture fx;
	struct graph g;
	char *list;

	setup(&fx, ids, 5, 1);
	fx.s[0].symmetric = 1;
	fx.match.candidates = 1;
	both(&fx.toy[0], 0, 1, 1);	/* a-c 1 */
	both(&fx.toy[0], 0, 2, 1);	/* a-b 1, a tie */
	both(&fx.toy[0], 2, 3, 5);	/* b-d 5 */
	both(&fx.toy[0], 1, 4, 5);	/* c-e 5 */
	if (build(&fx, &g, "one candidate each") != 0)
		return;
	list = edge_list(&g);
	is_str(list, "0-2 1-4 2-3", "a keeps b over c (tie: lower id wins), "
	    "a-c is dropped by both ends");
	free(list);
	is_int(g.stats[0].positive, 2, "stats still count both of a's "
	    "partners");
	graph_free(&g);

	setup(&fx, ids2, 7, 1);
	fx.s[0].symmetric = 1;
	fx.match.candidates = 1;
	both(&fx.toy[0], 0, 1, 3);	/* a-b 3: a's best */
	both(&fx.toy[0], 0, 2, 1);	/* a-c 1 */
	both(&fx.toy[0], 0, 3, 2);	/* a-d 2 */
	both(&fx.toy[0], 1, 4, 10);	/* b, c and d have better partners */
	both(&fx.toy[0], 2, 5, 10);
	both(&fx.toy[0], 3, 6, 10);
	if (build(&fx, &g, "a's best of three") != 0)
		return;
	list = edge_list(&g);
	is_str(list, "0-1 1-4 2-5 3-6", "a keeps only its best partner");
	free(list);
	graph_free(&g);

	fx.match.candidates = 2;
	if (build(&fx, &g, "two candidates each") != 0)
		return;
	list = edge_list(&g);
	is_str(list, "0-1 0-2 0-3 1-4 2-5 3-6", "a keeps its best two, and "
	    "c, with only two partners, keeps a: either end keeps an edge");
	free(list);
	graph_free(&g);
}

/* The heap against brute force on pseudo-random scores. */
static void
test_cap_random(void)
{
	static const char *const ids[] = {
		"k", "b", "j", "a", "h", "c", "l", "d", "i", "e", "g", "f"
	};
	struct fixture fx;
	struct graph g;
	unsigned char want[N][N];
	uint32_t seed = 12345;
	size_t i, j, k, cap, wrong_set = 0, wrong_w = 0, want_n = 0;

	for (cap = 1; cap <= 4; cap++) {
		setup(&fx, ids, N, 1);
		fx.s[0].symmetric = 1;
		fx.match.candidates = (long)cap;
		for (i = 0; i < N; i++)
			for (j = i + 1; j < N; j++) {
				seed = seed * 1103515245u + 12345u;
				/* few distinct values: many ties */
				both(&fx.toy[0], (uint32_t)i, (uint32_t)j,
				    (double)((seed >> 16) % 7) - 2);
			}
		/* Brute force: each node's best CAP partners by (score desc,
		 * id asc) among positive ones; the graph is their union. */
		memset(want, 0, sizeof want);
		for (i = 0; i < N; i++) {
			unsigned char taken[N] = { 0 };

			for (k = 0; k < cap; k++) {
				long best = -1;

				for (j = 0; j < N; j++) {
					double s = fx.toy[0].score[i][j];

					if (j == i || taken[j] || !(s > 0))
						continue;
					if (best < 0 ||
					    s > fx.toy[0].score[i][best] ||
					    (s == fx.toy[0].score[i][best] &&
					    strcmp(ids[j], ids[best]) < 0))
						best = (long)j;
				}
				if (best < 0)
					break;
				taken[best] = 1;
				want[i][best] = want[best][i] = 1;
			}
		}
		if (build(&fx, &g, "random scores") != 0)
			return;
		for (i = 0; i < N; i++)
			for (j = i + 1; j < N; j++) {
				double w = edge_w(&g, (uint32_t)i, (uint32_t)j);

				want_n += want[i][j];
				if (want[i][j] != !isnan(w))
					wrong_set++;
				else if (want[i][j] && w != fx.toy[0].score[i][j])
					wrong_w++;
			}
		graph_free(&g);
	}
	ok(want_n > 20, "the random graphs have edges to compare");
	is_int(wrong_set, 0, "kept edges = union of each end's best "
	    "(ties by id), for 1 to 4 candidates");
	is_int(wrong_w, 0, "with their scores");
}

static void
test_nonfinite(void)
{
	struct fixture fx;
	struct graph g;
	double total;
	int veto;
	char *cause = NULL;

	setup(&fx, abc, 4, 2);
	fx.s[1].name = "bad";
	both(&fx.toy[0], 0, 1, 1);
	fx.toy[1].score[1][2] = NAN;
	ok(engine_build_graph(&fx.e, &g, &cause) != 0,
	    "a NaN score stops the run");
	is_str(cause, "strategy 'bad' (test toy) returned nan for b -> c; "
	    "scores must be finite numbers", "naming the strategy and pair");
	ok(g.edges == NULL && g.nedges == 0, "no graph is left");
	free(cause);
	cause = NULL;

	setup(&fx, abc, 4, 1);
	fx.toy[0].score[3][0] = INFINITY;	/* asked backward */
	ok(engine_build_graph(&fx.e, &g, &cause) != 0,
	    "an infinite backward score stops the run");
	like(cause, "returned inf for d -> a;", "naming that direction");
	free(cause);
	cause = NULL;
	ok(engine_score_pair(&fx.e, 0, 3, &total, &veto, NULL, &cause) != 0,
	    "engine_score_pair checks too");
	like(cause, "returned inf for d -> a", "with the same message");
	free(cause);
	cause = NULL;

	setup(&fx, abc, 4, 1);
	fx.s[0].symmetric = 1;
	fx.toy[0].score[0][3] = -INFINITY;
	ok(engine_build_graph(&fx.e, &g, &cause) != 0,
	    "-inf from a symmetric strategy");
	like(cause, "returned -inf for a -> d", "named");
	free(cause);
}

/*
 * Scores near DBL_MAX: a pair's weighted sum that is still a double is
 * kept exactly, one that overflows stops the run like a non-finite score.
 */
static void
test_overflow(void)
{
	struct fixture fx;
	struct graph g;
	struct pair_part parts[2];
	double total;
	int veto;
	char *cause = NULL;

	/* weight 1: (DBL_MAX + DBL_MAX) / 2 is DBL_MAX, not inf */
	setup(&fx, abc, 3, 1);
	both(&fx.toy[0], 0, 1, DBL_MAX);
	if (build(&fx, &g, "DBL_MAX both ways at weight 1 scores") == 0) {
		ok(edge_w(&g, 0, 1) == DBL_MAX, "as DBL_MAX exactly");
		graph_free(&g);
	}
	ok(engine_score_pair(&fx.e, 0, 1, &total, &veto, parts, &cause) == 0
	    && total == DBL_MAX && parts[0].weighted == DBL_MAX,
	    "engine_score_pair agrees, in total and in the part");
	free(cause);
	cause = NULL;

	/* weight 2 (the Lua rule returning 1.7e308 of the report) */
	setup(&fx, abc, 3, 1);
	fx.s[0].name = "huge";
	fx.s[0].weight = 2;
	both(&fx.toy[0], 1, 2, 1.7e308);
	ok(engine_build_graph(&fx.e, &g, &cause) != 0,
	    "1.7e308 both ways at weight 2 stops the run");
	is_str(cause, "strategy 'huge' (test toy) brings the score of b and c "
	    "to inf; a pair's score must be a finite number: lower the "
	    "strategy's scores or its weight (2)",
	    "naming the strategy, the pair and the weight");
	ok(g.edges == NULL && g.nedges == 0, "no graph is left");
	free(cause);
	cause = NULL;
	ok(engine_score_pair(&fx.e, 1, 2, &total, &veto, NULL, &cause) != 0,
	    "engine_score_pair checks too");
	like(cause, "strategy 'huge' (test toy) brings the score of b and c "
	    "to inf", "with the same message");
	free(cause);
	cause = NULL;

	/* each strategy finite, their sum not: the second is named */
	setup(&fx, abc, 3, 2);
	both(&fx.toy[0], 0, 2, 1e308);
	both(&fx.toy[1], 0, 2, 1e308);
	ok(engine_build_graph(&fx.e, &g, &cause) != 0,
	    "two strategies of 1e308 overflow together");
	like(cause, "strategy 'city' (test toy) brings the score of a and c "
	    "to inf", "the one that overflowed the sum is named");
	free(cause);
	cause = NULL;

	/* -DBL_MAX and +DBL_MAX cancel to 0 without passing through inf */
	setup(&fx, abc, 3, 2);
	both(&fx.toy[0], 0, 1, -DBL_MAX);
	both(&fx.toy[1], 0, 1, DBL_MAX);
	fx.toy[1].score[1][2] = 1;
	if (build(&fx, &g, "-DBL_MAX then DBL_MAX is a finite sum") == 0) {
		ok(isnan(edge_w(&g, 0, 1)), "0 is not above min_score");
		is_num(edge_w(&g, 1, 2), 0.5, 0, "other pairs as before");
		graph_free(&g);
	}
}

static void
test_failure(void)
{
	struct fixture fx;
	struct graph g;
	double total;
	int veto;
	char *cause = NULL;

	setup(&fx, abc, 4, 2);
	fx.toy[1].fail_at = 2;
	ok(engine_build_graph(&fx.e, &g, &cause) != 0,
	    "a failing strategy stops the run");
	is_str(cause, "toy broke on 2", "with the strategy's own cause");
	ok(g.edges == NULL && g.nedges == 0 && g.stats == NULL,
	    "and no graph is left");
	free(cause);
	cause = NULL;
	ok(engine_score_pair(&fx.e, 0, 2, &total, &veto, NULL, &cause) != 0,
	    "engine_score_pair fails the same way");
	is_str(cause, "toy broke on 2", "with that cause");
	free(cause);
}

static void
test_consent(void)
{
	struct fixture fx;
	struct graph g;
	unsigned asked = 0;
	int i, j;
	char *list;

	setup(&fx, abc, 4, 1);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++)
			fx.toy[0].score[i][j] = i != j ? 1 : 0;
	fx.consent[1] = 0;
	fx.t.nconsenting = 3;
	if (build(&fx, &g, "one attendee without consent") != 0)
		return;
	for (i = 0; i < 4; i++)
		asked += fx.toy[0].calls[1][i] + fx.toy[0].calls[i][1];
	is_int(asked, 0, "they are never scored, either way");
	list = edge_list(&g);
	is_str(list, "0-2 0-3 2-3", "and never an edge");
	free(list);
	ok(g.active[1] == 0 && g.active[0] && g.active[2] && g.active[3],
	    "active marks who takes part");
	ok(g.stats[1].positive == 0 && g.stats[1].low == 0 &&
	    g.stats[1].vetoed == 0, "no stats for them");
	is_int(g.n, 4, "still a node, numbered as in the table");
	graph_free(&g);

	memset(fx.consent, 0, sizeof fx.consent);
	fx.consent[2] = 1;
	fx.t.nconsenting = 1;
	if (build(&fx, &g, "a single consenting attendee") != 0)
		return;
	is_int(g.nedges, 0, "no pairs, no edges");
	graph_free(&g);

	setup(&fx, abc, 0, 1);
	if (build(&fx, &g, "no attendees at all") != 0)
		return;
	is_int(g.nedges, 0, "an empty graph");
	graph_free(&g);
}

static void
test_reasons(void)
{
	struct fixture fx;
	struct pair_part parts[3];
	double total;
	int veto;
	char *s, *cause = NULL;

	setup(&fx, abc, 3, 3);
	fx.toy[0].reason[0][1] = "both: #lua";
	fx.toy[1].reason[1][0] = "same city";	/* only b -> a */
	fx.toy[2].reason[1][2] = "both speak de";
	s = engine_reasons(&fx.e, 0, 0, 1);
	is_str(s, "tags: both: #lua; city: same city", "\"name: reason; name: "
	    "reason\", strategies without a reason left out, a backward "
	    "reason used");
	free(s);
	s = engine_reasons(&fx.e, 0, 1, 0);
	is_str(s, "tags: both: #lua; city: same city", "the forward reason "
	    "first, from either end");
	free(s);
	s = engine_reasons(&fx.e, 0, 0, 2);
	is_str(s, "", "no reasons: empty");
	free(s);
	s = engine_reasons(&fx.e, 0, 2, 1);
	is_str(s, "lang: both speak de", "a single reason has no ';'");
	free(s);

	ok(engine_score_pair(&fx.e, 0, 1, &total, &veto, parts, &cause) == 0,
	    "engine_score_pair with parts");
	is_str(parts[0].reason, "both: #lua", "part reason: forward");
	is_str(parts[1].reason, "same city", "part reason: else backward");
	is_str(parts[2].reason, "", "part reason: none");
}

/* A strategy that scores everybody 1 and notes its batch sizes. */
struct counter {
	size_t asks, calls, max_batch;
};

static int
one_score(void *self, size_t worker, uint32_t a, const uint32_t *cand,
    size_t n, double *scores, unsigned char *veto, char **cause)
{
	struct counter *c = self;
	size_t i;

	c->calls++;
	c->asks += n;
	if (n > c->max_batch)
		c->max_batch = n;
	for (i = 0; i < n; i++)
		scores[i] = 1 + (double)((a + cand[i]) % 3);
	return 0;
}

static const struct strategy_ops one_ops = {
	.score = one_score,
	.reason = toy_reason,
};

static void
test_batches(void)
{
	const size_t n = 1200;
	struct attendee_table t;
	struct strategy s;
	struct counter c = { 0 };
	struct config_match m;
	struct engine e;
	struct graph g;
	const char **ids = xcalloc(n, sizeof *ids);
	unsigned char *consent = xcalloc(n, 1);
	size_t i, wrong = 0, over = 0;
	char *cause = NULL;

	for (i = 0; i < n; i++) {
		ids[i] = xasprintf("p%05zu", i);
		consent[i] = 1;
	}
	memset(&t, 0, sizeof t);
	t.n = n;
	t.id = ids;
	t.consent = consent;
	t.nconsenting = n;
	memset(&s, 0, sizeof s);
	s.name = "one";
	s.kind = "test";
	s.impl = "one";
	s.weight = 1;
	s.symmetric = 1;
	s.ops = &one_ops;
	s.self = &c;
	memset(&m, 0, sizeof m);
	m.candidates = 5;
	m.threads = 1;		/* the counter is not shared safely */
	memset(&e, 0, sizeof e);
	e.t = &t;
	e.match = &m;
	e.strategies = &s;
	e.nstrategies = 1;
	ok(engine_build_graph(&e, &g, &cause) == 0, "1200 attendees");
	is_int(c.asks, n * (n - 1) / 2, "every pair asked once");
	ok(c.max_batch > 1 && c.max_batch <= 512,
	    "candidates come in batches of at most 512");
	ok(c.calls < c.asks / 2, "far fewer calls than pairs");
	for (i = 0; i < n; i++)
		if (g.stats[i].positive != n - 1)
			wrong++;
	is_int(wrong, 0, "everyone has 1199 positive partners");
	for (i = 0; i < g.nedges; i++)
		if (g.edges[i].w != 3)
			over++;
	is_int(over, 0, "only best-scoring pairs (3) kept with 5 candidates");
	ok(g.nedges >= n * 5 / 2 && g.nedges <= n * 5,
	    "between n*cap/2 and n*cap edges");
	graph_free(&g);
	for (i = 0; i < n; i++)
		free((char *)ids[i]);
	free(ids);
	free(consent);
	free(cause);
}

/*
 * A strategy safe in any thread: scores from a hash of the pair, with many
 * ties, a veto now and then, and a failure for the attendees in FAIL.
 */
struct hashed {
	uint32_t fail[2];	/* attendees whose rows fail; n if none */
};

static int
hash_score(void *self, size_t worker, uint32_t a, const uint32_t *cand,
    size_t n, double *scores, unsigned char *veto, char **cause)
{
	const struct hashed *h = self;
	size_t i;

	if (a == h->fail[0] || a == h->fail[1]) {
		*cause = xasprintf("hashed broke on %u", a);
		return -1;
	}
	for (i = 0; i < n; i++) {
		uint32_t x = (a * 2654435761u) ^ (cand[i] * 2246822519u);

		scores[i] = (double)((x >> 7) % 6) / 4;
		veto[i] = (x >> 3) % 17 == 0;
	}
	return 0;
}

static const struct strategy_ops hash_ops = {
	.score = hash_score,
	.reason = toy_reason,
};

/* Build the graph of H over the first T attendees in THREADS threads. */
static int
hash_graph(const struct attendee_table *t, struct hashed *h, size_t threads,
    struct graph *g, char **cause)
{
	struct strategy s;
	struct config_match m;
	struct engine e;

	memset(&s, 0, sizeof s);
	s.name = "hashed";
	s.kind = "test";
	s.impl = "hashed";
	s.weight = 1;
	s.symmetric = 1;
	s.ops = &hash_ops;
	s.self = h;
	memset(&m, 0, sizeof m);
	m.candidates = 7;
	m.min_score = 0.25;
	m.threads = 1;
	memset(&e, 0, sizeof e);
	e.t = t;
	e.match = &m;
	e.strategies = &s;
	e.nstrategies = 1;
	e.threads = threads;
	return engine_build_graph(&e, g, cause);
}

static void
test_threads(void)
{
	const size_t n = 900, counts[] = { 2, 3, 8 };
	struct attendee_table t;
	struct hashed h;
	struct graph one, many;
	const char **ids = xcalloc(n, sizeof *ids);
	unsigned char *consent = xcalloc(n, 1);
	char *cause = NULL, *cause1 = NULL;
	size_t i, k;

	for (i = 0; i < n; i++) {
		/* ranks differ from file order */
		ids[i] = xasprintf("p%05zu", (i * 7) % n);
		consent[i] = i % 10 != 3;
	}
	memset(&t, 0, sizeof t);
	t.n = n;
	t.id = ids;
	t.consent = consent;
	h.fail[0] = h.fail[1] = (uint32_t)n;
	ok(hash_graph(&t, &h, 1, &one, &cause) == 0, "threads: one thread");
	ok(one.nedges > n, "threads: more edges than attendees");
	for (k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		ok(hash_graph(&t, &h, counts[k], &many, &cause) == 0,
		    "threads: 2, 3 and 8 threads");
		ok(many.nedges == one.nedges && memcmp(many.edges, one.edges,
		    one.nedges * sizeof *one.edges) == 0,
		    "threads: the same edges, weights and order");
		ok(memcmp(many.adj, one.adj, 2 * one.nedges *
		    sizeof *one.adj) == 0,
		    "threads: the same preferences");
		ok(memcmp(many.stats, one.stats, n * sizeof *one.stats) == 0,
		    "threads: the same counts per attendee");
		graph_free(&many);
	}
	graph_free(&one);

	/* Two rows fail: the first one's error, whoever scored it. */
	h.fail[0] = 611;
	h.fail[1] = 204;
	ok(hash_graph(&t, &h, 1, &one, &cause1) != 0, "threads: fails");
	is_str(cause1, "hashed broke on 204", "threads: the first row's error");
	for (k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		free(cause);
		cause = NULL;
		ok(hash_graph(&t, &h, counts[k], &many, &cause) != 0,
		    "threads: 2, 3 and 8 threads fail too");
		is_str(cause, cause1, "threads: the same, first row's error");
	}
	free(cause);
	free(cause1);
	for (i = 0; i < n; i++)
		free((char *)ids[i]);
	free(ids);
	free(consent);
}

int
main(void)
{
	test_combined();
	test_vetoes();
	test_pair_veto();
	test_min_score();
	test_asked_once();
	test_candidate_cap();
	test_cap_random();
	test_nonfinite();
	test_overflow();
	test_failure();
	test_consent();
	test_reasons();
	test_batches();
	test_threads();
	return tap_done();
}
