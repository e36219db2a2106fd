#pragma once
// Document files on disk: LTC_STORAGE_DIR/tmp/ holds uploads in progress, files/<id> the
// stored documents (served by nginx through the internal /protected-files/ location). A file is
// named only by its document's id, never by anything the user sent.
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>

namespace ltc::documents {

using BodyReader = std::function<std::size_t(char* buffer, std::size_t size)>;

// A temporary upload; removed when it goes out of scope unless moved into place.
class TempFile {
public:
    explicit TempFile(std::string path) : path_(std::move(path)) {}
    TempFile(TempFile&& other) noexcept;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile();

    const std::string& path() const { return path_; }
    // Renames the file to `final_path` (same file system, atomic); it is no longer removed.
    void move_to(const std::string& final_path);

private:
    std::string path_;
};

struct ReceivedFile {
    TempFile file;
    long long size_bytes = 0;
    std::string sha256;  // hex, of the bytes as received
};

class Storage {
public:
    explicit Storage(std::string root) : root_(std::move(root)) {}
    std::string file_path(const std::string& document_id) const;
    // A new, empty, exclusive temporary file (throws std::runtime_error when it cannot be made).
    TempFile create_temp() const;

private:
    std::string root_;
};

// The body too large for one document (413).
class UploadTooLarge : public std::runtime_error {
public:
    UploadTooLarge() : std::runtime_error("upload too large") {}
};

// Streams the body into a new temporary file while hashing it, in 64 KiB chunks; more than
// max_bytes → UploadTooLarge (the partial file is removed).
ReceivedFile receive_body(const Storage& storage, const BodyReader& read, long long max_bytes);

// The whole file (documents are at most a few MiB) / replaces its content.
std::string read_whole_file(const std::string& path);
void overwrite_file(const std::string& path, const std::string& bytes);

// Removes a stored file; false when it was already gone.
bool remove_file(const std::string& path);

}  // namespace ltc::documents
