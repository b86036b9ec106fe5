/* schema.c - the columns of every data file, and each of its rows into the model; the
 * cells are read through cell.c. */
#include <string.h>

#include "base/i18n.h"
#include "base/suggest.h"
#include "load/load.h"
#include "load/load_int.h"
#include "load/money.h"

/* Column indexes, per schema, in the order of the spec's columns. */
enum { THEME_CODE, THEME_LABEL_NL, THEME_LABEL_EN, THEME_DESCRIPTION };
enum { IND_CODE, IND_LABEL_NL, IND_LABEL_EN, IND_UNIT };
enum { REG_ID, REG_NAME, REG_CENTRE, REG_VT, REG_RHYTHM, REG_SOURCE };
enum { MUN_ID, MUN_NAME, MUN_CBS, MUN_POPULATION, MUN_POPULATION_YEAR, MUN_SOURCE };
enum { PLAN_ID, PLAN_TITLE, PLAN_KIND, PLAN_START, PLAN_END, PLAN_ADOPTED_ON, PLAN_ADOPTED_BY,
       PLAN_PARENT, PLAN_EVALUATION, PLAN_DRAFT, PLAN_FUNDING, PLAN_SOURCE };
enum { EXT_PLAN, EXT_DECIDED_ON, EXT_DECIDED_BY, EXT_NEW_END, EXT_REASON, EXT_SOURCE };
enum { LINE_PLAN, LINE_NAME, LINE_DESCRIPTION, LINE_SOURCE };
enum { ACT_ID, ACT_PLAN, ACT_LINE, ACT_THEMES, ACT_TITLE, ACT_GOAL, ACT_PLANNING, ACT_BUDGET,
       ACT_PARTNERS, ACT_SOURCE, ACT_RUNNING_COSTS, ACT_TARGETS };
enum { PROG_ACTION, PROG_DATE, PROG_STATUS, PROG_EXPECTED, PROG_NOTE, PROG_SOURCE };
enum { MEET_DATE, MEET_KIND, MEET_DESCRIPTION, MEET_SOURCE };
enum { FIG_INDICATOR, FIG_YEAR, FIG_VALUE, FIG_SOURCE, FIG_PUBLISHED };
enum { BUD_ITEM, BUD_LINE, BUD_ACTION, BUD_FROM, BUD_TO, BUD_AMOUNT, BUD_FUNDING, BUD_SOURCE };
enum { POP_YEAR, POP_COUNT, POP_SOURCE };

static void on_theme(loader *l, const record *r);
static void on_indicator(loader *l, const record *r);
static void on_region(loader *l, const record *r);
static void on_municipality(loader *l, const record *r);
static void on_plan(loader *l, const record *r);
static void on_extension(loader *l, const record *r);
static void on_action_line(loader *l, const record *r);
static void on_action(loader *l, const record *r);
static void on_progress(loader *l, const record *r);
static void on_meeting(loader *l, const record *r);
static void on_figure(loader *l, const record *r);
static void on_budget(loader *l, const record *r);
static void on_population(loader *l, const record *r);

const file_spec schema_themes = {
    "themas.csv",
    {{"thema", true}, {"label_nl", true}, {"label_en", false}, {"omschrijving", false}},
    false, on_theme, NULL};
const file_spec schema_indicators = {
    "indicatoren.csv",
    {{"indicator", true}, {"label_nl", true}, {"label_en", false}, {"eenheid", false}},
    false, on_indicator, NULL};
const file_spec schema_region = {
    "regio.csv",
    {{"regio_id", true}, {"naam", true}, {"centrumgemeente", true}, {"veilig_thuis", false},
     {"ritme_weken", false}, {"bron", false}},
    false, on_region, NULL};
const file_spec schema_municipality = {
    "gemeente.csv",
    {{"gemeente_id", true}, {"naam", true}, {"cbs_code", false}, {"inwoners", false},
     {"inwoners_peiljaar", false}, {"bron", false}},
    false, on_municipality, NULL};
const file_spec schema_plans = {
    "plannen.csv",
    {{"plan_id", true}, {"titel", true}, {"soort", true}, {"start", true}, {"eind", true},
     {"vastgesteld_op", false}, {"vastgesteld_door", false}, {"bovenliggend_plan", false},
     {"evaluatie", false}, {"concept", false}, {"dekking", false}, {"bron", false}},
    false, on_plan, NULL};
const file_spec schema_extensions = {
    "verlengingen.csv",
    {{"plan_id", true}, {"besloten_op", true}, {"besloten_door", false}, {"nieuw_eind", true},
     {"reden", false}, {"bron", false}},
    false, on_extension, NULL};
const file_spec schema_action_lines = {
    "actielijnen.csv",
    {{"plan_id", true}, {"actielijn", true}, {"omschrijving", false}, {"bron", false}},
    false, on_action_line, NULL};
const file_spec schema_actions = {
    "acties.csv",
    {{"actie_id", true}, {"plan_id", true}, {"actielijn", false}, {"themas", false},
     {"titel", true}, {"doel", false}, {"planning", false}, {"budget", false},
     {"partners", false}, {"bron", false}, {"lopende_kosten", false}, {"streefcijfer", false}},
    true, on_action, NULL};
/* The context columns of the template's form (template.h), in both languages: shown to
 * the one who fills it in, not data. */
static const char *const progress_context[] = {
    "titel", "deadline", "huidige status", "laatste update", "laatste toelichting",
    "title", "current status", "last update", "last note", NULL};
const file_spec schema_progress = {
    "voortgang.csv",
    {{"actie_id", true}, {"datum", true}, {"status", true}, {"verwacht", false},
     {"toelichting", false}, {"bron", false}},
    false, on_progress, progress_context};
const file_spec schema_meetings = {
    "overleggen.csv",
    {{"datum", true}, {"soort", false}, {"omschrijving", false}, {"bron", false}},
    false, on_meeting, NULL};
const file_spec schema_figures = {
    "cijfers.csv",
    {{"indicator", true}, {"jaar", true}, {"waarde", true}, {"bron", false},
     {"gepubliceerd", false}},
    false, on_figure, NULL};
const file_spec schema_budget = {
    "begroting.csv",
    {{"post", true}, {"actielijn", false}, {"actie_id", false}, {"van_jaar", true},
     {"tot_jaar", true}, {"bedrag_per_jaar", true}, {"dekking", false}, {"bron", false}},
    false, on_budget, NULL};

const file_spec schema_populations = {
    "inwoners.csv",
    {{"jaar", true}, {"inwoners", true}, {"bron", false}},
    false, on_population, NULL};

/* Number of columns in a spec (the array ends at the first NULL name). */
int schema_column_count(const file_spec *spec)
{
    int n = 0;
    while (n < MAX_SPEC_COLUMNS && spec->columns[n].name)
        n++;
    return n;
}

/* "a, b, c" of a spec's column names, for messages. */
gchar *schema_expected_columns(const file_spec *spec)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < schema_column_count(spec); i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", spec->columns[i].name);
    return g_string_free(s, FALSE);
}

#define IN_OWNER (LOAD_IN_REGION | LOAD_IN_MUNICIPALITY)
const schema_file schema_files[] = {
    {&schema_themes, LOAD_IN_DATA, LOAD_IN_DATA},
    {&schema_indicators, LOAD_IN_DATA, 0},
    {&schema_region, LOAD_IN_REGION, LOAD_IN_REGION},
    {&schema_municipality, LOAD_IN_MUNICIPALITY, LOAD_IN_MUNICIPALITY},
    {&schema_plans, IN_OWNER, IN_OWNER},
    {&schema_extensions, IN_OWNER, 0},
    {&schema_action_lines, IN_OWNER, 0},
    {&schema_actions, IN_OWNER, LOAD_IN_MUNICIPALITY},
    {&schema_progress, IN_OWNER, 0},
    {&schema_meetings, LOAD_IN_REGION, 0},
    {&schema_figures, IN_OWNER, 0},
    {&schema_budget, IN_OWNER, 0},
    {&schema_populations, IN_OWNER, 0},
    {NULL, 0, 0},
};

char *load_header_line(const char *file)
{
    for (const schema_file *f = schema_files; f->spec; f++) {
        if (strcmp(f->spec->file, file) != 0)
            continue;
        GString *s = g_string_new(NULL);
        for (int c = 0; c < schema_column_count(f->spec); c++)
            g_string_append_printf(s, "%s%s", c ? "," : "", f->spec->columns[c].name);
        return g_string_free(s, FALSE);
    }
    return NULL;
}

const char **load_folder_files(load_place place)
{
    GPtrArray *names = g_ptr_array_new();
    for (const schema_file *f = schema_files; f->spec; f++)
        if (f->places & place)
            g_ptr_array_add(names, (gpointer)f->spec->file);
    g_ptr_array_add(names, NULL);
    return (const char **)g_ptr_array_free(names, FALSE);
}

/* ------------------------------------------------------------------------- */
/* Record handlers                                                            */
/* ------------------------------------------------------------------------- */

static void on_theme(loader *l, const record *r)
{
    const char *code = cell_required_id(l, r, THEME_CODE);
    const char *label = cell_required_text(l, r, THEME_LABEL_NL);
    if (!code || !label)
        return;
    rr_theme *existing = g_hash_table_lookup(l->model->theme_by_code, code);
    if (existing) {
        cell_report_duplicate(l, r, THEME_CODE, tr("thema", "theme"), &existing->loc);
        return;
    }
    rr_theme *t = model_add(l->model, l->model->themes, sizeof *t);
    t->code = code;
    t->label_nl = label;
    t->label_en = *cell_raw(r, THEME_LABEL_EN) ? cell_text(l, r, THEME_LABEL_EN) : label;
    t->description = cell_text(l, r, THEME_DESCRIPTION);
    t->loc = cell_row_loc(l, r);
    g_hash_table_insert(l->model->theme_by_code, (gpointer)code, t);
}

static void on_indicator(loader *l, const record *r)
{
    const char *code = cell_required_id(l, r, IND_CODE);
    const char *label = cell_required_text(l, r, IND_LABEL_NL);
    if (!code || !label)
        return;
    rr_indicator *existing = g_hash_table_lookup(l->model->indicator_by_code, code);
    if (existing) {
        cell_report_duplicate(l, r, IND_CODE, tr("indicator", "indicator"), &existing->loc);
        return;
    }
    rr_indicator *ind = model_add(l->model, l->model->indicators, sizeof *ind);
    ind->code = code;
    ind->label_nl = label;
    ind->label_en = *cell_raw(r, IND_LABEL_EN) ? cell_text(l, r, IND_LABEL_EN) : label;
    ind->unit = cell_text(l, r, IND_UNIT);
    ind->loc = cell_row_loc(l, r);
    g_hash_table_insert(l->model->indicator_by_code, (gpointer)code, ind);
}

/* regio.csv and gemeente.csv describe their folder in exactly one row whose id is
 * the folder name. Returns false when this row must be ignored. */
static bool check_description_row(loader *l, const record *r, int id_column)
{
    if (++l->described_rows > 1) {
        cell_diag(l, r, id_column, DIAG_ERROR,
                  tr("%s heeft één rij; verwijder deze extra rij",
                     "%s has one row; remove this extra row"),
                  l->spec->file);
        return false;
    }
    const char *id = cell_raw(r, id_column);
    if (strcmp(id, l->owner->id) != 0) {
        cell_diag(l, r, id_column, DIAG_ERROR,
                  tr("%s '%s' hoort gelijk te zijn aan de mapnaam; schrijf '%s'",
                     "%s '%s' must equal the folder name; write '%s'"),
                  l->spec->columns[id_column].name, id, l->owner->id);
    }
    l->owner->loc = cell_row_loc(l, r);
    l->owner->described = true;
    return true;
}

static void on_region(loader *l, const record *r)
{
    if (!check_description_row(l, r, REG_ID))
        return;
    rr_owner *o = l->owner;
    const char *name = cell_required_text(l, r, REG_NAME);
    if (name)
        o->name = name;
    const char *centre = cell_required_text(l, r, REG_CENTRE);
    o->centre = centre ? centre : "";
    o->veilig_thuis = cell_text(l, r, REG_VT);
    /* The meeting rhythm in weeks; empty keeps the six-weekly default (analyse.h). */
    const char *rhythm = cell_raw(r, REG_RHYTHM);
    int64_t weeks = 0;
    if (*rhythm &&
        (!cell_parse_count(rhythm, &weeks) || weeks < 1 || weeks > RR_RHYTHM_MAX_WEEKS)) {
        cell_diag(l, r, REG_RHYTHM, DIAG_ERROR,
                  tr("ritme_weken '%s' is geen aantal weken; schrijf een heel getal van 1 tot "
                     "en met %d, bijvoorbeeld 6, of laat het leeg (elke zes weken)",
                     "ritme_weken '%s' is not a number of weeks; write a whole number from 1 "
                     "to %d, for example 6, or leave it empty (every six weeks)"),
                  rhythm, RR_RHYTHM_MAX_WEEKS);
        weeks = 0;
    }
    o->rhythm_weeks = (int)weeks;
    o->source = cell_text(l, r, REG_SOURCE);
}

static void on_municipality(loader *l, const record *r)
{
    if (!check_description_row(l, r, MUN_ID))
        return;
    rr_owner *o = l->owner;
    const char *name = cell_required_text(l, r, MUN_NAME);
    if (name)
        o->name = name;
    const char *cbs = cell_raw(r, MUN_CBS);
    if (*cbs && !(strlen(cbs) == 6 && cbs[0] == 'G' && cbs[1] == 'M' && g_ascii_isdigit(cbs[2]) &&
                  g_ascii_isdigit(cbs[3]) && g_ascii_isdigit(cbs[4]) && g_ascii_isdigit(cbs[5])))
        cell_diag(l, r, MUN_CBS, DIAG_ERROR,
                  tr("cbs_code '%s' heeft niet de vorm GM en vier cijfers, bijvoorbeeld GM1960",
                     "cbs_code '%s' is not GM followed by four digits, for example GM1960"),
                  cbs);
    o->cbs_code = model_intern(l->model, cbs);
    const char *population = cell_raw(r, MUN_POPULATION);
    if (*population && (!cell_parse_count(population, &o->population) || o->population <= 0)) {
        cell_diag(l, r, MUN_POPULATION, DIAG_ERROR,
                  tr("inwoners '%s' is geen aantal; schrijf alleen cijfers, bijvoorbeeld 51948",
                     "inwoners '%s' is not a count; write digits only, for example 51948"),
                  population);
        o->population = 0;
    }
    o->population_year = cell_year(l, r, MUN_POPULATION_YEAR, false);
    if (o->population > 0 && o->population_year == 0 && !*cell_raw(r, MUN_POPULATION_YEAR))
        cell_diag(l, r, MUN_POPULATION, DIAG_WARNING,
                  tr("inwoners zonder inwoners_peiljaar; vul het jaar van de telling in",
                     "inwoners without inwoners_peiljaar; fill in the year of the count"));
    o->source = cell_text(l, r, MUN_SOURCE);
}

/* concept: "ja" for a plan that is still a draft; "nee" or empty for one that is not. */
static bool draft_from_cell(loader *l, const record *r)
{
    gchar *text = g_strstrip(g_ascii_strdown(cell_raw(r, PLAN_DRAFT), -1));
    bool draft = strcmp(text, "ja") == 0 || strcmp(text, "yes") == 0;
    if (!draft && *text && strcmp(text, "nee") != 0 && strcmp(text, "no") != 0)
        cell_diag(l, r, PLAN_DRAFT, DIAG_ERROR,
                  tr("concept '%s' is geen ja of nee; schrijf ja als het plan nog een concept is, "
                     "anders nee of laat de cel leeg",
                     "concept '%s' is neither ja nor nee; write ja when the plan is still a "
                     "draft, else nee or leave the cell empty"),
                  cell_raw(r, PLAN_DRAFT));
    g_free(text);
    return draft;
}

static void on_plan(loader *l, const record *r)
{
    const char *id = cell_required_id(l, r, PLAN_ID);
    const char *title = cell_required_text(l, r, PLAN_TITLE);
    const char *kind_text = cell_required_text(l, r, PLAN_KIND);
    plan_kind kind = PLAN_LOKAAL_PLAN;
    if (kind_text && !vocab_plan_kind_parse(kind_text, &kind)) {
        cell_diag(l, r, PLAN_KIND, DIAG_ERROR,
                  tr("soort '%s' is onbekend; kies uit: %s", "soort '%s' is unknown; choose from: %s"),
                  kind_text, vocab_plan_kind_code_list());
        kind_text = NULL;
    }
    /* start and eind are required columns, but a plan document may be silent on
     * them: an empty period is "unknown" and shown as such. */
    period_cell start = cell_period(l, r, PLAN_START);
    period_cell end = cell_period(l, r, PLAN_END);
    rr_date adopted_on = cell_date(l, r, PLAN_ADOPTED_ON);
    period_cell evaluation = cell_period(l, r, PLAN_EVALUATION);
    bool draft = draft_from_cell(l, r);
    if (start.value.kind == PERIOD_SPAN && end.value.kind == PERIOD_SPAN &&
        end.value.last < start.value.first)
        cell_diag(l, r, PLAN_END, DIAG_ERROR,
                  tr("eind '%s' ligt vóór start '%s'; controleer beide",
                     "eind '%s' lies before start '%s'; check both"),
                  end.text, start.text);
    if (!id || !title)
        return;
    const char *key = model_intern_key(l->model, l->owner->id, id);
    rr_plan *existing = g_hash_table_lookup(l->model->plan_by_key, key);
    if (existing) {
        cell_report_duplicate(l, r, PLAN_ID, "plan_id", &existing->loc);
        return;
    }
    rr_plan *p = model_add(l->model, l->model->plans, sizeof *p);
    p->owner = l->owner;
    p->id = id;
    p->title = title;
    p->kind = kind;
    p->start = start;
    p->end = end;
    p->adopted_on = adopted_on;
    p->adopted_on_text = cell_text(l, r, PLAN_ADOPTED_ON);
    p->adopted_by = cell_text(l, r, PLAN_ADOPTED_BY);
    p->parent_ref = cell_text(l, r, PLAN_PARENT);
    p->evaluation = evaluation;
    p->draft = draft;
    p->funding = cell_text(l, r, PLAN_FUNDING);
    p->source = cell_text(l, r, PLAN_SOURCE);
    p->loc = cell_row_loc(l, r);
    p->extensions = g_ptr_array_new();
    p->action_lines = g_ptr_array_new();
    g_hash_table_insert(l->model->plan_by_key, (gpointer)key, p);
}

static void on_extension(loader *l, const record *r)
{
    const char *plan_id = cell_required_id(l, r, EXT_PLAN);
    const char *decided_text = cell_required_text(l, r, EXT_DECIDED_ON);
    rr_date decided_on = decided_text ? cell_date(l, r, EXT_DECIDED_ON) : RR_DATE_NONE;
    period_cell new_end = cell_period(l, r, EXT_NEW_END);
    if (!plan_id || decided_on == RR_DATE_NONE || !new_end.valid)
        return;
    if (new_end.value.kind != PERIOD_SPAN) { /* an extension without an end says nothing */
        cell_diag(l, r, EXT_NEW_END, DIAG_ERROR,
                  tr("nieuw_eind '%s' heeft geen einddatum; schrijf een datum, maand of jaar",
                     "nieuw_eind '%s' has no end date; write a date, month or year"),
                  new_end.text);
        return;
    }
    rr_extension *e = model_add(l->model, l->model->extensions, sizeof *e);
    e->plan_id = plan_id;
    e->decided_on = decided_on;
    e->decided_on_text = decided_text;
    e->decided_by = cell_text(l, r, EXT_DECIDED_BY);
    e->new_end = new_end;
    e->reason = cell_text(l, r, EXT_REASON);
    e->source = cell_text(l, r, EXT_SOURCE);
    e->loc = cell_row_loc(l, r);
    e->decided_loc = cell_loc(l, r, EXT_DECIDED_ON);
    /* The plan is resolved by rules: it may be the owner's or, for a
     * municipality, its region's. The owner travels with the plan_id. */
    e->plan_id = model_intern_key(l->model, l->owner->id, plan_id);
}

static void on_action_line(loader *l, const record *r)
{
    const char *plan_id = cell_required_id(l, r, LINE_PLAN);
    const char *name = cell_required_text(l, r, LINE_NAME);
    if (!plan_id || !name)
        return;
    rr_action_line *line = model_add(l->model, l->model->action_lines, sizeof *line);
    line->owner = l->owner;
    /* Resolved by rules, like an extension: the plan belongs to this folder. */
    line->plan_key = model_intern_key(l->model, l->owner->id, plan_id);
    line->name = name;
    line->description = cell_text(l, r, LINE_DESCRIPTION);
    line->source = cell_text(l, r, LINE_SOURCE);
    line->loc = cell_row_loc(l, r);
}

/* Copies the unknown columns of an acties.csv row. */
static GArray *action_extras(loader *l, const record *r)
{
    GArray *extras = g_array_new(FALSE, FALSE, sizeof(rr_extra));
    for (guint i = 0; l->extra_fields && i < l->extra_fields->len; i++) {
        int field = g_array_index(l->extra_fields, int, (gint)i);
        const char *value = (size_t)field < r->row->count ? r->row->fields[field] : "";
        rr_extra extra = {g_ptr_array_index(l->extra_names, i), model_intern(l->model, value)};
        g_array_append_val(extras, extra);
    }
    return extras;
}

/* Moves *p past a figure in Dutch notation ("20", "1.500", "12,5"); false if none. */
static bool skip_figure(const char **p)
{
    const char *end = *p;
    while (g_ascii_isdigit(*end) || *end == '.' || *end == ',')
        end++;
    if (end == *p || end - *p > 30)
        return false;
    gchar *figure = g_strndup(*p, (gsize)(end - *p));
    double value;
    bool ok = cell_parse_figure(figure, &value);
    g_free(figure);
    *p = end;
    return ok;
}

/* One target: a figure, a range ("60-80") or a share ("60-80%"), then a space and what
 * it counts ("60 kinderen in 2021"). A figure alone says nothing. */
static bool is_target(const char *text)
{
    const char *p = text;
    if (!skip_figure(&p))
        return false;
    if (*p == '%')
        p++;
    if (*p == '-') {
        p++;
        if (!skip_figure(&p))
            return false;
        if (*p == '%')
            p++;
    }
    if (*p != ' ')
        return false;
    while (*p == ' ')
        p++;
    return *p != '\0';
}

/* streefcijfer: '|'-separated targets; each one that is not a figure and what it
 * counts is reported. */
static const char *targets_from_cell(loader *l, const record *r)
{
    gchar **items = g_strsplit(cell_raw(r, ACT_TARGETS), "|", -1);
    for (gchar **item = items; *item; item++) {
        g_strstrip(*item);
        if (**item && !is_target(*item))
            cell_diag(l, r, ACT_TARGETS, DIAG_ERROR,
                      tr("streefcijfer '%s' begint niet met een getal en wat er geteld wordt; "
                         "schrijf bijvoorbeeld '20 voorlichtingsbijeenkomsten per jaar' of "
                         "'60-80%% van de ouders' (meer streefcijfers gescheiden door |)",
                         "streefcijfer '%s' does not start with a figure and what it counts; "
                         "write for example '20 voorlichtingsbijeenkomsten per jaar' or "
                         "'60-80%% van de ouders' (more targets separated by |)"),
                      *item);
    }
    g_strfreev(items);
    return cell_text(l, r, ACT_TARGETS);
}

static void on_action(loader *l, const record *r)
{
    const char *id = cell_required_id(l, r, ACT_ID);
    const char *plan_id = cell_required_id(l, r, ACT_PLAN);
    const char *title = cell_required_text(l, r, ACT_TITLE);
    period_cell planning = cell_period(l, r, ACT_PLANNING);
    const char *targets = targets_from_cell(l, r);
    if (!id || !plan_id || !title)
        return;
    const char *key = model_intern_key(l->model, l->owner->id, id);
    rr_action *existing = g_hash_table_lookup(l->model->action_by_key, key);
    if (existing) {
        cell_report_duplicate(l, r, ACT_ID, "actie_id", &existing->loc);
        return;
    }
    rr_action *a = model_add(l->model, l->model->actions, sizeof *a);
    a->owner = l->owner;
    a->id = id;
    a->plan_id = plan_id;
    a->action_line = cell_text(l, r, ACT_LINE);
    a->themes_text = cell_text(l, r, ACT_THEMES);
    a->themes = g_ptr_array_new();
    a->title = title;
    a->goal = cell_text(l, r, ACT_GOAL);
    a->planning = planning;
    a->budget_text = cell_text(l, r, ACT_BUDGET);
    a->has_budget_amount = money_parse_budget(a->budget_text, &a->budget_cents);
    if (money_budget_split_number(a->budget_text))
        cell_diag(l, r, ACT_BUDGET, DIAG_WARNING,
                  tr("budget '%s': het getal na € is door een spatie gesplitst en geen groep "
                     "van duizendtallen, dus niet eenduidig; er wordt geen bedrag gelezen. "
                     "Schrijf het bedrag met punten, bijvoorbeeld € 1.500.000",
                     "budget '%s': the number after € is split by a space that does not group "
                     "thousands, so it is ambiguous; no amount is read. Write the amount with "
                     "dots, for example € 1.500.000"),
                  a->budget_text);
    a->running_costs = cell_text(l, r, ACT_RUNNING_COSTS);
    a->targets = targets;
    a->partners = cell_text(l, r, ACT_PARTNERS);
    a->source = cell_text(l, r, ACT_SOURCE);
    a->loc = cell_row_loc(l, r);
    a->extras = action_extras(l, r);
    a->progress = g_ptr_array_new();
    g_hash_table_insert(l->model->action_by_key, (gpointer)key, a);
}

/* The text of an id cell without the "'" that the template CSV puts before a value
 * starting with = + - @ (so spreadsheets do not take it for a formula). */
static const char *unprotected(const char *text)
{
    if (text[0] == '\'' && text[1] && strchr("=+-@\t\r", text[1]))
        return text + 1;
    return text;
}

/* A row with datum and status empty may be skipped only as an unfilled row of a
 * returned form: all the header's fields, an action of this folder, no toelichting.
 * A row typed with another delimiter or a line of free text is one field and would
 * otherwise vanish without a word. Returns true to skip; anything else is reported. */
static bool unfilled_form_row(loader *l, const record *r)
{
    const csvread_row *row = r->row;
    char d = row->delimiter ? row->delimiter : ',';
    if (row->count < l->header_fields) {
        diag_add(l->diags, DIAG_ERROR, l->path, row->line, row->columns[0],
                 tr("deze rij heeft %zu velden, de kopregel %zu (gescheiden door '%c'), en "
                    "datum en status zijn leeg; is de rij met een ander scheidingsteken "
                    "getypt, of is het losse tekst? Schrijf actie_id%cdatum%cstatus%c"
                    "toelichting, of verwijder de regel",
                    "this row has %zu fields, the header %zu (separated by '%c'), and datum and "
                    "status are empty; was the row typed with another delimiter, or is it free "
                    "text? Write actie_id%cdatum%cstatus%ctoelichting, or remove the line"),
                 row->count, l->header_fields, d, d, d, d);
        return false;
    }
    const char *id = unprotected(cell_raw(r, PROG_ACTION));
    gchar *key = g_strconcat(l->owner->id, "/", id, NULL);
    bool known = g_hash_table_contains(l->model->action_by_key, key);
    g_free(key);
    if (!known) {
        cell_diag(l, r, PROG_ACTION, DIAG_ERROR,
                  tr("actie_id '%s' is geen actie in acties.csv van deze map, en datum en status "
                     "zijn leeg; schrijf een actie_id uit acties.csv met datum en status, of "
                     "verwijder de regel",
                     "actie_id '%s' is not an action in this folder's acties.csv, and datum and "
                     "status are empty; write an actie_id from acties.csv with datum and status, "
                     "or remove the line"),
                  id);
        return false;
    }
    if (*cell_raw(r, PROG_NOTE) != '\0') {
        cell_diag(l, r, PROG_NOTE, DIAG_ERROR,
                  tr("toelichting is ingevuld maar datum en status zijn leeg; vul datum en "
                     "status in, anders gaat de toelichting verloren",
                     "toelichting is filled in but datum and status are empty; fill in datum "
                     "and status, or the note is lost"));
        return false;
    }
    if (*cell_raw(r, PROG_EXPECTED) != '\0') {
        cell_diag(l, r, PROG_EXPECTED, DIAG_ERROR,
                  tr("verwacht is ingevuld maar datum en status zijn leeg; vul datum en status "
                     "in, anders gaat de verwachte datum verloren",
                     "verwacht is filled in but datum and status are empty; fill in datum and "
                     "status, or the expected date is lost"));
        return false;
    }
    return true;
}

/* verwacht: when the report expects the action to be done now, a period with an end.
 * It replaces the planning's deadline for the signal, so a recurring word cannot stand
 * here; one that lies before the report itself is most likely a typo. */
static period_cell expected_from_cell(loader *l, const record *r, const period_cell *date)
{
    period_cell expected = cell_period(l, r, PROG_EXPECTED);
    if (expected.valid && expected.value.kind == PERIOD_RECURRING) {
        cell_diag(l, r, PROG_EXPECTED, DIAG_ERROR,
                  tr("verwacht '%s' is geen datum; schrijf wanneer de actie nu klaar zal zijn, "
                     "bijvoorbeeld Q1 2023, of laat de cel leeg",
                     "verwacht '%s' is not a date; write when the action is now expected to be "
                     "done, for example Q1 2023, or leave the cell empty"),
                  expected.text);
        expected.valid = false;
    } else if (expected.value.kind == PERIOD_SPAN && date->valid &&
               date->value.kind == PERIOD_SPAN && expected.value.last < date->value.last) {
        cell_diag(l, r, PROG_EXPECTED, DIAG_WARNING,
                  tr("verwacht '%s' ligt vóór de datum van de melding '%s'; een verwachting ligt "
                     "na de melding",
                     "verwacht '%s' lies before the report's date '%s'; an expectation lies "
                     "after the report"),
                  expected.text, date->text);
    }
    if (!expected.valid)
        expected.value = (period){PERIOD_UNKNOWN, RR_DATE_NONE, RR_DATE_NONE};
    return expected;
}

static void on_progress(loader *l, const record *r)
{
    bool has_date = *cell_raw(r, PROG_DATE) != '\0';
    bool has_status = *cell_raw(r, PROG_STATUS) != '\0';
    if (!has_date && !has_status) {
        unfilled_form_row(l, r);
        return;
    }
    const char *action_id = cell_required_id(l, r, PROG_ACTION);
    if (action_id)
        action_id = unprotected(action_id);
    if (!has_date || !has_status) {
        int missing = has_date ? PROG_STATUS : PROG_DATE;
        cell_diag(l, r, missing, DIAG_ERROR,
                  tr("'%s' is leeg terwijl '%s' is ingevuld; vul beide in, of maak beide leeg "
                     "als er niets te melden is",
                     "'%s' is empty while '%s' is filled in; fill in both, or leave both empty "
                     "when there is nothing to report"),
                  l->spec->columns[missing].name,
                  l->spec->columns[has_date ? PROG_DATE : PROG_STATUS].name);
        return;
    }
    period_cell date = cell_period(l, r, PROG_DATE);
    if (date.valid && date.value.kind != PERIOD_SPAN) {
        cell_diag(l, r, PROG_DATE, DIAG_ERROR,
                  tr("datum '%s' is geen moment; schrijf de datum van de melding, bijvoorbeeld "
                     "14-02-2022",
                     "datum '%s' is not a moment; write the date of the report, for example "
                     "14-02-2022"),
                  date.text);
        date.valid = false;
    }
    rr_status status = STATUS_UNKNOWN;
    bool status_valid = vocab_status_parse(cell_raw(r, PROG_STATUS), &status);
    if (!status_valid) {
        gchar **codes = g_strsplit(vocab_status_code_list(), ", ", -1);
        char *hint = suggest_hint(cell_raw(r, PROG_STATUS), (const char *const *)codes,
                                  g_strv_length(codes));
        cell_diag(l, r, PROG_STATUS, DIAG_ERROR,
                  tr("status '%s' is onbekend; kies uit: %s%s",
                     "status '%s' is unknown; choose from: %s%s"),
                  cell_raw(r, PROG_STATUS), vocab_status_code_list(), hint);
        g_free(hint);
        g_strfreev(codes);
    }
    period_cell expected = expected_from_cell(l, r, &date);
    if (!action_id || !date.valid || !status_valid)
        return;
    char day[16];
    date_format_iso(date.value.last, day, sizeof day);
    gchar *once = g_strconcat(l->owner->id, "/", action_id, "/", day, NULL);
    const src_loc *first = g_hash_table_lookup(l->seen_progress, once);
    if (first) {
        cell_diag(l, r, PROG_DATE, DIAG_ERROR,
                  tr("actie '%s' heeft al een melding op %s (%s regel %ld); voeg ze samen tot "
                     "één rij",
                     "action '%s' already has a report on %s (%s line %ld); merge them into "
                     "one row"),
                  action_id, date.text, first->path, first->line);
        g_free(once);
        return;
    }
    rr_progress *p = model_add(l->model, l->model->progress, sizeof *p);
    p->action_id = model_intern_key(l->model, l->owner->id, action_id);
    p->date = date;
    p->status = status;
    p->status_valid = true;
    p->expected = expected;
    p->note = cell_text(l, r, PROG_NOTE);
    p->source = cell_text(l, r, PROG_SOURCE);
    p->loc = cell_row_loc(l, r);
    g_hash_table_insert(l->seen_progress, once, &p->loc);
}

static void on_meeting(loader *l, const record *r)
{
    const char *text = cell_required_text(l, r, MEET_DATE);
    rr_date date = text ? cell_date(l, r, MEET_DATE) : RR_DATE_NONE;
    if (date == RR_DATE_NONE)
        return;
    rr_meeting *m = model_add(l->model, l->model->meetings, sizeof *m);
    m->owner = l->owner;
    m->date = date;
    m->date_text = text;
    gchar *kind = g_ascii_strdown(cell_raw(r, MEET_KIND), -1);
    m->kind = model_intern(l->model, g_strstrip(kind));
    g_free(kind);
    m->description = cell_text(l, r, MEET_DESCRIPTION);
    m->loc = cell_row_loc(l, r);
}

static void on_figure(loader *l, const record *r)
{
    const char *code = cell_required_id(l, r, FIG_INDICATOR);
    int year = cell_year(l, r, FIG_YEAR, true);
    const char *value = cell_required_text(l, r, FIG_VALUE);
    double number = 0;
    bool suppressed = value && strcmp(value, ".") == 0;
    if (value && !suppressed && !cell_parse_figure(value, &number)) {
        cell_diag(l, r, FIG_VALUE, DIAG_ERROR,
                  tr("waarde '%s' is geen getal; schrijf cijfers (12 of 12,5), of '.' als de "
                     "bron het cijfer geheimhoudt",
                     "waarde '%s' is not a number; write digits (12 or 12,5), or '.' when the "
                     "publisher withheld the figure"),
                  value);
        return;
    }
    if (!code || !year || !value)
        return;
    rr_figure *f = model_add(l->model, l->model->figures, sizeof *f);
    f->owner = l->owner;
    f->indicator_code = code;
    f->year = year;
    f->suppressed = suppressed;
    f->value = number;
    f->value_text = value;
    f->source = cell_text(l, r, FIG_SOURCE);
    f->published = cell_date(l, r, FIG_PUBLISHED);
    f->loc = cell_row_loc(l, r);
}

static void on_budget(loader *l, const record *r)
{
    const char *item = cell_required_text(l, r, BUD_ITEM);
    int from = cell_year(l, r, BUD_FROM, true);
    int to = cell_year(l, r, BUD_TO, true);
    const char *amount_text = cell_required_text(l, r, BUD_AMOUNT);
    int64_t cents = 0;
    if (amount_text && !money_parse_amount(amount_text, &cents)) {
        cell_diag(l, r, BUD_AMOUNT, DIAG_ERROR,
                  tr("bedrag_per_jaar '%s' is geen bedrag; schrijf bijvoorbeeld € 3.000 of "
                     "3200,50",
                     "bedrag_per_jaar '%s' is not an amount; write for example € 3.000 or "
                     "3200,50"),
                  amount_text);
        amount_text = NULL;
    }
    if (from && to && to < from) {
        cell_diag(l, r, BUD_TO, DIAG_ERROR,
                  tr("tot_jaar %d ligt vóór van_jaar %d; draai ze om",
                     "tot_jaar %d lies before van_jaar %d; swap them"),
                  to, from);
        return;
    }
    const char *action_id = cell_raw(r, BUD_ACTION);
    if (*action_id && !load_is_valid_id(action_id)) {
        cell_required_id(l, r, BUD_ACTION);
        return;
    }
    if (!item || !from || !to || !amount_text)
        return;
    rr_budget_line *b = model_add(l->model, l->model->budget_lines, sizeof *b);
    b->owner = l->owner;
    b->item = item;
    b->action_line = cell_text(l, r, BUD_LINE);
    b->action_id = *action_id ? model_intern_key(l->model, l->owner->id, action_id) : "";
    b->from_year = from;
    b->to_year = to;
    b->cents_per_year = cents;
    b->funding = cell_text(l, r, BUD_FUNDING);
    b->source = cell_text(l, r, BUD_SOURCE);
    b->loc = cell_row_loc(l, r);
}

/* One count per year: a count is on 1 January of `jaar`, as CBS and the municipalities
 * publish it. */
static void on_population(loader *l, const record *r)
{
    int year = cell_year(l, r, POP_YEAR, true);
    const char *text = cell_required_text(l, r, POP_COUNT);
    int64_t count = 0;
    if (text && (!cell_parse_count(text, &count) || count <= 0)) {
        cell_diag(l, r, POP_COUNT, DIAG_ERROR,
                  tr("inwoners '%s' is geen aantal; schrijf alleen cijfers, bijvoorbeeld 51948",
                     "inwoners '%s' is not a count; write digits only, for example 51948"),
                  text);
        return;
    }
    if (!year || !text)
        return;
    for (guint i = 0; i < l->owner->populations->len; i++) {
        const rr_population *other = g_ptr_array_index(l->owner->populations, i);
        if (other->year == year) {
            cell_diag(l, r, POP_YEAR, DIAG_ERROR,
                      tr("jaar %d heeft al een telling in regel %ld; houd er één",
                         "year %d already has a count on line %ld; keep one"),
                      year, other->loc.line);
            return;
        }
    }
    rr_population *p = model_add(l->model, l->model->populations, sizeof *p);
    p->owner = l->owner;
    p->year = year;
    p->count = count;
    p->source = cell_text(l, r, POP_SOURCE);
    p->loc = cell_row_loc(l, r);
    g_ptr_array_add(l->owner->populations, p);
}
