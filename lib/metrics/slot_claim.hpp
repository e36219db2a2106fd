#pragma once
// How a slot of the shared metrics tables is claimed, kept apart from the mapped file so that it
// can be tested on its own. A slot is empty, ready, or being written by a process whose pid is
// part of the state; it is claimed once and never freed — unless its writer died mid-write.
// Every wait is bounded: a request never blocks on another process's metrics.
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>

#include <sched.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

namespace ltc::metrics::slots {

inline constexpr std::uint32_t empty = 0;
inline constexpr std::uint32_t ready = 1;

// Any other state is "being written by pid", so a waiter can tell a dead writer from a slow one.
constexpr std::uint32_t writing_by(pid_t pid) { return static_cast<std::uint32_t>(pid) + 2; }
constexpr pid_t writer_of(std::uint32_t state) { return static_cast<pid_t>(state - 2); }

// Filling a slot takes a few stores: a live writer gets this many looks (yielding the CPU after
// the first few) before the sample is dropped; a claim is retried at most max_claim_attempts times.
inline constexpr int max_wait_rounds = 1000;
inline constexpr int spin_rounds = 16;
inline constexpr int max_claim_attempts = 4;

inline bool process_alive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

enum class Writer { done, dead, busy };

// Waits, bounded, while the slot is being written; `state` is left at the last value seen.
template <typename Slot>
Writer await_writer(const Slot& slot, std::uint32_t& state) {
    for (int round = 0; round < max_wait_rounds && state > ready; ++round) {
        if (round >= spin_rounds) ::sched_yield();
        state = slot.state.load(std::memory_order_acquire);
    }
    if (state <= ready) return Writer::done;
    return process_alive(writer_of(state)) ? Writer::busy : Writer::dead;
}

// The ready slot at or after `hash` that matches, or a newly claimed and filled one; nullptr
// when the table is full or a live writer holds a slot on the way too long (the sample is
// dropped rather than blocking a request). `own` is writing_by(this process's pid), computed
// once by the caller: getpid is a system call.
template <typename Slot, std::size_t N, typename Matches, typename Fill>
Slot* find_or_claim(Slot (&table)[N], std::size_t hash, std::uint32_t own, Matches matches, Fill fill) {
    for (std::size_t probe = 0; probe < N; ++probe) {
        Slot& slot = table[(hash + probe) % N];
        std::uint32_t state = slot.state.load(std::memory_order_acquire);
        for (int attempt = 0; state != ready; ++attempt) {
            if (attempt == max_claim_attempts) return nullptr;
            if (state == empty) {
                if (slot.state.compare_exchange_strong(state, own, std::memory_order_acq_rel)) {
                    fill(slot);
                    slot.state.store(ready, std::memory_order_release);
                    return &slot;
                }
                continue;  // someone else claimed it: `state` holds their mark
            }
            const Writer writer = await_writer(slot, state);
            if (writer == Writer::busy) return nullptr;
            // A writer killed mid-write leaves its mark forever: give the slot back and claim it anew.
            if (writer == Writer::dead) slot.state.compare_exchange_strong(state, empty, std::memory_order_acq_rel);
            state = slot.state.load(std::memory_order_acquire);
        }
        if (matches(slot)) return &slot;
    }
    return nullptr;  // table full
}

}  // namespace ltc::metrics::slots
