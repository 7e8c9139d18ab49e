/*
 * util.h -- memory, strings and error messages shared by all of core/.
 *
 * Out-of-memory policy: core/ never returns allocation failures to callers.
 * xmalloc and friends print "mingle: out of memory" and exit(1); a half-built
 * run is never written anywhere, so this is safe and keeps every other error
 * path about the user's input.
 *
 * Error policy: a function that can fail for a reason a person should read
 * takes `char **cause`; on failure it returns nonzero (or NULL) and stores a
 * malloc'ed message in *cause that the caller frees.  Messages start with
 * "FILE:LINE:COLUMN: " or "FILE:LINE: " where a place is known.
 */
#ifndef MINGLE_UTIL_H
#define MINGLE_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/* A growable NUL-terminated string. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *strbuf_detach(struct strbuf *sb);	/* never NULL; sb is reset */
void strbuf_free(struct strbuf *sb);

/* Levenshtein distance in bytes, capped at `limit` + 1. */
size_t edit_distance(const char *a, const char *b, size_t limit);

/*
 * The candidate closest to WORD (case-insensitive), or NULL if none is close
 * enough to be a plausible typo.  CANDIDATES has N entries.
 */
const char *closest_match(const char *word, const char *const *candidates,
    size_t n);

/* Strict number parsing: the whole string (spaces around allowed). */
int parse_double(const char *s, double *out);
int parse_long(const char *s, long *out);

/* Read a whole file into memory, NUL-terminated; *len excludes the NUL. */
char *read_file(const char *path, size_t *len, char **cause);

/* PATH if absolute, else DIR/PATH; always a new string. */
char *path_join(const char *dir, const char *path);

/* The directory part of PATH ("." if none); a new string. */
char *path_dirname(const char *path);

/* Is this the mingle binary of the build tree (not an installed one)? */
int running_uninstalled(void);

/* The folder of the shipped Lua scripts: the source tree's scripts/ when
 * running uninstalled, the installed $(pkgdatadir) otherwise. */
const char *script_dir(void);

/*
 * The Lua script NAME: DIR/NAME if it exists or NAME holds a '/'; else the
 * shipped script of that name (the source tree's scripts/ when running
 * uninstalled, the installed $(pkgdatadir) otherwise) if there is one;
 * else DIR/NAME, for the error message.  A new string.
 */
char *find_script(const char *dir, const char *name);

/* Every file in DIR whose name ends in SUFFIX (and is longer), sorted, as
 * new paths DIR/NAME; -1 if DIR cannot be read. */
int list_dir(const char *dir, const char *suffix, char ***files, size_t *n);

#endif
