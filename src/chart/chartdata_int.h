/*
 * chartdata_int.h - what chartdata.c and chartdata_amounts.c share; not for other
 * modules (they use chartdata.h).
 */
#ifndef RR_CHARTDATA_INT_H
#define RR_CHARTDATA_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "analyse/analyse.h"
#include "chart/tsv.h"
#include "base/error.h"

/* Labels longer than this are cut with "…" so they leave room for the plot. */
#define LABEL_MAX 60

/* Opens PREFIX.meta.tsv and writes the five fields every script reads first: title,
 * subtitle, x label, y label, rows. The row stays open for the chart's own fields;
 * close with tsv_close(). */
rr_error chartdata_meta_open(diag_list *diags, tsv_file *t, const char *prefix, const char *title,
                             const char *subtitle, const char *xlabel, const char *ylabel,
                             size_t rows);

/* "stand per 14-02-2024": the date every chart is drawn for (g_free). */
char *chartdata_as_of_subtitle(const rr_analysis *an);

/* The region an owner belongs to (itself for a region). */
const rr_owner *chartdata_owner_region(const rr_owner *owner);

/* Whether `owner` is drawn in a chart of `region` (NULL: every owner's chart). */
bool chartdata_in_region(const rr_owner *owner, const rr_owner *region);

#endif
