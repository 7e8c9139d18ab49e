/*
 * fuzz_file.c -- inputs as files, for code that takes a path.
 *
 * config_load() and the Lua loader read files.  Writing each input to a
 * real file would leave files behind when a harness crashes; a memfd is
 * gone with the process, and its /proc/self/fd path opens like any file.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

static int	fuzz_fds[FUZZ_FILE_SLOTS];
static char	fuzz_paths[FUZZ_FILE_SLOTS][32];

static void	fuzz_file_fail(const char *) __attribute__((noreturn));

static void
fuzz_file_fail(const char *what)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, strerror(errno));
	exit(1);
}

const char *
fuzz_file(unsigned slot, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;
	size_t done = 0;

	if (slot >= FUZZ_FILE_SLOTS) {
		errno = EINVAL;
		fuzz_file_fail("file slot out of range");
	}
	if (fuzz_paths[slot][0] == '\0') {
		fuzz_fds[slot] = memfd_create("mingle-fuzz", 0);
		if (fuzz_fds[slot] < 0)
			fuzz_file_fail("memfd_create");
		snprintf(fuzz_paths[slot], sizeof fuzz_paths[slot],
		    "/proc/self/fd/%d", fuzz_fds[slot]);
	}
	if (ftruncate(fuzz_fds[slot], 0) != 0)
		fuzz_file_fail("ftruncate");
	while (done < len) {
		n = pwrite(fuzz_fds[slot], p + done, len - done, (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			fuzz_file_fail("pwrite");
		done += (size_t)n;
	}
	return fuzz_paths[slot];
}
