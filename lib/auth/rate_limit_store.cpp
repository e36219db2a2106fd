#include "auth/rate_limit_store.hpp"

namespace ltc::auth {

namespace {
struct Counted {
    long long count = 0;
    long long window_start = 0;
    long long now = 0;
};

Counted increment(soci::session& sql, const std::string& bucket, long window_seconds) {
    Counted counted;
    const long long window = window_seconds;
    sql << "WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / :w1) * :w2) AS start)"
           " INSERT INTO rate_limit_counters (bucket, window_start, window_end, count)"
           " SELECT :bucket, w.start, w.start + make_interval(secs => :w3), 1 FROM w"
           " ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limit_counters.count + 1"
           " RETURNING count, extract(epoch FROM window_start)::bigint, extract(epoch FROM now())::bigint",
        soci::use(window, "w1"), soci::use(window, "w2"), soci::use(bucket, "bucket"), soci::use(window, "w3"),
        soci::into(counted.count), soci::into(counted.window_start), soci::into(counted.now);
    return counted;
}
}  // namespace

LimitDecision count_and_decide(soci::session& sql, const std::string& bucket, const config::Limit& limit) {
    const Counted counted = increment(sql, bucket, limit.window_seconds);
    return decide(counted.count, limit.count, counted.now, counted.window_start, limit.window_seconds);
}

bool limit_reached(soci::session& sql, const std::string& bucket, const config::Limit& limit) {
    long long count = 0;
    const long long window = limit.window_seconds;
    soci::indicator indicator = soci::i_ok;
    sql << "SELECT count FROM rate_limit_counters WHERE bucket = :bucket"
           " AND window_start = to_timestamp(floor(extract(epoch FROM now()) / :w1) * :w2)",
        soci::use(bucket, "bucket"), soci::use(window, "w1"), soci::use(window, "w2"), soci::into(count, indicator);
    return sql.got_data() && indicator == soci::i_ok && count >= limit.count;
}

void count_event(soci::session& sql, const std::string& bucket, const config::Limit& limit) {
    increment(sql, bucket, limit.window_seconds);
}

}  // namespace ltc::auth
