/* test_workbook.c - the report workbook, read back with openpyxl (tests/xlsx_facts.h)
 * and Gnumeric's ssconvert, sheet by sheet against the model and the analysis.
 *
 * Sheets are found by name, columns by header name, rows by their key columns, so a
 * new column or sheet does not make these tests read the wrong cell. Expected values
 * come from the analysis of the same data (loaded here, in the test's process) or, for
 * the small tree written by `changes_tree`, from the data itself. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "base/vocab.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

#define AS_OF_TEXT "2023-01-15"
#define AS_OF (date_from_ymd(2023, 1, 15))

/* The sheets the README documents, in their order (others, such as a new sheet, may
 * stand between them). */
static const char *const SHEETS_NL[] = {
    "Overzicht", "Grafieken", "Acties", "Wijzigingen", "Verloop", "Looptijden",
    "Verlengingen", "Actielijnen", "Thema's", "Tussenevaluatie", "Cijfers", "Inwoners",
    "Begroting", "Begroting per jaar", "Controle", "Bronnen", "Data"};
static const char *const SHEETS_EN[] = {
    "Summary", "Charts", "Actions", "Changes", "Trend", "Timelines", "Extensions",
    "Action lines", "Themes", "Mid-term", "Indicators", "Population", "Budget",
    "Budget per year", "Checks", "Sources", "Data"};

/* A report of `data` and its workbook read back; the report must succeed. */
typedef struct {
    tu_report *run;
    xf_book *book;
} read_report;

static read_report report_read(const char *data, const char *lang)
{
    read_report r = {tu_report_ok(data, AS_OF_TEXT, lang), NULL};
    r.book = xf_read(r.run->path);
    return r;
}

static void report_free(read_report *r)
{
    xf_free(r->book);
    tu_report_free(r->run);
}

/* ---- the shipped data, reported and read back once for the "shipped" tests --------- */

/* What the fixture saw; the tests assert on it (the fixture itself runs in the runner,
 * where it must not fail an assertion). */
static struct {
    char *out_dir, *path;
    char *out, *err;       /* what report printed */
    int status;            /* its wait status, -1 if it did not start */
    char *facts;           /* tests/xlsx_facts.py's output, NULL when it failed */
    char *facts_error;
    char *render;          /* tests/render_facts.py's output, NULL when it failed */
    char *render_error;
    tu_checked *checked;   /* the same data loaded and checked here */
} shipped;

static void shipped_setup(void)
{
    shipped.checked = tu_check(tu_data_dir(), AS_OF, RR_DATE_NONE);
    shipped.out_dir = g_dir_make_tmp("rrtest-XXXXXX", NULL);
    if (!shipped.out_dir)
        return;
    shipped.path = g_build_filename(shipped.out_dir, "regiorapport-" AS_OF_TEXT ".xlsx", NULL);
    const char *bin = tu_bin();
    const char *argv[] = {bin,        "report", "--data",  tu_data_dir(), "--out",
                          shipped.out_dir, "--as-of", AS_OF_TEXT, "--charts", "none", NULL};
    shipped.status = -1;
    if (g_spawn_sync(NULL, (gchar **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &shipped.out,
                     &shipped.err, &shipped.status, NULL) &&
        shipped.status == 0) {
        shipped.facts = xf_facts_text(shipped.path, &shipped.facts_error);
        /* Printed once for the suite: LibreOffice takes seconds. */
        shipped.render = xf_render_text(shipped.path, &shipped.render_error);
    }
}

static void shipped_teardown(void)
{
    if (shipped.out_dir)
        tu_rmtree(shipped.out_dir);
    g_free(shipped.out_dir);
    g_free(shipped.path);
    g_free(shipped.out);
    g_free(shipped.err);
    g_free(shipped.facts);
    g_free(shipped.facts_error);
    g_free(shipped.render);
    g_free(shipped.render_error);
    tu_checked_free(shipped.checked);
    memset(&shipped, 0, sizeof shipped);
}

/* The shipped report's workbook as the fixture read it; fails when it could not. */
static xf_book *shipped_book(void)
{
    ck_assert_msg(shipped.out_dir, "no temporary folder for the shipped report");
    ck_assert_msg(shipped.status == 0, "report on %s: wait status %d\n%.3000s", tu_data_dir(),
                  shipped.status, shipped.err ? shipped.err : "");
    ck_assert_msg(shipped.facts, "%s", shipped.facts_error ? shipped.facts_error : "?");
    return xf_parse(shipped.facts);
}

/* Every name of `sheets` is a sheet of the book, in this order. */
static void assert_sheets_in_order(const xf_book *book, const char *const *sheets, size_t n)
{
    size_t next = 0;
    for (size_t i = 0; i < xf_sheet_count(book) && next < n; i++)
        if (strcmp(xf_sheet_at(book, i)->name, sheets[next]) == 0)
            next++;
    ck_assert_msg(next == n, "sheet '%s' missing or out of order in %s", sheets[next],
                  xf_sheet_names(book));
}

START_TEST(shipped_sheets_layout_and_no_formulas)
{
    read_report r = {NULL, shipped_book()};
    ck_assert_msg(strstr(shipped.out, shipped.path), "stdout does not name %s:\n%s",
                  shipped.path, shipped.out);
    assert_sheets_in_order(r.book, SHEETS_NL, G_N_ELEMENTS(SHEETS_NL));
    ck_assert_int_eq(xf_formula_count(r.book), 0);
    /* Overzicht's counts drawn on a sheet of their own: below the table they were cut
     * by a page break and printed under the table's repeated header. */
    ck_assert_int_eq(xf_sheet_get(r.book, "Overzicht")->charts, 0);
    ck_assert_int_eq(xf_sheet_get(r.book, "Grafieken")->charts, 2);
    ck_assert_uint_eq(xf_table_count(r.book, "Grafieken"), 0);
    /* A bar per status and per signal, from 0; West Betuwe's 46 actions leave the
     * axis's steps to the spreadsheet. */
    ck_assert_uint_eq(xf_chart_count(r.book), 2);
    const xf_chart *status = xf_chart_at(r.book, 0), *signals = xf_chart_at(r.book, 1);
    ck_assert_str_eq(status->title, "Acties per status");
    ck_assert_int_eq(status->series, STATUS_COUNT);
    ck_assert_str_eq(signals->title, "Signalen per eigenaar");
    ck_assert_int_eq(signals->series, 3);
    for (size_t i = 0; i < 2; i++) {
        ck_assert_str_eq(xf_chart_at(r.book, i)->min, "0");
        ck_assert_str_eq(xf_chart_at(r.book, i)->major_unit, "");
    }
    /* Print layout on every sheet: A4 landscape, one page wide, the date in the footer.
     * What a printed or sorted sheet depends on: no drawing lies over another; a filter
     * holds one table (no empty row inside it, the row below it empty) under a frozen
     * header; every sheet but the flat Data sheet prints at 65 % or more on A4, its
     * header repeated on every page, and no second table on it, which would print
     * under the first one's repeated header. */
    int drawings = 0;
    for (size_t i = 0; i < xf_sheet_count(r.book); i++) {
        const xf_sheet *s = xf_sheet_at(r.book, i);
        ck_assert_msg(strcmp(s->orientation, "landscape") == 0 && strcmp(s->paper, "9") == 0 &&
                          strcmp(s->fit, "True") == 0,
                      "%s prints %s on paper %s, fit %s", s->name, s->orientation, s->paper,
                      s->fit);
        ck_assert_msg(strstr(s->footer, "15-01-2023"), "footer of %s: %s", s->name, s->footer);
        drawings += s->drawings;
        ck_assert_msg(s->overlaps == 0, "%s: %d drawings overlap", s->name, s->overlaps);
        if (strcmp(s->name, "Grafieken") == 0)
            continue; /* charts only */
        ck_assert_msg(xf_table_count(r.book, s->name) == 1, "%s holds %zu tables", s->name,
                      xf_table_count(r.book, s->name));
        ck_assert_msg(s->autofilter[0], "%s has no autofilter", s->name);
        ck_assert_msg(s->filter_empty_rows == 0, "%s: filter %s holds %d empty rows", s->name,
                      s->autofilter, s->filter_empty_rows);
        ck_assert_msg(s->filter_cells_below == 0, "%s: the table goes on below filter %s",
                      s->name, s->autofilter);
        ck_assert_msg(s->filter_frozen, "%s: header of filter %s not frozen", s->name,
                      s->autofilter);
        ck_assert_msg(s->header_words_broken == 0, "%s: header words wider than their column: %s",
                      s->name, s->header_words_broken_names);
        if (strcmp(s->name, "Data") == 0)
            continue;
        ck_assert_msg(s->print_scale >= 65, "%s prints at %d %%", s->name, s->print_scale);
        ck_assert_msg(s->title_rows[0] == '$', "%s repeats no header row", s->name);
    }
    ck_assert_int_eq(drawings, 2); /* Grafieken's two charts */
    report_free(&r);
}
END_TEST

/* 65 % of the workbook's 11-point font: the smallest a printed table reads at. */
#define LEGIBLE_PT (11.0 * 0.65)

/* The shipped workbook as LibreOffice prints it (Dutch locale, Carlito for Calibri):
 * every sheet but the flat Data sheet at 65 % or more, measured on the printed pages,
 * not estimated from column widths; every page headed with the report, its sheet and
 * the report date. */
START_TEST(shipped_sheets_print_legibly)
{
    xf_free(shipped_book()); /* fails the test when the report did not run */
    ck_assert_msg(shipped.render, "%s", shipped.render_error ? shipped.render_error : "?");
    xf_print *print = xf_print_parse(shipped.render);
    ck_assert_uint_gt(xf_page_count(print), 0);
    for (size_t k = 0; k < G_N_ELEMENTS(SHEETS_NL); k++) {
        size_t pages = 0;
        for (size_t i = 0; i < xf_page_count(print); i++) {
            const xf_page *p = xf_page_at(print, i);
            if (strcmp(p->sheet, SHEETS_NL[k]) != 0)
                continue;
            pages++;
            ck_assert_msg(strstr(p->header, SHEETS_NL[k]) && strstr(p->header, "15-01-2023") &&
                              strstr(p->header, "Gelderland-Zuid"),
                          "page %d (%s) is headed '%s'", p->number, p->sheet, p->header);
            ck_assert_msg(p->hashes == 0, "page %d (%s) prints %d number(s) as ###",
                          p->number, p->sheet, p->hashes);
            if (strcmp(SHEETS_NL[k], "Data") != 0)
                ck_assert_msg(p->body_pt >= LEGIBLE_PT,
                              "page %d (%s) prints its text at %.1f pt (%.0f %%)", p->number,
                              p->sheet, p->body_pt, 100 * p->body_pt / 11.0);
        }
        ck_assert_msg(pages > 0, "no printed page of %s", SHEETS_NL[k]);
    }
    xf_print_free(print);
}
END_TEST

/* Overzicht: one row per owner with the analysis's counts, signals and dates. */
START_TEST(shipped_overzicht_matches_the_analysis)
{
    read_report r = {NULL, shipped_book()};
    tu_checked *c = shipped.checked;
    const rr_analysis *an = tu_analysis(c);
    const xf_table *t = xf_table_get(r.book, "Overzicht", "Eigenaar");
    ck_assert_uint_eq(xf_row_count(t), an->owner_count);
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        const xf_row *row = xf_get_row(t, "Eigenaar", o->owner->name, NULL);
        xf_assert_text(t, row, "Soort", o->owner->kind == OWNER_REGION ? "regio" : "gemeente");
        xf_assert_text(t, row, "Regio",
                       o->owner->region ? o->owner->region->name : o->owner->name);
        xf_assert_number(t, row, "Acties", (double)o->actions);
        for (int s = 0; s < STATUS_COUNT; s++)
            xf_assert_number(t, row, vocab_status_label((rr_status)s), (double)o->by_status[s]);
        xf_assert_number(t, row, "Te laat", (double)o->overdue);
        xf_assert_number(t, row, "Deadline vóór volgend overleg", (double)o->due_soon);
        xf_assert_number(t, row, "Geen recente update", (double)o->no_recent_update);
        for (int s = 0; s < SIGNAL_COUNT; s++)
            xf_assert_number(t, row, vocab_signal_label((rr_signal)s), (double)o->by_signal[s]);
        xf_assert_date(t, row, "Laatste update", o->last_update);
        xf_assert_text(t, row, "Update sinds vorig overleg",
                       o->actions == 0 ? "" : o->updated_in_period ? "ja" : "nee");
        xf_assert_date(t, row, "Periode sinds", o->since);
        xf_assert_date(t, row, "Volgend overleg", o->next_meeting);
    }
    /* The shipped regions meet on their own days: West Betuwe's period starts at its
     * region's estimated meeting (none recorded: every 42 days from the regional plan's
     * start, 01-01-2021), 16-12-2022; Arnhem's at 19-12-2022, the six-weekly rhythm
     * continued from the RAO of 28-02-2022. */
    xf_assert_date(t, xf_get_row(t, "Eigenaar", "West Betuwe", NULL), "Periode sinds",
                   date_from_ymd(2022, 12, 16));
    ck_assert_ptr_nonnull(xf_note(r.book, "Overzicht", "Geen overleg vastgelegd"));
    xf_assert_date(t, xf_get_row(t, "Eigenaar", "Arnhem", NULL), "Periode sinds",
                   date_from_ymd(2022, 12, 19));
    ck_assert_ptr_nonnull(xf_note(r.book, "Overzicht", "84 dagen"));
    report_free(&r);
}
END_TEST

/* Acties: every action exactly once, its status, deadline, budget and signal (with the
 * signal's colour) as the analysis has them; titles are text cells. */
START_TEST(shipped_actions_match_the_analysis)
{
    read_report r = {NULL, shipped_book()};
    tu_checked *c = shipped.checked;
    const rr_analysis *an = tu_analysis(c);
    const xf_table *t = xf_table_get(r.book, "Acties", "Actie");
    ck_assert_uint_eq(xf_row_count(t), c->model->actions->len);
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        char *ref = g_strconcat(v->action->owner->id, "/", v->action->id, NULL);
        ck_assert_uint_eq(xf_count(t, "Actie", ref), 1);
        const xf_row *row = xf_get_row(t, "Actie", ref, NULL);
        xf_assert_text(t, row, "Eigenaar", v->action->owner->name);
        xf_assert_text(t, row, "Status", vocab_status_label(v->status));
        xf_assert_date(t, row, "Deadline", v->deadline);
        if (v->action->has_budget_amount)
            xf_assert_number(t, row, "Budget (€)", (double)v->action->budget_cents / 100.0);
        else
            xf_assert_text(t, row, "Budget (€)", "");
        xf_assert_text(t, row, "Signaal", vocab_signal_label(v->signal));
        char fill[8];
        g_snprintf(fill, sizeof fill, "#%06X", (unsigned)vocab_signal_fill(v->signal));
        ck_assert_str_eq(xf_get(t, row, "Signaal").fill, fill);
        char *reason = analyse_reason_text(v); /* with "plan afgelopen op" where it ended */
        xf_assert_text(t, row, "Reden", reason);
        g_free(reason);
        xf_assert_text(t, row, "Titel", v->action->title);
        xf_assert_date(t, row, "Laatste update",
                       v->latest ? v->latest->date.value.last : RR_DATE_NONE);
        g_free(ref);
    }
    report_free(&r);
}
END_TEST

/* The rows Wijzigingen must hold for the analysis: one per new action or status change,
 * one per action that became overdue, one per owner without an update. */
static void assert_changes(const xf_book *book, const rr_analysis *an)
{
    const xf_table *t = xf_table_get(book, "Wijzigingen", "Wijziging");
    size_t expected = 0;
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        char *ref = g_strconcat(v->action->owner->id, "/", v->action->id, NULL);
        const char *kind = v->is_new           ? "nieuwe actie"
                           : v->first_report   ? "eerste melding"
                           : v->status_changed ? "status gewijzigd"
                                               : NULL;
        if (kind) {
            const xf_row *row = xf_get_row(t, "Wijziging", kind, "Actie", ref, NULL);
            xf_assert_text(t, row, "Oude status", vocab_status_label(v->status_at_since));
            xf_assert_text(t, row, "Nieuwe status", vocab_status_label(v->status));
            xf_assert_date(t, row, "Datum melding",
                           v->latest ? v->latest->date.value.last : RR_DATE_NONE);
            xf_assert_date(t, row, "Deadline", v->deadline);
            expected++;
        }
        if (v->late) {
            const xf_row *row = xf_get_row(t, "Wijziging", "late melding", "Actie", ref, NULL);
            xf_assert_date(t, row, "Datum melding", v->late->date.value.last);
            expected++;
        }
        if (v->newly_overdue) {
            const xf_row *row = xf_get_row(t, "Wijziging", "deadline verstreken", "Actie", ref,
                                           NULL);
            xf_assert_date(t, row, "Deadline", v->deadline);
            expected++;
        }
        g_free(ref);
    }
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *o = &an->owners[i];
        if (o->actions == 0 || o->updated_in_period)
            continue;
        const xf_row *row = xf_get_row(t, "Wijziging", "geen update", "Eigenaar",
                                       o->owner->name, NULL);
        xf_assert_date(t, row, "Datum melding", o->last_update);
        expected++;
    }
    ck_assert_uint_eq(xf_row_count(t), expected);
}

/* Thema's: one row per theme and owner with actions, counted by status. */
static void assert_themes(const xf_book *book, const rr_analysis *an)
{
    const xf_table *t = xf_table_get(book, "Thema's", "Thema");
    ck_assert_uint_eq(xf_row_count(t), an->themes->len);
    for (guint i = 0; i < an->themes->len; i++) {
        const theme_cell *cell = &g_array_index(an->themes, theme_cell, i);
        const xf_row *row = xf_get_row(t, "Thema", cell->theme->label_nl, "Eigenaar",
                                       cell->owner->name, NULL);
        xf_assert_number(t, row, "Acties", (double)cell->actions);
        for (int s = 0; s < STATUS_COUNT; s++)
            xf_assert_number(t, row, vocab_status_label((rr_status)s), (double)cell->by_status[s]);
    }
}

/* The Tussenevaluatie row of a mid-term row: the whole plan, a line, or the plan's
 * actions without a line. */
static const xf_row *midterm_row_of(const xf_table *t, const midterm_row *m)
{
    const char *line = m->whole ? "(hele plan)"
                       : m->action_line[0] ? m->action_line : "(zonder actielijn)";
    return xf_get_row(t, "Eigenaar", m->plan->owner->name, "Plan", m->plan->title, "Actielijn",
                      line, NULL);
}

/* Tussenevaluatie: per plan and action line, the counts at the midpoint (blank while
 * the midpoint lies ahead) and now, and the shares of the total. */
static void assert_midterm(const xf_book *book, const rr_analysis *an)
{
    const xf_table *t = xf_table_get(book, "Tussenevaluatie", "Actielijn");
    ck_assert_uint_eq(xf_row_count(t), an->midterm->len);
    for (guint i = 0; i < an->midterm->len; i++) {
        const midterm_row *m = &g_array_index(an->midterm, midterm_row, i);
        const xf_row *row = midterm_row_of(t, m);
        xf_assert_date(t, row, "Midden looptijd", m->midpoint);
        xf_assert_number(t, row, "Acties", (double)m->total);
        for (int g = 0; g < PROGRESS_COUNT; g++) {
            char *mid = g_strdup_printf("Midden: %s", vocab_progress_group_label((progress_group)g));
            char *now = g_strdup_printf("Nu: %s", vocab_progress_group_label((progress_group)g));
            if (m->midpoint_passed)
                xf_assert_number(t, row, mid, (double)m->at_midpoint[g]);
            else if (g == 0) /* a note across the midpoint's columns says why */
                ck_assert_msg(xf_get(t, row, mid).type == 's' &&
                                  (strstr(xf_value(t, row, mid), "nog niet bereikt") ||
                                   strstr(xf_value(t, row, mid), "geen midden")),
                              "%s, %s: '%s' before the midpoint", m->plan->title, mid,
                              xf_value(t, row, mid));
            else
                ck_assert_msg(!*xf_value(t, row, mid), "%s, %s: '%s' before the midpoint",
                              m->plan->title, mid, xf_value(t, row, mid));
            xf_assert_number(t, row, now, (double)m->at_as_of[g]);
            g_free(mid);
            g_free(now);
        }
        double total = m->total ? (double)m->total : 1;
        if (m->midpoint_passed)
            xf_assert_number(t, row, "Midden: % afgerond",
                             (double)m->at_midpoint[PROGRESS_DONE] / total);
        else
            ck_assert_str_eq(xf_value(t, row, "Midden: % afgerond"), "");
        xf_assert_number(t, row, "Nu: % afgerond", (double)m->at_as_of[PROGRESS_DONE] / total);
        xf_assert_number(t, row, "Nu: % in uitvoering",
                         (double)m->at_as_of[PROGRESS_UNDER_WAY] / total);
    }
}

/* The rank of a Wijzigingen row's kind: what the meeting acts on first, new last. */
static int change_rank(const char *kind)
{
    const char *order[] = {"deadline verstreken", "status gewijzigd", "late melding",
                           "geen update", "eerste melding", "nieuwe actie"};
    for (int i = 0; i < (int)G_N_ELEMENTS(order); i++)
        if (strcmp(kind, order[i]) == 0)
            return i;
    ck_abort_msg("unknown change kind '%s'", kind);
    return -1;
}

/* Wijzigingen lists what the meeting must act on (overdue, status changes, silent
 * owners) before new actions. */
static void assert_changes_in_order(const xf_book *book)
{
    const xf_table *t = xf_table_get(book, "Wijzigingen", "Wijziging");
    int last = 0;
    for (size_t i = 0; i < xf_row_count(t); i++) {
        const char *kind = xf_value(t, xf_row_at(t, i), "Wijziging");
        int rank = change_rank(kind);
        ck_assert_msg(rank >= last, "row %zu '%s' (%s) after a later kind", i, kind,
                      xf_value(t, xf_row_at(t, i), "Eigenaar"));
        last = rank;
    }
}

/* A plan's lines, "(zonder actielijn)" included, add up to its whole-plan row. */
static void assert_lines_add_up(const xf_table *t)
{
    double whole = 0, lines = 0;
    const char *plan = NULL;
    for (size_t i = 0; i <= xf_row_count(t); i++) {
        const xf_row *row = i < xf_row_count(t) ? xf_row_at(t, i) : NULL;
        if (!row || strcmp(xf_value(t, row, "Actielijn"), "(hele plan)") == 0) {
            if (plan && lines > 0)
                ck_assert_msg(lines == whole, "%s: lines add up to %g of %g", plan, lines, whole);
            if (!row)
                break;
            plan = xf_value(t, row, "Plan");
            whole = g_ascii_strtod(xf_value(t, row, "Acties"), NULL);
            lines = 0;
        } else {
            lines += g_ascii_strtod(xf_value(t, row, "Acties"), NULL);
        }
    }
}

START_TEST(shipped_changes_themes_and_midterm_match_the_analysis)
{
    read_report r = {NULL, shipped_book()};
    tu_checked *c = shipped.checked;
    const rr_analysis *an = tu_analysis(c);
    assert_changes(r.book, an);
    assert_themes(r.book, an);
    assert_midterm(r.book, an);
    /* The shipped data has these kinds of change on 15-01-2023; no new action, as each
     * period is one rhythm step (Gelderland-Midden's must not run eleven months back
     * to its one recorded meeting and list every action as new). */
    const xf_table *t = xf_table_get(r.book, "Wijzigingen", "Wijziging");
    ck_assert_uint_eq(xf_count(t, "Wijziging", "nieuwe actie"), 0);
    ck_assert_uint_gt(xf_count(t, "Wijziging", "deadline verstreken"), 0);
    ck_assert_uint_gt(xf_count(t, "Wijziging", "geen update"), 0);
    assert_changes_in_order(r.book);
    /* West Betuwe's plan (midpoint 01-01-2024) is blank at its midpoint, with a note;
     * Gelderland-Zuid's (01-01-2023) is counted; its actions without a line have their
     * row (counts as the analysis has them: assert_midterm). */
    t = xf_table_get(r.book, "Tussenevaluatie", "Actielijn");
    const xf_row *row = xf_get_row(t, "Eigenaar", "West Betuwe", "Actielijn", "(hele plan)", NULL);
    ck_assert_str_eq(xf_value(t, row, "Midden: onbekend"), "");
    xf_assert_text(t, row, "Midden: afgerond", "midden nog niet bereikt (01-01-2024)");
    /* Legible as printed: no name written upwards, and 65 % or more. */
    const xf_sheet *mts = xf_sheet_get(r.book, "Tussenevaluatie");
    ck_assert_msg(mts->print_scale >= 65, "Tussenevaluatie prints at %d %%", mts->print_scale);
    ck_assert_ptr_nonnull(xf_note(r.book, "Tussenevaluatie", "nog na de peildatum"));
    row = xf_get_row(t, "Eigenaar", "Gelderland-Zuid", "Actielijn", "(zonder actielijn)", NULL);
    ck_assert_str_ne(xf_value(t, row, "Midden: in uitvoering"), "");
    assert_lines_add_up(t);
    report_free(&r);
}
END_TEST

/* Looptijden, Begroting, Cijfers: every plan's ends and months against the analysis;
 * the facts of the shipped documents (Samen Veilig's two-year extension, West Betuwe's
 * budget as its plan states it). */
START_TEST(shipped_timelines_and_budget)
{
    read_report r = {NULL, shipped_book()};
    tu_checked *c = shipped.checked;
    const rr_analysis *an = tu_analysis(c);
    const xf_table *t = xf_table_get(r.book, "Looptijden", "Oorspronkelijk eind");
    ck_assert_uint_eq(xf_row_count(t), an->plan_count);
    /* No two header names print as one ("Maanden verlengdMidden looptijd"). */
    const xf_sheet *sheet = xf_sheet_get(r.book, "Looptijden");
    ck_assert_msg(sheet->headers_touching == 0, "Looptijden's headers run into each other: %s",
                  sheet->headers_touching_names);
    for (size_t i = 0; i < an->plan_count; i++) {
        const plan_view *v = &an->plans[i];
        const xf_row *row =
            xf_get_row(t, "Eigenaar", v->plan->owner->name, "Plan", v->plan->id, NULL);
        xf_assert_date(t, row, "Oorspronkelijk eind", v->original_end);
        xf_assert_date(t, row, "Eind met verlengingen", v->effective_end);
        xf_assert_number(t, row, "Maanden verlengd", v->months_extended);
        xf_assert_date(t, row, "Midden looptijd", v->midpoint);
    }
    const xf_row *sv = xf_get_row(t, "Eigenaar", "Gelderland-Midden", "Plan", "samen-veilig",
                                  NULL);
    xf_assert_date(t, sv, "Oorspronkelijk eind", date_from_ymd(2022, 12, 31));
    xf_assert_date(t, sv, "Eind met verlengingen", date_from_ymd(2024, 12, 31));
    xf_assert_number(t, sv, "Maanden verlengd", 24);
    /* The extensions on a sheet of their own. */
    const xf_table *ext = xf_table_get(r.book, "Verlengingen", "Besloten op");
    ck_assert_uint_eq(xf_row_count(ext), c->model->extensions->len);

    /* The budget per year with the years as columns, West Betuwe's as its plan states
     * them; a row per action line and one over all lines, each with its sum. */
    const xf_table *b = xf_table_get(r.book, "Begroting per jaar", "Totaal");
    const struct {
        const char *year;
        double total;
    } wb[] = {{"2022", 33880}, {"2023", 36580}, {"2024", 36580}, {"2025", 36580}};
    const xf_row *all = xf_get_row(b, "Eigenaar", "West Betuwe", "Actielijn",
                                   "alle actielijnen", NULL);
    double sum = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(wb); i++) {
        xf_assert_number(b, all, wb[i].year, wb[i].total);
        sum += wb[i].total;
    }
    xf_assert_number(b, all, "Totaal", sum);
    ck_assert_msg(xf_get(b, all, "2022").bold, "the total over all lines is not bold");
    size_t owners = 0;
    for (guint i = 0; i < an->budget_years->len; i++)
        owners += i == 0 || g_array_index(an->budget_years, budget_total, i).owner !=
                                g_array_index(an->budget_years, budget_total, i - 1).owner;
    ck_assert_uint_eq(xf_count(b, "Actielijn", "alle actielijnen"), owners);
    /* Every action line's row sums its years, and the lines add up to the owner's. */
    double lines = 0;
    for (size_t i = 0; i < xf_row_count(b); i++) {
        const xf_row *row = xf_row_at(b, i);
        double years = 0;
        for (size_t k = 0; k < G_N_ELEMENTS(wb); k++)
            years += g_ascii_strtod(xf_value(b, row, wb[k].year), NULL);
        ck_assert_double_eq_tol(years, g_ascii_strtod(xf_value(b, row, "Totaal"), NULL), 0.005);
        if (row != all && strcmp(xf_value(b, row, "Eigenaar"), "West Betuwe") == 0)
            lines += years;
    }
    ck_assert_double_eq_tol(lines, sum, 0.005);

    /* Cijfers: the figures known on 15-01-2023, each once; the provisional 2023
     * figures of the shipped data are not known yet. */
    const xf_table *f = xf_table_get(r.book, "Cijfers", "Waarde");
    guint known = 0;
    for (guint i = 0; i < c->model->figures->len; i++)
        known += analyse_figure_known(g_ptr_array_index(c->model->figures, i), AS_OF);
    ck_assert_uint_eq(xf_row_count(f), known);
    ck_assert_uint_gt(known, 10);
    ck_assert_uint_lt(known, c->model->figures->len);
    for (size_t i = 0; i < xf_row_count(f); i++) {
        ck_assert_msg(atoi(xf_value(f, xf_row_at(f, i), "Jaar")) < 2023,
                      "a figure of %s on a report of 15-01-2023",
                      xf_value(f, xf_row_at(f, i), "Jaar"));
        /* Counts read as counts: "3.060", not "3060". */
        xf_cell value = xf_get(f, xf_row_at(f, i), "Waarde");
        if (value.type == 'n' && !strchr(value.value, '.'))
            ck_assert_msg(value.grouped, "Cijfers shows %s without thousands separators",
                          value.value);
    }

    /* Bronnen: every file read, with its rows and digest, and the report's date. */
    const xf_table *src = xf_table_get(r.book, "Bronnen", "SHA-256");
    ck_assert_uint_eq(xf_row_count(src), c->model->sources->len);
    for (guint i = 0; i < c->model->sources->len; i++) {
        const rr_source_file *file = g_ptr_array_index(c->model->sources, i);
        const xf_row *row = xf_get_row(src, "SHA-256", file->sha256, NULL);
        xf_assert_number(src, row, "Rijen", (double)file->rows);
    }
    const char *as_of = xf_text_value(r.book, "Bronnen", "Rapportdatum (--as-of)");
    ck_assert_msg(as_of && strcmp(as_of, "15-01-2023") == 0, "Bronnen's report date: %s",
                  as_of ? as_of : "none");
    report_free(&r);
}
END_TEST

/* The facts the format has a place for, as the shipped data holds them: a
 * report's expected date beside the planning, targets and running costs (Acties); draft
 * plans and their funding (Looptijden); every plan's action lines; population per year,
 * each figure set against its own year's count where there is one (Cijfers). */
START_TEST(shipped_format_additions_are_shown)
{
    xf_book *book = shipped_book();
    tu_checked *c = shipped.checked;
    const rr_analysis *an = tu_analysis(c);
    const xf_table *t = xf_table_get(book, "Acties", "Actie");
    size_t with_expected = 0;
    for (size_t i = 0; i < an->action_count; i++) {
        const action_view *v = &an->actions[i];
        char *ref = g_strconcat(v->action->owner->id, "/", v->action->id, NULL);
        const xf_row *row = xf_get_row(t, "Actie", ref, NULL);
        xf_assert_text(t, row, "Verwacht", v->expected ? v->expected->expected.text : "");
        with_expected += v->expected != NULL;
        xf_assert_text(t, row, "Streefcijfer", v->action->targets);
        xf_assert_text(t, row, "Lopende kosten", v->action->running_costs);
        g_free(ref);
    }
    ck_assert_uint_eq(with_expected, 3); /* Overbetuwe 2.1.2, 4.1.2 and 4.1.3 */

    const xf_table *plans = xf_table_get(book, "Looptijden", "Oorspronkelijk eind");
    size_t drafts = 0, funded = 0;
    for (size_t i = 0; i < xf_row_count(plans); i++) {
        const xf_row *row = xf_row_at(plans, i);
        bool is_action_plan = strcmp(xf_value(plans, row, "Plan"), "actieplan-hgkm") == 0;
        ck_assert_str_eq(xf_value(plans, row, "Concept"), is_action_plan ? "concept" : "");
        drafts += is_action_plan;
        funded += xf_value(plans, row, "Dekking")[0] != '\0';
    }
    ck_assert_uint_eq(drafts, 1);
    ck_assert_uint_eq(funded, 6); /* with Samen Veilig, since its dekking is known */
    const xf_row *ghnt = xf_get_row(plans, "Plan", "regiovisie-ghnt", NULL);
    xf_assert_text(plans, ghnt, "Dekking",
                   "Decentralisatie-uitkering Vrouwenopvang|lokale gemeentelijke middelen");

    /* Dordrecht's three lines have no actions (the letter does not assign the projects). */
    const xf_table *lines = xf_table_get(book, "Actielijnen", "Omschrijving");
    ck_assert_uint_eq(xf_row_count(lines), 10);
    const xf_row *line = xf_get_row(lines, "Actielijn", "Eerder en beter in beeld", NULL);
    xf_assert_number(lines, line, "Acties", 0);
    ck_assert_msg(g_str_has_prefix(xf_value(lines, line, "Omschrijving"), "Een effectieve aanpak"),
                  "%s", xf_value(lines, line, "Omschrijving"));
    line = xf_get_row(lines, "Actielijn", "Inzet op preventie en signalering", NULL);
    xf_assert_number(lines, line, "Acties", 15);

    const xf_table *population =
        xf_table_with_header(book, "Inwoners", "Eigenaar,Jaar,Inwoners,Bron");
    ck_assert_uint_eq(xf_row_count(population), 5);
    xf_assert_number(population, xf_get_row(population, "Eigenaar", "Dordrecht", "Jaar", "2020",
                                            NULL),
                     "Inwoners", 119284);
    const xf_table *figures = xf_table_get(book, "Cijfers", "Indicator");
    size_t own_year = 0, other_year = 0;
    for (size_t i = 0; i < xf_row_count(figures); i++) {
        const xf_row *row = xf_row_at(figures, i);
        if (strcmp(xf_value(figures, row, "Eigenaar"), "West Betuwe") != 0)
            continue;
        bool is_2021 = strcmp(xf_value(figures, row, "Jaar"), "2021") == 0;
        xf_assert_number(figures, row, "Inwoners", is_2021 ? 51128 : 51948);
        xf_assert_number(figures, row, "Peiljaar inwoners", is_2021 ? 2021 : 2022);
        own_year += is_2021;
        other_year += !is_2021;
    }
    ck_assert_uint_eq(own_year, 8);
    ck_assert_uint_eq(other_year, 8);
    xf_free(book);
}
END_TEST

/* What the charts say before the workbook is written (a chart skipped, a plan left off
 * the timeline) is listed on Controle too, not only on the terminal. */
START_TEST(chart_notes_reach_the_checks_sheet)
{
    const char *const extra[] = {"--charts", "svg", NULL};
    tu_report *run = tu_report_run(tu_data_dir(), "2023-01-31", "nl", extra);
    ck_assert_msg(run->status == 0, "%s", run->err);
    /* On the terminal one line counts them with the rest of Controle. */
    ck_assert_msg(strstr(run->err, "grafieken overgeslagen") &&
                      !strstr(run->err, "grafiek overgeslagen:"),
                  "no one line for the skipped charts:\n%s", run->err);
    xf_book *book = xf_read(run->path);
    const xf_table *t = xf_table_get(book, "Controle", "Melding");
    const xf_row *row = xf_find_containing(t, "Melding", "grafiek overgeslagen");
    ck_assert_msg(row, "Controle does not list the skipped chart");
    ck_assert_msg(strstr(xf_value(t, row, "Bestand"), "charts-2023-01-31/"), "%s",
                  xf_value(t, row, "Bestand"));
    xf_free(book);
    tu_report_free(run);
}
END_TEST

START_TEST(english_names_every_sheet_and_header)
{
    read_report r = report_read(tu_data_dir(), "en");
    assert_sheets_in_order(r.book, SHEETS_EN, G_N_ELEMENTS(SHEETS_EN));
    const xf_table *actions = xf_table_get(r.book, "Actions", "Action");
    const char *columns[] = {"Region", "Owner", "Action", "Plan", "Action line", "Themes",
                             "Title", "Goal", "Planning", "Deadline", "Budget (€)",
                             "Budget (text)", "Partners", "Status", "Last update", "Latest note",
                             "Signal", "Reason", "Source"};
    for (size_t i = 0; i < G_N_ELEMENTS(columns); i++)
        xf_column(actions, columns[i]);
    const char *added[] = {"Expected", "Target", "Running costs"};
    for (size_t i = 0; i < G_N_ELEMENTS(added); i++)
        xf_column(actions, added[i]);
    /* No Dutch header word is left on any sheet. */
    const char *dutch[] = {"Eigenaar", "Regio", "Titel", "Bron", "Jaar", "Bestand",
                           "Melding", "Acties", "Midden", "afgerond"};
    for (size_t i = 0; i < xf_sheet_count(r.book); i++) {
        const char *sheet = xf_sheet_at(r.book, i)->name;
        for (size_t d = 0; d < G_N_ELEMENTS(dutch); d++) {
            const xf_table *t = xf_table_find(r.book, sheet, dutch[d]);
            ck_assert_msg(!t, "sheet %s has a Dutch column '%s'", sheet, dutch[d]);
        }
    }
    /* The summary's status columns are the English labels. */
    const xf_table *sum = xf_table_get(r.book, "Summary", "Owner");
    xf_column(sum, "done");
    xf_column(sum, "Overdue");
    report_free(&r);
}
END_TEST

/* ---- a tree whose changes, themes and mid-term state are known by hand ------------ */

#define ACTIONS_HEAD "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n"
#define PROGRESS_HEAD "actie_id,datum,status,toelichting,bron\n"

/* Regio A met on 20-12-2022, so on 15-01-2023 its period is (20-12-2022, 15-01-2023]:
 * gemeente-b 1.1 went from gepland to afgerond in it, 1.2 got its first report (new),
 * 1.3's deadline (december 2022) passed in it without a report; gemeente-c reported
 * last on 01-11-2022 (no update). */
static void changes_tree(const char *dir)
{
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/overleggen.csv", "datum,soort,omschrijving\n2022-12-20,rao,RAO\n");
    tu_write(dir, "regio-a/gemeente-b/acties.csv",
             ACTIONS_HEAD "1.1,lp,Preventie,preventie|meldcode,Training,,najaar 2022,,,t\n"
                          "1.2,rv,Signalering,,Voorlichting,,doorlopend,,,t\n"
                          "1.3,lp,Preventie,preventie,Campagne,,december 2022,,,t\n");
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             PROGRESS_HEAD "1.1,2022-06-01,gepland,,t\n1.1,2023-01-10,afgerond,klaar,t\n"
                           "1.2,2023-01-05,lopend,gestart,t\n");
    tu_write(dir, "regio-a/gemeente-c/gemeente.csv", "gemeente_id,naam\ngemeente-c,Gemeente C\n");
    tu_write(dir, "regio-a/gemeente-c/plannen.csv",
             "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,"
             "bovenliggend_plan,evaluatie,bron\n");
    tu_write(dir, "regio-a/gemeente-c/acties.csv",
             ACTIONS_HEAD "c1,rv,Signalering,meldcode,Actie C,,2024,,,t\n");
    tu_write(dir, "regio-a/gemeente-c/voortgang.csv", PROGRESS_HEAD "c1,2022-11-01,lopend,,t\n");
}

/* A status column and its count; the others of the row must be 0. */
static void assert_status_counts(const xf_table *t, const xf_row *row, rr_status a, int na,
                                 rr_status b, int nb)
{
    for (int s = 0; s < STATUS_COUNT; s++)
        xf_assert_number(t, row, vocab_status_label((rr_status)s),
                         s == (int)a ? na : s == (int)b ? nb : 0);
}

START_TEST(changes_themes_and_midterm_of_a_known_tree)
{
    char *dir = tu_mkdtemp();
    changes_tree(dir);
    read_report r = report_read(dir, "nl");

    const xf_table *t = xf_table_get(r.book, "Wijzigingen", "Wijziging");
    ck_assert_uint_eq(xf_row_count(t), 4);
    const xf_row *row = xf_get_row(t, "Actie", "gemeente-b/1.1", NULL);
    xf_assert_text(t, row, "Wijziging", "status gewijzigd");
    xf_assert_text(t, row, "Oude status", "gepland");
    xf_assert_text(t, row, "Nieuwe status", "afgerond");
    xf_assert_date(t, row, "Datum melding", date_from_ymd(2023, 1, 10));
    xf_assert_text(t, row, "Toelichting", "klaar");
    /* 1.2 was in the plan before the meeting: its first report, not a new action. */
    row = xf_get_row(t, "Actie", "gemeente-b/1.2", NULL);
    xf_assert_text(t, row, "Wijziging", "eerste melding");
    xf_assert_text(t, row, "Oude status", "onbekend");
    xf_assert_text(t, row, "Nieuwe status", "lopend");
    row = xf_get_row(t, "Actie", "gemeente-b/1.3", NULL);
    xf_assert_text(t, row, "Wijziging", "deadline verstreken");
    xf_assert_date(t, row, "Deadline", date_from_ymd(2022, 12, 31));
    row = xf_get_row(t, "Eigenaar", "Gemeente C", NULL);
    xf_assert_text(t, row, "Wijziging", "geen update");
    xf_assert_date(t, row, "Datum melding", date_from_ymd(2022, 11, 1));
    xf_assert_text(t, row, "Toelichting", "laatste melding 2 maanden geleden");
    ck_assert_ptr_nonnull(xf_note(r.book, "Wijzigingen",
                                  "Wijzigingen sinds het vorige overleg, 20-12-2022; tot en met "
                                  "15-01-2023"));
    assert_changes_in_order(r.book);

    t = xf_table_get(r.book, "Thema's", "Thema");
    ck_assert_uint_eq(xf_row_count(t), 3);
    row = xf_get_row(t, "Thema", "Preventie", "Eigenaar", "Gemeente B", NULL);
    xf_assert_number(t, row, "Acties", 2);
    assert_status_counts(t, row, STATUS_DONE, 1, STATUS_UNKNOWN, 1);
    row = xf_get_row(t, "Thema", "Meldcode", "Eigenaar", "Gemeente B", NULL);
    assert_status_counts(t, row, STATUS_DONE, 1, STATUS_DONE, 1);
    row = xf_get_row(t, "Thema", "Meldcode", "Eigenaar", "Gemeente C", NULL);
    xf_assert_text(t, row, "Regio", "Regio A");
    assert_status_counts(t, row, STATUS_IN_PROGRESS, 1, STATUS_IN_PROGRESS, 1);

    /* Lokaal plan (2021-2023, midpoint mid-2022): 1.1 was planned then and is done now;
     * 1.3 never reported. Regiovisie (2019-2022, midpoint end of 2020): no report then,
     * 1.2 and c1 under way now. */
    t = xf_table_get(r.book, "Tussenevaluatie", "Actielijn");
    ck_assert_uint_eq(xf_row_count(t), 4);
    const char *lines[][3] = {{"Lokaal plan", "(hele plan)", "Gemeente B"},
                              {"Lokaal plan", "Preventie", "Gemeente B"},
                              {"Regiovisie", "(hele plan)", "Regio A"},
                              {"Regiovisie", "Signalering", "Regio A"}};
    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
        row = xf_get_row(t, "Plan", lines[i][0], "Actielijn", lines[i][1], "Eigenaar",
                         lines[i][2], NULL);
        bool local = i < 2;
        xf_assert_number(t, row, "Acties", 2);
        xf_assert_number(t, row, "Midden: niet gestart", local ? 1 : 0);
        xf_assert_number(t, row, "Midden: onbekend", local ? 1 : 2);
        xf_assert_number(t, row, "Nu: afgerond", local ? 1 : 0);
        xf_assert_number(t, row, "Nu: in uitvoering", local ? 0 : 2);
        xf_assert_number(t, row, "Nu: onbekend", local ? 1 : 0);
        xf_assert_number(t, row, "Midden: % afgerond", 0);
        xf_assert_number(t, row, "Nu: % afgerond", local ? 0.5 : 0);
        xf_assert_number(t, row, "Nu: % in uitvoering", local ? 0 : 1);
        xf_assert_date(t, row, "Midden looptijd",
                       local ? date_from_ymd(2022, 7, 2) : date_from_ymd(2020, 12, 31));
    }
    /* And the same sheets from the analysis, as for the shipped data. */
    tu_checked *c = tu_check(dir, AS_OF, RR_DATE_NONE);
    assert_changes(r.book, tu_analysis(c));
    assert_themes(r.book, tu_analysis(c));
    assert_midterm(r.book, tu_analysis(c));
    tu_checked_free(c);
    report_free(&r);
    tu_tmpdir_free(dir);
}
END_TEST

/* Texts that look like formulas, escapes and control characters stay text, exactly. */
/* Begroting per jaar: years as columns while they fit a page (a year no line covers
 * stays empty, not 0), a row per year for a budget over more than twelve years. */
START_TEST(budget_per_year_as_columns_or_rows)
{
    const char *header = "post,actielijn,actie_id,van_jaar,tot_jaar,bedrag_per_jaar,dekking,bron\n";
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    gchar *csv = g_strconcat(header, "Training,Preventie,1.1,2022,2022,€ 1.000,eigen,test\n",
                             "Voorlichting,Preventie,1.2,2024,2025,€ 500,eigen,test\n", NULL);
    tu_write(dir, "regio-a/gemeente-b/begroting.csv", csv);
    g_free(csv);
    read_report r = report_read(dir, "nl");
    const xf_table *t = xf_table_get(r.book, "Begroting per jaar", "2023");
    const xf_row *row = xf_get_row(t, "Actielijn", "Preventie", NULL);
    xf_assert_number(t, row, "2022", 1000);
    ck_assert_int_eq(xf_get(t, row, "2023").type, '-'); /* no amount, not 0 */
    xf_assert_number(t, row, "2025", 500);
    xf_assert_number(t, row, "Totaal", 2000);
    report_free(&r);

    csv = g_strconcat(header, "Opvang,Preventie,1.1,2015,2030,€ 100,eigen,test\n", NULL);
    tu_write(dir, "regio-a/gemeente-b/begroting.csv", csv);
    g_free(csv);
    r = report_read(dir, "nl");
    t = xf_table_get(r.book, "Begroting per jaar", "Jaar");
    ck_assert_uint_eq(xf_count(t, "Actielijn", "Preventie"), 16);
    ck_assert_uint_eq(xf_count(t, "Actielijn", "alle actielijnen"), 16);
    xf_assert_number(t, xf_get_row(t, "Actielijn", "alle actielijnen", "Jaar", "2030", NULL),
                     "Totaal (€)", 100);
    report_free(&r);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(hostile_texts_stay_text)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    GString *long_note = g_string_new(NULL);
    for (int i = 0; i < 40000; i++)
        g_string_append_c(long_note, (char)('a' + i % 26));
    tu_write(dir, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,titel\n"
             "f1,lp,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\"\n"
             "f2,lp,+31 6 1234\n"
             "f3,lp,@SUM(A1:A9)\n"
             "f4,lp,-1+1\n"
             "f5,lp,_x0041_ blijft zo\n"
             "f6,lp,\"regel een\nregel twee\"\n");
    gchar *progress = g_strdup_printf(PROGRESS_HEAD "f1,2022-12-20,lopend,%s,test\n",
                                      long_note->str);
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv", progress);
    tu_write(dir, "regio-a/gemeente-b/cijfers.csv",
             "indicator,jaar,waarde,bron\nvt_meldingen,2021,.,CBS\nvt_meldingen,2022,12,CBS\n");
    read_report r = report_read(dir, "nl");
    ck_assert_int_eq(xf_formula_count(r.book), 0);
    const char *titles[][2] = {
        {"gemeente-b/f1", "=HYPERLINK(\"http://example.invalid\",\"klik\")"},
        {"gemeente-b/f2", "+31 6 1234"},
        {"gemeente-b/f3", "@SUM(A1:A9)"},
        {"gemeente-b/f4", "-1+1"},
        {"gemeente-b/f5", "_x0041_ blijft zo"},
        {"gemeente-b/f6", "regel een\nregel twee"},
    };
    const xf_table *t = xf_table_get(r.book, "Acties", "Actie");
    for (size_t i = 0; i < G_N_ELEMENTS(titles); i++)
        xf_assert_text(t, xf_get_row(t, "Actie", titles[i][0], NULL), "Titel", titles[i][1]);
    /* The 40,000-character note was cut to Excel's 32,767. */
    xf_cell note = xf_get(t, xf_get_row(t, "Actie", "gemeente-b/f1", NULL), "Laatste toelichting");
    ck_assert_uint_le(g_utf8_strlen(note.value, -1), 32767);
    ck_assert(g_str_has_prefix(long_note->str, note.value));
    /* Suppressed is marked as such, never 0; the published value is a number. */
    const xf_table *f = xf_table_get(r.book, "Cijfers", "Waarde");
    xf_assert_text(f, xf_get_row(f, "Jaar", "2021", NULL), "Waarde", "geheim");
    xf_assert_number(f, xf_get_row(f, "Jaar", "2022", NULL), "Waarde", 12);
    /* Controle says the note was cut, and so does stderr. */
    ck_assert_msg(xf_find_containing(xf_table_get(r.book, "Controle", "Melding"), "Melding",
                                     "ingekort"),
                  "no Controle row about the cut text");
    ck_assert_msg(strstr(r.run->err, "ingekort"), "stderr does not mention the cut: %s",
                  r.run->err);
    report_free(&r);
    g_free(progress);
    g_string_free(long_note, TRUE);
    tu_tmpdir_free(dir);
}
END_TEST

/* Gnumeric's ssconvert reads every sheet; Acties holds the actions. */
START_TEST(ssconvert_reads_every_sheet)
{
    tu_report *r = tu_report_ok(tu_data_dir(), AS_OF_TEXT, "nl");
    char *csv = g_build_filename(r->out_dir, "sheet-%s.csv", NULL);
    const char *argv[] = {"ssconvert", "-S", r->path, csv, NULL};
    g_free(tu_spawn_output(argv));
    for (size_t i = 0; i < G_N_ELEMENTS(SHEETS_NL); i++) {
        char *part = g_strdup_printf("%s/sheet-%s.csv", r->out_dir, SHEETS_NL[i]);
        ck_assert_msg(g_file_test(part, G_FILE_TEST_EXISTS), "ssconvert wrote no %s", part);
        if (strcmp(SHEETS_NL[i], "Acties") == 0) {
            char *content = NULL;
            ck_assert(g_file_get_contents(part, &content, NULL, NULL));
            ck_assert_msg(strstr(content, "Omgangshuis"), "Acties lacks the Omgangshuis");
            ck_assert_msg(strstr(content, "west-betuwe/"), "Acties lacks West Betuwe's actions");
            g_free(content);
        }
        g_free(part);
    }
    g_free(csv);
    tu_report_free(r);
}
END_TEST

/* Whether a folder holds a temporary file left by a failed write. */
static bool has_temporary_file(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    bool found = false;
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL)
        found |= g_str_has_suffix(name, ".tmp") || strstr(name, ".tmp") != NULL;
    if (d)
        g_dir_close(d);
    return found;
}

START_TEST(data_errors_write_nothing_and_keep_the_previous_report)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_report *r = tu_report_ok(dir, AS_OF_TEXT, "nl");
    char *before = NULL, *after = NULL;
    gsize before_len = 0, after_len = 0;
    ck_assert(g_file_get_contents(r->path, &before, &before_len, NULL));

    tu_write(dir, "regio-a/gemeente-b/voortgang.csv", PROGRESS_HEAD "1.1,2022-12-20,klaar,,\n");
    const char *args[] = {"report", "--data", dir, "--out", r->out_dir, "--as-of", AS_OF_TEXT,
                          "--charts", "none", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(tu_run(args, &out, &err), 1);
    /* It names the bad cell and says nothing was written. */
    ck_assert_msg(strstr(err, "voortgang.csv:2:") && strstr(err, "'klaar'"), "%s", err);
    ck_assert_msg(strstr(err, "niets geschreven"), "%s", err);
    ck_assert(g_file_get_contents(r->path, &after, &after_len, NULL));
    ck_assert(before_len == after_len && memcmp(before, after, before_len) == 0);
    ck_assert(!has_temporary_file(r->out_dir));
    g_free(before);
    g_free(after);
    g_free(out);
    g_free(err);
    tu_report_free(r);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(unwritable_output_is_exit_3_and_leaves_nothing)
{
    tu_dirs d = tu_valid_dirs();
    char *out = NULL, *err = NULL;
    /* --out names a file, not a folder. */
    tu_write(d.out, "a-file", "x");
    char *file = g_build_filename(d.out, "a-file", NULL);
    const char *to_file[] = {"report", "--data", d.data, "--out", file, "--as-of", AS_OF_TEXT,
                             "--charts", "none", NULL};
    ck_assert_int_eq(tu_run(to_file, &out, &err), 3);
    ck_assert_msg(strstr(err, "a-file"), "%s", err);
    g_free(out);
    g_free(err);
    /* The report's own name is taken by a folder: the rename fails, nothing is left. */
    char *path = g_build_filename(d.out, "regiorapport-" AS_OF_TEXT ".xlsx", NULL);
    ck_assert_int_eq(g_mkdir(path, 0755), 0);
    tu_write(path, "keep", "x");
    const char *to_dir[] = {"report", "--data", d.data, "--out", d.out, "--as-of", AS_OF_TEXT,
                            "--charts", "none", NULL};
    ck_assert_int_eq(tu_run(to_dir, &out, &err), 3);
    ck_assert_msg(strstr(err, "regiorapport-" AS_OF_TEXT ".xlsx"), "%s", err);
    ck_assert(!has_temporary_file(d.out));
    g_free(path);
    g_free(file);
    g_free(out);
    g_free(err);
    tu_dirs_free(&d);
}
END_TEST

Suite *workbook_suite(void)
{
    Suite *s = suite_create("workbook");
    TCase *ship = tcase_create("shipped data");
    tcase_set_timeout(ship, 60);
    tcase_add_unchecked_fixture(ship, shipped_setup, shipped_teardown);
    tcase_add_test(ship, shipped_sheets_layout_and_no_formulas);
    tcase_add_test(ship, shipped_sheets_print_legibly);
    tcase_add_test(ship, shipped_overzicht_matches_the_analysis);
    tcase_add_test(ship, shipped_actions_match_the_analysis);
    tcase_add_test(ship, shipped_changes_themes_and_midterm_match_the_analysis);
    tcase_add_test(ship, shipped_timelines_and_budget);
    tcase_add_test(ship, shipped_format_additions_are_shown);
    suite_add_tcase(s, ship);
    TCase *tc = tcase_create("read back");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, english_names_every_sheet_and_header);
    tcase_add_test(tc, chart_notes_reach_the_checks_sheet);
    tcase_add_test(tc, changes_themes_and_midterm_of_a_known_tree);
    tcase_add_test(tc, budget_per_year_as_columns_or_rows);
    tcase_add_test(tc, hostile_texts_stay_text);
    tcase_add_test(tc, ssconvert_reads_every_sheet);
    tcase_add_test(tc, data_errors_write_nothing_and_keep_the_previous_report);
    tcase_add_test(tc, unwritable_output_is_exit_3_and_leaves_nothing);
    suite_add_tcase(s, tc);
    return s;
}
