// name: paths_between
// purpose: The shortest paths between $a and $b over summary edges (either
//   direction), up to 4 hops: the entities on the way and each step as
//   "subject -RELATION-> object" with its weight. The search starts from the end
//   with less evidence (a hub has thousands of neighbours, its partner few) and the
//   paths are turned round to read from $a.
// params: $a — entity name, alias or key (case-insensitive)
//         $b — entity name, alias or key (case-insensitive)
WITH toLower($a) AS ka, toLower($b) AS kb
MATCH (:Name {lower: ka})-[:NAMES]->(a:Entity)
MATCH (:Name {lower: kb})-[:NAMES]->(b:Entity)
WHERE b.key <> a.key
WITH a, b, coalesce(a.evidence, 0) <= coalesce(b.evidence, 0) AS from_a
WITH a, b, from_a, CASE WHEN from_a THEN a ELSE b END AS x, CASE WHEN from_a THEN b ELSE a END AS y
MATCH p = allShortestPaths((x)-[:BACKS|OPPOSES|GUARANTEES|ATTACKED|PARTY_TO|COOPERATES|MEMBER_OF|LEADS*..4]-(y))
WITH p, CASE WHEN from_a THEN nodes(p) ELSE reverse(nodes(p)) END AS ns,
     CASE WHEN from_a THEN relationships(p) ELSE reverse(relationships(p)) END AS rs
RETURN length(p) AS hops, [n IN ns | n.name] AS entities,
       [r IN rs | startNode(r).name + ' -' + type(r) + '-> ' + endNode(r).name] AS steps,
       [r IN rs | r.weight] AS weights
ORDER BY hops, entities
