/* rules.c - references between files, and timelines that must line up. */
#include "check/rules.h"

#include <string.h>

#include "load/calendar.h"
#include "base/i18n.h"
#include "base/suggest.h"

typedef struct {
    rr_model *model;
    diag_list *diags;
} checker;

/* Adds a diagnostic at a record's place. */
static void at(checker *c, const src_loc *loc, diag_severity severity, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void at(checker *c, const src_loc *loc, diag_severity severity, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gchar *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    diag_add(c->diags, severity, loc->path, loc->line, loc->column, "%s", message);
    g_free(message);
}

/* "a, b, c" of the plan ids of an owner and its region, for messages. */
static gchar *plan_ids_of(const rr_model *m, const rr_owner *owner)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < m->plans->len; i++) {
        const rr_plan *p = g_ptr_array_index(m->plans, i);
        if (p->owner == owner || (owner->region && p->owner == owner->region))
            g_string_append_printf(s, "%s%s", s->len ? ", " : "", p->id);
    }
    if (s->len == 0)
        g_string_append(s, "-");
    return g_string_free(s, FALSE);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "; bedoelt u 'x'?" for `word` among the ", "-separated names in `list` (g_free). */
static char *hint_in_list(const char *word, const char *list)
{
    gchar **names = g_strsplit(list, ", ", -1);
    char *hint = suggest_hint(word, (const char *const *)names, g_strv_length(names));
    g_strfreev(names);
    return hint;
}

/* "; bedoelt u 'x'?" for an action key "<owner>/<actie_id>" written wrong (g_free). */
static char *hint_action_id(const rr_model *m, const char *key)
{
    const char *slash = strchr(key, '/');
    size_t owner_len = slash ? (size_t)(slash - key) : 0;
    GPtrArray *ids = g_ptr_array_new();
    for (guint i = 0; i < m->actions->len && slash; i++) {
        const rr_action *a = g_ptr_array_index(m->actions, i);
        if (strncmp(a->owner->id, key, owner_len) == 0 && a->owner->id[owner_len] == '\0')
            g_ptr_array_add(ids, (gpointer)a->id);
    }
    char *hint = suggest_hint(slash ? slash + 1 : key, (const char *const *)ids->pdata, ids->len);
    g_ptr_array_free(ids, TRUE);
    return hint;
}

/* ---- plans -------------------------------------------------------------- */

static gint compare_extensions(gconstpointer a, gconstpointer b)
{
    const rr_extension *x = *(rr_extension *const *)a, *y = *(rr_extension *const *)b;
    return (x->decided_on > y->decided_on) - (x->decided_on < y->decided_on);
}

/* An extension is decided while its plan runs: one decided before the plan started is
 * most likely a typing error in either date (a warning: both dates may be right). */
static void check_decided_after_start(checker *c, const rr_plan *p, const rr_extension *e)
{
    if (!p->start.valid || p->start.value.kind != PERIOD_SPAN ||
        e->decided_on >= p->start.value.first)
        return;
    at(c, &e->decided_loc, DIAG_WARNING,
       tr("besloten_op %s ligt voor het begin %s van plan '%s'; een verlenging wordt besloten "
          "terwijl het plan loopt: schrijf de datum van het besluit, of verbeter het begin in "
          "plannen.csv",
          "besloten_op %s is before the start %s of plan '%s'; an extension is decided while "
          "the plan runs: write the date of the decision, or correct the start in plannen.csv"),
       date_text_nl(e->decided_on).text, date_text_nl(p->start.value.first).text, p->id);
}

/* Attaches every extension to its plan, in decision order, and checks that each
 * new end lies after the end it replaces and was decided after the plan started. */
static void resolve_extensions(checker *c)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->extensions->len; i++) {
        rr_extension *e = g_ptr_array_index(m->extensions, i);
        e->plan = g_hash_table_lookup(m->plan_by_key, e->plan_id);
        if (!e->plan) {
            const char *slash = strchr(e->plan_id, '/');
            at(c, &e->loc, DIAG_ERROR,
               tr("plan_id '%s' staat niet in plannen.csv van deze map; verlengingen horen bij "
                  "de eigenaar van het plan",
                  "plan_id '%s' is not in this folder's plannen.csv; extensions belong with "
                  "the plan's owner"),
               slash ? slash + 1 : e->plan_id);
            continue;
        }
        g_ptr_array_add(e->plan->extensions, e);
    }
    for (guint i = 0; i < m->plans->len; i++) {
        rr_plan *p = g_ptr_array_index(m->plans, i);
        g_ptr_array_sort(p->extensions, compare_extensions);
        rr_date end = calendar_plan_original_end(p);
        for (guint k = 0; k < p->extensions->len; k++) {
            rr_extension *e = g_ptr_array_index(p->extensions, k);
            check_decided_after_start(c, p, e);
            if (end != RR_DATE_NONE && e->new_end.value.last <= end)
                at(c, &e->loc, DIAG_ERROR,
                   tr("nieuw_eind %s ligt niet na het huidige eind %s van plan '%s'; een "
                      "verlenging schuift het eind op",
                      "nieuw_eind %s is not after the current end %s of plan '%s'; an extension "
                      "moves the end later"),
                   date_text_nl(e->new_end.value.last).text, date_text_nl(end).text, p->id);
            end = e->new_end.value.last;
        }
    }
}

/* A parent that is the plan itself, or a plan of another region than the plan's own:
 * reported, and then not used. */
static bool parent_is_wrong(checker *c, rr_plan *p)
{
    const rr_owner *region = p->owner->region ? p->owner->region : p->owner;
    if (p->parent == p) {
        at(c, &p->loc, DIAG_ERROR,
           tr("bovenliggend_plan '%s' is het plan zelf; noem het regionale plan dat dit plan "
              "uitvoert, of laat de cel leeg",
              "bovenliggend_plan '%s' is the plan itself; name the regional plan this plan "
              "implements, or leave the cell empty"),
           p->parent_ref);
        return true;
    }
    if (p->parent->owner != region) {
        gchar *known = plan_ids_of(c->model, region);
        at(c, &p->loc, DIAG_ERROR,
           tr("bovenliggend_plan '%s' is een plan van regio '%s', niet van de eigen regio '%s'; "
              "kies een plan van %s (%s)",
              "bovenliggend_plan '%s' is a plan of region '%s', not of its own region '%s'; "
              "choose a plan of %s (%s)"),
           p->parent_ref, p->parent->owner->id, region->id, region->id, known);
        g_free(known);
        return true;
    }
    return false;
}

/* Plans whose bovenliggend_plan leads back to themselves ("a -> b -> a"): an error at
 * each plan of the circle, whose parents are then dropped, so that nothing that follows
 * parents can go round for ever. */
static void break_parent_cycles(checker *c)
{
    rr_model *m = c->model;
    GPtrArray *circle = g_ptr_array_new();
    for (guint i = 0; i < m->plans->len; i++) {
        rr_plan *p = g_ptr_array_index(m->plans, i);
        rr_plan *q = p->parent;
        for (guint steps = 0; q && q != p && steps < m->plans->len; steps++)
            q = q->parent;
        if (q == p)
            g_ptr_array_add(circle, p);
    }
    for (guint i = 0; i < circle->len; i++) {
        rr_plan *p = g_ptr_array_index(circle, i);
        GString *chain = g_string_new(p->id);
        for (rr_plan *q = p->parent; q; q = q == p ? NULL : q->parent)
            g_string_append_printf(chain, " -> %s", q->id);
        at(c, &p->loc, DIAG_ERROR,
           tr("bovenliggend_plan maakt een kring (%s); een plan kan niet boven zichzelf "
              "staan: laat bovenliggend_plan leeg bij het hoogste plan",
              "bovenliggend_plan makes a circle (%s); a plan cannot stand above itself: leave "
              "bovenliggend_plan empty for the topmost plan"),
           chain->str);
        g_string_free(chain, TRUE);
    }
    for (guint i = 0; i < circle->len; i++)
        ((rr_plan *)g_ptr_array_index(circle, i))->parent = NULL;
    g_ptr_array_free(circle, TRUE);
}

/* Resolves bovenliggend_plan ("<regio>/<plan_id>") to a plan of the plan's own region,
 * not itself and not in a circle. */
static void resolve_parent_plans(checker *c)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->plans->len; i++) {
        rr_plan *p = g_ptr_array_index(m->plans, i);
        if (p->parent_ref[0] == '\0')
            continue;
        p->parent = g_hash_table_lookup(m->plan_by_key, p->parent_ref);
        if (p->parent && p->parent->owner->kind == OWNER_REGION && parent_is_wrong(c, p)) {
            p->parent = NULL;
        } else if (!p->parent || p->parent->owner->kind != OWNER_REGION) {
            const char *region = p->owner->region ? p->owner->region->id : p->owner->id;
            gchar *known = plan_ids_of(m, p->owner->region ? p->owner->region : p->owner);
            at(c, &p->loc, DIAG_ERROR,
               tr("bovenliggend_plan '%s' bestaat niet; schrijf <regio>/<plan_id>, bijvoorbeeld "
                  "%s/<plan_id> (plannen van %s: %s)",
                  "bovenliggend_plan '%s' does not exist; write <region>/<plan_id>, for example "
                  "%s/<plan_id> (plans of %s: %s)"),
               p->parent_ref, region, region, known);
            g_free(known);
            p->parent = NULL;
        }
    }
    break_parent_cycles(c);
}

/* A local plan that outlives the regional plan it implements: a warning. */
static void check_plan_alignment(checker *c)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->plans->len; i++) {
        rr_plan *p = g_ptr_array_index(m->plans, i);
        if (!p->parent)
            continue;
        rr_date end = calendar_plan_effective_end(p), parent_end = calendar_plan_effective_end(p->parent);
        if (end != RR_DATE_NONE && parent_end != RR_DATE_NONE && end > parent_end) {
            bool extended = p->parent->extensions->len > 0;
            at(c, &p->loc, DIAG_WARNING,
               tr("plan '%s' loopt tot %s, na het eind van het regionale plan '%s' (%s%s); "
                  "bespreek hoe de jaren daarna aansluiten",
                  "plan '%s' runs until %s, past the end of the regional plan '%s' (%s%s); "
                  "discuss how the years after it connect"),
               p->id, date_text_nl(end).text, p->parent->id, date_text_nl(parent_end).text,
               extended ? tr(", na verlenging", ", after extension") : "");
        }
    }
}

/* Attaches every action line to its plan (same folder); one name once per plan. */
static void resolve_action_lines(checker *c)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->action_lines->len; i++) {
        rr_action_line *line = g_ptr_array_index(m->action_lines, i);
        line->plan = g_hash_table_lookup(m->plan_by_key, line->plan_key);
        if (!line->plan) {
            gchar *known = plan_ids_of(m, line->owner);
            at(c, &line->loc, DIAG_ERROR,
               tr("plan_id '%s' staat niet in plannen.csv van deze map; actielijnen horen bij de "
                  "eigenaar van het plan; plannen hier: %s",
                  "plan_id '%s' is not in this folder's plannen.csv; action lines belong with "
                  "the plan's owner; plans here: %s"),
               strchr(line->plan_key, '/') + 1, known);
            g_free(known);
            continue;
        }
        const rr_action_line *first = NULL;
        for (guint k = 0; k < line->plan->action_lines->len && !first; k++) {
            const rr_action_line *other = g_ptr_array_index(line->plan->action_lines, k);
            if (strcmp(other->name, line->name) == 0)
                first = other;
        }
        if (first) {
            at(c, &line->loc, DIAG_ERROR,
               tr("actielijn '%s' van plan '%s' staat al in regel %ld; houd er één",
                  "action line '%s' of plan '%s' is already on line %ld; keep one"),
               line->name, line->plan->id, first->loc.line);
            continue;
        }
        g_ptr_array_add(line->plan->action_lines, line);
    }
}

/* ---- actions ------------------------------------------------------------ */

/* Finds an action's plan: the owner's own, else its region's. */
static void resolve_action_plan(checker *c, rr_action *a)
{
    rr_model *m = c->model;
    a->plan = model_find_plan(m, a->owner->id, a->plan_id);
    if (!a->plan && a->owner->region)
        a->plan = model_find_plan(m, a->owner->region->id, a->plan_id);
    if (a->plan)
        return;
    gchar *known = plan_ids_of(m, a->owner);
    char *hint = hint_in_list(a->plan_id, known);
    at(c, &a->loc, DIAG_ERROR,
       tr("actie '%s': plan_id '%s' bestaat niet bij %s%s%s; bekende plannen: %s%s",
          "action '%s': plan_id '%s' does not exist in %s%s%s; known plans: %s%s"),
       a->id, a->plan_id, a->owner->id, a->owner->region ? tr(" of regio ", " or region ") : "",
       a->owner->region ? a->owner->region->id : "", known, hint);
    g_free(hint);
    g_free(known);
}

/* An action's theme code that themas.csv lacks: an error with the nearest codes. */
static void theme_unknown(checker *c, const rr_action *a, const char *code)
{
    guint n = 0;
    gpointer *codes = g_hash_table_get_keys_as_array(c->model->theme_by_code, &n);
    qsort(codes, n, sizeof *codes, compare_strings); /* ties named in a stable order */
    char *hint = suggest_hint(code, (const char *const *)codes, n);
    at(c, &a->loc, DIAG_ERROR,
       tr("actie '%s': thema '%s' staat niet in themas.csv%s; gebruik een bestaande code of "
          "voeg het thema daar toe",
          "action '%s': theme '%s' is not in themas.csv%s; use an existing code or add the "
          "theme there"),
       a->id, code, hint);
    g_free(hint);
    g_free(codes);
}

/* Splits the `|`-separated theme codes and looks each up. */
static void resolve_action_themes(checker *c, rr_action *a)
{
    gchar **codes = g_strsplit(a->themes_text, "|", -1);
    for (gchar **code = codes; *code; code++) {
        g_strstrip(*code);
        if (**code == '\0')
            continue;
        rr_theme *t = g_hash_table_lookup(c->model->theme_by_code, *code);
        if (t)
            g_ptr_array_add(a->themes, t);
        else
            theme_unknown(c, a, *code);
    }
    g_strfreev(codes);
}

/* An action on a line its plan does not list (when the plan lists its lines in
 * actielijnen.csv): a warning, most likely a typo that would split the line in two. */
static void check_action_line(checker *c, const rr_action *a)
{
    if (!a->plan || a->action_line[0] == '\0' || a->plan->action_lines->len == 0)
        return;
    GString *known = g_string_new(NULL);
    for (guint i = 0; i < a->plan->action_lines->len; i++) {
        const rr_action_line *line = g_ptr_array_index(a->plan->action_lines, i);
        if (strcmp(line->name, a->action_line) == 0) {
            g_string_free(known, TRUE);
            return;
        }
        g_string_append_printf(known, "%s'%s'", i ? ", " : "", line->name);
    }
    at(c, &a->loc, DIAG_WARNING,
       tr("actie '%s': actielijn '%s' staat niet in actielijnen.csv bij plan '%s'; bekende "
          "actielijnen: %s",
          "action '%s': action line '%s' is not in actielijnen.csv for plan '%s'; known action "
          "lines: %s"),
       a->id, a->action_line, a->plan->id, known->str);
    g_string_free(known, TRUE);
}

/* An action whose deadline lies after its plan's (extended) end: a warning. */
static void check_action_deadline(checker *c, const rr_action *a)
{
    rr_date deadline = calendar_action_deadline(a);
    rr_date end = a->plan ? calendar_plan_effective_end(a->plan) : RR_DATE_NONE;
    if (deadline != RR_DATE_NONE && end != RR_DATE_NONE && deadline > end) {
        at(c, &a->loc, DIAG_WARNING,
           tr("actie '%s' heeft deadline %s ('%s'), na het eind van plan '%s' (%s)",
              "action '%s' has deadline %s ('%s'), after the end of plan '%s' (%s)"),
           a->id, date_text_nl(deadline).text, a->planning.text, a->plan->id, date_text_nl(end).text);
    }
}

static gint compare_progress(gconstpointer a, gconstpointer b)
{
    const rr_progress *x = *(rr_progress *const *)a, *y = *(rr_progress *const *)b;
    return (x->date.value.last > y->date.value.last) - (x->date.value.last < y->date.value.last);
}

/* Reports after --as-of are expected when an earlier meeting's report is reproduced:
 * one line per owner counts them ("814 meldingen na 31-01-2023 tellen niet mee"),
 * instead of one warning per row. A report dated after today is still a warning of
 * its own, at its row: most likely a typo in the year. */
static void warn_after_as_of(checker *c, rr_date as_of, rr_date today)
{
    rr_model *m = c->model;
    GHashTable *later = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < m->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(m->progress, i);
        if (!p->action || p->date.value.last <= as_of)
            continue;
        if (p->date.value.last > today)
            at(c, &p->loc, DIAG_WARNING,
               tr("melding gedateerd %s ligt na vandaag (%s) en telt niet mee; klopt het jaar?",
                  "report dated %s lies after today (%s) and does not count; is the year "
                  "right?"),
               date_text_nl(p->date.value.last).text, date_text_nl(today).text);
        else
            g_hash_table_insert(later, p->action->owner,
                                GSIZE_TO_POINTER(GPOINTER_TO_SIZE(
                                                     g_hash_table_lookup(later, p->action->owner)) +
                                                 1));
    }
    for (guint i = 0; i < m->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(m->owners, i);
        size_t n = GPOINTER_TO_SIZE(g_hash_table_lookup(later, o));
        if (n == 1)
            diag_add(c->diags, DIAG_WARNING, o->dir, 0, 0,
                     tr("1 melding na %s (--as-of) telt niet mee",
                        "1 report after %s (--as-of) does not count"),
                     date_text_nl(as_of).text);
        else if (n > 1)
            diag_add(c->diags, DIAG_WARNING, o->dir, 0, 0,
                     tr("%zu meldingen na %s (--as-of) tellen niet mee",
                        "%zu reports after %s (--as-of) do not count"),
                     n, date_text_nl(as_of).text);
    }
    g_hash_table_destroy(later);
}

/* Attaches each progress report to its action (same owner) and orders them. */
static void resolve_progress(checker *c)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->progress->len; i++) {
        rr_progress *p = g_ptr_array_index(m->progress, i);
        p->action = g_hash_table_lookup(m->action_by_key, p->action_id);
        if (!p->action) {
            const char *slash = strchr(p->action_id, '/');
            char *hint = hint_action_id(m, p->action_id);
            at(c, &p->loc, DIAG_ERROR,
               tr("actie_id '%s' staat niet in acties.csv van deze map%s; controleer de code",
                  "actie_id '%s' is not in this folder's acties.csv%s; check the code"),
               slash ? slash + 1 : p->action_id, hint);
            g_free(hint);
            continue;
        }
        g_ptr_array_add(p->action->progress, p);
    }
    for (guint i = 0; i < m->actions->len; i++) {
        rr_action *a = g_ptr_array_index(m->actions, i);
        g_ptr_array_sort(a->progress, compare_progress); /* stable: file order on ties */
    }
}

/* A municipality that sent no progress since the previous meeting (its region's, or
 * the --since given): a warning. */
static void check_updates_since(checker *c, rr_date as_of, rr_date since)
{
    rr_model *m = c->model;
    GHashTable *updated = g_hash_table_new(g_direct_hash, g_direct_equal);
    /* calendar_owner_since scans every meeting: once per owner, not per progress row. */
    GHashTable *starts = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < m->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(m->progress, i);
        if (!p->action)
            continue;
        gpointer cached;
        rr_date start;
        if (g_hash_table_lookup_extended(starts, p->action->owner, NULL, &cached)) {
            start = (rr_date)GPOINTER_TO_INT(cached);
        } else {
            start = calendar_owner_since(m, p->action->owner, as_of, since);
            g_hash_table_insert(starts, p->action->owner, GINT_TO_POINTER((int)start));
        }
        if (p->date.value.last > start && p->date.value.last <= as_of)
            g_hash_table_add(updated, p->action->owner);
    }
    GHashTable *has_actions = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < m->actions->len; i++)
        g_hash_table_add(has_actions, ((rr_action *)g_ptr_array_index(m->actions, i))->owner);
    for (guint i = 0; i < m->owners->len; i++) {
        rr_owner *o = g_ptr_array_index(m->owners, i);
        if (o->kind != OWNER_MUNICIPALITY || !g_hash_table_contains(has_actions, o) ||
            g_hash_table_contains(updated, o))
            continue;
        diag_add(c->diags, DIAG_WARNING, o->dir, 0, 0,
                 tr("%s heeft geen voortgang gemeld sinds %s; vraag een update op "
                    "(regiorapport template %s)",
                    "%s reported no progress since %s; ask for an update (regiorapport "
                    "template %s)"),
                 o->name, date_text_nl(calendar_owner_since(m, o, as_of, since)).text, o->id);
    }
    g_hash_table_destroy(updated);
    g_hash_table_destroy(starts);
    g_hash_table_destroy(has_actions);
}

/* A region whose last recorded meeting lies more than two periods back: the tool
 * projects the meetings since by the rhythm, but the record should say them. */
static void check_meeting_record(checker *c, rr_date as_of)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->owners->len; i++) {
        const rr_owner *o = g_ptr_array_index(m->owners, i);
        if (o->kind != OWNER_REGION)
            continue;
        meeting_period p = calendar_meeting_period(m, o, as_of);
        if (!p.stale)
            continue;
        const rr_meeting *last = calendar_region_meeting_before(m, o, as_of, true);
        at(c, &last->loc, DIAG_WARNING,
           tr("het laatste overleg van %s is van %s, meer dan twee perioden van %d weken vóór "
              "%s; voeg de overleggen sindsdien toe aan overleggen.csv (tot dan telt het "
              "ritme: vorig overleg %s)",
              "the last meeting of %s is of %s, more than two periods of %d weeks before %s; "
              "add the meetings since to overleggen.csv (until then the rhythm counts: last "
              "meeting %s)"),
           o->name, date_text_nl(p.last_recorded).text, p.interval_days / 7,
           date_text_nl(as_of).text, date_text_nl(p.since).text);
    }
}

/* ---- figures and budget -------------------------------------------------- */

static void resolve_figures(checker *c)
{
    rr_model *m = c->model;
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < m->figures->len; i++) {
        rr_figure *f = g_ptr_array_index(m->figures, i);
        f->indicator = g_hash_table_lookup(m->indicator_by_code, f->indicator_code);
        if (!f->indicator) {
            at(c, &f->loc, DIAG_ERROR,
               tr("indicator '%s' staat niet in indicatoren.csv; gebruik een bestaande code of "
                  "voeg hem daar toe",
                  "indicator '%s' is not in indicatoren.csv; use an existing code or add it "
                  "there"),
               f->indicator_code);
            continue;
        }
        gchar *key = g_strdup_printf("%s/%s/%d", f->owner->id, f->indicator_code, f->year);
        const src_loc *first = g_hash_table_lookup(seen, key);
        if (first) {
            at(c, &f->loc, DIAG_ERROR,
               tr("indicator '%s' heeft voor %d al een waarde in regel %ld; houd er één",
                  "indicator '%s' already has a value for %d on line %ld; keep one"),
               f->indicator_code, f->year, first->line);
            g_free(key);
        } else {
            g_hash_table_insert(seen, key, &f->loc);
        }
    }
    g_hash_table_destroy(seen);
}

static void resolve_budget(checker *c)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->budget_lines->len; i++) {
        rr_budget_line *b = g_ptr_array_index(m->budget_lines, i);
        if (b->action_id[0] == '\0')
            continue;
        b->action = g_hash_table_lookup(m->action_by_key, b->action_id);
        if (!b->action) {
            const char *slash = strchr(b->action_id, '/');
            at(c, &b->loc, DIAG_ERROR,
               tr("actie_id '%s' staat niet in acties.csv van deze map; controleer de code of "
                  "laat de cel leeg",
                  "actie_id '%s' is not in this folder's acties.csv; check the code or leave "
                  "the cell empty"),
               slash ? slash + 1 : b->action_id);
        }
    }
}

/* A count in inwoners.csv for the year gemeente.csv counts too must be the same count:
 * otherwise a figure of that year gets one of two populations by chance of the file. */
static void check_populations(checker *c)
{
    rr_model *m = c->model;
    for (guint i = 0; i < m->populations->len; i++) {
        const rr_population *p = g_ptr_array_index(m->populations, i);
        const rr_owner *o = p->owner;
        if (o->population > 0 && o->population_year == p->year && o->population != p->count)
            at(c, &p->loc, DIAG_WARNING,
               tr("inwoners %" G_GINT64_FORMAT " voor %d verschilt van gemeente.csv (%"
                  G_GINT64_FORMAT "); houd voor een jaar één telling aan",
                  "inwoners %" G_GINT64_FORMAT " for %d differs from gemeente.csv (%"
                  G_GINT64_FORMAT "); keep one count per year"),
               p->count, p->year, o->population);
    }
}

void rules_check(rr_model *model, rr_date as_of, rr_date since, rr_date today,
                 diag_list *diags)
{
    checker c = {model, diags};
    resolve_extensions(&c);
    resolve_parent_plans(&c);
    check_plan_alignment(&c);
    resolve_action_lines(&c);
    for (guint i = 0; i < model->actions->len; i++) {
        rr_action *a = g_ptr_array_index(model->actions, i);
        resolve_action_plan(&c, a);
        resolve_action_themes(&c, a);
        check_action_line(&c, a);
        check_action_deadline(&c, a);
    }
    resolve_progress(&c);
    warn_after_as_of(&c, as_of, today);
    check_updates_since(&c, as_of, since);
    check_meeting_record(&c, as_of);
    resolve_figures(&c);
    resolve_budget(&c);
    check_populations(&c);
}
