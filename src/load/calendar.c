/* calendar.c - plan ends, deadlines and meeting days (see calendar.h). */
#include "load/calendar.h"

#include <string.h>

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

/* The days the schedule hangs on: the recorded ones, or as_of when there are none. */
static GArray *schedule_days(const rr_model *model, const rr_owner *owner, rr_date as_of)
{
    GArray *days = recorded_days(model, owner->region ? owner->region : owner);
    if (days->len == 0)
        g_array_append_val(days, as_of);
    return days;
}

meeting_period calendar_meeting_period(const rr_model *model, const rr_owner *owner, rr_date as_of)
{
    meeting_period p = {RR_DATE_NONE, RR_DATE_NONE, RR_DATE_NONE, calendar_interval_days(owner),
                        false, false};
    const rr_owner *region = owner->region ? owner->region : owner;
    const rr_meeting *m = calendar_region_meeting_before(model, region, as_of, true);
    p.last_recorded = m ? m->date : RR_DATE_NONE;
    GArray *days = schedule_days(model, owner, as_of);
    p.since = meeting_before(days, p.interval_days, as_of);
    p.next = meeting_after(days, p.interval_days, as_of);
    g_array_free(days, TRUE);
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
