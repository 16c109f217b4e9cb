-- Drill-down handset mix in each group's last scored week: models by members, and whether they
-- can hold a second SIM (dual-SIM) or a China Telecom one (CDMA2000). Never an IMEI.
with
tac as (
    select tac, brand, model
    from raw_tac
    qualify row_number() over (partition by tac order by week desc) = 1
)
select f.group_id, coalesce(t.brand, '未知') as brand, coalesce(t.model, '未知') as model,
       coalesce(f.handset_dual_sim, false) as dual_sim, coalesce(f.handset_cdma2000, false) as cdma2000,
       count(*)::integer as members
from member_week_features f
join dash_drill_groups d on d.group_id = f.group_id and d.last_week = f.week
left join tac t on t.tac = f.tac_latest
where f.tac_latest is not null
group by all
order by f.group_id, members desc, brand, model
