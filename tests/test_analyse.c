/* test_analyse.c - the analysis, function by function, on small fixture trees. */
#include <glib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "load/load.h"
#include "check/rules.h"
#include "suites.h"
#include "testutil.h"

#define AS_OF (date_from_ymd(2023, 1, 15))
#define SINCE (date_from_ymd(2022, 12, 4)) /* AS_OF - 42 */

/* One action per case: its planning and progress history, and what the analysis must
 * conclude on 15-01-2023 with no meetings (next meeting 26-02-2023). */
typedef struct {
    const char *id;
    const char *planning;
    const char *progress; /* "date status" pairs separated by ';'; "status|period" gives the
                           * report a verwacht (revised or expected date) */
    rr_signal signal;
    signal_reason reason;
    rr_status status;
    bool changed;         /* status differs from the one on --since */
    bool is_new;          /* first report in (since, as_of] */
    bool newly_overdue;   /* deadline in [since, as_of), not closed */
} signal_case;

static const signal_case signal_cases[] = {
    {"overdue", "november 2022", "2022-12-20 lopend", SIGNAL_RED, REASON_OVERDUE,
     STATUS_IN_PROGRESS, true, true, false},
    {"overdue-in-period", "december 2022", "2022-12-20 lopend", SIGNAL_RED, REASON_OVERDUE,
     STATUS_IN_PROGRESS, true, true, true},
    {"done-late-is-fine", "november 2022", "2022-10-01 lopend;2023-01-10 afgerond",
     SIGNAL_GREEN, REASON_NONE, STATUS_DONE, true, false, false},
    {"cancelled", "november 2022", "2022-12-20 vervallen", SIGNAL_GREEN, REASON_NONE,
     STATUS_CANCELLED, true, true, false},
    {"delayed", "2023", "2022-12-20 vertraagd", SIGNAL_RED, REASON_DELAYED, STATUS_DELAYED,
     true, true, false},
    {"due-soon-not-started", "20-02-2023", "2022-12-20 gepland", SIGNAL_AMBER,
     REASON_DUE_SOON, STATUS_PLANNED, true, true, false},
    {"due-soon-started", "20-02-2023", "2022-12-20 lopend", SIGNAL_GREEN, REASON_NONE,
     STATUS_IN_PROGRESS, true, true, false},
    {"due-after-next-meeting", "maart 2023", "2022-12-20 gepland", SIGNAL_GREEN, REASON_NONE,
     STATUS_PLANNED, true, true, false},
    {"on-hold", "2023", "2022-12-20 aangehouden", SIGNAL_AMBER, REASON_ON_HOLD, STATUS_ON_HOLD,
     true, true, false},
    {"no-update-84-days", "2024", "2022-10-01 lopend", SIGNAL_AMBER, REASON_NO_UPDATE,
     STATUS_IN_PROGRESS, false, false, false},
    {"never-reported", "", "", SIGNAL_AMBER, REASON_NO_UPDATE, STATUS_UNKNOWN, false, false,
     false},
    {"recurring", "doorlopend", "2022-11-01 doorlopend;2023-01-02 doorlopend", SIGNAL_GREEN,
     REASON_NONE, STATUS_ONGOING, false, false, false},
    {"report-after-as-of-does-not-count", "2024", "2022-12-20 lopend;2023-02-01 afgerond",
     SIGNAL_GREEN, REASON_NONE, STATUS_IN_PROGRESS, true, true, false},
    /* A report's expected date replaces the planning's deadline ... */
    {"expected-date-revises-a-passed-deadline", "november 2022", "2022-11-20 lopend|Q1 2023",
     SIGNAL_GREEN, REASON_NONE, STATUS_IN_PROGRESS, false, false, false},
    {"expected-date-passed", "2023", "2022-11-20 lopend|december 2022", SIGNAL_RED,
     REASON_EXPECTED_PASSED, STATUS_IN_PROGRESS, false, false, true},
    {"expected-date-without-planning", "", "2022-12-20 lopend|december 2022", SIGNAL_RED,
     REASON_EXPECTED_PASSED, STATUS_IN_PROGRESS, true, true, true},
    /* ... and stands until a later report gives another. */
    {"expected-date-stands", "november 2022", "2022-11-20 lopend|Q1 2023;2022-12-20 lopend",
     SIGNAL_GREEN, REASON_NONE, STATUS_IN_PROGRESS, false, false, false},
    {"expected-date-revised-again", "november 2022",
     "2022-11-20 lopend|Q1 2023;2022-12-20 vertraagd|december 2022", SIGNAL_RED,
     REASON_EXPECTED_PASSED, STATUS_DELAYED, true, false, true},
};

/* Writes the signal cases as gemeente-b's actions and progress. */
static void write_signal_cases(const char *dir)
{
    GString *actions = g_string_new(
        "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n");
    GString *progress = g_string_new("actie_id,datum,status,verwacht,toelichting,bron\n");
    for (size_t i = 0; i < G_N_ELEMENTS(signal_cases); i++) {
        const signal_case *c = &signal_cases[i];
        g_string_append_printf(actions, "%s,lp,Lijn,,Titel,,%s,,,t\n", c->id, c->planning);
        gchar **reports = g_strsplit(c->progress, ";", -1);
        for (gchar **r = reports; *r && **r; r++) {
            gchar **parts = g_strsplit(*r, " ", 2);
            gchar **status = g_strsplit(parts[1], "|", 2);
            g_string_append_printf(progress, "%s,%s,%s,%s,,t\n", c->id, parts[0], status[0],
                                   status[1] ? status[1] : "");
            g_strfreev(status);
            g_strfreev(parts);
        }
        g_strfreev(reports);
    }
    tu_write(dir, "regio-a/gemeente-b/acties.csv", actions->str);
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv", progress->str);
    g_string_free(actions, TRUE);
    g_string_free(progress, TRUE);
}

/* Loads dir and checks it; the data must have no errors. */
static rr_model *load_clean(const char *dir)
{
    diag_list diags;
    diag_list_init(&diags);
    rr_model *m = model_new();
    load_tree(dir, m, &diags);
    rules_check(m, AS_OF, SINCE, tu_today(), &diags);
    char *all = tu_diags_text(&diags);
    ck_assert_msg(diags.errors == 0, "fixture has errors:\n%s", all);
    g_free(all);
    diag_list_release(&diags);
    return m;
}

START_TEST(signals_and_changes)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    write_signal_cases(dir);
    rr_model *m = load_clean(dir);
    rr_analysis *an = analysis_new(m, AS_OF, SINCE);
    ck_assert_int_eq(an->next_meeting, AS_OF + 42);
    for (size_t i = 0; i < G_N_ELEMENTS(signal_cases); i++) {
        const signal_case *c = &signal_cases[i];
        const action_view *v = analysis_action(an, model_find_action(m, "gemeente-b", c->id));
        ck_assert_ptr_nonnull(v);
        ck_assert_msg(v->signal == c->signal && v->reason == c->reason,
                      "%s: signal %d reason %d, expected %d %d", c->id, v->signal, v->reason,
                      c->signal, c->reason);
        ck_assert_msg(v->status == c->status, "%s: status %s", c->id, vocab_status_code(v->status));
        ck_assert_msg(v->status_changed == c->changed, "%s: changed %d", c->id, v->status_changed);
        ck_assert_msg(v->is_new == c->is_new, "%s: new %d", c->id, v->is_new);
        ck_assert_msg(v->newly_overdue == c->newly_overdue, "%s: newly overdue %d", c->id,
                      v->newly_overdue);
        /* The deadline that counts is the expected one when a report gave it. */
        rr_date planned = calendar_action_deadline(v->action);
        ck_assert_int_eq(v->planned_deadline, planned);
        ck_assert_int_eq(v->deadline,
                         v->expected ? v->expected->expected.value.last : planned);
        ck_assert_msg((v->expected != NULL) == (strchr(c->progress, '|') != NULL), "%s", c->id);
    }
    /* The owner summary adds the views up. */
    const owner_summary *s = analysis_owner(an, model_find_owner(m, "gemeente-b"));
    size_t red = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(signal_cases); i++)
        red += signal_cases[i].signal == SIGNAL_RED;
    ck_assert_uint_eq(s->by_signal[SIGNAL_RED], red);
    ck_assert_uint_eq(s->actions, G_N_ELEMENTS(signal_cases));
    ck_assert(s->updated_in_period);
    ck_assert_int_eq(s->last_update, date_from_ymd(2023, 1, 10));
    analysis_free(an);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(next_meeting_follows_the_regions_rhythm)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/overleggen.csv",
             "datum,soort,omschrijving\n2022-11-01,rao,RAO\n2023-01-10,bestuurlijk,BO\n");
    rr_model *m = load_clean(dir);
    rr_owner *region = model_find_owner(m, "regio-a");
    /* 01-11-2022 + 42 = 13-12-2022 (past), + 42 = 24-01-2023. The other meeting does not
     * count for the rhythm. */
    ck_assert_int_eq(analyse_next_meeting_after(m, region, AS_OF), date_from_ymd(2023, 1, 24));
    /* The period starts at the projected meeting of 13-12-2022, not at 01-11-2022. */
    ck_assert_int_eq(calendar_region_since(m, region, AS_OF), date_from_ymd(2022, 12, 13));
    ck_assert_int_eq(analyse_next_meeting_after(m, region, date_from_ymd(2022, 11, 1)),
                     date_from_ymd(2022, 12, 13));
    ck_assert_int_eq(calendar_region_since(m, region, date_from_ymd(2022, 11, 1)),
                     date_from_ymd(2022, 11, 1) - 42);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

/* One recorded meeting long ago, a rhythm from regio.csv: the period is one rhythm
 * step, not everything since that meeting. */
START_TEST(meeting_period_projects_the_rhythm_past_the_last_record)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/regio.csv",
             "regio_id,naam,centrumgemeente,ritme_weken\nregio-a,Regio A,B,4\n");
    tu_write(dir, "regio-a/overleggen.csv",
             "datum,soort\n2022-03-01,rao\n2022-06-01,\n2022-12-01,evaluatie\n");
    diag_list diags;
    diag_list_init(&diags);
    rr_model *m = model_new();
    load_tree(dir, m, &diags);
    rr_date as_of = date_from_ymd(2022, 8, 1);
    rules_check(m, as_of, RR_DATE_NONE, tu_today(), &diags);
    rr_owner *region = model_find_owner(m, "regio-a");
    rr_owner *town = model_find_owner(m, "gemeente-b");
    ck_assert_int_eq(calendar_interval_days(town), 28);
    /* 01-06-2022 + 28 = 29-06, + 28 = 27-07 (the period's start), next 24-08. */
    meeting_period p = calendar_meeting_period(m, town, as_of);
    ck_assert_int_eq(p.since, date_from_ymd(2022, 7, 27));
    ck_assert_int_eq(p.next, date_from_ymd(2022, 8, 24));
    ck_assert_int_eq(p.last_recorded, date_from_ymd(2022, 6, 1));
    ck_assert(p.projected);
    /* 61 days is more than two periods of 28: the warning names the record's row. */
    ck_assert(p.stale);
    const diag *d = tu_find_diag(&diags, "regio-a/overleggen.csv", 3, 0, DIAG_WARNING,
                                 "01-06-2022");
    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_nonnull(strstr(d->message, "27-07-2022"));
    /* Between two records no day is invented; a meeting day itself starts no period. */
    p = calendar_meeting_period(m, region, date_from_ymd(2022, 6, 1));
    ck_assert_int_eq(p.since, date_from_ymd(2022, 3, 1));
    ck_assert_int_eq(p.next, date_from_ymd(2022, 6, 29));
    ck_assert(!p.projected);
    ck_assert(!p.stale);
    /* Before the first record the rhythm counts back. */
    p = calendar_meeting_period(m, region, date_from_ymd(2022, 2, 15));
    ck_assert_int_eq(p.since, date_from_ymd(2022, 2, 1));
    ck_assert_int_eq(p.next, date_from_ymd(2022, 3, 1));
    ck_assert_int_eq(p.last_recorded, RR_DATE_NONE);
    /* The days of the trend: the same schedule, ascending, the latest `max` kept. */
    GArray *days = calendar_meeting_days(m, town, as_of, date_from_ymd(2022, 2, 1), as_of, 10);
    ck_assert_uint_eq(days->len, 5);
    ck_assert_int_eq(g_array_index(days, rr_date, 0), date_from_ymd(2022, 2, 1));
    ck_assert_int_eq(g_array_index(days, rr_date, 1), date_from_ymd(2022, 3, 1));
    ck_assert_int_eq(g_array_index(days, rr_date, 2), date_from_ymd(2022, 6, 1));
    ck_assert_int_eq(g_array_index(days, rr_date, 4), date_from_ymd(2022, 7, 27));
    g_array_free(days, TRUE);
    days = calendar_meeting_days(m, town, as_of, date_from_ymd(2022, 2, 1), as_of, 2);
    ck_assert_uint_eq(days->len, 2);
    ck_assert_int_eq(g_array_index(days, rr_date, 0), date_from_ymd(2022, 6, 29));
    g_array_free(days, TRUE);
    /* The analysis and every writer take the owners' period from here. */
    rr_analysis *an = analysis_new(m, as_of, RR_DATE_NONE);
    ck_assert_int_eq(analysis_owner(an, town)->since, date_from_ymd(2022, 7, 27));
    ck_assert_int_eq(analysis_owner(an, town)->next_meeting, date_from_ymd(2022, 8, 24));
    analysis_free(an);
    diag_list_release(&diags);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(rhythm_must_be_whole_weeks)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/regio.csv",
             "regio_id,naam,centrumgemeente,ritme_weken\nregio-a,Regio A,B,zes\n");
    diag_list diags;
    diag_list_init(&diags);
    rr_model *m = model_new();
    load_tree(dir, m, &diags);
    ck_assert_ptr_nonnull(
        tu_find_diag(&diags, "regio-a/regio.csv", 2, 19, DIAG_ERROR, "ritme_weken 'zes'"));
    ck_assert_int_eq(calendar_interval_days(model_find_owner(m, "regio-a")), 42);
    diag_list_release(&diags);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(months_between_rounds_to_whole_months)
{
    static const struct {
        int y1, m1, d1, y2, m2, d2, months;
    } rows[] = {{2022, 12, 31, 2024, 12, 31, 24}, {2022, 12, 31, 2023, 7, 31, 7},
                {2022, 12, 31, 2022, 12, 31, 0},  {2021, 1, 15, 2021, 2, 1, 1},
                {2021, 1, 1, 2021, 1, 20, 1},     {2021, 1, 1, 2021, 1, 10, 0}};
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++)
        ck_assert_int_eq(analyse_months_between(date_from_ymd(rows[i].y1, rows[i].m1, rows[i].d1),
                                        date_from_ymd(rows[i].y2, rows[i].m2, rows[i].d2)),
                         rows[i].months);
    ck_assert_int_eq(analyse_months_between(RR_DATE_NONE, AS_OF), 0);
}
END_TEST

START_TEST(extensions_apply_in_decision_order)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    /* Written out of order: the later decision (to 2026) must win. */
    tu_write(dir, "regio-a/verlengingen.csv",
             "plan_id,besloten_op,besloten_door,nieuw_eind,reden,bron\n"
             "rv,01-03-2024,RAO,2026,tweede,t\nrv,28-02-2022,RAO,2024,eerste,t\n");
    rr_model *m = load_clean(dir);
    rr_analysis *an = analysis_new(m, AS_OF, SINCE);
    const rr_plan *rv = model_find_plan(m, "regio-a", "rv");
    const plan_view *v = NULL;
    for (size_t i = 0; i < an->plan_count; i++)
        if (an->plans[i].plan == rv)
            v = &an->plans[i];
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(v->start, date_from_ymd(2019, 1, 1));
    ck_assert_int_eq(v->original_end, date_from_ymd(2022, 12, 31));
    ck_assert_int_eq(v->effective_end, date_from_ymd(2026, 12, 31));
    ck_assert_int_eq(v->months_extended, 48);
    ck_assert_int_eq(v->midpoint, date_from_ymd(2020, 12, 31));
    ck_assert_int_eq(v->evaluation, date_from_ymd(2021, 12, 31));
    analysis_free(an);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(midterm_counts_per_plan_and_action_line)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    /* lp runs 2021-2023: midpoint 01-01-2022 + (1094 / 2) days = 02-07-2022. */
    tu_write(dir, "regio-a/gemeente-b/acties.csv",
             "actie_id,plan_id,actielijn,titel\n"
             "a,lp,Een,A\nb,lp,Een,B\nc,lp,Twee,C\nd,lp,,D\n");
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv",
             "actie_id,datum,status\n"
             "a,2022-03-01,lopend\na,2022-12-20,afgerond\n"
             "b,2022-08-01,gepland\n"
             "c,2022-01-01,afgerond\n");
    rr_model *m = load_clean(dir);
    rr_analysis *an = analysis_new(m, AS_OF, SINCE);
    const rr_plan *lp = model_find_plan(m, "gemeente-b", "lp");
    const midterm_row *whole = NULL, *one = NULL, *two = NULL, *none = NULL;
    for (guint i = 0; i < an->midterm->len; i++) {
        const midterm_row *r = &g_array_index(an->midterm, midterm_row, i);
        if (r->plan != lp)
            continue;
        if (r->whole)
            whole = r;
        else if (!*r->action_line)
            none = r;
        else if (strcmp(r->action_line, "Een") == 0)
            one = r;
        else if (strcmp(r->action_line, "Twee") == 0)
            two = r;
    }
    ck_assert(whole && one && two && none);
    ck_assert_int_eq(whole->midpoint, date_from_ymd(2022, 7, 2));
    ck_assert(whole->midpoint_passed);
    /* d has no line: its own row, so that the lines add up to the plan. */
    ck_assert_uint_eq(none->total, 1);
    ck_assert_uint_eq(one->total + two->total + none->total, whole->total);
    ck_assert_uint_eq(whole->total, 4);
    ck_assert_uint_eq(whole->at_midpoint[PROGRESS_DONE], 1);       /* c */
    ck_assert_uint_eq(whole->at_midpoint[PROGRESS_UNDER_WAY], 1);  /* a */
    ck_assert_uint_eq(whole->at_midpoint[PROGRESS_UNKNOWN], 2);    /* b, d */
    ck_assert_uint_eq(whole->at_as_of[PROGRESS_DONE], 2);          /* a, c */
    ck_assert_uint_eq(whole->at_as_of[PROGRESS_NOT_STARTED], 1);   /* b */
    ck_assert_uint_eq(whole->at_as_of[PROGRESS_UNKNOWN], 1);       /* d */
    ck_assert_uint_eq(one->total, 2);
    ck_assert_uint_eq(one->at_as_of[PROGRESS_DONE], 1);
    ck_assert_uint_eq(two->total, 1);
    ck_assert_uint_eq(two->at_midpoint[PROGRESS_DONE], 1);
    analysis_free(an);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(figures_per_thousand_inhabitants)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir); /* gemeente-b has 10000 inhabitants; regio-a none */
    tu_write(dir, "regio-a/gemeente-b/cijfers.csv",
             "indicator,jaar,waarde\nvt_meldingen,2021,25\nvt_meldingen,2022,.\n");
    tu_write(dir, "regio-a/cijfers.csv", "indicator,jaar,waarde\nvt_meldingen,2021,300\n");
    rr_model *m = load_clean(dir);
    for (guint i = 0; i < m->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(m->figures, i);
        double per = -1;
        bool known = analyse_per_thousand(f, &per);
        if (f->owner->kind == OWNER_REGION)
            ck_assert(!known); /* population unknown */
        else if (f->suppressed)
            ck_assert(!known && per == -1); /* never 0 */
        else
            ck_assert(known && per == 2.5);
    }
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

/* A figure for a year is shown only once that year is over, or from the publication
 * date cijfers.csv gives (a report of 31-01-2023 must not show 2023's figures). */
START_TEST(figures_only_once_their_year_is_over)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/cijfers.csv",
             "indicator,jaar,waarde,bron,gepubliceerd\n"
             "vt_meldingen,2022,25,,\n"
             "vt_meldingen,2023,30,,\n"
             "vt_meldingen,2021,40,,15-03-2023\n");
    rr_model *m = load_clean(dir);
    ck_assert_uint_eq(m->figures->len, 3);
    const rr_figure *y2022 = g_ptr_array_index(m->figures, 0);
    const rr_figure *y2023 = g_ptr_array_index(m->figures, 1);
    const rr_figure *published = g_ptr_array_index(m->figures, 2);
    ck_assert(!analyse_figure_known(y2022, date_from_ymd(2022, 12, 31)));
    ck_assert(analyse_figure_known(y2022, date_from_ymd(2023, 1, 1)));
    ck_assert(!analyse_figure_known(y2023, date_from_ymd(2023, 1, 31)));
    ck_assert(analyse_figure_known(y2023, date_from_ymd(2024, 1, 1)));
    ck_assert(!analyse_figure_known(published, date_from_ymd(2023, 3, 14)));
    ck_assert(analyse_figure_known(published, date_from_ymd(2023, 3, 15)));
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

/* A figure is set against the population of its own year when inwoners.csv has it, and
 * against gemeente.csv's (10000 in 2022) otherwise. */
START_TEST(figures_per_thousand_use_the_count_of_their_year)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/inwoners.csv", "jaar,inwoners,bron\n2021,12.500,test\n");
    tu_write(dir, "regio-a/gemeente-b/cijfers.csv",
             "indicator,jaar,waarde\nvt_meldingen,2021,25\nvt_meldingen,2020,25\n");
    rr_model *m = load_clean(dir);
    const struct {
        int year;
        int64_t count;
        int count_year;
        double per_thousand;
    } expect[] = {{2021, 12500, 2021, 2.0}, {2020, 10000, 2022, 2.5}};
    for (guint i = 0; i < m->figures->len; i++) {
        const rr_figure *f = g_ptr_array_index(m->figures, i);
        int64_t count = 0;
        int count_year = 0;
        double per = 0;
        ck_assert(analyse_population(f->owner, f->year, &count, &count_year));
        ck_assert(analyse_per_thousand(f, &per));
        ck_assert_int_eq(f->year, expect[i].year);
        ck_assert_int_eq(count, expect[i].count);
        ck_assert_int_eq(count_year, expect[i].count_year);
        ck_assert_double_eq_tol(per, expect[i].per_thousand, 1e-9);
    }
    ck_assert_uint_eq(m->figures->len, 2);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(budget_totals_per_year_and_action_line)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/begroting.csv",
             "post,actielijn,actie_id,van_jaar,tot_jaar,bedrag_per_jaar\n"
             "Training,Preventie,1.1,2022,2023,€ 3.000\n"
             "Folders,Preventie,,2023,2023,\"250,50\"\n"
             "Overleg,Samenwerking,,2022,2022,1000\n");
    rr_model *m = load_clean(dir);
    rr_analysis *an = analysis_new(m, AS_OF, SINCE);
    static const struct {
        int year;
        int64_t cents;
    } years[] = {{2022, 400000}, {2023, 325050}};
    ck_assert_uint_eq(an->budget_years->len, 2);
    for (size_t i = 0; i < G_N_ELEMENTS(years); i++) {
        const budget_total *t = &g_array_index(an->budget_years, budget_total, i);
        ck_assert_int_eq(t->year, years[i].year);
        ck_assert_int_eq(t->cents, years[i].cents);
    }
    /* Per action line, sorted by line then year. */
    ck_assert_uint_eq(an->budget->len, 3);
    const budget_total *first = &g_array_index(an->budget, budget_total, 0);
    ck_assert_str_eq(first->action_line, "Preventie");
    ck_assert_int_eq(first->year, 2022);
    ck_assert_int_eq(first->cents, 300000);
    const budget_total *second = &g_array_index(an->budget, budget_total, 1);
    ck_assert_int_eq(second->cents, 325050);
    analysis_free(an);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(themes_count_actions_per_owner_and_status)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir); /* 1.1 has preventie|meldcode and is lopend; 1.2 no theme */
    rr_model *m = load_clean(dir);
    rr_analysis *an = analysis_new(m, AS_OF, SINCE);
    ck_assert_uint_eq(an->themes->len, 2);
    const theme_cell *c = &g_array_index(an->themes, theme_cell, 0);
    ck_assert_str_eq(c->theme->code, "preventie"); /* vocabulary order */
    ck_assert_str_eq(c->owner->id, "gemeente-b");
    ck_assert_uint_eq(c->actions, 1);
    ck_assert_uint_eq(c->by_status[STATUS_IN_PROGRESS], 1);
    analysis_free(an);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *analyse_suite(void)
{
    Suite *s = suite_create("analyse");
    TCase *tc = tcase_create("functions");
    tcase_add_test(tc, signals_and_changes);
    tcase_add_test(tc, next_meeting_follows_the_regions_rhythm);
    tcase_add_test(tc, meeting_period_projects_the_rhythm_past_the_last_record);
    tcase_add_test(tc, rhythm_must_be_whole_weeks);
    tcase_add_test(tc, months_between_rounds_to_whole_months);
    tcase_add_test(tc, extensions_apply_in_decision_order);
    tcase_add_test(tc, midterm_counts_per_plan_and_action_line);
    tcase_add_test(tc, figures_per_thousand_inhabitants);
    tcase_add_test(tc, figures_only_once_their_year_is_over);
    tcase_add_test(tc, figures_per_thousand_use_the_count_of_their_year);
    tcase_add_test(tc, budget_totals_per_year_and_action_line);
    tcase_add_test(tc, themes_count_actions_per_owner_and_status);
    suite_add_tcase(s, tc);
    return s;
}
