/* workbook_trend.c - the Verloop sheet: each owner's progress from meeting to meeting. */
#include "base/i18n.h"
#include "xlsx/workbook_int.h"

enum { TR_REGION, TR_OWNER, TR_DATE, TR_KIND, TR_ACTIONS, TR_DONE, TR_UNDER_WAY,
       TR_NOT_STARTED, TR_CANCELLED, TR_UNKNOWN, TR_SHARE_DONE, TR_SHARE_UNDER_WAY,
       TR_SHARE_NOT_STARTED, TR_SHARE_UNKNOWN, TR_COLUMNS };

/* The groups in column order, counts then shares (cancelled is counted, not shared:
 * the four shares are of what is still meant to be done or was done). */
static const progress_group COUNTED[] = {PROGRESS_DONE, PROGRESS_UNDER_WAY,
                                         PROGRESS_NOT_STARTED, PROGRESS_CANCELLED,
                                         PROGRESS_UNKNOWN};
static const progress_group SHARED[] = {PROGRESS_DONE, PROGRESS_UNDER_WAY, PROGRESS_NOT_STARTED,
                                        PROGRESS_UNKNOWN};

static const char *point_kind(const trend_point *p)
{
    if (p->is_as_of)
        return tr("peildatum", "report date");
    return p->recorded ? tr("overleg", "meeting") : tr("overleg (ritme)", "meeting (rhythm)");
}

static void write_point(sheet *s, const trend_point *p)
{
    sheet_text(s, TR_REGION, wb_region_name(p->owner));
    sheet_text(s, TR_OWNER, p->owner->name);
    sheet_date(s, TR_DATE, p->date);
    sheet_text(s, TR_KIND, point_kind(p));
    sheet_int(s, TR_ACTIONS, (double)p->total);
    for (size_t g = 0; g < G_N_ELEMENTS(COUNTED); g++)
        sheet_int(s, TR_DONE + (int)g, (double)p->by_group[COUNTED[g]]);
    size_t base = p->total - p->by_group[PROGRESS_CANCELLED];
    for (size_t g = 0; g < G_N_ELEMENTS(SHARED) && base > 0; g++)
        sheet_percent(s, TR_SHARE_DONE + (int)g, (double)p->by_group[SHARED[g]] / (double)base);
    sheet_next_row(s);
}

void wb_write_trend(wb_ctx *c, sheet *s)
{
    const rr_analysis *an = c->in->analysis;
    gchar *subtitle = g_strdup_printf(
        tr("Stand van de acties op elk overleg vanaf het begin van het plan, tot en met %s. "
           "'overleg (ritme)' is een overleg volgens het ritme van de regio, niet vastgelegd "
           "in overleggen.csv.",
           "Status of the actions at every meeting since the plan's start, up to %s. "
           "'meeting (rhythm)' is a meeting by the region's rhythm, not recorded in "
           "overleggen.csv."),
        date_text_nl(an->as_of).text);
    sheet_title(s, tr("Verloop per overleg", "Trend by meeting"), subtitle);
    g_free(subtitle);
    const char *names[TR_COLUMNS] = {
        tr("Regio", "Region"), tr("Eigenaar", "Owner"), tr("Datum", "Date"),
        tr("Soort", "Kind"), tr("Acties", "Actions")};
    for (size_t g = 0; g < G_N_ELEMENTS(COUNTED); g++)
        names[TR_DONE + g] = vocab_progress_group_label(COUNTED[g]);
    gchar *shares[G_N_ELEMENTS(SHARED)];
    for (size_t g = 0; g < G_N_ELEMENTS(SHARED); g++) {
        shares[g] = g_strdup_printf("%% %s", vocab_progress_group_label(SHARED[g]));
        names[TR_SHARE_DONE + g] = shares[g];
    }
    const double widths[TR_COLUMNS] = {[TR_REGION] = 24, [TR_OWNER] = 28};
    sheet_header(s, names, TR_COLUMNS, widths);
    for (size_t g = 0; g < G_N_ELEMENTS(SHARED); g++)
        g_free(shares[g]);
    for (guint i = 0; i < an->trend->len && !sheet_full(s); i++)
        write_point(s, &g_array_index(an->trend, trend_point, i));
    if (an->trend->len == 0)
        sheet_note(s, tr("Geen acties.", "No actions."));
    sheet_next_row(s);
    sheet_note(s, tr("Percentages zijn van de acties die niet vervallen zijn.",
                     "Percentages are of the actions not cancelled."));
}
