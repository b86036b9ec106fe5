/*
 * pdfprint.h - workbooks printed to PDF by LibreOffice, as a reader's machine prints
 * them: `soffice --headless --convert-to pdf`, with a profile of its own, in the Dutch
 * locale (en_GB with --lang en) so numbers print as "1.234" and "6,57", with a
 * deadline after which soffice and every helper it started are stopped.
 *
 * Prints its messages on stderr (this is src/cli/), prefixed "regiorapport COMMAND:".
 */
#ifndef RR_PDFPRINT_H
#define RR_PDFPRINT_H

#include <glib.h>
#include <stdbool.h>

#include "base/error.h"

/* The Debian package that brings `soffice`, named in the message when it is missing. */
#define PDFPRINT_PACKAGE "libreoffice-calc-nogui"

/* How long one LibreOffice run may take for all its workbooks: a cold start takes a
 * few seconds, a page well under one; a hung soffice must not hang the command.
 * $REGIORAPPORT_PDF_TIMEOUT (whole seconds) may shorten it, for a test of a hung one. */
#define PDFPRINT_TIMEOUT_SECONDS 300

/*
 * Prints every workbook in `xlsx_paths` (char*) to "<its base name>.pdf" in `out_dir`
 * with one LibreOffice run. RR_OK when soffice exited 0 and every PDF starts as one;
 * otherwise RR_ERR_WRITE after one line on stderr that says why (no soffice: which
 * package brings it; the deadline passed; a PDF missing). `command` names the command
 * in the messages. PDFs already made stay in `out_dir` for the caller to clean up.
 */
rr_error pdfprint_convert(const char *command, const char *out_dir, GPtrArray *xlsx_paths);

/* The PDF that pdfprint_convert makes of `xlsx` in `folder` (g_free). */
char *pdfprint_pdf_path(const char *folder, const char *xlsx);

/* Whether `path` is a regular file that starts as a PDF. */
bool pdfprint_is_pdf(const char *path);

#endif
