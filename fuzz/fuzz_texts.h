/*
 * fuzz_texts.h - the input format of the parser fuzz targets (period, money).
 *
 * The input is one or more texts separated by NUL bytes (a NUL never reaches a parser:
 * the CSV reader rejects it), so a corpus file can bundle many texts. Each text is
 * passed NUL-terminated, as every cell reaches the parser; texts longer than a cell
 * plausibly is are skipped, to keep the fuzzer fast.
 */
#ifndef RR_FUZZ_TEXTS_H
#define RR_FUZZ_TEXTS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_TEXT_MAX 4096

/* Calls check(text) for every text in data. */
static inline void fuzz_each_text(const uint8_t *data, size_t size, void (*check)(const char *))
{
    char *text = malloc(size + 1);
    if (text == NULL)
        return;
    memcpy(text, data, size);
    text[size] = '\0';
    for (size_t at = 0; at <= size;) {
        size_t len = strlen(text + at);
        if (len <= FUZZ_TEXT_MAX)
            check(text + at);
        at += len + 1;
    }
    free(text);
}

#endif
