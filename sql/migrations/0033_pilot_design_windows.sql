-- A pilot is measured as it was drawn: the months compared before and after its start belong to its design too, so
-- that a pilots.csv changed after the draw (a window moved once results were seen) cannot change what is measured.
ALTER TABLE pilot_designs ADD COLUMN pre_months INTEGER;
ALTER TABLE pilot_designs ADD COLUMN post_months INTEGER;
-- A pilot drawn before this migration: the windows its pilots.csv row says now are the best knowledge of its design.
UPDATE pilot_designs d SET pre_months = p.pre_months, post_months = p.post_months FROM pilots p WHERE p.pilot_id = d.pilot_id;
