/* version.h - the version of regiorapport, shown by --version and in every report.
 *
 * The text comes from the build: `git describe` when built from a git checkout,
 * else VERSION in the Makefile (version.c is compiled with it). */
#ifndef RR_VERSION_H
#define RR_VERSION_H

/* "0.1.0" or "0.1.0-12-g8f176f4"; static. */
const char *rr_version(void);

#endif
