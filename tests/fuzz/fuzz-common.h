/* fuzz-common.h: what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points; fuzz-main.c calls them without libFuzzer. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Reports a broken promise and aborts, which libFuzzer records as a crash. */
void fuzz_fail              (const char     *format,
                             ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

G_END_DECLS
