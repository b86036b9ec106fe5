/* calendar.c - plan ends, deadlines and meeting days (see calendar.h). */
#include "load/calendar.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"

rr_date calendar_plan_original_end(const rr_plan *plan)
{
    return plan->end.value.kind == PERIOD_SPAN ? plan->end.value.last : RR_DATE_NONE;
}

rr_date calendar_plan_effective_end(const rr_plan *plan)
{
    rr_date end = calendar_plan_original_end(plan);
    /* Extensions are in decision order (rules.c), each replacing the end before it. */
    for (guint i = 0; i < plan->extensions->len; i++) {
        const rr_extension *e = g_ptr_array_index(plan->extensions, i);
        end = e->new_end.value.last;
    }
    return end;
}

rr_date calendar_action_deadline(const rr_action *action)
{
    return action->planning.value.kind == PERIOD_SPAN ? action->planning.value.last
                                                      : RR_DATE_NONE;
}

static gint compare_dates(gconstpointer a, gconstpointer b)
{
    rr_date x = *(const rr_date *)a, y = *(const rr_date *)b;
    return (x > y) - (x < y);
}

/* Whether a meeting belongs to the meeting cycle (other meetings do not reset it). */
static bool is_cycle_meeting(const rr_meeting *m)
{
    return m->kind[0] == '\0' || strcmp(m->kind, "rao") == 0;
}

const rr_meeting *calendar_region_meeting_before(const rr_model *model, const rr_owner *region,
                                        rr_date date, bool inclusive)
{
    const rr_meeting *best = NULL;
    for (guint i = 0; i < model->meetings->len; i++) {
        const rr_meeting *m = g_ptr_array_index(model->meetings, i);
        if (m->owner != region || !is_cycle_meeting(m))
            continue;
        if (m->date > date || (!inclusive && m->date == date))
            continue;
        if (!best || m->date > best->date)
            best = m;
    }
    return best;
}

int calendar_interval_days(const rr_owner *owner)
{
    const rr_owner *region = owner->region ? owner->region : owner;
    return region->rhythm_weeks > 0 ? region->rhythm_weeks * 7 : MEETING_INTERVAL_DAYS;
}

/* The recorded meeting days of a region, ascending and distinct. */
static GArray *recorded_days(const rr_model *model, const rr_owner *region)
{
    GArray *days = g_array_new(FALSE, FALSE, sizeof(rr_date));
    for (guint i = 0; i < model->meetings->len; i++) {
        const rr_meeting *m = g_ptr_array_index(model->meetings, i);
        if (m->owner == region && is_cycle_meeting(m) && m->date != RR_DATE_NONE)
            g_array_append_val(days, m->date);
    }
    g_array_sort(days, compare_dates);
    guint kept = 0;
    for (guint i = 0; i < days->len; i++)
        if (kept == 0 || g_array_index(days, rr_date, i) != g_array_index(days, rr_date, kept - 1))
            g_array_index(days, rr_date, kept++) = g_array_index(days, rr_date, i);
    g_array_set_size(days, kept);
    return days;
}

/* Floor division for day counts that may be negative. */
static int64_t floor_div(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The meeting day strictly before `d`: recorded days, the rhythm after the last and
 * before the first (`days` not empty). */
static rr_date meeting_before(const GArray *days, int step, rr_date d)
{
    rr_date first = g_array_index(days, rr_date, 0);
    rr_date last = g_array_index(days, rr_date, days->len - 1);
    if (d > last)
        return (rr_date)(last + floor_div((int64_t)d - 1 - last, step) * step);
    if (d <= first)
        return (rr_date)(first - (floor_div((int64_t)first - d, step) + 1) * step);
    rr_date best = first;
    for (guint i = 0; i < days->len && g_array_index(days, rr_date, i) < d; i++)
        best = g_array_index(days, rr_date, i);
    return best;
}

/* The meeting day strictly after `d` (as meeting_before). */
static rr_date meeting_after(const GArray *days, int step, rr_date d)
{
    rr_date first = g_array_index(days, rr_date, 0);
    rr_date last = g_array_index(days, rr_date, days->len - 1);
    if (d >= last)
        return (rr_date)(last + (floor_div((int64_t)d - last, step) + 1) * step);
    if (d < first)
        return (rr_date)(first - floor_div((int64_t)first - d - 1, step) * step);
    for (guint i = 0; i < days->len; i++)
        if (g_array_index(days, rr_date, i) > d)
            return g_array_index(days, rr_date, i);
    return last; /* not reached: d < last */
}

/* Whether `owner` is `region` or one of its municipalities. */
static bool in_region(const rr_owner *owner, const rr_owner *region)
{
    return owner == region || owner->region == region;
}

rr_date calendar_region_anchor(const rr_model *model, const rr_owner *region)
{
    rr_date anchor = RR_DATE_NONE;
    for (guint i = 0; i < model->plans->len; i++) {
        const rr_plan *p = g_ptr_array_index(model->plans, i);
        if (in_region(p->owner, region) && p->start.value.kind == PERIOD_SPAN &&
            (anchor == RR_DATE_NONE || p->start.value.first < anchor))
            anchor = p->start.value.first;
    }
    if (anchor != RR_DATE_NONE)
        return anchor;
    /* Only without plans: a region's progress is much longer than its plan list. */
    for (guint i = 0; i < model->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(model->progress, i);
        if (p->action && in_region(p->action->owner, region) &&
            p->date.value.kind == PERIOD_SPAN &&
            (anchor == RR_DATE_NONE || p->date.value.last < anchor))
            anchor = p->date.value.last;
    }
    return anchor;
}

/* The days the schedule hangs on: the recorded ones; when there are none, the region's
 * anchor (as_of only when the data has no date at all), so that estimates stay put. */
static GArray *schedule_days(const rr_model *model, const rr_owner *owner, rr_date as_of)
{
    const rr_owner *region = owner->region ? owner->region : owner;
    GArray *days = recorded_days(model, region);
    if (days->len == 0) {
        rr_date anchor = calendar_region_anchor(model, region);
        rr_date day = anchor != RR_DATE_NONE ? anchor : as_of;
        g_array_append_val(days, day);
    }
    return days;
}

/* Whether `d` is one of the recorded days (ascending). */
static bool is_recorded_day(const GArray *recorded, rr_date d)
{
    for (guint i = 0; i < recorded->len; i++)
        if (g_array_index(recorded, rr_date, i) == d)
            return true;
    return false;
}

meeting_period calendar_meeting_period(const rr_model *model, const rr_owner *owner, rr_date as_of)
{
    meeting_period p = {RR_DATE_NONE, RR_DATE_NONE, RR_DATE_NONE, calendar_interval_days(owner),
                        false, false, false, false, false};
    const rr_owner *region = owner->region ? owner->region : owner;
    const rr_meeting *m = calendar_region_meeting_before(model, region, as_of, true);
    p.last_recorded = m ? m->date : RR_DATE_NONE;
    GArray *recorded = recorded_days(model, region);
    GArray *days = schedule_days(model, owner, as_of);
    p.since = meeting_before(days, p.interval_days, as_of);
    p.next = meeting_after(days, p.interval_days, as_of);
    p.none_recorded = recorded->len == 0;
    p.since_estimated = !is_recorded_day(recorded, p.since);
    /* After a recorded meeting the next one by the rhythm is the plan; after an
     * estimated one, an estimate too. */
    p.next_estimated = !is_recorded_day(recorded, p.next) && p.since_estimated;
    g_array_free(days, TRUE);
    g_array_free(recorded, TRUE);
    p.projected = p.last_recorded != RR_DATE_NONE && p.since > p.last_recorded;
    p.stale = p.last_recorded != RR_DATE_NONE &&
              (int64_t)as_of - p.last_recorded > 2 * (int64_t)p.interval_days;
    return p;
}

rr_date calendar_region_since(const rr_model *model, const rr_owner *region, rr_date as_of)
{
    return calendar_meeting_period(model, region, as_of).since;
}

rr_date calendar_owner_since(const rr_model *model, const rr_owner *owner, rr_date as_of, rr_date since)
{
    if (since != RR_DATE_NONE)
        return since;
    return calendar_region_since(model, owner->region ? owner->region : owner, as_of);
}

GArray *calendar_meeting_days(const rr_model *model, const rr_owner *owner, rr_date as_of,
                             rr_date from, rr_date to, guint max)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(rr_date));
    if (from == RR_DATE_NONE || to == RR_DATE_NONE || from > to || max == 0)
        return out;
    GArray *days = schedule_days(model, owner, as_of);
    int step = calendar_interval_days(owner);
    /* Walk back from `to` so that a long history keeps its latest `max` days. */
    for (rr_date d = meeting_before(days, step, (rr_date)((int64_t)to + 1));
         d >= from && out->len < max; d = meeting_before(days, step, d))
        g_array_prepend_val(out, d);
    g_array_free(days, TRUE);
    return out;
}

/* ---- reports and their age ---------------------------------------------------- */

rr_date calendar_report_received(const rr_progress *progress)
{
    const char *path = progress->loc.path;
    if (!path)
        return RR_DATE_NONE;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    /* voortgang-<owner>-YYYY-MM-DD.ext: the ten characters before the extension. */
    if (strncmp(base, "voortgang-", 10) != 0 || !dot || dot - base < 10 + 11 || dot[-11] != '-')
        return RR_DATE_NONE;
    int y, m, d;
    char tail;
    if (sscanf(dot - 10, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 4 || tail != '.')
        return RR_DATE_NONE;
    if (y < 1900 || !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return RR_DATE_NONE;
    return date_from_ymd(y, m, d);
}

bool calendar_report_is_late(const rr_progress *progress, rr_date since, rr_date as_of)
{
    rr_date date = progress->date.value.last;
    if (date > since)
        return false;
    rr_date received = calendar_report_received(progress);
    return received != RR_DATE_NONE && received > since && received <= as_of;
}

bool calendar_report_in_period(const rr_progress *progress, rr_date since, rr_date as_of)
{
    rr_date date = progress->date.value.last;
    return (date > since && date <= as_of) || calendar_report_is_late(progress, since, as_of);
}

char *calendar_meeting_date_text(rr_date date, bool estimated)
{
    if (!estimated)
        return g_strdup(date_text_nl(date).text);
    return g_strdup_printf(tr("%s (geschat)", "%s (estimated)"), date_text_nl(date).text);
}

char *calendar_age_text(rr_date from, rr_date to)
{
    if (from == RR_DATE_NONE || to == RR_DATE_NONE || from > to)
        return g_strdup("");
    int yf, mf, df, yt, mt, dt;
    date_to_ymd(from, &yf, &mf, &df);
    date_to_ymd(to, &yt, &mt, &dt);
    int months = (yt - yf) * 12 + (mt - mf) - (dt < df ? 1 : 0);
    if (months <= 0) {
        if (from == to)
            return g_strdup(tr("vandaag", "today"));
        char *days = i18n_count(to - from, "dag", "dagen", "day", "days");
        char *text = g_strdup_printf(tr("%s geleden", "%s ago"), days);
        g_free(days);
        return text;
    }
    char *years = months >= 12 ? i18n_count(months / 12, "jaar", "jaar", "year", "years") : NULL;
    char *rest = months % 12 ? i18n_count(months % 12, "maand", "maanden", "month", "months")
                             : NULL;
    char *text = years && rest ? g_strdup_printf(tr("%s en %s geleden", "%s and %s ago"), years,
                                                 rest)
                               : g_strdup_printf(tr("%s geleden", "%s ago"), years ? years : rest);
    g_free(years);
    g_free(rest);
    return text;
}
