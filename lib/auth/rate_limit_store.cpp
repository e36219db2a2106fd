#include "auth/rate_limit_store.hpp"

#include "db/query.hpp"

namespace ltc::auth {

namespace {
struct Counted {
    long long count = 0;
    long long window_start = 0;
    long long now = 0;
};

Counted increment(soci::session& sql, const std::string& bucket, long window_seconds) {
    const auto row = db::query(sql,
                               "WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / $1::bigint) * $1::bigint)"
                               " AS start) INSERT INTO rate_limit_counters (bucket, window_start, window_end, count)"
                               " SELECT $2, w.start, w.start + make_interval(secs => $1::bigint), 1 FROM w"
                               " ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limit_counters.count + 1"
                               " RETURNING count, extract(epoch FROM window_start)::bigint, extract(epoch FROM now())::bigint",
                               {static_cast<long long>(window_seconds), bucket})
                         .first();
    return Counted{row->integer(0), row->integer(1), row->integer(2)};
}
}  // namespace

LimitDecision count_and_decide(soci::session& sql, const std::string& bucket, const config::Limit& limit) {
    const Counted counted = increment(sql, bucket, limit.window_seconds);
    return decide(counted.count, limit.count, counted.now, counted.window_start, limit.window_seconds);
}

bool limit_reached(soci::session& sql, const std::string& bucket, const config::Limit& limit) {
    const auto row = db::query(sql,
                               "SELECT count FROM rate_limit_counters WHERE bucket = $1"
                               " AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2::bigint) * $2::bigint)",
                               {bucket, static_cast<long long>(limit.window_seconds)})
                         .first();
    return row && row->integer(0) >= limit.count;
}

void count_event(soci::session& sql, const std::string& bucket, const config::Limit& limit) {
    increment(sql, bucket, limit.window_seconds);
}

}  // namespace ltc::auth
