// name: attacks_on
// purpose: Who attacked $name, with the evidence: every ATTACKED claim against it
//   (asserted, negated or hedged: see the flags), its sentence, who said so, and the document.
// params: $name — entity name, alias or key (case-insensitive)
MATCH (t:Entity)
WHERE t.key = $name OR toLower(t.name) = toLower($name)
   OR ANY(a IN coalesce(t.aliases, []) WHERE toLower(a) = toLower($name))
MATCH (a:Entity)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(t)
WHERE c.relation = 'ATTACKED'
MATCH (c)-[:IN]->(d:Document)
RETURN a.name AS attacker, t.name AS target, c.sentence AS sentence,
       c.attributed_to AS attributed_to, c.negated AS negated, c.hedged AS hedged,
       d.name AS document, d.source AS source, d.published AS published
ORDER BY attacker, document, sentence
