// name: attacks_on
// purpose: Who attacked $name, with the evidence: its attackers by asserted evidence
//   (ATTACKED summary edges), strongest first, each with its five most recent claims
//   (sentence, who said so, negated/hedged flags, document). At most 100 rows.
// params: $name — entity name, alias or key (case-insensitive)
//         $since — optional ISO date: only claims from documents published on or after it
//         $until — optional ISO date: only claims from documents published on or before it
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(t:Entity)
MATCH (a:Entity)-[e:ATTACKED]->(t)
WITH a, t, e ORDER BY e.weight DESC, a.name LIMIT 20
WITH a, t, e, a.key + '|ATTACKED|' + t.key AS pair
MATCH (c:Claim {pair: pair})
MATCH (c)-[:IN]->(d:Document)
WHERE ($since IS NULL OR d.published >= $since) AND ($until IS NULL OR d.published <= $until)
WITH a, t, e, c, d ORDER BY d.published DESC
WITH a, t, e, collect([c, d])[..5] AS evidence
UNWIND evidence AS cd
WITH a, t, e, cd[0] AS c, cd[1] AS d
RETURN a.name AS attacker, t.name AS target, e.weight AS weight, c.sentence AS sentence,
       c.attributed_to AS attributed_to, c.negated AS negated, c.hedged AS hedged,
       d.name AS document, d.source AS source, d.published AS published
ORDER BY weight DESC, attacker, published DESC
LIMIT 100
