/* evaluation.c (xlsx) - the mid-term evaluation document of a region (see evaluation.h). */
#include "xlsx/evaluation.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/vocab.h"
#include "load/money.h"
#include "xlsx/cells.h"
#include "xlsx/sheet.h"
#include "xlsx/textfit.h"

/* A plan's page, A4 portrait: names and titles in A, dates and counts in B-F, notes in
 * G (or F:G merged). LibreOffice prints these 100 characters at about 91 % with
 * Carlito, so 11-point text prints at 10 points and the 10-point sources at 9. */
enum { P_A, P_B, P_C, P_D, P_E, P_F, P_G, P_COLUMNS };
static const double P_WIDTHS[P_COLUMNS] = {26, 10, 9.5, 9.5, 10, 9.5, 26};

/* The summary page, A4 landscape: one row per plan. */
enum { S_PLAN, S_OWNER, S_KIND, S_START, S_END, S_EFFECTIVE_END, S_MIDPOINT, S_ACTIONS,
       S_DONE_MID, S_DONE_NOW, S_LATE, S_NEVER, S_BUDGET, S_COLUMNS };
static const double S_WIDTHS[S_COLUMNS] = {28, 14, 11, 10, 10, 12.5, 10,
                                           7, 9.5, 8.5, 7, 8.5, 13};

/* Rows of a trend chart: 15 rows of 15 points hold its 288 pixels. */
#define CHART_ROWS 16

typedef struct {
    lxw_workbook *wb;
    sheet_formats f;
    lxw_format *wrap;        /* wrapped text, top aligned (rows sized here, not by sheet.c) */
    lxw_format *wrap_bold;
    lxw_format *wrap_note;   /* grey italic, wrapped */
    lxw_format *paragraph;   /* the plain-language paragraph */
    lxw_format *lagging;     /* an action line that lags: amber fill */
    lxw_format *source;      /* the numbered sources: grey, 10 points */
    lxw_format *history;     /* an earlier report under its action: grey, indented */
    lxw_format *date;        /* dd-mm-jjjj, top aligned, no indent (narrow columns) */
    const rr_analysis *an;
    const rr_evaluation *ev;
    char *footer;
    diag_list *diags;
    const char *path;
    GPtrArray *sheet_names;  /* g_free'd names in use */
} doc;

/* One sheet being written, with the sources it cites and the rows' heights. */
typedef struct {
    doc *d;
    sheet s;
    const double *widths;
    int columns;
    GPtrArray *sources;      /* distinct source texts, numbered on the sheet */
    double height;           /* the current row's height for its wrapped texts */
} page;

/* ---- cells ------------------------------------------------------------------ */

/* The points a text has in columns first..last (merged: their widths and the padding
 * between them), as xlsx/textfit measures a printed line. */
static double span_points(const page *p, int first, int last)
{
    double points = 0;
    for (int c = first; c <= last; c++)
        points += textfit_column_points(p->widths[c]) + (c > first ? 4.5 : 0);
    return points;
}

/* The row height `text` needs in columns first..last at 11 points: 15 points for the
 * first line, 13.5 for each next (Carlito's line at 11 points). */
static double text_height(const page *p, int first, int last, const char *text, bool bold)
{
    int lines = textfit_lines(text ? text : "", span_points(p, first, last), 11, bold);
    return 15.0 + 13.5 * (lines - 1);
}

/* Text in columns first..last (merged when more than one), wrapped; the row grows to
 * hold it. */
static void put_text(page *p, int first, int last, const char *text, lxw_format *format)
{
    if (last > first)
        worksheet_merge_range(p->s.ws, p->s.row, (lxw_col_t)first, p->s.row, (lxw_col_t)last,
                              "", format);
    xlsx_text(p->s.ws, p->s.row, (lxw_col_t)first, text, format, &p->s.ctx);
    double h = text_height(p, first, last, text, format == p->d->wrap_bold);
    if (h > p->height)
        p->height = h;
}

static void put_date(page *p, int col, rr_date date)
{
    sheet_date_format(&p->s, col, date, p->d->date);
}

static void end_row(page *p)
{
    if (p->height > 15.0)
        worksheet_set_row(p->s.ws, p->s.row, p->height > 409 ? 409 : p->height, NULL);
    p->height = 0;
    sheet_next_row(&p->s);
}

/* The number of a source on the page ("[2]"), adding it once; 0 for none. */
static int source_number(page *p, const char *source)
{
    if (!source || !*source)
        return 0;
    for (guint i = 0; i < p->sources->len; i++)
        if (strcmp(g_ptr_array_index(p->sources, i), source) == 0)
            return (int)i + 1;
    g_ptr_array_add(p->sources, (gpointer)source);
    return (int)p->sources->len;
}

/* "note [2]": a text with the number of its source. g_free. */
static char *with_source(page *p, const char *text, const char *source)
{
    int n = source_number(p, source);
    if (n == 0)
        return g_strdup(text);
    return g_strdup_printf("%s%s[%d]", text, *text ? " " : "", n);
}

/* A section's title, an empty row above it. */
static void section(page *p, const char *title)
{
    sheet_next_row(&p->s);
    xlsx_text(p->s.ws, p->s.row, 0, title, p->d->f.bold, &p->s.ctx);
    worksheet_set_row(p->s.ws, p->s.row, 18, p->d->f.bold);
    sheet_next_row(&p->s);
}

/* A header row (bold on blue: a table to tests/xlsx_facts.py). names[i] NULL leaves a
 * column out; align[i] 'R' sets a name right, over numbers; `merge_last` > 0 merges
 * the last column to that column. */
static void header(page *p, const char *const *names, const char *align, int count,
                   int merge_last)
{
    for (int c = 0; c < count; c++) {
        if (!names[c])
            continue;
        lxw_format *f = align[c] == 'R' ? p->d->f.header_right : p->d->f.header;
        int last = c == count - 1 && merge_last > c ? merge_last : c;
        if (last > c)
            worksheet_merge_range(p->s.ws, p->s.row, (lxw_col_t)c, p->s.row, (lxw_col_t)last,
                                  "", f);
        xlsx_text(p->s.ws, p->s.row, (lxw_col_t)c, names[c], f, &p->s.ctx);
        double h = text_height(p, c, last, names[c], true);
        if (h > p->height)
            p->height = h;
    }
    end_row(p);
}

static void note(page *p, const char *text)
{
    put_text(p, 0, p->columns - 1, text, p->d->wrap_note);
    end_row(p);
}

/* What stands in a midpoint's column of a plan that has no status there: its midpoint
 * lies ahead, or it has none. */
static const char *no_midpoint_text(const eval_plan *e)
{
    return e->view->midpoint == RR_DATE_NONE ? tr("geen midden", "no midpoint")
                                             : tr("nog niet", "not yet");
}

static const char *group_label(progress_group g)
{
    return g == PROGRESS_UNKNOWN ? tr("nooit gemeld", "never reported")
                                 : vocab_progress_group_label(g);
}

/* ---- sheets ------------------------------------------------------------------ */

/* A sheet name from `text`: at most 31 characters, none of []:*?/\ or '&', no
 * apostrophe at either end, unique in the workbook. g_free'd with the doc. */
static const char *sheet_name(doc *d, const char *text)
{
    GString *name = g_string_new(NULL);
    for (const char *c = text; *c && g_utf8_strlen(name->str, -1) < 31; c = g_utf8_next_char(c)) {
        gunichar u = g_utf8_get_char(c);
        g_string_append_unichar(name, strchr("[]:*?/\\&", (int)(u < 128 ? u : 'a')) ? '-' : u);
    }
    while (name->len && (name->str[0] == '\'' || name->str[0] == ' '))
        g_string_erase(name, 0, 1);
    while (name->len && (name->str[name->len - 1] == '\'' || name->str[name->len - 1] == ' '))
        g_string_truncate(name, name->len - 1);
    if (!name->len)
        g_string_assign(name, "Plan");
    /* Room for " (9)" when the name is taken. */
    char *base = g_utf8_substring(name->str, 0, MIN(g_utf8_strlen(name->str, -1), 27));
    for (int n = 2;; n++) {
        char *folded = g_utf8_casefold(name->str, -1);
        bool used = false;
        for (guint i = 0; i < d->sheet_names->len && !used; i++) {
            char *other = g_utf8_casefold(g_ptr_array_index(d->sheet_names, i), -1);
            used = strcmp(other, folded) == 0;
            g_free(other);
        }
        g_free(folded);
        if (!used)
            break;
        g_string_printf(name, "%s (%d)", base, n);
    }
    g_free(base);
    g_ptr_array_add(d->sheet_names, g_string_free(name, FALSE));
    return g_ptr_array_index(d->sheet_names, d->sheet_names->len - 1);
}

static bool page_open(page *p, doc *d, const char *name, const double *widths, int columns)
{
    memset(p, 0, sizeof *p);
    p->d = d;
    p->widths = widths;
    p->columns = columns;
    if (!sheet_open(&p->s, d->wb, sheet_name(d, name), &d->f, d->diags))
        return false;
    sheet_fixed_widths(&p->s, widths, columns);
    p->sources = g_ptr_array_new();
    return true;
}

/* The numbered sources the page cited, then the print layout. */
static void page_close(page *p, bool portrait)
{
    if (p->sources->len > 0) {
        section(p, tr("Bronnen", "Sources"));
        for (guint i = 0; i < p->sources->len; i++) {
            char *line = g_strdup_printf("[%u] %s", i + 1,
                                         (const char *)g_ptr_array_index(p->sources, i));
            put_text(p, 0, p->columns - 1, line, p->d->source);
            end_row(p);
            g_free(line);
        }
    }
    if (portrait)
        sheet_portrait(&p->s);
    sheet_finish(&p->s, p->d->footer);
    worksheet_print_area(p->s.ws, 0, 0, p->s.row > 0 ? p->s.row - 1 : 0,
                         (lxw_col_t)(p->columns - 1));
    if (p->s.error != LXW_NO_ERROR)
        diag_add(p->d->diags, DIAG_WARNING, p->d->path, 0, 0, "%s: %s", p->s.name,
                 lxw_strerror(p->s.error));
    g_ptr_array_free(p->sources, TRUE);
}

/* ---- a plan's page: term, counts, lines ---------------------------------------- */

static const char *plan_kind_text(const rr_plan *plan)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "%s%s", vocab_plan_kind_label(plan->kind),
             plan->draft ? tr(" (concept)", " (draft)") : "");
    return buf;
}

static void term_row(page *p, const char *what, rr_date date, const char *remark)
{
    put_text(p, P_A, P_A, what, p->d->wrap);
    put_date(p, P_B, date);
    if (remark && *remark)
        put_text(p, P_C, P_G, remark, p->d->wrap);
    end_row(p);
}

/* Start, ends, midpoint, planned evaluation and every extension with its reason. */
static void write_term(page *p, const eval_plan *e)
{
    section(p, tr("Looptijd", "Term"));
    const char *names[] = {tr("Moment", "Moment"), tr("Datum", "Date"),
                           tr("Toelichting", "Remark")};
    header(p, names, "LLL", 3, P_G);
    const rr_plan *plan = e->plan;
    GString *adopted = g_string_new(NULL);
    if (plan->adopted_on != RR_DATE_NONE)
        g_string_printf(adopted, tr("vastgesteld op %s", "adopted on %s"),
                        date_text_nl(plan->adopted_on).text);
    if (plan->adopted_by[0])
        g_string_append_printf(adopted, "%s%s %s", adopted->len ? " " : tr("vastgesteld", "adopted"),
                               adopted->len ? tr("door", "by") : tr(" door", " by"), plan->adopted_by);
    term_row(p, tr("Start", "Start"), e->view->start,
             e->view->start == RR_DATE_NONE ? tr("geen start in de gegevens", "no start in the data")
                                            : adopted->str);
    g_string_free(adopted, TRUE);
    term_row(p, tr("Oorspronkelijk eind", "Original end"), e->view->original_end,
             e->view->original_end == RR_DATE_NONE ? tr("geen eind in de gegevens", "no end in the data") : "");
    const char *mid = e->view->midpoint == RR_DATE_NONE
                          ? tr("zonder start of eind geen midden: beoordeeld op de stand van nu",
                               "no midpoint without a start or an end: evaluated as of now")
                      : !e->midpoint_passed
                          ? tr("nog niet bereikt: beoordeeld op de stand van nu",
                               "not reached yet: evaluated as of now")
                          : tr("midden van de oorspronkelijke looptijd",
                               "middle of the original term");
    term_row(p, tr("Midden van de looptijd", "Midpoint"), e->view->midpoint, mid);
    if (e->view->evaluation != RR_DATE_NONE) {
        char *what = g_strdup_printf(tr("gepland: %s", "planned: %s"), plan->evaluation.text);
        term_row(p, tr("Evaluatie", "Evaluation"), e->view->evaluation, what);
        g_free(what);
    }
    for (guint i = 0; i < plan->extensions->len; i++) {
        const rr_extension *x = g_ptr_array_index(plan->extensions, i);
        char *text = g_strdup_printf(tr("verlengd tot %s%s%s. Reden: %s", "extended to %s%s%s. Reason: %s"),
                                     date_text_nl(x->new_end.value.last).text,
                                     x->decided_by[0] ? tr(", besloten door ", ", decided by ") : "",
                                     x->decided_by, x->reason[0] ? x->reason : tr("niet vermeld", "not given"));
        char *cited = with_source(p, text, x->source);
        term_row(p, tr("Verlenging", "Extension"), x->decided_on, cited);
        g_free(cited);
        g_free(text);
    }
    if (plan->extensions->len > 0) {
        char *text = g_strdup_printf(tr("verlengd met %d maanden", "extended by %d months"),
                                     e->view->months_extended);
        term_row(p, tr("Eind met verlengingen", "End with extensions"), e->view->effective_end, text);
        g_free(text);
    }
}

/* Counts per progress group at the midpoint and now, with the change. */
static void write_counts(page *p, const eval_plan *e)
{
    section(p, tr("Stand op het midden en nu", "Status at the midpoint and now"));
    if (!e->whole) {
        note(p, tr("Dit plan heeft geen acties in de gegevens.", "This plan has no actions in the data."));
        return;
    }
    char *when = e->midpoint_passed
                     ? g_strdup_printf(tr("Het midden is %s, nu is %s.", "The midpoint is %s, now is %s."),
                                       date_text_nl(e->view->midpoint).text,
                                       date_text_nl(p->d->an->as_of).text)
                     : g_strdup_printf(tr("Nu is %s.", "Now is %s."), date_text_nl(p->d->an->as_of).text);
    put_text(p, P_A, P_G, when, p->d->wrap);
    end_row(p);
    g_free(when);
    /* Without a midpoint passed, the status now stands in B, alone. */
    bool mid = e->midpoint_passed;
    const char *names[] = {tr("Stand", "Status"),
                           mid ? tr("Op het midden", "At the midpoint") : tr("Nu", "Now"),
                           tr("Nu", "Now"), tr("Verschil", "Change")};
    header(p, names, "LRRR", mid ? 4 : 2, 0);
    for (int g = 0; g <= PROGRESS_COUNT; g++) {
        bool total = g == PROGRESS_COUNT;
        size_t at_mid = total ? e->whole->total : e->whole->at_midpoint[g];
        size_t at_now = total ? e->whole->total : e->whole->at_as_of[g];
        put_text(p, P_A, P_A, total ? tr("totaal", "total") : group_label((progress_group)g),
                 total ? p->d->wrap_bold : p->d->wrap);
        if (mid) {
            sheet_int(&p->s, P_B, (double)at_mid);
            sheet_number(&p->s, P_D, (double)at_now - (double)at_mid, p->d->f.integer);
        }
        sheet_int(&p->s, mid ? P_C : P_B, (double)at_now);
        end_row(p);
    }
    if (!e->midpoint_passed)
        note(p, e->view->midpoint == RR_DATE_NONE
                    ? tr("Het plan noemt geen begin of eind, dus er is geen midden: alleen de stand van nu.",
                         "The plan gives no start or end, so there is no midpoint: only the status now.")
                    : tr("Het midden van de looptijd ligt nog na de peildatum: alleen de stand van nu.",
                         "The midpoint still lies after the report date: only the status now."));
}

/* One row per action line: its actions, done at the midpoint and now, and now under
 * way, not started and never reported. Lagging lines in amber. */
static void write_lines(page *p, const eval_plan *e)
{
    if (!e->whole || e->lines->len < 2)
        return;
    section(p, tr("Per actielijn", "Per action line"));
    const char *names[] = {tr("Actielijn", "Action line"), tr("Acties", "Actions"),
                           tr("Afgerond op het midden", "Done at the midpoint"),
                           tr("Afgerond nu", "Done now"), tr("In uitvoering nu", "Under way now"),
                           tr("Niet gestart nu", "Not started now"),
                           tr("Nooit gemeld nu", "Never reported now")};
    header(p, names, "LRRRRRR", P_COLUMNS, 0);
    bool any_lag = false;
    for (guint i = 0; i < e->lines->len; i++) {
        const eval_line *l = &g_array_index(e->lines, eval_line, i);
        any_lag |= l->lags;
        put_text(p, P_A, P_A, l->name[0] ? l->name : tr("(zonder actielijn)", "(no action line)"),
                 l->lags ? p->d->lagging : p->d->wrap);
        sheet_int(&p->s, P_B, (double)l->counts->total);
        if (e->midpoint_passed)
            sheet_int(&p->s, P_C, (double)l->counts->at_midpoint[PROGRESS_DONE]);
        else
            put_text(p, P_C, P_C, no_midpoint_text(e), p->d->wrap_note);
        sheet_int(&p->s, P_D, (double)l->counts->at_as_of[PROGRESS_DONE]);
        sheet_int(&p->s, P_E, (double)l->counts->at_as_of[PROGRESS_UNDER_WAY]);
        sheet_int(&p->s, P_F, (double)l->counts->at_as_of[PROGRESS_NOT_STARTED]);
        sheet_int(&p->s, P_G, (double)l->counts->at_as_of[PROGRESS_UNKNOWN]);
        end_row(p);
    }
    if (any_lag)
        note(p, tr("Oranje: de actielijn heeft een kleiner deel van haar acties afgerond dan het "
                   "plan als geheel.",
                   "Amber: the action line has done a smaller share of its actions than the plan "
                   "as a whole."));
}

/* ---- a plan's page: the actions and their history ------------------------------ */

static void action_row(page *p, const eval_plan *e, const eval_action *a)
{
    const action_view *v = a->view;
    put_text(p, P_A, P_A, v->action->title[0] ? v->action->title : v->action->id, p->d->wrap);
    put_date(p, P_B, v->deadline);
    if (e->midpoint_passed)
        put_text(p, P_C, P_C, vocab_status_label(a->at_midpoint), p->d->wrap);
    else
        put_text(p, P_C, P_C, no_midpoint_text(e), p->d->wrap_note);
    put_text(p, P_D, P_D, vocab_status_label(v->status), p->d->wrap);
    if (v->latest) {
        put_date(p, P_E, v->latest->date.value.last);
        char *text = with_source(p, v->latest->note, v->latest->source);
        put_text(p, P_F, P_G, text, p->d->wrap);
        g_free(text);
    }
    end_row(p);
    /* The reports before the latest, in order: what happened in between. */
    for (guint i = 0; a->history->len > 0 && i + 1 < a->history->len; i++) {
        const rr_progress *r = g_ptr_array_index(a->history, i);
        char *what = g_strdup_printf(tr("eerder: %s", "earlier: %s"), vocab_status_label(r->status));
        put_text(p, P_A, P_A, what, p->d->history);
        put_date(p, P_E, r->date.value.last);
        char *text = with_source(p, r->note, r->source);
        put_text(p, P_F, P_G, text, p->d->history);
        g_free(text);
        g_free(what);
        end_row(p);
    }
}

static void write_actions(page *p, const eval_plan *e)
{
    if (!e->whole)
        return;
    section(p, tr("Acties per actielijn, met wat er over gemeld is",
                  "Actions per action line, with what was reported"));
    const char *names[] = {tr("Actie", "Action"), tr("Deadline", "Deadline"),
                           tr("Op het midden", "At the midpoint"),
                           tr("Nu", "Now"), tr("Laatste melding", "Latest report"),
                           tr("Toelichting", "Note")};
    for (guint i = 0; i < e->lines->len; i++) {
        const eval_line *l = &g_array_index(e->lines, eval_line, i);
        if (e->lines->len > 1 || l->name[0]) {
            put_text(p, P_A, P_G, l->name[0] ? l->name : tr("(zonder actielijn)", "(no action line)"),
                     p->d->wrap_bold);
            end_row(p);
        }
        header(p, names, "LLLLLL", 6, P_G);
        for (guint k = 0; k < l->actions->len; k++)
            action_row(p, e, &g_array_index(e->actions, eval_action,
                                            g_array_index(l->actions, guint, k)));
        sheet_next_row(&p->s);
    }
    note(p, tr("Een status 'onbekend' betekent: over deze actie is nooit voortgang gemeld. "
               "'eerder' zijn de meldingen vóór de laatste, in volgorde.",
               "A status 'unknown' means no progress was ever reported on the action. "
               "'earlier' are the reports before the latest, in order."));
}

/* ---- a plan's page: the trend with its chart ------------------------------------ */

static const char *point_kind(const eval_plan *e, guint i, const trend_point *t)
{
    if (i == e->midpoint_point)
        return tr("midden looptijd", "midpoint");
    if (t->is_as_of)
        return tr("peildatum", "report date");
    if (i == 0 && t->date == e->view->start)
        return tr("start plan", "plan start");
    return t->recorded ? tr("overleg", "meeting") : tr("overleg (ritme)", "meeting (rhythm)");
}

/* The chart over the table rows first..last (the dates in B, the groups in C-G). */
static void trend_chart(page *p, lxw_row_t at, lxw_row_t first, lxw_row_t last)
{
    static const progress_group groups[] = {PROGRESS_DONE, PROGRESS_UNDER_WAY, PROGRESS_NOT_STARTED,
                                            PROGRESS_CANCELLED, PROGRESS_UNKNOWN};
    static const rr_status colour_of[] = {STATUS_DONE, STATUS_IN_PROGRESS, STATUS_PLANNED,
                                          STATUS_CANCELLED, STATUS_UNKNOWN};
    lxw_chart *chart = workbook_add_chart(p->d->wb, LXW_CHART_AREA_STACKED);
    for (int g = 0; g < (int)G_N_ELEMENTS(groups); g++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(series, p->s.name, first, P_B, last, P_B);
        chart_series_set_values(series, p->s.name, first, (lxw_col_t)(P_C + g), last,
                                (lxw_col_t)(P_C + g));
        chart_series_set_name_range(series, p->s.name, first - 1, (lxw_col_t)(P_C + g));
        lxw_chart_fill fill = {.color = vocab_status_colour(colour_of[g])};
        chart_series_set_fill(series, &fill);
    }
    chart_title_set_name(chart, tr("Acties per stand, van de start tot nu",
                                   "Actions by status, from the start to now"));
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_num_format(chart->x_axis, "mm-yyyy");
    chart_axis_set_num_font(chart->x_axis, &(lxw_chart_font){.rotation = -45, .size = 10});
    chart_axis_set_num_font(chart->y_axis, &(lxw_chart_font){.size = 10});
    chart_legend_set_font(chart, &(lxw_chart_font){.size = 10});
    chart_title_set_name_font(chart, &(lxw_chart_font){.size = 12, .bold = LXW_TRUE});
    chart_set_style(chart, 2);
    double pixels = 0;
    for (int c = 0; c < P_COLUMNS; c++)
        pixels += (int)(P_WIDTHS[c] * 7.0 + 0.5) + 5;
    lxw_chart_options options = {.x_scale = (pixels - 10) / 480.0, .y_scale = 1.0,
                                 .x_offset = 5, .y_offset = 5};
    worksheet_insert_chart_opt(p->s.ws, at, 0, chart, &options);
}

static void write_trend(page *p, const eval_plan *e)
{
    if (!e->whole || e->trend->len == 0)
        return;
    section(p, tr("Verloop van de start tot het midden en nu", "Trend from the start to the midpoint and now"));
    lxw_row_t at = p->s.row;
    for (int i = 0; i < CHART_ROWS; i++)
        sheet_next_row(&p->s);
    const char *names[] = {tr("Moment", "Moment"), tr("Datum", "Date"),
                           group_label(PROGRESS_DONE), group_label(PROGRESS_UNDER_WAY),
                           group_label(PROGRESS_NOT_STARTED), group_label(PROGRESS_CANCELLED),
                           group_label(PROGRESS_UNKNOWN)};
    header(p, names, "LLRRRRR", P_COLUMNS, 0);
    lxw_row_t first = p->s.row;
    for (guint i = 0; i < e->trend->len; i++) {
        const trend_point *t = &g_array_index(e->trend, trend_point, i);
        put_text(p, P_A, P_A, point_kind(e, i, t), i == e->midpoint_point || t->is_as_of
                                                        ? p->d->wrap_bold : p->d->wrap);
        put_date(p, P_B, t->date);
        sheet_int(&p->s, P_C, (double)t->by_group[PROGRESS_DONE]);
        sheet_int(&p->s, P_D, (double)t->by_group[PROGRESS_UNDER_WAY]);
        sheet_int(&p->s, P_E, (double)t->by_group[PROGRESS_NOT_STARTED]);
        sheet_int(&p->s, P_F, (double)t->by_group[PROGRESS_CANCELLED]);
        sheet_int(&p->s, P_G, (double)t->by_group[PROGRESS_UNKNOWN]);
        end_row(p);
    }
    trend_chart(p, at, first, p->s.row - 1);
    note(p, tr("Op elk overleg van de regio (vastgelegd, of volgens het ritme), als op het tabblad "
               "Verloop van het regiorapport, maar alleen de acties van dit plan.",
               "At every meeting of the region (recorded, or by its rhythm), as on the Trend "
               "sheet of the report, but only this plan's actions."));
}

/* ---- a plan's page: budget, figures, what to look at ---------------------------- */

static const char *unpriced_kind(eval_unpriced_kind kind)
{
    switch (kind) {
    case EVAL_UNPRICED_FUNDING:
        return tr("dekking", "funding");
    case EVAL_UNPRICED_ACTION:
        return tr("geen bedrag", "no amount");
    default:
        return tr("lopende kosten", "running costs");
    }
}

static void write_unpriced(page *p, const eval_plan *e)
{
    if (e->unpriced->len == 0)
        return;
    sheet_next_row(&p->s);
    const char *names[] = {tr("Zonder bedrag", "Without an amount"),
                           tr("Wat de gegevens zeggen", "What the data says"), NULL, NULL, NULL,
                           NULL, tr("Soort", "Kind")};
    header(p, names, "LL", 2, P_F);
    xlsx_text(p->s.ws, p->s.row - 1, P_G, names[6], p->d->f.header, &p->s.ctx);
    for (guint i = 0; i < e->unpriced->len; i++) {
        const eval_unpriced *u = &g_array_index(e->unpriced, eval_unpriced, i);
        put_text(p, P_A, P_A, u->action ? u->action->title : tr("het plan", "the plan"), p->d->wrap);
        gchar **parts = g_strsplit(u->text, "|", -1);
        char *text = g_strjoinv("; ", parts);
        g_strfreev(parts);
        put_text(p, P_B, P_F, text, p->d->wrap);
        g_free(text);
        put_text(p, P_G, P_G, unpriced_kind(u->kind), p->d->wrap);
        end_row(p);
    }
    note(p, tr("Lopende kosten lopen al buiten de begroting van het plan en tellen niet mee.",
               "Running costs already run outside the plan's budget and are not counted."));
}

static void write_budget(page *p, const eval_plan *e)
{
    section(p, tr("Begroting per jaar", "Budget per year"));
    if (!e->has_budget)
        note(p, tr("Geen begroting voor dit plan in de gegevens (begroting.csv).",
                   "No budget for this plan in the data (begroting.csv)."));
    if (e->has_budget) {
        const char *names[] = {tr("Jaar", "Year"), tr("Begroot", "Budgeted"), tr("Opmerking", "Remark")};
        header(p, names, "LRL", 3, P_G);
        for (guint i = 0; i < e->budget->len; i++) {
            const eval_budget_year *y = &g_array_index(e->budget, eval_budget_year, i);
            sheet_year(&p->s, P_A, y->year);
            sheet_cents(&p->s, P_B, y->cents);
            if (!y->in_period)
                put_text(p, P_C, P_G, tr("buiten de looptijd van het plan", "outside the plan's term"),
                         p->d->wrap_note);
            end_row(p);
        }
        put_text(p, P_A, P_A, tr("totaal over de looptijd", "total over the term"), p->d->wrap_bold);
        sheet_number(&p->s, P_B, (double)e->budget_total / 100.0, p->d->f.euro_bold);
        end_row(p);
    }
    write_unpriced(p, e);
}

static void write_figures(page *p, const eval_plan *e)
{
    section(p, tr("Cijfers per 1.000 inwoners", "Figures per 1,000 inhabitants"));
    if (e->figures->len == 0) {
        note(p, tr("Geen cijfers bekend vanaf het jaar vóór de start van het plan.",
                   "No figures known from the year before the plan's start on."));
        return;
    }
    const char *names[] = {tr("Indicator", "Indicator"), tr("Jaar", "Year"), tr("Aantal", "Count"),
                           tr("Per 1.000 inwoners", "Per 1,000 inhabitants"),
                           tr("Regio: aantal", "Region: count"),
                           tr("Regio per 1.000 inwoners", "Region per 1,000"), tr("Bron", "Source")};
    header(p, names, "LRRRRRL", P_COLUMNS, 0);
    bool region_unknown = false;
    for (guint i = 0; i < e->figures->len; i++) {
        const eval_figure *f = &g_array_index(e->figures, eval_figure, i);
        put_text(p, P_A, P_A, tr(f->indicator->label_nl, f->indicator->label_en), p->d->wrap);
        sheet_year(&p->s, P_B, f->year);
        if (f->own->suppressed)
            put_text(p, P_C, P_C, tr("geheim", "suppressed"), p->d->wrap_note);
        else
            sheet_int(&p->s, P_C, f->own->value);
        if (f->own_per_thousand_known)
            sheet_number(&p->s, P_D, f->own_per_thousand, p->d->f.decimal);
        if (f->region && !f->region->suppressed)
            sheet_int(&p->s, P_E, f->region->value);
        if (f->region_per_thousand_known)
            sheet_number(&p->s, P_F, f->region_per_thousand, p->d->f.decimal);
        region_unknown |= !f->region_per_thousand_known && f->own->owner->region;
        char *src = with_source(p, "", f->own->source);
        put_text(p, P_G, P_G, src, p->d->wrap);
        g_free(src);
        end_row(p);
    }
    note(p, tr("Vanaf het jaar vóór de start van het plan (de nulmeting) tot het laatste bekende "
               "jaar; per 1.000 inwoners met het inwonertal van dat jaar, als op het tabblad "
               "Cijfers van het regiorapport.",
               "From the year before the plan's start (the baseline) to the latest known year; "
               "per 1,000 inhabitants with that year's population, as on the Indicators sheet "
               "of the report."));
    if (region_unknown)
        note(p, tr("De kolommen van de regio blijven leeg waar de gegevens geen cijfer van de "
                   "regio voor dat jaar hebben, of geen inwonertal van de regio.",
                   "The region's columns stay empty where the data has no figure of the region "
                   "for that year, or no population of the region."));
}

static const char *look_title(eval_look look)
{
    switch (look) {
    case EVAL_LOOK_OVERDUE:
        return tr("Over de deadline", "Past the deadline");
    case EVAL_LOOK_NEVER:
        return tr("Nooit voortgang gemeld", "Never reported on");
    default:
        return tr("Aangehouden", "On hold");
    }
}

static void write_look(page *p, const eval_plan *e)
{
    section(p, tr("Waar de evaluatie naar moet kijken", "What the evaluation must look at"));
    const char *names[] = {tr("Actie", "Action"), tr("Deadline", "Deadline"), tr("Nu", "Now"),
                           tr("Laatste melding", "Latest report"), tr("Reden of laatste toelichting", "Reason or latest note")};
    bool any = false;
    for (int look = 0; look < EVAL_LOOK_COUNT; look++) {
        if (e->look_count[look] == 0)
            continue;
        char *title = g_strdup_printf("%s (%zu)", look_title((eval_look)look), e->look_count[look]);
        put_text(p, P_A, P_G, title, p->d->wrap_bold);
        end_row(p);
        g_free(title);
        header(p, names, "LLLLL", 5, P_G);
        for (guint i = 0; i < e->actions->len; i++) {
            const eval_action *a = &g_array_index(e->actions, eval_action, i);
            if (!a->look[look])
                continue;
            const action_view *v = a->view;
            put_text(p, P_A, P_A, v->action->title[0] ? v->action->title : v->action->id, p->d->wrap);
            put_date(p, P_B, v->deadline);
            put_text(p, P_C, P_C, vocab_status_label(v->status), p->d->wrap);
            if (v->latest) {
                put_date(p, P_D, v->latest->date.value.last);
                char *text = with_source(p, v->latest->note, v->latest->source);
                put_text(p, P_E, P_G, text, p->d->wrap);
                g_free(text);
            } else {
                put_text(p, P_E, P_G, tr("nooit voortgang gemeld", "never reported on"), p->d->wrap_note);
            }
            end_row(p);
        }
        sheet_next_row(&p->s);
        any = true;
    }
    if (!any)
        note(p, tr("Geen actie over haar deadline, zonder melding of aangehouden.",
                   "No action past its deadline, never reported on or on hold."));
}

/* ---- a plan's page ------------------------------------------------------------ */

static void write_paragraph(page *p, const char *text)
{
    put_text(p, 0, p->columns - 1, text, p->d->paragraph);
    end_row(p);
}

static bool write_plan(doc *d, const eval_plan *e)
{
    char *name = g_strdup_printf("%s - %s", e->plan->owner->name, vocab_plan_kind_label(e->plan->kind));
    page p;
    bool ok = page_open(&p, d, name, P_WIDTHS, P_COLUMNS);
    g_free(name);
    if (!ok)
        return false;
    char *subtitle = g_strdup_printf(
        tr("%s · %s · tussenevaluatie per %s", "%s · %s · mid-term evaluation as of %s"),
        e->plan->owner->name, plan_kind_text(e->plan), date_text_nl(d->an->as_of).text);
    put_text(&p, 0, P_COLUMNS - 1, e->plan->title, d->f.title);
    p.height = 19.0 + 19.0 * (textfit_lines(e->plan->title, span_points(&p, 0, P_G), 14, true) - 1);
    end_row(&p);
    xlsx_text(p.s.ws, p.s.row, 0, subtitle, d->f.subtitle, &p.s.ctx);
    sheet_next_row(&p.s);
    sheet_next_row(&p.s);
    g_free(subtitle);
    char *text = evaluation_paragraph(d->an, d->ev, e);
    write_paragraph(&p, text);
    g_free(text);
    source_number(&p, e->plan->source);
    write_term(&p, e);
    write_counts(&p, e);
    write_lines(&p, e);
    write_look(&p, e);
    write_budget(&p, e);
    write_figures(&p, e);
    write_trend(&p, e);
    write_actions(&p, e);
    page_close(&p, true);
    return true;
}

/* ---- the summary page ------------------------------------------------------------ */

static void summary_row(page *p, const eval_plan *e)
{
    sheet *s = &p->s;
    put_text(p, S_PLAN, S_PLAN, e->plan->title, p->d->wrap);
    put_text(p, S_OWNER, S_OWNER, e->plan->owner->name, p->d->wrap);
    put_text(p, S_KIND, S_KIND, plan_kind_text(e->plan), p->d->wrap);
    put_date(p, S_START, e->view->start);
    put_date(p, S_END, e->view->original_end);
    put_date(p, S_EFFECTIVE_END, e->view->effective_end);
    put_date(p, S_MIDPOINT, e->view->midpoint);
    if (e->whole) {
        sheet_int(s, S_ACTIONS, (double)e->whole->total);
        if (e->midpoint_passed)
            sheet_percent(s, S_DONE_MID, evaluation_share_done(e->whole->at_midpoint, e->whole->total));
        else
            put_text(p, S_DONE_MID, S_DONE_MID, no_midpoint_text(e), p->d->wrap_note);
        sheet_percent(s, S_DONE_NOW, evaluation_share_done(e->whole->at_as_of, e->whole->total));
        sheet_int(s, S_LATE, (double)e->look_count[EVAL_LOOK_OVERDUE]);
        sheet_int(s, S_NEVER, (double)e->look_count[EVAL_LOOK_NEVER]);
    } else {
        sheet_int(s, S_ACTIONS, 0);
    }
    if (e->has_budget)
        sheet_cents(s, S_BUDGET, e->budget_total);
    end_row(p);
}

static void write_skipped(page *p, const rr_evaluation *ev)
{
    if (ev->skipped->len == 0)
        return;
    GString *text = g_string_new(tr("Niet geëvalueerd, want zonder acties in de gegevens: ",
                                    "Not evaluated, having no actions in the data: "));
    for (guint i = 0; i < ev->skipped->len; i++) {
        const rr_plan *plan = g_ptr_array_index(ev->skipped, i);
        g_string_append_printf(text, "%s%s (%s)", i ? "; " : "", plan->title,
                               vocab_plan_kind_label(plan->kind));
    }
    g_string_append(text, ".");
    note(p, text->str);
    g_string_free(text, TRUE);
}

static bool write_summary(doc *d)
{
    page p;
    if (!page_open(&p, d, tr("Samenvatting", "Summary"), S_WIDTHS, S_COLUMNS))
        return false;
    char *title = g_strdup_printf(tr("Tussenevaluatie %s", "Mid-term evaluation %s"), d->ev->region->name);
    char *subtitle = g_strdup_printf(
        tr("Het regionale plan en de lokale plannen, elk op het midden van de oorspronkelijke "
           "looptijd en op %s",
           "The regional plan and the local plans, each at the midpoint of its original term "
           "and on %s"),
        date_text_nl(d->an->as_of).text);
    sheet_title(&p.s, title, subtitle);
    g_free(title);
    g_free(subtitle);
    char *text = evaluation_region_paragraph(d->an, d->ev);
    write_paragraph(&p, text);
    g_free(text);
    sheet_next_row(&p.s);
    const char *names[] = {tr("Plan", "Plan"), tr("Gemeente of regio", "Municipality or region"),
                           tr("Soort", "Kind"), tr("Start", "Start"),
                           tr("Oorspr. eind", "Original end"),
                           tr("Eind met verlengingen", "End with extensions"),
                           tr("Midden looptijd", "Midpoint"), tr("Acties", "Actions"),
                           tr("% afgerond op het midden", "% done at the midpoint"),
                           tr("% afgerond nu", "% done now"), tr("Te laat", "Late"),
                           tr("Nooit gemeld", "Never reported"),
                           tr("Begroting over de looptijd", "Budget over the term")};
    header(&p, names, "LLLLLLLRRRRRR", S_COLUMNS, 0);
    for (guint i = 0; i < d->ev->plans->len; i++)
        summary_row(&p, &g_array_index(d->ev->plans, eval_plan, i));
    if (d->ev->plans->len == 0)
        note(&p, tr("Geen plannen in deze regio.", "No plans in this region."));
    sheet_next_row(&p.s);
    note(&p, tr("Midden looptijd: het midden van de oorspronkelijke looptijd, vóór verlengingen. "
                "'Nog niet': dat midden ligt na de peildatum. Te laat: over de deadline en niet "
                "afgerond of vervallen. Nooit gemeld: geen voortgang gemeld tot de peildatum. "
                "Elk plan heeft hierna een eigen tabblad.",
                "Midpoint: the middle of the original term, before extensions. 'Not yet': that "
                "midpoint lies after the report date. Late: past the deadline and neither done "
                "nor cancelled. Never reported: no progress reported up to the report date. "
                "Each plan has its own sheet after this one."));
    write_skipped(&p, d->ev);
    page_close(&p, false);
    return true;
}

/* ---- the document --------------------------------------------------------------- */

static void formats_init(doc *d)
{
    sheet_formats_init(&d->f, d->wb);
    d->wrap = workbook_add_format(d->wb);
    format_set_text_wrap(d->wrap);
    format_set_align(d->wrap, LXW_ALIGN_VERTICAL_TOP);
    d->wrap_bold = workbook_add_format(d->wb);
    format_set_text_wrap(d->wrap_bold);
    format_set_bold(d->wrap_bold);
    format_set_align(d->wrap_bold, LXW_ALIGN_VERTICAL_TOP);
    d->wrap_note = workbook_add_format(d->wb);
    format_set_text_wrap(d->wrap_note);
    format_set_italic(d->wrap_note);
    format_set_font_color(d->wrap_note, 0x595959);
    format_set_align(d->wrap_note, LXW_ALIGN_VERTICAL_TOP);
    d->paragraph = workbook_add_format(d->wb);
    format_set_text_wrap(d->paragraph);
    format_set_align(d->paragraph, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_size(d->paragraph, 11);
    d->lagging = workbook_add_format(d->wb);
    format_set_text_wrap(d->lagging);
    format_set_align(d->lagging, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(d->lagging, vocab_signal_fill(SIGNAL_AMBER));
    format_set_pattern(d->lagging, LXW_PATTERN_SOLID);
    d->source = workbook_add_format(d->wb);
    format_set_text_wrap(d->source);
    format_set_font_size(d->source, 10);
    format_set_font_color(d->source, 0x595959);
    format_set_align(d->source, LXW_ALIGN_VERTICAL_TOP);
    d->date = workbook_add_format(d->wb);
    format_set_num_format(d->date, "dd-mm-yyyy");
    format_set_align(d->date, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(d->date, LXW_ALIGN_RIGHT);
    d->history = workbook_add_format(d->wb);
    format_set_text_wrap(d->history);
    format_set_font_color(d->history, 0x595959);
    format_set_indent(d->history, 1);
    format_set_align(d->history, LXW_ALIGN_VERTICAL_TOP);
}

rr_error evaluation_write_xlsx(const char *path, const rr_analysis *an, const rr_evaluation *ev,
                               atomic_out *out, diag_list *diags)
{
    xlsx_file file;
    rr_error err = xlsx_file_open(&file, path, diags);
    if (err != RR_OK)
        return err;
    doc d = {.wb = file.workbook, .an = an, .ev = ev, .diags = diags, .path = path,
             .footer = g_strdup_printf(tr("Tussenevaluatie %s · stand per %s",
                                          "Mid-term evaluation %s · as of %s"),
                                       ev->region->name, date_text_nl(an->as_of).text),
             .sheet_names = g_ptr_array_new_with_free_func(g_free)};
    /* '&' would start a control code in the footer: the region's name is data. */
    for (char *c = d.footer; *c; c++)
        if (*c == '&')
            *c = '+';
    formats_init(&d);
    bool ok = write_summary(&d);
    for (guint i = 0; ok && i < ev->plans->len; i++)
        ok = write_plan(&d, &g_array_index(ev->plans, eval_plan, i));
    g_free(d.footer);
    g_ptr_array_free(d.sheet_names, TRUE);
    if (!ok) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "%s",
                 tr("kan niet worden opgebouwd: een tabblad werd geweigerd",
                    "cannot be built: a sheet was refused"));
        xlsx_file_abandon(&file);
        return RR_ERR_WRITE;
    }
    err = xlsx_file_close(&file, diags);
    if (err == RR_OK)
        *out = file.out;
    return err;
}
