/*
 * util/toolbox.h — the library's internal toolbox, for src/ and the tests
 * only (not installed, not part of the public API): see parallax/util.h
 * for what researchers link against.
 */
#ifndef PX_UTIL_TOOLBOX_H
#define PX_UTIL_TOOLBOX_H

#include "parallax/util.h"
#include "util/escape.h"

#endif
