-- Defines severity_level(value, at1, at2, at3): 3, 2 or 1 for the highest cut-off `value` reaches,
-- null below at1. Every graded signal (a drop share, a lost share, days left negated) uses it, so
-- "severity k from config severityK" reads the same everywhere.
create or replace temp macro severity_level(value, at1, at2, at3) as
    case
        when value >= at3 then 3
        when value >= at2 then 2
        when value >= at1 then 1
    end
