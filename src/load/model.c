/* model.c - the model's storage, indexes and vocabularies. */
#include "load/model.h"

#include <string.h>

#include "base/i18n.h"

/* ---- vocabularies ------------------------------------------------------- */

typedef struct {
    const char *nl;
    const char *en;
    const char *label_nl;
    const char *label_en;
} vocabulary_entry;

/* Indexed by rr_status. */
static const vocabulary_entry statuses[STATUS_COUNT] = {
    [STATUS_UNKNOWN] = {"onbekend", "unknown", "onbekend", "unknown"},
    [STATUS_PLANNED] = {"gepland", "planned", "gepland", "planned"},
    [STATUS_IN_PROGRESS] = {"lopend", "in progress", "lopend", "in progress"},
    [STATUS_ONGOING] = {"doorlopend", "ongoing", "doorlopend", "ongoing"},
    [STATUS_DONE] = {"afgerond", "done", "afgerond", "done"},
    [STATUS_DELAYED] = {"vertraagd", "delayed", "vertraagd", "delayed"},
    [STATUS_ON_HOLD] = {"aangehouden", "on hold", "aangehouden", "on hold"},
    [STATUS_CANCELLED] = {"vervallen", "cancelled", "vervallen", "cancelled"},
};

/* Indexed by plan_kind. */
static const vocabulary_entry plan_kinds[PLAN_KIND_COUNT] = {
    [PLAN_REGIOVISIE] = {"regiovisie", "regional-vision", "regiovisie", "regional vision"},
    [PLAN_REGIO_AANPAK] = {"regio-aanpak", "regional-approach", "regio-aanpak",
                           "regional approach"},
    [PLAN_LOKAAL_PLAN] = {"lokaal-plan", "local-plan", "lokaal plan", "local plan"},
    [PLAN_ACTIEPLAN] = {"actieplan", "action-plan", "actieplan", "action plan"},
    [PLAN_VOORZIENING] = {"voorziening", "provision", "voorziening", "provision"},
    [PLAN_CONVENANT] = {"convenant", "covenant", "convenant", "covenant"},
};

/* Index of text in a vocabulary (Dutch or English code, any case, surrounding
 * spaces ignored), or -1. */
static int vocabulary_find(const vocabulary_entry *entries, int count, const char *text)
{
    gchar *clean = g_strstrip(g_ascii_strdown(text, -1));
    int found = -1;
    for (int i = 0; i < count && found < 0; i++)
        if (strcmp(clean, entries[i].nl) == 0 || strcmp(clean, entries[i].en) == 0)
            found = i;
    g_free(clean);
    return found;
}

bool status_parse(const char *text, rr_status *out)
{
    int i = vocabulary_find(statuses, STATUS_COUNT, text);
    /* "onbekend" is what the tool concludes, never something to report. */
    if (i <= STATUS_UNKNOWN)
        return false;
    *out = (rr_status)i;
    return true;
}

const char *status_code(rr_status status)
{
    return (unsigned)status < STATUS_COUNT ? statuses[status].nl : "?";
}

const char *status_label(rr_status status)
{
    if ((unsigned)status >= STATUS_COUNT)
        return "?";
    return tr(statuses[status].label_nl, statuses[status].label_en);
}

const char *status_code_list(void)
{
    return "gepland, lopend, doorlopend, afgerond, vertraagd, aangehouden, vervallen";
}

bool plan_kind_parse(const char *text, plan_kind *out)
{
    int i = vocabulary_find(plan_kinds, PLAN_KIND_COUNT, text);
    if (i < 0)
        return false;
    *out = (plan_kind)i;
    return true;
}

const char *plan_kind_code(plan_kind kind)
{
    return (unsigned)kind < PLAN_KIND_COUNT ? plan_kinds[kind].nl : "?";
}

const char *plan_kind_label(plan_kind kind)
{
    if ((unsigned)kind >= PLAN_KIND_COUNT)
        return "?";
    return tr(plan_kinds[kind].label_nl, plan_kinds[kind].label_en);
}

const char *plan_kind_code_list(void)
{
    return "regiovisie, regio-aanpak, lokaal-plan, actieplan, voorziening, convenant";
}

/* ---- storage ------------------------------------------------------------ */

rr_model *model_new(void)
{
    rr_model *m = g_new0(rr_model, 1);
    m->strings = g_string_chunk_new(64 * 1024);
    GPtrArray **lists[] = {&m->themes,   &m->indicators, &m->owners,       &m->plans,
                           &m->extensions, &m->actions,  &m->progress,     &m->meetings,
                           &m->figures,  &m->budget_lines, &m->sources};
    for (size_t i = 0; i < G_N_ELEMENTS(lists); i++)
        *lists[i] = g_ptr_array_new_with_free_func(g_free);
    m->theme_by_code = g_hash_table_new(g_str_hash, g_str_equal);
    m->indicator_by_code = g_hash_table_new(g_str_hash, g_str_equal);
    m->owner_by_id = g_hash_table_new(g_str_hash, g_str_equal);
    m->plan_by_key = g_hash_table_new(g_str_hash, g_str_equal);
    m->action_by_key = g_hash_table_new(g_str_hash, g_str_equal);
    return m;
}

void model_free(rr_model *m)
{
    if (!m)
        return;
    for (guint i = 0; i < m->plans->len; i++) {
        rr_plan *p = g_ptr_array_index(m->plans, i);
        g_ptr_array_free(p->extensions, TRUE);
    }
    for (guint i = 0; i < m->actions->len; i++) {
        rr_action *a = g_ptr_array_index(m->actions, i);
        g_ptr_array_free(a->themes, TRUE);
        g_array_free(a->extras, TRUE);
        g_ptr_array_free(a->progress, TRUE);
    }
    GPtrArray *lists[] = {m->themes,     m->indicators, m->owners,       m->plans,
                          m->extensions, m->actions,    m->progress,     m->meetings,
                          m->figures,    m->budget_lines, m->sources};
    for (size_t i = 0; i < G_N_ELEMENTS(lists); i++)
        g_ptr_array_free(lists[i], TRUE);
    g_hash_table_destroy(m->theme_by_code);
    g_hash_table_destroy(m->indicator_by_code);
    g_hash_table_destroy(m->owner_by_id);
    g_hash_table_destroy(m->plan_by_key);
    g_hash_table_destroy(m->action_by_key);
    g_string_chunk_free(m->strings);
    g_free(m);
}

const char *model_intern(rr_model *m, const char *text)
{
    return g_string_chunk_insert_const(m->strings, text ? text : "");
}

const char *model_intern_key(rr_model *m, const char *a, const char *b)
{
    gchar *key = g_strconcat(a, "/", b, NULL);
    const char *interned = model_intern(m, key);
    g_free(key);
    return interned;
}

void *model_add(rr_model *m, GPtrArray *list, size_t size)
{
    (void)m;
    void *entity = g_malloc0(size);
    g_ptr_array_add(list, entity);
    return entity;
}

rr_plan *model_find_plan(const rr_model *m, const char *owner_id, const char *plan_id)
{
    gchar *key = g_strconcat(owner_id, "/", plan_id, NULL);
    rr_plan *p = g_hash_table_lookup(m->plan_by_key, key);
    g_free(key);
    return p;
}

rr_action *model_find_action(const rr_model *m, const char *owner_id, const char *action_id)
{
    gchar *key = g_strconcat(owner_id, "/", action_id, NULL);
    rr_action *a = g_hash_table_lookup(m->action_by_key, key);
    g_free(key);
    return a;
}

rr_owner *model_find_owner(const rr_model *m, const char *id)
{
    return g_hash_table_lookup(m->owner_by_id, id);
}
