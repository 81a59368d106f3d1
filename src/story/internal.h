/*
 * story/internal.h — what story.c and load.c share.
 */
#ifndef PX_STORY_INTERNAL_H
#define PX_STORY_INTERNAL_H

#include "parallax/story.h"

/* Set the story's id (bytes that are not UTF-8 become U+FFFD). */
void px_story_set_id(px_story *s, const char *id);

#endif
