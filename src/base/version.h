/* version.h - what the build says: the version of regiorapport (shown by --version and
 * in every report) and where it is installed.
 *
 * The version comes from `git describe` when built from a git checkout, else VERSION in
 * the Makefile; the folder from the Makefile's PREFIX (version.c is compiled with both). */
#ifndef RR_VERSION_H
#define RR_VERSION_H

/* "0.1.0" or "0.1.0-12-g8f176f4"; static. */
const char *version_text(void);

/* Where `make install` puts the gnuplot scripts: PREFIX/share/regiorapport, absolute
 * (the Makefile's DATADIR); static. */
const char *version_scripts_dir(void);

#endif
