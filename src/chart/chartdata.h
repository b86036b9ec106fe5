/*
 * chartdata.h - the data files behind each chart; used by charts.c only.
 *
 * Each function writes the files that one script in scripts/ reads, all named
 * from one prefix (an absolute path without extension, built by charts.c):
 *
 *   PREFIX.meta.tsv     one row: title, subtitle, x label, y label, rows, then the
 *                       numbers and texts of that chart (listed in the script)
 *   PREFIX.series.tsv   one row per series: legend label [, colours "#RRGGBB"]
 *   PREFIX.tsv          the plotted rows; other PREFIX.*.tsv as the script says
 *
 * Every text, the program's own words included, travels in these files and never
 * in a script or an argument; tsv.h writes them.
 *
 * Each returns RR_ERR_WRITE (with an error in in->notes) when a file cannot be
 * written, else RR_OK with *rows the number of plotted rows. With *rows 0 nothing
 * is written: the chart has no data.
 */
#ifndef RR_CHARTDATA_H
#define RR_CHARTDATA_H

#include <stddef.h>

#include "analyse/analyse.h"
#include "base/diag.h"
#include "load/model.h"
#include "base/error.h"

typedef struct {
    const rr_model *model;
    const rr_analysis *analysis;
    diag_list *notes;
} chartdata_input;

/* Actions per status per owner (status.gp); with `region` only that region and its
 * municipalities (NULL: every owner). */
rr_error chartdata_status(const chartdata_input *in, const rr_owner *region, const char *prefix,
                          size_t *rows);

/* Every plan's term, extensions, midpoint and evaluation (tijdlijn.gp); with `region`
 * only the plans of that region and its municipalities (NULL: every plan). A plan with
 * neither start nor end is left out with a note on `chart_path`. */
rr_error chartdata_timeline(const chartdata_input *in, const rr_owner *region, const char *prefix,
                            const char *chart_path, size_t *rows);

/* How many plans the timeline of `region` (NULL: every plan) draws. */
size_t chartdata_timeline_plans(const chartdata_input *in, const rr_owner *region);

/* One owner's actions that have a deadline (acties.gp); the subtitle says how many of
 * the owner's actions that is when not all. One action, or actions that all show the
 * same (planning, deadline, status, signal), get no chart: *rows 0 and *why_not the
 * one line that says it instead (g_free; NULL when there was simply nothing). */
rr_error chartdata_deadlines(const chartdata_input *in, const rr_owner *owner,
                             const char *prefix, size_t *rows, char **why_not);

/* One indicator per year per owner, absolute and per 1,000 (cijfers.gp); regions and
 * municipalities in separate absolute panels (a region's thousands would flatten a
 * municipality's hundreds). A single figure gets no chart: *rows 0 and *why_not the
 * figure in words (g_free; NULL when there was simply nothing). */
rr_error chartdata_figures(const chartdata_input *in, const rr_indicator *indicator,
                           const char *prefix, size_t *rows, char **why_not);

/* How many owners have a figure of the indicator known on the report date. */
size_t chartdata_figure_owners(const chartdata_input *in, const rr_indicator *indicator);

/* An indicator of many owners as its median and spread per year (cijfers-spread.gp):
 * lowest, quartiles and highest of the municipalities and of the regions, each a
 * panel, per 1,000 inhabitants where populations are known. *rows is the number of
 * panels. */
rr_error chartdata_figure_spread(const chartdata_input *in, const rr_indicator *indicator,
                                 const char *prefix, size_t *rows);

/* Each owner's shares done / under way / not started / unknown at every meeting day
 * of the trend (verloop.gp): blocks per owner in PREFIX.tsv, names in
 * PREFIX.owners.tsv. *rows is the number of owners drawn. Past 30 owners only the
 * regions are drawn (the subtitle says so), or, without regions in the trend, no
 * chart: *rows 0 and *why_not (g_free) says why. */
rr_error chartdata_trend(const chartdata_input *in, const char *prefix, size_t *rows,
                         char **why_not);

/* PREFIX.source.tsv, the two lines every script prints in its chart's corner: where
 * its data came from ("Bron: acties.csv en voortgang", "in regions/, stand per
 * 31-01-2023"; a long folder shortened in the middle). `files` names the data files;
 * `owner` (may be NULL) narrows the folder to that owner's. */
rr_error chartdata_source(const chartdata_input *in, const char *prefix, const char *files,
                          const rr_owner *owner);

/* Budget per owner, year and action line (begroting.gp); with `region` only that
 * region's and its municipalities' (NULL: every owner's). */
rr_error chartdata_budget(const chartdata_input *in, const rr_owner *region, const char *prefix,
                          size_t *rows);

/* How many owners have a budget in the chart of `region` (NULL: every owner). The
 * analysis lists the budget owner by owner, so each is counted once. */
size_t chartdata_budget_owners(const chartdata_input *in, const rr_owner *region);

#endif
