// name: who_backs
// purpose: Who backs $name: every entity with a BACKS summary edge to it (asserted
//   claims only), strongest first, with the documents behind each edge.
// params: $name — entity name, alias or key (case-insensitive)
MATCH (t:Entity)
WHERE t.key = $name OR toLower(t.name) = toLower($name)
   OR ANY(a IN coalesce(t.aliases, []) WHERE toLower(a) = toLower($name))
MATCH (b:Entity)-[r:BACKS]->(t)
RETURN b.name AS backer, b.kind AS kind, t.name AS backed, r.weight AS weight, r.docs AS docs
ORDER BY weight DESC, backer
