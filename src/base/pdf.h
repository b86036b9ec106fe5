/*
 * pdf.h - the two things regiorapport checks and changes in a PDF another program
 * wrote (gnuplot's charts, LibreOffice's handouts): whether it is complete, and its
 * time stamps and identifiers, so that the same input gives the same bytes.
 */
#ifndef RR_PDF_H
#define RR_PDF_H

#include <stdbool.h>
#include <time.h>

/* Whether `path` is a regular file that starts with "%PDF-" and ends with its
 * trailer: "startxref", the offset, and "%%EOF" in the last 1,024 bytes (where
 * readers look for it), only white space after it. A PDF cut off by a full disk or
 * a killed writer fails. */
bool pdf_is_complete(const char *path);

/* Rewrites, in place and byte for byte of the same length (so the cross-reference
 * offsets stay right), what makes two PDFs of the same content differ: the digits of
 * every /CreationDate and /ModDate become `when` in UTC, and the hex digits of /ID and
 * LibreOffice's /DocChecksum become a SHA-256 digest of the file with them cleared.
 * Returns 0, or an errno value when the file cannot be read or written. */
int pdf_set_time(const char *path, time_t when);

#endif
