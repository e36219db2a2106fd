#include "routes/all_routes.hpp"

#include "admin/admin_routes.hpp"
#include "auth/auth_routes.hpp"
#include "blog/blog_routes.hpp"
#include "blog/cms_routes.hpp"
#include "consent/consent_routes.hpp"
#include "documents/document_routes.hpp"
#include "entries/entry_routes.hpp"
#include "exports/export_routes.hpp"
#include "health/health_routes.hpp"
#include "publiclink/public_link_routes.hpp"
#include "transfers/transfer_routes.hpp"
#include "vehicles/vehicle_routes.hpp"

namespace ltc::routes {

void register_all_routes(http::Router& router, server::Services& services) {
    health::register_health_routes(router, services);
    auth::register_sign_in_routes(router, services);
    auth::register_session_routes(router, services);
    auth::register_second_factor_routes(router, services);
    consent::register_consent_routes(router, services);
    vehicles::register_vehicle_routes(router, services);
    entries::register_entry_routes(router, services);
    documents::register_document_routes(router, services);
    admin::register_admin_routes(router, services);
    publiclink::register_public_link_routes(router, services);
    transfers::register_transfer_routes(router, services);
    exports::register_export_routes(router, services);
    blog::register_blog_routes(router, services);
    blog::register_cms_routes(router, services);
}

}  // namespace ltc::routes
