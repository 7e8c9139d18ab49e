/*
 * pool.c -- one loop over N items on several threads (pool.h).
 */
#include "autoconf.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "pool.h"
#include "util.h"

struct pool {
	size_t n;
	atomic_size_t next;
	void (*fn)(void *, size_t, size_t);
	void *ctx;
};

struct pool_worker {
	struct pool *p;
	size_t id;
	pthread_t thread;
};

static void *
pool_work(void *arg)
{
	struct pool_worker *w = arg;
	struct pool *p = w->p;
	size_t i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->n)
		p->fn(p->ctx, w->id, i);
	return NULL;
}

void
pool_run(size_t nw, size_t n, void (*fn)(void *ctx, size_t worker,
    size_t i), void *ctx)
{
	struct pool p = { .n = n, .fn = fn, .ctx = ctx };
	struct pool_worker *w;
	size_t i, started = 1;

	if (nw > n)
		nw = n;
	if (nw < 1)
		nw = 1;
	atomic_init(&p.next, 0);
	w = xcalloc(nw, sizeof *w);
	for (i = 0; i < nw; i++) {
		w[i].p = &p;
		w[i].id = i;
	}
	for (i = 1; i < nw; i++, started++)
		if (pthread_create(&w[i].thread, NULL, pool_work, &w[i]) != 0)
			break;
	pool_work(&w[0]);
	for (i = 1; i < started; i++)
		pthread_join(w[i].thread, NULL);
	free(w);
}
