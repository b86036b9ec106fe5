/* phrase.c - the plain-language sentences and counted nouns (see phrase.h). */
#include "base/phrase.h"

#include <glib.h>
#include <stdbool.h>
#include <string.h>

#include "base/i18n.h"
#include "base/vocab.h"

/* A word in both languages, singular and plural. */
typedef struct {
    const char *nl_one, *nl_many, *en_one, *en_many;
} phrase_forms;

static const phrase_forms nouns[NOUN_COUNT] = {
    [NOUN_ACTION] = {"actie", "acties", "action", "actions"},
    [NOUN_PLAN] = {"plan", "plannen", "plan", "plans"},
    [NOUN_MUNICIPALITY] = {"gemeente", "gemeenten", "municipality", "municipalities"},
    [NOUN_YEAR] = {"jaar", "jaar", "year", "years"},
    [NOUN_MONTH] = {"maand", "maanden", "month", "months"},
    [NOUN_DAY] = {"dag", "dagen", "day", "days"},
    [NOUN_ACTION_LINE] = {"actielijn", "actielijnen", "action line", "action lines"},
};

/* Every sentence the paragraph can hold. Short sentences, one fact each, the number
 * first where it can be; the singular form where the count is 1. */
static const phrase_forms sentences[PHRASE_COUNT] = {
    [PHRASE_NO_ACTIONS] = {"%1 heeft geen acties in de gegevens.", NULL,
                           "%1 has no actions in the data.", NULL},
    [PHRASE_WORKS_ON] = {"%1 werkt aan %2.", NULL, "%1 is working on %2.", NULL},
    [PHRASE_WORKS_ON_PLAN] = {"%1 werkt aan %2 uit %3.", NULL, "%1 is working on %2 from %3.",
                              NULL},
    [PHRASE_WORKS_ON_PLANS] = {"%1 werkt aan %2 uit %3.", NULL, "%1 is working on %2 from %3.",
                               NULL},
    [PHRASE_PART_DONE] = {"%1 is afgerond", "%1 zijn afgerond", "%1 is done", "%1 are done"},
    [PHRASE_PART_UNDER_WAY] = {"%1 loopt", "%1 lopen", "%1 is under way", "%1 are under way"},
    [PHRASE_PART_NOT_STARTED] = {"%1 is gepland", "%1 zijn gepland", "%1 is planned",
                                 "%1 are planned"},
    [PHRASE_PART_CANCELLED] = {"%1 is vervallen", "%1 zijn vervallen", "%1 was cancelled",
                               "%1 were cancelled"},
    [PHRASE_ALL_DONE] = {"%1 is afgerond.", "Alle %1 zijn afgerond.", "%1 is done.",
                         "All %1 are done."},
    [PHRASE_NEVER_REPORTED] = {"Van %1 is nog nooit voortgang gemeld.", NULL,
                               "No progress has ever been reported on %1.", NULL},
    [PHRASE_NONE_REPORTED] = {"Van deze actie is nog nooit voortgang gemeld.",
                              "Van geen van de %1 is ooit voortgang gemeld.",
                              "No progress has ever been reported on this action.",
                              "No progress has ever been reported on any of the %1."},
    [PHRASE_OVERDUE] = {"%1 is over haar deadline.", "%1 zijn over hun deadline.",
                        "%1 is past its deadline.", "%1 are past their deadline."},
    [PHRASE_NONE_OVERDUE] = {"Geen actie is over haar deadline.", NULL,
                             "No action is past its deadline.", NULL},
    [PHRASE_DUE_SOON] = {"%1 moet af voor het volgende overleg op %2.",
                         "%1 moeten af voor het volgende overleg op %2.",
                         "%1 is due before the next meeting on %2.",
                         "%1 are due before the next meeting on %2."},
    [PHRASE_LAST_REPORT] = {"De laatste voortgang is van %1, %2 voor deze datum.", NULL,
                            "The latest progress report dates from %1, %2 before this date.",
                            NULL},
    [PHRASE_LAST_REPORT_TODAY] = {"De laatste voortgang is van vandaag, %1.", NULL,
                                  "The latest progress report dates from today, %1.", NULL},
    [PHRASE_PLAN_RUNS] = {"%1 loopt tot %2.", NULL, "%1 runs until %2.", NULL},
    [PHRASE_PLAN_RAN] = {"%1 liep tot %2.", NULL, "%1 ran until %2.", NULL},
    [PHRASE_PLAN_EXTENDED] = {"%1 is verlengd met %2 en loopt tot %3.", NULL,
                              "%1 was extended by %2 and runs until %3.", NULL},
    [PHRASE_PLAN_EXTENDED_RAN] = {"%1 is verlengd met %2 en liep tot %3.", NULL,
                                  "%1 was extended by %2 and ran until %3.", NULL},
    [PHRASE_EVALUATION] = {"De tussenevaluatie is gepland in %1.", NULL,
                           "The mid-term evaluation is planned for %1.", NULL},
    [PHRASE_EVALUATION_PAST] = {"De tussenevaluatie was gepland in %1.", NULL,
                                "The mid-term evaluation was planned for %1.", NULL},
    [PHRASE_REGION_MUNICIPALITIES] = {"De enige gemeente van de regio werkt aan %2.",
                                      "De %1 van de regio werken samen aan %2.",
                                      "The region's one municipality works on %2.",
                                      "The region's %1 work on %2 together."},
    [PHRASE_REGION_OVERDUE] = {"Daarvan is %1 over haar deadline, bij %2.",
                               "Daarvan zijn %1 over hun deadline, bij %2.",
                               "Of these, %1 is past its deadline, at %2.",
                               "Of these, %1 are past their deadline, at %2."},
    [PHRASE_REGION_SILENT] = {"%1 meldde in de laatste twee overlegperiodes geen voortgang.",
                              "%1 meldden in de laatste twee overlegperiodes geen voortgang.",
                              "%1 reported no progress in the last two meeting periods.",
                              "%1 reported no progress in the last two meeting periods."},
    [PHRASE_AND] = {"en", NULL, "and", NULL},
    [PHRASE_LEGEND] = {"Rood: de deadline is verstreken, of de actie is vertraagd. Oranje: "
                       "aandacht nodig; de deadline valt voor het volgende overleg en de actie "
                       "is niet begonnen, de actie is aangehouden, of er is twee overlegperiodes "
                       "geen voortgang gemeld. Groen: geen van beide. Onbekend: over de actie is "
                       "nog nooit voortgang gemeld. [n]: de bron, onderaan de pagina.",
                       NULL,
                       "Red: the deadline has passed, or the action is delayed. Amber: needs "
                       "attention; the deadline falls before the next meeting and the action has "
                       "not started, the action is on hold, or no progress was reported for two "
                       "meeting periods. Green: neither. Unknown: no progress has ever been "
                       "reported on the action. [n]: the source, at the foot of the page.",
                       NULL},
    [PHRASE_EVAL_TERM] = {"%1 van %2 loopt van %3 tot %4.", NULL,
                          "%1 of %2 runs from %3 to %4.", NULL},
    [PHRASE_EVAL_TERM_RAN] = {"%1 van %2 liep van %3 tot %4.", NULL,
                              "%1 of %2 ran from %3 to %4.", NULL},
    [PHRASE_EVAL_NO_END] = {"%1 van %2 begon op %3 en noemt geen eind.", NULL,
                            "%1 of %2 began on %3 and names no end.", NULL},
    [PHRASE_EVAL_NO_TERM] = {"%1 van %2 noemt geen begin en eind.", NULL,
                             "%1 of %2 names no start and end.", NULL},
    [PHRASE_EVAL_DRAFT] = {"Het plan is nog een concept.", NULL, "The plan is still a draft.",
                           NULL},
    [PHRASE_EVAL_EXTENDED] = {"Op %1 besloot %2 het plan te verlengen tot %3. Reden: %4", NULL,
                              "On %1 %2 decided to extend the plan to %3. Reason: %4", NULL},
    [PHRASE_EVAL_EXTENDED_ANON] = {"Op %1 is besloten het plan te verlengen tot %3. Reden: %4",
                                   NULL, "On %1 it was decided to extend the plan to %3. "
                                   "Reason: %4", NULL},
    [PHRASE_EVAL_MIDPOINT] = {"Het midden van de oorspronkelijke looptijd was %1.", NULL,
                              "The middle of the original term was %1.", NULL},
    [PHRASE_EVAL_MIDPOINT_AHEAD] = {"Het midden van de looptijd is %1. Dat is na deze datum, "
                                    "dus hier staat alleen de stand van nu.", NULL,
                                    "The middle of the term is %1. That is after this date, "
                                    "so this shows only the status now.", NULL},
    [PHRASE_EVAL_NO_MIDPOINT] = {"Zonder begin of eind is er geen midden, dus hier staat "
                                 "alleen de stand van nu.", NULL,
                                 "Without a start or an end there is no midpoint, so this "
                                 "shows only the status now.", NULL},
    [PHRASE_EVAL_STATE_MIDPOINT] = {"Op het midden, %1, was de stand van de actie: %3.",
                                    "Op het midden, %1, was de stand van de %2: %3.",
                                    "At the midpoint, %1, the action stood at: %3.",
                                    "At the midpoint, %1, the %2 stood at: %3."},
    [PHRASE_EVAL_STATE_NOW] = {"Op %1 is de stand van de actie: %3.",
                               "Op %1 is de stand van de %2: %3.",
                               "On %1 the action stands at: %3.",
                               "On %1 the %2 stand at: %3."},
    [PHRASE_EVAL_PART_DONE] = {"%1 afgerond", NULL, "%1 done", NULL},
    [PHRASE_EVAL_PART_UNDER_WAY] = {"%1 in uitvoering", NULL, "%1 under way", NULL},
    [PHRASE_EVAL_PART_NOT_STARTED] = {"%1 nog niet gestart", NULL, "%1 not started", NULL},
    [PHRASE_EVAL_PART_CANCELLED] = {"%1 vervallen", NULL, "%1 cancelled", NULL},
    [PHRASE_EVAL_PART_NEVER] = {"%1 nooit gemeld", NULL, "%1 never reported", NULL},
    [PHRASE_EVAL_LAGGING] = {"Deze actielijn loopt achter op het plan als geheel: %1.",
                             "Deze actielijnen lopen achter op het plan als geheel: %1.",
                             "This action line lags behind the plan as a whole: %1.",
                             "These action lines lag behind the plan as a whole: %1."},
    [PHRASE_EVAL_LINE_SHARE] = {"%1 (%2 van %3 afgerond)", NULL, "%1 (%2 of %3 done)", NULL},
    [PHRASE_EVAL_NO_LAG] = {"Geen actielijn loopt achter op het plan als geheel.", NULL,
                            "No action line lags behind the plan as a whole.", NULL},
    [PHRASE_EVAL_ON_HOLD] = {"%1 is aangehouden.", "%1 zijn aangehouden.", "%1 is on hold.",
                             "%1 are on hold."},
    [PHRASE_EVAL_NO_ACTIONS] = {"Bij dit plan staan geen acties in de gegevens.", NULL,
                                "The data holds no actions for this plan.", NULL},
    [PHRASE_EVAL_BUDGET] = {"Over %2 tot en met %3 is %1 begroot.", NULL,
                            "%1 is budgeted over %2 to %3.", NULL},
    [PHRASE_EVAL_NO_BUDGET] = {"Voor dit plan staat geen begroting in de gegevens.", NULL,
                               "The data holds no budget for this plan.", NULL},
    [PHRASE_EVAL_FUNDING] = {"Het geld komt uit: %1.", NULL, "The money comes from: %1.", NULL},
    [PHRASE_EVAL_UNPRICED] = {"Bij %1 staat een begroting zonder bedrag.",
                              "Bij %1 staat een begroting zonder bedrag.",
                              "%1 has a budget without an amount.",
                              "%1 have a budget without an amount."},
    [PHRASE_EVAL_RUNNING] = {"%1 heeft lopende kosten buiten de begroting.",
                             "%1 hebben lopende kosten buiten de begroting.",
                             "%1 has running costs outside the budget.",
                             "%1 have running costs outside the budget."},
    [PHRASE_EVAL_REGION_PLANS] = {"Deze tussenevaluatie gaat over 1 plan in regio %2: %3.",
                                  "Deze tussenevaluatie gaat over %1 in regio %2: %3.",
                                  "This mid-term evaluation covers 1 plan in the region %2: %3.",
                                  "This mid-term evaluation covers %1 in the region %2: %3."},
    [PHRASE_EVAL_REGION_PASSED] = {"%1 is over het midden van de looptijd.",
                                   "%1 zijn over het midden van de looptijd.",
                                   "%1 is past the middle of its term.",
                                   "%1 are past the middle of their term."},
    [PHRASE_EVAL_REGION_AHEAD] = {"Bij %1 ligt het midden nog na deze datum.", NULL,
                                  "For %1 the midpoint still lies after this date.", NULL},
    [PHRASE_EVAL_REGION_UNKNOWN] = {"%1 noemt geen begin of eind, dus geen midden.",
                                    "%1 noemen geen begin of eind, dus geen midden.",
                                    "%1 names no start or end, so no midpoint.",
                                    "%1 name no start or end, so no midpoint."},
    [PHRASE_EVAL_REGION_TOTAL] = {"Samen hebben de plannen %1: %2 afgerond, %3 te laat en "
                                  "%4 nooit gemeld.", NULL,
                                  "Together the plans have %1: %2 done, %3 late and %4 never "
                                  "reported.", NULL},
};

/* Plan kinds as a sentence names them, by plan_kind; lower case, then capitalised. */
static const phrase_forms plan_kinds[PLAN_KIND_COUNT] = {
    [PLAN_REGIOVISIE] = {"de regiovisie", "De regiovisie", "the regional vision",
                         "The regional vision"},
    [PLAN_REGIO_AANPAK] = {"de regionale aanpak", "De regionale aanpak",
                           "the regional approach", "The regional approach"},
    [PLAN_LOKAAL_PLAN] = {"het lokale plan", "Het lokale plan", "the local plan",
                          "The local plan"},
    [PLAN_ACTIEPLAN] = {"het actieplan", "Het actieplan", "the action plan", "The action plan"},
    [PLAN_VOORZIENING] = {"de voorziening", "De voorziening", "the provision", "The provision"},
    [PLAN_CONVENANT] = {"het convenant", "Het convenant", "the covenant", "The covenant"},
};

/* The form for the language and number; a missing plural is the singular. */
static const char *form_of(const phrase_forms *f, int english, int plural)
{
    const char *one = english ? f->en_one : f->nl_one;
    const char *many = english ? f->en_many : f->nl_many;
    return plural && many ? many : one;
}

const char *phrase_noun_for(size_t n, phrase_noun noun)
{
    if ((unsigned)noun >= NOUN_COUNT)
        return "";
    return form_of(&nouns[noun], i18n_lang() == LANG_EN, n != 1);
}

char *phrase_number(size_t n)
{
    char digits[32];
    int len = g_snprintf(digits, sizeof digits, "%zu", n);
    const char sep = i18n_lang() == LANG_EN ? ',' : '.';
    GString *out = g_string_sized_new(40);
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            g_string_append_c(out, sep);
        g_string_append_c(out, digits[i]);
    }
    return g_string_free(out, FALSE);
}

char *phrase_count(size_t n, phrase_noun noun)
{
    char *number = phrase_number(n);
    char *text = g_strconcat(number, " ", phrase_noun_for(n, noun), NULL);
    g_free(number);
    return text;
}

char *phrase_duration(int months, int days)
{
    if (months <= 0)
        return phrase_count(days > 0 ? (size_t)days : 0, NOUN_DAY);
    char *years = months >= 12 ? phrase_count((size_t)(months / 12), NOUN_YEAR) : NULL;
    char *rest = months % 12 ? phrase_count((size_t)(months % 12), NOUN_MONTH) : NULL;
    char *text = years && rest ? g_strconcat(years, " ", tr("en", "and"), " ", rest, NULL)
                               : g_strdup(years ? years : rest);
    g_free(years);
    g_free(rest);
    return text;
}

const char *phrase_template(phrase_id id, int english, int plural)
{
    if ((unsigned)id >= PHRASE_COUNT)
        return "";
    return form_of(&sentences[id], english, plural);
}

char *phrase_fill(phrase_id id, size_t n, const char *const *args, int argc)
{
    const char *t = phrase_template(id, i18n_lang() == LANG_EN, n != 1);
    GString *out = g_string_sized_new(strlen(t) + 64);
    for (const char *p = t; *p; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '4') {
            int k = p[1] - '1';
            if (k < argc && args[k])
                g_string_append(out, args[k]);
            p++;
        } else {
            g_string_append_c(out, *p);
        }
    }
    return g_string_free(out, FALSE);
}

char *phrase_money(long long cents)
{
    bool english = i18n_lang() == LANG_EN;
    long long whole = (cents < 0 ? -cents : cents) / 100, rest = (cents < 0 ? -cents : cents) % 100;
    char *number = phrase_number((size_t)whole);
    char *text = rest ? g_strdup_printf("%s€%s%s%s%02lld", cents < 0 ? "-" : "", english ? "" : " ",
                                        number, english ? "." : ",", rest)
                      : g_strdup_printf("%s€%s%s", cents < 0 ? "-" : "", english ? "" : " ", number);
    g_free(number);
    return text;
}

const char *phrase_plan_kind(int kind, int capital)
{
    if ((unsigned)kind >= PLAN_KIND_COUNT)
        return "";
    const phrase_forms *f = &plan_kinds[kind];
    return i18n_lang() == LANG_EN ? (capital ? f->en_many : f->en_one)
                                  : (capital ? f->nl_many : f->nl_one);
}
