-- Defines poisson_z(expected, seen, baseline_weeks): how many standard deviations a count lies
-- below what was expected (negative when above), treating counts as Poisson and the expectation
-- as the median of `baseline_weeks` weekly counts, itself uncertain: its variance adds about
-- π/(2k) of the count's own, so a two-week baseline asks for a clearer fall than a four-week one.
-- The expectation is floored at 1 so a count rising from nothing is not infinitely significant.
-- Signals compare it with $significance_z (config signals.significanceZ).
create or replace temp macro poisson_z(expected, seen, baseline_weeks) as
    (expected - seen) / sqrt(greatest(expected, 1) * (1 + pi() / (2 * baseline_weeks)))
