/* load.c - the regions/ tree, file by file, row by row. */
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "csvfile.h"
#include "i18n.h"
#include "money.h"

/* ------------------------------------------------------------------------- */
/* File schemas                                                               */
/* ------------------------------------------------------------------------- */

typedef struct loader loader;
typedef struct record record;

typedef struct {
    const char *name;
    bool required;
} column_spec;

#define MAX_SPEC_COLUMNS 12

typedef struct {
    const char *file; /* e.g. "acties.csv" */
    column_spec columns[MAX_SPEC_COLUMNS];
    bool keep_unknown; /* unknown columns travel to the workbook (acties.csv) */
    void (*on_record)(loader *l, const record *r);
} file_spec;

/* A data row seen through its file's header: cell i is the spec's column i. */
struct record {
    const csv_row *row;
    const int *map; /* spec column -> row field, or -1 */
};

struct loader {
    rr_model *model;
    diag_list *diags;
    rr_owner *owner;          /* owner of the file being read; NULL for vocabularies */
    const file_spec *spec;
    const char *path;         /* interned */
    bool header_seen;
    bool skip_rows;           /* a required column is missing: rows cannot be read */
    int map[MAX_SPEC_COLUMNS];
    GArray *extra_fields;     /* int: row fields of unknown columns (keep_unknown) */
    GPtrArray *extra_names;   /* interned header names of those columns */
    size_t described_rows;    /* rows of regio.csv / gemeente.csv */
    GHashTable *seen_progress;/* "<owner>/<actie_id>/<date>": one report a day */
};

/* Column indexes, per schema, in the order of the spec's columns. */
enum { THEME_CODE, THEME_LABEL_NL, THEME_LABEL_EN, THEME_DESCRIPTION };
enum { IND_CODE, IND_LABEL_NL, IND_LABEL_EN, IND_UNIT };
enum { REG_ID, REG_NAME, REG_CENTRE, REG_VT, REG_SOURCE };
enum { MUN_ID, MUN_NAME, MUN_CBS, MUN_POPULATION, MUN_POPULATION_YEAR, MUN_SOURCE };
enum { PLAN_ID, PLAN_TITLE, PLAN_KIND, PLAN_START, PLAN_END, PLAN_ADOPTED_ON, PLAN_ADOPTED_BY,
       PLAN_PARENT, PLAN_EVALUATION, PLAN_SOURCE };
enum { EXT_PLAN, EXT_DECIDED_ON, EXT_DECIDED_BY, EXT_NEW_END, EXT_REASON, EXT_SOURCE };
enum { ACT_ID, ACT_PLAN, ACT_LINE, ACT_THEMES, ACT_TITLE, ACT_GOAL, ACT_PLANNING, ACT_BUDGET,
       ACT_PARTNERS, ACT_SOURCE };
enum { PROG_ACTION, PROG_DATE, PROG_STATUS, PROG_NOTE, PROG_SOURCE };
enum { MEET_DATE, MEET_KIND, MEET_DESCRIPTION, MEET_SOURCE };
enum { FIG_INDICATOR, FIG_YEAR, FIG_VALUE, FIG_SOURCE };
enum { BUD_ITEM, BUD_LINE, BUD_ACTION, BUD_FROM, BUD_TO, BUD_AMOUNT, BUD_FUNDING, BUD_SOURCE };

static void on_theme(loader *l, const record *r);
static void on_indicator(loader *l, const record *r);
static void on_region(loader *l, const record *r);
static void on_municipality(loader *l, const record *r);
static void on_plan(loader *l, const record *r);
static void on_extension(loader *l, const record *r);
static void on_action(loader *l, const record *r);
static void on_progress(loader *l, const record *r);
static void on_meeting(loader *l, const record *r);
static void on_figure(loader *l, const record *r);
static void on_budget(loader *l, const record *r);

static const file_spec themes_spec = {
    "themas.csv",
    {{"thema", true}, {"label_nl", true}, {"label_en", false}, {"omschrijving", false}},
    false, on_theme};
static const file_spec indicators_spec = {
    "indicatoren.csv",
    {{"indicator", true}, {"label_nl", true}, {"label_en", false}, {"eenheid", false}},
    false, on_indicator};
static const file_spec region_spec = {
    "regio.csv",
    {{"regio_id", true}, {"naam", true}, {"centrumgemeente", true}, {"veilig_thuis", false},
     {"bron", false}},
    false, on_region};
static const file_spec municipality_spec = {
    "gemeente.csv",
    {{"gemeente_id", true}, {"naam", true}, {"cbs_code", false}, {"inwoners", false},
     {"inwoners_peiljaar", false}, {"bron", false}},
    false, on_municipality};
static const file_spec plans_spec = {
    "plannen.csv",
    {{"plan_id", true}, {"titel", true}, {"soort", true}, {"start", true}, {"eind", true},
     {"vastgesteld_op", false}, {"vastgesteld_door", false}, {"bovenliggend_plan", false},
     {"evaluatie", false}, {"bron", false}},
    false, on_plan};
static const file_spec extensions_spec = {
    "verlengingen.csv",
    {{"plan_id", true}, {"besloten_op", true}, {"besloten_door", false}, {"nieuw_eind", true},
     {"reden", false}, {"bron", false}},
    false, on_extension};
static const file_spec actions_spec = {
    "acties.csv",
    {{"actie_id", true}, {"plan_id", true}, {"actielijn", false}, {"themas", false},
     {"titel", true}, {"doel", false}, {"planning", false}, {"budget", false},
     {"partners", false}, {"bron", false}},
    true, on_action};
static const file_spec progress_spec = {
    "voortgang.csv",
    {{"actie_id", true}, {"datum", true}, {"status", true}, {"toelichting", false},
     {"bron", false}},
    false, on_progress};
static const file_spec meetings_spec = {
    "overleggen.csv",
    {{"datum", true}, {"soort", false}, {"omschrijving", false}, {"bron", false}},
    false, on_meeting};
static const file_spec figures_spec = {
    "cijfers.csv",
    {{"indicator", true}, {"jaar", true}, {"waarde", true}, {"bron", false}},
    false, on_figure};
static const file_spec budget_spec = {
    "begroting.csv",
    {{"post", true}, {"actielijn", false}, {"actie_id", false}, {"van_jaar", true},
     {"tot_jaar", true}, {"bedrag_per_jaar", true}, {"dekking", false}, {"bron", false}},
    false, on_budget};

/* Number of columns in a spec (the array ends at the first NULL name). */
static int spec_column_count(const file_spec *spec)
{
    int n = 0;
    while (n < MAX_SPEC_COLUMNS && spec->columns[n].name)
        n++;
    return n;
}

/* ------------------------------------------------------------------------- */
/* Cells                                                                      */
/* ------------------------------------------------------------------------- */

/* The text of a cell, "" when the column or the field is absent. */
static const char *cell(const record *r, int column)
{
    int field = r->map[column];
    if (field < 0 || (size_t)field >= r->row->count)
        return "";
    return r->row->fields[field];
}

/* Where a cell is; a missing cell points at the row's start. */
static void cell_position(const record *r, int column, long *line, long *col)
{
    int field = r->map[column];
    if (field < 0 || (size_t)field >= r->row->count) {
        *line = r->row->line;
        *col = r->row->columns[0];
    } else {
        *line = r->row->lines[field];
        *col = r->row->columns[field];
    }
}

/* Adds a diagnostic at a cell's position. */
static void cell_diag(loader *l, const record *r, int column, diag_severity severity,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void cell_diag(loader *l, const record *r, int column, diag_severity severity,
                      const char *fmt, ...)
{
    long line, col;
    cell_position(r, column, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    gchar *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    diag_add(l->diags, severity, l->path, line, col, "%s", message);
    g_free(message);
}

static src_loc row_loc(const loader *l, const record *r)
{
    return (src_loc){l->path, r->row->line, r->row->columns[0]};
}

/* Interns a cell's text. */
static const char *cell_text(loader *l, const record *r, int column)
{
    return model_intern(l->model, cell(r, column));
}

/* A required value: reports an empty cell and returns NULL. */
static const char *required_text(loader *l, const record *r, int column)
{
    const char *text = cell(r, column);
    if (*text == '\0') {
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("kolom '%s' is leeg; deze waarde is verplicht",
                     "column '%s' is empty; this value is required"),
                  l->spec->columns[column].name);
        return NULL;
    }
    return model_intern(l->model, text);
}

/* An id (plan_id, actie_id, codes): no spaces, '/' or '|', at most 64 bytes. */
static bool is_valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64)
        return false;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (*p <= ' ' || *p == '/' || *p == '|' || *p == '"' || *p == 0x7F)
            return false;
    return true;
}

/* A required id cell; reports what is wrong and returns NULL. */
static const char *required_id(loader *l, const record *r, int column)
{
    const char *text = required_text(l, r, column);
    if (text && !is_valid_id(text)) {
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("'%s' is geen geldige code: gebruik letters, cijfers, '.', '-' of '_', "
                     "zonder spaties, '/' of '|', ten hoogste 64 tekens (bijvoorbeeld 3.1.2-a)",
                     "'%s' is not a valid code: use letters, digits, '.', '-' or '_', without "
                     "spaces, '/' or '|', at most 64 characters (for example 3.1.2-a)"),
                  text);
        return NULL;
    }
    return text;
}

/* Message for a period or date that did not parse. */
static void report_period_error(loader *l, const record *r, int column, parse_status status,
                                bool date_only)
{
    const char *text = cell(r, column);
    const char *name = l->spec->columns[column].name;
    switch (status) {
    case PARSE_ERR_NO_SUCH_DAY:
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("%s: de datum '%s' bestaat niet; controleer dag en maand",
                     "%s: the date '%s' does not exist; check the day and month"),
                  name, text);
        break;
    case PARSE_ERR_YEAR:
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("%s: het jaar in '%s' ligt niet tussen %d en %d; schrijf het jaar voluit, "
                     "bijvoorbeeld 2022",
                     "%s: the year in '%s' is not between %d and %d; write the full year, for "
                     "example 2022"),
                  name, text, RR_YEAR_MIN, RR_YEAR_MAX);
        break;
    case PARSE_ERR_CHECKMARK:
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("%s: '%s' begint met een vinkje; dat is een status: zet 'afgerond' met "
                     "deze datum in voortgang.csv en schrijf hier alleen de periode",
                     "%s: '%s' starts with a checkmark; that is a status: write 'afgerond' "
                     "with this date in voortgang.csv and only the period here"),
                  name, text);
        break;
    case PARSE_ERR_REVERSED:
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("%s: in '%s' ligt het einde vóór het begin; draai de twee om",
                     "%s: in '%s' the end lies before the start; swap the two"),
                  name, text);
        break;
    case PARSE_OK:
    case PARSE_ERR_FORM:
    default:
        if (date_only)
            cell_diag(l, r, column, DIAG_ERROR,
                      tr("%s: '%s' is geen datum; schrijf bijvoorbeeld 14-02-2022, 2022-02-14 "
                         "of 14 februari 2022",
                         "%s: '%s' is not a date; write for example 14-02-2022, 2022-02-14 or "
                         "14 februari 2022"),
                      name, text);
        else
            cell_diag(l, r, column, DIAG_ERROR,
                      tr("%s: '%s' is geen periode; schrijf een datum (14-02-2022), maand "
                         "(februari 2022), jaar (2022), kwartaal (Q1 2023), halfjaar (H2 2022), "
                         "begin/medio/eind 2023, voorjaar/zomer/najaar 2022, twee daarvan met "
                         "'-' of 'tot' ertussen (2022-2025), of doorlopend/jaarlijks",
                         "%s: '%s' is not a period; write a date (14-02-2022), month (februari "
                         "2022), year (2022), quarter (Q1 2023), half year (H2 2022), "
                         "begin/medio/eind 2023, voorjaar/zomer/najaar 2022, two of those joined "
                         "by '-' or 'tot' (2022-2025), or doorlopend/jaarlijks"),
                      name, text);
        break;
    }
}

/* A period cell; an unparsable text is reported and marked invalid. */
static period_cell period_from_cell(loader *l, const record *r, int column)
{
    period_cell pc = {cell_text(l, r, column), {PERIOD_UNKNOWN, RR_DATE_NONE, RR_DATE_NONE},
                      true};
    parse_status status = period_parse(pc.text, &pc.value);
    if (status != PARSE_OK) {
        report_period_error(l, r, column, status, false);
        pc.valid = false;
        pc.value = (period){PERIOD_UNKNOWN, RR_DATE_NONE, RR_DATE_NONE};
    }
    return pc;
}

/* A date cell; RR_DATE_NONE when empty or wrong (reported). */
static rr_date date_from_cell(loader *l, const record *r, int column)
{
    const char *text = cell(r, column);
    rr_date date = RR_DATE_NONE;
    if (*text == '\0')
        return date;
    parse_status status = date_parse(text, &date);
    if (status != PARSE_OK) {
        report_period_error(l, r, column, status, true);
        return RR_DATE_NONE;
    }
    return date;
}

/* A year (four digits, RR_YEAR_MIN..MAX); 0 when empty or wrong (reported). */
static int year_from_cell(loader *l, const record *r, int column, bool required)
{
    const char *text = cell(r, column);
    if (*text == '\0') {
        if (required)
            required_text(l, r, column);
        return 0;
    }
    int year = 0;
    size_t n = strlen(text);
    bool digits = n == 4;
    for (size_t i = 0; digits && i < n; i++)
        digits = g_ascii_isdigit(text[i]);
    if (digits)
        year = atoi(text);
    if (!digits || year < RR_YEAR_MIN || year > RR_YEAR_MAX) {
        cell_diag(l, r, column, DIAG_ERROR,
                  tr("%s: '%s' is geen jaartal; schrijf vier cijfers, bijvoorbeeld 2022",
                     "%s: '%s' is not a year; write four digits, for example 2022"),
                  l->spec->columns[column].name, text);
        return 0;
    }
    return year;
}

/* A count written with optional Dutch thousands dots: "51948", "51.948". */
static bool parse_count(const char *text, int64_t *out)
{
    int64_t value = 0;
    int digits = 0, group = -1;
    for (const char *p = text; *p; p++) {
        if (g_ascii_isdigit(*p)) {
            if (++digits > 15)
                return false;
            value = value * 10 + (*p - '0');
            if (group >= 0)
                group++;
        } else if (*p == '.' && digits > 0 && (group < 0 || group == 3)) {
            group = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || (group >= 0 && group != 3))
        return false;
    *out = value;
    return true;
}

/* A figure: digits with at most one decimal separator ("12", "12,5", "12.5"). */
static bool parse_figure(const char *text, double *out)
{
    size_t n = strlen(text);
    if (n == 0 || n > 30)
        return false;
    int separators = 0, digits = 0;
    char clean[32];
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (g_ascii_isdigit(c)) {
            digits++;
            clean[i] = c;
        } else if ((c == ',' || c == '.') && i > 0 && i + 1 < n && separators++ == 0) {
            clean[i] = '.';
        } else {
            return false;
        }
    }
    clean[n] = '\0';
    if (digits == 0)
        return false;
    *out = g_ascii_strtod(clean, NULL); /* only digits and one '.' reach it */
    return true;
}

/* ------------------------------------------------------------------------- */
/* Record handlers                                                            */
/* ------------------------------------------------------------------------- */

/* Reports a second row with the same key in one file. */
static bool report_duplicate(loader *l, const record *r, int column, const char *what,
                             const src_loc *first)
{
    cell_diag(l, r, column, DIAG_ERROR,
              tr("%s '%s' komt al voor in regel %ld; geef elke rij een eigen code",
                 "%s '%s' already appears on line %ld; give every row its own code"),
              what, cell(r, column), first->line);
    return false;
}

static void on_theme(loader *l, const record *r)
{
    const char *code = required_id(l, r, THEME_CODE);
    const char *label = required_text(l, r, THEME_LABEL_NL);
    if (!code || !label)
        return;
    rr_theme *existing = g_hash_table_lookup(l->model->theme_by_code, code);
    if (existing) {
        report_duplicate(l, r, THEME_CODE, tr("thema", "theme"), &existing->loc);
        return;
    }
    rr_theme *t = model_add(l->model, l->model->themes, sizeof *t);
    t->code = code;
    t->label_nl = label;
    t->label_en = *cell(r, THEME_LABEL_EN) ? cell_text(l, r, THEME_LABEL_EN) : label;
    t->description = cell_text(l, r, THEME_DESCRIPTION);
    t->loc = row_loc(l, r);
    g_hash_table_insert(l->model->theme_by_code, (gpointer)code, t);
}

static void on_indicator(loader *l, const record *r)
{
    const char *code = required_id(l, r, IND_CODE);
    const char *label = required_text(l, r, IND_LABEL_NL);
    if (!code || !label)
        return;
    rr_indicator *existing = g_hash_table_lookup(l->model->indicator_by_code, code);
    if (existing) {
        report_duplicate(l, r, IND_CODE, tr("indicator", "indicator"), &existing->loc);
        return;
    }
    rr_indicator *ind = model_add(l->model, l->model->indicators, sizeof *ind);
    ind->code = code;
    ind->label_nl = label;
    ind->label_en = *cell(r, IND_LABEL_EN) ? cell_text(l, r, IND_LABEL_EN) : label;
    ind->unit = cell_text(l, r, IND_UNIT);
    ind->loc = row_loc(l, r);
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
    const char *id = cell(r, id_column);
    if (strcmp(id, l->owner->id) != 0) {
        cell_diag(l, r, id_column, DIAG_ERROR,
                  tr("%s '%s' hoort gelijk te zijn aan de mapnaam; schrijf '%s'",
                     "%s '%s' must equal the folder name; write '%s'"),
                  l->spec->columns[id_column].name, id, l->owner->id);
    }
    l->owner->loc = row_loc(l, r);
    l->owner->described = true;
    return true;
}

static void on_region(loader *l, const record *r)
{
    if (!check_description_row(l, r, REG_ID))
        return;
    rr_owner *o = l->owner;
    const char *name = required_text(l, r, REG_NAME);
    if (name)
        o->name = name;
    const char *centre = required_text(l, r, REG_CENTRE);
    o->centre = centre ? centre : "";
    o->veilig_thuis = cell_text(l, r, REG_VT);
    o->source = cell_text(l, r, REG_SOURCE);
}

static void on_municipality(loader *l, const record *r)
{
    if (!check_description_row(l, r, MUN_ID))
        return;
    rr_owner *o = l->owner;
    const char *name = required_text(l, r, MUN_NAME);
    if (name)
        o->name = name;
    const char *cbs = cell(r, MUN_CBS);
    if (*cbs && !(strlen(cbs) == 6 && cbs[0] == 'G' && cbs[1] == 'M' && g_ascii_isdigit(cbs[2]) &&
                  g_ascii_isdigit(cbs[3]) && g_ascii_isdigit(cbs[4]) && g_ascii_isdigit(cbs[5])))
        cell_diag(l, r, MUN_CBS, DIAG_ERROR,
                  tr("cbs_code '%s' heeft niet de vorm GM en vier cijfers, bijvoorbeeld GM1960",
                     "cbs_code '%s' is not GM followed by four digits, for example GM1960"),
                  cbs);
    o->cbs_code = model_intern(l->model, cbs);
    const char *population = cell(r, MUN_POPULATION);
    if (*population && (!parse_count(population, &o->population) || o->population <= 0)) {
        cell_diag(l, r, MUN_POPULATION, DIAG_ERROR,
                  tr("inwoners '%s' is geen aantal; schrijf alleen cijfers, bijvoorbeeld 51948",
                     "inwoners '%s' is not a count; write digits only, for example 51948"),
                  population);
        o->population = 0;
    }
    o->population_year = year_from_cell(l, r, MUN_POPULATION_YEAR, false);
    if (o->population > 0 && o->population_year == 0 && !*cell(r, MUN_POPULATION_YEAR))
        cell_diag(l, r, MUN_POPULATION, DIAG_WARNING,
                  tr("inwoners zonder inwoners_peiljaar; vul het jaar van de telling in",
                     "inwoners without inwoners_peiljaar; fill in the year of the count"));
    o->source = cell_text(l, r, MUN_SOURCE);
}

static void on_plan(loader *l, const record *r)
{
    const char *id = required_id(l, r, PLAN_ID);
    const char *title = required_text(l, r, PLAN_TITLE);
    const char *kind_text = required_text(l, r, PLAN_KIND);
    plan_kind kind = PLAN_LOKAAL_PLAN;
    if (kind_text && !plan_kind_parse(kind_text, &kind)) {
        cell_diag(l, r, PLAN_KIND, DIAG_ERROR,
                  tr("soort '%s' is onbekend; kies uit: %s", "soort '%s' is unknown; choose from: %s"),
                  kind_text, plan_kind_code_list());
        kind_text = NULL;
    }
    /* start and eind are required columns, but a plan document may be silent on
     * them: an empty period is "unknown" and shown as such. */
    period_cell start = period_from_cell(l, r, PLAN_START);
    period_cell end = period_from_cell(l, r, PLAN_END);
    rr_date adopted_on = date_from_cell(l, r, PLAN_ADOPTED_ON);
    period_cell evaluation = period_from_cell(l, r, PLAN_EVALUATION);
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
        report_duplicate(l, r, PLAN_ID, "plan_id", &existing->loc);
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
    p->source = cell_text(l, r, PLAN_SOURCE);
    p->loc = row_loc(l, r);
    p->extensions = g_ptr_array_new();
    g_hash_table_insert(l->model->plan_by_key, (gpointer)key, p);
}

static void on_extension(loader *l, const record *r)
{
    const char *plan_id = required_id(l, r, EXT_PLAN);
    const char *decided_text = required_text(l, r, EXT_DECIDED_ON);
    rr_date decided_on = decided_text ? date_from_cell(l, r, EXT_DECIDED_ON) : RR_DATE_NONE;
    period_cell new_end = period_from_cell(l, r, EXT_NEW_END);
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
    e->loc = row_loc(l, r);
    /* The plan is resolved by rules: it may be the owner's or, for a
     * municipality, its region's. The owner travels with the plan_id. */
    e->plan_id = model_intern_key(l->model, l->owner->id, plan_id);
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

static void on_action(loader *l, const record *r)
{
    const char *id = required_id(l, r, ACT_ID);
    const char *plan_id = required_id(l, r, ACT_PLAN);
    const char *title = required_text(l, r, ACT_TITLE);
    period_cell planning = period_from_cell(l, r, ACT_PLANNING);
    if (!id || !plan_id || !title)
        return;
    const char *key = model_intern_key(l->model, l->owner->id, id);
    rr_action *existing = g_hash_table_lookup(l->model->action_by_key, key);
    if (existing) {
        report_duplicate(l, r, ACT_ID, "actie_id", &existing->loc);
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
    a->partners = cell_text(l, r, ACT_PARTNERS);
    a->source = cell_text(l, r, ACT_SOURCE);
    a->loc = row_loc(l, r);
    a->extras = action_extras(l, r);
    a->progress = g_ptr_array_new();
    g_hash_table_insert(l->model->action_by_key, (gpointer)key, a);
}

static void on_progress(loader *l, const record *r)
{
    bool has_date = *cell(r, PROG_DATE) != '\0';
    bool has_status = *cell(r, PROG_STATUS) != '\0';
    if (!has_date && !has_status)
        return; /* an unfilled row of a returned template */
    const char *action_id = required_id(l, r, PROG_ACTION);
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
    period_cell date = period_from_cell(l, r, PROG_DATE);
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
    bool status_valid = status_parse(cell(r, PROG_STATUS), &status);
    if (!status_valid)
        cell_diag(l, r, PROG_STATUS, DIAG_ERROR,
                  tr("status '%s' is onbekend; kies uit: %s",
                     "status '%s' is unknown; choose from: %s"),
                  cell(r, PROG_STATUS), status_code_list());
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
    p->note = cell_text(l, r, PROG_NOTE);
    p->source = cell_text(l, r, PROG_SOURCE);
    p->loc = row_loc(l, r);
    g_hash_table_insert(l->seen_progress, once, &p->loc);
}

static void on_meeting(loader *l, const record *r)
{
    const char *text = required_text(l, r, MEET_DATE);
    rr_date date = text ? date_from_cell(l, r, MEET_DATE) : RR_DATE_NONE;
    if (date == RR_DATE_NONE)
        return;
    rr_meeting *m = model_add(l->model, l->model->meetings, sizeof *m);
    m->owner = l->owner;
    m->date = date;
    m->date_text = text;
    gchar *kind = g_ascii_strdown(cell(r, MEET_KIND), -1);
    m->kind = model_intern(l->model, g_strstrip(kind));
    g_free(kind);
    m->description = cell_text(l, r, MEET_DESCRIPTION);
    m->loc = row_loc(l, r);
}

static void on_figure(loader *l, const record *r)
{
    const char *code = required_id(l, r, FIG_INDICATOR);
    int year = year_from_cell(l, r, FIG_YEAR, true);
    const char *value = required_text(l, r, FIG_VALUE);
    double number = 0;
    bool suppressed = value && strcmp(value, ".") == 0;
    if (value && !suppressed && !parse_figure(value, &number)) {
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
    f->loc = row_loc(l, r);
}

static void on_budget(loader *l, const record *r)
{
    const char *item = required_text(l, r, BUD_ITEM);
    int from = year_from_cell(l, r, BUD_FROM, true);
    int to = year_from_cell(l, r, BUD_TO, true);
    const char *amount_text = required_text(l, r, BUD_AMOUNT);
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
    const char *action_id = cell(r, BUD_ACTION);
    if (*action_id && !is_valid_id(action_id)) {
        required_id(l, r, BUD_ACTION);
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
    b->loc = row_loc(l, r);
}

/* ------------------------------------------------------------------------- */
/* Headers and rows                                                           */
/* ------------------------------------------------------------------------- */

/* "a, b, c" of a spec's column names, for messages. */
static gchar *expected_columns(const file_spec *spec)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < spec_column_count(spec); i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", spec->columns[i].name);
    return g_string_free(s, FALSE);
}

/* Maps header names to the spec's columns; reports missing, duplicate and unknown
 * columns. */
static void read_header(loader *l, const csv_row *row)
{
    int ncolumns = spec_column_count(l->spec);
    for (int i = 0; i < MAX_SPEC_COLUMNS; i++)
        l->map[i] = -1;
    for (size_t f = 0; f < row->count; f++) {
        gchar *name = g_strstrip(g_ascii_strdown(row->fields[f], -1));
        int found = -1;
        for (int i = 0; i < ncolumns && found < 0; i++)
            if (strcmp(name, l->spec->columns[i].name) == 0)
                found = i;
        if (found >= 0 && l->map[found] >= 0) {
            diag_add(l->diags, DIAG_ERROR, l->path, row->lines[f], row->columns[f],
                     tr("kolom '%s' staat twee keer in de kopregel; verwijder er één",
                        "column '%s' appears twice in the header; remove one"),
                     name);
        } else if (found >= 0) {
            l->map[found] = (int)f;
        } else if (*name == '\0') {
            diag_add(l->diags, DIAG_WARNING, l->path, row->lines[f], row->columns[f],
                     tr("kolom %zu heeft geen naam in de kopregel; de kolom wordt genegeerd",
                        "column %zu has no name in the header; the column is ignored"),
                     f + 1);
        } else {
            gchar *expected = expected_columns(l->spec);
            diag_add(l->diags, DIAG_WARNING, l->path, row->lines[f], row->columns[f],
                     tr("onbekende kolom '%s'%s; bekende kolommen: %s",
                        "unknown column '%s'%s; known columns: %s"),
                     row->fields[f],
                     l->spec->keep_unknown ? tr(" (komt als eigen kolom in de werkmap)",
                                                " (carried into the workbook as its own column)")
                                           : tr(" wordt genegeerd", " is ignored"),
                     expected);
            g_free(expected);
            if (l->spec->keep_unknown) {
                int field = (int)f;
                g_array_append_val(l->extra_fields, field);
                g_ptr_array_add(l->extra_names, (gpointer)model_intern(l->model, g_strstrip(
                                                                          (gchar *)row->fields[f])));
            }
        }
        g_free(name);
    }
    for (int i = 0; i < ncolumns; i++) {
        if (l->spec->columns[i].required && l->map[i] < 0) {
            gchar *expected = expected_columns(l->spec);
            diag_add(l->diags, DIAG_ERROR, l->path, row->line, 1,
                     tr("verplichte kolom '%s' ontbreekt in de kopregel; verwachte kolommen: %s",
                        "required column '%s' is missing from the header; expected columns: %s"),
                     l->spec->columns[i].name, expected);
            g_free(expected);
            l->skip_rows = true;
        }
    }
}

/* csvfile callback: the header first, then records. */
static void on_csv_row(const csv_row *row, void *ctx)
{
    loader *l = ctx;
    if (!l->header_seen) {
        l->header_seen = true;
        read_header(l, row);
        return;
    }
    if (l->skip_rows)
        return;
    record r = {row, l->map};
    l->spec->on_record(l, &r);
}

/* Reads one file of an owner (or a vocabulary when owner is NULL). */
static void read_file(loader *l, const char *path, const file_spec *spec, rr_owner *owner)
{
    l->owner = owner;
    l->spec = spec;
    l->path = model_intern(l->model, path);
    l->header_seen = false;
    l->skip_rows = false;
    l->described_rows = 0;
    l->extra_fields = g_array_new(FALSE, FALSE, sizeof(int));
    l->extra_names = g_ptr_array_new();

    csv_file_info info;
    size_t errors_before = l->diags->errors;
    if (csv_file_read(l->path, on_csv_row, l, l->diags, &info) == RR_OK) {
        if (!l->header_seen && l->diags->errors == errors_before) {
            gchar *expected = expected_columns(spec);
            diag_add(l->diags, DIAG_ERROR, l->path, 0, 0,
                     tr("het bestand is leeg; de eerste regel moet de kolomnamen bevatten: %s",
                        "the file is empty; the first line must hold the column names: %s"),
                     expected);
            g_free(expected);
        }
        rr_source_file *src = model_add(l->model, l->model->sources, sizeof *src);
        src->path = l->path;
        src->rows = info.rows;
        src->bytes = info.bytes;
        memcpy(src->sha256, info.sha256, sizeof src->sha256);
        src->was_cp1252 = info.was_cp1252;
    }
    if ((spec == &region_spec || spec == &municipality_spec) && l->header_seen &&
        !owner->described && !l->skip_rows)
        diag_add(l->diags, DIAG_ERROR, l->path, 0, 0,
                 tr("%s heeft geen rij onder de kopregel; vul de gegevens van '%s' in",
                    "%s has no row below the header; fill in the details of '%s'"),
                 spec->file, owner->id);
    g_array_free(l->extra_fields, TRUE);
    g_ptr_array_free(l->extra_names, TRUE);
    l->extra_fields = NULL;
    l->extra_names = NULL;
}

/* ------------------------------------------------------------------------- */
/* Folders                                                                    */
/* ------------------------------------------------------------------------- */

bool load_is_slug(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 64 || name[0] == '-' || name[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(g_ascii_islower(name[i]) || g_ascii_isdigit(name[i]) || name[i] == '-'))
            return false;
    return true;
}

typedef struct {
    GPtrArray *dirs;  /* names of subfolders, sorted */
    GPtrArray *files; /* names of files, sorted */
} folder_listing;

/* g_ptr_array_sort comparator: its arguments point at the array's elements. */
static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Lists a folder, hidden entries left out; false (reported) when it cannot be read. */
static bool list_folder(loader *l, const char *path, folder_listing *out)
{
    out->dirs = g_ptr_array_new_with_free_func(g_free);
    out->files = g_ptr_array_new_with_free_func(g_free);
    DIR *dir = opendir(path);
    if (!dir) {
        diag_add(l->diags, DIAG_ERROR, path, 0, 0,
                 tr("kan de map niet lezen: %s", "cannot read the folder: %s"), g_strerror(errno));
        return false;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        gchar *full = g_build_filename(path, entry->d_name, NULL);
        struct stat st;
        if (stat(full, &st) == 0)
            g_ptr_array_add(S_ISDIR(st.st_mode) ? out->dirs : out->files,
                            g_strdup(entry->d_name));
        g_free(full);
    }
    closedir(dir);
    g_ptr_array_sort(out->dirs, compare_names);
    g_ptr_array_sort(out->files, compare_names);
    return true;
}

static void free_listing(folder_listing *listing)
{
    g_ptr_array_free(listing->dirs, TRUE);
    g_ptr_array_free(listing->files, TRUE);
}

static bool listing_has(const folder_listing *listing, const char *name)
{
    for (guint i = 0; i < listing->files->len; i++)
        if (strcmp(g_ptr_array_index(listing->files, i), name) == 0)
            return true;
    return false;
}

/* Reads a file of an owner's folder when present; reports it when required. */
static void read_owner_file(loader *l, const char *dir, const folder_listing *listing,
                            const file_spec *spec, rr_owner *owner, bool required)
{
    gchar *path = g_build_filename(dir, spec->file, NULL);
    if (listing_has(listing, spec->file)) {
        read_file(l, path, spec, owner);
    } else if (required) {
        gchar *expected = expected_columns(spec);
        diag_add(l->diags, DIAG_ERROR, path, 0, 0,
                 tr("bestand ontbreekt; maak het aan met deze kopregel (ook als er nog geen "
                    "rijen zijn): %s",
                    "file is missing; create it with this header line (even when it has no rows "
                    "yet): %s"),
                 expected);
        g_free(expected);
    }
    g_free(path);
}

/* Whether a file name is one the format knows in an owner's folder. */
static bool is_known_owner_file(const char *name, owner_kind kind)
{
    static const char *const known[] = {"plannen.csv", "verlengingen.csv", "acties.csv",
                                        "voortgang.csv", "cijfers.csv", "begroting.csv"};
    for (size_t i = 0; i < G_N_ELEMENTS(known); i++)
        if (strcmp(name, known[i]) == 0)
            return true;
    if (kind == OWNER_REGION)
        return strcmp(name, "regio.csv") == 0 || strcmp(name, "overleggen.csv") == 0;
    return strcmp(name, "gemeente.csv") == 0;
}

static bool is_progress_update(const char *name)
{
    return g_str_has_prefix(name, "voortgang-") && g_str_has_suffix(name, ".csv");
}

/* Creates the owner of a folder; NULL (reported) when its name is not a slug or
 * already taken. */
static rr_owner *new_owner(loader *l, const char *dir, const char *name, owner_kind kind,
                           rr_owner *region)
{
    if (!load_is_slug(name)) {
        gchar *hint = g_ascii_strdown(name, -1);
        g_strdelimit(hint, " _.", '-');
        diag_add(l->diags, DIAG_ERROR, dir, 0, 0,
                 tr("mapnaam '%s' is ongeldig: gebruik alleen kleine letters, cijfers en '-', "
                    "bijvoorbeeld '%s'; de map wordt overgeslagen",
                    "folder name '%s' is invalid: use only lower-case letters, digits and '-', "
                    "for example '%s'; the folder is skipped"),
                 name, load_is_slug(hint) ? hint : "west-betuwe");
        g_free(hint);
        return NULL;
    }
    rr_owner *existing = model_find_owner(l->model, name);
    if (existing) {
        diag_add(l->diags, DIAG_ERROR, dir, 0, 0,
                 tr("de naam '%s' is al in gebruik door %s; regio's en gemeenten hebben elk een "
                    "eigen naam",
                    "the name '%s' is already used by %s; regions and municipalities each need "
                    "their own name"),
                 name, existing->dir);
        return NULL;
    }
    rr_owner *o = model_add(l->model, l->model->owners, sizeof *o);
    o->kind = kind;
    o->id = model_intern(l->model, name);
    o->name = o->id;
    o->dir = model_intern(l->model, dir);
    o->region = region;
    o->centre = o->veilig_thuis = o->cbs_code = o->source = model_intern(l->model, "");
    g_hash_table_insert(l->model->owner_by_id, (gpointer)o->id, o);
    return o;
}

/* Reads every file of one owner's folder, in an order that lets later files refer
 * to earlier ones. */
static void read_owner(loader *l, rr_owner *owner, const folder_listing *listing)
{
    const char *dir = owner->dir;
    bool region = owner->kind == OWNER_REGION;
    read_owner_file(l, dir, listing, region ? &region_spec : &municipality_spec, owner, true);
    read_owner_file(l, dir, listing, &plans_spec, owner, true);
    read_owner_file(l, dir, listing, &extensions_spec, owner, false);
    read_owner_file(l, dir, listing, &actions_spec, owner, !region);
    read_owner_file(l, dir, listing, &progress_spec, owner, false);
    for (guint i = 0; i < listing->files->len; i++) {
        const char *name = g_ptr_array_index(listing->files, i);
        if (is_progress_update(name)) {
            gchar *path = g_build_filename(dir, name, NULL);
            read_file(l, path, &progress_spec, owner);
            g_free(path);
        }
    }
    if (region)
        read_owner_file(l, dir, listing, &meetings_spec, owner, false);
    read_owner_file(l, dir, listing, &figures_spec, owner, false);
    read_owner_file(l, dir, listing, &budget_spec, owner, false);

    for (guint i = 0; i < listing->files->len; i++) {
        const char *name = g_ptr_array_index(listing->files, i);
        if (g_str_has_suffix(name, ".csv") && !is_known_owner_file(name, owner->kind) &&
            !is_progress_update(name)) {
            gchar *path = g_build_filename(dir, name, NULL);
            diag_add(l->diags, DIAG_WARNING, path, 0, 0,
                     tr("onbekend bestand wordt niet gelezen; bedoelde u voortgang-….csv?",
                        "unknown file is not read; did you mean voortgang-….csv?"));
            g_free(path);
        }
    }
}

/* Reads one region folder and its municipalities. */
static void read_region(loader *l, const char *data_dir, const char *name)
{
    gchar *dir = g_build_filename(data_dir, name, NULL);
    rr_owner *region = new_owner(l, dir, name, OWNER_REGION, NULL);
    folder_listing listing;
    if (region && list_folder(l, dir, &listing)) {
        read_owner(l, region, &listing);
        for (guint i = 0; i < listing.dirs->len; i++) {
            const char *sub = g_ptr_array_index(listing.dirs, i);
            gchar *subdir = g_build_filename(dir, sub, NULL);
            rr_owner *municipality = new_owner(l, subdir, sub, OWNER_MUNICIPALITY, region);
            folder_listing sublisting;
            if (municipality && list_folder(l, subdir, &sublisting)) {
                read_owner(l, municipality, &sublisting);
                if (sublisting.dirs->len > 0)
                    diag_add(l->diags, DIAG_WARNING, subdir, 0, 0,
                             tr("submappen van een gemeente worden niet gelezen",
                                "subfolders of a municipality are not read"));
                free_listing(&sublisting);
            } else if (municipality) {
                free_listing(&sublisting);
            }
            g_free(subdir);
        }
        free_listing(&listing);
    } else if (region) {
        free_listing(&listing);
    }
    g_free(dir);
}

rr_error load_tree(const char *data_dir, rr_model *model, diag_list *diags)
{
    loader l = {.model = model, .diags = diags};
    l.seen_progress = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    folder_listing listing;
    rr_error err = RR_OK;
    if (!list_folder(&l, data_dir, &listing)) {
        free_listing(&listing);
        g_hash_table_destroy(l.seen_progress);
        return RR_ERR_READ;
    }
    gchar *themes = g_build_filename(data_dir, themes_spec.file, NULL);
    gchar *indicators = g_build_filename(data_dir, indicators_spec.file, NULL);
    if (listing_has(&listing, themes_spec.file))
        read_file(&l, themes, &themes_spec, NULL);
    else
        diag_add(diags, DIAG_ERROR, themes, 0, 0,
                 tr("bestand ontbreekt; elke datamap heeft een themas.csv",
                    "file is missing; every data folder has a themas.csv"));
    if (listing_has(&listing, indicators_spec.file))
        read_file(&l, indicators, &indicators_spec, NULL);
    g_free(themes);
    g_free(indicators);

    for (guint i = 0; i < listing.dirs->len; i++)
        read_region(&l, data_dir, g_ptr_array_index(listing.dirs, i));
    if (listing.dirs->len == 0)
        diag_add(diags, DIAG_ERROR, data_dir, 0, 0,
                 tr("geen regiomappen gevonden; maak per regio een map, bijvoorbeeld "
                    "%s/gelderland-zuid",
                    "no region folders found; make a folder per region, for example "
                    "%s/gelderland-zuid"),
                 data_dir);
    free_listing(&listing);
    g_hash_table_destroy(l.seen_progress);
    return err;
}
