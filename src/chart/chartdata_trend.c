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

/* The owner's name: the region beside a municipality's name. */
static void write_owner_name(tsv_file *t, const rr_owner *owner)
{
    gchar *name = owner->region ? g_strdup_printf("%s (%s)", owner->name, owner->region->name)
                                : g_strdup(owner->name);
    tsv_text(t, name, 48);
    g_free(name);
}

/* Past this many owners a panel each is unreadable (and slow to draw): the chart shows
 * the regions only and says so; the Verloop sheet has every owner. */
#define TREND_MAX_PANELS 30

/* How many owners the trend holds, and how many of them are regions. */
static void count_owners(const rr_analysis *an, size_t *owners, size_t *regions)
{
    const rr_owner *current = NULL;
    *owners = *regions = 0;
    for (guint i = 0; i < an->trend->len; i++) {
        const rr_owner *o = g_array_index(an->trend, trend_point, i).owner;
        if (o == current)
            continue;
        current = o;
        ++*owners;
        *regions += o->region == NULL;
    }
}

/* The owner's name as a panel title (the region beside a municipality's name), and
 * under it the date of its last report, where its line stops. */
static void write_owner_title(tsv_file *t, const rr_analysis *an, const rr_owner *owner)
{
    write_owner_name(t, owner);
    const owner_summary *o = analysis_owner(an, owner);
    if (o && o->last_update != RR_DATE_NONE) {
        gchar *note = g_strdup_printf(tr("laatste melding %s", "last report %s"),
                                      date_text_nl(o->last_update).text);
        tsv_text(t, note, 0);
        g_free(note);
    } else {
        tsv_text(t, tr("nooit voortgang gemeld", "no progress ever reported"), 0);
    }
    tsv_end_row(t);
}

/* The first of an owner's points [first, end) that counts its last report: where its
 * line stops (past it the shares only repeat themselves). The last point when the
 * owner never reported. */
static guint last_reported_point(const rr_analysis *an, guint first, guint end)
{
    const owner_summary *o = analysis_owner(an, g_array_index(an->trend, trend_point, first).owner);
    for (guint i = first; o && o->last_update != RR_DATE_NONE && i < end; i++)
        if (g_array_index(an->trend, trend_point, i).date >= o->last_update)
            return i;
    return end - 1;
}

/* One row of PREFIX.tsv: x, then the upper edge of each stacked share of `p`. */
static void write_shares(tsv_file *t, double x, const trend_point *p)
{
    size_t base = p->total - p->by_group[PROGRESS_CANCELLED];
    double top = 0;
    tsv_num(t, x);
    for (size_t g = 0; g < G_N_ELEMENTS(STACK); g++) {
        top += base ? 100.0 * (double)p->by_group[STACK[g]] / (double)base : 0;
        tsv_num(t, g + 1 == G_N_ELEMENTS(STACK) && base ? 100.0 : top);
    }
    tsv_end_row(t);
}

/* One owner's block, drawn as steps: the shares counted at a meeting stand over the
 * period that led up to it (a status jumps, it does not ramp), and the block ends at
 * the meeting that counted the owner's last report. */
static void write_owner_block(tsv_file *t, const rr_analysis *an, guint first, guint end,
                              double *xmin, double *xmax)
{
    guint last = last_reported_point(an, first, end);
    for (guint i = first; i <= last; i++) {
        const trend_point *p = &g_array_index(an->trend, trend_point, i);
        double x = tsv_date_x(p->date, 0.5);
        *xmin = MIN(*xmin, x);
        *xmax = MAX(*xmax, x);
        write_shares(t, x, &g_array_index(an->trend, trend_point, i < last ? i + 1 : last));
    }
}

/* Both files: PREFIX.tsv one block per owner (write_owner_block), PREFIX.owners.tsv
 * each owner's panel title and last report, one row per block. */
static rr_error write_points(const rr_analysis *an, const char *prefix, bool regions_only,
                             size_t *owners, double *xmin, double *xmax, diag_list *diags)
{
    tsv_file t, names;
    rr_error err = tsv_open_both(&t, ".tsv", &names, ".owners.tsv", prefix, diags);
    if (err)
        return err;
    for (guint i = 0; i < an->trend->len;) {
        const rr_owner *owner = g_array_index(an->trend, trend_point, i).owner;
        guint end = i;
        while (end < an->trend->len && g_array_index(an->trend, trend_point, end).owner == owner)
            end++;
        if (!(regions_only && owner->region)) {
            if (*owners > 0)
                tsv_end_block(&t);
            write_owner_title(&names, an, owner);
            write_owner_block(&t, an, i, end, xmin, xmax);
            ++*owners;
        }
        i = end;
    }
    return tsv_close_both(&t, &names);
}

rr_error chartdata_trend(const chartdata_input *in, const char *prefix, size_t *rows,
                         char **why_not)
{
    const rr_analysis *an = in->analysis;
    *rows = 0;
    if (an->trend->len == 0)
        return RR_OK;
    size_t owners, regions;
    count_owners(an, &owners, &regions);
    bool regions_only = owners > TREND_MAX_PANELS && regions > 0;
    if (owners > TREND_MAX_PANELS && !regions_only) {
        *why_not = g_strdup_printf(tr("%zu eigenaren zijn te veel panelen voor één grafiek; het "
                                      "tabblad Verloop heeft ze allemaal",
                                      "%zu owners are too many panels for one chart; the "
                                      "Trend sheet has them all"),
                                   owners);
        return RR_OK;
    }
    double xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE;
    rr_error err = write_points(an, prefix, regions_only, rows, &xmin, &xmax, in->notes);
    tsv_file t;
    if (!err && !(err = tsv_open(&t, prefix, ".series.tsv", in->notes))) {
        for (size_t g = 0; g < G_N_ELEMENTS(STACK); g++) {
            tsv_text(&t, vocab_progress_group_label(STACK[g]), 0);
            tsv_colour(&t, vocab_status_colour(STACK_COLOUR[g]));
            tsv_end_row(&t);
        }
        err = tsv_close(&t);
    }
    char *as_of = chartdata_as_of_subtitle(an);
    /* Meeting days not in overleggen.csv are the rhythm's estimates: say so. */
    bool estimated = false;
    for (guint i = 0; i < an->trend->len && !estimated; i++) {
        const trend_point *p = &g_array_index(an->trend, trend_point, i);
        estimated = !p->recorded && !p->is_as_of;
    }
    if (estimated) {
        char *with = g_strdup_printf(tr("%s \xC2\xB7 niet vastgelegde overleggen geschat",
                                        "%s \xC2\xB7 meetings not recorded are estimates"),
                                     as_of);
        g_free(as_of);
        as_of = with;
    }
    char *subtitle = regions_only
                         ? g_strdup_printf(tr("%s · alleen de %zu regio's van %zu eigenaren; "
                                              "allemaal op het tabblad Verloop",
                                              "%s · the %zu regions of %zu owners only; "
                                              "all on the Trend sheet"),
                                           as_of, regions, owners)
                         : g_strdup(as_of);
    g_free(as_of);
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
