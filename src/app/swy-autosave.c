/* swy-autosave.c: unsaved edits kept on disk, to survive a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each window with unsaved edits keeps a copy of its graph in
 * $XDG_STATE_HOME/switchyard/autosave/, written atomically a moment after the
 * last edit, with a sidecar ".uri" file naming the file the graph belongs to.
 * The copy goes away when the graph is saved, reverted or closed on purpose.
 * What is left there when Switchyard starts was left by a crash.
 */

#define G_LOG_DOMAIN "swy-autosave"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "swy-autosave.h"

char *
swy_autosave_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "switchyard", "autosave", NULL);
}

/* A fresh file name: the process id keeps two instances apart, the random
 * part keeps windows apart. */
char *
swy_autosave_new_path (void)
{
  g_autofree char *dir = swy_autosave_get_dir ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("%s.swy", uuid);

  return g_build_filename (dir, name, NULL);
}

static char *
sidecar_path (const char *path)
{
  return g_strconcat (path, ".uri", NULL);
}

gboolean
swy_autosave_write (const char  *path,
                    const char  *data,
                    GFile       *file,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sidecar = sidecar_path (path);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : g_strdup ("");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The sidecar first: a graph without one is still restored, as untitled. */
  return g_file_set_contents (sidecar, uri, -1, error) &&
         g_file_set_contents (path, data, -1, error);
}

void
swy_autosave_remove (const char *path)
{
  g_autofree char *sidecar = sidecar_path (path);

  g_remove (path);
  g_remove (sidecar);
}

void
swy_recovered_free (SwyRecovered *recovered)
{
  g_free (recovered->path);
  g_free (recovered->data);
  g_clear_object (&recovered->file);
  g_free (recovered);
}

/**
 * swy_autosave_find:
 *
 * Lists the graphs left in the autosave folder.
 *
 * Returns: (transfer full) (element-type SwyRecovered): what can be restored
 */
GPtrArray *
swy_autosave_find (void)
{
  g_autofree char *dir = swy_autosave_get_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) swy_recovered_free);
  const char *name;

  if (handle == NULL)
    return found;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autoptr(SwyRecovered) recovered = NULL;
      g_autofree char *sidecar = NULL;
      g_autofree char *uri = NULL;

      if (!g_str_has_suffix (name, ".swy"))
        continue;

      recovered = g_new0 (SwyRecovered, 1);
      recovered->path = g_build_filename (dir, name, NULL);
      if (!g_file_get_contents (recovered->path, &recovered->data, NULL, NULL))
        continue;
      sidecar = sidecar_path (recovered->path);
      if (g_file_get_contents (sidecar, &uri, NULL, NULL) && uri[0] != '\0')
        recovered->file = g_file_new_for_uri (g_strstrip (uri));
      g_ptr_array_add (found, g_steal_pointer (&recovered));
    }

  return found;
}
