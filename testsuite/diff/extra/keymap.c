// SPDX-License-Identifier: GPL-2.0-or-later
/* The example tree's meson subproject (testsuite/diff/make-example-repo.sh): a unit
 * fetched from a .wrap file, as QEMU's keycodemapdb is; it holds no vmstate. */
int keymap_size = 3;
