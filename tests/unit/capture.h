/*
 * capture.h -- what a writer printed, as a string, for the unit tests:
 * the writer runs against a memory stream (open_memstream).
 */
#ifndef MINGLE_CAPTURE_H
#define MINGLE_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "tap.h"

/*
 * CAPTURE(buf, call): run CALL, which writes to f_, an open memory
 * stream; then BUF is what it wrote, a string the caller frees.
 */
#define CAPTURE(buf, call) do {						\
	size_t len_ = 0;						\
	FILE *f_ = open_memstream(&(buf), &len_);			\
	call;								\
	fclose(f_);							\
} while (0)

/* is_str of what WRITE printed for S, against WANT. */
static inline void
capture_is(void (*write)(FILE *, const char *), const char *s,
    const char *want, const char *what)
{
	char *got = NULL;

	CAPTURE(got, write(f_, s));
	is_str(got, want, what);
	free(got);
}

#endif
