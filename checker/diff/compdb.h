/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compile_commands.json: reading it, and turning a compile command into the plugin's
 * -fsyntax-only run. */
#ifndef VD_COMPDB_H
#define VD_COMPDB_H

#include "util.h"

struct vd_tu {
	char *directory;   /* absolute */
	char *file;        /* absolute, lexically normalized */
	char *output;      /* absolute, lexically normalized; NULL when not given */
	struct vd_strv args;
};

struct vd_compdb {
	struct vd_tu *tus;
	size_t n;
};

/* Reads PATH; dies with "PATH: entry N: ..." on a malformed file. */
void vd_compdb_read(const char *path, struct vd_compdb *db);

/* Splits a command line the way a POSIX shell splits words (quotes, backslashes; no
 * expansions).  Returns false on an unterminated quote. */
bool vd_shell_split(const char *cmd, struct vd_strv *out);

/* Lexically normalized absolute path of PATH taken relative to DIR ("." and ".." folded). */
char *vd_normalize_path(const char *dir, const char *path);

/* True for the sources the plugin can read (C; C++ also goes through g++). */
bool vd_tu_is_c_like(const struct vd_tu *tu);

/* TU's compiler (after a launcher such as ccache), and whether it is clang, which cannot
 * load a GCC plugin. */
const char *vd_tu_compiler(const struct vd_tu *tu);
bool vd_tu_is_clang(const struct vd_tu *tu);

/* --cc: every unit compiled by CC instead, without its warning options (-W..., but for
 * -Wp, -Wa, and -Wl,), which another compiler may not know and which the plugin's run
 * (-w) does not use. */
void vd_compdb_set_compiler(struct vd_compdb *db, const char *cc);

/* The compiler command of TU for the plugin: a -fsyntax-only run that writes its fragment
 * into DUMP_DIR and its dependencies to DEPFILE.  The object, dependency and vmstate
 * plugin options of the build are removed; a ccache-like launcher is dropped. */
void vd_syntax_only_args(const struct vd_tu *tu, const char *plugin, const char *dump_dir,
			 const char *depfile, struct vd_strv *out);

/* The compiler and options of TU that a precompiled header must share with it: the
 * command above without the source file, the plugin and the -fsyntax-only run's own. */
void vd_pch_options(const struct vd_tu *tu, struct vd_strv *out);

#endif
