// name: agreement_parties
// purpose: Guarantors and parties of agreement $name (GUARANTEES and PARTY_TO
//   summary edges into it), with weight and the number of documents behind each.
// params: $name — agreement name, alias or key (case-insensitive)
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(t:Entity)
MATCH (x:Entity)-[r:GUARANTEES|PARTY_TO]->(t)
RETURN t.name AS agreement, type(r) AS role, x.name AS entity, x.kind AS kind,
       r.weight AS weight, size(coalesce(r.docs, [])) AS documents
ORDER BY role DESC, weight DESC, entity
LIMIT 100
