#include "http/api_error.hpp"

#include <unordered_map>

namespace ltc::http {

ApiError::ApiError(int status, std::string code, std::string message, FieldErrors fields)
    : std::runtime_error(code),
      status_(status),
      code_(std::move(code)),
      message_(message.empty() ? default_message(code_) : std::move(message)),
      fields_(std::move(fields)) {}

ApiError& ApiError::with_header(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
}

std::string default_message(const std::string& code) {
    static const std::unordered_map<std::string, std::string> messages = {
        {"invalid_json", "Die Anfrage enthält kein gültiges JSON."},
        {"validation_failed", "Die Eingaben sind nicht gültig."},
        {"unauthenticated", "Bitte melde dich an."},
        {"csrf_failed", "Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen."},
        {"second_factor_required", "Bitte bestätige die Anmeldung mit dem zweiten Faktor."},
        {"forbidden", "Dafür fehlt die Berechtigung."},
        {"consent_required", "Bitte stimme zuerst den aktuellen Nutzungsbedingungen und der Datenschutzerklärung zu."},
        {"step_up_required", "Bitte bestätige diese Aktion mit einem aktuellen Code."},
        {"superadmin_required", "Diese Aktion ist Superadmins vorbehalten."},
        {"not_found", "Nicht gefunden."},
        {"method_not_allowed", "Diese Methode ist hier nicht erlaubt."},
        {"payload_too_large", "Die Anfrage ist zu groß."},
        {"unsupported_media_type", "Dieser Inhaltstyp wird nicht unterstützt."},
        {"rate_limited", "Zu viele Anfragen. Bitte warte kurz."},
        {"internal_error", "Ein interner Fehler ist aufgetreten."},
        {"unavailable", "Der Dienst ist vorübergehend nicht verfügbar."},
        {"conflict", "Die Anfrage steht im Konflikt mit dem aktuellen Zustand."},
        {"invalid_code", "Der Code ist ungültig."},
        {"code_locked", "Zu viele Fehlversuche. Bitte fordere später einen neuen Code an."},
        {"code_expired", "Der Code ist abgelaufen. Bitte fordere einen neuen an."},
        {"account_disabled", "Dieses Konto ist gesperrt."},
        {"consent_incomplete", "Bitte stimme allen aktuellen Dokumenten zu."},
        {"slug_taken", "Diese Adresse (Slug) ist schon vergeben."},  // a unique race has no thrower
    };
    const auto found = messages.find(code);
    return found != messages.end() ? found->second : "Die Anfrage konnte nicht ausgeführt werden.";
}

ApiError validation_failed(FieldErrors fields) {
    return ApiError(400, "validation_failed", {}, std::move(fields));
}

ApiError invalid_json() { return ApiError(400, "invalid_json"); }

ApiError not_found() { return ApiError(404, "not_found"); }

}  // namespace ltc::http
