/*
 * util.c -- memory, strings, numbers, files.  See util.h for the policies.
 */
#include "autoconf.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void
out_of_memory(void)
{
	fputs("mingle: out of memory\n", stderr);
	exit(1);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void *p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		out_of_memory();
	p = realloc(ptr, nmemb * size != 0 ? nmemb * size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		out_of_memory();
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

static void
strbuf_grow(struct strbuf *sb, size_t more)
{
	size_t need = sb->len + more + 1;

	if (need <= sb->cap)
		return;
	sb->cap = sb->cap ? sb->cap : 64;
	while (sb->cap < need)
		sb->cap *= 2;
	sb->buf = xreallocarray(sb->buf, sb->cap, 1);
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_puts(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_putc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_puts(sb, s);
	free(s);
}

char *
strbuf_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void
strbuf_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void
problems_add(struct problems *p, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (p->n++ >= PROBLEMS_SHOWN)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	if (p->text.len > 0)
		strbuf_putc(&p->text, '\n');
	strbuf_puts(&p->text, s);
	free(s);
}

char *
problems_message(struct problems *p, const char *what)
{
	if (p->n == 0)
		return NULL;
	if (p->n > PROBLEMS_SHOWN)
		strbuf_printf(&p->text, "\nand %zu more %s",
		    p->n - PROBLEMS_SHOWN, what);
	p->n = 0;
	return strbuf_detach(&p->text);
}

int
wildcard_match(const char *pattern, const char *s)
{
	const char *star = NULL, *retry = NULL;

	/* Greedy, going back only to the last '*': linear in practice. */
	while (*s != '\0') {
		if (*pattern == '*') {
			star = ++pattern;
			retry = s;
		} else if (*pattern == *s) {
			pattern++;
			s++;
		} else if (star != NULL) {
			pattern = star;
			s = ++retry;
		} else
			return 0;
	}
	while (*pattern == '*')
		pattern++;
	return *pattern == '\0';
}

size_t
edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best, *row;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	row = xcalloc(lb + 1, sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], cost;

			cost = tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]);
			row[j] = diag + cost;
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
			if (row[j] < best)
				best = row[j];
		}
		if (best > limit) {
			free(row);
			return limit + 1;
		}
	}
	best = row[lb];
	free(row);
	return best > limit ? limit + 1 : best;
}

const char *
closest_match(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t i, limit, best_d;

	/* A typo is a few edits, relative to the word's length. */
	limit = strlen(word) / 3 + 1;
	if (limit > 4)
		limit = 4;
	best_d = limit + 1;
	for (i = 0; i < n; i++) {
		size_t d = edit_distance(word, candidates[i], limit);

		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	if (best == NULL) {
		/* A case-insensitive prefix is also a plausible slip. */
		for (i = 0; i < n; i++)
			if (strncasecmp(candidates[i], word, strlen(word)) == 0
			    && strlen(word) >= 3)
				return candidates[i];
	}
	return best;
}

static int
only_space(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

int
parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (only_space(s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || !only_space(end) || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int
parse_decimal(const char *s, double *out)
{
	const char *comma = strrchr(s, ','), *dot = strrchr(s, '.');
	char *copy, *p, *q, group = '.', decimal = ',';
	int rc;

	if (parse_double(s, out) == 0)
		return 0;
	if (comma == NULL)
		return -1;
	if (dot != NULL && dot > comma) {
		group = ',';
		decimal = '.';
	}
	copy = xstrdup(s);
	for (p = q = copy; *p != '\0'; p++) {
		if (*p == group)
			continue;	/* thousands separator */
		*q++ = *p == decimal ? '.' : *p;
	}
	*q = '\0';
	rc = parse_double(copy, out);
	free(copy);
	return rc;
}

int
parse_long(const char *s, long *out)
{
	char *end;
	long v;

	if (only_space(s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || !only_space(end))
		return -1;
	*out = v;
	return 0;
}

int
parse_size(const char *s, size_t *out)
{
	unsigned long long v;
	size_t mult = 1;
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (toupper((unsigned char)*end)) {
	case 'K': mult = (size_t)1 << 10; end++; break;
	case 'M': mult = (size_t)1 << 20; end++; break;
	case 'G': mult = (size_t)1 << 30; end++; break;
	}
	if (mult > 1 && *end == 'i')
		end++;
	if (toupper((unsigned char)*end) == 'B')
		end++;
	if (!only_space(end) || v > SIZE_MAX / mult)
		return -1;
	*out = (size_t)v * mult;
	return 0;
}

const char *
format_size(size_t size, char *buf)
{
	static const char units[] = "GMK";
	size_t i, unit;

	for (i = 0; i < 3; i++) {
		unit = (size_t)1 << (10 * (3 - i));
		if (size >= unit && size % unit == 0) {
			snprintf(buf, SIZE_TEXT_LEN, "%zu%c", size / unit,
			    units[i]);
			return buf;
		}
	}
	snprintf(buf, SIZE_TEXT_LEN, "%zu bytes", size);
	return buf;
}

const char *
format_double(double d, char *buf)
{
	snprintf(buf, NUMBER_TEXT_LEN, "%.15g", d);
	if (strtod(buf, NULL) != d)
		snprintf(buf, NUMBER_TEXT_LEN, "%.17g", d);
	return buf;
}

/* Did the file change between BEFORE and AFTER, or not hold N bytes? */
static int
file_changed(const struct stat *before, const struct stat *after, size_t n)
{
	return before->st_size != after->st_size ||
	    (uintmax_t)after->st_size != (uintmax_t)n ||
	    before->st_mtim.tv_sec != after->st_mtim.tv_sec ||
	    before->st_mtim.tv_nsec != after->st_mtim.tv_nsec ||
	    before->st_ctim.tv_sec != after->st_ctim.tv_sec ||
	    before->st_ctim.tv_nsec != after->st_ctim.tv_nsec;
}

static char *
read_too_large(const char *path, const struct read_limit *lim)
{
	char size[SIZE_TEXT_LEN];

	return xasprintf("%s: the file is larger than %s; %s", path,
	    format_size(lim->max, size), lim->raise);
}

/* Bytes per read(), so that the check hook sees a big file in pieces. */
#define READ_BLOCK	((size_t)1 << 20)

/*
 * Read FD into *BUF (CAP bytes, grown up to the limit unless REGULAR) and
 * return the byte count, or -1 with *cause set.  A regular file is read
 * until it ends or passes the size it had, which the caller then sees.
 */
static ssize_t
read_fd(const char *path, int fd, int regular, const struct read_limit *lim,
    char **buf, size_t cap, char **cause)
{
	size_t n = 0;
	ssize_t got;

	for (;;) {
		if (cap - n == 1) {
			if (regular)
				break;
			if (n > lim->max) {
				*cause = read_too_large(path, lim);
				return -1;
			}
			cap = cap - 2 >= lim->max / 2 ? lim->max + 2 : cap * 2;
			*buf = xreallocarray(*buf, cap, 1);
		}
		got = read(fd, *buf + n, cap - n - 1 < READ_BLOCK ?
		    cap - n - 1 : READ_BLOCK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			*cause = xasprintf("%s: cannot read: %s", path,
			    strerror(errno));
			return -1;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		(*buf)[n] = '\0';
		if (!regular && n > lim->max) {
			*cause = read_too_large(path, lim);
			return -1;
		}
		if (lim->check != NULL && lim->check(lim->arg, *buf,
		    n - (size_t)got, (size_t)got, cause) != 0)
			return -1;
	}
	return (ssize_t)n;
}

char *
read_file_limited(const char *path, const struct read_limit *lim,
    size_t *len, char **cause)
{
	struct read_limit l = *lim;
	struct stat before, after;
	char *buf = NULL;
	size_t cap = 65536;
	ssize_t n = -1;
	int fd, regular;

	/* Leave room for the arithmetic below; nobody has this much RAM. */
	if (l.max > SIZE_MAX / 4)
		l.max = SIZE_MAX / 4;
	lim = &l;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: cannot open: %s", path,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &before) != 0) {
		*cause = xasprintf("%s: cannot read: %s", path,
		    strerror(errno));
		goto out;
	}
	regular = S_ISREG(before.st_mode);
	if (regular) {
		if ((uintmax_t)before.st_size > (uintmax_t)lim->max) {
			*cause = read_too_large(path, lim);
			goto out;
		}
		/* Room for one byte more, to see the file grow. */
		cap = (size_t)before.st_size + 2;
	} else if (cap > lim->max + 2)
		cap = lim->max + 2;
	buf = xmalloc(cap);
	buf[0] = '\0';
	n = read_fd(path, fd, regular, lim, &buf, cap, cause);
	if (n >= 0 && regular && (fstat(fd, &after) != 0 ||
	    file_changed(&before, &after, (size_t)n))) {
		*cause = xasprintf("%s: the file changed while it was read; "
		    "try again", path);
		n = -1;
	}
out:
	close(fd);
	if (n < 0) {
		free(buf);
		return NULL;
	}
	*len = (size_t)n;
	return buf;
}

char *
read_file(const char *path, size_t *len, char **cause)
{
	struct read_limit lim = { READ_FILE_MAX_DEFAULT, "set "
	    "MINGLE_MAX_CONFIG_SIZE to a larger size if it really is a config "
	    "file or script", NULL, NULL };
	const char *env = getenv("MINGLE_MAX_CONFIG_SIZE");

	if (env != NULL && *env != '\0' &&
	    (parse_size(env, &lim.max) != 0 || lim.max == 0)) {
		*cause = xasprintf("MINGLE_MAX_CONFIG_SIZE is '%s'; it must be "
		    "a size such as 16M or 1G", env);
		return NULL;
	}
	return read_file_limited(path, &lim, len, cause);
}

char *
path_join(const char *dir, const char *path)
{
	if (path[0] == '/' || dir == NULL || dir[0] == '\0')
		return xstrdup(path);
	return xasprintf("%s/%s", dir, path);
}

char *
path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int
running_uninstalled(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t len;
	char *slash;

	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return 0;
	exe[len] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return 0;
	*slash = '\0';
	if (realpath(MINGLE_BUILDDIR, build) == NULL)
		return 0;
	return strcmp(exe, build) == 0;
}

const char *
script_dir(void)
{
	return running_uninstalled() ? MINGLE_SRCDIR "/scripts" :
	    MINGLE_SCRIPTDIR;
}

/* DIR/NAME if it exists, else DIR/NAME.lua if NAME has no ".lua" and that
 * exists; else NULL. */
static char *
script_in(const char *dir, const char *name)
{
	struct stat st;
	size_t len = strlen(name);
	char *path = path_join(dir, name), *lua;

	if (stat(path, &st) == 0)
		return path;
	free(path);
	if (len >= 4 && strcmp(name + len - 4, ".lua") == 0)
		return NULL;
	lua = xasprintf("%s.lua", name);
	path = path_join(dir, lua);
	free(lua);
	if (stat(path, &st) == 0)
		return path;
	free(path);
	return NULL;
}

char *
find_script(const char *dir, const char *name)
{
	char *path;

	if ((path = script_in(dir, name)) != NULL)
		return path;
	/* A bare name may be one of the shipped scripts. */
	if (strchr(name, '/') == NULL &&
	    (path = script_in(script_dir(), name)) != NULL)
		return path;
	return path_join(dir, name);
}

char *
script_suggest(const char *name)
{
	struct strbuf sb = { NULL, 0, 0 };
	const char *best, *slash = strrchr(name, '/');
	char **files, **names, *want;
	size_t i, n, len;

	if (list_dir(script_dir(), ".lua", &files, &n) != 0 || n == 0)
		return xstrdup("");
	names = xcalloc(n, sizeof *names);
	for (i = 0; i < n; i++) {
		names[i] = strrchr(files[i], '/') + 1;
		names[i][strlen(names[i]) - 4] = '\0';	/* ".lua" */
	}
	want = xstrdup(slash != NULL ? slash + 1 : name);
	len = strlen(want);
	if (len > 4 && strcmp(want + len - 4, ".lua") == 0)
		want[len - 4] = '\0';
	best = closest_match(want, (const char *const *)names, n);
	if (best != NULL)
		strbuf_printf(&sb, "; did you mean '%s'?", best);
	strbuf_puts(&sb, " (shipped: ");
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", names[i]);
	strbuf_putc(&sb, ')');
	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(names);
	free(want);
	return strbuf_detach(&sb);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
list_dir(const char *dir, const char *suffix, char ***files, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len, slen = strlen(suffix);

	*files = NULL;
	*n = 0;
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len > slen && strcmp(e->d_name + len - slen, suffix) == 0) {
			*files = xreallocarray(*files, *n + 1, sizeof **files);
			(*files)[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	if (*n > 0)
		qsort(*files, *n, sizeof **files, cmp_str);
	return 0;
}
