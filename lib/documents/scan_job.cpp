#include "documents/scan_job.hpp"

#include <csignal>
#include <sstream>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit/audit.hpp"
#include "documents/document_changes.hpp"
#include "documents/document_storage.hpp"
#include "documents/document_store.hpp"

extern char** environ;

namespace ltc::documents {

namespace {

// A hung scanner must not hold the job (and its row lock) forever: past the deadline it is killed.
int wait_with_deadline(pid_t pid, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        if (done < 0 && errno != EINTR) return -1;
        if (std::chrono::steady_clock::now() >= deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

// The scanner's output names only the stored file (a document id), but it is not ours to log.
int spawn_quietly(std::vector<std::string> args, std::chrono::seconds timeout) {
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int failed = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) return -1;
    return wait_with_deadline(pid, timeout);
}

void record_scan(soci::session& tx, const std::string& document_id, const std::string& vehicle_id, Scan result) {
    audit::Event event;
    event.action = "DOCUMENT_SCANNED";
    event.actor_role = "cli";
    event.target_type = "document";
    event.target_id = document_id;
    event.meta = {{"vehicle_id", vehicle_id}, {"scan", std::string(to_string(result))}, {"source", std::string("scanner")}};
    audit::record(tx, event);
}

}  // namespace

int run_scanner(const std::string& command, const std::string& file, std::chrono::seconds timeout) {
    std::vector<std::string> args;
    std::istringstream words(command);
    for (std::string word; words >> word;) args.push_back(word);
    if (args.empty()) return -1;
    args.push_back(file);
    return spawn_quietly(std::move(args), timeout);
}

ScanSummary run_scans(db::Database& database, const std::string& storage_dir, const std::string& command,
                      std::chrono::seconds timeout) {
    ScanSummary summary;
    if (command.empty()) return summary;  // no scanner configured: admins record results by hand
    const Storage storage(storage_dir);
    for (bool more = true; more;) {
        database.transaction([&](soci::session& tx) {
            const auto candidate = claim_scan(tx);
            more = candidate.has_value();
            if (!more) return;
            const int verdict = run_scanner(command, storage.file_path(candidate->id), timeout);
            if (verdict != 0 && verdict != 1) {
                postpone_scan(tx, candidate->id, candidate->attempts);
                ++summary.postponed;
                return;
            }
            const Scan result = verdict == 0 ? Scan::clean : Scan::infected;
            const auto document = lock_document(tx, candidate->id);
            const auto next = transition(document->state, verdict == 0 ? Event::scan_clean : Event::scan_infected);
            write_state(tx, candidate->id, candidate->vehicle_id, std::get<DocumentState>(next), std::nullopt);
            record_scan(tx, candidate->id, candidate->vehicle_id, result);
            ++(verdict == 0 ? summary.clean : summary.infected);
        });
    }
    return summary;
}

}  // namespace ltc::documents
