#pragma once
// The vehicle's public QR link (PRODUCT.md §9).
#include <string>

#include <soci/soci.h>

namespace ltc::publiclink {

// Gives the vehicle a new link token (the old link answers 404 from now on); in the caller's
// transaction. Ownership transfers call it so the seller's printed sticker stops working.
void rotate_public_link(soci::session& sql, const std::string& vehicle_id);

}  // namespace ltc::publiclink
