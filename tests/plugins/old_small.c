/*
 * old_small.c -- a plugin with an older, smaller descriptor, which must load
 * and work: the host reads only `size` bytes of it.
 *
 * ABI 1.0 is the first ABI, so no older header exists to build against.
 * The plugin declares its own copy of the 1.0 descriptor layout, as a
 * plugin compiled against the 1.0 header sees it, and sets `size` to that.
 * ABI 1.1 added option_docs at the end of the descriptor, so this one is
 * smaller than sizeof(struct mingle_strategy), and its option is listed by
 * name alone.  To catch a host that reads further
 * than `size` (copying sizeof(struct mingle_strategy), say), the
 * descriptor is placed at the very end of a page and the next page is
 * made inaccessible: a read past `size` crashes the host.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mingle/plugin.h"

/* struct mingle_strategy as ABI 1.0 defined it, member for member. */
struct strategy_1_0 {
	uint32_t abi_major;
	uint32_t abi_minor;
	uint32_t size;
	uint32_t flags;
	const char *name;
	const char *version;
	const char *description;
	const char *const *options;
	int (*init)(const struct mingle_api *api, mingle_host *host,
	    void **state);
	int (*score)(void *state, mingle_attendee a,
	    const mingle_attendee *candidates, size_t n, double *scores,
	    unsigned char *veto);
	void (*reason)(void *state, mingle_attendee a, mingle_attendee b,
	    char *buf, size_t cap);
	void (*fini)(void *state);
};

struct state {
	const struct mingle_api *api;
	mingle_host *host;
};

static struct state the_state;

/* Declared, never required: `mingle plugins` lists it without a doc. */
static const char *const old_options[] = { "note", NULL };

static int
old_init(const struct mingle_api *api, mingle_host *host, void **state)
{
	/* Only 1.0 members of the api, as an old plugin would. */
	if (api->abi_major != 1 || api->attendee_count(host) == 0) {
		api->error(host, "unexpected host");
		return -1;
	}
	the_state.api = api;
	the_state.host = host;
	*state = &the_state;
	return 0;
}

/* Everybody scores 1 with everybody: introductions follow the ids. */
static int
old_score(void *state, mingle_attendee a, const mingle_attendee *cand,
    size_t n, double *scores, unsigned char *veto)
{
	size_t i;

	for (i = 0; i < n; i++)
		scores[i] = 1;
	return 0;
}

static void
old_reason(void *state, mingle_attendee a, mingle_attendee b, char *buf,
    size_t cap)
{
	struct state *st = state;

	if (a < b)
		snprintf(buf, cap, "old plugin met %s",
		    st->api->attendee_id(st->host, b));
	else
		buf[0] = '\0';
}

static const struct strategy_1_0 template = {
	.abi_major = 1,
	.abi_minor = 0,
	.size = sizeof(struct strategy_1_0),
	.name = "old_small",
	.version = "1.0.0-old",
	.description = "an ABI 1.0 descriptor at the end of a page",
	.options = old_options,
	.score = old_score,
	.init = old_init,
	.reason = old_reason,
};

const struct mingle_strategy *mingle_plugin_entry(void);

const struct mingle_strategy *
mingle_plugin_entry(void)
{
	static const struct strategy_1_0 *desc;
	long page;
	char *mem;
	struct strategy_1_0 *d;

	if (desc != NULL)
		return (const struct mingle_strategy *)desc;
	page = sysconf(_SC_PAGESIZE);
	mem = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return (const struct mingle_strategy *)&template;
	d = (struct strategy_1_0 *)(mem + page - sizeof *d);
	memcpy(d, &template, sizeof *d);
	if (mprotect(mem + page, (size_t)page, PROT_NONE) != 0 ||
	    mprotect(mem, (size_t)page, PROT_READ) != 0)
		return (const struct mingle_strategy *)&template;
	desc = d;
	return (const struct mingle_strategy *)desc;
}
