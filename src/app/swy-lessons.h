/* swy-lessons.h: the lessons bundled with the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <swy.h>

G_BEGIN_DECLS

guint       swy_lessons_get_n_lessons   (void);
const char *swy_lessons_get_data        (guint        index);
const char *swy_lessons_get_title       (guint        index);
const char *swy_lessons_get_summary     (guint        index);
guint       swy_lessons_get_n_steps     (guint        index);
int         swy_lessons_find            (SwyGraph    *graph);
GdkTexture *swy_lessons_get_thumbnail   (guint        index,
                                         int          scale,
                                         gboolean     dark);
GdkTexture *swy_lessons_render_thumbnail (guint       index,
                                          int         scale,
                                          gboolean    dark);

#define SWY_LESSONS_THUMBNAIL_WIDTH  256
#define SWY_LESSONS_THUMBNAIL_HEIGHT 128

G_END_DECLS
