// The owner pages in a real browser: a fresh account creates its first vehicle on /app, adds
// three entries on /app/vehicle, revises one, watches the trust light (word, not colour) follow
// PRODUCT.md §8, opens the revision history, deletes an entry and finally the vehicle.
// No SEVERE console entries anywhere, no horizontal scrolling at 375 px.
//
// Trust light with accident status "unfallfrei" and no documents (so v3 = 0), n entries of
// which v2 are stamped in the paper book (T2):
//   n = 0                → history_missing (block)                       → Rot
//   n = 1, v2 = 1        → verification_not_high (warn)                 → Gelb
//   n = 2, v2 = 1        → 2·1 < 2 is false: still only the warn        → Gelb
//   n = 3, v2 = 1        → verification_low, 2·1 < 3 (cap)              → Orange
//   entry 3 revised to stamped: n = 3, v2 = 2 → only the warn           → Gelb
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "browser_env.hpp"
#include "page_helpers.hpp"

using namespace ltc::browser;

namespace {

constexpr const char* kVinAlphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"; // ISO 3779: no I, O, Q

int vinValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    static const std::string letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    static const std::array<int, 23> values = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    return values[letters.find(c)];
}

// The ISO 3779 check digit (position 9) of a 17-character VIN.
char vinCheckDigit(const std::string& vin) {
    static const std::array<int, 17> weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) sum += vinValue(vin[i]) * weights[i];
    const int rest = sum % 11;
    return rest == 10 ? 'X' : static_cast<char>('0' + rest);
}

// VINs are unique among active vehicles across the whole stack: a random one per run, with a
// valid check digit (so the page shows no check-digit note).
std::string uniqueVin() {
    std::random_device device;
    std::mt19937_64 generator((static_cast<std::uint64_t>(device()) << 32) ^ device());
    std::uniform_int_distribution<int> pick(0, 32);
    std::string vin(17, '0');
    for (auto& c : vin) c = kVinAlphabet[pick(generator)];
    vin[8] = vinCheckDigit(vin);
    return vin;
}

std::string maskedVin(const std::string& vin) { return vin.substr(0, 3) + std::string(10, '*') + vin.substr(13); }

void checkFitsAt375(WebDriver& driver, const std::string& where) {
    const Widths widths = pageWidths(driver);
    BOOST_TEST(widths.inner_width == 375, where << ": innerWidth " << widths.inner_width);
    BOOST_TEST(widths.scroll_width <= widths.inner_width,
               where << ": horizontal scrolling, scrollWidth " << widths.scroll_width << " > innerWidth "
                     << widths.inner_width);
}

void checkNoConsoleErrors(WebDriver& driver, const std::string& where) {
    const auto errors = consoleErrors(driver);
    BOOST_TEST(errors.empty(), "console errors " << where << ":\n" << describe(errors));
}

// "YYYY-MM-DD", `days` before today (in the browser's clock; far enough from today that time
// zones do not matter).
std::string daysAgo(WebDriver& driver, int days) {
    return evalString(driver,
                      "const d = new Date(Date.now() - Number(arguments[0]) * 86400000);"
                      "return d.toISOString().slice(0, 10);",
                      std::to_string(days));
}

std::string germanDate(const std::string& iso) { return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4); }

// The trust panel has answered (no neutral loading state) and shows a light.
bool trustReady(WebDriver& driver) {
    return evalBool(driver, "const p = document.getElementById('trust-panel');"
                            "return !!p && p.dataset.state === 'ready' && !!document.getElementById('trust-word');");
}

// Waits until the timeline shows `entries` items and the trust light has been recomputed;
// returns the light's word.
std::string waitForTimelineAndTrust(WebDriver& driver, int entries) {
    const bool ok = driver.waitUntil(
        [&] { return countOf(driver, "#timeline > li.entry") == entries && trustReady(driver); }, std::chrono::seconds(10));
    BOOST_REQUIRE_MESSAGE(ok, "the timeline did not reach " << entries << " entries with a trust light; "
                                                           << describePage(driver));
    return textAt(driver, "#trust-word");
}

struct EntryInput {
    std::string date;
    std::string category;
    std::string performed_by;
    std::string km; // as typed
    std::string cost;
    std::string note;
    bool paper_book = false;
};

void fillEntryForm(WebDriver& driver, const EntryInput& entry) {
    setValue(driver, "#entry-date", entry.date);
    setValue(driver, "#entry-category", entry.category);
    setValue(driver, "#entry-performer", entry.performed_by);
    setValue(driver, "#entry-km", "");
    driver.sendKeys(driver.find("#entry-km"), entry.km);
    setValue(driver, "#entry-cost", "");
    if (!entry.cost.empty()) driver.sendKeys(driver.find("#entry-cost"), entry.cost);
    setValue(driver, "#entry-note", "");
    if (!entry.note.empty()) driver.sendKeys(driver.find("#entry-note"), entry.note);
    setChecked(driver, "#entry-paper", entry.paper_book);
}

std::string addEntry(WebDriver& driver, const EntryInput& entry, int entries_after) {
    fillEntryForm(driver, entry);
    driver.click(driver.find("#entry-submit"));
    const std::string word = waitForTimelineAndTrust(driver, entries_after);
    BOOST_TEST(textAt(driver, "#entry-alert").empty(), "entry form alert: " << textAt(driver, "#entry-alert"));
    BOOST_TEST(textAt(driver, "#vehicle-status").find("Der Eintrag wurde gespeichert.") != std::string::npos,
               "status after adding: " << textAt(driver, "#vehicle-status"));
    return word;
}

} // namespace

BOOST_AUTO_TEST_SUITE(vehicle)

BOOST_AUTO_TEST_CASE(vin_check_digit_helper_matches_a_known_vin) {
    BOOST_TEST(vinCheckDigit("1M8GDM9AXKP042788") == 'X');
    const std::string vin = uniqueVin();
    BOOST_TEST(vin.size() == 17u);
    BOOST_TEST(vin.find_first_of("IOQ") == std::string::npos);
    BOOST_TEST(vin[8] == vinCheckDigit(vin));
}

BOOST_AUTO_TEST_CASE(owner_creates_vehicle_adds_and_revises_entries_and_sees_the_trust_light) {
    WebDriver& driver = sharedDriver();
    const std::string address = signInFreshUser(driver, "vehicle");
    BOOST_TEST_MESSAGE("signed in as " << address);

    // 1. /app, first visit without a vehicle: the create form, focus on the VIN.
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#create-section"), "the create form is not shown on a first visit; "
                                                                    << describePage(driver));
    BOOST_TEST(driver.waitUntil([&] { return activeId(driver) == "create-vin"; }, std::chrono::seconds(3)),
               "the VIN field has no focus on a first visit (focus: " << activeId(driver) << ")");
    BOOST_TEST(countOf(driver, "h1") == 1);
    BOOST_TEST(textAt(driver, "h1") == "Meine Fahrzeuge");
    BOOST_TEST(countOf(driver, "#create-class option") == 7, "vehicle class: 6 classes + no answer");
    checkFitsAt375(driver, "/app with the create form");
    checkNoConsoleErrors(driver, "signing in and opening /app");

    // Client-side check: no VIN → error next to the field, focus on it.
    driver.click(driver.find("#create-submit"));
    BOOST_TEST(driver.attribute(driver.find("#create-vin"), "aria-invalid").value_or("") == "true");
    BOOST_TEST(!textAt(driver, "#create-vin-error").empty());
    BOOST_TEST(activeId(driver) == "create-vin");

    // "Unfall abgeschlossen" only for nicht_unfallfrei.
    BOOST_TEST(!isShown(driver, "#create-accident-closed"));
    setValue(driver, "#create-accident", "nicht_unfallfrei");
    BOOST_TEST(isShown(driver, "#create-accident-closed"));
    setValue(driver, "#create-accident", "unfallfrei");
    BOOST_TEST(!isShown(driver, "#create-accident-closed"));

    // 2. Create the vehicle.
    const std::string vin = uniqueVin();
    const std::string nickname = "Testwagen " + vin.substr(13);
    BOOST_TEST_MESSAGE("VIN " << vin);
    driver.sendKeys(driver.find("#create-vin"), vin.substr(0, 8) + " " + vin.substr(8)); // a space is dropped
    driver.sendKeys(driver.find("#create-nickname"), nickname);
    setValue(driver, "#create-class", "alltag");
    driver.sendKeys(driver.find("#create-make"), "Volkswagen");
    driver.sendKeys(driver.find("#create-model"), "Golf");
    driver.sendKeys(driver.find("#create-year"), "2019");
    driver.sendKeys(driver.find("#create-engine"), "2.0 TDI");
    driver.click(driver.find("#create-submit"));

    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/app/vehicle"),
                          "after creating, the browser is not on /app/vehicle; " << describePage(driver));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return textAt(driver, "h1") == nickname; }, std::chrono::seconds(10)),
                          "the vehicle page does not show the nickname as h1; " << describePage(driver));
    BOOST_TEST(countOf(driver, "h1") == 1);
    BOOST_TEST(driver.title().find(nickname) == 0, "title: " << driver.title());
    BOOST_TEST(textAt(driver, "#vehicle-status").find("angelegt") != std::string::npos);
    BOOST_TEST(textAt(driver, "#vehicle-facts dd.vin") == maskedVin(vin));
    BOOST_TEST(evalString(driver, "return document.body.innerText;").find(vin) == std::string::npos,
               "the full VIN is shown on the page");
    BOOST_TEST(evalString(driver, "return JSON.stringify(Object.assign({}, window.localStorage, window.sessionStorage));")
                       .find(vin) == std::string::npos,
               "the VIN is kept in browser storage");
    BOOST_TEST(!isShown(driver, "#vin-check-note"), "a valid check digit is reported as wrong");

    // 3. No entries: Rot, because history_missing blocks.
    BOOST_TEST(waitForTimelineAndTrust(driver, 0) == "Rot");
    BOOST_TEST(textAt(driver, "#trust-sentence") == "Nachweisqualität gering oder unsicher.");
    BOOST_TEST(textAt(driver, "#trust-hint") == "Hinweis: Für dieses Fahrzeug ist noch keine Historie dokumentiert.");
    BOOST_TEST(countOf(driver, "#trust-todos li[data-code='history_missing']") == 1);
    BOOST_TEST(textAt(driver, "#entry-fields .care-hint") == "Datenpflege = bessere Trust-Stufe & Verkaufswert");
    checkFitsAt375(driver, "/app/vehicle without entries");
    checkNoConsoleErrors(driver, "creating the vehicle");

    // 4. Three entries, oldest first; the light follows §8.
    const std::string date1 = daysAgo(driver, 300);
    const std::string date2 = daysAgo(driver, 200);
    const std::string date3 = daysAgo(driver, 100);
    BOOST_TEST(addEntry(driver, {date1, "wartung", "fachwerkstatt", "45.000", "129,90", "Ölwechsel und Filter", true}, 1) ==
               "Gelb");
    BOOST_TEST(countOf(driver, "#trust-todos li[data-code='verification_not_high']") == 1);
    BOOST_TEST(addEntry(driver, {date2, "inspektion", "autohaus", "52000", "", "", false}, 2) == "Gelb");
    BOOST_TEST(addEntry(driver, {date3, "reifen", "reifenservice", "58000", "", "", false}, 3) == "Orange");
    BOOST_TEST(textAt(driver, "#trust-sentence") == "Nachweise lückenhaft oder Unfallstatus offen.");
    BOOST_TEST(countOf(driver, "#trust-todos li[data-code='verification_low']") == 1);

    // Newest first, German dates, labels, km and money.
    const auto titles = driver.findAll("#timeline > li.entry .entry__title");
    BOOST_REQUIRE(titles.size() == 3u);
    BOOST_TEST(driver.text(titles[0]) == germanDate(date3) + " · Reifen");
    BOOST_TEST(driver.text(titles[1]) == germanDate(date2) + " · Inspektion");
    BOOST_TEST(driver.text(titles[2]) == germanDate(date1) + " · Wartung");
    const std::string oldest = textAt(driver, "#timeline > li.entry:last-child");
    BOOST_TEST(oldest.find("45.000 km") != std::string::npos, oldest);
    BOOST_TEST(oldest.find("129,90 €") != std::string::npos, oldest);
    BOOST_TEST(oldest.find("Fachwerkstatt") != std::string::npos, oldest);
    BOOST_TEST(oldest.find("T2 · Im Serviceheft gestempelt") != std::string::npos, oldest);
    BOOST_TEST(textAt(driver, "#timeline > li.entry:first-child").find("Reifenservice") != std::string::npos);
    checkFitsAt375(driver, "/app/vehicle with three entries");
    checkNoConsoleErrors(driver, "adding three entries");

    // 5. Revise the newest entry: now stamped in the paper book → Gelb.
    driver.click(driver.find("#timeline > li.entry:first-child [data-action='edit']"));
    BOOST_TEST(driver.waitUntil([&] { return activeId(driver) == "entry-title"; }, std::chrono::seconds(3)),
               "focus did not move to the form heading (focus: " << activeId(driver) << ")");
    BOOST_TEST(textAt(driver, "#entry-title").find("bearbeiten (Version 1)") != std::string::npos,
               textAt(driver, "#entry-title"));
    BOOST_TEST(evalString(driver, "return document.getElementById('entry-km').value;") == "58000");
    setChecked(driver, "#entry-paper", true);
    driver.sendKeys(driver.find("#entry-reason"), "Stempel im Serviceheft nachgetragen");
    driver.click(driver.find("#entry-submit"));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil(
                              [&] {
                                  return evalString(driver, "const e = document.querySelector('#timeline > li.entry');"
                                                            "return e ? e.dataset.version : '';") == "2" &&
                                         trustReady(driver);
                              },
                              std::chrono::seconds(10)),
                          "the revised entry does not show version 2; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#trust-word") == "Gelb");
    BOOST_TEST(textAt(driver, "#vehicle-status").find("Version 2") != std::string::npos, textAt(driver, "#vehicle-status"));
    BOOST_TEST(textAt(driver, "#entry-title") == "Eintrag hinzufügen", "the form did not return to adding");
    checkNoConsoleErrors(driver, "revising an entry");

    // 6. The revision history of that entry: two versions, oldest first, the change named.
    driver.click(driver.find("#timeline > li.entry:first-child [data-action='history']"));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return countOf(driver, "#timeline > li.entry:first-child .history-item") == 2; },
                                           std::chrono::seconds(10)),
                          "the history does not show two versions; " << describePage(driver));
    const auto versions = driver.findAll("#timeline > li.entry:first-child .history-item");
    BOOST_TEST(driver.text(versions[0]).find("Version 1") == 0, driver.text(versions[0]));
    BOOST_TEST(driver.text(versions[1]).find("Version 2") == 0, driver.text(versions[1]));
    BOOST_TEST(driver.text(versions[1]).find("Geändert: Papier-Serviceheft") != std::string::npos, driver.text(versions[1]));
    BOOST_TEST(driver.text(versions[1]).find("Stempel im Serviceheft nachgetragen") != std::string::npos);
    BOOST_TEST(activeId(driver).find("-history-title") != std::string::npos, "focus: " << activeId(driver));
    checkFitsAt375(driver, "/app/vehicle with the history open");
    checkNoConsoleErrors(driver, "opening the history");

    // 7. Delete the middle entry (a reason is mandatory): two stamped entries remain → Gelb.
    driver.click(driver.find("#timeline > li.entry:nth-child(2) [data-action='delete']"));
    const std::string reason_css = "#timeline > li.entry:nth-child(2) .reason-form textarea";
    BOOST_REQUIRE(waitShown(driver, reason_css));
    driver.click(driver.find("#timeline > li.entry:nth-child(2) .reason-form button[type=submit]"));
    BOOST_TEST(driver.attribute(driver.find(reason_css), "aria-invalid").value_or("") == "true",
               "deleting without a reason is not refused");
    driver.sendKeys(driver.find(reason_css), "Doppelt erfasst");
    driver.click(driver.find("#timeline > li.entry:nth-child(2) .reason-form button[type=submit]"));
    BOOST_TEST(waitForTimelineAndTrust(driver, 2) == "Gelb");
    checkNoConsoleErrors(driver, "deleting an entry");

    // 8. /app lists the vehicle: trust word, sentence, masked VIN; no create form.
    openPage(driver, "/app");
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return countOf(driver, "#vehicle-list > li") == 1; }, std::chrono::seconds(10)),
                          "/app does not list the vehicle; " << describePage(driver));
    const std::string card = textAt(driver, "#vehicle-list > li");
    BOOST_TEST(card.find(nickname) != std::string::npos, card);
    BOOST_TEST(card.find("Gelb") != std::string::npos, card);
    BOOST_TEST(card.find("Solide Dokumentation mit Verbesserungspotenzial.") != std::string::npos, card);
    BOOST_TEST(card.find(maskedVin(vin)) != std::string::npos, card);
    BOOST_TEST(!isShown(driver, "#create-section"));
    checkFitsAt375(driver, "/app with one vehicle");
    checkNoConsoleErrors(driver, "on /app with one vehicle");

    // 9. Delete the vehicle with a reason: back on /app, which offers the create form again.
    driver.click(driver.find("#vehicle-list > li a"));
    BOOST_REQUIRE(waitForPath(driver, "/app/vehicle"));
    BOOST_REQUIRE(driver.waitUntil([&] { return trustReady(driver); }, std::chrono::seconds(10)));
    driver.click(driver.find("#delete-open"));
    BOOST_REQUIRE(waitShown(driver, "#vehicle-delete-reason"));
    BOOST_TEST(activeId(driver) == "vehicle-delete-reason");
    driver.sendKeys(driver.find("#vehicle-delete-reason"), "Testfahrzeug");
    driver.click(driver.find("#vehicle-delete button[type=submit]"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/app"), "after deleting, the browser is not on /app; " << describePage(driver));
    BOOST_TEST(driver.waitUntil([&] { return textAt(driver, "#app-status") == "Das Fahrzeug wurde gelöscht."; },
                                std::chrono::seconds(10)),
               "status on /app: " << textAt(driver, "#app-status"));
    BOOST_TEST(waitShown(driver, "#create-section"));
    BOOST_TEST(countOf(driver, "#vehicle-list > li") == 0);
    checkNoConsoleErrors(driver, "deleting the vehicle");
}

BOOST_AUTO_TEST_SUITE_END()
