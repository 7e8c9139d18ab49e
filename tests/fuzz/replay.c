/*
 * replay.c -- run files through a fuzz harness without libFuzzer.
 *
 * usage: replay_HARNESS FILE|FOLDER...
 *
 * Linked with one harness by the normal build.  Calls the harness's
 * LLVMFuzzerInitialize, then feeds it each FILE, and each file in each
 * FOLDER (sorted by name; names starting with '.' skipped), printing each
 * path on stdout, flushed, just before its input runs.  So when a
 * sanitizer stops the program, the last line names the input that did it.
 * Exits 0 when every input ran, 2 if a file cannot be read.
 */
#include "autoconf.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util.h"

static int	replay_file(const char *);
static int	replay_folder(const char *);

int
main(int argc, char **argv)
{
	struct stat st;
	int i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
		return 2;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc && rc == 0; i++) {
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "%s: cannot stat\n", argv[i]);
			rc = 2;
		} else if (S_ISDIR(st.st_mode))
			rc = replay_folder(argv[i]);
		else
			rc = replay_file(argv[i]);
	}
	return rc;
}

static int
replay_file(const char *path)
{
	char *data, *cause = NULL;
	size_t len;

	data = read_file(path, &len, &cause);
	if (data == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return 2;
	}
	printf("%s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_folder(const char *dir)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "%s: cannot open folder\n", dir);
		return 2;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, cmp_name);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = replay_file(names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}
