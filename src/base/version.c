/* version.c - the version and install folder given by the Makefile (see version.h). */
#include "base/version.h"

#ifndef RR_VERSION_TEXT
#define RR_VERSION_TEXT "unknown"
#endif

#ifndef RR_SCRIPTS_DIR
#define RR_SCRIPTS_DIR "/usr/local/share/regiorapport"
#endif

const char *version_text(void)
{
    return RR_VERSION_TEXT;
}

const char *version_scripts_dir(void)
{
    return RR_SCRIPTS_DIR;
}
