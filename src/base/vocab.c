/* vocab.c - the vocabularies' tables and their look-ups. */
#include "base/vocab.h"

#include <glib.h>
#include <string.h>

#include "base/i18n.h"

/* ---- statuses ---------------------------------------------------------------- */

/* A word of the data: its codes (as written in the files) and names (as shown). */
typedef struct {
    const char *code_nl, *code_en;
    const char *label_nl, *label_en;
} word_entry;

typedef struct {
    word_entry word;
    const char *short_nl, *short_en; /* terminal column heads */
    const char *meaning_nl, *meaning_en;
    uint32_t colour;
    int position;                    /* where it is listed, 0 first */
} status_entry;

/* Indexed by rr_status. */
static const status_entry statuses[STATUS_COUNT] = {
    [STATUS_UNKNOWN] = {{"onbekend", "unknown", "onbekend", "unknown"}, "onb", "unkn", "", "",
                        0xBFBFBF /* grey: nothing reported */, 7},
    [STATUS_PLANNED] = {{"gepland", "planned", "gepland", "planned"}, "gepl", "plan",
                        "nog niet gestart", "not started yet", 0x9DC3E6 /* light blue */, 3},
    [STATUS_IN_PROGRESS] = {{"lopend", "in progress", "lopend", "in progress"}, "lop", "prog",
                            "gestart, nog niet klaar", "started, not finished",
                            0x2E75B6 /* blue */, 2},
    [STATUS_ONGOING] = {{"doorlopend", "ongoing", "doorlopend", "ongoing"}, "doorl", "ongo",
                        "terugkerend of blijvend werk, wordt nooit 'afgerond'",
                        "recurring or permanent work, never 'done'",
                        0x7030A0 /* purple: recurring work, no shade of lopend's blue */, 1},
    [STATUS_DONE] = {{"afgerond", "done", "afgerond", "done"}, "afg", "done", "klaar", "finished",
                     0x70AD47 /* green */, 0},
    [STATUS_DELAYED] = {{"vertraagd", "delayed", "vertraagd", "delayed"}, "vertr", "delay",
                        "loopt achter op de planning", "behind its planning",
                        0xC00000 /* red */, 5},
    [STATUS_ON_HOLD] = {{"aangehouden", "on hold", "aangehouden", "on hold"}, "aangeh", "hold",
                        "gepauzeerd, of wacht op een besluit", "paused, or waiting for a decision",
                        0xED7D31 /* orange */, 4},
    [STATUS_CANCELLED] = {{"vervallen", "cancelled", "vervallen", "cancelled"}, "verv", "canc",
                          "geschrapt", "dropped", 0x7F7F7F /* dark grey */, 6},
};

/* The entry of a status; STATUS_UNKNOWN's for a value out of range. */
static const status_entry *status_of(rr_status status)
{
    return &statuses[(unsigned)status < STATUS_COUNT ? status : STATUS_UNKNOWN];
}

/* Index of `text` among the `count` words at `first`, `stride` bytes apart (the
 * word_entry of each entry of a table): Dutch or English code, any case, spaces
 * around ignored; -1 when none. */
static int find_code(const word_entry *first, size_t stride, int count, const char *text)
{
    gchar *clean = g_strstrip(g_ascii_strdown(text, -1));
    int found = -1;
    for (int i = 0; i < count && found < 0; i++) {
        const word_entry *w = (const word_entry *)((const char *)first + stride * (size_t)i);
        if (strcmp(clean, w->code_nl) == 0 || strcmp(clean, w->code_en) == 0)
            found = i;
    }
    g_free(clean);
    return found;
}

bool vocab_status_parse(const char *text, rr_status *out)
{
    int i = find_code(&statuses[0].word, sizeof statuses[0], STATUS_COUNT, text);
    /* "onbekend" is what the tool concludes, never something to report. */
    if (i <= STATUS_UNKNOWN)
        return false;
    *out = (rr_status)i;
    return true;
}

const char *vocab_status_code(rr_status status)
{
    return (unsigned)status < STATUS_COUNT ? statuses[status].word.code_nl : "?";
}

const char *vocab_status_label(rr_status status)
{
    if ((unsigned)status >= STATUS_COUNT)
        return "?";
    return tr(statuses[status].word.label_nl, statuses[status].word.label_en);
}

const char *vocab_status_short(rr_status status)
{
    const status_entry *e = status_of(status);
    return tr(e->short_nl, e->short_en);
}

const char *vocab_status_meaning(rr_status status)
{
    const status_entry *e = status_of(status);
    return tr(e->meaning_nl, e->meaning_en);
}

const char *vocab_status_code_list(void)
{
    return "gepland, lopend, doorlopend, afgerond, vertraagd, aangehouden, vervallen";
}

uint32_t vocab_status_colour(rr_status status)
{
    return status_of(status)->colour;
}

rr_status vocab_status_at(int position)
{
    for (int s = 0; s < STATUS_COUNT; s++)
        if (statuses[s].position == position)
            return (rr_status)s;
    return STATUS_UNKNOWN;
}

progress_group vocab_status_group(rr_status status)
{
    switch (status) {
    case STATUS_DONE:
        return PROGRESS_DONE;
    case STATUS_IN_PROGRESS:
    case STATUS_ONGOING:
    case STATUS_DELAYED:
    case STATUS_ON_HOLD:
        return PROGRESS_UNDER_WAY;
    case STATUS_PLANNED:
        return PROGRESS_NOT_STARTED;
    case STATUS_CANCELLED:
        return PROGRESS_CANCELLED;
    case STATUS_UNKNOWN:
    case STATUS_COUNT:
        break;
    }
    return PROGRESS_UNKNOWN;
}

/* ---- plan kinds --------------------------------------------------------------- */

/* Indexed by plan_kind. */
static const word_entry plan_kinds[PLAN_KIND_COUNT] = {
    [PLAN_REGIOVISIE] = {"regiovisie", "regional-vision", "regiovisie", "regional vision"},
    [PLAN_REGIO_AANPAK] = {"regio-aanpak", "regional-approach", "regio-aanpak",
                           "regional approach"},
    [PLAN_LOKAAL_PLAN] = {"lokaal-plan", "local-plan", "lokaal plan", "local plan"},
    [PLAN_ACTIEPLAN] = {"actieplan", "action-plan", "actieplan", "action plan"},
    [PLAN_VOORZIENING] = {"voorziening", "provision", "voorziening", "provision"},
    [PLAN_CONVENANT] = {"convenant", "covenant", "convenant", "covenant"},
};

bool vocab_plan_kind_parse(const char *text, plan_kind *out)
{
    int i = find_code(&plan_kinds[0], sizeof plan_kinds[0], PLAN_KIND_COUNT, text);
    if (i < 0)
        return false;
    *out = (plan_kind)i;
    return true;
}

const char *vocab_plan_kind_code(plan_kind kind)
{
    return (unsigned)kind < PLAN_KIND_COUNT ? plan_kinds[kind].code_nl : "?";
}

const char *vocab_plan_kind_label(plan_kind kind)
{
    if ((unsigned)kind >= PLAN_KIND_COUNT)
        return "?";
    return tr(plan_kinds[kind].label_nl, plan_kinds[kind].label_en);
}

const char *vocab_plan_kind_code_list(void)
{
    return "regiovisie, regio-aanpak, lokaal-plan, actieplan, voorziening, convenant";
}

/* ---- signals and reasons ------------------------------------------------------ */

typedef struct {
    const char *label_nl, *label_en;
    uint32_t colour; /* strong: text, chart bars */
    uint32_t fill;   /* light: cells */
} signal_entry;

/* Indexed by rr_signal. */
static const signal_entry signals[SIGNAL_COUNT] = {
    [SIGNAL_GREEN] = {"groen", "green", 0x548235, 0xE2EFDA},
    [SIGNAL_AMBER] = {"oranje", "amber", 0xED7D31, 0xFFE699}, /* fill yellow-amber: apart from red on paper */
    [SIGNAL_RED] = {"rood", "red", 0xC00000, 0xF4B6B6},
};

/* The entry of a signal; green's for a value out of range. */
static const signal_entry *signal_of(rr_signal signal)
{
    return &signals[(unsigned)signal < SIGNAL_COUNT ? signal : SIGNAL_GREEN];
}

const char *vocab_signal_label(rr_signal signal)
{
    return tr(signal_of(signal)->label_nl, signal_of(signal)->label_en);
}

uint32_t vocab_signal_colour(rr_signal signal)
{
    return signal_of(signal)->colour;
}

uint32_t vocab_signal_fill(rr_signal signal)
{
    return signal_of(signal)->fill;
}

/* Indexed by signal_reason: {nl, en}. */
static const char *const reasons[REASON_COUNT][2] = {
    [REASON_NONE] = {"", ""},
    [REASON_OVERDUE] = {"deadline verstreken", "deadline passed"},
    [REASON_EXPECTED_PASSED] = {"verwachte datum verstreken", "expected date passed"},
    [REASON_DELAYED] = {"vertraagd", "delayed"},
    [REASON_DUE_SOON] = {"deadline vóór het volgende overleg, nog niet gestart",
                         "due before the next meeting, not started"},
    [REASON_ON_HOLD] = {"aangehouden", "on hold"},
    [REASON_NO_UPDATE] = {"geen update in de laatste twee overlegperiodes",
                          "no update in the last two meeting periods"},
};

const char *vocab_signal_reason_label(signal_reason reason)
{
    if ((unsigned)reason >= REASON_COUNT)
        return "";
    return tr(reasons[reason][0], reasons[reason][1]);
}

/* Indexed by progress_group: {nl, en}. */
static const char *const progress_groups[PROGRESS_COUNT][2] = {
    [PROGRESS_DONE] = {"afgerond", "done"},
    [PROGRESS_UNDER_WAY] = {"in uitvoering", "under way"},
    [PROGRESS_NOT_STARTED] = {"niet gestart", "not started"},
    [PROGRESS_CANCELLED] = {"vervallen", "cancelled"},
    [PROGRESS_UNKNOWN] = {"onbekend", "unknown"},
};

const char *vocab_progress_group_label(progress_group group)
{
    if ((unsigned)group >= PROGRESS_COUNT)
        group = PROGRESS_UNKNOWN;
    return tr(progress_groups[group][0], progress_groups[group][1]);
}

/* ---- chart formats ------------------------------------------------------------ */

/* Indexed by rr_chart_format: {code, extension, gnuplot terminal}. */
static const char *const chart_formats[CHARTS_FORMAT_COUNT][3] = {
    [CHARTS_PNG] = {"png", "png", "pngcairo"},
    [CHARTS_SVG] = {"svg", "svg", "svg"},
    [CHARTS_PDF] = {"pdf", "pdf", "pdfcairo"},
    [CHARTS_NONE] = {"none", NULL, NULL},
};

bool vocab_chart_format_parse(const char *text, rr_chart_format *out)
{
    for (int f = 0; f < CHARTS_FORMAT_COUNT; f++)
        if (strcmp(text, chart_formats[f][0]) == 0) {
            *out = (rr_chart_format)f;
            return true;
        }
    return false;
}

const char *vocab_chart_format_code(rr_chart_format format)
{
    return (unsigned)format < CHARTS_FORMAT_COUNT ? chart_formats[format][0] : "?";
}

const char *vocab_chart_format_extension(rr_chart_format format)
{
    return (unsigned)format < CHARTS_FORMAT_COUNT ? chart_formats[format][1] : NULL;
}

const char *vocab_chart_format_terminal(rr_chart_format format)
{
    return (unsigned)format < CHARTS_FORMAT_COUNT ? chart_formats[format][2] : NULL;
}

/* ---- sheets ------------------------------------------------------------------- */

/* Indexed by rr_sheet: {nl, en}. */
static const char *const sheets[SHEET_COUNT][2] = {
    [SHEET_SUMMARY] = {"Overzicht", "Summary"},
    [SHEET_CHARTS] = {"Grafieken", "Charts"},
    [SHEET_ACTIONS] = {"Acties", "Actions"},
    [SHEET_CHANGES] = {"Wijzigingen", "Changes"},
    [SHEET_TREND] = {"Verloop", "Trend"},
    [SHEET_TIMELINES] = {"Looptijden", "Timelines"},
    [SHEET_EXTENSIONS] = {"Verlengingen", "Extensions"},
    [SHEET_ACTION_LINES] = {"Actielijnen", "Action lines"},
    [SHEET_THEMES] = {"Thema's", "Themes"},
    [SHEET_MIDTERM] = {"Tussenevaluatie", "Mid-term"},
    [SHEET_FIGURES] = {"Cijfers", "Indicators"},
    [SHEET_POPULATION] = {"Inwoners", "Population"},
    [SHEET_BUDGET] = {"Begroting", "Budget"},
    [SHEET_BUDGET_TOTALS] = {"Begroting per jaar", "Budget per year"},
    [SHEET_CHECKS] = {"Controle", "Checks"},
    [SHEET_SOURCES] = {"Bronnen", "Sources"},
    [SHEET_DATA] = {"Data", "Data"},
    [SHEET_FORM_HELP] = {"Instructie", "Instructions"},
    [SHEET_FORM_PROGRESS] = {"Voortgang", "Progress"},
};

const char *vocab_sheet_name(rr_sheet sheet)
{
    if ((unsigned)sheet >= SHEET_COUNT)
        return "?";
    return tr(sheets[sheet][0], sheets[sheet][1]);
}

/* ---- the progress form's columns ---- */

typedef struct {
    const char *nl, *en;          /* header in each language */
    form_column_kind kind;
    form_column instead;          /* copied: where to write instead */
    const char *meaning_nl, *meaning_en;
} form_column_def;

/* In the order of the form; the input columns carry voortgang.csv's names in both
 * languages, so a filled-in form is a voortgang.csv with extra columns. */
static const form_column_def form_columns[FORM_COL_COUNT] = {
    [FORM_COL_ID] = {"actie_id", "actie_id", FORM_KEY, FORM_COL_COUNT,
                     "de code van de actie; niet veranderen",
                     "the action's code; do not change it"},
    [FORM_COL_TITLE] = {"titel", "title", FORM_COPIED, FORM_COL_NOTE,
                        "de titel uit het plan; niet veranderen",
                        "the title from the plan; do not change it"},
    [FORM_COL_DEADLINE] = {"deadline", "deadline", FORM_CONTEXT, FORM_COL_COUNT,
                           "de deadline volgens het plan (alleen ter informatie)",
                           "the deadline by the plan (for information only)"},
    [FORM_COL_STATUS_NOW] = {"huidige status", "current status", FORM_COPIED, FORM_COL_STATUS,
                             "de status toen het formulier werd gemaakt; niet veranderen",
                             "the status when the form was made; do not change it"},
    [FORM_COL_LAST_UPDATE] = {"laatste update", "last update", FORM_CONTEXT, FORM_COL_COUNT,
                              "de datum van de laatste melding (alleen ter informatie)",
                              "the date of the latest report (for information only)"},
    [FORM_COL_LAST_NOTE] = {"laatste toelichting", "last note", FORM_COPIED, FORM_COL_NOTE,
                            "de toelichting bij de laatste melding; niet veranderen",
                            "the note of the latest report; do not change it"},
    [FORM_COL_DATE] = {"datum", "datum", FORM_INPUT, FORM_COL_COUNT,
                       "in te vullen: de datum van uw melding",
                       "to fill in: the date of your report"},
    [FORM_COL_STATUS] = {"status", "status", FORM_INPUT, FORM_COL_COUNT,
                         "in te vullen: de nieuwe status",
                         "to fill in: the new status"},
    [FORM_COL_NOTE] = {"toelichting", "toelichting", FORM_INPUT, FORM_COL_COUNT,
                       "in te vullen: wat er is gebeurd, wat de volgende stap is",
                       "to fill in: what happened, what the next step is"},
    [FORM_COL_SOURCE] = {"bron", "bron", FORM_INPUT, FORM_COL_COUNT,
                         "al ingevuld; mag een verwijzing naar uw eigen stuk worden",
                         "filled in already; may become a reference to your own document"},
};

const char *vocab_form_column_name_in(form_column column, bool english)
{
    if ((unsigned)column >= FORM_COL_COUNT)
        return "?";
    return english ? form_columns[column].en : form_columns[column].nl;
}

const char *vocab_form_column_name(form_column column)
{
    return vocab_form_column_name_in(column, i18n_lang() == LANG_EN);
}

form_column_kind vocab_form_column_kind(form_column column)
{
    return (unsigned)column < FORM_COL_COUNT ? form_columns[column].kind : FORM_CONTEXT;
}

form_column vocab_form_column_instead(form_column column)
{
    return (unsigned)column < FORM_COL_COUNT ? form_columns[column].instead : FORM_COL_COUNT;
}

const char *vocab_form_column_meaning(form_column column)
{
    if ((unsigned)column >= FORM_COL_COUNT)
        return "";
    return tr(form_columns[column].meaning_nl, form_columns[column].meaning_en);
}
