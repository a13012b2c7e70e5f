// name: entity_profile
// purpose: Everything $name is connected to: its summary edges out and in, and
//   PART_OF links, with direction, weight and documents.
// params: $name — entity name, alias or key (case-insensitive)
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(t:Entity)
MATCH (t)-[r:BACKS|OPPOSES|GUARANTEES|ATTACKED|PARTY_TO|COOPERATES|MEMBER_OF|LEADS|PART_OF]-(x:Entity)
RETURN t.name AS entity,
       CASE WHEN startNode(r).key = t.key THEN 'out' ELSE 'in' END AS direction,
       type(r) AS relation, x.name AS other, x.kind AS other_kind,
       r.weight AS weight, r.docs AS docs
ORDER BY direction DESC, relation, other
LIMIT 100
