/*
 * pool.h -- one loop over N items on several threads.
 *
 * pool_run() calls FN(CTX, worker, i) once for each i below N, on NW
 * workers at once: the calling thread is worker 0, the others are
 * threads started for the loop and joined before it returns.  Items go
 * to whichever worker is free, one at a time, so FN must give the same
 * result for an item on any worker; no two calls with the same worker
 * run at once.  If a thread cannot be started, fewer workers do the
 * same work.
 */
#ifndef MINGLE_POOL_H
#define MINGLE_POOL_H

#include <stddef.h>

void pool_run(size_t nw, size_t n, void (*fn)(void *ctx, size_t worker,
    size_t i), void *ctx);

#endif
