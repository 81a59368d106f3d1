/*
 * parallax/parallax.h — the public API in one include.
 */
#ifndef PARALLAX_H
#define PARALLAX_H

#include "parallax/util.h"
#include "parallax/ingest.h"
#include "parallax/fetch.h"
#include "parallax/text.h"
#include "parallax/align.h"
#include "parallax/frame.h"
#include "parallax/compare.h"
#include "parallax/story.h"
#include "parallax/report.h"
#include "parallax/worksheet.h"
#include "parallax/batch.h"

#endif
