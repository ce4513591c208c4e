package dk.grantlifecycle.api.config;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Axon's statements for the JDBC dead-letter queue, with one fixed: in Axon 4.13.0 the query for
 * claimable sequences pages with {@code sequenceIndex >= offset} instead of an SQL offset
 * (AxonFramework issue 4544, fixed after 4.13.0), so a retry that looks for one case's sequence
 * misses it once more than ten sequences are parked. This pages the ordered sequence heads with
 * {@code OFFSET}, as the upstream fix does. Remove it when Axon is upgraded past the fix.
 */
final class ClaimableSequencePaging extends DefaultDeadLetterStatementFactory<EventMessage<?>> {

    private final DeadLetterSchema schema;

    ClaimableSequencePaging(DeadLetterSchema schema, Serializer genericSerializer, Serializer eventSerializer) {
        super(DefaultDeadLetterStatementFactory.<EventMessage<?>>builder()
                .schema(schema)
                .genericSerializer(genericSerializer)
                .eventSerializer(eventSerializer));
        this.schema = schema;
    }

    @Override
    public PreparedStatement claimableSequencesStatement(Connection connection, String processingGroup,
                                                         Instant processingStartedLimit, int offset, int maxSize)
            throws SQLException {
        DeadLetterSchema s = schema;
        String sql = "SELECT * FROM " + s.deadLetterTable() + " dl"
                + " WHERE dl." + s.processingGroupColumn() + " = ?"
                + " AND dl." + s.sequenceIndexColumn() + " = (SELECT MIN(dl2." + s.sequenceIndexColumn() + ") FROM "
                + s.deadLetterTable() + " dl2 WHERE dl2." + s.processingGroupColumn() + " = dl." + s.processingGroupColumn()
                + " AND dl2." + s.sequenceIdentifierColumn() + " = dl." + s.sequenceIdentifierColumn() + ")"
                + " AND (dl." + s.processingStartedColumn() + " IS NULL OR dl." + s.processingStartedColumn() + " < ?)"
                + " ORDER BY dl." + s.lastTouchedColumn() + " ASC, dl." + s.deadLetterIdentifierColumn() + " ASC"
                + " LIMIT ? OFFSET ?";
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setString(1, processingGroup);
        statement.setString(2, DateTimeUtils.formatInstant(processingStartedLimit));
        statement.setInt(3, maxSize);
        statement.setInt(4, offset);
        return statement;
    }
}
