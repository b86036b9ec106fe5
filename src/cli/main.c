/* main.c - regiorapport: parse the command line once, then run the command from the
 * table (commands.c) through the harness. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/i18n.h"
#include "base/interrupt.h"
#include "base/stamp.h"
#include "cli/commands.h"
#include "cli/harness.h"
#include "cli/help.h"
#include "cli/options.h"
#include "cli/say.h"

/* Opens /dev/null on a closed standard descriptor, so that no file this program opens
 * later gets its number (and the paths printed for stdout end up inside a workbook).
 * Returns whether fd was open. */
static bool keep_open(int fd)
{
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
        return true;
    int null_fd = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
    if (null_fd >= 0 && null_fd != fd) {
        dup2(null_fd, fd);
        close(null_fd);
    }
    return false;
}

/* A standard output that cannot be written after the outputs are in place: they stay,
 * so this is not exit 3 ("nothing was replaced") but 5 (4 is a form left out). */
static int stdout_failed(void)
{
    int error = errno;
    if (atomic_anything_committed()) {
        say_error(tr("de bestanden zijn geschreven, maar hun namen konden niet naar de "
                     "standaarduitvoer: %s",
                     "the files were written, but their names could not go to standard "
                     "output: %s"),
                  i18n_strerror(error));
        return 5;
    }
    say_error("stdout: %s", i18n_strerror(error));
    return 3;
}

/* SOURCE_DATE_EPOCH, when set, must be a number of seconds (base/stamp.h): a wrong
 * one is a usage error, as reproducible-builds.org asks. */
static bool source_date_epoch_valid(void)
{
    time_t epoch;
    bool is_set;
    if (stamp_source_date_epoch(&epoch, &is_set))
        return true;
    say_error("%s", tr("SOURCE_DATE_EPOCH moet een aantal seconden sinds 01-01-1970 zijn: "
                       "alleen cijfers, zoals 1675123200, tot het jaar 9999",
                       "SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01: "
                       "digits only, such as 1675123200, up to the year 9999"));
    return false;
}

int main(int argc, char **argv)
{
    /* Ctrl-C, kill or a closed terminal: children ended, temporary files removed. */
    interrupt_install();
    keep_open(STDIN_FILENO);
    bool stdout_open = keep_open(STDOUT_FILENO);
    keep_open(STDERR_FILENO);
    rr_options opts;
    const cli_command *command = NULL;
    if (options_parse(&opts, argc, argv, &command) != RR_OK)
        return 2;
    if (opts.version) {
        help_version(stdout);
    } else if (opts.help) {
        if (command)
            help_command(command, stdout);
        else
            help_overview(stdout);
    } else if (!command) {
        help_overview(stderr);
        return 2;
    } else if (!stdout_open) {
        /* Every command prints what it wrote or found; failing after the outputs are in
         * place would be too late for exit 3, so it fails before anything is done. */
        say_error("%s", tr("de standaarduitvoer is gesloten; er is niets geschreven (stuur "
                           "haar naar een bestand of naar /dev/null)",
                           "standard output is closed; nothing was written (send it to a "
                           "file or to /dev/null)"));
        return 3;
    } else if (!source_date_epoch_valid()) {
        return 2;
    } else {
        int status = harness_run_command(command, &opts);
        if (fflush(stdout) != 0 || ferror(stdout))
            return stdout_failed();
        return status;
    }
    if (fflush(stdout) != 0 || ferror(stdout))
        return 3;
    return 0;
}
