-- A sync that reads a branch's whole history (the first one, after a branch change, after a force-push)
-- says so on its tip tree; the commits it did not send are then no longer in the history and go.
ALTER TABLE analysis.commits ADD COLUMN seen_in_job uuid;
ALTER TABLE analysis.jobs ADD COLUMN head_sha text;
ALTER TABLE analysis.jobs ADD COLUMN full_history boolean NOT NULL DEFAULT false;
