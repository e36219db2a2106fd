#pragma once
// Full-export ciphertexts on disk: $LTC_VAR_DIR/exports/<export id>, mode 0600.
#include <string>

#include <soci/soci.h>

namespace ltc::exports {

std::string export_dir(const std::string& var_dir);

// Written to a temporary name and renamed, so a reader never sees half a file.
void write_export_file(const std::string& dir, const std::string& id, const std::string& bytes);
// Throws std::runtime_error when the file is missing.
std::string read_export_file(const std::string& dir, const std::string& id);
// A missing file counts as removed.
void remove_export_file(const std::string& dir, const std::string& id);

// The retention job: deletes the files of expired or downloaded exports; how many.
long long purge_exports(soci::session& sql, const std::string& dir);

}  // namespace ltc::exports
