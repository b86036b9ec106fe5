/* chartdata_trend.c - the data of verloop.gp: each owner's shares from meeting to
 * meeting (the Verloop sheet's numbers). */
#include "base/vocab.h"
#include "base/i18n.h"
#include "chart/chartdata.h"
#include "chart/chartdata_int.h"
#include "chart/tsv.h"

/* Stacked from the bottom: done, under way, not started, unknown (cancelled actions
 * are left out of the shares, as on the sheet). */
static const progress_group STACK[] = {PROGRESS_DONE, PROGRESS_UNDER_WAY, PROGRESS_NOT_STARTED,
                                       PROGRESS_UNKNOWN};
static const rr_status STACK_COLOUR[] = {STATUS_DONE, STATUS_IN_PROGRESS, STATUS_PLANNED,
                                         STATUS_UNKNOWN};

/* The owner's name as a panel title: the region beside a municipality's name. */
static void write_owner_name(tsv_file *t, const rr_owner *owner)
{
    gchar *name = owner->region ? g_strdup_printf("%s (%s)", owner->name, owner->region->name)
                                : g_strdup(owner->name);
    tsv_text(t, name, 48);
    tsv_end_row(t);
    g_free(name);
}

/* One pass over the trend writes both files: PREFIX.tsv one block per owner (x, then
 * the upper edge of each stacked share in percent), PREFIX.owners.tsv the owners'
 * names, one per block, for the panel titles. */
static rr_error write_points(const rr_analysis *an, const char *prefix, size_t *owners,
                             double *xmin, double *xmax, diag_list *diags)
{
    tsv_file t, names;
    rr_error err = tsv_open_both(&t, ".tsv", &names, ".owners.tsv", prefix, diags);
    if (err)
        return err;
    const rr_owner *current = NULL;
    for (guint i = 0; i < an->trend->len; i++) {
        const trend_point *p = &g_array_index(an->trend, trend_point, i);
        size_t base = p->total - p->by_group[PROGRESS_CANCELLED];
        if (p->owner != current) {
            if (current)
                tsv_end_block(&t);
            current = p->owner;
            write_owner_name(&names, current);
            ++*owners;
        }
        double x = tsv_date_x(p->date, 0.5), top = 0;
        *xmin = MIN(*xmin, x);
        *xmax = MAX(*xmax, x);
        tsv_num(&t, x);
        for (size_t g = 0; g < G_N_ELEMENTS(STACK); g++) {
            top += base ? 100.0 * (double)p->by_group[STACK[g]] / (double)base : 0;
            tsv_num(&t, g + 1 == G_N_ELEMENTS(STACK) && base ? 100.0 : top);
        }
        tsv_end_row(&t);
    }
    return tsv_close_both(&t, &names);
}

rr_error chartdata_trend(const chartdata_input *in, const char *prefix, size_t *rows)
{
    const rr_analysis *an = in->analysis;
    *rows = 0;
    if (an->trend->len == 0)
        return RR_OK;
    double xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE;
    rr_error err = write_points(an, prefix, rows, &xmin, &xmax, in->notes);
    tsv_file t;
    if (!err && !(err = tsv_open(&t, prefix, ".series.tsv", in->notes))) {
        for (size_t g = 0; g < G_N_ELEMENTS(STACK); g++) {
            tsv_text(&t, vocab_progress_group_label(STACK[g]), 0);
            tsv_colour(&t, vocab_status_colour(STACK_COLOUR[g]));
            tsv_end_row(&t);
        }
        err = tsv_close(&t);
    }
    char *subtitle = chartdata_as_of_subtitle(an);
    if (!err && !(err = chartdata_meta_open(in->notes, &t, prefix,
                                            tr("Verloop per overleg", "Trend by meeting"),
                                            subtitle, "",
                                            tr("% van de acties (zonder vervallen)",
                                               "% of the actions (not cancelled)"),
                                            *rows))) {
        /* a single day still gets an axis of a few weeks */
        tsv_num(&t, xmin - 0.02);
        tsv_num(&t, MAX(xmax, xmin + 0.1) + 0.02);
        tsv_int(&t, (long long)G_N_ELEMENTS(STACK));
        err = tsv_close(&t);
    }
    g_free(subtitle);
    return err;
}
