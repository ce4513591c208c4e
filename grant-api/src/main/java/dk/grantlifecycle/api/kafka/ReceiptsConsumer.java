package dk.grantlifecycle.api.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.grantlifecycle.api.config.AxonConfig;
import dk.grantlifecycle.domain.decision.DeliveryChannel;
import dk.grantlifecycle.domain.grant.GrantCommands.RecordReceipt;
import dk.grantlifecycle.domain.shared.Copenhagen;
import dk.grantlifecycle.domain.shared.DecisionId;
import dk.grantlifecycle.domain.shared.GrantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * RECEIPT from the letter and Digital Post system: takes delivery confirmations from the inbound
 * topic and records each on its decision ({@link RecordReceipt}), so the complaint window, notice
 * and effect run from the real receipt.
 * <p>
 * A message is JSON: {@code messageId}, {@code grantId}, {@code decisionId}, {@code channel}
 * (DIGITAL_POST, PAPER, IN_PERSON) and {@code receivedOn} or {@code availableInInboxOn} (ISO date).
 * The message id and the receipt are stored in one transaction; a message id seen before is
 * ignored. A message that cannot be read or that the domain refuses (unknown grant or decision, a
 * date before the decision or in the future, a different receipt already confirmed) goes to the
 * dead-letter topic with the reason in the header {@value #REASON_HEADER}, and the partition moves on. The
 * offset is committed only after the receipt (or the dead letter) is stored; when the database
 * or the broker is out of reach the message is tried again, never skipped.
 */
@Component
@ConditionalOnProperty(name = "grants.kafka.enabled", havingValue = "true", matchIfMissing = true)
public class ReceiptsConsumer implements SmartLifecycle {

    public static final String REASON_HEADER = "dlt-reason";
    public static final String ACTOR = "system:delivery-receipts";

    private static final Logger log = LoggerFactory.getLogger(ReceiptsConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The inbound contract. */
    public record Receipt(String messageId, String grantId, String decisionId, DeliveryChannel channel, LocalDate receivedOn,
                          LocalDate availableInInboxOn) {
    }

    private final KafkaClients clients;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Counter recorded;
    private final Counter duplicates;
    private final MeterRegistry metrics;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public ReceiptsConsumer(KafkaClients clients, CommandGateway commands, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                            Clock clock, MeterRegistry metrics) {
        this.clients = clients;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.metrics = metrics;
        this.recorded = Counter.builder("grants.kafka.receipts.consumed").tag("outcome", "recorded")
                .description("delivery receipts taken from Kafka").register(metrics);
        this.duplicates = Counter.builder("grants.kafka.receipts.consumed").tag("outcome", "duplicate")
                .description("delivery receipts taken from Kafka").register(metrics);
        for (String reason : List.of("malformed", "refused")) {
            Counter.builder("grants.kafka.receipts.dead-lettered").tag("reason", reason)
                    .description("receipts sent to the dead-letter topic").register(metrics);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "kafka-receipts");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the event processors and the database pool (higher phases stop first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /**
     * Polls until stopped. A failure of the consumer itself (a commit refused in a rebalance, the broker away too
     * long) closes it and opens a new one after a back-off, which resumes from the committed offsets: a receipt
     * stored but not yet committed comes again and is recognised by its message id.
     */
    private void run() {
        Duration backOff = clients.settings().retry().initial();
        while (running) {
            try {
                consume();
                return;
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("the receipts consumer failed ({}); it starts again in {} ms", e.toString(), backOff.toMillis());
                try {
                    Thread.sleep(backOff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backOff = backOff.multipliedBy(2).compareTo(clients.settings().retry().max()) > 0
                        ? clients.settings().retry().max() : backOff.multipliedBy(2);
            }
        }
    }

    private void consume() throws InterruptedException {
        String topic = clients.settings().topics().receipts();
        Duration backOff = clients.settings().retry().initial();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(clients.consumer(), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> deadLetters = new KafkaProducer<>(clients.producer("receipts-dlt"), new StringSerializer(),
                     new ByteArraySerializer())) {
            consumer = c;
            c.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                boolean failed = false;
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!handle(record, deadLetters)) {
                            // Not stored: read it again after a pause; later records of the partition wait behind it.
                            c.seek(partition, record.offset());
                            failed = true;
                            break;
                        }
                        c.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    }
                }
                if (failed) {
                    Thread.sleep(backOff.toMillis());
                    backOff = backOff.multipliedBy(2).compareTo(clients.settings().retry().max()) > 0
                            ? clients.settings().retry().max() : backOff.multipliedBy(2);
                } else {
                    backOff = clients.settings().retry().initial();
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** True when the record is done with (recorded, a duplicate, or dead-lettered); false to try it again. */
    private boolean handle(ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> deadLetters) {
        Receipt receipt;
        try {
            receipt = parse(record.value());
        } catch (RuntimeException | java.io.IOException e) {
            return deadLetter(record, deadLetters, "malformed: " + describe(e));
        }
        try {
            boolean fresh = Boolean.TRUE.equals(transaction.execute(s -> store(receipt)));
            (fresh ? recorded : duplicates).increment();
            if (!fresh) {
                log.info("receipt message {} was taken before; ignored", receipt.messageId());
            }
            return true;
        } catch (RuntimeException e) {
            if (transient_(e)) {
                log.warn("receipt message {} could not be stored now ({}); trying again", receipt.messageId(), e.toString());
                return false;
            }
            return deadLetter(record, deadLetters, "refused: " + describe(e));
        }
    }

    private Receipt parse(byte[] value) throws java.io.IOException {
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        Receipt r = JSON.readValue(value, Receipt.class);
        require(r.messageId() != null && !r.messageId().isBlank() && r.messageId().length() <= 256, "messageId is required (1-256 characters)");
        require(r.grantId() != null, "grantId is required");
        require(r.decisionId() != null, "decisionId is required");
        require(r.channel() != null, "channel is required");
        require(r.receivedOn() != null || r.availableInInboxOn() != null, "receivedOn or availableInInboxOn is required");
        GrantId.of(r.grantId());
        DecisionId.of(r.decisionId());
        LocalDate on = r.receivedOn() != null ? r.receivedOn() : r.availableInInboxOn();
        require(!on.isAfter(Copenhagen.today(clock)), "receivedOn is after today (" + Copenhagen.today(clock) + ")");
        return r;
    }

    private Boolean store(Receipt r) {
        LocalDate on = r.receivedOn() != null ? r.receivedOn() : r.availableInInboxOn();
        int inserted = jdbc.update("""
                        INSERT INTO kafka_receipt_message (message_id, grant_id, decision_id, received_on, recorded_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                r.messageId(), r.grantId(), r.decisionId(), on, Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return false;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordReceipt(GrantId.of(r.grantId()),
                DecisionId.of(r.decisionId()), r.channel(), on, r.messageId())).andMetaData(Map.of(AxonConfig.ACTOR, ACTOR)));
        return true;
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> deadLetters, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(clients.settings().topics().receiptsDeadLetter(), null,
                record.key(), record.value());
        letter.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dlt-original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dlt-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("could not dead-letter receipt at {}-{}@{} ({}); trying again", record.topic(), record.partition(),
                    record.offset(), e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        log.warn("receipt at {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), reason);
        Counter.builder("grants.kafka.receipts.dead-lettered").tag("reason", reason.startsWith("malformed") ? "malformed" : "refused")
                .description("receipts sent to the dead-letter topic").register(metrics).increment();
        return true;
    }

    /** The database or the transaction failed, not the message: it is tried again. */
    private static boolean transient_(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The reason for a dead letter: the exception's type and message, without the message's content. */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            message = j.getOriginalMessage();
        }
        message = message.length() > 300 ? message.substring(0, 300) : message;
        return e.getClass().getSimpleName() + ": " + message;
    }
}
