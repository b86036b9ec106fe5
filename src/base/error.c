/* error.c - messages and exit statuses of rr_error. */
#include "base/error.h"

/* Indexed by rr_error; tests/test_error.c keeps it the same length as the enum. */
static const char *const error_strings[] = {
    [RR_OK] = "no error",
    [RR_ERR_NOMEM] = "out of memory",
    [RR_ERR_READ] = "cannot read input",
    [RR_ERR_DATA] = "the data has errors",
    [RR_ERR_USAGE] = "usage error",
    [RR_ERR_WRITE] = "cannot write output",
};

_Static_assert(sizeof error_strings / sizeof error_strings[0] == RR_ERR_MAX,
               "error_strings must have one entry per rr_error");

const char *rr_strerror(rr_error err)
{
    if ((unsigned)err >= RR_ERR_MAX || !error_strings[err])
        return "unknown error";
    return error_strings[err];
}

int rr_exit_status(rr_error err)
{
    switch (err) {
    case RR_OK:
        return 0;
    case RR_ERR_DATA:
    case RR_ERR_READ:
        return 1;
    case RR_ERR_USAGE:
        return 2;
    case RR_ERR_WRITE:
    case RR_ERR_NOMEM:
    case RR_ERR_MAX:
        break;
    }
    return 3;
}
