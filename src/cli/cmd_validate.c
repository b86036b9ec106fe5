/* cmd_validate.c - `regiorapport validate`: every error and warning, then a count. */
#include <stdio.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "cli/harness.h"

int cmd_validate(harness_run *run)
{
    harness_print_diagnostics(&run->diags, run->model, stdout);
    return rr_exit_status(run->load_error);
}
