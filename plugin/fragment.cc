// SPDX-License-Identifier: GPL-2.0-or-later
// Builds the fragment of the unit and puts it where the tools read it.
#include "fragment.h"
#include "vmsd.h"
#include "unknown.h"
#include "tree-eval.h"
#include "vmstate-plugin.h"
#include "qom.h"
#include "register.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char *text;
static char unit_id[17];

static unsigned long long
fnv1a (unsigned long long hash, const char *s)
{
	/* The NUL is hashed too, so that "ab","c" and "a","bc" differ. */
	do {
		hash ^= (unsigned char) *s;
		hash *= 0x100000001b3ULL;
	} while (*s++);
	return hash;
}

/* 16 hex digits from the source, directory, output name and GCC's random seed: two
 * compilations of one source into different objects get different ids. */
static const char *
compute_unit_id (void)
{
	char seed[32];
	snprintf (seed, sizeof seed, "%llx", vx_random_seed ());
	unsigned long long hash = 0xcbf29ce484222325ULL;
	hash = fnv1a (hash, main_input_filename ? main_input_filename : "");
	hash = fnv1a (hash, getpwd ());
	hash = fnv1a (hash, dump_dir_name ? dump_dir_name : "");
	hash = fnv1a (hash, dump_base_name ? dump_base_name : "");
	hash = fnv1a (hash, seed);
	snprintf (unit_id, sizeof unit_id, "%016llx", hash);
	return unit_id;
}

static json_t *
fragment_json (void)
{
	json_t *producer = json_object ();
	json_object_set_new (producer, "name", vx_json_string ("vmstate.so"));
	json_object_set_new (producer, "version", vx_json_string (VMSTATE_PLUGIN_VERSION));
	json_object_set_new (producer, "gcc", vx_json_string (vx_gcc_basever));

	json_t *unit = json_object ();
	json_object_set_new (unit, "source",
			     vx_json_string (main_input_filename ? main_input_filename : ""));
	json_object_set_new (unit, "directory", vx_json_string (getpwd ()));
	json_object_set_new (unit, "id", vx_json_string (compute_unit_id ()));

	/* Collect the QOM part first: it may add unknowns. */
	json_t *qom = qom_unit_json ();

	json_t *f = json_object ();
	json_object_set_new (f, "vmstate-fragment", json_integer (1));
	json_object_set_new (f, "producer", producer);
	json_object_set_new (f, "unit", unit);
	json_object_set_new (f, "vmstates", vmsd_unit_vmstates ());
	json_object_set_new (f, "infos", vmsd_unit_infos ());
	json_object_set_new (f, "registers", register_unit_json ());
	json_object_set_new (f, "unknowns", vx_unit_unknowns ());
	json_object_set_new (f, "qom", qom);
	return f;
}

const char *
fragment_text (void)
{
	if (!text) {
		json_t *f = fragment_json ();
		text = json_dumps (f, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref (f);
		if (!text)
			fatal_error (UNKNOWN_LOCATION, "vmstate: cannot format the fragment");
	}
	return text;
}

/* Appends BYTES as the operand of .ascii, escaped for the assembler. */
static void
escape_ascii (obstack *out, const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = bytes[i];
		if (c == '"' || c == '\\') {
			obstack_1grow (out, '\\');
			obstack_1grow (out, c);
		} else if (c >= 0x20 && c < 0x7f) {
			obstack_1grow (out, c);
		} else {
			char octal[5];
			snprintf (octal, sizeof octal, "\\%03o", c);
			obstack_grow (out, octal, 4);
		}
	}
}

/* A warning, or a note where -Werror would make the warning break the build.  USER is
 * the variable or function in the section, or "top-level asm". */
static void
say_no_fragment (location_t loc, const char *user)
{
	const char *text = "vmstate: %s writes to section %qs, as the plugin does; this "
			   "object gets no fragment";
	if (vx_warnings_are_errors ())
		inform (loc, text, user, VX_FRAGMENT_SECTION);
	else
		warning_at (loc, 0, text, user, VX_FRAGMENT_SECTION);
}

bool
fragment_section_taken (void)
{
	symtab_node *node;
	FOR_EACH_SYMBOL (node) {
		const char *section = node->get_section ();
		if (section && strcmp (section, VX_FRAGMENT_SECTION) == 0) {
			char *user = xasprintf ("'%s'", node->name ());
			say_no_fragment (DECL_SOURCE_LOCATION (node->decl), user);
			free (user);
			return true;
		}
	}
	for (asm_node *a = symtab->first_asm_symbol (); a; a = a->next)
		if (strstr (TREE_STRING_POINTER (a->asm_str), VX_FRAGMENT_SECTION)) {
			say_no_fragment (UNKNOWN_LOCATION, "top-level asm");
			return true;
		}
	return false;
}

void
fragment_emit_asm (const char *json_text)
{
	/* Short .ascii lines keep the assembler's input reasonable; one .byte 0 ends the
	 * fragment so that readers can split concatenated sections at NULs. */
	static const size_t chunk = 512;
	obstack out;
	obstack_init (&out);
	/* "@progbits" on x86, "%progbits" where '@' starts a comment (the target's own
	 * TYPE_OPERAND_FMT says which). */
#ifdef TYPE_OPERAND_FMT
	char type[32];
	snprintf (type, sizeof type, TYPE_OPERAND_FMT, "progbits");
#else
	const char *type = "@progbits";
#endif
	char *head = xasprintf ("\t.pushsection " VX_FRAGMENT_SECTION ",\"\",%s\n", type);
	obstack_grow (&out, head, strlen (head));
	free (head);
	size_t len = strlen (json_text);
	for (size_t at = 0; at < len; at += chunk) {
		obstack_grow (&out, "\t.ascii \"", 9);
		escape_ascii (&out, json_text + at, MIN (chunk, len - at));
		obstack_grow (&out, "\"\n", 2);
	}
	const char *tail = "\t.byte 0\n\t.popsection\n";
	obstack_grow0 (&out, tail, strlen (tail));
	const char *assembly = (const char *) obstack_finish (&out);
	symtab->finalize_toplevel_asm (build_string (strlen (assembly) + 1, assembly));
	obstack_free (&out, NULL);
}

bool
fragment_write_file (const char *dir, const char *json_text)
{
	char *path = concat (dir, "/", unit_id[0] ? unit_id : compute_unit_id (),
			     ".vmfrag.json", NULL);
	char *temporary = concat (path, ".tmp", NULL);
	FILE *file = fopen (temporary, "w");
	bool ok = file != NULL;
	if (ok) {
		ok = fputs (json_text, file) >= 0 && fputc ('\n', file) != EOF;
		ok = (fclose (file) == 0) && ok;
	}
	if (ok)
		ok = rename (temporary, path) == 0;
	if (!ok) {
		error ("vmstate: cannot write fragment file %qs: %s", path, xstrerror (errno));
		unlink (temporary);
	}
	free (temporary);
	free (path);
	return ok;
}
