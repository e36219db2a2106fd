#include "cli/routes_command.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "routes/all_routes.hpp"

namespace ltc::cli {

namespace {
// Handlers capture the services but none runs here: inert stand-ins (a lazy database that is
// never opened, metrics on a file removed at once) let the tables register.
std::string scratch_metrics_file() {
    std::string path = "/tmp/ltc-routes-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd >= 0) ::close(fd);
    return path;
}
}  // namespace

int routes_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        err << "usage: ltc routes\n";
        return 2;
    }
    const config::WorkerConfig config;
    const config::AuthSettings auth;
    const crypto::KeyRing keys("");
    db::Database database("");
    const std::string metrics_path = scratch_metrics_file();
    metrics::SharedMetrics metrics(metrics_path);
    ::unlink(metrics_path.c_str());
    server::Services services{config, auth, keys, database, metrics};

    http::Router router;
    routes::register_all_routes(router, services);
    for (const auto& route : router.routes()) out << route.method << ' ' << route.route_template << ' ' << route.access << '\n';
    return 0;
}

}  // namespace ltc::cli
