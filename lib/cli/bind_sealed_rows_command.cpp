#include "cli/bind_sealed_rows_command.hpp"

#include "cli/cli_context.hpp"
#include "cli/sealed_columns.hpp"
#include "crypto/rekey.hpp"
#include "db/query.hpp"

namespace ltc::cli {

namespace {

// Re-seals the column's column-bound values; the number of rows written.
long long bind_column(soci::session& tx, crypto::OldKeyRings& rings, const SealedColumn& sealed) {
    const std::string table(sealed.table);
    const std::string column(sealed.column);
    long long bound = 0;
    const db::Result rows =
        db::query(tx, "SELECT id::text, key_version, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL FOR UPDATE");
    for (const db::Row row : rows) {
        const std::string id = row.text(0);
        const crypto::KeyRing& ring = rings.version(static_cast<int>(row.integer(1)));
        crypto::Opened opened = crypto::open_either(ring, sealed.field, id, row.text(2));
        if (!opened.row_bound) {
            db::query(tx, "UPDATE " + table + " SET " + column + " = $1 WHERE id = $2::uuid",
                      {crypto::seal(ring, sealed.field, id, opened.plaintext), id});
            ++bound;
        }
        crypto::wipe(opened.plaintext);
    }
    return bound;
}

}  // namespace

int bind_sealed_rows_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        err << "usage: ltc bind-sealed-rows\n";
        return 2;
    }
    return run_with_context("bind-sealed-rows", err, [&out](CliContext& context) {
        crypto::OldKeyRings rings(context.config.secret_key);
        long long bound = 0;
        context.database.transaction([&](soci::session& tx) {
            for (const SealedColumn& sealed : sealed_columns) bound += bind_column(tx, rings, sealed);
        });
        out << "bind-sealed-rows: " << bound << " values bound to their row\n";
        return 0;
    });
}

}  // namespace ltc::cli
