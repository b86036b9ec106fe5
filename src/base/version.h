/* version.h - the version of regiorapport, shown by --version and in every report. */
#ifndef RR_VERSION_H
#define RR_VERSION_H

#define RR_VERSION "0.1.0"

#endif
