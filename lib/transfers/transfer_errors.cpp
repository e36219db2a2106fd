#include "transfers/transfer_errors.hpp"

namespace ltc::transfers {

http::ApiError refusal_error(Refusal refusal) {
    switch (refusal) {
        case Refusal::not_open: return http::ApiError(409, "transfer_not_open", "Diese Übergabe ist nicht mehr offen.");
        case Refusal::expired: return http::ApiError(410, "transfer_expired", "Der Übergabe-Code ist abgelaufen.");
        case Refusal::already_extended:
            return http::ApiError(409, "already_extended", "Die Übergabe wurde bereits einmal verlängert.");
        case Refusal::own_vehicle: return http::ApiError(409, "own_vehicle", "Dieses Fahrzeug gehört dir bereits.");
        case Refusal::vehicle_limit:
            return http::ApiError(403, "vehicle_limit_reached", "Im kostenlosen Tarif ist ein aktives Fahrzeug möglich.");
    }
    return http::ApiError(409, "conflict");
}

}  // namespace ltc::transfers
