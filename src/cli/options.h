/*
 * options.h - the command line shared by every command.
 *
 * Each command says which options it accepts; options_parse() reports anything
 * else as a usage error (exit 2) with a hint. Strings point into argv.
 */
#ifndef RR_OPTIONS_H
#define RR_OPTIONS_H

#include <stdbool.h>

#include "base/vocab.h"
#include "load/period.h"
#include "base/error.h"

enum {
    OPT_DATA = 1 << 0,
    OPT_OUT = 1 << 1,
    OPT_AS_OF = 1 << 2,
    OPT_SINCE = 1 << 3,
    OPT_LANG = 1 << 4,
    OPT_CHARTS = 1 << 5,
    OPT_REGION = 1 << 6,
    OPT_PDF = 1 << 7,
    OPT_CHART_TIMEOUT = 1 << 8,
};

#define MAX_REGION_OPTIONS 64

typedef struct {
    const char *data_dir;        /* --data, default "regions" */
    const char *out_dir;         /* --out, default "reports" */
    rr_date as_of;               /* --as-of, default today */
    rr_date since;               /* --since; RR_DATE_NONE: the command derives it */
    chart_format charts;         /* --charts, default png */
    int chart_timeout;           /* --chart-timeout seconds; 0: scaled to the charts */
    const char *regions[MAX_REGION_OPTIONS]; /* --region, repeatable */
    int region_count;
    const char *target;          /* the one positional argument, when the command takes it */
    char **targets;              /* OPTIONS_ANY_POSITIONAL: the positional arguments */
    int target_count;
    bool help;                   /* --help was given: print help, exit 0 */
    bool pdf;                    /* --pdf (handout): also print each file to PDF */
} rr_options;

/* `positional` for a command that takes any number of arguments (handout OWNER...). */
#define OPTIONS_ANY_POSITIONAL (-1)

/* The longest --chart-timeout: a day. */
#define CHART_TIMEOUT_MAX 86400

/*
 * Parses argv (argv[0] is the command's name) into `opts`, accepting the options in
 * `allowed` and `positional` positional arguments (0, 1 or OPTIONS_ANY_POSITIONAL). Prints a usage error to
 * stderr and returns RR_ERR_USAGE on anything else. Sets the language (--lang).
 * A command that writes (OPT_OUT) refuses an output folder inside the data folder
 * (or equal to it): the next run would read the tool's own output as data.
 */
rr_error options_parse(rr_options *opts, int argc, char **argv, unsigned allowed,
                       int positional);

/* Today's date on this machine. */
rr_date options_today(void);

#endif
