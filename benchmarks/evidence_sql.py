"""The co-operation table's rows (scope=all) in one PostgreSQL query, for COPY … TO STDOUT: the floor the exports are
compared with. Details are aggregated in SQL (string_agg), so this is the database doing all of the work."""

# ruff: noqa: E501 (SQL reads better unwrapped)

COPY_SQL = """
WITH bodies AS (
    SELECT s.id, CASE WHEN s.kind = 'organisation' THEN s.organisation_name
                      ELSE trim(s.first_name || ' ' || s.last_name) END AS name,
           (SELECT string_agg(c.name, '; ') FROM stakeholder_category sc JOIN category c ON c.id = sc.category_id
             WHERE sc.stakeholder_id = s.id) AS category
      FROM stakeholder s
), engagement_rows AS (
    SELECT e.starts_at AS at, 0 AS source, e.id AS record_id, coalesce(a.organisation_id, a.id) AS body_id
      FROM engagement e JOIN engagement_stakeholder es ON es.engagement_id = e.id JOIN stakeholder a ON a.id = es.stakeholder_id
     WHERE e.status = 'held' GROUP BY e.id, e.starts_at, coalesce(a.organisation_id, a.id)
)
SELECT * FROM (
  SELECT r.at, r.source, r.record_id, 'E' || e.id || '-S' || r.body_id AS ref, (r.at AT TIME ZONE 'Europe/London')::date AS date,
         b.name AS body, b.category,
         (SELECT string_agg(m.name, '; ' ORDER BY m.name) FROM engagement_matter em JOIN strategic_matter m ON m.id = em.matter_id
           WHERE em.engagement_id = e.id) AS matters,
         ps.name AS plan_stage, e.kind AS form, e.level,
         (SELECT string_agg(CASE WHEN s.kind = 'organisation' THEN s.organisation_name ELSE s.first_name || ' ' || s.last_name END, '; '
                            ORDER BY s.sort_name)
            FROM engagement_stakeholder es JOIN stakeholder s ON s.id = es.stakeholder_id WHERE es.engagement_id = e.id) AS attendees,
         e.summary, e.agreement || '. ' || e.outcome AS outcome,
         (SELECT string_agg(x.description || ' (' || au.code || ', due ' || x.due_on || ', ' || x.status || ')', '; ' ORDER BY x.due_on)
            FROM engagement_action x JOIN authority au ON au.id = x.owner_authority_id WHERE x.engagement_id = e.id) AS actions,
         e.influence_on_plan, coalesce(nullif(e.evidence_url, ''), '/engagements/' || e.id) AS evidence_url
    FROM engagement_rows r JOIN engagement e ON e.id = r.record_id JOIN bodies b ON b.id = r.body_id
    LEFT JOIN plan_stage ps ON ps.id = e.plan_stage_id
  UNION ALL
  SELECT coalesce(i.sent_at, i.created_at), 1, i.id, 'I' || i.id, (coalesce(i.sent_at, i.created_at) AT TIME ZONE 'Europe/London')::date,
         b.name, b.category, '', c.stage, 'invitation', '', '', 'Invited to comment on ' || c.title,
         CASE WHEN EXISTS (SELECT 1 FROM respondent rs WHERE rs.consultation_id = c.id AND rs.stakeholder_id = i.stakeholder_id)
              THEN 'Responded' ELSE 'No response received' END, '', '', '/consultations/' || c.id || '/invitations'
    FROM invitation i JOIN consultation c ON c.id = i.consultation_id
    JOIN stakeholder s ON s.id = i.stakeholder_id JOIN bodies b ON b.id = coalesce(s.organisation_id, s.id)
   WHERE i.status IN ('sent', 'recorded')
  UNION ALL
  SELECT p.received_at, 2, p.id, 'R-' || lpad(p.respondent_id::text, 5, '0') || '-' || p.number,
         (p.received_at AT TIME ZONE 'Europe/London')::date,
         coalesce(b.name, trim(rs.first_name || ' ' || rs.last_name)), b.category, '', c.stage, 'representation', '', '',
         p.nature || ' (' || c.title || '): ' || left(p.comment, 600),
         'Sound: ' || p.sound || '; legally compliant: ' || p.legally_compliant, '', '',
         '/consultations/representations/R-' || lpad(p.respondent_id::text, 5, '0') || '-' || p.number
    FROM representation p JOIN respondent rs ON rs.id = p.respondent_id JOIN consultation c ON c.id = p.consultation_id
    LEFT JOIN stakeholder s ON s.id = rs.stakeholder_id LEFT JOIN bodies b ON b.id = coalesce(s.organisation_id, s.id)
) AS rows
ORDER BY at, source, record_id
"""
