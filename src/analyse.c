/* analyse.c - dates, statuses and timelines derived from the model. */
#include "analyse.h"

#include <string.h>

rr_date plan_original_end(const rr_plan *plan)
{
    return plan->end.value.kind == PERIOD_SPAN ? plan->end.value.last : RR_DATE_NONE;
}

rr_date plan_effective_end(const rr_plan *plan)
{
    rr_date end = plan_original_end(plan);
    /* Extensions are in decision order (rules.c), each replacing the end before it. */
    for (guint i = 0; i < plan->extensions->len; i++) {
        const rr_extension *e = g_ptr_array_index(plan->extensions, i);
        end = e->new_end.value.last;
    }
    return end;
}

const rr_progress *action_progress_as_of(const rr_action *action, rr_date as_of)
{
    /* Progress is sorted by date (rules.c): the last one not after as_of wins. */
    const rr_progress *latest = NULL;
    for (guint i = 0; i < action->progress->len; i++) {
        const rr_progress *p = g_ptr_array_index(action->progress, i);
        if (p->date.value.last > as_of)
            break;
        latest = p;
    }
    return latest;
}

rr_status action_status_as_of(const rr_action *action, rr_date as_of)
{
    const rr_progress *p = action_progress_as_of(action, as_of);
    return p ? p->status : STATUS_UNKNOWN;
}

rr_date action_deadline(const rr_action *action)
{
    return action->planning.value.kind == PERIOD_SPAN ? action->planning.value.last
                                                      : RR_DATE_NONE;
}

/* Whether a meeting belongs to the six-weekly cycle (other meetings do not reset it). */
static bool is_cycle_meeting(const rr_meeting *m)
{
    return m->kind[0] == '\0' || strcmp(m->kind, "rao") == 0;
}

const rr_meeting *region_meeting_before(const rr_model *model, const rr_owner *region,
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

rr_date default_since(const rr_model *model, rr_date as_of)
{
    rr_date best = RR_DATE_NONE;
    for (guint i = 0; i < model->meetings->len; i++) {
        const rr_meeting *m = g_ptr_array_index(model->meetings, i);
        if (is_cycle_meeting(m) && m->date < as_of && m->date > best)
            best = m->date;
    }
    return best != RR_DATE_NONE ? best : as_of - MEETING_INTERVAL_DAYS;
}
