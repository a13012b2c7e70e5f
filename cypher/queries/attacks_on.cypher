// name: attacks_on
// purpose: Who attacked $name, with the evidence: its attackers by asserted evidence
//   (ATTACKED summary edges), strongest first, each with its five most recent asserted
//   claims (sentence, who said so, confidence, document). At most 100 rows.
//   Without dates the claims come from the edge's own list of its recent claims
//   (e.recent), so a hub answers as fast as a leaf; with $since/$until each
//   attacker's claims are read and filtered by their document's date.
// params: $name — entity name, alias or key (case-insensitive)
//         $since — optional ISO date: only claims from documents published on or after it
//         $until — optional ISO date: only claims from documents published on or before it
WITH toLower($name) AS k
MATCH (:Name {lower: k})-[:NAMES]->(t:Entity)
MATCH (a:Entity)-[e:ATTACKED]->(t)
WITH a, t, e ORDER BY e.weight DESC, a.name LIMIT 20
WITH a, t, e, ($since IS NULL AND $until IS NULL) AS fast
OPTIONAL MATCH (c:Claim {pair: CASE WHEN fast THEN '' ELSE a.key + '|ATTACKED|' + t.key END})
WHERE NOT coalesce(c.negated, false) AND NOT coalesce(c.hedged, false)
  AND ($since IS NULL OR c.published >= $since) AND ($until IS NULL OR c.published <= $until)
WITH a, t, e, fast, c ORDER BY c.published DESC, c.id DESC
WITH a, t, e, fast, [x IN collect(c.id) WHERE x IS NOT NULL][..5] AS scanned
UNWIND CASE WHEN fast THEN [i IN coalesce(e.recent, []) | split(i, '|')[1]] ELSE scanned END AS cid
MATCH (c:Claim {id: cid})
MATCH (d:Document {id: c.doc})
RETURN a.name AS attacker, t.name AS target, e.weight AS weight, c.sentence AS sentence,
       c.attributed_to AS attributed_to, c.confidence AS confidence,
       d.name AS document, d.source AS source, d.published AS published
ORDER BY weight DESC, attacker, published DESC
LIMIT 100
