#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc create-admin --email ADDRESS --role admin|superadmin: creates or promotes the account
// (the only way to the first superadmin); ends its sessions so the next sign-in enrols TOTP.
int create_admin_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
