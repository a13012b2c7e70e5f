// name: top_actors
// purpose: The 25 entities with the most evidence: the sum of the weights of their
//   summary edges (in and out), with how many edges and how many distinct partners.
// params: none
MATCH (a:Entity)-[r:BACKS|OPPOSES|GUARANTEES|ATTACKED|PARTY_TO|COOPERATES|MEMBER_OF|LEADS]-(x:Entity)
RETURN a.name AS entity, a.kind AS kind, sum(r.weight) AS weight, count(r) AS edges,
       count(DISTINCT x) AS partners
ORDER BY weight DESC, entity
LIMIT 25
