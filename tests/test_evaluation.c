/* test_evaluation.c - `regiorapport evaluatie`: the mid-term evaluation document of each
 * region, read back and set against the report workbook of the same date. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/evaluation.h"
#include "base/phrase.h"
#include "suites.h"
#include "testutil.h"
#include "xlsx_facts.h"

#define AS_OF "2024-03-01"
#define AS_OF_DATE date_from_ymd(2024, 3, 1)

/* Runs `evaluatie` with --data (shipped), --out, --as-of and the NULL-terminated rest. */
static int run_evaluatie(const char *out_dir, const char *as_of, const char *const *rest,
                         char **out, char **err)
{
    GPtrArray *args = g_ptr_array_new();
    const char *fixed[] = {"evaluatie", "--data", tu_data_dir(), "--out", out_dir, "--as-of",
                           as_of};
    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(args, (gpointer)fixed[i]);
    for (size_t i = 0; rest && rest[i]; i++)
        g_ptr_array_add(args, (gpointer)rest[i]);
    g_ptr_array_add(args, NULL);
    int status = tu_run((const char *const *)args->pdata, out, err);
    g_ptr_array_free(args, TRUE);
    return status;
}

static char *doc_path(const char *out_dir, const char *region, const char *as_of, const char *ext)
{
    char *name = g_strdup_printf("evaluatie-%s-%s%s", region, as_of, ext);
    char *path = g_build_filename(out_dir, name, NULL);
    g_free(name);
    return path;
}

/* The ids of the plans an evaluation holds, "owner/plan" joined by ','. */
static char *plan_ids(const rr_evaluation *ev)
{
    GString *ids = g_string_new(NULL);
    for (guint i = 0; i < ev->plans->len; i++) {
        const rr_plan *p = g_array_index(ev->plans, eval_plan, i).plan;
        g_string_append_printf(ids, "%s%s/%s", i ? "," : "", p->owner->id, p->id);
    }
    return g_string_free(ids, FALSE);
}

static const eval_plan *plan_in(const rr_evaluation *ev, const char *plan_id)
{
    for (guint i = 0; i < ev->plans->len; i++)
        if (strcmp(g_array_index(ev->plans, eval_plan, i).plan->id, plan_id) == 0)
            return &g_array_index(ev->plans, eval_plan, i);
    ck_abort_msg("no plan %s in the evaluation", plan_id);
    return NULL;
}

/* Each shipped region's document evaluates the plans its documents describe: the
 * regional plan 2021-2024 (midpoint 01-01-2023) and West Betuwe's; Samen Veilig with its
 * extension to 2024 and the plans of Overbetuwe and Arnhem; Zuid-Holland Zuid's vision and
 * its action plan, a draft. Covenants, the provision and the vision of 2015 have no
 * actions and are named as not evaluated. */
START_TEST(shipped_regions_evaluate_their_plans)
{
    tu_checked *c = tu_check(tu_data_dir(), AS_OF_DATE, RR_DATE_NONE);
    const rr_analysis *an = tu_analysis(c);
    const struct {
        const char *region, *plans;
        guint skipped;
    } want[] = {
        {"gelderland-zuid", "gelderland-zuid/regioaanpak-hgkm,west-betuwe/lokaal-plan-hgkm-2022-2025", 1},
        {"gelderland-midden", "gelderland-midden/samen-veilig,arnhem/lokaal-uitvoeringsplan,"
                              "overbetuwe/samen-veilig-overbetuwe", 3},
        {"zuid-holland-zuid", "zuid-holland-zuid/regiovisie-ghnt,zuid-holland-zuid/actieplan-hgkm", 0},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        rr_evaluation *ev = evaluation_new(c->model, an, model_find_owner(c->model, want[i].region),
                                           NULL);
        char *ids = plan_ids(ev);
        ck_assert_str_eq(ids, want[i].plans);
        ck_assert_uint_eq(ev->skipped->len, want[i].skipped);
        g_free(ids);
        if (i == 0) {
            const eval_plan *p = plan_in(ev, "regioaanpak-hgkm");
            ck_assert_int_eq(p->view->midpoint, date_from_ymd(2023, 1, 1));
            ck_assert(p->midpoint_passed);
            ck_assert_int_eq(plan_in(ev, "lokaal-plan-hgkm-2022-2025")->view->midpoint,
                             date_from_ymd(2024, 1, 1));
        } else if (i == 1) {
            const eval_plan *p = plan_in(ev, "samen-veilig");
            /* The midpoint of the original term 2019-2022, the end after the extension. */
            ck_assert_int_eq(p->view->midpoint, date_from_ymd(2020, 12, 31));
            ck_assert_int_eq(p->view->effective_end, date_from_ymd(2024, 12, 31));
            ck_assert_uint_eq(p->plan->extensions->len, 1);
            /* Arnhem's actions under the regional vision count for it, not for Arnhem's plan. */
            ck_assert_uint_eq(p->whole->total, 18);
            ck_assert(!plan_in(ev, "lokaal-uitvoeringsplan")->midpoint_passed);
        } else {
            ck_assert(plan_in(ev, "actieplan-hgkm")->plan->draft);
            ck_assert_int_eq(plan_in(ev, "regiovisie-ghnt")->view->midpoint, RR_DATE_NONE);
        }
        evaluation_free(ev);
    }
    tu_checked_free(c);
}
END_TEST

/* The document and the report of the same date, read once for the tests below. */
static struct {
    char *dir;
    xf_book *report;
    xf_book *docs[3];
    tu_checked *checked;
} shipped;

static const char *const REGIONS[] = {"gelderland-zuid", "gelderland-midden", "zuid-holland-zuid"};

static void shipped_setup(void)
{
    shipped.dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    ck_assert_msg(run_evaluatie(shipped.dir, AS_OF, NULL, &out, &err) == 0, "%s", err);
    for (size_t i = 0; i < G_N_ELEMENTS(REGIONS); i++) {
        char *path = doc_path(shipped.dir, REGIONS[i], AS_OF, ".xlsx");
        ck_assert_msg(strstr(out, path), "stdout does not name %s:\n%s", path, out);
        shipped.docs[i] = xf_read(path);
        g_free(path);
    }
    g_free(out);
    g_free(err);
    const char *args[] = {"report", "--data", tu_data_dir(), "--out", shipped.dir, "--as-of",
                          AS_OF, "--charts", "none", NULL};
    ck_assert_int_eq(tu_run(args, NULL, NULL), 0);
    char *report = g_build_filename(shipped.dir, "regiorapport-" AS_OF ".xlsx", NULL);
    shipped.report = xf_read(report);
    g_free(report);
    shipped.checked = tu_check(tu_data_dir(), AS_OF_DATE, RR_DATE_NONE);
}

static void shipped_teardown(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(REGIONS); i++)
        xf_free(shipped.docs[i]);
    xf_free(shipped.report);
    tu_checked_free(shipped.checked);
    tu_tmpdir_free(shipped.dir);
}

/* The plan's sheet in its region's document: "<owner> - <kind>". */
static const char *sheet_of(const xf_book *doc, const eval_plan *p)
{
    char *name = g_strdup_printf("%s - %s", p->plan->owner->name, vocab_plan_kind_label(p->plan->kind));
    const xf_sheet *s = xf_sheet_get(doc, name);
    ck_assert_msg(s, "no sheet '%s' in %s", name, xf_sheet_names(doc));
    g_free(name);
    return s->name;
}

/* The Tussenevaluatie row of a plan's line ("(hele plan)" for the whole). */
static const xf_row *midterm_line(const xf_table *t, const rr_plan *plan, const char *line)
{
    return xf_get_row(t, "Eigenaar", plan->owner->name, "Plan", plan->title, "Actielijn", line,
                      NULL);
}

static char *group_header(const char *when, progress_group g)
{
    return g_strdup_printf("%s: %s", when, vocab_progress_group_label(g));
}

/* The summary row and the counts of a plan against Tussenevaluatie and Looptijden. */
static void assert_summary_and_counts(const xf_book *doc, const eval_plan *p)
{
    const xf_table *mt = xf_table_get(shipped.report, "Tussenevaluatie", "Actielijn");
    const xf_row *whole = midterm_line(mt, p->plan, "(hele plan)");
    const xf_table *sum = xf_table_get(doc, "Samenvatting", "% afgerond nu");
    const xf_row *row = xf_get_row(sum, "Plan", p->plan->title, NULL);
    ck_assert_str_eq(xf_value(sum, row, "Acties"), xf_value(mt, whole, "Acties"));
    ck_assert_str_eq(xf_value(sum, row, "Midden looptijd"), xf_value(mt, whole, "Midden looptijd"));
    ck_assert_str_eq(xf_value(sum, row, "% afgerond nu"), xf_value(mt, whole, "Nu: % afgerond"));
    const xf_table *lt = xf_table_get(shipped.report, "Looptijden", "Oorspronkelijk eind");
    const xf_row *term = xf_get_row(lt, "Eigenaar", p->plan->owner->name, "Plan", p->plan->id, NULL);
    ck_assert_str_eq(xf_value(sum, row, "Oorspr. eind"), xf_value(lt, term, "Oorspronkelijk eind"));
    ck_assert_str_eq(xf_value(sum, row, "Eind met verlengingen"),
                     xf_value(lt, term, "Eind met verlengingen"));
    /* Late and never reported: the plan's rows on Acties with those signals and status. */
    const xf_table *acts = xf_table_get(shipped.report, "Acties", "Reden");
    size_t late = 0, never = 0;
    for (size_t i = 0; i < xf_row_count(acts); i++) {
        const xf_row *a = xf_row_at(acts, i);
        if (strcmp(xf_value(acts, a, "Plan"), p->plan->title) != 0)
            continue;
        late += strstr(xf_value(acts, a, "Reden"), "verstreken") != NULL;
        never += strcmp(xf_value(acts, a, "Status"), "onbekend") == 0;
    }
    xf_assert_number(sum, row, "Te laat", (double)late);
    xf_assert_number(sum, row, "Nooit gemeld", (double)never);
    const char *sheet = sheet_of(doc, p);
    const xf_table *st = xf_table_get(doc, sheet, "Stand");
    for (int g = 0; g < PROGRESS_COUNT; g++) {
        const char *label = g == PROGRESS_UNKNOWN ? "nooit gemeld"
                                                  : vocab_progress_group_label((progress_group)g);
        const xf_row *r = xf_get_row(st, "Stand", label, NULL);
        char *now = group_header("Nu", (progress_group)g);
        ck_assert_str_eq(xf_value(st, r, "Nu"), xf_value(mt, whole, now));
        g_free(now);
        if (p->midpoint_passed) {
            char *mid = group_header("Midden", (progress_group)g);
            ck_assert_str_eq(xf_value(st, r, "Op het midden"), xf_value(mt, whole, mid));
            ck_assert_str_eq(xf_value(sum, row, "% afgerond op het midden"),
                             xf_value(mt, whole, "Midden: % afgerond"));
            g_free(mid);
        }
    }
    ck_assert_int_eq(xf_has_column(st, "Op het midden"), p->midpoint_passed);
}

/* Per action line, the counts of its Tussenevaluatie row. */
static void assert_lines(const xf_book *doc, const eval_plan *p)
{
    if (p->lines->len < 2)
        return;
    const xf_table *mt = xf_table_get(shipped.report, "Tussenevaluatie", "Actielijn");
    const xf_table *lt = xf_table_get(doc, sheet_of(doc, p), "Afgerond nu");
    ck_assert_uint_eq(xf_row_count(lt), p->lines->len);
    for (guint i = 0; i < p->lines->len; i++) {
        const eval_line *l = &g_array_index(p->lines, eval_line, i);
        const char *name = l->name[0] ? l->name : "(zonder actielijn)";
        const xf_row *mine = xf_get_row(lt, "Actielijn", name, NULL);
        const xf_row *theirs = midterm_line(mt, p->plan, name);
        ck_assert_str_eq(xf_value(lt, mine, "Acties"), xf_value(mt, theirs, "Acties"));
        ck_assert_str_eq(xf_value(lt, mine, "Afgerond nu"), xf_value(mt, theirs, "Nu: afgerond"));
        ck_assert_str_eq(xf_value(lt, mine, "Nooit gemeld nu"), xf_value(mt, theirs, "Nu: onbekend"));
        if (p->midpoint_passed)
            ck_assert_str_eq(xf_value(lt, mine, "Afgerond op het midden"),
                             xf_value(mt, theirs, "Midden: afgerond"));
    }
}

/* The paragraph is the analysis's, and says the counts the Stand table shows. */
static void assert_paragraph(const xf_book *doc, const rr_evaluation *ev, const eval_plan *p)
{
    char *text = evaluation_paragraph(tu_analysis(shipped.checked), ev, p);
    ck_assert_msg(xf_book_has_text(doc, text), "the paragraph is not on the page:\n%s", text);
    if (p->whole) {
        const xf_table *st = xf_table_get(doc, sheet_of(doc, p), "Stand");
        const xf_row *done = xf_get_row(st, "Stand", "afgerond", NULL);
        const xf_row *total = xf_get_row(st, "Stand", "totaal", NULL);
        char *want = g_strdup_printf("Op 01-03-2024 is de stand van de %s acties: ",
                                     xf_value(st, total, "Nu"));
        if (strcmp(xf_value(st, total, "Nu"), "1") != 0)
            ck_assert_msg(strstr(text, want), "'%s' not in:\n%s", want, text);
        g_free(want);
        if (strcmp(xf_value(st, done, "Nu"), "0") != 0) {
            want = g_strdup_printf(": %s afgerond", xf_value(st, done, "Nu"));
            ck_assert_msg(strstr(text, want), "'%s' not in:\n%s", want, text);
            g_free(want);
        }
    }
    g_free(text);
}

/* Every figure of the document agrees with the report of the same date: the summary and
 * the counts with Tussenevaluatie and Looptijden, the lines with Tussenevaluatie's lines,
 * and the paragraph with the page's tables. */
START_TEST(the_document_agrees_with_the_report)
{
    const rr_analysis *an = tu_analysis(shipped.checked);
    for (size_t i = 0; i < G_N_ELEMENTS(REGIONS); i++) {
        rr_evaluation *ev = evaluation_new(shipped.checked->model, an,
                                           model_find_owner(shipped.checked->model, REGIONS[i]), NULL);
        const xf_table *sum = xf_table_get(shipped.docs[i], "Samenvatting", "% afgerond nu");
        ck_assert_uint_eq(xf_row_count(sum), ev->plans->len);
        for (guint k = 0; k < ev->plans->len; k++) {
            const eval_plan *p = &g_array_index(ev->plans, eval_plan, k);
            assert_summary_and_counts(shipped.docs[i], p);
            assert_lines(shipped.docs[i], p);
            assert_paragraph(shipped.docs[i], ev, p);
        }
        evaluation_free(ev);
    }
}
END_TEST

/* West Betuwe's plan holds all its actions and budget: its trend is its Verloop rows,
 * its budget per year Begroting's totals, its figures per 1,000 those of Cijfers. */
START_TEST(trend_budget_and_figures_are_the_reports)
{
    const xf_book *doc = shipped.docs[0];
    const char *sheet = "West Betuwe - lokaal plan";
    const xf_table *trend = xf_table_with_header(
        doc, sheet, "Moment,Datum,afgerond,in uitvoering,niet gestart,vervallen,nooit gemeld");
    const xf_table *verloop = xf_table_get(shipped.report, "Verloop", "Datum");
    size_t matched = 0;
    for (size_t i = 0; i < xf_row_count(trend); i++) {
        const xf_row *mine = xf_row_at(trend, i);
        if (strcmp(xf_value(trend, mine, "Moment"), "midden looptijd") == 0)
            continue; /* a point of its own, between two meetings */
        const xf_row *theirs = xf_get_row(verloop, "Eigenaar", "West Betuwe", "Datum",
                                          xf_value(trend, mine, "Datum"), NULL);
        for (int g = 0; g < PROGRESS_COUNT; g++) {
            const char *label = vocab_progress_group_label((progress_group)g);
            ck_assert_str_eq(xf_value(trend, mine, g == PROGRESS_UNKNOWN ? "nooit gemeld" : label),
                             xf_value(verloop, theirs, label));
        }
        matched++;
    }
    ck_assert_uint_eq(matched, xf_count(verloop, "Eigenaar", "West Betuwe"));
    ck_assert_msg(xf_sheet_get(doc, sheet)->charts == 1, "no chart of the trend");

    const xf_table *budget = xf_table_get(doc, sheet, "Begroot");
    const xf_table *begroting = xf_table_get(shipped.report, "Begroting per jaar", "Totaal");
    const xf_row *all_lines = xf_get_row(begroting, "Eigenaar", "West Betuwe", "Actielijn",
                                         "alle actielijnen", NULL);
    for (size_t i = 0; i < xf_row_count(budget); i++) {
        const xf_row *mine = xf_row_at(budget, i);
        const char *year = xf_value(budget, mine, "Jaar");
        if (!g_ascii_isdigit(year[0]))
            continue; /* the total */
        ck_assert_str_eq(xf_value(budget, mine, "Begroot"), xf_value(begroting, all_lines, year));
    }
    ck_assert_str_eq(xf_value(begroting, all_lines, "Totaal"), "143620");
    ck_assert_msg(xf_book_has_text(doc, "€ 143.620 begroot"), "the paragraph misses the budget");

    const xf_table *figures = xf_table_get(doc, sheet, "Per 1.000 inwoners");
    const xf_table *cijfers = xf_table_get(shipped.report, "Cijfers", "Waarde");
    /* Every figure of the baseline year the plan gives, none left out. */
    guint baseline = 0;
    const rr_model *m = shipped.checked->model;
    for (guint i = 0; i < m->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(m->figures, i);
        baseline += strcmp(f->owner->id, "west-betuwe") == 0 && f->year == 2021;
    }
    ck_assert_uint_gt(baseline, 0);
    ck_assert_uint_eq(xf_count(figures, "Jaar", "2021"), baseline);
    for (size_t i = 0; i < xf_row_count(figures); i++) {
        const xf_row *mine = xf_row_at(figures, i);
        const xf_row *theirs = xf_get_row(cijfers, "Eigenaar", "West Betuwe", "Indicator",
                                          xf_value(figures, mine, "Indicator"), "Jaar",
                                          xf_value(figures, mine, "Jaar"), NULL);
        ck_assert_str_eq(xf_value(figures, mine, "Aantal"), xf_value(cijfers, theirs, "Waarde"));
        ck_assert_str_eq(xf_value(figures, mine, "Per 1.000 inwoners"),
                         xf_value(cijfers, theirs, "Per 1.000 inwoners"));
        /* From the year before the plan's start, the baseline, on. */
        ck_assert_int_ge(atoi(xf_value(figures, mine, "Jaar")), 2021);
    }
}
END_TEST

/* Pages a council can read: the summary landscape, every plan's page A4 portrait at
 * 90 % or more (11-point text prints at 10 points), the plan's title and paragraph on
 * top; Samen Veilig's extension with its decision date and reason. */
START_TEST(pages_print_on_a4_and_name_the_extension)
{
    for (size_t i = 0; i < G_N_ELEMENTS(REGIONS); i++) {
        const xf_book *doc = shipped.docs[i];
        ck_assert_str_eq(xf_sheet_at(doc, 0)->name, "Samenvatting");
        ck_assert_str_eq(xf_sheet_at(doc, 0)->orientation, "landscape");
        for (size_t k = 0; k < xf_sheet_count(doc); k++) {
            const xf_sheet *s = xf_sheet_at(doc, k);
            ck_assert_str_eq(s->paper, "9");
            ck_assert_msg(s->print_scale >= 90, "%s prints at %d %%", s->name, s->print_scale);
            ck_assert_int_eq(s->overlaps, 0);
            if (k > 0)
                ck_assert_str_eq(s->orientation, "portrait");
        }
    }
    const xf_book *gm = shipped.docs[1];
    const xf_table *term = xf_table_get(gm, "Gelderland-Midden - regiovisie", "Toelichting");
    const xf_row *ext = xf_get_row(term, "Moment", "Verlenging", NULL);
    xf_assert_date(term, ext, "Datum", date_from_ymd(2022, 2, 28));
    ck_assert_msg(strstr(xf_value(term, ext, "Toelichting"), "31-12-2024") &&
                      strstr(xf_value(term, ext, "Toelichting"), "vier argumenten"),
                  "%s", xf_value(term, ext, "Toelichting"));
    ck_assert_msg(xf_book_has_text(gm, "besloot Regionaal Ambtelijk Overleg (RAO) het plan te "
                                       "verlengen tot 31-12-2024"),
                  "the paragraph does not name the extension");
    ck_assert_msg(xf_book_has_text(shipped.docs[2], "Het plan is nog een concept."),
                  "the draft action plan is not called a draft");
}
END_TEST

/* A plan whose midpoint lies ahead says so and shows the status now: West Betuwe's on
 * 01-06-2023 (midpoint 01-01-2024). */
START_TEST(a_midpoint_ahead_says_so)
{
    char *dir = tu_mkdtemp();
    const char *rest[] = {"gelderland-zuid", NULL};
    char *out = NULL, *err = NULL;
    ck_assert_msg(run_evaluatie(dir, "2023-06-01", rest, &out, &err) == 0, "%s", err);
    char *path = doc_path(dir, "gelderland-zuid", "2023-06-01", ".xlsx");
    xf_book *doc = xf_read(path);
    const xf_table *sum = xf_table_get(doc, "Samenvatting", "% afgerond nu");
    const xf_row *wb = xf_get_row(sum, "Gemeente of regio", "West Betuwe", NULL);
    xf_assert_text(sum, wb, "% afgerond op het midden", "nog niet");
    const xf_row *gz = xf_get_row(sum, "Gemeente of regio", "Gelderland-Zuid", NULL);
    ck_assert_int_eq(xf_get(sum, gz, "% afgerond op het midden").type, 'n');
    const xf_table *st = xf_table_get(doc, "West Betuwe - lokaal plan", "Stand");
    ck_assert(!xf_has_column(st, "Op het midden"));
    ck_assert_msg(xf_book_has_text(doc, "Het midden van de looptijd is 01-01-2024. Dat is na "
                                        "deze datum"), "the paragraph does not say so");
    xf_free(doc);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* A plan named limits its region's document to it; an unknown name is exit 1 with the
 * nearest name; a municipality is told to name its region or a plan. */
START_TEST(names_on_the_command_line)
{
    char *dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    const char *plan[] = {"west-betuwe/lokaal-plan-hgkm-2022-2025", NULL};
    ck_assert_msg(run_evaluatie(dir, AS_OF, plan, &out, &err) == 0, "%s", err);
    char *path = doc_path(dir, "gelderland-zuid", AS_OF, ".xlsx");
    xf_book *doc = xf_read(path);
    ck_assert_str_eq(xf_sheet_names(doc), "Samenvatting,West Betuwe - lokaal plan");
    xf_free(doc);
    g_free(path);
    g_free(out);
    g_free(err);

    const char *typo[] = {"gelderland-zud", NULL};
    ck_assert_int_eq(run_evaluatie(dir, AS_OF, typo, &out, &err), 1);
    ck_assert_msg(strstr(err, "'gelderland-zud'") && strstr(err, "gelderland-zuid"), "%s", err);
    g_free(out);
    g_free(err);
    const char *municipality[] = {"arnhem", NULL};
    ck_assert_int_eq(run_evaluatie(dir, AS_OF, municipality, &out, &err), 1);
    ck_assert_msg(strstr(err, "gemeente") && strstr(err, "gelderland-midden"), "%s", err);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* With --lang en the document is English: its sheets, headers and paragraph. */
START_TEST(english_with_lang_en)
{
    char *dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    const char *rest[] = {"--lang", "en", "gelderland-zuid", NULL};
    ck_assert_msg(run_evaluatie(dir, AS_OF, rest, &out, &err) == 0, "%s", err);
    char *path = doc_path(dir, "gelderland-zuid", AS_OF, ".xlsx");
    xf_book *doc = xf_read(path);
    ck_assert_str_eq(xf_sheet_at(doc, 0)->name, "Summary");
    const xf_table *sum = xf_table_get(doc, "Summary", "% done now");
    ck_assert_uint_eq(xf_row_count(sum), 2);
    ck_assert_msg(xf_book_has_text(doc, "The local plan 2022-2025 of West Betuwe runs from "
                                        "01-01-2022 to 31-12-2025."), "no English paragraph");
    ck_assert_msg(xf_book_has_text(doc, "€143,620 is budgeted"), "no English amount");
    xf_free(doc);
    g_free(path);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* The documents land together or not at all: when one cannot be put in place (a folder
 * where Zuid-Holland Zuid's goes), exit 3 and the folder is as it was. */
START_TEST(a_failed_run_changes_nothing)
{
    char *dir = tu_mkdtemp();
    tu_write(dir, "evaluatie-gelderland-zuid-" AS_OF ".xlsx", "the previous document");
    tu_write(dir, "evaluatie-zuid-holland-zuid-" AS_OF ".xlsx/in-the-way", "x");
    GHashTable *before = tu_snapshot(dir);
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_evaluatie(dir, AS_OF, NULL, &out, &err), 3);
    char *blocked = doc_path(dir, "zuid-holland-zuid", AS_OF, ".xlsx");
    tu_assert_said(err, blocked, DIAG_ERROR, "bestand");
    g_free(blocked);
    tu_assert_unchanged(before, dir);
    ck_assert_msg(!strstr(out, ".xlsx"), "a document was named as written:\n%s", out);
    g_hash_table_unref(before);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

/* A soffice that exits 0 without writing a PDF: exit 3, and neither workbook nor PDF is
 * put in place (the document is one unit). */
START_TEST(a_pdf_not_made_leaves_everything)
{
    char *dir = tu_mkdtemp();
    char *bin = tu_mkdtemp();
    tu_write(bin, "soffice", "#!/bin/sh\nexit 0\n");
    char *fake = g_build_filename(bin, "soffice", NULL);
    g_chmod(fake, 0755);
    char *path = g_strconcat(bin, ":", g_getenv("PATH"), NULL);
    char *old_path = g_strdup(g_getenv("PATH"));
    g_setenv("PATH", path, TRUE);
    GHashTable *before = tu_snapshot(dir);
    char *out = NULL, *err = NULL;
    const char *rest[] = {"--pdf", "gelderland-zuid", NULL};
    int status = run_evaluatie(dir, AS_OF, rest, &out, &err);
    g_setenv("PATH", old_path, TRUE);
    ck_assert_int_eq(status, 3);
    ck_assert_msg(strstr(err, "PDF") && strstr(err, "evaluatie-gelderland-zuid"), "%s", err);
    tu_assert_unchanged(before, dir);
    g_hash_table_unref(before);
    g_free(out);
    g_free(err);
    g_free(path);
    g_free(old_path);
    g_free(fake);
    tu_tmpdir_free(bin);
    tu_tmpdir_free(dir);
}
END_TEST

/* LibreOffice prints the document: A4 pages, Dutch numbers ("€ 143.620,00", as the
 * reader's Excel shows them), both plans. */
START_TEST(libreoffice_prints_the_document)
{
    tu_need((const char *[]){"soffice", "--version", NULL});
    tu_need((const char *[]){"pdfinfo", "-v", NULL});
    char *dir = tu_mkdtemp();
    char *out = NULL, *err = NULL;
    const char *rest[] = {"--pdf", "gelderland-zuid", NULL};
    ck_assert_msg(run_evaluatie(dir, AS_OF, rest, &out, &err) == 0, "%s", err);
    char *pdf = doc_path(dir, "gelderland-zuid", AS_OF, ".pdf");
    ck_assert_msg(strstr(out, pdf), "stdout does not name %s:\n%s", pdf, out);
    const char *info[] = {"pdfinfo", pdf, NULL};
    char *facts = tu_spawn_output(info);
    ck_assert_msg(strstr(facts, "595.") && strstr(facts, "841."), "not A4:\n%s", facts);
    const char *text_argv[] = {"pdftotext", pdf, "-", NULL};
    char *text = tu_spawn_output(text_argv);
    ck_assert_msg(strstr(text, "€ 143.620,00"), "no Dutch amount in:\n%.3000s", text);
    ck_assert_msg(strstr(text, "Lokaal plan Huiselijk Geweld en Kindermishandeling 2022-2025") &&
                      strstr(text, "Regio-aanpak Huiselijk Geweld"), "%.3000s", text);
    g_free(text);
    g_free(facts);
    g_free(pdf);
    g_free(out);
    g_free(err);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *evaluation_suite(void)
{
    Suite *s = suite_create("evaluation");
    TCase *tc = tcase_create("analysis");
    tcase_add_test(tc, shipped_regions_evaluate_their_plans);
    suite_add_tcase(s, tc);
    tc = tcase_create("document");
    tcase_set_timeout(tc, 120);
    /* Checked: it runs in each test's own process, where a failed assertion is that test's. */
    tcase_add_checked_fixture(tc, shipped_setup, shipped_teardown);
    tcase_add_test(tc, the_document_agrees_with_the_report);
    tcase_add_test(tc, trend_budget_and_figures_are_the_reports);
    tcase_add_test(tc, pages_print_on_a4_and_name_the_extension);
    suite_add_tcase(s, tc);
    tc = tcase_create("command");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, a_midpoint_ahead_says_so);
    tcase_add_test(tc, names_on_the_command_line);
    tcase_add_test(tc, english_with_lang_en);
    tcase_add_test(tc, a_failed_run_changes_nothing);
    tcase_add_test(tc, a_pdf_not_made_leaves_everything);
    tcase_add_test(tc, libreoffice_prints_the_document);
    suite_add_tcase(s, tc);
    return s;
}
