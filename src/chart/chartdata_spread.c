/* chartdata_spread.c - the data of cijfers-spread.gp: an indicator of many owners as
 * the median and spread per year, municipalities and regions apart, where one line per
 * owner would be a tangle nobody can read. */
#include "chart/chartdata.h"

#include <math.h>

#include "base/i18n.h"
#include "chart/chartdata_int.h"
#include "chart/tsv.h"

/* One panel: municipalities (regions false) or regions. */
typedef struct {
    bool regions;
    bool per_thousand;  /* drawn per 1,000 inhabitants (the population of some is known) */
    size_t owners;      /* owners with a value drawn */
    double top;         /* largest value drawn */
} spread_panel;

/* Whether the figure counts in the panel, and its value there. */
static bool spread_value(const rr_figure *f, const rr_indicator *indicator, rr_date as_of,
                         const spread_panel *p, double *value)
{
    if (f->indicator != indicator || !analyse_figure_known(f, as_of) || f->suppressed ||
        (f->owner->kind == OWNER_REGION) != p->regions)
        return false;
    if (p->per_thousand)
        return analyse_per_thousand(f, value);
    *value = f->value;
    return true;
}

/* What the panel draws: per 1,000 when any of its figures has a known population;
 * how many owners. */
static void panel_census(const chartdata_input *in, const rr_indicator *indicator,
                         spread_panel *p)
{
    GHashTable *owners = g_hash_table_new(g_direct_hash, g_direct_equal);
    double v;
    for (guint i = 0; i < in->model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(in->model->figures, i);
        spread_panel any = *p;
        any.per_thousand = false;
        if (!spread_value(f, indicator, in->analysis->as_of, &any, &v))
            continue;
        g_hash_table_add(owners, (gpointer)f->owner);
        p->per_thousand |= analyse_per_thousand(f, &v);
    }
    p->owners = g_hash_table_size(owners);
    g_hash_table_destroy(owners);
}

/* One block of PREFIX.tsv: per year lowest, first quartile, median, third quartile,
 * highest, the median as the reader writes it. */
static void write_panel(const chartdata_input *in, const rr_indicator *indicator, tsv_file *t,
                        spread_panel *p, int year_lo, int year_hi)
{
    GArray *values = g_array_new(FALSE, FALSE, sizeof(double));
    for (int year = year_lo; year <= year_hi; year++) {
        g_array_set_size(values, 0);
        for (guint i = 0; i < in->model->figures->len; i++) {
            const rr_figure *f = g_ptr_array_index(in->model->figures, i);
            double v;
            if (f->year == year && spread_value(f, indicator, in->analysis->as_of, p, &v))
                g_array_append_val(values, v);
        }
        if (values->len == 0)
            continue;
        double s[5];
        analyse_spread((double *)(void *)values->data, values->len, s);
        tsv_int(t, year);
        for (int q = 0; q < 5; q++)
            tsv_num(t, s[q]);
        tsv_reader_number(t, s[2], p->per_thousand ? 1 : 0);
        tsv_end_row(t);
        p->top = MAX(p->top, s[4]);
    }
    g_array_free(values, TRUE);
}

/* The first and last year with a figure known on the report date. */
static bool figure_years(const chartdata_input *in, const rr_indicator *indicator, int *lo,
                         int *hi)
{
    *lo = RR_YEAR_MAX;
    *hi = RR_YEAR_MIN;
    for (guint i = 0; i < in->model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(in->model->figures, i);
        if (f->indicator == indicator && analyse_figure_known(f, in->analysis->as_of)) {
            *lo = MIN(*lo, f->year);
            *hi = MAX(*hi, f->year);
        }
    }
    return *lo <= *hi;
}

/* PREFIX.panels.tsv (title, y label, axis top per panel) and its y ticks,
 * PREFIX.yticksN.tsv, written the reader's way. */
static rr_error write_panel_words(const chartdata_input *in, const rr_indicator *indicator,
                                  const char *prefix, const spread_panel *panels, size_t n)
{
    const char *unit = indicator->unit[0] ? indicator->unit : tr("waarde", "value");
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".panels.tsv", in->notes);
    for (size_t i = 0; i < n && !err; i++) {
        const spread_panel *p = &panels[i];
        double top = 0;
        double step = tsv_axis_step(p->top, &top);
        gchar *title = g_strdup_printf(
            p->regions ? tr("%zu regio's", "%zu regions") : tr("%zu gemeenten", "%zu municipalities"),
            p->owners);
        gchar *ylabel = p->per_thousand
                            ? g_strdup_printf(tr("%s per 1.000 inwoners", "%s per 1,000 inhabitants"),
                                              unit)
                            : g_strdup(unit);
        tsv_text(&t, title, 0);
        tsv_text(&t, ylabel, 0);
        tsv_num(&t, top);
        tsv_end_row(&t);
        g_free(title);
        g_free(ylabel);
        gchar *suffix = g_strdup_printf(".yticks%zu.tsv", i + 1);
        tsv_file ticks;
        err = tsv_open(&ticks, prefix, suffix, in->notes);
        g_free(suffix);
        if (err)
            break;
        int decimals = step >= 1 ? 0 : step * 10 == (double)(long)(step * 10) ? 1 : 2;
        for (int k = 0; k * step <= top + step / 2; k++) {
            tsv_num(&ticks, k * step);
            tsv_reader_number(&ticks, k * step, decimals);
            tsv_end_row(&ticks);
        }
        err = tsv_close(&ticks);
    }
    rr_error closed = err ? RR_OK : tsv_close(&t);
    return err ? err : closed;
}

/* The meta row: the words of the legend and the years. */
static rr_error spread_meta(const chartdata_input *in, const rr_indicator *indicator,
                            const char *prefix, size_t panels, size_t owners, int lo, int hi)
{
    char *as_of = chartdata_as_of_subtitle(in->analysis);
    gchar *subtitle = g_strdup_printf(
        tr("%s · mediaan en spreiding van %zu eigenaren (elk op het tabblad Cijfers)",
           "%s · median and spread of %zu owners (each on the Figures sheet)"),
        as_of, owners);
    const char *label = i18n_lang() == LANG_EN && indicator->label_en[0] ? indicator->label_en
                        : indicator->label_nl[0]                       ? indicator->label_nl
                                                                       : indicator->code;
    tsv_file t;
    rr_error err = chartdata_meta_open(in->notes, &t, prefix, label, subtitle, tr("jaar", "year"),
                                       "", panels);
    if (!err) {
        tsv_int(&t, lo);
        tsv_int(&t, hi);
        tsv_text(&t, tr("mediaan", "median"), 0);
        tsv_text(&t, tr("middelste helft", "middle half"), 0);
        tsv_text(&t, tr("laagste tot hoogste", "lowest to highest"), 0);
        err = tsv_close(&t);
    }
    g_free(subtitle);
    g_free(as_of);
    return err;
}

rr_error chartdata_figure_spread(const chartdata_input *in, const rr_indicator *indicator,
                                 const char *prefix, size_t *rows)
{
    *rows = 0;
    int lo, hi;
    if (!figure_years(in, indicator, &lo, &hi))
        return RR_OK;
    spread_panel panels[2] = {{.regions = false}, {.regions = true}};
    size_t n = 0, owners = 0;
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".tsv", in->notes);
    for (size_t i = 0; i < 2 && !err; i++) {
        spread_panel p = panels[i];
        panel_census(in, indicator, &p);
        if (p.owners == 0)
            continue;
        if (n > 0)
            tsv_end_block(&t);
        write_panel(in, indicator, &t, &p, lo, hi);
        panels[n++] = p;
        owners += p.owners;
    }
    rr_error closed = err ? RR_OK : tsv_close(&t);
    err = err ? err : closed;
    if (!err && n > 0)
        err = write_panel_words(in, indicator, prefix, panels, n);
    if (!err && n > 0)
        err = spread_meta(in, indicator, prefix, n, owners, lo, hi);
    *rows = err ? 0 : n;
    return err;
}

size_t chartdata_figure_owners(const chartdata_input *in, const rr_indicator *indicator)
{
    GHashTable *owners = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < in->model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(in->model->figures, i);
        if (f->indicator == indicator && analyse_figure_known(f, in->analysis->as_of))
            g_hash_table_add(owners, (gpointer)f->owner);
    }
    size_t n = g_hash_table_size(owners);
    g_hash_table_destroy(owners);
    return n;
}
