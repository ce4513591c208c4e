package dk.grantlifecycle.api.kafka;

import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The local mode's KRaft broker. The test kit under it deletes its data directories from JVM
 * shutdown hooks, which run at the same time as Spring's own hook: on Ctrl-C the directories
 * vanished under a running broker, which then logged storage errors. Here those deletions wait
 * until the Spring context has stopped the broker.
 */
final class LocalKafkaBroker extends EmbeddedKafkaKraftBroker {

    private final List<Runnable> deletions = new CopyOnWriteArrayList<>();

    LocalKafkaBroker(int partitions, String... topics) {
        super(1, partitions, topics);
    }

    @Override
    public void afterPropertiesSet() {
        Exit.setShutdownHookAdder((name, hook) -> deletions.add(hook));
        try {
            super.afterPropertiesSet();
        } finally {
            Exit.resetShutdownHookAdder();
        }
    }

    @Override
    public void destroy() {
        super.destroy();
        deletions.forEach(Runnable::run);
    }
}
