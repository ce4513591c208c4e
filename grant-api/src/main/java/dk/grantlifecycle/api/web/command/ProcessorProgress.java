package dk.grantlifecycle.api.web.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wakes whoever waits for the read models as soon as any event processor commits a batch, so a
 * command's answer goes out when the read models have its events rather than at the next tick of
 * a poll. Batches of events no handler takes, and segments run by other nodes, advance without
 * it; waiters therefore also look again after a short interval.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorProgress {

    private final Object monitor = new Object();

    @Bean
    public ConfigurerModule processorProgressSignal() {
        MessageHandlerInterceptor<EventMessage<?>> signal = new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                unitOfWork.afterCommit(u -> advanced());
                return chain.proceed();
            }
        };
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> signal);
    }

    void advanced() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Waits until a processor commits a batch, or at most {@code millis}. */
    void awaitProgress(long millis) throws InterruptedException {
        if (millis <= 0) {
            return;
        }
        synchronized (monitor) {
            monitor.wait(millis);
        }
    }
}
