/*
 * fuzz.h -- what the libFuzzer harnesses in tests/fuzz share.
 *
 * Each harness (fuzz_csv.c, fuzz_config.c, fuzz_lua.c,
 * fuzz_plugin_options.c) defines libFuzzer's two entry points.  `make fuzz`
 * links one with clang's libFuzzer; the normal build links the same file
 * with replay.c's main() as tests/fuzz/replay_HARNESS, which
 * tests/fuzz/replay.sh runs over the seed corpus and the regressions (see
 * docs/fuzzing.md).  So the harnesses compile with gcc and clang alike.
 *
 * A harness keeps no state from one input to the next beyond fixtures it
 * builds in LLVMFuzzerInitialize and never changes, and frees everything an
 * input allocated before it returns: libFuzzer's leak check runs between
 * inputs.
 */
#ifndef MINGLE_FUZZ_H
#define MINGLE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "attendees.h"
#include "config.h"
#include "csv.h"
#include "strategy.h"

/* libFuzzer's entry points; every harness defines both. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * fuzz_file.c: a file in memory holding LEN bytes of DATA, for code that
 * reads a path.  SLOT (0 to FUZZ_FILE_SLOTS - 1) names the file: each slot
 * is created once and rewritten by every call.  Returns its path
 * ("/proc/self/fd/N"), which lives as long as the process; exits with a
 * message if the file cannot be made.
 */
#define FUZZ_FILE_SLOTS	4
const char *fuzz_file(unsigned slot, const void *data, size_t len);

/*
 * fuzz_event.c: a small fixed event for the harnesses that score.
 *
 * fuzz_event_ini is the head of a config for it: [input] and [field]
 * sections of every type (topics, languages, city, company, age,
 * first_barcamp, work_email), named as the shipped Lua scripts expect
 * them.  A harness appends its [strategy] sections.
 */
extern const char fuzz_event_ini[];

struct fuzz_event {
	struct mingle_config *config;
	struct csv_table csv;
	struct attendee_table t;
};

/*
 * Load the config INI (LEN bytes, written to file slot 0) and build the
 * event's attendee table with it.  Returns 0, or -1 with *cause set and
 * nothing left to free.
 */
int fuzz_event_open(struct fuzz_event *ev, const char *ini, size_t len,
    char **cause);
void fuzz_event_close(struct fuzz_event *ev);

/*
 * Run the engine with the N strategies in LIST over the event: the whole
 * pair loop, then a few pairs scored singly with their reasons, as
 * `mingle explain` does.  Errors are the strategies' to report; they are
 * dropped.
 */
void fuzz_event_score(struct fuzz_event *ev, struct strategy *list,
    size_t n);

#endif
