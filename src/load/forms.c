/* forms.c - returned forms: each read on its own, with a receipt of what came of it.
 * A form with an error is left out whole (its reports taken out of the model again),
 * so one municipality's mistake never stops the report for everyone else, and never
 * lets half of a form count. */
#include <string.h>

#include "base/i18n.h"
#include "load/load_int.h"
#include "load/sheetread.h"

/* What one row held in the form's copied columns. */
typedef struct {
    const char *text[FORM_COL_COUNT]; /* interned; NULL when the column is absent */
    long line[FORM_COL_COUNT];
    long column[FORM_COL_COUNT];
    int field[FORM_COL_COUNT];        /* 0-based field of the row */
    bool filled;                      /* datum or status filled in: read as a report */
} kept_row;

/* A form read without error, to be checked once the whole tree is known. */
typedef struct {
    rr_form *form;
    GArray *rows; /* kept_row */
} forms_check;

/* Takes every report of `form` out of the model (and out of the one-report-a-day
 * index, so another file's report of that day is not called a duplicate of it). */
static void drop_reports(loader *l, const rr_form *form)
{
    GPtrArray *all = l->model->progress;
    GPtrArray *dropped = g_ptr_array_new();
    guint kept = 0;
    for (guint i = 0; i < all->len; i++) {
        rr_progress *p = g_ptr_array_index(all, i);
        if (p->loc.path != form->path) {
            all->pdata[kept++] = p;
            continue;
        }
        char day[16];
        date_format_iso(p->date.value.last, day, sizeof day);
        gchar *once = g_strconcat(p->action_id, "/", day, NULL);
        g_hash_table_remove(l->seen_progress, once);
        g_free(once);
        g_ptr_array_add(dropped, p);
    }
    for (guint i = 0; i < dropped->len; i++)
        all->pdata[kept + i] = g_ptr_array_index(dropped, i);
    g_ptr_array_set_size(all, kept); /* frees the dropped reports */
    g_ptr_array_free(dropped, TRUE);
}

static rr_form *new_form(loader *l, const char *path, const char *name, rr_owner *owner)
{
    rr_form *f = model_add(l->model, l->model->forms, sizeof *f);
    f->owner = owner;
    f->path = model_intern(l->model, path);
    f->name = model_intern(l->model, name);
    f->reason = model_intern(l->model, "");
    diag_list_init(&f->problems);
    return f;
}

void forms_not_read(loader *l, const char *path, const char *name, rr_owner *owner,
                    const char *reason)
{
    rr_form *f = new_form(l, path, name, owner);
    f->outcome = FORM_NOT_READ;
    /* The receipt says "not read" itself: the reason starts after the loader's words. */
    const char *said = tr("bestand wordt niet gelezen", "file is not read");
    const char *why = g_str_has_prefix(reason, said) ? reason + strlen(said) : reason;
    while (*why == ':' || *why == ';' || *why == ' ')
        why++;
    f->reason = model_intern(l->model, why);
    diag_add(&f->problems, DIAG_WARNING, path, 0, 0, "%s", reason);
}

/* The first error of a form, as the reason it could not be read. */
static const char *first_error(const rr_form *f)
{
    for (size_t i = 0; i < f->problems.count; i++)
        if (f->problems.items[i].severity == DIAG_ERROR)
            return f->problems.items[i].message;
    return tr("het bestand is geen voortgangsformulier", "the file is not a progress form");
}

void forms_read(loader *l, const char *path, const char *name, rr_owner *owner)
{
    rr_form *f = new_form(l, path, name, owner);
    forms_check *check = g_new0(forms_check, 1);
    check->form = f;
    check->rows = g_array_new(FALSE, TRUE, sizeof(kept_row));
    g_ptr_array_add(l->form_checks, check);
    diag_list *data = l->diags;
    l->diags = &f->problems;
    l->form = f;
    l->form_is_help = false;
    for (int i = 0; i < FORM_COL_COUNT; i++)
        l->form_map[i] = -1;
    load_read_file(l, path, &schema_progress, owner);
    l->diags = data;
    l->form = NULL;
    f->cells_in_error = f->problems.errors;
    if (l->form_is_help) {
        f->outcome = FORM_NOT_READ;
        f->reason = model_intern(
            l->model, tr("dit is het blad Instructie, als CSV opgeslagen; stuur de werkmap "
                         "(.xlsx) zelf, of sla het blad Voortgang op als CSV",
                         "this is the Instructions sheet saved as CSV; send the workbook "
                         "(.xlsx) itself, or save the Progress sheet as CSV"));
    } else if (!l->header_seen || l->skip_rows) {
        f->outcome = FORM_NOT_READ;
        f->reason = model_intern(l->model, first_error(f));
    } else if (f->problems.errors > 0) {
        f->outcome = FORM_LEFT_OUT;
    }
    if (f->outcome != FORM_READ)
        drop_reports(l, f);
}

/* Whether a header cell names form column `c` in either language. */
static bool names_column(const char *name, form_column c)
{
    return strcmp(name, vocab_form_column_name_in(c, false)) == 0 ||
           strcmp(name, vocab_form_column_name_in(c, true)) == 0;
}

bool forms_is_context_column(const char *name)
{
    for (int c = 0; c < FORM_COL_COUNT; c++)
        if (vocab_form_column_kind((form_column)c) != FORM_INPUT &&
            names_column(name, (form_column)c))
            return true;
    return false;
}

void forms_map_header(loader *l, const csvread_row *row)
{
    if (row->count > 0 && (g_str_has_prefix(row->fields[0], "Voortgangsformulier ") ||
                           g_str_has_prefix(row->fields[0], "Progress form ")))
        l->form_is_help = true;
    for (size_t f = 0; f < row->count; f++) {
        gchar *name = g_strstrip(g_ascii_strdown(row->fields[f], -1));
        for (int c = 0; c < FORM_COL_COUNT; c++)
            if (l->form_map[c] < 0 && names_column(name, (form_column)c))
                l->form_map[c] = (int)f;
        g_free(name);
    }
}

void forms_keep_row(loader *l, const record *r, bool filled)
{
    forms_check *check = g_ptr_array_index(l->form_checks, l->form_checks->len - 1);
    kept_row k = {.filled = filled};
    for (int c = 0; c < FORM_COL_COUNT; c++) {
        int field = l->form_map[c];
        if (field < 0 || (size_t)field >= r->row->count)
            continue;
        k.text[c] = model_intern(l->model, r->row->fields[field]);
        k.line[c] = r->row->lines[field];
        k.column[c] = r->row->columns[field];
        k.field[c] = field;
    }
    g_array_append_val(check->rows, k);
}

/* ---- the copied columns ------------------------------------------------------- */

/* The day the form was made: the template names it voortgang-<owner>-<YYYY-MM-DD> and
 * writes it at the end of every bron; RR_DATE_NONE when neither says. */
static rr_date form_made_on(const rr_form *f, const GArray *rows)
{
    const char *dot = strrchr(f->name, '.');
    size_t end = dot ? (size_t)(dot - f->name) : strlen(f->name);
    rr_date day = RR_DATE_NONE;
    if (end >= 11 && f->name[end - 11] == '-') {
        gchar *iso = g_strndup(f->name + end - 10, 10);
        if (date_parse(iso, &day) != PARSE_OK)
            day = RR_DATE_NONE;
        g_free(iso);
    }
    for (guint i = 0; day == RR_DATE_NONE && i < rows->len; i++) {
        const char *bron = g_array_index(rows, kept_row, i).text[FORM_COL_SOURCE];
        const char *space = bron ? strrchr(bron, ' ') : NULL;
        if (space && (g_str_has_prefix(bron, "voortgangsformulier ") ||
                      g_str_has_prefix(bron, "progress form ")) &&
            date_parse(space + 1, &day) != PARSE_OK)
            day = RR_DATE_NONE;
    }
    return day;
}

/* A text as written, without the apostrophe the form's CSV puts before a text a
 * spreadsheet would run as a formula (template.h). */
static const char *unprotected(const char *text)
{
    return text[0] == '\'' && text[1] && strchr("=+-@\t\r\n", text[1]) ? text + 1 : text;
}

/* Texts equal as a reader sees them: spaces at the ends, CR before LF and the CSV's
 * formula guard do not count. */
static bool same_text(const char *a, const char *b)
{
    gchar *x = g_strstrip(g_strdup(unprotected(a))), *y = g_strstrip(g_strdup(b));
    gchar **xs = g_strsplit(x, "\r", -1), **ys = g_strsplit(y, "\r", -1);
    gchar *xj = g_strjoinv("", xs), *yj = g_strjoinv("", ys);
    bool same = strcmp(xj, yj) == 0;
    g_strfreev(xs);
    g_strfreev(ys);
    g_free(xj);
    g_free(yj);
    g_free(x);
    g_free(y);
    return same;
}

/* The latest report of an action on or before `day` that is not from the form itself:
 * what the form showed when it was made. */
static const rr_progress *latest_before(const GPtrArray *reports, rr_date day, const char *form)
{
    const rr_progress *latest = NULL;
    for (guint i = 0; reports && i < reports->len; i++) {
        const rr_progress *p = g_ptr_array_index(reports, i);
        if (p->loc.path == form || p->date.value.last > day)
            continue;
        if (!latest || p->date.value.last >= latest->date.value.last)
            latest = p;
    }
    return latest;
}

/* A text cut for a message, at most 60 characters (g_free). */
static gchar *quoted(const char *text)
{
    if (g_utf8_strlen(text, -1) <= 60)
        return g_strdup(text);
    gchar *cut = g_utf8_substring(text, 0, 57);
    gchar *s = g_strconcat(cut, "…", NULL);
    g_free(cut);
    return s;
}

/* A copied cell that differs from what the form was made with: addressed to whoever
 * filled it in, with the input column to use instead. */
static void copied_changed(rr_form *f, const kept_row *k, form_column c, const char *was)
{
    gchar *now = quoted(k->text[c]), *before = quoted(was);
    bool status = vocab_form_column_instead(c) == FORM_COL_STATUS;
    /* A CSV's place is line:column; a spreadsheet user looks for the letter. */
    char letters[8], where[32] = "";
    if (!sheetread_is_sheet_file(f->path) && cell_column_letters(k->field[c], letters, sizeof letters))
        g_snprintf(where, sizeof where, tr(" (kolom %s)", " (column %s)"), letters);
    diag_add(&f->problems, DIAG_ERROR, f->path, k->line[c], k->column[c],
             tr("'%s'%s is veranderd: er staat '%s', het formulier gaf '%s'; deze kolom wordt "
                "niet gelezen, dus wat hier staat gaat verloren. Zet de oude tekst terug en "
                "schrijf %s",
                "'%s'%s was changed: it holds '%s', the form gave '%s'; this column is not "
                "read, so what is written here is lost. Put the old text back and write %s"),
             vocab_form_column_name(c), where, now, before,
             status ? tr("de nieuwe status in de gele kolom 'status', met de datum in 'datum'",
                         "the new status in the yellow column 'status', with the date in "
                         "'datum'")
                    : tr("wat u wilt melden in de gele kolom 'toelichting', met datum en status",
                         "what you want to report in the yellow column 'toelichting', with "
                         "datum and status"));
    g_free(now);
    g_free(before);
}

/* Whether a status cell shows `status` (a code or name in either language). */
static bool shows_status(const char *text, rr_status status)
{
    rr_status read;
    if (status == STATUS_UNKNOWN) {
        gchar *t = g_strstrip(g_ascii_strdown(text, -1));
        bool unknown = strcmp(t, "onbekend") == 0 || strcmp(t, "unknown") == 0;
        g_free(t);
        return unknown;
    }
    return vocab_status_parse(text, &read) && read == status;
}

/* Checks one row's copied cells against the action and its reports. */
static void check_row(loader *l, rr_form *f, const kept_row *k, rr_date made, GHashTable *reports)
{
    const char *id = unprotected(k->text[FORM_COL_ID] ? k->text[FORM_COL_ID] : "");
    const rr_action *a = model_find_action(l->model, f->owner->id, id);
    if (!a && k->filled && *id) /* here, not in the rules: it leaves only this form out */
        diag_add(&f->problems, DIAG_ERROR, f->path, k->line[FORM_COL_ID], k->column[FORM_COL_ID],
                 tr("actie_id '%s' staat niet in acties.csv van deze map; verander actie_id "
                    "niet: elke regel van het formulier hoort bij de actie die erin stond",
                    "actie_id '%s' is not in this folder's acties.csv; do not change actie_id: "
                    "each row of the form belongs to the action it held"),
                 id);
    if (!a)
        return; /* an unfilled row's unknown id is reported where the row was read */
    if (k->text[FORM_COL_TITLE] && !same_text(k->text[FORM_COL_TITLE], a->title))
        copied_changed(f, k, FORM_COL_TITLE, a->title);
    if (made == RR_DATE_NONE)
        return;
    const rr_progress *latest =
        latest_before(g_hash_table_lookup(reports, model_intern_key(l->model, f->owner->id, a->id)),
                      made, f->path);
    rr_status was = latest ? latest->status : STATUS_UNKNOWN;
    if (k->text[FORM_COL_STATUS_NOW] && !shows_status(k->text[FORM_COL_STATUS_NOW], was))
        copied_changed(f, k, FORM_COL_STATUS_NOW, vocab_status_label(was));
    if (k->text[FORM_COL_LAST_NOTE] &&
        !same_text(k->text[FORM_COL_LAST_NOTE], latest ? latest->note : ""))
        copied_changed(f, k, FORM_COL_LAST_NOTE, latest ? latest->note : "");
}

/* Every report by its action's key ("<owner>/<actie_id>"). */
static GHashTable *reports_by_action(const rr_model *model)
{
    GHashTable *by = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify)g_ptr_array_unref);
    for (guint i = 0; i < model->progress->len; i++) {
        rr_progress *p = g_ptr_array_index(model->progress, i);
        GPtrArray *list = g_hash_table_lookup(by, p->action_id);
        if (!list) {
            list = g_ptr_array_new();
            g_hash_table_insert(by, (gpointer)p->action_id, list);
        }
        g_ptr_array_add(list, p);
    }
    return by;
}

void forms_check_copied(loader *l)
{
    if (l->form_checks->len == 0)
        return; /* no form read: no index of every report needed */
    GHashTable *reports = reports_by_action(l->model);
    for (guint i = 0; i < l->form_checks->len; i++) {
        forms_check *check = g_ptr_array_index(l->form_checks, i);
        rr_form *f = check->form;
        if (f->outcome != FORM_READ)
            continue;
        rr_date made = form_made_on(f, check->rows);
        for (guint r = 0; r < check->rows->len; r++)
            check_row(l, f, &g_array_index(check->rows, kept_row, r), made, reports);
    }
    g_hash_table_destroy(reports); /* before reports are dropped: it points at them */
    for (guint i = 0; i < l->form_checks->len; i++) {
        forms_check *check = g_ptr_array_index(l->form_checks, i);
        rr_form *f = check->form;
        if (f->outcome == FORM_READ && f->problems.errors > 0) {
            f->outcome = FORM_LEFT_OUT;
            f->cells_in_error = f->problems.errors;
            drop_reports(l, f);
        } else if (f->outcome == FORM_READ) {
            diag_list_append(l->diags, &f->problems); /* warnings only: as for any file */
        }
        diag_list_sort(&f->problems);
        g_array_free(check->rows, TRUE);
        g_free(check);
    }
    g_ptr_array_set_size(l->form_checks, 0);
}
