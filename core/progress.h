/*
 * progress.h -- how far a long phase has come, on standard error.
 *
 * One line per tenth of the work, with counts and an estimate of the time
 * left, once the phase has run for a second (a quick phase prints only
 * its last line).  The estimate is the longer of two: at the whole
 * phase's rate so far, and at the last tenth's.  The phases that slow
 * down as they go (the matching, the shortfall searches) would by the
 * first alone promise their end several times too soon:
 *     mingle: scoring pairs: 40% (19998000 of 49995000), about 6 s left
 *     mingle: scoring pairs: 100% (49995000) in 9.8 s
 * Only the thread that started the phase calls these; workers count into
 * an atomic counter the caller reads.  MINGLE_PROGRESS_AFTER in the
 * environment sets the second (0: every tenth of every phase, as the
 * tests want it).
 */
#ifndef MINGLE_PROGRESS_H
#define MINGLE_PROGRESS_H

#include <stddef.h>
#include <time.h>

struct progress {
	const char *what;	/* "scoring pairs" */
	int on;			/* print anything at all */
	size_t total;
	struct timespec start;
	int step;		/* the last tenth printed */
	double after;		/* seconds before the first line */
	int mark_step;		/* the last tenth reached, printed or not */
	size_t mark_done;	/* ... the units done then */
	double mark_time;	/* ... and the seconds since the start */
};

/* Start a phase of TOTAL units; nothing is printed unless ON. */
void progress_start(struct progress *p, int on, const char *what,
    size_t total);
/* DONE units of the total are done. */
void progress_update(struct progress *p, size_t done);
/* The phase is over: its last line. */
void progress_end(struct progress *p);
/* Seconds since the phase started. */
double progress_elapsed(const struct progress *p);
/* The seconds left of TOTAL units, DONE of them done ELAPSED seconds in:
 * at the whole phase's rate, or at the rate since MARK_DONE were done
 * (MARK_TIME seconds in) where that is slower. */
double progress_left(size_t total, size_t done, double elapsed,
    size_t mark_done, double mark_time);

#endif
