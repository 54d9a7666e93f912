/* swy-autosave.h: unsaved edits kept on disk, to survive a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char  *path;   /* the autosave file */
  char  *data;   /* the graph, as .swy text */
  GFile *file;   /* the file the graph belongs to, or NULL */
} SwyRecovered;

char      *swy_autosave_get_dir      (void);
char      *swy_autosave_new_path     (void);
gboolean   swy_autosave_write        (const char   *path,
                                      const char   *data,
                                      GFile        *file,
                                      GError      **error);
void       swy_autosave_remove       (const char   *path);
GPtrArray *swy_autosave_find         (void);
void       swy_recovered_free        (SwyRecovered *recovered);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwyRecovered, swy_recovered_free)

G_END_DECLS
