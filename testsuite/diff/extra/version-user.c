// SPDX-License-Identifier: GPL-2.0-or-later
/* Part of the ninja test tree: a unit of the target that needs a generated header. */
#include "extra-version.h"

int extra_version = EXTRA_VERSION;
