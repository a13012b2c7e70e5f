// name: entity_profile
// purpose: Everything $name is connected to: its summary edges out and in, and
//   PART_OF links, strongest first (at most 100), with direction, weight and the
//   number of documents behind each (evidence_for_edge lists them).
// params: $name — entity name, alias or key (case-insensitive)
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(t:Entity)
MATCH (t)-[r:BACKS|OPPOSES|GUARANTEES|ATTACKED|PARTY_TO|COOPERATES|MEMBER_OF|LEADS|PART_OF]-(x:Entity)
WITH t, r, x ORDER BY coalesce(r.weight, 0) DESC LIMIT 100
RETURN t.name AS entity,
       CASE WHEN startNode(r) = t THEN 'out' ELSE 'in' END AS direction,
       type(r) AS relation, x.name AS other, x.kind AS other_kind,
       r.weight AS weight, size(coalesce(r.docs, [])) AS documents
ORDER BY coalesce(weight, 0) DESC, relation, other, direction DESC
