/* handout.c - one A4 page per municipality or region, and its appendix (see handout.h). */
#include "xlsx/handout.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "analyse/receipts.h"
#include "analyse/summary.h"
#include "base/i18n.h"
#include "base/phrase.h"
#include "base/vocab.h"
#include "load/calendar.h"
#include "xlsx/cells.h"
#include "xlsx/sheet.h"
#include "xlsx/textfit.h"

/* ---- the page's grid ------------------------------------------------------ */

/* A municipality's page and every appendix: eight columns, portrait. A region's front
 * page: twelve, for the table of its municipalities; its other tables span several. */
static const double GRID_MUNICIPALITY[] = {26, 10.5, 10.5, 7.5, 14.5, 10.5, 19, 4.5};
static const double GRID_REGION[] = {14, 6, 8, 9.5, 7.5, 8, 9, 5, 6, 10.5, 8.5, 10.5};
#define GRID_MAX 12

/* The page prints at this fixed scale: 11 pt text prints at 9.7 pt; the grids are
 * as wide as A4 portrait holds at this scale (tests read the printed PDF). */
#define HANDOUT_SCALE 88
#define BODY_PT 11.0
#define SOURCE_PT 9.0
#define TITLE_PT 14.0
/* Rows: one line of 11 pt text, each further line, a gap between sections. */
#define LINE_PT 14.5
#define MORE_LINE_PT 13.6
#define GAP_PT 8.0
/* The front page's rows may fill this many points (A4 between the margins at the
 * scale, less a margin for LibreOffice's rounding of row heights). */
#define PAGE_PT ((841.9 - (0.45 + 0.55) * 72.0) * 100.0 / HANDOUT_SCALE * 0.985)

/* Title and note of an action: at most this many lines on the front page, and in the
 * appendix (where nothing else competes for the room). */
#define FRONT_LINES 3
#define APPENDIX_LINES 8

/* A table's column on the grid: grid columns first..last. */
typedef struct {
    int first, last;
} span;

typedef struct {
    lxw_format *title, *subtitle, *section, *text, *bold, *header, *header_right, *date,
        *integer, *decimal, *euro, *euro_bold, *change, *note, *source, *year, *source_ref,
        *form_alert;
    lxw_format *signal[SIGNAL_COUNT];
} page_formats;

/* A figure row: the owner's latest known figure of an indicator, the region's rate
 * beside it (rate < 0: none) and the remark that says where the rate comes from. */
typedef struct {
    const rr_figure *figure;
    double rate;
    char *why;
} figure_line;

typedef struct {
    const rr_model *model;
    const rr_analysis *an;
    const rr_analysis *before;
    const rr_owner *owner;
    const owner_summary *o;
    const owner_summary *was;
    page_formats f;
    xlsx_context ctx;
    lxw_worksheet *ws;      /* NULL while measuring (a dry run) */
    const double *grid;
    int columns;
    lxw_row_t row;
    double used;            /* points of the rows written on this sheet */
    lxw_error error;
    GPtrArray *sources;     /* distinct source texts, numbered on the handout */
    GPtrArray *signalled;   /* action_view*: red, then amber, each by deadline */
    GPtrArray *upcoming;    /* action_view*: open, deadline ahead, soonest first */
    size_t front_signalled; /* how many of each the front page shows */
    size_t front_upcoming;
    int text_lines;         /* lines of an action's title or note on this sheet */
    bool whole_euros;       /* every amount on the page is whole: no cents shown */
    bool figures_front;     /* the figures fit on the front page (else the appendix) */
    /* Worked out once, before the page is measured and written (prepare). */
    summary_facts facts;    /* the owner's, as the paragraph states them */
    char *paragraph;        /* summary_paragraph (owned) */
    GHashTable *plans;      /* rr_plan* shown: the owner's and those of its actions */
    GArray *figures;        /* figure_line, one per indicator with a known figure */
    GHashTable *plan_ends;  /* region page: municipality -> its plan's end + 1 */
} handout;

static void remember(handout *h, lxw_error e)
{
    if (e != LXW_NO_ERROR && h->error == LXW_NO_ERROR)
        h->error = e;
}

/* The points a span's text can fill. */
static double span_points(const handout *h, span s)
{
    double points = 0;
    for (int c = s.first; c <= s.last && c < h->columns; c++)
        points += textfit_column_points(h->grid[c]) + (c > s.first ? 4.5 : 0);
    return points;
}

/* Merges a span (when it is wider than a column) in the cell's format. */
static void merge(handout *h, span s, lxw_format *format)
{
    if (h->ws && s.last > s.first)
        remember(h, worksheet_merge_range(h->ws, h->row, (lxw_col_t)s.first, h->row,
                                          (lxw_col_t)s.last, "", format));
}

static void put_text(handout *h, span s, const char *text, lxw_format *format)
{
    if (!h->ws)
        return;
    merge(h, s, format);
    remember(h, xlsx_text(h->ws, h->row, (lxw_col_t)s.first, text, format, &h->ctx));
}

static void put_number(handout *h, span s, double value, lxw_format *format)
{
    if (!h->ws)
        return;
    merge(h, s, format);
    remember(h, worksheet_write_number(h->ws, h->row, (lxw_col_t)s.first, value, format));
}

static void put_date(handout *h, span s, rr_date date)
{
    if (!h->ws || date == RR_DATE_NONE)
        return;
    merge(h, s, h->f.date);
    remember(h, xlsx_date(h->ws, h->row, (lxw_col_t)s.first, date, h->f.date));
}

/* Ends the row at `points` high. */
static void end_row(handout *h, double points)
{
    if (h->ws)
        remember(h, worksheet_set_row(h->ws, h->row, points, NULL));
    h->used += points;
    h->row++;
}

static double lines_pt(int lines)
{
    return lines <= 1 ? LINE_PT : LINE_PT + MORE_LINE_PT * (lines - 1);
}

static void gap(handout *h)
{
    end_row(h, GAP_PT);
}

/* A text across the whole page, wrapped, as high as its lines. */
static void full_width(handout *h, const char *text, lxw_format *format, double size, bool bold)
{
    span all = {0, h->columns - 1};
    int lines = textfit_lines(text, span_points(h, all), size, bold);
    put_text(h, all, text, format);
    end_row(h, size < BODY_PT ? (double)lines * size * 1.3 + 2 : lines_pt(lines));
}

/* A header row: names on their spans, as high as the longest name wraps. */
static void header(handout *h, const span *spans, const char *const *names, const bool *right,
                   int count)
{
    int lines = 1;
    for (int i = 0; i < count; i++) {
        int n = textfit_lines(names[i], span_points(h, spans[i]), BODY_PT, true);
        lines = n > lines ? n : lines;
        put_text(h, spans[i], names[i], right && right[i] ? h->f.header_right : h->f.header);
    }
    end_row(h, lines_pt(lines));
}

/* ---- sources -------------------------------------------------------------- */

/* The number of a source text in the handout's list ("[2]"), adding it once. */
static int source_number(handout *h, const char *source)
{
    if (!source || !*source)
        return 0;
    for (guint i = 0; i < h->sources->len; i++)
        if (strcmp(g_ptr_array_index(h->sources, i), source) == 0)
            return (int)i + 1;
    g_ptr_array_add(h->sources, (gpointer)source);
    return (int)h->sources->len;
}

/* "[n]" in the Bron column of a row with a source. */
static void source_cell(handout *h, span s, const char *source)
{
    int n = source_number(h, source);
    if (n > 0) {
        char ref[16];
        snprintf(ref, sizeof ref, "[%d]", n);
        put_text(h, s, ref, h->f.source_ref);
    }
}

/* The list of every source the sheet cited, numbered. */
static void write_sources(handout *h, guint from)
{
    if (h->sources->len <= from)
        return;
    gap(h);
    put_text(h, (span){0, h->columns - 1}, tr("Bronnen", "Sources"), h->f.section);
    end_row(h, LINE_PT);
    for (guint i = from; i < h->sources->len; i++) {
        gchar *line = g_strdup_printf("[%u] %s", i + 1,
                                      (const char *)g_ptr_array_index(h->sources, i));
        full_width(h, line, h->f.source, SOURCE_PT, false);
        g_free(line);
    }
}

/* ---- the top of the page -------------------------------------------------- */

static void write_title(handout *h, bool appendix)
{
    const summary_facts facts = h->facts;
    gchar *title = appendix
                       ? g_strdup_printf(tr("Bijlage: %s, alle rode en oranje acties en deadlines",
                                            "Appendix: %s, every red and amber action and deadline"),
                                         h->owner->name)
                       : g_strdup_printf(tr("%s: aanpak huiselijk geweld en kindermishandeling",
                                            "%s: domestic violence and child abuse"),
                                         h->owner->name);
    put_text(h, (span){0, h->columns - 1}, title, h->f.title);
    end_row(h, 21);
    GString *sub = g_string_new(NULL);
    g_string_append_printf(sub, tr("Stand per %s · %s", "Status as of %s · %s"),
                           date_text_nl(h->an->as_of).text,
                           h->owner->kind == OWNER_REGION ? tr("regio", "region")
                                                          : tr("gemeente", "municipality"));
    if (h->owner->region)
        g_string_append_printf(sub, tr(" in regio %s", " in region %s"), h->owner->region->name);
    if (facts.main_plan)
        g_string_append_printf(sub, tr(" · plan: %s", " · plan: %s"), facts.main_plan->plan->title);
    char *since = calendar_meeting_date_text(h->o->since, h->o->since_estimated);
    char *next = calendar_meeting_date_text(h->o->next_meeting, h->o->next_estimated);
    g_string_append_printf(sub,
                           tr(" · wijzigingen sinds het vorige overleg, %s · volgend overleg %s%s",
                              " · changes since the previous meeting, %s · next meeting %s%s"),
                           since, next,
                           h->o->none_recorded ? tr(" · geen overleg vastgelegd",
                                                    " · no meeting recorded")
                                               : "");
    g_free(since);
    g_free(next);
    full_width(h, sub->str, h->f.subtitle, BODY_PT, false);
    g_string_free(sub, TRUE);
    g_free(title);
    gap(h);
}

/* The paragraph in plain language, and the legend of the colours and "onbekend". */
static void write_paragraph(handout *h)
{
    full_width(h, h->paragraph, h->f.text, BODY_PT, false);
    gap(h);
    char *legend = phrase_fill(PHRASE_LEGEND, 1, NULL, 0);
    full_width(h, legend, h->f.note, BODY_PT, false);
    g_free(legend);
}

/* ---- actions per status and signal ---------------------------------------- */

/* Actions per status beside actions per signal, each with the change since the
 * owner's previous meeting. */
static void write_counts(handout *h)
{
    bool region = h->columns == G_N_ELEMENTS(GRID_REGION);
    const span cols[6] = {{0, 0}, {1, 1}, {2, 2}, {4, region ? 5 : 4},
                          {region ? 6 : 5, region ? 6 : 5}, {region ? 7 : 6, region ? 8 : 6}};
    const char *names[6] = {tr("Status", "Status"),   tr("Acties", "Actions"),
                            tr("Verschil", "Change"), tr("Signaal", "Signal"),
                            tr("Acties", "Actions"),  tr("Verschil", "Change")};
    const bool right[6] = {false, true, true, false, true, true};
    header(h, cols, names, right, 6);
    const owner_summary *o = h->o, *was = h->was;
    static const rr_signal signals[] = {SIGNAL_RED, SIGNAL_AMBER, SIGNAL_GREEN};
    /* Statuses no action has, now or at the last meeting, are left out. */
    rr_status used[STATUS_COUNT];
    int n = 0;
    for (int k = 0; k < STATUS_COUNT; k++) {
        rr_status st = vocab_status_at(k);
        if (o->by_status[st] > 0 || (was && was->by_status[st] > 0))
            used[n++] = st;
    }
    for (int r = 0; r < n || r < 3; r++) {
        if (r < n) {
            put_text(h, cols[0], vocab_status_label(used[r]), h->f.text);
            put_number(h, cols[1], (double)o->by_status[used[r]], h->f.integer);
            if (was)
                put_number(h, cols[2],
                           (double)o->by_status[used[r]] - (double)was->by_status[used[r]],
                           h->f.change);
        }
        if (r < 3) {
            rr_signal sig = signals[r];
            put_text(h, cols[3], vocab_signal_label(sig), h->f.signal[sig]);
            put_number(h, cols[4], (double)o->by_signal[sig], h->f.integer);
            if (was)
                put_number(h, cols[5], (double)o->by_signal[sig] - (double)was->by_signal[sig],
                           h->f.change);
        }
        end_row(h, LINE_PT);
    }
    put_text(h, cols[0], tr("totaal", "total"), h->f.bold);
    put_number(h, cols[1], (double)o->actions, h->f.integer);
    if (was)
        put_number(h, cols[2], (double)o->actions - (double)was->actions, h->f.change);
    end_row(h, LINE_PT);
}

/* A section's title, a gap above it. */
static void section(handout *h, const char *title)
{
    gap(h);
    put_text(h, (span){0, h->columns - 1}, title, h->f.section);
    end_row(h, LINE_PT);
}

/* ---- red and amber actions, next deadlines (municipality grid) ------------ */

/* "en nog 12: zie de bijlage" */
static void more_line(handout *h, size_t left_out, bool appendix_exists)
{
    if (left_out == 0)
        return;
    gchar *count = phrase_count(left_out, NOUN_ACTION);
    gchar *text = appendix_exists
                      ? g_strdup_printf(tr("en nog %s: zie de bijlage (volgende pagina)",
                                           "and %s more: see the appendix (next page)"),
                                        count)
                      : g_strdup_printf(tr("en nog %s", "and %s more"), count);
    full_width(h, text, h->f.note, BODY_PT, false);
    g_free(text);
    g_free(count);
}

/* One action's row: title, deadline, status, signal, then (for a signalled one)
 * reason, last update and latest note; its source number at the end. */
static void action_row(handout *h, const action_view *v, bool signalled)
{
    static const span title = {0, 0}, deadline = {1, 1}, status = {2, 2}, sig = {3, 3},
                      reason = {4, 4}, last = {5, 5}, note = {6, 6}, bron = {7, 7};
    int lines = 1, n;
    char *t = textfit_cut(v->action->title, span_points(h, title), BODY_PT, false,
                          h->text_lines, &n);
    lines = n > lines ? n : lines;
    put_text(h, title, t, h->f.text);
    g_free(t);
    put_date(h, deadline, v->deadline);
    put_text(h, status, vocab_status_label(v->status), h->f.text);
    put_text(h, sig, vocab_signal_label(v->signal), h->f.signal[v->signal]);
    if (signalled) {
        const char *why = vocab_signal_reason_label(v->reason);
        n = textfit_lines(why, span_points(h, reason), BODY_PT, false);
        lines = n > lines ? n : lines;
        put_text(h, reason, why, h->f.text);
        put_date(h, last, v->latest ? v->latest->date.value.last : RR_DATE_NONE);
        char *cut = textfit_cut(v->latest ? v->latest->note : "", span_points(h, note), BODY_PT,
                                false, h->text_lines, &n);
        lines = n > lines ? n : lines;
        put_text(h, note, cut, h->f.text);
        g_free(cut);
    }
    source_cell(h, bron, v->action->source);
    end_row(h, lines_pt(lines));
}

static void signalled_header(handout *h)
{
    static const span cols[8] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}};
    const char *names[8] = {tr("Actie", "Action"),         tr("Deadline", "Deadline"),
                            tr("Status", "Status"),        tr("Signaal", "Signal"),
                            tr("Reden", "Reason"),         tr("Laatste update", "Last update"),
                            tr("Laatste toelichting", "Latest note"), tr("Bron", "Source")};
    header(h, cols, names, NULL, 8);
}

/* Rows first..first+count-1 of the red and amber actions. */
static void write_signalled(handout *h, size_t first, size_t count, bool appendix_exists)
{
    section(h, tr("Rode en oranje acties", "Red and amber actions"));
    if (h->signalled->len == 0) {
        full_width(h, tr("Geen rode of oranje acties.", "No red or amber actions."), h->f.note,
                   BODY_PT, false);
        return;
    }
    if (count > 0)
        signalled_header(h);
    for (size_t i = first; i < first + count && i < h->signalled->len; i++)
        action_row(h, g_ptr_array_index(h->signalled, i), true);
    more_line(h, h->signalled->len - first - count, appendix_exists);
}

static void write_upcoming(handout *h, size_t first, size_t count, bool appendix_exists)
{
    section(h, tr("Volgende deadlines", "Next deadlines"));
    if (h->upcoming->len == 0) {
        full_width(h, tr("Geen open actie met een deadline na de rapportdatum.",
                         "No open action with a deadline after the report date."),
                   h->f.note, BODY_PT, false);
        return;
    }
    static const span cols[5] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {7, 7}};
    const char *names[5] = {tr("Actie", "Action"), tr("Deadline", "Deadline"),
                            tr("Status", "Status"), tr("Signaal", "Signal"),
                            tr("Bron", "Source")};
    if (count > 0)
        header(h, cols, names, NULL, 5);
    for (size_t i = first; i < first + count && i < h->upcoming->len; i++)
        action_row(h, g_ptr_array_index(h->upcoming, i), false);
    more_line(h, h->upcoming->len - first - count, appendix_exists);
}

/* ---- plans, budget, figures ------------------------------------------------ */

/* The plans the owner's actions belong to and its own: term, extension, midpoint. */
static bool plan_shown(const handout *h, const rr_plan *plan)
{
    return g_hash_table_contains(h->plans, plan);
}

static void plan_row(handout *h, const plan_view *v, const span *cols)
{
    int lines = 1;
    char *title = textfit_cut(v->plan->title, span_points(h, cols[0]), BODY_PT, false,
                              FRONT_LINES, &lines);
    put_text(h, cols[0], title, h->f.text);
    g_free(title);
    put_date(h, cols[1], v->start);
    put_date(h, cols[2], v->original_end);
    put_number(h, cols[3], v->months_extended, h->f.integer);
    put_date(h, cols[4], v->effective_end);
    put_date(h, cols[5], v->midpoint);
    char *ended = v->ended ? g_strdup_printf(tr("afgelopen op %s", "ended on %s"),
                                             date_text_nl(v->effective_end).text)
                           : NULL;
    const char *remark = ended;
    if (!remark && v->runs_past_parent)
        remark = tr("loopt door na het regionale plan", "runs past the regional plan");
    else if (!remark && v->midpoint != RR_DATE_NONE && v->midpoint > h->an->as_of)
        remark = tr("midden nog niet bereikt", "midpoint still ahead");
    if (remark && cols[6].first >= 0) {
        int n = textfit_lines(remark, span_points(h, cols[6]), BODY_PT, false);
        lines = n > lines ? n : lines;
        put_text(h, cols[6], remark,
                 ended || v->runs_past_parent ? h->f.signal[SIGNAL_AMBER] : h->f.text);
    }
    g_free(ended);
    source_cell(h, cols[7], v->plan->source);
    end_row(h, lines_pt(lines));
}

static void write_plans(handout *h)
{
    section(h, tr("Plannen: looptijd, verlenging en midden", "Plans: term, extension and midpoint"));
    bool region = h->columns == G_N_ELEMENTS(GRID_REGION);
    static const span m[8] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}};
    static const span r[8] = {{0, 1}, {2, 3}, {4, 5}, {6, 6}, {7, 8}, {9, 9}, {-1, -1}, {10, 10}};
    const span *cols = region ? r : m;
    const char *names[8] = {tr("Plan", "Plan"), tr("Start", "Start"),
                            tr("Oorspr. eind", "Original end"),
                            tr("Verlengd (mnd)", "Extended (months)"),
                            tr("Eind met verlengingen", "End with extensions"),
                            tr("Midden looptijd", "Midpoint"), tr("Opmerking", "Remark"),
                            tr("Bron", "Source")};
    const bool right[8] = {false, false, false, true, false, false, false, false};
    bool any = false;
    for (size_t i = 0; i < h->an->plan_count; i++) {
        const plan_view *v = &h->an->plans[i];
        if (!plan_shown(h, v->plan))
            continue;
        if (!any) {
            if (region) {
                const span rc[7] = {r[0], r[1], r[2], r[3], r[4], r[5], r[7]};
                const char *rn[7] = {names[0], names[1], names[2], names[3], names[4], names[5], names[7]};
                const bool rr[7] = {false, false, false, true, false, false, false};
                header(h, rc, rn, rr, 7);
            } else {
                header(h, cols, names, right, 8);
            }
        }
        any = true;
        plan_row(h, v, cols);
    }
    if (!any)
        full_width(h, tr("Geen plannen.", "No plans."), h->f.note, BODY_PT, false);
}

/* This year's budget: per action line, then the total; whole euros where every
 * amount is whole. */
static void write_budget(handout *h)
{
    int year, month, day;
    date_to_ymd(h->an->as_of, &year, &month, &day);
    gchar *title = g_strdup_printf(tr("Begroting %d", "Budget %d"), year);
    section(h, title);
    g_free(title);
    static const span line = {0, 2}, amount = {3, 4};
    bool any = false;
    for (guint i = 0; i < h->an->budget->len; i++) {
        const budget_total *t = &g_array_index(h->an->budget, budget_total, i);
        if (t->owner != h->owner || t->year != year)
            continue;
        const char *name = t->action_line[0] ? t->action_line : tr("(geen actielijn)", "(none)");
        int lines = textfit_lines(name, span_points(h, line), BODY_PT, false);
        put_text(h, line, name, h->f.text);
        put_number(h, amount, (double)t->cents / 100.0, h->f.euro);
        end_row(h, lines_pt(lines));
        any = true;
    }
    for (guint i = 0; i < h->an->budget_years->len; i++) {
        const budget_total *t = &g_array_index(h->an->budget_years, budget_total, i);
        if (t->owner != h->owner || t->year != year)
            continue;
        put_text(h, line, tr("totaal", "total"), h->f.bold);
        put_number(h, amount, (double)t->cents / 100.0, h->f.euro_bold);
        end_row(h, LINE_PT);
    }
    if (!any)
        full_width(h, tr("Geen begroting voor dit jaar in de gegevens.",
                         "No budget for this year in the data."),
                   h->f.note, BODY_PT, false);
}

/* The region's rate beside the figure, or a remark that says why there is none. */
static char *region_rate_cell(handout *h, const rr_figure *f, double *rate)
{
    const rr_owner *region = h->owner->kind == OWNER_REGION ? h->owner : h->owner->region;
    summary_rate r;
    if (region && summary_region_rate(h->model, region, f->indicator, f->year, h->an->as_of, &r)) {
        *rate = r.per_thousand;
        char *of = phrase_count(r.municipalities, NOUN_MUNICIPALITY);
        char *text = g_strdup_printf(tr("regio per 1.000: berekend uit %zu van de %s van "
                                        "de regio in de gegevens",
                                        "region per 1,000: computed from %zu of the region's "
                                        "%s in the data"),
                                     r.used, of);
        g_free(of);
        return text;
    }
    if (!region || r.municipalities == 0)
        return g_strdup(tr("regio: geen gemeenten in de gegevens",
                           "region: no municipalities in the data"));
    if (r.without_population > 0)
        return g_strdup(tr("regio: geen inwonertal van de gemeenten bekend",
                           "region: no population of its municipalities known"));
    return g_strdup_printf(tr("regio: geen cijfers van de gemeenten over %d",
                              "region: no municipal figures for %d"),
                           f->year);
}

/* Adds `text` to `notes` unless it is there (the notes under the figures). */
static void note_once(GPtrArray *notes, char *text)
{
    for (guint i = 0; i < notes->len; i++)
        if (strcmp(g_ptr_array_index(notes, i), text) == 0) {
            g_free(text);
            return;
        }
    g_ptr_array_add(notes, text);
}

static void figure_row(handout *h, const figure_line *line, GPtrArray *notes)
{
    const rr_figure *f = line->figure;
    static const span name = {0, 2}, year = {3, 3}, count = {4, 4}, per = {5, 5},
                      region = {6, 6}, bron = {7, 7};
    const char *label = tr(f->indicator->label_nl, f->indicator->label_en);
    int lines = textfit_lines(label, span_points(h, name), BODY_PT, false);
    put_text(h, name, label, h->f.text);
    put_number(h, year, f->year, h->f.year);
    if (f->suppressed)
        put_text(h, count, tr("geheim", "suppressed"), h->f.note);
    else
        put_number(h, count, f->value, h->f.integer);
    double value;
    if (analyse_per_thousand(f, &value))
        put_number(h, per, value, h->f.decimal);
    if (line->rate >= 0)
        put_number(h, region, line->rate, h->f.decimal);
    note_once(notes, g_strdup(line->why));
    /* The year of the population count used, where inwoners.csv gives it. */
    int64_t population;
    int population_year;
    if (analyse_population(f->owner, f->year, &population, &population_year) && population_year)
        note_once(notes, g_strdup_printf(tr("per 1.000: inwoners van %d",
                                             "per 1,000: population of %d"),
                                         population_year));
    source_cell(h, bron, f->source);
    end_row(h, lines_pt(lines));
}

static void write_figures(handout *h)
{
    section(h, tr("Cijfers (laatst bekende jaar)", "Figures (latest known year)"));
    static const span cols[6] = {{0, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}};
    const char *names[6] = {tr("Indicator", "Indicator"), tr("Jaar", "Year"),
                            tr("Aantal", "Count"), tr("Per 1.000", "Per 1,000"),
                            tr("Regio per 1.000", "Region per 1,000"), tr("Bron", "Source")};
    const bool right[6] = {false, true, true, true, true, false};
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < h->figures->len; i++) {
        if (i == 0)
            header(h, cols, names, right, 6);
        figure_row(h, &g_array_index(h->figures, figure_line, i), notes);
    }
    if (h->figures->len == 0)
        full_width(h, tr("Geen cijfers bekend op de rapportdatum.",
                         "No figures known on the report date."),
                   h->f.note, BODY_PT, false);
    else {
        g_ptr_array_add(notes, NULL);
        char *joined = g_strjoinv("; ", (char **)notes->pdata);
        full_width(h, joined, h->f.note, BODY_PT, false);
        g_free(joined);
    }
    g_ptr_array_free(notes, TRUE);
}

/* ---- a region's municipalities (region grid) ------------------------------ */

/* The latest end of the plans a municipality's actions belong to or it owns. */
static rr_date plan_end_of(const handout *h, const rr_owner *owner)
{
    gpointer end = g_hash_table_lookup(h->plan_ends, owner);
    return end ? (rr_date)(GPOINTER_TO_INT(end) - 1) : RR_DATE_NONE;
}

/* How old a report is on the page's date: "7 maanden", "3 jaar en 5 maanden". */
static char *age_text(rr_date date, rr_date as_of)
{
    if (date == RR_DATE_NONE)
        return g_strdup(tr("nooit", "never"));
    int y1, m1, d1, y2, m2, d2;
    date_to_ymd(date, &y1, &m1, &d1);
    date_to_ymd(as_of, &y2, &m2, &d2);
    int months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1);
    return phrase_duration(months, (int)(as_of - date));
}

static const span MUNI_COLS[12] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4},  {5, 5},
                                   {6, 6}, {7, 7}, {8, 8}, {9, 9}, {10, 10}, {11, 11}};

/* One row: a municipality's (or the total's) counts, signals, last report and plan. */
static void municipality_row(handout *h, const char *name, const owner_summary *o,
                             rr_date plan_end, bool total)
{
    int lines = textfit_lines(name, span_points(h, MUNI_COLS[0]), BODY_PT, total);
    put_text(h, MUNI_COLS[0], name, total ? h->f.bold : h->f.text);
    const double values[8] = {(double)o->actions,
                              (double)o->by_group[PROGRESS_DONE],
                              (double)o->by_group[PROGRESS_UNDER_WAY],
                              (double)o->by_group[PROGRESS_NOT_STARTED],
                              (double)o->by_group[PROGRESS_CANCELLED],
                              (double)o->by_group[PROGRESS_UNKNOWN],
                              (double)o->by_signal[SIGNAL_RED],
                              (double)o->by_signal[SIGNAL_AMBER]};
    for (int i = 0; i < 8; i++)
        put_number(h, MUNI_COLS[1 + i], values[i], h->f.integer);
    put_date(h, MUNI_COLS[9], o->last_update);
    char *age = age_text(o->last_update, h->an->as_of);
    int n = textfit_lines(age, span_points(h, MUNI_COLS[10]), BODY_PT, false);
    lines = n > lines ? n : lines;
    put_text(h, MUNI_COLS[10], age, h->f.text);
    g_free(age);
    put_date(h, MUNI_COLS[11], plan_end);
    end_row(h, lines_pt(lines));
}

/* Adds one municipality's counts to the region's total. */
static void add_to_total(owner_summary *total, const owner_summary *o)
{
    total->actions += o->actions;
    for (int g = 0; g < PROGRESS_COUNT; g++)
        total->by_group[g] += o->by_group[g];
    for (int s = 0; s < SIGNAL_COUNT; s++)
        total->by_signal[s] += o->by_signal[s];
    if (o->last_update > total->last_update)
        total->last_update = o->last_update;
}

static void write_municipalities(handout *h)
{
    section(h, tr("Gemeenten in de regio", "The region's municipalities"));
    const char *names[12] = {
        tr("Gemeente", "Municipality"), tr("Acties", "Actions"),
        vocab_progress_group_label(PROGRESS_DONE), vocab_progress_group_label(PROGRESS_UNDER_WAY),
        vocab_progress_group_label(PROGRESS_NOT_STARTED),
        vocab_progress_group_label(PROGRESS_CANCELLED), vocab_progress_group_label(PROGRESS_UNKNOWN),
        vocab_signal_label(SIGNAL_RED), vocab_signal_label(SIGNAL_AMBER),
        tr("Laatste voortgang", "Latest report"), tr("Hoe lang geleden", "How long ago"),
        tr("Plan loopt tot", "Plan runs until")};
    const bool right[12] = {false, true, true, true, true, true, true, true, true};
    owner_summary total = {.last_update = RR_DATE_NONE};
    bool any = false;
    for (size_t i = 0; i < h->an->owner_count; i++) {
        const owner_summary *o = &h->an->owners[i];
        if (o->owner->region != h->owner)
            continue;
        if (!any)
            header(h, MUNI_COLS, names, right, 12);
        any = true;
        municipality_row(h, o->owner->name, o, plan_end_of(h, o->owner), false);
        add_to_total(&total, o);
    }
    if (!any) {
        full_width(h, tr("Geen gemeenten van deze regio in de gegevens.",
                         "No municipalities of this region in the data."),
                   h->f.note, BODY_PT, false);
        return;
    }
    municipality_row(h, tr("totaal gemeenten", "total of the municipalities"), &total,
                     RR_DATE_NONE, true);
}

/* ---- what the page shows, worked out once ---------------------------------- */

/* The owner's latest known figure of each indicator, in the indicators' order, with
 * the region's rate beside it. */
static void prepare_figures(handout *h)
{
    GHashTable *latest = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < h->model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(h->model->figures, i);
        if (f->owner != h->owner || !analyse_figure_known(f, h->an->as_of))
            continue;
        const rr_figure *best = g_hash_table_lookup(latest, f->indicator);
        if (!best || f->year > best->year)
            g_hash_table_insert(latest, f->indicator, (gpointer)f);
    }
    h->figures = g_array_new(FALSE, FALSE, sizeof(figure_line));
    for (guint i = 0; i < h->model->indicators->len; i++) {
        const rr_figure *f = g_hash_table_lookup(latest, g_ptr_array_index(h->model->indicators, i));
        if (!f)
            continue;
        figure_line line = {.figure = f, .rate = -1};
        line.why = region_rate_cell(h, f, &line.rate);
        g_array_append_val(h->figures, line);
    }
    g_hash_table_destroy(latest);
}

/* The paragraph and its facts, the plans shown, the figures, and on a region's page
 * each municipality's plan end: one pass each, not one per measuring of the page. */
static void prepare(handout *h)
{
    summary_facts_of(h->an, h->owner, NULL, &h->facts);
    h->paragraph = summary_paragraph(h->an, h->owner, NULL);
    h->plans = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (size_t i = 0; i < h->an->action_count; i++)
        if (h->an->actions[i].action->owner == h->owner && h->an->actions[i].action->plan)
            g_hash_table_add(h->plans, h->an->actions[i].action->plan);
    for (size_t i = 0; i < h->an->plan_count; i++)
        if (h->an->plans[i].plan->owner == h->owner)
            g_hash_table_add(h->plans, (gpointer)h->an->plans[i].plan);
    prepare_figures(h);
    h->plan_ends = g_hash_table_new(g_direct_hash, g_direct_equal);
    if (h->owner->kind != OWNER_REGION)
        return;
    for (size_t i = 0; i < h->an->owner_count; i++) {
        const rr_owner *o = h->an->owners[i].owner;
        if (o->region != h->owner)
            continue;
        summary_facts f;
        summary_facts_of(h->an, o, NULL, &f);
        if (f.main_plan && f.main_plan->effective_end != RR_DATE_NONE)
            g_hash_table_insert(h->plan_ends, (gpointer)o,
                                GINT_TO_POINTER(f.main_plan->effective_end + 1));
    }
}

static void release(handout *h)
{
    for (guint i = 0; i < h->figures->len; i++)
        g_free(g_array_index(h->figures, figure_line, i).why);
    g_array_free(h->figures, TRUE);
    g_hash_table_destroy(h->plan_ends);
    g_hash_table_destroy(h->plans);
    g_free(h->paragraph);
    g_ptr_array_free(h->upcoming, TRUE);
    g_ptr_array_free(h->signalled, TRUE);
    g_ptr_array_free(h->sources, TRUE);
}

/* ---- the pages ------------------------------------------------------------ */

/* Whether anything goes to the appendix: a region's actions, budget and figures
 * always do (its front page is its municipalities' overview). */
/* The most problems of one returned form listed on the page; the rest are counted. */
#define HANDOUT_MAX_FORM_PROBLEMS 5

/* One left-out form's problems, each at its cell ("Voortgang!D3: ..."). */
static void write_form_problems(handout *h, const rr_form *f)
{
    size_t shown = 0;
    for (size_t k = 0; k < f->problems.count && shown < HANDOUT_MAX_FORM_PROBLEMS; k++) {
        const diag *d = &f->problems.items[k];
        char place[160];
        diag_place(d, place, sizeof place);
        gchar *line = g_strdup_printf("%s%s: %s", f->name, place, d->message);
        full_width(h, line, h->f.source, SOURCE_PT, false);
        g_free(line);
        shown++;
    }
    if (f->problems.count > shown) {
        gchar *more = g_strdup_printf(tr("… en nog %zu; de coördinator heeft de hele lijst.",
                                         "… and %zu more; the coordinator has the whole list."),
                                      f->problems.count - shown);
        full_width(h, more, h->f.source, SOURCE_PT, false);
        g_free(more);
    }
}

/* What came of each form the owner sent back, those that did not count first: right
 * under the title, addressed to the one who sent it. */
static void write_forms(handout *h)
{
    GPtrArray *forms = receipts_of(h->model, h->owner, false);
    if (forms->len > 0)
        section(h, tr("Uw teruggestuurde formulieren", "Your returned forms"));
    for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < forms->len; i++) {
            const rr_form *f = g_ptr_array_index(forms, i);
            bool unused = f->outcome != FORM_READ;
            if (unused != (pass == 0))
                continue;
            char *text = receipts_sender_text(f);
            full_width(h, text, unused ? h->f.form_alert : h->f.text, BODY_PT, unused);
            g_free(text);
            if (f->outcome == FORM_LEFT_OUT)
                write_form_problems(h, f);
        }
    g_ptr_array_free(forms, TRUE);
}

/* Who sent nothing since the previous meeting, on a region's page: the region and its
 * municipalities, with the last report, its age and the contact. Nothing when everyone
 * sent something (a municipality's page has its own last report in its counts). */
static void write_silent(handout *h)
{
    bool any = false;
    if (h->owner->kind != OWNER_REGION)
        return;
    for (size_t i = 0; i < h->an->owner_count; i++) {
        const owner_summary *o = &h->an->owners[i];
        if (!o->silent || (o->owner != h->owner && o->owner->region != h->owner))
            continue;
        if (!any)
            section(h, tr("Niets ontvangen sinds het vorige overleg",
                          "Nothing received since the previous meeting"));
        any = true;
        char *age = o->last_update != RR_DATE_NONE
                        ? calendar_age_text(o->last_update, h->an->as_of)
                        : NULL;
        GString *line = g_string_new(o->owner->name);
        if (age)
            g_string_append_printf(line, tr(": laatste melding %s, %s", ": last report %s, %s"),
                                   date_text_nl(o->last_update).text, age);
        else
            g_string_append(line, tr(": nog nooit een melding", ": never reported"));
        if (*o->owner->contact)
            g_string_append_printf(line, tr("; contact: %s", "; contact: %s"), o->owner->contact);
        full_width(h, line->str, h->f.text, BODY_PT, false);
        g_string_free(line, TRUE);
        g_free(age);
    }
}

static bool has_appendix(const handout *h)
{
    if (h->owner->kind == OWNER_REGION)
        return true;
    return h->front_signalled < h->signalled->len || h->front_upcoming < h->upcoming->len ||
           !h->figures_front;
}

static void write_front(handout *h)
{
    bool appendix = has_appendix(h);
    write_title(h, false);
    write_forms(h);
    write_paragraph(h);
    if (h->o->actions > 0) {
        section(h, h->owner->kind == OWNER_REGION
                       ? tr("Acties van de regio zelf", "The region's own actions")
                       : tr("Acties", "Actions"));
        write_counts(h);
    }
    if (h->owner->kind == OWNER_REGION) {
        write_municipalities(h);
        write_silent(h);
        if (h->o->actions > 0)
            full_width(h, tr("De rode en oranje acties van de regio, haar volgende deadlines, "
                             "begroting en cijfers staan in de bijlage (volgende pagina).",
                             "The region's red and amber actions, its next deadlines, budget "
                             "and figures are in the appendix (next page)."),
                       h->f.note, BODY_PT, false);
    } else if (h->o->actions > 0) {
        write_signalled(h, 0, h->front_signalled, appendix);
        write_upcoming(h, 0, h->front_upcoming, appendix);
    }
    write_plans(h);
    if (h->owner->kind != OWNER_REGION) {
        write_budget(h);
        if (h->figures_front)
            write_figures(h);
        else
            full_width(h, tr("De cijfers (Veilig Thuis, per 1.000 inwoners) staan in de bijlage.",
                             "The figures (Veilig Thuis, per 1,000 inhabitants) are in the "
                             "appendix."),
                       h->f.note, BODY_PT, false);
    }
    write_sources(h, 0);
}

/* The points the front page takes with the current choices, written nowhere. */
static double measure_front(handout *h)
{
    lxw_worksheet *ws = h->ws;
    h->ws = NULL;
    h->row = 0;
    h->used = 0;
    g_ptr_array_set_size(h->sources, 0);
    write_front(h);
    double used = h->used;
    h->ws = ws;
    h->row = 0;
    h->used = 0;
    g_ptr_array_set_size(h->sources, 0);
    return used;
}

/* Whether the front page fits with `signalled` red and amber actions and `upcoming`
 * deadlines on it. */
static bool fits(handout *h, size_t signalled, size_t upcoming)
{
    h->front_signalled = signalled;
    h->front_upcoming = upcoming;
    return measure_front(h) <= PAGE_PT;
}

/* The most of `*count` (0 .. max) that still fits, the other count as it is; 0 when
 * none does. Halving: a page is measured about log2(max) times. */
static void most_that_fit(handout *h, size_t *count, size_t max)
{
    size_t lo = 0, hi = max; /* lo fits (or is 0), hi + 1 does not */
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        *count = mid;
        if (fits(h, h->front_signalled, h->front_upcoming))
            lo = mid;
        else
            hi = mid - 1;
    }
    *count = lo;
}

/* What the front page shows: everything, with texts as long as the room allows;
 * else titles and notes cut to three lines, the figures moved to the appendix, and
 * as many red and amber actions, then deadlines, as fit. The rest goes to the
 * appendix. A region's front page is its municipalities' overview; its own actions go
 * to the appendix. */
static void fit_front(handout *h)
{
    size_t all_s = h->signalled->len, all_u = h->upcoming->len;
    h->figures_front = true;
    if (h->owner->kind == OWNER_REGION) {
        h->front_signalled = h->front_upcoming = 0;
        return;
    }
    static const int lines[] = {8, 5, FRONT_LINES};
    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
        h->text_lines = lines[i];
        if (fits(h, all_s, all_u))
            return;
    }
    h->figures_front = false;
    if (fits(h, all_s, all_u))
        return;
    h->front_upcoming = MIN(all_u, 3);
    most_that_fit(h, &h->front_signalled, all_s);
    most_that_fit(h, &h->front_upcoming, all_u);
}

static void write_appendix(handout *h)
{
    write_title(h, true);
    h->text_lines = APPENDIX_LINES;
    size_t s_first = h->owner->kind == OWNER_REGION ? 0 : h->front_signalled;
    size_t u_first = h->owner->kind == OWNER_REGION ? 0 : h->front_upcoming;
    if (s_first < h->signalled->len || h->owner->kind == OWNER_REGION)
        write_signalled(h, s_first, h->signalled->len - s_first, false);
    if (u_first < h->upcoming->len || h->owner->kind == OWNER_REGION)
        write_upcoming(h, u_first, h->upcoming->len - u_first, false);
    if (h->owner->kind == OWNER_REGION)
        write_budget(h);
    if (h->owner->kind == OWNER_REGION || !h->figures_front)
        write_figures(h);
    write_sources(h, 0);
}

/* ---- formats and sheets --------------------------------------------------- */

static lxw_format *fmt(lxw_workbook *wb, bool wrap)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (wrap)
        format_set_text_wrap(f);
    return f;
}

static lxw_format *numeric(lxw_workbook *wb, const char *num_format, bool bold)
{
    lxw_format *f = fmt(wb, false);
    format_set_num_format(f, num_format);
    if (bold)
        format_set_bold(f);
    return f;
}

static lxw_format *header_fmt(lxw_workbook *wb, bool right)
{
    lxw_format *f = fmt(wb, true);
    format_set_bold(f);
    format_set_bg_color(f, 0xD9E1F2);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bottom(f, LXW_BORDER_THIN);
    if (right)
        format_set_align(f, LXW_ALIGN_RIGHT);
    return f;
}

static void formats_init(page_formats *f, lxw_workbook *wb, bool whole_euros)
{
    f->title = fmt(wb, false);
    format_set_bold(f->title);
    format_set_font_size(f->title, TITLE_PT);
    f->subtitle = fmt(wb, true);
    format_set_italic(f->subtitle);
    format_set_font_color(f->subtitle, 0x404040);
    f->section = fmt(wb, false);
    format_set_bold(f->section);
    format_set_font_size(f->section, 12);
    f->text = fmt(wb, true);
    f->bold = fmt(wb, true);
    format_set_bold(f->bold);
    f->header = header_fmt(wb, false);
    f->header_right = header_fmt(wb, true);
    f->date = numeric(wb, "dd-mm-yyyy", false);
    format_set_align(f->date, LXW_ALIGN_LEFT);
    format_set_indent(f->date, 1);
    f->integer = numeric(wb, "#,##0", false);
    f->decimal = numeric(wb, "0.00", false);
    /* Whole euros where every amount is whole: "€ 25.280", not "€ 25.280,00". */
    const char *euro = whole_euros ? "[$€-413] #,##0" : "[$€-413] #,##0.00";
    f->euro = numeric(wb, euro, false);
    f->euro_bold = numeric(wb, euro, true);
    f->change = numeric(wb, "+#,##0;-#,##0;0", false);
    f->year = numeric(wb, "0", false);
    f->note = fmt(wb, true);
    format_set_italic(f->note);
    format_set_font_color(f->note, 0x595959);
    f->source = fmt(wb, true);
    format_set_font_size(f->source, SOURCE_PT);
    format_set_font_color(f->source, 0x404040);
    f->form_alert = fmt(wb, true);
    format_set_bold(f->form_alert);
    format_set_font_color(f->form_alert, 0xC00000);
    f->source_ref = fmt(wb, false);
    format_set_font_color(f->source_ref, 0x404040);
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        f->signal[i] = fmt(wb, true);
        format_set_bg_color(f->signal[i], vocab_signal_fill((rr_signal)i));
        format_set_pattern(f->signal[i], LXW_PATTERN_SOLID);
    }
}

/* Whether every amount of this year's budget on the page is whole euros. */
static bool budget_is_whole(const handout *h)
{
    int year, month, day;
    date_to_ymd(h->an->as_of, &year, &month, &day);
    for (guint i = 0; i < h->an->budget->len; i++) {
        const budget_total *t = &g_array_index(h->an->budget, budget_total, i);
        if (t->owner == h->owner && t->year == year && t->cents % 100 != 0)
            return false;
    }
    return true;
}

/* Opens a sheet on the grid: widths, A4 portrait at the fixed scale, the footer. */
static bool open_sheet(handout *h, lxw_workbook *wb, const char *name, const double *grid,
                       int columns, const char *footer)
{
    h->ws = workbook_add_worksheet(wb, name);
    if (!h->ws)
        return false;
    h->grid = grid;
    h->columns = columns;
    h->row = 0;
    h->used = 0;
    h->ctx.sheet = name;
    for (int c = 0; c < columns; c++)
        remember(h, worksheet_set_column(h->ws, (lxw_col_t)c, (lxw_col_t)c, grid[c], NULL));
    worksheet_set_portrait(h->ws);
    worksheet_set_paper(h->ws, 9); /* A4 */
    worksheet_set_margins(h->ws, 0.3, 0.3, 0.45, 0.55);
    worksheet_set_print_scale(h->ws, HANDOUT_SCALE);
    gchar *code = g_strdup_printf("&L%s&C%s&R%s &P / &N", name, footer, tr("Pagina", "Page"));
    remember(h, worksheet_set_footer(h->ws, code));
    g_free(code);
    return true;
}

static void close_sheet(handout *h)
{
    if (h->row > 0)
        remember(h, worksheet_print_area(h->ws, 0, 0, h->row - 1, (lxw_col_t)(h->columns - 1)));
}

/* The footer: owner and date; '&' would start a control code, and the name is data. */
static void footer_text(const rr_owner *owner, rr_date as_of, char *buf, size_t size)
{
    snprintf(buf, size, tr("%s · stand per %s", "%s · status as of %s"), owner->name,
             date_text_nl(as_of).text);
    for (char *p = buf; *p; p++)
        if (*p == '&')
            *p = '+';
}

/* Both sheets: the front page fitted to one A4, then the appendix when needed. */
static bool write_handout(handout *h, lxw_workbook *wb)
{
    char footer[160];
    footer_text(h->owner, h->an->as_of, footer, sizeof footer);
    bool region = h->owner->kind == OWNER_REGION;
    const double *grid = region ? GRID_REGION : GRID_MUNICIPALITY;
    int columns = region ? (int)G_N_ELEMENTS(GRID_REGION) : (int)G_N_ELEMENTS(GRID_MUNICIPALITY);
    if (!open_sheet(h, wb, tr("Hand-out", "Handout"), grid, columns, footer))
        return false;
    fit_front(h);
    write_front(h);
    close_sheet(h);
    if (!has_appendix(h))
        return true;
    if (!open_sheet(h, wb, tr("Bijlage", "Appendix"), GRID_MUNICIPALITY,
                    (int)G_N_ELEMENTS(GRID_MUNICIPALITY), footer))
        return false;
    write_appendix(h);
    close_sheet(h);
    return true;
}

rr_error handout_write(const char *path, const rr_model *model, const rr_analysis *an,
                       const rr_analysis *before, const rr_owner *owner, atomic_out *out,
                       diag_list *diags)
{
    *out = (atomic_out){0};
    xlsx_file file;
    rr_error err = xlsx_file_open(&file, path, an->as_of, diags);
    if (err != RR_OK)
        return err;
    handout h = {.model = model, .an = an, .before = before, .owner = owner,
                 .o = analysis_owner(an, owner),
                 .was = before ? analysis_owner(before, owner) : NULL,
                 .sources = g_ptr_array_new(),
                 .signalled = analyse_owner_signalled(an, owner),
                 .upcoming = analyse_owner_next_deadlines(an, owner), .text_lines = FRONT_LINES,
                 .figures_front = true,
                 .ctx = {.notes = diags}};
    h.whole_euros = budget_is_whole(&h);
    formats_init(&h.f, file.workbook, h.whole_euros);
    prepare(&h);
    bool written = write_handout(&h, file.workbook);
    release(&h);
    if (!written) {
        xlsx_file_abandon(&file);
        return RR_ERR_WRITE;
    }
    if (h.error != LXW_NO_ERROR)
        diag_add(diags, DIAG_WARNING, path, 0, 0, "%s", lxw_strerror(h.error));
    err = xlsx_file_close(&file, diags);
    if (err == RR_OK)
        *out = file.out;
    return err;
}
