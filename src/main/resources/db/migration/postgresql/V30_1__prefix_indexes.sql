-- Scope is a prefix match (org_path like '/SX/SX-XA/%'). Under a non-C collation a plain btree
-- index cannot serve LIKE 'prefix%' (checked with EXPLAIN); these can. H2 needs none.
create index ix_worker_org_path_prefix on worker (org_path varchar_pattern_ops);
create index ix_aid_case_org_path_prefix on aid_case (org_path varchar_pattern_ops);
create index ix_hardship_file_org_path_prefix on hardship_file (org_path varchar_pattern_ops);
create index ix_payment_batch_org_path_prefix on payment_batch (org_path varchar_pattern_ops);
create index ix_audit_log_org_path_prefix on audit_log (org_path varchar_pattern_ops);
