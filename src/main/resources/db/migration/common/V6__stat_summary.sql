-- Per unit, campaign and category: the closed-case figures, kept in step with stat_case_fact in
-- the closing (and voiding) transaction. The statistics table sums these few rows (units ×
-- 11 categories) instead of scanning every fact: milliseconds at a million cases.
create table stat_summary (
  campaign_code varchar(32)   not null,
  org_code      varchar(32)   not null,
  org_path      varchar(1000) not null,
  category      varchar(3)    not null,
  cases         bigint        not null default 0,
  total_fen     bigint        not null default 0,
  e1            bigint        not null default 0,
  e2            bigint        not null default 0,
  e3            bigint        not null default 0,
  e4            bigint        not null default 0,
  e5            bigint        not null default 0,
  nf_cases      bigint        not null default 0,
  nf_fen        bigint        not null default 0,
  dis_cases     bigint        not null default 0,
  dis_fen       bigint        not null default 0,
  primary key (campaign_code, org_code, category)
);
create index ix_stat_summary_campaign_path on stat_summary (campaign_code, org_path);

-- Existing facts (none in a new installation) seed the summary.
insert into stat_summary (campaign_code, org_code, org_path, category, cases, total_fen, e1, e2, e3, e4, e5,
                          nf_cases, nf_fen, dis_cases, dis_fen)
select campaign_code, org_code, min(org_path), category, count(*), sum(amount_fen + goods_fen),
       sum(case when e1 then 1 else 0 end), sum(case when e2 then 1 else 0 end), sum(case when e3 then 1 else 0 end),
       sum(case when e4 then 1 else 0 end), sum(case when e5 then 1 else 0 end),
       sum(case when new_form then 1 else 0 end), sum(case when new_form then amount_fen + goods_fen else 0 end),
       sum(case when disabled then 1 else 0 end), sum(case when disabled then amount_fen + goods_fen else 0 end)
from stat_case_fact where voided = false group by campaign_code, org_code, category;
