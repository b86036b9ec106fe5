/* chartdata_amounts.c - what the figures and budget charts show: the rows, legends and
 * words their scripts read. */
#include "chart/chartdata.h"

#include <math.h>
#include <string.h>

#include "chart/chartdata_int.h"
#include "chart/tsv.h"
#include "base/i18n.h"
#include "load/money.h"
#include "base/vocab.h"

/* Legend entries longer than this are cut with "…". */
#define LEGEND_MAX 90

/* An amount for the reader: "€ 30.000" in Dutch, "€ 30,000" in English. */
static void format_money(int64_t cents, char *buf, size_t size)
{
    money_format_nl(cents, buf, size);
    if (i18n_lang() != LANG_EN)
        return;
    for (char *p = buf; *p; p++)
        *p = *p == '.' ? ',' : *p == ',' ? '.' : *p;
}

/* ---- indicator figures ------------------------------------------------------------ */

/* Orders figures by year. */
static gint compare_by_year(gconstpointer a, gconstpointer b)
{
    const rr_figure *x = *(const rr_figure *const *)a;
    const rr_figure *y = *(const rr_figure *const *)b;
    return (x->year > y->year) - (x->year < y->year);
}

/* The figures of one owner for one indicator known on the report date, by year. */
static GPtrArray *owner_figures(const rr_model *model, const rr_owner *owner,
                                const rr_indicator *indicator, rr_date as_of)
{
    GPtrArray *list = g_ptr_array_new();
    for (guint i = 0; i < model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(model->figures, i);
        if (f->owner == owner && f->indicator == indicator && analyse_figure_known(f, as_of))
            g_ptr_array_add(list, (gpointer)f);
    }
    g_ptr_array_sort(list, compare_by_year);
    return list;
}

/* What the figure files found, for the meta row. */
typedef struct {
    int year_lo;
    int year_hi;
    bool any_per_thousand;
    bool any_suppressed;
    double max_value;        /* municipalities' (everyone's when not split) */
    double max_region;       /* regions' */
    double max_per_thousand;
    bool split;              /* regions and municipalities in separate panels */
} figure_summary;

/* Whether a value reads best without decimals (counts, mostly). */
static bool is_whole(double value)
{
    return value > -1e15 && value < 1e15 && value == (double)(long long)value;
}

/* One block per owner (year, value, per 1,000, suppressed marker, the two values as
 * text) and its legend row. */
static void write_owner_figures(tsv_file *data, tsv_file *series, const rr_owner *owner,
                                const GPtrArray *list, figure_summary *sum)
{
    bool per_thousand = false;
    for (guint i = 0; i < list->len; i++) {
        const rr_figure *f = g_ptr_array_index(list, i);
        double pt = NAN;
        if (analyse_per_thousand(f, &pt))
            per_thousand = true;
        tsv_int(data, f->year);
        tsv_num(data, f->suppressed ? NAN : f->value);
        tsv_num(data, pt);
        /* Suppressed: a marker on the axis, never a value of 0. */
        tsv_num(data, f->suppressed ? 0 : NAN);
        tsv_reader_number(data, f->suppressed ? NAN : f->value,
                                 is_whole(f->value) ? 0 : 1);
        tsv_reader_number(data, pt, pt < 1 ? 2 : 1);
        tsv_end_row(data);
        sum->year_lo = MIN(sum->year_lo, f->year);
        sum->year_hi = MAX(sum->year_hi, f->year);
        sum->any_suppressed |= f->suppressed;
        if (!f->suppressed && sum->split && owner->kind == OWNER_REGION)
            sum->max_region = MAX(sum->max_region, f->value);
        else if (!f->suppressed)
            sum->max_value = MAX(sum->max_value, f->value);
        if (isfinite(pt))
            sum->max_per_thousand = MAX(sum->max_per_thousand, pt);
    }
    tsv_end_block(data);
    tsv_text(series, owner->name, LABEL_MAX);
    tsv_int(series, sum->split && owner->kind == OWNER_REGION);
    tsv_end_row(series);
    sum->any_per_thousand |= per_thousand;
}

/* Y ticks written the reader's way ("1.500", "0,5"): value, text. The axis top
 * goes to *top. */
static rr_error write_value_ticks(diag_list *diags, const char *prefix, const char *suffix,
                                  double max, double *top)
{
    double step = tsv_axis_step(max, top);
    int decimals = step >= 1 ? 0 : step * 10 == (double)(long)(step * 10) ? 1 : 2;
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, suffix, diags);
    if (err)
        return err;
    for (int i = 0; i * step <= *top + step / 2; i++) {
        tsv_num(&t, i * step);
        tsv_reader_number(&t, i * step, decimals);
        tsv_end_row(&t);
    }
    return tsv_close(&t);
}

/* The indicator's name in the current language, its code when it has none. */
static const char *indicator_label(const rr_indicator *indicator)
{
    if (i18n_lang() == LANG_EN && indicator->label_en[0])
        return indicator->label_en;
    return indicator->label_nl[0] ? indicator->label_nl : indicator->code;
}

/* The meta row: years, which panels, and the words of the panels and markers. */
static rr_error figure_meta(const chartdata_input *in, const rr_indicator *indicator,
                            const char *prefix, size_t rows, const figure_summary *sum)
{
    const char *unit = indicator->unit[0] ? indicator->unit : tr("waarde", "value");
    char *subtitle = chartdata_as_of_subtitle(in->analysis);
    char *ylabel2 =
        g_strdup_printf(tr("%s per 1.000 inwoners", "%s per 1,000 inhabitants"), unit);
    double top = 0, top2 = 0;
    tsv_file t;
    rr_error err = write_value_ticks(in->notes, prefix, ".yticks.tsv", sum->max_value, &top);
    if (!err)
        err = write_value_ticks(in->notes, prefix, ".yticks2.tsv", sum->max_per_thousand, &top2);
    double top3 = 0;
    if (!err)
        err = write_value_ticks(in->notes, prefix, ".yticks3.tsv", sum->max_region, &top3);
    if (!err)
        err = chartdata_meta_open(in->notes, &t, prefix, indicator_label(indicator), subtitle,
                                  tr("jaar", "year"), unit, rows);
    if (!err) {
        tsv_int(&t, sum->year_lo);
        tsv_int(&t, sum->year_hi);
        tsv_int(&t, sum->any_per_thousand);
        tsv_int(&t, sum->any_suppressed);
        tsv_text(&t, tr("absoluut", "absolute"), 0);
        tsv_text(&t, tr("per 1.000 inwoners", "per 1,000 inhabitants"), 0);
        tsv_text(&t, ylabel2, 0);
        tsv_text(&t, tr("geheim", "suppressed"), 0);
        tsv_text(&t, tr("geheim (niet gepubliceerd, geen 0)",
                               "suppressed (not published, not 0)"), 0);
        tsv_num(&t, top);
        tsv_num(&t, top2);
        tsv_int(&t, sum->split);
        tsv_text(&t, tr("regio's, absoluut", "regions, absolute"), 0);
        tsv_text(&t, tr("gemeenten, absoluut", "municipalities, absolute"), 0);
        tsv_num(&t, top3);
        err = tsv_close(&t);
    }
    g_free(subtitle);
    g_free(ylabel2);
    return err;
}

/* What the figures of an indicator hold before anything is written: how many, and
 * whether regions and municipalities both have some. */
static void figure_census(const chartdata_input *in, const rr_indicator *indicator,
                          size_t *count, const rr_figure **one, bool *split)
{
    bool region = false, municipality = false;
    *count = 0;
    for (guint i = 0; i < in->model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(in->model->figures, i);
        if (f->indicator != indicator || !analyse_figure_known(f, in->analysis->as_of))
            continue;
        ++*count;
        *one = f;
        if (f->owner->kind == OWNER_REGION)
            region = true;
        else
            municipality = true;
    }
    *split = region && municipality;
}

/* One figure in words, for the note that stands in for its chart (g_free). */
static char *figure_in_words(const rr_figure *f)
{
    /* As the data wrote it: the reader's own notation. */
    const char *value = f->suppressed ? tr("geheim", "suppressed") : f->value_text;
    /* The sheet by its name in the workbook's language ("Indicators" in English). */
    return g_strdup_printf(tr("\xC3\xA9\xC3\xA9n cijfer: %s %d: %s (zie het tabblad %s)",
                              "one figure: %s %d: %s (see the %s sheet)"),
                           f->owner->name, f->year, value ? value : "",
                           vocab_sheet_name(SHEET_FIGURES));
}

rr_error chartdata_figures(const chartdata_input *in, const rr_indicator *indicator,
                           const char *prefix, size_t *rows, char **why_not)
{
    const rr_model *model = in->model;
    figure_summary sum = {RR_YEAR_MAX, RR_YEAR_MIN, false, false, 0, 0, 0, false};
    tsv_file data = {0}, series = {0};
    rr_error err = RR_OK;
    size_t count = 0;
    const rr_figure *one = NULL;
    *rows = 0;
    *why_not = NULL;
    figure_census(in, indicator, &count, &one, &sum.split);
    if (count == 1) {
        /* A chart of a single point says less than the number itself. */
        *why_not = figure_in_words(one);
        return RR_OK;
    }
    for (guint o = 0; o < model->owners->len && !err && count > 0; o++) {
        const rr_owner *owner = g_ptr_array_index(model->owners, o);
        GPtrArray *list = owner_figures(model, owner, indicator, in->analysis->as_of);
        if (list->len > 0 && *rows == 0) {
            err = tsv_open(&data, prefix, ".tsv", in->notes);
            if (!err)
                err = tsv_open(&series, prefix, ".series.tsv", in->notes);
        }
        if (list->len > 0 && !err) {
            write_owner_figures(&data, &series, owner, list, &sum);
            ++*rows;
        }
        g_ptr_array_free(list, TRUE);
    }
    rr_error closed = tsv_close(&data);
    err = err ? err : closed;
    closed = tsv_close(&series);
    err = err ? err : closed;
    if (!err && *rows > 0)
        err = figure_meta(in, indicator, prefix, *rows, &sum);
    return err;
}

/* ---- budget ------------------------------------------------------------------------ */

/* One stacked bar: an owner's budget in one year. */
typedef struct {
    const rr_owner *owner;
    size_t owner_rank;
    int year;
    double x;
    int64_t cents;   /* stacked so far */
} budget_bar;

/* Orders bars by owner (as in the data), then year. */
static gint compare_bars(gconstpointer a, gconstpointer b)
{
    const budget_bar *x = a, *y = b;
    if (x->owner_rank != y->owner_rank)
        return x->owner_rank < y->owner_rank ? -1 : 1;
    return (x->year > y->year) - (x->year < y->year);
}

/* The bars and the action lines (series) of the budget, in order. */
typedef struct {
    GArray *bars;          /* budget_bar */
    GPtrArray *lines;      /* const char*: action line, the series */
    GHashTable *line_index;/* action line -> index + 1 */
    double max_total;
} budget_layout;

/* Finds the bar of (owner, year). */
static budget_bar *find_bar(const budget_layout *l, const rr_owner *owner, int year)
{
    for (guint i = 0; i < l->bars->len; i++) {
        budget_bar *b = &g_array_index(l->bars, budget_bar, i);
        if (b->owner == owner && b->year == year)
            return b;
    }
    return NULL;
}

/* Lays out one bar per owner and year with a positive budget, owners apart; with
 * `region` only that region's and its municipalities'. */
static void budget_plan_layout(const rr_analysis *an, const rr_owner *region, budget_layout *l)
{
    size_t rank = 0;
    const rr_owner *last = NULL;
    for (guint i = 0; i < an->budget->len; i++) {
        const budget_total *t = &g_array_index(an->budget, budget_total, i);
        if (t->cents <= 0 || !chartdata_in_region(t->owner, region))
            continue;
        if (t->owner != last)
            rank++;
        last = t->owner;
        if (!find_bar(l, t->owner, t->year)) {
            budget_bar bar = {t->owner, rank, t->year, 0, 0};
            g_array_append_val(l->bars, bar);
        }
        if (!g_hash_table_lookup(l->line_index, t->action_line)) {
            g_ptr_array_add(l->lines, (gpointer)t->action_line);
            g_hash_table_insert(l->line_index, (gpointer)t->action_line,
                                GUINT_TO_POINTER(l->lines->len));
        }
    }
    g_array_sort(l->bars, compare_bars);
    double x = 0;
    for (guint i = 0; i < l->bars->len; i++) {
        budget_bar *b = &g_array_index(l->bars, budget_bar, i);
        if (i > 0 && b->owner != g_array_index(l->bars, budget_bar, i - 1).owner)
            x += 1;
        b->x = x;
        x += 1;
    }
}

/* Segments: x, bottom, top (euros), series number; stacked in action-line order. */
static rr_error write_budget_segments(diag_list *diags, const rr_analysis *an, const char *prefix,
                                      budget_layout *l)
{
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".tsv", diags);
    if (err)
        return err;
    for (guint i = 0; i < an->budget->len; i++) {
        const budget_total *bt = &g_array_index(an->budget, budget_total, i);
        budget_bar *b = bt->cents > 0 ? find_bar(l, bt->owner, bt->year) : NULL;
        if (!b)
            continue;
        tsv_num(&t, b->x);
        tsv_num(&t, (double)b->cents / 100.0);
        b->cents += bt->cents;
        tsv_num(&t, (double)b->cents / 100.0);
        tsv_int(&t, GPOINTER_TO_INT(g_hash_table_lookup(l->line_index, bt->action_line)));
        tsv_end_row(&t);
        l->max_total = MAX(l->max_total, (double)b->cents / 100.0);
    }
    return tsv_close(&t);
}

/* Bars (x, total, total as text, year) and owner groups (centre x, name). */
static rr_error write_budget_bars(diag_list *diags, const char *prefix, const budget_layout *l)
{
    tsv_file bars, groups;
    rr_error err = tsv_open_both(&bars, ".bars.tsv", &groups, ".groups.tsv", prefix, diags);
    if (err)
        return err;
    guint first = 0;
    for (guint i = 0; i < l->bars->len; i++) {
        const budget_bar *b = &g_array_index(l->bars, budget_bar, i);
        char money[32], year[16];
        format_money(b->cents, money, sizeof money);
        g_snprintf(year, sizeof year, "%d", b->year);
        tsv_num(&bars, b->x);
        tsv_num(&bars, (double)b->cents / 100.0);
        tsv_text(&bars, money, 0);
        tsv_text(&bars, year, 0);
        tsv_end_row(&bars);
        bool last_of_owner = i + 1 == l->bars->len ||
                             g_array_index(l->bars, budget_bar, i + 1).owner != b->owner;
        if (last_of_owner) {
            const budget_bar *f = &g_array_index(l->bars, budget_bar, first);
            tsv_num(&groups, (f->x + b->x) / 2);
            tsv_text(&groups, b->owner->name, LABEL_MAX);
            tsv_end_row(&groups);
            first = i + 1;
        }
    }
    return tsv_close_both(&bars, &groups);
}

/* Y ticks as amounts ("€ 30.000"): value, text. */
static rr_error write_budget_ticks(diag_list *diags, const char *prefix, double step, double top)
{
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".yticks.tsv", diags);
    if (err)
        return err;
    for (int i = 0; i * step <= top + step / 2; i++) {
        double v = i * step;
        char money[32];
        format_money((int64_t)(v * 100.0 + 0.5), money, sizeof money);
        tsv_num(&t, v);
        tsv_text(&t, money, 0);
        tsv_end_row(&t);
    }
    return tsv_close(&t);
}

/* The legend (action lines), the ticks and the meta row. */
static rr_error budget_legend_and_meta(const chartdata_input *in, const char *prefix,
                                       const budget_layout *l)
{
    tsv_file t;
    rr_error err = tsv_open(&t, prefix, ".series.tsv", in->notes);
    if (err)
        return err;
    for (guint k = 0; k < l->lines->len; k++) {
        const char *line = g_ptr_array_index(l->lines, k);
        tsv_text(&t, line[0] ? line : tr("(geen actielijn)", "(no action line)"),
                        LEGEND_MAX);
        tsv_end_row(&t);
    }
    if ((err = tsv_close(&t)))
        return err;
    double top = 0;
    double step = tsv_axis_step(l->max_total, &top);
    if ((err = write_budget_ticks(in->notes, prefix, step, top)))
        return err;
    char *subtitle = chartdata_as_of_subtitle(in->analysis);
    const char *title = tr("Begroting per jaar en actielijn", "Budget by year and action line");
    err = chartdata_meta_open(in->notes, &t, prefix, title, subtitle, "",
                              tr("bedrag per jaar", "amount per year"), l->bars->len);
    g_free(subtitle);
    if (err)
        return err;
    const budget_bar *last = &g_array_index(l->bars, budget_bar, l->bars->len - 1);
    tsv_num(&t, -0.7);
    tsv_num(&t, last->x + 0.7);
    tsv_num(&t, top);
    tsv_int(&t, (long long)l->lines->len);
    return tsv_close(&t);
}

size_t chartdata_budget_owners(const chartdata_input *in, const rr_owner *region)
{
    size_t n = 0;
    const rr_owner *last = NULL;
    for (guint i = 0; i < in->analysis->budget->len; i++) {
        const budget_total *t = &g_array_index(in->analysis->budget, budget_total, i);
        if (t->cents <= 0 || !chartdata_in_region(t->owner, region))
            continue;
        n += t->owner != last;
        last = t->owner;
    }
    return n;
}

rr_error chartdata_budget(const chartdata_input *in, const rr_owner *region, const char *prefix,
                          size_t *rows)
{
    budget_layout l = {
        .bars = g_array_new(FALSE, TRUE, sizeof(budget_bar)),
        .lines = g_ptr_array_new(),
        .line_index = g_hash_table_new(g_str_hash, g_str_equal),
    };
    budget_plan_layout(in->analysis, region, &l);
    *rows = l.bars->len;
    rr_error err = RR_OK;
    if (*rows > 0) {
        err = write_budget_segments(in->notes, in->analysis, prefix, &l);
        if (!err)
            err = write_budget_bars(in->notes, prefix, &l);
        if (!err)
            err = budget_legend_and_meta(in, prefix, &l);
    }
    g_array_free(l.bars, TRUE);
    g_ptr_array_free(l.lines, TRUE);
    g_hash_table_destroy(l.line_index);
    return err;
}
