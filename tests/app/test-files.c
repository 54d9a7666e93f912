/* test-files.c: saving and opening through the window when things go wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves keep a backup; a save into a read-only folder or onto a full disk
 * says what and where in the window and loses nothing; a file someone else
 * changed is noticed while open and before it is overwritten; every bad
 * file the loader knows of is refused with its message and leaves the open
 * graph as it was.
 *
 * The read-only folder and the full disk are real: a read-only bind mount
 * and a 16 KiB tmpfs, made in a mount namespace of this process's own, so
 * the kernel takes them away however the test ends. Without the rights for
 * that (not root), a folder made read-only with chmod stands in for the
 * first; the second is then skipped, saying why.
 */

#define G_LOG_DOMAIN "test-files"
#define _GNU_SOURCE

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "swy-window.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"
#include "../io/bad-inputs.h"

static SwyApplication *app;
static char *mount_unavailable;   /* why mounts cannot be made here, or NULL */

static const char small_graph[] =
  "{\n"
  "  \"format\": \"switchyard\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Small\",\n"
  "  \"nodes\": [\n"
  "    {\n"
  "      \"id\": \"timer1\",\n"
  "      \"type\": \"timer\",\n"
  "      \"x\": 0,\n"
  "      \"y\": 0\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"log1\",\n"
  "      \"type\": \"log\",\n"
  "      \"x\": 200,\n"
  "      \"y\": 0\n"
  "    }\n"
  "  ],\n"
  "  \"wires\": [\n"
  "    {\n"
  "      \"from\": \"timer1:out\",\n"
  "      \"to\": \"log1:in\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

static const char other_graph[] =
  "{\n"
  "  \"format\": \"switchyard\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Changed elsewhere\",\n"
  "  \"nodes\": [\n"
  "    {\n"
  "      \"id\": \"counter9\",\n"
  "      \"type\": \"counter\",\n"
  "      \"x\": 40,\n"
  "      \"y\": 40\n"
  "    }\n"
  "  ],\n"
  "  \"wires\": []\n"
  "}\n";

/* Main loop */

static void
spin_for_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, test_set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Files and folders */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Writes @text over @path as another program would, with a modification
 * time clearly apart from the one before, so no clock granularity hides it. */
static void
write_as_someone_else (const char *path,
                       const char *text)
{
  GStatBuf st;
  struct utimbuf times;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  write_file (path, text);
  times.actime = st.st_atime + 10;
  times.modtime = st.st_mtime + 10;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The window */

static SwyWindow *
new_window_with_file (const char *path)
{
  SwyWindow *window = swy_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (swy_window_open_file (window, file));
  spin_until_idle ();

  return window;
}

static void
close_window (SwyWindow *window)
{
  /* Whatever is unsaved is let go here on purpose. */
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
}

static SwyGraph *
window_graph (SwyWindow *window)
{
  return swy_document_get_graph (swy_window_get_document (window));
}

static void
add_nodes (SwyWindow *window,
           guint      count)
{
  SwyDocument *document = swy_window_get_document (window);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (swy_document_add_node (document, "timer", 40.0 * i, 300, &error));
      g_assert_no_error (error);
    }
}

/* The message dialog the window shows, or NULL. */
static AdwMessageDialog *
find_dialog (SwyWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static AdwMessageDialog *
wait_for_dialog (SwyWindow *window)
{
  AdwMessageDialog *dialog;

  spin_until_idle ();
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);

  return dialog;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Clicks the dialog's button for @response, as the user would. */
static void
answer (SwyWindow        *window,
        AdwMessageDialog *dialog,
        const char       *response)
{
  GtkWidget *button = test_find_widget (GTK_WIDGET (dialog), is_button_with_label,
                                        adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin_until_idle ();
  g_assert_null (find_dialog (window));
}

static void
save (SwyWindow *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  spin_until_idle ();
}

/* Mounts */

/* A mount namespace of this process's own: mounts made in it go away with
 * the process, however it ends. Done before any thread starts. */
static void
enter_mount_namespace (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    mount_unavailable = g_strdup_printf ("cannot make a mount namespace (unshare: %s)",
                                         g_strerror (errno));
  else if (mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    mount_unavailable = g_strdup_printf ("cannot make mounts private (mount: %s)",
                                         g_strerror (errno));
}

static void
unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

/* Tests */

/* Every save keeps the version it replaces as name.swy~, with its mode. */
static void
test_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("swy-files-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.swy", NULL);
  g_autofree char *backup = g_build_filename (dir, "graph.swy~", NULL);
  g_autofree char *first = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *second = NULL;
  g_autofree char *kept_again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *names = NULL;
  SwyWindow *window;
  GStatBuf st;

  write_file (path, small_graph);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  window = new_window_with_file (path);

  add_nodes (window, 1);
  save (window);
  g_assert_false (swy_document_get_modified (swy_window_get_document (window)));
  kept = read_file (backup);
  g_assert_cmpstr (kept, ==, small_graph);
  first = read_file (path);
  g_assert_cmpstr (first, !=, small_graph);

  add_nodes (window, 1);
  save (window);
  kept_again = read_file (backup);
  second = read_file (path);
  expected = swy_graph_save_to_data (window_graph (window), NULL);
  g_assert_cmpstr (kept_again, ==, first);
  g_assert_cmpstr (second, ==, expected);

  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "graph.swy graph.swy~");

  /* Our own saves are not changes made by someone else. */
  spin_for_ms (1500);
  g_assert_null (_swy_window_get_changed_banner_text (window));

  close_window (window);
  remove_tree (dir);
}

/* Saving fails: the window says what, where and why in a dialog, the
 * document stays unsaved with every edit, and the folder holds exactly
 * @names with the original text in @path. Then the edits save elsewhere. */
static void
assert_save_fails (SwyWindow  *window,
                   const char *dir,
                   const char *path,
                   const char *reason,
                   const char *names)
{
  SwyDocument *document = swy_window_get_document (window);
  g_autofree char *edited = swy_graph_save_to_data (window_graph (window), NULL);
  g_autofree char *prefix = g_strdup_printf ("“%s” was not saved: ", path);
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *elsewhere_dir = g_dir_make_tmp ("swy-files-XXXXXX", NULL);
  g_autofree char *elsewhere_path = g_build_filename (elsewhere_dir, "rescued.swy", NULL);
  g_autoptr(GFile) elsewhere = g_file_new_for_path (elsewhere_path);
  g_autofree char *rescued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (swy_document_get_modified (document));
  save (window);

  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, prefix));
  g_assert_nonnull (strstr (body, reason));
  g_assert_nonnull (strstr (body, "Your changes are still here, and the file on disk is as it was."));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  answer (window, dialog, "close");

  g_assert_true (swy_document_get_modified (document));
  title = swy_document_dup_title (document);
  g_assert_cmpstr (title, ==, "graph.swy");
  after = swy_graph_save_to_data (window_graph (window), NULL);
  g_assert_cmpstr (after, ==, edited);
  now = read_file (path);
  g_assert_cmpstr (now, ==, small_graph);
  listed = list_dir (dir);
  g_assert_cmpstr (listed, ==, names);

  /* Nothing was lost: the same edits save to a place that takes them. */
  g_assert_true (swy_document_save_file (document, elsewhere, &error));
  g_assert_no_error (error);
  rescued = read_file (elsewhere_path);
  g_assert_cmpstr (rescued, ==, edited);
  g_assert_false (swy_document_get_modified (document));
  remove_tree (elsewhere_dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("swy-files-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.swy", NULL);
  const char *reason;
  gboolean mounted = FALSE;
  SwyWindow *window;

  write_file (path, small_graph);

  /* A read-only bind mount of the folder onto itself stops root too;
   * chmod stops anyone else. */
  if (mount_unavailable == NULL)
    {
      g_assert_cmpint (mount (dir, dir, NULL, MS_BIND, NULL), ==, 0);
      g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), ==, 0);
      mounted = TRUE;
      reason = g_strerror (EROFS);
    }
  else if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      reason = g_strerror (EACCES);
    }
  else
    {
      g_autofree char *why = g_strdup_printf ("no way to make a read-only folder: %s, and "
                                              "chmod does not stop root", mount_unavailable);

      g_test_skip (why);
      remove_tree (dir);
      return;
    }

  window = new_window_with_file (path);
  add_nodes (window, 2);
  assert_save_fails (window, dir, path, reason, "graph.swy");
  close_window (window);

  if (mounted)
    unmount (dir);
  else
    g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  remove_tree (dir);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = g_dir_make_tmp ("swy-files-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.swy", NULL);
  g_autofree char *edited = NULL;
  SwyWindow *window;

  if (mount_unavailable != NULL)
    {
      g_autofree char *why = g_strdup_printf ("no way to make a small file system: %s",
                                              mount_unavailable);

      g_test_skip (why);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      return;
    }

  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=16k,mode=0755"), ==, 0);
  write_file (path, small_graph);
  window = new_window_with_file (path);

  /* Bigger than the whole file system. */
  add_nodes (window, 300);
  edited = swy_graph_save_to_data (window_graph (window), NULL);
  g_assert_cmpuint (strlen (edited), >, 16 * 1024);

  /* The backup is a hard link, which takes no space. */
  assert_save_fails (window, dir, path, g_strerror (ENOSPC), "graph.swy graph.swy~");
  close_window (window);

  unmount (dir);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Saving over a file someone else changed asks first: Cancel leaves their
 * version, Save Anyway writes ours (theirs stays as the backup), Reload
 * takes theirs. */
static void
test_changed_on_disk_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("swy-files-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.swy", NULL);
  g_autofree char *backup = g_build_filename (dir, "graph.swy~", NULL);
  g_autofree char *prefix = g_strdup_printf ("“%s” was changed by another program", path);
  g_autoptr(SwyGraph) theirs = swy_graph_new_from_data (other_graph, -1, NULL);
  g_autofree char *theirs_text = swy_graph_save_to_data (theirs, NULL);
  SwyWindow *window;
  SwyDocument *document;
  AdwMessageDialog *dialog;

  write_file (path, small_graph);
  window = new_window_with_file (path);
  document = swy_window_get_document (window);

  /* Cancel */
  add_nodes (window, 1);
  write_as_someone_else (path, other_graph);
  save (window);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), prefix));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  answer (window, dialog, "cancel");
  {
    g_autofree char *now = read_file (path);

    g_assert_cmpstr (now, ==, other_graph);
    g_assert_true (swy_document_get_modified (document));
  }

  /* Save Anyway */
  save (window);
  dialog = wait_for_dialog (window);
  answer (window, dialog, "overwrite");
  {
    g_autofree char *now = read_file (path);
    g_autofree char *ours = swy_graph_save_to_data (window_graph (window), NULL);
    g_autofree char *kept = read_file (backup);

    g_assert_cmpstr (now, ==, ours);
    g_assert_cmpstr (kept, ==, other_graph);
    g_assert_false (swy_document_get_modified (document));
  }

  /* Saved since: no question any more. */
  add_nodes (window, 1);
  save (window);
  g_assert_null (find_dialog (window));
  g_assert_false (swy_document_get_modified (document));

  /* Reload */
  add_nodes (window, 1);
  write_as_someone_else (path, other_graph);
  save (window);
  dialog = wait_for_dialog (window);
  answer (window, dialog, "reload");
  {
    g_autofree char *now = read_file (path);
    g_autofree char *shown = swy_graph_save_to_data (window_graph (window), NULL);

    g_assert_cmpstr (now, ==, other_graph);
    g_assert_cmpstr (shown, ==, theirs_text);
    g_assert_false (swy_document_get_modified (document));
  }

  close_window (window);
  remove_tree (dir);
}

static void
wait_for_banner (SwyWindow *window)
{
  gboolean given_up = FALSE;
  guint guard = g_timeout_add_seconds (TEST_GUARD_SECONDS, test_set_flag_cb, &given_up);

  while (!given_up && _swy_window_get_changed_banner_text (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (given_up);
  g_source_remove (guard);
}

/* The window notices while the file is open, and Reload brings in the
 * other version, asking first when that would drop unsaved edits. */
static void
test_changed_on_disk_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("swy-files-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.swy", NULL);
  g_autoptr(SwyGraph) theirs = swy_graph_new_from_data (other_graph, -1, NULL);
  g_autofree char *theirs_text = swy_graph_save_to_data (theirs, NULL);
  g_autofree char *shown = NULL;
  g_autofree char *shown_again = NULL;
  SwyWindow *window;
  SwyDocument *document;
  AdwMessageDialog *dialog;

  write_file (path, small_graph);
  window = new_window_with_file (path);
  document = swy_window_get_document (window);
  g_assert_null (_swy_window_get_changed_banner_text (window));

  /* Not modified here: Reload just reloads. */
  write_as_someone_else (path, other_graph);
  wait_for_banner (window);
  g_assert_cmpstr (_swy_window_get_changed_banner_text (window), ==,
                   "“graph.swy” was changed by another program.");
  g_action_group_activate_action (G_ACTION_GROUP (window), "reload", NULL);
  spin_until_idle ();
  g_assert_null (find_dialog (window));
  g_assert_null (_swy_window_get_changed_banner_text (window));
  shown = swy_graph_save_to_data (window_graph (window), NULL);
  g_assert_cmpstr (shown, ==, theirs_text);
  g_assert_false (swy_document_get_modified (document));

  /* Modified here: Reload asks before dropping the edits. */
  add_nodes (window, 1);
  write_as_someone_else (path, small_graph);
  wait_for_banner (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "reload", NULL);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  answer (window, dialog, "cancel");
  g_assert_true (swy_document_get_modified (document));
  g_action_group_activate_action (G_ACTION_GROUP (window), "reload", NULL);
  dialog = wait_for_dialog (window);
  answer (window, dialog, "discard");
  g_assert_false (swy_document_get_modified (document));
  g_assert_null (_swy_window_get_changed_banner_text (window));
  {
    g_autoptr(SwyGraph) small = swy_graph_new_from_data (small_graph, -1, NULL);
    g_autofree char *small_text = swy_graph_save_to_data (small, NULL);

    shown_again = swy_graph_save_to_data (window_graph (window), NULL);
    g_assert_cmpstr (shown_again, ==, small_text);
  }

  close_window (window);
  remove_tree (dir);
}

typedef struct
{
  char *name;
  char *text;
  char *message;    /* the loader's message; a trailing "*" matches any rest */
} BadFile;

static void
bad_file_free (gpointer data)
{
  BadFile *bad = data;

  g_free (bad->name);
  g_free (bad->text);
  g_free (bad->message);
  g_free (bad);
}

/* Every bad input of the loader's test, and every input that once crashed
 * the fuzzed loader (they are all malformed), with the message expected. */
static GPtrArray *
collect_bad_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (bad_file_free);
  g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions",
                                                        "swy-loader", NULL);
  g_autoptr(GDir) handle = g_dir_open (regressions, 0, NULL);
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      BadFile *bad = g_new0 (BadFile, 1);

      bad->name = g_strdup_printf ("bad-input-%02u.swy", i);
      bad->text = g_strdup (bad_inputs[i].text);
      bad->message = g_strdup (bad_inputs[i].message);
      g_ptr_array_add (files, bad);
    }

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (regressions, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SwyGraph) graph = NULL;
      BadFile *bad;

      if (name[0] == '.')   /* .gitkeep */
        continue;

      bad = g_new0 (BadFile, 1);
      bad->name = g_strdup_printf ("%s.swy", name);
      bad->text = read_file (path);
      graph = swy_graph_new_from_data (bad->text, -1, &error);
      g_assert_null (graph);
      g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_SYNTAX);
      /* Each says where: a line and a column. */
      g_assert_true (g_str_has_prefix (error->message, "line "));
      bad->message = g_strdup (error->message);
      g_ptr_array_add (files, bad);
    }
  g_assert_cmpuint (files->len, >=, G_N_ELEMENTS (bad_inputs) + 3);

  return files;
}

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("swy-files-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.swy", NULL);
  g_autoptr(GPtrArray) files = collect_bad_files ();
  g_autofree char *before = NULL;
  SwyWindow *window;
  SwyDocument *document;
  GFile *open_file;

  write_file (path, small_graph);
  window = new_window_with_file (path);
  document = swy_window_get_document (window);
  add_nodes (window, 1);   /* unsaved edits, which must survive too */
  before = swy_graph_save_to_data (window_graph (window), NULL);
  open_file = swy_document_get_file (document);

  for (guint i = 0; i < files->len; i++)
    {
      BadFile *bad = g_ptr_array_index (files, i);
      g_autofree char *bad_path = g_build_filename (dir, bad->name, NULL);
      g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
      g_autofree char *expected = g_strdup_printf ("Could not open “%s”: %s", bad_path, bad->message);
      g_autofree char *after = NULL;
      const char *shown;

      g_test_message ("%s: %s", bad->name, bad->message);
      write_file (bad_path, bad->text);
      g_assert_false (swy_window_open_file (window, bad_file));
      spin_until_idle ();

      shown = _swy_window_get_last_toast (window);
      g_assert_nonnull (shown);
      if (g_str_has_suffix (expected, "*"))
        {
          expected[strlen (expected) - 1] = '\0';
          g_assert_true (g_str_has_prefix (shown, expected));
        }
      else
        g_assert_cmpstr (shown, ==, expected);

      /* The open graph, its file, its edits and its history are untouched. */
      after = swy_graph_save_to_data (window_graph (window), NULL);
      g_assert_cmpstr (after, ==, before);
      g_assert_true (swy_document_get_file (document) == open_file);
      g_assert_true (swy_document_get_modified (document));
      g_assert_true (swy_document_get_can_undo (document));
    }

  close_window (window);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  enter_mount_namespace ();
  app = test_app_new (&argc, &argv);
  if (mount_unavailable != NULL)
    g_test_message ("%s", mount_unavailable);

  g_test_add_func ("/Swy/Files/backup", test_backup);
  g_test_add_func ("/Swy/Files/read-only-folder", test_read_only_folder);
  g_test_add_func ("/Swy/Files/disk-full", test_disk_full);
  g_test_add_func ("/Swy/Files/changed-on-disk/save", test_changed_on_disk_save);
  g_test_add_func ("/Swy/Files/changed-on-disk/banner", test_changed_on_disk_banner);
  g_test_add_func ("/Swy/Files/bad-files", test_bad_files);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&mount_unavailable, g_free);

  return status;
}
