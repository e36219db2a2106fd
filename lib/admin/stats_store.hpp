#pragma once
// The counts of the admin start page, read in one statement.
#include <soci/soci.h>

namespace ltc::admin {

struct Stats {
    long long users = 0;
    long long vehicles = 0;                 // active
    long long entries = 0;                  // latest version not deleted, on an active vehicle
    long long documents_in_quarantine = 0;
    long long transfers_open = 0;
};

Stats read_stats(soci::session& sql);

}  // namespace ltc::admin
