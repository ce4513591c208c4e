-- One row per running service instance, refreshed every few seconds: lets each instance know how
-- many share the event processors' segments (see SegmentBalancer). Not a lock and not a leader
-- election: Axon's token claims remain the only coordination of event processing.
CREATE TABLE service_node (
    node_id    VARCHAR(255)             PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
