-- Simulation mode keeps its clock here, so a restart continues the simulated time.
CREATE TABLE simulation_clock (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    offset_millis BIGINT   NOT NULL
);
