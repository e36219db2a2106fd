#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc bind-sealed-rows: the one-off upgrade step that re-seals every ciphertext written before
// ciphertexts were bound to their row (associated data "column" → "column/row id"), under the
// same key version, in one transaction. Idempotent: rows already bound are left as they are.
// Run after `ltc migrate` and before the workers start (scripts/stack.sh does both).
int bind_sealed_rows_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
