// SPDX-License-Identifier: GPL-2.0-or-later
// vmstate.so: entry point.  Checks the GCC it is loaded into, reads its arguments and
// registers the callbacks that collect the unit's facts and write its fragment.
#include "gcc-compat.h"
#include "vmstate-plugin.h"
#include "vmsd.h"
#include "fragment.h"
#include "qom.h"
#include "register.h"

#include <string.h>
#include <sys/stat.h>

VX_VISIBLE int plugin_is_GPL_compatible;

struct vx_options vx_options;
const char *vx_plugin_name = "vmstate";
const char *vx_gcc_basever = vx_built_for ()->basever;

static struct plugin_info info = {
	VMSTATE_PLUGIN_VERSION,
	"Records static VMStateDescription initializers and QOM type registrations in "
	"section .vmstate_fragment of each object.\n"
	"  -fplugin-arg-vmstate-dump-dir=DIR  also write DIR/<unit-id>.vmfrag.json\n"
	"  -fplugin-arg-vmstate-verbose       a note for each initializer it cannot record",
};

static bool emitted;

static void
on_finish_decl (void *gcc_data, void *)
{
	vmsd_finish_decl ((tree) gcc_data);
}

static void
on_pre_genericize (void *gcc_data, void *)
{
	register_scan_function ((tree) gcc_data);
}

static void
on_finish_type (void *gcc_data, void *)
{
	vmsd_finish_type ((tree) gcc_data);
}

/* The last moment before the symbol table streams (-flto) or writes top-level asm, and
 * still in the compilation of the source (not at link time). */
static void
on_ipa_start (void *, void *)
{
	if (in_lto_p || emitted || seen_error ())
		return;
	emitted = true;
	if (!fragment_section_taken ())
		fragment_emit_asm (fragment_text ());
}

/* Also under -fsyntax-only, where the IPA passes never run.  Not under -E (ccache runs
 * the preprocessor alone): no unit was compiled then. */
static void
on_finish (void *, void *)
{
	if (in_lto_p || flag_preprocess_only || seen_error () || !vx_options.dump_dir)
		return;
	fragment_write_file (vx_options.dump_dir, fragment_text ());
}

static bool
parse_arguments (const struct plugin_name_args *args)
{
	for (int i = 0; i < args->argc; i++) {
		const char *key = args->argv[i].key, *value = args->argv[i].value;
		if (strcmp (key, "dump-dir") == 0) {
			struct stat st;
			if (!value || !*value) {
				error ("vmstate: %<-fplugin-arg-%s-dump-dir%> needs a directory "
				       "(%<-fplugin-arg-%s-dump-dir=DIR%>)",
				       args->base_name, args->base_name);
				return false;
			}
			if (stat (value, &st) != 0 || !S_ISDIR (st.st_mode)) {
				error ("vmstate: dump directory %qs does not exist", value);
				return false;
			}
			vx_options.dump_dir = value;
		} else if (strcmp (key, "verbose") == 0) {
			if (value) {
				error ("vmstate: %<-fplugin-arg-%s-verbose%> takes no value",
				       args->base_name);
				return false;
			}
			vx_options.verbose = true;
		} else {
			error ("vmstate: unknown argument %<-fplugin-arg-%s-%s%> (expected "
			       "dump-dir=DIR or verbose)", args->base_name, key);
			return false;
		}
	}
	return true;
}

VX_VISIBLE int
plugin_init (struct plugin_name_args *args, struct plugin_gcc_version *version)
{
	if (!plugin_default_version_check (version, vx_built_for ())) {
		error ("vmstate: %s was built for GCC %s (%s) and cannot be loaded into "
		       "GCC %s (%s); rebuild it with this compiler",
		       args->full_name, vx_built_for ()->basever, vx_built_for ()->datestamp,
		       version->basever, version->datestamp);
		return 1;
	}
	vx_plugin_name = args->base_name;
	if (!parse_arguments (args))
		return 1;
	/* Other front ends (Fortran, Ada, ...) hold no C initializers: the plugin steps
	 * aside, as the kernel's plugins do.  lto1 ("GNU GIMPLE") only links. */
	if (!vx_front_end_is_c ())
		return 0;

	register_callback (vx_plugin_name, PLUGIN_INFO, NULL, &info);
	register_callback (vx_plugin_name, PLUGIN_FINISH_DECL, on_finish_decl, NULL);
	register_callback (vx_plugin_name, PLUGIN_FINISH_TYPE, on_finish_type, NULL);
	register_callback (vx_plugin_name, PLUGIN_PRE_GENERICIZE, on_pre_genericize, NULL);
	register_callback (vx_plugin_name, PLUGIN_ALL_IPA_PASSES_START, on_ipa_start, NULL);
	register_callback (vx_plugin_name, PLUGIN_FINISH, on_finish, NULL);
	if (!qom_plugin_init (vx_plugin_name))
		return 1;
	return 0;
}
