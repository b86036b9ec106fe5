/*
 * stamp.h - the one time written into every output as its creation time (a workbook's
 * document properties, a PDF's CreationDate), so that the same input gives the same
 * bytes (docs/architecture.md, "Output").
 *
 * It is $SOURCE_DATE_EPOCH when that is set (the reproducible-builds convention:
 * seconds since 1970-01-01 00:00 UTC, digits only), else the report date (--as-of)
 * at 00:00 UTC. The clock is never read for it: two runs on
 * the same data, --as-of and version write the same files.
 */
#ifndef RR_STAMP_H
#define RR_STAMP_H

#include <stdbool.h>
#include <time.h>

/* $SOURCE_DATE_EPOCH: true with *epoch set when it is set and valid, true with
 * *is_set false when it is not set, false when it is set but no number of seconds
 * (digits only, at most 253402300799: the end of the year 9999) -- a usage error. */
bool stamp_source_date_epoch(time_t *epoch, bool *is_set);

/* The creation time for outputs of the report date year-month-day (see above). */
time_t stamp_document_time(int year, int month, int day);

#endif
