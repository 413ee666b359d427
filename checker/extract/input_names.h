/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Input names kept once each, for the fragments that name their input.
 *
 * Contract: input_names_intern() returns a copy of NAME that lives until
 * input_names_free(); fragments arrive in runs from one input, so only the newest name
 * is looked at (a name seen again after another gets a second copy, which is harmless).
 * A zeroed struct is an empty list. */
#ifndef VMSTATE_EXTRACT_INPUT_NAMES_H
#define VMSTATE_EXTRACT_INPUT_NAMES_H

#include <stddef.h>

struct input_names {
	char **names;
	size_t count, cap;
};

const char *input_names_intern(struct input_names *list, const char *name);
void input_names_free(struct input_names *list);

#endif
