/* version.c - the version text given by the Makefile (see version.h). */
#include "base/version.h"

#ifndef RR_VERSION_TEXT
#define RR_VERSION_TEXT "unknown"
#endif

const char *rr_version(void)
{
    return RR_VERSION_TEXT;
}
