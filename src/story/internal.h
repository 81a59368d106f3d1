/*
 * story/internal.h — what story.c and load.c share.
 */
#ifndef PX_STORY_INTERNAL_H
#define PX_STORY_INTERNAL_H

#include "parallax/story.h"
#include "util/toolbox.h"

/* Is a file of a story folder an outlet's article? Not hidden files, the
 * story's metadata (story.json), READMEs, licences, gold files or scripts. */
bool px_load_article_file(const char *name);

/* Set the story's id (bytes that are not UTF-8 become U+FFFD). */
void px_story_set_id(px_story *s, const char *id);

#endif
