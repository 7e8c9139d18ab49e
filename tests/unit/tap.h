/*
 * tap.h -- a minimal TAP producer for mingle's unit tests.
 *
 * Each check prints "ok N - what" or "not ok N - what" with the failing
 * expression and place; tap_done() prints the plan and returns the exit
 * status.  Used by Automake's tap-driver.sh.
 */
#ifndef MINGLE_TAP_H
#define MINGLE_TAP_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline void
tap_result(int ok, const char *what, const char *expr, const char *file,
    int line)
{
	tap_n++;
	printf("%sok %d - %s\n", ok ? "" : "not ", tap_n, what);
	if (!ok) {
		tap_failed++;
		printf("#   %s:%d: failed: %s\n", file, line, expr);
	}
	fflush(stdout);
}

#define ok(cond, what) tap_result(!!(cond), (what), #cond, __FILE__, __LINE__)

#define is_str(got, want, what) do {					\
	const char *tap_g_ = (got), *tap_w_ = (want);			\
	int tap_ok_ = (tap_g_ == NULL && tap_w_ == NULL) ||		\
	    (tap_g_ != NULL && tap_w_ != NULL && !strcmp(tap_g_, tap_w_)); \
	tap_result(tap_ok_, (what), #got " == " #want, __FILE__, __LINE__); \
	if (!tap_ok_)							\
		printf("#   got:  '%s'\n#   want: '%s'\n",		\
		    tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

#define is_int(got, want, what) do {					\
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
	tap_result(tap_g_ == tap_w_, (what), #got " == " #want,	\
	    __FILE__, __LINE__);					\
	if (tap_g_ != tap_w_)						\
		printf("#   got:  %lld\n#   want: %lld\n", tap_g_, tap_w_); \
} while (0)

#define is_num(got, want, eps, what) do {				\
	double tap_g_ = (got), tap_w_ = (want);				\
	int tap_ok_ = fabs(tap_g_ - tap_w_) <= (eps);			\
	tap_result(tap_ok_, (what), #got " ~= " #want, __FILE__, __LINE__); \
	if (!tap_ok_)							\
		printf("#   got:  %.9g\n#   want: %.9g\n", tap_g_, tap_w_); \
} while (0)

/* A substring check, for error messages. */
#define like(got, needle, what) do {					\
	const char *tap_g_ = (got), *tap_w_ = (needle);		\
	int tap_ok_ = tap_g_ != NULL && strstr(tap_g_, tap_w_) != NULL; \
	tap_result(tap_ok_, (what), #got " contains " #needle,		\
	    __FILE__, __LINE__);					\
	if (!tap_ok_)							\
		printf("#   got:  '%s'\n#   want: '...%s...'\n",	\
		    tap_g_ ? tap_g_ : "(null)", tap_w_);		\
} while (0)

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
