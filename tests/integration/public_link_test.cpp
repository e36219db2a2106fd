// The public QR link through nginx (issue 11): on / rotate / off, the anonymous public answer
// (exact keys, no digit outside `vehicle`, the same for everyone), dead links, the QR images
// decoded back to the URL, the sticker and history PDFs, and the per-IP limit (last).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <Poco/JSON/Parser.h>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
std::set<std::string> keys_of(const Poco::JSON::Object::Ptr& object) {
    std::set<std::string> keys;
    for (const auto& [key, value] : *object) keys.insert(key);
    return keys;
}

// An owner with one vehicle full of digits in its own words (make, model, engine, notes).
struct Owner : Member {
    std::string vin = new_vin();
    std::string vehicle_id;

    Owner() : Member("public-owner") {
        const Reply created = send("POST", "/api/vehicles",
                                   R"({"vin":")" + vin + R"(","make":"Porsche","model":"911 Carrera 4","year":1999,)"
                                   R"("engine":"3.4 Boxer","vehicle_class":"sport","accident_status":"nicht_unfallfrei"})");
        BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
        vehicle_id = created.json()->getValue<std::string>("id");
    }
    void add_entry(const std::string& date, int km, const std::string& category, const std::string& note) {
        const Reply reply = send("POST", "/api/vehicles/" + vehicle_id + "/entries",
                                 R"({"date":")" + date + R"(","category":")" + category +
                                     R"(","performed_by":"haendler","odometer_km":)" + std::to_string(km) +
                                     R"(,"paper_book":true,"note":")" + note + "\"}");
        BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
    }
    // PUT …/public-link; returns the URL.
    std::string link_on() {
        const Reply reply = send("PUT", "/api/vehicles/" + vehicle_id + "/public-link");
        BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
        const auto body = reply.json();
        BOOST_TEST((keys_of(body) == std::set<std::string>{"enabled", "url"}));
        BOOST_TEST(body->getValue<bool>("enabled"));
        return body->getValue<std::string>("url");
    }
};

std::string token_of(const std::string& url) { return url.substr(url.rfind('/') + 1); }

Reply public_read(const std::string& token) { return StackClient(fresh_source_ip()).get("/api/public/qr/" + token); }

// The answer without `vehicle`, serialised (UTF-8 kept as it is).
std::string outside_vehicle(const Reply& reply) {
    auto object = reply.json();
    object->remove("vehicle");
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

long long audit_count(const std::string& action, const std::string& vehicle_id) {
    return count_rows("SELECT count(*) FROM audit_events WHERE action = '" + action + "' AND target_id = '" + vehicle_id + "'");
}

// Writes the body to a file under the stack's var dir and returns the path.
std::string save(const std::string& name, const std::string& body) {
    const std::string path = var_dir() + "/" + name;
    std::ofstream(path, std::ios::binary) << body;
    return path;
}

// stdout of a shell command; the exit status in `status`.
// zbarimg reads no SVG here (ImageMagick without an SVG delegate): the SVG's rectangles
// ("M x y h w v h h-w z", see qr/qr_svg.hpp) are drawn into a greyscale PGM instead.
std::string svg_as_pgm(const std::string& svg) {
    std::smatch size;
    BOOST_REQUIRE(std::regex_search(svg, size, std::regex(R"re(width="(\d+)")re")));
    const int side = std::stoi(size[1]);
    std::string pixels(static_cast<std::size_t>(side) * static_cast<std::size_t>(side), '\xff');
    const std::regex rectangle(R"re(M(\d+) (\d+)h(\d+)v(\d+)h-\d+z)re");
    for (std::sregex_iterator it(svg.begin(), svg.end(), rectangle), end; it != end; ++it) {
        const int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), w = std::stoi((*it)[3]), h = std::stoi((*it)[4]);
        for (int row = y; row < y + h; ++row) {
            pixels.replace(static_cast<std::size_t>(row * side + x), static_cast<std::size_t>(w), static_cast<std::size_t>(w), '\0');
        }
    }
    return "P5\n" + std::to_string(side) + " " + std::to_string(side) + "\n255\n" + pixels;
}

std::string decoded_qr(const std::string& image_path) {
    int status = 0;
    std::string text = run_command("zbarimg --quiet --raw " + image_path, status);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(public_link)

BOOST_AUTO_TEST_CASE(on_public_answer_rotate_off) {
    Owner owner;
    owner.add_entry("2021-03-04", 120000, "oelwechsel", "Öl 5W-40 bei 120000 km, Größe 225/45 R17");
    const std::string vehicle_path = "/api/vehicles/" + owner.vehicle_id;
    BOOST_TEST(!owner.send("GET", vehicle_path).json()->getObject("public_link")->getValue<bool>("enabled"));
    BOOST_TEST(owner.send("GET", vehicle_path + "/public-link/qr.svg").status == 404);  // off: nothing to download

    const std::string url = owner.link_on();
    const std::string token = token_of(url);
    BOOST_TEST(url == env_or("LTC_BASE_URL", "") + "/qr/" + token);
    BOOST_TEST(token.size() >= 22u);  // ≥ 128 bits
    BOOST_TEST(token.find(owner.vehicle_id) == std::string::npos);
    const auto link = owner.send("GET", vehicle_path).json()->getObject("public_link");
    BOOST_TEST(link->getValue<bool>("enabled"));
    BOOST_TEST(link->getValue<std::string>("url") == url);
    BOOST_TEST(audit_count("PUBLIC_LINK_ENABLED", owner.vehicle_id) == 1);

    const Reply answer = public_read(token);
    BOOST_REQUIRE_MESSAGE(answer.status == 200, answer.body);
    BOOST_TEST((keys_of(answer.json()) == std::set<std::string>{"trust_light", "sentence", "hint", "indicators",
                                                                "accident_status_label", "vehicle", "disclaimer"}));
    const auto vehicle = answer.json()->getObject("vehicle");
    BOOST_TEST((keys_of(vehicle) == std::set<std::string>{"vehicle_class", "make", "model", "year", "engine", "vin_masked"}));
    BOOST_TEST(vehicle->getValue<std::string>("model") == "911 Carrera 4");
    BOOST_TEST(vehicle->getValue<int>("year") == 1999);
    BOOST_TEST(answer.json()->getValue<std::string>("accident_status_label") == "Nicht unfallfrei");
    const std::string rest = outside_vehicle(answer);
    BOOST_TEST(rest.find_first_of("0123456789") == std::string::npos, rest);
    BOOST_TEST(answer.body.find(owner.vin) == std::string::npos);
    BOOST_TEST(answer.body.find("public-owner") == std::string::npos);  // no owner data
    BOOST_TEST(answer.header("Cache-Control") == "no-store");
    BOOST_TEST(answer.header("X-Robots-Tag").find("noindex") != std::string::npos);
    StackClient(fresh_source_ip()).get("/qr/" + token);  // the page itself
    const std::string logs = read_file(var_dir() + "/log/nginx-access.log") + read_file(var_dir() + "/log/fcgi.log");
    BOOST_TEST(logs.find(token) == std::string::npos);                              // a capability: never in full
    BOOST_TEST(logs.find("/api/public/qr/" + token.substr(0, 4) + "***") != std::string::npos);  // shortened

    // Rotate: the old token is dead at once, the new one answers.
    const std::string rotated = token_of(owner.link_on());
    BOOST_TEST(rotated != token);
    const Reply old_answer = public_read(token);
    BOOST_TEST(old_answer.status == 404);
    BOOST_TEST(old_answer.error_code() == "not_found");
    BOOST_TEST(public_read(rotated).body == answer.body);
    BOOST_TEST(audit_count("PUBLIC_LINK_ROTATED", owner.vehicle_id) == 1);

    // Another owner can neither rotate nor turn off this link.
    Member stranger("public-stranger");
    BOOST_TEST(stranger.send("PUT", vehicle_path + "/public-link").status == 404);
    BOOST_TEST(stranger.send("DELETE", vehicle_path + "/public-link").status == 404);
    BOOST_TEST(stranger.send("GET", vehicle_path + "/history.pdf").status == 404);

    // Off: dead, and the vehicle says so.
    BOOST_TEST(owner.send("DELETE", vehicle_path + "/public-link").status == 204);
    BOOST_TEST(public_read(rotated).status == 404);
    BOOST_TEST(!owner.send("GET", vehicle_path).json()->getObject("public_link")->getValue<bool>("enabled"));
    BOOST_TEST(owner.send("GET", vehicle_path + "/public-link/qr.png").status == 404);
    BOOST_TEST(audit_count("PUBLIC_LINK_DISABLED", owner.vehicle_id) == 1);
    BOOST_TEST(owner.send("DELETE", vehicle_path + "/public-link").status == 204);  // already off: nothing recorded
    BOOST_TEST(audit_count("PUBLIC_LINK_DISABLED", owner.vehicle_id) == 1);

    // A deleted vehicle's link is dead.
    const std::string again = token_of(owner.link_on());
    BOOST_TEST(public_read(again).status == 200);
    BOOST_TEST(owner.send("DELETE", vehicle_path, R"({"reason":"verkauft"})").status == 204);
    BOOST_TEST(public_read(again).status == 404);
    BOOST_TEST(public_read("not-a-token").status == 404);
}

// The answer is rendered once and kept beside the token (sql/V015__public_pages.sql): every
// change it was rendered from shows in the very next read.
BOOST_AUTO_TEST_CASE(the_kept_public_answer_follows_every_change_at_once) {
    Owner owner;
    const std::string vehicle_path = "/api/vehicles/" + owner.vehicle_id;
    const std::string token = token_of(owner.link_on());
    const auto page_of = [&] {
        return query_as_owner("SELECT COALESCE(page, 'none') FROM public_links WHERE token = '" + token + "'").at(0).at(0);
    };
    const Reply first = public_read(token);
    BOOST_REQUIRE_MESSAGE(first.status == 200, first.body);
    BOOST_TEST(page_of() == first.body);  // kept for the next reads
    BOOST_TEST(first.json()->getValue<std::string>("trust_light") == "rot");

    // Entries: the light moves.
    owner.add_entry("2024-05-06", 90000, "wartung", "Inspektion");
    const Reply documented = public_read(token);
    BOOST_TEST(documented.json()->getValue<std::string>("trust_light") ==
               owner.send("GET", vehicle_path + "/trust").json()->getValue<std::string>("light"));
    BOOST_TEST(documented.body != first.body);

    // Vehicle facts and accident status.
    BOOST_REQUIRE(owner.send("PATCH", vehicle_path, R"({"make":"Ruf","accident_status":"unfallfrei"})").status == 200);
    const Reply patched = public_read(token);
    BOOST_TEST(patched.json()->getObject("vehicle")->getValue<std::string>("make") == "Ruf");
    BOOST_TEST(patched.json()->getValue<std::string>("accident_status_label") == "Unfallfrei");
    BOOST_TEST(page_of() == patched.body);

    // What the workers keep is what they send: a page is served as stored …
    const std::string kept = patched.body;
    query_as_owner("UPDATE public_links SET page = '{\"kept\":true}' WHERE token = '" + token + "' RETURNING 1");
    BOOST_TEST(public_read(token).body == R"({"kept":true})");
    // … unless another release rendered it: then it is rendered again.
    query_as_owner("UPDATE public_links SET page_release = 'an older release' WHERE token = '" + token + "' RETURNING 1");
    BOOST_TEST(public_read(token).body == kept);
}

BOOST_AUTO_TEST_CASE(everyone_sees_the_same_public_answer) {
    Admin super("superadmin", "public-super");
    Member moderator(super, "moderator", "public-moderator");
    Owner owner;
    Member other("public-other");
    const std::string token = token_of(owner.link_on());
    const std::string path = "/api/public/qr/" + token;
    const Reply anonymous = StackClient(fresh_source_ip()).get(path);
    BOOST_REQUIRE_MESSAGE(anonymous.status == 200, anonymous.body);
    for (Member* member : {static_cast<Member*>(&owner), &other, &moderator}) {
        const Reply seen = member->client.get(path, member->session.cookie());
        BOOST_TEST(seen.status == 200);
        BOOST_TEST(seen.body == anonymous.body);
    }
}

BOOST_AUTO_TEST_CASE(qr_images_decode_to_the_public_url) {
    Owner owner;
    const std::string url = owner.link_on();
    const std::string base = "/api/vehicles/" + owner.vehicle_id + "/public-link/";
    const Reply svg = owner.send("GET", base + "qr.svg");
    BOOST_REQUIRE(svg.status == 200);
    BOOST_TEST(svg.header("Content-Type").find("image/svg+xml") == 0u);
    BOOST_TEST(decoded_qr(save("public-qr-test-svg.pgm", svg_as_pgm(svg.body))) == url);
    const Reply png = owner.send("GET", base + "qr.png");
    BOOST_REQUIRE(png.status == 200);
    BOOST_TEST(png.header("Content-Type") == "image/png");
    BOOST_TEST(decoded_qr(save("public-qr-test.png", png.body)) == url);
}

BOOST_AUTO_TEST_CASE(sticker_and_history_pdfs) {
    Owner owner;
    owner.add_entry("2019-05-06", 98765, "inspektion", "Große Inspektion, Bremsflüssigkeit DOT 4, Zündkerzen ß");
    owner.add_entry("2022-07-08", 123456, "hu_au", "HU ohne Mängel, Prüfer Müller");
    const std::string url = owner.link_on();
    int status = 0;

    const Reply sticker = owner.send("GET", "/api/vehicles/" + owner.vehicle_id + "/public-link/sticker.pdf");
    BOOST_REQUIRE(sticker.status == 200);
    BOOST_TEST(sticker.header("Content-Type") == "application/pdf");
    const std::string sticker_path = save("public-sticker-test.pdf", sticker.body);
    const std::string info = run_command("pdfinfo " + sticker_path, status);
    BOOST_TEST(status == 0);
    BOOST_TEST(std::regex_search(info, std::regex("Pages: +1\n")), info);
    BOOST_TEST(info.find("297.638 x 419.528 pts") != std::string::npos, info);  // A6
    BOOST_TEST(run_command("pdftotext " + sticker_path + " -", status).find("LifeTimeCircle · Service Heft 4.0") != std::string::npos);
    run_command("pdftoppm -r 300 -png -singlefile " + sticker_path + " " + var_dir() + "/public-sticker-test", status);
    BOOST_TEST(status == 0);
    BOOST_TEST(decoded_qr(var_dir() + "/public-sticker-test.png") == url);  // printed at 300 dpi, it still scans

    const Reply history = owner.send("GET", "/api/vehicles/" + owner.vehicle_id + "/history.pdf");
    BOOST_REQUIRE(history.status == 200);
    const std::string history_path = save("public-history-test.pdf", history.body);
    run_command("pdfinfo " + history_path, status);
    BOOST_TEST(status == 0);
    std::string text = run_command("pdftotext " + history_path + " -", status);
    std::replace(text.begin(), text.end(), '\n', ' ');  // wrapped lines
    for (const char* expected : {"06.05.2019", "98.765 km", "Inspektion", "Große Inspektion, Bremsflüssigkeit DOT 4, Zündkerzen ß",
                                 "08.07.2022", "123.456 km", "HU/AU", "HU ohne Mängel, Prüfer Müller", "Händler",
                                 "T2 · Im Serviceheft gestempelt", "Seite 1 von 1", "Gedruckt am", "technischen Zustand"}) {
        BOOST_TEST(text.find(expected) != std::string::npos, expected);
    }
    BOOST_TEST(text.find(owner.vin) == std::string::npos);
    BOOST_TEST(text.find('@') == std::string::npos);
    BOOST_TEST(audit_count("HISTORY_PDF", owner.vehicle_id) == 1);
}

// Last: a client of its own address, so no other test shares its counter.
BOOST_AUTO_TEST_CASE(the_21st_rapid_request_is_refused_in_the_envelope) {
    Owner owner;
    const std::string token = token_of(owner.link_on());
    const std::string path = "/api/public/qr/" + token;
    StackClient client(fresh_source_ip());
    for (int i = 1; i <= 20; ++i) BOOST_TEST(client.get(path).status == 200, "request " << i);
    const Reply refused = client.get(path);
    BOOST_TEST(refused.status == 429);
    BOOST_TEST(refused.error_code() == "rate_limited");
    BOOST_TEST(refused.header("Retry-After") == "60");
    BOOST_TEST(refused.json()->getValue<std::string>("request_id") == refused.header("X-Request-Id"));
    BOOST_TEST(read_file(var_dir() + "/log/nginx-error.log").find(token) == std::string::npos);  // no request line
}

BOOST_AUTO_TEST_SUITE_END()
