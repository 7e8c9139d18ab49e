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

/*
 * Problems of one kind, gathered for one message, so that a person fixes
 * every row of a kind in one go: the first PROBLEMS_SHOWN in full, one a
 * line, then how many more.  A zeroed struct is empty.
 */
#define PROBLEMS_SHOWN 20
struct problems {
	struct strbuf text;
	size_t n;
};
void problems_add(struct problems *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The message ("and 14 more WHAT" ends it if some were not shown), a new
 * string; P is reset.  NULL if there were none. */
char *problems_message(struct problems *p, const char *what);

/* Does S match PATTERN, in which '*' matches any run of bytes (also none)
 * and every other byte itself?  Fold both first to ignore case. */
int wildcard_match(const char *pattern, const char *s);

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

/*
 * A number as people write it, in an export or a config: parse_double,
 * or with a decimal comma: "12,50" is 12.5, "1.234,5" is 1234.5.  When
 * both marks appear the last one is the decimal point, so "1,234.5"
 * (English thousands) is 1234.5.  Returns 0, or -1 (*OUT unchanged).
 */
int parse_decimal(const char *s, double *out);

/*
 * A size: a whole number of bytes, or one followed by K, M or G (powers of
 * 1024, any case), which may be followed by "i", and then by "B" ("64K",
 * "1M", "16MiB", "1gb", "65536").  Spaces around are allowed.  Returns 0,
 * or -1 if S is no size or does not fit a size_t (*OUT unchanged).
 */
int parse_size(const char *s, size_t *out);

/*
 * SIZE as a person writes it: "64K", "1M", "1G" when it is a whole number
 * of those, else "1000 bytes".  Into BUF (SIZE_TEXT_LEN bytes); returns BUF.
 */
#define SIZE_TEXT_LEN 32
const char *format_size(size_t size, char *buf);

/*
 * D as briefly as reads back as D: "%.15g", else "%.17g" ("0.1", "1e+300",
 * "0.30000000000000004").  Into BUF (NUMBER_TEXT_LEN bytes); returns BUF.
 */
#define NUMBER_TEXT_LEN 32
const char *format_double(double d, char *buf);

/* What read_file_limited() takes in and checks. */
struct read_limit {
	size_t max;		/* bytes; a longer file is an error */
	const char *raise;	/* how to raise MAX, ends the message */
	/*
	 * Called, if set, after each block read (at most 1 MiB): BUF holds
	 * all OFF + LEN bytes so far (NUL-terminated), the last LEN of them
	 * new.  Returns 0 to read on, or -1 with *cause set to stop with
	 * that error.
	 */
	int (*check)(void *arg, const char *buf, size_t off, size_t len,
	    char **cause);
	void *arg;
};

/*
 * Read the file PATH into memory, NUL-terminated; *len excludes the NUL.
 * NUL bytes inside are kept.  Never more than LIM->max bytes: a regular
 * file larger than that fails before it is read, and anything else (a
 * pipe, a device, /dev/stdin) is read as a stream until it ends or passes
 * the limit.  A regular file that changes while it is read (size, mtime
 * or ctime differ between open and end, or the bytes read are not its
 * size) is an error rather than a torn read.  Returns NULL with *cause
 * set on failure:
 *   PATH: cannot open: <strerror>          PATH: cannot read: <strerror>
 *   PATH: the file is larger than 1G; <LIM->raise>
 *   PATH: the file changed while it was read; try again
 *   or the check's own message.
 */
char *read_file_limited(const char *path, const struct read_limit *lim,
    size_t *len, char **cause);

/*
 * read_file_limited() for a config file or a script: at most 16 MiB, or
 * the size in the environment variable MINGLE_MAX_CONFIG_SIZE (a bad value
 * there is an error naming it).
 */
#define READ_FILE_MAX_DEFAULT ((size_t)16 << 20)
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
 * The Lua script NAME: DIR/NAME if it exists, or DIR/NAME.lua; else, if
 * NAME holds no '/', the shipped script of that name, ".lua" added if
 * need be (the source tree's scripts/ when running uninstalled, the
 * installed $(pkgdatadir) otherwise) if there is one; else DIR/NAME, for
 * the error message.  A new string.
 */
char *find_script(const char *dir, const char *name);

/*
 * For a script that is not there: "; did you mean 'first_timer_buddy'?"
 * if a shipped script's name (without ".lua") is close to NAME's last
 * part, then " (shipped: a, b, c)".  A new string, "" if none is shipped.
 */
char *script_suggest(const char *name);

/* Every file in DIR whose name ends in SUFFIX (and is longer), sorted, as
 * new paths DIR/NAME; -1 if DIR cannot be read. */
int list_dir(const char *dir, const char *suffix, char ***files, size_t *n);

#endif
