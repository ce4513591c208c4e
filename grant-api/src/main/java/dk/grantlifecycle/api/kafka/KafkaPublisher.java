package dk.grantlifecycle.api.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes every domain event to the lifecycle topic, from its own pooled streaming processor
 * ({@value #PROCESSING_GROUP}, one segment, token in PostgreSQL). The events of a batch are sent in
 * store order and awaited before the batch's token is stored; a failed send is tried again with
 * back-off (from {@code grants.kafka.retry.initial} doubling to {@code .max}), together with every
 * event after it in the batch, until the broker takes them. So the token never passes an event
 * that is not on Kafka, and a restart or an outage yields redeliveries of the same ids, never a
 * gap. Commands never wait for Kafka: they only store events.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
@ConditionalOnProperty(name = "grants.kafka.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaPublisher implements ApplicationListener<ContextClosedEvent> {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private final KafkaClients clients;
    private final EventEnvelope envelope;
    private final String topic;
    private final KafkaSettings.Retry retry;
    private final MeterRegistry metrics;
    private final Counter errors;
    private final Counter retries;
    private final Map<String, Counter> published = new HashMap<>();
    private volatile Producer<String, CloudEvent> producer;
    private volatile boolean closing;
    private volatile String lastFailure;

    /** How long one batch keeps trying in place (the processor's transaction is open meanwhile; Axon's timeout for it is longer). */
    static final Duration IN_PLACE = Duration.ofSeconds(45);

    public KafkaPublisher(KafkaClients clients, MeterRegistry metrics) {
        this.clients = clients;
        this.envelope = new EventEnvelope(AllowLists.load(), clients.settings().source());
        this.topic = clients.settings().topics().events();
        this.retry = clients.settings().retry();
        this.metrics = metrics;
        this.errors = Counter.builder("grants.kafka.publish.errors").description("failed sends to Kafka (each is tried again)")
                .register(metrics);
        this.retries = Counter.builder("grants.kafka.publish.retries").description("attempts to publish again after a failed send")
                .register(metrics);
    }

    /** One event on its way: the record key (the case id) and its CloudEvent. */
    record Outgoing(String key, CloudEvent value) {
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        Outgoing record = new Outgoing(EventEnvelope.keyOf(payload), envelope.toCloudEvent(event));
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Outgoing> batch = unitOfWork.getOrComputeResource(PENDING, k -> {
            List<Outgoing> records = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> sendAll(records));
            return records;
        });
        batch.add(record);
    }

    /**
     * Sends the batch in order and waits for every acknowledgement; after a failure, again from the first unsent one.
     * A batch holds its processor's transaction open, so after {@link #IN_PLACE} of failures it gives up: the
     * batch is rolled back, its token stays, and the processor tries it again from there.
     */
    void sendAll(List<Outgoing> records) {
        int from = 0;
        Duration backOff = retry.initial();
        long giveUpAt = System.nanoTime() + IN_PLACE.toNanos();
        while (from < records.size()) {
            int failedAt = attempt(records, from);
            if (failedAt < 0) {
                return;
            }
            from = failedAt;
            if (closing) {
                throw new IllegalStateException("the service is stopping with " + (records.size() - from)
                        + " event(s) of this batch unpublished; they are published from the stored token at the next start");
            }
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("Kafka did not take event " + records.get(from).value().getId() + " within " + IN_PLACE
                        + " (" + lastFailure + "); the batch is tried again from the stored token");
            }
            log.warn("Kafka publish of event {} failed ({}); trying again in {} ms ({} event(s) of the batch left)",
                    records.get(from).value().getId(), lastFailure, backOff.toMillis(), records.size() - from);
            sleep(backOff);
            retries.increment();
            backOff = backOff.multipliedBy(2).compareTo(retry.max()) > 0 ? retry.max() : backOff.multipliedBy(2);
        }
    }

    /** Returns the index of the first record not acknowledged, or -1 when all are. */
    private int attempt(List<Outgoing> records, int from) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            Producer<String, CloudEvent> p = producer();
            for (int i = from; i < records.size(); i++) {
                // A new record for every attempt: a sent record's headers are closed, and the serializer writes one.
                sent.add(p.send(new ProducerRecord<>(topic, records.get(i).key(), records.get(i).value())));
            }
        } catch (RuntimeException e) {
            // nothing sent after this one: the ones before it are awaited below
            failed(e);
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
                Outgoing r = records.get(from + i);
                published.computeIfAbsent(r.value().getType(), t -> Counter.builder("grants.kafka.published")
                        .description("events published to Kafka").tag("type", t).register(metrics)).increment();
            } catch (ExecutionException e) {
                failed(e.getCause());
                return from + i;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing to Kafka", e);
            }
        }
        return from + sent.size() < records.size() ? from + sent.size() : -1;
    }

    /**
     * After a failed send the producer is replaced: an idempotent producer whose batch expired may be
     * unable to continue its sequence, and a fresh one reconnects cleanly once the broker is back.
     */
    private void failed(Throwable cause) {
        errors.increment();
        lastFailure = cause.toString();
        log.debug("Kafka send failed", cause);
        Producer<String, CloudEvent> old = producer;
        producer = null;
        if (old != null) {
            old.close(Duration.ZERO);
        }
    }

    private synchronized Producer<String, CloudEvent> producer() {
        if (producer == null) {
            Map<String, Object> config = clients.producer("publisher");
            config.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED);
            config.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
            CloudEventSerializer values = new CloudEventSerializer();
            values.configure(config, false);
            producer = new KafkaProducer<>(config, new StringSerializer(), values);
        }
        return producer;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to publish to Kafka again", e);
        }
    }

    /** The service is stopping: a retry loop gives up (the token stays), so the processor can stop in time. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        Producer<String, CloudEvent> p = producer;
        producer = null;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
