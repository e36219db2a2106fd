// The admin API through nginx (API.md "Admin"): who may call it, listing and search, e-mail
// reveal, role changes and their rules, disable/enable, TOTP reset, the audit listing, stats.
// Every admin here is stepped up (activation counts as a step-up for 10 minutes); the
// step_up_required answers are tested in admin_step_up_test.cpp with a 2-second step-up.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include <Poco/JSON/Array.h>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
std::string user_path(const std::string& id, const std::string& action) { return "/api/admin/users/" + id + "/" + action; }

std::string field_code(const Reply& reply, const std::string& field) {
    const auto error = reply.json()->getObject("error");
    const auto fields = error ? error->getObject("fields") : nullptr;
    return fields && fields->has(field) ? fields->getValue<std::string>(field) : "";
}

std::set<std::string> keys_of(const Poco::JSON::Object::Ptr& object) {
    std::set<std::string> keys;
    for (const auto& [key, value] : *object) {
        (void)value;
        keys.insert(key);
    }
    return keys;
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

long long audit_rows(const std::string& condition) {
    return count_rows("SELECT count(*) FROM audit_events WHERE " + condition);
}

const std::set<std::string> user_item_keys = {"id", "email_masked", "role", "status", "created_at", "last_sign_in_at"};

// Every other active superadmin is disabled for the lifetime of this object and enabled again
// afterwards, so a test can be the last active superadmin on a shared test stack.
class OnlyTheseSuperadmins {
public:
    explicit OnlyTheseSuperadmins(const std::vector<std::string>& keep) {
        std::string kept;
        for (const auto& id : keep) kept += (kept.empty() ? "'" : ",'") + id + "'";
        for (const auto& row : query_as_owner("UPDATE users SET status = 'disabled' WHERE role = 'superadmin' AND status = 'active'"
                                              " AND id NOT IN (" + kept + ") RETURNING id::text")) {
            disabled_.push_back(row[0]);
        }
    }
    ~OnlyTheseSuperadmins() {
        if (disabled_.empty()) return;
        std::string ids;
        for (const auto& id : disabled_) ids += (ids.empty() ? "'" : ",'") + id + "'";
        try {
            query_as_owner("UPDATE users SET status = 'active' WHERE id IN (" + ids + ") RETURNING id::text");
        } catch (const std::exception& error) {
            BOOST_TEST_MESSAGE("could not enable the superadmins again: " << error.what());
        }
    }
    OnlyTheseSuperadmins(const OnlyTheseSuperadmins&) = delete;
    OnlyTheseSuperadmins& operator=(const OnlyTheseSuperadmins&) = delete;

private:
    std::vector<std::string> disabled_;
};
}  // namespace

BOOST_AUTO_TEST_SUITE(admin_users)

BOOST_AUTO_TEST_CASE(moderators_users_and_anonymous_callers_are_refused) {
    Admin super("superadmin", "mod-super");
    Member moderator(super, "moderator", "moderator");
    Member user("plain");
    const std::string target = user.session.user_id;
    const std::vector<std::tuple<std::string, std::string, std::string>> routes = {
        {"GET", "/api/admin/users", ""},
        {"GET", "/api/admin/users?role=user", ""},
        {"POST", "/api/admin/users/search", R"({"email":")" + user.address + R"("})"},
        {"POST", user_path(target, "reveal-email"), ""},
        {"PUT", user_path(target, "role"), R"({"role":"vip","reason":"x"})"},
        {"POST", user_path(target, "disable"), ""},
        {"POST", user_path(target, "enable"), ""},
        {"POST", user_path(target, "reset-totp"), ""},
        {"GET", "/api/admin/audit", ""},
        {"GET", "/api/admin/stats", ""},
        {"POST", "/api/admin/consent-documents", R"({"doc":"terms","version":"x","url":"/agb"})"},
    };
    StackClient anonymous(fresh_source_ip());
    for (const auto& [method, path, body] : routes) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            BOOST_TEST(moderator.send(method, path, body).error_code() == "forbidden");
            BOOST_TEST(user.send(method, path, body).error_code() == "forbidden");
            BOOST_TEST(anonymous.request(method, path, body).error_code() == "unauthenticated");
        }
    }
    // Moderators never reach vehicle data either.
    BOOST_TEST(moderator.client.get("/api/auth/me", moderator.session.cookie()).json()->getObject("user")
                   ->getValue<std::string>("role") == "moderator");
    BOOST_TEST(moderator.send("GET", "/api/vehicles").error_code() == "forbidden");
    BOOST_TEST(moderator.send("POST", "/api/vehicles", R"({"vin":"WVWZZZ1JZ3W386752"})").error_code() == "forbidden");
    BOOST_TEST(moderator.send("GET", "/api/vehicles/" + random_uuid()).error_code() == "forbidden");
    // Unknown paths below /api/admin are the router's 404, wrong methods its 405.
    BOOST_TEST(super.send("GET", "/api/admin/nothing").status == 404);
    BOOST_TEST(super.send("DELETE", "/api/admin/users").status == 405);
}

BOOST_AUTO_TEST_CASE(listing_filters_paging_search_and_reveal) {
    Admin admin("admin", "lister");
    Member member("Listed");

    const Reply first = admin.send("GET", "/api/admin/users?role=user&limit=2");
    BOOST_REQUIRE_MESSAGE(first.status == 200, first.body);
    const auto items = first.json()->getArray("items");
    BOOST_REQUIRE(items->size() == 2u);
    const auto newest = items->getObject(0);
    BOOST_TEST(keys_of(newest) == user_item_keys);
    BOOST_TEST(newest->getValue<std::string>("id") == member.session.user_id);  // newest first
    BOOST_TEST(newest->getValue<std::string>("email_masked") == "l***@e***.com");
    BOOST_TEST(newest->getValue<std::string>("role") == "user");
    BOOST_TEST(newest->getValue<std::string>("status") == "active");
    BOOST_TEST(std::regex_match(newest->getValue<std::string>("created_at"), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    BOOST_TEST(!newest->isNull("last_sign_in_at"));
    BOOST_TEST(first.body.find(lower(member.address)) == std::string::npos);
    BOOST_REQUIRE(!first.json()->isNull("next_cursor"));

    // Paging: no account twice.
    std::set<std::string> seen;
    Reply page = first;
    for (int pages = 0; pages < 3; ++pages) {
        const auto page_items = page.json()->getArray("items");
        for (std::size_t i = 0; i < page_items->size(); ++i) {
            BOOST_TEST(seen.insert(page_items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id")).second);
            BOOST_TEST(page_items->getObject(static_cast<unsigned>(i))->getValue<std::string>("role") == "user");
        }
        if (page.json()->isNull("next_cursor")) break;
        page = admin.send("GET", "/api/admin/users?role=user&limit=2&cursor=" + page.json()->getValue<std::string>("next_cursor"));
        BOOST_REQUIRE(page.status == 200);
    }
    const Reply admins = admin.send("GET", "/api/admin/users?role=admin&status=active&limit=100");
    const auto admin_items = admins.json()->getArray("items");
    bool found_self = false;
    for (std::size_t i = 0; i < admin_items->size(); ++i) {
        const auto item = admin_items->getObject(static_cast<unsigned>(i));
        BOOST_TEST(item->getValue<std::string>("role") == "admin");
        BOOST_TEST(item->getValue<std::string>("status") == "active");
        found_self = found_self || item->getValue<std::string>("id") == admin.session.user_id;
    }
    BOOST_TEST((found_self || !admins.json()->isNull("next_cursor")));

    BOOST_TEST(field_code(admin.send("GET", "/api/admin/users?role=king"), "role") == "invalid");
    BOOST_TEST(field_code(admin.send("GET", "/api/admin/users?status=gone"), "status") == "invalid");
    BOOST_TEST(field_code(admin.send("GET", "/api/admin/users?limit=0"), "limit") == "out_of_range");
    BOOST_TEST(field_code(admin.send("GET", "/api/admin/users?cursor=zzz"), "cursor") == "invalid");

    // Search by the exact address (normalised), never by a part of it.
    const Reply found = admin.send("POST", "/api/admin/users/search", R"({"email":"  )" + upper(member.address) + R"( "})");
    BOOST_REQUIRE_MESSAGE(found.status == 200, found.body);
    BOOST_REQUIRE(found.json()->getArray("items")->size() == 1u);
    BOOST_TEST(found.json()->getArray("items")->getObject(0)->getValue<std::string>("id") == member.session.user_id);
    BOOST_TEST(found.json()->isNull("next_cursor"));
    BOOST_TEST(admin.send("POST", "/api/admin/users/search", R"({"email":"nobody-)" + member.address + R"("})")
                   .json()->getArray("items")->size() == 0u);
    BOOST_TEST(field_code(admin.send("POST", "/api/admin/users/search", R"({"email":"listed"})"), "email") == "invalid");
    BOOST_TEST(field_code(admin.send("POST", "/api/admin/users/search", R"({})"), "email") == "required");
    BOOST_TEST(admin.send("POST", "/api/admin/users/search", "").error_code() == "invalid_json");

    // Reveal: the address itself, audited without it.
    const Reply revealed = admin.send("POST", user_path(member.session.user_id, "reveal-email"));
    BOOST_REQUIRE_MESSAGE(revealed.status == 200, revealed.body);
    BOOST_TEST(revealed.json()->getValue<std::string>("email") == lower(member.address));
    BOOST_TEST(audit_rows("action = 'EMAIL_REVEALED' AND result = 'success' AND actor_id = '" + admin.session.user_id +
                          "' AND target_id = '" + member.session.user_id + "' AND meta = '{}'::jsonb") == 1);
    BOOST_TEST(admin.send("POST", user_path(random_uuid(), "reveal-email")).status == 404);
    BOOST_TEST(admin.send("POST", user_path("not-a-uuid", "reveal-email")).status == 404);
    BOOST_TEST(admin.send("POST", user_path(upper(member.session.user_id), "reveal-email")).status == 404);
}

BOOST_AUTO_TEST_CASE(role_changes_follow_the_rules) {
    Admin super("superadmin", "roles-super");
    Admin admin("admin", "roles-admin");
    Admin other_admin("admin", "roles-other");
    Member member("roles-member");
    const std::string m = member.session.user_id;

    // An admin changes non-admin roles; the session goes on with the new role.
    const Reply vip = set_role(admin, m, "vip");
    BOOST_REQUIRE_MESSAGE(vip.status == 200, vip.body);
    BOOST_TEST(keys_of(vip.json()) == user_item_keys);
    BOOST_TEST(vip.json()->getValue<std::string>("role") == "vip");
    BOOST_TEST(member.send("GET", "/api/auth/me").json()->getObject("user")->getValue<std::string>("role") == "vip");
    BOOST_TEST(member.send("GET", "/api/vehicles").status == 200);

    // Only a superadmin grants admin or superadmin (a rule on the body).
    BOOST_TEST(set_role(admin, m, "admin").error_code() == "superadmin_required");
    BOOST_TEST(set_role(admin, m, "superadmin").error_code() == "superadmin_required");
    // Only a superadmin acts on an admin or superadmin: decided before step-up and body.
    for (const std::string& id : {super.session.user_id, other_admin.session.user_id}) {
        BOOST_TEST_CONTEXT(id) {
            BOOST_TEST(admin.send("PUT", user_path(id, "role"), "{}").error_code() == "superadmin_required");
            BOOST_TEST(admin.send("POST", user_path(id, "disable")).error_code() == "superadmin_required");
            BOOST_TEST(admin.send("POST", user_path(id, "enable")).error_code() == "superadmin_required");
            BOOST_TEST(admin.send("POST", user_path(id, "reveal-email")).error_code() == "superadmin_required");
        }
    }
    // Nobody changes their own role (own_role comes before superadmin_required).
    BOOST_TEST(set_role(admin, admin.session.user_id, "user").error_code() == "own_role");
    BOOST_TEST(set_role(admin, admin.session.user_id, "superadmin").error_code() == "own_role");
    BOOST_TEST(set_role(super, super.session.user_id, "admin").error_code() == "own_role");
    // Unknown target: 404 before the body is looked at.
    BOOST_TEST(admin.send("PUT", user_path(random_uuid(), "role"), "{}").status == 404);
    // Body validation.
    BOOST_TEST(field_code(super.send("PUT", user_path(m, "role"), R"({"role":"king","reason":"x"})"), "role") == "invalid");
    BOOST_TEST(field_code(super.send("PUT", user_path(m, "role"), R"({"role":"vip"})"), "reason") == "required");
    BOOST_TEST(field_code(super.send("PUT", user_path(m, "role"), R"({"role":"vip","reason":"   "})"), "reason") == "required");
    BOOST_TEST(field_code(super.send("PUT", user_path(m, "role"), R"({"role":"vip","reason":")" + std::string(501, 'x') + "\"}"),
                          "reason") == "too_long");
    BOOST_TEST(field_code(super.send("PUT", user_path(m, "role"), R"({"role":"vip","reason":"x","why":1})"), "why") ==
               "unknown_field");

    // A superadmin grants admin: the member's sessions end, a notice is mailed, the reason kept.
    const Reply promoted = set_role(super, m, "admin", "Neue Filialleitung");
    BOOST_REQUIRE_MESSAGE(promoted.status == 200, promoted.body);
    BOOST_TEST(promoted.json()->getValue<std::string>("role") == "admin");
    BOOST_TEST(member.send("GET", "/api/auth/me").error_code() == "unauthenticated");
    BOOST_TEST(mail_with_text_arrives(lower(member.address), "Neue Rolle: admin."));
    BOOST_TEST(audit_rows("action = 'ROLE_CHANGED' AND result = 'success' AND target_id = '" + m +
                          "' AND meta->>'from_role' = 'vip' AND meta->>'to_role' = 'admin'"
                          " AND (meta->>'sessions_ended')::int >= 1") == 1);
    BOOST_TEST(count_rows("SELECT count(*) FROM role_changes WHERE user_id = '" + m +
                          "' AND to_role = 'admin' AND reason = 'Neue Filialleitung' AND changed_by = '" +
                          super.session.user_id + "'") == 1);
    // The next sign-in has to enrol TOTP.
    const Session pending = sign_in(member.client, member.address);
    BOOST_TEST(member.client.get("/api/auth/me", pending.cookie()).json()->getValue<std::string>("second_factor") ==
               "totp_enrollment_required");
    // Demotion ends the sessions again; the same role twice changes nothing.
    BOOST_TEST(set_role(super, m, "user").status == 200);
    BOOST_TEST(member.client.get("/api/auth/me", pending.cookie()).error_code() == "unauthenticated");
    BOOST_TEST(set_role(super, m, "user").status == 200);
    BOOST_TEST(audit_rows("action = 'ROLE_CHANGED' AND result = 'success' AND target_id = '" + m + "'") == 3);

    // TOTP survives demotion and re-promotion: the next sign-in asks for it, no new enrolment.
    BOOST_TEST(set_role(super, other_admin.session.user_id, "user").status == 200);
    BOOST_TEST(other_admin.send("GET", "/api/auth/me").error_code() == "unauthenticated");
    BOOST_TEST(set_role(super, other_admin.session.user_id, "admin").status == 200);
    const Session returning = other_admin.sign_in_again();
    BOOST_TEST(other_admin.client.get("/api/auth/me", returning.cookie()).json()->getValue<std::string>("second_factor") ==
               "totp_required");

    // Refusals are on record with their reason.
    BOOST_TEST(audit_rows("action = 'ROLE_CHANGED' AND result = 'denied' AND actor_id = '" + admin.session.user_id +
                          "' AND meta->>'reason_code' = 'own_role'") == 2);
    BOOST_TEST(audit_rows("action = 'ROLE_CHANGED' AND result = 'denied' AND actor_id = '" + admin.session.user_id +
                          "' AND meta->>'reason_code' = 'superadmin_required'") == 4);
    BOOST_TEST(audit_rows("action = 'USER_DISABLED' AND result = 'denied' AND actor_id = '" + admin.session.user_id +
                          "' AND target_id = '" + super.session.user_id + "'") == 1);
}

BOOST_AUTO_TEST_CASE(disabling_ends_sessions_at_once_and_blocks_sign_in) {
    Admin super("superadmin", "disable-super");
    Admin admin("admin", "disable-admin");
    Member member("disabled");
    const std::string m = member.session.user_id;
    BOOST_TEST(member.send("GET", "/api/vehicles").status == 200);

    const Reply disabled = admin.send("POST", user_path(m, "disable"));
    BOOST_REQUIRE_MESSAGE(disabled.status == 200, disabled.body);
    BOOST_TEST(disabled.json()->getValue<std::string>("status") == "disabled");
    BOOST_TEST(member.send("GET", "/api/vehicles").error_code() == "unauthenticated");
    BOOST_TEST(member.send("GET", "/api/auth/me").error_code() == "unauthenticated");
    // The code mail still arrives; verify answers account_disabled.
    const std::size_t earlier = code_mails_to(member.address);
    const std::string challenge = request_code(member.client, member.address);
    const Reply verify = member.client.post("/api/auth/verify", R"({"challenge_id":")" + challenge + R"(","code":")" +
                                                                    read_code(member.address, earlier) + R"("})");
    BOOST_TEST(verify.status == 403);
    BOOST_TEST(verify.error_code() == "account_disabled");
    BOOST_TEST(admin.send("GET", "/api/admin/users?status=disabled&limit=100").body.find(m) != std::string::npos);

    // Disabling again changes nothing; an admin cannot disable a superadmin.
    BOOST_TEST(admin.send("POST", user_path(m, "disable")).status == 200);
    BOOST_TEST(audit_rows("action = 'USER_DISABLED' AND result = 'success' AND target_id = '" + m +
                          "' AND (meta->>'sessions_ended')::int >= 1") == 1);
    BOOST_TEST(audit_rows("action = 'USER_DISABLED' AND target_id = '" + m + "'") == 1);
    BOOST_TEST(admin.send("POST", user_path(super.session.user_id, "disable")).error_code() == "superadmin_required");

    const Reply enabled = admin.send("POST", user_path(m, "enable"));
    BOOST_TEST(enabled.json()->getValue<std::string>("status") == "active");
    BOOST_TEST(audit_rows("action = 'USER_ENABLED' AND result = 'success' AND target_id = '" + m + "'") == 1);
    const Session again = sign_in(member.client, member.address);
    BOOST_TEST(member.client.get("/api/auth/me", again.cookie()).status == 200);

    // A superadmin disables an admin: the admin's full session dies too.
    BOOST_TEST(super.send("POST", user_path(admin.session.user_id, "disable")).status == 200);
    BOOST_TEST(admin.send("GET", "/api/admin/stats").error_code() == "unauthenticated");
    BOOST_TEST(super.send("POST", user_path(admin.session.user_id, "enable")).status == 200);
}

BOOST_AUTO_TEST_CASE(the_last_active_superadmin_stays) {
    Admin first("superadmin", "last-a");
    Admin second("superadmin", "last-b");
    const OnlyTheseSuperadmins only({first.session.user_id, second.session.user_id});

    BOOST_TEST(first.send("POST", user_path(second.session.user_id, "disable")).status == 200);
    const Reply last = first.send("POST", user_path(first.session.user_id, "disable"));
    BOOST_TEST(last.status == 409);
    BOOST_TEST(last.error_code() == "last_superadmin");
    BOOST_TEST(set_role(first, first.session.user_id, "admin").error_code() == "own_role");  // own_role comes first
    BOOST_TEST(first.send("POST", user_path(second.session.user_id, "enable")).status == 200);
    // Two active superadmins: one may demote the other; then the remaining one is the last.
    BOOST_TEST(set_role(first, second.session.user_id, "admin").status == 200);
    BOOST_TEST(first.send("POST", user_path(first.session.user_id, "disable")).error_code() == "last_superadmin");
    BOOST_TEST(audit_rows("action = 'USER_DISABLED' AND result = 'denied' AND actor_id = '" + first.session.user_id +
                          "' AND meta->>'reason_code' = 'last_superadmin'") == 2);
    BOOST_TEST(first.send("GET", "/api/admin/stats").status == 200);  // still signed in and active
}

BOOST_AUTO_TEST_CASE(a_totp_reset_makes_the_admin_enrol_again) {
    Admin super("superadmin", "reset-super");
    Admin admin("admin", "reset-admin");
    const std::string a = admin.session.user_id;

    // superadmin-only: decided at the role step, before the target is even looked up.
    BOOST_TEST(admin.send("POST", user_path(random_uuid(), "reset-totp")).error_code() == "superadmin_required");
    BOOST_TEST(admin.send("POST", user_path(super.session.user_id, "reset-totp")).error_code() == "superadmin_required");
    BOOST_TEST(audit_rows("action = 'TOTP_RESET' AND result = 'denied' AND actor_id = '" + a + "'") == 2);
    BOOST_TEST(super.send("POST", user_path(random_uuid(), "reset-totp")).status == 404);

    const Reply reset = super.send("POST", user_path(a, "reset-totp"));
    BOOST_REQUIRE_MESSAGE(reset.status == 200, reset.body);
    BOOST_TEST(reset.json()->getValue<std::string>("role") == "admin");
    BOOST_TEST(admin.send("GET", "/api/auth/me").error_code() == "unauthenticated");
    BOOST_TEST(count_rows("SELECT count(*) FROM backup_codes WHERE user_id = '" + a + "'") == 0);
    BOOST_TEST(count_rows("SELECT count(*) FROM users WHERE id = '" + a + "' AND NOT totp_enabled AND totp_secret_ciphertext IS NULL") == 1);
    BOOST_TEST(audit_rows("action = 'TOTP_RESET' AND result = 'success' AND target_id = '" + a +
                          "' AND (meta->>'sessions_ended')::int >= 1") == 1);
    const Session pending = admin.sign_in_again();
    BOOST_TEST(admin.client.get("/api/auth/me", pending.cookie()).json()->getValue<std::string>("second_factor") ==
               "totp_enrollment_required");
}

BOOST_AUTO_TEST_CASE(audit_listing_filters_pages_and_holds_no_personal_data) {
    Admin super("superadmin", "auditor");
    Member member("audited");
    const std::string m = member.session.user_id;
    for (int i = 0; i < 3; ++i) BOOST_TEST(super.send("POST", user_path(m, "reveal-email")).status == 200);

    const std::string mine = "/api/admin/audit?actor=" + super.session.user_id;
    const Reply reveals = super.send("GET", mine + "&action=EMAIL_REVEALED&target=" + m);
    BOOST_REQUIRE_MESSAGE(reveals.status == 200, reveals.body);
    const auto items = reveals.json()->getArray("items");
    BOOST_REQUIRE(items->size() == 3u);
    const auto item = items->getObject(0);
    BOOST_TEST(keys_of(item) == (std::set<std::string>{"id", "at", "actor_id", "actor_role", "action", "target_type",
                                                       "target_id", "result", "request_id", "meta"}));
    BOOST_TEST(item->getValue<std::string>("actor_id") == super.session.user_id);
    BOOST_TEST(item->getValue<std::string>("actor_role") == "superadmin");
    BOOST_TEST(item->getValue<std::string>("target_type") == "user");
    BOOST_TEST(item->getValue<std::string>("target_id") == m);
    BOOST_TEST(item->getValue<std::string>("result") == "success");
    BOOST_TEST(!item->getValue<std::string>("request_id").empty());
    BOOST_TEST(item->getObject("meta")->size() == 0u);
    BOOST_TEST(std::regex_match(item->getValue<std::string>("at"), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    for (std::size_t i = 1; i < items->size(); ++i) {
        BOOST_TEST(items->getObject(static_cast<unsigned>(i - 1))->getValue<std::string>("at") >=
                   items->getObject(static_cast<unsigned>(i))->getValue<std::string>("at"));  // newest first
    }

    // Keyset paging with limit=1 yields the same rows in the same order as one big page.
    const Reply all = super.send("GET", mine + "&limit=100");
    const auto all_items = all.json()->getArray("items");
    BOOST_TEST(all_items->size() >= 6u);  // session, step-up, enrolment, consent, three reveals
    std::vector<std::string> paged;
    std::string cursor;
    for (int guard = 0; guard < 50; ++guard) {
        const Reply page = super.send("GET", mine + "&limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor));
        BOOST_REQUIRE_MESSAGE(page.status == 200, page.body);
        const auto page_items = page.json()->getArray("items");
        for (std::size_t i = 0; i < page_items->size(); ++i) {
            paged.push_back(page_items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
        }
        if (page.json()->isNull("next_cursor")) break;
        cursor = page.json()->getValue<std::string>("next_cursor");
    }
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < all_items->size(); ++i) {
        expected.push_back(all_items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    }
    BOOST_TEST(paged == expected, boost::test_tools::per_element());

    // from inclusive, to exclusive; times in ISO form.
    const std::string newest_at = item->getValue<std::string>("at");
    const auto count_for = [&](const std::string& query) {
        const Reply reply = super.send("GET", mine + "&action=EMAIL_REVEALED&limit=100" + query);
        BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
        return reply.json()->getArray("items")->size();
    };
    BOOST_TEST(count_for("&from=" + newest_at) >= 1u);
    BOOST_TEST(count_for("&to=" + newest_at) <= 2u);
    BOOST_TEST(count_for("&from=2000-01-01&to=2999-01-01") == 3u);
    BOOST_TEST(count_for("&to=2000-01-01T00:00:00Z") == 0u);
    BOOST_TEST(count_for("&from=2999-01-01T00:00:00%2B02:00") == 0u);
    BOOST_TEST(super.send("GET", "/api/admin/audit?target=" + m + "&action=SESSION_CREATED").json()->getArray("items")->size() == 1u);
    BOOST_TEST(super.send("GET", "/api/admin/audit?actor=" + upper(super.session.user_id) + "&action=EMAIL_REVEALED&target=" + m)
                   .json()->getArray("items")->size() == 3u);

    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?actor=someone"), "actor") == "invalid");
    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?action=email_revealed"), "action") == "invalid");
    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?from=2026-02-30"), "from") == "invalid");
    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?to=yesterday"), "to") == "invalid");
    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?cursor=abc"), "cursor") == "invalid");
    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?limit=101"), "limit") == "out_of_range");
    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?limit=0"), "limit") == "out_of_range");
    BOOST_TEST(field_code(super.send("GET", "/api/admin/audit?limit=zehn"), "limit") == "invalid");
    // Text PostgreSQL cannot hold is refused before the query (a database error before).
    for (const std::string target : {"%FF", "%00", "a%C3"}) {
        const Reply reply = super.send("GET", "/api/admin/audit?target=" + target);
        BOOST_TEST(reply.status == 400);
        BOOST_TEST(field_code(reply, "target") == "invalid");
    }

    // No e-mail address anywhere in the audit trail, neither in the answer nor in the table.
    BOOST_TEST(all.body.find(lower(super.address)) == std::string::npos);
    BOOST_TEST(super.send("GET", "/api/admin/audit?target=" + m + "&limit=100").body.find(lower(member.address)) == std::string::npos);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE meta::text LIKE '%@%' OR target_id LIKE '%@%'"
                          " OR request_id LIKE '%@%' OR actor_role LIKE '%@%'") == 0);
}

BOOST_AUTO_TEST_CASE(stats_count_users_vehicles_and_entries) {
    Admin admin("admin", "stats");
    const Reply stats = admin.send("GET", "/api/admin/stats");
    BOOST_REQUIRE_MESSAGE(stats.status == 200, stats.body);
    const auto body = stats.json();
    BOOST_TEST(keys_of(body) ==
               (std::set<std::string>{"users", "vehicles", "entries", "documents_in_quarantine", "transfers_open"}));
    BOOST_TEST(body->getValue<long long>("users") == count_rows("SELECT count(*) FROM users"));
    BOOST_TEST(body->getValue<long long>("vehicles") == count_rows("SELECT count(*) FROM vehicles WHERE deleted_at IS NULL"));
    BOOST_TEST(body->getValue<long long>("entries") >= 0);
    BOOST_TEST(body->getValue<long long>("documents_in_quarantine") ==
               count_rows("SELECT count(*) FROM documents WHERE approval = 'quarantined' AND deleted_at IS NULL"));
    BOOST_TEST(body->getValue<long long>("transfers_open") ==
               count_rows("SELECT count(*) FROM transfers WHERE status = 'open' AND expires_at > now()"));
}

BOOST_AUTO_TEST_SUITE_END()
