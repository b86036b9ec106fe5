/* chartdata.c - what the status, timeline and deadline charts show: the rows, legends
 * and words their scripts read (figures and budget: chartdata_amounts.c). */
#include "chart/chartdata.h"

#include <math.h>
#include <string.h>

#include "chart/chartdata_int.h"
#include "chart/tsv.h"
#include "base/i18n.h"
#include "base/vocab.h"
#include "load/period.h"

/* Labels longer than this are cut with "…" so they leave room for the plot. */
#define PLAN_TITLE_MAX 64
#define ACTION_LABEL_MAX 56
/* Vertical space between the groups of one region and the next, in rows. */
#define GROUP_GAP 0.6

/* ---- shared ------------------------------------------------------------------ */

rr_error chartdata_meta_open(diag_list *diags, tsv_file *t, const char *prefix, const char *title,
                             const char *subtitle, const char *xlabel, const char *ylabel,
                             size_t rows)
{
    rr_error err = tsv_open(t, prefix, ".meta.tsv", diags);
    if (err)
        return err;
    tsv_text(t, title, 0);
    tsv_text(t, subtitle, 0);
    tsv_text(t, xlabel, 0);
    tsv_text(t, ylabel, 0);
    tsv_int(t, (long long)rows);
    return RR_OK;
}

/* The data folder the model was read from: the parent of a region's folder. */
static char *data_folder(const rr_model *model)
{
    for (guint i = 0; i < model->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(model->owners, i);
        if (o->kind == OWNER_REGION && o->dir)
            return g_path_get_dirname(o->dir);
    }
    return g_strdup(".");
}

rr_error chartdata_source(const chartdata_input *in, const char *prefix, const char *files,
                          const rr_owner *owner)
{
    char *folder = owner && owner->dir ? g_strdup(owner->dir) : data_folder(in->model);
    char *as_of = chartdata_as_of_subtitle(in->analysis);
    /* Two short lines: in the corner they stay clear of the centred title. */
    gchar *what = g_strdup_printf(tr("Bron: %s", "Source: %s"), files);
    gchar *where = g_strdup_printf(tr("in %s/, %s", "in %s/, %s"), folder, as_of);
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".source.tsv", in->notes);
    if (!err) {
        tsv_text(&t, what, 0);
        tsv_text_middle(&t, where, 90);
        tsv_end_row(&t);
        err = tsv_close(&t);
    }
    g_free(what);
    g_free(where);
    g_free(as_of);
    g_free(folder);
    return err;
}

/* ---- coordinates ---------------------------------------------------------------- */

typedef struct {
    double lo;
    double hi;
} x_range;

/* Widens the range to take x in (NaN: nothing known, nothing to take). */
static void range_add(x_range *r, double x)
{
    if (!isfinite(x))
        return;
    if (x < r->lo)
        r->lo = x;
    if (x > r->hi)
        r->hi = x;
}

/* Widens the range to whole years (at least one), so that the ticks fall on its ends. */
static void range_to_years(x_range *r)
{
    if (!isfinite(r->lo) || !isfinite(r->hi)) {
        r->lo = 2000;
        r->hi = 2001;
    }
    double lo = (double)(long)r->lo;
    double hi = (double)(long)r->hi;
    if (hi < r->hi)
        hi += 1;
    if (hi <= lo)
        hi = lo + 1;
    r->lo = lo;
    r->hi = hi;
}

char *chartdata_as_of_subtitle(const rr_analysis *an)
{
    char date[16];
    date_format_nl(an->as_of, date, sizeof date);
    return g_strdup_printf(tr("stand per %s", "as of %s"), date);
}

/* "peildatum 14-02-2024": the legend entry of the line at as_of. */
static char *as_of_label(const rr_analysis *an)
{
    char date[16];
    date_format_nl(an->as_of, date, sizeof date);
    return g_strdup_printf(tr("peildatum %s", "report date %s"), date);
}

/* Month abbreviations for a time axis, as one field the scripts split with word(). */
static const char *month_names(void)
{
    return tr("jan feb mrt apr mei jun jul aug sep okt nov dec",
              "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");
}

const rr_owner *chartdata_owner_region(const rr_owner *owner)
{
    return owner->kind == OWNER_REGION || !owner->region ? owner : owner->region;
}

bool chartdata_in_region(const rr_owner *owner, const rr_owner *region)
{
    return !region || chartdata_owner_region(owner) == region;
}

/* Black or white, whichever reads better on `rgb`. */
static uint32_t contrast_colour(uint32_t rgb)
{
    double luma = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    return luma > 150 ? 0x1F1F1F : 0xFFFFFF;
}

/* ---- status --------------------------------------------------------------------- */

/* One row per owner with actions: y, then from/to/count per status used. */
static rr_error write_status_rows(diag_list *diags, const rr_analysis *an, const char *prefix,
                                  const rr_owner *only, const rr_status *used, size_t n_used,
                                  double *ymin)
{
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".tsv", diags);
    if (err)
        return err;
    double y = 0;
    const rr_owner *region = NULL;
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->actions == 0 || (only && chartdata_owner_region(o->owner) != only))
            continue;
        if (region && chartdata_owner_region(o->owner) != region)
            y -= GROUP_GAP;
        region = chartdata_owner_region(o->owner);
        /* A region's bar counts its own actions, not its municipalities': said in its
         * label, or it reads as the subtotal of the bars below it. */
        char *name = o->owner->kind == OWNER_REGION
            ? g_strdup_printf(tr("%s (regio, eigen acties)", "%s (region, own actions)"),
                              o->owner->name)
            : g_strdup(o->owner->name);
        tsv_text(&t, name, LABEL_MAX);
        g_free(name);
        tsv_num(&t, y);
        tsv_int(&t, (long long)o->actions);
        size_t sum = 0;
        for (size_t k = 0; k < n_used; k++) {
            size_t count = o->by_status[used[k]];
            tsv_num(&t, count ? (double)sum : NAN);
            tsv_num(&t, count ? (double)(sum + count) : NAN);
            tsv_num(&t, count ? (double)count : NAN);
            sum += count;
        }
        tsv_end_row(&t);
        *ymin = y;
        y -= 1;
    }
    return tsv_close(&t);
}

rr_error chartdata_status(const chartdata_input *in, const rr_owner *region, const char *prefix,
                          size_t *rows)
{
    const rr_analysis *an = in->analysis;
    size_t per_status[STATUS_COUNT] = {0};
    size_t max_total = 0;
    *rows = 0;
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->actions == 0 || (region && chartdata_owner_region(o->owner) != region))
            continue;
        ++*rows;
        max_total = MAX(max_total, o->actions);
        for (int s = 0; s < STATUS_COUNT; s++)
            per_status[s] += o->by_status[s];
    }
    if (*rows == 0)
        return RR_OK;

    /* Only statuses that occur get a stack segment and a legend entry. */
    rr_status used[STATUS_COUNT];
    size_t n_used = 0;
    for (int k = 0; k < STATUS_COUNT; k++)
        if (per_status[vocab_status_at(k)])
            used[n_used++] = vocab_status_at(k);

    double ymin = 0;
    rr_error err = write_status_rows(in->notes, an, prefix, region, used, n_used, &ymin);
    tsv_file t;
    if (!err && !(err = tsv_open(&t, prefix, ".series.tsv", in->notes))) {
        for (size_t k = 0; k < n_used; k++) {
            tsv_text(&t, vocab_status_label(used[k]), 0);
            tsv_colour(&t, vocab_status_colour(used[k]));
            tsv_colour(&t, contrast_colour(vocab_status_colour(used[k])));
            tsv_end_row(&t);
        }
        err = tsv_close(&t);
    }
    char *subtitle = chartdata_as_of_subtitle(an);
    gchar *title = region ? g_strdup_printf(tr("Acties per status – %s", "Actions by status – %s"),
                                            region->name)
                          : g_strdup(tr("Acties per status", "Actions by status"));
    if (!err && !(err = chartdata_meta_open(in->notes, &t, prefix, title, subtitle,
                                            tr("aantal acties", "number of actions"), "",
                                            *rows))) {
        tsv_num(&t, ymin);
        tsv_int(&t, (long long)max_total);
        tsv_int(&t, (long long)n_used);
        err = tsv_close(&t);
    }
    g_free(title);
    g_free(subtitle);
    return err;
}

/* ---- timeline of plans ---------------------------------------------------------- */

/* A plan can be drawn when at least its start or its end is known. */
static bool plan_drawable(const plan_view *pv)
{
    return pv->start != RR_DATE_NONE || pv->original_end != RR_DATE_NONE;
}

/* The files of the timeline, written side by side as the plans are walked. */
typedef struct {
    tsv_file plans;   /* owner, y, bar from, bar to, open from, open-start to, mid, eval,
                         title, mid y, eval y, past parent from, to */
    tsv_file ext;     /* y, from, to, number */
    tsv_file groups;  /* y, region name, separator y */
    x_range range;
    double y;
    size_t rows;
    size_t extensions;
    size_t past_parent;   /* local plans running past their regional plan */
    const rr_owner *region;
} timeline_files;

/* Writes the region's header row when the plans move on to another region. */
static void timeline_group(timeline_files *f, const rr_owner *region)
{
    if (region == f->region)
        return;
    double separator = NAN;
    if (f->region) {
        f->y -= GROUP_GAP;
        separator = f->y + 0.5 + GROUP_GAP / 2;
    }
    tsv_num(&f->groups, f->y);
    tsv_text(&f->groups, region->name, LABEL_MAX);
    tsv_num(&f->groups, separator);
    tsv_end_row(&f->groups);
    f->region = region;
    f->y -= 1;
}

/* Markers nearer than this (in years) would cover each other on one row: about
 * the width of a marker on a timeline of seven years, 1600 pixels wide. */
#define MARKER_CLASH_YEARS 0.12
/* How far a clashing marker moves up or down its row (bars are 0.6 high). */
#define MARKER_SHIFT 0.17

/* A plan's title short enough for its label (g_free): a title too long loses a
 * closing "(...)" first, which explains rather than names the plan ("Regiovisie Samen
 * Veilig 2019-2022 (regionale aanpak ...)"), then its middle: its start and its years
 * tell plans apart. */
static char *plan_label(const char *title)
{
    char *label = tsv_label(title, 0);
    size_t len = strlen(label);
    char *open = strrchr(label, '(');
    if (g_utf8_strlen(label, -1) > PLAN_TITLE_MAX && open && open > label && len > 0 &&
        label[len - 1] == ')') {
        *open = '\0';
        g_strchomp(label);
    }
    char *shortened = tsv_label_middle(label, PLAN_TITLE_MAX);
    g_free(label);
    return shortened;
}

/* Writes one plan's row and its extensions, one segment per extension. */
static void timeline_plan(timeline_files *f, const plan_view *pv)
{
    double start = tsv_date_x(pv->start, 0), end = tsv_date_x(pv->original_end, 1);
    double mid = tsv_date_x(pv->midpoint, 0.5), eval = tsv_date_x(pv->evaluation, 0.5);
    bool both = isfinite(start) && isfinite(end);
    /* An evaluation on the midpoint would hide it: the two go above and below. */
    bool clash = isfinite(mid) && isfinite(eval) && fabs(mid - eval) < MARKER_CLASH_YEARS;
    /* The part of a local plan after its regional plan's end is marked. */
    double past_from = NAN, past_to = NAN;
    if (pv->runs_past_parent) {
        past_from = tsv_date_x(calendar_plan_effective_end(pv->plan->parent), 1);
        past_to = tsv_date_x(pv->effective_end, 1);
    }
    tsv_text(&f->plans, pv->plan->owner->name, LABEL_MAX);
    tsv_num(&f->plans, f->y);
    tsv_num(&f->plans, both ? start : NAN);
    tsv_num(&f->plans, both ? end : NAN);
    tsv_num(&f->plans, isfinite(end) ? NAN : start);
    tsv_num(&f->plans, isfinite(start) ? NAN : end);
    tsv_num(&f->plans, mid);
    tsv_num(&f->plans, eval);
    /* A draft says so before its title, which the label may shorten in its middle. */
    const rr_plan *p = pv->plan;
    gchar *named = p->draft ? g_strdup_printf(tr("concept: %s", "draft: %s"), p->title)
                            : g_strdup(p->title);
    char *title = plan_label(named);
    tsv_text(&f->plans, title, 0);
    g_free(title);
    g_free(named);
    tsv_num(&f->plans, clash ? f->y - MARKER_SHIFT : f->y);
    tsv_num(&f->plans, clash ? f->y + MARKER_SHIFT : f->y);
    tsv_num(&f->plans, past_from);
    tsv_num(&f->plans, past_to);
    tsv_end_row(&f->plans);
    range_add(&f->range, start);
    range_add(&f->range, end);
    /* An open end or start is drawn as a dashed line of at least a year. */
    range_add(&f->range, isfinite(end) ? end : start + 1);
    range_add(&f->range, isfinite(start) ? start : end - 1);
    range_add(&f->range, mid);
    range_add(&f->range, eval);
    range_add(&f->range, past_to);
    f->past_parent += pv->runs_past_parent;

    rr_date previous = pv->original_end;
    for (guint i = 0; i < pv->plan->extensions->len; i++) {
        const rr_extension *e = g_ptr_array_index(pv->plan->extensions, i);
        if (!e->new_end.valid || e->new_end.value.kind != PERIOD_SPAN)
            continue;
        rr_date next = e->new_end.value.last;
        if (previous != RR_DATE_NONE && next > previous) {
            tsv_num(&f->ext, f->y);
            tsv_num(&f->ext, tsv_date_x(previous, 1));
            tsv_num(&f->ext, tsv_date_x(next, 1));
            tsv_int(&f->ext, (long long)i + 1);
            tsv_end_row(&f->ext);
            range_add(&f->range, tsv_date_x(next, 1));
            f->extensions++;
        }
        previous = next;
    }
    f->rows++;
    f->y -= 1;
}

/* Walks the plans region by region: the region's own, then its municipalities'; with
 * `region` only that one. */
static void timeline_walk(const chartdata_input *in, const rr_owner *region, timeline_files *f,
                          const char *chart_path)
{
    const rr_analysis *an = in->analysis;
    for (guint o = 0; o < in->model->owners->len; o++) {
        const rr_owner *owner = g_ptr_array_index(in->model->owners, o);
        if (!chartdata_in_region(owner, region))
            continue;
        for (size_t i = 0; i < an->plan_count; i++) {
            const plan_view *pv = &an->plans[i];
            if (pv->plan->owner != owner)
                continue;
            if (!plan_drawable(pv)) {
                diag_add(in->notes, DIAG_WARNING, chart_path, 0, 0,
                         tr("plan '%s/%s' staat niet in de tijdlijn: start en einde onbekend",
                            "plan '%s/%s' is not in the timeline: start and end unknown"),
                         owner->id, pv->plan->id);
                continue;
            }
            timeline_group(f, chartdata_owner_region(owner));
            timeline_plan(f, pv);
        }
    }
}

/* The meta row of the timeline: ranges, the as-of line and the legend's words. */
static rr_error timeline_meta(const chartdata_input *in, const char *prefix,
                              const timeline_files *f)
{
    tsv_file t;
    char *subtitle = chartdata_as_of_subtitle(in->analysis);
    rr_error err =
        chartdata_meta_open(in->notes, &t, prefix, tr("Looptijden van plannen", "Plan timelines"),
                            subtitle, "", "", f->rows);
    g_free(subtitle);
    if (err)
        return err;
    char *as_of = as_of_label(in->analysis);
    tsv_num(&t, f->range.lo);
    tsv_num(&t, f->range.hi);
    tsv_num(&t, f->y + 0.5);
    tsv_num(&t, tsv_date_x(in->analysis->as_of, 0.5));
    tsv_text(&t, as_of, 0);
    tsv_text(&t, tr("oorspronkelijke looptijd", "original term"), 0);
    tsv_text(&t, tr("verlenging", "extension"), 0);
    tsv_text(&t, tr("einde onbekend", "end unknown"), 0);
    tsv_text(&t, tr("start onbekend", "start unknown"), 0);
    tsv_text(&t, tr("midden looptijd", "midpoint"), 0);
    tsv_text(&t, tr("geplande evaluatie", "planned evaluation"), 0);
    tsv_text(&t, month_names(), 0);
    /* Then whether any plan runs past its regional plan: a row never ends in an empty
     * field, which gnuplot does not read as empty (it gave the legend "-405.9"). */
    tsv_text(&t, tr("na einde regioplan", "after the regional plan ends"), 0);
    tsv_int(&t, f->past_parent > 0);
    g_free(as_of);
    return tsv_close(&t);
}

size_t chartdata_timeline_plans(const chartdata_input *in, const rr_owner *region)
{
    const rr_analysis *an = in->analysis;
    size_t n = 0;
    for (size_t i = 0; i < an->plan_count; i++)
        n += plan_drawable(&an->plans[i]) && chartdata_in_region(an->plans[i].plan->owner, region);
    return n;
}

rr_error chartdata_timeline(const chartdata_input *in, const rr_owner *region, const char *prefix,
                            const char *chart_path, size_t *rows)
{
    const rr_analysis *an = in->analysis;
    *rows = chartdata_timeline_plans(in, region);
    if (*rows == 0)
        return RR_OK;

    timeline_files f = {.range = {INFINITY, -INFINITY}};
    rr_error err = tsv_open(&f.plans, prefix, ".tsv", in->notes);
    if (!err)
        err = tsv_open(&f.ext, prefix, ".ext.tsv", in->notes);
    if (!err)
        err = tsv_open(&f.groups, prefix, ".groups.tsv", in->notes);
    if (!err) {
        range_add(&f.range, tsv_date_x(an->as_of, 0.5));
        timeline_walk(in, region, &f, chart_path);
        range_to_years(&f.range);
        if (f.extensions == 0) {
            /* A file without rows is an error to gnuplot: give it one it skips. */
            for (int k = 0; k < 4; k++)
                tsv_num(&f.ext, NAN);
        }
    }
    /* Close whatever was opened, keeping the first error. */
    tsv_file *files[] = {&f.plans, &f.ext, &f.groups};
    for (size_t k = 0; k < G_N_ELEMENTS(files); k++) {
        rr_error closed = tsv_close(files[k]);
        err = err ? err : closed;
    }
    if (!err)
        err = timeline_meta(in, prefix, &f);
    *rows = f.rows;
    return err;
}

/* ---- deadlines of one owner's actions --------------------------------------------- */

/* Orders action views by deadline, then as they appear in the data. */
static gint compare_by_deadline(gconstpointer a, gconstpointer b)
{
    const action_view *x = *(const action_view *const *)a;
    const action_view *y = *(const action_view *const *)b;
    if (x->deadline != y->deadline)
        return x->deadline < y->deadline ? -1 : 1;
    return (x > y) - (x < y);
}

/* label, y, planning from, deadline, signal (0 green .. 2 red), status label */
static rr_error write_deadline_rows(diag_list *diags, const GPtrArray *views, const char *prefix,
                                    x_range *range)
{
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".tsv", diags);
    if (err)
        return err;
    for (guint i = 0; i < views->len; i++) {
        const action_view *v = g_ptr_array_index(views, i);
        /* The title names the action; the internal id only stands in for a missing one. */
        const char *title = v->action->title;
        char *label = tsv_label_middle(title && *title ? title : v->action->id, ACTION_LABEL_MAX);
        /* The planning may be unknown when a report gave the date: then the bar is the
         * expected period. */
        const period *planning = &v->action->planning.value;
        rr_date first = planning->kind == PERIOD_SPAN ? planning->first
                        : v->expected                 ? v->expected->expected.value.first
                                                      : v->deadline;
        double from = tsv_date_x(first, 0);
        double to = tsv_date_x(v->deadline, 1);
        tsv_text(&t, label, 0);
        tsv_num(&t, 0.0 - (double)i);
        tsv_num(&t, from);
        tsv_num(&t, to);
        tsv_int(&t, (long long)v->signal);
        tsv_text(&t, vocab_status_label(v->status), 0);
        tsv_end_row(&t);
        range_add(range, from);
        range_add(range, to);
        g_free(label);
    }
    return tsv_close(&t);
}

/* What a signal colour means, in a few words for the legend. */
static const char *signal_meaning(rr_signal signal)
{
    switch (signal) {
    case SIGNAL_RED:
        return tr("over tijd of vertraagd", "overdue or delayed");
    case SIGNAL_AMBER:
        return tr("binnenkort, aangehouden of geen update", "due soon, on hold or no update");
    case SIGNAL_GREEN:
    case SIGNAL_COUNT:
        break;
    }
    return tr("op schema of afgerond", "on track or done");
}

/* The legend of the signals, in rr_signal order, with the colours of the workbook. */
static rr_error write_signal_series(diag_list *diags, const char *prefix)
{
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".series.tsv", diags);
    if (err)
        return err;
    for (int s = 0; s < SIGNAL_COUNT; s++) {
        char *label = g_strdup_printf("%s: %s", vocab_signal_label((rr_signal)s),
                                      signal_meaning((rr_signal)s));
        tsv_text(&t, label, 0);
        tsv_colour(&t, vocab_signal_colour(s));
        tsv_colour(&t, vocab_signal_fill(s));
        tsv_end_row(&t);
        g_free(label);
    }
    return tsv_close(&t);
}

/* The meta row: ranges, the as-of and next-meeting lines, the legend's words. */
static rr_error deadline_meta(const chartdata_input *in, const rr_owner *owner, const char *prefix,
                              size_t rows, const x_range *range, rr_date next, bool estimated)
{
    /* "volgend overleg 13-03-2023 (geschat)" when the rhythm estimates it. */
    char *date = calendar_meeting_date_text(next, estimated);
    char *title = g_strdup_printf(tr("Deadlines van acties \xE2\x80\x93 %s",
                                     "Action deadlines \xE2\x80\x93 %s"), owner->name);
    char *as_of_text = chartdata_as_of_subtitle(in->analysis);
    /* The chart shows only the actions with a deadline: it says how many of all. */
    const owner_summary *summary = analysis_owner(in->analysis, owner);
    size_t all = summary ? summary->actions : rows;
    char *subtitle = all > rows
        ? g_strdup_printf(tr("%s \xC2\xB7 %zu van %zu acties met een deadline",
                             "%s \xC2\xB7 %zu of %zu actions with a deadline"),
                          as_of_text, rows, all)
        : g_strdup(as_of_text);
    g_free(as_of_text);
    char *as_of = as_of_label(in->analysis);
    char *next_label = g_strdup_printf(tr("volgend overleg %s", "next meeting %s"), date);
    g_free(date);
    tsv_file t;
    rr_error err = chartdata_meta_open(in->notes, &t, prefix, title, subtitle, "", "", rows);
    if (!err) {
        tsv_num(&t, range->lo);
        tsv_num(&t, range->hi);
        tsv_num(&t, -(double)rows + 0.5);
        tsv_num(&t, tsv_date_x(in->analysis->as_of, 0.5));
        tsv_text(&t, as_of, 0);
        tsv_num(&t, tsv_date_x(next, 0.5));
        tsv_text(&t, next_label, 0);
        /* The bars take their signal's light colour: no one colour to show for them. */
        tsv_text(&t, tr("balk: planningsperiode, punt: deadline",
                        "bar: planned period, dot: deadline"), 0);
        tsv_text(&t, month_names(), 0);
        err = tsv_close(&t);
    }
    g_free(title);
    g_free(subtitle);
    g_free(as_of);
    g_free(next_label);
    return err;
}

/* Whether every action shows the same: one planning, deadline, status and signal.
 * A chart of identical bars says less than one line of text. */
static bool deadlines_alike(const GPtrArray *views)
{
    const action_view *first = g_ptr_array_index(views, 0);
    for (guint i = 1; i < views->len; i++) {
        const action_view *v = g_ptr_array_index(views, i);
        if (v->deadline != first->deadline || v->status != first->status ||
            v->signal != first->signal ||
            (v->expected ? v->expected->expected.value.first : RR_DATE_NONE) !=
                (first->expected ? first->expected->expected.value.first : RR_DATE_NONE) ||
            v->action->planning.value.kind != first->action->planning.value.kind ||
            v->action->planning.value.first != first->action->planning.value.first)
            return false;
    }
    return true;
}

/* Why there is no chart of one action or of identical ones, as one line (g_free). */
static char *deadlines_in_words(const GPtrArray *views)
{
    const action_view *v = g_ptr_array_index(views, 0);
    char date[16];
    date_format_nl(v->deadline, date, sizeof date);
    const char *status = vocab_status_label(v->status);
    const char *signal = vocab_signal_label(v->signal);
    if (views->len == 1) {
        char *title = tsv_label_middle(*v->action->title ? v->action->title : v->action->id,
                                       ACTION_LABEL_MAX);
        char *text = g_strdup_printf(
            tr("\xC3\xA9\xC3\xA9n actie met een deadline: '%s', deadline %s, %s, signaal %s "
               "(zie het tabblad Acties)",
               "one action with a deadline: '%s', deadline %s, %s, signal %s "
               "(see the Actions sheet)"),
            title, date, status, signal);
        g_free(title);
        return text;
    }
    return g_strdup_printf(tr("alle %u acties met een deadline hebben deadline %s, status %s "
                              "en signaal %s (zie het tabblad Acties)",
                              "all %u actions with a deadline have deadline %s, status %s "
                              "and signal %s (see the Actions sheet)"),
                           views->len, date, status, signal);
}

rr_error chartdata_deadlines(const chartdata_input *in, const rr_owner *owner,
                             const char *prefix, size_t *rows, char **why_not)
{
    const rr_analysis *an = in->analysis;
    GPtrArray *views = g_ptr_array_new();
    for (size_t i = 0; i < an->action_count; i++)
        if (an->actions[i].action->owner == owner && an->actions[i].deadline != RR_DATE_NONE)
            g_ptr_array_add(views, &an->actions[i]);
    g_ptr_array_sort(views, compare_by_deadline);
    *rows = views->len;
    *why_not = NULL;
    if (*rows > 0 && deadlines_alike(views)) {
        *why_not = deadlines_in_words(views);
        *rows = 0;
    }
    rr_error err = RR_OK;
    if (*rows > 0) {
        meeting_period meetings =
            calendar_meeting_period(in->model, chartdata_owner_region(owner), an->as_of);
        rr_date next = meetings.next;
        x_range range = {INFINITY, -INFINITY};
        range_add(&range, tsv_date_x(an->as_of, 0.5));
        range_add(&range, tsv_date_x(next, 0.5));
        err = write_deadline_rows(in->notes, views, prefix, &range);
        range_to_years(&range);
        if (!err)
            err = write_signal_series(in->notes, prefix);
        if (!err)
            err = deadline_meta(in, owner, prefix, *rows, &range, next, meetings.next_estimated);
    }
    g_ptr_array_free(views, TRUE);
    return err;
}
