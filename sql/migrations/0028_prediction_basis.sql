-- What a month's payment scores were computed from: the model run, the date they are as of, the last fact change
-- recorded (fact_changes) and the definitions the derived tables were built from (refresh_state.built_from). A
-- refresh keeps the stored scores as of that date when the definitions are the same and no fact change since is dated
-- on or before it (a day's facts after the month the scores are as of): the same model on the same facts gives the
-- same scores.
CREATE TABLE prediction_basis (
    run_id          BIGINT NOT NULL,
    as_of           DATE NOT NULL,
    through_change  BIGINT NOT NULL,
    built_from      VARCHAR,
    scored_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, as_of)
);
