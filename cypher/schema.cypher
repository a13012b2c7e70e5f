// graphkit schema: applied by graphkit.store on every connect (idempotent).
//
// One statement per `;`. Lines starting with // are comments. Every statement is
// plain Neo4j 5 syntax that ArcadeDB 26.10 (over Bolt) also accepts; each was run
// against both forms of "already there" (IF NOT EXISTS, run twice) on ArcadeDB.
// The runner (graphkit.store.schema) still tolerates, per statement, an error
// whose Neo4j code ends in "AlreadyExists" (Neo4j raises those when an
// equivalent index or constraint exists under another name); any other error
// aborts the connect.
//
// Unique constraints are also indexes: Document.id, Entity.key, Claim.id are the
// MERGE keys of the loader. Entities carry a second label, their kind
// (:Entity:Actor, :Entity:Group, ...): ArcadeDB supports multiple labels and the
// Entity constraint covers them.

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;
// Every lower-cased name, alias and key of an entity: (:Name {lower})-[:NAMES]->(:Entity),
// so a case-insensitive look-up is one index hit instead of a scan of all entities.
CREATE CONSTRAINT name_lower IF NOT EXISTS FOR (n:Name) REQUIRE n.lower IS UNIQUE;
// (:Meta {id: 'graphkit', version}): which backfills a store has had (Store.backfill)
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE;

// lookups by name (exact-case; case-insensitive lookups scan, fine at news scale)
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX entity_evidence IF NOT EXISTS FOR (e:Entity) ON (e.evidence);
// claims by relation (contested_claims, evidence_for_edge) and by document
CREATE INDEX claim_relation IF NOT EXISTS FOR (c:Claim) ON (c.relation);
CREATE INDEX claim_doc IF NOT EXISTS FOR (c:Claim) ON (c.doc);
// "subject key|RELATION|object key": the claims behind one summary edge, by index
CREATE INDEX claim_pair IF NOT EXISTS FOR (c:Claim) ON (c.pair);
CREATE INDEX claim_claimed IF NOT EXISTS FOR (c:Claim) ON (c.claimed);
CREATE INDEX claim_denied IF NOT EXISTS FOR (c:Claim) ON (c.denied);
// since/until filters
CREATE INDEX document_published IF NOT EXISTS FOR (d:Document) ON (d.published);
CREATE INDEX document_name IF NOT EXISTS FOR (d:Document) ON (d.name);
// web documents: a feed's items already stored, by canonical URL or by the URL asked for
CREATE INDEX document_url IF NOT EXISTS FOR (d:Document) ON (d.url);
CREATE INDEX document_source IF NOT EXISTS FOR (d:Document) ON (d.source);
