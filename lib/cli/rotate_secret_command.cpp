#include "cli/rotate_secret_command.hpp"

#include <optional>
#include <map>
#include <stdexcept>

#include "audit/audit.hpp"
#include "auth/email.hpp"
#include "auth/users.hpp"
#include "cli/cli_context.hpp"
#include "config/auth_settings.hpp"
#include "crypto/aead.hpp"
#include "crypto/rekey.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"
#include "vehicles/vin_protection.hpp"

#include <soci/postgresql/soci-postgresql.h>

namespace ltc::cli {

namespace {
constexpr std::size_t min_secret_length = 32;

void help(std::ostream& out) {
    out << "usage: ltc rotate-secret\n"
           "Re-keys every stored e-mail address, VIN, TOTP secret and pending mail from the current\n"
           "secret to a new one, in one transaction (all or nothing). Stop ltc-fcgi, ltc-mailer and the\n"
           "jobs timer first; take a backup. Environment:\n"
           "  LTC_OLD_SECRET_KEY  the secret the data is keyed with now\n"
           "  LTC_SECRET_KEY      the new secret (at least 32 characters, e.g. openssl rand -hex 32)\n"
           "  LTC_KEY_VERSION     the new key version, greater than every stored key_version\n"
           "  LTC_DATABASE_URL    the application role suffices\n"
           "Cannot be re-keyed and is therefore ended or deleted: all sessions (everybody signs in\n"
           "again), unused sign-in codes, admins' backup codes (listed; renew after signing in with\n"
           "TOTP), rate-limit windows. Exit 2: refused, nothing changed (e.g. the old secret does not\n"
           "open the stored data).\n";
}

// A refusal inside the transaction: rolled back, exit 2.
struct Refused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Counts {
    long long users = 0;
    long long totp_secrets = 0;
    long long vehicles = 0;
    long long mails = 0;
    long long challenges_rekeyed = 0;
    long long challenges_deleted = 0;
    long long sessions_ended = 0;
    long long backup_codes_deleted = 0;
    long long rate_limit_windows = 0;
    long long rekeyed() const { return users + vehicles + mails + challenges_rekeyed; }
};

struct AdminToRenew {
    std::string id;
    std::string role;
    std::string email_masked;
    long long unused_codes = 0;
};

struct Inputs {
    std::string old_secret;
    int new_version = 0;
};

Inputs read_inputs(const config::EnvLookup& env, const config::WorkerConfig& worker) {
    Inputs inputs;
    inputs.old_secret = env("LTC_OLD_SECRET_KEY").value_or("");
    if (inputs.old_secret.size() < min_secret_length) {
        throw config::ConfigError("LTC_OLD_SECRET_KEY (the current secret) must be set and at least 32 characters long");
    }
    if (!env("LTC_KEY_VERSION")) throw config::ConfigError("LTC_KEY_VERSION (the new key version) must be set");
    inputs.new_version = config::load_auth_settings(env).key_version;
    if (worker.secret_key == inputs.old_secret) {
        throw Refused("LTC_SECRET_KEY equals LTC_OLD_SECRET_KEY: generate a new one (openssl rand -hex 32)");
    }
    return inputs;
}

long long count_of(soci::session& tx, const std::string& statement) {
    long long affected = 0;
    tx << "WITH affected AS (" << statement << " RETURNING 1) SELECT count(*) FROM affected", soci::into(affected);
    return affected;
}

crypto::Resealed reseal_or_refuse(crypto::OldKeyRings& old_rings, const crypto::KeyRing& keys, int key_version,
                                  crypto::SealedField field, const std::string& row_id, const std::string& sealed,
                                  const std::string& what) {
    try {
        return crypto::reseal(old_rings.version(key_version), keys, field, row_id, sealed);
    } catch (const crypto::DecryptionError&) {
        throw Refused("LTC_OLD_SECRET_KEY does not open " + what + " (key_version " + std::to_string(key_version) +
                      "): wrong old secret?");
    }
}

soci::indicator indicator_of(const std::optional<std::string>& value) { return value ? soci::i_ok : soci::i_null; }

void rekey_users(soci::session& tx, crypto::OldKeyRings& old_rings, const crypto::KeyRing& keys, Counts& counts,
                 std::vector<AdminToRenew>& renew) {
    struct Row {
        std::string id;
        int key_version;
        std::string email;
        std::optional<std::string> totp;
        std::optional<std::string> pending;
        std::string role;
    };
    std::vector<Row> rows;
    {
        soci::rowset<soci::row> result =
            (tx.prepare << "SELECT id::text, key_version, email_ciphertext, totp_secret_ciphertext, totp_pending_ciphertext,"
                           " role FROM users ORDER BY created_at, id");
        for (const auto& row : result) {
            rows.push_back({db::text(row, 0), db::integer(row, 1), db::text(row, 2), db::optional_text(row, 3),
                            db::optional_text(row, 4), db::text(row, 5)});
        }
    }
    std::map<std::string, long long> with_backup_codes;  // user id → unused codes
    {
        soci::rowset<soci::row> result =
            (tx.prepare << "SELECT user_id::text, count(*) FILTER (WHERE used_at IS NULL)::int FROM backup_codes GROUP BY user_id");
        for (const auto& row : result) with_backup_codes[db::text(row, 0)] = db::integer(row, 1);
    }
    for (Row& row : rows) {
        crypto::Resealed email =
            reseal_or_refuse(old_rings, keys, row.key_version, crypto::sealed_field::user_email, row.id, row.email,
                             "a users e-mail");
        const std::string hmac = auth::email_hmac(keys, email.plaintext);
        if (const auto found = with_backup_codes.find(row.id); found != with_backup_codes.end()) {
            renew.push_back({row.id, row.role, auth::mask_email(email.plaintext), found->second});
        }
        crypto::wipe(email.plaintext);
        std::optional<std::string> totp;
        std::optional<std::string> pending;
        for (auto [from, to] : {std::pair{&row.totp, &totp}, std::pair{&row.pending, &pending}}) {
            if (!*from) continue;
            crypto::Resealed secret = reseal_or_refuse(old_rings, keys, row.key_version, crypto::sealed_field::totp_secret,
                                                       row.id, **from, "a users TOTP secret");
            crypto::wipe(secret.plaintext);
            *to = secret.sealed;
            ++counts.totp_secrets;
        }
        const int version = keys.version();
        std::string totp_value = totp.value_or("");
        std::string pending_value = pending.value_or("");
        soci::indicator totp_indicator = indicator_of(totp);
        soci::indicator pending_indicator = indicator_of(pending);
        tx << "UPDATE users SET email_hmac = :h, email_ciphertext = :c, totp_secret_ciphertext = :t,"
              " totp_pending_ciphertext = :p, key_version = :kv WHERE id = CAST(:id AS uuid)",
            soci::use(hmac, "h"), soci::use(email.sealed, "c"), soci::use(totp_value, totp_indicator, "t"),
            soci::use(pending_value, pending_indicator, "p"), soci::use(version, "kv"), soci::use(row.id, "id");
        ++counts.users;
    }
}

void rekey_vehicles(soci::session& tx, crypto::OldKeyRings& old_rings, const crypto::KeyRing& keys, Counts& counts) {
    struct Row {
        std::string id;
        int key_version;
        std::string vin;
    };
    std::vector<Row> rows;
    {
        soci::rowset<soci::row> result = (tx.prepare << "SELECT id::text, key_version, vin_ciphertext FROM vehicles");
        for (const auto& row : result) rows.push_back({db::text(row, 0), db::integer(row, 1), db::text(row, 2)});
    }
    for (const Row& row : rows) {
        crypto::Resealed vin =
            reseal_or_refuse(old_rings, keys, row.key_version, crypto::sealed_field::vin, row.id, row.vin, "a vehicles VIN");
        const std::string hmac = vehicles::vin_hmac_of(keys, vin.plaintext);
        crypto::wipe(vin.plaintext);
        const int version = keys.version();
        tx << "UPDATE vehicles SET vin_ciphertext = :c, vin_hmac = :h, key_version = :kv WHERE id = CAST(:id AS uuid)",
            soci::use(vin.sealed, "c"), soci::use(hmac, "h"), soci::use(version, "kv"), soci::use(row.id, "id");
        ++counts.vehicles;
    }
}

// Unused challenges go (their code HMAC cannot be recomputed: the code is unknown); used ones
// stay for incident work until the retention job, re-keyed.
void rekey_challenges(soci::session& tx, crypto::OldKeyRings& old_rings, const crypto::KeyRing& keys, Counts& counts) {
    counts.challenges_deleted = count_of(tx, "DELETE FROM auth_challenges WHERE used_at IS NULL");
    struct Row {
        std::string id;
        int key_version;
        std::string email;
    };
    std::vector<Row> rows;
    {
        soci::rowset<soci::row> result = (tx.prepare << "SELECT id::text, key_version, email_ciphertext FROM auth_challenges");
        for (const auto& row : result) rows.push_back({db::text(row, 0), db::integer(row, 1), db::text(row, 2)});
    }
    for (const Row& row : rows) {
        crypto::Resealed email = reseal_or_refuse(old_rings, keys, row.key_version, crypto::sealed_field::challenge_email,
                                                  row.id, row.email, "a sign-in challenges e-mail");
        const std::string hmac = auth::email_hmac(keys, email.plaintext);
        crypto::wipe(email.plaintext);
        const int version = keys.version();
        tx << "UPDATE auth_challenges SET email_ciphertext = :c, email_hmac = :h, key_version = :kv"
              " WHERE id = CAST(:id AS uuid)",
            soci::use(email.sealed, "c"), soci::use(hmac, "h"), soci::use(version, "kv"), soci::use(row.id, "id");
        ++counts.challenges_rekeyed;
    }
}

// Mail not yet delivered (finished mail has its content wiped already).
void rekey_outbox(soci::session& tx, crypto::OldKeyRings& old_rings, const crypto::KeyRing& keys, Counts& counts) {
    struct Row {
        std::string id;
        int key_version;
        std::optional<std::string> recipient;
        std::optional<std::string> message;
    };
    std::vector<Row> rows;
    {
        soci::rowset<soci::row> result =
            (tx.prepare << "SELECT id::text, key_version, recipient_ciphertext, message_ciphertext FROM mail_outbox"
                           " WHERE recipient_ciphertext IS NOT NULL OR message_ciphertext IS NOT NULL");
        for (const auto& row : result) {
            rows.push_back({db::text(row, 0), db::integer(row, 1), db::optional_text(row, 2), db::optional_text(row, 3)});
        }
    }
    for (const Row& row : rows) {
        std::optional<std::string> recipient;
        std::optional<std::string> message;
        if (row.recipient) {
            crypto::Resealed value = reseal_or_refuse(old_rings, keys, row.key_version,
                                                      crypto::sealed_field::outbox_recipient, row.id, *row.recipient,
                                                      "a queued mail");
            crypto::wipe(value.plaintext);
            recipient = value.sealed;
        }
        if (row.message) {
            crypto::Resealed value = reseal_or_refuse(old_rings, keys, row.key_version, crypto::sealed_field::outbox_message,
                                                      row.id, *row.message, "a queued mail");
            crypto::wipe(value.plaintext);
            message = value.sealed;
        }
        const int version = keys.version();
        std::string recipient_value = recipient.value_or("");
        std::string message_value = message.value_or("");
        soci::indicator recipient_indicator = indicator_of(recipient);
        soci::indicator message_indicator = indicator_of(message);
        tx << "UPDATE mail_outbox SET recipient_ciphertext = :r, message_ciphertext = :m, key_version = :kv"
              " WHERE id = CAST(:id AS uuid)",
            soci::use(recipient_value, recipient_indicator, "r"), soci::use(message_value, message_indicator, "m"),
            soci::use(version, "kv"), soci::use(row.id, "id");
        ++counts.mails;
    }
}

void audit_rotation(soci::session& tx, int new_version, const Counts& counts, const std::vector<AdminToRenew>& renew) {
    for (const AdminToRenew& admin : renew) {
        audit::Event event;
        event.action = "BACKUP_CODES_REVOKED";
        event.actor_role = "cli";
        event.target_type = "user";
        event.target_id = admin.id;
        event.meta = {{"count", static_cast<std::int64_t>(admin.unused_codes)}, {"reason_code", std::string("secret_rotated")}};
        audit::record(tx, event);
    }
    audit::Event event;
    event.action = "SECRET_ROTATED";
    event.actor_role = "cli";
    event.target_type = "key_version";
    event.target_id = std::to_string(new_version);
    event.meta = {{"version", static_cast<std::int64_t>(new_version)},
                  {"count", static_cast<std::int64_t>(counts.rekeyed())},
                  {"sessions_ended", static_cast<std::int64_t>(counts.sessions_ended)}};
    audit::record(tx, event);
}

void report(std::ostream& out, int version, const Counts& counts, const std::vector<AdminToRenew>& renew) {
    out << "ltc rotate-secret: everything is keyed with the new secret, key version " << version << "\n"
        << "  re-keyed: " << counts.users << " users (" << counts.totp_secrets << " TOTP secrets), " << counts.vehicles
        << " vehicles, " << counts.mails << " queued mails, " << counts.challenges_rekeyed << " used sign-in challenges\n"
        << "  ended:    " << counts.sessions_ended << " sessions (everybody signs in again)\n"
        << "  deleted:  " << counts.challenges_deleted << " unused sign-in codes (request a new code), "
        << counts.rate_limit_windows << " rate-limit windows, " << counts.backup_codes_deleted << " backup codes\n";
    if (!renew.empty()) {
        out << "  These accounts must create new backup codes (their TOTP app keeps working: sign in,\n"
               "  then renew the backup codes on the admin page / POST /api/auth/backup-codes):\n";
        for (const AdminToRenew& admin : renew) out << "    " << admin.role << "  " << admin.email_masked << "\n";
    }
    out << "Next steps:\n"
           "  1. Unless done already, put the new values into the environment file of the workers, the mailer and the jobs\n"
           "     (production /etc/lifetimecircle/api.env, local stack var/ltc.env), and into the secrets manager:\n"
           "       LTC_SECRET_KEY=<the new secret>\n"
           "       LTC_KEY_VERSION=" << version << "\n"
           "  2. Start the workers and the mailer with it: systemctl restart ltc-fcgi ltc-mailer ltc-jobs.timer\n"
           "     (local stack: make stop && make run). Workers still running with the old secret would\n"
           "     not find anybody's account and must not stay up.\n"
           "  3. Smoke test: sign in, GET /api/auth/me. Keep the old secret until the next successful backup;\n"
           "     remove LTC_OLD_SECRET_KEY from this shell.\n";
}
}  // namespace

int rotate_secret_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
        help(out);
        return 0;
    }
    if (!args.empty()) {
        help(err);
        return 2;
    }
    return run_with_context("rotate-secret", err, [&](CliContext& context) {
        Counts counts;
        std::vector<AdminToRenew> renew;
        int version = 0;
        try {
            const Inputs inputs = read_inputs(config::process_environment(), context.config);
            version = inputs.new_version;
            crypto::OldKeyRings old_rings(inputs.old_secret);
            const crypto::KeyRing& keys = context.keys;
            context.database.transaction([&](soci::session& tx) {
                db::send_held(tx);  // the BEGIN, before SOCI's own statements below
                tx << "SET LOCAL statement_timeout = 0";
                tx << "SET LOCAL lock_timeout = '30s'";
                // Reads go on; every write (workers, mailer, jobs) waits until the commit.
                tx << "LOCK TABLE users, vehicles, auth_challenges, sessions, mail_outbox, backup_codes, rate_limit_counters"
                      " IN SHARE ROW EXCLUSIVE MODE";
                int highest = 0;
                tx << "SELECT GREATEST(COALESCE((SELECT max(key_version) FROM users), 0),"
                      " COALESCE((SELECT max(key_version) FROM vehicles), 0),"
                      " COALESCE((SELECT max(key_version) FROM auth_challenges), 0),"
                      " COALESCE((SELECT max(key_version) FROM sessions), 0),"
                      " COALESCE((SELECT max(key_version) FROM mail_outbox), 0))",
                    soci::into(highest);
                if (version <= highest) {
                    throw Refused("LTC_KEY_VERSION must be greater than every stored key_version (the highest is " +
                                  std::to_string(highest) + ")");
                }
                rekey_users(tx, old_rings, keys, counts, renew);
                rekey_vehicles(tx, old_rings, keys, counts);
                rekey_challenges(tx, old_rings, keys, counts);
                rekey_outbox(tx, old_rings, keys, counts);
                counts.sessions_ended = count_of(tx, "UPDATE sessions SET ended_at = now() WHERE ended_at IS NULL");
                counts.backup_codes_deleted = count_of(tx, "DELETE FROM backup_codes");
                counts.rate_limit_windows = count_of(tx, "DELETE FROM rate_limit_counters");
                audit_rotation(tx, version, counts, renew);
            });
        } catch (const Refused& refused) {
            err << "ltc rotate-secret: refused, nothing changed: " << refused.what() << '\n';
            return 2;
        } catch (const soci::postgresql_soci_error& error) {
            const std::string state = error.sqlstate();
            if (state == "23505") {
                // Two rows with one address (or one active VIN) written under different keys: a
                // worker or CLI ran with another LTC_SECRET_KEY / LTC_KEY_VERSION.
                err << "ltc rotate-secret: refused, nothing changed: two users (or two active vehicles) hold the"
                       " same e-mail address (VIN) under different keys; something ran with another"
                       " LTC_SECRET_KEY/LTC_KEY_VERSION. Resolve the duplicate (see docs/operations.md), then rerun\n";
                return 2;
            }
            if (state == "55P03") {
                err << "ltc rotate-secret: the tables stayed locked for 30 s (stop ltc-fcgi, ltc-mailer and the jobs"
                       " first); nothing changed\n";
                return 1;
            }
            throw;
        }
        report(out, version, counts, renew);
        return 0;
    });
}

}  // namespace ltc::cli
