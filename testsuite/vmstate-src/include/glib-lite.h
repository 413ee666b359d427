/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The few glib string helpers that QOM registrations use, under glib's own names
 * (the extractor's evaluator models those names), so the tree needs no glib. */
#ifndef VSRC_GLIB_LITE_H
#define VSRC_GLIB_LITE_H

typedef char gchar;

/* A new copy of S (NULL for NULL). */
gchar *g_strdup(const gchar *s);
/* A new string formatted like sprintf. */
gchar *g_strdup_printf(const gchar *format, ...) __attribute__((format(printf, 1, 2)));
void g_free(void *p);

#endif
