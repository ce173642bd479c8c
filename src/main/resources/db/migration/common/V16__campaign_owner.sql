-- A campaign belongs to an organisation and is seen and used in that organisation's subtree
-- (domain.md §3). Existing campaigns were the province's: they belong to the root.
alter table campaign add column org_code varchar(32);
alter table campaign add column org_path varchar(1000);
update campaign set
  org_code = (select o.code from org_unit o where o.parent_id is null order by o.id fetch first 1 rows only),
  org_path = (select o.path from org_unit o where o.parent_id is null order by o.id fetch first 1 rows only);
alter table campaign alter column org_code set not null;
alter table campaign alter column org_path set not null;
create index ix_campaign_org_path on campaign (org_path);
