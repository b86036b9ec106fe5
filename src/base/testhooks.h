/*
 * testhooks.h - the limits a test may lower through the environment, all read here.
 *
 * A national report needs a million rows before a sheet continues, and 50,000 before
 * the workbook switches to constant memory; the test suite makes both happen with a
 * few rows instead. Each hook is an environment variable, listed in tests/README.md;
 * a value that is not a whole number within the hook's range is ignored, so the
 * default holds for anyone who sets it by mistake.
 */
#ifndef RR_TESTHOOKS_H
#define RR_TESTHOOKS_H

#include <stdint.h>

typedef enum {
    TESTHOOK_MAX_SHEET_ROWS,       /* RR_MAX_SHEET_ROWS: rows before a sheet continues */
    TESTHOOK_CONSTANT_MEMORY_ROWS, /* RR_CONSTANT_MEMORY_ROWS: Data rows from which the
                                    * workbook is written in constant-memory mode */
    TESTHOOK_COUNT
} testhook;

/* The hook's value when its variable holds a whole number in [min, max], else
 * `fallback`. */
uint64_t testhooks_value(testhook hook, uint64_t min, uint64_t max, uint64_t fallback);

/* The hook's environment variable ("RR_MAX_SHEET_ROWS"). */
const char *testhooks_name(testhook hook);

#endif
