/* testhooks.c - the environment's test hooks (see testhooks.h). */
#include "base/testhooks.h"

#include <glib.h>

static const char *const names[TESTHOOK_COUNT] = {
    [TESTHOOK_MAX_SHEET_ROWS] = "RR_MAX_SHEET_ROWS",
    [TESTHOOK_CONSTANT_MEMORY_ROWS] = "RR_CONSTANT_MEMORY_ROWS",
};

const char *testhooks_name(testhook hook)
{
    return names[hook];
}

uint64_t testhooks_value(testhook hook, uint64_t min, uint64_t max, uint64_t fallback)
{
    const char *text = g_getenv(names[hook]);
    guint64 n = 0;
    if (!text || !g_ascii_string_to_unsigned(text, 10, min, max, &n, NULL))
        return fallback;
    return n;
}
