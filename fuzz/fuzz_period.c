/*
 * fuzz_period.c - libFuzzer target for the date and period parsers.
 *
 * Any text must parse without a crash or hang; what parses must be a real date in
 * RR_YEAR_MIN..RR_YEAR_MAX, a span must not end before it begins, and a date must
 * survive formatting and parsing again unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_texts.h"
#include "load/period.h"

static void check_date(rr_date d)
{
    if (d == RR_DATE_NONE)
        abort();
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    if (y < RR_YEAR_MIN || y > RR_YEAR_MAX || date_from_ymd(y, m, day) != d)
        abort();
    char iso[16], nl[16];
    date_format_iso(d, iso, sizeof iso);
    date_format_nl(d, nl, sizeof nl);
    rr_date back = RR_DATE_NONE;
    if (date_parse(iso, &back) != PARSE_OK || back != d)
        abort();
    back = RR_DATE_NONE;
    if (date_parse(nl, &back) != PARSE_OK || back != d)
        abort();
}

/* One text: NUL-terminated, as every cell reaches the parser. */
static void check_text(const char *text)
{
    rr_date d = RR_DATE_NONE;
    parse_status st = date_parse(text, &d);
    if (st == PARSE_OK)
        check_date(d);
    else if (d != RR_DATE_NONE)
        abort(); /* *out must be left unchanged on failure */

    period p = {PERIOD_UNKNOWN, 12345, 54321};
    st = period_parse(text, &p);
    if (st == PARSE_OK) {
        if (p.kind == PERIOD_SPAN) {
            check_date(p.first);
            check_date(p.last);
            if (p.last < p.first)
                abort();
        } else if (p.first != RR_DATE_NONE || p.last != RR_DATE_NONE) {
            abort();
        }
    } else if (p.kind != PERIOD_UNKNOWN || p.first != 12345 || p.last != 54321) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_each_text(data, size, check_text);
    return 0;
}
