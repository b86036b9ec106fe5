/*
 * testutil.h - fixtures for the tests: temporary data trees, running the binary,
 * and finding diagnostics.
 */
#ifndef RR_TESTUTIL_H
#define RR_TESTUTIL_H

#include <check.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analyse/analyse.h"
#include "base/diag.h"
#include "load/model.h"

/* A new empty folder under /tmp; free with tu_rmtree + g_free. */
char *tu_mkdtemp(void);
/* Removes a folder and everything in it. */
void tu_rmtree(const char *dir);
/* Removes a folder from tu_mkdtemp with everything in it, and frees its name. */
void tu_tmpdir_free(char *dir);
/* Writes `content` to dir/rel, creating folders. */
void tu_write(const char *dir, const char *rel, const char *content);
void tu_write_bytes(const char *dir, const char *rel, const void *bytes, size_t size);
/* Deletes dir/rel. */
void tu_remove(const char *dir, const char *rel);

/* Writes the smallest valid tree: one region "regio-a" with one municipality
 * "gemeente-b", one plan each, two actions, one progress report. */
void tu_write_valid_tree(const char *dir);

/* A data folder with the valid tree (tu_write_valid_tree) and an empty output folder,
 * both new under /tmp; tu_dirs_free removes both. */
typedef struct {
    char *data;
    char *out;
} tu_dirs;
tu_dirs tu_valid_dirs(void);
void tu_dirs_free(tu_dirs *dirs);

/* A data folder loaded and checked in the test's own process (load_tree, then
 * rules_check), with the diagnostics as text for failure messages. */
typedef struct {
    rr_model *model;       /* owned */
    diag_list diags;       /* owned */
    char *text;            /* tu_diags_text(&diags), owned */
    rr_analysis *analysis; /* owned; NULL until tu_analysis */
    rr_date as_of, since;
} tu_checked;
/* `since` RR_DATE_NONE: each region's own previous meeting, as the commands do. */
tu_checked *tu_check(const char *dir, rr_date as_of, rr_date since);
/* The analysis of a checked tree, made once (owned by `c`). */
const rr_analysis *tu_analysis(tu_checked *c);
void tu_checked_free(tu_checked *c); /* accepts NULL */

/* A `report` run of the binary: --charts none, into a new folder under /tmp. */
typedef struct {
    char *out_dir;  /* the --out folder; removed by tu_report_free */
    char *path;     /* out_dir/regiorapport-<as_of>.xlsx */
    char *out, *err;
    int status;     /* the exit status */
} tu_report;
/* Runs `report --data data --as-of as_of --lang lang` and the NULL-terminated `extra`
 * arguments (may be NULL); checks nothing, so a test can expect a failure. */
tu_report *tu_report_run(const char *data, const char *as_of, const char *lang,
                         const char *const *extra);
/* The same, failing the test (with its stderr) unless it exits 0. */
tu_report *tu_report_ok(const char *data, const char *as_of, const char *lang);
void tu_report_free(tu_report *r); /* accepts NULL */

/* The regiorapport binary under test: RR_BIN, default ./regiorapport. */
const char *tu_bin(void);

/* Runs the binary with args (NULL terminated, without the program name), calling
 * `setup(data)` in the child before exec when not NULL (a limit, a mount namespace);
 * captures output into out and err (NULL: discarded). Returns the exit status; fails
 * the test when the binary cannot start or dies of a signal. The one way the tests run
 * the binary. */
int tu_run_setup(const char *const *args, GSpawnChildSetupFunc setup, gpointer data,
                 char **out, char **err);

/* tu_run_setup without a setup. */
int tu_run(const char *const *args, char **out, char **err);

/* Runs a helper program: argv[0] is searched in PATH; its output is captured into
 * out and err (NULL: discarded). Returns its exit status, -1 when it did not exit
 * normally; fails the test when it cannot be started. */
int tu_spawn(const char *const *argv, char **out, char **err);

/* Runs a helper program that must exit 0, and fails the test with its standard error
 * otherwise. Returns its standard output (g_free). */
char *tu_spawn_output(const char *const *argv);

/* A tool a test needs (argv: the tool and a harmless use, "soffice --version"): fails
 * the test unless it runs and exits 0. scripts/install-deps installs every tool the
 * tests use, so a missing one is a broken setup, never a reason to pass. */
void tu_need(const char *const *argv);

/* For what a machine may refuse with nothing broken (mounting a tmpfs needs rights a
 * container may not give): records `test` as skipped and why; the caller then returns.
 * check_main.c counts and names every skip at the end of the run (tu_skips_end), so
 * a skipped test never passes unseen. */
void tu_skip(const char *test, const char *why);

/* Before the suites run: where the tests (each in its own process) record skips. */
void tu_skips_begin(void);

/* After they ran: prints the skipped tests to `out` and returns their number. */
size_t tu_skips_end(FILE *out);

/* Calls check() on `rounds` texts, each of up to eight `pieces` glued together in an
 * order drawn from a fixed pseudo-random sequence started at `seed`: the same texts on
 * every run, for parser invariants. */
void tu_random_texts(const char *const *pieces, size_t count, uint32_t seed, int rounds,
                     void (*check)(const char *text));

/* The shipped data folder (RR_DATA, default regions). */
const char *tu_data_dir(void);

/* Today's date here, as the command line reads it once (rr_options.today), for tests
 * that check in-process (rules_check). */
rr_date tu_today(void);

/* The first diagnostic whose path ends in `path_suffix`, at line/column (0 = any),
 * of the severity, whose message contains every key word of `needle` (separated by
 * '|': "'klaar'|status" survives a reworded message); NULL if none. */
const diag *tu_find_diag(const diag_list *diags, const char *path_suffix, long line,
                         long column, diag_severity severity, const char *needle);

/* Whether `text` has every '|'-separated key word of `keywords`. */
bool tu_has_keywords(const char *text, const char *keywords);

/* Whether a command's output has a line reporting `where` ("path:line:column", or a
 * path alone) as an error (DIAG_ERROR: "error:" or "fout:") or a warning ("warning:" or
 * "waarschuwing:") whose message has every key word of `keywords` (as tu_find_diag). */
bool tu_said(const char *output, const char *where, diag_severity severity,
             const char *keywords);
#define tu_assert_said(output, where, severity, keywords)                                   \
    ck_assert_msg(tu_said(output, where, severity, keywords),                               \
                  "expected %s '%s' at %s in:\n%.2000s",                                    \
                  (severity) == DIAG_ERROR ? "an error" : "a warning", keywords, where, output)

/* All diagnostics as text, for failure messages (g_free). */
char *tu_diags_text(const diag_list *diags);

/* Every file and folder below `dir`, recursively: relative path -> its bytes (GBytes;
 * a folder holds the one byte "/"). g_hash_table_unref. */
GHashTable *tu_snapshot(const char *dir);
/* Whether a snapshot's entry holds exactly `text`. */
bool tu_snapshot_is(GHashTable *snapshot, const char *name, const char *text);
/* The folder holds exactly what `before` held, byte for byte: a failed run changed
 * nothing and left no temporary or half-written file. */
void tu_assert_unchanged(GHashTable *before, const char *dir);

#endif
