/*
 * mingle/plugin.h -- the public ABI for mingle strategy plugins.
 *
 * A strategy plugin is a shared object that exports exactly one symbol,
 * MINGLE_PLUGIN_ENTRY ("mingle_plugin_entry"), a function that returns a
 * pointer to a constant descriptor (struct mingle_strategy).  Plugins link
 * nothing from mingle: everything they need from the host comes through the
 * function table (struct mingle_api) passed to their init function.
 *
 * Versioning
 *   MINGLE_ABI_MAJOR changes only when an existing member changes meaning or
 *   position.  The host refuses a plugin built for another major version, and
 *   one built for a newer minor version than the host knows.
 *   MINGLE_ABI_MINOR grows when members are added at the END of struct
 *   mingle_api or struct mingle_strategy.  Both structs carry their size:
 *     - the host reads only min(desc->size, sizeof(struct mingle_strategy))
 *       bytes of a descriptor, so old plugins keep working;
 *     - a plugin must test MINGLE_API_HAS(api, member) before calling a
 *       member added after ABI 1.0.
 *
 * Threads
 *   After init returns, the host may call score and reason concurrently from
 *   several threads with the same state.  A plugin must therefore treat its
 *   state as read-only after init (or synchronize itself).  Every function in
 *   struct mingle_api is safe to call from any thread.
 *
 * Lifetimes
 *   All strings and arrays returned by the api stay valid and unchanged from
 *   init until fini returns.  Attendees are numbered 0..attendee_count-1.
 *
 * Scores
 *   score(a, candidates) returns how much attendee a would gain from meeting
 *   each candidate: the directional score a -> b.  The host combines the two
 *   directions of a pair as their mean, (s(a->b) + s(b->a)) / 2, and a veto
 *   in either direction removes the pair.  A plugin whose scores are
 *   symmetric sets MINGLE_STRATEGY_SYMMETRIC and the host asks only once.
 *   Scores must be finite.  The host multiplies them by the strategy's
 *   configured weight and sums over strategies.
 */
#ifndef MINGLE_PLUGIN_H
#define MINGLE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MINGLE_ABI_MAJOR 1
#define MINGLE_ABI_MINOR 4

/* The one symbol a plugin exports. */
#define MINGLE_PLUGIN_ENTRY "mingle_plugin_entry"

/* Longest reason the host asks for, including the terminating NUL. */
#define MINGLE_REASON_MAX 256

/* An attendee: an index 0..attendee_count-1. */
typedef uint32_t mingle_attendee;

/* The host's side of one loaded strategy; opaque to plugins. */
typedef struct mingle_host mingle_host;

/* Field types, as configured in a [field NAME] section. */
enum mingle_field_type {
	MINGLE_FIELD_TAGS = 1,	/* set of interned tag ids, sorted ascending */
	MINGLE_FIELD_TEXT = 2,	/* free UTF-8 text */
	MINGLE_FIELD_NUMBER = 3,	/* double */
	MINGLE_FIELD_BOOL = 4,	/* yes/no */
	MINGLE_FIELD_CATEGORY = 5	/* one interned value, also readable as text */
};

/* A field type's name as the config writes it ("tags", "category" ...),
 * for messages; "unknown" for anything else.  Inline: no symbol. */
static inline const char *
mingle_field_type_name(int type)
{
	switch (type) {
	case MINGLE_FIELD_TAGS:		return "tags";
	case MINGLE_FIELD_TEXT:		return "text";
	case MINGLE_FIELD_NUMBER:	return "number";
	case MINGLE_FIELD_BOOL:		return "bool";
	case MINGLE_FIELD_CATEGORY:	return "category";
	}
	return "unknown";
}

/*
 * The host's function table.  Grows only at its end; see MINGLE_API_HAS.
 * Every function takes the host handle given to init.
 */
struct mingle_api {
	uint32_t size;		/* sizeof(struct mingle_api) as the host built it */
	uint32_t abi_major;	/* the host's MINGLE_ABI_MAJOR */
	uint32_t abi_minor;	/* the host's MINGLE_ABI_MINOR */

	/* The value of KEY in this strategy's config section, or NULL.  Only
	 * keys the descriptor lists in `options` ever reach a plugin. */
	const char *(*option)(mingle_host *host, const char *key);

	/* Report why init fails; the host copies the text.  printf-style. */
	void (*error)(mingle_host *host, const char *fmt, ...)
#if defined(__GNUC__)
	    __attribute__((format(printf, 2, 3)))
#endif
	    ;

	/* A line on stderr, prefixed with the strategy's name.  printf-style. */
	void (*log)(mingle_host *host, const char *fmt, ...)
#if defined(__GNUC__)
	    __attribute__((format(printf, 2, 3)))
#endif
	    ;

	uint32_t (*attendee_count)(mingle_host *host);
	const char *(*attendee_id)(mingle_host *host, mingle_attendee a);
	const char *(*attendee_name)(mingle_host *host, mingle_attendee a);

	/* The handle (>= 0) of the field called NAME, or -1 if there is none.
	 * If TYPE is not NULL it receives the field's enum mingle_field_type. */
	int (*field)(mingle_host *host, const char *name, int *type);

	/* Tags fields.  tags() stores a pointer to A's sorted tag ids in *TAGS
	 * and returns how many there are (0 for none or a non-tags field).
	 * Tag ids are 0..tag_count-1; tag_frequency is the number of attendees
	 * holding the tag; tag_name its normalized text. */
	size_t (*tags)(mingle_host *host, int field, mingle_attendee a,
	    const uint32_t **tags);
	uint32_t (*tag_count)(mingle_host *host, int field);
	uint32_t (*tag_frequency)(mingle_host *host, int field, uint32_t tag);
	const char *(*tag_name)(mingle_host *host, int field, uint32_t tag);

	/* Number fields: 1 and *OUT set if A has a value, else 0. */
	int (*number)(mingle_host *host, int field, mingle_attendee a,
	    double *out);

	/* Bool fields: 1 yes, 0 no, -1 missing. */
	int (*boolean)(mingle_host *host, int field, mingle_attendee a);

	/* Text and category fields: the value, or NULL if missing. */
	const char *(*text)(mingle_host *host, int field, mingle_attendee a);

	/* Category fields: the interned value id + 1, or 0 if missing, so that
	 * equal categories compare equal as integers. */
	uint32_t (*category)(mingle_host *host, int field, mingle_attendee a);

	/* ABI 1.1.  A tag as most attendees holding it wrote it, for text a
	 * person reads (reasons): "OpenData" and "Straße" where tag_name is
	 * "opendata" and "strasse".  Without '#' marks and surrounding space;
	 * the first spelling seen wins a tie.  NULL for a bad field or tag. */
	const char *(*tag_label)(mingle_host *host, int field, uint32_t tag);

	/* ABI 1.2.  Files and people named in them; both meant for init.
	 *
	 * table() reads the CSV file PATH (relative to the config file's
	 * folder, like [input] file) with the reader of the export: the same
	 * detection of encoding, byte order mark and delimiter, the same
	 * limits.  It calls ROW for every record, the header first, with
	 * LINE the physical line where the record starts (from 1) and its
	 * NCELLS cells, UTF-8 text that lives until ROW returns.  ROW
	 * returns 0 to go on, nonzero to stop: table() returns that value.
	 * It returns 0 at the end of the file, or -1 after setting the error
	 * (as api->error() does) to a message that starts "FILE:LINE:COLUMN: "
	 * where the reader knows the place. */
	int (*table)(mingle_host *host, const char *path,
	    int (*row)(void *ctx, size_t line, const char *const *cells,
	    size_t ncells), void *ctx);

	/* The attendee WHO names: an id (exact, white space around aside),
	 * an e-mail address (case ignored) or a name (case, accents and
	 * spacing ignored; "Berg, Anna" is "Anna Berg").  Returns 1 with
	 * *OUT set if exactly one attendee matches, 0 if none does (people
	 * the [input] filters dropped are nobody), -1 if several do; *OUT
	 * is then the first of them, and the others are the attendees whose
	 * own names look up to the same first.  Ids are tried first, then
	 * e-mail addresses, then names.  A hash probe; the index is built
	 * once, on the first call. */
	int (*lookup)(mingle_host *host, const char *who,
	    mingle_attendee *out);
	/* ABI 1.2 (limits).  Both may be called in init only; elsewhere
	 * they do nothing. */

	/* At most MAX of A's introductions may be pairs that this strategy
	 * scores above zero ((s(a->b) + s(b->a)) / 2 > 0): with MAX 0 such
	 * pairs are vetoed for A; above 0 every mode counts them (in groups
	 * and rounds, A's table-mates over all rounds; docs/modes.md).  A
	 * later call for A replaces an earlier one.  At most 8 strategies
	 * of a run may set quotas. */
	void (*quota)(mingle_host *host, mingle_attendee a, uint32_t max);

	/* A and B must be introduced, in every mode.  Returns 0, or
	 * nonzero with the reason set as by error() for a bad pair (A == B,
	 * either out of range).  The host checks all pins after init: a
	 * pinned pair another strategy vetoes, or a person with more pins
	 * than introductions, stops the run with an error. */
	int (*pin)(mingle_host *host, mingle_attendee a, mingle_attendee b);
};

/* True if the host's table is new enough to hold MEMBER. */
#define MINGLE_API_HAS(api, member) \
	((api)->size >= offsetof(struct mingle_api, member) + \
	    sizeof((api)->member))

/* Descriptor flags. */
#define MINGLE_STRATEGY_SYMMETRIC 0x1u	/* s(a->b) == s(b->a) always */
/* ABI 1.3: the scores are a bonus for whole groups of partners (buddy:
 * first-timers with veterans), not a measure of how two people fit.  The
 * host keeps for each attendee, beside their `candidates` best partners,
 * their best by the other strategies alone, so that such a bonus cannot
 * crowd all of a group's own matches out of the graph (a veteran whose
 * best partners are all first-timers would meet no other veteran).  A
 * host before 1.3 ignores the flag. */
#define MINGLE_STRATEGY_GROUP_BONUS 0x2u

/*
 * ABI 1.4: one of A's terms (a tag, a word), as the `terms` member gives
 * them: the attendees holding it, and what each gains from it in a pair
 * with A.  Points into the plugin's state (valid until fini).
 */
struct mingle_term {
	const uint32_t *ids;	/* attendees holding the term, ascending */
	const float *weight;	/* per entry of ids: the holder's weight of
				 * the term (0 or more); NULL: 1 each */
	uint32_t n;		/* entries in ids (and weight) */
	/* 0, or a number naming one of A's vectors: the terms with the same
	 * nonzero vector are the components of one vector of each holder's
	 * whose length is at most 1 (a text's TF-IDF vector), so that what a
	 * holder gains from any of them adds up to at most the length of
	 * their gains (Cauchy-Schwarz). */
	uint32_t vector;
	double gain;		/* a holder gains gain times its weight */
	double upper;		/* the most a holder gains: gain times the
				 * greatest weight in ids, or more */
};

/*
 * The descriptor a plugin returns from its entry function.  Constant,
 * static storage; the host never writes to it.
 */
struct mingle_strategy {
	uint32_t abi_major;	/* MINGLE_ABI_MAJOR the plugin was built with */
	uint32_t abi_minor;	/* MINGLE_ABI_MINOR the plugin was built with */
	uint32_t size;		/* sizeof(struct mingle_strategy) */
	uint32_t flags;		/* MINGLE_STRATEGY_* */

	const char *name;	/* e.g. "shared_tags"; matches the file name */
	const char *version;	/* the plugin's own version, e.g. "1.0.0" */
	const char *description;	/* one line for `mingle plugins` */

	/* NULL-terminated list of the config keys this strategy accepts.  The
	 * host rejects any other key in the section (besides its own: plugin,
	 * weight) before init is called.  May be NULL for none. */
	const char *const *options;

	/* Set *STATE (may stay NULL).  Return 0 on success; on failure call
	 * api->error() with the reason and return nonzero.  fini is not
	 * called after a failed init. */
	int (*init)(const struct mingle_api *api, mingle_host *host,
	    void **state);

	/* Score A against N candidates (never A itself).  Write SCORES[i], the
	 * directional score a -> candidates[i], and VETO[i], nonzero to forbid
	 * the pair.  The host zeroes both arrays before the call.  Return 0, or
	 * nonzero for an internal error that stops the run. */
	int (*score)(void *state, mingle_attendee a,
	    const mingle_attendee *candidates, size_t n, double *scores,
	    unsigned char *veto);

	/* Why A -> B scored as it did, in at most CAP bytes including the NUL
	 * (CAP is at most MINGLE_REASON_MAX).  Called only for pairs that are
	 * shown to a person, never in the scoring loop.  May be NULL. */
	void (*reason)(void *state, mingle_attendee a, mingle_attendee b,
	    char *buf, size_t cap);

	/* Free STATE.  May be NULL. */
	void (*fini)(void *state);

	/* ABI 1.1.  One line of documentation per option, for `mingle
	 * plugins`: parallel to `options`, with exactly one entry for each
	 * name there (NULL for an option without one), e.g. "the tags field
	 * to compare".  May be NULL for none; a plugin without it still has
	 * its option names listed. */
	const char *const *option_docs;

	/*
	 * ABI 1.2.  The candidate stage: the attendees A is likely to score
	 * with, so that the host need not score every pair.  Write to OUT
	 * (room for CAP entries, CAP at least attendee_count) attendees other
	 * than A, ascending, without duplicates, store their number in *N,
	 * and in *BOUND a number that no pair left out can beat: for every B
	 * not in OUT (B != A), (s(A->B) + s(B->A)) / 2 <= *BOUND, and
	 * neither direction vetoes.  A plugin that lists every B with a
	 * score above 0 returns 0 there.  One that cannot list partners but
	 * bounds its scores lists nobody (*N 0) with that bound; one that
	 * vetoes lists (at least) whom it vetoes A with: the host counts the
	 * vetoes of the pairs it scores, and the table modes ask about a
	 * pair's veto only if both have one counted.
	 *
	 * K is how many best partners the host wants.  A plugin may stop
	 * listing once it expects OUT to hold A's K best (an inverted index
	 * walked from the rarest term, MaxScore-style, stopping when what is
	 * left to walk adds up to less than what was found); the host scores
	 * OUT with every strategy and, if fewer than K of them score above
	 * the sum of the bounds, asks again with a larger K, up to scoring A
	 * against everyone.  So the host's top K of each attendee are those
	 * of scoring every pair, whatever K the plugin stops at.
	 *
	 * Return 0, or -1 if the plugin cannot list A's partners (or runs out
	 * of memory): the host then scores A against everyone.  Called from
	 * several threads at once, like score.  May be NULL: the strategy
	 * cannot list partners.  The host uses the candidate stage only when
	 * every strategy can, none has a weight below 0 or sets a quota of 0
	 * (which vetoes pairs the strategy may leave unlisted), min_score is
	 * 0 or more and [match] exhaustive is not set; else it scores every
	 * pair.
	 */
	int (*candidates)(void *state, mingle_attendee a, size_t k,
	    mingle_attendee *out, size_t cap, size_t *n, double *bound);

	/*
	 * ABI 1.4.  A's terms, for the host to walk every strategy's at once
	 * (MaxScore over the sum of the strategies' scores, which finds an
	 * attendee's best partners by the total with far fewer pairs scored
	 * than the strategies' own lists).  Write up to CAP of them to OUT
	 * and their number, all of them, to *N: if *N > CAP the host asks
	 * again with room for *N.  A pair's score must be at most what B
	 * gains from the terms B holds: for every B != A,
	 *     (s(A->B) + s(B->A)) / 2 <= sum over A's terms t that B holds
	 *                                 of t.gain * B's weight of t,
	 * and neither direction vetoes; a B holding none of them scores 0 at
	 * most.  The same sum for an exact score (a dot product of sparse
	 * vectors: shared tags by rarity, the cosine of TF-IDF vectors) lets
	 * the host stop early; an upper bound only makes it score more.
	 *
	 * Return 0, or -1 if A's partners cannot be bounded so (or out of
	 * memory): the host then asks `candidates`.  Called from several
	 * threads at once, like score.  May be NULL.  A strategy with terms
	 * must also have `candidates`; the host uses terms where every
	 * strategy has candidates, as that member says.
	 */
	int (*terms)(void *state, mingle_attendee a, struct mingle_term *out,
	    size_t cap, size_t *n);
};

/* The entry function every plugin exports under MINGLE_PLUGIN_ENTRY. */
typedef const struct mingle_strategy *(*mingle_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* MINGLE_PLUGIN_H */
