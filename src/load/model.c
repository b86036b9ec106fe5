/* model.c - the model's storage, indexes and vocabularies. */
#include "load/model.h"

#include <string.h>

#include "base/i18n.h"

/* ---- storage ------------------------------------------------------------ */

rr_model *model_new(void)
{
    rr_model *m = g_new0(rr_model, 1);
    m->strings = g_string_chunk_new(64 * 1024);
    GPtrArray **lists[] = {&m->themes,     &m->indicators,   &m->owners,   &m->plans,
                           &m->extensions, &m->action_lines, &m->actions,  &m->progress,
                           &m->meetings,   &m->figures,      &m->budget_lines, &m->populations,
                           &m->sources, &m->forms};
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
    for (guint i = 0; i < m->owners->len; i++) {
        rr_owner *o = g_ptr_array_index(m->owners, i);
        g_ptr_array_free(o->populations, TRUE);
    }
    for (guint i = 0; i < m->plans->len; i++) {
        rr_plan *p = g_ptr_array_index(m->plans, i);
        g_ptr_array_free(p->extensions, TRUE);
        g_ptr_array_free(p->action_lines, TRUE);
    }
    for (guint i = 0; i < m->actions->len; i++) {
        rr_action *a = g_ptr_array_index(m->actions, i);
        g_ptr_array_free(a->themes, TRUE);
        g_array_free(a->extras, TRUE);
        g_ptr_array_free(a->progress, TRUE);
    }
    for (guint i = 0; i < m->forms->len; i++)
        diag_list_release(&((rr_form *)g_ptr_array_index(m->forms, i))->problems);
    GPtrArray *lists[] = {m->themes,     m->indicators,   m->owners,   m->plans,
                          m->extensions, m->action_lines, m->actions,  m->progress,
                          m->meetings,   m->figures,      m->budget_lines, m->populations,
                          m->sources, m->forms};
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

size_t model_forms_not_used(const rr_model *model)
{
    size_t n = 0;
    for (guint i = 0; model && i < model->forms->len; i++)
        n += ((const rr_form *)g_ptr_array_index(model->forms, i))->outcome != FORM_READ;
    return n;
}
