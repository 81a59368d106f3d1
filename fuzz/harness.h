/*
 * harness.h — what every fuzz harness offers the fuzzer (libFuzzer's
 * entry points) and the checks the harnesses share: a failed check aborts
 * with a message, which libFuzzer and the replay driver report as a crash.
 */
#ifndef PX_FUZZ_HARNESS_H
#define PX_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "parallax/parallax.h"
#include "util/toolbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property of the output the library promises; abort when it fails. */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Built once per process, kept to the end (the fuzzer runs one input
 * after another in one process; these are read-only). */
const px_furniture *fuzz_furniture(void);
const px_lexset *fuzz_lexicons(void);

/* What the library promises of its results; each FUZZ_CHECKs. */
void fuzz_check_utf8(const char *s, size_t n);
void fuzz_check_article(const px_article *art);
void fuzz_check_spans(const px_span *sp, size_t n, size_t len);
void fuzz_check_doc(const px_doc *d);

#endif
