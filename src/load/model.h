/*
 * model.h - the loaded plans, actions and progress of every owner.
 *
 * Ownership: an rr_model owns everything reachable from it. Every string is
 * interned in the model's string chunk and every entity is allocated by the model;
 * nothing in it is freed on its own. model_free() releases it all. Pointers between
 * entities (action->plan, progress->action, ...) are filled in by the rules stage
 * (rules.h) and are NULL until then, or when the reference could not be resolved.
 *
 * Text cells are never NULL: an empty cell is "".
 */
#ifndef RR_MODEL_H
#define RR_MODEL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/vocab.h"
#include "load/period.h"

/* Where a record or a cell came from, for messages and for the Controle sheet. */
typedef struct {
    const char *path; /* interned */
    long line;
    long column;
} src_loc;

/* A period as written, and what it resolves to. */
typedef struct {
    const char *text;
    period value;
    bool valid;       /* false when the text did not parse (an error was reported) */
} period_cell;

/* Statuses and plan kinds (rr_status, plan_kind) are in base/vocab.h. */

typedef struct {
    const char *code;
    const char *label_nl;
    const char *label_en;
    const char *description;
    src_loc loc;
} rr_theme;

typedef struct {
    const char *code;
    const char *label_nl;
    const char *label_en;
    const char *unit;
    src_loc loc;
} rr_indicator;

/* ---- owners ------------------------------------------------------------- */

typedef enum { OWNER_REGION, OWNER_MUNICIPALITY } owner_kind;

/* The longest meeting rhythm regio.csv may give: a year. */
#define RR_RHYTHM_MAX_WEEKS 52

typedef struct rr_owner rr_owner;
struct rr_owner {
    owner_kind kind;
    const char *id;        /* the folder name, a slug */
    const char *name;      /* naam, or the id until regio.csv/gemeente.csv is read */
    const char *dir;       /* the folder's path */
    rr_owner *region;      /* the municipality's region; NULL for a region */
    const char *centre;    /* region: centrumgemeente */
    const char *veilig_thuis;
    int rhythm_weeks;      /* region: ritme_weken, weeks between meetings; 0 = default */
    const char *cbs_code;  /* municipality */
    int64_t population;    /* gemeente.csv's inwoners; 0 when unknown */
    int population_year;
    GPtrArray *populations;/* rr_population* from inwoners.csv, one per year, file order */
    const char *source;    /* bron */
    src_loc loc;           /* the row of regio.csv / gemeente.csv */
    bool described;        /* regio.csv / gemeente.csv had its row */
};

/* The population of an owner in one year (inwoners.csv). */
typedef struct {
    rr_owner *owner;
    int year;
    int64_t count;
    const char *source;
    src_loc loc;
} rr_population;

/* ---- plans -------------------------------------------------------------- */

typedef struct rr_plan rr_plan;

typedef struct {
    rr_plan *plan;          /* resolved by rules */
    const char *plan_id;
    rr_date decided_on;
    const char *decided_on_text;
    const char *decided_by;
    period_cell new_end;
    const char *reason;
    const char *source;
    src_loc loc;
    src_loc decided_loc;    /* the besloten_op cell */
} rr_extension;

struct rr_plan {
    rr_owner *owner;
    const char *id;
    const char *title;
    plan_kind kind;
    period_cell start;
    period_cell end;
    rr_date adopted_on;     /* RR_DATE_NONE when not given */
    const char *adopted_on_text;
    const char *adopted_by;
    const char *parent_ref; /* bovenliggend_plan as written: "<regio>/<plan_id>" */
    rr_plan *parent;        /* resolved by rules */
    period_cell evaluation;
    bool draft;             /* concept: the plan is still a draft (being written) */
    const char *funding;    /* dekking: where its money comes from, even without an amount */
    const char *source;
    src_loc loc;
    GPtrArray *extensions;  /* rr_extension*, in besloten_op order (rules sorts) */
    GPtrArray *action_lines;/* rr_action_line*, in file order (rules fills) */
};

/* One action line of a plan (actielijnen.csv), named as acties.actielijn writes it. */
typedef struct {
    rr_owner *owner;
    const char *plan_key;   /* "<owner>/<plan_id>": a plan of the same folder */
    rr_plan *plan;          /* resolved by rules */
    const char *name;
    const char *description;
    const char *source;
    src_loc loc;
} rr_action_line;

/* ---- actions and progress ----------------------------------------------- */

typedef struct rr_action rr_action;

typedef struct {
    rr_action *action;      /* resolved by rules */
    const char *action_id;
    period_cell date;       /* the report date counts from its last day */
    rr_status status;
    bool status_valid;
    period_cell expected;   /* verwacht: a revised or expected date; PERIOD_UNKNOWN if none */
    const char *note;       /* toelichting */
    const char *source;
    src_loc loc;
} rr_progress;

/* A column of acties.csv that the format does not know: carried to the workbook. */
typedef struct {
    const char *name;
    const char *value;
} rr_extra;

struct rr_action {
    rr_owner *owner;
    const char *id;
    const char *plan_id;
    rr_plan *plan;          /* resolved by rules */
    const char *action_line;
    const char *themes_text;
    GPtrArray *themes;      /* rr_theme*, resolved by rules */
    const char *title;
    const char *goal;
    period_cell planning;
    const char *budget_text;
    bool has_budget_amount;
    int64_t budget_cents;
    const char *running_costs; /* lopende_kosten: costs that already run outside the plan's
                                * budget (text as written; never added to any budget) */
    const char *targets;    /* streefcijfer: target figures, '|'-separated, each a number
                             * and what it counts ("20 voorlichtingsbijeenkomsten per jaar") */
    const char *partners;
    const char *source;
    src_loc loc;
    GArray *extras;         /* rr_extra, one per unknown column (may be empty) */
    GPtrArray *progress;    /* rr_progress*, by date (rules sorts) */
};

/* ---- meetings, figures, budget ------------------------------------------ */

typedef struct {
    rr_owner *owner;        /* the region */
    rr_date date;
    const char *date_text;
    const char *kind;       /* soort: rao, evaluatie, ... (lower case) */
    const char *description;
    src_loc loc;
} rr_meeting;

typedef struct {
    rr_owner *owner;
    const char *indicator_code;
    rr_indicator *indicator; /* resolved by rules */
    int year;
    bool suppressed;        /* "." in the data: withheld by the publisher, never 0 */
    double value;
    const char *value_text;
    const char *source;
    rr_date published;      /* gepubliceerd; RR_DATE_NONE: the year's end counts */
    src_loc loc;
} rr_figure;

typedef struct {
    rr_owner *owner;
    const char *item;       /* post */
    const char *action_line;
    const char *action_id;
    rr_action *action;      /* resolved by rules when action_id is given */
    int from_year;
    int to_year;
    int64_t cents_per_year;
    const char *funding;    /* dekking */
    const char *source;
    src_loc loc;
} rr_budget_line;

/* One input file as read, for the Bronnen sheet. */
typedef struct {
    const char *path;
    size_t rows;
    size_t bytes;
    char sha256[65];
    bool was_cp1252;
} rr_source_file;

/* ---- the model ---------------------------------------------------------- */

typedef struct {
    GStringChunk *strings;
    GPtrArray *themes;        /* rr_theme* */
    GPtrArray *indicators;    /* rr_indicator* */
    GPtrArray *owners;        /* rr_owner*: each region followed by its municipalities */
    GPtrArray *plans;         /* rr_plan* */
    GPtrArray *extensions;    /* rr_extension* */
    GPtrArray *action_lines;  /* rr_action_line* */
    GPtrArray *actions;       /* rr_action* */
    GPtrArray *progress;      /* rr_progress* */
    GPtrArray *meetings;      /* rr_meeting* */
    GPtrArray *figures;       /* rr_figure* */
    GPtrArray *budget_lines;  /* rr_budget_line* */
    GPtrArray *populations;   /* rr_population* (also in their owner's list) */
    GPtrArray *sources;       /* rr_source_file* */

    /* Indexes, keys interned in `strings`; filled by the loader as it goes. */
    GHashTable *theme_by_code;
    GHashTable *indicator_by_code;
    GHashTable *owner_by_id;  /* regions and municipalities share one id space */
    GHashTable *plan_by_key;  /* "<owner>/<plan_id>" */
    GHashTable *action_by_key;/* "<owner>/<actie_id>" */
} rr_model;

rr_model *model_new(void);
void model_free(rr_model *model); /* accepts NULL */

/* Interns a string in the model (NULL becomes ""). */
const char *model_intern(rr_model *model, const char *text);
/* Interns "<a>/<b>", the key form of plans and actions. */
const char *model_intern_key(rr_model *model, const char *a, const char *b);

/* Allocates a zeroed entity that the model owns and appends it to `list`. */
void *model_add(rr_model *model, GPtrArray *list, size_t size);

/* Lookups; NULL when absent. */
rr_plan *model_find_plan(const rr_model *model, const char *owner_id, const char *plan_id);
rr_action *model_find_action(const rr_model *model, const char *owner_id, const char *action_id);
rr_owner *model_find_owner(const rr_model *model, const char *id);

#endif
