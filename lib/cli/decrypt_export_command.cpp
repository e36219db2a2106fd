#include "cli/decrypt_export_command.hpp"

#include <fstream>
#include <iterator>

#include "crypto/aead.hpp"
#include "crypto/rekey.hpp"
#include "exports/export_key.hpp"

namespace ltc::cli {

int decrypt_export_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() != 3 || args[0] != "--key") {
        err << "usage: ltc decrypt-export --key KEY FILE\n";
        return 2;
    }
    auto key = exports::from_base64url(args[1]);
    if (!key || key->size() != crypto::aead_key_size) {
        err << "decrypt-export: the key is not 32 bytes of base64url\n";
        return 2;
    }
    std::ifstream in(args[2], std::ios::binary);
    if (!in) {
        err << "decrypt-export: cannot read " << args[2] << "\n";
        return 1;
    }
    const std::string sealed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int status = 0;
    try {
        std::string json = crypto::aead_decrypt(*key, sealed);
        out << json << "\n";
        crypto::wipe(json);
    } catch (const crypto::DecryptionError&) {
        err << "decrypt-export: the key does not open this file (wrong key, or the file is damaged)\n";
        status = 1;
    }
    crypto::wipe(*key);
    return status;
}

}  // namespace ltc::cli
