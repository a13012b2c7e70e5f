// name: evidence_for_edge
// purpose: The evidence behind one edge: the claims $subject -$relation-> $object
//   (asserted, negated or hedged), with sentence, attribution and document; at most 100.
// params: $subject — entity name, alias or key (case-insensitive)
//         $relation — relation type, e.g. BACKS (case-insensitive)
//         $object — entity name, alias or key (case-insensitive)
//         $since — optional ISO date: only claims from documents published on or after it
//         $until — optional ISO date: only claims from documents published on or before it
WITH toLower($subject) AS ks, toLower($object) AS ko, toUpper($relation) AS rel
MATCH (:Name {lower: ks})-[:NAMES]->(s:Entity)
MATCH (:Name {lower: ko})-[:NAMES]->(o:Entity)
WITH s, o, s.key + '|' + rel + '|' + o.key AS pair
MATCH (c:Claim {pair: pair})
MATCH (c)-[:IN]->(d:Document)
WHERE ($since IS NULL OR d.published >= $since) AND ($until IS NULL OR d.published <= $until)
RETURN s.name AS subject, c.relation AS relation, o.name AS object, c.sentence AS sentence,
       c.attributed_to AS attributed_to, c.negated AS negated, c.hedged AS hedged,
       c.confidence AS confidence, d.name AS document, d.title AS title, d.source AS source,
       d.published AS published
ORDER BY document, sentence
LIMIT 100
