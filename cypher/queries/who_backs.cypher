// name: who_backs
// purpose: Who backs $name: the entities with a BACKS summary edge to it (asserted
//   claims only), strongest first (at most 100), with the documents behind each edge.
// params: $name — entity name, alias or key (case-insensitive)
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(t:Entity)
MATCH (b:Entity)-[r:BACKS]->(t)
RETURN b.name AS backer, b.kind AS kind, t.name AS backed, r.weight AS weight, r.docs AS docs
ORDER BY weight DESC, backer
LIMIT 100
