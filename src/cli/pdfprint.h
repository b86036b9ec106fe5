/*
 * pdfprint.h - workbooks printed to PDF by LibreOffice, as a reader's machine prints
 * them: `soffice --headless --convert-to pdf`, with a profile of its own, in the Dutch
 * locale (en_GB with --lang en) so numbers print as "1.234" and "6,57", with a
 * deadline after which soffice and every helper it started are stopped.
 *
 * Prints its messages through cli/say.h ("regiorapport COMMAND: ...").
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

/* Workbooks per LibreOffice run. soffice reads only about 250 arguments of its command
 * line and drops the rest without a word (it exits 0 having printed the first 247 pages
 * of the national set's 367), so the workbooks go in batches well below that. */
#define PDFPRINT_BATCH 100

/*
 * Prints every workbook in `xlsx_paths` (char*) to "<its base name>.pdf" in `out_dir`,
 * PDFPRINT_BATCH per LibreOffice run. RR_OK when every run exited 0; otherwise
 * RR_ERR_WRITE after one line on stderr that says why (no soffice: which package
 * brings it, and with `xlsx_written` that the workbooks were written; the deadline
 * passed; soffice failed). The caller
 * checks each PDF (pdfprint_is_pdf: LibreOffice can exit 0 without writing one) and
 * cleans up `out_dir`.
 */
rr_error pdfprint_convert(const char *out_dir, GPtrArray *xlsx_paths, bool xlsx_written);

/* pdfprint_convert() with `soffice` already found (the caller said what is missing
 * before it wrote anything). */
rr_error pdfprint_run(const char *soffice, const char *out_dir, GPtrArray *xlsx_paths);

/* The PDF that pdfprint_convert makes of `xlsx` in `folder` (g_free). */
char *pdfprint_pdf_path(const char *folder, const char *xlsx);

/* Whether `path` is a complete PDF (base/pdf.h: header, startxref and %%EOF). */
bool pdfprint_is_pdf(const char *path);

#endif
