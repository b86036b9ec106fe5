/* evaluation.c (xlsx) - the mid-term evaluation document of a region (see evaluation.h). */
#include "xlsx/evaluation_int.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/vocab.h"
#include "xlsx/cells.h"
#include "xlsx/sheet.h"
#include "xlsx/textfit.h"

/* The summary page, A4 landscape: one row per plan. */
enum { S_PLAN, S_OWNER, S_KIND, S_START, S_END, S_EFFECTIVE_END, S_MIDPOINT, S_ACTIONS,
       S_DONE_MID, S_DONE_NOW, S_LATE, S_NEVER, S_BUDGET, S_COLUMNS };
static const double S_WIDTHS[S_COLUMNS] = {28, 14, 11, 10, 10, 12.5, 10,
                                           7, 9.5, 8.5, 7, 8.5, 13};

/* ---- cells ------------------------------------------------------------------ */

/* The points a text has in columns first..last (merged: their widths and the padding
 * between them), as xlsx/textfit measures a printed line. */
double evaluation_span_points(const page *p, int first, int last)
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
    int lines = textfit_lines(text ? text : "", evaluation_span_points(p, first, last), 11, bold);
    return 15.0 + 13.5 * (lines - 1);
}

/* Text in columns first..last (merged when more than one), wrapped; the row grows to
 * hold it. */
void evaluation_put_text(page *p, int first, int last, const char *text, lxw_format *format)
{
    if (last > first)
        worksheet_merge_range(p->s.ws, p->s.row, (lxw_col_t)first, p->s.row, (lxw_col_t)last,
                              "", format);
    xlsx_text(p->s.ws, p->s.row, (lxw_col_t)first, text, format, &p->s.ctx);
    double h = text_height(p, first, last, text, format == p->d->wrap_bold);
    if (h > p->height)
        p->height = h;
}

void evaluation_put_date(page *p, int col, rr_date date)
{
    sheet_date_format(&p->s, col, date, p->d->date);
}

void evaluation_end_row(page *p)
{
    if (p->height > 15.0)
        worksheet_set_row(p->s.ws, p->s.row, p->height > 409 ? 409 : p->height, NULL);
    p->height = 0;
    sheet_next_row(&p->s);
}

/* The number of a source on the page ("[2]"), adding it once; 0 for none. */
int evaluation_source_number(page *p, const char *source)
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
char *evaluation_cite(page *p, const char *text, const char *source)
{
    int n = evaluation_source_number(p, source);
    if (n == 0)
        return g_strdup(text);
    return g_strdup_printf("%s%s[%d]", text, *text ? " " : "", n);
}

/* A section's title, an empty row above it. */
void evaluation_section(page *p, const char *title)
{
    sheet_next_row(&p->s);
    xlsx_text(p->s.ws, p->s.row, 0, title, p->d->f.bold, &p->s.ctx);
    worksheet_set_row(p->s.ws, p->s.row, 18, p->d->f.bold);
    sheet_next_row(&p->s);
}

/* A header row (bold on blue: a table to tests/xlsx_facts.py). names[i] NULL leaves a
 * column out; align[i] 'R' sets a name right, over numbers; `merge_last` > 0 merges
 * the last column to that column. */
void evaluation_header(page *p, const char *const *names, const char *align, int count,
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
    evaluation_end_row(p);
}

void evaluation_note(page *p, const char *text)
{
    evaluation_put_text(p, 0, p->columns - 1, text, p->d->wrap_note);
    evaluation_end_row(p);
}

/* What stands in a midpoint's column of a plan that has no status there: its midpoint
 * lies ahead, or it has none. */
const char *evaluation_no_midpoint(const eval_plan *e)
{
    return e->view->midpoint == RR_DATE_NONE ? tr("geen midden", "no midpoint")
                                             : tr("nog niet", "not yet");
}

const char *evaluation_group_label(progress_group g)
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

bool evaluation_page_open(page *p, doc *d, const char *name, const double *widths, int columns)
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
void evaluation_page_close(page *p, bool portrait)
{
    if (p->sources->len > 0) {
        evaluation_section(p, tr("Bronnen", "Sources"));
        for (guint i = 0; i < p->sources->len; i++) {
            char *line = g_strdup_printf("[%u] %s", i + 1,
                                         (const char *)g_ptr_array_index(p->sources, i));
            evaluation_put_text(p, 0, p->columns - 1, line, p->d->source);
            evaluation_end_row(p);
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

const char *evaluation_plan_kind(const rr_plan *plan)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "%s%s", vocab_plan_kind_label(plan->kind),
             plan->draft ? tr(" (concept)", " (draft)") : "");
    return buf;
}

void evaluation_put_paragraph(page *p, const char *text)
{
    evaluation_put_text(p, 0, p->columns - 1, text, p->d->paragraph);
    evaluation_end_row(p);
}

/* ---- the summary page ------------------------------------------------------------ */

static void summary_row(page *p, const eval_plan *e)
{
    sheet *s = &p->s;
    evaluation_put_text(p, S_PLAN, S_PLAN, e->plan->title, p->d->wrap);
    evaluation_put_text(p, S_OWNER, S_OWNER, e->plan->owner->name, p->d->wrap);
    evaluation_put_text(p, S_KIND, S_KIND, evaluation_plan_kind(e->plan), p->d->wrap);
    evaluation_put_date(p, S_START, e->view->start);
    evaluation_put_date(p, S_END, e->view->original_end);
    evaluation_put_date(p, S_EFFECTIVE_END, e->view->effective_end);
    evaluation_put_date(p, S_MIDPOINT, e->view->midpoint);
    if (e->whole) {
        sheet_int(s, S_ACTIONS, (double)e->whole->total);
        if (e->midpoint_passed)
            sheet_percent(s, S_DONE_MID, evaluation_share_done(e->whole->at_midpoint, e->whole->total));
        else
            evaluation_put_text(p, S_DONE_MID, S_DONE_MID, evaluation_no_midpoint(e), p->d->wrap_note);
        sheet_percent(s, S_DONE_NOW, evaluation_share_done(e->whole->at_as_of, e->whole->total));
        sheet_int(s, S_LATE, (double)e->look_count[EVAL_LOOK_OVERDUE]);
        sheet_int(s, S_NEVER, (double)e->look_count[EVAL_LOOK_NEVER]);
    } else {
        sheet_int(s, S_ACTIONS, 0);
    }
    if (e->has_budget)
        sheet_cents(s, S_BUDGET, e->budget_total);
    evaluation_end_row(p);
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
    evaluation_note(p, text->str);
    g_string_free(text, TRUE);
}

static bool write_summary(doc *d)
{
    page p;
    if (!evaluation_page_open(&p, d, tr("Samenvatting", "Summary"), S_WIDTHS, S_COLUMNS))
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
    evaluation_put_paragraph(&p, text);
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
    evaluation_header(&p, names, "LLLLLLLRRRRRR", S_COLUMNS, 0);
    for (guint i = 0; i < d->ev->plans->len; i++)
        summary_row(&p, &g_array_index(d->ev->plans, eval_plan, i));
    if (d->ev->plans->len == 0)
        evaluation_note(&p, tr("Geen plannen in deze regio.", "No plans in this region."));
    sheet_next_row(&p.s);
    evaluation_note(&p, tr("Midden looptijd: het midden van de oorspronkelijke looptijd, vóór verlengingen. "
                "'Nog niet': dat midden ligt na de peildatum. Te laat: over de deadline en niet "
                "afgerond of vervallen. Nooit gemeld: geen voortgang gemeld tot de peildatum. "
                "Elk plan heeft hierna een eigen tabblad.",
                "Midpoint: the middle of the original term, before extensions. 'Not yet': that "
                "midpoint lies after the report date. Late: past the deadline and neither done "
                "nor cancelled. Never reported: no progress reported up to the report date. "
                "Each plan has its own sheet after this one."));
    write_skipped(&p, d->ev);
    evaluation_page_close(&p, false);
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
    rr_error err = xlsx_file_open(&file, path, an->as_of, diags);
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
        ok = evaluation_write_plan(&d, &g_array_index(ev->plans, eval_plan, i));
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
