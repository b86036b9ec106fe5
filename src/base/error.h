/*
 * error.h - the tool's one error type.
 *
 * Stage functions return an rr_error. Problems in the *data* are not errors of the
 * program: they are collected as diagnostics (diag.h) and only summarised here as
 * RR_ERR_DATA, so one run can report all of them.
 */
#ifndef RR_ERROR_H
#define RR_ERROR_H

typedef enum {
    RR_OK = 0,
    RR_ERR_NOMEM,    /* out of memory */
    RR_ERR_READ,     /* an input could not be read (missing folder, permissions) */
    RR_ERR_DATA,     /* the data has errors; see the diagnostics */
    RR_ERR_USAGE,    /* bad command line */
    RR_ERR_WRITE,    /* an output could not be written */
    RR_ERR_MAX       /* keep last: the number of codes */
} rr_error;

/* A short English description; "unknown error" for values out of range. */
const char *rr_strerror(rr_error err);

/* The process exit status for an error (man/regiorapport.1, EXIT STATUS): 0, 1 data,
 * 2 usage, 3 output. */
int rr_exit_status(rr_error err);

#endif
