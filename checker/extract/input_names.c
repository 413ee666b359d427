/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "input_names.h"

#include <stdlib.h>
#include <string.h>

#include "../common/alloc.h"

const char *input_names_intern(struct input_names *list, const char *name)
{
	if (list->count && !strcmp(list->names[list->count - 1], name))
		return list->names[list->count - 1];
	xgrow(&list->names, &list->cap, list->count + 1, sizeof(*list->names));
	list->names[list->count] = xstrdup(name);
	return list->names[list->count++];
}

void input_names_free(struct input_names *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->names[i]);
	free(list->names);
	memset(list, 0, sizeof(*list));
}
