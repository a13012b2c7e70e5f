// name: paths_between
// purpose: The shortest paths between $a and $b over summary edges (either
//   direction), up to 4 hops: the entities on the way and each step as
//   "subject -RELATION-> object" with its weight.
// params: $a — entity name, alias or key (case-insensitive)
//         $b — entity name, alias or key (case-insensitive)
WITH toLower($a) AS ka, toLower($b) AS kb
MATCH (:Name {lower: ka})-[:NAMES]->(a:Entity)
MATCH (:Name {lower: kb})-[:NAMES]->(b:Entity)
WHERE b.key <> a.key
MATCH p = allShortestPaths((a)-[:BACKS|OPPOSES|GUARANTEES|ATTACKED|PARTY_TO|COOPERATES|MEMBER_OF|LEADS*..4]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS entities,
       [r IN relationships(p) | startNode(r).name + ' -' + type(r) + '-> ' + endNode(r).name] AS steps,
       [r IN relationships(p) | r.weight] AS weights
ORDER BY hops, entities
