/* workbook.c - the workbook's frame: sheets in order, Overzicht with its charts,
 * Controle, Bronnen, Data, document properties, atomic close. */
#include "xlsx/workbook.h"

#include <glib.h>
#include <stdio.h> /* snprintf */
#include <string.h>
#include <time.h>

#include "analyse/summary.h"
#include "base/i18n.h"
#include "base/testhooks.h"
#include "base/vocab.h"
#include "xlsx/workbook_int.h"
#include "xlsx/cells.h"
#include "analyse/receipts.h"
#include "xlsx/textfit.h"

/* ---- shared helpers ------------------------------------------------------------ */

bool wb_open_sheet(wb_ctx *c, sheet *s, const char *name)
{
    if (sheet_open(s, c->wb, name, &c->f, c->notes))
        return true;
    diag_add(c->notes, DIAG_ERROR, c->path, 0, 0,
             tr("libxlsxwriter weigert de tabbladnaam '%s'",
                "libxlsxwriter rejected the sheet name '%s'"),
             name);
    c->failed = true;
    return false;
}

void wb_finish_sheet(wb_ctx *c, sheet *s)
{
    sheet_finish(s, c->footer);
    if (s->error != LXW_NO_ERROR)
        diag_add(c->notes, DIAG_WARNING, c->path, 0, 0,
                 tr("tabblad %s: %s", "sheet %s: %s"), s->name, lxw_strerror(s->error));
}

const char *wb_region_name(const rr_owner *owner)
{
    return owner->region ? owner->region->name : owner->name;
}

const char *wb_owner_kind(const rr_owner *owner)
{
    return owner->kind == OWNER_REGION ? tr("regio", "region") : tr("gemeente", "municipality");
}

char *wb_theme_labels(const rr_action *action)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < action->themes->len; i++) {
        const rr_theme *t = g_ptr_array_index(action->themes, i);
        g_string_append_printf(s, "%s%s", i ? ", " : "", tr(t->label_nl, t->label_en));
    }
    return g_string_free(s, FALSE);
}

char *wb_action_ref(const rr_action *action)
{
    return g_strconcat(action->owner->id, "/", action->id, NULL);
}

/* ---- Overzicht ----------------------------------------------------------------- */

enum { SUM_OWNER, SUM_KIND, SUM_REGION, SUM_ACTIONS, SUM_FIRST_STATUS };
#define SUM_AFTER_STATUS (SUM_FIRST_STATUS + STATUS_COUNT)
enum { SUM_OVERDUE = SUM_AFTER_STATUS, SUM_DUE_SOON, SUM_NO_UPDATE, SUM_RED, SUM_AMBER,
       SUM_GREEN, SUM_LAST_UPDATE, SUM_AGE, SUM_UPDATED, SUM_SINCE, SUM_NEXT, SUM_CHANGE,
       SUM_COLUMNS };

/* ---- Grafieken ------------------------------------------------------------------ */

/* A stacked bar chart over Overzicht's rows `first`..`last`: one series per column in
 * `columns`, `width` x `height` pixels, `x_offset` pixels right of column A; `most` is
 * its longest bar. */
static void add_summary_chart(wb_ctx *c, sheet *s, lxw_row_t first, lxw_row_t last,
                              const int *columns, const uint32_t *colours, int count,
                              const char *title, double width, double height, double x_offset,
                              size_t most)
{
    lxw_chart *chart = workbook_add_chart(c->wb, LXW_CHART_BAR_STACKED);
    for (int i = 0; i < count; i++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(series, c->summary_name, first, SUM_OWNER, last, SUM_OWNER);
        chart_series_set_values(series, c->summary_name, first, (lxw_col_t)columns[i], last,
                                (lxw_col_t)columns[i]);
        chart_series_set_name_range(series, c->summary_name, c->summary_header,
                                    (lxw_col_t)columns[i]);
        lxw_chart_fill fill = {.color = colours[i]};
        chart_series_set_fill(series, &fill);
    }
    chart_title_set_name(chart, title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_reverse(chart->y_axis); /* first owner on top, as in the table */
    chart_axis_major_gridlines_set_visible(chart->x_axis, LXW_TRUE);
    /* Whole actions: with short bars a spreadsheet would step by 0.5 ("2,5 acties"). */
    if (most <= 10)
        chart_axis_set_major_unit(chart->x_axis, 1);
    chart_axis_set_min(chart->x_axis, 0);
    chart_set_style(chart, 2);
    lxw_chart_options options = {.x_scale = width / 480.0, /* 480 x 288: the default size */
                                 .y_scale = height / 288.0,
                                 .x_offset = (int32_t)x_offset};
    sheet_remember(s, worksheet_insert_chart_opt(s->ws, s->row, 0, chart, &options));
}

/* Each chart's width, and the gap between the two: side by side they fill a landscape
 * A4 page at about 90 %. */
#define CHART_WIDTH_PX 560.0
#define CHART_GAP_PX 16.0
#define CHART_COLUMNS 18 /* default columns (64 px) the two charts cover */

/* A chart's height for `owners` bars: room for title, axis and legend, then a bar
 * row each; at least about two thirds of the printed page, which the two charts have
 * to themselves. */
static double chart_height(size_t owners)
{
    double height = 140.0 + 30.0 * (double)owners;
    return height < 480.0 ? 480.0 : height;
}

/* Actions per status and signals per owner, side by side, for the owners first..last
 * (indexes into the analysis, rows of Overzicht); `scope` ends each title (a region's
 * name), or NULL. Moves below the two charts. */
static void add_chart_pair(wb_ctx *c, sheet *s, size_t first, size_t last, const char *scope)
{
    int status_columns[STATUS_COUNT];
    uint32_t status_colours[STATUS_COUNT];
    for (int i = 0; i < STATUS_COUNT; i++) {
        status_columns[i] = SUM_FIRST_STATUS + i;
        status_colours[i] = vocab_status_colour(vocab_status_at(i));
    }
    const int signal_columns[] = {SUM_RED, SUM_AMBER, SUM_GREEN};
    const uint32_t signal_colours[] = {vocab_signal_colour(SIGNAL_RED),
                                       vocab_signal_colour(SIGNAL_AMBER),
                                       vocab_signal_colour(SIGNAL_GREEN)};
    lxw_row_t top = c->summary_first + (lxw_row_t)first;
    lxw_row_t bottom = c->summary_first + (lxw_row_t)last;
    double height = chart_height(last - first + 1);
    size_t most = 0; /* the longest bar: an owner's actions, in both charts */
    for (size_t i = first; i <= last; i++)
        most = c->in->analysis->owners[i].actions > most ? c->in->analysis->owners[i].actions
                                                          : most;
    gchar *status_title = scope ? g_strdup_printf("%s: %s", tr("Acties per status",
                                                              "Actions per status"), scope)
                                : g_strdup(tr("Acties per status", "Actions per status"));
    gchar *signal_title = scope ? g_strdup_printf("%s: %s", tr("Signalen per eigenaar",
                                                              "Signals per owner"), scope)
                                : g_strdup(tr("Signalen per eigenaar", "Signals per owner"));
    add_summary_chart(c, s, top, bottom, status_columns, status_colours, STATUS_COUNT,
                      status_title, CHART_WIDTH_PX, height, 0, most);
    add_summary_chart(c, s, top, bottom, signal_columns, signal_colours, 3, signal_title,
                      CHART_WIDTH_PX, height, CHART_WIDTH_PX + CHART_GAP_PX, most);
    g_free(status_title);
    g_free(signal_title);
    /* 20 pixels a row (15 points), and a row free below */
    lxw_row_t rows = (lxw_row_t)(height / 20.0) + 2;
    for (lxw_row_t i = 0; i < rows; i++)
        sheet_next_row(s);
}

/* Past this many owners one bar per owner runs for pages: the charts come per region
 * then, each region on a page of its own. */
#define CHARTS_ONE_PAIR_MAX 40

/* Overzicht's counts as two native bar charts: all owners together, or per region
 * (the owners stand in Overzicht by region, so each region is a run of rows). A sheet
 * of their own: below the table they were cut by a page break and printed under its
 * repeated header. */
static void write_charts(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    gchar *subtitle = g_strdup_printf(tr("De cijfers staan op het tabblad %s; kleuren als daar.",
                                         "The figures are on the %s sheet; colours as there."),
                                      c->summary_name);
    sheet_title(s, tr("Acties per status en signalen per eigenaar",
                      "Actions per status and signals per owner"),
                subtitle);
    g_free(subtitle);
    sheet_print_columns(s, CHART_COLUMNS);
    if (an->owner_count == 0) {
        sheet_note(s, tr("Geen gemeenten of regio's in de gegevens: geen grafieken.",
                         "No municipalities or regions in the data: no charts."));
        return;
    }
    if (an->owner_count <= CHARTS_ONE_PAIR_MAX) {
        add_chart_pair(c, s, 0, an->owner_count - 1, NULL);
        return;
    }
    GArray *breaks = g_array_new(TRUE, TRUE, sizeof(lxw_row_t)); /* 0-terminated */
    for (size_t first = 0; first < an->owner_count;) {
        const char *region = wb_region_name(an->owners[first].owner);
        size_t last = first;
        while (last + 1 < an->owner_count &&
               strcmp(wb_region_name(an->owners[last + 1].owner), region) == 0)
            last++;
        if (first > 0) { /* a break falls after its row: after the free row above */
            lxw_row_t above = s->row - 1;
            g_array_append_val(breaks, above);
        }
        add_chart_pair(c, s, first, last, region);
        first = last + 1;
    }
    if (breaks->len > 0)
        sheet_remember(s, worksheet_set_h_pagebreaks(s->ws, (lxw_row_t *)breaks->data));
    g_array_free(breaks, TRUE);
}

/* The subtitle of one meeting period for all, its estimated dates said so. */
static gchar *summary_subtitle(const rr_analysis *an)
{
    const owner_summary *o = an->owner_count ? &an->owners[0] : NULL;
    char *since = calendar_meeting_date_text(an->since, o && o->since_estimated);
    char *next = calendar_meeting_date_text(an->next_meeting, o && o->next_estimated);
    gchar *text = g_strdup_printf(tr("Stand per %s · wijzigingen sinds %s · volgend overleg %s",
                                     "Status as of %s · changes since %s · next meeting %s"),
                                  date_text_nl(an->as_of).text, since, next);
    g_free(since);
    g_free(next);
    return text;
}

/* The title, and a subtitle with the report date and the meeting period: one for
 * all, or each row's own when regions meet on their own days. */
static void write_summary_title(const rr_analysis *an, sheet *s)
{
    gchar *subtitle =
        an->periods_differ
            ? g_strdup_printf(tr("Stand per %s · wijzigingen sinds het vorige overleg van elke "
                                 "regio (zie de laatste kolommen)",
                                 "Status as of %s · changes since each region's previous "
                                 "meeting (see the last columns)"),
                              date_text_nl(an->as_of).text)
            : summary_subtitle(an);
    sheet_title(s, tr("Regiorapport aanpak huiselijk geweld en kindermishandeling",
                      "Regional report on domestic violence and child abuse"),
                subtitle);
    g_free(subtitle);
}

/* Above the table, before anything else: every returned form that does not count. */
static void write_summary_forms(wb_ctx *c, sheet *s)
{
    GPtrArray *unused = receipts_of(c->in->model, NULL, true);
    for (guint i = 0; i < unused->len; i++) {
        char *text = receipts_coordinator_text(g_ptr_array_index(unused, i));
        char *line = g_strdup_printf(tr("Let op: %s (zie %s).", "Note: %s (see %s)."), text,
                                     vocab_sheet_name(SHEET_CHECKS));
        sheet_alert(s, line);
        g_free(line);
        g_free(text);
    }
    if (unused->len > 0)
        sheet_next_row(s);
    g_ptr_array_free(unused, TRUE);
}

/* The header row, with each column's width. */
static void write_summary_header(sheet *s)
{
    const char *names[SUM_COLUMNS];
    names[SUM_OWNER] = tr("Eigenaar", "Owner");
    names[SUM_KIND] = tr("Soort", "Kind");
    names[SUM_REGION] = tr("Regio", "Region");
    names[SUM_ACTIONS] = tr("Acties", "Actions");
    for (int i = 0; i < STATUS_COUNT; i++)
        names[SUM_FIRST_STATUS + i] = vocab_status_label(vocab_status_at(i));
    names[SUM_OVERDUE] = tr("Te laat", "Overdue");
    names[SUM_DUE_SOON] = tr("Deadline vóór volgend overleg", "Due before next meeting");
    names[SUM_NO_UPDATE] = tr("Geen recente update", "No recent update");
    names[SUM_RED] = vocab_signal_label(SIGNAL_RED);
    names[SUM_AMBER] = vocab_signal_label(SIGNAL_AMBER);
    names[SUM_GREEN] = vocab_signal_label(SIGNAL_GREEN);
    names[SUM_LAST_UPDATE] = tr("Laatste update", "Last update");
    names[SUM_AGE] = tr("Laatste update, geleden", "Last update, ago");
    names[SUM_UPDATED] = tr("Update sinds vorig overleg", "Update since last meeting");
    names[SUM_SINCE] = tr("Periode sinds", "Period since");
    names[SUM_NEXT] = tr("Volgend overleg", "Next meeting");
    names[SUM_CHANGE] = tr("Verandering sinds vorig overleg", "Change since last meeting");
    /* Twenty-three columns of counts and dates must fit one A4 page at 65 % or more:
     * every column as narrow as its contents allow, long names wrapped. */
    double widths[SUM_COLUMNS] = {[SUM_OWNER] = 16, [SUM_KIND] = 8, [SUM_REGION] = 15,
                                  [SUM_DUE_SOON] = 9, [SUM_NO_UPDATE] = 8,
                                  [SUM_LAST_UPDATE] = 11, [SUM_UPDATED] = 7, [SUM_SINCE] = 11,
                                  [SUM_NEXT] = 11, [SUM_CHANGE] = 12,
                                  /* "4 jaar en 7 maanden geleden" on three lines in
                                   * the room Excel gives (at 9, four) */
                                  [SUM_AGE] = 10};
    /* The counts' names stand upright over narrow columns; the two long ones wrap
     * across instead (upright they made the header as high as the table). */
    sheet_upright(s, SUM_ACTIONS, SUM_OVERDUE);
    sheet_upright(s, SUM_RED, SUM_GREEN);
    sheet_header(s, names, SUM_COLUMNS, widths);
}

/* One owner's row of counts, dates and change. */
static void write_summary_row(sheet *s, const rr_analysis *an, const owner_summary *o)
{
    sheet_text(s, SUM_OWNER, o->owner->name);
    sheet_text(s, SUM_KIND, wb_owner_kind(o->owner));
    sheet_text(s, SUM_REGION, wb_region_name(o->owner));
    sheet_int(s, SUM_ACTIONS, (double)o->actions);
    for (int k = 0; k < STATUS_COUNT; k++)
        sheet_int(s, SUM_FIRST_STATUS + k, (double)o->by_status[vocab_status_at(k)]);
    sheet_int(s, SUM_OVERDUE, (double)o->overdue);
    sheet_int(s, SUM_DUE_SOON, (double)o->due_soon);
    sheet_int(s, SUM_NO_UPDATE, (double)o->no_recent_update);
    sheet_int(s, SUM_RED, (double)o->by_signal[SIGNAL_RED]);
    sheet_int(s, SUM_AMBER, (double)o->by_signal[SIGNAL_AMBER]);
    sheet_int(s, SUM_GREEN, (double)o->by_signal[SIGNAL_GREEN]);
    sheet_date(s, SUM_LAST_UPDATE, o->last_update);
    char *age = calendar_age_text(o->last_update, an->as_of);
    sheet_text(s, SUM_AGE, age);
    g_free(age);

    sheet_text(s, SUM_UPDATED, o->actions == 0 ? ""
                               : o->updated_in_period ? tr("ja", "yes")
                                                      : tr("nee", "no"));
    sheet_date(s, SUM_SINCE, o->since);
    sheet_date(s, SUM_NEXT, o->next_meeting);
    char *change = analyse_change_text(o);
    sheet_text(s, SUM_CHANGE, o->actions == 0 ? "" : *change ? change : tr("geen", "none"));
    g_free(change);
}

/* Notes below the summary name owners; a long list would widen the printed page (a
 * note's text runs on past the table) and drown the table, so three a line, at most two
 * lines, then how many more and where they all are. */
#define NOTE_NAMES_PER_LINE 3
#define NOTE_NAME_LINES 2

/* Writes `head` and the `items` as notes as above. */
static void write_name_notes(sheet *s, const char *head, const GPtrArray *items,
                                  const char *all_at)
{
    guint shown = MIN(items->len, NOTE_NAMES_PER_LINE * NOTE_NAME_LINES);
    for (guint i = 0; i < shown; i += NOTE_NAMES_PER_LINE) {
        GString *line = g_string_new(i == 0 ? head : "    ");
        for (guint k = i; k < shown && k < i + NOTE_NAMES_PER_LINE; k++)
            g_string_append_printf(line, "%s%s", k > i ? ", " : " ",
                                   (const char *)g_ptr_array_index(items, k));
        if (i + NOTE_NAMES_PER_LINE >= shown && items->len > shown)
            g_string_append_printf(line, tr(" en nog %u (zie %s)", " and %u more (see %s)"),
                                   items->len - shown, all_at);
        sheet_note(s, line->str);
        g_string_free(line, TRUE);
    }
}

/* Below the table: which regions' meeting days are estimates. */
static void write_estimate_note(sheet *s, const rr_analysis *an)
{
    GPtrArray *names = g_ptr_array_new();
    bool projected = false;
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->owner->kind != OWNER_REGION)
            continue;
        /* A region with records whose period starts past the last one (projected). */
        projected |= !o->none_recorded && o->since_estimated;
        if (o->none_recorded)
            g_ptr_array_add(names, (gpointer)o->owner->name);
    }
    write_name_notes(
        s,
        tr("Geen overleg vastgelegd, 'Periode sinds' en 'Volgend overleg' geschat "
           "(leg vast: regiorapport overleg REGIO DATUM):",
           "No meeting recorded, 'Period since' and 'Next meeting' estimated (record: "
           "regiorapport overleg REGION DATE):"),
        names, vocab_sheet_name(SHEET_CHECKS));
    if (projected) {
        sheet_note(s, tr("Na het laatst vastgelegde overleg telt het ritme van de regio: die "
                         "data zijn geschat.",
                         "After the last recorded meeting the region's rhythm counts: those "
                         "dates are estimates."));
    }
    g_ptr_array_free(names, TRUE);
}

/* Below the table: the owners whose plans have all ended, with the day ("afgelopen op"). */
static void write_ended_note(sheet *s, const rr_analysis *an)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->plans_ended)
            g_ptr_array_add(items, g_strdup_printf(tr("%s afgelopen op %s", "%s ended on %s"),
                                                   o->owner->name,
                                                   date_text_nl(o->plans_end).text));
    }
    write_name_notes(s, tr("Plan (met verlengingen):", "Plan (with extensions):"), items,
                     vocab_sheet_name(SHEET_TIMELINES));
    g_ptr_array_free(items, TRUE);
}

/* Below the table, each owner's paragraph in plain language (the one on top of its
 * handout): its name, then the text across the table's other columns, wrapped, the
 * row as high as its lines, so it prints with the table. */
static void write_summary_words(const rr_analysis *an, sheet *s)
{
    sheet_next_row(s);
    sheet_text_format(s, SUM_OWNER, tr("In woorden", "In words"), s->f->bold);
    sheet_next_row(s);
    /* The merged columns' room and the 5 pixels of padding between each two, less a
     * point to spare (as sheet.c's rows). */
    double points = -3.75 - 1.0;
    for (int col = SUM_KIND; col < SUM_COLUMNS; col++)
        points += textfit_column_points_excel(s->width[col]) + 3.75;
    for (size_t i = 0; i < an->owner_count; i++) {
        const rr_owner *owner = an->owners[i].owner;
        char *text = summary_paragraph(an, owner, NULL);
        sheet_remember(s, worksheet_merge_range(s->ws, s->row, SUM_KIND, s->row,
                                                SUM_COLUMNS - 1, "", s->f->text));
        sheet_remember(s, xlsx_text(s->ws, s->row, SUM_KIND, text, s->f->text, &s->ctx));
        sheet_remember(s, xlsx_text(s->ws, s->row, SUM_OWNER, owner->name, s->f->bold, &s->ctx));
        /* Carlito's widths are Calibri's, the workbook's font: in the room Excel gives
         * (LibreOffice gives a little more) the lines are never too few. A character
         * count made every row a line too high, and the sheet a page too long. */
        int lines = textfit_lines(text, points, 11.0, false);
        sheet_remember(s, worksheet_set_row(s->ws, s->row, 15.0 + 14.0 * (lines - 1), NULL));
        g_free(text);
        sheet_next_row(s);
    }
}

static void write_summary(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    write_summary_title(an, s);
    write_summary_forms(c, s);
    write_summary_header(s);

    /* Grafieken draws these rows: an owner's row is summary_first + its index. */
    c->summary_name = s->name;
    c->summary_header = s->header_row;
    c->summary_first = s->row;
    for (size_t i = 0; i < an->owner_count; i++) {
        write_summary_row(s, an, &an->owners[i]);
        sheet_next_row(s);
    }
    sheet_end_table(s);
    sheet_next_row(s);
    sheet_note(s, tr("Rood: deadline verstreken (niet afgerond of vervallen) of vertraagd. "
                     "Oranje: deadline vóór het volgende overleg en nog niet gestart, "
                     "aangehouden, of geen update in de laatste twee overlegperiodes (84 dagen).",
                     "Red: deadline passed (not done or cancelled) or delayed. Amber: due before "
                     "the next meeting and not started, on hold, or no update in the last two "
                     "meeting periods (84 days)."));
    write_estimate_note(s, an);
    write_ended_note(s, an);
    gchar *charts = g_strdup_printf(tr("Deze aantallen als grafiek: tabblad %s.",
                                       "These counts as charts: the %s sheet."),
                                    vocab_sheet_name(SHEET_CHARTS));
    sheet_note(s, charts);
    g_free(charts);
    write_summary_words(an, s);
}

/* ---- Data ---------------------------------------------------------------------- */

enum { DATA_REGION, DATA_OWNER, DATA_KIND, DATA_ACTION, DATA_PLAN, DATA_LINE, DATA_THEMES,
       DATA_TITLE, DATA_PLANNING, DATA_DEADLINE, DATA_BUDGET, DATA_REPORT_DATE,
       DATA_REPORT_STATUS, DATA_REPORT_EXPECTED, DATA_NOTE, DATA_SOURCE, DATA_CURRENT,
       DATA_SIGNAL, DATA_COLUMNS };

/* The columns of one Data row that describe the action (`ref` and `themes` are
 * made once per action, not per row). */
static void write_data_action(sheet *s, const action_view *v, const char *ref,
                              const char *themes)
{
    const rr_action *a = v->action;
    sheet_text(s, DATA_REGION, wb_region_name(a->owner));
    sheet_text(s, DATA_OWNER, a->owner->name);
    sheet_text(s, DATA_KIND, wb_owner_kind(a->owner));
    sheet_text(s, DATA_ACTION, ref);
    sheet_text(s, DATA_PLAN, a->plan ? a->plan->title : a->plan_id);
    sheet_text(s, DATA_LINE, a->action_line);
    sheet_text(s, DATA_THEMES, themes);
    sheet_text(s, DATA_TITLE, a->title);
    sheet_text(s, DATA_PLANNING, a->planning.text);
    sheet_date(s, DATA_DEADLINE, v->deadline);
    if (a->has_budget_amount)
        sheet_cents(s, DATA_BUDGET, a->budget_cents);
    sheet_text(s, DATA_CURRENT, vocab_status_label(v->status));
    sheet_text_format(s, DATA_SIGNAL, vocab_signal_label(v->signal), s->f->signal[v->signal]);
}

static void write_data(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    const char *names[DATA_COLUMNS] = {
        tr("Regio", "Region"), tr("Eigenaar", "Owner"), tr("Soort eigenaar", "Owner kind"),
        tr("Actie", "Action"), tr("Plan", "Plan"), tr("Actielijn", "Action line"),
        tr("Thema's", "Themes"), tr("Titel", "Title"), tr("Planning", "Planning"),
        tr("Deadline", "Deadline"), tr("Budget (€)", "Budget (€)"),
        tr("Datum melding", "Report date"), tr("Status melding", "Reported status"),
        tr("Verwacht (melding)", "Expected (report)"), tr("Toelichting", "Note"), tr("Bron melding", "Report source"),
        tr("Huidige status", "Current status"), tr("Signaal", "Signal")};
    const double widths[DATA_COLUMNS] = {[DATA_PLAN] = 30, [DATA_TITLE] = 50,
                                         [DATA_NOTE] = 50, [DATA_SOURCE] = 40,
                                         [DATA_THEMES] = 30};
    sheet_flat(s);
    sheet_header(s, names, DATA_COLUMNS, widths);
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        char *ref = wb_action_ref(v->action);
        char *themes = wb_theme_labels(v->action);
        bool any = false;
        for (guint k = 0; k < v->reports_known; k++) {
            const rr_progress *p = g_ptr_array_index(v->action->progress, k);
            if (sheet_full(s))
                sheet_continue(s, c->wb, c->footer);
            write_data_action(s, v, ref, themes);
            sheet_date(s, DATA_REPORT_DATE, p->date.value.last);
            sheet_text(s, DATA_REPORT_STATUS, vocab_status_label(p->status));
            sheet_text(s, DATA_REPORT_EXPECTED, p->expected.text);
            sheet_text(s, DATA_NOTE, p->note);
            sheet_text(s, DATA_SOURCE, p->source);
            sheet_next_row(s);
            any = true;
        }
        if (!any) {
            if (sheet_full(s))
                sheet_continue(s, c->wb, c->footer);
            write_data_action(s, v, ref, themes);
            sheet_next_row(s);
        }
        g_free(ref);
        g_free(themes);
    }
}

/* ---- Controle and Bronnen ------------------------------------------------------- */

/* One diagnostic as a row of the Controle sheet: the place as a person reads it (a
 * form's cell as Voortgang!H12, as on the terminal), control and invisible characters
 * from the data made visible as on the terminal. */
static void write_check_row(sheet *s, const diag *d)
{
    char *path = diag_printable(d->path);
    char *message = diag_printable(d->message);
    char place[160];
    diag_place_words(d, place, sizeof place);
    sheet_text(s, 0, path);
    sheet_text(s, 1, place);
    sheet_text(s, 2, d->severity == DIAG_ERROR ? tr("fout", "error") : tr("waarschuwing", "warning"));
    sheet_text(s, 3, message);
    sheet_next_row(s);
    g_free(path);
    g_free(message);
}

/* First on Controle: each returned form, those that do not count first, with what
 * came of it and, for one left out, each of its problems at its cell. */
static void write_check_forms(const rr_model *model, sheet *s)
{
    for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < model->forms->len; i++) {
            const rr_form *f = g_ptr_array_index(model->forms, i);
            if ((f->outcome != FORM_READ) != (pass == 0))
                continue;
            char *text = receipts_coordinator_text(f);
            sheet_text(s, 0, f->path);
            sheet_text(s, 2, receipts_outcome_label(f->outcome));
            sheet_text(s, 3, text);
            sheet_next_row(s);
            g_free(text);
            for (size_t k = 0; f->outcome == FORM_LEFT_OUT && k < f->problems.count; k++)
                write_check_row(s, &f->problems.items[k]);
        }
}

static void write_checks(wb_ctx *c, sheet *s)
{
    const char *names[] = {tr("Bestand", "File"), tr("Plaats", "Place"), tr("Soort", "Kind"),
                           tr("Melding", "Message")};
    const double widths[] = {50, 18, 14, 90};
    sheet_header(s, names, 4, widths);
    write_check_forms(c->in->model, s);
    const diag_list *d = c->in->diagnostics;
    for (size_t i = 0; d && i < d->count; i++)
        write_check_row(s, &d->items[i]);
    /* What the charts said (a chart not drawn), then remarks made while writing this
     * workbook (cut texts). */
    const diag_list *charts = c->in->chart_notes;
    for (size_t i = 0; charts && i < charts->count; i++)
        write_check_row(s, &charts->items[i]);
    for (size_t i = 0; i < c->notes->count; i++)
        write_check_row(s, &c->notes->items[i]);
    if ((!d || d->count == 0) && (!charts || charts->count == 0) && c->notes->count == 0 &&
        c->in->model->forms->len == 0)
        sheet_note(s, tr("Geen waarschuwingen.", "No warnings."));
}

static void write_sources(wb_ctx *c, sheet *s)
{
    const rr_model *m = c->in->model;
    const rr_analysis *an = c->in->analysis;
    const char *names[] = {tr("Bestand", "File"), tr("Rijen", "Rows"), tr("Bytes", "Bytes"),
                           "SHA-256", tr("Codering", "Encoding")};
    /* A digest's 64 characters on one line: wider than 64, as digits in Calibri run a
     * little wider than the width unit (sheet.c sizes rows for the widest case). */
    const double widths[] = {55, 8, 10, 69, 14};
    sheet_header(s, names, 5, widths);
    for (guint i = 0; i < m->sources->len; i++) {
        const rr_source_file *f = g_ptr_array_index(m->sources, i);
        sheet_text(s, 0, f->path);
        sheet_int(s, 1, (double)f->rows);
        sheet_int(s, 2, (double)f->bytes);
        sheet_text(s, 3, f->sha256);
        sheet_text(s, 4, f->was_cp1252 ? "Windows-1252" : "UTF-8");
        sheet_next_row(s);
    }
    sheet_end_table(s); /* the facts below are no rows of the files' table */
    sheet_next_row(s);
    const char *facts[][2] = {
        {tr("Gemaakt met", "Made with"), c->in->version},
        {tr("Rapportdatum (--as-of)", "Report date (--as-of)"), date_text_nl(an->as_of).text},
        {tr("Wijzigingen sinds (--since)", "Changes since (--since)"), date_text_nl(an->since).text},
        {tr("Volgend overleg", "Next meeting"), date_text_nl(an->next_meeting).text},
        {tr("Gegevensmap", "Data folder"), c->in->data_dir},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(facts); i++) {
        sheet_text_format(s, 0, facts[i][0], s->f->bold);
        sheet_text(s, 3, facts[i][1]);
        sheet_next_row(s);
    }
}

/* ---- the workbook --------------------------------------------------------------- */

static void set_properties(wb_ctx *c)
{
    gchar *title = g_strdup_printf(tr("Regiorapport HGKM %s", "Regional report DVCA %s"),
                                   date_text_nl(c->in->analysis->as_of).text);
    gchar *comments = g_strdup_printf(tr("Gemaakt met %s uit %s", "Made with %s from %s"),
                                      c->in->version, c->in->data_dir);
    lxw_doc_properties props = {
        .title = title,
        .subject = (char *)tr("Voortgang aanpak huiselijk geweld en kindermishandeling",
                      "Progress on the approach to domestic violence and child abuse"),
        .author = (char *)"regiorapport",
        .keywords = (char *)"HGKM, regio, voortgang",
        .comments = comments,
        /* The same as xlsx_file_open's: this call replaces all properties. */
        .created = xlsx_document_time(c->in->analysis->as_of),
    };
    /* Strings in properties must be valid UTF-8 too; these are ours or the path. */
    bool cut;
    gchar *safe = xlsx_safe_text(comments, &cut);
    props.comments = safe;
    workbook_set_properties(c->wb, &props);
    g_free(safe);
    g_free(title);
    g_free(comments);
}

/* From this many Data rows on, the workbook is written in constant-memory mode:
 * about 2 KB of memory per row less (bench/RESULTS.md). Every sheet writes its rows
 * in order, as that mode needs. */
#define WB_CONSTANT_MEMORY_ROWS 50000

/* The Data rows from which constant-memory mode is used: WB_CONSTANT_MEMORY_ROWS, or
 * fewer through the test hook RR_CONSTANT_MEMORY_ROWS (base/testhooks.h), so that
 * tests can write a small report in that mode. */
static size_t constant_memory_rows(void)
{
    return (size_t)testhooks_value(TESTHOOK_CONSTANT_MEMORY_ROWS, 1, SIZE_MAX,
                                   WB_CONSTANT_MEMORY_ROWS);
}

/* Each sheet's writer, in the order they run: Controle last, because writing the
 * others may add remarks to it. */
static const struct {
    rr_sheet sheet;
    void (*write)(wb_ctx *c, sheet *s);
} WRITERS[] = {
    {SHEET_SUMMARY, write_summary},     {SHEET_CHARTS, write_charts},
    {SHEET_ACTIONS, wb_write_actions},
    {SHEET_CHANGES, wb_write_changes},  {SHEET_TREND, wb_write_trend},
    {SHEET_TIMELINES, wb_write_timelines}, {SHEET_EXTENSIONS, wb_write_extensions},
    {SHEET_ACTION_LINES, wb_write_action_lines}, {SHEET_THEMES, wb_write_themes},
    {SHEET_MIDTERM, wb_write_midterm},  {SHEET_FIGURES, wb_write_figures},
    {SHEET_POPULATION, wb_write_population},
    {SHEET_BUDGET, wb_write_budget},    {SHEET_BUDGET_TOTALS, wb_write_budget_totals},
    {SHEET_SOURCES, write_sources},
    {SHEET_DATA, write_data},           {SHEET_CHECKS, write_checks},
};
_Static_assert(G_N_ELEMENTS(WRITERS) == SHEET_REPORT_COUNT, "a writer for every report sheet");

/* What the report covers, for the page headers: its regions by name when they are
 * few ("Gelderland-Midden, Gelderland-Zuid: 2 regio's, 3 gemeenten"), else the counts
 * (g_free). */
static char *report_scope(const rr_analysis *an)
{
    size_t regions = 0, municipalities = 0;
    GString *names = g_string_new(NULL);
    for (size_t i = 0; i < an->owner_count; i++) {
        const rr_owner *o = an->owners[i].owner;
        if (o->kind != OWNER_REGION) {
            municipalities++;
            continue;
        }
        regions++;
        g_string_append_printf(names, "%s%s", names->len ? ", " : "", o->name);
    }
    gchar *counts = g_strdup_printf(tr("%zu %s, %zu %s", "%zu %s, %zu %s"), regions,
                                    regions == 1 ? tr("regio", "region") : tr("regio's", "regions"),
                                    municipalities, municipalities == 1
                                                        ? tr("gemeente", "municipality")
                                                        : tr("gemeenten", "municipalities"));
    char *scope = regions > 0 && regions <= 4 && g_utf8_strlen(names->str, -1) <= 60
                      ? g_strdup_printf("%s (%s)", names->str, counts)
                      : g_strdup(counts);
    g_string_free(names, TRUE);
    g_free(counts);
    return scope;
}

rr_error wb_write(const char *path, const wb_input *in, diag_list *notes, atomic_out *out)
{
    xlsx_file file;
    size_t rows = in->analysis->action_count + in->model->progress->len;
    rr_date as_of = in->analysis->as_of;
    rr_error err = rows >= constant_memory_rows() ? xlsx_file_open_large(&file, path, as_of, notes)
                                                   : xlsx_file_open(&file, path, as_of, notes);
    if (err != RR_OK)
        return err;
    wb_ctx c = {.wb = file.workbook, .in = in, .notes = notes, .path = path};
    sheet_formats_init(&c.f, c.wb);
    set_properties(&c);

    /* Every sheet is added first, in the order of rr_sheet, then filled in WRITERS' order. */
    sheet sheets[SHEET_REPORT_COUNT];
    for (int i = 0; i < SHEET_REPORT_COUNT && !c.failed; i++)
        wb_open_sheet(&c, &sheets[i], vocab_sheet_name((rr_sheet)i));
    if (c.failed) {
        xlsx_file_abandon(&file);
        return RR_ERR_WRITE;
    }
    c.footer = sheet_footer_text(in->analysis->as_of);
    c.scope = report_scope(in->analysis);
    /* Every printed page says what it is, what it covers and of when. */
    char *titles[SHEET_REPORT_COUNT];
    for (int i = 0; i < SHEET_REPORT_COUNT; i++) {
        titles[i] = g_strdup_printf("%s: %s", tr("Regiorapport HGKM", "Regional report DVCA"),
                                    vocab_sheet_name((rr_sheet)i));
        sheet_page_header(&sheets[i], titles[i], c.scope, c.footer);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(WRITERS); i++)
        WRITERS[i].write(&c, &sheets[WRITERS[i].sheet]);
    for (int i = 0; i < SHEET_REPORT_COUNT; i++)
        wb_finish_sheet(&c, &sheets[i]);
    for (int i = 0; i < SHEET_REPORT_COUNT; i++)
        g_free(titles[i]);
    g_free(c.scope);
    g_free(c.footer);
    worksheet_activate(sheets[SHEET_SUMMARY].ws);
    err = xlsx_file_close(&file, notes);
    if (err == RR_OK)
        *out = file.out;
    return err;
}
