package dk.grantlifecycle.api;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a whole topic from the beginning with a plain {@link KafkaConsumer}, as an outside consumer would. */
final class KafkaTopic {

    private KafkaTopic() {
    }

    /** Every record of the topic, decoded with the CloudEvents SDK's deserializer (structured or binary mode). */
    static List<ConsumerRecord<String, CloudEvent>> cloudEvents(String servers, String topic, Predicate<List<ConsumerRecord<String, CloudEvent>>> enough,
                                                                Duration timeout) {
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config(servers), new StringDeserializer(),
                new CloudEventDeserializer())) {
            return readAll(consumer, topic, enough, timeout);
        }
    }

    /** Every record of the topic as bytes: keys, values and headers as they are on the wire. */
    static List<ConsumerRecord<byte[], byte[]>> raw(String servers, String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> enough,
                                                    Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(servers), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return readAll(consumer, topic, enough, timeout);
        }
    }

    private static <K, V> List<ConsumerRecord<K, V>> readAll(KafkaConsumer<K, V> consumer, String topic,
                                                             Predicate<List<ConsumerRecord<K, V>>> enough, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            if (enough.test(records)) {
                // one more short poll: nothing further is on its way
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                return records;
            }
        }
        return records;
    }

    private static Map<String, Object> config(String servers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    }
}
