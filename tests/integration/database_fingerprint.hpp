#pragma once
// A checksum of the application's state, to show that refused requests changed nothing:
// every table of the public schema (as the database owner sees it), each row as JSON, with
// the changes a refused request may legitimately cause left out:
//  - rate_limit_counters: API.md counts every attempt at the sign-in and redeem limits;
//  - sessions.last_seen_at: each authenticated request refreshes the idle timeout;
//  - mail_outbox: only the row ids count (the mailer advances status and attempts meanwhile);
//  - audit_events: rows are append-only; a refused request may record its refusal (a row with
//    result "denied": AUTH_CODE_FAILED, DOCUMENT_REJECTED_TYPE, ACCESS_DENIED …), listed by
//    new_audit_rows and checked by the test, never a success.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ltc::test {

struct DatabaseFingerprint {
    std::map<std::string, std::string> tables;  // table → row count and md5 of its rows
    std::string audit_high_water;               // the newest audit time when taken
};

DatabaseFingerprint database_fingerprint();
// Action and result of each audit row written after `before` was taken.
std::vector<std::pair<std::string, std::string>> new_audit_rows(const DatabaseFingerprint& before);
// Every file below `directory` (recursively), relative paths.
std::set<std::string> files_below(const std::string& directory);

}  // namespace ltc::test
