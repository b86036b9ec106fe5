/* cmd_status.c - `regiorapport status`: the meeting summary in the terminal. */
#include <stdio.h>
#include <unistd.h>

#include "analyse/analyse.h"
#include "cli/commands.h"
#include "base/i18n.h"
#include "cli/harness.h"
#include "cli/statusview.h"

int cmd_status(harness_run *run)
{
    if (run->load_error != RR_OK) {
        harness_print_diagnostics(&run->diags, run->model, stderr);
    } else {
        harness_hint_warnings(&run->diags);
        rr_analysis *an = analysis_new(run->model, run->opts.as_of, run->opts.since);
        statusview_print(stdout, an, statusview_use_colour(STDOUT_FILENO));
        analysis_free(an);
    }
    return rr_exit_status(run->load_error);
}
