// name: contested_claims
// purpose: Claims about $name that disagree: the same relation on it from different
//   claimants, either the same subject with opposite polarity (one asserts, one
//   denies), or different subjects each asserted by a different named source
//   (attributed_to), e.g. "Turkey says Syria attacked the post; Russia says militants
//   did". The claimant of a claim is its attributed_to, else its document. Both
//   sentences and documents are returned; at most 100 pairs. The pairs are found
//   through indexes (Claim.denied: negated claims by object and relation;
//   Claim.pair: the same edge; Claim.claimed: asserted claims with a named source,
//   by object and relation), so a hub need not have all its claims read.
//   (`graphkit contested` lists them over the whole graph.)
// params: $name — entity name, alias or key (case-insensitive): the object of the claims
//         $since — optional ISO date: only claims from documents published on or after it
//         $until — optional ISO date: only claims from documents published on or before it
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(o:Entity)
CALL {
  WITH o
  // one denies what another asserts: the same edge, opposite polarity
  UNWIND ['BACKS', 'OPPOSES', 'GUARANTEES', 'ATTACKED', 'PARTY_TO', 'COOPERATES', 'MEMBER_OF', 'LEADS'] AS rel
  MATCH (c1:Claim {denied: o.key + '|' + rel})
  WHERE ($since IS NULL OR c1.published >= $since) AND ($until IS NULL OR c1.published <= $until)
  MATCH (c2:Claim {pair: c1.pair})
  WHERE c2.negated = false
    AND coalesce(c1.attributed_to, 'doc:' + c1.doc) <> coalesce(c2.attributed_to, 'doc:' + c2.doc)
    AND ($since IS NULL OR c2.published >= $since) AND ($until IS NULL OR c2.published <= $until)
  RETURN c1, c2 LIMIT 100
  UNION ALL
  WITH o
  // named sources name different subjects for the same relation on it
  MATCH (o)<-[:OBJECT]-(c1:Claim)
  WHERE c1.claimed IS NOT NULL
    AND ($since IS NULL OR c1.published >= $since) AND ($until IS NULL OR c1.published <= $until)
  MATCH (c2:Claim {claimed: c1.claimed})
  WHERE c2.id > c1.id AND c2.pair <> c1.pair AND c2.attributed_to <> c1.attributed_to
    AND ($since IS NULL OR c2.published >= $since) AND ($until IS NULL OR c2.published <= $until)
  RETURN c1, c2 LIMIT 100
}
WITH o, c1, c2 LIMIT 100
MATCH (c1)-[:SUBJECT]->(s1:Entity)
MATCH (c2)-[:SUBJECT]->(s2:Entity)
MATCH (d1:Document {id: c1.doc})
MATCH (d2:Document {id: c2.doc})
RETURN o.name AS object, c1.relation AS relation,
       s1.name AS subject_1, c1.negated AS negated_1, c1.attributed_to AS claimant_1,
       c1.sentence AS sentence_1, d1.name AS document_1, d1.source AS source_1,
       s2.name AS subject_2, c2.negated AS negated_2, c2.attributed_to AS claimant_2,
       c2.sentence AS sentence_2, d2.name AS document_2, d2.source AS source_2
ORDER BY relation, subject_1, subject_2, sentence_1, sentence_2
