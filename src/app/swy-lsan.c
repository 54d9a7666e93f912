/* swy-lsan.c: what LeakSanitizer should not count, in the sanitizer build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compiled into the application and every GUI test (the static library
 * they link whole); empty unless built with -fsanitize=address.
 *
 * GLib's constructor allocates its quark table, and GLib replaces the table
 * without freeing the old one once a process has made 2048 quarks (GLib
 * issue 2312: lock-free lookups). Every window of the app makes about that
 * many (type, property and signal names, CSS classes), so LeakSanitizer
 * reported those 16 KiB in every GUI test, depending on how many quarks the
 * test happened to reach. A suppression cannot name it: GLib has no frame
 * pointers, so the leak's stack stops at g_malloc(), which all our own
 * allocations pass through too.
 *
 * So leak checking is off while shared libraries run their constructors,
 * and on again before any code of ours: an executable's preinit functions
 * run before every shared library's constructor, its own constructors after
 * them all. Allocations made in between (libraries setting themselves up
 * for the life of the process) are never reported; everything after is.
 */

#include "config.h"

#if defined(__SANITIZE_ADDRESS__)
# define SWY_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SWY_ASAN 1
# endif
#endif

#ifdef SWY_ASAN

#include <sanitizer/lsan_interface.h>

static void
lsan_off (int    argc,
          char **argv,
          char **envp)
{
  (void) argc;
  (void) argv;
  (void) envp;
  __lsan_disable ();
}

__attribute__((section (".preinit_array"), used))
static void (*const swy_lsan_preinit) (int, char **, char **) = lsan_off;

__attribute__((constructor))
static void
lsan_on (void)
{
  __lsan_enable ();
}

#endif
