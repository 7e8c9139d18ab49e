/*
 * test_progress.c -- unit tests for core/progress.c: the time left, the
 * longer of the whole phase's rate and the last tenth's, and the marks
 * progress_update() keeps at each tenth, printed or not.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>

#include "progress.h"
#include "tap.h"

/* progress_left's cases: the units, done, seconds in, the mark, and the
 * seconds it should say are left. */
static const struct {
	size_t total, done;
	double elapsed;
	size_t mark_done;
	double mark_time, want;
	const char *what;
} cases[] = {
	/* an even rate: both ways agree */
	{ 1000, 500, 5.0, 400, 4.0, 5.0,
	    "an even rate: 5 s left at half way after 5 s" },
	{ 1000, 100, 1.0, 0, 0.0, 9.0,
	    "the first tenth: the rate since the start" },
	/* a phase that slows down (the matching at 100,000: 80% in 28 s,
	 * 90% in 45 s): the last tenth's rate, not the average's 5 s */
	{ 1000, 900, 45.0, 800, 28.0, 17.0,
	    "slowing down: the last tenth's 17 s, not the average's 5" },
	/* one that speeds up: the average's, the longer */
	{ 1000, 500, 20.0, 400, 19.0, 20.0,
	    "speeding up: the whole phase's 20 s, not the last tenth's 5" },
	/* nothing done since the mark, or no time passed: the average */
	{ 1000, 400, 8.0, 400, 6.0, 12.0,
	    "no units since the mark: the whole phase's rate" },
	{ 1000, 500, 4.0, 400, 4.0, 4.0,
	    "no time since the mark: the whole phase's rate" },
	{ 1000, 0, 3.0, 0, 0.0, 0.0,
	    "nothing done at all: no estimate, no division by zero" },
	{ 1000, 1000, 3.0, 900, 2.0, 0.0, "all done: nothing left" },
};

int
main(void)
{
	struct progress p;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_num(progress_left(cases[i].total, cases[i].done,
		    cases[i].elapsed, cases[i].mark_done, cases[i].mark_time),
		    cases[i].want, 1e-9, cases[i].what);

	/* progress_update marks each tenth it reaches, quiet or not */
	setenv("MINGLE_PROGRESS_AFTER", "1e9", 1);
	progress_start(&p, 1, "testing", 1000);
	progress_update(&p, 50);
	is_int(p.mark_step, 0, "below the first tenth: no mark");
	progress_update(&p, 130);
	is_int(p.mark_step, 1, "the first tenth marked though quiet");
	is_int(p.mark_done, 130, "... at the units done then");
	progress_update(&p, 190);
	is_int(p.mark_done, 130, "within that tenth: the mark stays");
	progress_update(&p, 450);
	is_int(p.mark_step, 4, "a jump of tenths: marked where it landed");
	is_int(p.mark_done, 450, "... at its units");
	ok(p.mark_time >= 0 && p.mark_time < 60, "... and its time");
	is_int(p.step, 0, "quiet: nothing printed");
	progress_start(&p, 1, "testing", 1000);
	is_int(p.mark_step, 0, "a new phase starts without marks");
	is_int(p.mark_done, 0, "... none done");
	return tap_done();
}
