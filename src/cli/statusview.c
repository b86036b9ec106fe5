/* statusview.c - the meeting summary as aligned, optionally coloured terminal text. */
#include "cli/statusview.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/vocab.h"

/* SGR parameters; the text is always padded outside the escape sequence so the
 * coloured and the plain output line up the same. */
#define SGR_BOLD "1"
#define SGR_RED "31"
#define SGR_BOLD_RED "1;31"
#define SGR_GREEN "32"
#define SGR_YELLOW "33"

#define COLUMN_GAP 2

enum {
    COL_NAME = 0,
    COL_ACTIONS,
    COL_FIRST_STATUS,
    COL_OVERDUE = COL_FIRST_STATUS + STATUS_COUNT,
    COL_DUE_SOON,
    COL_UPDATED,
    COL_COUNT
};

/* One line of the owners table: its cells (owned) and their colours. */
typedef struct {
    char *cells[COL_COUNT];
    const char *sgr[COL_COUNT];
} table_row;

typedef struct {
    FILE *out;
    bool colour;
} printer;

bool statusview_use_colour(int fd)
{
    const char *term = getenv("TERM");
    return isatty(fd) && getenv("NO_COLOR") == NULL && !(term && strcmp(term, "dumb") == 0);
}

char *statusview_clean(const char *text, size_t max_chars)
{
    gchar *valid = g_utf8_make_valid(text ? text : "", -1);
    GString *out = g_string_sized_new(strlen(valid));
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        GUnicodeType type = g_unichar_type(c);
        if (type == G_UNICODE_FORMAT)
            continue;
        if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR ||
            type == G_UNICODE_PARAGRAPH_SEPARATOR)
            g_string_append_c(out, ' ');
        else
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    g_free(valid);
    if (max_chars > 0 && (size_t)g_utf8_strlen(out->str, -1) > max_chars) {
        /* Keep max_chars - 1 characters and the ellipsis, without a space before it. */
        const char *cut = g_utf8_offset_to_pointer(out->str, (glong)max_chars - 1);
        g_string_truncate(out, (gsize)(cut - out->str));
        while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate(out, out->len - 1);
        g_string_append(out, "…");
    }
    return g_string_free(out, FALSE);
}

/* Width of a text on the terminal, counted in characters. */
static size_t text_width(const char *text)
{
    return (size_t)g_utf8_strlen(text, -1);
}

/* Appends `text` padded to `width` characters (right- or left-aligned), coloured with
 * `sgr` when colour is on and sgr is not NULL. */
static void put_cell(GString *line, const printer *pr, const char *text, size_t width,
                     bool right, const char *sgr)
{
    size_t n = text_width(text);
    size_t pad = width > n ? width - n : 0;
    if (right)
        g_string_append_printf(line, "%*s", (int)pad, "");
    if (pr->colour && sgr && *text)
        g_string_append_printf(line, "\x1b[%sm%s\x1b[0m", sgr, text);
    else
        g_string_append(line, text);
    if (!right)
        g_string_append_printf(line, "%*s", (int)pad, "");
}

/* Writes a finished line, without trailing spaces. */
static void put_line(const printer *pr, GString *line)
{
    while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate(line, line->len - 1);
    fprintf(pr->out, "%s\n", line->str);
    g_string_truncate(line, 0);
}

/* A region's meeting period: regions meet on their own days. */
typedef struct {
    const rr_owner *region;
    rr_date since;
    rr_date next;
    bool since_estimated;
    bool next_estimated;
    bool none_recorded;
} region_period;

/* The periods of the regions whose owners are in the table, in model order. */
static GArray *shown_periods(const rr_analysis *an)
{
    GArray *periods = g_array_new(FALSE, FALSE, sizeof(region_period));
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *s = &an->owners[i];
        const rr_owner *region = s->owner->region ? s->owner->region : s->owner;
        if (s->actions == 0 ||
            (periods->len > 0 &&
             g_array_index(periods, region_period, periods->len - 1).region == region))
            continue; /* model order keeps a region's municipalities together */
        const owner_summary *rs = analysis_owner(an, region);
        if (!rs)
            rs = s;
        region_period p = {region, rs->since, rs->next_meeting, rs->since_estimated,
                           rs->next_estimated, rs->none_recorded};
        g_array_append_val(periods, p);
    }
    return periods;
}

/* Whether every region shown starts its period (since) or meets next (!since) on the
 * same day, so that one date in the header says it for all. */
static bool periods_agree(const GArray *periods, bool since)
{
    for (guint i = 1; i < periods->len; i++) {
        const region_period *a = &g_array_index(periods, region_period, 0);
        const region_period *b = &g_array_index(periods, region_period, i);
        if (since ? a->since != b->since || a->since_estimated != b->since_estimated
                  : a->next != b->next || a->next_estimated != b->next_estimated)
            return false;
    }
    return true;
}

/* The regions without a recorded meeting, on one line: their dates are estimates. */
static void print_unrecorded(const printer *pr, const GArray *periods)
{
    GString *names = g_string_new(NULL);
    for (guint i = 0; i < periods->len; i++) {
        const region_period *p = &g_array_index(periods, region_period, i);
        if (!p->none_recorded)
            continue;
        char *name = statusview_clean(p->region->name, 0);
        g_string_append_printf(names, "%s%s", names->len ? ", " : "", name);
        g_free(name);
    }
    if (names->len > 0) {
        GString *line = g_string_new(NULL);
        g_string_append_printf(line,
                               tr("  %s: geen overleg vastgelegd; de data zijn geschat (leg het "
                                  "vast met 'regiorapport overleg REGIO DATUM')",
                                  "  %s: no meeting recorded; the dates are estimates (record "
                                  "it with 'regiorapport overleg REGION DATE')"),
                               names->str);
        put_line(pr, line);
        g_string_free(line, TRUE);
    }
    g_string_free(names, TRUE);
}

/* The header: the report date, the start of the period and the next meeting; what
 * differs between the regions follows on one line per region. */
static void print_header(const printer *pr, const rr_analysis *an, const GArray *periods)
{
    bool same_since = periods_agree(periods, true), same_next = periods_agree(periods, false);
    const region_period *first = periods->len ? &g_array_index(periods, region_period, 0) : NULL;
    date_text as_of = date_text_nl(an->as_of);
    char *since = calendar_meeting_date_text(first ? first->since : an->since,
                                            first && first->since_estimated);
    char *next = calendar_meeting_date_text(first ? first->next : an->next_meeting,
                                           first && first->next_estimated);
    GString *text = g_string_new(NULL);
    g_string_append_printf(text, tr("Overlegoverzicht per %s", "Meeting summary as of %s"),
                           as_of.text);
    if (same_since)
        g_string_append_printf(text, tr(", wijzigingen sinds %s", ", changes since %s"), since);
    if (same_next)
        g_string_append_printf(text, tr(", volgend overleg %s", ", next meeting %s"), next);
    g_free(since);
    g_free(next);
    GString *line = g_string_new(NULL);
    put_cell(line, pr, text->str, 0, false, SGR_BOLD);
    put_line(pr, line);
    for (guint i = 0; !(same_since && same_next) && i < periods->len; i++) {
        const region_period *p = &g_array_index(periods, region_period, i);
        char *name = statusview_clean(p->region->name, 0);
        g_string_append_printf(line, "  %s:", name);
        char *p_since = calendar_meeting_date_text(p->since, p->since_estimated);
        char *p_next = calendar_meeting_date_text(p->next, p->next_estimated);
        if (!same_since)
            g_string_append_printf(line, tr(" wijzigingen sinds %s", " changes since %s"),
                                   p_since);
        if (!same_next)
            g_string_append_printf(line, tr("%s volgend overleg %s", "%s next meeting %s"),
                                   same_since ? "" : ",", p_next);
        put_line(pr, line);
        g_free(p_since);
        g_free(p_next);
        g_free(name);
    }
    print_unrecorded(pr, periods);
    g_string_free(line, TRUE);
    g_string_free(text, TRUE);
}

/* The heading row of the owners table. */
static table_row heading_row(void)
{
    table_row row = {{NULL}, {NULL}};
    row.cells[COL_NAME] = g_strdup(tr("Regio / gemeente", "Region / municipality"));
    row.cells[COL_ACTIONS] = g_strdup(tr("Acties", "Actions"));
    for (int i = 0; i < STATUS_COUNT; i++)
        row.cells[COL_FIRST_STATUS + i] = g_strdup(vocab_status_short(vocab_status_at(i)));
    row.cells[COL_OVERDUE] = g_strdup(tr("Te laat", "Overdue"));
    row.cells[COL_DUE_SOON] = g_strdup(tr("Vóór overleg", "Due by meeting"));
    row.cells[COL_UPDATED] = g_strdup(tr("Update", "Update"));
    for (int c = 0; c < COL_COUNT; c++)
        row.sgr[c] = SGR_BOLD;
    return row;
}

/* The row of one owner; municipalities are indented under their region. */
static table_row owner_row(const owner_summary *s)
{
    table_row row = {{NULL}, {NULL}};
    char *name = statusview_clean(s->owner->name, 0);
    row.cells[COL_NAME] = g_strconcat(s->owner->kind == OWNER_MUNICIPALITY ? "  " : "", name,
                                      NULL);
    g_free(name);
    row.cells[COL_ACTIONS] = g_strdup_printf("%zu", s->actions);
    for (int i = 0; i < STATUS_COUNT; i++)
        row.cells[COL_FIRST_STATUS + i] =
            g_strdup_printf("%zu", s->by_status[vocab_status_at(i)]);
    row.cells[COL_OVERDUE] = g_strdup_printf("%zu", s->overdue);
    row.sgr[COL_OVERDUE] = s->overdue ? SGR_BOLD_RED : NULL;
    row.cells[COL_DUE_SOON] = g_strdup_printf("%zu", s->due_soon);
    row.sgr[COL_DUE_SOON] = s->due_soon ? SGR_YELLOW : NULL;
    row.cells[COL_UPDATED] = g_strdup(s->updated_in_period ? tr("ja", "yes") : tr("nee", "no"));
    row.sgr[COL_UPDATED] = s->updated_in_period ? SGR_GREEN : SGR_RED;
    return row;
}

/* The total over the owners shown. */
static table_row total_row(const rr_analysis *an)
{
    size_t actions = 0, overdue = 0, due_soon = 0, by_status[STATUS_COUNT] = {0};
    for (size_t i = 0; i < an->owner_count; i++) {
        const owner_summary *s = &an->owners[i];
        actions += s->actions;
        overdue += s->overdue;
        due_soon += s->due_soon;
        for (int k = 0; k < STATUS_COUNT; k++)
            by_status[k] += s->by_status[k];
    }
    table_row row = {{NULL}, {NULL}};
    row.cells[COL_NAME] = g_strdup(tr("Totaal", "Total"));
    row.cells[COL_ACTIONS] = g_strdup_printf("%zu", actions);
    for (int i = 0; i < STATUS_COUNT; i++)
        row.cells[COL_FIRST_STATUS + i] =
            g_strdup_printf("%zu", by_status[vocab_status_at(i)]);
    row.cells[COL_OVERDUE] = g_strdup_printf("%zu", overdue);
    row.cells[COL_DUE_SOON] = g_strdup_printf("%zu", due_soon);
    row.cells[COL_UPDATED] = g_strdup("");
    for (int c = 0; c < COL_COUNT; c++)
        row.sgr[c] = SGR_BOLD;
    return row;
}

/* Prints rows[0] (the heading), a rule, the owner rows, a rule and the total (last);
 * returns the table's width. */
static size_t print_rows(const printer *pr, const table_row *rows, size_t count)
{
    size_t width[COL_COUNT] = {0};
    for (size_t r = 0; r < count; r++)
        for (int c = 0; c < COL_COUNT; c++)
            width[c] = MAX(width[c], text_width(rows[r].cells[c]));
    size_t total = 0;
    for (int c = 0; c < COL_COUNT; c++)
        total += width[c] + (c ? COLUMN_GAP : 0);
    GString *line = g_string_new(NULL);
    for (size_t r = 0; r < count; r++) {
        if (r == 1 || r + 1 == count) {
            for (size_t k = 0; k < total; k++)
                g_string_append_c(line, '-');
            put_line(pr, line);
        }
        for (int c = 0; c < COL_COUNT; c++) {
            if (c)
                g_string_append_printf(line, "%*s", COLUMN_GAP, "");
            /* The last column is not padded: nothing follows it. */
            put_cell(line, pr, rows[r].cells[c], c + 1 < COL_COUNT ? width[c] : 0,
                     c != COL_NAME && c != COL_UPDATED, rows[r].sgr[c]);
        }
        put_line(pr, line);
    }
    g_string_free(line, TRUE);
    return total;
}

/* The legend of the short status headings (those that are abbreviations), wrapped at
 * `width` characters. */
static void print_legend(const printer *pr, size_t width)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i < STATUS_COUNT; i++) {
        const char *abbrev = vocab_status_short(vocab_status_at(i));
        const char *label = vocab_status_label(vocab_status_at(i));
        if (strcmp(abbrev, label) != 0)
            g_ptr_array_add(items, g_strdup_printf("%s = %s", abbrev, label));
    }
    GString *line = g_string_new(NULL);
    for (guint i = 0; i < items->len; i++) {
        char *item = g_strconcat(g_ptr_array_index(items, i), i + 1 < items->len ? "," : "",
                                 NULL);
        if (line->len > 0 && text_width(line->str) + 1 + text_width(item) > width)
            put_line(pr, line);
        g_string_append_printf(line, "%s%s", line->len ? " " : "", item);
        g_free(item);
    }
    put_line(pr, line);
    g_string_free(line, TRUE);
    g_ptr_array_free(items, TRUE);
}

/* The table: one row per owner with actions, in model order, then the total. */
static void print_owner_table(const printer *pr, const rr_analysis *an)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(table_row));
    table_row row = heading_row();
    g_array_append_val(rows, row);
    for (size_t i = 0; i < an->owner_count; i++) {
        if (an->owners[i].actions == 0)
            continue;
        row = owner_row(&an->owners[i]);
        g_array_append_val(rows, row);
    }
    row = total_row(an);
    g_array_append_val(rows, row);
    size_t width = print_rows(pr, (const table_row *)(void *)rows->data, rows->len);
    for (guint r = 0; r < rows->len; r++)
        for (int c = 0; c < COL_COUNT; c++)
            g_free(g_array_index(rows, table_row, r).cells[c]);
    g_array_free(rows, TRUE);
    print_legend(pr, MAX(width, 72));
}

/* The four cells of one red action's line. */
typedef struct {
    char *id;
    char *title;
    char *reason;
    char *deadline;
} red_line;

/* Fills the cells of a red action's line (the caller frees them). */
static red_line make_red_line(const action_view *v)
{
    red_line l;
    char *id = g_strconcat(v->action->owner->id, "/", v->action->id, NULL);
    l.id = statusview_clean(id, 0);
    g_free(id);
    l.title = statusview_clean(v->action->title, STATUSVIEW_TITLE_MAX);
    l.reason = analyse_reason_text(v);
    if (v->deadline != RR_DATE_NONE) {
        date_text day = date_text_nl(v->deadline);
        if (v->expected) /* a date from a progress report, not the planning */
            l.deadline = g_strdup_printf(tr("verwacht %s", "expected %s"), day.text);
        else
            l.deadline = g_strdup_printf(tr("deadline %s", "deadline %s"), day.text);
    } else {
        l.deadline = g_strdup(tr("geen deadline", "no deadline"));
    }
    return l;
}

/* Every red action: id, title, why it is red, its deadline; aligned in columns. */
static void print_red_actions(const printer *pr, const rr_analysis *an)
{
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(red_line));
    size_t w_id = 0, w_title = 0, w_reason = 0;
    for (size_t i = 0; i < an->action_count; i++) {
        if (an->actions[i].signal != SIGNAL_RED)
            continue;
        red_line l = make_red_line(&an->actions[i]);
        w_id = MAX(w_id, text_width(l.id));
        w_title = MAX(w_title, text_width(l.title));
        w_reason = MAX(w_reason, text_width(l.reason));
        g_array_append_val(lines, l);
    }
    GString *line = g_string_new(NULL);
    if (lines->len == 0)
        g_string_append(line, tr("Geen rode acties.", "No red actions."));
    else
        g_string_append_printf(line, tr("Rode acties (%u):", "Red actions (%u):"), lines->len);
    put_line(pr, line);
    for (guint i = 0; i < lines->len; i++) {
        red_line *l = &g_array_index(lines, red_line, i);
        g_string_append(line, "  ");
        put_cell(line, pr, l->id, w_id + COLUMN_GAP, false, SGR_BOLD);
        put_cell(line, pr, l->title, w_title + COLUMN_GAP, false, NULL);
        put_cell(line, pr, l->reason, w_reason + COLUMN_GAP, false, SGR_RED);
        put_cell(line, pr, l->deadline, 0, false, NULL);
        put_line(pr, line);
        g_free(l->id);
        g_free(l->title);
        g_free(l->reason);
        g_free(l->deadline);
    }
    g_string_free(line, TRUE);
    g_array_free(lines, TRUE);
}

/* One owner that sent nothing in its period: name, since when, its last report and
 * how long ago, whom to ask. */
typedef struct {
    char *cells[4];
} silent_line;

static silent_line make_silent_line(const rr_analysis *an, const owner_summary *s)
{
    silent_line l;
    char *name = statusview_clean(s->owner->name, 0);
    l.cells[0] = g_strconcat(s->owner->kind == OWNER_MUNICIPALITY ? "  " : "", name, NULL);
    g_free(name);
    char *since = calendar_meeting_date_text(s->since, s->since_estimated);
    l.cells[1] = g_strdup_printf(tr("niets sinds %s", "nothing since %s"), since);
    g_free(since);
    if (s->last_update != RR_DATE_NONE) {
        char *age = calendar_age_text(s->last_update, an->as_of);
        l.cells[2] = g_strdup_printf(tr("laatste melding %s, %s", "last report %s, %s"),
                                     date_text_nl(s->last_update).text, age);
        g_free(age);
    } else {
        l.cells[2] = g_strdup(tr("nog nooit een melding", "never reported"));
    }
    char *contact = statusview_clean(s->owner->contact, 0);
    l.cells[3] = *contact ? g_strdup_printf(tr("contact: %s", "contact: %s"), contact)
                          : g_strdup("");
    g_free(contact);
    return l;
}

/* Who sent nothing since the previous meeting, one aligned line each (regions with
 * their municipalities below them): the people to call before the next meeting. */
static void print_silent_owners(const printer *pr, const rr_analysis *an)
{
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(silent_line));
    size_t width[4] = {0};
    for (size_t i = 0; i < an->owner_count; i++) {
        if (!an->owners[i].silent)
            continue;
        silent_line l = make_silent_line(an, &an->owners[i]);
        for (int c = 0; c < 4; c++)
            width[c] = MAX(width[c], text_width(l.cells[c]));
        g_array_append_val(lines, l);
    }
    GString *line = g_string_new(NULL);
    if (lines->len == 0)
        g_string_append(line, tr("Alle regio's en gemeenten met acties hebben sinds hun vorige "
                                 "overleg een update gestuurd.",
                                 "Every region and municipality with actions sent an update "
                                 "since its previous meeting."));
    else
        put_cell(line, pr,
                 tr("Niets ontvangen sinds het vorige overleg:",
                    "Nothing received since the previous meeting:"),
                 0, false, SGR_RED);
    put_line(pr, line);
    for (guint i = 0; i < lines->len; i++) {
        silent_line *l = &g_array_index(lines, silent_line, i);
        g_string_append(line, "  ");
        for (int c = 0; c < 4; c++) {
            put_cell(line, pr, l->cells[c], c < 3 ? width[c] + COLUMN_GAP : 0, false,
                     c == 0 ? SGR_BOLD : NULL);
            g_free(l->cells[c]);
        }
        put_line(pr, line);
    }
    g_string_free(line, TRUE);
    g_array_free(lines, TRUE);
}

void statusview_print(FILE *out, const rr_analysis *an, bool colour)
{
    printer pr = {out, colour};
    GArray *periods = shown_periods(an);
    print_header(&pr, an, periods);
    fputc('\n', out);
    print_owner_table(&pr, an);
    fputc('\n', out);
    print_red_actions(&pr, an);
    fputc('\n', out);
    print_silent_owners(&pr, an);
    g_array_free(periods, TRUE);
}
