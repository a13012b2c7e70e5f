// name: top_actors
// purpose: The 25 entities with the most evidence: the sum of the weights of their
//   summary edges in and out (kept by the loader as Entity.evidence).
//   `graphkit actors` adds degree, betweenness and brokerage.
// params: none
MATCH (a:Entity)
WHERE a.evidence > 0
RETURN a.name AS entity, a.kind AS kind, a.evidence AS weight
ORDER BY weight DESC, entity
LIMIT 25
