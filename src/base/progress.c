/* progress.c - the progress hook (see progress.h). */
#include "base/progress.h"


static progress_sink current_sink;

void progress_set_sink(progress_sink sink)
{
    current_sink = sink;
}

bool progress_active(void)
{
    return current_sink != NULL;
}

void progress_step(const char *stage, size_t done, size_t total)
{
    if (current_sink)
        current_sink(stage, done, total);
}
