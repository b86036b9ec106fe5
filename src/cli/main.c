/* main.c - regiorapport: parse the command line once, then run the command from the
 * table (commands.c) through the harness. */
#include <errno.h>
#include <stdio.h>

#include "base/i18n.h"
#include "cli/commands.h"
#include "cli/harness.h"
#include "cli/help.h"
#include "cli/options.h"
#include "cli/say.h"

int main(int argc, char **argv)
{
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
    } else {
        int status = harness_run_command(command, &opts);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            say_error("stdout: %s", i18n_strerror(errno));
            return 3;
        }
        return status;
    }
    if (fflush(stdout) != 0 || ferror(stdout))
        return 3;
    return 0;
}
