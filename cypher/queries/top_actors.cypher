// name: top_actors
// purpose: The 25 entities with the most evidence: the sum of the weights of their
//   summary edges (in and out, kept by the loader as Entity.evidence), with how many
//   edges and how many distinct partners.
// params: none
MATCH (a:Entity)
WHERE a.evidence > 0
WITH a ORDER BY a.evidence DESC, a.name LIMIT 25
MATCH (a)-[r:BACKS|OPPOSES|GUARANTEES|ATTACKED|PARTY_TO|COOPERATES|MEMBER_OF|LEADS]-(x:Entity)
RETURN a.name AS entity, a.kind AS kind, a.evidence AS weight, count(r) AS edges,
       count(DISTINCT x) AS partners
ORDER BY weight DESC, entity
