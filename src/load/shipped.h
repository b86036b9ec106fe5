/*
 * shipped.h - the vocabularies the tool ships, as in regions/themas.csv and
 * regions/indicatoren.csv: the Makefile compiles the two files into the program
 * ($(BUILD)/gen/shipped.c), so that `regiorapport nieuw` can start a new data folder with
 * them. Static, NUL-terminated CSV text; never freed.
 */
#ifndef RR_SHIPPED_H
#define RR_SHIPPED_H

extern const char shipped_themes[];     /* regions/themas.csv */
extern const char shipped_indicators[]; /* regions/indicatoren.csv */

#endif
