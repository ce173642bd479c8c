-- Indexes for the queries a deadline week repeats most (issue 13, docs/performance.md): the case
-- list, the dashboard and the funds overview filter one campaign below a path. (On PostgreSQL the
-- path compares byte-wise since V37, so "campaign = ? and path like 'prefix%'" is one index range.)
create index ix_aid_case_campaign_path on aid_case (campaign_code, org_path);
