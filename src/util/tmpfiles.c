/*
 * tmpfiles.c — temporary files in flight, removed when a signal ends the
 * process.
 *
 * Every output is written to a temporary beside it and renamed into place
 * (file.c, batch/output.c). An error path unlinks its temporary itself; a
 * SIGINT, SIGTERM or SIGHUP would leave it behind, so writers register the
 * temporary's name here while it exists, and px_tmp_signals() installs a
 * handler that unlinks every registered name, then dies of the same signal.
 *
 * The handler may run on any thread while others register and unregister,
 * so the table is fixed (no allocation) and each slot is claimed with an
 * atomic compare-and-swap: free -> busy (being filled or emptied) -> armed.
 * The handler unlinks only armed slots, with unlink(2), which is
 * async-signal-safe. A writer creates its temporary between px_tmp_begin
 * and px_tmp_end: the handler first marks the process as dying (no new
 * creation starts; a thread that tries waits for the end), then waits a
 * moment for the creations in flight, so a file opened on another thread
 * while the handler runs is registered before the handler looks.
 * A name too long for a slot, or a full table, is not
 * registered: the file is still removed on every error path, and batch
 * --resume removes leftover ".*.tmp" files.
 *
 * Hands on: px_tmp_add/px_tmp_remove to file.c and batch/output.c;
 * px_tmp_signals to cli/main.c.
 */
#include "parallax/util.h"
#include "util/toolbox.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { SLOTS = 64, NAME_MAX_LEN = 1024 };
enum { FREE, BUSY, ARMED };

static struct {
    atomic_int state;
    char name[NAME_MAX_LEN];
} slots[SLOTS];

static atomic_int dying;    /* a handler is removing the temporaries */
static atomic_int creating; /* temporaries being created right now */

void px_tmp_begin(void)
{
    atomic_fetch_add(&creating, 1);
    if (atomic_load(&dying)) {
        atomic_fetch_sub(&creating, 1);
        for (;;)
            pause(); /* the process is about to die of the signal */
    }
}

void px_tmp_end(void)
{
    atomic_fetch_sub(&creating, 1);
}

int px_tmp_add(const char *path)
{
    size_t n = strlen(path);
    if (n >= NAME_MAX_LEN)
        return -1;
    for (int i = 0; i < SLOTS; i++) {
        int expect = FREE;
        if (atomic_compare_exchange_strong(&slots[i].state, &expect, BUSY)) {
            memcpy(slots[i].name, path, n + 1);
            atomic_store(&slots[i].state, ARMED);
            return i;
        }
    }
    return -1;
}

void px_tmp_remove(int slot)
{
    if (slot < 0 || slot >= SLOTS)
        return;
    atomic_store(&slots[slot].state, FREE);
}

size_t px_tmp_count(void)
{
    size_t n = 0;
    for (int i = 0; i < SLOTS; i++)
        n += atomic_load(&slots[i].state) == ARMED;
    return n;
}

static void on_signal(int sig)
{
    atomic_store(&dying, 1);
    /* creations in flight on other threads register within microseconds;
     * if this thread itself was creating one, its file does not exist yet */
    struct timespec tick = {0, 100000};
    for (int k = 0; k < 1000 && atomic_load(&creating) > 0; k++)
        nanosleep(&tick, NULL);
    for (int i = 0; i < SLOTS; i++) {
        int expect = ARMED;
        if (atomic_compare_exchange_strong(&slots[i].state, &expect, BUSY))
            unlink(slots[i].name);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void px_tmp_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < sizeof sigs / sizeof *sigs; j++)
            sigaddset(&sa.sa_mask, sigs[j]);
        /* a shell that started us in the background ignores SIGINT: keep that */
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
}
