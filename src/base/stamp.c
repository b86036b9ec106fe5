/* stamp.c - the creation time written into outputs: SOURCE_DATE_EPOCH or --as-of. */
#include "base/stamp.h"

#include <glib.h>

/* 9999-12-31 23:59:59 UTC: a workbook and a PDF write four-digit years. */
#define EPOCH_MAX ((guint64)253402300799)

bool stamp_source_date_epoch(time_t *epoch, bool *is_set)
{
    const char *text = g_getenv("SOURCE_DATE_EPOCH");
    *is_set = text != NULL;
    if (!text)
        return true;
    guint64 value = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9' || value > EPOCH_MAX)
            return false;
        value = value * 10 + (guint64)(*p - '0');
    }
    if (!*text || value > EPOCH_MAX)
        return false;
    *epoch = (time_t)value;
    return true;
}

time_t stamp_document_time(int year, int month, int day)
{
    time_t epoch;
    bool is_set;
    if (stamp_source_date_epoch(&epoch, &is_set) && is_set)
        return epoch;
    GDateTime *at = g_date_time_new_utc(year, month, day, 0, 0, 0);
    time_t t = at ? (time_t)g_date_time_to_unix(at) : 0;
    if (at)
        g_date_time_unref(at);
    return t;
}
