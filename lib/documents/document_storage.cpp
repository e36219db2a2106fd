#include "documents/document_storage.hpp"

#include <cerrno>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <Poco/UUIDGenerator.h>

namespace ltc::documents {

namespace {
// Group-readable: nginx (the group of the storage directory, set by the deployment) reads the
// files it hands out; nobody else.
constexpr mode_t file_mode = 0640;

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { if (fd_ >= 0) ::close(fd_); }
    int get() const { return fd_; }
    // close() reports late write errors (e.g. a full disk on NFS).
    void close_checked() {
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw std::runtime_error("cannot close document file");
    }

private:
    int fd_;
};

void write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) throw std::runtime_error("cannot write document file");
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}
}  // namespace

TempFile::TempFile(TempFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

TempFile::~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
}

void TempFile::move_to(const std::string& final_path) {
    std::filesystem::rename(path_, final_path);
    path_.clear();
}

std::string Storage::file_path(const std::string& document_id) const { return root_ + "/files/" + document_id; }

TempFile Storage::create_temp() const {
    const std::string path = root_ + "/tmp/" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file_mode);
    if (fd < 0) throw std::runtime_error("cannot create a file in the document storage");
    ::close(fd);
    return TempFile(path);
}

ReceivedFile receive_body(const Storage& storage, const BodyReader& read, long long max_bytes) {
    TempFile temp = storage.create_temp();
    Fd fd(::open(temp.path().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
    if (fd.get() < 0) throw std::runtime_error("cannot open a file in the document storage");
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    long long size = 0;
    char buffer[64 * 1024];
    for (std::size_t chunk; (chunk = read(buffer, sizeof buffer)) > 0;) {
        size += static_cast<long long>(chunk);
        if (size > max_bytes) throw UploadTooLarge();
        sha.update(buffer, chunk);
        write_all(fd.get(), buffer, chunk);
    }
    fd.close_checked();
    return ReceivedFile{std::move(temp), size, Poco::DigestEngine::digestToHex(sha.digest())};
}

std::string read_whole_file(const std::string& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw std::runtime_error("cannot read a document file");
    std::string bytes;
    char buffer[64 * 1024];
    for (ssize_t got; (got = ::read(fd.get(), buffer, sizeof buffer)) != 0;) {
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw std::runtime_error("cannot read a document file");
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    return bytes;
}

void overwrite_file(const std::string& path, const std::string& bytes) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
    if (fd.get() < 0) throw std::runtime_error("cannot rewrite a document file");
    write_all(fd.get(), bytes.data(), bytes.size());
    fd.close_checked();
}

bool remove_file(const std::string& path) {
    if (::unlink(path.c_str()) == 0) return true;
    if (errno == ENOENT) return false;
    throw std::runtime_error("cannot remove a document file");
}

}  // namespace ltc::documents
