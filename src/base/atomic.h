/*
 * atomic.h - outputs that appear whole or not at all: the one way every command
 * writes a file or a folder (workbook, update form, chart folder).
 *
 * An output is built under an unpredictable temporary name in the folder of its
 * destination (".NAME.XXXXXX", made with mkstemp or mkdtemp, so nobody can guess it
 * and a crash leaves a dot file that no loader reads). atomic_commit() then puts a
 * group of outputs in place together: every file is fsync'ed, each output is swapped
 * with what is at its destination (renameat2 RENAME_EXCHANGE, so a folder replaces a
 * non-empty folder in one step), the folders are fsync'ed, and only then are the
 * previous versions removed. When one swap fails, the swaps already done are swapped
 * back: the group lands whole or not at all (see docs/architecture.md, "Output").
 *
 * Where the file system cannot exchange (EINVAL), a previous file is kept by a hard
 * link and a previous folder is renamed aside first; for that folder there is then a
 * moment in which its name is missing.
 *
 * Files another program wrote (LibreOffice's PDFs) are adopted into a group
 * (atomic_file_adopt), after a check that they are complete, so that a handout and
 * its PDFs land as one unit too. A folder filled by the caller (`nieuw`) is an
 * ATOMIC_FOLDER whose commit, with create_only, never replaces anything.
 *
 * Every temporary file and folder, also a scratch folder (atomic_scratch_folder), is
 * on a list that the signal handler removes (interrupt.h): SIGINT, SIGTERM or SIGHUP
 * leave none behind. atomic_commit() holds those signals, so a group is never half
 * committed: a signal during it is handled after it, and then only the previous
 * versions are removed.
 *
 * Every failure is an error diagnostic (DIAG_ERROR) at the destination's path, line
 * 0, in the current language; nothing is printed here.
 *
 * Ownership: an atomic_out owns its two paths; atomic_discard() frees them and
 * removes whatever temporary file or folder is left (the new version after a failure,
 * the previous one after a commit). Call it once for every atomic_out that was
 * started successfully.
 */
#ifndef RR_ATOMIC_H
#define RR_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/error.h"

typedef enum { ATOMIC_FILE, ATOMIC_FOLDER } atomic_kind;

/* What an adopted file must be. */
typedef enum {
    ATOMIC_ANY, /* any regular file */
    ATOMIC_PDF  /* a complete PDF (pdf_is_complete) */
} atomic_check;

typedef struct {
    atomic_kind kind;
    char *final_path; /* the destination (owned) */
    char *tmp_path;   /* the new version; after a commit, the previous one if any (owned) */
    bool had_previous; /* set by atomic_commit: something was at final_path */
    bool create_only;  /* set by the caller: the commit fails when final_path exists */
} atomic_out;

/* Creates an empty temporary file beside final_path. With fd non-NULL it stays open
 * for writing and *fd is its descriptor (the caller closes it); otherwise it is closed
 * and another writer (libxlsxwriter) fills it by its path. RR_ERR_WRITE with a
 * diagnostic when it cannot. */
rr_error atomic_file_start(atomic_out *out, const char *final_path, int *fd, diag_list *diags);

/* A file of `size` bytes, written and closed: atomic_file_start plus the writing.
 * RR_ERR_WRITE with a diagnostic (and nothing left behind) when it cannot. */
rr_error atomic_file_bytes(atomic_out *out, const char *final_path, const char *bytes,
                           size_t size, diag_list *diags);

/* Creates an empty temporary folder (mode 0755) beside final_path, creating the parent
 * folders when missing. RR_ERR_WRITE with a diagnostic when it cannot. */
rr_error atomic_folder_start(atomic_out *out, const char *final_path, diag_list *diags);

/* Adopts the file another program wrote at `written` as the new version of
 * final_path: it must be a regular file (not a link) that passes `check`; it is moved
 * to a temporary name beside final_path (renamed; copied when on another file
 * system). RR_ERR_WRITE with a diagnostic at final_path when it is missing, not a
 * regular file, incomplete or cannot be moved; `written` is left as it was then. */
rr_error atomic_file_adopt(atomic_out *out, const char *written, const char *final_path,
                           atomic_check check, diag_list *diags);

/* Puts the n outputs in place together (in order), or none of them: see above.
 * A destination of the other kind (a file where a folder goes, a folder where a
 * file goes) is an error before anything is changed. */
rr_error atomic_commit(atomic_out *const *outs, size_t n, diag_list *diags);

/* Removes what is left at tmp_path (recursively for a folder) and frees the paths.
 * Safe on a zeroed atomic_out. */
void atomic_discard(atomic_out *out);

/* Removes `path` and everything below it, without following links; for cleaning up
 * temporary folders. Best effort. */
void atomic_remove_tree(const char *path);

/* A scratch folder that is no output (LibreOffice's profile, the PDFs before they are
 * adopted): made by mkdtemp from `template` (ending in XXXXXX), on the list the signal
 * handler removes. NULL with errno when it cannot be made. Remove it with
 * atomic_scratch_remove(), which also frees the string. */
char *atomic_scratch_folder(const char *template);
void atomic_scratch_remove(char *path);

/* Creates the folder `path` (and its parents) when missing, for outputs to be
 * committed into. *made is then its path (else NULL): until
 * atomic_made_folder_release(), a signal removes it when it is still empty, and the
 * release removes it (when empty) unless `keep` -- a failed run leaves no new empty
 * folder. RR_ERR_WRITE with a diagnostic when it cannot be made. */
rr_error atomic_make_folder(const char *path, char **made, diag_list *diags);
void atomic_made_folder_release(char *made, bool keep);

/* Whether any atomic_commit() of this run has put something in place: after that an
 * error is no longer "nothing was replaced" (exit 3). */
bool atomic_anything_committed(void);

/* For the signal handler (interrupt.c): removes every temporary file and folder still
 * on the list. Async-signal-safe. */
void atomic_remove_temporaries(void);

#endif
