/*
 * progress.c -- a long phase's progress on standard error (progress.h).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "progress.h"

/* Quicker phases print only their last line. */
#define PROGRESS_QUIET_SECONDS	1.0

void
progress_start(struct progress *p, int on, const char *what, size_t total)
{
	const char *after = getenv("MINGLE_PROGRESS_AFTER");
	char *end;

	p->what = what;
	p->on = on;
	p->total = total;
	p->step = 0;
	p->mark_step = 0;
	p->mark_done = 0;
	p->mark_time = 0;
	p->after = PROGRESS_QUIET_SECONDS;
	if (after != NULL && *after != '\0') {
		p->after = strtod(after, &end);
		if (*end != '\0' || !(p->after >= 0))
			p->after = PROGRESS_QUIET_SECONDS;
	}
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

double
progress_elapsed(const struct progress *p)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - p->start.tv_sec) +
	    (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
}

double
progress_left(size_t total, size_t done, double elapsed, size_t mark_done,
    double mark_time)
{
	double left, recent;

	if (done >= total || done == 0)
		return 0;
	left = elapsed * (double)(total - done) / (double)done;
	if (done > mark_done && elapsed > mark_time) {
		recent = (elapsed - mark_time) * (double)(total - done) /
		    (double)(done - mark_done);
		if (recent > left)
			left = recent;
	}
	return left;
}

void
progress_update(struct progress *p, size_t done)
{
	double elapsed, left;
	int step;

	if (!p->on || p->total == 0 || done >= p->total)
		return;
	step = (int)(10.0 * (double)done / (double)p->total);
	if (step <= p->step)
		return;
	elapsed = progress_elapsed(p);
	left = progress_left(p->total, done, elapsed, p->mark_done,
	    p->mark_time);
	/* each tenth is a mark, printed or not */
	if (step > p->mark_step) {
		p->mark_step = step;
		p->mark_done = done;
		p->mark_time = elapsed;
	}
	if (elapsed < p->after)
		return;
	p->step = step;
	fprintf(stderr, "mingle: %s: %d%% (%zu of %zu), about %.0f s left\n",
	    p->what, 10 * step, done, p->total, left < 1 ? 1 : left);
}

void
progress_end(struct progress *p)
{
	if (!p->on || p->total == 0)
		return;
	fprintf(stderr, "mingle: %s: 100%% (%zu) in %.1f s\n", p->what,
	    p->total, progress_elapsed(p));
}
