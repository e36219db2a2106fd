#include "exports/export_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "exports/export_store.hpp"

namespace ltc::exports {

namespace {
std::string path_of(const std::string& dir, const std::string& id) { return dir + "/" + id; }
}  // namespace

std::string export_dir(const std::string& var_dir) { return var_dir + "/exports"; }

void write_export_file(const std::string& dir, const std::string& id, const std::string& bytes) {
    const std::string target = path_of(dir, id);
    const std::string temporary = target + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create an export file in " + dir);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    const bool complete = written == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!complete || std::rename(temporary.c_str(), target.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw std::runtime_error("cannot write an export file in " + dir);
    }
}

std::string read_export_file(const std::string& dir, const std::string& id) {
    std::ifstream in(path_of(dir, id), std::ios::binary);
    if (!in) throw std::runtime_error("export file missing");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void remove_export_file(const std::string& dir, const std::string& id) {
    if (std::remove(path_of(dir, id).c_str()) != 0 && errno != ENOENT) {
        throw std::runtime_error("cannot delete an export file in " + dir);
    }
}

long long purge_exports(soci::session& sql, const std::string& dir) {
    long long purged = 0;
    for (const auto& id : exports_to_purge(sql)) {
        remove_export_file(dir, id);
        mark_purged(sql, id);
        ++purged;
    }
    return purged;
}

}  // namespace ltc::exports
