-- What the trust light reads on every entry write (trust_entry_heads, V019), from an index: one
-- vehicle's heads lie on about as many heap pages as it has entries (written months apart, among
-- other vehicles' rows), which the primary key's range had to visit one by one. With the facts in
-- the index, PostgreSQL reads a few index pages instead — an index-only scan wherever the
-- visibility map marks the pages all-visible, which autovacuum keeps up. pgbench, 112 entries,
-- after VACUUM: 93 → 59 µs of server CPU a call; entry writes on the running stack (three pairs,
-- fresh writer each): 1 528–1 645 → 1 827–1 880 a second. The price: one more index entry per
-- new entry, and a revision's head update is no longer a HOT update.
CREATE INDEX entry_heads_trust_facts_idx ON entry_heads (vehicle_id)
    INCLUDE (entry_id, date, odometer_km, paper_book, category) WHERE NOT deleted;
