/*
 * infile.h - the one way to open an input file.
 *
 * Every reader of the tool (the CSV files, the returned forms, `template`'s look at a
 * form already in --out) opens its file here, so that each gets the same guarantees:
 *
 * - Only a regular file is read. A folder, a named pipe (FIFO), a socket, a device, a
 *   link that leads nowhere or round in a loop is refused with an error at its path
 *   that says what it is, in the user's language. A FIFO named like a form would
 *   otherwise block the run for ever, and /dev/zero would never end.
 * - The open never blocks: O_NONBLOCK, and fstat() on the descriptor decides, so even
 *   a FIFO put in place between a look at the name and the open cannot hang.
 * - A size cap, checked while reading (a file that grows is cut off, not trusted).
 * - System errors in Dutch or English (i18n_strerror), never the C library's English
 *   inside a Dutch sentence.
 */
#ifndef RR_INFILE_H
#define RR_INFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/error.h"

/*
 * Opens `path` for reading if it is a regular file (links followed). Returns the
 * descriptor (O_RDONLY | O_NONBLOCK | O_CLOEXEC; the caller closes it) or -1 after
 * adding an error at `path` to `diags` that says what the path is instead. `fix` ends
 * that message with what to do, in the current language ("zet hier het CSV-bestand
 * neer, of geef dit een andere naam": pass tr(...)).
 */
int infile_open(const char *path, const char *fix, diag_list *diags);

typedef enum {
    INFILE_OK,      /* *bytes holds the whole file */
    INFILE_FAILED,  /* not opened or not read: an error is in diags */
    INFILE_TOO_BIG, /* larger than max_bytes: nothing reported, the caller says why */
} infile_status;

/*
 * Reads all of `path` (through infile_open) into *bytes (NUL-terminated, g_free; NULL
 * unless INFILE_OK) and *size, reading at most `max_bytes`.
 */
infile_status infile_read(const char *path, size_t max_bytes, const char *fix, char **bytes,
                          size_t *size, diag_list *diags);

#endif
