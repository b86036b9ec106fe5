/*
 * palette.h - one colour per status and per signal, shared by the workbook and the
 * charts so that "afgerond" looks the same on paper and on screen. RGB as 0xRRGGBB.
 */
#ifndef RR_PALETTE_H
#define RR_PALETTE_H

#include <stdint.h>

#include "analyse/analyse.h"
#include "load/model.h"

/* Indexed by rr_status. */
static const uint32_t PALETTE_STATUS[STATUS_COUNT] = {
    [STATUS_UNKNOWN] = 0xBFBFBF,     /* grey: nothing reported */
    [STATUS_PLANNED] = 0x9DC3E6,     /* light blue */
    [STATUS_IN_PROGRESS] = 0x2E75B6, /* blue */
    [STATUS_ONGOING] = 0x5B9BD5,     /* mid blue: recurring work */
    [STATUS_DONE] = 0x70AD47,        /* green */
    [STATUS_DELAYED] = 0xC00000,     /* red */
    [STATUS_ON_HOLD] = 0xED7D31,     /* orange */
    [STATUS_CANCELLED] = 0x7F7F7F,   /* dark grey */
};

/* Strong colours (text, chart bars) and light fills (cells), indexed by rr_signal. */
static const uint32_t PALETTE_SIGNAL[SIGNAL_COUNT] = {
    [SIGNAL_GREEN] = 0x548235,
    [SIGNAL_AMBER] = 0xED7D31,
    [SIGNAL_RED] = 0xC00000,
};
static const uint32_t PALETTE_SIGNAL_FILL[SIGNAL_COUNT] = {
    [SIGNAL_GREEN] = 0xE2EFDA,
    [SIGNAL_AMBER] = 0xFCE4D6,
    [SIGNAL_RED] = 0xF4CCCC,
};

/* Order in which statuses are stacked and listed: from done to nothing known. */
static const rr_status PALETTE_STATUS_ORDER[STATUS_COUNT] = {
    STATUS_DONE,    STATUS_ONGOING,   STATUS_IN_PROGRESS, STATUS_PLANNED,
    STATUS_ON_HOLD, STATUS_DELAYED,   STATUS_CANCELLED,   STATUS_UNKNOWN,
};

#endif
