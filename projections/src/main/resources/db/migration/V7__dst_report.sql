-- DST-REPORT: grant starts, changes and ends per paragraph and month (a projection, rebuilt on
-- replay), and the reports already produced (records, never rebuilt), so a movement reported late
-- becomes a correction of its month.
CREATE TABLE dst_grant (
    grant_id     VARCHAR(64) PRIMARY KEY,
    case_id      VARCHAR(64) NOT NULL,
    citizen_id   VARCHAR(64),
    municipality VARCHAR(64) NOT NULL,
    paragraph    VARCHAR(16) NOT NULL
);

CREATE TABLE dst_movement (
    event_id     VARCHAR(255) PRIMARY KEY,
    grant_id     VARCHAR(64)  NOT NULL,
    citizen_id   VARCHAR(64),
    municipality VARCHAR(64)  NOT NULL,
    paragraph    VARCHAR(16)  NOT NULL,
    movement     VARCHAR(16)  NOT NULL,
    occurred_on  DATE         NOT NULL,
    month        CHAR(7)      NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dst_movement_month_idx ON dst_movement (municipality, month);

CREATE TABLE dst_report (
    report_id    VARCHAR(64) PRIMARY KEY,
    municipality VARCHAR(64) NOT NULL,
    month        CHAR(7)     NOT NULL,
    produced_at  TIMESTAMPTZ NOT NULL,
    produced_by  VARCHAR(128)
);

CREATE TABLE dst_report_line (
    report_id    VARCHAR(64)  NOT NULL REFERENCES dst_report (report_id),
    event_id     VARCHAR(255) NOT NULL,
    municipality VARCHAR(64)  NOT NULL,
    correction   BOOLEAN      NOT NULL,
    PRIMARY KEY (report_id, event_id),
    UNIQUE (municipality, event_id)
);
