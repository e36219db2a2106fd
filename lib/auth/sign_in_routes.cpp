// POST /api/auth/request and /api/auth/verify. Refused attempts commit their counters and
// audit rows on their own (autocommit statements) before the error is thrown.
#include <algorithm>


#include "server/route_binding.hpp"
#include "audit/audit.hpp"
#include "auth/challenge_store.hpp"
#include "auth/auth_routes.hpp"
#include "auth/client_ip.hpp"
#include "auth/email.hpp"
#include "auth/login_mail.hpp"
#include "auth/rate_limit_store.hpp"
#include "auth/session_cookie.hpp"
#include "auth/sessions.hpp"
#include "auth/users.hpp"
#include "crypto/constant_time.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "crypto/sealed_fields.hpp"
#include "http/ids.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"
#include "mail/outbox.hpp"

namespace ltc::auth {

namespace {

const char* const request_accepted_message = "Wenn die E-Mail-Adresse gültig ist, wurde ein Code gesendet.";

std::string address_bucket(const std::string& purpose, const std::string& hmac) { return purpose + ":addr:" + hmac; }

std::string code_hmac(const server::Services& services, const std::string& code, const std::string& challenge_id) {
    return crypto::hmac_sha256_hex(services.keys.key_for(crypto::key_label::code_hmac), code + challenge_id);
}

bool is_six_digits(const std::string& code) {
    return code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

audit::Event anonymous_event(const http::Request& request, std::string action, std::string result) {
    audit::Event event;
    event.action = std::move(action);
    event.actor_role = "anonymous";
    event.result = std::move(result);
    event.request_id = request.request_id;
    return event;
}

http::ApiError rate_limited(long retry_after) {
    return http::ApiError(429, "rate_limited").with_header("Retry-After", std::to_string(retry_after));
}

// Counts the attempt per client IP; over the limit: audited and 429 (both committed).
void enforce_ip_limit(http::Request& request, server::Services& services, const std::string& purpose,
                      const config::Limit& limit) {
    soci::session& sql = services.database.session();
    const LimitDecision decision = count_and_decide(sql, ip_bucket(services.keys, purpose, request.remote_addr), limit);
    if (decision.allowed) return;
    auto event = anonymous_event(request, "AUTH_RATE_LIMITED", "denied");
    event.meta = {{"scope", purpose + "_per_ip"}};
    audit::record(sql, event);
    throw rate_limited(decision.retry_after_seconds);
}

http::Response accepted(const std::string& challenge_id) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("challenge_id", challenge_id);
    body->set("message", request_accepted_message);
    return http::json_response(202, body);
}

http::Response request_code(http::Request& request, server::Services& services) {
    http::FieldReader fields(http::json_body(request), {"email"});
    const std::string raw_email = fields.required_string("email", 1000);
    fields.finish();
    const std::string email = normalize_email(raw_email);
    if (const auto problem = validate_email(email)) throw http::validation_failed({{"email", *problem}});

    enforce_ip_limit(request, services, "code_request", services.auth.code_requests_per_ip);

    soci::session& sql = services.database.session();
    const std::string hmac = email_hmac(services.keys, email);
    const std::string challenge_id = crypto::random_uuid();

    // Per-address limits answer exactly like a normal request and take the same time: the
    // same work is done (a challenge nobody can use, the sealed mail), only the mail is not queued.
    const bool address_limited =
        !count_and_decide(sql, address_bucket("code_request", hmac), services.auth.code_requests_per_address).allowed ||
        limit_reached(sql, address_bucket("code_mail", hmac), services.auth.mails_per_address_day);

    const std::string code = crypto::random_decimal_code(6);
    const std::string code_digest = code_hmac(services, code, challenge_id);
    const std::string ciphertext = crypto::seal(services.keys, crypto::sealed_field::challenge_email, challenge_id, email);
    const MailText mail = login_code_mail(code);
    const mail::SealedMail sealed = mail::seal(services.keys, {email, mail.subject, mail.body});
    services.database.transaction([&](soci::session& tx) {
        insert_challenge(tx, {challenge_id, hmac, ciphertext, code_digest, services.keys.version(),
                              services.auth.code_ttl_seconds});
        if (address_limited) {
            auto event = anonymous_event(request, "AUTH_RATE_LIMITED", "denied");
            event.meta = {{"scope", std::string("code_request_per_address")}};
            audit::record(tx, event);
            return;
        }
        mail::enqueue_sealed(tx, sealed);
        count_event(tx, address_bucket("code_mail", hmac), services.auth.mails_per_address_day);
        auto event = anonymous_event(request, "AUTH_CODE_REQUESTED", "success");
        event.target_type = "challenge";
        event.target_id = challenge_id;
        audit::record(tx, event);
    });
    return accepted(challenge_id);
}

void record_code_failure(soci::session& sql, const http::Request& request, const Challenge* challenge,
                         const std::string& reason) {
    auto event = anonymous_event(request, "AUTH_CODE_FAILED", "denied");
    if (challenge != nullptr) {
        event.target_type = "challenge";
        event.target_id = challenge->id;
    }
    event.meta = {{"reason_code", reason}};
    audit::record(sql, event);
}

// The audit row (one statement, committed on its own), then the answer.
[[noreturn]] void refuse(soci::session& sql, const http::Request& request, const Challenge* challenge,
                         const std::string& reason, http::ApiError error) {
    record_code_failure(sql, request, challenge, reason);
    throw error;
}

// A wrong code: the attempt is counted atomically (never past the maximum), with the address's
// failure counters, and committed before the answer.
[[noreturn]] void count_wrong_code(const http::Request& request, server::Services& services, const Challenge& challenge) {
    const int max_attempts = static_cast<int>(services.auth.max_code_attempts);
    db::transaction_then_refuse(services.database, [&](soci::session& tx) -> std::optional<http::ApiError> {
        const auto counted = count_challenge_attempt(tx, challenge.id, max_attempts);
        if (!counted) {
            record_code_failure(tx, request, &challenge, "locked");
            return http::ApiError(429, "code_locked");
        }
        const int attempts = *counted;
        count_event(tx, address_bucket("code_failure_hour", challenge.email_hmac), services.auth.failures_per_address_hour);
        count_event(tx, address_bucket("code_failure_day", challenge.email_hmac), services.auth.failures_per_address_day);
        auto event = anonymous_event(request, "AUTH_CODE_FAILED", "denied");
        event.target_type = "challenge";
        event.target_id = challenge.id;
        event.meta = {{"attempts", static_cast<std::int64_t>(attempts)}, {"reason_code", std::string("wrong_code")}};
        audit::record(tx, event);
        if (attempts >= max_attempts) {
            auto locked = anonymous_event(request, "AUTH_CODE_LOCKED", "denied");
            locked.target_type = "challenge";
            locked.target_id = challenge.id;
            audit::record(tx, locked);
        }
        return std::nullopt;
    });
    throw http::ApiError(400, "invalid_code");
}

// Admins continue with TOTP (or its enrolment) in a pending session.
std::string second_factor_for(soci::session& sql, const User& user) {
    if (!is_admin_role(user.role)) return "none";
    return totp_enabled(sql, user.id) ? "totp_required" : "totp_enrollment_required";
}

bool address_failures_capped(soci::session& sql, server::Services& services, const std::string& hmac) {
    return limit_reached(sql, address_bucket("code_failure_hour", hmac), services.auth.failures_per_address_hour) ||
           limit_reached(sql, address_bucket("code_failure_day", hmac), services.auth.failures_per_address_day);
}

http::Response verify_code(http::Request& request, server::Services& services) {
    enforce_ip_limit(request, services, "code_check", services.auth.code_checks_per_ip);

    http::FieldReader fields(http::json_body(request), {"challenge_id", "code", "token_in_body"});
    const std::string challenge_id = fields.required_string("challenge_id", 100);
    const std::string code = fields.required_string("code", 100);
    const bool token_in_body = fields.optional_bool("token_in_body").value_or(false);
    fields.finish();

    soci::session& sql = services.database.session();
    const auto challenge = http::is_uuid(challenge_id) ? load_challenge(sql, challenge_id) : std::nullopt;
    if (!challenge || challenge->used) refuse(sql, request, challenge ? &*challenge : nullptr, "unknown_or_used", http::ApiError(400, "invalid_code"));
    if (challenge->attempts >= services.auth.max_code_attempts ||
        address_failures_capped(sql, services, challenge->email_hmac)) {
        refuse(sql, request, &*challenge, "locked", http::ApiError(429, "code_locked"));
    }
    if (challenge->expired) refuse(sql, request, &*challenge, "expired", http::ApiError(410, "code_expired"));
    if (!is_six_digits(code) ||
        !crypto::constant_time_equals(code_hmac(services, code, challenge->id), challenge->code_hmac)) {
        count_wrong_code(request, services, *challenge);
    }

    std::optional<User> user;
    std::optional<NewSession> created;
    db::transaction_then_refuse(services.database, [&](soci::session& tx) -> std::optional<http::ApiError> {
        // Single use, also against a parallel request with the same code.
        if (!claim_challenge(tx, challenge->id, static_cast<int>(services.auth.max_code_attempts))) {
            record_code_failure(tx, request, &*challenge, "unknown_or_used");
            return http::ApiError(400, "invalid_code");
        }
        user = find_or_create_user(
            tx, services.keys,
            crypto::open_sealed(services.keys, crypto::sealed_field::challenge_email, challenge->id, challenge->email_ciphertext));
        if (user->status != "active") {
            auto event = anonymous_event(request, "AUTH_CODE_FAILED", "denied");
            event.target_type = "user";
            event.target_id = user->id;
            event.meta = {{"reason_code", std::string("account_disabled")}};
            audit::record(tx, event);
            return http::ApiError(403, "account_disabled");
        }
        record_sign_in(tx, user->id);
        created = create_session(tx, services.keys, services.auth, user->id, user->role, second_factor_for(tx, *user));
        audit::Event event;
        event.action = "SESSION_CREATED";
        event.actor_id = user->id;
        event.actor_role = user->role;
        event.target_type = "user";
        event.target_id = user->id;
        event.request_id = request.request_id;
        event.meta = {{"method", std::string(token_in_body ? "bearer" : "cookie")}};
        audit::record(tx, event);
        return std::nullopt;
    });

    request.role = user->role;
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("user", user_json(*user));
    body->set("csrf_token", created->info.csrf_token);
    body->set("expires_at", created->info.expires_at);
    body->set("second_factor", created->info.second_factor);
    if (token_in_body) body->set("access_token", created->token);
    http::Response response = http::json_response(200, body);
    response.with_header("Set-Cookie", session_cookie(created->token, created->info.seconds_to_expiry));
    return response;
}

}  // namespace

void register_sign_in_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"POST", "/api/auth/request", Access::anyone, request_code},
        {"POST", "/api/auth/verify", Access::anyone, verify_code},
    });
}

}  // namespace ltc::auth
