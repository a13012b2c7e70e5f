// name: contested_claims
// purpose: Claims about $name that disagree: the same relation on it from different
//   claimants, either the same subject with opposite polarity (one asserts, one
//   denies), or different subjects each asserted by a different named source
//   (attributed_to), e.g. "Turkey says Syria attacked the post; Russia says militants
//   did". The claimant of a claim is its attributed_to, else its document. Both
//   sentences and documents are returned; at most 100 pairs.
//   (`graphkit contested` lists them over the whole graph.)
// params: $name — entity name, alias or key (case-insensitive): the object of the claims
//         $since — optional ISO date: only claims from documents published on or after it
//         $until — optional ISO date: only claims from documents published on or before it
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(o:Entity)
MATCH (o)<-[:OBJECT]-(c1:Claim)
WHERE c1.attributed_to IS NOT NULL OR c1.negated = true
WITH o, c1 LIMIT 2000
MATCH (o)<-[:OBJECT]-(c2:Claim)
WHERE c1.relation = c2.relation AND c1.id <> c2.id
  AND (c1.id < c2.id OR NOT (c2.attributed_to IS NOT NULL OR c2.negated = true))
  AND coalesce(c1.attributed_to, 'doc:' + c1.doc) <> coalesce(c2.attributed_to, 'doc:' + c2.doc)
MATCH (c1)-[:SUBJECT]->(s1:Entity)
MATCH (c2)-[:SUBJECT]->(s2:Entity)
WHERE (s1.key = s2.key AND c1.negated <> c2.negated)
   OR (s1.key <> s2.key AND c1.attributed_to IS NOT NULL AND c2.attributed_to IS NOT NULL
       AND c1.negated = false AND c2.negated = false)
WITH o, c1, c2, s1, s2 LIMIT 100
MATCH (c1)-[:IN]->(d1:Document)
MATCH (c2)-[:IN]->(d2:Document)
WHERE ($since IS NULL OR (d1.published >= $since AND d2.published >= $since))
  AND ($until IS NULL OR (d1.published <= $until AND d2.published <= $until))
RETURN o.name AS object, c1.relation AS relation,
       s1.name AS subject_1, c1.negated AS negated_1, c1.attributed_to AS claimant_1,
       c1.sentence AS sentence_1, d1.name AS document_1, d1.source AS source_1,
       s2.name AS subject_2, c2.negated AS negated_2, c2.attributed_to AS claimant_2,
       c2.sentence AS sentence_2, d2.name AS document_2, d2.source AS source_2
ORDER BY relation, subject_1, subject_2, sentence_1, sentence_2
