#include "vehicles/trust_summary.hpp"

namespace ltc::vehicles {

void refresh_trust_summary(soci::session&, const std::string&) {
    // replaced on main: stores the vehicle_trust row
}

}  // namespace ltc::vehicles
