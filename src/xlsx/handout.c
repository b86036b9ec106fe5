/* handout.c - one A4 page per municipality or region (see handout.h). */
#include "xlsx/handout.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "base/vocab.h"
#include "base/i18n.h"
#include "xlsx/cells.h"
#include "xlsx/sheet.h"

/* Seven columns, portrait: wide enough for a title and a note, narrow enough that
 * the page prints at about 85 % (tests/xlsx_facts.py computes it). */
enum { H_A, H_B, H_C, H_D, H_E, H_F, H_G, H_COLUMNS };
static const double H_WIDTHS[H_COLUMNS] = {30, 11.5, 11.5, 9, 20, 11.5, 30};

/* A title and a latest note on the page are cut to this many characters, three lines
 * in their columns (the workbook has them whole): a page of long titles would
 * otherwise print far below 65 %. */
#define HANDOUT_TEXT_CHARS 85

typedef struct {
    sheet s;
    const rr_model *model;
    const rr_analysis *an;
    const rr_analysis *before;
    const rr_owner *owner;
    lxw_format *change;     /* +2 / -1 / 0 */
    lxw_format *source_format; /* grey, wrapped, over the page's width */
    GPtrArray *sources;     /* distinct source texts, numbered on the page */
} handout;

static const char *page_date(rr_date date, char *buf)
{
    date_format_nl(date, buf, 16);
    return buf;
}

/* The number of a source text in the page's source list ("[2]"), adding it once. */
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

static void source_cell(handout *h, int col, const char *source)
{
    int n = source_number(h, source);
    if (n > 0) {
        char ref[16];
        snprintf(ref, sizeof ref, "[%d]", n);
        sheet_text_format(&h->s, col, ref, h->s.f->plain);
    }
}

/* A section's title, one empty row above it. */
static void section(handout *h, const char *title)
{
    sheet_next_row(&h->s);
    sheet_text_format(&h->s, H_A, title, h->s.f->bold);
    sheet_next_row(&h->s);
}

static void write_title(handout *h)
{
    const owner_summary *o = analysis_owner(h->an, h->owner);
    char b1[16], b2[16], b3[16];
    gchar *title = g_strdup_printf(tr("%s: aanpak huiselijk geweld en kindermishandeling",
                                      "%s: domestic violence and child abuse"),
                                   h->owner->name);
    gchar *subtitle = g_strdup_printf(
        tr("Stand per %s · %s%s%s · wijzigingen sinds het overleg van %s · volgend overleg %s",
           "Status as of %s · %s%s%s · changes since the meeting of %s · next meeting %s"),
        page_date(h->an->as_of, b1),
        h->owner->kind == OWNER_REGION ? tr("regio", "region") : tr("gemeente", "municipality"),
        h->owner->region ? tr(" in regio ", " in region ") : "",
        h->owner->region ? h->owner->region->name : "", page_date(o->since, b2),
        page_date(o->next_meeting, b3));
    sheet_title(&h->s, title, subtitle);
    g_free(title);
    g_free(subtitle);
}

/* Actions per status (A-C) beside actions per signal (E-G), each with the change
 * since the previous meeting. */
static void write_counts(handout *h, const owner_summary *o, const owner_summary *was)
{
    sheet *s = &h->s;
    const char *left[] = {tr("Status", "Status"), tr("Acties", "Actions"),
                          tr("Verschil", "Change")};
    sheet_header_row(s, left, 3);
    s->row--;
    const char *right[] = {tr("Signaal", "Signal"), tr("Acties", "Actions"),
                           tr("Verschil", "Change")};
    for (int i = 0; i < 3; i++)
        sheet_text_format(s, H_E + i, right[i], i ? s->f->header_right : s->f->header);
    sheet_next_row(s);
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
            sheet_text(s, H_A, vocab_status_label(used[r]));
            sheet_int(s, H_B, (double)o->by_status[used[r]]);
            if (was)
                sheet_number(s, H_C,
                             (double)o->by_status[used[r]] - (double)was->by_status[used[r]],
                             h->change);
        }
        if (r < 3) {
            rr_signal sig = signals[r];
            sheet_text_format(s, H_E, vocab_signal_label(sig), s->f->signal[sig]);
            sheet_int(s, H_F, (double)o->by_signal[sig]);
            if (was)
                sheet_number(s, H_G, (double)o->by_signal[sig] - (double)was->by_signal[sig],
                             h->change);
        }
        sheet_next_row(s);
    }
    sheet_text_format(s, H_A, tr("totaal", "total"), s->f->bold);
    sheet_int(s, H_B, (double)o->actions);
    if (was)
        sheet_number(s, H_C, (double)o->actions - (double)was->actions, h->change);
    sheet_next_row(s);
}

/* "… (12 more: see the Acties sheet of the report)" */
static void more_line(handout *h, size_t left_out)
{
    if (left_out == 0)
        return;
    gchar *text = g_strdup_printf(tr("en nog %zu: zie het tabblad Acties van het regiorapport",
                                     "and %zu more: see the Actions sheet of the report"),
                                  left_out);
    sheet_note(&h->s, text);
    g_free(text);
}

/* A text cut at a character boundary for the page, with "…" where it was cut. */
static char *short_text(const char *text)
{
    if (!text || g_utf8_strlen(text, -1) <= HANDOUT_TEXT_CHARS)
        return g_strdup(text ? text : "");
    const char *end = g_utf8_offset_to_pointer(text, HANDOUT_TEXT_CHARS - 1);
    return g_strdup_printf("%.*s…", (int)(end - text), text);
}

/* The first four cells of an action's row, alike in both tables of actions:
 * title, deadline, status, signal. */
static void action_cells(sheet *s, const action_view *v)
{
    char *title = short_text(v->action->title);
    sheet_text(s, H_A, title);
    g_free(title);
    sheet_date(s, H_B, v->deadline);
    sheet_text(s, H_C, vocab_status_label(v->status));
    sheet_text_format(s, H_D, vocab_signal_label(v->signal), s->f->signal[v->signal]);
}

/* The red actions, then the amber ones, each by deadline as the analysis orders them. */
static void write_signalled(handout *h)
{
    sheet *s = &h->s;
    section(h, tr("Rode en oranje acties", "Red and amber actions"));
    const char *names[] = {tr("Actie", "Action"), tr("Deadline", "Deadline"),
                           tr("Status", "Status"), tr("Signaal", "Signal"),
                           tr("Reden", "Reason"), tr("Laatste update", "Last update"),
                           tr("Laatste toelichting", "Latest note")};
    GPtrArray *chosen = analyse_owner_signalled(h->an, h->owner);
    size_t total = chosen->len, shown = total < HANDOUT_MAX_SIGNALLED ? total
                                                                       : HANDOUT_MAX_SIGNALLED;
    if (total > 0)
        sheet_header_row(s, names, H_COLUMNS);
    for (size_t i = 0; i < shown; i++) {
        const action_view *v = g_ptr_array_index(chosen, i);
        char *note = short_text(v->latest ? v->latest->note : "");
        action_cells(s, v);
        sheet_text(s, H_E, vocab_signal_reason_label(v->reason));
        sheet_date(s, H_F, v->latest ? v->latest->date.value.last : RR_DATE_NONE);
        sheet_text(s, H_G, note);
        g_free(note);
        sheet_next_row(s);
    }
    g_ptr_array_free(chosen, TRUE);
    if (total == 0)
        sheet_note(s, tr("Geen rode of oranje acties.", "No red or amber actions."));
    more_line(h, total - shown);
}

/* The open actions due next, as the analysis chose them, as many as fit the page. */
static void write_deadlines(handout *h)
{
    sheet *s = &h->s;
    section(h, tr("Volgende deadlines", "Next deadlines"));
    GPtrArray *next = analyse_owner_next_deadlines(h->an, h->owner);
    if (next->len == 0)
        sheet_note(s, tr("Geen open actie met een deadline na de rapportdatum.",
                         "No open action with a deadline after the report date."));
    else {
        const char *names[] = {tr("Actie", "Action"), tr("Deadline", "Deadline"),
                               tr("Status", "Status"), tr("Signaal", "Signal")};
        sheet_header_row(s, names, 4);
    }
    guint shown = next->len < HANDOUT_MAX_DEADLINES ? next->len : HANDOUT_MAX_DEADLINES;
    for (guint i = 0; i < shown; i++) {
        action_cells(s, g_ptr_array_index(next, i));
        sheet_next_row(s);
    }
    more_line(h, next->len - shown);
    g_ptr_array_free(next, TRUE);
}

static void write_plans(handout *h)
{
    sheet *s = &h->s;
    section(h, tr("Plannen: looptijd, verlenging en midden", "Plans: term, extension and midpoint"));
    const char *names[] = {tr("Plan", "Plan"), tr("Start", "Start"),
                           tr("Oorspr. eind", "Original end"),
                           tr("Verlengd (mnd)", "Extended (months)"),
                           tr("Eind met verlengingen", "End with extensions"),
                           tr("Midden looptijd", "Midpoint"), tr("Opmerking", "Remark")};
    bool any = false;
    for (size_t i = 0; i < h->an->plan_count; i++) {
        const plan_view *v = &h->an->plans[i];
        if (v->plan->owner != h->owner)
            continue;
        if (!any)
            sheet_header_row(s, names, H_COLUMNS);
        any = true;
        sheet_text(s, H_A, v->plan->title);
        sheet_date(s, H_B, v->start);
        sheet_date(s, H_C, v->original_end);
        sheet_int(s, H_D, v->months_extended);
        sheet_date(s, H_E, v->effective_end);
        sheet_date(s, H_F, v->midpoint);
        if (v->runs_past_parent)
            sheet_text_format(s, H_G, tr("loopt door na het regionale plan",
                                         "runs past the regional plan"),
                              s->f->signal[SIGNAL_AMBER]);
        else if (v->midpoint != RR_DATE_NONE && v->midpoint > h->an->as_of)
            sheet_text(s, H_G, tr("midden nog niet bereikt", "midpoint still ahead"));
        sheet_next_row(s);
    }
    if (!any)
        sheet_note(s, tr("Geen plannen.", "No plans."));
}

/* This year's budget: per action line, then the total. */
static void write_budget(handout *h)
{
    sheet *s = &h->s;
    int year, month, day;
    date_to_ymd(h->an->as_of, &year, &month, &day);
    gchar *title = g_strdup_printf(tr("Begroting %d", "Budget %d"), year);
    section(h, title);
    g_free(title);
    bool any = false;
    for (guint i = 0; i < h->an->budget->len; i++) {
        const budget_total *t = &g_array_index(h->an->budget, budget_total, i);
        if (t->owner != h->owner || t->year != year)
            continue;
        sheet_text(s, H_A, t->action_line[0] ? t->action_line : tr("(geen actielijn)", "(none)"));
        sheet_cents(s, H_B, t->cents);
        sheet_next_row(s);
        any = true;
    }
    for (guint i = 0; i < h->an->budget_years->len; i++) {
        const budget_total *t = &g_array_index(h->an->budget_years, budget_total, i);
        if (t->owner != h->owner || t->year != year)
            continue;
        sheet_text_format(s, H_A, tr("totaal", "total"), s->f->bold);
        sheet_number(s, H_B, (double)t->cents / 100.0, s->f->euro_bold);
        sheet_next_row(s);
    }
    if (!any)
        sheet_note(s, tr("Geen begroting voor dit jaar in de gegevens.",
                         "No budget for this year in the data."));
}

/* The owner's known figure of `indicator` for `year` (or the latest year when
 * year is 0); NULL when there is none. */
static const rr_figure *known_figure(const handout *h, const rr_owner *owner,
                                     const rr_indicator *indicator, int year)
{
    const rr_figure *best = NULL;
    for (guint i = 0; i < h->model->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(h->model->figures, i);
        if (f->owner != owner || f->indicator != indicator ||
            !analyse_figure_known(f, h->an->as_of))
            continue;
        if (year ? f->year == year : (!best || f->year > best->year))
            best = f;
    }
    return best;
}

/* One row: the indicator's latest known figure, per 1,000, the region's beside it. */
static void write_figure_row(handout *h, const rr_figure *f)
{
    sheet *s = &h->s;
    sheet_text(s, H_A, tr(f->indicator->label_nl, f->indicator->label_en));
    sheet_year(s, H_B, f->year);
    if (f->suppressed)
        sheet_text_format(s, H_C, tr("geheim", "suppressed"), s->f->note);
    else
        sheet_number(s, H_C, f->value, s->f->integer);
    double per;
    if (analyse_per_thousand(f, &per))
        sheet_number(s, H_D, per, s->f->decimal);
    const rr_figure *r = h->owner->region ? known_figure(h, h->owner->region, f->indicator,
                                                         f->year)
                                          : NULL;
    if (r && analyse_per_thousand(r, &per))
        sheet_number(s, H_E, per, s->f->decimal);
    /* The year of the count per 1,000 used: the figure's own where inwoners.csv has it. */
    int64_t population;
    int population_year;
    if (analyse_population(f->owner, f->year, &population, &population_year) && population_year)
        sheet_year(s, H_F, population_year);
    source_cell(h, H_G, f->source);
    sheet_next_row(s);
}

static void write_figures(handout *h)
{
    sheet *s = &h->s;
    section(h, tr("Cijfers (laatst bekende jaar)", "Figures (latest known year)"));
    const char *names[] = {tr("Indicator", "Indicator"), tr("Jaar", "Year"),
                           tr("Aantal", "Count"), tr("Per 1.000 inwoners", "Per 1,000"),
                           tr("Regio per 1.000 inwoners", "Region per 1,000"),
                           tr("Peiljaar inwoners", "Population year"), tr("Bron", "Source")};
    bool any = false;
    for (guint i = 0; i < h->model->indicators->len; i++) {
        const rr_indicator *ind = g_ptr_array_index(h->model->indicators, i);
        const rr_figure *f = known_figure(h, h->owner, ind, 0);
        if (!f)
            continue;
        if (!any)
            sheet_header_row(s, names, H_COLUMNS);
        any = true;
        write_figure_row(h, f);
    }
    if (!any)
        sheet_note(s, tr("Geen cijfers bekend op de rapportdatum.",
                         "No figures known on the report date."));
}

/* The sources the page cites, numbered, plus the plans' own. */
static void write_sources(handout *h)
{
    for (size_t i = 0; i < h->an->plan_count; i++)
        if (h->an->plans[i].plan->owner == h->owner)
            source_number(h, h->an->plans[i].plan->source);
    if (h->sources->len == 0)
        return;
    section(h, tr("Bronnen", "Sources"));
    for (guint i = 0; i < h->sources->len; i++) {
        gchar *line = g_strdup_printf("[%u] %s", i + 1,
                                      (const char *)g_ptr_array_index(h->sources, i));
        /* Across the page's width, wrapped, as high as its lines. */
        lxw_worksheet *ws = h->s.ws;
        worksheet_merge_range(ws, h->s.row, H_A, h->s.row, H_G, "", h->source_format);
        xlsx_text(ws, h->s.row, H_A, line, h->source_format, &h->s.ctx);
        long lines = (g_utf8_strlen(line, -1) + 119) / 120;
        worksheet_set_row(ws, h->s.row, 13.0 * (double)(lines < 1 ? 1 : lines), NULL);
        sheet_next_row(&h->s);
        g_free(line);
    }
}

static void write_page(handout *h)
{
    write_title(h);
    const owner_summary *o = analysis_owner(h->an, h->owner);
    const owner_summary *was = h->before ? analysis_owner(h->before, h->owner) : NULL;
    if (o->actions == 0) {
        gchar *text = g_strdup_printf(tr("%s heeft geen acties in de gegevens.",
                                         "%s has no actions in the data."),
                                      h->owner->name);
        sheet_text_format(&h->s, H_A, text, h->s.f->bold);
        sheet_next_row(&h->s);
        g_free(text);
    } else {
        write_counts(h, o, was);
        write_signalled(h);
        write_deadlines(h);
    }
    write_plans(h);
    write_budget(h);
    write_figures(h);
    write_sources(h);
}

/* A4 portrait, the whole page on one sheet of paper. */
static void page_setup(handout *h, const char *footer)
{
    sheet_finish(&h->s, footer);
    worksheet_set_portrait(h->s.ws);
    worksheet_fit_to_pages(h->s.ws, 1, 1);
    worksheet_print_area(h->s.ws, 0, 0, h->s.row > 0 ? h->s.row - 1 : 0, H_COLUMNS - 1);
}

rr_error handout_write(const char *path, const rr_model *model, const rr_analysis *an,
                       const rr_analysis *before, const rr_owner *owner, diag_list *diags)
{
    xlsx_file file;
    rr_error err = xlsx_file_open(&file, path, diags);
    if (err != RR_OK)
        return err;
    sheet_formats f;
    sheet_formats_init(&f, file.workbook);
    handout h = {.model = model, .an = an, .before = before, .owner = owner,
                 .sources = g_ptr_array_new()};
    h.change = workbook_add_format(file.workbook);
    format_set_num_format(h.change, "+#,##0;-#,##0;0");
    format_set_align(h.change, LXW_ALIGN_VERTICAL_TOP);
    h.source_format = workbook_add_format(file.workbook);
    format_set_font_color(h.source_format, 0x595959);
    format_set_font_size(h.source_format, 9);
    format_set_text_wrap(h.source_format);
    format_set_align(h.source_format, LXW_ALIGN_VERTICAL_TOP);
    if (!sheet_open(&h.s, file.workbook, tr("Hand-out", "Handout"), &f, NULL)) {
        g_ptr_array_free(h.sources, TRUE);
        xlsx_file_abandon(&file);
        return RR_ERR_WRITE;
    }
    for (int c = 0; c < H_COLUMNS; c++)
        h.s.width[c] = h.s.max_width[c] = H_WIDTHS[c];
    write_page(&h);
    char b1[16], footer[96];
    snprintf(footer, sizeof footer, tr("%s · stand per %s", "%s · status as of %s"),
             owner->name, page_date(an->as_of, b1));
    /* '&' would start a control code in the footer: the owner's name is data. */
    for (char *p = footer; *p; p++)
        if (*p == '&')
            *p = '+';
    page_setup(&h, footer);
    if (h.s.error != LXW_NO_ERROR)
        diag_add(diags, DIAG_WARNING, path, 0, 0, "%s", lxw_strerror(h.s.error));
    g_ptr_array_free(h.sources, TRUE);
    err = xlsx_file_close(&file, diags);
    atomic_out *out = &file.out;
    if (err == RR_OK)
        err = atomic_commit(&out, 1, diags);
    if (file.out.final_path) /* not yet discarded by a failed close */
        atomic_discard(&file.out);
    return err;
}
