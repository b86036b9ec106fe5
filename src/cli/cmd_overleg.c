/* cmd_overleg.c - `regiorapport overleg REGIO [DATUM] [--soort SOORT]`: records a
 * meeting in the region's overleggen.csv, so the meeting period starts at a meeting
 * that took place instead of one the rhythm estimates. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "analyse/analyse.h"
#include "base/atomic.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/say.h"
#include "load/load.h"

#define MEETINGS_FILE "overleggen.csv"

/* The region named `id` in the data folder `data_dir`, or NULL after saying why not
 * (a municipality: its region; else the regions there, and a near name). */
static const rr_owner *find_region(const rr_model *model, const char *id, const char *data_dir)
{
    const rr_owner *o = g_hash_table_lookup(model->owner_by_id, id);
    if (o && o->kind == OWNER_REGION)
        return o;
    if (o)
        say_error(tr("'%s' is een gemeente in regio '%s'; overleggen "
                   "worden per regio vastgelegd: regiorapport overleg %s",
                   "'%s' is a municipality of region '%s'; meetings are "
                   "recorded per region: regiorapport overleg %s"),
                id, o->region->id, o->region->id);
    if (o)
        return NULL;
    GString *known = g_string_new(NULL);
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < model->owners->len; i++) {
        const rr_owner *r = g_ptr_array_index(model->owners, i);
        if (r->kind != OWNER_REGION)
            continue;
        g_string_append_printf(known, "%s%s", known->len ? ", " : "", r->id);
        g_ptr_array_add(names, (gpointer)r->id);
    }
    char *hint = suggest_hint(id, (const char *const *)names->pdata, names->len);
    say_error(tr("regio '%s' staat niet in de gegevens (%s); geef de mapnaam van een regio "
                 "(bekend zijn: %s)%s",
                 "region '%s' is not in the data (%s); give a region's folder name (known "
                 "are: %s)%s"),
              id, data_dir, known->len ? known->str : "-", hint);
    g_free(hint);
    g_ptr_array_free(names, TRUE);
    g_string_free(known, TRUE);
    return NULL;
}

/* Whether the date may be recorded: not already there for this kind, not after the next
 * meeting as of today. Says why not. */
static bool date_allowed(const rr_model *model, const rr_owner *region, rr_date date,
                         const char *kind, rr_date today)
{
    for (guint i = 0; i < model->meetings->len; i++) {
        const rr_meeting *m = g_ptr_array_index(model->meetings, i);
        const char *its_kind = m->kind[0] ? m->kind : "rao";
        if (m->owner == region && m->date == date && strcmp(its_kind, kind) == 0) {
            say_error(tr("%s:%ld:1: het overleg (%s) van %s staat er al; er "
                       "is niets veranderd",
                       "%s:%ld:1: the meeting (%s) of %s is there "
                       "already; nothing was changed"),
                    m->loc.path, m->loc.line, kind, date_text_nl(date).text);
            return false;
        }
    }
    rr_date next = calendar_meeting_period(model, region, today).next;
    if (date > today && date > next) {
        say_error(tr("%s ligt na het volgende overleg (%s); leg een "
                   "overleg vast als het is gehouden, of geef de juiste datum",
                   "%s lies after the next meeting (%s); record a "
                   "meeting once it is held, or give the right date"),
                date_text_nl(date).text, date_text_nl(next).text);
        return false;
    }
    return true;
}

/* The header line of an existing file (its BOM and line ending removed), g_free. */
static char *first_line(const char *text)
{
    if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    size_t n = strcspn(text, "\r\n");
    return g_strndup(text, n);
}

/* The new row for the file's own columns and separator: datum and soort filled in,
 * every other column empty. */
static char *new_row(const char *header, char sep, rr_date date, const char *kind)
{
    char seps[2] = {sep, 0};
    char **names = g_strsplit(header, seps, -1);
    GString *row = g_string_new(NULL);
    for (size_t i = 0; names[i]; i++) {
        char *name = g_strstrip(g_ascii_strdown(names[i], -1));
        g_strdelimit(name, "\"", ' ');
        g_strstrip(name);
        if (i)
            g_string_append_c(row, sep);
        if (strcmp(name, "datum") == 0)
            g_string_append(row, date_text_nl(date).text);
        else if (strcmp(name, "soort") == 0)
            g_string_append(row, kind);
        g_free(name);
    }
    g_strfreev(names);
    return g_string_free(row, FALSE);
}

/* The file's text with the meeting added: the file as it is, or a new one with its
 * header row. g_free; NULL after saying why it cannot be read. */
static char *text_with_meeting(const char *path, rr_date date, const char *kind)
{
    char *old = NULL;
    gsize len = 0;
    GError *error = NULL;
    if (g_file_test(path, G_FILE_TEST_EXISTS) && !g_file_get_contents(path, &old, &len, &error)) {
        say_error("%s: %s", path, error->message);
        g_error_free(error);
        return NULL;
    }
    GString *text = g_string_new(NULL);
    if (old && len > 0) {
        g_string_append_len(text, old, (gssize)len);
    } else {
        char *header = load_header_line(MEETINGS_FILE);
        g_string_append_printf(text, "%s\n", header);
        g_free(header);
    }
    /* Keep the file's own separator and line ending. */
    char *header = first_line(text->str);
    char sep = strchr(header, ';') && !strchr(header, ',') ? ';' : ',';
    const char *eol = strstr(text->str, "\r\n") ? "\r\n" : "\n";
    if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append(text, eol);
    char *row = new_row(header, sep, date, kind);
    g_string_append_printf(text, "%s%s", row, eol);
    g_free(row);
    g_free(header);
    g_free(old);
    return g_string_free(text, FALSE);
}

/* Writes the file whole or not at all (atomic.h). */
static int write_atomically(const char *path, const char *text)
{
    diag_list diags;
    diag_list_init(&diags);
    atomic_out out = {0};
    rr_error err = atomic_file_bytes(&out, path, text, strlen(text), &diags);
    if (err == RR_OK) {
        atomic_out *outs[] = {&out};
        err = atomic_commit(outs, 1, &diags);
    }
    atomic_discard(&out);
    if (err != RR_OK)
        say_diagnostics(&diags);
    diag_list_release(&diags);
    return rr_exit_status(err);
}

/* Refuses to write on errors in the region's own overleggen.csv (rewriting a file it
 * could not read would change what the coordinator wrote). */
static bool meetings_file_readable(const diag_list *diags, const char *path)
{
    for (size_t i = 0; i < diags->count; i++) {
        const diag *d = &diags->items[i];
        if (d->severity == DIAG_ERROR && d->path && strcmp(d->path, path) == 0) {
            say_error(tr("%s heeft fouten; herstel die eerst (regiorapport "
                       "validate)",
                       "%s has errors; fix them first (regiorapport "
                       "validate)"),
                    path);
            return false;
        }
    }
    return true;
}

int cmd_overleg(harness_run *run)
{
    const rr_options *o = &run->opts;
    if (o->target_count < 1 || o->target_count > 2) {
        say_error(tr("geef REGIO en eventueel DATUM, zoals "
                           "'regiorapport overleg gelderland-zuid 30-01-2023'",
                           "give REGION and optionally DATE, such as "
                           "'regiorapport overleg gelderland-zuid 30-01-2023'"));
        return rr_exit_status(RR_ERR_USAGE);
    }
    rr_date date = o->today;
    if (o->target_count == 2 && (date_parse(o->targets[1], &date) != PARSE_OK ||
                                 date < date_from_ymd(1900, 3, 1))) {
        say_error(tr("'%s' is geen datum; schrijf dag-maand-jaar, "
                           "zoals 30-01-2023",
                           "'%s' is no date; write day-month-year, such "
                           "as 30-01-2023"),
                o->targets[1]);
        return rr_exit_status(RR_ERR_USAGE);
    }
    if (run->load_error == RR_ERR_READ) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
        return rr_exit_status(run->load_error);
    }
    const rr_owner *region = find_region(run->model, o->targets[0], o->data_dir);
    if (!region)
        return rr_exit_status(RR_ERR_DATA);
    const char *kind = o->kind ? o->kind : "rao";
    char *path = g_build_filename(region->dir, MEETINGS_FILE, NULL);
    int status = rr_exit_status(RR_ERR_DATA);
    char *text = NULL;
    if (meetings_file_readable(&run->diags, path) &&
        date_allowed(run->model, region, date, kind, o->today) &&
        (text = text_with_meeting(path, date, kind)) != NULL) {
        status = write_atomically(path, text);
        if (status == 0 && !o->quiet)
            printf(tr("%s\n%s: overleg van %s (%s) vastgelegd\n",
                      "%s\n%s: meeting of %s (%s) recorded\n"),
                   path, region->name, date_text_nl(date).text, kind);
    }
    g_free(text);
    g_free(path);
    return status;
}
