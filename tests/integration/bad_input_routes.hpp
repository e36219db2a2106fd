#pragma once
// What each registered route reads, for the bad-input catalogue. A route missing here fails
// the catalogue, so a new route has to declare its inputs.
#include <map>
#include <string>

#include "bad_input_cases.hpp"

namespace ltc::test {

// Keyed "METHOD /template". Placeholders in valid values: @VIN@ (a fresh VIN), @OWN_VIN@
// (the owner's vehicle's VIN), @VEHICLE@, @ENTRY@, @CHALLENGE@ (an unknown challenge).
const std::map<std::string, RouteInputs>& route_inputs();

}  // namespace ltc::test
