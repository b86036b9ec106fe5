/* test_load.c - the loader and the cross-file checks, case by case. */
#include <glib.h>
#include <string.h>

#include "analyse/analyse.h"
#include "check/rules.h"
#include "load/load.h"
#include "suites.h"
#include "testutil.h"

#define AS_OF (date_from_ymd(2023, 1, 15))

/* The valid tree with `file` written over it (content NULL: as it is), loaded and
 * checked as of 15-01-2023 with a meeting period of 42 days; tu_checked_free. The
 * folder is removed at once: the model keeps what it needs. */
static tu_checked *check_tree_with(const char *file, const char *content)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    if (file)
        tu_write(dir, file, content);
    tu_checked *c = tu_check(dir, AS_OF, AS_OF - 42);
    tu_tmpdir_free(dir);
    return c;
}

typedef struct {
    const char *name;
    const char *file;      /* relative path written over the valid tree */
    const char *content;   /* its new content (header included) */
    long line;             /* expected line of the diagnostic (0: whole file) */
    const char *at_text;   /* the diagnostic's column is where this text starts on that line */
    diag_severity severity;
    const char *needle;    /* key words of the message, '|'-separated (tu_find_diag) */
} load_case;

/* Builds "header + row" without repeating the headers in every case. */
#define PLANS(rows) "plan_id,titel,soort,start,eind,vastgesteld_op,vastgesteld_door,bovenliggend_plan,evaluatie,bron\n" rows
#define ACTIONS(rows) "actie_id,plan_id,actielijn,themas,titel,doel,planning,budget,partners,bron\n" rows
#define PROGRESS(rows) "actie_id,datum,status,toelichting,bron\n" rows
#define TARGETS(rows) "actie_id,plan_id,titel,streefcijfer,lopende_kosten\n" rows
#define POPULATION(rows) "jaar,inwoners,bron\n" rows
#define LINES(rows) "plan_id,actielijn,omschrijving,bron\n" rows
#define DRAFT(rows) "plan_id,titel,soort,start,eind,concept,dekking,bron\n" rows
#define EXPECTED(rows) "actie_id,datum,status,verwacht,toelichting,bron\n" rows
#define A1 "1.1,lp,Preventie,preventie,Training,,najaar 2022,,,test\n"

static const load_case cases[] = {
    {"impossible date", "regio-a/plannen.csv",
     PLANS("rv,Regiovisie,regiovisie,2019,2022,31-02-2019,college,,2021,test\n"), 2, "31-02",
     DIAG_ERROR, "vastgesteld_op|'31-02-2019'|bestaat niet"},
    {"period that is no period", "regio-a/gemeente-b/acties.csv",
     ACTIONS(A1 "1.2,lp,,,Titel,,ergens in 2022,,,test\n"), 3, "ergens", DIAG_ERROR,
     "'ergens in 2022'|periode|schrijf"},
    {"checkmark in planning", "regio-a/gemeente-b/acties.csv",
     ACTIONS(A1 "1.2,lp,,,Titel,,V aug. 2021,,,test\n"), 3, "V aug", DIAG_ERROR, "'V aug. 2021'|vinkje|afgerond"},
    {"status nobody defined", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,2022-10-01,klaar,,test\n"), 2, "klaar", DIAG_ERROR,
     "status|'klaar'|afgerond"},
    {"status: did you mean", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,2022-10-01,lopnd,,test\n"), 2, "lopnd", DIAG_ERROR, "; bedoelt u 'lopend'?"},
    {"a cell's column letter and name", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,2022-10-01,lopnd,,test\n"), 2, "lopnd", DIAG_ERROR,
     "bedoelt u 'lopend'? (kolom C, status)"},
    {"column letter follows the header's order", "regio-a/gemeente-b/voortgang.csv",
     "bron,toelichting,status,datum,actie_id\ntest,,lopend,31-02-2022,1.1\n", 2, "31-02", DIAG_ERROR,
     "(kolom D, datum)"},
    {"theme: did you mean", "regio-a/gemeente-b/acties.csv",
     ACTIONS("1.1,lp,Preventie,Meldcode,Training,,najaar 2022,,,test\n"), 2, "1.1", DIAG_ERROR,
     "thema 'Meldcode' staat niet in themas.csv; bedoelt u 'meldcode'?"},
    {"plan: did you mean", "regio-a/gemeente-b/acties.csv",
     ACTIONS("1.1,pl,Preventie,,Training,,najaar 2022,,,test\n"), 2, "1.1", DIAG_ERROR,
     "plan_id 'pl' bestaat niet bij gemeente-b of regio regio-a; bekende plannen: rv, lp; "
     "bedoelt u 'lp'?"},
    {"action id: did you mean", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.3,2022-10-01,lopend,,test\n"), 2, "1.3", DIAG_ERROR,
     "actie_id '1.3' staat niet in acties.csv van deze map; bedoelt u '1.1' of '1.2'?"},
    {"English status accepted", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,2022-10-01,Done,,test\n"), 0, NULL, DIAG_ERROR, NULL},
    {"progress for an action that does not exist", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("9.9,2022-10-01,lopend,,test\n"), 2, "9.9", DIAG_ERROR, "'9.9'|acties.csv"},
    {"half-filled progress row", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,,lopend,,test\n"), 2, ",lopend", DIAG_ERROR, "'datum'|'status'|leeg"},
    {"unfilled template row is skipped", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,,,,\n1.1,2022-10-01,lopend,,test\n"), 0, NULL, DIAG_ERROR, NULL},
    {"two reports on one day", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,2022-10-01,lopend,,test\n1.1,01-10-2022,afgerond,,test\n"), 3, "01-10",
     DIAG_ERROR, "'1.1'|01-10-2022|regel 2"},
    {"expected date read", "regio-a/gemeente-b/voortgang.csv",
     EXPECTED("1.1,2022-10-01,lopend,eerste kwartaal 2023,,test\n"), 0, NULL, DIAG_ERROR, NULL},
    {"expected date that recurs", "regio-a/gemeente-b/voortgang.csv",
     EXPECTED("1.1,2022-10-01,lopend,doorlopend,,test\n"), 2, "doorlopend", DIAG_ERROR,
     "verwacht 'doorlopend' is geen datum"},
    {"expected date that is no period", "regio-a/gemeente-b/voortgang.csv",
     EXPECTED("1.1,2022-10-01,lopend,ooit,,test\n"), 2, "ooit", DIAG_ERROR, "geen periode"},
    {"expected date before the report", "regio-a/gemeente-b/voortgang.csv",
     EXPECTED("1.1,2022-10-01,lopend,Q1 2022,,test\n"), 2, "Q1 2022", DIAG_WARNING,
     "vóór de datum van de melding"},
    {"unknown theme", "regio-a/gemeente-b/acties.csv",
     ACTIONS("1.1,lp,,preventie|foo,Training,,,,,test\n"), 2, "1.1", DIAG_ERROR, "'foo'|themas.csv"},
    {"unknown plan", "regio-a/gemeente-b/acties.csv", ACTIONS("1.1,xx,,,Training,,,,,test\n"), 2,
     "1.1", DIAG_ERROR, "plan_id|'xx'|rv, lp"},
    {"duplicate action id", "regio-a/gemeente-b/acties.csv", ACTIONS(A1 A1), 3, "1.1", DIAG_ERROR,
     "'1.1'|regel 2"},
    {"missing required column", "regio-a/gemeente-b/acties.csv",
     "actie_id,plan_id,themas\n1.1,lp,\n", 1, "actie_id", DIAG_ERROR, "verplicht|'titel'"},
    {"unknown column is a warning", "regio-a/gemeente-b/acties.csv",
     "actie_id,plan_id,titel,notitie\n1.1,lp,Training,eigen\n", 1, "notitie", DIAG_WARNING,
     "onbekend|'notitie'"},
    {"empty required value", "regio-a/gemeente-b/acties.csv", ACTIONS("1.1,lp,,,,,,,,test\n"), 2,
     ",,,,,test", DIAG_ERROR, "'titel'|leeg"},
    {"id with a space", "regio-a/gemeente-b/acties.csv", ACTIONS("1 1,lp,,,T,,,,,test\n"), 2,
     "1 1", DIAG_ERROR, "'1 1'|spaties"},
    {"extension that shortens", "regio-a/verlengingen.csv",
     "plan_id,besloten_op,besloten_door,nieuw_eind,reden,bron\nrv,28-02-2022,RAO,2021,,test\n",
     2, "rv", DIAG_ERROR, "nieuw_eind|31-12-2021|31-12-2022"},
    {"extension decided before its plan started", "regio-a/verlengingen.csv",
     "plan_id,besloten_op,besloten_door,nieuw_eind,reden,bron\nrv,28-02-2018,RAO,2024,,test\n",
     2, "28-02-2018", DIAG_WARNING, "besloten_op 28-02-2018|begin 01-01-2019|'rv'|plannen.csv"},
    {"extension of an unknown plan", "regio-a/verlengingen.csv",
     "plan_id,besloten_op,besloten_door,nieuw_eind,reden,bron\nzz,28-02-2022,RAO,2025,,test\n",
     2, "zz", DIAG_ERROR, "'zz'|plannen.csv"},
    {"parent plan that does not exist", "regio-a/gemeente-b/plannen.csv",
     PLANS("lp,Lokaal plan,lokaal-plan,2021,2023,,,regio-a/nope,,test\n"), 2, "lp", DIAG_ERROR,
     "bovenliggend_plan|'regio-a/nope'|rv"},
    {"local plan past the extended regional plan", "regio-a/gemeente-b/plannen.csv",
     PLANS("lp,Lokaal plan,lokaal-plan,2021,2025,,,regio-a/rv,,test\n"), 2, "lp", DIAG_WARNING,
     "'lp'|'rv'|31-12-2024"},
    {"action deadline after its plan's end", "regio-a/gemeente-b/acties.csv",
     ACTIONS("1.1,lp,,,Training,,2024,,,test\n"), 2, "1.1", DIAG_WARNING, "'1.1'|31-12-2024|'lp'"},
    {"draft flag and funding read", "regio-a/plannen.csv",
     DRAFT("rv,Regiovisie,regiovisie,2019,2022,JA,DUVO|lokale middelen,test\n"), 0, NULL,
     DIAG_ERROR, NULL},
    {"draft flag that is neither yes nor no", "regio-a/plannen.csv",
     DRAFT("rv,Regiovisie,regiovisie,2019,2022,bijna,,test\n"), 2, "bijna", DIAG_ERROR,
     "concept 'bijna' is geen ja of nee"},
    {"action lines read", "regio-a/gemeente-b/actielijnen.csv",
     LINES("lp,Preventie,Voorkomen,test\nlp,Samenwerking,,test\n"), 0, NULL, DIAG_ERROR, NULL},
    {"action line of a plan elsewhere", "regio-a/gemeente-b/actielijnen.csv",
     LINES("rv,Preventie,,test\n"), 2, "rv", DIAG_ERROR,
     "plan_id 'rv' staat niet in plannen.csv van deze map"},
    {"action line twice", "regio-a/gemeente-b/actielijnen.csv",
     LINES("lp,Preventie,,test\nlp,Preventie,,test\n"), 3, "lp", DIAG_ERROR,
     "actielijn 'Preventie' van plan 'lp' staat al in regel 2"},
    {"population per year read", "regio-a/gemeente-b/inwoners.csv",
     POPULATION("2021,9.800,test\n2022,10000,test\n"), 0, NULL, DIAG_ERROR, NULL},
    {"population that is no count", "regio-a/gemeente-b/inwoners.csv",
     POPULATION("2021,ca. 9800,test\n"), 2, "ca.", DIAG_ERROR, "inwoners 'ca. 9800' is geen aantal"},
    {"population counted twice in a year", "regio-a/gemeente-b/inwoners.csv",
     POPULATION("2021,9800,test\n2021,9900,test\n"), 3, "2021", DIAG_ERROR,
     "jaar 2021 heeft al een telling in regel 2"},
    {"population that differs from gemeente.csv", "regio-a/gemeente-b/inwoners.csv",
     POPULATION("2022,10500,test\n"), 2, "2022", DIAG_WARNING, "verschilt van gemeente.csv"},
    {"targets and running costs read", "regio-a/gemeente-b/acties.csv",
     TARGETS("1.1,lp,T,60 kinderen in 2021|60-80% van de ouders|1.500 folders,€ 9.335 per jaar\n"),
     0, NULL, DIAG_ERROR, NULL},
    {"target without what it counts", "regio-a/gemeente-b/acties.csv",
     TARGETS("1.1,lp,T,60,\n"), 2, "60", DIAG_ERROR, "streefcijfer '60' begint niet met"},
    {"target that starts with words", "regio-a/gemeente-b/acties.csv",
     TARGETS("1.1,lp,T,20 per jaar|ongeveer twintig,\n"), 2, "20 per", DIAG_ERROR,
     "streefcijfer 'ongeveer twintig'"},
    {"unknown plan kind", "regio-a/plannen.csv",
     PLANS("rv,Regiovisie,visie,2019,2022,,,,,test\n"), 2, "visie,2019", DIAG_ERROR,
     "'visie'|regiovisie"},
    {"end before start", "regio-a/plannen.csv", PLANS("rv,Regiovisie,regiovisie,2022,2019,,,,,t\n"),
     2, "2019", DIAG_ERROR, "eind|start|'2019'|'2022'"},
    {"budget amount that is text", "regio-a/gemeente-b/begroting.csv",
     "post,actielijn,actie_id,van_jaar,tot_jaar,bedrag_per_jaar,dekking,bron\n"
     "Training,,1.1,2022,2022,P.M.,,test\n",
     2, "P.M.", DIAG_ERROR, "'P.M.'|bedrag|€ 3.000"},
    {"budget years reversed", "regio-a/gemeente-b/begroting.csv",
     "post,actielijn,actie_id,van_jaar,tot_jaar,bedrag_per_jaar,dekking,bron\n"
     "Training,,,2025,2022,100,,test\n",
     2, "2022,100", DIAG_ERROR, "tot_jaar|van_jaar|2025"},
    {"figure with a misplaced thousands dot", "regio-a/gemeente-b/cijfers.csv",
     "indicator,jaar,waarde,bron\nvt_meldingen,2021,12.34.5,test\n", 2, "12.34", DIAG_ERROR,
     "'12.34.5'|getal"},
    {"figure that is no number", "regio-a/gemeente-b/cijfers.csv",
     "indicator,jaar,waarde,bron\nvt_meldingen,2021,veel,test\n", 2, "veel", DIAG_ERROR,
     "'veel'|getal"},
    {"suppressed figure is fine", "regio-a/gemeente-b/cijfers.csv",
     "indicator,jaar,waarde,bron\nvt_meldingen,2021,.,CBS\n", 0, NULL, DIAG_ERROR, NULL},
    {"unknown indicator", "regio-a/gemeente-b/cijfers.csv",
     "indicator,jaar,waarde,bron\nvt_foo,2021,3,test\n", 2, "vt_foo", DIAG_ERROR,
     "'vt_foo'|indicatoren.csv"},
    {"year out of range", "regio-a/gemeente-b/cijfers.csv",
     "indicator,jaar,waarde,bron\nvt_meldingen,99999,3,test\n", 2, "99999", DIAG_ERROR,
     "'99999'|jaartal"},
    {"id in gemeente.csv differs from the folder", "regio-a/gemeente-b/gemeente.csv",
     "gemeente_id,naam\ngemeente-c,Gemeente C\n", 2, "gemeente-c", DIAG_ERROR,
     "'gemeente-c'|'gemeente-b'"},
    {"semicolons, CRLF and a BOM load the same", "regio-a/gemeente-b/voortgang.csv",
     "\xEF\xBB\xBF" "actie_id;datum;status;toelichting;bron\r\n1.1;1-10-2022;Lopend;x;y\r\n", 0,
     NULL, DIAG_ERROR, NULL},
    {"empty file", "regio-a/gemeente-b/acties.csv", "", 0, NULL, DIAG_ERROR, "leeg|actie_id, plan_id"},
    {"unknown csv file", "regio-a/gemeente-b/acties-oud.csv", "a\n", 0, NULL, DIAG_WARNING,
     "wordt niet gelezen; in deze map leest de tool alleen: gemeente.csv"},
    /* Fields past the header: an unquoted "€ 3.500,50" would shift every cell after it. */
    {"unquoted amount with a comma splits the row", "regio-a/gemeente-b/acties.csv",
     ACTIONS("1.1,lp,,,Training,,najaar 2022,€ 3.500,50,,test\n"), 2, "test", DIAG_ERROR,
     "11 velden|kopregel 10|','"},
    {"empty fields past the header lose nothing", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,2022-10-01,lopend,,test,,\n"), 0, NULL, DIAG_ERROR, NULL},
    {"ambiguous space in a budget amount", "regio-a/gemeente-b/acties.csv",
     ACTIONS("1.1,lp,,,Training,,najaar 2022,€ 12 50,,test\n"), 2, "€ 12", DIAG_WARNING,
     "spatie|gesplitst"},
    /* Only a true unfilled form row is skipped without a word. */
    {"progress row typed with commas in a semicolon file", "regio-a/gemeente-b/voortgang.csv",
     "actie_id;datum;status;toelichting;bron\n1.1,2022-12-20,lopend,,\n", 2, "1.1", DIAG_ERROR,
     "1 velden|kopregel 5|';'"},
    {"free text line in a progress file", "regio-a/gemeente-b/voortgang.csv",
     "actie_id;datum;status;toelichting;bron\n1.1;2022-12-20;lopend;;\nGeen bijzonderheden\n", 3,
     "Geen", DIAG_ERROR, "losse tekst"},
    {"unfilled row of an unknown action", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("9.9,,,,formulier\n"), 2, "9.9", DIAG_ERROR, "actie_id|'9.9'"},
    {"note without datum and status", "regio-a/gemeente-b/voortgang.csv",
     PROGRESS("1.1,,,iets gedaan,formulier\n"), 2, "iets", DIAG_ERROR, "toelichting|datum|status"},
    /* bovenliggend_plan must lead up, within the plan's own region. */
    {"parent plan that is the plan itself", "regio-a/plannen.csv",
     PLANS("rv,Regiovisie,regiovisie,2019,2022,,,regio-a/rv,,test\n"), 2, "rv", DIAG_ERROR,
     "bovenliggend_plan|'regio-a/rv'|zelf"},
    {"parent plans in a circle", "regio-a/plannen.csv",
     PLANS("rv,Regiovisie,regiovisie,2019,2022,,,regio-a/ap,,test\n"
           "ap,Actieplan,actieplan,2019,2022,,,regio-a/rv,,test\n"),
     3, "ap", DIAG_ERROR, "bovenliggend_plan|kring|ap -> rv -> ap"},
};

/* Line `line` (1-based) of text, and the column where `needle` starts on it. */
static long column_of(const char *text, long line, const char *needle)
{
    const char *p = text;
    if (g_str_has_prefix(p, "\xEF\xBB\xBF"))
        p += 3;
    for (long l = 1; l < line && p; l++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    ck_assert_ptr_nonnull(p);
    const char *hit = strstr(p, needle);
    ck_assert_ptr_nonnull(hit);
    return (long)g_utf8_strlen(p, hit - p) + 1;
}

START_TEST(load_cases)
{
    const load_case *c = &cases[_i];
    tu_checked *t = check_tree_with(c->file, c->content);
    if (c->needle) {
        long column = c->at_text ? column_of(c->content, c->line, c->at_text) : 0;
        const char *suffix = c->line ? c->file : strrchr(c->file, '/') + 1;
        ck_assert_msg(tu_find_diag(&t->diags, suffix, c->line, column, c->severity, c->needle),
                      "%s: expected %s:%ld:%ld '%s'; got:\n%s", c->name, c->file, c->line,
                      column, c->needle, t->text);
    } else {
        ck_assert_msg(t->diags.errors == 0, "%s: unexpected errors:\n%s", c->name, t->text);
    }
    tu_checked_free(t);
}
END_TEST

START_TEST(valid_tree_has_no_diagnostics_and_is_resolved)
{
    tu_checked *t = check_tree_with(NULL, NULL);
    const rr_model *m = t->model;
    ck_assert_msg(t->diags.count == 0, "unexpected:\n%s", t->text);
    ck_assert_uint_eq(m->owners->len, 2);
    ck_assert_uint_eq(m->actions->len, 2);
    rr_action *a = model_find_action(m, "gemeente-b", "1.1");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->plan->id, "lp");
    ck_assert_uint_eq(a->themes->len, 2);
    ck_assert(a->has_budget_amount);
    ck_assert_int_eq(a->budget_cents, 300000);
    ck_assert_int_eq(analyse_status_as_of(a, AS_OF), STATUS_IN_PROGRESS);
    ck_assert_int_eq(analyse_status_as_of(a, date_from_ymd(2022, 9, 30)), STATUS_UNKNOWN);
    ck_assert_int_eq(calendar_action_deadline(a), date_from_ymd(2022, 11, 30));
    rr_action *b = model_find_action(m, "gemeente-b", "1.2");
    ck_assert_str_eq(b->plan->owner->id, "regio-a"); /* the region's plan */
    ck_assert(!b->has_budget_amount);
    rr_plan *rv = model_find_plan(m, "regio-a", "rv");
    ck_assert_int_eq(calendar_plan_original_end(rv), date_from_ymd(2022, 12, 31));
    ck_assert_int_eq(calendar_plan_effective_end(rv), date_from_ymd(2024, 12, 31));
    ck_assert_ptr_eq(model_find_plan(m, "gemeente-b", "lp")->parent, rv);
    tu_checked_free(t);
}
END_TEST

START_TEST(folder_with_a_space_is_rejected_by_name)
{
    tu_checked *t = check_tree_with("regio-a/West Betuwe/gemeente.csv", "gemeente_id,naam\nx,X\n");
    /* The error names the folder and the name to use instead. */
    ck_assert_msg(tu_find_diag(&t->diags, "West Betuwe", 0, 0, DIAG_ERROR, "'west-betuwe'"),
                  "got:\n%s", t->text);
    ck_assert_uint_eq(t->diags.errors, 1);
    ck_assert_ptr_null(model_find_owner(t->model, "West Betuwe"));
    tu_checked_free(t);
}
END_TEST

START_TEST(progress_updates_are_merged_from_dropped_files)
{
    tu_checked *t = check_tree_with("regio-a/gemeente-b/voortgang-gemeente-b-2023-01-10.csv",
                                    PROGRESS("1.1,2023-01-10,afgerond,klaar,update\n1.2,,,,\n"));
    ck_assert_msg(t->diags.errors == 0, "%s", t->text);
    rr_action *a = model_find_action(t->model, "gemeente-b", "1.1");
    ck_assert_uint_eq(a->progress->len, 2);
    ck_assert_int_eq(analyse_status_as_of(a, AS_OF), STATUS_DONE);
    tu_checked_free(t);
}
END_TEST

/* One run reports every error, each at its own cell, and nothing else. */
START_TEST(every_error_of_a_run_is_reported)
{
    tu_checked *t = check_tree_with(
        "regio-a/gemeente-b/voortgang.csv",
        PROGRESS("1.1,31-02-2022,lopend,,\n1.1,2022-10-01,klaar,,\n7,2022-10-02,lopend,,\n"));
    const char *file = "regio-a/gemeente-b/voortgang.csv";
    const struct {
        long line, column;
        const char *keywords;
    } errors[] = {{2, 5, "'31-02-2022'|bestaat niet"},
                  {3, 16, "'klaar'|status"},
                  {4, 1, "'7'|actie_id"}};
    for (size_t i = 0; i < G_N_ELEMENTS(errors); i++)
        ck_assert_msg(tu_find_diag(&t->diags, file, errors[i].line, errors[i].column, DIAG_ERROR,
                                   errors[i].keywords),
                      "no error %ld:%ld '%s'; got:\n%s", errors[i].line, errors[i].column,
                      errors[i].keywords, t->text);
    ck_assert_msg(t->diags.errors == G_N_ELEMENTS(errors), "%s", t->text);
    tu_checked_free(t);
}
END_TEST

/* Each region's municipalities are measured against that region's own meeting. */
START_TEST(no_update_warning_uses_each_regions_own_meeting)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/overleggen.csv", "datum,soort,omschrijving\n2023-01-01,rao,RAO\n");
    tu_write(dir, "regio-c/regio.csv", "regio_id,naam,centrumgemeente\nregio-c,Regio C,Stad C\n");
    tu_write(dir, "regio-c/plannen.csv", PLANS("rp,Plan C,regiovisie,2020,2024,,,,,t\n"));
    tu_write(dir, "regio-c/gemeente-d/gemeente.csv", "gemeente_id,naam\ngemeente-d,Gemeente D\n");
    tu_write(dir, "regio-c/gemeente-d/plannen.csv", PLANS(""));
    tu_write(dir, "regio-c/gemeente-d/acties.csv", ACTIONS("d1,rp,,,Actie D,,,,,t\n"));
    tu_write(dir, "regio-c/gemeente-d/voortgang.csv", PROGRESS("d1,2023-01-10,lopend,,t\n"));
    tu_checked *t = tu_check(dir, AS_OF, RR_DATE_NONE);
    const rr_model *m = t->model;
    const diag_list *diags = &t->diags;
    const char *all = t->text;
    /* gemeente-b reported on 20-12-2022, before its region's meeting of 01-01-2023. */
    ck_assert_msg(tu_find_diag(diags, "gemeente-b", 0, 0, DIAG_WARNING, "sinds 01-01-2023"),
                  "%s", all);
    /* gemeente-d's region never met: its period is the last 42 days, and it reported. */
    ck_assert_msg(!tu_find_diag(diags, "gemeente-d", 0, 0, DIAG_WARNING, "geen voortgang"),
                  "%s", all);
    const rr_analysis *an = tu_analysis(t);
    ck_assert_int_eq(analysis_owner(an, model_find_owner(m, "gemeente-b"))->since,
                     date_from_ymd(2023, 1, 1));
    ck_assert_int_eq(analysis_owner(an, model_find_owner(m, "gemeente-d"))->since, AS_OF - 42);
    ck_assert(analysis_owner(an, model_find_owner(m, "gemeente-d"))->updated_in_period);
    ck_assert(!analysis_owner(an, model_find_owner(m, "gemeente-b"))->updated_in_period);
    /* Each its own next meeting: six weeks after 01-01-2023, or as-of + 42 days. */
    ck_assert_int_eq(analysis_owner(an, model_find_owner(m, "gemeente-b"))->next_meeting,
                     date_from_ymd(2023, 2, 12));
    ck_assert_int_eq(analysis_owner(an, model_find_owner(m, "gemeente-d"))->next_meeting,
                     AS_OF + 42);
    ck_assert(an->periods_differ);
    tu_checked_free(t);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(figures_read_dutch_notation)
{
    static const struct {
        const char *text;
        double value;
    } rows[] = {{"1.234", 1234}, {"12.345.678", 12345678}, {"12,5", 12.5}, {"12.5", 12.5},
                {"1.234,5", 1234.5}, {"0", 0}};
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        gchar *csv = g_strdup_printf("indicator,jaar,waarde,bron\nvt_meldingen,2021,\"%s\",t\n",
                                     rows[i].text);
        tu_checked *t = check_tree_with("regio-a/gemeente-b/cijfers.csv", csv);
        ck_assert_msg(t->diags.errors == 0 && t->model->figures->len == 1, "%s:\n%s",
                      rows[i].text, t->text);
        rr_figure *f = g_ptr_array_index(t->model->figures, 0);
        ck_assert_msg(f->value == rows[i].value, "%s read as %g", rows[i].text, f->value);
        tu_checked_free(t);
        g_free(csv);
    }
}
END_TEST

/* The template CSV writes "'-3" for an id "-3" so spreadsheets leave it alone; a
 * returned file must still reach action -3. */
START_TEST(protected_id_in_returned_template_matches_its_action)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/acties.csv", ACTIONS(A1 "-3,lp,,,Min drie,,,,,t\n"));
    tu_write(dir, "regio-a/gemeente-b/voortgang-gemeente-b-2023-01-15.csv",
             "actie_id;datum;status;toelichting;bron\r\n\"'-3\";2023-01-10;afgerond;klaar;x\r\n");
    tu_checked *t = tu_check(dir, AS_OF, AS_OF - 42);
    ck_assert_msg(t->diags.errors == 0, "%s", t->text);
    ck_assert_int_eq(analyse_status_as_of(model_find_action(t->model, "gemeente-b", "-3"), AS_OF),
                     STATUS_DONE);
    tu_checked_free(t);
    tu_tmpdir_free(dir);
}
END_TEST

/* Once a plan lists its action lines, an action on another line is most likely a typo:
 * a warning at the action. Actions on a plan that lists none are not checked. */
START_TEST(action_on_a_line_its_plan_does_not_list)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/actielijnen.csv",
             LINES("lp,Preventie en signalering,,test\n"));
    tu_checked *c = tu_check(dir, AS_OF, AS_OF - 42);
    /* 1.1 is on lp with line "Preventie"; 1.2 is on the region's plan, which lists none. */
    ck_assert_msg(tu_find_diag(&c->diags, "gemeente-b/acties.csv", 2, 1, DIAG_WARNING,
                               "'Preventie'|actielijnen.csv|'lp'|'Preventie en signalering'"),
                  "%s", c->text);
    ck_assert_uint_eq(c->diags.warnings, 1);
    rr_plan *lp = model_find_plan(c->model, "gemeente-b", "lp");
    ck_assert_uint_eq(lp->action_lines->len, 1);
    tu_checked_free(c);
    tu_tmpdir_free(dir);
}
END_TEST

START_TEST(slugs)
{
    ck_assert(load_is_slug("west-betuwe"));
    ck_assert(load_is_slug("regio2"));
    ck_assert(!load_is_slug("West Betuwe"));
    ck_assert(!load_is_slug("west_betuwe"));
    ck_assert(!load_is_slug(".."));
    ck_assert(!load_is_slug("-a"));
    ck_assert(!load_is_slug(""));
    ck_assert(!load_is_slug("a/b"));
}
END_TEST

/* A plan implements a plan of its own region: another region's plan is an error, for a
 * municipality's plan and for a regional plan, and the parent is not used. */
START_TEST(parent_plan_of_another_region_is_an_error)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-c/regio.csv", "regio_id,naam,centrumgemeente\nregio-c,Regio C,Stad C\n");
    tu_write(dir, "regio-c/plannen.csv", PLANS("rc,Visie C,regiovisie,2019,2030,,,,,test\n"));
    tu_write(dir, "regio-a/gemeente-b/plannen.csv",
             PLANS("lp,Lokaal plan,lokaal-plan,2021,2023,,,regio-c/rc,,test\n"));
    tu_write(dir, "regio-a/plannen.csv",
             PLANS("rv,Regiovisie,regiovisie,2019,2022,,,regio-c/rc,,test\n"));
    tu_checked *t = tu_check(dir, AS_OF, AS_OF - 42);
    ck_assert_msg(tu_find_diag(&t->diags, "regio-a/gemeente-b/plannen.csv", 2, 1, DIAG_ERROR,
                               "'regio-c'|'regio-a'"),
                  "got:\n%s", t->text);
    ck_assert_msg(tu_find_diag(&t->diags, "regio-a/plannen.csv", 2, 1, DIAG_ERROR, "'regio-c'"),
                  "got:\n%s", t->text);
    ck_assert_ptr_null(model_find_plan(t->model, "gemeente-b", "lp")->parent);
    ck_assert_ptr_null(model_find_plan(t->model, "regio-a", "rv")->parent);
    tu_checked_free(t);
    tu_tmpdir_free(dir);
}
END_TEST

/* Reports after --as-of (an earlier meeting's report reproduced) give one line per
 * owner with their number; one dated after today stays a warning at its own row. */
START_TEST(reports_after_as_of_are_one_line_per_owner)
{
    tu_checked *t = check_tree_with("regio-a/gemeente-b/voortgang.csv",
                                    PROGRESS("1.1,2022-12-20,lopend,gestart,test\n"
                                             "1.1,2023-02-01,lopend,,test\n"
                                             "1.2,2023-03-01,lopend,,test\n"
                                             "1.1,2023-04-01,afgerond,,test\n"
                                             "1.2,2099-01-01,lopend,typfout in het jaar,test\n"));
    ck_assert_msg(tu_find_diag(&t->diags, "regio-a/gemeente-b", 0, 0, DIAG_WARNING,
                               "3 meldingen na 15-01-2023 (--as-of) tellen niet mee"),
                  "%s", t->text);
    ck_assert_msg(tu_find_diag(&t->diags, "voortgang.csv", 6, 0, DIAG_WARNING, "ligt na vandaag"),
                  "%s", t->text);
    ck_assert_msg(t->diags.warnings == 2, "%s", t->text);
    tu_checked_free(t);
}
END_TEST

/* "Today" is the date the command line read once and passed down, not a second look
 * at the clock: with today 15-02-2023 a report of 01-03-2023 is after today. */
START_TEST(today_is_the_date_passed_down)
{
    char *dir = tu_mkdtemp();
    tu_write_valid_tree(dir);
    tu_write(dir, "regio-a/gemeente-b/voortgang.csv", PROGRESS("1.1,2023-03-01,lopend,,test\n"));
    rr_model *m = model_new();
    diag_list diags;
    diag_list_init(&diags);
    load_tree_regions(dir, NULL, 0, m, &diags);
    rules_check(m, AS_OF, RR_DATE_NONE, date_from_ymd(2023, 2, 15), &diags);
    ck_assert_msg(tu_find_diag(&diags, "voortgang.csv", 2, 0, DIAG_WARNING,
                               "ligt na vandaag (15-02-2023)"),
                  "no warning of a report after the given today");
    diag_list_release(&diags);
    model_free(m);
    tu_tmpdir_free(dir);
}
END_TEST

Suite *load_suite(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("cases");
    tcase_add_loop_test(tc, load_cases, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, valid_tree_has_no_diagnostics_and_is_resolved);
    tcase_add_test(tc, parent_plan_of_another_region_is_an_error);
    tcase_add_test(tc, folder_with_a_space_is_rejected_by_name);
    tcase_add_test(tc, progress_updates_are_merged_from_dropped_files);
    tcase_add_test(tc, every_error_of_a_run_is_reported);
    tcase_add_test(tc, slugs);
    tcase_add_test(tc, action_on_a_line_its_plan_does_not_list);
    tcase_add_test(tc, reports_after_as_of_are_one_line_per_owner);
    tcase_add_test(tc, today_is_the_date_passed_down);
    tcase_add_test(tc, no_update_warning_uses_each_regions_own_meeting);
    tcase_add_test(tc, figures_read_dutch_notation);
    tcase_add_test(tc, protected_id_in_returned_template_matches_its_action);
    suite_add_tcase(s, tc);
    return s;
}
