#pragma once
// ltc decrypt-export --key KEY FILE: opens a downloaded full export (nonce ‖ ciphertext ‖ tag,
// AES-256-GCM) with the key shown once at its creation and prints the JSON.
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

int decrypt_export_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
