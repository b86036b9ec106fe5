/*
 * options.h - the command line: one table of options, parsed once for every command.
 *
 * Each option is described once (options_specs): its name, its value and its help
 * line. A command says which options it takes with a mask of OPT_* flags in the
 * command table (commands.h). options_parse() reads the whole command line in one
 * pass and reports the first mistake as a usage error (exit 2) that names the
 * option, in the language of the run (--lang may come after the mistake).
 */
#ifndef RR_OPTIONS_H
#define RR_OPTIONS_H

#include <stdbool.h>
#include <time.h>
#include <stddef.h>

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
    OPT_QUIET = 1 << 7,
    OPT_HELP = 1 << 8,
    OPT_VERSION = 1 << 9,
    OPT_PDF = 1 << 10,
    OPT_CHART_TIMEOUT = 1 << 11,
    OPT_FORCE = 1 << 12,
    OPT_STRICT = 1 << 13,
    OPT_ALL = 1 << 14,
    OPT_KIND = 1 << 15,
};

/* What every command takes without saying so. */
#define OPT_EVERY_COMMAND (OPT_LANG | OPT_HELP | OPT_VERSION)

#define MAX_REGION_OPTIONS 64

/* One option as the user writes it and as --help lists it. */
typedef struct {
    unsigned flag;               /* OPT_* */
    const char *name;            /* the long name, without "--" */
    char short_name;             /* -h, -V, -q; 0 for none */
    const char *value_nl;        /* the value's name in help (MAP); NULL: takes none */
    const char *value_en;
    const char *help_nl;         /* one line of help */
    const char *help_en;
} options_spec;

/* The table of every option, in the order help lists them; *count gets its length. */
const options_spec *options_specs(size_t *count);

typedef struct {
    const char *data_dir;        /* --data, default "regions" */
    bool data_given;             /* --data was given (else: look for regions/ here) */
    const char *out_dir;         /* --out, default "reports" */
    rr_date as_of;               /* --as-of, default today */
    rr_date today;               /* the clock's date here, read once when the command line
                                  * is parsed: --as-of's default, and the day after which
                                  * a progress report is a typing error */
    rr_date since;               /* --since; RR_DATE_NONE: the command derives it */
    rr_chart_format charts;         /* --charts, default png */
    int chart_timeout;           /* --chart-timeout seconds; 0: scaled to the charts */
    const char *regions[MAX_REGION_OPTIONS]; /* --region, repeatable */
    int region_count;
    const char *target;          /* the one positional argument, when the command takes it */
    char **targets;              /* a command taking many (handout NAME...): all of them */
    int target_count;
    bool pdf;                    /* --pdf (handout): also print each page to PDF */
    bool force;                  /* --force (template): replace a form that differs */
    bool strict;                 /* --strict: a returned form with an error stops the run */
    bool all;                    /* --all (template): every owner of the region named */
    const char *kind;            /* --soort (overleg): the meeting's kind; NULL: rao */
    bool help;                   /* -h/--help: print help, exit 0 */
    bool version;                /* -V/--version: print the version, exit 0 */
    bool quiet;                  /* -q/--quiet: no progress on the terminal */
} rr_options;

struct cli_command;

/* The longest --chart-timeout: a day. */
#define CHART_TIMEOUT_MAX 86400

/*
 * Parses the whole command line (argv[0] is the program) into `opts` and *command
 * (NULL when no command word was given, or for --help/--version before one).
 * Options before the command word may be --lang, --help and --version; after it,
 * those of the command's mask. Sets the language (--lang). On any mistake prints
 * one usage error to stderr, naming the option, and returns RR_ERR_USAGE.
 * A command that writes (OPT_OUT) refuses an output folder inside the data folder
 * (or equal to it): the next run would read the tool's own output as data.
 * Strings in `opts` point into argv.
 */
rr_error options_parse(rr_options *opts, int argc, char **argv,
                       const struct cli_command **command);


#endif
